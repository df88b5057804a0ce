"""core/xlsx.py: typed cells read back by two readers, atomic on cancel and on a fault."""

from __future__ import annotations

import errno
from datetime import date
from pathlib import Path

import pytest

from desktop_app.core.xlsx import Cancelled, Column, Sheet, sheet_name, write_xlsx
from sync_contract.faults import FileFault

COLUMNS = [Column("证件号码", 20, "id"), Column("姓名", 10), Column("日期", 12, "date"),
           Column("金额（元）", 12, "money"), Column("人数", 6, "int")]
ROWS = [
    ["110101199003074514", "张𠮷", date(2026, 11, 3), 123456, 3],
    ["11010119900307451X", "=SUM(A1)", "2026-11", None, None],
    ["110101********4514", "", None, 5, 0],
]


def _write(path: Path, rows=ROWS, **kw) -> int:
    return write_xlsx(path, [Sheet("受理登记台账", COLUMNS, rows, title="受理登记台账",
                                   subtitle="2026年11月", total=kw.pop("total", 3))], **kw)


def test_openpyxl_reads_typed_cells(tmp_path):
    import openpyxl

    out = tmp_path / "a.xlsx"
    assert _write(out) == 3
    ws = openpyxl.load_workbook(out).active
    assert ws.title == "受理登记台账"
    assert ws["A1"].value == "受理登记台账" and ws["A2"].value == "2026年11月"
    assert [c.value for c in ws[3]] == [c.header for c in COLUMNS]
    assert ws.freeze_panes == "A4"
    first = [c.value for c in ws[4]]
    assert first[0] == "110101199003074514" and isinstance(first[0], str)
    assert first[1] == "张𠮷"
    assert first[2].date() == date(2026, 11, 3)
    assert first[3] == pytest.approx(1234.56)
    assert first[4] == 3
    second = [c.value for c in ws[5]]
    assert second[1] == "=SUM(A1)" and ws["B5"].data_type == "s"  # never a formula
    assert second[2] == "2026-11" and second[3] is None
    assert ws["D6"].value == pytest.approx(0.05)
    assert ws.page_setup.orientation == "landscape" and ws.page_setup.paperSize == 9
    assert ws.print_title_rows == "$1:$3"


def test_calamine_reads_same(tmp_path):
    from python_calamine import CalamineWorkbook

    out = tmp_path / "a.xlsx"
    _write(out)
    rows = CalamineWorkbook.from_path(str(out)).get_sheet_by_name("受理登记台账").to_python()
    assert rows[2] == [c.header for c in COLUMNS]
    assert rows[3][0] == "110101199003074514"
    assert len(rows) == 3 + len(ROWS)


def test_progress_and_no_scratch_left(tmp_path):
    seen: list[tuple[int, int | None]] = []
    rows = [[f"{i:018d}", "x", None, i, i] for i in range(1200)]
    assert _write(tmp_path / "b.xlsx", rows, total=1200, progress=lambda d, t: seen.append((d, t))) == 1200
    assert seen[0] == (500, 1200) and seen[-1] == (1200, 1200)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["b.xlsx"]


def test_cancel_leaves_nothing(tmp_path):
    out = tmp_path / "c.xlsx"
    out.write_bytes(b"old")
    rows = ([f"{i:018d}", "x", None, i, i] for i in range(5000))
    calls = iter(range(100))
    with pytest.raises(Cancelled):
        _write(out, rows, cancelled=lambda: next(calls) >= 2)
    assert out.read_bytes() == b"old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["c.xlsx"]


def test_fault_leaves_nothing(tmp_path, monkeypatch):
    import sync_contract.fs as fs

    def full(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("desktop_app.core.xlsx.replace_durably", full)
    out = tmp_path / "d.xlsx"
    with pytest.raises(FileFault) as info:
        _write(out)
    assert info.value.kind == "disk_full" and "导出Excel表格" in info.value.message
    assert list(tmp_path.iterdir()) == []
    assert fs  # the real module is untouched


def test_missing_folder_is_created_and_bad_parent_is_a_fault(tmp_path):
    assert _write(tmp_path / "new" / "e.xlsx") == 3
    (tmp_path / "file").write_text("x")
    with pytest.raises(FileFault) as info:
        _write(tmp_path / "file" / "e.xlsx")
    assert info.value.kind in {"not_a_folder", "path_missing"}


@pytest.mark.parametrize(("name", "taken", "want"), [
    ("受理/登记:台账?", set(), "受理_登记_台账_"),
    ("x" * 40, set(), "x" * 31),
    ("台账", {"台账"}, "台账(2)"),
    ("", set(), "Sheet"),
])
def test_sheet_names(name, taken, want):
    assert sheet_name(name, set(taken)) == want


def test_row_length_mismatch_is_a_bug_not_a_file(tmp_path):
    with pytest.raises(ValueError):
        _write(tmp_path / "f.xlsx", [["1", "2"]])
    assert list(tmp_path.iterdir()) == []
