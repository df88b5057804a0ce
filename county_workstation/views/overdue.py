"""超期转办: referred tasks past their due date, by department × township, drilled down.

* **Table**: a row per department, a column per township, 合计 last (counts of tasks
  referred to a department, not fed back, whose due date lies before the day chosen —
  ``county_receiver.views.overdue``). Counts in red.
* **Drill-down**: a click (or Enter) on a cell lists the tasks it counts
  (``overdue_list``): township, application number, item, department, referred on, due,
  days overdue — the longest overdue first. 合计 cells list a whole row / column.
* **Scope**: a department's own login sees only its department (the filter is fixed);
  an officer or administrator may narrow to one department or township.

Both queries run on the read lane.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.kit.fmt import fmt
from desktop_app.gui.kit.tasks import TaskRunner
from desktop_app.gui.kit.widgets import ListTableModel, row_table

from . import data
from .common import ViewTab, date_edit, date_of, day_text
from .matrix import CountMatrixModel

COLUMNS = ("township", "number", "item", "department", "referred_on", "due_date", "days")


class OverdueListModel(ListTableModel):
    """The drill-down: one overdue task a row (``data.OverdueTask``)."""

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        name = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole and name == "days":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return {
            "township": row.township_label, "number": row.application_number or "—",
            "item": row.item_label, "department": row.department_label,
            "referred_on": day_text(row.referred_on), "due_date": day_text(row.due_date),
            "days": str(row.days_overdue),
        }[name]


class OverdueTab(ViewTab):
    """超期转办: overdue referrals by department × township, and the tasks behind a cell."""

    def __init__(self, context: Any, tasks: TaskRunner, current_actor: Callable[[], Any], *,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, tasks, current_actor, parent=parent)
        self.setObjectName("overdueTab")
        self.error.setObjectName("overdueError")
        self.table_data: data.OverdueMatrix | None = None
        self.drilled: tuple[str | None, str | None] | None = None

        self.as_of = date_edit(self.today(), "overdueAsOf")
        self.department_box = QComboBox()
        self.department_box.setObjectName("overdueDepartment")
        self.department_box.setMinimumWidth(150)
        self.township_box = QComboBox()
        self.township_box.setObjectName("overdueTownship")
        self.township_box.setMinimumWidth(150)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("overdueRefresh")
        self.summary = QLabel()
        self.summary.setObjectName("overdueSummary")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Overdue as of")))
        top.addWidget(self.as_of)
        top.addWidget(QLabel(self.tr("Department")))
        top.addWidget(self.department_box)
        top.addWidget(QLabel(self.tr("Township")))
        top.addWidget(self.township_box)
        top.addStretch(1)
        top.addWidget(self.summary)
        top.addWidget(self.refresh_button)

        self.matrix = CountMatrixModel(self.tr("Total"), self.tr("Department"), self)
        self.matrix_view = QTableView()
        self.matrix_view.setObjectName("overdueMatrix")
        self.matrix_view.setModel(self.matrix)
        self.matrix_view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.matrix_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.matrix_view.verticalHeader().setVisible(False)
        self.matrix_view.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents)
        self.matrix_view.horizontalHeader().setMinimumSectionSize(64)
        self.matrix_view.clicked.connect(self._cell_chosen)
        self.matrix_view.activated.connect(self._cell_chosen)

        self.list_title = QLabel()
        self.list_title.setObjectName("overdueListTitle")
        self.list_model = OverdueListModel(
            [self.tr("Township"), self.tr("Application no."), self.tr("Item"),
             self.tr("Department"), self.tr("Referred on"), self.tr("Due"),
             self.tr("Days overdue")], self)
        self.list_view = row_table(self.list_model, "overdueList", alternating=True)
        header = self.list_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.list_title)
        lower_layout.addWidget(self.list_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.matrix_view)
        split.addWidget(lower)
        split.setStretchFactor(0, 2)
        split.setStretchFactor(1, 3)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(split, 1)

        self.refresh_button.clicked.connect(self.refresh)
        self.as_of.dateChanged.connect(lambda _d: self.refresh())
        self.department_box.activated.connect(lambda _i: self.refresh())
        self.township_box.activated.connect(lambda _i: self.refresh())
        self._set_filters([], [])
        self._show_list([])

    # -- filters -------------------------------------------------------------------------
    def _set_filters(self, departments: list[tuple[str, str]],
                     townships: list[tuple[str, str]]) -> None:
        own = self.department()
        chosen_dep = self.department_box.currentData()
        chosen_tw = self.township_box.currentData()
        self.department_box.clear()
        if own is not None:   # a department's login: its own department only
            label = dict(departments).get(own, own)
            self.department_box.addItem(label, own)
            self.department_box.setEnabled(False)
        else:
            self.department_box.addItem(self.tr("All departments"), None)
            for code, label in departments:
                self.department_box.addItem(label, code)
            self.department_box.setCurrentIndex(max(self.department_box.findData(chosen_dep), 0))
        self.township_box.clear()
        self.township_box.addItem(self.tr("All townships"), None)
        for code, label in townships:
            self.township_box.addItem(label, code)
        self.township_box.setCurrentIndex(max(self.township_box.findData(chosen_tw), 0))

    def filters(self) -> tuple[str | None, str | None]:
        own = self.department()
        return (own if own is not None else self.department_box.currentData(),
                self.township_box.currentData())

    # -- content -------------------------------------------------------------------------
    def refresh(self) -> None:
        county, today = self.county, date_of(self.as_of)
        department, township = self.filters()
        self.read(lambda: data.overdue_matrix(county, today, department=department,
                                              township=township), self._loaded)

    def _loaded(self, table: data.OverdueMatrix) -> None:
        self.table_data = table
        self._set_filters(table.all_departments, table.all_townships)
        self.matrix.set_counts(table.departments, table.townships, table.counts)
        self.matrix_view.resizeColumnsToContents()
        total = self.matrix.count(None, None)
        self.summary.setText(fmt(self.tr("%1 overdue referral(s)"), str(total)))
        drilled = self.drilled
        self.drilled = None
        if drilled is not None and (self.matrix.count(*drilled) or drilled == (None, None)):
            self.drill(*drilled)
        else:
            self._show_list([])

    def failed(self, error: BaseException) -> None:
        self.table_data = None
        self.matrix.set_counts([], [], {})
        self.summary.setText(self.tr("The query failed."))
        self._show_list([])

    def _cell_chosen(self, index: QModelIndex) -> None:
        if not index.isValid() or index.column() == 0 and index.row() < len(self.matrix.rows):
            # the department's name: its whole row
            if index.isValid():
                self.drill(self.matrix.rows[index.row()][0], None)
            return
        if index.column() == 0:
            self.drill(None, None)
            return
        self.drill(*self.matrix.keys_at(index.row(), index.column()))

    def drill(self, department: str | None, township: str | None) -> None:
        """List the tasks a cell counts (``None``: every department / township)."""
        county, today = self.county, date_of(self.as_of)
        dep_filter, tw_filter = self.filters()
        department = department if department is not None else dep_filter
        township = township if township is not None else tw_filter
        self.drilled = (department, township)
        self.read(lambda: data.overdue_tasks(county, today, department=department,
                                             township=township), self._show_list)

    def _show_list(self, rows: list[data.OverdueTask]) -> None:
        self.list_model.set_rows(rows)
        if self.drilled is None:
            self.list_title.setText(self.tr("Click a count to list the tasks behind it."))
            return
        department, township = self.drilled
        labels = dict(self.matrix.rows), dict(self.matrix.cols)
        self.list_title.setText(fmt(
            self.tr("%1 · %2: %3 task(s), the longest overdue first"),
            labels[0].get(department, department) if department else self.tr("All departments"),
            labels[1].get(township, township) if township else self.tr("All townships"),
            str(len(rows))))


__all__ = ["OverdueListModel", "OverdueTab"]
