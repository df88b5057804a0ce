"""同步 (the township side of sync with the county, docs/sync-format.md):

* **导出** — everything changed since the last package, written into a folder the
  clerk picks (remembered), on the task runner's worker thread with a progress bar
  and a 取消 that sets the service's cancel event (a cancelled export leaves no file
  and no log entry). Refused, with the service's message, while exports are paused
  after a restore or before the county's public keys are imported.
* **导出记录** — every package: number, time, counts, SHA-256, acknowledged by the
  county; 重新导出 produces a selected package again (same sequence, same content).
* **导入回执包** — a county return package is verified and applied in one
  transaction (worker thread); the summary or the one-line reason is shown, and the
  runner publishes its changes on the change bus (the tracking screen refreshes).
* **密钥** (administrators, ``KEYS``) — import the county's public key file, the
  county's fingerprints once imported, this township's signing key fingerprint
  (short, grouped for reading aloud) and 导出公钥文件 for the county.

File dialogs are injectable (``choose_folder``, ``choose_open``, ``choose_save``), the
remembered folders live in ``QSettings`` (injectable too).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QProgressBar,
    QVBoxLayout,
    QWidget,
)

from ...core.services.auth import KEYS
from ..applications.detail_tables import local_time
from ..kit.errors import is_cancelled, is_refusal, present
from ..kit.fmt import fmt
from ..kit.tasks import Job, TaskRunner
from ..kit.widgets import ERROR_STYLE, open_file, row_table
from .common import (
    COL_ACK,
    COL_COUNTS,
    COL_SEQ,
    COL_SHA,
    COL_TIME,
    OK_STYLE,
    SETTINGS_EXPORT,
    WARN_STYLE,
    ExportLogModel,
    FileChooser,
    FolderChooser,
    ImportOutcome,
    InfoRole,
    _button,
    _label,
    choose_folder,
    choose_open,
    choose_save,
    counts_text,
    grouped,
    stage_progress,
    undelivered_text,
)
from .keys import SyncKeysSection
from .receive import SyncImportSection
from .upload import SyncUploadSection  # issue 17 — upload

if TYPE_CHECKING:
    from ...core.services import Services


log = logging.getLogger(__name__)


class SyncScreen(SyncImportSection, SyncKeysSection, SyncUploadSection, QWidget):
    """同步. A return package's changes go out on the runner's change bus."""

    def __init__(self, services: Services, tasks: TaskRunner, actor: Callable[[], Any],
                 parent: QWidget | None = None, *,
                 opener: Callable[[Path], object] = open_file,
                 settings: QSettings | None = None,
                 choose_folder: FolderChooser = choose_folder,
                 choose_open: FileChooser = choose_open,
                 choose_save: FileChooser = choose_save) -> None:
        super().__init__(parent)
        self.setObjectName("syncScreen")
        self.services = services
        self.tasks = tasks
        self.actor = actor
        self.opener = opener
        self.settings = settings if settings is not None else QSettings()
        self.choose_folder = choose_folder
        self.choose_open = choose_open
        self.choose_save = choose_save
        self.job: str | None = None           # "export", "reexport", "import" while running
        self.running: Job | None = None       # the export job (its cancel event)
        self.last_path: Path | None = None     # the last package written (打开所在文件夹)
        me = actor()
        self.can_keys = bool(me is not None and me.can(KEYS))

        left = QVBoxLayout()
        left.addWidget(self._build_export())
        left.addWidget(self._build_import())
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(self._build_log(), 1)
        self.keys_group: QGroupBox | None = None
        if self.can_keys:
            self.keys_group = self._build_keys()
            right.addWidget(self.keys_group)
        columns = QHBoxLayout(self)
        left_box = QWidget()
        left_box.setLayout(left)
        left_box.setFixedWidth(500)
        left.setContentsMargins(0, 0, 0, 0)
        columns.addWidget(left_box)
        columns.addLayout(right, 1)
        tasks.bus.changed.connect(self._on_changes)
        self.refresh()
        if self.can_keys:
            self.refresh_keys()

    # -- building -------------------------------------------------------------------------
    def _build_export(self) -> QGroupBox:
        box = QGroupBox(self.tr("Export to the county"))
        box.setObjectName("exportGroup")
        self.status_label = _label("syncStatus")
        self.export_button = _button(self.tr("Export…"), "exportButton")
        self.export_button.setToolTip(self.tr(
            "Write everything changed since the last package into a folder you choose "
            "(e.g. a USB stick); the package is encrypted for the county and signed"))
        self.export_button.setDefault(True)
        self.cancel_button = _button(self.tr("Cancel"), "cancelExport")
        self.cancel_button.setEnabled(False)
        self.open_folder_button = _button(self.tr("Open folder"), "openExportFolder")
        self.open_folder_button.setEnabled(False)
        self.export_button.clicked.connect(self.export)
        self.cancel_button.clicked.connect(self.cancel)
        self.open_folder_button.clicked.connect(self._open_folder)
        buttons = QHBoxLayout()
        for b in (self.export_button, self.cancel_button, self.open_folder_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.stage_label = _label("exportStage", wrap=False)
        self.progress = QProgressBar()
        self.progress.setObjectName("exportProgress")
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.stage_label.hide()
        self.progress.hide()
        self.result_label = _label("exportResult", selectable=True)
        layout = QVBoxLayout(box)
        layout.addWidget(self.status_label)
        layout.addLayout(buttons)
        layout.addLayout(self._build_upload())  # issue 17 — upload: 上传 / 下载返回包
        layout.addWidget(self.stage_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.result_label)
        return box

    def _build_log(self) -> QGroupBox:
        box = QGroupBox(self.tr("Export log"))
        box.setObjectName("logGroup")
        self.model = ExportLogModel(self)
        self.view = row_table(self.model, "exportLogView", alternating=True)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.setWordWrap(True)  # the first package holds every kind of record
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        header = self.view.horizontalHeader()
        for col, width in ((COL_SEQ, 56), (COL_TIME, 140), (COL_SHA, 170), (COL_ACK, 80)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(COL_COUNTS, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection())
        self.reexport_button = _button(self.tr("Re-export selected package…"), "reexportButton")
        self.reexport_button.setToolTip(self.tr(
            "A package lost on the way: write it again with the same number and the same "
            "content (the county accepts it once)"))
        self.reexport_button.clicked.connect(self.reexport)
        self.doctor_button = _button(self.tr("Sync check…"), "syncDoctorButton")
        self.doctor_button.setToolTip(self.tr(
            "Explain the state of sync (export log, kept copies, packages not written out "
            "completely, leftover temporary files, keys) and fix what can be fixed safely"))
        self.doctor_button.clicked.connect(self.doctor)
        self.doctor_dialog: SyncDoctorDialog | None = None
        self.log_note = _label("logNote")
        row = QHBoxLayout()
        row.addWidget(self.reexport_button)
        row.addWidget(self.doctor_button)
        row.addWidget(self.log_note, 1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        return box

    # -- state ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the status line and the export log (both cheap)."""
        if self.job is not None:
            return
        sync = self.services.sync
        try:
            status = sync.status()
            rows = sync.log()
        except Exception as exc:
            log.exception("cannot read the sync status")
            self._set(self.status_label, str(exc), ERROR_STYLE)
            return
        self.sync_status = status
        selected = self.selected()
        self.model.set_rows(rows)
        self.view.resizeRowsToContents()
        if selected is not None and self.model.row_of(selected.package_seq) >= 0:
            self.view.selectRow(self.model.row_of(selected.package_seq))
        lines = []
        if status.last_export is None:
            lines.append(self.tr("No package exported yet."))
        else:
            lines.append(fmt(self.tr("Last package: No. %1 on %2."), str(status.last_export.package_seq),
                             local_time(status.last_export.created_at)[:16]))
        if status.pending_changes:
            lines.append(fmt(self.tr("%1 change(s) waiting to be exported."), str(status.pending_changes)))
        else:
            lines.append(self.tr("Nothing changed since the last package."))
        style = ""
        if status.undelivered:
            lines += [undelivered_text(n) for n in status.undelivered]
            lines.append(self.tr("The next export writes it again."))
            style = WARN_STYLE
        if status.paused:
            from ...core.services.backups import ExportsPaused

            lines.append(str(ExportsPaused(status.paused)))
            style = WARN_STYLE
        elif status.county is None:
            lines.append(self._keys_missing_text())
            style = WARN_STYLE
        self._set(self.status_label, "\n".join(lines), style)
        unacked = sum(1 for r in rows if r.acknowledged_at is None)
        self.log_note.setText(fmt(self.tr("%1 package(s) not yet acknowledged by the county."),
                                  str(unacked)) if unacked else "")
        self._selection()

    def _on_changes(self, changes, origin) -> None:
        """Exports resumed (the banner), a restore, or settings: the status line."""
        if origin is not self and (changes.exports or changes.settings or changes.everything):
            self.refresh()

    def selected(self):
        rows = self.view.selectionModel().selectedRows()
        return self.model.data(rows[0], InfoRole) if rows else None

    def select_package(self, package_seq: int) -> None:
        row = self.model.row_of(package_seq)
        if row >= 0:
            self.view.selectRow(row)

    def _selection(self) -> None:
        self.reexport_button.setEnabled(self.job is None and self.selected() is not None)

    def _busy(self, job: str | None) -> None:
        self.job = job
        idle = job is None
        for b in (self.export_button, self.import_button, self.doctor_button):
            b.setEnabled(idle)
        if self.keys_group is not None:
            self.import_keys_button.setEnabled(idle)
            self.export_keys_button.setEnabled(idle)
        self.cancel_button.setEnabled(job in ("export", "reexport"))
        self._upload_buttons(idle)  # issue 17 — upload
        self._selection()

    @staticmethod
    def _set(label: QLabel, text: str, style: str = "") -> None:
        label.setText(text)
        label.setStyleSheet(style)

    def _remembered(self, key: str) -> str:
        folder = str(self.settings.value(key, "") or "")
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def _remember(self, key: str, folder: Path) -> None:
        self.settings.setValue(key, str(folder))
        self.settings.sync()

    # -- export ---------------------------------------------------------------------------
    def export(self) -> bool:
        """导出: refuse early when paused / without county keys / with nothing to
        export; else ask for the folder and run the export on the worker thread."""
        if self.job is not None:
            return False
        self.refresh()
        status = getattr(self, "sync_status", None)
        if status is not None:
            if status.paused:
                from ...core.services.backups import ExportsPaused

                self._refused(str(ExportsPaused(status.paused)))
                return False
            if status.county is None:
                self._refused(self._keys_missing_text())
                return False
            if not status.pending_changes and not status.undelivered:
                self._set(self.result_label, self.tr("Nothing to export: no changes since the "
                                                     "last package."))
                return False
        folder = self.choose_folder(self, self.tr("Export the package into folder"),
                                    self._remembered(SETTINGS_EXPORT))
        if not folder:
            return False
        folder_path = Path(folder)
        self._remember(SETTINGS_EXPORT, folder_path)
        sync, actor = self.services.sync, self.actor()
        self.tasks.run_job(
            lambda job: sync.export(folder_path, actor, progress=stage_progress(job),
                                    cancel=job.cancel),
            self._exported, self._failed, owner=self, on_progress=self._progress,
            job=self._start("export"))
        return True

    def reexport(self) -> bool:
        """重新导出 the selected package (same sequence, same content) into a folder."""
        row = self.selected()
        if self.job is not None or row is None:
            return False
        folder = self.choose_folder(
            self, fmt(self.tr("Re-export package %1 into folder"), str(row.package_seq)),
            self._remembered(SETTINGS_EXPORT))
        if not folder:
            return False
        folder_path = Path(folder)
        self._remember(SETTINGS_EXPORT, folder_path)
        sync, actor, seq = self.services.sync, self.actor(), row.package_seq
        self.tasks.run_job(
            lambda job: sync.reexport(seq, folder_path, actor,
                                      progress=stage_progress(job, reexport=True),
                                      cancel=job.cancel),
            self._exported, self._failed, owner=self, on_progress=self._progress,
            job=self._start("reexport"))
        return True

    def _start(self, job: str) -> Job:
        self.running = Job()
        self._set(self.result_label, "")
        self.open_folder_button.setEnabled(False)
        self.progress.setRange(0, 100)
        self.progress.setValue(0)
        self.stage_label.setText(self.tr("Preparing…"))
        self.stage_label.show()
        self.progress.show()
        self._busy(job)
        return self.running

    def cancel(self) -> None:
        """取消: the service stops at its next check and removes what it wrote."""
        if self.running is not None and not self.running.cancelled:
            self.running.request_cancel()
            self.cancel_button.setEnabled(False)
            self.stage_label.setText(self.tr("Cancelling…"))

    def shutdown(self) -> None:
        """The screen is going away (user switch, closing): stop a running export."""
        if self.running is not None:
            self.running.request_cancel()

    def _progress(self, fraction: float, message: tuple[str, int, int]) -> None:
        """The export's progress (GUI thread): ``message`` is ``(stage, done, total)``."""
        if self.job not in ("export", "reexport"):
            return
        if self.running is not None and self.running.cancelled:
            return
        stage, done, total = message
        texts = {"records": self.tr("Collecting records… %1"),
                 "compress": self.tr("Compressing… %1"),
                 "encrypt": self.tr("Encrypting for the county… %1"),
                 "copy": self.tr("Writing into the folder… %1"),
                 "upload": self.tr("Uploading to the county… %1")}
        if total > 0:
            share = min(done, total) / total
            self.progress.setValue(int(100 * fraction))
            amount = f"{min(done, total)}/{total}" if stage == "records" else f"{share:.0%}"
        else:
            amount = str(done)
        self.stage_label.setText(fmt(texts.get(stage, "%1"), amount))

    def _finish_job(self) -> None:
        self.running = None
        self.stage_label.hide()
        self.progress.hide()
        self._busy(None)

    def _exported(self, result) -> None:
        self._finish_job()
        if result is None:
            self._set(self.result_label, self.tr("Nothing to export: no changes since the "
                                                 "last package."))
            self.refresh()
            return
        self.last_path = Path(result.path)
        self.open_folder_button.setEnabled(True)
        again = [undelivered_text(n) for n in result.reoffered]
        head = fmt(self.tr("Package No. %1 written again (same content as before):") if result.reexport
                else self.tr("Package No. %1 written:"), str(result.package_seq))
        lines = [*again, head, str(result.path),
                 fmt(self.tr("Records: %1 (%2 in all)"), counts_text(result.counts), str(result.records)),
                 fmt(self.tr("Checksum: %1"), grouped(result.digest)),
                 self.tr("Hand the file to the county (USB stick or upload). If it gets lost, "
                         "re-export it from the log.")]
        self._set(self.result_label, "\n".join(lines), OK_STYLE)
        self.result_label.setToolTip(result.digest)
        self.refresh()
        self.select_package(result.package_seq)

    def _refused(self, text: str) -> None:
        self._set(self.result_label, text, ERROR_STYLE)

    def _failed(self, error: BaseException) -> None:
        self._finish_job()
        if is_cancelled(error):
            self._set(self.result_label, self.tr(
                "Export cancelled: no file was written and the export log is unchanged."),
                WARN_STYLE)
        elif is_refusal(error):
            self._refused(self._refusal_text(error))
        else:
            present(self, error)
        self.refresh()

    def _refusal_text(self, error: BaseException) -> str:
        """A package error's (or the paused exports') message, and what to do."""
        text = str(getattr(error, "message", "") or error)
        if getattr(error, "reason", None) == "keys_missing":
            text += "\n" + self._keys_missing_text()
        return text

    # -- sync check -----------------------------------------------------------------------
    def doctor(self) -> bool:
        """同步检查: the service explains the sync state and fixes what is safe (write
        lane, off the GUI thread); the report opens in a dialog."""
        if self.job is not None:
            return False
        sync, actor = self.services.sync, self.actor()
        self._busy("doctor")
        self._set(self.result_label, self.tr("Checking sync…"))
        self.tasks.run_job(lambda job: sync.doctor(actor, cancel=job.cancel),
                           self._doctor_done, self._doctor_failed, owner=self,
                           title=self.tr("Sync check"))
        return True

    def _doctor_done(self, report) -> None:
        self._busy(None)
        self._set(self.result_label, self.tr("Sync check finished: all is well.") if report.ok
                  else self.tr("Sync check finished: see the report."),
                  OK_STYLE if report.ok else WARN_STYLE)
        if self.doctor_dialog is not None:
            self.doctor_dialog.close()
        self.doctor_dialog = SyncDoctorDialog("\n".join(report.lines()), self)
        self.doctor_dialog.open()
        self.refresh()

    def _doctor_failed(self, error: BaseException) -> None:
        self._busy(None)
        self._set(self.result_label, "")
        if is_refusal(error):
            self._refused(self._refusal_text(error))
        elif not is_cancelled(error):
            present(self, error)
        self.refresh()

    def _open_folder(self) -> None:
        if self.last_path is not None:
            self.opener(self.last_path.parent)


class SyncDoctorDialog(QDialog):
    """The sync check's report: one line per finding, selectable, with 关闭."""

    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("syncDoctorDialog")
        self.setWindowTitle(self.tr("Sync check"))
        self.text = QPlainTextEdit(text)
        self.text.setObjectName("syncDoctorReport")
        self.text.setReadOnly(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(640, 360)


__all__ = ["ExportLogModel", "ImportOutcome", "SyncDoctorDialog", "SyncScreen", "counts_text",
           "stage_progress"]
