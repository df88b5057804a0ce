"""Start-up on a large database: the login dialog first, the services behind it.

Opening the services costs ~0.5 s before anything can be asked of them (importing
SQLAlchemy, the models and every service; opening the database), and the login
dialog used to wait for it: usable at 1.41 s against a budget of 1.0 s (DESIGN §8).
What the dialog shows — the township's name and the accounts that can log in — is
read with plain ``sqlite3`` (:func:`~desktop_app.core.startup.peek_login`), the dialog
paints, and the services open on the read lane while the clerk types the password.
Pressing 登录 waits for them if they are not open yet (a wait cursor), then the clock
warning (issue 11) comes exactly as before — before anyone is logged in — and then
the login itself.

Only for a database large enough that its full check is deferred anyway (the
ordinary path checks a small one *before* the login; see ``gui/app.py``), that is at
the schema head (no migration to run first) and set up with an administrator's
password. Anything unusual when the services open — a damaged file, a folder held by
another program, a read-only folder — takes the ordinary path's steps and messages
(``_open_services``), unchanged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop
from PySide6.QtWidgets import QApplication

if TYPE_CHECKING:
    from ..core.services import Services
    from ..core.startup import LoginPeek

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class StartupSteps:
    """The ordinary start-up's steps this path reuses (``gui/app.py``)."""

    open_services: Callable[..., Any]       # (window, data_dir) -> (services | None, deferred)
    deferred_check: Callable[..., None]     # (tasks, data_dir, on_problem)
    damaged_while_open: Callable[..., None]  # (app, window, services, data_dir, problem)
    run_main_window: Callable[..., int]     # (app, window, services, actor) -> exit code
    check_delay_ms: int = 2000              # the full check starts this long after the login


def peek_for_login(data_dir: Path, inline_check_bytes: int) -> LoginPeek | None:
    """The login dialog's contents when this start may open the services behind it: a
    database larger than ``inline_check_bytes`` (its full check is deferred)."""
    from ..core.db import DB_FILENAME
    from ..core.startup import peek_login

    db_file = Path(data_dir) / DB_FILENAME
    try:
        if not db_file.is_file() or db_file.stat().st_size <= inline_check_bytes:
            return None
    except OSError:
        return None
    return peek_login(data_dir)


def peeked_services(peek: LoginPeek) -> Any:
    """Stands in for the services in the login dialog until they are open: the two
    things it reads while it is built."""
    township = SimpleNamespace(name=peek.township)
    return SimpleNamespace(setup=SimpleNamespace(township=lambda: township),
                           accounts=SimpleNamespace(login_names=lambda: list(peek.names)))


class ServicesOpening:
    """``Services.open`` on the read lane; :meth:`wait` (GUI thread) until it is done."""

    def __init__(self, window, data_dir: Path, on_open) -> None:
        from ..core.services import Services

        self.services: Services | None = None
        self.error: BaseException | None = None
        self.done = False
        self._loop: QEventLoop | None = None
        self._on_open = on_open
        window.tasks.run(lambda: Services.open(data_dir), self._opened, self._failed, lane="read")

    def _opened(self, services) -> None:
        self.services, self.done = services, True
        self._on_open(services)
        self._stop()

    def _failed(self, exc: BaseException) -> None:
        log.info("opening the services behind the login failed: %r", exc)
        self.error, self.done = exc, True
        self._stop()

    def _stop(self) -> None:
        if self._loop is not None:
            self._loop.quit()

    def wait(self) -> None:
        if self.done:
            return
        from .auth.login import busy_cursor

        self._loop = QEventLoop()
        try:
            with busy_cursor():
                self._loop.exec()
        finally:
            self._loop = None


def run_behind_login(app: QApplication, window, data_dir: Path, demo: bool,
                     peek: LoginPeek, gui: StartupSteps) -> int:
    """``_open_and_run`` for a large database: the process's exit code."""
    from ..core import warmup
    from .auth.clock_warning import check_clock_at_startup
    from .auth.login import LoginDialog

    damaged: list = []
    checking: list = []  # the ordinary path's open already started the full check
    exit_code = [0]
    services_now: list[Services] = []

    def on_damaged(problem) -> None:
        damaged.append(problem)
        gui.damaged_while_open(app, window, services_now[0], data_dir, problem)

    def on_open(services) -> None:
        services_now.append(services)

    def check_later() -> None:
        """The full check reads the whole file (7.7 GB at 500k): started during the typing
        it saturated the disk under the login's fsync and the first screens (usable
        +3 s under load); it starts once the window is usable, beside the printing
        warm-up (``PRINTING_WARM_UP_DELAY_MS``)."""
        from PySide6.QtCore import QTimer

        QTimer.singleShot(gui.check_delay_ms, window, lambda: gui.deferred_check(
            window.tasks, data_dir, on_damaged))

    opening = ServicesOpening(window, data_dir, on_open)
    # pypinyin behind the services on the read lane, while the clerk types (core/warmup.py)
    window.tasks.run(warmup.warm_up_login, on_error=lambda exc: log.warning(
        "warm-up failed: %r", exc), lane="read")

    def ready() -> Services | None:
        """At 登录: the open services, the clock warning answered; None = give up."""
        opening.wait()
        services = opening.services
        if services is None:  # the ordinary path explains it (or offers a backup)
            services, deferred = gui.open_services(window, data_dir)
            if services is None:
                exit_code[0] = 1
                return None
            opening.services = services
            services_now.append(services)
            if deferred:
                gui.deferred_check(window.tasks, data_dir, on_damaged)
                checking.append(True)
        if not check_clock_at_startup(window, services, window.tasks):  # issue 11
            return None
        return services

    try:
        dialog = LoginDialog(peeked_services(peek), window, demo=demo, tasks=window.tasks,
                             opening=ready)
        accepted = dialog.exec() == LoginDialog.DialogCode.Accepted
        actor = dialog.actor if accepted else None
        dialog.deleteLater()
        if actor is None or damaged:
            return 1 if damaged else exit_code[0]
        assert opening.services is not None  # the dialog accepted only after ready()
        if not checking:
            check_later()
        return gui.run_main_window(app, window, opening.services, actor)
    finally:
        opening.wait()  # quit before the services were open: close them once they are
        if opening.services is not None:
            opening.services.close()
