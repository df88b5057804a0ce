"""Start the GUI: fonts, translations, the data folder, first-run setup, main window.

Start-up stays fast: screens and the services (SQLAlchemy) are imported only when
needed; ReportLab is never imported here (the first print loads it).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

import shiboken6
from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parent / "i18n"
DEFAULT_LANGUAGE = "zh_CN"
# Font families registered from the bundled files, in fallback order.
UI_FAMILIES = ("WenQuanYi Micro Hei", "AR PL UMing CN")
DEMO_APPLICATIONS = 300

_translators: list[QTranslator] = []


def font_files() -> list[Path]:
    try:
        from ..printing.fonts import font_paths

        return font_paths()
    except Exception:  # noqa: BLE001 - printing not importable: use the bundled folder
        from .. import resources_dir

        folder = resources_dir() / "fonts"
        return [folder / "wqy-microhei.ttc", folder / "uming.ttc"]


def register_fonts(app: QApplication, point_size: float = 10.5) -> list[str]:
    """Register the bundled CJK fonts and make them the application font.

    A TTC holds several families (UMing CN/HK/TW); the CN (simplified) family is
    picked explicitly, Micro Hei first for screen legibility, UMing as fallback
    for rare characters (Ext-A/B names).
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


def build_main_window(services, *, tasks=None, data_dir: Path | None = None, demo: bool = False,
                      synchronous: bool = False, opener=None):
    """The main window over ``services`` (tests pass ``synchronous=True``)."""
    from .main_window import MainWindow
    from .tasks import TaskRunner

    tasks = tasks or TaskRunner(synchronous=synchronous)
    kwargs = {"opener": opener} if opener is not None else {}
    window = MainWindow(tasks, data_dir=data_dir, demo=demo, **kwargs)
    tasks.setParent(window)
    window.attach(services)
    return window


def _fill_demo(services, parent=None) -> None:
    """Demo mode on an empty folder: the demo township and some applications."""
    from PySide6.QtWidgets import QProgressDialog

    from ..core.services import demo as demo_data

    progress = QProgressDialog(
        QCoreApplication.translate("App", "Creating demo applications…"), "", 0, 100, parent)
    progress.setCancelButton(None)
    progress.setMinimumDuration(500)
    progress.setWindowTitle(QCoreApplication.translate("App", "Demo mode"))

    def report(fraction: float, _message: str) -> None:
        progress.setValue(int(fraction * 100))
        QCoreApplication.processEvents()

    demo_data.create_demo_township(services)
    demo_data.fill_demo(services, DEMO_APPLICATIONS, progress=report)
    progress.close()


def run_gui(data_dir: Path, *, demo: bool = False, language: str | None = None) -> int:
    """Open the app on ``data_dir``; returns the process exit code.

    The window frame is painted first; the database (SQLAlchemy costs ~0.4 s to
    import) is opened after that, then the screens are built into the frame.
    """
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("township-service-window")
    app.setOrganizationName("township")
    register_fonts(app)  # type: ignore[arg-type]
    install_translators(app, language)
    app.setApplicationDisplayName(QCoreApplication.translate("App", "Social Assistance Window"))

    from .main_window import MainWindow
    from .tasks import TaskRunner

    tasks = TaskRunner()
    window = MainWindow(tasks, data_dir=Path(data_dir), demo=demo)
    tasks.setParent(window)
    window.show()
    app.processEvents()  # first paint before the heavy imports

    try:
        code = _open_and_run(app, window, Path(data_dir), demo)
    finally:
        tasks.shutdown(wait=True)
        # Delete now: signal lambdas keep reference cycles alive, and a widget the
        # garbage collector frees after QApplication is gone crashes the interpreter.
        shiboken6.delete(window)
    return code


def _startup_check(window, data_dir: Path) -> bool:
    """A damaged database offers its newest good backup (core.startup); False = give up."""
    try:
        from ..core import startup
    except ImportError:  # pragma: no cover - older core without start-up checks
        return True
    problem = startup.check_data_folder(data_dir)  # raises AlreadyOpenError (a DatabaseError)
    if problem is None:
        return True
    title = QCoreApplication.translate("App", "The database is damaged")
    if problem.backup is None:
        QMessageBox.critical(window, title, problem.message)
        return False
    answer = QMessageBox.question(
        window, title,
        problem.message + "\n\n" + QCoreApplication.translate("App", "Restore that backup now?"))
    if answer != QMessageBox.StandardButton.Yes:
        return False
    startup.restore_for_startup(data_dir, problem.backup.path)
    return True


def _open_and_run(app: QApplication, window, data_dir: Path, demo: bool) -> int:
    from ..core.db import DatabaseError
    from ..core.services import Services

    try:
        if not _startup_check(window, data_dir):
            return 1
        services = Services.open(data_dir)
    except (DatabaseError, OSError) as exc:
        QMessageBox.critical(window, QCoreApplication.translate("App", "Cannot open the data folder"),
                             str(exc))
        return 1
    try:
        if demo and not services.setup.is_initialized():
            _fill_demo(services, window)
        if not services.setup.is_initialized():
            from .setup_dialog import SetupDialog

            dialog = SetupDialog(services, window)
            accepted = dialog.exec() == SetupDialog.DialogCode.Accepted
            shiboken6.delete(dialog)
            if not accepted:
                return 0
        window.attach(services)
        return app.exec()
    finally:
        services.close()
