"""Every visible string is translated.

1. ``zh_CN.ts`` has no unfinished or empty entry, lupdate over today's sources
   finds nothing new, and the committed ``zh_CN.qm`` is what lrelease makes of it.
2. With the translator loaded, every screen and dialog is built with data (errors
   shown, documents, events, a voided document …) and every widget is walked:
   labels, buttons, group boxes, window titles, tool tips, placeholders, combo
   items, table headers and cells, actions. Any run of two or more ASCII letters
   not in a small allow-list is an untranslated English word.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTabWidget,
    QWidget,
)

import desktop_app.gui
from desktop_app.gui.auth.setup_dialog import SetupDialog
from desktop_app.gui.kit.dialogs import ReasonsDialog
from desktop_app.gui.kit.tasks import TaskRunner
from desktop_app.gui.main_window import MainWindow
from tests.helpers.gui import click, decide, fill_valid, make_id, type_text

pytestmark = pytest.mark.gui

I18N = Path(desktop_app.gui.__file__).parent / "i18n"
GUI_DIR = I18N.parent
ENGLISH = re.compile(r"[A-Za-z]{2,}")
#: Words that stay as they are in Chinese UI text.
ALLOWED = {"PDF", "CSV", "ID", "UTF", "GBK", "Ctrl", "Alt", "zs", "csv", "txt", "KB", "MB",
           "Excel", "xlsx", "xls"}  # issue 16: the file kind clerks know by name


def _tool(name: str) -> str | None:
    import sys

    candidate = Path(sys.executable).parent / name
    return str(candidate) if candidate.exists() else shutil.which(name)


# -- 1. the translation files -----------------------------------------------------------------
def _messages(ts: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(ts).getroot()
    return [(ctx.findtext("name"), msg.findtext("source"), msg)
            for ctx in root.iter("context") for msg in ctx.iter("message")]


def test_ts_file_is_complete():
    messages = _messages(I18N / "zh_CN.ts")
    assert len(messages) > 100
    problems = []
    for ctx, source, msg in messages:
        tr = msg.find("translation")
        texts = [tr.text] if msg.get("numerus") != "yes" else [n.text for n in tr.iter("numerusform")]
        if tr.get("type") in ("unfinished", "vanished", "obsolete") or not all(t and t.strip() for t in texts):
            problems.append(f"{ctx}: {source!r} ({tr.get('type') or 'empty'})")
            continue
        for text in texts:
            english = [w for w in ENGLISH.findall(text) if w not in ALLOWED]
            if english:
                problems.append(f"{ctx}: {source!r} -> {text!r} still English: {english}")
        if source.count("%") != sum(t.count("%") for t in texts) // len(texts):
            problems.append(f"{ctx}: {source!r} placeholders differ")
    assert not problems, "\n".join(problems)


def test_sources_have_no_untranslated_strings(tmp_path):
    lupdate = _tool("pyside6-lupdate")
    if lupdate is None:
        pytest.skip("pyside6-lupdate not installed")
    ts = tmp_path / "zh_CN.ts"
    shutil.copy(I18N / "zh_CN.ts", ts)
    sources = sorted(str(p) for p in GUI_DIR.rglob("*.py"))  # sub-packages too
    subprocess.run([lupdate, "-no-obsolete", *sources, "-ts", str(ts)], check=True,
                   capture_output=True)
    new = [f"{ctx}: {src!r}" for ctx, src, msg in _messages(ts)
           if msg.find("translation").get("type") == "unfinished"]
    assert not new, "strings missing from zh_CN.ts (run i18n/update.sh):\n" + "\n".join(new)


def test_qm_matches_ts(tmp_path):
    lrelease = _tool("pyside6-lrelease")
    if lrelease is None:
        pytest.skip("pyside6-lrelease not installed")
    qm = tmp_path / "zh_CN.qm"
    subprocess.run([lrelease, str(I18N / "zh_CN.ts"), "-qm", str(qm)], check=True, capture_output=True)
    assert qm.read_bytes() == (I18N / "zh_CN.qm").read_bytes(), "zh_CN.qm is stale: run i18n/update.sh"


# -- 2. every widget -----------------------------------------------------------------------------
def _model_texts(view: QAbstractItemView) -> Iterator[str]:
    model = view.model()
    if model is None:
        return
    for col in range(model.columnCount()):
        yield str(model.headerData(col, Qt.Orientation.Horizontal) or "")
    for row in range(min(model.rowCount(), 200)):
        for col in range(model.columnCount()):
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(model.index(row, col, QModelIndex()), role)
                if isinstance(value, str):
                    yield value


def plain(text: str) -> str:
    """What the clerk reads: rich text without its markup."""
    if QtGui.Qt.mightBeRichText(text):
        return QTextDocumentFragment.fromHtml(text).toPlainText()
    return text


def visible_texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for every user-visible string under ``root``."""
    for w in [root, *root.findChildren(QWidget)]:
        where = f"{type(w).__name__}#{w.objectName() or '?'}"
        if w.isWindow() or isinstance(w, QGroupBox):
            yield f"{where}.windowTitle", w.windowTitle()
        yield f"{where}.toolTip", plain(w.toolTip())
        yield f"{where}.statusTip", w.statusTip()
        yield f"{where}.whatsThis", w.whatsThis()
        if isinstance(w, QLabel):
            yield f"{where}.text", plain(w.text())
        if isinstance(w, QAbstractButton):
            yield f"{where}.text", w.text()
        if isinstance(w, QGroupBox):
            yield f"{where}.title", w.title()
        if isinstance(w, (QLineEdit, QPlainTextEdit)):
            yield f"{where}.placeholder", w.placeholderText()
        if isinstance(w, QComboBox):
            for i in range(w.count()):
                yield f"{where}.item{i}", w.itemText(i)
        if isinstance(w, QAbstractItemView):
            for text in _model_texts(w):
                yield f"{where}.cell", text
        if isinstance(w, QTabWidget):
            for i in range(w.count()):
                yield f"{where}.tab{i}", w.tabText(i)
        if isinstance(w, QMenu):
            yield f"{where}.title", w.title()
        for action in w.actions():
            yield f"{where}.action", action.text()
            yield f"{where}.action.toolTip", action.toolTip()


