"""系统管理 (administrators): accounts, settings, and backups with restore.

Buttons are a convenience: every verb is checked again by the service, and a
refusal (``PermissionDenied``) is shown as its message.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import PermissionDenied, ValidationError, ValidationErrors
from ..auth.login import HINT_STYLE, busy_cursor, password_edit, policy_text
from ..kit.dialogs import ask_yes_no
from ..kit.errors import message_of, present
from ..kit.fmt import fmt
from ..kit.labels import role_label
from ..kit.tasks import TaskRunner
from ..kit.widgets import ErrorLabel, RowsModel, open_file, row_table
from .backups import BackupsPage
from .providers import ProvidersPage  # issue 15: 服务机构名录
from .settings import SettingsPage

if TYPE_CHECKING:
    from ...core.services import Services

log = logging.getLogger(__name__)

ROLES = ("clerk", "supervisor", "admin")


def role_combo(current: str = "clerk") -> QComboBox:
    combo = QComboBox()
    combo.setObjectName("roleCombo")
    for code in ROLES:
        combo.addItem(role_label(code), code)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    return combo


class _FormDialog(QDialog):
    """A small form whose OK runs the service call ``self.operation()`` returns on the
    write lane (the dialog waits, painting); errors stay in the dialog."""

    def __init__(self, parent: QWidget | None, title: str, intro: str = "", *,
                 tasks: TaskRunner | None = None) -> None:
        super().__init__(parent)
        self.tasks = tasks
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.result_value: Any = None
        self.layout_ = QVBoxLayout(self)
        if intro:
            label = QLabel(intro)
            label.setWordWrap(True)
            self.layout_.addWidget(label)
        self.form = QFormLayout()
        self.layout_.addLayout(self.form)
        self.extra = QVBoxLayout()
        self.layout_.addLayout(self.extra)
        self.error = ErrorLabel()
        self.error.setObjectName("dialogError")
        self.layout_.addWidget(self.error)
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(self.tr("OK"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("dialogOk")
        self.ok.setDefault(True)
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.layout_.addWidget(buttons)

    def operation(self) -> Callable[[], Any]:  # pragma: no cover - overridden
        """Read the form (GUI thread) and return the service call to run."""
        raise NotImplementedError

    def submit(self) -> bool:
        try:
            call = self.operation()
            with busy_cursor():
                outcome = (self.tasks.call(call) if self.tasks is not None else call())
        except (ValidationErrors, ValidationError, PermissionDenied, LookupError) as exc:
            self.error.show_messages([message_of(exc) or str(exc)])
            return False
        self.result_value = outcome.value
        self.accept()
        return True

    def _passwords_match(self, first: QLineEdit, second: QLineEdit) -> bool:
        if first.text() != second.text():
            raise ValidationErrors([ValidationError("password", "differ",
                                                    self.tr("The two passwords differ."))])
        return True


class NewUserDialog(_FormDialog):
    def __init__(self, accounts, actor, parent: QWidget | None = None, *,
                 tasks: TaskRunner | None = None) -> None:
        super().__init__(parent, self.tr("New account"), tasks=tasks)
        self.setObjectName("newUserDialog")
        self.accounts, self.actor = accounts, actor
        self.name = QLineEdit()
        self.name.setObjectName("newUserName")
        self.username = QLineEdit()
        self.username.setObjectName("newUserUsername")
        self.username.setPlaceholderText(self.tr("letters, digits . _ -; e.g. clerk3"))
        self.role = role_combo()
        self.password = password_edit("newUserPassword")
        self.repeat = password_edit("newUserRepeat")
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Username"), self.username)
        self.form.addRow(self.tr("Role"), self.role)
        self.form.addRow(self.tr("Initial password"), self.password)
        self.form.addRow(self.tr("Repeat"), self.repeat)
        hint = QLabel(policy_text() + "\n" + self.tr(
            "The user chooses their own password at the first login. Leave it empty to create "
            "the account without a password (it cannot log in until one is set)."))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.extra.addWidget(hint)

    def operation(self):
        self._passwords_match(self.password, self.repeat)
        accounts, actor = self.accounts, self.actor
        name, username, role = self.name.text(), self.username.text(), self.role.currentData()
        password = self.password.text() or None
        return lambda: accounts.add_user(name, username, role, password, actor)


class ResetPasswordDialog(_FormDialog):
    def __init__(self, accounts, actor, user, parent: QWidget | None = None, *,
                 tasks: TaskRunner | None = None) -> None:
        super().__init__(parent, self.tr("Reset password"), fmt(self.tr(
            "New password for %1 (%2). They must change it at their next login; a lockout is "
            "lifted."), user.name, user.username), tasks=tasks)
        self.setObjectName("resetPasswordDialog")
        self.accounts, self.actor, self.user = accounts, actor, user
        self.password = password_edit("resetPassword")
        self.repeat = password_edit("resetRepeat")
        self.form.addRow(self.tr("New password"), self.password)
        self.form.addRow(self.tr("Repeat"), self.repeat)
        hint = QLabel(policy_text())
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        self.extra.addWidget(hint)

    def operation(self):
        self._passwords_match(self.password, self.repeat)
        accounts, actor, user_id, password = (self.accounts, self.actor, self.user.id,
                                              self.password.text())
        return lambda: accounts.reset_password(user_id, password, actor)


class RoleDialog(_FormDialog):
    def __init__(self, accounts, actor, user, parent: QWidget | None = None, *,
                 tasks: TaskRunner | None = None) -> None:
        super().__init__(parent, self.tr("Change role"), fmt(self.tr("Role of %1 (%2):"), user.name,
                                                             user.username), tasks=tasks)
        self.setObjectName("roleDialog")
        self.accounts, self.actor, self.user = accounts, actor, user
        self.role = role_combo(user.role)
        self.form.addRow(self.tr("Role"), self.role)

    def operation(self):
        accounts, actor, user_id, role = (self.accounts, self.actor, self.user.id,
                                          self.role.currentData())
        return lambda: accounts.update_user(user_id, actor, role=role)


def run_dialog(dialog: QDialog) -> bool:
    accepted = dialog.exec() == QDialog.DialogCode.Accepted
    dialog.deleteLater()
    return accepted


class UsersPage(QWidget):
    """账户: list, add, reset a password, change a role, (de)activate. The changes go
    out on the change bus (the main window re-reads the logged-in user)."""

    def __init__(self, services: Services, tasks: TaskRunner, actor: Callable[[], Any],
                 parent: QWidget | None = None, *,
                 run: Callable[[QDialog], bool] = run_dialog,
                 ask: Callable[[QWidget, str, str], bool] = ask_yes_no) -> None:
        super().__init__(parent)
        self.setObjectName("usersPage")
        self.services = services
        self.tasks = tasks
        self.actor = actor
        self.run = run
        self.ask = ask
        self.users: list[Any] = []
        self.model = RowsModel([self.tr("Name"), self.tr("Username"), self.tr("Role"),
                                self.tr("State"), self.tr("Last login")], parent=self)
        self.view = row_table(self.model, "usersView")
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        for col, width in ((0, 120), (1, 140), (2, 100), (3, 320)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection())

        self.add_button = QPushButton(self.tr("New account…"))
        self.add_button.setObjectName("addUser")
        self.reset_button = QPushButton(self.tr("Reset password…"))
        self.reset_button.setObjectName("resetPassword")
        self.role_button = QPushButton(self.tr("Change role…"))
        self.role_button.setObjectName("changeRole")
        self.active_button = QPushButton(self.tr("Deactivate"))
        self.active_button.setObjectName("toggleActive")
        self.add_button.clicked.connect(self.add_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.role_button.clicked.connect(self.change_role)
        self.active_button.clicked.connect(self.toggle_active)
        buttons = QHBoxLayout()
        for b in (self.add_button, self.reset_button, self.role_button, self.active_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.error = ErrorLabel()
        self.error.setObjectName("usersError")
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        self.reload()

    def _state(self, u) -> str:
        parts = [self.tr("active") if u.active else self.tr("deactivated")]
        if not u.has_password:
            parts.append(self.tr("no password yet"))
        elif u.must_change_password:
            parts.append(self.tr("must change password"))
        if u.locked_until is not None:
            parts.append(fmt(self.tr("locked until %1"), u.locked_until.strftime(
                "%Y-%m-%d %H:%M")))
        return "，".join(parts)

    def reload(self) -> None:
        current = self.selected()
        try:
            self.users = self.services.accounts.users(self.actor())
        except PermissionDenied as exc:
            self.users = []
            self.error.show_messages([exc.message])
        self.model.set_rows([
            (u.name, u.username, role_label(u.role), self._state(u),
             u.last_login_at.strftime("%Y-%m-%d %H:%M") if u.last_login_at else "—")
            for u in self.users])
        if current is not None:
            for row, u in enumerate(self.users):
                if u.id == current.id:
                    self.view.selectRow(row)
        self._selection()

    def selected(self):
        rows = self.view.selectionModel().selectedRows() if self.view.selectionModel() else []
        return self.users[rows[0].row()] if rows and rows[0].row() < len(self.users) else None

    def select_user(self, username: str) -> None:
        for row, u in enumerate(self.users):
            if u.username == username:
                self.view.selectRow(row)
                return

    def _selection(self) -> None:
        user = self.selected()
        for b in (self.reset_button, self.role_button, self.active_button):
            b.setEnabled(user is not None)
        self.active_button.setText(self.tr("Activate") if user is not None and not user.active
                                   else self.tr("Deactivate"))

    def _done(self, _outcome: Any = None) -> None:
        self.error.clear_message()
        self.reload()

    def add_user(self) -> NewUserDialog:
        dialog = NewUserDialog(self.services.accounts, self.actor(), self, tasks=self.tasks)
        if self.run(dialog):
            self._done()
            self.select_user(dialog.result_value.username)
        return dialog

    def reset_password(self) -> None:
        user = self.selected()
        if user is not None and self.run(ResetPasswordDialog(self.services.accounts, self.actor(),
                                                             user, self, tasks=self.tasks)):
            self._done()

    def change_role(self) -> None:
        user = self.selected()
        if user is not None and self.run(RoleDialog(self.services.accounts, self.actor(), user,
                                                    self, tasks=self.tasks)):
            self._done()

    def toggle_active(self) -> None:
        user = self.selected()
        if user is None:
            return
        if user.active and not self.ask(self, self.tr("Deactivate account"), fmt(self.tr(
                "Deactivate %1 (%2)? They can no longer log in; their records stay."), user.name, user.username)):
            return
        accounts, actor, user_id, active = (self.services.accounts, self.actor(), user.id,
                                            not user.active)
        self.tasks.run(lambda: accounts.update_user(user_id, actor, active=active), self._done,
                       lambda exc: present(self, exc, label=self.error), owner=self)


class AdminScreen(QWidget):
    """系统管理 with three tabs (accounts, settings, backups); their changes go out on
    the change bus."""

    def __init__(self, services: Services, tasks: TaskRunner, actor: Callable[[], Any],
                 parent: QWidget | None = None, *,
                 opener: Callable[[Path], object] = open_file) -> None:
        super().__init__(parent)
        self.setObjectName("adminScreen")
        self.users = UsersPage(services, tasks, actor)
        self.settings = SettingsPage(services, tasks, actor)
        self.backups = BackupsPage(services, tasks, actor, opener=opener)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("adminTabs")
        self.tabs.addTab(self.users, self.tr("Accounts"))
        self.tabs.addTab(self.settings, self.tr("Settings"))
        self.tabs.addTab(self.backups, self.tr("Backup and restore"))
        self.providers = ProvidersPage(services, tasks, actor)
        self.tabs.addTab(self.providers, self.tr("Service providers"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def show_backups(self) -> None:
        self.tabs.setCurrentWidget(self.backups)
