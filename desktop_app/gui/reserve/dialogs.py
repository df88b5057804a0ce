"""Dialogs of the 备用金 page: 拨入 (money in), 支付 (pay a township 临时救助 result),
退回 (money of a payment given back), 报账 (submit the payments to the county) and
登记拨付 (the county's reimbursement of a batch).

Each is a :class:`~desktop_app.gui.tracking.dialogs.ServiceDialog`: keyboard first
(the first field has the focus, Enter saves, Esc cancels), the service's Chinese
refusal next to its field (an overdraw at the amount, with the figures), the write on
the task runner's write lane; the runner publishes the changes on the bus.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...core.rules.values import format_yuan
from ..kit.fmt import fmt
from ..kit.tasks import TaskRunner
from ..tracking.dialogs import ServiceDialog, date_edit, field

if TYPE_CHECKING:
    from ...core.services import Services


def _amount(name: str, placeholder: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setMaximumWidth(200)
    return edit


class _ReserveDialog(ServiceDialog):
    """A 备用金 form: fields, the general error line, 保存 / 取消."""

    def __init__(self, services: Services, tasks: TaskRunner, actor, parent: QWidget | None,
                 *, name: str, title: str, on_done=None) -> None:
        super().__init__(services, tasks, actor, parent, on_done=on_done)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.head = QLabel()
        self.head.setObjectName("reserveDialogHead")
        self.head.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.head)
        layout.addLayout(self.form)
        layout.addWidget(self.general)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.ok.setDefault(True)
        self.resize(520, 300)

    # The field that has the focus when the dialog opens.
    first_field: QWidget | None = None

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self.first_field is not None:
            self.first_field.setFocus()

    def day(self, edit) -> date:
        return cast(date, edit.date().toPython())


class ReceiveDialog(_ReserveDialog):
    """拨入: how much came in, when, from whom / what for."""

    def __init__(self, services: Services, tasks: TaskRunner, actor, parent=None, *,
                 on_done=None) -> None:
        super().__init__(services, tasks, actor, parent, name="receiveDialog",
                         title=self.tr("Money received into the reserve fund"), on_done=on_done)
        self.head.setText(fmt(self.tr("Balance now: %1 yuan."),
                              format_yuan(services.reserve.balance())))
        self.amount = _amount("amount", self.tr("Yuan, e.g. 20000"))
        self.on = date_edit(services.ctx.today(), "receivedOn")
        self.text = QLineEdit()
        self.text.setObjectName("receivedText")
        self.text.setPlaceholderText(self.tr("e.g. 县民政局拨付第四季度备用金"))
        self.form.addRow(self.tr("Amount (yuan)"), field(self.amount, self.errors, "amount"))
        self.form.addRow(self.tr("Received on"), field(self.on, self.errors, "on"))
        self.form.addRow(self.tr("From whom / what for"), field(self.text, self.errors, "text",
                                                                 "reserve"))
        self.first_field = self.amount

    def submit(self) -> None:
        fund, amount, text, on = (self.services.reserve, self.amount.text(), self.text.text(),
                                  self.day(self.on))
        self._run(lambda actor: fund.receive(amount, on, text, actor))


class PayDialog(_ReserveDialog):
    """支付: a township 临时救助 result not yet (fully) paid, paid from the fund."""

    def __init__(self, services: Services, tasks: TaskRunner, actor, parent=None, *,
                 on_done=None) -> None:
        super().__init__(services, tasks, actor, parent, name="payDialog",
                         title=self.tr("Pay temporary assistance from the reserve fund"),
                         on_done=on_done)
        self.head.setText(fmt(self.tr("Balance now: %1 yuan. Emergency aid paid first in cash "
                                      "or by transfer is drawn when it is recorded."),
                              format_yuan(services.reserve.balance())))
        self.task = QComboBox()
        self.task.setObjectName("payTask")
        for p in services.reserve.payable_tasks():
            self.task.addItem(fmt(self.tr("%1 %2 %3 — %4 yuan unpaid"), p["application_number"],
                                  p["applicant"], p["item"], format_yuan(p["rest_fen"])), p)
        self.amount = _amount("amount", self.tr("Default: all that is unpaid"))
        self.on = date_edit(services.ctx.today(), "paidOn")
        self.form.addRow(self.tr("Item"), field(self.task, self.errors, "source", "reserve"))
        self.form.addRow(self.tr("Amount (yuan)"), field(self.amount, self.errors, "amount"))
        self.form.addRow(self.tr("Paid on"), field(self.on, self.errors, "on"))
        self.task.currentIndexChanged.connect(self._task_changed)
        self._task_changed()
        if not self.task.count():
            self.general.show_messages([self.tr("No temporary assistance result waits to be paid.")])
            self.ok.setEnabled(False)
        self.first_field = self.task

    def _task_changed(self) -> None:
        p = self.task.currentData()
        self.amount.setText(format_yuan(p["rest_fen"], grouping=False) if p else "")

    def submit(self) -> None:
        p: dict[str, Any] | None = self.task.currentData()
        if p is None:
            return
        fund, amount, on, task_id = (self.services.reserve, self.amount.text(),
                                     self.day(self.on), p["task_id"])
        self._run(lambda actor: fund.pay(task_id=task_id, amount=amount, on=on, by=actor))


class RefundDialog(_ReserveDialog):
    """退回: money of the selected payment given back into the fund."""

    def __init__(self, services: Services, tasks: TaskRunner, actor, payment, parent=None, *,
                 on_done=None) -> None:
        super().__init__(services, tasks, actor, parent, name="refundDialog",
                         title=self.tr("Money given back into the reserve fund"),
                         on_done=on_done)
        self.payment = payment
        self.head.setText(fmt(self.tr("Payment %1 of %2: %3 yuan, %4 %5"), payment.number,
                              payment.on.isoformat(), format_yuan(payment.amount_fen),
                              payment.applicant, payment.text))
        self.amount = _amount("amount", self.tr("Yuan"))
        self.amount.setText(format_yuan(payment.amount_fen, grouping=False))
        self.on = date_edit(services.ctx.today(), "refundOn")
        self.text = QLineEdit()
        self.text.setObjectName("refundText")
        self.text.setPlaceholderText(self.tr("e.g. 多付部分退回"))
        self.form.addRow(self.tr("Amount (yuan)"), field(self.amount, self.errors, "amount"))
        self.form.addRow(self.tr("Given back on"), field(self.on, self.errors, "on"))
        self.form.addRow(self.tr("Reason"), field(self.text, self.errors, "text", "payment",
                                                  "reserve"))
        self.amount.selectAll()
        self.first_field = self.amount

    def submit(self) -> None:
        fund, pid = self.services.reserve, self.payment.id
        amount, on, text = self.amount.text(), self.day(self.on), self.text.text()
        self._run(lambda actor: fund.refund(pid, amount, on, text, actor))


class BatchDialog(_ReserveDialog):
    """报账: the payments not yet submitted, up to a day, in one batch to the county."""

    def __init__(self, services: Services, tasks: TaskRunner, actor, parent=None, *,
                 on_done=None) -> None:
        super().__init__(services, tasks, actor, parent, name="batchDialog",
                         title=self.tr("Submit payments to the county (reimbursement)"),
                         on_done=on_done)
        status = services.reserve.status()
        self.head.setText(fmt(self.tr("Not submitted yet: %1 payment(s), %2 yuan net of money "
                                      "given back."), str(status.unsubmitted_count),
                              format_yuan(status.unsubmitted_fen)))
        self.up_to = date_edit(services.ctx.today(), "batchUpTo")
        self.text = QLineEdit()
        self.text.setObjectName("batchText")
        self.text.setPlaceholderText(self.tr("Optional, e.g. 11月报账"))
        self.form.addRow(self.tr("Payments up to"), field(self.up_to, self.errors, "up_to",
                                                          "reserve"))
        self.form.addRow(self.tr("Note"), field(self.text, self.errors, "text"))
        self.ok.setText(self.tr("Submit"))
        self.first_field = self.up_to

    def submit(self) -> None:
        fund, up_to, text = self.services.reserve, self.day(self.up_to), self.text.text()
        self._run(lambda actor: fund.submit_batch(up_to, text, actor))


class ReimburseDialog(_ReserveDialog):
    """登记拨付: the county reimbursed a batch; the money comes back into the fund."""

    def __init__(self, services: Services, tasks: TaskRunner, actor, parent=None, *,
                 on_done=None) -> None:
        super().__init__(services, tasks, actor, parent, name="reimburseDialog",
                         title=self.tr("The county reimbursed a batch"), on_done=on_done)
        self.batch = QComboBox()
        self.batch.setObjectName("reimburseBatch")
        for b in services.reserve.batches():
            if b.reimbursed_on is None:
                self.batch.addItem(fmt(self.tr("%1 of %2: %3 yuan, %4 payment(s)"), b.number,
                                       b.submitted_on.isoformat(), format_yuan(b.total_fen),
                                       str(b.count)), b)
        self.amount = _amount("amount", self.tr("Yuan"))
        self.on = date_edit(services.ctx.today(), "reimbursedOn")
        self.form.addRow(self.tr("Batch"), field(self.batch, self.errors, "batch", "reserve"))
        self.form.addRow(self.tr("Amount (yuan)"), field(self.amount, self.errors, "amount"))
        self.form.addRow(self.tr("Received on"), field(self.on, self.errors, "on"))
        self.batch.currentIndexChanged.connect(self._batch_changed)
        self._batch_changed()
        if not self.batch.count():
            self.general.show_messages([self.tr("No submitted batch waits for its money.")])
            self.ok.setEnabled(False)
        self.first_field = self.batch

    def _batch_changed(self) -> None:
        b = self.batch.currentData()
        self.amount.setText(format_yuan(b.total_fen, grouping=False) if b else "")

    def submit(self) -> None:
        b = self.batch.currentData()
        if b is None:
            return
        fund, amount, on = self.services.reserve, self.amount.text(), self.day(self.on)
        self._run(lambda actor: fund.mark_reimbursed(b.id, amount, on, actor))


class SettingDialog(_ReserveDialog):
    """备用金设置 (administrators): keep the ledger or not, and whether 先行救助 in cash or
    by transfer is drawn from it, from a day on (an entry of the dated setting
    ``reserve_fund``)."""

    def __init__(self, services: Services, tasks: TaskRunner, actor, parent=None, *,
                 on_done=None) -> None:
        super().__init__(services, tasks, actor, parent, name="reserveSettingDialog",
                         title=self.tr("Reserve fund setting"), on_done=on_done)
        status = services.reserve.status()
        self.head.setText(self.tr("From the day below, the township keeps the reserve fund "
                                  "ledger; earlier days keep their setting."))
        self.enabled = QCheckBox(self.tr("Keep the temporary assistance reserve fund ledger"))
        self.enabled.setObjectName("reserveEnabled")
        self.enabled.setChecked(True)
        self.draws = QCheckBox(self.tr("Emergency aid paid in cash or by transfer is paid from "
                                       "the fund"))
        self.draws.setObjectName("reserveDraws")
        self.draws.setChecked(status.emergency_draws)
        self.from_day = date_edit(services.ctx.today(), "reserveFrom")
        self.form.addRow("", field(self.enabled, self.errors, "reserve_fund"))
        self.form.addRow("", self.draws)
        self.form.addRow(self.tr("In force from"), field(self.from_day, self.errors, "from_day"))
        self.first_field = self.enabled

    def submit(self) -> None:
        fund, on, draws, day = (self.services.reserve, self.enabled.isChecked(),
                                self.draws.isChecked(), self.day(self.from_day))
        self._run(lambda actor: fund.configure(on, draws, day, actor))
