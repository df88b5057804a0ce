"""The tables of the application detail: local times, table helpers, colours and the
handling progress model."""

from __future__ import annotations

from datetime import datetime, timezone

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QAbstractItemView, QTableView, QWidget

from ..kit.widgets import RowsModel

OVERDUE_COLOR = "#c62828"
DUE_SOON_COLOR = "#e65100"
DONE_COLOR = "#2e7d32"


def local_time(at: datetime | None) -> str:
    """Stored times are naive UTC; show them in the machine's local time."""
    if at is None:
        return ""
    return at.replace(tzinfo=timezone.utc).astimezone().strftime("%Y-%m-%d %H:%M:%S")


def _table(model: RowsModel, min_rows: int = 2) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(26)
    view.horizontalHeader().setStretchLastSection(True)
    view.setWordWrap(False)
    view.setMinimumHeight(26 * (min_rows + 1) + 6)
    return view


def _fit_height(view: QTableView, rows: int, max_rows: int = 12) -> None:
    """Tall enough for ``rows`` (up to ``max_rows``) plus a horizontal scroll bar."""
    shown = max(1, min(rows, max_rows))
    header = max(view.horizontalHeader().sizeHint().height(), 24)
    bar = view.horizontalScrollBar().sizeHint().height()
    view.setFixedHeight(header + 26 * shown + bar + 6)


def _fit_wrapped(view: QTableView) -> None:
    """Rows as tall as their wrapped text and the table as tall as its rows: the
    detail view's scroll area scrolls, the table never does."""
    view.resizeRowsToContents()
    header = max(view.horizontalHeader().sizeHint().height(), 24)
    rows = sum(view.rowHeight(r) for r in range(view.model().rowCount())) or 26
    view.setFixedHeight(header + rows + 2 * view.frameWidth() + 2)


class TaskModel(RowsModel):
    """The 办理进度 rows; overdue rows red and bold, rows due soon orange."""

    def __init__(self, headers, parent: QWidget | None = None) -> None:
        super().__init__(headers, parent=parent)
        self.states: list[str] = []
        self.statuses: list[str] = []

    def set_tasks(self, rows, states: list[str], statuses: list[str]) -> None:
        self.states, self.statuses = list(states), list(statuses)
        self.set_rows(rows)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole):
        if index.isValid() and 0 <= index.row() < len(self.states):
            state = self.states[index.row()]
            if role == Qt.ItemDataRole.ForegroundRole:
                if state == "overdue":
                    return QBrush(QColor(OVERDUE_COLOR))
                if state == "due_soon":
                    return QBrush(QColor(DUE_SOON_COLOR))
                if self.statuses[index.row()] == "done" and index.column() == 2:
                    return QBrush(QColor(DONE_COLOR))
                return None
            if role == Qt.ItemDataRole.FontRole and state == "overdue":
                font = QFont()
                font.setBold(True)
                return font
        return super().data(index, role)
