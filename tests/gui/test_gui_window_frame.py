"""Issue 14, items 1 and 7: inputs the wheel cannot change by accident, windows that
fit the screen and remember where they were, a focus that can be seen and found."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QDialog,
    QScrollArea,
    QWidget,
)

from desktop_app.gui.kit import geometry, wheel
from tests.helpers.gui import make_window

#: 1366×768 with a 40 px task bar: what the clerk's PC leaves for windows.
CLERK_SCREEN = QRect(0, 0, 1366, 728)


def wheel_over(widget: QWidget, steps: int = -1) -> None:
    """One notch of the mouse wheel over the middle of ``widget`` (down when negative)."""
    centre = QPointF(widget.width() / 2, widget.height() / 2)
    event = QWheelEvent(centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0),
                        QPoint(0, 120 * steps), Qt.MouseButton.NoButton,
                        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False)
    QApplication.sendEvent(widget, event)


def value_of(widget: QWidget):
    if isinstance(widget, QComboBox):
        return widget.currentIndex()
    if isinstance(widget, QAbstractSpinBox):
        return widget.text()
    return widget.property("value")


def scroll_area_of(widget: QWidget) -> QScrollArea:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    assert parent is not None, f"{widget.objectName()} is not on a scrolled page"
    return parent


@pytest.fixture
def small_window(window, qtbot):
    """The main window on a short screen: the intake form scrolls."""
    window.resize(1000, 560)
    qtbot.wait(10)
    return window


def test_wheel_over_an_unfocused_combo_scrolls_the_page_and_leaves_the_value(small_window, qtbot):
    intake = small_window.intake
    combo = intake.source  # 发现途径: changed by itself in the issue
    area = scroll_area_of(combo)
    bar = area.verticalScrollBar()
    assert bar.maximum() > 0, "the form must be taller than the window for this test"
    bar.setValue(0)
    intake.applicant.name.setFocus()
    combo.setCurrentIndex(1)
    before = combo.currentIndex()
    for _ in range(3):
        wheel_over(combo, -1)
        wheel_over(combo, -1)
    assert combo.currentIndex() == before, "the wheel changed an unfocused combo"
    assert bar.value() > 0, "the wheel over the combo did not scroll the page"


def test_no_unfocused_input_of_the_intake_form_changes_by_the_wheel(small_window, qtbot):
    intake = small_window.intake
    intake.members.add_member()
    intake.items.boxes["DIBAO"].setChecked(True)  # its materials' status combos appear
    qtbot.wait(10)
    inputs = [w for w in intake.findChildren(QWidget) if wheel.guarded(w) and w.isVisible()]
    assert len(inputs) > 10
    intake.hardship.setFocus()
    for widget in inputs:
        before = value_of(widget)
        wheel_over(widget, -1)
        wheel_over(widget, 1)
        wheel_over(widget, 1)
        assert value_of(widget) == before, f"{widget.objectName()} changed by the wheel"


def test_the_focused_combo_still_follows_the_wheel(small_window, qtbot):
    combo = small_window.intake.applicant.health
    small_window.activateWindow()
    qtbot.waitActive(small_window)
    combo.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is combo, timeout=1000)
    combo.setCurrentIndex(0)
    wheel_over(combo, -1)
    assert combo.currentIndex() == 1


def test_the_wheel_never_takes_the_focus(small_window):
    inputs = [w for w in small_window.findChildren(QWidget) if wheel.guarded(w)]
    assert inputs
    wheel_focus = [w.objectName() or type(w).__name__ for w in inputs
                   if w.focusPolicy() == Qt.FocusPolicy.WheelFocus]
    assert wheel_focus == []


# -- windows that fit -----------------------------------------------------------------------------
@pytest.fixture
def clerk_screen(monkeypatch):
    monkeypatch.setattr(geometry, "available_geometry", lambda _w: QRect(CLERK_SCREEN))
    return CLERK_SCREEN


def outer(window: QWidget) -> QRect:
    """The window with the frame the window manager adds."""
    extra = geometry.frame_extra(window)
    g = window.geometry()
    return g.adjusted(-(extra.width() // 2), -(extra.height() - extra.width() // 2),
                      extra.width() - extra.width() // 2, extra.width() // 2)


@pytest.fixture
def settings(tmp_path) -> QSettings:
    return QSettings(str(tmp_path / "window.ini"), QSettings.Format.IniFormat)


def test_main_and_detail_windows_fit_a_1366x768_screen(clerk_screen, qtbot, services, admin,
                                                         opener, data_dir, settings, township):
    window = make_window(qtbot, services, admin, opener, data_dir, settings=settings)
    assert clerk_screen.contains(outer(window)), window.geometry()
    assert window.width() >= 1200  # as wide as the screen allows, not a small window
    from tests.helpers.gui import fill_valid

    fill_valid(qtbot, window.intake)
    window.intake.accept_button.click()
    application_id = window.intake.result.application_id
    assert application_id is not None
    detail = window.open_application(application_id)
    qtbot.waitExposed(detail)
    assert clerk_screen.contains(outer(detail)), detail.geometry()
    detail.close()


def test_every_large_dialog_is_shrunk_to_the_screen_as_it_shows(clerk_screen, qtbot, window):
    dialog = QDialog(window)
    qtbot.addWidget(dialog)
    dialog.resize(900, 1000)  # e.g. the print preview
    dialog.move(300, 200)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert clerk_screen.contains(outer(dialog)), dialog.geometry()
    assert dialog.width() == 900


def test_geometry_and_maximised_state_are_remembered_per_screen(clerk_screen, monkeypatch, qtbot,
                                                                  services, admin, opener,
                                                                  data_dir, settings, township):
    first = make_window(qtbot, services, admin, opener, data_dir, settings=settings)
    first.resize(1000, 600)
    first.move(120, 80)
    left = first.geometry()
    first.close()
    second = make_window(qtbot, services, admin, opener, data_dir, settings=settings)
    assert second.geometry() == left
    second.showMaximized()
    qtbot.waitUntil(second.isMaximized, timeout=1000)
    second.close()

    third = make_window(qtbot, services, admin, opener, data_dir, settings=settings)
    third.hide()
    third.show_remembered()
    qtbot.waitUntil(third.isMaximized, timeout=1000)
    third.showNormal()
    assert third.size() == QSize(1000, 600)  # the normal geometry under the maximised one
    third.close()

    # another screen (a projector at 1024×600): its own key, the preferred size shrunk
    monkeypatch.setattr(geometry, "available_geometry", lambda _w: QRect(0, 0, 1024, 600))
    fourth = make_window(qtbot, services, admin, opener, data_dir, settings=settings)
    assert fourth.width() <= 1024 and fourth.height() <= 600 - geometry.FRAME_GUESS.height()
    assert not fourth.isMaximized()
    fourth.close()


def test_a_remembered_geometry_that_no_longer_fits_is_not_restored(clerk_screen, qtbot, services,
                                                                    admin, opener, data_dir,
                                                                    settings, township):
    window = make_window(qtbot, services, admin, opener, data_dir, settings=settings)
    key = window.geometry_memory.key()
    window.close()
    settings.setValue(key + "/geometry", QRect(900, 500, 1280, 800))  # off the screen
    again = make_window(qtbot, services, admin, opener, data_dir, settings=settings)
    assert clerk_screen.contains(outer(again)), again.geometry()


@pytest.mark.parametrize("available, size, top_left, expected", [
    # fits already: unchanged
    (QRect(0, 0, 1366, 728), QSize(800, 600), QPoint(100, 100), QRect(100, 100, 800, 600)),
    # too tall and too wide: shrunk to the screen minus the frame
    (QRect(0, 0, 1366, 728), QSize(1280, 800), QPoint(40, 40), QRect(40, 30, 1280, 694)),
    (QRect(0, 0, 1024, 600), QSize(1280, 800), QPoint(0, 0), QRect(4, 30, 1016, 566)),
    # off the right/bottom edge: moved back in
    (QRect(0, 0, 1366, 728), QSize(600, 400), QPoint(1200, 700), QRect(762, 324, 600, 400)),
    # a second screen to the right
    (QRect(1366, 0, 1920, 1040), QSize(1280, 800), QPoint(0, 0), QRect(1370, 30, 1280, 800)),
])
def test_fitted_rectangle(available, size, top_left, expected):
    assert geometry.fitted(available, size, top_left, geometry.FRAME_GUESS) == expected
