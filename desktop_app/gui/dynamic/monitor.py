"""监测 (动态管理 tab, issue 15 item 4): the local monitoring list (低收入人口动态监测).

The households ``services.monitor.rows()`` builds from what the township knows — 低保边缘,
刚性支出, refusals near the line, recent 临时救助, 渐退 ending, the county's warning list —
each with its reasons and the next visit due (overdue rows red). The list is read on
the read lane. 记录走访 records a monitoring visit (findings and what follows): a change
report opens the application (its detail window has 变更申报); a lead to raise is
said on the tab (``services.leads`` takes it on once wired in).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...core.rules import monitor as rules
from ..kit.errors import present
from ..kit.fmt import fmt
from ..kit.tasks import READ, TaskRunner
from ..kit.widgets import ErrorLabel, ListTableModel, row_table
from ..tracking.dialogs import ServiceDialog, date_edit, field

if TYPE_CHECKING:
    from ...core.services import Services
    from ...core.services.dynamic_monitor import MonitorRow, VisitRow

OVERDUE = QColor("#b00020")
SOON = QColor("#8a5a00")
COL_NAME, COL_VILLAGE, COL_REASONS, COL_RISK, COL_DUE, COL_LEFT, COL_LAST, COL_NUMBER = range(8)


class MonitorModel(ListTableModel):
    """The monitoring list: one household a row (texts from the tab, translated there)."""

    def __init__(self, headers: list[str], left: Callable[[MonitorRow], str],
                 parent: QWidget) -> None:
        super().__init__(headers, parent)
        self._left = left

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.ForegroundRole:
            if row.days_left < 0:
                return QBrush(OVERDUE)
            if row.days_left <= 7:
                return QBrush(SOON)
            return None
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_REASONS:
            return "\n".join(r.text for r in row.reasons)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        values = {
            COL_NAME: row.name, COL_VILLAGE: row.village, COL_REASONS: row.reason_text,
            COL_RISK: rules.RISK_LABELS.get(row.risk, ""),
            COL_DUE: row.next_visit_on.isoformat(), COL_LEFT: self._left(row),
            COL_LAST: row.last_visit_on.isoformat() if row.last_visit_on else "—",
            COL_NUMBER: row.number or "—",
        }
        return values.get(col)


class MonitorTab(QWidget):
    """监测: the monitoring list, its reasons and visits, 记录走访."""

    openApplication = Signal(int)

    def __init__(self, services: Services, tasks: TaskRunner, current_actor: Callable[[], Any], *,
                 opener: Callable[[Path], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("monitorTab")
        self.services = services
        self.tasks = tasks
        self.current_actor = current_actor
        # How dialogs are shown; tests replace it (no modal loop).
        self.run_dialog: Callable[[QDialog], object] = _exec
        self.all_rows: list[MonitorRow] = []

        self.reason = QComboBox()
        self.reason.setObjectName("reasonFilter")
        self.reason.addItem(self.tr("All reasons"), None)
        for code in rules.REASONS:
            self.reason.addItem(rules.REASON_LABELS[code], code)
        self.overdue_only = QCheckBox(self.tr("Overdue only"))
        self.overdue_only.setObjectName("overdueOnly")
        self.show_closed = QCheckBox(self.tr("Include households taken off"))
        self.show_closed.setObjectName("showClosed")
        self.count = QLabel()
        self.count.setObjectName("monitorCount")
        refresh = QPushButton(self.tr("Refresh"))
        refresh.setObjectName("monitorRefresh")
        refresh.clicked.connect(self.refresh)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Reason")))
        top.addWidget(self.reason)
        top.addWidget(self.overdue_only)
        top.addWidget(self.show_closed)
        top.addStretch(1)
        top.addWidget(self.count)
        top.addWidget(refresh)

        self.model = MonitorModel(
            [self.tr("Household"), self.tr("Village"), self.tr("Reasons"), self.tr("Risk"),
             self.tr("Next visit"), self.tr("Days left"), self.tr("Last visit"),
             self.tr("Case no.")], self.left_text, self)
        self.view = row_table(self.model, "monitorTable", alternating=True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_REASONS, QHeaderView.ResizeMode.Stretch)
        self.view.doubleClicked.connect(lambda _i: self.open_selected())
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selected_changed())

        self.details = QTextBrowser()
        self.details.setObjectName("monitorDetails")
        self.details.setOpenLinks(False)
        self.visit_button = QPushButton(self.tr("Record visit…"))
        self.visit_button.setObjectName("recordVisit")
        self.visit_button.clicked.connect(self.record_visit)
        self.open_button = QPushButton(self.tr("Open application"))
        self.open_button.setObjectName("openApplication")
        self.open_button.clicked.connect(self.open_selected)
        buttons = QHBoxLayout()
        buttons.addWidget(self.visit_button)
        buttons.addWidget(self.open_button)
        buttons.addStretch(1)
        self.info = QLabel()
        self.info.setObjectName("monitorInfo")
        self.info.setWordWrap(True)
        self.error = ErrorLabel()
        self.error.setObjectName("monitorError")

        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(buttons)
        lower_layout.addWidget(self.details)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.info)
        layout.addWidget(self.error)
        layout.addWidget(split, 1)

        self.reason.currentIndexChanged.connect(lambda _i: self._show())
        self.overdue_only.toggled.connect(lambda _b: self._show())
        self.show_closed.toggled.connect(lambda _b: self.refresh())
        tasks.bus.changed.connect(self._on_changes)
        self.info.setVisible(False)
        self._update_buttons()
        self.refresh()

    def left_text(self, row: MonitorRow) -> str:
        if row.days_left < 0:
            return fmt(self.tr("%1 day(s) overdue"), str(-row.days_left))
        if row.days_left == 0:
            return self.tr("Due today")
        return fmt(self.tr("in %1 day(s)"), str(row.days_left))

    # -- content ------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the list on the read lane (it grows with the households watched)."""
        monitor, closed = self.services.monitor, self.show_closed.isChecked()
        self.tasks.run(lambda: monitor.rows(include_closed=closed), self._loaded, self._failed,
                       owner=self, lane=READ)

    def _loaded(self, rows: list[MonitorRow]) -> None:
        self.error.clear_message()
        self.all_rows = list(rows)
        self._show()

    def _failed(self, error: BaseException) -> None:
        self.all_rows = []
        self._show()
        present(self, error, label=self.error)  # a failed query is never an empty list

    def _show(self) -> None:
        current = self.selected()
        key = current.key if current is not None else None
        code = self.reason.currentData()
        rows = [r for r in self.all_rows
                if (code is None or any(x.code == code for x in r.reasons))
                and (not self.overdue_only.isChecked() or r.days_left < 0)]
        self.model.set_rows(rows)
        for i, r in enumerate(rows):
            if r.key == key:
                self.view.selectRow(i)
                break
        overdue = sum(1 for r in self.all_rows if r.days_left < 0 and not r.closed)
        self.count.setText(fmt(self.tr("%1 household(s), %2 visit(s) overdue"),
                               str(len(rows)), str(overdue)))
        self._selected_changed()

    def _on_changes(self, changes: Any, origin: Any) -> None:
        if origin is self:
            return
        if getattr(changes, "monitor", False) or changes.everything or changes.applications \
                or changes.settings:
            self.refresh()

    def selected(self) -> MonitorRow | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        return cast("MonitorRow | None", self.model.row_at(rows[0].row()))

    def _update_buttons(self) -> None:
        row = self.selected()
        self.visit_button.setEnabled(row is not None)
        self.open_button.setEnabled(row is not None and row.application_id is not None)

    def _selected_changed(self) -> None:
        self._update_buttons()
        row = self.selected()
        if row is None:
            self.details.setPlainText(self.tr("Select a household to see why it is on the list "
                                              "and its visits."))
            return
        lines = [fmt(self.tr("%1 — %2"), row.name, row.village or "—"), ""]
        lines.append(self.tr("Why on the list:"))
        lines += [f"  · {rules.REASON_LABELS[r.code]}：{r.text}" for r in row.reasons]
        lines.append(fmt(self.tr("Next visit due: %1"), row.next_visit_on.isoformat()))
        if row.recipient:
            lines.append(self.tr("Receives dibao/tekun now: a change found on a visit goes to a "
                                 "change report."))
        try:
            visits = self.services.monitor.visits(
                application_id=row.application_id,
                warning_id=row.warning_ids[0] if row.warning_ids else None)
        except Exception as exc:  # the history is secondary: say it failed, keep the list
            present(self, exc, label=self.error)
            visits = []
        lines += ["", fmt(self.tr("Visits (%1):"), str(len(visits)))]
        lines += [self._visit_line(v) for v in visits] or [self.tr("  none yet")]
        self.details.setPlainText("\n".join(lines))

    def _visit_line(self, v: VisitRow) -> str:
        return fmt(self.tr("  %1  %2 — %3 (%4)"), v.visited_on.isoformat(), "、".join(v.visitors),
                   rules.OUTCOME_LABELS.get(v.outcome, v.outcome), v.findings)

    # -- actions --------------------------------------------------------------------------
    def open_selected(self) -> None:
        row = self.selected()
        if row is not None and row.application_id is not None:
            self.openApplication.emit(row.application_id)

    def record_visit(self) -> None:
        row = self.selected()
        if row is None:
            return
        dialog = MonitorVisitDialog(self.services, self.tasks, self.current_actor, row, self,
                             on_done=self._visit_done)
        self.run_dialog(dialog)

    def _visit_done(self, result: Any) -> None:
        if result.follow_up == "lead" and getattr(self.services, "leads", None) is not None:
            self._raise_lead(result.visit_id)
        elif result.follow_up == "lead":
            self.info.setText(self.tr("Visit recorded: the household needs help. Register the "
                                      "lead on the 主动发现 tab."))
        elif result.follow_up == "change":
            self.info.setText(self.tr("Visit recorded: the application opens for its change "
                                      "report (变更申报)."))
        else:
            self.info.setText(fmt(self.tr("Visit recorded. Next visit due %1."),
                                  result.next_visit_on.isoformat()))
        self.info.setVisible(True)
        self.refresh()
        if result.follow_up == "change" and result.application_id is not None:
            self.openApplication.emit(result.application_id)


    def _raise_lead(self, visit_id: int) -> None:
        """The lead the visit asked for: registered in the lead register (主动发现,
        ``services.leads``) with the household's facts, and its number kept on the visit."""
        # (services.leads: helper ``leads``' service, on the merged branch)
        leads: Any = getattr(self.services, "leads", None)
        monitor, actor = self.services.monitor, self.current_actor()
        made: dict[str, str] = {}

        def work() -> Any:
            lead_input = importlib.import_module("desktop_app.core.services.leads").LeadInput
            outcome = leads.create(actor, lead_input(**monitor.lead_facts(visit_id)))
            made["number"] = leads.detail(outcome.value).row.number
            monitor.link_lead(visit_id, made["number"], actor)
            return outcome

        def done(_result: Any) -> None:
            self.info.setText(fmt(self.tr("Visit recorded: lead %1 registered in the lead "
                                          "register (主动发现)."), made["number"]))
            self.info.setVisible(True)
            self.refresh()

        self.tasks.run(work, done, lambda e: present(self, e, label=self.error), owner=self)


