"""What the sync screen's sections share: labels and styles, the choosers, the export log model."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6 import QtCore
from PySide6.QtCore import (
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QFileDialog, QGroupBox, QLabel, QProgressBar, QPushButton, QWidget

from ..applications.detail_tables import local_time
from ..kit.fmt import fmt
from ..kit.tasks import Job, TaskRunner
from ..kit.widgets import ListTableModel

if TYPE_CHECKING:
    from ...core.services import Services

log = logging.getLogger(__name__)

# Qt's marker for lupdate, typed: it returns its text unchanged (the stubs say object).
QT_TRANSLATE_NOOP = cast("Callable[[str, str], str]", QtCore.QT_TRANSLATE_NOOP)

_CTX = "SyncScreen"
InfoRole = Qt.ItemDataRole.UserRole + 1
COL_SEQ, COL_TIME, COL_COUNTS, COL_SHA, COL_ACK = range(5)
OK_STYLE = "color: #2e7d32;"
WARN_STYLE = "color: #e65100;"
FINGERPRINT_STYLE = "font-size: 15pt; font-weight: bold; letter-spacing: 1px;"
SETTINGS_EXPORT, SETTINGS_IMPORT, SETTINGS_KEYS = (
    "sync/export_folder", "sync/import_folder", "sync/keys_folder")
# Weight of each export stage in the one progress bar (records → compress → encrypt).
STAGES = {"records": (0, 45), "compress": (45, 30), "encrypt": (75, 15), "copy": (90, 10)}

TYPE_LABELS: dict[str, str] = {
    "application": QT_TRANSLATE_NOOP("SyncScreen", "applications"),
    "household_member": QT_TRANSLATE_NOOP("SyncScreen", "household members"),
    "related_person": QT_TRANSLATE_NOOP("SyncScreen", "supporters and guardians"),
    "requested_item": QT_TRANSLATE_NOOP("SyncScreen", "requested items"),
    "document": QT_TRANSLATE_NOOP("SyncScreen", "documents"),
    "list_document": QT_TRANSLATE_NOOP("SyncScreen", "handover lists"),
    "emergency_aid": QT_TRANSLATE_NOOP("SyncScreen", "emergency aid"),
    "task_stage": QT_TRANSLATE_NOOP("SyncScreen", "procedure steps"),
    "reserve_entry": QT_TRANSLATE_NOOP("SyncScreen", "reserve fund entries"),
    "reserve_batch": QT_TRANSLATE_NOOP("SyncScreen", "reserve fund claims"),
    "event": QT_TRANSLATE_NOOP("SyncScreen", "audit entries"),
    "staff": QT_TRANSLATE_NOOP("SyncScreen", "staff"),
    "township": QT_TRANSLATE_NOOP("SyncScreen", "township"),
    "village": QT_TRANSLATE_NOOP("SyncScreen", "villages"),
}
ORDER = ("application", "household_member", "related_person", "requested_item", "task_stage",
         "document", "list_document", "emergency_aid", "reserve_entry", "reserve_batch", "event",
         "staff", "township", "village")

FolderChooser = Callable[[QWidget, str, str], str]
FileChooser = Callable[[QWidget, str, str, str], str]


if TYPE_CHECKING:
    class SyncHost(QWidget):
        """For the type checker only: what the sections (mixins) use of :class:`SyncScreen`."""

        services: Services
        tasks: TaskRunner
        actor: Callable[[], Any]
        choose_open: FileChooser
        choose_save: FileChooser
        job: str | None
        can_keys: bool
        keys_group: QGroupBox | None
        progress: QProgressBar

        def refresh(self) -> None: ...
        def _busy(self, job: str | None) -> None: ...
        @staticmethod
        def _set(label: QLabel, text: str, style: str = "") -> None: ...
        def _remembered(self, key: str) -> str: ...
        def _remember(self, key: str, folder: Path) -> None: ...
        def _refusal_text(self, error: BaseException) -> str: ...


def counts_text(counts: dict[str, int]) -> str:
    """``{"application": 3, "event": 9}`` → "申请 3，操作日志 9" (types with records only)."""
    keys = [k for k in ORDER if counts.get(k)] + sorted(
        k for k in counts if k not in ORDER and counts.get(k))
    if not keys:
        return QCoreApplication.translate("SyncScreen", "no records")
    return list_sep().join(
        f"{QCoreApplication.translate(_CTX, TYPE_LABELS[k]) if k in TYPE_LABELS else k} "
        f"{counts[k]}" for k in keys)


def list_sep() -> str:
    return QCoreApplication.translate("SyncScreen", ", ")


def grouped(hex_digest: str) -> str:
    """The first 16 hex digits in groups of four, as fingerprints are read aloud."""
    from sync_contract.keys import short_fingerprint

    return short_fingerprint(hex_digest)


def choose_folder(parent: QWidget, title: str, start: str) -> str:
    return QFileDialog.getExistingDirectory(parent, title, start)


def choose_open(parent: QWidget, title: str, start: str, pattern: str) -> str:
    return QFileDialog.getOpenFileName(parent, title, start, pattern)[0]


def choose_save(parent: QWidget, title: str, start: str, pattern: str) -> str:
    return QFileDialog.getSaveFileName(parent, title, start, pattern)[0]


def stage_progress(job: Job, *, reexport: bool = False) -> Callable[[str, int, int], None]:
    """The service's ``progress(stage, done, total)`` (worker thread) as the job's
    ``progress(fraction, (stage, done, total))``: one bar over the export's stages."""
    def report(stage: str, done: int, total: int) -> None:
        start, width = (0, 100) if reexport else STAGES.get(stage, (0, 100))
        share = min(done, total) / total if total > 0 else 0.0
        job.progress((start + width * share) / 100, (stage, int(done), int(total)))
    return report


