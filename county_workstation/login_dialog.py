"""The county's login and first-administrator dialogs over ``county_receiver.accounts``
(``Accounts(county)``: ``needs_setup()``, ``create_first_admin(username, name, password)
-> CountyActor`` (logged in), ``login(username, password) -> CountyActor``; a refusal is
``CountyRefused`` with a Chinese ``message_zh``)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.kit.tasks import TaskRunner, call_on_writer
from desktop_app.gui.kit.widgets import ErrorLabel

from .common import error_text


class LoginDialog(QDialog):
    """User name and password; a refusal is told in the dialog, which stays open."""

    def __init__(self, accounts: Any, tasks: TaskRunner | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countyLogin")
        self.setMinimumWidth(400)
        self.setWindowTitle(self.tr("County workstation — log in"))
        self.accounts, self.tasks = accounts, tasks
        self.actor: Any = None
        self.username = QLineEdit()
        self.username.setObjectName("loginUsername")
        self.password = QLineEdit()
        self.password.setObjectName("loginPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Password:"), self.password)
        self.hint = QLabel()
        self.hint.setObjectName("loginHint")
        self.hint.setWordWrap(True)
        self.hint.setVisible(False)
        self.error = ErrorLabel()
        self.error.setObjectName("loginError")
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Log in"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("loginButton")
        ok.setDefault(True)
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.try_login)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def try_login(self) -> None:
        username, password = self.username.text().strip(), self.password.text()
        try:
            self.actor = call_on_writer(self.tasks, lambda: self.accounts.login(username, password))
        except Exception as exc:
            self.password.clear()
            self.error.show_messages([error_text(exc)])
            return
        self.accept()


class FirstAdminDialog(QDialog):
    """The first start of a county with accounts: its first administrator."""

    def __init__(self, accounts: Any, tasks: TaskRunner | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countySetup")
        self.setMinimumWidth(440)
        self.setWindowTitle(self.tr("County workstation — first administrator"))
        self.accounts, self.tasks = accounts, tasks
        self.actor: Any = None
        intro = QLabel(self.tr("No one can log in yet. Create the first administrator; they "
                               "add the other users."))
        intro.setWordWrap(True)
        self.username = QLineEdit()
        self.username.setObjectName("setupUsername")
        self.name = QLineEdit()
        self.name.setObjectName("setupName")
        self.password = QLineEdit()
        self.password.setObjectName("setupPassword")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("setupRepeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("User name:"), self.username)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("Password:"), self.password)
        form.addRow(self.tr("Password again:"), self.repeat)
        self.error = ErrorLabel()
        self.error.setObjectName("setupError")
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Create"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("setupButton")
        buttons.addButton(self.tr("Quit"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.try_create)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def try_create(self) -> None:
        if self.password.text() != self.repeat.text():
            self.error.show_messages([self.tr("The two passwords differ.")])
            return
        username, name, password = (self.username.text().strip(), self.name.text().strip(),
                                    self.password.text())
        try:
            self.actor = call_on_writer(self.tasks, lambda: self.accounts.create_first_admin(
                username, name, password))
        except Exception as exc:
            self.error.show_messages([error_text(exc)])
            return
        self.accept()


def login_or_setup(accounts: Any, tasks: TaskRunner | None, parent: QWidget | None = None, *,
                   hint: str = "") -> Any:
    """The first administrator on a new county, else the login; ``None`` if given up."""
    needs_setup = call_on_writer(tasks, accounts.needs_setup)
    dialog: LoginDialog | FirstAdminDialog = (FirstAdminDialog if needs_setup else LoginDialog)(
        accounts, tasks, parent)
    if hint and isinstance(dialog, LoginDialog):
        dialog.hint.setText(hint)
        dialog.hint.setVisible(True)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.actor
