"""动态管理, the 复核 tab: the households whose re-check is due (低保, 特困, and the
validity of 低保边缘 and 刚性支出), each opening its 复核核查表 or a 变更申报; and the
渐退 periods ending in a chosen month, printed as a list.

Both lists are bounded reads (``services.rechecks.due`` / ``tapers_ending``) on the GUI
thread; the worksheet records on the write lane; the list document is rendered on the
write lane and printed or previewed through gui/kit/print_actions.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...core import vocab
from ..kit.errors import present
from ..kit.fmt import fmt
from ..kit.print_actions import DocumentActions, print_recorder
from ..kit.tasks import TaskRunner
from ..kit.widgets import ErrorLabel, RowsModel, open_file, row_table, yuan
from .worksheet import WorksheetDialog

if TYPE_CHECKING:
    from ...core.services import Services

log = logging.getLogger(__name__)


def _exec_dialog(dialog: QDialog) -> None:
    dialog.exec()


def _first_of_month(day: date) -> date:
    return day.replace(day=1)


class RechecksTab(QWidget):
    """复核 of the 动态管理 screen. ``openApplication(id)`` asks for the detail window."""

    openApplication = Signal(int)

    def __init__(self, services: Services, tasks: TaskRunner, current_actor: Callable[[], Any],
                 *, opener: Callable[[Path], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rechecksTab")
        self.services = services
        self.tasks = tasks
        self.actor = current_actor
        self.opener = opener or open_file
        # How the worksheet is shown; tests replace it (no modal loop).
        self.run_dialog: Callable[[QDialog], object] = _exec_dialog
        self.due_rows: list[Any] = []
        self.taper_rows: list[Any] = []
        self._taper_doc_month: date | None = None
        self.error = ErrorLabel()
        self.error.setObjectName("rechecksError")
        layout = QVBoxLayout(self)
        layout.addWidget(self._due_box(), 3)
        layout.addWidget(self._taper_box(), 2)
        layout.addWidget(self.error)
        tasks.bus.changed.connect(self._on_changes)
        self.refresh()

    # -- layout ------------------------------------------------------------------------------
    def _due_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Re-checks due"))
        box.setObjectName("dueBox")
        self.within = QSpinBox()
        self.within.setObjectName("dueWithin")
        self.within.setRange(0, 400)
        self.within.setValue(30)
        self.within.setSuffix(self.tr(" days"))
        self.within.valueChanged.connect(self.refresh_due)
        self.due_model = RowsModel([
            self.tr("Number"), self.tr("Applicant"), self.tr("Village"), self.tr("Item"),
            self.tr("Class"), self.tr("Status"), self.tr("Due"), self.tr("Days left")],
            parent=self)
        self.due_view = row_table(self.due_model, "dueView")
        header = self.due_view.horizontalHeader()
        for col, width in ((0, 190), (1, 90), (2, 100), (3, 170), (4, 50), (5, 150), (6, 100)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(7, QHeaderView.ResizeMode.Stretch)
        self.due_view.activated.connect(lambda index: self.open_worksheet("recheck", index.row()))
        self.recheck_button = QPushButton(self.tr("&Re-check…"))
        self.recheck_button.setObjectName("recheckButton")
        self.recheck_button.setToolTip(self.tr("Fill in the re-check worksheet with the household "
                                               "as it is now"))
        self.recheck_button.clicked.connect(lambda: self.open_worksheet("recheck"))
        self.change_button = QPushButton(self.tr("&Change report…"))
        self.change_button.setObjectName("changeButton")
        self.change_button.setToolTip(self.tr("The household reports a change of members, "
                                              "income, property or residence"))
        self.change_button.clicked.connect(lambda: self.open_worksheet("change"))
        self.open_button = QPushButton(self.tr("Open application"))
        self.open_button.setObjectName("openDueApplication")
        self.open_button.clicked.connect(self._open_due)
        self.due_count = QLabel()
        self.due_count.setObjectName("dueCount")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Households whose re-check is due within")))
        top.addWidget(self.within)
        hint = QLabel(self.tr("(subsistence and extreme poverty by class; subsistence-edge and "
                              "essential-spending households when their validity ends)"))
        hint.setStyleSheet("color: #757575;")
        top.addWidget(hint, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.recheck_button)
        bottom.addWidget(self.change_button)
        bottom.addWidget(self.open_button)
        bottom.addStretch(1)
        bottom.addWidget(self.due_count)
        column = QVBoxLayout(box)
        column.addLayout(top)
        column.addWidget(self.due_view, 1)
        column.addLayout(bottom)
        return box

    def _taper_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Taper periods ending"))
        box.setObjectName("taperBox")
        today = self.services.ctx.today()
        self.month = QDateEdit(QDate(today.year, today.month, 1))
        self.month.setObjectName("taperMonth")
        self.month.setDisplayFormat("yyyy-MM")
        self.month.setCalendarPopup(True)
        self.month.dateChanged.connect(self.refresh_tapers)
        self.taper_model = RowsModel([
            self.tr("Number"), self.tr("Applicant"), self.tr("Village"), self.tr("Item"),
            self.tr("Taper from"), self.tr("Ends on"), self.tr("Amount a month")], parent=self)
        self.taper_view = row_table(self.taper_model, "taperView")
        header = self.taper_view.horizontalHeader()
        for col, width in ((0, 190), (1, 90), (2, 100), (3, 190), (4, 100), (5, 100)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.taper_view.activated.connect(lambda index: self._open_taper(index.row()))
        self.taper_doc = DocumentActions(self, opener=self.opener)
        self.taper_doc.setVisible(False)     # its print / preview, behind the buttons below
        self.print_taper_button = QPushButton(self.tr("&Print list…"))
        self.print_taper_button.setObjectName("printTaperList")
        self.print_taper_button.clicked.connect(lambda: self.issue_taper_list("print"))
        self.preview_taper_button = QPushButton(self.tr("Preview list"))
        self.preview_taper_button.setObjectName("previewTaperList")
        self.preview_taper_button.clicked.connect(lambda: self.issue_taper_list("preview"))
        self.taper_count = QLabel()
        self.taper_count.setObjectName("taperCount")
        self.taper_sent = QLabel()
        self.taper_sent.setObjectName("taperSent")
        self.taper_sent.setStyleSheet("color: #2e7d32;")
        self.taper_doc.sent.connect(self._taper_sent)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Taper periods ending in")))
        top.addWidget(self.month)
        top.addStretch(1)
        top.addWidget(self.taper_count)
        bottom = QHBoxLayout()
        bottom.addWidget(self.print_taper_button)
        bottom.addWidget(self.preview_taper_button)
        bottom.addWidget(self.taper_sent, 1)
        column = QVBoxLayout(box)
        column.addLayout(top)
        column.addWidget(self.taper_view, 1)
        column.addLayout(bottom)
        column.addWidget(self.taper_doc)
        return box

    # -- content -------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.refresh_due()
        self.refresh_tapers()

    def refresh_due(self) -> None:
        try:
            rows = self.services.rechecks.due(within_days=self.within.value())
        except Exception as exc:
            rows = []
            present(self, exc, label=self.error)   # never an empty list that looks like "none due"
        else:
            self.error.clear_message()
        classes = dict(vocab.REVIEW_CLASSES)
        self.due_rows = list(rows)
        self.due_model.set_rows([
            (r.number, r.applicant, r.village, r.item_name,
             classes.get(r.review_class, r.review_class or "—"), self._status(r),
             r.next_review_on.isoformat(),
             fmt(self.tr("%1 day(s) late"), str(-r.days_left)) if r.days_left < 0
             else str(r.days_left)) for r in self.due_rows])
        self.due_count.setText(fmt(self.tr("%1 household(s)"), str(len(self.due_rows))))
        for button in (self.recheck_button, self.change_button, self.open_button):
            button.setEnabled(bool(self.due_rows))

    def _status(self, row: Any) -> str:
        if row.status == "taper" and row.taper_ends_on is not None:
            return fmt(self.tr("tapering off until %1"), row.taper_ends_on.isoformat())
        return self.tr("receiving")

    def month_shown(self) -> date:
        return _first_of_month(cast(date, self.month.date().toPython()))

    def refresh_tapers(self) -> None:
        month = self.month_shown()
        if month != self._taper_doc_month:
            self.taper_doc.set_document(None)
            self.taper_sent.setText("")
        try:
            rows = self.services.rechecks.tapers_ending(month)
        except Exception as exc:
            rows = []
            present(self, exc, label=self.error)
        self.taper_rows = list(rows)
        self.taper_model.set_rows([
            (r.number, r.applicant, r.village, r.item_name,
             r.effective_month.isoformat(),
             r.taper_ends_on.isoformat(),
             yuan(r.amount_fen, fen=True) if r.amount_fen is not None else "—")
            for r in self.taper_rows])
        self.taper_count.setText(fmt(self.tr("%1 household(s)"), str(len(self.taper_rows))))
        for button in (self.print_taper_button, self.preview_taper_button):
            button.setEnabled(bool(self.taper_rows))

    def _on_changes(self, changes: Any, _origin: Any) -> None:
        if getattr(changes, "everything", False) or getattr(changes, "applications", None) \
                or getattr(changes, "reviews", None):
            self.refresh()

    # -- actions -------------------------------------------------------------------------------
    def selected_due(self, row: int | None = None) -> Any:
        if row is None:
            index = self.due_view.currentIndex()
            row = index.row() if index.isValid() else 0
        if not 0 <= row < len(self.due_rows):
            return None
        return self.due_rows[row]

    def open_worksheet(self, kind: str, row: int | None = None) -> WorksheetDialog | None:
        r = self.selected_due(row)
        if r is None:
            return None
        try:
            dialog = WorksheetDialog(self.services, self.tasks, self.actor, r.task_id,
                                     kind=kind, opener=self.opener, parent=self)
        except Exception as exc:
            present(self, exc, label=self.error)
            return None
        dialog.recorded.connect(lambda _result: self.refresh())
        self.run_dialog(dialog)
        return dialog

    def _open_due(self) -> None:
        r = self.selected_due()
        if r is not None:
            self.openApplication.emit(r.application_id)

    def _open_taper(self, row: int) -> None:
        if 0 <= row < len(self.taper_rows):
            self.openApplication.emit(self.taper_rows[row].application_id)

    def issue_taper_list(self, then: str) -> None:
        """The month's list as a document (rendered once per month shown), then printed
        (``then="print"``) or previewed."""
        month = self.month_shown()
        if self.taper_doc.path is not None and self._taper_doc_month == month:
            self._taper_then(then)
            return
        actor = self.actor()
        if actor is None:
            self.error.show_messages([self.tr("Log in first.")])
            return
        rechecks = self.services.rechecks
        self.tasks.run(lambda: rechecks.print_taper_list(month, actor),
                       lambda outcome: self._taper_issued(month, outcome, then),
                       lambda exc: present(self, exc, label=self.error), owner=self)

    def _taper_issued(self, month: date, outcome: Any, then: str) -> None:
        doc = getattr(outcome, "value", outcome)
        self._taper_doc_month = month
        self.error.clear_message()
        self.taper_doc.set_document(doc.path, doc.number, record=print_recorder(
            self.services, self.tasks, self.actor, owner=self, documents=[doc.id]))
        self._taper_then(then)

    def _taper_then(self, then: str) -> None:
        if then == "print":
            self.taper_doc.print_document()
        else:
            self.taper_doc.preview()

    def _taper_sent(self, report: Any) -> None:
        from ..kit.print_actions import sent_text

        self.taper_sent.setText(sent_text(report, self.tr("Taper periods ending"),
                                          self.taper_doc.title))


__all__ = ["RechecksTab"]
