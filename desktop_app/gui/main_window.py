"""The main window: navigation (新建受理 / 办件查询 / 同步 / 操作日志 / 系统管理), the
logged-in user with 修改密码 / 锁定 / 注销, the exports-paused banner, the idle
lock, and a status bar naming the township, the data folder and the last backup.

Screens get the services and a callable returning the logged-in
:class:`~desktop_app.core.services.auth.Actor`; they pass it to every service call.
Entries a role may not use are hidden (the services refuse anyway).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication, QSettings, QSize, Qt, QTimer
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QLabel,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.services.auth import AUDIT_VIEW, SEPARATE_LIST, SYNC, USERS
from .admin.backups import ExportsBanner
from .applications.detail import DetailDialog, DetailView
from .applications.screen import ApplicationsScreen
from .auth.lock_screen import IdleWatcher, LockOverlay
from .intake.screen import IntakeScreen
from .kit import wheel
from .kit.dialogs import ask_yes_no
from .kit.fmt import fmt
from .kit.geometry import RememberedGeometry
from .kit.opener import open_document
from .kit.tasks import TaskRunner
from .navigation import DEMO_STYLE, MainWindowNavigation

if TYPE_CHECKING:
    from ..core.services import Services
    from ..core.services.auth import Actor
    from .admin.backups import AutoBackups


log = logging.getLogger(__name__)

#: The size the window asks for; never more than the screen's available geometry.
PREFERRED_SIZE = QSize(1280, 800)

class MainWindow(MainWindowNavigation, QMainWindow):
    """Built in two steps so the first paint does not wait for the database:
    the frame (toolbar, status bar, a "opening…" page), then :meth:`attach` with
    the services and the logged-in user builds the screens.
    :func:`~desktop_app.gui.app.build_main_window` does both."""

    def __init__(self, tasks: TaskRunner, *, data_dir: Path | None = None,
                 demo: bool = False, opener: Callable[[Path], object] = open_document,
                 settings: QSettings | None = None) -> None:
        super().__init__()
        wheel.install()  # wheel-safe inputs, windows that fit, visible focus (app-wide)
        self.setObjectName("mainWindow")
        self.services: Services = cast("Services", None)  # None until attach()
        self.actor: Actor | None = None
        self.tasks = tasks
        self.demo = demo
        self.opener = opener
        self.data_dir = data_dir
        self.details: dict[int, DetailDialog] = {}
        self.audit = None
        self.admin = None
        self.tracking = None
        self.separate = None
        self.sync_screen = None
        self.reserve_screen = None
        self.dynamic_screen = None
        self.reports_screen = None
        self.idle: IdleWatcher | None = None
        self.auto_backups: AutoBackups | None = None
        self.ask: Callable[[QWidget, str, str], bool] = ask_yes_no
        self._hidden_windows: list[QWidget] = []
        self._focus: QWidget | None = None
        self._set_title("")
        self.settings = settings
        self.resize(PREFERRED_SIZE)

        self.stack = QStackedWidget()
        self.loading = QLabel(self.tr("Opening the data folder…"))
        self.loading.setObjectName("loadingLabel")
        self.loading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack.addWidget(self.loading)
        self.banner = ExportsBanner()
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.banner)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_toolbar()

        status = self.statusBar()
        self.township_label = QLabel()
        self.township_label.setObjectName("townshipLabel")
        self.backup_label = QLabel()
        self.backup_label.setObjectName("backupStatus")
        self.folder_label = QLabel(fmt(self.tr("Data folder: %1"), str(data_dir or "")))
        self.folder_label.setObjectName("dataFolderLabel")
        status.addWidget(self.township_label)
        status.addWidget(self.backup_label)
        status.addPermanentWidget(self.folder_label)
        if demo:
            status_marker = QLabel(self.tr("Demo mode"))
            status_marker.setStyleSheet(DEMO_STYLE)
            status.addPermanentWidget(status_marker)
        self.lock_overlay = LockOverlay(self, demo=demo, has_unsaved_input=self.has_unsaved_input,
                                       ask=lambda parent, title, text: self.ask(parent, title, text))
        self.lock_overlay.unlocked.connect(self._unlocked)
        self.lock_overlay.switched.connect(self._switch_to)
        # Sized to the screen it opens on; geometry and maximised state per screen.
        self.geometry_memory = RememberedGeometry(self, "main", PREFERRED_SIZE, settings)
        self.geometry_memory.restore()

    def show_remembered(self) -> None:
        """Show the window as it was left on this screen (maximised again if it was)."""
        self.geometry_memory.show()

    def _set_title(self, township: str) -> None:
        title = (fmt(self.tr("Social Assistance Window — %1"), township) if township
                 else QCoreApplication.translate("App", "Social Assistance Window"))
        if self.demo:
            title += self.tr(" [demo]")
        self.setWindowTitle(title)

    # -- building ---------------------------------------------------------------------------------
    def attach(self, services: Services, actor) -> None:
        """Build the screens over ``services`` for the logged-in ``actor``."""
        self.services = services
        self.lock_overlay.services = services
        self.lock_overlay.tasks = self.tasks
        self.banner.bind(services, self.current_actor, self.tasks)
        self.tasks.bus.changed.connect(self._on_changes)
        self._show_township()
        self.folder_label.setText(fmt(self.tr("Data folder: %1"), str(self.data_dir or services.ctx.db.data_dir)))
        self.intake = IntakeScreen(services, self.tasks, self.current_actor, opener=self.opener)
        self.applications = ApplicationsScreen(services, bus=self.tasks.bus)
        self.stack.addWidget(self.intake)
        self.stack.addWidget(self.applications)
        self.stack.setCurrentWidget(self.intake)
        self.stack.removeWidget(self.loading)
        self.loading.setParent(None)
        self.loading.deleteLater()
        self.intake.openApplication.connect(self.open_application)
        self.applications.openApplication.connect(self.open_application)
        self.idle = IdleWatcher(10, self)
        self.idle.idle.connect(self.lock_screen)
        self.set_actor(actor)
        self.intake.applicant.name.setFocus()
        if actor is None:
            self._cover()
            self.lock_overlay.show_login()

    def _show_township(self) -> None:
        township = self.services.setup.township()
        self._set_title(township.name)
        self.township_label.setText(f"{township.name}（{township.code}）")

    def start_auto_backups(self, interval_ms: int | None = None):
        """Start-up backup off the GUI thread now, then an hourly daily-due check."""
        from .admin.backups import AutoBackups

        kwargs = {"interval_ms": interval_ms} if interval_ms else {}
        self.auto_backups = AutoBackups(self.services, self.tasks, self, **kwargs)
        self.auto_backups.reported.connect(self.show_backup_status)
        self.auto_backups.start()
        return self.auto_backups

    def show_backup_status(self, text: str, error: bool) -> None:
        self.backup_label.setText(text)
        self.backup_label.setStyleSheet("color: #c62828; font-weight: bold;" if error else "")

    # -- the logged-in user -----------------------------------------------------------------------
    def current_actor(self):
        return self.actor

    def clerk_id(self) -> int | None:
        return self.actor.staff_id if self.actor is not None else None

    def set_actor(self, actor) -> None:
        """Show ``actor`` as logged in and what their role may open."""
        previous, self.actor = self.actor, actor
        if previous is None or actor is None or previous.staff_id != actor.staff_id \
                or previous.role != actor.role:
            self._drop_restricted_screens()
        logged_in = actor is not None
        if logged_in and getattr(self, "intake", None) is not None:
            QTimer.singleShot(0, self.intake, self.intake.offer_drafts)  # drafts left (issue 14)
        self.user_label.setText(f"{actor.name}（{actor.role_label}）" if logged_in else "")
        for action in (self.intake_action, self.search_action, self.tracking_action,
                       self.dynamic_action, self.reports_action, self.reserve_action, self.password_action,
                       self.verify_action,  # issue 17 — qrcheck
                       self.lock_action, self.logout_action):
            action.setEnabled(logged_in)
        self.sync_action.setVisible(logged_in and actor.can(SYNC))
        self.separate_action.setVisible(logged_in and actor.can(SEPARATE_LIST))
        self.audit_action.setVisible(logged_in and actor.can(AUDIT_VIEW))
        self.admin_action.setVisible(logged_in and actor.can(USERS))
        for action in (self.sync_action, self.separate_action, self.audit_action,
                       self.admin_action):
            action.setEnabled(action.isVisible())
        self.banner.refresh()
        if self.idle is not None and self.services is not None:
            self.apply_settings()
            self.idle.resume()

    def apply_settings(self) -> None:
        assert self.idle is not None  # called once the screens are built
        try:
            self.idle.set_minutes(self.services.accounts.idle_lock_minutes())
        except Exception:
            log.exception("cannot read the idle lock setting")

    def _drop_restricted_screens(self) -> None:
        """Screens built for one user are not shown to the next (their data stays theirs)."""
        current = self.stack.currentWidget()
        for attr in ("separate", "audit", "admin", "sync_screen", "reserve_screen",
                     "dynamic_screen", "reports_screen"):
            screen = getattr(self, attr)
            if screen is None:
                continue
            shutdown = getattr(screen, "shutdown", None)
            if shutdown is not None:
                shutdown()  # a running export is cancelled (it leaves nothing)
            if screen is current:
                self.intake_action.setChecked(True)
                self.stack.setCurrentWidget(self.intake)
            self.stack.removeWidget(screen)
            screen.setParent(None)
            screen.deleteLater()
            setattr(self, attr, None)

    def has_unsaved_input(self) -> bool:
        intake = getattr(self, "intake", None)
        return bool(intake is not None and intake.stack.currentWidget() is intake.form
                    and intake.has_input())

    def _discard_session(self) -> None:
        """A different user takes over: nothing of the previous one stays on screen."""
        for dialog in list(self.details.values()):
            dialog.close()
        self.intake.new_application()
        self.intake_action.setChecked(True)
        self.stack.setCurrentWidget(self.intake)

    # -- lock, log out, switch --------------------------------------------------------------------
    def _own_windows(self) -> list[QWidget]:
        out: list[QWidget] = []
        for w in QApplication.topLevelWidgets():
            if w is self or not w.isVisible() or not isinstance(w, QDialog):
                continue
            p = w.parentWidget()
            while p is not None and p is not self:
                p = p.parentWidget()
            if p is self:
                out.append(w)
        return out

    def _cover(self) -> None:
        if not self.lock_overlay.isVisible():
            self._focus = QApplication.focusWidget()
            self._hidden_windows = self._own_windows()
        for w in self._hidden_windows:
            w.hide()
        cast(QWidget, self.centralWidget()).setEnabled(False)
        self.toolbar.setEnabled(False)
        if self.idle is not None:
            self.idle.pause()

    def _uncover(self) -> None:
        cast(QWidget, self.centralWidget()).setEnabled(True)
        self.toolbar.setEnabled(True)
        for w in self._hidden_windows:
            try:
                w.show()
            except RuntimeError:  # closed meanwhile
                pass
        self._hidden_windows = []
        if self._focus is not None:
            try:
                self._focus.setFocus()
            except RuntimeError:
                pass
        self._focus = None

    def lock_screen(self) -> bool:
        """Cover the window; the open screen and its input stay as they are."""
        if self.actor is None or self.lock_overlay.isVisible():
            return False
        modal = QApplication.activeModalWidget()
        if modal is not None and modal is not self:
            # A modal dialog is being answered: lock once it closes (next check).
            if self.idle is not None:
                self.idle.active = True
            return False
        self._cover()
        self.lock_overlay.show_lock(self.actor)
        return True

    def _unlocked(self, actor) -> None:
        self._uncover()
        self.set_actor(actor)

    def _switch_to(self, actor) -> None:
        """Someone logged in on the overlay (a switch, or after 注销 / a restore)."""
        previous = self.actor
        if previous is not None and previous.staff_id != actor.staff_id:
            self._log_out(previous)
            self._discard_session()
        self._uncover()
        self.set_actor(actor)
        if previous is None or previous.staff_id != actor.staff_id:
            self._focus = None
            self.intake.applicant.name.setFocus()

    def logout(self) -> bool:
        """注销 / 切换用户: anyone logs in next; unsaved input is discarded (asked first)."""
        if self.actor is None:
            return False
        if self.has_unsaved_input() and not self.ask(
                self, self.tr("Log out"),
                self.tr("The open application has not been saved. Log out and discard it?")):
            return False
        self._log_out(self.actor)
        self._discard_session()
        self._cover()
        self.set_actor(None)
        self.lock_overlay.show_login(self.tr("Logged out."))
        return True

    def _log_out(self, actor) -> None:
        """Record the logout on the write lane (a failure is logged, never shown)."""
        accounts = self.services.accounts
        self.tasks.run(lambda: accounts.logout(actor),
                       on_error=lambda exc: log.warning("logout failed: %r", exc))

    def change_password(self):
        from .auth.login import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.services, self.actor, self, tasks=self.tasks)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.set_actor(dialog.actor)
        dialog.deleteLater()
        return dialog

    def _users_changed(self) -> None:
        """The administrator may have renamed themselves or changed their own role."""
        from ..core.services.auth import Actor

        assert self.actor is not None  # called while someone is logged in
        try:
            me = self.services.accounts.find(self.actor.username)
        except LookupError:
            return
        if (me.name, me.role) != (self.actor.name, self.actor.role):
            self.set_actor(Actor(me.id, me.name, me.role, me.username))

    def open_application(self, application_id: int) -> DetailDialog:
        dialog = self.details.get(application_id)
        if dialog is not None:
            dialog.view.reload()
            dialog.raise_()
            dialog.activateWindow()
            return dialog
        view = DetailView(self.services, self.tasks, application_id, self.current_actor,
                          opener=self.opener)
        view.openHousehold.connect(self.show_household)  # issue 16 — householdgui
        dialog = DetailDialog(view, self, settings=self.settings)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda _=None, i=application_id: self.details.pop(i, None))
        self.details[application_id] = dialog
        dialog.geometry_memory.show()
        return dialog

    def _on_changes(self, changes, _origin) -> None:
        """The change bus, for what the window itself shows: the idle lock setting and
        the logged-in user (screens subscribe on their own)."""
        if changes.settings and self.idle is not None and self.actor is not None:
            self.apply_settings()
        if changes.accounts and self.actor is not None:
            self._users_changed()

    # -- restore ----------------------------------------------------------------------------------
    def _restore_starting(self) -> None:
        for dialog in list(self.details.values()):
            dialog.close()
        self._cover()
        self.lock_overlay.show_busy(self.tr("Restoring the backup… Please wait."))

    def _restored(self, result) -> None:
        """The database was replaced: fresh screens, and everyone logs in again."""
        self._drop_restricted_screens()
        self.set_actor(None)
        self._show_township()
        self.intake.reload_villages()
        self.intake.new_application()
        self.applications.reload_villages()
        self.applications.run_search()
        if self.tracking is not None:
            self.tracking.reload_choices()
            self.tracking.refresh()
        self.banner.refresh()
        b = result.backup
        self.lock_overlay.show_login(
            fmt(self.tr("The data was restored from the backup made on %1 (%2 applications). "
                    "Accounts now come from that backup: please log in again."), b.created.strftime("%Y-%m-%d %H:%M"),
                        str(b.applications)))

    def _restore_failed(self) -> None:
        self.lock_overlay.release()
        self._uncover()

    # -- closing ----------------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        # Let a save in progress finish: the clerk's last application must not be lost.
        # A running export is cancelled instead (it leaves nothing behind).
        for screen in (self.sync_screen, self.reports_screen):
            if screen is not None:
                screen.shutdown()
        self.tasks.shutdown(wait=True)
        if self.auto_backups is not None:
            self.auto_backups.at_exit()
            self.auto_backups = None
            self.tasks.shutdown(wait=True)
        if self.idle is not None:
            self.idle.stop()
        for dialog in list(self.details.values()):
            dialog.close()
        self.geometry_memory.save()
        super().closeEvent(event)
