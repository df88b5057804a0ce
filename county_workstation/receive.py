"""收包: choose (or drop) the folder of a USB stick; every township package in it is
ingested in order (``county_receiver.ops.ingest_folder``: per township by package number,
a township stops at its first refusal, gaps named) on the write lane, with progress and
取消 (between packages, never inside one); the result — one line per package, in
Chinese — stays in the table."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from county_receiver import ops
from desktop_app.gui.kit.fmt import fmt
from desktop_app.gui.kit.tasks import Job, TaskRunner

from .common import MarkedRowsModel, Notice, error_text, last_folder, remember_folder, table
from .context import CountyContext

DROP_STYLE = ("QFrame#receiveDrop { border: 2px dashed #8a8a8a; border-radius: 6px; "
              "background: #f7f7f7; }")


def dropped_folder(paths: list[Path]) -> Path | None:
    """The folder a drop names: a dropped folder, or the folder of dropped files."""
    for p in paths:
        if p.is_dir():
            return p
    files = [p for p in paths if p.is_file()]
    return files[0].parent if files else None


class ReceiveTab(QWidget):
    ROLES = frozenset({"admin", "officer"})

    def __init__(self, context: CountyContext, tasks: TaskRunner,
                 current_actor: Callable[[], Any], *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("receiveTab")
        self.setAcceptDrops(True)
        self.context, self.tasks, self.current_actor = context, tasks, current_actor
        self.job: Job | None = None
        self.report: ops.FolderIngestReport | None = None
        drop = QFrame()
        drop.setObjectName("receiveDrop")
        drop.setStyleSheet(DROP_STYLE)
        hint = QLabel(self.tr("Drop the folder of the USB stick here, or choose it. Every "
                              "township package in it (and in its sub-folders) is received in "
                              "order; a refused package stops its township only."))
        hint.setWordWrap(True)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.choose_button = QPushButton(self.tr("Choose the folder…"))
        self.choose_button.setObjectName("receiveChoose")
        self.choose_button.clicked.connect(self.choose_folder)
        inner = QHBoxLayout(drop)
        inner.addWidget(hint, 1)
        inner.addWidget(self.choose_button)
        self.progress = QProgressBar()
        self.progress.setObjectName("receiveProgress")
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.progress_text = QLabel()
        self.progress_text.setObjectName("receiveProgressText")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("receiveCancel")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        running = QHBoxLayout()
        running.addWidget(self.progress, 1)
        running.addWidget(self.progress_text, 2)
        running.addWidget(self.cancel_button)
        self.summary = Notice("receiveSummary")
        self.model = MarkedRowsModel([self.tr("File"), self.tr("Township"), self.tr("Package"),
                                      self.tr("Result"), self.tr("Explanation")], parent=self)
        self.table = table("receiveTable", self.model)
        layout = QVBoxLayout(self)
        layout.addWidget(drop)
        layout.addLayout(running)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        """Nothing to read: the table keeps the last folder's result."""

    # -- choosing ----------------------------------------------------------------------
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("The folder with the packages"),
                                                  last_folder(self.context))
        if folder:
            self.receive(Path(folder))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() and self.job is None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        folder = dropped_folder(paths)
        if folder is not None:
            event.acceptProposedAction()
            self.receive(folder)

    # -- receiving ---------------------------------------------------------------------
    def receive(self, folder: Path) -> Job | None:
        """Ingest every package of ``folder`` (returns the running job)."""
        if self.job is not None:
            return None
        remember_folder(self.context, str(folder))
        county, actor = self.context.county, self.current_actor()
        self.summary.clear_message()
        self.model.set_marked_rows([], set())
        self.progress.setValue(0)
        self.progress.setVisible(True)
        self.progress_text.setText(fmt(self.tr("Reading %1…"), folder))
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self.choose_button.setEnabled(False)

        def work(job: Job) -> ops.FolderIngestReport:
            def progress(done: int, total: int, text: str) -> None:
                job.progress(done / total if total else None, text)
            return ops.ingest_folder(county, folder, actor, progress=progress,
                                     cancelled=lambda: job.cancelled)

        job = Job()
        self.job = job
        self.tasks.run_job(work, self._done, self._failed, owner=self, lane="write",
                           on_progress=self._progressed, job=job)
        return job

    def cancel(self) -> None:
        if self.job is not None:
            self.job.request_cancel()
            self.cancel_button.setEnabled(False)
            self.progress_text.setText(self.tr("Cancelling after the package being received…"))

    def shutdown(self) -> None:
        self.cancel()

    def _progressed(self, fraction: Any, message: Any) -> None:
        if fraction is not None:
            self.progress.setValue(int(100 * float(fraction)))
        if isinstance(message, str) and message:
            self.progress_text.setText(message)

    def _finish(self) -> None:
        self.job = None
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self.choose_button.setEnabled(True)
        self.progress_text.setText("")

    def _failed(self, error: BaseException) -> None:
        self._finish()
        self.summary.error(error_text(error))

    def _done(self, report: ops.FolderIngestReport) -> None:
        self._finish()
        self.report = report
        rows, marked = [], set()
        for i, item in enumerate(report.items):
            if item.status in (ops.REFUSED, ops.SKIPPED):
                marked.add(i)
            rows.append((item.file.name, item.township_code or "—",
                         item.package_seq if item.package_seq is not None else "—",
                         item.status_label, item.message_zh))
        self.model.set_marked_rows(rows, marked)
        if report.ok:
            self.summary.ok(report.summary_zh)
        else:
            self.summary.error(report.summary_zh)
        if report.count(ops.INGESTED):
            self.tasks.bus.publish({"ingested": report.count(ops.INGESTED)}, self)
