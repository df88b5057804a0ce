"""Legacy ledger import (issue 16): reading .xlsx/.xls/.csv, the suggested and saved
mapping, the preview with the intake's rules, commit in one transaction (only when
asked; a second import adds nothing), the rejected-rows file and county-list matching."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from desktop_app.core.errors import PermissionDenied, ValidationErrors
from desktop_app.core.models import Application, Event, ImportBatch, ImportRow
from desktop_app.core.services.ledger_import import (
    BAD,
    DUPLICATE,
    IMPORTED_BEFORE,
    MATCHED,
    NAME_DIFFERS,
    NOT_FOUND,
    OK,
)
from desktop_app.core.services.ledger_import.checks import result_of, suggest_from_headers
from desktop_app.core.services.ledger_import.reader import decode_csv
from sync_contract.errors import Cancelled
from tests.ledger_import.ledgers import HEADERS, make_rows, write_csv, write_xlsx

DATA = Path(__file__).parent / "data"


def _staff(services, username: str) -> int:
    from desktop_app.core.models import Staff

    with services.ctx.db.read() as s:
        return s.scalars(select(Staff.id).where(Staff.username == username)).one()


def _count(services, model=Application, *where) -> int:
    with services.ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


@pytest.fixture
def ledger(tmp_path, services, township):
    villages = [v.name for v in services.setup.villages()]
    led = make_rows(villages, 200, bad_share=0.05)
    return write_xlsx(tmp_path / "台账.xlsx", led), led


@pytest.mark.parametrize(("headers", "expected"), [
    (HEADERS, {1: "name", 2: "id_number", 3: "village", 4: "item", 5: "intake_date",
               6: "result", 7: "result_date", 8: "amount", 9: "period_from", 10: "phone"}),
    (["姓名", "申请人身份证号码", "所在村", "类别", "受理日期", "金额"],
     {0: "name", 1: "id_number", 2: "village", 3: "item", 4: "intake_date", 5: "amount"}),
    (["户主", "公民身份号码", "社区", "救助项目", "登记日期", "审批日期", "享受起始", "终止日期", "原编号"],
     {0: "name", 1: "id_number", 2: "village", 3: "item", 4: "intake_date", 5: "result_date",
      6: "period_from", 7: "period_to", 8: "ledger_number"}),
    (["序号", "性别", "家庭人口"], {}),
])
def test_suggest_from_header_words(headers, expected):
    assert suggest_from_headers(headers) == expected


@pytest.mark.parametrize(("text", "outcome"), [
    ("批准", "done"), ("同意", "done"), ("不予批准", "refused"), ("不同意", "refused"),
    ("未通过", "refused"), ("享受", "done"), ("待定", None), ("否", "refused"),
])
def test_result_words(text, outcome):
    assert result_of(text) == outcome


def test_csv_in_gbk_and_utf8_is_decoded():
    assert decode_csv("姓名,身份证号".encode("gbk")) == "姓名,身份证号"
    assert decode_csv("\ufeff姓名".encode()) == "姓名"
    assert decode_csv("姓名".encode()) == "姓名"


def test_read_finds_the_header_under_a_title_row(ledger, services):
    path, led = ledger
    table = services.ledger_import.read(path)
    assert table.headers == HEADERS
    assert table.header_row == 3 and table.row_count == len(led.rows)
    assert table.row_numbers[0] == 4
    first = table.sample(1)[0]
    assert first[5] == led.rows[0][5].isoformat()   # an Excel date cell read as a date
    assert first[2] == led.rows[0][2]               # the ID number as text


def test_preview_checks_every_row_and_writes_nothing(ledger, services):
    path, led = ledger
    svc = services.ledger_import
    before = _count(services)
    preview = svc.preview(path, svc.suggest(svc.read(path)))
    assert _count(services) == before
    assert preview.counts[OK] == led.good
    assert preview.counts[BAD] + preview.counts[DUPLICATE] == len(led.bad)
    by_row = {r.row_no: r for r in preview.rows}
    expect = {"checksum": "身份证号码：", "date": "申请日期：", "amount": "金额（元）：",
              "duplicate": "重复"}
    for row_no, kind in led.bad.items():
        check = by_row[row_no]
        assert check.status == (DUPLICATE if kind == "duplicate" else BAD), (row_no, kind)
        assert any(expect[kind] in p for p in check.problems), (kind, check.problems)
    # the problem names the field, never the value
    bad_id = next(r for r in preview.rows if any("身份证号码" in p for p in r.problems))
    assert all(bad_id.values["id_number"] not in p for p in bad_id.problems)


def test_commit_imports_the_good_rows_once(ledger, services):
    path, led = ledger
    svc = services.ledger_import
    supervisor = _staff(services, "supervisor")
    mapping = svc.suggest(svc.read(path))
    res = svc.commit(path, mapping, supervisor)
    r = res.value
    assert r.imported == led.good and r.imported_before == 0
    assert r.rejected + r.duplicates == len(led.bad)
    assert res.changes.imports and res.changes.applications == set(r.application_ids)
    assert _count(services, Application, Application.source == "import") == led.good
    with services.ctx.db.read() as s:
        app = s.get(Application, r.application_ids[0])
        row = led.rows[0]
        assert app.status == "closed" and app.decision == "accept"
        assert app.applicant.name == row[1] and app.applicant.id_number == row[2]
        assert app.intake_date == row[5] and app.number.split("-")[1] == row[5].strftime("%Y%m%d")
        item = app.items[0]
        assert item.task_status == ("done" if row[6] == "批准" else "refused")
        assert item.amount_fen == round(float(row[8]) * 100)
        assert item.period_from == date(row[7].year, row[7].month, 1)
        events = s.scalars(select(Event).where(Event.action == "ledger.import")).all()
        assert len(events) == 1 and row[2] not in events[0].detail and row[1] not in events[0].detail
    # the imported application is found like any other (search keys, ID index)
    assert r.application_ids[0] in services.queries.search_ids(led.rows[0][1])
    # a second import of the same file adds nothing
    again = svc.commit(path, mapping, supervisor).value
    assert again.imported == 0 and again.imported_before == led.good and again.batch_id is None
    assert _count(services, Application, Application.source == "import") == led.good
    assert _count(services, ImportBatch) == 1 and _count(services, ImportRow) == led.good
    preview = svc.preview(path, mapping)
    assert preview.counts[IMPORTED_BEFORE] == led.good and preview.counts[OK] == 0


def test_only_a_supervisor_or_admin_may_import(ledger, services):
    path, _led = ledger
    svc = services.ledger_import
    with pytest.raises(PermissionDenied, match="只有负责人或管理员可以导入原有台账"):
        svc.commit(path, svc.suggest(svc.read(path)), _staff(services, "clerk1"))
    assert _count(services, Application, Application.source == "import") == 0
    assert _count(services, ImportBatch) == 0


def test_cancel_during_commit_leaves_nothing(ledger, services):
    path, _led = ledger
    svc = services.ledger_import
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 1     # after the check, inside the writing
    with pytest.raises(Cancelled):
        svc.commit(path, svc.suggest(svc.read(path)), _staff(services, "admin"),
                   cancelled=cancelled)
    assert _count(services, Application, Application.source == "import") == 0
    assert _count(services, ImportRow) == 0


def test_a_bad_mapping_is_refused_in_chinese(ledger, services):
    path, _led = ledger
    svc = services.ledger_import
    mapping = svc.suggest(svc.read(path))
    del mapping[2]                                    # no ID number column
    with pytest.raises(ValidationErrors, match="请为“身份证号码”选择对应的列"):
        svc.preview(path, mapping)
    with pytest.raises(ValidationErrors, match="对应了不止一列"):
        svc.preview(path, {**mapping, 2: "name"})


def test_mapping_saved_per_layout_and_suggested_again(ledger, services, tmp_path):
    path, led = ledger
    svc = services.ledger_import
    table = svc.read(path)
    custom = {**svc.suggest(table), 11: "ledger_number"}   # 备注 holds the old number here
    del custom[10]                                           # and the phone is left out
    assert svc.saved_mapping(table.layout_key) is None
    svc.save_mapping(table.layout_key, custom, _staff(services, "clerk1"), table.headers)
    other = write_xlsx(tmp_path / "another.xlsx", make_rows([led.rows[0][3]], 5, seed=3))
    other_table = svc.read(other)
    assert other_table.layout_key == table.layout_key
    assert svc.suggest(other_table) == custom
    csv_table = svc.read(write_csv(tmp_path / "x.csv", make_rows([led.rows[0][3]], 5, seed=3)))
    assert csv_table.layout_key == table.layout_key and csv_table.row_count == 5


def test_rejects_file_lists_each_problem_row_with_its_reason(ledger, services, tmp_path):
    from openpyxl import load_workbook

    path, led = ledger
    svc = services.ledger_import
    preview = svc.preview(path, svc.suggest(svc.read(path)))
    out = tmp_path / "问题行.xlsx"
    assert svc.write_rejects(preview, out) == len(led.bad)
    ws = load_workbook(out, read_only=True).worksheets[0]
    rows = [r for r in ws.iter_rows(values_only=True)]
    header_at = next(i for i, r in enumerate(rows) if r and r[0] == "原表行号")
    header = rows[header_at]
    body = [r for r in rows[header_at + 1:] if r and r[0] is not None]
    assert header[-1] == "问题" and "身份证号码" in header
    assert sorted(int(r[0]) for r in body) == sorted(led.bad)
    assert all(r[-1] for r in body)
    idcol = header.index("身份证号码")
    assert all(isinstance(r[idcol], str) for r in body)   # never 5.2E+17
    assert not list(tmp_path.glob("*.tmp*"))


def test_gbk_csv_imports_like_the_xlsx(services, township, tmp_path):
    villages = [v.name for v in services.setup.villages()]
    led = make_rows(villages, 30, bad_share=0.1, seed=7)
    path = write_csv(tmp_path / "台账.csv", led, encoding="gbk")
    svc = services.ledger_import
    preview = svc.preview(path, svc.suggest(svc.read(path)))
    assert preview.counts[OK] == led.good
    assert preview.counts[BAD] + preview.counts[DUPLICATE] == len(led.bad)


def test_old_xls_ledger_reads_and_imports(services, township):
    path = DATA / "ledger-2019.xls"
    svc = services.ledger_import
    table = svc.read(path)
    assert table.headers[:3] == ["序号", "姓名", "身份证号"] and table.row_count == 3
    mapping = svc.suggest(table)
    assert mapping == {1: "name", 2: "id_number", 3: "village", 4: "item", 5: "intake_date",
                       6: "result", 7: "amount"}
    preview = svc.preview(path, mapping)
    assert [r.status for r in preview.rows] == [OK, OK, BAD]
    assert preview.rows[2].problems == ["金额（元）：金额格式不正确（例：1234.56）"]
    res = svc.commit(path, mapping, _staff(services, "admin")).value
    assert res.imported == 2
    with services.ctx.db.read() as s:
        first, second = (s.get(Application, i) for i in res.application_ids)
        assert first.items[0].item_code == "DIBAO" and first.items[0].amount_fen == 32050
        assert second.items[0].item_code == "TEKUN" and second.items[0].task_status == "refused"
        assert second.village_id == first.village_id     # "石桥" matched 石桥村


def test_unreadable_and_unsupported_files(services, township, tmp_path):
    bad = tmp_path / "坏.xlsx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(ValueError, match="无法读取"):
        services.ledger_import.read(bad)
    doc = tmp_path / "台账.docx"
    doc.write_bytes(b"x")
    with pytest.raises(ValueError, match="不是可导入的表格"):
        services.ledger_import.read(doc)


def test_county_list_matched_by_id_and_name(ledger, services, tmp_path):
    import xlsxwriter

    path, led = ledger
    svc = services.ledger_import
    res = svc.commit(path, svc.suggest(svc.read(path)), _staff(services, "admin")).value
    good_rows = [r for i, r in enumerate(led.rows, start=4) if i not in led.bad]
    same, renamed = good_rows[0], good_rows[1]
    county = tmp_path / "县级名单.xlsx"
    wb = xlsxwriter.Workbook(str(county))
    ws = wb.add_worksheet()
    ws.write_row(0, 0, ["姓名", "身份证号码"])
    ws.write_row(1, 0, [same[1], same[2]])
    ws.write_row(2, 0, ["改名字", renamed[2]])
    ws.write_row(3, 0, ["查无此人", "110101199003071234"])
    wb.close()
    table = svc.read(county)
    rows = svc.match_list(county, svc.suggest(table))
    assert [r.status for r in rows] == [MATCHED, NAME_DIFFERS, NOT_FOUND]
    assert rows[0].household_key == same[2] and rows[0].application_ids
    assert set(rows[0].application_ids) <= set(res.application_ids)
    assert rows[0].masked_id.startswith(same[2][:6]) and "*" in rows[0].masked_id
    assert rows[2].problem     # a wrong checksum is said, and nothing matched


def test_commit_after_a_preview_checks_the_database_again(ledger, services, tmp_path):
    """The commit reuses the preview of the same file and mapping for the rules, but the
    database is checked again inside its transaction: rows recorded since the preview
    (here by a copy of the file) are not imported twice."""
    import shutil

    path, led = ledger
    svc = services.ledger_import
    mapping = svc.suggest(svc.read(path))
    preview = svc.preview(path, mapping)
    assert preview.counts[OK] == led.good
    admin = _staff(services, "admin")
    cached = svc._last
    copy = shutil.copy(path, tmp_path / "copy.xlsx")
    assert svc.commit(copy, mapping, admin).value.imported == led.good
    svc._last = cached                                   # the preview of the first file
    again = svc.commit(path, mapping, admin).value
    assert again.imported == 0 and again.imported_before == led.good
    assert _count(services, Application, Application.source == "import") == led.good


def test_imported_applications_travel_to_the_county(services, township, tmp_path):
    """Imported applications are ordinary Tracked rows: the next export carries them and
    the county receiver ingests the package (the source ``import`` is a vocabulary code)."""
    from tests.helpers.county_return import county_for

    svc = services.ledger_import
    path = DATA / "ledger-2019.xls"
    admin = _staff(services, "admin")
    res = svc.commit(path, svc.suggest(svc.read(path)), admin).value
    assert res.imported == 2
    county = county_for(services, tmp_path / "county")
    try:
        usb = tmp_path / "usb"
        usb.mkdir()
        services.sync.export(usb, admin)
        sent = sorted(services.sync.sent_dir.glob("*.twpkg"))
        assert sent
        for package in sent:
            county.ingest(package)
    finally:
        county.close()


def _schedule_ledger(path: Path, village: str, today: date) -> tuple[Path, list[str]]:
    """A 低保 roster keeping its re-check schedule: 分类 and 下次复核日期 columns."""
    from tests.helpers.drafts import resident_id

    soon = date.fromordinal(today.toordinal() + 10).isoformat()
    ids = [resident_id(date(1960 + i, 3, 4), seed=900 + i) for i in range(6)]
    rows = [  # name, id, village, item, intake, result, class, next re-check
        ("赵复核", ids[0], village, "低保", "2024-03-01", "批准", "C类", soon),
        ("钱复核", ids[1], village, "特困", "2024-03-02", "批准", "", "2027-03"),
        ("孙复核", ids[2], village, "低保", "2024-03-03", "批准", "D", ""),      # no class D
        ("李复核", ids[3], village, "医疗救助", "2024-03-04", "批准", "", soon),  # not re-checked
        ("周复核", ids[4], village, "特困", "2024-03-05", "批准", "A", ""),     # classes: 低保 only
        ("吴复核", ids[5], village, "低保", "2024-03-06", "批准", "", ""),      # nothing given
    ]
    lines = ["姓名,身份证号码,所在村,救助类别,申请日期,审批结果,分类,下次复核日期"]
    lines += [",".join(r) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, ids


def test_a_roster_keeping_its_schedule_brings_the_households_to_the_rechecks(
        services, township, tmp_path):
    """民发〔2021〕57号 分类管理: a 低保 roster's 分类 and 下次复核日期 columns are imported as
    the ledger says (never guessed), so 动态管理 lists the household when its re-check is
    due; a class or date on an item that is not re-checked is refused with the field named."""
    today = services.ctx.today()
    village = services.setup.villages()[0].name
    path, ids = _schedule_ledger(tmp_path / "低保名册.csv", village, today)
    svc = services.ledger_import
    mapping = svc.suggest(svc.read(path))
    assert mapping[6] == "review_class" and mapping[7] == "next_review_on"
    preview = svc.preview(path, mapping)
    assert [r.status for r in preview.rows] == [OK, OK, BAD, BAD, BAD, OK]
    assert preview.rows[2].problems == ["低保分类：应为A、B或C"]
    assert preview.rows[3].problems[0].startswith("下次复核日期：只有已批准的低保")
    assert preview.rows[4].problems == ["低保分类：只有低保分A、B、C类"]
    res = svc.commit(path, mapping, _staff(services, "admin")).value
    assert res.imported == 3
    with services.ctx.db.read() as s:
        tasks = {s.get(Application, i).members[0].id_number: s.get(Application, i).items[0]
                 for i in res.application_ids}
    assert (tasks[ids[0]].review_class, tasks[ids[0]].next_review_on) == (
        "C", date.fromordinal(today.toordinal() + 10))
    assert (tasks[ids[1]].review_class, tasks[ids[1]].next_review_on) == ("", date(2027, 3, 1))
    assert (tasks[ids[5]].review_class, tasks[ids[5]].next_review_on) == ("", None)
    due = {row.task_id for row in services.rechecks.due(within_days=30, today=today)}
    assert tasks[ids[0]].id in due
    assert tasks[ids[1]].id not in due and tasks[ids[5]].id not in due
