"""转办跟踪: every accepted item followed to its result (跟踪督办).

Tab 1 lists the open handling tasks from ``services.handling.tasks`` — overdue rows
red and due-soon rows amber, the state also written out (逾期 N 个工作日 / 临期) —
with filters, the actions on the selected task (登记签收, 登记办理结果, 重新转办,
先行救助, 出具办理结果告知书; buttons and a context menu, enabled per status) and
the day's 转办清单 per department. Tab 2 is the re-check list (复核提醒, 动态管理).

``openApplication(id)``: double-click or Enter on a row (the main window opens the
detail). ``changed(Changes)``: something was recorded (the main window tells the
other views).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...core import vocab
from ...core.catalog import TOWNSHIP
from ..kit.dialogs import ask_yes_no
from ..kit.errors import present
from ..kit.fmt import fmt
from ..kit.print_pdf import preview_dialog, print_batch
from ..kit.tasks import TaskRunner
from ..kit.widgets import ErrorLabel, open_file, row_table
from .actions import TrackingActions, _exec
from .model import (
    COL_APPLICANT,
    COL_CLERK,
    COL_DEPARTMENT,
    COL_DUE,
    COL_ITEM,
    COL_LEFT,
    COL_NUMBER,
    COL_STAGE,
    COL_STAGE_DUE,
    COL_STATUS,
    COL_VILLAGE,
    TasksModel,
)
from .providers import can_choose  # issue 15
from .temporary_dialogs import TemporaryMenu

if TYPE_CHECKING:
    from ...core.services import Services


log = logging.getLogger(__name__)


def _combo(name: str, tip: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setToolTip(tip)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(10)
    return combo


class TrackingScreen(TrackingActions, QWidget):
    """转办跟踪 and 复核提醒."""

    openApplication = Signal(int)

    def __init__(self, services: Services, tasks: TaskRunner, actor: Callable[[], object], *,
                 opener: Callable[[Path], object] = open_file,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trackingScreen")
        self.services = services
        self.tasks = tasks
        self.actor = actor
        self.opener = opener
        #: How dialogs are shown; tests replace it (no modal loop).
        self.run_dialog: Callable[[QDialog], object] = _exec
        #: Prints PDFs as one job (print dialog, progress, cancel) -> its PrintReport or
        #: None; tests replace it.
        self.print_batch: Callable[..., Any] = print_batch
        #: The built-in preview of saved PDFs (one document); tests replace it.
        self.preview_pdfs: Callable[..., Any] = _preview_pdfs
        self.last_list = None
        self.ask: Callable[[QWidget, str, str], bool] = ask_yes_no
        self._notice_possible = False

        self.tabs = QTabWidget()
        self.tabs.setObjectName("trackingTabs")
        self.tabs.addTab(self._tasks_page(), self.tr("Tracking"))
        self.tabs.addTab(self._reviews_page(), self.tr("Re-checks due"))
        self.tabs.currentChanged.connect(lambda i: self.refresh_reviews() if i == 1 else None)
        tasks.bus.changed.connect(self._on_changes)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        self.refresh()

    # -- building ---------------------------------------------------------------------------
    def _tasks_page(self) -> QWidget:
        cat = self.services.ctx.catalog
        self.department = _combo("departmentFilter", self.tr("Department"))
        self.department.addItem(self.tr("All departments"), None)
        for d in cat.departments:
            self.department.addItem(d.name, d.code)
        self.item = _combo("itemFilter", self.tr("Item"))
        self.item.addItem(self.tr("All items"), None)
        for i in cat.items:
            self.item.addItem(i.name, i.code)
        self.village = _combo("villageFilter", self.tr("Village"))
        self.clerk = _combo("clerkFilter", self.tr("Clerk"))
        self.reload_choices()
        self.state = _combo("stateFilter", self.tr("Status or deadline"))
        self.state.addItem(self.tr("All"), None)
        self.state.addItem(self.tr("Overdue"), "state:overdue")
        self.state.addItem(self.tr("Due soon"), "state:due_soon")
        for code, label in vocab.TASK_STATUSES:
            self.state.addItem(label, f"status:{code}")
        self.include_final = QCheckBox(self.tr("Include finished"))
        self.include_final.setObjectName("includeFinal")
        for combo in (self.department, self.item, self.village, self.clerk, self.state):
            combo.currentIndexChanged.connect(self.refresh)
        self.include_final.toggled.connect(self.refresh)
        filters = QHBoxLayout()
        for w in (self.department, self.item, self.village, self.clerk, self.state):
            filters.addWidget(w)
        filters.addWidget(self.include_final)
        filters.addStretch(1)

        self.model = TasksModel(self)
        self.view = row_table(self.model, "tasksView")
        self.view.verticalHeader().setDefaultSectionSize(26)
        header = self.view.horizontalHeader()
        # several rows may be chosen for the batch lists (公示名单, 上报清单)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for col, width in ((COL_NUMBER, 190), (COL_APPLICANT, 90), (COL_VILLAGE, 90),
                           (COL_ITEM, 170), (COL_DEPARTMENT, 100), (COL_STATUS, 70),
                           (COL_STAGE, 90), (COL_STAGE_DUE, 160),
                           (COL_DUE, 160), (COL_LEFT, 130), (COL_CLERK, 70)):
            header.resizeSection(col, width)
        header.setStretchLastSection(True)
        header.setSortIndicator(COL_DUE, Qt.SortOrder.AscendingOrder)
        self.view.setSortingEnabled(True)
        self.view.activated.connect(self._open_index)
        self.view.selectionModel().selectionChanged.connect(lambda *_: self._update_actions())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        self.count = QLabel()
        self.count.setObjectName("taskCount")

        def action(text: str, name: str, slot) -> QAction:
            a = QAction(text, self)
            a.setObjectName(name)
            a.triggered.connect(slot)
            return a

        self.open_action = action(self.tr("Open application"), "openTaskApplication",
                                  self.open_selected)
        self.sign_action = action(self.tr("Record signature…"), "signAction", self.record_signed)
        self.feedback_action = action(self.tr("Record result…"), "feedbackAction",
                                      self.record_feedback)
        self.re_refer_action = action(self.tr("Refer again"), "reReferAction", self.re_refer)
        self.emergency_action = action(self.tr("Emergency aid…"), "emergencyAction",
                                       self.record_emergency)
        # issue 15: a service item (访视, 照料 …) goes to a provider of the directory
        self.provider_action = action(self.tr("Choose provider…"), "providerAction",
                                      self.choose_provider)
        self.provider_action.setToolTip(self.tr(
            "Refer the selected service item to a social work station, charity or volunteer "
            "team of the directory; prints nothing yet — the slip goes with its handover list"))
        self.notice_action = action(self.tr("Print result notice"), "noticeAction",
                                    self.issue_notice)
        self.stage_action = action(self.tr("Next step…"), "stageAction", self.record_stage)
        self.dispute_action = action(self.tr("Disputed: village review…"), "disputeAction",
                                     self.record_dispute)
        self.extend_action = action(self.tr("Extend…"), "extendAction", self.extend)
        self.publicity_action = action(self.tr("Public notice list…"), "publicityListAction",
                                       self.publicity_list)
        self.report_action = action(self.tr("Report list…"), "reportListAction",
                                    self.report_list)
        self.stage_action.setToolTip(self.tr("Record the selected item's next procedure step "
                                             "(home visit, check, notice, decision…)"))
        self.stage_action.setShortcut(QKeySequence("Ctrl+Return"))
        self.extend_action.setToolTip(self.tr("Extend the time limit with a reason; prints "
                                              "the notice to the applicant"))
        self.publicity_action.setToolTip(self.tr("Start the public notice of the selected "
                                                 "items of one village and print its list"))
        self.report_action.setToolTip(self.tr("Report the selected items to the county civil "
                                              "affairs bureau and print the report list"))
        self.task_actions = [self.open_action, self.provider_action, self.sign_action,
                             self.feedback_action,
                             self.re_refer_action, self.emergency_action, self.notice_action,
                             self.stage_action, self.dispute_action, self.extend_action,
                             self.publicity_action, self.report_action]
        self.sign_action.setToolTip(self.tr("The department's receipt slip came back signed"))
        self.feedback_action.setToolTip(self.tr("Result from the receipt slip: completed, "
                                                "refused or returned"))
        self.re_refer_action.setToolTip(self.tr("A returned item goes to its department again "
                                                "with a new referral slip"))
        self.emergency_action.setToolTip(self.tr("Urgent temporary assistance paid at once "
                                                 "within the township's ceiling"))
        self.notice_action.setToolTip(self.tr("Notice to the applicant of every item's result"))
        # Two rows (issue 14): the referral actions, then the township's procedure — in one
        # row they made the screen 1,320 px wide, too wide for a 1366×768 window's frame.
        buttons = QVBoxLayout()
        referral_row, procedure_row = QHBoxLayout(), QHBoxLayout()
        buttons.addLayout(referral_row)
        buttons.addLayout(procedure_row)
        procedure = {self.stage_action, self.dispute_action, self.extend_action,
                     self.publicity_action, self.report_action}
        self.buttons: dict[str, QToolButton] = {}
        for a in self.task_actions:
            b = QToolButton()
            b.setObjectName(a.objectName().replace("Action", "Button"))
            b.setDefaultAction(a)
            b.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            self.buttons[a.objectName()] = b
            (procedure_row if a in procedure else referral_row).addWidget(b)
        # issue 13 — 补齐手续 / 个案会商 / 跟进救助 (temporary_dialogs.py)
        self.temporary_menu = TemporaryMenu(
            self.services, self.tasks, self.actor, self.selected, self._recorded,
            opener=lambda path: self.opener(path), run_dialog=lambda d: self.run_dialog(d),
            parent=self)
        procedure_row.addWidget(self.temporary_menu)
        procedure_row.addStretch(1)
        referral_row.addStretch(1)
        # issue 15 — leads: overdue leads (12345 reply / first visit late), counted here
        self.overdue_leads = QLabel()
        self.overdue_leads.setObjectName("overdueLeads")
        self.overdue_leads.setStyleSheet("color: #b71c1c; font-weight: bold;")
        self.overdue_leads.setVisible(False)
        referral_row.addWidget(self.overdue_leads)
        referral_row.addWidget(self.count)

        self.message = QLabel()
        self.message.setObjectName("trackingMessage")
        self.message.setWordWrap(True)
        self.error = ErrorLabel()
        self.error.setObjectName("trackingError")

        # 打印转办清单: the day's list per department with waiting tasks.
        handover = QGroupBox(self.tr("Print the handover list"))
        handover.setObjectName("handoverBox")
        self.handover_dept = QComboBox()
        self.handover_dept.setObjectName("handoverDepartment")
        self.handover_dept.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.handover_button = QPushButton(self.tr("Print handover list"))
        self.handover_button.setObjectName("handoverButton")
        self.handover_button.setToolTip(self.tr(
            "Lists every referral slip waiting for the department, for the courier; those "
            "items become referred"))
        self.handover_button.clicked.connect(self.issue_handover_list)
        self.handover_info = QLabel()
        self.handover_info.setObjectName("handoverInfo")
        self.batch_button = QPushButton(self.tr("Print list and slips…"))
        self.batch_button.setObjectName("printBatchButton")
        self.batch_button.setToolTip(self.tr(
            "Send the last handover list and all its referral slips to the printer as one job"))
        self.batch_button.setEnabled(False)
        self.batch_button.clicked.connect(self.print_last_list)
        self.preview_list_button = QPushButton(self.tr("Preview list and slips"))
        self.preview_list_button.setObjectName("previewListButton")
        self.preview_list_button.setEnabled(False)
        self.preview_list_button.clicked.connect(self.preview_last_list)
        row = QHBoxLayout(handover)
        row.addWidget(QLabel(self.tr("Waiting to be handed over:")))
        row.addWidget(self.handover_dept)
        row.addWidget(self.handover_button)
        row.addWidget(self.batch_button)
        row.addWidget(self.preview_list_button)
        row.addWidget(self.handover_info, 1)

        page = QWidget()
        column = QVBoxLayout(page)
        column.addLayout(filters)
        column.addWidget(self.view, 1)
        column.addLayout(buttons)
        column.addWidget(self.message)
        column.addWidget(self.error)
        column.addWidget(handover)
        return page

    def _reviews_page(self) -> QWidget:
        from ..kit.widgets import RowsModel

        self.within = QSpinBox()
        self.within.setObjectName("reviewWithin")
        self.within.setRange(0, 400)
        self.within.setValue(30)
        self.within.setSuffix(self.tr(" days"))
        self.within.valueChanged.connect(self.refresh_reviews)
        self.review_model = RowsModel([self.tr("Number"), self.tr("Applicant"), self.tr("Village"),
                                       self.tr("Item"), self.tr("Class"),
                                       self.tr("Next re-check"), self.tr("Days left")], parent=self)
        self.review_rows: list[Any] = []
        self.reviews = row_table(self.review_model, "reviewsView")
        header = self.reviews.horizontalHeader()
        for col, width in ((0, 200), (1, 100), (2, 100), (3, 160), (4, 60), (5, 110)):
            header.resizeSection(col, width)
        header.setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.reviews.activated.connect(
            lambda index: self._open_review(index.row()))
        self.review_button = QPushButton(self.tr("Record re-check…"))
        self.review_button.setObjectName("reviewButton")
        self.review_button.clicked.connect(self.record_review)
        open_button = QPushButton(self.tr("Open application"))
        open_button.setObjectName("openReviewApplication")
        open_button.clicked.connect(lambda: self._open_review(self.reviews.currentIndex().row()))
        self.review_count = QLabel()
        self.review_count.setObjectName("reviewCount")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Households whose re-check is due within")))
        top.addWidget(self.within)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(open_button)
        bottom.addWidget(self.review_button)
        bottom.addStretch(1)
        bottom.addWidget(self.review_count)
        page = QWidget()
        column = QVBoxLayout(page)
        column.addLayout(top)
        column.addWidget(self.reviews, 1)
        column.addLayout(bottom)
        return page

    def reload_choices(self) -> None:
        """Villages and clerks (after a restore or a new account)."""
        for combo, all_text, items in (
                (self.village, self.tr("All villages"),
                 [(v.name, v.id) for v in self.services.setup.villages()]),
                (self.clerk, self.tr("All clerks"), self._clerks())):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(all_text, None)
            for text, data in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    def _clerks(self) -> list[tuple[str, int]]:
        out = []
        for username, name in self.services.accounts.login_names():
            try:
                out.append((name, self.services.accounts.find(username).id))
            except LookupError:
                continue
        return out

    # -- content ------------------------------------------------------------------------------
    def task_filter(self):
        from ...core.services import TaskFilter

        kind = (self.state.currentData() or ":").split(":")
        return TaskFilter(
            department=self.department.currentData(), item_code=self.item.currentData(),
            village_id=self.village.currentData(), clerk_id=self.clerk.currentData(),
            state=kind[1] if kind[0] == "state" else None,
            status=kind[1] if kind[0] == "status" else None,
            include_final=self.include_final.isChecked())

    def refresh(self) -> None:
        """Re-read the tasks (keeping the selected one) and the departments waiting."""
        selected = self.selected()
        try:
            rows = self.services.handling.tasks(self.task_filter())
        except Exception as exc:
            rows = []
            present(self, exc, label=self.error)  # an empty list would look like "no work"
        self.model.today = self.services.ctx.today()
        self.model.set_rows(rows)
        if selected is not None:
            for i, r in enumerate(self.model.rows()):
                if r.task_id == selected.task_id:
                    self.view.selectRow(i)
                    break
        overdue = sum(1 for r in rows if r.state == "overdue")
        soon = sum(1 for r in rows if r.state == "due_soon")
        self.count.setText(fmt(self.tr("%1 item(s), %2 overdue, %3 due soon"), str(len(rows)), str(overdue), str(soon)))
        self._refresh_handover()
        self._refresh_overdue_leads()
        self._update_actions()
        if self.tabs.currentIndex() == 1:
            self.refresh_reviews()

    def _refresh_overdue_leads(self) -> None:
        """issue 15 — leads: how many leads are late (an indexed, bounded read)."""
        try:
            late = len(self.services.leads.overdue())
        except Exception:
            log.exception("tracking: overdue leads query failed")
            late = 0
        self.overdue_leads.setText(fmt(self.tr("Leads (主动发现): %1 overdue — see Dynamic "
                                               "management"), str(late)))
        self.overdue_leads.setToolTip(self.tr("12345 replies or first visits past their due "
                                              "day (Ctrl+D, tab Leads)"))
        self.overdue_leads.setVisible(late > 0)

    def _refresh_handover(self) -> None:
        cat = self.services.ctx.catalog
        try:
            waiting = self.services.handling.departments_to_refer()
        except Exception:
            log.exception("tracking: departments to refer failed")
            waiting = {}
        current = self.handover_dept.currentData()
        self.handover_dept.blockSignals(True)
        self.handover_dept.clear()
        for d in cat.departments:
            if d.code in waiting:
                self.handover_dept.addItem(fmt(self.tr("%1 (%2 item(s))"), d.name, str(waiting[d.code])), d.code)
        try:   # issue 15: the providers with service tasks waiting (data "P:<id>")
            providers = self.services.providers.waiting()
        except Exception:
            log.exception("tracking: providers to refer failed")
            providers = []
        for p in providers:
            self.handover_dept.addItem(fmt(self.tr("%1 (%2 item(s))"), p.name, str(p.count)),
                                       f"P:{p.provider_id}")
            waiting[f"P:{p.provider_id}"] = p.count
        self.handover_dept.setCurrentIndex(max(self.handover_dept.findData(current), 0))
        self.handover_dept.blockSignals(False)
        self.handover_dept.setEnabled(bool(waiting))
        self.handover_button.setEnabled(bool(waiting))
        self.handover_info.setText(
            fmt(self.tr("%1 department(s) have referral slips waiting."), str(len(waiting))) if waiting
            else self.tr("Nothing is waiting to be handed over."))

    def refresh_reviews(self) -> None:
        try:
            rows = self.services.rechecks.due(within_days=self.within.value())  # issue 15
        except Exception:
            log.exception("tracking: reviews query failed")
            rows = []
        self.review_rows = rows
        self.review_model.set_rows([
            (r.number, r.applicant, r.village, r.item_name,
             dict(vocab.REVIEW_CLASSES).get(r.review_class, r.review_class),
             r.next_review_on.isoformat(),
             fmt(self.tr("%1 day(s) late"), str(-r.days_left)) if r.days_left < 0
             else str(r.days_left)) for r in rows])
        self.review_count.setText(fmt(self.tr("%1 household(s)"), str(len(rows))))
        self.review_button.setEnabled(bool(rows))

    def selected(self):
        index = self.view.currentIndex()
        if not index.isValid() or not self.view.selectionModel().isRowSelected(index.row()):
            return None
        return self.model.row_at(index.row())

    def selected_rows(self) -> list[Any]:
        """Every selected row (the batch lists), in table order."""
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [r for r in (self.model.row_at(i) for i in rows) if r is not None]

    def select_task(self, task_id: int) -> bool:
        for i, r in enumerate(self.model.rows()):
            if r.task_id == task_id:
                self.view.selectRow(i)
                self._update_actions()
                return True
        return False

    def _update_actions(self) -> None:
        r = self.selected()
        status = r.status if r else None
        self.open_action.setEnabled(r is not None)
        self.sign_action.setEnabled(status == "referred")
        self.feedback_action.setEnabled(status in ("referred", "signed", "in_progress"))
        self.re_refer_action.setEnabled(status == "returned")
        self.provider_action.setEnabled(can_choose(r))   # issue 15
        self.emergency_action.setEnabled(
            r is not None and r.item_code == "LINSHI_URGENT" and status == "in_progress"
            and r.handler_code == TOWNSHIP)
        notice = False
        if r is not None:
            try:
                notice = any(t.status in vocab.FINAL_TASK_STATUSES for t in
                             self.services.handling.tasks_for_application(r.application_id))
            except Exception:
                log.exception("tracking: tasks of application failed")
        self.notice_action.setEnabled(notice)
        self.temporary_menu.update_for(r)
        self._update_stage_actions(r)

    def _context_menu(self, pos: QPoint) -> QMenu | None:
        index = self.view.indexAt(pos)
        if not index.isValid():
            return None
        self.view.selectRow(index.row())
        self._update_actions()
        menu = QMenu(self)
        menu.setObjectName("taskMenu")
        for a in self.task_actions + self.temporary_menu.actions_list:
            menu.addAction(a)
        menu.popup(self.view.viewport().mapToGlobal(pos))
        return menu

    # -- opening ------------------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        r = self.model.row_at(index.row())
        if r is not None:
            self.openApplication.emit(r.application_id)

    def open_selected(self) -> None:
        r = self.selected()
        if r is not None:
            self.openApplication.emit(r.application_id)

    def _open_review(self, row: int) -> None:
        if 0 <= row < len(self.review_rows):
            self.openApplication.emit(self.review_rows[row].application_id)

    # -- actions ------------------------------------------------------------------------------
    def _on_changes(self, changes, origin) -> None:
        """The change bus: another screen or one of this screen's dialogs changed data
        (this screen's own operations refresh it when they are done)."""
        if origin is not self and (changes.applications or changes.lists or changes.settings
                                   or changes.everything or changes.leads):
            self.refresh()


__all__ = ["TasksModel", "TrackingScreen"]


def _preview_pdfs(parent, paths, title, *, on_printed=None) -> object:
    """The preview of several saved PDFs as one document (its 打印 prints them)."""
    dialog = preview_dialog(parent, paths, title, on_printed=on_printed)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
