"""备份与恢复: the backups list, 立即备份, 恢复所选备份; the exports-paused banner;
and the automatic backups (start-up, hourly daily check, exit).

A restore replaces the database every service uses, so it runs on the task
runner's single worker (after any queued save) while the main window covers its
screens; afterwards everyone logs in again (accounts come from the restored copy).
Automatic backups never raise: their problems (a full disk, a USB stick not plugged
in) reach the status bar.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..kit.dialogs import ask_yes_no
from ..kit.errors import present
from ..kit.fmt import fmt
from ..kit.tasks import READ, TaskRunner
from ..kit.widgets import ListTableModel, open_file, row_table

if TYPE_CHECKING:
    from ...core.services import Services

log = logging.getLogger(__name__)

COL_CREATED, COL_KIND, COL_APPS, COL_DOCS, COL_EVENTS, COL_SIZE, COL_OK = range(7)
InfoRole = Qt.ItemDataRole.UserRole + 1
HOURLY_MS = 60 * 60 * 1000
BANNER_STYLE = ("#exportsBanner { background: #fff8e1; border: 1px solid #ffb300; }"
                "#exportsBanner QLabel { color: #5d4037; }")


def size_text(size: int) -> str:
    if size >= 1 << 20:
        return f"{size / (1 << 20):.1f} MB"
    return f"{max(1, size // 1024)} KB"


class BackupsModel(ListTableModel):
    """``BackupInfo`` rows, newest first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("Made"), self.tr("Kind"), self.tr("Applications"),
                         self.tr("Documents"), self.tr("Audit entries"), self.tr("Size"),
                         self.tr("Check")]

    @property
    def rows(self) -> list[Any]:
        return self._rows

    def ok_text(self, b) -> str:
        if b.error or b.ok is False:
            return self.tr("Damaged")
        return self.tr("Good") if b.ok else self.tr("Not checked")

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        b = self.rows[index.row()]
        col = index.column()
        try:
            if role == InfoRole:
                return b
            if role == Qt.ItemDataRole.ForegroundRole and col == COL_OK:
                return QColor("#c62828") if (b.error or b.ok is False) else QColor("#2e7d32")
            if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_APPS, COL_DOCS,
                                                                     COL_EVENTS, COL_SIZE):
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if role == Qt.ItemDataRole.ToolTipRole:
                return b.error or str(b.path)
            if role != Qt.ItemDataRole.DisplayRole:
                return None
            values = {
                COL_CREATED: b.created.strftime("%Y-%m-%d %H:%M:%S"), COL_KIND: b.kind_label,
                COL_APPS: "" if b.applications is None else str(b.applications),
                COL_DOCS: "" if b.documents is None else str(b.documents),
                COL_EVENTS: "" if b.events is None else str(b.events),
                COL_SIZE: size_text(b.size), COL_OK: self.ok_text(b),
            }
            return values.get(col)
        except Exception:
            log.exception("backups model: row %s column %s", index.row(), col)
            return None


