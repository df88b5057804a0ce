"""The window's core loop through the real services, database and PDF renderer."""

from __future__ import annotations

import json
import sqlite3
import subprocess
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from desktop_app.core.errors import ValidationErrors
from desktop_app.core.models import Application, Document, Event
from desktop_app.core.services import SearchFilters
from tests.helpers.drafts import draft, resident_id


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def count(services, model) -> int:
    with services.ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def test_accept_issues_numbered_receipt_with_due_dates(services, township, clock):
    result = services.intake.decide(draft(services), "accept", township)
    assert result.status == "accepted"
    assert result.number == "522201101-20261124-0001"
    kinds = [d.kind for d in result.documents]
    assert kinds == ["receipt", "commitment", "application_form", "declaration", "calculation"]
    text = pdf_text(result.documents[0].path)
    assert "张三" in text and result.number in text
    detail = services.queries.detail(result.application_id)
    due = detail.items[0].due_date
    assert due is not None and due > date(2026, 11, 24)
    assert f"{due.year}年{due.month}月{due.day}日" in text.replace(" ", "")
    assert detail.per_capita_income_fen == 40000  # (600+200) yuan / 2 people


def test_numbers_are_continuous_per_day_and_restart_next_day(services, township, clock):
    a = services.intake.decide(draft(services), "accept", township)
    b = services.intake.decide(draft(services, name="王五", id_number=resident_id(seed=9)), "notice"
                               if False else "accept", township)
    clock.now = datetime(2026, 11, 25, 9, 0)
    c = services.intake.decide(draft(services, name="赵六", id_number=resident_id(seed=11)), "accept", township)
    assert [a.number[-4:], b.number[-4:]] == ["0001", "0002"]
    assert c.number == "522201101-20261125-0001"


def test_notice_lists_every_missing_material_and_accept_is_refused(services, township):
    d = draft(services)
    mats = [m.code for m in services.ctx.catalog.item("DIBAO").required_materials]
    d.items[0].materials[mats[0]] = "missing"
    d.items[0].materials[mats[1]] = "missing"
    with pytest.raises(ValidationErrors) as exc:
        services.intake.decide(d, "accept", township)
    assert exc.value.errors[0].field == "materials"
    assert count(services, Application) == 0
    result = services.intake.decide(d, "notice", township)
    assert result.status == "pending_materials"
    notice = next(x for x in result.documents if x.kind == "notice_missing")
    text = pdf_text(notice.path)
    item = services.ctx.catalog.item("DIBAO")
    names = {m.code: m.name for m in item.materials}
    assert names[mats[0]] in text and names[mats[1]] in text

    # 补正: the applicant comes back with the materials; a receipt with a new number.
    back = services.intake.decide_existing(
        result.application_id, {"DIBAO": {mats[0]: "received", mats[1]: "received"}}, "accept", township)
    assert back.status == "accepted"
    # the 核算表 is issued on acceptance; the forms to sign were issued with the notice
    assert [d.kind for d in back.documents] == ["receipt", "calculation"]
    assert back.documents[0].number != notice.number


def test_reject_requires_reasons_and_prints_them(services, township):
    with pytest.raises(ValidationErrors):
        services.intake.decide(draft(services), "reject", township, reject_reasons=["  "])
    result = services.intake.decide(draft(services), "reject", township,
                                    reject_reasons=["户籍不在本乡镇"])
    text = pdf_text(result.documents[0].path)
    assert "户籍不在本乡镇" in text


EXT_B = "\U000201d4"


def test_ext_b_name_survives_save_reload_search_and_pdf(services, township):
    name = "王" + EXT_B
    result = services.intake.decide(draft(services, name=name), "accept", township)
    assert services.queries.detail(result.application_id).row.name == name
    assert [r.id for r in services.queries.search(name)] == [result.application_id]
    assert [r.id for r in services.queries.search("王")] == [result.application_id]
    text = pdf_text(result.documents[0].path)
    assert name in text


def test_due_date_crossing_into_unknown_year_is_provisional(services, township, clock):
    clock.now = datetime(2026, 12, 21, 9, 30)
    d = draft(services)
    limit = services.ctx.catalog.item("DIBAO").limit_days
    assert limit == 30
    result = services.intake.decide(d, "accept", township)
    item = services.queries.detail(result.application_id).items[0]
    assert item.due_date.year == 2027 and item.provisional
    assert "暂定" in pdf_text(result.documents[0].path)


@pytest.mark.parametrize("field,mutate", [
    ("applicant.id_number", lambda d: setattr(d.applicant, "id_number", d.applicant.id_number[:-1] + (
        "0" if d.applicant.id_number[-1] != "0" else "1"))),
    ("applicant.id_number", lambda d: setattr(d.applicant, "id_number", resident_id(date(2030, 1, 1)))),
    ("applicant.name", lambda d: setattr(d.applicant, "name", "  ")),
    ("income.wage", lambda d: d.incomes.__setitem__("wage", "-5")),
    ("income.wage", lambda d: d.incomes.__setitem__("wage", "abc")),
    ("applicant.hukou_address", lambda d: setattr(d.applicant, "hukou_address", "村" * 10_000)),
    ("items", lambda d: d.items.clear()),
])
def test_bad_input_is_reported_at_its_field_and_writes_nothing(services, township, field, mutate):
    d = draft(services)
    mutate(d)
    with pytest.raises(ValidationErrors) as exc:
        services.intake.decide(d, "accept", township)
    assert field in {e.field for e in exc.value.errors}
    assert all(e.message for e in exc.value.errors)
    assert count(services, Application) == 0
    assert count(services, Document) == 0


