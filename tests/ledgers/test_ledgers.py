"""services.ledgers: every ledger by its template, read back by two readers; counts equal
to plain SQL; masked/full IDs by right; audited; templates change columns without code;
cancel, a fault or a failed audit leave no file."""

from __future__ import annotations

import errno
import json
import re
import shutil
import sqlite3
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_app import forms_dir
from desktop_app.core.errors import PermissionDenied, ValidationError
from desktop_app.core.models import Event
from desktop_app.core.services.ledgers import ROSTER_ITEMS, SOURCES, LedgerService
from desktop_app.core.xlsx import Cancelled
from sync_contract.faults import FileFault

START, END = date(2026, 7, 1), date(2026, 11, 30)
NAMES = ("acceptance", "referral", "temporary", "roster")


def _demo(services, clock):
    from desktop_app.core.services.demo import fill_demo
    from desktop_app.core.services.handling import EmergencyInput

    fill_demo(services, 80, days=150, showcase=True)
    db = services.ctx.db.data_dir / "township.sqlite3"
    with sqlite3.connect(db) as c:
        app_id = c.execute("select application_id from requested_item where "
                           "item_code='LINSHI_URGENT' and task_status='in_progress'").fetchone()[0]
    clerk = next(p.id for p in services.setup.staff() if p.role == "clerk")
    services.handling.record_emergency(app_id, EmergencyInput(80000, "现金", "火灾"), clerk)
    return app_id


POPULATED = {"demo": _demo}


@pytest.fixture
def demo(populated_template, data_dir):
    return populated_template(_demo, data_dir)[1]


@pytest.fixture
def out_dir(tmp_path) -> Path:
    """Where the test writes (the data folder is beside it in ``tmp_path``)."""
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def _staff(services, role: str) -> int:
    return next(p.id for p in services.setup.staff() if p.role == role)


def _sql(data_dir: Path, name: str) -> tuple[int, set[str]]:
    """Independent count (plain sqlite3) of a ledger's rows and the applicants' ID numbers."""
    s, e = START.isoformat(), END.isoformat()
    base = ("from requested_item r join application a on a.id = r.application_id "
            "join household_member m on m.application_id = a.id and m.position = 0 ")
    sql = {
        "acceptance": ("from application a join household_member m on m.application_id = a.id "
                       "and m.position = 0 where a.intake_date between ? and ?", (s, e)),
        "referral": (base + "where r.referred_on between ? and ?", (s, e)),
        "temporary": (base + "where a.intake_date between ? and ? and r.status = 'accepted' "
                      "and r.item_code in ('LINSHI_URGENT', 'LINSHI_EXPENSE')", (s, e)),
        "roster": (base + "where r.task_status = 'done' and a.status in ('accepted', 'closed') "
                   "and coalesce(r.period_from, r.result_on) <= ? "
                   "and (r.period_to is null or r.period_to >= ?) "
                   f"and r.item_code in ({','.join('?' * len(ROSTER_ITEMS))})",
                   (e, s, *ROSTER_ITEMS)),
    }[name]
    with sqlite3.connect(data_dir / "township.sqlite3") as c:
        rows = c.execute("select m.id_number " + sql[0], sql[1]).fetchall()
    return len(rows), {r[0] for r in rows}


def _headers(name: str, folder: Path | None = None) -> list[str]:
    data = json.loads(((folder or forms_dir() / "ledgers") / f"{name}.json").read_text("utf-8"))
    fields = {f.code: f.label for f in SOURCES[data.get("source", name)].fields}
    return [c.get("header", fields[c["field"]]) for c in data["columns"]]


@pytest.mark.parametrize("name", NAMES)
def test_ledger_read_by_two_readers_with_template_headers_and_sql_count(
        name, services, demo, data_dir, out_dir):
    import openpyxl
    from python_calamine import CalamineWorkbook

    out = out_dir / f"{name}.xlsx"
    result = services.ledgers.export(name, START, END, out, _staff(services, "supervisor"),
                                     full_ids=True).value
    want_rows, want_ids = _sql(data_dir, name)
    assert want_rows > 0, "the demo has rows for every ledger"
    assert result.rows == want_rows
    headers = _headers(name)

    ws = openpyxl.load_workbook(out, read_only=True).active
    rows = list(ws.iter_rows(values_only=True))
    assert rows[2] == tuple(headers)
    assert len(rows) == 3 + want_rows
    id_col = headers.index("身份证号码")
    assert {r[id_col] or "" for r in rows[3:]} == want_ids  # full numbers, as text
    assert [r[0] for r in rows[3:]] == list(range(1, want_rows + 1)) or name != "roster"

    sheet = CalamineWorkbook.from_path(str(out)).get_sheet_by_index(0).to_python()
    assert [str(v) for v in sheet[2]] == headers
    assert len(sheet) == 3 + want_rows
    assert {str(r[id_col]) for r in sheet[3:]} == want_ids