@dataclass
class ImportOutcome:
    """A return package applied, and the packages it acknowledged."""

    result: Any
    acked: list[int]

    @property
    def changes(self):
        return self.result.changes


class ExportLogModel(ListTableModel):
    """``ExportLogRow`` rows, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("No."), self.tr("Exported at"), self.tr("Records"),
                         self.tr("Checksum"), self.tr("Acknowledged")]

    @property
    def rows(self) -> list[Any]:
        return self._rows

    def row_of(self, package_seq: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.package_seq == package_seq), -1)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        col = index.column()
        try:
            if role == InfoRole:
                return r
            if role == Qt.ItemDataRole.ForegroundRole and col == COL_ACK:
                if r.state == "prepared" and not r.acknowledged_at:
                    return QColor("#e65100")
                return QColor("#2e7d32") if r.acknowledged_at else QColor("#757575")
            if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_SEQ:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if role == Qt.ItemDataRole.ToolTipRole:
                if col == COL_SHA:
                    return r.digest
                if col == COL_COUNTS:
                    return fmt(self.tr("%1 records, changes %2–%3; file %4"), str(r.records), str(r.change_seq_from),
                               str(r.change_seq_to), r.file_name)
                if col == COL_ACK and r.acknowledged_at:
                    return fmt(self.tr("Acknowledged by the county on %1"), local_time(r.acknowledged_at))
                if col == COL_ACK and r.state == "prepared":
                    return undelivered_text(r.package_seq)
                return None
            if role != Qt.ItemDataRole.DisplayRole:
                return None
            values = {
                COL_SEQ: str(r.package_seq),
                COL_TIME: local_time(r.created_at)[:16],
                COL_COUNTS: counts_text(r.counts),
                COL_SHA: grouped(r.digest),
                COL_ACK: (self.tr("Yes") if r.acknowledged_at
                          else self.tr("Not written") if r.state == "prepared" else self.tr("No")),
            }
            return values.get(col)
        except Exception:
            log.exception("export log model: row %s column %s", index.row(), col)
            return None


def _label(name: str, *, wrap: bool = True, selectable: bool = False) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setWordWrap(wrap)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def _button(text: str, name: str) -> QPushButton:
    button = QPushButton(text)
    button.setObjectName(name)
    return button


def undelivered_text(package_seq: int) -> str:
    """第 N 号包未完成写出，已重新生成，请交给县级 (the export copies it again)."""
    text = QCoreApplication.translate(
        "SyncScreen", "Package No. %1 was not written out completely; made again: hand it to the county.")
    return fmt(text, str(package_seq))


def recover_at_startup(services: Services, tasks: TaskRunner, parent: QWidget,
                       notify: Callable[[str], None] | None = None) -> None:
    """At start-up, on the write lane: reconcile the export log with the kept copies
    after a crash (``SyncService.recover``: temporary files swept, a package whose copy
    never completed is re-offered) and tell the clerk about every such package."""
    def done(report: Any) -> None:
        if not report.undelivered:
            return
        text = "\n".join([undelivered_text(n) for n in report.undelivered] + [
            QCoreApplication.translate("SyncScreen", "The next export writes it again.")])
        if notify is not None:
            notify(text)
            return
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning,
                          QCoreApplication.translate("SyncScreen", "Sync"), text,
                          QMessageBox.StandardButton.Ok, parent)
        box.setObjectName("syncRecoveryNotice")
        box.open()

    def failed(exc: BaseException) -> None:
        log.warning("sync recovery at start-up failed: %s", type(exc).__name__)

    tasks.run(services.sync.recover, done, failed, owner=parent)