def english_in(root: QWidget, data: tuple[str, ...] = ()) -> list[str]:
    found = []
    for where, text in visible_texts(root):
        for value in data:  # data shown as it is (paths) is not UI text
            text = text.replace(value, "")
        words = [w for w in ENGLISH.findall(text or "") if w not in ALLOWED]
        if words:
            found.append(f"{where}: {text!r}")
    return found


@pytest.fixture
def populated(services, township):
    accepted = decide(services, township, "张三", make_id("19600512", 31))
    decide(services, township, "李四", make_id("19710203", 52), "notice")
    decide(services, township, "赵六", make_id("19450101", 11), "reject", ["不属于本乡镇"])
    doc = services.documents.for_application(accepted.application_id)[0]
    services.documents.reprint(doc.id, township)
    services.documents.void(doc.id, "打印错误", township)
    return accepted


#: Account names and demo passwords are data, shown as they are.
ACCOUNT_DATA = ("supervisor", "clerk1", "clerk2", "clerk3", "admin", "guanli2026", "fuze2026",
                "jingban2026")


def test_every_screen_is_translated(qtbot, window, services, populated, data_dir):
    data = (str(data_dir), *ACCOUNT_DATA)
    problems: list[str] = []

    # 受理登记 with a member, items, materials, and errors on display.
    intake = window.intake
    fill_valid(qtbot, intake, items=("DIBAO", "MEDICAL", "LINSHI_URGENT"), all_received=False)
    intake.applicant.id_type.setCurrentIndex(intake.applicant.id_type.findData("NONE"))
    intake.members.add_member().id_type.setCurrentIndex(1)
    type_text(qtbot, intake.incomes["wage"], "x")
    click(qtbot, intake.accept_button)
    assert not intake.general_error.isHidden() or intake.errors._slots["income.wage"].label.text()
    problems += english_in(window, data)

    # The result page after a decision.
    intake.clear_form()
    fill_valid(qtbot, intake, name="王五", id_number=make_id("19800808", 71))
    click(qtbot, intake.accept_button)
    assert intake.stack.currentWidget() is intake.result, intake.general_error.text()
    problems += english_in(intake.result, data)

    # 办件查询 with rows of every status.
    window.show_applications()
    window.applications.run_search()
    assert window.applications.model.rowCount() == 4
    problems += english_in(window.applications, data)

    # 办件详情 with documents (one voided) and the timeline.
    dialog = window.open_application(populated.application_id)
    assert dialog.view.events_model.rowCount() >= 6
    problems += english_in(dialog, data)

    # A pending application: the 补正 button and dialog, with an error shown.
    pending = services.queries.search_ids("李四")[0]
    dialog = window.open_application(pending)
    supplement = dialog.view.open_supplement()
    qtbot.addWidget(supplement)
    supplement.submit("accept")
    assert not supplement.materials.error.isHidden()
    problems += english_in(dialog, data) + english_in(supplement, data)

    # The window frame before the database is open, in demo mode.
    frame = MainWindow(TaskRunner(synchronous=True), data_dir=None, demo=True)
    qtbot.addWidget(frame)
    problems += english_in(frame, data)

    # 首次设置 with errors; the reasons dialogs.
    setup = SetupDialog(services)
    qtbot.addWidget(setup)
    setup.set_villages([("1", ""), ("1", "")])
    setup.save()
    problems += english_in(setup, data)
    for multiline in (True, False):
        reasons = ReasonsDialog(window, "", "", multiline=multiline)
        qtbot.addWidget(reasons)
        reasons._check()
        problems += english_in(reasons, data)

    assert not problems, "untranslated text:\n" + "\n".join(dict.fromkeys(problems))


