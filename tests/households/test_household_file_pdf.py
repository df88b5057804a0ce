"""The household file PDF (issue 16, 一户一档): an index whose page numbers are right
(pdftotext finds each document's number on the page the index gives), every embedded
document equal to its saved, hash-verified file, one bookmark per document; a tampered
file refuses the export naming the document; a cancel or a fault leaves nothing."""

from __future__ import annotations

import hashlib
import re
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from sqlalchemy import select

from desktop_app.core.errors import ValidationError
from desktop_app.core.models import Document, Event
from desktop_app.core.services.drafts import MemberInput
from sync_contract.errors import Cancelled
from tests.helpers.drafts import draft, resident_id

SAME = resident_id(date(1958, 2, 3), seed=41)
OTHER = resident_id(date(1959, 4, 5), seed=42)
CHILD = resident_id(date(2012, 6, 1), seed=43)


@pytest.fixture
def township(services):
    from desktop_app.core.services.demo import create_demo_township

    return create_demo_township(services)


def _accept(services, township, id_number, items=("DIBAO",), name="王同户", members=None):
    kw = {"members": members} if members is not None else {}
    return services.intake.decide(draft(services, name=name, items=items, id_number=id_number,
                                        **kw), "accept", township).application_id


@pytest.fixture
def household(services, township):
    first = _accept(services, township, SAME, items=("DIBAO", "MEDICAL"))
    second = _accept(services, township, SAME, items=("EDUCATION",), members=[
        MemberInput(name="王小同", relation="子", id_number=CHILD)])
    _accept(services, township, OTHER, name="赵别户")
    return first, second


def _docs(services, app_ids):
    with services.ctx.db.read() as s:
        return [(d.id, d.number, d.kind, d.sha256) for d in s.scalars(
            select(Document).where(Document.application_id.in_(app_ids))
            .order_by(Document.created_at, Document.id))]


def _page_text(pdf: Path, page: int) -> str:
    return subprocess.run(["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"],
                          check=True, capture_output=True, text=True).stdout


def _text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def _index_rows(pdf: Path, index_pages: int) -> list[tuple[str, int, int]]:
    """(number, first page, pages) read back from the index's text."""
    text = "\n".join(_page_text(pdf, p) for p in range(1, index_pages + 1))
    rows = []
    for line in text.splitlines():
        m = re.search(r"(\d{9}-\d{8}-\d{4}(?:-Z\d+)?)\s+\d{4}年\d{1,2}月\d{1,2}日\s+(\d+)\s+(\d+)",
                      line)
        if m:
            rows.append((m.group(1), int(m.group(2)), int(m.group(3))))
    return rows


def test_index_page_numbers_hashes_and_bookmarks(services, household, township, tmp_path):
    first, second = household
    out = tmp_path / "一户一档.pdf"
    seen = []
    res = services.households.export_pdf(SAME, out, township,
                                         progress=lambda d, t: seen.append((d, t))).value
    docs = _docs(services, [first, second])
    assert res.documents == len(docs) >= 8 and res.withheld == 0
    reader = PdfReader(str(out))
    assert len(reader.pages) == res.pages
    # the index: one row per document in issue order, pages of the whole file
    rows = _index_rows(out, res.index_pages)
    assert [r[0] for r in rows] == [n for _i, n, _k, _h in docs]
    assert rows[0][1] == res.index_pages + 1
    assert rows[-1][1] + rows[-1][2] - 1 == res.pages
    by_id = {d.info.id: d for d in services.households.view(SAME, township).documents}
    for (doc_id, number, _kind, sha), (_n, page, pages) in zip(docs, rows, strict=True):
        # pdftotext finds the document's number on the page the index gives
        assert number in _page_text(out, page)
        # the saved file has the recorded hash, and those pages are that file's pages
        src = by_id[doc_id].info.path
        assert hashlib.sha256(src.read_bytes()).hexdigest() == sha
        original = PdfReader(str(src))
        assert len(original.pages) == pages
        for k in range(pages):
            assert (reader.pages[page - 1 + k].extract_text()
                    == original.pages[k].extract_text())
    # one bookmark for the index, one per document, on its first page
    marks = [(m.title, reader.get_destination_page_number(m) + 1) for m in reader.outline]
    assert marks[0] == ("目录", 1)
    assert [p for _t, p in marks[1:]] == [r[1] for r in rows]
    assert all(number in title for (title, _p), (_i, number, _k, _h)
               in zip(marks[1:], docs, strict=True))
    # the other household's documents are not in it; masked ID only
    text = _text(out)
    assert "赵别户" not in text.split("家庭经济状况")[0]
    assert seen[-1][0] == seen[-1][1]
    # audited: ids and counts, no name and no ID number
    with services.ctx.db.read() as s:
        ev = s.scalars(select(Event).where(Event.action == "household.file")).one()
    assert SAME not in ev.detail and "王同户" not in ev.detail
    assert f'"applications": [{first}, {second}]' in ev.detail


