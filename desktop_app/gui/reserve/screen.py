"""备用金: the township's 临时救助备用金 ledger (issue 13).

At the top the balance and what waits for 报账 / for the county's money; below, one
month of the ledger (◀ ▶ or Ctrl+PgUp / Ctrl+PgDown) with the balance after every line;
then the actions — 拨入 / 支付 / 退回 / 报账 / 登记拨付 (dialogs, ``dialogs.py``) and
月度明细 (the printed 备用金月度收支明细: print, preview, open, save as). Who may do
what is the service's (payments: clerks; the rest: 负责人); buttons a role may not use
are disabled with the reason as a tooltip. The page refreshes on the change bus
(``changes.reserve``: a 先行救助 recorded elsewhere draws from the fund).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core.rules.values import format_yuan
from ...core.services.auth import SETTINGS
from ..kit.errors import present
from ..kit.fmt import fmt
from ..kit.print_actions import DocumentActions
from ..kit.tasks import TaskRunner
from ..kit.widgets import ErrorLabel, ListTableModel, open_file, row_table
from .dialogs import (
    BatchDialog,
    PayDialog,
    ReceiveDialog,
    RefundDialog,
    ReimburseDialog,
    SettingDialog,
)

if TYPE_CHECKING:
    from ...core.services import Services

(COL_DATE, COL_NUMBER, COL_KIND, COL_TEXT, COL_APPLICATION, COL_APPLICANT, COL_IN, COL_OUT,
 COL_BALANCE, COL_BATCH) = range(10)
IN_FG, OUT_FG = QColor("#1b5e20"), QColor("#b71c1c")


def _exec(dialog: QDialog) -> None:
    dialog.exec()
    dialog.deleteLater()


class LedgerModel(ListTableModel):
    """Rows of :class:`~desktop_app.core.services.reserve.EntryRow`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("Date"), self.tr("Number"), self.tr("Kind"), self.tr("Text"),
                         self.tr("Application"), self.tr("Applicant"), self.tr("In (yuan)"),
                         self.tr("Out (yuan)"), self.tr("Balance (yuan)"), self.tr("Batch")]

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        r = self.row_at(index.row()) if index.isValid() else None
        if r is None:
            return None
        col = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return {
                COL_DATE: r.on.isoformat(), COL_NUMBER: r.number, COL_KIND: r.kind_label,
                COL_TEXT: r.text, COL_APPLICATION: r.application_number,
                COL_APPLICANT: r.applicant,
                COL_IN: format_yuan(r.income_fen) if r.income_fen else "",
                COL_OUT: format_yuan(r.expense_fen) if r.expense_fen else "",
                COL_BALANCE: format_yuan(r.balance_fen), COL_BATCH: r.batch_number,
            }.get(col, "")
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_IN, COL_OUT, COL_BALANCE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col in (COL_IN, COL_OUT):
            return QBrush(IN_FG if col == COL_IN else OUT_FG)
        return None


