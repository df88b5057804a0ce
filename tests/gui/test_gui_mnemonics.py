"""Issue 14, item 7: one Alt+letter (a ``&`` mnemonic) means one thing per screen.

The walk covers every screen of the main window (as the administrator, who sees all of
them), both pages of 受理登记 (the form with several suggestion rows, and the result
page: Alt+N must not be 告知 on one and 新建受理 on the other), the detail window of
applications in each state of the demo (accepted, notice issued, in 公示, at the
county, overdue at 入户调查, an urgent 临时救助), and every dialog that any button or
menu entry of the detail window, tracking, the reserve fund and administration opens
(captured as it opens, checked, and closed without acting).

Counted as a mnemonic: the text of a button, a label with a buddy, a group box title,
a tab, and a menu entry. Within one screen the pages of a stack (the intake form and
its result page, a tab widget's tabs) count together: the clerk meets them in turn
and the same key must not do two things.
"""

from __future__ import annotations

import re
from collections import defaultdict

import pytest
import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QGroupBox,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTabBar,
    QTableView,
    QToolButton,
    QWidget,
)

from tests.gui.test_gui_intake_assessment import fill_household, suggested

pytestmark = pytest.mark.gui

CLOSE = {"关闭", "Close"}  # the window's own close button: pressed last, by the test
MNEMONIC = re.compile(r"&([^&\s])")


def letter(text: str) -> str | None:
    found = MNEMONIC.search((text or "").replace("&&", ""))
    return found.group(1).upper() if found else None


def _shown(widget: QWidget, root: QWidget) -> bool:
    """Visible in ``root``, counting every page of a stack (and a tab widget's tabs)."""
    w: QWidget | None = widget
    while w is not None and w is not root:
        parent = w.parentWidget()
        if w.isHidden() and not isinstance(parent, QStackedWidget):
            return False
        w = parent
    return True


def menu_letters(menu: QMenu, where: str, out: dict[str, list[str]]) -> None:
    seen: dict[str, list[str]] = defaultdict(list)
    for action in menu.actions():
        if action.isVisible() and not action.isSeparator():
            found = letter(action.text())
            if found:
                seen[found].append(f"{where} › {action.text()}")
            if action.menu() is not None:
                menu_letters(action.menu(), f"{where} › {action.text()}", out)
    for key, owners in seen.items():
        if len(owners) > 1:
            out[f"menu:{where}:{key}"].extend(owners)


def mnemonics(root: QWidget) -> dict[str, list[str]]:
    """Letter → the texts that use it in ``root`` (menus: their own entries apart)."""
    found: dict[str, list[str]] = defaultdict(list)
    menus: dict[str, list[str]] = defaultdict(list)
    for widget in [root, *root.findChildren(QWidget)]:
        if isinstance(widget, QMenu) or (widget is not root and widget.isWindow()):
            continue
        if not _shown(widget, root):
            continue
        texts: list[str] = []
        if isinstance(widget, QAbstractButton):
            texts.append(widget.text())
            if isinstance(widget, (QToolButton, QPushButton)) and widget.menu() is not None:
                menu_letters(widget.menu(), widget.text(), menus)
        elif isinstance(widget, QLabel) and widget.buddy() is not None:
            texts.append(widget.text())
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabBar):
            texts.extend(widget.tabText(i) for i in range(widget.count())
                         if widget.isTabVisible(i))
        for text in texts:
            key = letter(text)
            if key:
                found[key].append(f"{type(widget).__name__} {widget.objectName()!r}: {text}")
    duplicates = {k: v for k, v in found.items() if len(v) > 1}
    duplicates.update(menus)
    return duplicates


class Walk:
    """What was checked and what was found, across the whole test."""

    def __init__(self) -> None:
        self.checked: list[str] = []
        self.problems: dict[str, dict[str, list[str]]] = {}

    def check(self, name: str, root: QWidget) -> None:
        self.checked.append(name)
        duplicates = mnemonics(root)
        if duplicates:
            self.problems[name] = duplicates


@pytest.fixture
def walk(monkeypatch, messages):
    """Every modal dialog is checked as it opens, then closed unanswered; no file
    dialog, print dialog or message box waits for an answer."""
    result = Walk()

    def exec_(self, *_a):
        QApplication.processEvents()
        result.check(f"dialog {type(self).__name__}", self)
        self.reject()
        return QDialog.DialogCode.Rejected

    def open_(self, *_a):
        result.check(f"dialog {type(self).__name__}", self)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, True)
        self.reject()

    monkeypatch.setattr(QDialog, "exec", exec_)
    monkeypatch.setattr(QDialog, "open", open_)
    monkeypatch.setattr(QMenu, "exec", lambda self, *a: result.check(
        f"menu {self.title()}", self) or None)
    for name in ("getSaveFileName", "getOpenFileName"):
        monkeypatch.setattr(QFileDialog, name, staticmethod(lambda *a, **k: ("", "")))
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))
    monkeypatch.setattr(QMessageBox, "exec", lambda self: QMessageBox.StandardButton.No)
    import desktop_app.gui.kit.print_pdf as print_pdf

    monkeypatch.setattr(print_pdf, "run_print_dialog", lambda *a, **k: False)
    monkeypatch.setattr(print_pdf, "print_pdfs", lambda *a, **k: 0)
    return result


