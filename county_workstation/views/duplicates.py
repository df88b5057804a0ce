"""重复申请: what only the county can see — one person in two townships.

* **同一事项跨乡镇申请**: the same ID number with open applications for the same item in
  two (or more) townships.
* **跨乡镇家庭成员**: a person listed as a member (or applicant) of households in two
  townships.

The list shows the ID number masked (``5222**********1234``). Selecting a case lists
where it occurs (township, application number, role, item, status, registered on);
**显示完整身份证号** shows the full number for the officer who must phone the townships —
an administrator or officer only, never a department's login, and only for the case
selected (it is hidden again when the selection changes).

Read on the read lane (``county_receiver.views.duplicates``).
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
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.kit.fmt import fmt
from desktop_app.gui.kit.tasks import TaskRunner
from desktop_app.gui.kit.widgets import ListTableModel, RowsModel, row_table

from . import data
from .common import ViewTab, day_text, is_department

COLUMNS = ("kind", "id", "item", "townships", "numbers")


class DuplicatesModel(ListTableModel):
    """A duplicate case a row (``data.DuplicateCase``)."""

    def __init__(self, headers: list[str], kinds: dict[str, str], parent: QWidget) -> None:
        super().__init__(headers, parent)
        self.kinds = kinds

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or role not in (Qt.ItemDataRole.DisplayRole,
                                       Qt.ItemDataRole.ToolTipRole):
            return None
        return {
            "kind": self.kinds.get(row.kind, row.kind), "id": row.id_masked,
            "item": row.item_label or "—", "townships": "、".join(row.townships),
            "numbers": "、".join(o.application_number or "—" for o in row.occurrences),
        }[COLUMNS[index.column()]]


class DuplicatesTab(ViewTab):
    """重复申请: cross-township duplicates, where each occurs, the full ID on request."""

    #: a department's login does not see the county's duplicate checks
    ROLES = frozenset({"admin", "officer"})

    def __init__(self, context: Any, tasks: TaskRunner, current_actor: Callable[[], Any], *,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, tasks, current_actor, parent=parent)
        self.setObjectName("duplicatesTab")
        self.error.setObjectName("duplicatesError")
        self.all_rows: list[data.DuplicateCase] = []
        self.kinds = {"same_item": self.tr("Same item in two townships"),
                      "two_households": self.tr("Member of households in two townships")}

        self.kind = QComboBox()
        self.kind.setObjectName("duplicateKind")
        self.kind.addItem(self.tr("All cases"), None)
        for code, label in self.kinds.items():
            self.kind.addItem(label, code)
        self.count = QLabel()
        self.count.setObjectName("duplicateCount")
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("duplicatesRefresh")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.kind)
        top.addStretch(1)
        top.addWidget(self.count)
        top.addWidget(self.refresh_button)

        self.model = DuplicatesModel(
            [self.tr("Case"), self.tr("ID number"), self.tr("Item"), self.tr("Townships"),
             self.tr("Application numbers")], self.kinds, self)
        self.view = row_table(self.model, "duplicatesTable", alternating=True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._selected())

        self.detail_title = QLabel()
        self.detail_title.setObjectName("duplicateDetailTitle")
        self.full_id = QLabel()
        self.full_id.setObjectName("duplicateFullId")
        self.full_id.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.reveal = QPushButton(self.tr("Show full ID number"))
        self.reveal.setObjectName("duplicateReveal")
        self.reveal.setVisible(not is_department(current_actor()))
        self.occurrences = RowsModel([self.tr("Township"), self.tr("Application no."),
                                      self.tr("Role"), self.tr("Item"),
                                      self.tr("Registered on")], parent=self)
        self.occurrence_view = row_table(self.occurrences, "duplicateOccurrences")
        occ_header = self.occurrence_view.horizontalHeader()
        occ_header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        occ_header.setStretchLastSection(True)
        head = QHBoxLayout()
        head.addWidget(self.detail_title)
        head.addStretch(1)
        head.addWidget(self.full_id)
        head.addWidget(self.reveal)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addLayout(head)
        lower_layout.addWidget(self.occurrence_view)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(lower)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(split, 1)

        self.kind.activated.connect(lambda _i: self._show())
        self.refresh_button.clicked.connect(self.refresh)
        self.reveal.clicked.connect(self.reveal_id)
        self._selected()

    # -- content -------------------------------------------------------------------------
    def refresh(self) -> None:
        county, today = self.county, self.today()
        self.read(lambda: data.duplicates(county, today), self._loaded)

    def _loaded(self, rows: list[data.DuplicateCase]) -> None:
        self.all_rows = list(rows)
        self._show()

    def failed(self, error: BaseException) -> None:
        self.all_rows = []
        self._show()
        self.count.setText(self.tr("The query failed."))

    def _show(self) -> None:
        kind = self.kind.currentData()
        rows = [r for r in self.all_rows if kind is None or r.kind == kind]
        self.model.set_rows(rows)
        self.count.setText(fmt(self.tr("%1 case(s)"), str(len(rows))))
        if rows:
            self.view.selectRow(0)
        self._selected()

    def selected(self) -> data.DuplicateCase | None:
        rows = self.view.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def _selected(self) -> None:
        case = self.selected()
        self.full_id.setText("")
        self.reveal.setEnabled(case is not None)
        if case is None:
            self.detail_title.setText(self.tr("Select a case to see where it occurs."))
            self.occurrences.set_rows([])
            return
        self.detail_title.setText(fmt(self.tr("%1 — %2"), self.kinds.get(case.kind, case.kind),
                                      case.id_masked))
        self.occurrences.set_rows([
            (o.township_label, o.application_number or "—", o.role_label, o.item_label or "—",
             day_text(o.registered_on)) for o in case.occurrences])

    def reveal_id(self) -> None:
        """The selected case's full ID number (officer or administrator only)."""
        case = self.selected()
        if case is None or is_department(self.current_actor()):
            return
        county = self.county
        self.read(lambda: data.full_id(county, case), self.full_id.setText)


__all__ = ["DuplicatesModel", "DuplicatesTab"]