class ReserveScreen(QWidget):
    """备用金: balance, one month of the ledger, the actions and the monthly statement."""

    def __init__(self, services: Services, tasks: TaskRunner, actor: Callable[[], Any], *,
                 opener: Callable[[Path], object] = open_file,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reserveScreen")
        self.services, self.tasks, self.actor, self.opener = services, tasks, actor, opener
        # How dialogs are shown; tests replace it (no modal loop).
        self.run_dialog: Callable[[QDialog], object] = _exec
        self.month = services.ctx.today().replace(day=1)
        self.last_statement = None

        self.balance = QLabel()
        self.balance.setObjectName("reserveBalance")
        self.balance.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.summary = QLabel()
        self.summary.setObjectName("reserveSummary")
        self.state = QLabel()
        self.state.setObjectName("reserveState")
        self.state.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.balance)
        top.addSpacing(24)
        top.addWidget(self.summary, 1)

        self.prev_button = QToolButton()
        self.prev_button.setObjectName("prevMonth")
        self.prev_button.setText("◀")
        self.prev_button.setToolTip(fmt(self.tr("Previous month (%1)"), "Ctrl+PgUp"))
        self.next_button = QToolButton()
        self.next_button.setObjectName("nextMonth")
        self.next_button.setText("▶")
        self.next_button.setToolTip(fmt(self.tr("Next month (%1)"), "Ctrl+PgDown"))
        for arrow in (self.prev_button, self.next_button):
            arrow.setMinimumSize(30, 26)
        self.month_label = QLabel()
        self.month_label.setObjectName("monthLabel")
        self.month_label.setStyleSheet("font-weight: bold;")
        self.month_label.setMinimumWidth(90)
        self.month_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.totals = QLabel()
        self.totals.setObjectName("monthTotals")
        self.prev_button.clicked.connect(lambda: self.shift_month(-1))
        self.next_button.clicked.connect(lambda: self.shift_month(1))
        QShortcut(QKeySequence("Ctrl+PgUp"), self, lambda: self.shift_month(-1))
        QShortcut(QKeySequence("Ctrl+PgDown"), self, lambda: self.shift_month(1))
        months = QHBoxLayout()
        months.addWidget(self.prev_button)
        months.addWidget(self.month_label)
        months.addWidget(self.next_button)
        months.addSpacing(16)
        months.addWidget(self.totals, 1)

        self.model = LedgerModel(self)
        self.view = row_table(self.model, "ledgerView", alternating=True)
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        for col, width in ((COL_DATE, 90), (COL_NUMBER, 190), (COL_KIND, 50), (COL_TEXT, 260),
                           (COL_APPLICATION, 180), (COL_APPLICANT, 80), (COL_IN, 95),
                           (COL_OUT, 95), (COL_BALANCE, 105)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(COL_BATCH, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())

        def button(text: str, name: str, slot, tip: str) -> QPushButton:
            b = QPushButton(text)
            b.setObjectName(name)
            b.setToolTip(tip)
            b.clicked.connect(slot)
            return b

        self.receive_button = button(self.tr("Money in…"), "receiveButton", self.receive,
                                     self.tr("Record money received into the fund (supervisors)"))
        self.pay_button = button(self.tr("Pay…"), "payButton", self.pay,
                                 self.tr("Pay a township temporary assistance result from the "
                                         "fund"))
        self.refund_button = button(self.tr("Given back…"), "refundButton", self.refund,
                                    self.tr("Money of the selected payment given back into the "
                                            "fund (supervisors)"))
        self.batch_button = button(self.tr("Submit for reimbursement…"), "batchButton",
                                   self.submit_batch,
                                   self.tr("Submit the payments not yet submitted to the county "
                                           "(supervisors)"))
        self.reimburse_button = button(self.tr("Reimbursed…"), "reimburseButton", self.reimburse,
                                       self.tr("The county paid a submitted batch back into the "
                                               "fund (supervisors)"))
        self.statement_button = button(self.tr("Monthly statement"), "statementButton",
                                       self.print_statement,
                                       self.tr("Print the month's statement of the fund, with "
                                               "signature lines"))
        self.setting_button = button(self.tr("Setting…"), "reserveSettingButton",
                                     self.configure,
                                     self.tr("Keep the fund or not, and whether emergency aid is "
                                             "paid from it (administrators)"))
        self.document = DocumentActions(self, opener=opener)
        self.document.setObjectName("statementActions")
        actions = QHBoxLayout()
        for b in (self.receive_button, self.pay_button, self.refund_button, self.batch_button,
                  self.reimburse_button):
            actions.addWidget(b)
        actions.addWidget(self.setting_button)
        actions.addStretch(1)
        actions.addWidget(self.statement_button)
        actions.addWidget(self.document)

        self.message = QLabel()
        self.message.setObjectName("reserveMessage")
        self.message.setWordWrap(True)
        self.error = ErrorLabel()
        self.error.setObjectName("reserveError")

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.state)
        layout.addLayout(months)
        layout.addWidget(self.view, 1)
        layout.addLayout(actions)
        layout.addWidget(self.message)
        layout.addWidget(self.error)
        tasks.bus.changed.connect(self._on_changes)
        self.refresh()

    # -- content ----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the status and the shown month (a read bounded by one month)."""
        fund = self.services.reserve
        try:
            status = fund.status(self.actor())
            ledger = fund.month(self.month)
        except Exception as exc:
            present(self, exc, label=self.error)  # never an empty ledger for a failed read
            return
        self.status = status
        self.balance.setText(fmt(self.tr("Balance: %1 yuan"), format_yuan(status.balance_fen)))
        self.summary.setText(fmt(
            self.tr("Not submitted: %1 yuan (%2 payment(s)) · submitted, awaiting the county: "
                    "%3 yuan"), format_yuan(status.unsubmitted_fen),
            str(status.unsubmitted_count), format_yuan(status.outstanding_fen)))
        if not status.enabled:
            self.state.setText(fmt(self.tr("The township does not keep the reserve fund ledger "
                                           "yet: an administrator turns it on (%1)."),
                                   "desktop-app reserve setting --enabled yes"))
        elif status.emergency_draws:
            self.state.setText(self.tr("Emergency aid paid first in cash or by transfer is drawn "
                                       "from the fund when it is recorded; a payment larger than "
                                       "the balance is refused."))
        else:
            self.state.setText(self.tr("Emergency aid is not drawn from the fund automatically; "
                                       "pay it here."))
        self.month_label.setText(fmt(self.tr("%1-%2"), str(self.month.year),
                                     f"{self.month.month:02d}"))
        self.totals.setText(fmt(
            self.tr("Carried over %1 · in %2 · given back %3 · paid %4 · balance %5 (yuan)"),
            format_yuan(ledger.opening_fen), format_yuan(ledger.receipts_fen),
            format_yuan(ledger.refunds_fen), format_yuan(ledger.payments_fen),
            format_yuan(ledger.closing_fen)))
        self.model.set_rows(ledger.rows)
        self.next_button.setEnabled(self.month < self.services.ctx.today().replace(day=1))
        self.error.clear_message()
        self._update_buttons()

    def _update_buttons(self) -> None:
        status = getattr(self, "status", None)
        on = bool(status and status.enabled)
        manage = bool(on and status and status.can_manage)
        not_allowed = self.tr("Only a supervisor or administrator records this")
        for b in (self.receive_button, self.batch_button, self.reimburse_button):
            b.setEnabled(manage)
        self.pay_button.setEnabled(bool(on and status and status.can_pay))
        actor = self.actor()
        self.setting_button.setVisible(bool(actor is not None and actor.can(SETTINGS)))
        r = self.selected()
        self.refund_button.setEnabled(manage and r is not None and r.kind == "payment")
        if on and not manage:
            for b in (self.receive_button, self.batch_button, self.reimburse_button,
                      self.refund_button):
                b.setToolTip(not_allowed)

    def selected(self):
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def shift_month(self, step: int) -> None:
        first = self.month
        moved = (first + timedelta(days=32)).replace(day=1) if step > 0 else \
            (first - timedelta(days=1)).replace(day=1)
        if moved > self.services.ctx.today().replace(day=1):
            return
        self.month = moved
        self.refresh()

    def show_month(self, month: date) -> None:
        self.month = month.replace(day=1)
        self.refresh()

    # -- actions ----------------------------------------------------------------------------
    def _dialog(self, dialog: QDialog) -> QDialog:
        self.run_dialog(dialog)
        return dialog

    def _recorded(self, result) -> None:
        entry = result.entry
        self.message.setText(fmt(self.tr("%1 %2: %3 yuan; balance %4 yuan."), entry.kind_label,
                                 entry.number, format_yuan(entry.amount_fen),
                                 format_yuan(result.balance_fen)))
        self.show_month(entry.on)

    def receive(self) -> QDialog:
        return self._dialog(ReceiveDialog(self.services, self.tasks, self.actor, self,
                                          on_done=self._recorded))

    def pay(self) -> QDialog:
        return self._dialog(PayDialog(self.services, self.tasks, self.actor, self,
                                      on_done=self._recorded))

    def refund(self) -> QDialog | None:
        r = self.selected()
        if r is None or r.kind != "payment":
            return None
        return self._dialog(RefundDialog(self.services, self.tasks, self.actor, r, self,
                                         on_done=self._recorded))

    def submit_batch(self) -> QDialog:
        def done(outcome) -> None:
            b = outcome.value
            self.message.setText(fmt(self.tr("Batch %1 submitted: %2 payment(s), %3 yuan."),
                                     b.number, str(b.count), format_yuan(b.total_fen)))
            self.refresh()
            if b.path is not None:  # the printed 报账单
                self.document.set_document(b.path, b.number, record=self._recorder(b.list_id))
                self.opener(Path(b.path))
        return self._dialog(BatchDialog(self.services, self.tasks, self.actor, self,
                                        on_done=done))

    def reimburse(self) -> QDialog:
        return self._dialog(ReimburseDialog(self.services, self.tasks, self.actor, self,
                                            on_done=self._recorded))

    def configure(self) -> QDialog:
        def done(_changes) -> None:
            self.message.setText(self.tr("Reserve fund setting saved."))
            self.refresh()
        return self._dialog(SettingDialog(self.services, self.tasks, self.actor, self,
                                          on_done=done))

    def _recorder(self, list_id: int | None):
        """Counts a print of the list document ``list_id`` (issue 14)."""
        from ..kit.print_actions import print_recorder

        return print_recorder(self.services, self.tasks, self.actor, owner=self,
                              lists=[list_id] if list_id is not None else [])

    def print_statement(self) -> None:
        actor = self.actor()
        if actor is None:
            self.error.show_messages([self.tr("Log in first.")])
            return
        fund, month = self.services.reserve, self.month

        def done(outcome) -> None:
            info = outcome.value
            self.last_statement = info
            self.document.set_document(info.path, info.number, record=self._recorder(info.id))
            self.message.setText(fmt(self.tr("Monthly statement %1 printed: %2 line(s)."),
                                     info.number, str(info.count)))
            self.error.clear_message()
            self.opener(Path(info.path))

        self.tasks.run(lambda: fund.monthly_statement(month, actor), done,
                       lambda e: present(self, e, label=self.error), owner=self)

    def _on_changes(self, changes, origin) -> None:
        if origin is not self and (getattr(changes, "reserve", False) or changes.settings
                                   or changes.everything):
            self.refresh()


__all__ = ["LedgerModel", "ReserveScreen"]
