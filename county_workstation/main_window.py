"""The county workstation's main window: one tab per entry of :data:`TABS`.

``TABS`` is the ONE list of tabs, in order: ``("module:Class", English title)`` with the
module relative to ``county_workstation`` and the title marked with ``QT_TRANSLATE_NOOP``
in the ``CountyWindow`` context. The tab-class contract is in :mod:`.context`. A tab
module is imported when the window is built for a logged-in user; a tab whose ``ROLES``
leaves out the user's role is not built.
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP as _NOOP
from PySide6.QtCore import QCoreApplication, QSettings, QSize
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QTabWidget, QWidget

from desktop_app.gui.kit.fmt import fmt
from desktop_app.gui.kit.geometry import RememberedGeometry
from desktop_app.gui.kit.tasks import TaskRunner

from .context import CountyContext

CONTEXT = "CountyWindow"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    return str(_NOOP(context, text))


#: The tabs, in order (cviews adds its lines here).
TABS: list[tuple[str, str]] = [
    ("townships:TownshipsTab", QT_TRANSLATE_NOOP("CountyWindow", "Townships")),
    ("receive:ReceiveTab", QT_TRANSLATE_NOOP("CountyWindow", "Receive packages")),
    ("status:StatusTab", QT_TRANSLATE_NOOP("CountyWindow", "Status")),
    ("returns:ReturnsTab", QT_TRANSLATE_NOOP("CountyWindow", "Return packages")),
    # issue 17 — cviews
    ("views.overdue:OverdueTab", QT_TRANSLATE_NOOP("CountyWindow", "Overdue referrals")),
    ("views.monthly:MonthlyTab", QT_TRANSLATE_NOOP("CountyWindow", "Monthly figures")),
    ("views.duplicates:DuplicatesTab", QT_TRANSLATE_NOOP("CountyWindow", "Duplicates")),
    ("views.feedback:FeedbackTab", QT_TRANSLATE_NOOP("CountyWindow", "Department feedback")),
    ("views.verify:VerifyTab", QT_TRANSLATE_NOOP("CountyWindow", "Verify")),
]

ROLE_TITLES = {
    "admin": QT_TRANSLATE_NOOP("CountyWindow", "administrator"),
    "officer": QT_TRANSLATE_NOOP("CountyWindow", "officer"),
    "department": QT_TRANSLATE_NOOP("CountyWindow", "department"),
}


class CountyWindow(QMainWindow):
    """Tabs for the logged-in user; 注销 drops them and shows the login again."""

    def __init__(self, context: CountyContext, tasks: TaskRunner, *,
                 settings: QSettings | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("countyWindow")
        self.context = context
        self.tasks = tasks
        self.actor: Any = None
        self.pages: dict[str, QWidget] = {}
        self.tabs = QTabWidget()
        self.tabs.setObjectName("countyTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.setCentralWidget(self.tabs)
        self.user_label = QLabel()
        self.user_label.setObjectName("countyUser")
        self.statusBar().addPermanentWidget(self.user_label)
        self.logout_action = QAction(self.tr("Log out"), self)
        self.logout_action.setObjectName("logoutAction")
        self.logout_action.setShortcut(QKeySequence("Ctrl+Shift+L"))
        self.logout_action.triggered.connect(self.logout)
        toolbar = self.addToolBar(self.tr("Session"))
        toolbar.setObjectName("countyToolbar")
        toolbar.setMovable(False)
        toolbar.addAction(self.logout_action)
        self.setMinimumSize(1000, 600)
        self.geometry_memory = RememberedGeometry(self, "county", QSize(1320, 740), settings)
        self.geometry_memory.restore()
        tasks.bus.changed.connect(self._changed)
        self._update_title()

    # -- the session -----------------------------------------------------------------
    def current_actor(self) -> Any:
        return self.actor

    def attach(self, actor: Any) -> None:
        """Build the tabs for ``actor`` (``None``: nobody logged in, no tabs)."""
        self._drop_tabs()
        self.actor = actor
        if actor is not None:
            from county_receiver.ops import audit_county

            audit_county(self.context.county, actor)  # every County write checked + audited
        if actor is not None:
            for path, title in TABS:
                module_name, _, class_name = path.partition(":")
                module = importlib.import_module(f"county_workstation.{module_name}")
                cls = getattr(module, class_name)
                roles = getattr(cls, "ROLES", None)
                if roles is not None and actor.role not in roles:
                    continue
                page = cls(self.context, self.tasks, self.current_actor, parent=self)
                self.pages[class_name] = page
                self.tabs.addTab(page, QCoreApplication.translate(CONTEXT, title))
            self.refresh()
        self.logout_action.setEnabled(actor is not None)
        self._update_title()

    def show_login(self, hint: str = "") -> None:
        """Show the window and ask who works (the first administrator on a new county);
        ``hint``: a line for the login dialog (the demo's accounts)."""
        from .login import ask_actor

        self.geometry_memory.show()
        self.login_hint = hint or getattr(self, "login_hint", "")
        actor = ask_actor(self.context, self.tasks, self, hint=self.login_hint)
        if actor is None:
            self.close()
            return
        self.attach(actor)

    def logout(self) -> None:
        self.attach(None)
        self.show_login()

    def _drop_tabs(self) -> None:
        self.shutdown_tabs()
        while self.tabs.count():
            page = self.tabs.widget(0)
            self.tabs.removeTab(0)
            if page is not None:
                page.deleteLater()
        self.pages.clear()

    # -- tabs ------------------------------------------------------------------------
    def page(self, class_name: str) -> Any:
        return self.pages[class_name]

    def show_tab(self, class_name: str) -> Any:
        page = self.pages[class_name]
        self.tabs.setCurrentWidget(page)
        return page

    def refresh(self) -> None:
        page = self.tabs.currentWidget()
        if page is not None:
            page.refresh()  # type: ignore[attr-defined]

    def _tab_changed(self, _index: int) -> None:
        self.refresh()

    def _changed(self, _changes: Any, origin: Any) -> None:
        page = self.tabs.currentWidget()
        if page is not None and origin is not page:
            page.refresh()  # type: ignore[attr-defined]

    def shutdown_tabs(self) -> None:
        for page in self.pages.values():
            shutdown = getattr(page, "shutdown", None)
            if shutdown is not None:
                shutdown()

    def _update_title(self) -> None:
        title = self.tr("County workstation")
        if self.context.demo:
            title += " — " + self.tr("demo")
        self.setWindowTitle(title)
        actor = self.actor
        if actor is None:
            self.user_label.setText("")
            return
        role = QCoreApplication.translate(CONTEXT, ROLE_TITLES.get(actor.role, actor.role))
        if actor.department:
            role += " " + actor.department
        self.user_label.setText(fmt(self.tr("%1 (%2)"), actor.name or actor.username, role))

    def closeEvent(self, event: QCloseEvent) -> None:
        self.shutdown_tabs()
        self.geometry_memory.save()
        self.tasks.shutdown(wait=True)
        super().closeEvent(event)
