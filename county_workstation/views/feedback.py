"""部门回执: a department's result for a referred task, typed at the county.

* **List**: the referred tasks still waiting for a department (转办, 签收, 办理中): township,
  application number, item, department, status, referred on, due, days left, and
  whether a 回执 is already recorded and waiting for the next return package. A
  department's own login sees only its department's tasks (the filter is fixed); the
  county's core refuses a 回执 for another department's task anyway.
* **Form**: 办理结果 (办结 / 不予办理 / 退回), result day, amount in 元 and the assistance
  period (办结 only), 签收人 (when the township has not recorded a 签收 yet), and the
  result text (required for 不予办理 and 退回). 保存回执 runs on the write lane; the
  county's checks (status, dates, department) answer in Chinese on the tab, nothing
  written. The 回执 travels to the township in its next return package.
"""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.kit.errors import present
from desktop_app.gui.kit.fmt import fmt
from desktop_app.gui.kit.tasks import WRITE, TaskRunner
from desktop_app.gui.kit.widgets import ErrorLabel, ListTableModel, row_table

from ..common import error_text
from . import data
from .common import ViewTab, date_edit, date_of, day_text

OVERDUE = QColor("#b00020")
COLUMNS = ("township", "number", "item", "department", "status", "referred_on", "due_date",
           "left", "feedback")


class WaitingModel(ListTableModel):
    """The waiting referrals: one ``data.WaitingTask`` a row."""

    def __init__(self, headers: list[str], texts: Callable[[data.WaitingTask, str], str],
                 parent: QWidget) -> None:
        super().__init__(headers, parent)
        self._texts = texts

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        if role == Qt.ItemDataRole.ForegroundRole and row.days_left is not None \
                and row.days_left < 0:
            return QBrush(OVERDUE)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return self._texts(row, COLUMNS[index.column()])


