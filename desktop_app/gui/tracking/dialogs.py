"""Dialogs of the tracking screen (转办跟踪): the department's 回执 — signature
(登记签收) and result (登记办理结果) —, and 先行救助 with escalation to the county
(the re-check is the 动态管理 worksheet, gui/dynamic/worksheet.py).

Each dialog calls its service through the :class:`~desktop_app.gui.kit.tasks.TaskRunner`
and shows the service's :class:`~desktop_app.core.errors.ValidationErrors` next to
the fields; on success it hands the result to its opener's ``on_done`` and closes
(the runner publishes the changes on the change bus). Tests fill the widgets and
call :meth:`submit` without a modal loop.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core import vocab
from ...core.errors import ValidationErrors
from ..kit.errors import present
from ..kit.fmt import fmt
from ..kit.tasks import TaskRunner
from ..kit.widgets import ErrorLabel, FieldErrors, open_file

if TYPE_CHECKING:
    from ...core.services import Services


def date_edit(day: date, name: str, fmt: str = "yyyy-MM-dd") -> QDateEdit:
    edit = QDateEdit(QDate(cast(Any, day)))  # PySide6 takes a date (the stubs do not say)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(fmt)
    return edit


def field(widget: QWidget, errors: FieldErrors, *paths: str) -> QWidget:
    """``widget`` with its error label underneath, registered for ``paths``."""
    label = ErrorLabel()
    for path in paths:
        errors.register(path, widget, label)
    box = QWidget()
    column = QVBoxLayout(box)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    column.addWidget(widget)
    column.addWidget(label)
    return box


def month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


class ServiceDialog(QDialog):
    """A form that sends one service call through the task runner."""

    def __init__(self, services: Services, tasks: TaskRunner, actor: Callable[[], Any],
                 parent: QWidget | None = None, *,
                 on_done: Callable[[Any], object] | None = None) -> None:
        super().__init__(parent)
        self.on_done = on_done
        self.services = services
        self.tasks = tasks
        self.actor = actor
        self.general = ErrorLabel()
        self.general.setObjectName("dialogError")
        self.errors = FieldErrors(self.general)
        self.buttons = QDialogButtonBox()
        self.ok = self.buttons.addButton(self.tr("Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("dialogOk")
        cancel = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setObjectName("dialogCancel")
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def submit(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def _run(self, fn: Callable[[Any], object]) -> None:
        actor = self.actor()
        if actor is None:
            self.general.show_messages([self.tr("Log in first.")])
            return
        self.ok.setEnabled(False)
        self.tasks.run(lambda: fn(actor), self._done, self._failed, owner=self)

    def _done(self, result) -> None:
        self.ok.setEnabled(True)
        self.errors.clear()
        if self.on_done is not None:
            self.on_done(result)
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.ok.setEnabled(True)
        present(self, error, fields=self.errors, label=self.general)


def _task_line(row) -> QLabel:
    label = QLabel(f"{row.number}　{row.applicant}　{row.item_name} → {row.handler_name}")
    label.setObjectName("taskLine")
    label.setWordWrap(True)
    label.setStyleSheet("font-weight: bold;")
    return label


class SignDialog(ServiceDialog):
    """登记签收: the 回执 shows who signed for the slip and when."""

    def __init__(self, services: Services, tasks: TaskRunner, actor, row, parent=None, *,
                 on_done=None) -> None:
        super().__init__(services, tasks, actor, parent, on_done=on_done)
        self.setObjectName("signDialog")
        self.setWindowTitle(self.tr("Record signature"))
        self.row = row
        self.signed_by = QLineEdit()
        self.signed_by.setObjectName("signedBy")
        self.signed_by.setPlaceholderText(self.tr("Name on the receipt slip"))
        self.signed_on = date_edit(services.ctx.today(), "signedOn")
        form = QFormLayout()
        form.addRow(self.tr("Signed by"), field(self.signed_by, self.errors, "signed_by"))
        form.addRow(self.tr("Signed on"), field(self.signed_on, self.errors, "signed_on"))
        layout = QVBoxLayout(self)
        layout.addWidget(_task_line(row))
        layout.addLayout(form)
        layout.addWidget(self.general)
        layout.addWidget(self.buttons)
        self.resize(460, 220)

    def submit(self) -> None:
        handling, task_id = self.services.handling, self.row.task_id
        name, on = self.signed_by.text(), cast(date, self.signed_on.date().toPython())
        self._run(lambda actor: handling.record_signed(task_id, name, on, actor))


class EscalateBox(QGroupBox):
    """报县审批: a temporary-assistance task above the township's (cumulative) ceiling goes
    to the county with a 转办单 (``HandlingService.escalate``). Hidden until a refusal
    with code ``ceiling`` shows it; shared by the 先行救助 and 回执 dialogs."""

    def __init__(self, dialog: ServiceDialog, task_id: int,
                 opener: Callable[[Path], object] | None,
                 on_escalated: Callable[[Any], object] | None) -> None:
        super().__init__()
        self.setTitle(self.tr("Report to the county for approval"))
        self.setObjectName("escalateBox")
        self.dialog, self.task_id = dialog, task_id
        self.opener, self.on_escalated = opener, on_escalated
        self.reason = QLineEdit(self.tr("The aid needed is above the township's ceiling"))
        self.reason.setObjectName("escalateReason")
        self.button = QPushButton(self.tr("Report to the county civil affairs bureau"))
        self.button.setObjectName("escalateButton")
        self.button.clicked.connect(self.escalate)
        self.error = ErrorLabel()
        box = QFormLayout(self)
        box.addRow(self.tr("Reason"), self.reason)
        box.addRow("", self.button)
        box.addRow("", self.error)
        self.setVisible(False)

    def show_if_ceiling(self, error: BaseException) -> None:
        if isinstance(error, ValidationErrors) and any(e.code == "ceiling" for e in error.errors):
            self.setVisible(True)

    def escalate(self) -> None:
        d = self.dialog
        actor = d.actor()
        if actor is None:
            return
        handling, task_id, reason = d.services.handling, self.task_id, self.reason.text()

        def failed(error: BaseException) -> None:
            present(d, error, label=self.error)

        def done(outcome) -> None:
            self.error.clear_message()
            if self.on_escalated is not None:
                self.on_escalated(outcome)
            if self.opener is not None:
                self.opener(Path(outcome.value.path))
            d.accept()

        d.tasks.run(lambda: handling.escalate(task_id, reason, actor), done, failed, owner=d)


class FeedbackDialog(ServiceDialog):
    """登记办理结果 from the paper 回执 (or the township's own decision). Above the
    township's temporary-assistance ceiling, the refusal opens 报县审批 (EscalateBox)."""


    def __init__(self, services: Services, tasks: TaskRunner, actor, row, parent=None, *,
                 on_done=None, opener: Callable[[Path], object] | None = None,
                 on_escalated: Callable[[Any], object] | None = None) -> None:
        super().__init__(services, tasks, actor, parent, on_done=on_done)
        from ...core.services import Feedback

        self.Feedback = Feedback
        self.setObjectName("feedbackDialog")
        self.setWindowTitle(self.tr("Record the result"))
        self.row = row
        today = services.ctx.today()
        self.result_box = QComboBox()
        self.result_box.setObjectName("result")
        for code, label in vocab.TASK_RESULTS:
            if code == "returned" and not row.referred:
                continue  # the township's own items are not returned to itself
            self.result_box.addItem(label, code)
        self.result_on = date_edit(today, "resultOn")
        self.result_text = QLineEdit()
        self.result_text.setObjectName("resultText")
        self.result_text.setPlaceholderText(self.tr("As written on the receipt slip; the reason "
                                                    "when refused or returned"))
        self.amount = QLineEdit()
        self.amount.setObjectName("amount")
        self.amount.setPlaceholderText(self.tr("e.g. 2400 (monthly for minimum living allowance)"))
        self.has_period = QComboBox()
        self.has_period.setObjectName("hasPeriod")
        self.has_period.addItem(self.tr("No period"), False)
        self.has_period.addItem(self.tr("From – to (months)"), True)
        self.period_from = date_edit(today.replace(day=1), "periodFrom", "yyyy-MM")
        self.period_to = date_edit(today.replace(day=1), "periodTo", "yyyy-MM")
        period = QWidget()
        period_row = QHBoxLayout(period)
        period_row.setContentsMargins(0, 0, 0, 0)
        period_row.addWidget(self.has_period)
        period_row.addWidget(self.period_from)
        period_row.addWidget(QLabel(self.tr("to")))
        period_row.addWidget(self.period_to)
        period_row.addStretch(1)
        self.has_period.currentIndexChanged.connect(self._period_toggled)
        self._period_toggled()

        form = QFormLayout()
        form.addRow(self.tr("Result"), field(self.result_box, self.errors, "result", "task"))
        form.addRow(self.tr("Feedback date"), field(self.result_on, self.errors, "result_on"))
        form.addRow(self.tr("Result / reason"), field(self.result_text, self.errors, "result_text"))
        form.addRow(self.tr("Amount (yuan)"), field(self.amount, self.errors, "amount"))
        form.addRow(self.tr("Assistance period"), field(period, self.errors, "period_from",
                                                        "period_to"))
        self.review_class = QComboBox()
        self.review_class.setObjectName("reviewClass")
        for code, label in vocab.REVIEW_CLASSES:
            self.review_class.addItem(label, code)
        self.review_class.setCurrentIndex(self.review_class.findData("B"))
        self.review_class.setToolTip(self.tr("Re-check class: A and B yearly, C more often"))
        if row.item_code == "DIBAO":
            form.addRow(self.tr("Re-check class"), field(self.review_class, self.errors,
                                                         "review_class"))
        else:
            self.review_class.setVisible(False)

        # Not signed for yet: the same 回执 carries the signature.
        self.signed_by = QLineEdit()
        self.signed_by.setObjectName("signedBy")
        self.signed_by.setPlaceholderText(self.tr("Optional"))
        self.signed_on = date_edit(today, "signedOn")
        self.sign_box = QGroupBox(self.tr("Signature on the receipt slip (not recorded yet)"))
        self.sign_box.setObjectName("signBox")
        sign_form = QFormLayout(self.sign_box)
        sign_form.addRow(self.tr("Signed by"), field(self.signed_by, self.errors, "signed_by"))
        sign_form.addRow(self.tr("Signed on"), field(self.signed_on, self.errors, "signed_on"))
        self.sign_box.setVisible(row.status == "referred")

        self.escalate_box = EscalateBox(self, row.task_id, opener, on_escalated)

        layout = QVBoxLayout(self)
        layout.addWidget(_task_line(row))
        layout.addLayout(form)
        layout.addWidget(self.sign_box)
        layout.addWidget(self.escalate_box)
        layout.addWidget(self.general)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.result_box.currentIndexChanged.connect(self._result_changed)
        self._result_changed()
        self.resize(620, 520 if row.status == "referred" else 400)

    def _period_toggled(self) -> None:
        on = bool(self.has_period.currentData())
        self.period_from.setEnabled(on)
        self.period_to.setEnabled(on)

    def _result_changed(self) -> None:
        done = self.result_box.currentData() == "done"
        self.amount.setEnabled(done)
        self.has_period.setEnabled(done)
        if done:
            self._period_toggled()
        else:
            self.period_from.setEnabled(False)
            self.period_to.setEnabled(False)

    def set_period(self, start: date, end: date) -> None:
        self.has_period.setCurrentIndex(1)
        self.period_from.setDate(QDate(cast(Any, start)))  # PySide6 takes a date (the stubs do not say)
        self.period_to.setDate(QDate(cast(Any, end)))

    def feedback(self):
        done = self.result_box.currentData() == "done"
        period = done and bool(self.has_period.currentData())
        signing = self.sign_box.isVisibleTo(self) and self.signed_by.text().strip()
        return self.Feedback(
            result=self.result_box.currentData(),
            result_on=cast(date, self.result_on.date().toPython()),
            result_text=self.result_text.text(),
            amount=self.amount.text() if done else None,
            period_from=cast(date, self.period_from.date().toPython()).replace(day=1) if period else None,
            period_to=month_end(cast(date, self.period_to.date().toPython())) if period else None,
            signed_by=self.signed_by.text() if signing else "",
            signed_on=cast(date, self.signed_on.date().toPython()) if signing else None,
            review_class=self.review_class.currentData() if self.row.item_code == "DIBAO" else "",
        )

    def submit(self) -> None:
        handling, task_id, fb = self.services.handling, self.row.task_id, self.feedback()
        self._run(lambda actor: handling.record_feedback(task_id, fb, actor))

    def _failed(self, error: BaseException) -> None:
        super()._failed(error)
        self.escalate_box.show_if_ceiling(error)


class EmergencyDialog(ServiceDialog):
    """先行救助 for a 临时救助（急难型） task: pay within the township's ceiling, or
    report to the county (报县民政局审批) above it."""

    def __init__(self, services: Services, tasks: TaskRunner, actor, row, parent=None, *,
                 opener: Callable[[Path], object] = open_file, on_done=None) -> None:
        super().__init__(services, tasks, actor, parent, on_done=on_done)
        self.setObjectName("emergencyDialog")
        self.setWindowTitle(self.tr("Emergency aid paid first"))
        self.row = row
        self.opener = opener
        handling = services.handling
        self.ceiling_fen = handling.emergency_ceiling()
        from ...core.rules.values import format_yuan

        self.ceiling = QLabel(fmt(self.tr("Township ceiling for aid paid first: %1 yuan; above it the "
                                      "county civil affairs bureau approves."), format_yuan(self.ceiling_fen)))
        self.ceiling.setObjectName("ceilingLabel")
        self.ceiling.setWordWrap(True)
        aid = handling.year_aid(row.application_id)
        if aid:
            lines = [f"{a['date']}　{a['item']}　{a['amount']} 元　{a['cause']}" for a in aid]
            total = format_yuan(sum(a["fen"] for a in aid))
            text = (fmt(self.tr("Temporary assistance this year (%1 times, %2 yuan):"), str(len(aid)),
                        total) + "\n" + "\n".join(lines))
        else:
            text = self.tr("No temporary assistance to this household this year.")
        self.year = QLabel(text)
        self.year.setObjectName("yearAid")
        self.year.setWordWrap(True)

        self.amount = QLineEdit()
        self.amount.setObjectName("amount")
        self.amount.setPlaceholderText(self.tr("Yuan, e.g. 1500"))
        self.method = QComboBox()
        self.method.setObjectName("method")
        for method in vocab.AID_METHODS:
            self.method.addItem(method, method)
        self.cause = QLineEdit()
        self.cause.setObjectName("cause")
        self.cause.setPlaceholderText(self.tr("e.g. 房屋失火，生活无着"))
        self.paid_on = date_edit(services.ctx.today(), "paidOn")
        form = QFormLayout()
        form.addRow(self.tr("Amount (yuan)"), field(self.amount, self.errors, "amount"))
        form.addRow(self.tr("Method"), field(self.method, self.errors, "method"))
        form.addRow(self.tr("Cause"), field(self.cause, self.errors, "cause"))
        form.addRow(self.tr("Paid on"), field(self.paid_on, self.errors, "paid_on"))

        self.escalate_box = EscalateBox(self, row.task_id, opener, on_done)
        self.reason = self.escalate_box.reason
        self.escalate_button = self.escalate_box.button
        self.escalate_error = self.escalate_box.error
        self.ok.setText(self.tr("Pay and print the record"))

        layout = QVBoxLayout(self)
        layout.addWidget(_task_line(row))
        layout.addWidget(self.ceiling)
        layout.addWidget(self.year)
        layout.addLayout(form)
        layout.addWidget(self.escalate_box)
        layout.addWidget(self.general)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.resize(620, 520)

    def submit(self) -> None:
        from ...core.services import EmergencyInput

        inp = EmergencyInput(self.amount.text(), self.method.currentData(), self.cause.text(),
                             cast(date, self.paid_on.date().toPython()))
        handling, app_id = self.services.handling, self.row.application_id
        self._run(lambda actor: handling.record_emergency(app_id, inp, actor))

    def _failed(self, error: BaseException) -> None:
        super()._failed(error)
        self.escalate_box.show_if_ceiling(error)

    def escalate(self) -> None:
        self.escalate_box.escalate()
