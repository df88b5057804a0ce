"""Idle lock: after ``idle_lock_minutes`` without keyboard or mouse input the main
window is covered, keeping the open screen and its unsaved input underneath.

* :class:`IdleWatcher` is an application-wide event filter that only notes the time
  of the last input; a slow timer compares it with the limit (cheap: no timer
  restarts on every mouse move).
* :class:`LockOverlay` is an opaque child of the main window that covers everything
  (toolbar included). The same user's password unlocks (``accounts.unlock``);
  another user's login is a user switch — if there is unsaved input, the overlay
  asks first. The main window also uses it, in *login* mode, after 注销 and after a
  restore (everyone logs in again) and, in *busy* mode, while a backup is restored.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import PermissionDenied
from ..kit.dialogs import ask_yes_no
from ..kit.errors import message_of
from ..kit.fmt import fmt
from ..kit.tasks import TaskRunner, call_on_writer
from .login import LoginForm, busy_cursor, password_edit

if TYPE_CHECKING:
    from ...core.services.auth import Actor

INPUT_EVENTS = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.Wheel, QEvent.Type.InputMethod, QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
})
CHECK_MS = 5000


class IdleWatcher(QObject):
    """Emits ``idle`` once after ``minutes`` without input; :meth:`resume` re-arms it."""

    idle = Signal()

    def __init__(self, minutes: int, parent: QObject | None = None, *,
                 clock: Callable[[], float] = time.monotonic, check_ms: int = CHECK_MS) -> None:
        super().__init__(parent)
        self.clock = clock
        self.minutes = minutes
        self.active = True
        self.last_input = clock()
        self.timer = QTimer(self)
        self.timer.setInterval(check_ms)
        self.timer.timeout.connect(self.check)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in INPUT_EVENTS:
            self.last_input = self.clock()
        return False

    def set_minutes(self, minutes: int) -> None:
        self.minutes = max(1, int(minutes))

    def idle_seconds(self) -> float:
        return self.clock() - self.last_input

    def check(self) -> bool:
        """Emit ``idle`` if the limit has passed (called by the timer; tests call it)."""
        if self.active and self.idle_seconds() >= self.minutes * 60:
            self.active = False
            self.idle.emit()
            return True
        return False

    def pause(self) -> None:
        self.active = False

    def resume(self) -> None:
        self.last_input = self.clock()
        self.active = True

    def stop(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)


class LockOverlay(QWidget):
    """Covers the main window. ``unlocked(actor)``: the same user is back;
    ``switched(actor)``: another user logged in (unsaved input may be discarded)."""

    unlocked = Signal(object)
    switched = Signal(object)

    LOCK, LOGIN, BUSY = "lock", "login", "busy"

    def __init__(self, parent: QWidget, services=None, *, demo: bool = False,
                 has_unsaved_input: Callable[[], bool] = lambda: False,
                 ask: Callable[[QWidget, str, str], bool] = ask_yes_no) -> None:
        super().__init__(parent)
        self.setObjectName("lockOverlay")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.setStyleSheet("#lockOverlay { background: #37474f; }"
                           "#lockPanel { background: palette(window); border-radius: 8px; }")
        self.services = services
        self.tasks: TaskRunner | None = None  # the main window's runner (the write lane)
        self.demo = demo
        self.has_unsaved_input = has_unsaved_input
        self.ask = ask
        self.actor: Actor | None = None
        self.mode = self.LOCK

        panel = QFrame()
        panel.setObjectName("lockPanel")
        panel.setFixedWidth(520)
        self.title = QLabel()
        self.title.setObjectName("lockTitle")
        self.title.setStyleSheet("font-size: 16pt; font-weight: bold;")
        self.message = QLabel()
        self.message.setObjectName("lockMessage")
        self.message.setWordWrap(True)

        # The same user unlocks.
        self.unlock_box = QWidget()
        self.password = password_edit("unlockPassword")
        self.password.returnPressed.connect(self.unlock)
        self.unlock_error = QLabel()
        self.unlock_error.setObjectName("unlockError")
        self.unlock_error.setStyleSheet("color: #c62828;")
        self.unlock_error.setWordWrap(True)
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("unlockButton")
        self.unlock_button.clicked.connect(self.unlock)
        self.switch_toggle = QPushButton(self.tr("Log in as another user…"))
        self.switch_toggle.setObjectName("switchToggle")
        self.switch_toggle.setFlat(True)
        self.switch_toggle.clicked.connect(self.show_switch)
        unlock_form = QFormLayout()
        unlock_form.addRow(self.tr("Password"), self.password)
        row = QHBoxLayout()
        row.addWidget(self.switch_toggle)
        row.addStretch(1)
        row.addWidget(self.unlock_button)
        unlock_layout = QVBoxLayout(self.unlock_box)
        unlock_layout.setContentsMargins(0, 0, 0, 0)
        unlock_layout.addLayout(unlock_form)
        unlock_layout.addWidget(self.unlock_error)
        unlock_layout.addLayout(row)

        # Another user (or anyone, in login mode).
        self.switch_box = QWidget()
        self.form = LoginForm([], demo=demo)
        self.form.password.returnPressed.connect(self.login)
        self.login_button = QPushButton(self.tr("Log in"))
        self.login_button.setObjectName("lockLoginButton")
        self.login_button.clicked.connect(self.login)
        login_row = QHBoxLayout()
        login_row.addStretch(1)
        login_row.addWidget(self.login_button)
        switch_layout = QVBoxLayout(self.switch_box)
        switch_layout.setContentsMargins(0, 0, 0, 0)
        switch_layout.addWidget(self.form)
        switch_layout.addLayout(login_row)

        inner = QVBoxLayout(panel)
        inner.setContentsMargins(28, 24, 28, 24)
        inner.addWidget(self.title)
        inner.addWidget(self.message)
        inner.addWidget(self.unlock_box)
        inner.addWidget(self.switch_box)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        center = QHBoxLayout()
        center.addStretch(1)
        center.addWidget(panel)
        center.addStretch(1)
        outer.addLayout(center)
        outer.addStretch(2)
        self.hide()
        parent.installEventFilter(self)

    # -- geometry ------------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.parent() and event.type() == QEvent.Type.Resize and self.isVisible():
            parent = self.parentWidget()
            assert parent is not None  # the overlay filters its parent's events
            self.setGeometry(parent.rect())
        return False

    def _cover(self) -> None:
        parent = self.parentWidget()
        assert parent is not None  # built over the main window
        self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    @property
    def locked(self) -> bool:
        return self.isVisible()

    # -- modes ---------------------------------------------------------------------------------
    def _names(self, select: str = "") -> None:
        try:
            names = self.services.accounts.login_names() if self.services else []
        except Exception:
            names = []
        self.form.set_names(names, select)

    def show_lock(self, actor) -> None:
        """Locked by idleness: ``actor``'s password unlocks."""
        self.mode, self.actor = self.LOCK, actor
        self.title.setText(self.tr("Screen locked"))
        self.message.setText(fmt(self.tr("%1 (%2) is logged in. The open screen and anything typed "
                                     "are kept; enter the password to continue."), actor.name, actor.role_label))
        self.message.show()
        self.password.clear()
        self.unlock_error.clear()
        self.unlock_error.hide()
        self.unlock_box.show()
        self.switch_box.hide()
        self.switch_toggle.show()
        self._cover()
        self.password.setFocus()

    def show_login(self, message: str = "") -> None:
        """Nobody is logged in (after 注销, after a restore): anyone logs in."""
        self.mode, self.actor = self.LOGIN, None
        self.title.setText(self.tr("Log in"))
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.unlock_box.hide()
        self._names("admin" if self.demo else "")
        self.form.error.clear_message()
        self.form.password.clear()
        self.switch_box.show()
        self._cover()
        self.form.focus()

    def show_busy(self, message: str) -> None:
        """Covers the screens while the data is replaced (nothing to type)."""
        self.mode, self.actor = self.BUSY, None
        self.title.setText(self.tr("Please wait"))
        self.message.setText(message)
        self.message.show()
        self.unlock_box.hide()
        self.switch_box.hide()
        self._cover()

    def show_switch(self) -> None:
        self._names()
        self.form.error.clear_message()
        self.form.password.clear()
        self.switch_toggle.hide()
        self.switch_box.show()
        self.form.focus()

    def release(self) -> None:
        self.password.clear()
        self.form.password.clear()
        self.hide()

    # -- actions -------------------------------------------------------------------------------
    def unlock(self) -> bool:
        from ...core.services import LoginFailed

        accounts, me, password = self.services.accounts, self.actor, self.password.text()
        try:
            with busy_cursor():
                actor = call_on_writer(self.tasks, lambda: accounts.unlock(me, password)).value
        except (LoginFailed, PermissionDenied) as exc:
            self.password.clear()
            self.unlock_error.setText(message_of(exc) or str(exc))
            self.unlock_error.show()
            return False
        self.release()
        self.unlocked.emit(actor)
        return True

    def login(self) -> bool:
        """Log in from the form: the locked user again (= unlock), or a user switch."""
        from ...core.services import LoginFailed

        username = self.form.user()
        if not username:
            return False
        same = self.actor is not None and username == self.actor.username
        if self.mode == self.LOCK and not same and not self.may_discard():
            return False
        accounts, me, password = self.services.accounts, self.actor, self.form.password.text()
        try:
            with busy_cursor():
                actor = call_on_writer(self.tasks, (lambda: accounts.unlock(me, password)) if same
                                       else (lambda: accounts.login(username, password))).value
        except (LoginFailed, PermissionDenied) as exc:
            self.form.show_failure(exc)
            return False
        if actor.must_change_password:
            actor = self.change_password(actor, self.form.password.text())
            if actor is None:
                self.form.error.show_messages([self.tr("Choose a new password to continue.")])
                self.form.password.clear()
                return False
        self.release()
        (self.unlocked if same else self.switched).emit(actor)
        return True

    def may_discard(self) -> bool:
        """No unsaved input, or the user agreed to discard it."""
        if not self.has_unsaved_input():
            return True
        assert self.actor is not None  # unsaved input belongs to a logged-in user
        return self.ask(self, self.tr("Switch user"),
                        fmt(self.tr("%1 has unsaved input on the open screen. If another user logs "
                                "in now, it is discarded. Switch user anyway?"), self.actor.name))

    def change_password(self, actor, old_password: str):
        """An administrator reset this password: the user chooses their own first."""
        from PySide6.QtWidgets import QDialog

        from .login import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.services, actor, self, old_password=old_password,
                                      tasks=self.tasks)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return dialog.actor if accepted else None