def press_everything(walk: Walk, root: QWidget, name: str) -> None:
    """Click every enabled, visible button and menu entry of ``root`` once: the dialogs
    they open are checked by ``walk`` (and closed unanswered)."""
    pressed: set[int] = set()
    for button in root.findChildren(QAbstractButton):
        if not shiboken6.isValid(root):
            return
        if not shiboken6.isValid(button) or id(button) in pressed or not button.isVisible() \
                or not button.isEnabled() or button.text().replace("&", "") in CLOSE:
            continue
        if button.window() is not root.window():
            continue  # a window it opened (a print preview): checked by ``walk``, not pressed
        pressed.add(id(button))
        menu = button.menu() if isinstance(button, (QToolButton, QPushButton)) else None
        if menu is not None:
            walk.check(f"{name} menu {button.text()}", menu)
            for action in menu.actions():
                if action.isEnabled() and action.isVisible() and not action.isSeparator():
                    action.trigger()
                    QApplication.processEvents()
            continue
        if button.isCheckable():
            continue  # a filter or a choice, not an action
        button.click()
        QApplication.processEvents()


@pytest.mark.slow  # ~25 s: every screen, every detail state, every dialog
def test_every_screen_and_dialog_has_unique_mnemonics(qtbot, window, walk, services, messages):
    window.resize(1366, 728)
    messages.answer_yes = False  # nothing destructive is confirmed
    window.ask = lambda *a: False
    # -- 受理登记 with two suggestion rows, then its result page --------------------------------
    intake = window.intake
    fill_household(qtbot, intake)
    qtbot.mouseClick(intake.supporters[False], Qt.MouseButton.LeftButton)
    suggested(qtbot, intake, "DIBAO")
    suggested(qtbot, intake, "TEKUN")
    assert len(intake.assessment.rows) >= 2
    walk.check("intake (form and result page)", intake)

    # -- every screen of the main window ------------------------------------------------------
    for show in ("show_applications", "show_tracking", "show_reserve", "show_sync",
                 "show_separate_list", "show_audit", "show_admin"):
        getattr(window, show)()
        walk.check(show, window.stack.currentWidget())
    walk.check("main window toolbar", window.toolbar)
    admin = window.admin
    for index in range(admin.tabs.count()):
        admin.tabs.setCurrentIndex(index)
        press_everything(walk, admin.tabs.currentWidget(), f"admin tab {index}")
        for view in admin.tabs.currentWidget().findChildren(QTableView):
            if view.isVisible() and view.model() is not None and view.model().rowCount() > 1:
                view.selectRow(1)  # a row chosen: the buttons acting on it
                press_everything(walk, admin.tabs.currentWidget(), f"admin tab {index} row")
                break

    from desktop_app.core.services.demo import fill_demo

    fill_demo(services, 12, seed=7, showcase=True)
    window.show_reserve()
    press_everything(walk, window.reserve_screen, "reserve")
    tracking = window.show_tracking()
    rows = tracking.model.rowCount()
    assert rows >= 4
    for row in range(min(rows, 12)):
        tracking.view.clearSelection()
        tracking.view.selectRow(row)
        press_everything(walk, tracking, f"tracking row {row}")
        window.show_tracking()

    # -- the detail window of applications in each state --------------------------------------
    ids = services.queries.search_ids("", None, 40)
    assert len(ids) >= 12
    statuses: set[str] = set()
    for application_id in ids:
        row = services.queries.rows([application_id])[0]
        if row.status in statuses and len(statuses) < 6:
            continue
        statuses.add(row.status)
        dialog = window.open_application(application_id)
        qtbot.waitExposed(dialog)
        walk.check(f"detail ({row.status})", dialog)
        press_everything(walk, dialog, f"detail ({row.status})")
        if shiboken6.isValid(dialog):
            dialog.close()
        QApplication.processEvents()
    assert len(statuses) >= 3

    dialogs = sorted({c for c in walk.checked if c.startswith("dialog ")})
    print("checked:", len(walk.checked), "dialogs:", ", ".join(dialogs))
    assert len(dialogs) >= 8, dialogs  # the walk really opened the dialogs
    assert walk.problems == {}, "\n".join(
        f"{where}: Alt+{key}: {' / '.join(owners)}"
        for where, found in walk.problems.items() for key, owners in found.items())


def test_the_check_finds_a_duplicate():
    """The check itself can fail: two buttons with Alt+P on one page."""
    from PySide6.QtWidgets import QVBoxLayout

    page = QWidget()
    layout = QVBoxLayout(page)
    for text in ("采纳(&P)", "打印(&P)", "取消(&C)"):
        layout.addWidget(QPushButton(text))
    hidden = QPushButton("关闭(&C)")
    layout.addWidget(hidden)
    hidden.hide()
    assert set(mnemonics(page)) == {"P"}
    page.deleteLater()