def test_temporary_ledger_has_the_first_aid(services, demo, out_dir):
    import openpyxl

    out = out_dir / "t.xlsx"
    services.ledgers.export("temporary", START, END, out, _staff(services, "clerk"))
    ws = openpyxl.load_workbook(out).active
    headers = [c.value for c in ws[3]]
    paid = [r for r in ws.iter_rows(min_row=4, values_only=True)
            if r[headers.index("先行救助金额（元）")] is not None]
    assert len(paid) == 1
    assert paid[0][headers.index("先行救助金额（元）")] == 800
    assert paid[0][headers.index("先行救助记录编号")]


def test_ids_masked_by_default_and_export_audited(services, demo, data_dir, out_dir):
    import openpyxl

    clerk = _staff(services, "clerk")
    out = out_dir / "a.xlsx"
    n = services.ledgers.export("acceptance", START, END, out, clerk).value.rows
    ws = openpyxl.load_workbook(out).active
    col = _headers("acceptance").index("身份证号码") + 1
    ids = [ws.cell(r, col).value for r in range(4, 4 + n)]
    assert all(re.fullmatch(r"\d{6}\*{8}[\dX]{4}", i) for i in ids if i)
    with services.ctx.db.read() as s:
        ev = s.scalars(select(Event).where(Event.action == "ledger.export")).one()
        detail = json.loads(ev.detail)
    assert ev.actor_id == clerk
    assert detail == {"ledger": "acceptance", "source": "acceptance", "version": 1,
                      "start": "2026-07-01", "end": "2026-11-30", "rows": n, "full_ids": False}


def test_full_ids_refused_for_a_clerk(services, demo, out_dir):
    out = out_dir / "a.xlsx"
    with pytest.raises(PermissionDenied):
        services.ledgers.export("roster", START, END, out, _staff(services, "clerk"),
                                full_ids=True)
    assert list(out_dir.iterdir()) == []
    with services.ctx.db.read() as s:
        assert s.scalars(select(Event).where(Event.action == "ledger.export")).first() is None


def test_full_id_export_audited_as_such(services, demo, out_dir):
    sup = _staff(services, "supervisor")
    services.ledgers.export("roster", START, END, out_dir / "r.xlsx", sup, full_ids=True)
    with services.ctx.db.read() as s:
        ev = s.scalars(select(Event).where(Event.action == "ledger.export")).one()
    assert json.loads(ev.detail)["full_ids"] is True and ev.actor_id == sup


def test_changed_template_changes_columns_without_code(services, demo, out_dir):
    import openpyxl

    folder = out_dir / "ledgers"
    shutil.copytree(forms_dir() / "ledgers", folder)
    tpl = json.loads((folder / "acceptance.json").read_text("utf-8"))
    tpl["columns"] = [{"field": "village", "header": "所在村"}, {"field": "applicant"},
                      {"field": "number", "header": "编号", "width": 30}]
    (folder / "acceptance.json").write_text(json.dumps(tpl, ensure_ascii=False), "utf-8")
    extra = {"title": "县民政局月报名单", "source": "referral", "items": ["EDUCATION"],
             "columns": [{"field": "applicant"}, {"field": "department"}]}
    (folder / "county_monthly.json").write_text(json.dumps(extra, ensure_ascii=False), "utf-8")
    ledgers = LedgerService(services.ctx, folder)
    assert [n for n, _ in ledgers.names()] == [*NAMES, "county_monthly"]
    sup = _staff(services, "supervisor")
    ledgers.export("acceptance", START, END, out_dir / "a.xlsx", sup)
    ws = openpyxl.load_workbook(out_dir / "a.xlsx").active
    assert [c.value for c in ws[3]] == ["所在村", "申请人", "编号"]
    assert ws.column_dimensions["C"].width == pytest.approx(30, abs=1)
    n = ledgers.export("county_monthly", START, END, out_dir / "c.xlsx", sup).value.rows
    ws = openpyxl.load_workbook(out_dir / "c.xlsx").active
    assert ws["A1"].value == "县民政局月报名单"
    assert [c.value for c in ws[3]] == ["申请人", "承办单位"]
    with sqlite3.connect(services.ctx.db.data_dir / "township.sqlite3") as c:
        assert n == c.execute("select count(*) from requested_item where item_code='EDUCATION' "
                              "and referred_on between ? and ?",
                              (START.isoformat(), END.isoformat())).fetchone()[0] > 0


