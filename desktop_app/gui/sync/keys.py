"""The 密钥 section of the sync screen (administrators): the county's public keys,
this township's fingerprint and its public key file.

Importing the county's key file decides who can read every package exported from then
on, so it is read and checked first (``SyncService.preview_county_keys``: an
administrator's, the county's code must be this township's county), then shown in
:class:`CountyKeysDialog` — the county's code and name, the fingerprint to check with
the county on the phone, and, when it replaces a registered key, that future packages
will be encrypted to the new one — and imported only when confirmed there, with the
fingerprint that was shown (a file changed meanwhile is refused).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ..kit.errors import is_refusal, present, validation_messages
from ..kit.fmt import fmt
from ..kit.widgets import ERROR_STYLE
from .common import FINGERPRINT_STYLE, OK_STYLE, SETTINGS_KEYS, WARN_STYLE, _button, _label, grouped

if TYPE_CHECKING:
    from ...core.services.sync.county_keys import CountyKeysPreview
    from .common import SyncHost as _Base
else:
    _Base = object


def _four_groups(hex_digest: str) -> str:
    """The whole fingerprint in groups of four, two lines of eight groups."""
    groups = [hex_digest[i:i + 4] for i in range(0, len(hex_digest), 4)]
    return "\n".join(" ".join(groups[i:i + 8]) for i in range(0, len(groups), 8))


class CountyKeysDialog(QDialog):
    """Confirm the county's public key file before it is imported."""

    def __init__(self, preview: CountyKeysPreview, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countyKeysDialog")
        self.setWindowTitle(self.tr("Import the county's public keys"))
        keys = preview.keys
        intro = QLabel(fmt(self.tr(
            "This key file belongs to %1 %2. This township (%3) is in that county.\n"
            "Read the fingerprint below to the county on the phone and import only if it "
            "matches what they read to you."), preview.county_code, keys.name,
            preview.township_code))
        intro.setObjectName("countyKeysIntro")
        intro.setWordWrap(True)
        caption = QLabel(self.tr("Key fingerprint (signing and encryption keys):"))
        self.fingerprint = QLabel(grouped(preview.fingerprint))
        self.fingerprint.setObjectName("countyKeysFingerprint")
        self.fingerprint.setStyleSheet(FINGERPRINT_STYLE)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        full = QLabel(_four_groups(preview.fingerprint))
        full.setObjectName("countyKeysFullFingerprint")
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        full.setFont(mono)
        full.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        recipients = QLabel(fmt(self.tr("Encryption key: %1"), ", ".join(keys.age_recipients)))
        recipients.setWordWrap(True)
        recipients.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.warning = QLabel()
        self.warning.setObjectName("countyKeysWarning")
        self.warning.setWordWrap(True)
        if preview.replaces and preview.previous is not None:
            self.warning.setText(fmt(self.tr(
                "This replaces the county key imported before (%1 %2, fingerprint %3). Every "
                "package exported from now on will be encrypted to the new key: only the "
                "holder of the new key can read it."), preview.previous.code,
                preview.previous.name, grouped(preview.previous.key_set_fingerprint)))
            self.warning.setStyleSheet(ERROR_STYLE)
        elif preview.unchanged:
            self.warning.setText(self.tr("This is the county key already imported."))
        else:
            self.warning.setText(self.tr(
                "Every package exported from now on will be encrypted to this key."))
            self.warning.setStyleSheet(WARN_STYLE)
        buttons = QDialogButtonBox()
        self.import_button = buttons.addButton(self.tr("Import"),
                                               QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("confirmCountyKeys")
        self.cancel_button = buttons.addButton(self.tr("Cancel"),
                                               QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setObjectName("cancelCountyKeys")
        self.cancel_button.setDefault(True)   # Enter does not import by accident
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(caption)
        layout.addWidget(self.fingerprint)
        layout.addWidget(full)
        layout.addWidget(recipients)
        layout.addWidget(self.warning)
        layout.addWidget(buttons)
        self.resize(620, self.sizeHint().height())


def confirm_county_keys(parent: QWidget | None, preview: CountyKeysPreview) -> bool:
    dialog = CountyKeysDialog(preview, parent)
    try:
        return dialog.exec() == QDialog.DialogCode.Accepted
    finally:
        dialog.deleteLater()


class SyncKeysSection(_Base):
    """Part of :class:`SyncScreen` (a mixin: it uses the screen's widgets and services)."""

    #: ``(parent, preview) -> bool``: asks the administrator to confirm; tests replace it.
    ask_county_keys: Callable[[Any, Any], bool] = staticmethod(confirm_county_keys)

    def _build_keys(self) -> QGroupBox:
        box = QGroupBox(self.tr("Keys (administrators)"))
        box.setObjectName("keysGroup")
        self.township_caption = _label("townshipKeyCaption")
        self.township_caption.setText(self.tr("This township's signing key fingerprint:"))
        self.township_fp = _label("townshipFingerprint", wrap=False, selectable=True)
        self.township_fp.setStyleSheet(FINGERPRINT_STYLE)
        mono = QFont("monospace")
        mono.setStyleHint(QFont.StyleHint.Monospace)
        self.township_fp.setFont(mono)
        hint = _label("townshipKeyHint")
        hint.setText(self.tr(
            "Give the public key file to the county and read this fingerprint to them on the "
            "phone: they check it when registering this township."))
        self.export_keys_button = _button(self.tr("Export public key file…"), "exportKeysButton")
        self.export_keys_button.clicked.connect(self.export_public_keys)
        self.county_label = _label("countyKeys", selectable=True)
        self.import_keys_button = _button(self.tr("Import the county's public key file…"),
                                          "importCountyKeys")
        self.import_keys_button.clicked.connect(self.import_county_keys)
        self.keys_result = _label("keysResult", selectable=True)
        top = QHBoxLayout()
        top.addWidget(self.township_caption)
        top.addWidget(self.township_fp)
        top.addStretch(1)
        top.addWidget(self.export_keys_button)
        county = QHBoxLayout()
        county.addWidget(self.county_label, 1)
        county.addWidget(self.import_keys_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(box)
        layout.addLayout(top)
        layout.addWidget(hint)
        layout.addLayout(county)
        layout.addWidget(self.keys_result)
        return box

    def _keys_missing_text(self) -> str:
        if self.can_keys:
            return self.tr("The county's public keys are not imported yet: import the county's "
                           "public key file under Keys below.")
        return self.tr("The county's public keys are not imported yet: ask an administrator "
                       "to import them (Sync → Keys).")

    # -- keys (administrators) -------------------------------------------------------------
    def refresh_keys(self) -> None:
        """This township's fingerprint (keys are created on first use) and the county's."""
        if self.keys_group is None:
            return
        sync = self.services.sync
        self.tasks.run(lambda: (sync.township_keys(), sync.status().county),
                       self._show_keys, self._keys_failed, owner=self)

    def _show_keys(self, keys) -> None:
        township, county = keys
        self.township_keys = township
        self.township_fp.setText(grouped(township.fingerprint))
        self.township_fp.setToolTip(township.fingerprint)
        if county is None:
            self._set(self.county_label, self.tr(
                "County keys: not imported. Exports and return packages need them: import the "
                "public key file the county gave you."), WARN_STYLE)
        else:
            self._set(self.county_label, fmt(self.tr(
                "County keys: %1 %2\nkey fingerprint %3\nencryption key %4"), county.code, county.name,
                    grouped(county.key_set_fingerprint), ", ".join(county.age_recipients)))
        self.county_keys = county

    def _keys_failed(self, error: BaseException) -> None:
        if is_refusal(error):
            self._set(self.keys_result, self._refusal_text(error), ERROR_STYLE)
        else:
            present(self, error)

    def _not_imported(self, error: BaseException) -> None:
        """A bad file, another county's keys, a refusal: said on the section's label."""
        from ...core.errors import PermissionDenied

        messages = validation_messages(error)
        if is_refusal(error):
            text = self._refusal_text(error)
        elif messages:
            text = "\n".join(messages)
        elif isinstance(error, PermissionDenied):
            text = str(error)
        else:
            self._keys_failed(error)
            return
        self._set(self.keys_result, fmt(self.tr("Not imported: %1"), text), ERROR_STYLE)

    def import_county_keys(self) -> bool:
        path = self.choose_open(self, self.tr("Choose the county's public key file"),
                                self._remembered(SETTINGS_KEYS),
                                self.tr("Key files") + " (*.json);;"
                                + self.tr("All files") + " (*)")
        if not path:
            return False
        source = Path(path)
        self._remember(SETTINGS_KEYS, source.parent)
        sync, actor = self.services.sync, self.actor()

        def done(outcome) -> None:
            county = outcome.value
            self._set(self.keys_result, fmt(self.tr(
                "County keys imported: %1 %2, key fingerprint %3. Check the fingerprint "
                "with the county."), county.code, county.name, grouped(county.key_set_fingerprint)),
                OK_STYLE)
            self.refresh_keys()
            self.refresh()

        def confirm(preview) -> None:
            if not self.ask_county_keys(self, preview):
                self._set(self.keys_result, self.tr(
                    "Not imported: the county's keys were not confirmed."), WARN_STYLE)
                return
            fingerprint = preview.fingerprint
            self.tasks.run(lambda: sync.import_county_keys(
                source, actor, expect_fingerprint=fingerprint), done, self._not_imported,
                owner=self)

        self.tasks.run(lambda: sync.preview_county_keys(source, actor), confirm,
                       self._not_imported, owner=self, lane="read")
        return True

    def export_public_keys(self) -> bool:
        code = getattr(getattr(self, "township_keys", None), "code", "") or "township"
        start = str(Path(self._remembered(SETTINGS_KEYS)) / f"{code}-public-keys.json")
        path = self.choose_save(self, self.tr("Save this township's public key file"), start,
                                self.tr("Key files") + " (*.json)")
        if not path:
            return False
        target = Path(path)
        self._remember(SETTINGS_KEYS, target.parent)
        sync = self.services.sync

        def done(pub) -> None:
            self._set(self.keys_result, fmt(self.tr(
                "Public key file written: %1 (fingerprint %2). Give it to the county."), str(target),
                    grouped(pub.fingerprint)), OK_STYLE)

        self.tasks.run(lambda: sync.export_public_keys(target), done, self._keys_failed,
                       owner=self)
        return True
