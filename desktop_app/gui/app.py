"""Start the GUI: fonts, translations, the data folder, first-run setup, main window.

Start-up stays fast: screens and the services (SQLAlchemy) are imported only when
needed; ReportLab is never imported here (the first print loads it).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, cast

import shiboken6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

if TYPE_CHECKING:
    from ..core.services import Services

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parent / "i18n"
DEFAULT_LANGUAGE = "zh_CN"
# Font families registered from the bundled files, in fallback order (BabelStone Han last:
# CJK Ext-B..H names; Qt maps its 51 MB file lazily, registering it costs ~1 ms).
UI_FAMILIES = ("WenQuanYi Micro Hei", "AR PL UMing CN", "BabelStone Han")
DEMO_APPLICATIONS = 300
DEMO_SEED = 2026

_translators: list[QTranslator] = []
#: Start-up hook for measurements (tests/bench/probe.py, not shipped): when
#: $TOWNSHIP_STARTUP_HOOK names an importable module, its ``install(app)`` runs first and
#: the object it returns is told ``attached(window)`` once the screens are built (the
#: automatic backups then stay off: a benchmark times start-up alone). Unset: nothing.
_probe = None


def font_files() -> list[Path]:
    try:
        from ..printing.fonts import font_paths

        return font_paths()
    except Exception:
        from .. import resources_dir

        folder = resources_dir() / "fonts"
        return [folder / "wqy-microhei.ttc", folder / "uming.ttc", folder / "BabelStoneHan.ttf"]


def register_fonts(app: QApplication, point_size: float = 10.5) -> list[str]:
    """Register the bundled CJK fonts and make them the application font.

    A TTC holds several families (UMing CN/HK/TW); the CN (simplified) family is
    picked explicitly, Micro Hei first for screen legibility, UMing as fallback
    for rare characters (Ext-A/B names), BabelStone Han last (Ext-B..H, issue 14).
    """
    available: set[str] = set()
    for path in font_files():
        if not path.is_file():
            log.warning("bundled font missing: %s", path)
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.warning("Qt could not load font %s", path)
            continue
        available.update(QFontDatabase.applicationFontFamilies(font_id))
    families = [f for f in UI_FAMILIES if f in available]
    if families:
        font = QFont()
        font.setFamilies(families)
        font.setPointSizeF(point_size)
        app.setFont(font)
    return families


def install_translators(app: QCoreApplication, language: str | None = None) -> bool:
    """Install our ``zh_CN.qm`` and Qt's own ``qtbase_zh_CN`` (dialog buttons …).

    ``language`` defaults to ``$TOWNSHIP_LANG`` or ``zh_CN``; ``en`` keeps the
    English source strings. Returns whether our translation was loaded.
    """
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    language = language or os.environ.get("TOWNSHIP_LANG") or DEFAULT_LANGUAGE
    if language.startswith("en"):
        return False
    QLocale.setDefault(QLocale(language))
    qt = QTranslator(app)
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt)
        _translators.append(qt)
    ours = QTranslator(app)
    loaded = ours.load(str(I18N_DIR / f"{language}.qm"))
    if loaded:
        app.installTranslator(ours)
        _translators.append(ours)
    else:
        log.warning("translation %s not found in %s", language, I18N_DIR)
    return loaded


def build_main_window(services: Services, actor=None, *, tasks=None, data_dir: Path | None = None,
                      demo: bool = False, synchronous: bool = False, opener=None,
                      settings=None):
    """The main window over ``services`` for the logged-in ``actor`` (``None``: the
    window opens with the login overlay). Tests pass ``synchronous=True`` (and a
    ``QSettings`` of their own for the remembered window geometry)."""
    from .kit.tasks import TaskRunner
    from .main_window import MainWindow

    tasks = tasks or TaskRunner(synchronous=synchronous)
    kwargs: dict = {"opener": opener} if opener is not None else {}
    if settings is not None:
        kwargs["settings"] = settings
    window = MainWindow(tasks, data_dir=data_dir, demo=demo, **kwargs)
    tasks.setParent(window)
    window.attach(services, actor)
    return window


def _fill_demo(services: Services, tasks, parent=None) -> bool:
    """Demo mode on an empty folder: the demo township and some applications, written
    on the write lane while the app's progress dialog — shown and painted before the
    work starts — says how far it got (取消 keeps the whole batches written so far).
    Returns whether it ran to the end."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QProgressDialog

    from ..core.services import demo as demo_data
    from .kit.tasks import Job
    from .kit.widgets import paint_now

    progress = QProgressDialog(
        QCoreApplication.translate("App", "Creating demo applications…"),
        QCoreApplication.translate("App", "Cancel"), 0, 100, parent)
    progress.setObjectName("demoProgress")
    progress.setWindowTitle(QCoreApplication.translate("App", "Demo mode"))
    progress.setWindowModality(Qt.WindowModality.WindowModal)
    progress.setMinimumDuration(0)
    progress.setAutoClose(False)
    progress.setAutoReset(False)
    progress.setValue(0)

    job = Job()
    progress.canceled.connect(job.request_cancel)

    def progressed(fraction, message) -> None:
        if fraction is not None and shiboken6.isValid(progress):
            progress.setValue(int(100 * min(max(float(fraction), 0.0), 1.0)))
            if message:
                progress.setLabelText(fmt_demo_progress(str(message)))

    job.signals.progressed.connect(progressed)

    def fill() -> int:
        demo_data.create_demo_township(services)
        return demo_data.fill_demo(services, DEMO_APPLICATIONS, seed=DEMO_SEED,
                                   progress=job.progress, cancel=job.cancel, showcase=True)

    paint_now(progress)  # the dialog is on screen before the first batch is written
    try:
        tasks.call(fill)
        completed = not job.cancelled
    finally:
        progress.canceled.disconnect(job.request_cancel)  # closing it emits canceled
        progress.close()
        progress.deleteLater()
    return completed