class BackupsPage(QWidget):
    """备份与恢复 (administrators). ``restoreStarting()`` just before the database is
    replaced, ``restored(RestoreResult)`` after; the main window covers its screens
    in between and asks everyone to log in again."""

    restoreStarting = Signal()
    restored = Signal(object)
    restoreFailed = Signal()

    def __init__(self, services: Services, tasks: TaskRunner, actor: Callable[[], Any],
                 parent: QWidget | None = None, *,
                 ask: Callable[[QWidget, str, str], bool] = ask_yes_no,
                 opener: Callable[[Path], object] = open_file) -> None:
        super().__init__(parent)
        self.setObjectName("backupsPage")
        self.services = services
        self.tasks = tasks
        self.actor = actor
        self.ask = ask
        self.opener = opener

        intro = QLabel(self.tr(
            "The app backs up the database when it starts, when it closes and once a day, and "
            "keeps a thinned series. Restoring replaces all data with the chosen backup; the "
            "current data is backed up first, and exports pause until an administrator "
            "confirms."))
        intro.setWordWrap(True)
        self.model = BackupsModel(self)
        self.view = row_table(self.model, "backupsView")
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        for col, width in ((COL_CREATED, 170), (COL_KIND, 140), (COL_APPS, 90), (COL_DOCS, 90),
                           (COL_EVENTS, 100), (COL_SIZE, 90)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(COL_OK, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selection())
        self.mirror = QLabel()
        self.mirror.setObjectName("mirrorLabel")
        self.mirror.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("backupStatusLabel")
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("refreshBackups")
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.setObjectName("backupNow")
        self.restore_button = QPushButton(self.tr("Restore selected backup…"))
        self.restore_button.setObjectName("restoreBackup")
        self.folder_button = QPushButton(self.tr("Open backups folder"))
        self.folder_button.setObjectName("openBackupsFolder")
        self.refresh_button.clicked.connect(self.refresh)
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button.clicked.connect(lambda: self.opener(self.services.backups.folder))
        buttons = QHBoxLayout()
        for b in (self.backup_button, self.restore_button, self.refresh_button, self.folder_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.mirror)
        layout.addWidget(self.status)
        tasks.bus.changed.connect(self._on_changes)
        self.refresh()

    # -- listing -------------------------------------------------------------------------------
    def _on_changes(self, changes, origin) -> None:
        """A backup written elsewhere (the automatic ones) or the mirror folder setting."""
        if origin is not self and (changes.backups or changes.settings):
            self.refresh()

    def refresh(self) -> None:
        backups = self.services.backups
        self.refresh_button.setEnabled(False)
        # Reading (and verifying) the backup files is a long read: the read lane.
        self.tasks.run(lambda: (backups.list(verify=True), backups.mirror_dir(),
                                backups.list_mirror()), self._listed, self._failed, owner=self,
                       lane=READ)

    def _listed(self, result) -> None:
        rows, mirror_dir, mirrored = result
        self.refresh_button.setEnabled(True)
        selected = self.selected()
        self.model.set_rows(rows)
        if selected is not None:  # the same backup stays selected
            row = next((i for i, r in enumerate(rows) if r.path == selected.path), -1)
            if row >= 0:
                self.view.selectRow(row)
        if mirror_dir is None:
            self.mirror.setText(self.tr("No mirror folder is set: backups stay on this disk only. "
                                        "An administrator can set one under Settings."))
        elif not Path(mirror_dir).is_dir():
            self.mirror.setText(fmt(self.tr("Mirror folder %1 is not available (is the USB stick "
                                        "plugged in?)."), str(mirror_dir)))
        else:
            self.mirror.setText(fmt(self.tr("Mirror folder %1 holds %2 backup(s)."), str(mirror_dir),
                                    str(len(mirrored))))
        self._selection()

    def selected(self):
        rows = self.view.selectionModel().selectedRows()
        return self.model.data(rows[0], InfoRole) if rows else None

    def select_row(self, row: int) -> None:
        self.view.selectRow(row)

    def _selection(self) -> None:
        info = self.selected()
        self.restore_button.setEnabled(info is not None and not info.error and info.ok is not False)

    # -- backup now ----------------------------------------------------------------------------
    def backup_now(self) -> None:
        backups, actor = self.services.backups, self.actor()
        self.backup_button.setEnabled(False)
        self.status.setText(self.tr("Backing up…"))
        self.tasks.run(lambda: backups.backup_now(actor), self._backed_up, self._failed,
                       owner=self)

    def _backed_up(self, report) -> None:
        self.backup_button.setEnabled(True)
        text = fmt(self.tr("Backup written: %1"), report.path.name if report.path else "")
        if report.mirror_error:
            text += "\n" + fmt(self.tr("Not copied to the mirror folder: %1"), report.mirror_error)
        self.status.setText(text)
        self.refresh()

    def _failed(self, error: BaseException) -> None:
        self.backup_button.setEnabled(True)
        self.refresh_button.setEnabled(True)
        self.status.setText("")
        present(self, error)

    # -- restore -------------------------------------------------------------------------------
    def restore_selected(self) -> bool:
        info = self.selected()
        if info is None:
            return False
        text = (fmt(self.tr("Replace ALL current data with the backup made on %1 (%2)?\n\n"
                        "It holds %3 applications, %4 documents and %5 audit entries.\n\n"
                        "The current data is backed up first. Afterwards exports pause until an "
                        "administrator confirms, and everyone must log in again."),
                            info.created.strftime("%Y-%m-%d %H:%M:%S"), info.kind_label, str(info.applications),
                            str(info.documents), str(info.events)))
        if not self.ask(self, self.tr("Restore backup"), text):
            return False
        backups, actor = self.services.backups, self.actor()
        self.restoreStarting.emit()
        self.tasks.run(lambda: backups.restore(info.path, actor), self._restored,
                       self._restore_failed, owner=self)
        return True

    def _restored(self, result) -> None:
        self.restored.emit(result)

    def _restore_failed(self, error: BaseException) -> None:
        self.restoreFailed.emit()
        self._failed(error)


class ExportsBanner(QFrame):
    """A strip across the main window while exports are paused after a restore;
    administrators confirm the restored data is current (``confirm_exports``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("exportsBanner")
        self.setStyleSheet(BANNER_STYLE)
        self.services: Services | None = None
        self.tasks: TaskRunner | None = None
        self.actor: Callable[[], Any] = lambda: None
        self.ask: Callable[[QWidget, str, str], bool] = ask_yes_no
        self.text = QLabel()
        self.text.setObjectName("exportsBannerText")
        self.text.setWordWrap(True)
        self.button = QPushButton(self.tr("Confirm and resume exports"))
        self.button.setObjectName("confirmExports")
        self.button.clicked.connect(self.confirm)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        self.hide()

    def bind(self, services: Services, actor: Callable[[], Any], tasks: TaskRunner) -> None:
        self.services, self.actor, self.tasks = services, actor, tasks
        tasks.bus.changed.connect(self._on_changes)

    def _on_changes(self, changes, _origin) -> None:
        if changes.settings or changes.exports or changes.everything:
            self.refresh()

    def refresh(self) -> None:
        info = None
        if self.services is not None:
            try:
                info = self.services.backups.exports_paused()
            except Exception:
                log.exception("cannot read the exports pause")
        if not info:
            self.hide()
            return
        self.text.setText(fmt(self.tr(
            "Data restored on %1 from the backup made on %2. Exports to the county are paused "
            "until an administrator confirms the data is current."), str(info.get("since", "")).replace("T", " "),
                str(info.get("backup_created", "")).replace("T", " ")))
        from ...core.services.auth import EXPORTS_CONFIRM

        actor = self.actor()
        self.button.setVisible(actor is not None and actor.can(EXPORTS_CONFIRM))
        self.show()

    def confirm(self) -> None:
        if not self.ask(self, self.tr("Resume exports"), self.tr(
                "Is the restored data complete and current? Exports will send it to the county "
                "again.")):
            return
        assert self.services is not None and self.tasks is not None  # shown only once bound
        backups, actor = self.services.backups, self.actor()
        # Its changes (settings, exports) reach this banner and the sync screen on the bus.
        self.tasks.run(lambda: backups.confirm_exports(actor), owner=self)


class AutoBackups(QObject):
    """Start-up backup (off the GUI thread), an hourly look at ``daily_due()``, and
    the exit backup once the task runner has drained. ``reported(text, is_error)``."""

    reported = Signal(str, bool)

    def __init__(self, services: Services, tasks: TaskRunner, parent: QObject | None = None, *,
                 interval_ms: int = HOURLY_MS) -> None:
        super().__init__(parent)
        self.services = services
        self.tasks = tasks
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.hourly)

    def start(self) -> None:
        backups = self.services.backups
        self.tasks.run(lambda: backups.auto_backup("startup"), self._report, self._crashed)
        self.timer.start()

    def hourly(self) -> None:
        backups = self.services.backups
        self.tasks.run(lambda: backups.auto_backup("daily") if backups.daily_due() else None,
                       self._report, self._crashed)

    def at_exit(self):
        """Called after the task runner drained (the last save is in); the exit backup
        runs on the write lane too (the caller drains it again)."""
        self.timer.stop()
        backups = self.services.backups
        report = self.tasks.call(lambda: backups.auto_backup("exit"))
        if report.error or report.mirror_error:
            log.warning("exit backup: %s %s", report.error, report.mirror_error)
        return report

    def _report(self, report) -> None:
        if report is None or report.skipped:
            return
        if report.error:
            self.reported.emit(fmt(self.tr("Automatic backup failed: %1"), report.error),
                               True)
        elif report.mirror_error:
            self.reported.emit(fmt(self.tr("Backed up, but not copied to the mirror folder: %1"),
                                   report.mirror_error), True)
        else:
            from datetime import datetime

            self.reported.emit(fmt(self.tr("Backed up at %1"), datetime.now().strftime("%H:%M")), False)

    def _crashed(self, error: BaseException) -> None:
        log.error("automatic backup raised: %r", error)
        self.reported.emit(fmt(self.tr("Automatic backup failed: %1"), str(error)), True)
