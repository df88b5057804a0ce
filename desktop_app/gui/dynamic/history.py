"""动态管理 in the application's detail window: 复核… and 变更申报… for each benefit in
force (低保, 特困, 低保边缘, 刚性支出) and the 历次复核 list — every re-check and change
report with its outcome, and the household facts it recorded, readable as they were
(``services.rechecks.snapshot``)."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ...core import vocab
from ..kit.errors import present
from ..kit.fmt import fmt
from ..kit.tasks import TaskRunner
from ..kit.widgets import ErrorLabel, FieldErrors, RowsModel, open_file, row_table, yuan
from .household import HouseholdEditor
from .worksheet import WorksheetDialog, kind_label, outcome_label

if TYPE_CHECKING:
    from ...core.services import Services

log = logging.getLogger(__name__)

# The benefits that are re-checked (the re-check's ``item_id`` is their task).
BENEFIT_ITEMS = ("DIBAO", "TEKUN", "DIBAO_EDGE", "RIGID")


def _exec_dialog(dialog: QDialog) -> None:
    dialog.exec()


def _month_text(value: Any) -> str:
    if not value:
        return "—"
    return value.strftime("%Y-%m") if hasattr(value, "strftime") else str(value)


class SnapshotDialog(QDialog):
    """The household facts one re-check recorded, read-only."""

    def __init__(self, services: Services, draft: Any, heading: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("snapshotDialog")
        self.setWindowTitle(heading)
        errors = FieldErrors(ErrorLabel())
        villages = [(v.name, v.id) for v in services.setup.villages()]
        self.editor = HouseholdEditor(errors, services.ctx.today, villages)
        self.editor.load(draft)
        self.editor.set_read_only(True)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.editor)
        title = QLabel(heading)
        title.setObjectName("snapshotHeading")
        title.setStyleSheet("font-weight: bold;")
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(scroll, 1)
        layout.addLayout(row)
        self.resize(820, 640)


class ReviewsBox(QGroupBox):
    """复核 / 变更申报 of the application's benefits in force and their history."""

    def __init__(self, services: Services, tasks: TaskRunner, actor: Callable[[], Any], *,
                 opener: Callable[[Path], object] = open_file,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewsBox")
        self.setTitle(self.tr("Re-checks and change reports"))
        self.services = services
        self.tasks = tasks
        self.actor = actor
        self.opener = opener
        # How the worksheet and a snapshot are shown; tests replace it (no modal loop).
        self.run_dialog: Callable[[QDialog], object] = _exec_dialog
        self.benefits: list[Any] = []
        self.history_rows: list[Any] = []
        self.benefit = QComboBox()
        self.benefit.setObjectName("reviewBenefit")
        self.benefit.currentIndexChanged.connect(self.refresh_history)
        self.recheck_button = QPushButton(self.tr("Re-check…"))
        self.recheck_button.setObjectName("detailRecheck")
        self.recheck_button.setToolTip(self.tr("Re-check the household with the standards in "
                                               "force (复核核查表)"))
        self.recheck_button.clicked.connect(lambda: self.open_worksheet("recheck"))
        self.change_button = QPushButton(self.tr("Change report…"))
        self.change_button.setObjectName("detailChange")
        self.change_button.setToolTip(self.tr("Record a change of members, income, property or "
                                              "residence and decide again"))
        self.change_button.clicked.connect(lambda: self.open_worksheet("change"))
        self.model = RowsModel([self.tr("Date"), self.tr("Kind"), self.tr("Outcome"),
                                self.tr("Amount a month"), self.tr("From"), self.tr("Class"),
                                self.tr("Facts no."), self.tr("Next re-check")], parent=self)
        self.view = row_table(self.model, "reviewHistoryView")
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.view.setMaximumHeight(170)
        self.view.activated.connect(lambda index: self.show_snapshot(index.row()))
        self.snapshot_button = QPushButton(self.tr("Household facts then…"))
        self.snapshot_button.setObjectName("showSnapshot")
        self.snapshot_button.setToolTip(self.tr("The household as this re-check recorded it"))
        self.snapshot_button.clicked.connect(lambda: self.show_snapshot())
        self.empty = QLabel(self.tr("No re-check or change report yet."))
        self.empty.setObjectName("reviewHistoryEmpty")
        self.empty.setStyleSheet("color: #757575;")
        self.error = ErrorLabel()
        top = QHBoxLayout()
        top.addWidget(self.benefit)
        top.addWidget(self.recheck_button)
        top.addWidget(self.change_button)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.empty)
        bottom.addStretch(1)
        bottom.addWidget(self.snapshot_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view)
        layout.addLayout(bottom)
        layout.addWidget(self.error)
        self.setVisible(False)

    def set_tasks(self, task_rows: list[Any]) -> None:
        """The application's tasks: the benefits granted (a final 办结 of a re-checked
        item) get the actions; the box hides when there is none."""
        self.benefits = [t for t in task_rows if t.item_code in BENEFIT_ITEMS
                         and t.status == vocab.TaskStatus.DONE]
        current = self.benefit.currentData()
        self.benefit.blockSignals(True)
        self.benefit.clear()
        for t in self.benefits:
            self.benefit.addItem(t.item_name, t.task_id)
        self.benefit.setCurrentIndex(max(self.benefit.findData(current), 0))
        self.benefit.blockSignals(False)
        self.benefit.setVisible(len(self.benefits) > 1)
        self.setVisible(bool(self.benefits))
        self.refresh_history()

    def item_id(self) -> int | None:
        data = self.benefit.currentData()
        return int(data) if data is not None else None

    def refresh_history(self) -> None:
        item_id = self.item_id()
        rows: list[Any] = []
        if item_id is not None:
            try:
                rows = list(self.services.rechecks.history(item_id))
            except Exception as exc:
                present(self, exc, label=self.error)
        classes = dict(vocab.REVIEW_CLASSES)
        self.history_rows = rows
        self.model.set_rows([
            (r.on.isoformat(), kind_label(r.kind), outcome_label(r.outcome),
             yuan(r.amount_fen, fen=True) if r.amount_fen is not None else "—",
             _month_text(r.effective_month), classes.get(r.review_class, r.review_class or "—"),
             str(r.snapshot_no), r.next_review_on.isoformat() if r.next_review_on else "—")
            for r in rows])
        self.view.setVisible(bool(rows))
        self.snapshot_button.setVisible(bool(rows))
        self.empty.setVisible(not rows)

    def open_worksheet(self, kind: str) -> WorksheetDialog | None:
        item_id = self.item_id()
        if item_id is None:
            return None
        try:
            dialog = WorksheetDialog(self.services, self.tasks, self.actor, item_id, kind=kind,
                                     opener=self.opener, parent=self)
        except Exception as exc:
            present(self, exc, label=self.error)
            return None
        dialog.recorded.connect(lambda _result: self.refresh_history())
        self.run_dialog(dialog)
        return dialog

    def show_snapshot(self, row: int | None = None) -> SnapshotDialog | None:
        if row is None:
            index = self.view.currentIndex()
            row = index.row() if index.isValid() else len(self.history_rows) - 1
        if not 0 <= row < len(self.history_rows):
            return None
        r = self.history_rows[row]
        try:
            draft = self.services.rechecks.snapshot(r.id)
        except Exception as exc:
            present(self, exc, label=self.error)
            return None
        heading = fmt(self.tr("Household facts no. %1, recorded by the %2 of %3"),
                      str(r.snapshot_no), kind_label(r.kind), r.on.isoformat())
        dialog = SnapshotDialog(self.services, draft, heading, self)
        self.run_dialog(dialog)
        return dialog


__all__ = ["BENEFIT_ITEMS", "ReviewsBox", "SnapshotDialog"]
