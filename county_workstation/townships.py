"""乡镇: the townships registered at the county, registering one from its public key file
(the fingerprint shown grouped for reading aloud over the phone, checked before anything
is written), and the county's own keys (created here the first time; their file is what
every township imports)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.kit.fmt import fmt
from desktop_app.gui.kit.tasks import TaskRunner
from desktop_app.gui.kit.widgets import ErrorLabel, RowsModel

from .common import (
    FINGERPRINT_STYLE,
    Notice,
    error_text,
    full_groups,
    grouped,
    last_folder,
    remember_folder,
    table,
)
from .context import CountyContext


class RegisterDialog(QDialog):
    """A township's key file read and shown — code, name, the fingerprint to compare with
    what the township reads out on the phone — registered only when confirmed."""

    def __init__(self, path: Path, keys: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("registerDialog")
        self.setWindowTitle(self.tr("Register a township"))
        self.path, self.keys = path, keys
        intro = QLabel(self.tr("Ask the township to read its key fingerprint aloud (同步 → 密钥). "
                               "Register only if it is the same as the one below."))
        intro.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Township code:"), QLabel(keys.code))
        self.name = QLineEdit(keys.name)
        self.name.setObjectName("registerName")
        form.addRow(self.tr("Township name:"), self.name)
        self.fingerprint = QLabel(grouped(keys.fingerprint))
        self.fingerprint.setObjectName("registerFingerprint")
        self.fingerprint.setStyleSheet(FINGERPRINT_STYLE)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Key fingerprint:"), self.fingerprint)
        full = QLabel(full_groups(keys.fingerprint))
        full.setObjectName("registerFullFingerprint")
        full.setStyleSheet("font-family: monospace; color: #555;")
        full.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(self.tr("Whole fingerprint:"), full)
        self.error = ErrorLabel()
        buttons = QDialogButtonBox()
        self.ok = buttons.addButton(self.tr("Register"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("registerConfirm")
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)


class KeygenDialog(QDialog):
    """The county's keys, made once: its 6-digit division code and office name."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("keygenDialog")
        self.setWindowTitle(self.tr("Create the county's keys"))
        form = QFormLayout(self)
        self.code = QLineEdit()
        self.code.setObjectName("keygenCode")
        self.code.setPlaceholderText(self.tr("6 digits"))
        self.name = QLineEdit()
        self.name.setObjectName("keygenName")
        form.addRow(self.tr("County division code:"), self.code)
        form.addRow(self.tr("Office name:"), self.name)
        self.error = ErrorLabel()
        form.addRow(self.error)
        buttons = QDialogButtonBox()
        ok = buttons.addButton(self.tr("Create"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("keygenConfirm")
        buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)


class TownshipsTab(QWidget):
    ROLES = frozenset({"admin", "officer"})

    def __init__(self, context: CountyContext, tasks: TaskRunner,
                 current_actor: Callable[[], Any], *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("townshipsTab")
        self.context, self.tasks, self.current_actor = context, tasks, current_actor
        self.county_label = QLabel()
        self.county_label.setObjectName("countyKeysLabel")
        self.county_label.setWordWrap(True)
        self.county_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.keygen_button = QPushButton(self.tr("Create the county's keys…"))
        self.keygen_button.setObjectName("keygenButton")
        self.keygen_button.clicked.connect(self.create_keys)
        self.register_button = QPushButton(self.tr("Register a township from its key file…"))
        self.register_button.setObjectName("registerButton")
        self.register_button.clicked.connect(self.choose_key_file)
        self.message = Notice("townshipsMessage")
        self.model = RowsModel([self.tr("Code"), self.tr("Name"), self.tr("Key fingerprint"),
                                self.tr("Last package"), self.tr("Last return package"),
                                self.tr("Format version")], parent=self)
        self.table = table("townshipsTable", self.model)
        top = QHBoxLayout()
        top.addWidget(self.county_label, 1)
        top.addWidget(self.keygen_button)
        top.addWidget(self.register_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)
        self.done_text = ""

    # -- reading ---------------------------------------------------------------------
    def refresh(self) -> None:
        county = self.context.county

        def read() -> tuple[Any, list[Any]]:
            try:
                keys = county.public_keys()
            except Exception:
                keys = None
            return keys, county.townships()

        self.tasks.run(read, self._show, self._failed, owner=self, lane="read")

    def _show(self, result: tuple[Any, list[Any]]) -> None:
        keys, townships = result
        actor = self.current_actor()
        admin = actor is not None and actor.can("keys")
        self.keygen_button.setVisible(keys is None)
        self.keygen_button.setEnabled(admin)
        self.register_button.setEnabled(admin and keys is not None)
        only = "" if admin else self.tr("Only an administrator registers townships and "
                                        "creates the county's keys.")
        self.register_button.setToolTip(only)
        self.keygen_button.setToolTip(only)
        if keys is None:
            self.county_label.setText(self.tr(
                "The county has no keys yet: create them first; townships import the county's "
                "public key file made with them."))
        else:
            self.county_label.setText(fmt(self.tr(
                "County %1 %2 — key fingerprint %3. Public key file for the townships: %4"),
                keys.code, keys.name, grouped(keys.key_set_fingerprint),
                self.context.keys_dir / "county.json"))
        self.model.set_rows([
            (t.code, t.name, grouped(t.fingerprint), t.last_package or "—",
             t.last_return or "—", t.format_version or "—") for t in townships])

    def _failed(self, error: BaseException) -> None:
        self.message.error(error_text(error))

    # -- writing ---------------------------------------------------------------------
    def create_keys(self) -> None:
        dialog = KeygenDialog(self)
        while dialog.exec() == QDialog.DialogCode.Accepted:
            code, name = dialog.code.text().strip(), dialog.name.text().strip()
            try:
                self.tasks.call(partial(self.context.county.keygen, code, name))
            except Exception as exc:
                dialog.error.show_messages([error_text(exc)])
                continue
            self.refresh()
            return

    def choose_key_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("The township's public key file"), last_folder(self.context),
            self.tr("Public key files (*.json);;All files (*)"))
        if path:
            remember_folder(self.context, str(Path(path).parent))
            self.register_file(Path(path))

    def register_file(self, path: Path, *, confirm: Callable[[RegisterDialog], bool] | None = None
                      ) -> bool:
        """Read ``path``, show it, register it when confirmed (``confirm`` for tests)."""
        from sync_contract.keys import read_public_keys

        self.message.clear_message()
        try:
            keys = read_public_keys(path, "township")
        except Exception as exc:
            self.message.error(error_text(exc))
            return False
        dialog = RegisterDialog(path, keys, self)
        while (confirm(dialog) if confirm is not None else
               dialog.exec() == QDialog.DialogCode.Accepted):
            name = dialog.name.text().strip()
            try:
                self.tasks.call(partial(self.context.county.register, keys.code, path,
                                        name=name, expect_fingerprint=keys.fingerprint))
            except Exception as exc:
                dialog.error.show_messages([error_text(exc)])
                if confirm is not None:
                    return False
                continue
            self.message.ok(fmt(self.tr("Registered township %1 %2 (fingerprint %3)."),
                                keys.code, name, grouped(keys.fingerprint)))
            self.tasks.bus.publish({"townships": [keys.code]}, self)
            self.refresh()
            return True
        return False