BAD_TEMPLATES = [
    ("{not json", "ledger.template.bad_json", "第1行"),
    ('{"title": "x", "columns": [{"field": "nosuch"}]}', "ledger.template.unknown_field",
     "nosuch"),
    ('{"title": "x", "columns": []}', "ledger.template.no_columns", "columns"),
    ('{"columns": [{"field": "seq"}]}', "ledger.template.missing", "title"),
    ('{"title": "x", "colums": []}', "ledger.template.unknown_key", "colums"),
    ('{"title": "x", "source": "payroll", "columns": [{"field": "seq"}]}',
     "ledger.template.unknown_source", "payroll"),
    ('{"title": "x", "columns": [{"field": "seq", "width": 500}]}',
     "ledger.template.bad_value", "columns[1].width"),
    ('{"title": "x", "columns": [{"field": "seq", "header": ""}]}',
     "ledger.template.bad_value", "columns[1].header"),
    ('{"title": "x", "columns": [{"field": "seq", "head": "序"}]}',
     "ledger.template.unknown_key", "columns[1].head"),
    ('{"title": "x", "items": ["NOSUCH"], "columns": [{"field": "seq"}]}',
     "ledger.template.bad_value", "items"),
    ('{"title": "x", "version": "1", "columns": [{"field": "seq"}]}',
     "ledger.template.bad_value", "version"),
    ('[1, 2]', "ledger.template.bad_value", "整个文件"),
]


@pytest.mark.parametrize(("text", "key", "named"), BAD_TEMPLATES)
def test_bad_template_named_in_chinese(services, out_dir, text, key, named):
    folder = out_dir / "ledgers"
    folder.mkdir()
    (folder / "acceptance.json").write_text(text, "utf-8")
    ledgers = LedgerService(services.ctx, folder)
    assert ledgers.names() == [("acceptance", "acceptance")]  # listed, by its file name
    with pytest.raises(ValidationError) as info:
        ledgers.export("acceptance", START, END, out_dir / "a.xlsx", _staff_or_system(services))
    assert info.value.key == key
    assert "forms/ledgers/acceptance.json" in info.value.message and named in info.value.message
    assert not (out_dir / "a.xlsx").exists()


def _staff_or_system(services):
    from desktop_app.core.services.auth import SYSTEM

    return SYSTEM


@pytest.mark.parametrize(("args", "key"), [
    (("nosuch", START, END, "a.xlsx"), "ledger.unknown"),
    (("acceptance", END, START, "a.xlsx"), "ledger.dates.order"),
    (("acceptance", None, END, "a.xlsx"), "ledger.dates.required"),
    (("acceptance", START, END, "a.csv"), "ledger.path.suffix"),
])
def test_bad_request(services, out_dir, args, key):
    name, start, end, file = args
    with pytest.raises(ValidationError) as info:
        services.ledgers.export(name, start, end, out_dir / file, 1)
    assert info.value.key == key
    assert list(out_dir.iterdir()) == []


def _no_event(services) -> bool:
    with services.ctx.db.read() as s:
        return s.scalars(select(Event).where(Event.action == "ledger.export")).first() is None


def test_cancel_leaves_no_file_and_no_event(services, demo, out_dir, monkeypatch):
    monkeypatch.setattr("desktop_app.core.xlsx.STEP", 10)
    out = out_dir / "a.xlsx"
    seen: list[int] = []
    with pytest.raises(Cancelled):
        services.ledgers.export("acceptance", START, END, out, _staff(services, "clerk"),
                                progress=lambda d, t: seen.append(d),
                                cancelled=lambda: len(seen) >= 2)
    assert seen == [10, 20]
    assert list(out_dir.iterdir()) == [] and _no_event(services)


def test_full_disk_is_a_fault_and_leaves_nothing(services, demo, out_dir, monkeypatch):
    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("desktop_app.core.xlsx.replace_durably", full)
    with pytest.raises(FileFault) as info:
        services.ledgers.export("acceptance", START, END, out_dir / "a.xlsx",
                                _staff(services, "clerk"))
    assert info.value.kind == "disk_full"
    assert list(out_dir.iterdir()) == [] and _no_event(services)


def test_failed_audit_removes_the_file(services, demo, out_dir, monkeypatch):
    def broken(*a, **k):
        raise RuntimeError("audit failed")

    monkeypatch.setattr("desktop_app.core.services.ledgers.record_event", broken)
    with pytest.raises(RuntimeError):
        services.ledgers.export("acceptance", START, END, out_dir / "a.xlsx",
                                _staff(services, "clerk"))
    assert list(out_dir.iterdir()) == []


def test_fields_and_count(services, demo, data_dir):
    fields = dict(services.ledgers.fields("roster"))
    assert fields["monthly_amount"] == "月救助金额（元）" and "department" not in fields
    assert services.ledgers.count("referral", START, END) == _sql(data_dir, "referral")[0]
