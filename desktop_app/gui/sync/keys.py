"""The 密钥 section of the sync screen (administrators): the county's public keys,
this township's fingerprint and its public key file."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QVBoxLayout

from ..kit.errors import is_refusal, present
from ..kit.fmt import fmt
from ..kit.widgets import ERROR_STYLE
from .common import FINGERPRINT_STYLE, OK_STYLE, SETTINGS_KEYS, WARN_STYLE, _button, _label, grouped

if TYPE_CHECKING:
    from .common import SyncHost as _Base
else:
    _Base = object


class SyncKeysSection(_Base):
    """Part of :class:`SyncScreen` (a mixin: it uses the screen's widgets and services)."""

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
                "County keys: %1 %2\nsigning key fingerprint %3\nencryption key %4"), county.code, county.name,
                    grouped(county.fingerprint), ", ".join(county.age_recipients)))
        self.county_keys = county

    def _keys_failed(self, error: BaseException) -> None:
        if is_refusal(error):
            self._set(self.keys_result, self._refusal_text(error), ERROR_STYLE)
        else:
            present(self, error)

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
                "County keys imported: %1 %2, signing key fingerprint %3. Check the fingerprint "
                "with the county."), county.code, county.name, grouped(county.fingerprint)), OK_STYLE)
            self.refresh_keys()
            self.refresh()

        def failed(error: BaseException) -> None:
            if is_refusal(error):
                self._set(self.keys_result, fmt(self.tr("Not imported: %1"), self._refusal_text(error)), ERROR_STYLE)
            else:
                self._keys_failed(error)

        self.tasks.run(lambda: sync.import_county_keys(source, actor), done, failed, owner=self)
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
