"""Print counts count prints (issue 14): a document starts at 0; the window's
``record_prints`` (a job sent to a printer, a 补打 included) adds the copies sent; a
reprinted PDF, opening and saving are not prints; migration 0014 keeps history
honest (the recorded 补打 count, nothing invented) and re-sends changed rows."""

from __future__ import annotations

import json

from alembic import command
from alembic.config import Config
from sqlalchemy import select, text

from desktop_app.core import db as dbmod
from desktop_app.core.models import Document, Event, ListDocument
from tests.helpers.drafts import draft


def _count(services, doc_id: int) -> int:
    return next(d.print_count for d in services.documents.for_application(
        _app_of(services, doc_id)) if d.id == doc_id)


def _app_of(services, doc_id: int) -> int:
    with services.ctx.db.read() as s:
        return s.get_one(Document, doc_id).application_id


def test_issued_documents_start_at_zero_prints(services, township):
    result = services.intake.decide(draft(services, items=("MEDICAL",)), "accept", township)
    docs = services.documents.for_application(result.application_id)
    assert len(docs) >= 3 and {d.print_count for d in docs} == {0}
    listed = services.handling.issue_handover_list("HEALTHCARE", township).value
    with services.ctx.db.read() as s:
        assert s.get_one(ListDocument, listed.id).print_count == 0


def test_record_prints_counts_copies_and_logs_the_printer(services, township):
    result = services.intake.decide(draft(services), "accept", township)
    receipt = result.documents[0]
    outcome = services.documents.record_prints(township, documents=[receipt.id], printer="PDF")
    assert outcome.value == {receipt.id: 1}
    assert outcome.changes.documents == {receipt.id}
    assert outcome.changes.applications == {result.application_id}
    services.documents.record_prints(township, documents=[receipt.id], printer="PDF", copies=2)
    assert _count(services, receipt.id) == 3
    with services.ctx.db.read() as s:
        events = [json.loads(e.detail) for e in s.scalars(
            select(Event).where(Event.action == "document.print").order_by(Event.id))]
    assert [(e["number"], e["count"], e["printer"]) for e in events] == [
        (receipt.number, 1, "PDF"), (receipt.number, 3, "PDF")]


def test_a_reprint_is_produced_not_counted_until_printed(services, township):
    result = services.intake.decide(draft(services), "accept", township)
    receipt = result.documents[0]
    first = services.documents.reprint(receipt.id, township).value
    second = services.documents.reprint(receipt.id, township).value
    assert first.path.stem.endswith("补打1") and second.path.stem.endswith("补打2")
    assert first.print_count == second.print_count == 0
    services.documents.original_pdf(receipt.id, township)  # opening is not a print either
    assert _count(services, receipt.id) == 0
    services.documents.record_prints(township, documents=[receipt.id], printer="Office")
    assert _count(services, receipt.id) == 1


def test_list_prints_are_counted(services, township):
    services.intake.decide(draft(services, items=("MEDICAL",)), "accept", township)
    listed = services.handling.issue_handover_list("HEALTHCARE", township).value
    outcome = services.documents.record_prints(township, lists=[listed.id], printer="PDF")
    assert outcome.changes.lists == {listed.id}
    with services.ctx.db.read() as s:
        assert s.get_one(ListDocument, listed.id).print_count == 1


def _migrate(folder, revision: str, *, down: bool) -> None:
    engine = dbmod.make_engine(folder / dbmod.DB_FILENAME)
    cfg = Config()
    cfg.set_main_option("script_location", str(dbmod.MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        (command.downgrade if down else command.upgrade)(cfg, revision)
    engine.dispose()


def _rows(folder):
    engine = dbmod.make_engine(folder / dbmod.DB_FILENAME)
    with engine.connect() as conn:
        docs = {r.number + r.kind: r for r in conn.execute(text(
            "SELECT id, kind, number, print_count, version, change_seq FROM document"))}
        lists = conn.execute(text(
            "SELECT print_count, version, change_seq FROM list_document")).all()
        counter = conn.execute(text("SELECT value FROM change_counter")).scalar_one()
    engine.dispose()
    return docs, lists, counter


def test_migration_0014_keeps_history_honest(services, township):
    a = services.intake.decide(draft(services, items=("MEDICAL",)), "accept", township)
    services.documents.reprint(a.documents[0].id, township)   # one 补打 of the receipt
    services.handling.issue_handover_list("HEALTHCARE", township)
    folder = services.ctx.db.data_dir
    services.close()

    # Back to 0011: the old meaning (1 for the issue, + one per 补打; lists 1).
    _migrate(folder, "0013", down=True)
    docs, lists, counter_before = _rows(folder)
    receipt = docs[a.documents[0].number + "receipt"]
    assert receipt.print_count == 2
    assert {r.print_count for k, r in docs.items() if r.id != receipt.id} == {1}
    assert [r.print_count for r in lists] == [1]

    _migrate(folder, "head", down=False)
    after, lists_after, counter_after = _rows(folder)
    assert after[a.documents[0].number + "receipt"].print_count == 1   # its recorded 补打
    assert {r.print_count for k, r in after.items() if r.id != receipt.id} == {0}
    assert [r.print_count for r in lists_after] == [0]
    # every changed row is re-sent: a new version and a fresh change_seq from the counter
    changed = len(after) + len(lists_after)
    assert counter_after == counter_before + changed
    seqs = sorted([r.change_seq for r in after.values()] + [r.change_seq for r in lists_after])
    assert seqs == list(range(counter_before + 1, counter_after + 1))
    assert all(after[k].version == docs[k].version + 1 for k in docs)


def _count_rows(services) -> tuple[int, ...]:
    with services.ctx.db.read() as s:
        return tuple(s.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
                     for t in ("application", "document", "event", "number_series"))


def _text(pdf: bytes, tmp_path) -> str:
    from tests.helpers.gui import pdf_text

    path = tmp_path / "preview.pdf"
    path.write_bytes(pdf)
    return pdf_text(path).replace(" ", "")


def test_notice_preview_renders_and_records_nothing(services, township, tmp_path):
    d = draft(services)
    code = services.ctx.catalog.item("DIBAO").required_materials[0].code
    d.items[0].materials[code] = "missing"
    before = _count_rows(services)
    pdf = services.intake.preview_decision(d, "notice", township)
    assert pdf.startswith(b"%PDF") and "一次性告知" in _text(pdf, tmp_path)
    assert _count_rows(services) == before   # nothing recorded, no number used
    issued = services.intake.decide(d, "notice", township)
    assert issued.number.endswith("0001")     # the preview used no number of the series
    assert issued.number in _text(pdf, tmp_path)
