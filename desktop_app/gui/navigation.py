"""The main window's toolbar and navigation: the screen actions, the user label, lock
and log out, and the screens each action opens (built on first use)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QStackedWidget, QToolBar, QWidget

DEMO_STYLE = ("background: #c62828; color: white; font-weight: bold; padding: 3px 10px;"
              "border-radius: 3px;")

if TYPE_CHECKING:
    from ..core.services import Services
    from .admin.audit import AuditScreen
    from .admin.screen import AdminScreen
    from .applications.detail import DetailDialog
    from .applications.screen import ApplicationsScreen
    from .dynamic.screen import DynamicScreen
    from .intake.screen import IntakeScreen
    from .kit.tasks import TaskRunner
    from .reports.screen import ReportsScreen
    from .reserve.screen import ReserveScreen
    from .sync.screen import SyncScreen
    from .tracking.screen import TrackingScreen
    from .tracking.separate_list import SeparateListView

    class _WindowHost(QMainWindow):
        """For the type checker only: what the mixin uses of :class:`MainWindow`."""

        services: Services
        tasks: TaskRunner
        opener: Callable[[Path], object]
        demo: bool
        stack: QStackedWidget
        intake: IntakeScreen
        applications: ApplicationsScreen
        tracking: TrackingScreen | None
        separate: SeparateListView | None
        sync_screen: SyncScreen | None
        reserve_screen: ReserveScreen | None
        dynamic_screen: DynamicScreen | None
        reports_screen: ReportsScreen | None
        audit: AuditScreen | None
        admin: AdminScreen | None

        def current_actor(self) -> Any: ...
        def open_application(self, application_id: int) -> DetailDialog: ...
        def change_password(self) -> Any: ...
        def lock_screen(self) -> bool: ...
        def logout(self) -> bool: ...
        def _restore_starting(self) -> None: ...
        def _restored(self, result: Any) -> None: ...
        def _restore_failed(self) -> None: ...

    _Base = _WindowHost
else:
    _Base = object


class MainWindowNavigation(_Base):
    """Part of :class:`MainWindow` (a mixin: it uses the window's widgets and services)."""

    def _build_toolbar(self) -> None:
        toolbar = QToolBar(self.tr("Navigation"))
        toolbar.setObjectName("navigation")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(toolbar)
        self.toolbar = toolbar
        group = QActionGroup(self)

        def nav(text: str, name: str, shortcut: str, tip: str, slot) -> QAction:
            action = QAction(text, self)
            action.setObjectName(name)
            if shortcut:
                action.setShortcut(QKeySequence(shortcut))
            action.setToolTip(tip)
            action.setCheckable(True)
            action.setEnabled(False)
            action.triggered.connect(slot)
            group.addAction(action)
            toolbar.addAction(action)
            return action

        self.intake_action = nav(self.tr("New application"), "intakeAction", "Ctrl+N",
                                 self.tr("Register an application (Ctrl+N)"), self.show_intake)
        self.search_action = nav(self.tr("Find applications"), "searchAction", "Ctrl+F",
                                 self.tr("Search and open applications (Ctrl+F)"),
                                 self.show_applications)
        self.tracking_action = nav(self.tr("Tracking"), "trackingAction", "Ctrl+T",
                                   self.tr("Referred and open items, overdue ones first; handover "
                                           "lists, results and re-checks (Ctrl+T)"),
                                   self.show_tracking)
        self.dynamic_action = nav(self.tr("Dynamic management"), "dynamicAction", "Ctrl+D",
                                  self.tr("Re-checks and change reports, phase-outs, leads, the "
                                          "monitoring list and care (Ctrl+D)"),
                                  self.show_dynamic)
        self.reports_action = nav(self.tr("Statistics and files"), "reportsAction", "Ctrl+R",
                                  self.tr("Statistics and charts, ledgers to Excel, importing old "
                                          "ledgers, one file per household (Ctrl+R)"),
                                  self.show_reports)
        self.reserve_action = nav(self.tr("Reserve fund"), "reserveAction", "",
                                  self.tr("The township's temporary assistance reserve fund: "
                                          "balance, ledger, reimbursement, monthly statement"),
                                  self.show_reserve)
        self.sync_action = nav(self.tr("Sync"), "syncAction", "",
                               self.tr("Export packages to the county, the export log, and "
                                       "import the county's return packages"),
                               self.show_sync)
        self.separate_action = nav(self.tr("Separate register"), "separateAction", "",
                                   self.tr("Applications of relatives of staff or village "
                                           "cadres, registered separately (supervisors)"),
                                   self.show_separate_list)
        self.audit_action = nav(self.tr("Audit trail"), "auditAction", "",
                                self.tr("Who did what and when (supervisors and administrators)"),
                                self.show_audit)
        self.admin_action = nav(self.tr("Administration"), "adminAction", "",
                                self.tr("Accounts, settings, backups and restore (administrators)"),
                                self.show_admin)
        # issue 17 — qrcheck: 验证文书 (a dialog, not a screen: outside the group)
        self.verify_action = QAction(self.tr("Verify document"), self)
        self.verify_action.setObjectName("verifyAction")
        self.verify_action.setToolTip(self.tr("Check a document's QR code: genuine, altered, "
                                              "voided or of an unknown issuer"))
        self.verify_action.setEnabled(False)
        self.verify_action.triggered.connect(self.show_verify)
        toolbar.addAction(self.verify_action)
        self.intake_action.setChecked(True)
        for action in (self.sync_action, self.separate_action, self.audit_action,
                       self.admin_action):
            action.setVisible(False)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        if self.demo:
            marker = QLabel(self.tr("Demo mode"))
            marker.setObjectName("demoMarker")
            marker.setStyleSheet(DEMO_STYLE)
            marker.setToolTip(self.tr("Invented data for practice and demonstration"))
            toolbar.addWidget(marker)
            toolbar.addSeparator()
        self.user_label = QLabel()
        self.user_label.setObjectName("userLabel")
        self.user_label.setToolTip(self.tr("The logged-in user; recorded on every decision and "
                                           "document"))
        toolbar.addWidget(self.user_label)
        self.password_action = QAction(self.tr("Change password"), self)
        self.password_action.setObjectName("passwordAction")
        self.password_action.triggered.connect(self.change_password)
        self.lock_action = QAction(self.tr("Lock"), self)
        self.lock_action.setObjectName("lockAction")
        self.lock_action.setShortcut(QKeySequence("Ctrl+L"))
        self.lock_action.setToolTip(self.tr("Lock the screen when leaving the desk (Ctrl+L)"))
        self.lock_action.triggered.connect(self.lock_screen)
        self.logout_action = QAction(self.tr("Log out / switch user"), self)
        self.logout_action.setObjectName("logoutAction")
        self.logout_action.triggered.connect(self.logout)
        for action in (self.password_action, self.lock_action, self.logout_action):
            action.setEnabled(False)
            toolbar.addAction(action)

    # -- navigation -------------------------------------------------------------------------------
    def show_verify(self):
        """验证文书 (issue 17 — qrcheck): a dialog over the current screen."""
        from .verify.dialog import open_verify_dialog

        return open_verify_dialog(self, self.services, self.tasks)

    def show_intake(self) -> None:
        """Back to 受理登记: the form as it was left, or a fresh one after a decision."""
        self.intake_action.setChecked(True)
        self.stack.setCurrentWidget(self.intake)
        if self.intake.stack.currentWidget() is self.intake.result:
            self.intake.new_application()

    def show_applications(self) -> None:
        self.search_action.setChecked(True)
        self.stack.setCurrentWidget(self.applications)
        self.applications.run_search()  # cheap (ids only); picks up imports and demo fills
        self.applications.focus_search()

    def show_tracking(self):
        """转办跟踪 (built on first use, refreshed on every visit)."""
        from .tracking.screen import TrackingScreen

        if self.tracking is None:
            self.tracking = TrackingScreen(self.services, self.tasks, self.current_actor,
                                           opener=self.opener)
            self.tracking.openApplication.connect(self.open_application)
            self.stack.addWidget(self.tracking)
        else:
            self.tracking.refresh()
        self.tracking_action.setChecked(True)
        self.stack.setCurrentWidget(self.tracking)
        self.tracking.view.setFocus()
        return self.tracking

    def show_dynamic(self):
        """动态管理 (built on first use, refreshed on every visit; issue 15)."""
        from .dynamic.screen import DynamicScreen

        if self.dynamic_screen is None:
            self.dynamic_screen = DynamicScreen(self.services, self.tasks, self.current_actor,
                                                opener=self.opener)
            self.dynamic_screen.openApplication.connect(self.open_application)
            leads_tab = self.dynamic_screen.pages.get("LeadsTab")  # issue 15 — leads
            if leads_tab is not None:
                leads_tab.openDraft.connect(self.open_intake_draft)  # type: ignore[attr-defined]
            self.stack.addWidget(self.dynamic_screen)
        else:
            self.dynamic_screen.refresh()
        self.dynamic_action.setChecked(True)
        self.stack.setCurrentWidget(self.dynamic_screen)
        self.dynamic_screen.focus_current()
        return self.dynamic_screen

    def show_reports(self):
        """统计与档案 (built on first use, refreshed on every visit; issue 16)."""
        from .reports.screen import ReportsScreen

        if self.reports_screen is None:
            self.reports_screen = ReportsScreen(self.services, self.tasks, self.current_actor,
                                                opener=self.opener)
            self.reports_screen.openApplication.connect(self.open_application)
            self.stack.addWidget(self.reports_screen)
        else:
            self.reports_screen.refresh()
        self.reports_action.setChecked(True)
        self.stack.setCurrentWidget(self.reports_screen)
        self.reports_screen.focus_current()
        return self.reports_screen

    def show_household(self, application_id: int):
        """一户一档 of an application's household (issue 16, the detail window's action):
        统计与档案 on its household tab."""
        screen = self.show_reports()
        page = screen.pages.get("HouseholdTab")
        if page is None:
            return None
        screen.tabs.setCurrentWidget(page)
        page.show_application(application_id)
        self.raise_()
        self.activateWindow()
        return page

    def open_intake_draft(self, draft_id: int) -> None:
        """A draft made elsewhere (a lead's 帮助申请, issue 15) continued at the window; what
        the window held is kept as the clerk's draft first (offered at the next start)."""
        intake = self.intake
        clerk = self.current_actor()
        if clerk is not None and intake._on_form() and intake.form_has_content():
            intake._save_draft_now(clerk, quiet=False, wait=True)
            intake.draft_id = None
        self.show_intake()
        intake.restore(draft_id)

    def show_reserve(self):
        """备用金 (built on first use, refreshed on every visit; issue 13)."""
        from .reserve.screen import ReserveScreen

        if self.reserve_screen is None:
            self.reserve_screen = ReserveScreen(self.services, self.tasks, self.current_actor,
                                                opener=self.opener)
            self.stack.addWidget(self.reserve_screen)
        else:
            self.reserve_screen.refresh()
        self.reserve_action.setChecked(True)
        self.stack.setCurrentWidget(self.reserve_screen)
        self.reserve_screen.view.setFocus()
        return self.reserve_screen

    def show_separate_list(self):
        """单独登记名单 (supervisors and administrators)."""
        from .tracking.separate_list import SeparateListView

        if self.separate is None:
            self.separate = SeparateListView(self.services, self.current_actor)
            self.separate.openApplication.connect(self.open_application)
            self.stack.addWidget(self.separate)
        self.separate_action.setChecked(True)
        self.stack.setCurrentWidget(self.separate)
        return self.separate

    def show_sync(self):
        """同步 (built on first use, refreshed on every visit)."""
        from .sync.screen import SyncScreen

        if self.sync_screen is None:
            self.sync_screen = SyncScreen(self.services, self.tasks, self.current_actor,
                                          opener=self.opener)
            self.stack.addWidget(self.sync_screen)
        else:
            self.sync_screen.refresh()
        self.sync_action.setChecked(True)
        self.stack.setCurrentWidget(self.sync_screen)
        return self.sync_screen

    def show_audit(self):
        """操作日志 (built on first use; the service refuses a clerk anyway)."""
        from .admin.audit import AuditScreen

        if self.audit is None:
            self.audit = AuditScreen(self.services, self.tasks, self.current_actor)
            self.stack.addWidget(self.audit)
        else:
            self.audit.run_query()
        self.audit_action.setChecked(True)
        self.stack.setCurrentWidget(self.audit)
        return self.audit

    def show_admin(self):
        from .admin.screen import AdminScreen

        if self.admin is None:
            self.admin = AdminScreen(self.services, self.tasks, self.current_actor,
                                     opener=self.opener)
            backups = self.admin.backups
            backups.restoreStarting.connect(self._restore_starting)
            backups.restored.connect(self._restored)
            backups.restoreFailed.connect(self._restore_failed)
            self.stack.addWidget(self.admin)
        self.admin_action.setChecked(True)
        self.stack.setCurrentWidget(self.admin)
        return self.admin