class MonitorVisitDialog(ServiceDialog):
    """记录走访: date, visitors, findings, outcome and (optionally) the next visit."""

    def __init__(self, services: Services, tasks: TaskRunner, actor: Callable[[], Any],
                 row: MonitorRow, parent: QWidget | None = None, *,
                 on_done: Callable[[Any], object] | None = None) -> None:
        super().__init__(services, tasks, actor, parent, on_done=on_done)
        self.setObjectName("visitDialog")
        self.setWindowTitle(self.tr("Record a monitoring visit"))
        self.row = row
        today = services.ctx.today()
        self.visited_on = date_edit(today, "visitedOn")
        self.visitors = QLineEdit()
        self.visitors.setObjectName("visitors")
        self.visitors.setPlaceholderText(self.tr("Names, separated by 、 or commas"))
        self.findings = QPlainTextEdit()
        self.findings.setObjectName("findings")
        self.findings.setPlaceholderText(self.tr("What the visit found: income, health, "
                                                 "housing, needs"))
        self.findings.setTabChangesFocus(True)
        self.outcome = QComboBox()
        self.outcome.setObjectName("outcome")
        self.outcome.addItem(self.tr("Choose…"), "")
        for code in rules.OUTCOMES:
            if code == "change" and not row.recipient:
                continue
            self.outcome.addItem(rules.OUTCOME_LABELS[code], code)
        self.set_next = QCheckBox(self.tr("Set the next visit date"))
        self.set_next.setObjectName("setNext")
        self.next_on = date_edit(today, "nextVisitOn")
        self.next_on.setEnabled(False)
        self.set_next.toggled.connect(self.next_on.setEnabled)
        next_row = QWidget()
        next_layout = QHBoxLayout(next_row)
        next_layout.setContentsMargins(0, 0, 0, 0)
        next_layout.addWidget(self.set_next)
        next_layout.addWidget(self.next_on)
        next_layout.addStretch(1)
        head = QLabel(fmt(self.tr("%1 — %2"), row.name, row.reason_text))
        head.setObjectName("visitHead")
        head.setWordWrap(True)
        head.setStyleSheet("font-weight: bold;")
        form = QFormLayout()
        form.addRow(self.tr("Visit date"), field(self.visited_on, self.errors, "visited_on"))
        form.addRow(self.tr("Visitors"), field(self.visitors, self.errors, "visitors"))
        form.addRow(self.tr("Findings"), field(self.findings, self.errors, "findings"))
        form.addRow(self.tr("Outcome"), field(self.outcome, self.errors, "outcome"))
        form.addRow(self.tr("Next visit"), field(next_row, self.errors, "next_visit_on"))
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        self.errors.register("application_id", None, self.general)
        self.resize(560, 420)

    def submit(self) -> None:
        from ...core.services.dynamic_monitor import VisitInput

        data = VisitInput(
            application_id=self.row.application_id,
            warning_id=self.row.warning_ids[0] if self.row.warning_ids else None,
            visited_on=cast(date, self.visited_on.date().toPython()),
            visitors=[n for n in re.split(r"[、，,；;\s]+", self.visitors.text()) if n],
            findings=self.findings.toPlainText(), outcome=self.outcome.currentData() or "",
            next_visit_on=cast(date, self.next_on.date().toPython())
            if self.set_next.isChecked() else None)
        monitor = self.services.monitor
        self._run(lambda actor: monitor.record_visit(data, actor))


def _exec(dialog: QDialog) -> None:
    dialog.exec()
    dialog.deleteLater()


__all__ = ["MonitorModel", "MonitorTab", "MonitorVisitDialog"]