def test_search_by_initials_id_fragment_number_and_filters(services, township):
    a = services.intake.decide(draft(services), "accept", township)
    other = draft(services, name="刘备", id_number=resident_id(date(1970, 1, 2), seed=5))
    other.members = []
    b = services.intake.decide(other, "accept", township)
    ids = lambda q, **f: [r.id for r in services.queries.search(q, SearchFilters(**f))]  # noqa: E731
    assert ids("zs") == [a.application_id]
    assert ids("ZS") == [a.application_id]
    assert ids("zhangsan") == [a.application_id]
    assert ids("lb") == [b.application_id]
    applicant_id = services.queries.detail(a.application_id)
    with services.ctx.db.read() as s:
        full = s.get(Application, a.application_id).applicant.id_number
    assert ids(full[-4:]) == [a.application_id]
    assert ids(full[6:14]) == [a.application_id]
    assert ids(a.number) == [a.application_id]
    assert ids(a.number[:18]) == [b.application_id, a.application_id]
    assert ids("", status="accepted") == [b.application_id, a.application_id]
    assert ids("", date_from=date(2026, 11, 25)) == []
    assert ids("12") == []
    row = services.queries.search("zs")[0]
    assert row.id_masked == full[:6] + "*" * 8 + full[-4:]
    assert applicant_id.row.number == a.number


def test_reprint_counts_and_void_keeps_number(services, township):
    result = services.intake.decide(draft(services), "accept", township)
    receipt = result.documents[0]
    again = services.documents.reprint(receipt.id, township).value
    assert again.print_count == 0  # a 补打 PDF is not a print (issue 14)
    assert again.path.stem.endswith("补打1")
    assert "补打" in pdf_text(again.path)
    voided = services.documents.void(receipt.id, "申请人信息录入错误", township).value
    assert voided.voided and voided.number == receipt.number
    assert services.queries.detail(result.application_id).row.status == "voided"
    nxt = services.intake.decide(draft(services), "accept", township)
    assert nxt.number.endswith("0002")  # the voided number is never reused
    assert services.documents.find("receipt", receipt.number).void_reason == "申请人信息录入错误"


def test_lost_pdf_is_rerendered_identically(services, township):
    result = services.intake.decide(draft(services), "accept", township)
    path = result.documents[0].path
    original = path.read_bytes()
    path.unlink()
    assert services.documents.original_pdf(result.documents[0].id).read_bytes() == original


def test_changes_carry_uuid_version_and_increasing_change_seq(services, township):
    r1 = services.intake.decide(draft(services), "accept", township)
    r2 = services.intake.decide(draft(services), "accept", township)
    with services.ctx.db.read() as s:
        a1, a2 = s.get(Application, r1.application_id), s.get(Application, r2.application_id)
        assert a1.uuid != a2.uuid and len(a1.uuid) == 36
        assert a1.version >= 1 and a2.change_seq > a1.change_seq
        before = a1.change_seq
    services.documents.void(r1.documents[0].id, "录入错误", township)
    with services.ctx.db.read() as s:
        a1 = s.get(Application, r1.application_id)
        assert a1.change_seq > before and a1.status == "voided"


def test_event_log_is_hash_chained_and_tampering_is_detected(services, township, data_dir):
    from desktop_app.core.services.events import verify_chain

    services.intake.decide(draft(services), "accept", township)
    with services.ctx.db.read() as s:
        assert verify_chain(s) is None
        n = s.scalar(select(func.count()).select_from(Event))
    assert n >= 4
    conn = sqlite3.connect(data_dir / "township.sqlite3")
    with pytest.raises(sqlite3.IntegrityError):  # append-only: the app's triggers refuse
        conn.execute("UPDATE event SET detail = ? WHERE seq = 3", (json.dumps({"x": 1}),))
    conn.execute("DROP TRIGGER event_no_update")  # an attacker with the sqlite3 tool
    conn.execute("UPDATE event SET detail = ? WHERE seq = 3", (json.dumps({"x": 1}),))
    conn.commit()
    conn.close()
    with services.ctx.db.read() as s:
        assert verify_chain(s) == 3


def test_detail_lists_events_in_order(services, township):
    result = services.intake.decide(draft(services), "accept", township)
    events = [e.action for e in services.queries.detail(result.application_id).events]
    assert events[:2] == ["application.create", "application.accept"]
    assert events.count("document.issue") == 5


def test_applicant_without_id_needs_a_reason_and_is_never_faked(services, township):
    d = draft(services, id_number="")
    d.applicant.id_type = "NONE"
    with pytest.raises(ValidationErrors) as exc:
        services.intake.decide(d, "accept", township)
    assert "applicant.no_id_reason" in {e.field for e in exc.value.errors}
    d.applicant.no_id_reason = "流浪乞讨人员，无法提供证件"
    result = services.intake.decide(d, "accept", township)
    row = services.queries.detail(result.application_id).row
    assert row.id_masked == "无证件"
    assert "流浪乞讨人员" in pdf_text(result.documents[0].path)


def test_conditional_material_may_be_not_applicable_but_required_may_not(services, township):
    item = services.ctx.catalog.item("DIBAO")
    required = item.required_materials[0]
    conditional = next(m for m in item.materials if not m.required)
    d = draft(services)
    d.items[0].materials[conditional.code] = "na"
    result = services.intake.decide(d, "accept", township)
    materials = dict(services.queries.detail(result.application_id).items[0].materials)
    assert materials[conditional.name] == "不适用"
    assert materials[required.name] == "已收取"
    d2 = draft(services)
    d2.items[0].materials[required.code] = "na"
    with pytest.raises(ValidationErrors) as exc:
        services.intake.decide(d2, "accept", township)
    assert exc.value.errors[0].code == "required"