class FeedbackTab(ViewTab):
    """部门回执: the waiting referrals (a department: its own) and the 回执 form."""

    def __init__(self, context: Any, tasks: TaskRunner, current_actor: Callable[[], Any], *,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, tasks, current_actor, parent=parent)
        self.setObjectName("feedbackTab")
        self.error.setObjectName("feedbackError")
        self.all_rows: list[data.WaitingTask] = []
        self.results = {"done": self.tr("Done (办结)"), "refused": self.tr("Refused (不予办理)"),
                        "returned": self.tr("Returned (退回)")}

        # -- filter bar
        self.department_box = QComboBox()
        self.department_box.setObjectName("feedbackDepartment")
        self.department_box.setMinimumWidth(150)
        self.number_filter = QLineEdit()
        self.number_filter.setObjectName("feedbackNumber")
        self.number_filter.setPlaceholderText(self.tr("Application no. or township"))
        self.number_filter.setClearButtonEnabled(True)
        self.pending_only = QCheckBox(self.tr("Without a 回执 only"))
        self.pending_only.setObjectName("feedbackPendingOnly")
        self.count = QLabel()
        self.count.setObjectName("feedbackCount")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("feedbackRefresh")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Department")))
        top.addWidget(self.department_box)
        top.addWidget(self.number_filter, 1)
        top.addWidget(self.pending_only)
        top.addWidget(self.count)
        top.addWidget(self.refresh_button)

        self.model = WaitingModel(
            [self.tr("Township"), self.tr("Application no."), self.tr("Item"),
             self.tr("Department"), self.tr("Status"), self.tr("Referred on"), self.tr("Due"),
             self.tr("Days left"), self.tr("回执")], self._cell, self)
        self.view = row_table(self.model, "feedbackTable", alternating=True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selected())

        # -- the form
        self.task_label = QLabel()
        self.task_label.setObjectName("feedbackTask")
        self.task_label.setWordWrap(True)
        self.result = QComboBox()
        self.result.setObjectName("feedbackResult")
        self.result.addItem(self.tr("Choose…"), "")
        for code, label in self.results.items():
            self.result.addItem(label, code)
        today = self.today()
        self.result_on = date_edit(today, "feedbackResultOn")
        self.amount = QLineEdit()
        self.amount.setObjectName("feedbackAmount")
        self.amount.setPlaceholderText(self.tr("元, e.g. 1200 or 350.50"))
        self.has_period = QCheckBox(self.tr("Give a period"))
        self.has_period.setObjectName("feedbackHasPeriod")
        self.period_from = date_edit(today, "feedbackPeriodFrom")
        self.period_to = date_edit(today, "feedbackPeriodTo")
        period = QHBoxLayout()
        period.setContentsMargins(0, 0, 0, 0)
        period.addWidget(self.has_period)
        period.addWidget(self.period_from)
        period.addWidget(QLabel("—"))
        period.addWidget(self.period_to)
        period.addStretch(1)
        period_row = QWidget()
        period_row.setLayout(period)
        self.signed_by = QLineEdit()
        self.signed_by.setObjectName("feedbackSignedBy")
        self.signed_by.setPlaceholderText(self.tr("Who signed for the referral, if not "
                                                  "recorded yet"))
        self.text = QPlainTextEdit()
        self.text.setObjectName("feedbackText")
        self.text.setTabChangesFocus(True)
        self.text.setPlaceholderText(self.tr("Result, or why refused / returned"))
        self.text.setFixedHeight(80)
        self.form_error = ErrorLabel()
        self.form_error.setObjectName("feedbackFormError")
        self.info = QLabel()
        self.info.setObjectName("feedbackInfo")
        self.info.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save 回执"))
        self.save_button.setObjectName("feedbackSave")
        self.save_button.setDefault(True)
        form = QFormLayout()
        form.addRow(self.tr("Result"), self.result)
        form.addRow(self.tr("Result day"), self.result_on)
        form.addRow(self.tr("Amount (元)"), self.amount)
        form.addRow(self.tr("Period"), period_row)
        form.addRow(self.tr("Signed by"), self.signed_by)
        form.addRow(self.tr("Text"), self.text)
        buttons = QHBoxLayout()
        buttons.addWidget(self.info, 1)
        buttons.addWidget(self.save_button)
        self.form_box = QGroupBox(self.tr("回执"))
        self.form_box.setObjectName("feedbackForm")
        box_layout = QVBoxLayout(self.form_box)
        box_layout.addWidget(self.task_label)
        box_layout.addLayout(form)
        box_layout.addWidget(self.form_error)
        box_layout.addLayout(buttons)
        box_layout.addStretch(1)
        self.form_box.setMaximumWidth(480)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(self.view)
        split.addWidget(self.form_box)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(split, 1)

        self.refresh_button.clicked.connect(self.refresh)
        self.department_box.activated.connect(lambda _i: self.refresh())
        self.number_filter.textChanged.connect(lambda _t: self._show())
        self.pending_only.toggled.connect(lambda _b: self._show())
        self.result.currentIndexChanged.connect(lambda _i: self._result_changed())
        self.has_period.toggled.connect(lambda _b: self._result_changed())
        self.save_button.clicked.connect(self.save)
        self._set_departments([])
        self._selected()

    # -- list ----------------------------------------------------------------------------
    def _cell(self, row: data.WaitingTask, name: str) -> str:
        if name == "left":
            if row.days_left is None:
                return "—"
            if row.days_left < 0:
                return fmt(self.tr("%1 day(s) overdue"), str(-row.days_left))
            return str(row.days_left)
        if name == "feedback":
            if row.feedback_result is None:
                return ""
            return fmt(self.tr("%1, to send"), self.results.get(row.feedback_result,
                                                                row.feedback_result))
        return {"township": row.township_label, "number": row.application_number or "—",
                "item": row.item_label, "department": row.department_label,
                "status": row.status_label, "referred_on": day_text(row.referred_on),
                "due_date": day_text(row.due_date)}[name]

    def _set_departments(self, departments: list[tuple[str, str]]) -> None:
        own = self.department()
        chosen = self.department_box.currentData()
        self.department_box.clear()
        if own is not None:
            self.department_box.addItem(dict(departments).get(own, own), own)
            self.department_box.setEnabled(False)
            return
        self.department_box.addItem(self.tr("All departments"), None)
        for code, label in departments:
            self.department_box.addItem(label, code)
        self.department_box.setCurrentIndex(max(self.department_box.findData(chosen), 0))

    def refresh(self) -> None:
        county, actor, today = self.county, self.current_actor(), self.today()
        own = self.department()
        department = own if own is not None else self.department_box.currentData()
        self.read(lambda: data.waiting_tasks(county, actor, today, department=department),
                  self._loaded)

    def _loaded(self, listing: data.WaitingList) -> None:
        self._set_departments(listing.departments)
        self.all_rows = list(listing.rows)
        self._show()

    def failed(self, error: BaseException) -> None:
        self.all_rows = []
        self._show()
        self.count.setText(self.tr("The query failed."))

    def _show(self) -> None:
        chosen = self.selected()
        key = chosen.task_uuid if chosen else None
        needle = self.number_filter.text().strip()
        rows = [r for r in self.all_rows
                if (not needle or needle in (r.application_number or "")
                    or needle in r.township_label)
                and (not self.pending_only.isChecked() or r.feedback_result is None)]
        self.model.set_rows(rows)
        for i, r in enumerate(rows):
            if r.task_uuid == key:
                self.view.selectRow(i)
                break
        self.count.setText(fmt(self.tr("%1 task(s) waiting"), str(len(rows))))
        self._selected()

    def selected(self) -> data.WaitingTask | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selected(self) -> None:
        task = self.selected()
        self.form_box.setEnabled(task is not None)
        self.form_error.clear_message()
        if task is None:
            self.task_label.setText(self.tr("Select a task to enter its 回执."))
            return
        self.task_label.setText(fmt(self.tr("%1 · %2 · %3 (%4), referred %5"),
                                    task.township_label, task.application_number or "—",
                                    task.item_label, task.department_label,
                                    day_text(task.referred_on)))
        self.signed_by.setEnabled(task.status == "referred")
        self._result_changed()

    def _result_changed(self) -> None:
        done = self.result.currentData() == "done"
        self.amount.setEnabled(done)
        self.has_period.setEnabled(done)
        self.period_from.setEnabled(done and self.has_period.isChecked())
        self.period_to.setEnabled(done and self.has_period.isChecked())

    # -- save ----------------------------------------------------------------------------
    def entry(self) -> data.FeedbackEntry | None:
        """What the form says, or ``None`` with the problem shown next to the form."""
        task = self.selected()
        if task is None:
            return None
        problems: list[str] = []
        result = self.result.currentData() or ""
        if not result:
            problems.append(self.tr("Choose the result."))
        amount_fen: int | None = None
        text = self.amount.text().strip().replace(",", "").replace("，", "")
        if result == "done" and text:
            try:
                value = Decimal(text)
            except InvalidOperation:
                value = Decimal(-1)
            if value < 0 or value != value.quantize(Decimal("0.01")) or value > 10**8:
                problems.append(self.tr("Type the amount in 元 with at most two decimals, "
                                        "e.g. 1200 or 350.50."))
            else:
                amount_fen = int(value * 100)
        if result in ("refused", "returned") and not self.text.toPlainText().strip():
            problems.append(self.tr("Say why the task is refused or returned."))
        period = result == "done" and self.has_period.isChecked()
        if period and date_of(self.period_to) < date_of(self.period_from):
            problems.append(self.tr("The period ends before it starts."))
        if problems:
            self.form_error.show_messages(problems)
            return None
        return data.FeedbackEntry(
            task_uuid=task.task_uuid, township_code=task.township_code, result=result,
            result_on=date_of(self.result_on), text=self.text.toPlainText().strip(),
            amount_fen=amount_fen,
            period_from=date_of(self.period_from) if period else None,
            period_to=date_of(self.period_to) if period else None,
            signed_by=self.signed_by.text().strip() if self.signed_by.isEnabled() else "",
            department=task.department)

    def save(self) -> None:
        self.form_error.clear_message()
        self.info.setText("")
        entry = self.entry()
        if entry is None:
            return
        county, actor = self.county, self.current_actor()
        self.save_button.setEnabled(False)
        self.tasks.run(lambda: data.record_feedback(county, actor, entry), self._saved,
                       self._save_failed, owner=self, lane=WRITE)

    def _saved(self, result: Any) -> None:
        self.save_button.setEnabled(True)
        replaced = bool(getattr(result, "replaced", False))
        self.info.setText(self.tr("回执 replaced; it goes with the next return package.")
                          if replaced else
                          self.tr("回执 saved; it goes with the next return package."))
        self.text.setPlainText("")
        self.amount.clear()
        self.signed_by.clear()
        self.result.setCurrentIndex(0)
        self.refresh()

    def _save_failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        if getattr(error, "message_zh", None) or getattr(error, "reason", None):
            # a county refusal (wrong department, status, dates): its Chinese line
            self.form_error.show_messages([error_text(error)])
            return
        present(self, error, label=self.form_error)


__all__ = ["FeedbackTab", "WaitingModel"]
