"""动态管理 (issue 15): the toolbar entry (Ctrl+D) opens the screen with one tab per part
listed in ``TABS``, each translated, and the screen is dropped on a user switch."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from desktop_app.gui.dynamic import screen as dynamic

pytestmark = pytest.mark.gui


def test_ctrl_d_opens_dynamic_management_with_every_listed_tab(window, qtbot):
    assert window.dynamic_action.text() == "动态管理"
    assert window.dynamic_action.isEnabled()
    qtbot.keyClick(window, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    page = window.dynamic_screen
    assert page is not None and window.stack.currentWidget() is page
    assert window.dynamic_action.isChecked()
    assert page.tabs.count() == len(dynamic.TABS)
    for index in range(page.tabs.count()):
        title = page.tabs.tabText(index)
        assert title and not title.isascii()  # every title translated into Chinese
    # a second visit reuses the screen and refreshes it
    assert window.show_dynamic() is page


def test_dynamic_screen_is_not_kept_for_the_next_user(window):
    page = window.show_dynamic()
    window._drop_restricted_screens()
    assert window.dynamic_screen is None and window.stack.indexOf(page) == -1
    assert window.stack.currentWidget() is window.intake
    assert window.show_dynamic() is not page  # built afresh for the next user
