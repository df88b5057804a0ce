"""The 导入回执包 section of the sync screen: verify and apply a county return package."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QVBoxLayout

from ..kit.errors import is_refusal, present
from ..kit.fmt import fmt
from ..kit.widgets import ERROR_STYLE
from .common import OK_STYLE, SETTINGS_IMPORT, WARN_STYLE, ImportOutcome, _button, _label, list_sep

if TYPE_CHECKING:
    from .common import SyncHost as _Base
else:
    _Base = object


class SyncImportSection(_Base):
    """Part of :class:`SyncScreen` (a mixin: it uses the screen's widgets and services)."""

    def _build_import(self) -> QGroupBox:
        box = QGroupBox(self.tr("Return packages from the county"))
        box.setObjectName("importGroup")
        intro = _label("importIntro")
        intro.setText(self.tr(
            "A return package from the county carries its acknowledgements of our packages, "
            "department feedback for referred items, and updates to the catalogue, standards, "
            "villages and holidays. It is applied completely or not at all."))
        self.import_button = _button(self.tr("Import return package…"), "importButton")
        self.import_button.clicked.connect(self.import_return)
        self.import_result = _label("importResult", selectable=True)
        row = QHBoxLayout()
        row.addWidget(self.import_button)
        row.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.import_result)
        return box

    # -- import ---------------------------------------------------------------------------
    def import_return(self) -> bool:
        """导入回执包: choose the file, verify and apply it on the worker thread."""
        if self.job is not None:
            return False
        path = self.choose_open(self, self.tr("Choose the county's return package"),
                                self._remembered(SETTINGS_IMPORT),
                                self.tr("Return packages") + " (*.twret);;"
                                + self.tr("All files") + " (*)")
        if not path:
            return False
        source = Path(path)
        self._remember(SETTINGS_IMPORT, source.parent)
        sync, actor = self.services.sync, self.actor()
        self._set(self.import_result, fmt(self.tr("Checking and applying %1…"), source.name))
        self._busy("import")
        self.progress.setRange(0, 0)
        self.progress.show()

        def work() -> ImportOutcome:
            before = {r.package_seq for r in sync.log() if r.acknowledged_at is None}
            result = sync.import_package(source, actor)
            after = {r.package_seq for r in sync.log() if r.acknowledged_at is None}
            return ImportOutcome(result, sorted(before - after))

        self.tasks.run(work, self._imported, self._import_failed, owner=self)
        return True

    def _imported(self, outcome: ImportOutcome) -> None:
        result, acked = outcome.result, outcome.acked
        self.progress.hide()
        self.progress.setRange(0, 100)
        self._busy(None)
        if result.already_applied:
            self._set(self.import_result, fmt(self.tr(
                "Return package No. %1 was imported before: nothing changed."), str(result.package_seq)), WARN_STYLE)
            self.refresh()
            return
        applied = result.applied
        lines = [fmt(self.tr("Return package No. %1 imported:"), str(result.package_seq))]
        if acked:
            lines.append(fmt(self.tr("Acknowledged by the county: package(s) %1"),
                             list_sep().join(str(n) for n in acked)))
        else:
            lines.append(self.tr("No new acknowledgements."))
        lines.append(fmt(self.tr("Department feedback recorded for %1 item(s)."), str(applied.get("feedback", 0))))
        skipped = [x for x in result.skipped if x.startswith("feedback")]
        if skipped:
            lines.append(fmt(self.tr("%1 feedback entr(ies) skipped: the result was already "
                                 "recorded at the window."), str(len(skipped))))
        if applied.get("confirmation"):
            lines.append(fmt(self.tr("County confirmation recorded for %1 item(s)."),
                             str(applied["confirmation"])))
        lines += result.notices  # the core's Chinese notes (an acknowledgement beyond the log,
        # a county confirmation not recorded and why)
        updates = [(self.tr("catalogue"), applied.get("catalogue", 0)),
                   (self.tr("standards"), applied.get("standards", 0)),
                   (self.tr("eligibility rules"), applied.get("eligibility", 0)),
                   (self.tr("villages"), applied.get("village", 0)),
                   (self.tr("holiday calendars"), applied.get("holiday_year", 0))]
        done = [f"{name} {n}" for name, n in updates if n]
        lines.append(fmt(self.tr("Updates applied: %1"), list_sep().join(done))
                     if done else self.tr("No updates."))
        self._set(self.import_result, "\n".join(lines), OK_STYLE)
        self.refresh()

    def _import_failed(self, error: BaseException) -> None:
        self.progress.hide()
        self.progress.setRange(0, 100)
        self._busy(None)
        if is_refusal(error):
            text = fmt(self.tr("Not imported (nothing was changed): %1"), self._refusal_text(error))
            self._set(self.import_result, text, ERROR_STYLE)
        else:
            self._set(self.import_result, "")
            present(self, error)
        self.refresh()
