"""Issue 14, item 7: the keyboard reaches the results (Down / Enter from the search box),
and the focus can be seen (a 2 px outline) and is in view (a new member row)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from desktop_app.gui.applications.screen import COL_NAME, IdRole
from desktop_app.gui.kit import wheel
from tests.gui.test_gui_applications import _people
from tests.helpers.gui import type_text

pytestmark = pytest.mark.gui

POPULATED = {"people": _people}


@pytest.fixture
def people(populated_template, data_dir, services, township):
    return populated_template(_people, data_dir)[1]


def searched(qtbot, window, text: str):
    window.show_applications()
    screen = window.applications
    window.activateWindow()
    qtbot.waitActive(window)
    screen.search.setFocus()
    type_text(qtbot, screen.search, text)
    qtbot.waitUntil(lambda: not screen.timer.isActive(), timeout=2000)
    return screen


def test_down_in_the_search_box_goes_to_the_first_result_and_enter_opens_it(qtbot, window, people):
    screen = searched(qtbot, window, "zs")
    assert screen.model.rowCount() == 2
    qtbot.keyClick(screen.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is screen.view
    assert screen.view.currentIndex().row() == 0
    first = screen.model.index(0, COL_NAME).data(IdRole)
    qtbot.keyClick(screen.view, Qt.Key.Key_Down)
    assert screen.view.currentIndex().row() == 1
    second = screen.model.index(1, COL_NAME).data(IdRole)
    qtbot.keyClick(screen.view, Qt.Key.Key_Return)
    assert list(window.details) == [second]
    window.details[second].close()
    # Up on the first row goes back to the search box
    qtbot.keyClick(screen.view, Qt.Key.Key_Up)
    qtbot.keyClick(screen.view, Qt.Key.Key_Up)
    assert QApplication.focusWidget() is screen.search
    assert first != second


def test_a_pending_search_runs_before_down_moves_to_the_results(qtbot, window, people):
    window.show_applications()
    screen = window.applications
    screen.search.setFocus()
    type_text(qtbot, screen.search, "ls")
    assert screen.timer.isActive()  # typed, not yet searched
    qtbot.keyClick(screen.search, Qt.Key.Key_Down)
    assert screen.model.rowCount() == 1
    assert screen.view.currentIndex().row() == 0


def test_enter_on_a_single_match_opens_it(qtbot, window, people):
    screen = searched(qtbot, window, people[1].number)
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    assert list(window.details) == [people[1].application_id]


def test_enter_on_several_matches_makes_the_first_current(qtbot, window, people):
    screen = searched(qtbot, window, "zs")
    qtbot.keyClick(screen.search, Qt.Key.Key_Return)
    assert window.details == {}
    assert QApplication.focusWidget() is screen.view
    qtbot.keyClick(screen.view, Qt.Key.Key_Enter)
    assert list(window.details) == [screen.model.index(0, COL_NAME).data(IdRole)]


def test_down_with_no_result_stays_in_the_search_box(qtbot, window, people):
    screen = searched(qtbot, window, "nobody-here")
    assert screen.model.rowCount() == 0
    qtbot.keyClick(screen.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is screen.search


# -- visible focus -------------------------------------------------------------------------------
def outline_pixels(window, widget) -> int:
    """Pixels of the focus colour the outline over ``widget`` shows (0: no outline on it)."""
    from PySide6.QtGui import QColor

    outline = wheel._guard.outline if wheel._guard is not None else None
    if outline is None or outline.parentWidget() is not widget or not outline.isVisible():
        return 0
    assert outline.geometry() == widget.rect()  # laid over the whole field
    image = outline.grab().toImage()
    target = QColor(wheel.FOCUS_COLOUR)
    return sum(1 for x in range(image.width()) for y in range(image.height())
               if image.pixelColor(x, y) == target)


def test_the_outline_follows_the_focus(qtbot, window):
    window.activateWindow()
    qtbot.waitActive(window)
    name, phone = window.intake.applicant.name, window.intake.applicant.phone
    name.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is name, timeout=1000)
    assert outline_pixels(window, name) > 2 * name.width()
    assert outline_pixels(window, phone) == 0
    phone.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is phone, timeout=1000)
    assert outline_pixels(window, phone) > 2 * phone.width()
    assert outline_pixels(window, name) == 0


def test_a_new_member_row_gets_the_focus_visibly_and_in_view(qtbot, window):
    window.resize(1000, 560)
    window.activateWindow()
    qtbot.waitActive(window)
    intake = window.intake
    for _ in range(4):
        intake.members.add_member()
    person = intake.members.add_member()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is person.relation, timeout=1000)
    qtbot.wait(50)  # the scroll into view runs after the layout
    assert outline_pixels(window, person.relation) >= 2 * person.relation.width()
    area = person.relation.parentWidget()
    while area is not None and not area.inherits("QScrollArea"):
        area = area.parentWidget()
    assert area is not None
    top_left = person.relation.mapTo(area.viewport(), person.relation.rect().topLeft())
    bottom = top_left.y() + person.relation.height()
    assert 0 <= top_left.y() and bottom <= area.viewport().height(), "the new row is out of view"
