"""办件查询: search applications by name, pinyin initials, ID fragment or number,
filtered by intake date, status and village.

The model holds only the matching ids and fetches rows in pages as the view asks
for them (Anki's browser table, calibre's BooksModel): a search over a large
database stays instant however many rows match.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...core import vocab
from ..kit.errors import describe
from ..kit.fmt import fmt
from ..kit.widgets import date_range_edits, row_table

if TYPE_CHECKING:
    from ...core.services import Services
    from ..kit.tasks import ChangeBus

log = logging.getLogger(__name__)

PAGE = 100
MAX_CACHED = 5000
SEARCH_LIMIT = 5000

COL_NUMBER, COL_DATE, COL_NAME, COL_ID, COL_VILLAGE, COL_ITEMS, COL_STATUS = range(7)

IdRole = Qt.ItemDataRole.UserRole + 1
RowRole = Qt.ItemDataRole.UserRole + 2
SortRole = Qt.ItemDataRole.UserRole + 3
# The roles data() answers; a view asks for seven roles per visible cell on every
# paint, so the others return at once (a set of ints: PySide6 passes roles as int).
_ROLES = frozenset(int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole,
    IdRole, RowRole, SortRole))


class ApplicationsModel(QAbstractTableModel):
    """Rows of ``QueryService`` results; ``data()`` never raises into Qt."""

    def __init__(self, queries, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.queries = queries
        self._ids: list[int] = []
        self._rows: dict[int, Any] = {}
        self._headers = [self.tr("Number"), self.tr("Date"), self.tr("Applicant"),
                         self.tr("ID number"), self.tr("Village"), self.tr("Items"),
                         self.tr("Status")]

    # -- content ---------------------------------------------------------------------------
    def set_ids(self, ids: list[int]) -> None:
        self.beginResetModel()
        self._ids = list(ids)
        self._rows.clear()
        self.endResetModel()

    def ids(self) -> list[int]:
        return list(self._ids)

    def refresh(self, application_ids: set[int]) -> None:
        """Forget cached rows of changed applications; the view re-asks for them."""
        for app_id in application_ids:
            self._rows.pop(app_id, None)
        for row, app_id in enumerate(self._ids):
            if app_id in application_ids:
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(self._headers) - 1))

    def row_for(self, row: int) -> Any:
        app_id = self._ids[row]
        cached = self._rows.get(app_id)
        if cached is not None:
            return cached
        if len(self._rows) > MAX_CACHED:
            self._rows.clear()
        start = (row // PAGE) * PAGE
        page = [i for i in self._ids[start:start + PAGE] if i not in self._rows]
        for r in self.queries.rows(page):
            self._rows[r.id] = r
        return self._rows.get(app_id)

    # -- Qt model API ----------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self._headers):
            return self._headers[section]
        if orientation == Qt.Orientation.Vertical:
            return section + 1
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        try:
            return self._data(index.row(), index.column(), role)
        except Exception:
            log.exception("applications model: row %s column %s", index.row(), index.column())
            return None

    def _data(self, row: int, column: int, role: int) -> Any:  # noqa: C901 - one branch per column
        if role == IdRole:
            return self._ids[row]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, RowRole,
                        SortRole, Qt.ItemDataRole.ForegroundRole):
            return None
        r = self.row_for(row)
        if r is None:
            return None
        if role == RowRole:
            return r
        if role == Qt.ItemDataRole.ForegroundRole:
            if column == COL_STATUS and r.status in ("rejected", "voided"):
                from PySide6.QtGui import QColor

                return QColor("#9e9e9e")
            if column == COL_STATUS and r.status == "pending_materials":
                from PySide6.QtGui import QColor

                return QColor("#e65100")
            return None
        if role == SortRole:
            return {COL_NUMBER: r.number, COL_DATE: r.intake_date.isoformat(), COL_NAME: r.name,
                    COL_ID: r.id_masked, COL_VILLAGE: r.village, COL_ITEMS: r.items,
                    COL_STATUS: r.status}.get(column)
        if column == COL_NUMBER:
            return r.number
        if column == COL_DATE:
            return r.intake_date.isoformat()
        if column == COL_NAME:
            return r.name + self.tr(" (emergency)") if r.urgent else r.name
        if column == COL_ID:
            return r.id_masked
        if column == COL_VILLAGE:
            return r.village
        if column == COL_ITEMS:
            return r.items
        if column == COL_STATUS:
            return r.status_label
        return None


class ApplicationsScreen(QWidget):
    """办件查询; ``openApplication(id)`` on double-click or Enter. With the runner's
    change ``bus`` the list follows every change to applications."""

    openApplication = Signal(int)

    def __init__(self, services: Services, parent: QWidget | None = None, *,
                 bus: ChangeBus | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("applicationsScreen")
        self.services = services
        if bus is not None:
            bus.changed.connect(self._on_changes)
        self.search = QLineEdit()
        self.search.setObjectName("searchEdit")
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr(
            "Name, pinyin initials (e.g. zs), part of an ID number, or document number"))
        self.by_date = QCheckBox(self.tr("Intake date"))
        self.by_date.setObjectName("byDate")
        today = QDate(cast(Any, services.ctx.today()))  # PySide6 takes a date (the stubs do not say)
        self.date_from, self.date_to = date_range_edits(today.addMonths(-1), today,
                                                        ("dateFrom", "dateTo"))
        self.status = QComboBox()
        self.status.setObjectName("statusFilter")
        self.status.addItem(self.tr("All statuses"), None)
        for code, label in vocab.STATUSES:
            self.status.addItem(label, code)
        self.village = QComboBox()
        self.village.setObjectName("villageFilter")
        self.reload_villages()

        self.model = ApplicationsModel(services.queries, self)
        self.view = row_table(self.model, "applicationsView", alternating=True)
        self.view.verticalHeader().setDefaultSectionSize(28)
        header = self.view.horizontalHeader()
        for col, width in ((COL_NUMBER, 220), (COL_DATE, 100), (COL_NAME, 120), (COL_ID, 180),
                           (COL_VILLAGE, 100), (COL_STATUS, 90)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(COL_ITEMS, QHeaderView.ResizeMode.Stretch)
        # activated: double-click (or the platform's activation click) and Enter.
        self.view.activated.connect(self._open_index)
        self.count = QLabel()
        self.count.setObjectName("resultCount")

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self.run_search)
        self.search.textChanged.connect(lambda: self.timer.start())
        self.search.returnPressed.connect(self._search_entered)
        # Down in the search box goes to the first result, Up on it comes back (issue 14).
        self.search.installEventFilter(self)
        self.view.installEventFilter(self)
        self.by_date.toggled.connect(self._date_toggled)
        for signal in (self.date_from.dateChanged, self.date_to.dateChanged,
                       self.status.currentIndexChanged, self.village.currentIndexChanged):
            signal.connect(self.run_search)

        filters = QHBoxLayout()
        filters.addWidget(self.search, 3)
        filters.addWidget(self.by_date)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.date_to)
        filters.addWidget(self.status)
        filters.addWidget(self.village)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        self.run_search()

    def reload_villages(self) -> None:
        current = self.village.currentData()
        self.village.blockSignals(True)
        self.village.clear()
        self.village.addItem(self.tr("All villages"), None)
        for v in self.services.setup.villages():
            self.village.addItem(v.name, v.id)
        self.village.setCurrentIndex(max(self.village.findData(current), 0))
        self.village.blockSignals(False)

    def _date_toggled(self, on: bool) -> None:
        self.date_from.setEnabled(on)
        self.date_to.setEnabled(on)
        self.run_search()

    def filters(self):
        from ...core.services import SearchFilters

        on = self.by_date.isChecked()
        return SearchFilters(
            date_from=cast(date, self.date_from.date().toPython()) if on else None,
            date_to=cast(date, self.date_to.date().toPython()) if on else None,
            status=self.status.currentData(), village_id=self.village.currentData(),
        )

    def run_search(self) -> None:
        self.timer.stop()
        try:
            ids = self.services.queries.search_ids(self.search.text(), self.filters(), SEARCH_LIMIT)
        except Exception as exc:
            self.model.set_ids([])
            self.count.setText(describe(exc))  # not "0 applications"
            return
        self.model.set_ids(ids)
        if len(ids) >= SEARCH_LIMIT:
            self.count.setText(fmt(self.tr("Showing the newest %1; narrow the search to see others."), str(len(ids))))
        else:
            self.count.setText(fmt(self.tr("%1 application(s)"), str(len(ids))))

    def _on_changes(self, changes, _origin) -> None:
        if changes.applications or changes.everything:
            self.applications_changed(changes)

    def applications_changed(self, changes) -> None:
        """React to a change notice: re-run the search (new rows may now match)."""
        ids: set[int] = getattr(changes, "applications", set())
        if ids and set(ids) <= set(self.model.ids()):
            self.model.refresh(set(ids))
        else:
            self.run_search()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            key = cast(QKeyEvent, event).key()
            if watched is self.search and key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
                return self.focus_results()
            if watched is self.view and key == Qt.Key.Key_Up \
                    and self.view.currentIndex().row() <= 0:
                self.focus_search()
                return True
        return super().eventFilter(watched, event)

    def focus_results(self) -> bool:
        """The results get the focus, the first row current (a pending search runs
        first). False when there is no result to go to."""
        if self.timer.isActive():
            self.run_search()
        if self.model.rowCount() == 0:
            return False
        current = self.view.currentIndex()
        if not current.isValid():
            current = self.model.index(0, COL_NAME)
            self.view.setCurrentIndex(current)
        self.view.selectRow(current.row())
        self.view.setFocus(Qt.FocusReason.TabFocusReason)
        return True

    def _search_entered(self) -> None:
        """Enter in the search box: search now; a single match opens at once (an ID
        number or a document number typed in full), several: the first is current."""
        self.run_search()
        if self.model.rowCount() == 1:
            self._open_index(self.model.index(0, COL_NAME))
        elif self.model.rowCount() > 1:
            self.focus_results()

    def open_current(self) -> bool:
        """Open the current result (what Enter on the results does)."""
        index = self.view.currentIndex()
        if not index.isValid():
            return False
        self._open_index(index)
        return True

    def _open_index(self, index: QModelIndex) -> None:
        app_id = self.model.data(index, IdRole)
        if app_id is not None:
            self.openApplication.emit(int(app_id))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()
