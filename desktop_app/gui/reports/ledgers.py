"""台账 (统计与档案 tab, issue 16): a ledger exported to Excel by its template.

The clerk picks a ledger (the templates in ``forms/ledgers``: 受理登记台账, 转办台账,
临时救助台账, 救助对象名册 and any a county adds), a period (上月 / 本月 / 本年 or two
dates) and, with the right, full ID numbers; the tab shows the template's columns and
how many rows the period has (read lane), then 导出… asks where to save and writes the
file on the write lane (the export is audited) with a progress bar and 取消 on the tab.
The result line names the file; 打开 opens it.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QStandardPaths, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.services.auth import FULL_ID_ANY
from ..kit.errors import describe, is_cancelled, present
from ..kit.fmt import fmt
from ..kit.messages import text_of
from ..kit.tasks import READ, WRITE, Job, TaskRunner
from ..kit.widgets import ErrorLabel
from ..verify.register import register_button  # issue 17 — qrcheck

if TYPE_CHECKING:
    from ...core.services import Services
    from ...core.services.ledgers import LedgerResult


def _month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class LedgersTab(QWidget):
    """台账: choose a ledger and a period, export it to Excel."""

    openApplication = Signal(int)  # the tab protocol (a ledger opens no application)

    def __init__(self, services: Services, tasks: TaskRunner, current_actor: Callable[[], Any], *,
                 opener: Callable[[Path], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ledgersTab")
        self.services = services
        self.tasks = tasks
        self.current_actor = current_actor
        self.opener = opener
        # Where to save (tests replace it): the suggested path -> the chosen one ("" = none).
        self.ask_save: Callable[[Path], str] = self._ask_save
        self.job: Job | None = None
        self.last_path: Path | None = None
        self._count_token = 0

        self.ledger = QComboBox()
        self.ledger.setObjectName("ledgerChoice")
        self.ledger.currentIndexChanged.connect(lambda _i: self._ledger_changed())
        today = services.ctx.today()
        self.start = self._date_edit("ledgerStart", today.replace(day=1))
        self.end = self._date_edit("ledgerEnd", _month_end(today))
        quick = QHBoxLayout()
        quick.setSpacing(4)
        for name, text, span in (("lastMonth", self.tr("Last month"), "last_month"),
                                 ("thisMonth", self.tr("This month"), "this_month"),
                                 ("thisYear", self.tr("This year"), "this_year")):
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(lambda _c=False, s=span: self.set_span(s))
            quick.addWidget(b)
        dates = QHBoxLayout()
        dates.addWidget(self.start)
        dates.addWidget(QLabel(self.tr("to")))
        dates.addWidget(self.end)
        dates.addSpacing(12)
        dates.addLayout(quick)
        dates.addStretch(1)
        self.full_ids = QCheckBox(self.tr("Full ID numbers (the export is recorded in the log)"))
        self.full_ids.setObjectName("fullIds")

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Ledger"), self.ledger)
        form.addRow(self.tr("Period"), dates)
        form.addRow(self.tr("ID numbers"), self.full_ids)

        self.summary = QLabel()
        self.summary.setObjectName("ledgerSummary")
        self.summary.setWordWrap(True)
        self.columns = QTableWidget(0, 3)
        self.columns.setObjectName("ledgerColumns")
        self.columns.setHorizontalHeaderLabels(
            [self.tr("Column"), self.tr("Data"), self.tr("Width")])
        self.columns.verticalHeader().setVisible(False)
        self.columns.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.columns.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.columns.setAlternatingRowColors(True)
        header = self.columns.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.error = ErrorLabel()
        self.error.setObjectName("ledgerError")

        self.export_button = QPushButton(self.tr("&Export to Excel…"))
        self.export_button.setObjectName("ledgerExport")
        self.export_button.clicked.connect(self.export)
        self.progress = QProgressBar()
        self.progress.setObjectName("ledgerProgress")
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("ledgerCancel")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel)
        self.result = QLabel()
        self.result.setObjectName("ledgerResult")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setObjectName("ledgerOpen")
        self.open_button.setVisible(False)
        self.open_button.clicked.connect(self.open_file)
        actions = QHBoxLayout()
        actions.addWidget(self.export_button)
        actions.addWidget(self.progress, 1)
        actions.addWidget(self.cancel_button)
        actions.addWidget(register_button(self))  # issue 17 — qrcheck: 发文登记簿
        actions.addStretch(0)
        result_row = QHBoxLayout()
        result_row.addWidget(self.result, 1)
        result_row.addWidget(self.open_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.columns, 1)
        layout.addWidget(self.error)
        layout.addLayout(actions)
        layout.addLayout(result_row)

        self.start.dateChanged.connect(lambda _d: self._update_count())
        self.end.dateChanged.connect(lambda _d: self._update_count())
        tasks.bus.changed.connect(self._on_changes)

    def _on_changes(self, changes: Any, _origin: Any) -> None:
        """Applications changed elsewhere: the row count of the period may have too."""
        if (changes.applications or changes.everything) and self.isVisible() \
                and self.job is None:
            self._update_count()

    @staticmethod
    def _date_edit(name: str, day: date) -> QDateEdit:
        edit = QDateEdit(_qdate(day))
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    # -- state ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Reload the templates (a county may have edited them) and the right."""
        current = self.ledger.currentData()
        self.ledger.blockSignals(True)
        self.ledger.clear()
        for name, title in self.services.ledgers.names():
            self.ledger.addItem(title, name)
        index = self.ledger.findData(current) if current is not None else 0
        self.ledger.setCurrentIndex(max(index, 0))
        self.ledger.blockSignals(False)
        actor = self.current_actor()
        allowed = bool(actor is not None and actor.can(FULL_ID_ANY))
        if not allowed:
            self.full_ids.setChecked(False)
        self.full_ids.setEnabled(allowed)
        self.full_ids.setToolTip("" if allowed else self.tr(
            "Only a supervisor or an administrator may export full ID numbers"))
        self._ledger_changed()

    def set_span(self, span: str) -> None:
        today = self.services.ctx.today()
        if span == "last_month":
            end = today.replace(day=1).toordinal() - 1
            last = date.fromordinal(end)
            start, stop = last.replace(day=1), last
        elif span == "this_year":
            start, stop = date(today.year, 1, 1), date(today.year, 12, 31)
        else:
            start, stop = today.replace(day=1), _month_end(today)
        self.start.setDate(_qdate(start))
        self.end.setDate(_qdate(stop))

    def period(self) -> tuple[date, date]:
        return _pydate(self.start.date()), _pydate(self.end.date())

    def _ledger_changed(self) -> None:
        self.error.clear_message()
        name = self.ledger.currentData()
        self.columns.setRowCount(0)
        if name is None:
            self.summary.setText(self.tr("There are no ledger templates."))
            self.export_button.setEnabled(False)
            return
        try:
            tpl = self.services.ledgers.template(name)
            labels = dict(self.services.ledgers.fields(name))
        except ValueError as exc:  # a broken template: say what is wrong, export disabled
            self.summary.setText("")
            self.error.show_messages([text_of(exc)])
            self.export_button.setEnabled(False)
            return
        self.export_button.setEnabled(self.job is None)
        self.columns.setRowCount(len(tpl.columns))
        for row, col in enumerate(tpl.columns):
            for c, text in enumerate((col.header, labels.get(col.field, col.field),
                                      f"{col.width:g}")):
                self.columns.setItem(row, c, QTableWidgetItem(text))
        self._update_count()

    def _update_count(self) -> None:
        name = self.ledger.currentData()
        if name is None or not self.export_button.isEnabled() and self.job is None:
            return
        start, end = self.period()
        self._count_token += 1
        token = self._count_token
        if start > end:
            self.summary.setText(self.tr("The start date must not be after the end date."))
            return
        self.summary.setText(self.tr("Counting the rows…"))

        def done(n: int) -> None:
            if token == self._count_token:
                self.summary.setText(fmt(self.tr("%1 rows from %2 to %3, %4 columns."), n,
                                         start.isoformat(), end.isoformat(),
                                         self.columns.rowCount()))

        def failed(error: BaseException) -> None:
            if token == self._count_token:
                self.summary.setText(describe(error))

        self.tasks.run(lambda: self.services.ledgers.count(name, start, end), done, failed,
                       owner=self, lane=READ)

    # -- export -------------------------------------------------------------------------

    def _ask_save(self, suggested: Path) -> str:
        return QFileDialog.getSaveFileName(self, self.tr("Save the ledger as"), str(suggested),
                                           self.tr("Excel workbook (*.xlsx)"))[0]

    def suggested_path(self) -> Path:
        start, end = self.period()
        folder = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        title = self.ledger.currentText() or "台账"
        return Path(folder) / f"{title}_{start:%Y%m%d}-{end:%Y%m%d}.xlsx"

    def export(self) -> None:
        name = self.ledger.currentData()
        if name is None or self.job is not None:
            return
        self.error.clear_message()
        start, end = self.period()
        if start > end:
            self.error.show_messages([self.tr("The start date must not be after the end date.")])
            return
        chosen = self.ask_save(self.suggested_path())
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != ".xlsx":
            path = path.with_name(path.name + ".xlsx")
        full = self.full_ids.isChecked()
        actor = self.current_actor()

        def work(job: Job) -> LedgerResult:
            def progress(done: int, total: int | None) -> None:
                job.progress(done / total if total else None, (done, total))

            return self.services.ledgers.export(
                name, start, end, path, actor, full_ids=full, progress=progress,
                cancelled=lambda: job.cancelled).value

        self._busy(True)
        self.result.setText(self.tr("Exporting…"))
        self.open_button.setVisible(False)
        self.job = Job()  # made first: 取消 holds it while the job runs
        self.tasks.run_job(work, self._done, self._failed, owner=self, lane=WRITE,
                           on_progress=self._progressed, title=self.tr("Exporting the ledger"),
                           job=self.job)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.request_cancel()
            self.cancel_button.setEnabled(False)

    def _progressed(self, fraction: float | None, message: Any) -> None:
        if fraction is None:
            self.progress.setRange(0, 0)
        else:
            self.progress.setRange(0, 100)
            self.progress.setValue(int(fraction * 100))
        if isinstance(message, tuple) and len(message) == 2:
            done, total = message
            self.progress.setFormat(f"{done}/{total}" if total else str(done))

    def _busy(self, busy: bool) -> None:
        self.progress.setVisible(busy)
        self.progress.setValue(0)
        self.cancel_button.setVisible(busy)
        self.cancel_button.setEnabled(busy)
        for w in (self.export_button, self.ledger, self.start, self.end):
            w.setEnabled(not busy)
        self.full_ids.setEnabled(not busy and bool(
            self.current_actor() is not None and self.current_actor().can(FULL_ID_ANY)))

    def _done(self, result: LedgerResult) -> None:
        self.job = None
        self._busy(False)
        self.last_path = result.path
        ids = self.tr("full ID numbers") if result.full_ids else self.tr("ID numbers masked")
        self.result.setText(fmt(self.tr("Exported %1: %2 rows (%3) to %4"), result.title,
                                result.rows, ids, str(result.path)))
        self.open_button.setVisible(self.opener is not None)

    def _failed(self, error: BaseException) -> None:
        self.job = None
        self._busy(False)
        if is_cancelled(error):
            self.result.setText(self.tr("Cancelled; no file was written."))
            return
        self.result.setText("")
        present(self, error, label=self.error)

    def open_file(self) -> None:
        if self.opener is not None and self.last_path is not None:
            self.opener(self.last_path)
