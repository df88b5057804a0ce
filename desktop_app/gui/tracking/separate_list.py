"""单独登记名单: applications of near relatives of staff or village (residents')
committee cadres, registered separately (单独登记备案) for supervisors and
administrators. The services check the role; a clerk gets their refusal.

Double-click or Enter on a row asks the main window to open the application
(``openApplication``). The intake-date filter works on the loaded rows.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import PermissionDenied
from ..kit.errors import present
from ..kit.fmt import fmt
from ..kit.widgets import ErrorLabel, RowsModel, date_range_edits, row_table

if TYPE_CHECKING:
    from ...core.services import Services


log = logging.getLogger(__name__)

COL_NUMBER, COL_NAME, COL_VILLAGE, COL_DATE, COL_ITEMS, COL_NOTE, COL_STATUS = range(7)


class SeparateListView(QWidget):
    """The separately registered list; loads each time it is shown (or on 刷新)."""

    openApplication = Signal(int)

    def __init__(self, services: Services, actor: Callable[[], Any],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("separateList")
        self.services = services
        self.actor = actor
        self.all_rows: list = []
        self.rows: list = []
        self.denied = False

        title = QLabel(self.tr("Separately registered applications"))
        title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        note = QLabel(self.tr(
            "Applications by near relatives of staff members or village (residents') committee "
            "cadres. They are handled like every application and registered here for supervision."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")

        self.by_date = QCheckBox(self.tr("Intake date"))
        self.by_date.setObjectName("separateByDate")
        today = QDate(cast(Any, services.ctx.today()))  # PySide6 takes a date (the stubs do not say)
        self.date_from, self.date_to = date_range_edits(
            today.addYears(-1), today, ("separateFrom", "separateTo"))
        self.by_date.toggled.connect(self.date_from.setEnabled)
        self.by_date.toggled.connect(self.date_to.setEnabled)
        self.by_date.toggled.connect(self._apply_filter)
        self.date_from.dateChanged.connect(self._apply_filter)
        self.date_to.dateChanged.connect(self._apply_filter)
        self.refresh_button = QPushButton(self.tr("Refresh"))
        self.refresh_button.setObjectName("separateRefresh")
        self.refresh_button.clicked.connect(self.reload)

        self.model = RowsModel([
            self.tr("Receipt number"), self.tr("Applicant"), self.tr("Village (community)"),
            self.tr("Intake date"), self.tr("Requested items"), self.tr("Relationship"),
            self.tr("Status")], parent=self)
        self.view = row_table(self.model, "separateView", alternating=True)
        self.view.verticalHeader().setDefaultSectionSize(26)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        for col, width in ((COL_NUMBER, 220), (COL_NAME, 90), (COL_VILLAGE, 110),
                           (COL_DATE, 100), (COL_ITEMS, 260), (COL_STATUS, 90)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(COL_NOTE, QHeaderView.ResizeMode.Stretch)
        header.moveSection(COL_STATUS, COL_NOTE)  # the status before the long note
        # activated: double-click (or the platform's activation click) and Enter.
        self.view.activated.connect(self._open_index)

        self.message = ErrorLabel()
        self.message.setObjectName("separateMessage")
        self.count = QLabel()
        self.count.setObjectName("separateCount")

        filters = QHBoxLayout()
        filters.addWidget(self.by_date)
        filters.addWidget(self.date_from)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.date_to)
        filters.addStretch(1)
        filters.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(note)
        layout.addLayout(filters)
        layout.addWidget(self.message)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)

    # -- loading ---------------------------------------------------------------------------
    def showEvent(self, event) -> None:
        super().showEvent(event)
        # After the show: a refusal's message box must not open inside the show event.
        QTimer.singleShot(0, self.reload)

    def reload(self) -> None:
        actor = self.actor()
        if actor is None:
            self._set_rows([])
            self.message.show_messages([self.tr("Log in first.")])
            return
        try:
            rows = self.services.handling.staff_relatives(actor)
        except PermissionDenied as exc:
            self.denied = True
            self._set_rows([])
            present(self, exc, label=self.message)
            return
        except Exception as exc:
            self._set_rows([])
            present(self, exc)
            return
        self.denied = False
        self.message.clear_message()
        self._set_rows(rows)

    def _set_rows(self, rows) -> None:
        self.all_rows = list(rows)
        self._apply_filter()

    def _apply_filter(self, *_args) -> None:
        rows = self.all_rows
        if self.by_date.isChecked():
            start, end = self.date_from.date().toPython(), self.date_to.date().toPython()
            rows = [r for r in rows if start <= r.intake_date <= end]
        self.rows = rows
        self.model.set_rows([(r.number, r.applicant, r.village, r.intake_date.isoformat(),
                              r.items, r.note, r.status) for r in rows])
        if self.by_date.isChecked() and len(rows) != len(self.all_rows):
            self.count.setText(fmt(self.tr("%1 of %2 applications shown"), str(len(rows)), str(len(self.all_rows))))
        else:
            self.count.setText(fmt(self.tr("%1 applications"), str(len(rows))))

    # -- opening -----------------------------------------------------------------------------
    def _open_index(self, index) -> None:
        if index.isValid() and 0 <= index.row() < len(self.rows):
            self.openApplication.emit(self.rows[index.row()].application_id)

    def selected_application(self) -> int | None:
        index = self.view.currentIndex()
        if index.isValid() and 0 <= index.row() < len(self.rows):
            return self.rows[index.row()].application_id
        return None