def test_trust_screens_are_translated(qtbot, window, services, populated, data_dir, admin, clock,
                                      tmp_path, messages):
    """Login, first password, password change, supervisor confirmation, the lock screen,
    the audit trail (with every kind of entry), accounts, settings with errors, backups,
    the exports-paused banner and the status bar after automatic backups."""
    from datetime import timedelta

    from desktop_app.core.services import LoginFailed
    from desktop_app.core.services.auth import VOID
    from desktop_app.gui.admin.screen import NewUserDialog, ResetPasswordDialog, RoleDialog
    from desktop_app.gui.auth.login import (
        ChangePasswordDialog,
        ConfirmDialog,
        FirstPasswordDialog,
        LoginDialog,
    )

    mirror = tmp_path / "usb"
    problems: list[str] = []

    def check(widget) -> None:
        """Paths, backup file names and account names are data, not UI text."""
        nonlocal problems
        names = tuple(p.name for p in (data_dir / "backups").glob("*.sqlite3"))
        data = (str(data_dir / "backups"), str(data_dir), str(mirror), *names, *ACCOUNT_DATA)
        problems += english_in(widget, data)

    # Audit entries of many kinds: failures, a lockout, confirmations, settings, accounts.
    for _ in range(5):
        with pytest.raises(LoginFailed):
            services.accounts.login("clerk2", "wrong-password-1")
    with pytest.raises(LoginFailed):
        services.accounts.login("nobody", "x")
    services.accounts.confirm("supervisor", "fuze2026", VOID)
    services.queries.full_ids(populated.application_id, admin)
    services.settings.update("idle_lock_minutes", 5, admin)
    services.settings.update("backup_keep", {"recent": 3, "daily": 7, "weekly": 4, "monthly": 12},
                             admin)
    services.settings.update("backup_mirror_dir", str(mirror), admin)
    user = services.accounts.add_user("刘芳", "clerk3", "clerk", None, admin).value
    services.accounts.update_user(user.id, admin, role="supervisor")
    services.accounts.reset_password(user.id, "Liufang2026", admin)
    services.backups.backup_now(admin)

    # Login (demo hint, a wrong password, a lockout), first password, change, confirmation.
    login = LoginDialog(services, window, demo=True, message="x")
    qtbot.addWidget(login)
    login.form.password.setText("wrong")
    login.submit()
    check(login)
    login.form.username.setCurrentIndex(login.form.username.findData("clerk2"))
    login.form.password.setText("wrong")
    login.submit()
    assert "锁定" in login.form.error.text()
    check(login)
    first = FirstPasswordDialog(services, services.accounts.find("admin"), window)
    qtbot.addWidget(first)
    first.password.setText("a")
    first.submit()
    check(first)
    for old in (None, "old-password-1"):
        change = ChangePasswordDialog(services, admin, window, old_password=old)
        qtbot.addWidget(change)
        change.new.setText("a")
        change.submit()
        check(change)
    confirm = ConfirmDialog(services, window, "作废", VOID)
    qtbot.addWidget(confirm)
    confirm.username.setText("clerk1")
    confirm.password.setText("jingban2026")
    confirm.submit()
    assert confirm.error.text()
    check(confirm)

    # The lock screen: locked, a wrong password, the switch form; then busy and login modes.
    window.lock_screen()
    overlay = window.lock_overlay
    overlay.password.setText("wrong")
    overlay.unlock()
    overlay.show_switch()
    check(overlay)
    overlay.show_busy(window.tr("Restoring the backup… Please wait."))
    check(overlay)
    overlay.show_login(window.tr("Logged out."))
    check(overlay)
    overlay.form.username.setCurrentIndex(overlay.form.username.findData("admin"))
    overlay.form.password.setText("guanli2026")
    assert overlay.login()

    # 操作日志 with every entry, a selected row and the check's result.
    audit = window.show_audit()
    audit.by_date.setChecked(True)
    audit.by_date.setChecked(False)
    audit.view.selectRow(0)
    audit.run_check()
    assert audit.model.rowCount() > 30
    check(window)

    # 系统管理: accounts with their dialogs, settings with errors, backups with rows.
    admin_screen = window.show_admin()
    for build in (lambda: NewUserDialog(services.accounts, admin, window),
                  lambda: ResetPasswordDialog(services.accounts, admin, user, window),
                  lambda: RoleDialog(services.accounts, admin, user, window)):
        dialog = build()
        qtbot.addWidget(dialog)
        if isinstance(dialog, NewUserDialog):
            dialog.submit()
            assert dialog.error.text()
        check(dialog)
    settings = admin_screen.settings
    settings.mirror.setText("relative")
    settings.overrides.setPlainText("bad")
    settings.holidays.setPlainText("bad")
    settings.save()
    admin_screen.tabs.setCurrentWidget(settings)
    check(admin_screen)
    settings.overrides.setPlainText("2026-12-31 休息")
    settings.holidays.setPlainText("2027 节假日 2027-01-01")
    settings.mirror.setText(str(mirror))
    assert settings.save()
    check(settings)
    backups = admin_screen.backups
    backups.backup_now()
    backups.select_row(0)
    check(backups)

    # Automatic backups in the status bar (the mirror is missing), then a restore: the
    # banner, and the login overlay after it.
    auto = window.start_auto_backups()
    clock.now += timedelta(hours=25)
    auto.hourly()
    assert window.backup_label.text()
    backups.ask = lambda *args: True
    assert backups.restore_selected()
    assert window.banner.isVisible()
    check(window)
    overlay.form.username.setCurrentIndex(overlay.form.username.findData("admin"))
    overlay.form.password.setText("guanli2026")
    assert overlay.login()
    check(window)

    assert not problems, "untranslated text:\n" + "\n".join(dict.fromkeys(problems))
