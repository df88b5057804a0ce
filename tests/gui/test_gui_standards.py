"""救助标准 in 系统管理 → 设置: add next year's entry, edit or remove entries not yet in
force, errors next to the table and nothing stored."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from tests.helpers.gui import click

pytestmark = pytest.mark.gui

COL = {"date": 0, "urban": 1, "rural": 2, "edge": 3}


@pytest.fixture
def settings(window):
    screen = window.show_admin()
    screen.tabs.setCurrentWidget(screen.settings)
    return screen.settings


def edit_cell(qtbot, editor, row: int, col: int, text: str) -> None:
    """Edit a cell as an admin does: select it, F2, type (ASCII), Enter."""
    table = editor.table
    table.setFocus()
    table.setCurrentCell(row, col)
    qtbot.keyClick(table.viewport(), Qt.Key.Key_F2)
    field = QApplication.focusWidget()
    assert isinstance(field, QLineEdit), f"cell {row},{col} did not open an editor"
    field.selectAll()
    qtbot.keyClicks(field, text)
    qtbot.keyClick(field, Qt.Key.Key_Return)  # the delegate commits on the next event loop turn
    qtbot.waitUntil(lambda: table.item(row, col).text() == text, timeout=2000)


def test_shows_the_default_entry_in_force_and_locked(settings):
    editor = settings.standards
    assert editor.table.rowCount() == 1
    assert editor.table.item(0, 0).text() == "2025-01-01"
    assert editor.table.item(0, COL["rural"]).text() == "600"
    assert editor.table.item(0, COL["urban"]).text() == "800"
    assert "2025-01-01" in editor.in_force.text() and "2026-11-24" in editor.in_force.text()
    assert editor.table.item(0, editor.table.columnCount() - 1).text() == "现行"
    # In force: not editable, not removable.
    assert not editor.table.item(0, COL["rural"]).flags() & Qt.ItemFlag.ItemIsEditable
    editor.table.selectRow(0)
    assert not editor.remove_button.isEnabled()


def test_admin_adds_next_years_standard(qtbot, settings, services):
    editor = settings.standards
    click(qtbot, editor.add_button)
    assert editor.table.rowCount() == 2
    assert editor.table.item(1, 0).text() == "2027-01-01"
    assert editor.table.item(1, COL["rural"]).text() == "600"  # copied from the latest
    edit_cell(qtbot, editor, 1, COL["rural"], "650")
    edit_cell(qtbot, editor, 1, COL["urban"], "860.50")
    click(qtbot, settings.save_button)

    assert settings.standards_error.isHidden(), settings.standards_error.text()
    stored = services.settings.get("standards")
    assert [e["effective_from"] for e in stored] == ["2025-01-01", "2027-01-01"]
    assert stored[1]["rural_dibao_fen"] == 65000 and stored[1]["urban_dibao_fen"] == 86050
    assert stored[0]["rural_dibao_fen"] == 60000  # the entry in force is untouched
    assert services.assessment.standards_on(date(2027, 1, 1)).rural_dibao_fen == 65000
    assert services.assessment.standards_on(date(2026, 12, 31)).rural_dibao_fen == 60000
    # Reloaded: the new entry is not yet in force, still editable and removable.
    assert editor.table.item(1, editor.table.columnCount() - 1).text() == "未生效"
    assert editor.table.item(1, COL["rural"]).text() == "650"
    assert editor.table.item(1, COL["urban"]).text() == "860.50"

    # Edit it, then remove it.
    edit_cell(qtbot, editor, 1, COL["rural"], "660")
    click(qtbot, settings.save_button)
    assert services.settings.get("standards")[1]["rural_dibao_fen"] == 66000
    editor.table.selectRow(1)
    click(qtbot, editor.remove_button)
    click(qtbot, settings.save_button)
    assert [e["effective_from"] for e in services.settings.get("standards")] == ["2025-01-01"]


@pytest.mark.parametrize(("col", "text", "message"), [
    ("urban", "abc", "金额格式不正确"),
    ("edge", "50", "100–300"),           # the core's range check
    ("edge", "1.5", "百分"),              # not a whole percentage
    ("date", "2025-01-01", "2026-11-24"),  # before today (and a duplicate date)
    ("date", "2027-13-01", "日期格式"),
])
def test_invalid_entry_shows_an_error_and_stores_nothing(qtbot, settings, services, col, text,
                                                         message):
    before = services.settings.get("standards")
    editor = settings.standards
    click(qtbot, editor.add_button)
    edit_cell(qtbot, editor, 1, COL[col], text)
    click(qtbot, settings.save_button)
    assert not settings.standards_error.isHidden()
    assert message in settings.standards_error.text(), settings.standards_error.text()
    assert "第 2 行" in settings.standards_error.text() or "第 2 条" in settings.standards_error.text()
    assert services.settings.get("standards") == before
    assert editor.table.rowCount() == 2  # what the admin typed is kept
    assert editor.table.item(1, COL[col]).text() == text

