"""Signing in: the login dialog, the first administrator's password, changing a
password, and a supervisor's confirmation typed at a clerk's screen.

Every dialog calls :class:`~desktop_app.core.services.accounts.AccountService`
itself and keeps the resulting :class:`~desktop_app.core.services.auth.Actor` in
``self.actor``; refusals are shown inside the dialog in plain Chinese (a wrong
password, a lockout with the time it ends, the password policy). Password hashing
takes ~0.2 s, short enough to run on the GUI thread behind a wait cursor.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import contextmanager
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import PermissionDenied, ValidationError, ValidationErrors
from ..kit.errors import message_of
from ..kit.fmt import fmt
from ..kit.labels import role_label
from ..kit.tasks import TaskRunner, call_on_writer
from ..kit.widgets import ErrorLabel
from .recovery_code import CodeShower, show_recovery_code

if TYPE_CHECKING:
    from ...core.services import Services
    from ...core.services.auth import Actor


HINT_STYLE = "color: #546e7a;"
DEMO_HINT_STYLE = "background: #fff3e0; border: 1px solid #ffb74d; padding: 6px;"


@contextmanager
def busy_cursor():
    QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
    try:
        yield
    finally:
        QApplication.restoreOverrideCursor()


def password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    edit.setMaxLength(64)
    return edit


def policy_text() -> str:
    return QCoreApplication.translate(
        "Login", "8 to 64 characters with at least one letter and one digit; not the username, "
        "not a run like 12345678, not a well-known password.")


def demo_hint() -> str:
    from ...core.services.demo import DEMO_ACCOUNTS

    lines = [QCoreApplication.translate("Login", "Demo accounts (invented data, practice only):")]
    order = {"admin": 0, "supervisor": 1, "clerk": 2}
    for _name, username, role, password in sorted(DEMO_ACCOUNTS, key=lambda a: order.get(a[2], 3)):
        lines.append(f"{role_label(role)}：{username} / {password}")
    return "\n".join(lines)


class LoginForm(QWidget):
    """Username (from ``login_names()``) and password; used by the login dialog and
    the lock screen."""

    def __init__(self, names: list[tuple[str, str]], parent: QWidget | None = None, *,
                 default_user: str = "", demo: bool = False) -> None:
        super().__init__(parent)
        self.setObjectName("loginForm")
        self.username = QComboBox()
        self.username.setObjectName("loginUser")
        self.username.setMinimumContentsLength(14)
        self.password = password_edit("loginPassword")
        self.error = ErrorLabel()
        self.error.setObjectName("loginError")
        form = QFormLayout()
        form.addRow(self.tr("User"), self.username)
        form.addRow(self.tr("Password"), self.password)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        layout.addWidget(self.error)
        self.hint = QLabel(demo_hint() if demo else "")
        self.hint.setObjectName("demoHint")
        self.hint.setStyleSheet(DEMO_HINT_STYLE)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hint.setVisible(demo)
        layout.addWidget(self.hint)
        self.set_names(names, default_user)

    def set_names(self, names: list[tuple[str, str]], select: str = "") -> None:
        self.username.clear()
        for username, name in names:
            self.username.addItem(f"{name}（{username}）", username)
        index = self.username.findData(select) if select else -1
        self.username.setCurrentIndex(max(index, 0))

    def user(self) -> str:
        return self.username.currentData() or ""

    def show_failure(self, error: BaseException) -> None:
        self.error.show_messages([message_of(error) or str(error)])
        self.password.clear()
        self.password.setFocus()

    def focus(self) -> None:
        self.password.setFocus()


class LoginDialog(QDialog):
    """登录 at start-up. ``actor`` is set when accepted; Enter submits. An account
    that must change its password (reset by an administrator) does so here."""

    def __init__(self, services: Services, parent: QWidget | None = None, *, demo: bool = False,
                 message: str = "", tasks: TaskRunner | None = None,
                 opening: Callable[[], Services | None] | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loginDialog")
        self.tasks = tasks
        self.services = services
        #: At start-up on a large database the dialog shows before the services are open
        #: (gui/opening.py: ``services`` then only answers the township and the names);
        #: ``opening()`` waits for them — ``None``: give up, the dialog is rejected.
        self.opening = opening
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Log in"))
        try:
            township = services.setup.township().name
        except LookupError:
            township = ""
        heading = QLabel(fmt(self.tr("%1 social assistance window"), township)
                         if township else self.tr("Social assistance window"))
        heading.setObjectName("loginHeading")
        heading.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.message = QLabel(message)
        self.message.setObjectName("loginMessage")
        self.message.setWordWrap(True)
        self.message.setVisible(bool(message))
        self.form = LoginForm(services.accounts.login_names(), default_user="admin" if demo else "",
                              demo=demo)
        buttons = QDialogButtonBox()
        self.login_button = buttons.addButton(self.tr("Log in"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.login_button.setObjectName("loginButton")
        self.login_button.setDefault(True)
        self.login_button.setAutoDefault(True)
        quit_button = buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        quit_button.setObjectName("quitButton")
        quit_button.setAutoDefault(False)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.recover_button = QPushButton(self.tr("Forgot the administrator password…"))
        self.recover_button.setObjectName("recoverAdmin")
        self.recover_button.setAutoDefault(False)
        self.recover_button.setFlat(True)
        self.recover_button.clicked.connect(self.recover)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.message)
        layout.addWidget(self.form)
        layout.addStretch(1)
        layout.addWidget(self.recover_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(buttons)
        self.setMinimumWidth(460)
        self.form.focus()

    def _ready(self) -> bool:
        if self.opening is None:
            return True
        opening, self.opening = self.opening, None
        services = opening()
        if services is None:
            self.reject()
            return False
        self.services = services
        return True

    def submit(self) -> None:
        from ...core.services import LoginFailed

        if not self._ready():
            return
        username, password = self.form.user(), self.form.password.text()
        if not username:
            self.form.error.show_messages([self.tr("There is no account to log in with.")])
            return
        accounts = self.services.accounts
        try:
            with busy_cursor():
                actor = call_on_writer(self.tasks,
                                       lambda: accounts.login(username, password)).value
        except (LoginFailed, PermissionDenied) as exc:
            self.form.show_failure(exc)
            return
        if actor.must_change_password:
            actor = self.change_password(actor, password)
            if actor is None:
                self.form.error.show_messages([self.tr("Choose a new password to continue.")])
                self.form.password.clear()
                return
        self.actor = actor
        self.accept()

    def recover(self) -> bool:
        """The administrator recovery code sets a new administrator password; logged in
        as that administrator when it worked (the next code was shown)."""
        if not self._ready():
            return False
        dialog = RecoverAdminDialog(self.services, self, tasks=self.tasks)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.actor is None:
            return False
        self.actor = dialog.actor
        self.accept()
        return True

    def change_password(self, actor, old_password: str):
        dialog = ChangePasswordDialog(self.services, actor, self, old_password=old_password,
                                      tasks=self.tasks)
        return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None


class FirstPasswordDialog(QDialog):
    """First run: the administrator named at setup chooses a password (twice)."""

    def __init__(self, services: Services, admin, parent: QWidget | None = None, *,
                 tasks: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("firstPasswordDialog")
        self.tasks = tasks
        self.services = services
        self.admin = admin
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Set the administrator's password"))
        intro = QLabel(fmt(self.tr("%1 is this computer's first administrator (username %2). Choose "
                               "a password now; it is needed to log in."), admin.name, admin.username))
        intro.setWordWrap(True)
        self.password = password_edit("firstPassword")
        self.repeat = password_edit("firstPasswordRepeat")
        policy = QLabel(policy_text())
        policy.setWordWrap(True)
        policy.setStyleSheet(HINT_STYLE)
        self.error = ErrorLabel()
        self.error.setObjectName("firstPasswordError")
        form = QFormLayout()
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat"), self.repeat)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Save and log in"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("firstPasswordOk")
        ok.setDefault(True)
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(policy)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.password.setFocus()

    def submit(self) -> None:
        password = self.password.text()
        if password != self.repeat.text():
            self.error.show_messages([self.tr("The two passwords differ.")])
            self.repeat.clear()
            self.repeat.setFocus()
            return
        try:
            with busy_cursor():
                accounts, admin_id = self.services.accounts, self.admin.id
                self.actor = call_on_writer(
                    self.tasks, lambda: accounts.set_first_password(admin_id, password)).value
        except (ValidationErrors, ValidationError, PermissionDenied) as exc:
            self.error.show_messages([message_of(exc) or str(exc)])
            self.password.setFocus()
            return
        self.accept()


class RecoverAdminDialog(QDialog):
    """忘记管理员密码: the recovery code from the setup and a new password (twice).

    ``AccountService.recover_admin``: a wrong code counts as a failed login of that
    administrator; on success the code is used up and the next one is shown once
    (``show_code``) before the dialog closes with ``actor`` logged in."""

    def __init__(self, services: Services, parent: QWidget | None = None, *,
                 tasks: TaskRunner | None = None,
                 show_code: CodeShower = show_recovery_code) -> None:
        super().__init__(parent)
        self.setObjectName("recoverAdminDialog")
        self.services = services
        self.tasks = tasks
        self.show_code = show_code
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Forgot the administrator password"))
        intro = QLabel(self.tr(
            "Type the administrator recovery code shown at the first-run setup (printed or "
            "saved then) and choose a new password. The code works once; a new one is shown "
            "afterwards. A wrong code counts as a wrong password of that administrator."))
        intro.setWordWrap(True)
        self.admin = QComboBox()
        self.admin.setObjectName("recoverAdminUser")
        for username, name in services.accounts.recovery_accounts():
            self.admin.addItem(f"{name}（{username}）", username)
        self.code = QLineEdit()
        self.code.setObjectName("recoveryCodeInput")
        self.code.setMaxLength(40)
        self.code.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX")
        self.code.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.password = password_edit("recoverPassword")
        self.repeat = password_edit("recoverPasswordRepeat")
        policy = QLabel(policy_text())
        policy.setWordWrap(True)
        policy.setStyleSheet(HINT_STYLE)
        self.error = ErrorLabel()
        self.error.setObjectName("recoverError")
        form = QFormLayout()
        form.addRow(self.tr("Administrator"), self.admin)
        form.addRow(self.tr("Recovery code"), self.code)
        form.addRow(self.tr("New password"), self.password)
        form.addRow(self.tr("Repeat"), self.repeat)
        buttons = QDialogButtonBox()
        self.ok_button = buttons.addButton(self.tr("Set the password and log in"),
                                           QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok_button.setObjectName("recoverOk")
        self.ok_button.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(policy)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.code.setFocus()

    def submit(self) -> bool:
        from ...core.services import LoginFailed

        password = self.password.text()
        if password != self.repeat.text():
            self.error.show_messages([self.tr("The two passwords differ.")])
            self.repeat.clear()
            self.repeat.setFocus()
            return False
        accounts = self.services.accounts
        code, username = self.code.text(), self.admin.currentData() or None
        try:
            with busy_cursor():
                result = call_on_writer(self.tasks, lambda: accounts.recover_admin(
                    code, password, username)).value
        except (LoginFailed, ValidationErrors, ValidationError, PermissionDenied) as exc:
            self.error.show_messages([message_of(exc) or str(exc)])
            self.code.setFocus()
            return False
        try:
            township = self.services.setup.township().name
        except LookupError:
            township = ""
        self.show_code(self, result.new_code, township)
        self.actor = result.actor
        self.accept()
        return True


class ChangePasswordDialog(QDialog):
    """修改密码. With ``old_password`` (just typed at the login) only the new one is asked."""

    def __init__(self, services: Services, actor, parent: QWidget | None = None, *,
                 old_password: str | None = None, tasks: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("changePasswordDialog")
        self.tasks = tasks
        self.services = services
        self.actor = actor
        self.old_given = old_password
        self.setWindowTitle(self.tr("Change password"))
        text = (self.tr("An administrator set your password. Choose your own now.")
                if old_password is not None else
                fmt(self.tr("%1, enter your current password and the new one twice."), actor.name))
        intro = QLabel(text)
        intro.setWordWrap(True)
        self.old = password_edit("oldPassword")
        self.new = password_edit("newPassword")
        self.repeat = password_edit("newPasswordRepeat")
        policy = QLabel(policy_text())
        policy.setWordWrap(True)
        policy.setStyleSheet(HINT_STYLE)
        self.error = ErrorLabel()
        self.error.setObjectName("changePasswordError")
        form = QFormLayout()
        if old_password is None:
            form.addRow(self.tr("Current password"), self.old)
        else:
            self.old.setVisible(False)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("Repeat"), self.repeat)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Change password"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("changePasswordOk")
        ok.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(policy)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        (self.new if old_password is not None else self.old).setFocus()

    def submit(self) -> None:
        from ...core.services import LoginFailed

        new = self.new.text()
        if new != self.repeat.text():
            self.error.show_messages([self.tr("The two new passwords differ.")])
            self.repeat.clear()
            self.repeat.setFocus()
            return
        old = self.old_given if self.old_given is not None else self.old.text()
        try:
            with busy_cursor():
                accounts, actor = self.services.accounts, self.actor
                self.actor = call_on_writer(
                    self.tasks, lambda: accounts.change_password(actor, old, new)).value
        except (LoginFailed, ValidationErrors, ValidationError, PermissionDenied) as exc:
            self.error.show_messages([message_of(exc) or str(exc)])
            return
        self.accept()


class ConfirmDialog(QDialog):
    """A supervisor types their own username and password at the clerk's screen
    (``AccountService.confirm``); ``actor`` is the confirming supervisor."""

    def __init__(self, services: Services, parent: QWidget | None, what: str, permission: str, *,
                 tasks: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmDialog")
        self.tasks = tasks
        self.services = services
        self.permission = permission
        self.actor: Actor | None = None
        self.setWindowTitle(self.tr("Supervisor's confirmation"))
        intro = QLabel(self.tr("Only a supervisor or an administrator may do this. Ask them to "
                               "confirm with their own username and password:"))
        intro.setWordWrap(True)
        self.what = QLabel(what)
        self.what.setObjectName("confirmWhat")
        self.what.setWordWrap(True)
        self.what.setStyleSheet("font-weight: bold;")
        self.username = QLineEdit()
        self.username.setObjectName("confirmUser")
        self.password = password_edit("confirmPassword")
        self.error = ErrorLabel()
        self.error.setObjectName("confirmError")
        form = QFormLayout()
        form.addRow(self.tr("Supervisor's username"), self.username)
        form.addRow(self.tr("Password"), self.password)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Confirm"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("confirmOk")
        ok.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.what)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(480)
        self.username.setFocus()

    def submit(self) -> None:
        from ...core.services import LoginFailed

        try:
            with busy_cursor():
                accounts, permission = self.services.accounts, self.permission
                username, password = self.username.text().strip(), self.password.text()
                self.actor = call_on_writer(
                    self.tasks, lambda: accounts.confirm(username, password, permission)).value
        except (LoginFailed, PermissionDenied) as exc:
            self.error.show_messages([message_of(exc) or str(exc)])
            self.password.clear()
            return
        self.accept()


def ask_confirmation(services: Services, parent: QWidget | None, what: str, permission: str, *,
                     tasks: TaskRunner | None = None):
    """The confirming supervisor's actor, or ``None`` if cancelled."""
    dialog = ConfirmDialog(services, parent, what, permission, tasks=tasks)
    return dialog.actor if dialog.exec() == QDialog.DialogCode.Accepted else None


def sign_in(services: Services, parent: QWidget | None = None, *, demo: bool = False,
            exec_dialog: Callable[[QDialog], int] = lambda d: d.exec(),
            tasks: TaskRunner | None = None):
    """At start-up: the first administrator's password (first run) or the login.
    Returns the :class:`Actor`, or ``None`` if the user quit."""
    admin = services.accounts.needs_first_password()
    dialog: QDialog
    if admin is not None:
        dialog = FirstPasswordDialog(services, admin, parent, tasks=tasks)
    else:
        dialog = LoginDialog(services, parent, demo=demo, tasks=tasks)
    accepted = exec_dialog(dialog) == QDialog.DialogCode.Accepted
    actor = dialog.actor if accepted else None
    dialog.deleteLater()
    return actor
