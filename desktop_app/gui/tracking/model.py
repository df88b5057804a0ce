"""The tracking screen's table: columns, roles, colours and the task model."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QWidget

from ..kit.fmt import fmt
from ..kit.labels import due_text
from ..kit.widgets import ListTableModel

log = logging.getLogger(__name__)

(COL_NUMBER, COL_APPLICANT, COL_VILLAGE, COL_ITEM, COL_DEPARTMENT, COL_STATUS, COL_STAGE,
 COL_STAGE_DUE, COL_DUE, COL_LEFT, COL_CLERK) = range(11)

RowRole = Qt.ItemDataRole.UserRole + 1
SortRole = Qt.ItemDataRole.UserRole + 2

OVERDUE_BG, OVERDUE_FG = QColor("#ffcdd2"), QColor("#b71c1c")
DUE_SOON_BG, DUE_SOON_FG = QColor("#ffe0b2"), QColor("#8a4b00")
FINAL_FG = QColor("#757575")


def waiting_status(r: Any) -> str:
    """The status of a task as shown: ``已转办``, or ``待转办 · 待低保认定`` for a task
    waiting for the household's status (issue 13), flagged when that was refused."""
    label = getattr(r, "waiting_label", "")
    if not label:
        return str(r.status_label)
    text = f"{r.status_label} · {label}"
    if getattr(r, "waiting_refused_on", None):
        text += QCoreApplication.translate("TasksModel", " (not confirmed on %1: decide)").replace(
            "%1", r.waiting_refused_on.isoformat())
    return text


def waiting_due(r: Any) -> str | None:
    """The due column of a waiting task (its time limit starts when released), else None."""
    label = getattr(r, "waiting_label", "")
    return label or None


def waiting_left(r: Any) -> str:
    """The days-left column of a waiting task: ``—``, or the flag when the awaited
    status was not confirmed."""
    if getattr(r, "waiting_refused_on", None):   # (the day: in the detail and timeline)
        return QCoreApplication.translate("TasksModel", "Not confirmed: decide")
    return "—"


class TasksModel(ListTableModel):
    """Rows of :class:`~desktop_app.core.services.handling.TaskRow`; sortable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([], parent)
        self._headers = [self.tr("Number"), self.tr("Applicant"), self.tr("Village"),
                         self.tr("Item"), self.tr("Handled by"), self.tr("Status"),
                         self.tr("Current stage"), self.tr("Stage due"),
                         self.tr("Due date"), self.tr("Working days left"), self.tr("Clerk")]
        self._sort: tuple[int, Qt.SortOrder] | None = None
        #: The day the stage due dates are compared with (the screen sets it on refresh).
        self.today: date = date.today()

    def stage_late(self, r) -> bool:
        """The current stage's due date has passed (a final task is never late)."""
        due = getattr(r, "stage_due", None)
        return r.state != "final" and due is not None and due < self.today

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        if self._sort is not None:
            self._sort_rows(*self._sort)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def left_text(self, r) -> str:
        hours = getattr(r, "first_aid_hours_left", None)
        if hours is not None:  # issue 13: the 先行救助 clock, in hours
            if hours < 0:
                return fmt(self.tr("First aid overdue by %1 hour(s)"), str(-hours))
            if hours == 0:
                return self.tr("First aid: less than 1 hour left")
            return fmt(self.tr("First aid: %1 hour(s) left"), str(hours))
        if r.state == "final":
            return "—"
        if r.state == "overdue":
            return fmt(self.tr("Overdue by %1 working day(s)"), str(-r.workdays_left))
        if r.state == "due_soon":
            return fmt(self.tr("%1 (due soon)"), str(r.workdays_left))
        return str(r.workdays_left)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        r, col = self._rows[index.row()], index.column()
        try:
            if role == RowRole:
                return r
            if role == SortRole:
                return self._key(r, col)
            if col == COL_STAGE_DUE and self.stage_late(r):
                # the stage is late even when the whole item is not: coloured like overdue
                if role == Qt.ItemDataRole.BackgroundRole:
                    return QBrush(OVERDUE_BG)
                if role == Qt.ItemDataRole.ForegroundRole:
                    return QBrush(OVERDUE_FG)
            if role == Qt.ItemDataRole.BackgroundRole:
                return QBrush({"overdue": OVERDUE_BG, "due_soon": DUE_SOON_BG}[r.state]) \
                    if r.state in ("overdue", "due_soon") else None
            if role == Qt.ItemDataRole.ForegroundRole:
                return QBrush({"overdue": OVERDUE_FG, "due_soon": DUE_SOON_FG,
                               "final": FINAL_FG}[r.state]) if r.state != "ok" else None
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return self._text(r, col)
        except Exception:
            log.exception("tasks model: row %s column %s", index.row(), col)
        return None

    def _text(self, r, col: int) -> str:
        if col == COL_NUMBER:
            return r.number
        if col == COL_APPLICANT:
            return r.applicant + (self.tr(" (emergency)") if r.urgent else "")
        if col == COL_VILLAGE:
            return r.village
        if col == COL_ITEM:
            return r.item_name
        if col == COL_DEPARTMENT:
            return r.handler_name
        if col == COL_STATUS:
            return r.status_label
        if col == COL_STAGE:
            return getattr(r, "stage_label", "") or "—"
        if col == COL_STAGE_DUE:
            due = getattr(r, "stage_due", None)
            if due is None or r.state == "final":
                return "—"
            text = due_text(due, bool(getattr(r, "stage_due_provisional", False)))
            return fmt(self.tr("%1 (overdue)"), text) if self.stage_late(r) else text
        if col == COL_DUE:   # a waiting task: 待低保认定 (its time limit starts when released)
            if getattr(r, "first_aid_due_at", None) is not None:   # the 先行救助 clock
                return fmt(self.tr("By %1"), r.first_aid_due_at.strftime("%m-%d %H:%M"))
            return waiting_due(r) or due_text(r.due_date, r.due_provisional)
        if col == COL_LEFT:
            return waiting_left(r) if waiting_due(r) else self.left_text(r)
        if col == COL_CLERK:
            return r.clerk
        return ""

    @staticmethod
    def _key(r, col: int):
        if col in (COL_DUE, COL_LEFT):
            return ((r.due_date or date.max).toordinal(), r.task_id)
        if col == COL_STAGE_DUE:
            return ((getattr(r, "stage_due", None) or date.max).toordinal(), r.task_id)
        return ({COL_NUMBER: r.number, COL_APPLICANT: r.applicant, COL_VILLAGE: r.village,
                 COL_ITEM: r.item_name, COL_DEPARTMENT: r.handler_name,
                 COL_STATUS: r.status_label, COL_CLERK: r.clerk,
                 COL_STAGE: getattr(r, "stage_label", "")}.get(col, ""), r.task_id)

    def _sort_rows(self, column: int, order: Qt.SortOrder) -> None:
        self._rows.sort(key=lambda r: self._key(r, column),
                        reverse=order == Qt.SortOrder.DescendingOrder)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sort_rows(column, order)
        self.layoutChanged.emit()