def fmt_demo_progress(done_of: str) -> str:
    """``"120/300"`` → "Creating demo applications… 120/300" (translated)."""
    from .kit.fmt import fmt

    return fmt(QCoreApplication.translate("App", "Creating demo applications… %1"), done_of)


def install_excepthook(parent_getter=lambda: None):
    """Log any uncaught exception (scrubbed of personal data) and tell the user in
    plain words instead of crashing silently. Returns the previous hook."""
    previous = sys.excepthook

    def hook(exc_type, exc, tb):
        from ..core.errors import PermissionDenied
        from ..core.logs import crash_report

        if exc is None:
            exc = exc_type()
        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        if isinstance(exc, PermissionDenied):
            from .kit.errors import show_denied

            show_denied(parent_getter(), exc)
            return
        log.error("unexpected error:\n%s", crash_report(exc))
        if isinstance(exc, KeyboardInterrupt) or QApplication.instance() is None:
            return
        from ..core.logs import log_folder

        QMessageBox.critical(
            parent_getter(), QCoreApplication.translate("App", "Unexpected error"),
            QCoreApplication.translate(
                "App", "Something went wrong. What you saved is safe. The details were written "
                "to the log file; if it happens again, tell the administrator.")
            if log_folder() is not None else QCoreApplication.translate(
                "App", "Something went wrong. What you saved is safe. If it happens again, "
                "tell the administrator."))

    sys.excepthook = hook
    return previous


def run_gui(data_dir: Path, *, demo: bool = False, language: str | None = None) -> int:
    """Open the app on ``data_dir``; returns the process exit code.

    The window frame is painted first; the database (SQLAlchemy costs ~0.4 s to
    import) is opened after that, then the user logs in and the screens are built
    into the frame.
    """
    from ..core.logs import setup_logging, teardown_logging

    global _probe
    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))  # a widgets app
    if os.environ.get("TOWNSHIP_STARTUP_HOOK"):
        import importlib

        _probe = importlib.import_module(os.environ["TOWNSHIP_STARTUP_HOOK"]).install(app)
    app.setApplicationName("township-service-window")
    app.setOrganizationName("township")
    register_fonts(app)
    install_translators(app, language)
    from .kit import wheel

    wheel.install(app)  # issue 14: wheel-safe inputs, windows that fit, visible focus
    app.setApplicationDisplayName(QCoreApplication.translate("App", "Social Assistance Window"))
    setup_logging(Path(data_dir))

    from .kit.tasks import TaskRunner
    from .main_window import MainWindow

    tasks = TaskRunner()
    window = MainWindow(tasks, data_dir=Path(data_dir), demo=demo)
    tasks.setParent(window)
    previous_hook = install_excepthook(lambda: window)
    window.show_remembered()  # sized to the screen, maximised again if it was (issue 14)
    app.processEvents()  # first paint before the heavy imports

    try:
        code = _open_and_run(app, window, Path(data_dir), demo)
    finally:
        tasks.shutdown(wait=True)
        sys.excepthook = previous_hook
        teardown_logging()
        # Delete now: signal lambdas keep reference cycles alive, and a widget the
        # garbage collector frees after QApplication is gone crashes the interpreter.
        shiboken6.delete(window)
    return code


