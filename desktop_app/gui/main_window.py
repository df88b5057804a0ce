"""The main window: navigation (新建受理 / 办件查询), the clerk on duty, and a status
bar naming the township and the data folder. Screens get the services passed in."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from .applications import ApplicationsScreen
from .detail import DetailDialog, DetailView
from .intake import IntakeScreen
from .labels import role_label
from .tasks import TaskRunner
from .widgets import open_file

DEMO_STYLE = ("background: #c62828; color: white; font-weight: bold; padding: 3px 10px;"
              "border-radius: 3px;")


class MainWindow(QMainWindow):
    """Built in two steps so the first paint does not wait for the database:
    the frame (toolbar, status bar, a "opening…" page), then :meth:`attach` with
    the services builds the screens. :func:`~desktop_app.gui.app.build_main_window`
    does both."""

    def __init__(self, tasks: TaskRunner, *, data_dir: Path | None = None,
                 demo: bool = False, opener: Callable[[Path], object] = open_file) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.services = None
        self.tasks = tasks
        self.demo = demo
        self.opener = opener
        self.data_dir = data_dir
        self.details: dict[int, DetailDialog] = {}
        self._set_title("")
        self.resize(1280, 800)

        self.clerk = QComboBox()
        self.clerk.setObjectName("clerkCombo")
        self.clerk.setToolTip(self.tr("The clerk on duty; recorded on every decision and document"))
        self.clerk.setMinimumContentsLength(8)

        self.stack = QStackedWidget()
        self.loading = QLabel(self.tr("Opening the data folder…"))
        self.loading.setObjectName("loadingLabel")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.loading)
        self.setCentralWidget(self.stack)

        toolbar = QToolBar(self.tr("Navigation"))
        toolbar.setObjectName("navigation")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.addToolBar(toolbar)
        group = QActionGroup(self)
        self.intake_action = QAction(self.tr("New application"), self)
        self.intake_action.setObjectName("intakeAction")
        self.intake_action.setShortcut(QKeySequence("Ctrl+N"))
        self.intake_action.setToolTip(self.tr("Register an application (Ctrl+N)"))
        self.search_action = QAction(self.tr("Find applications"), self)
        self.search_action.setObjectName("searchAction")
        self.search_action.setShortcut(QKeySequence("Ctrl+F"))
        self.search_action.setToolTip(self.tr("Search and open applications (Ctrl+F)"))
        for action in (self.intake_action, self.search_action):
            action.setCheckable(True)
            action.setEnabled(False)
            group.addAction(action)
            toolbar.addAction(action)
        self.intake_action.setChecked(True)
        self.intake_action.triggered.connect(self.show_intake)
        self.search_action.triggered.connect(self.show_applications)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        toolbar.addWidget(spacer)
        if demo:
            marker = QLabel(self.tr("Demo mode"))
            marker.setObjectName("demoMarker")
            marker.setStyleSheet(DEMO_STYLE)
            marker.setToolTip(self.tr("Invented data for practice and demonstration"))
            toolbar.addWidget(marker)
            toolbar.addSeparator()
        toolbar.addWidget(QLabel(self.tr("Clerk on duty:")))
        toolbar.addWidget(self.clerk)

        status = self.statusBar()
        self.township_label = QLabel()
        self.township_label.setObjectName("townshipLabel")
        self.folder_label = QLabel(self.tr("Data folder: %1").replace("%1", str(data_dir or "")))
        self.folder_label.setObjectName("dataFolderLabel")
        status.addWidget(self.township_label)
        status.addPermanentWidget(self.folder_label)
        if demo:
            status_marker = QLabel(self.tr("Demo mode"))
            status_marker.setStyleSheet(DEMO_STYLE)
            status.addPermanentWidget(status_marker)

    def _set_title(self, township: str) -> None:
        title = (self.tr("Social Assistance Window — %1").replace("%1", township) if township
                 else QCoreApplication.translate("App", "Social Assistance Window"))
        if self.demo:
            title += self.tr(" [demo]")
        self.setWindowTitle(title)

    def attach(self, services) -> None:
        """Build the screens over ``services`` (the township must be set up)."""
        self.services = services
        township = services.setup.township()
        self._set_title(township.name)
        self.township_label.setText(f"{township.name}（{township.code}）")
        self.folder_label.setText(self.tr("Data folder: %1").replace(
            "%1", str(self.data_dir or services.ctx.db.data_dir)))
        self.reload_staff()
        self.intake = IntakeScreen(services, self.tasks, self.clerk_id, opener=self.opener)
        self.applications = ApplicationsScreen(services)
        self.stack.addWidget(self.intake)
        self.stack.addWidget(self.applications)
        self.stack.setCurrentWidget(self.intake)
        self.stack.removeWidget(self.loading)
        self.loading.setParent(None)
        self.loading.deleteLater()
        for action in (self.intake_action, self.search_action):
            action.setEnabled(True)
        self.intake.saved.connect(self.on_changes)
        self.intake.openApplication.connect(self.open_application)
        self.applications.openApplication.connect(self.open_application)
        self.intake.applicant.name.setFocus()

    # -- clerk ------------------------------------------------------------------------------------
    def reload_staff(self) -> None:
        current = self.clerk.currentData()
        self.clerk.clear()
        for person in self.services.setup.staff():
            self.clerk.addItem(f"{person.name}（{role_label(person.role)}）", person.id)
        index = self.clerk.findData(current)
        self.clerk.setCurrentIndex(max(index, 0))

    def clerk_id(self) -> int | None:
        return self.clerk.currentData()

    # -- navigation -------------------------------------------------------------------------------
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

    def open_application(self, application_id: int) -> DetailDialog:
        dialog = self.details.get(application_id)
        if dialog is not None:
            dialog.view.reload()
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        view = DetailView(self.services, self.tasks, application_id, self.clerk_id, opener=self.opener)
        view.changed.connect(self.on_changes)
        dialog = DetailDialog(view, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _=None, i=application_id: self.details.pop(i, None))
        self.details[application_id] = dialog
        dialog.show()
        return dialog

    def on_changes(self, changes) -> None:
        """One change notice reaches every open view (Anki's OpChanges)."""
        self.applications.applications_changed(changes)
        for app_id in getattr(changes, "applications", ()):
            dialog = self.details.get(app_id)
            if dialog is not None:
                dialog.view.reload()

    def closeEvent(self, event) -> None:
        # Let a save in progress finish: the clerk's last application must not be lost.
        self.tasks.shutdown(wait=True)
        for dialog in list(self.details.values()):
            dialog.close()
        super().closeEvent(event)