def test_a_missing_file_is_re_rendered_and_verified(services, household, township, tmp_path):
    first, _second = household
    view = services.households.view(SAME, township)
    victim = view.documents[0].info.path
    victim.unlink()
    assert services.households.view(SAME, township).documents[0].hash_ok is None
    res = services.households.export_pdf(SAME, tmp_path / "f.pdf", township).value
    assert res.documents == len(view.documents)
    assert victim.exists()


def test_a_tampered_file_refuses_the_export(services, household, township, tmp_path):
    view = services.households.view(SAME, township)
    target = view.documents[2]
    path = target.info.path
    w = PdfWriter(clone_from=str(path))
    w.add_metadata({"/Title": "changed"})
    with open(path, "wb") as fh:
        w.write(fh)
    assert services.households.view(SAME, township).documents[2].hash_ok is False
    folder = tmp_path / "out"
    folder.mkdir()
    with pytest.raises(ValidationError) as err:
        services.households.export_pdf(SAME, folder / "f.pdf", township)
    assert err.value.key == "household.hash_mismatch"
    assert target.info.number in err.value.message and "不一致" in err.value.message
    assert list(folder.iterdir()) == []
    with services.ctx.db.read() as s:
        assert s.scalars(select(Event).where(Event.action == "household.file")).first() is None


@pytest.mark.parametrize("after", [2, "last"])
def test_cancel_leaves_nothing(services, household, township, tmp_path, after):
    """Cancelled while documents are read, or at the very last step (the file complete
    under its temporary name): nothing in the folder, nothing audited."""
    folder = tmp_path / "out"
    folder.mkdir()
    total = len(services.households.view(SAME, township).documents) + 3
    stop = 2 if after == 2 else total
    calls: list[int] = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > stop

    with pytest.raises(Cancelled):
        services.households.export_pdf(SAME, folder / "f.pdf", township, cancelled=cancelled)
    assert list(folder.iterdir()) == []
    with services.ctx.db.read() as s:
        assert s.scalars(select(Event).where(Event.action == "household.file")).first() is None


def test_unknown_household(services, township, tmp_path):
    with pytest.raises(ValidationError) as err:
        services.households.export_pdf("app:424242", tmp_path / "f.pdf", township)
    assert err.value.key == "household.not_found"


def test_office_copies_with_full_ids_are_withheld_without_the_right(services, household,
                                                                     township, tmp_path):
    """A clerk who registered none of the applications: the 申请书/申报表/承诺书 (full ID
    numbers) are listed in the index as not included; the rest is in the file."""
    clerk = next(p.id for p in services.setup.staff() if p.role == "clerk")
    res = services.households.export_pdf(SAME, tmp_path / "f.pdf", clerk).value
    full = [d for d in services.households.view(SAME, township).documents if d.full_ids]
    assert full and res.withheld == len(full)
    text = _page_text(tmp_path / "f.pdf", 1)
    assert text.count("未收录") == len(full)
    assert len(PdfReader(str(tmp_path / "f.pdf")).outline) == 1 + res.documents


@pytest.mark.slow
@pytest.mark.parametrize("fault", ["disk_full", "read_only"])
def test_a_fault_leaves_nothing_and_is_one_chinese_line(services, household, township,
                                                         tmp_path, fault):
    """A full USB stick or a read-only folder: a FileFault naming the folder in Chinese,
    no file and no temporary file left, nothing audited."""
    from sync_contract.faults import FileFault
    from tests.helpers.faults import fill, listing, no_parts, read_only, tmpfs

    if fault == "disk_full":
        with tmpfs(tmp_path / "stick", "2m") as stick:
            fill(stick, 64 * 1024)
            with pytest.raises(FileFault) as caught:
                services.households.export_pdf(SAME, stick / "f.pdf", township)
            assert listing(stick) == ["filler.bin"]
            no_parts(stick)
            assert "空间不足" in caught.value.message
    else:
        src = tmp_path / "src"
        src.mkdir()
        with read_only(src, tmp_path / "ro") as ro:
            with pytest.raises(FileFault) as caught:
                services.households.export_pdf(SAME, ro / "f.pdf", township)
            assert listing(ro) == []
    assert caught.value.message.startswith("保存PDF失败")
    with services.ctx.db.read() as s:
        assert s.scalars(select(Event).where(Event.action == "household.file")).first() is None