def ask_restore(parent, problem) -> bool:
    """The damaged database's folder and file, and the newest good backup: restore it?"""
    box = QMessageBox(QMessageBox.Icon.Critical,
                      QCoreApplication.translate("App", "The database is damaged"),
                      problem.message, QMessageBox.StandardButton.NoButton, parent)
    box.setObjectName("startupProblem")
    restore = box.addButton(QCoreApplication.translate("App", "Restore this backup"),
                            QMessageBox.ButtonRole.AcceptRole)
    restore.setObjectName("restoreBackupButton")
    box.addButton(QCoreApplication.translate("App", "Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(restore)
    box.exec()
    return box.clickedButton() is restore


def _startup_check(window, data_dir: Path, ask=None) -> bool:
    """A damaged database offers its newest good backup (core.startup); False = give up.

    Raises ``AlreadyOpenError`` when another process has the folder open."""
    from ..core import startup

    problem = startup.check_data_folder(data_dir)
    if problem is None:
        return True
    if problem.backup is None:
        QMessageBox.critical(window, QCoreApplication.translate("App", "The database is damaged"),
                             problem.message)
        return False
    if not (ask or ask_restore)(window, problem):
        return False
    startup.restore_for_startup(data_dir, problem.backup.path)
    return True


#: Above this size ``PRAGMA quick_check`` (which reads the whole file: ~2 s per GB
#: here) runs on its own thread while the clerk logs in and works, instead of before
#: the login dialog; a problem it finds still offers the newest good backup.
INLINE_CHECK_BYTES = 128 * 1024 * 1024


def deferred_check(tasks, data_dir: Path, on_problem) -> None:
    """``startup.check_data_folder`` on the runner's read lane (not the write lane:
    saves must not queue behind a minute of reading); ``on_problem(problem)`` on the
    GUI thread if it found one."""
    from ..core import startup

    def found(problem) -> None:
        log.info("deferred start-up check: %s", "ok" if problem is None else problem.kind)
        if problem is not None:
            on_problem(problem)

    tasks.run(lambda: startup.check_data_folder(data_dir), found,
              lambda exc: log.warning("deferred start-up check failed to run: %r", exc),
              lane="read")


def _damaged_while_open(app: QApplication, window, services: Services, data_dir: Path, problem) -> None:
    """The deferred check found the database damaged: finish a save in flight, offer
    the newest good backup (as at start-up), then close the program."""
    from PySide6.QtWidgets import QDialog

    from ..core import startup

    window.tasks.shutdown(wait=True)
    for widget in QApplication.topLevelWidgets():  # e.g. the login dialog still open
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
    if problem.backup is None:
        QMessageBox.critical(window, QCoreApplication.translate("App", "The database is damaged"),
                             problem.message)
    elif ask_restore(window, problem):
        # The question said what happens; the next start opens the restored data and
        # shows the restored-data banner (exports paused until confirmed).
        services.close()
        startup.restore_for_startup(data_dir, problem.backup.path)
    app.exit(1)


def _open_services(window, data_dir: Path):
    """The services of ``data_dir`` and whether its full check was deferred (a large
    database is checked on the read lane after the window shows), or ``(None, False)``
    when the folder cannot be opened — the clerk has been told why."""
    from ..core.db import DB_FILENAME, DatabaseError
    from ..core.lock import AlreadyOpenError
    from ..core.services import Services

    db_file = data_dir / DB_FILENAME
    deferred = db_file.exists() and db_file.stat().st_size > INLINE_CHECK_BYTES
    try:
        if not deferred and not _startup_check(window, data_dir):
            return None, False
        try:
            return Services.open(data_dir), deferred
        except DatabaseError:
            if not deferred:
                raise
            # Unreadable: the full check now, and its offer of a backup.
            if not _startup_check(window, data_dir):
                return None, False
            return Services.open(data_dir), False
    except AlreadyOpenError as exc:
        QMessageBox.warning(window, QCoreApplication.translate("App", "Already running"),
                            QCoreApplication.translate(
                                "App", "The program is already running with this data folder. "
                                "Switch to that window.") + "\n\n" + str(exc))
        return None, False
    except (DatabaseError, OSError) as exc:
        from sync_contract.faults import fault

        from .kit.errors import message_of

        if isinstance(exc, OSError):  # read-only, full, missing: one sentence, no errno
            exc = fault(exc, data_dir, "open_data", outcome="nothing_changed")
        QMessageBox.critical(window, QCoreApplication.translate("App", "Cannot open the data folder"),
                             message_of(exc) or str(exc))
        return None, False


#: The printing warm-up starts this long after the main window is attached: its first
#: paint and the clerk's first clicks come first (a receipt asked for sooner loads the
#: fonts itself, behind the same lock).
PRINTING_WARM_UP_DELAY_MS = 2000


def _warm_up_printing_soon(window) -> None:
    from PySide6.QtCore import QTimer

    from ..core import warmup

    def start() -> None:
        if shiboken6.isValid(window):
            window.tasks.run(warmup.warm_up_printing, on_error=lambda exc: log.warning(
                "printing warm-up failed: %r", exc), lane="read")

    QTimer.singleShot(PRINTING_WARM_UP_DELAY_MS, window, start)


def _open_and_run(app: QApplication, window, data_dir: Path, demo: bool) -> int:
    from .opening import StartupSteps, peek_for_login, run_behind_login

    peek = peek_for_login(data_dir, INLINE_CHECK_BYTES)
    if peek is not None:  # a large database, set up: the login shows while it opens
        return run_behind_login(app, window, data_dir, demo, peek, StartupSteps(
            _open_services, deferred_check, _damaged_while_open, _run_main_window,
            PRINTING_WARM_UP_DELAY_MS))
    services, deferred = _open_services(window, data_dir)
    if services is None:
        return 1
    from ..core import warmup

    # pypinyin loads on the read lane while the clerk logs in (the login itself runs on
    # the write lane); ReportLab and the fonts once the window is usable (core/warmup.py:
    # not beside the login's 32 MiB scrypt), so the first receipt of the day costs what
    # every other one does. Queued before the deferred check, which may read a minute.
    window.tasks.run(warmup.warm_up_login, on_error=lambda exc: log.warning(
        "warm-up failed: %r", exc), lane="read")
    damaged: list = []
    if deferred:
        def on_damaged(problem) -> None:
            damaged.append(problem)
            _damaged_while_open(app, window, services, data_dir, problem)

        deferred_check(window.tasks, data_dir, on_damaged)
    try:
        if demo and not services.setup.is_initialized():
            _fill_demo(services, window.tasks, window)
        from .auth.clock_warning import check_clock_at_startup

        if not check_clock_at_startup(window, services, window.tasks):  # issue 11: the clock
            return 0
        if not services.setup.is_initialized():
            from .auth.setup_dialog import SetupDialog

            dialog = SetupDialog(services, window, tasks=window.tasks)
            accepted = dialog.exec() == SetupDialog.DialogCode.Accepted
            shiboken6.delete(dialog)
            if not accepted:
                return 0
        from .auth.login import sign_in

        actor = sign_in(services, window, demo=demo, tasks=window.tasks)
        if actor is None or damaged:
            return 1 if damaged else 0
        return _run_main_window(app, window, services, actor)
    finally:
        services.close()


def _run_main_window(app: QApplication, window, services: Services, actor) -> int:
    """The logged-in clerk's window: screens attached, warm-up, backups; runs the app."""
    window.attach(services, actor)
    _warm_up_printing_soon(window)
    if _probe is not None:
        # The benchmark times start-up alone; the backup is measured on its own.
        _probe.attached(window)
    else:
        window.start_auto_backups()
        # a package whose copy never completed (a crash during export) is re-offered
        from .sync.common import recover_at_startup

        recover_at_startup(services, window.tasks, window)
    return app.exec()
