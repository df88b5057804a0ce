"""Start the county workstation: data folder, logs, fonts, translations, the county
database, (demo townships), login, the main window.

``county-workstation [--demo] [--data-dir D] [--db URL]``: the data folder defaults to the
user's data folder of ``TownshipCountyReceiver`` (shared with ``county-receiver``), the
database to ``<data folder>/county.sqlite3``, the keys to ``<data folder>/county-keys``.
``--demo`` works in a new throwaway folder with three demo townships and their packages.
"""

from __future__ import annotations

import argparse
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from . import APP_NAME

if TYPE_CHECKING:
    from county_receiver.receiver import County

    from .context import CountyContext

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parent / "i18n"
DEFAULT_LANGUAGE = "zh_CN"
UI_FAMILIES = ("WenQuanYi Micro Hei", "AR PL UMing CN", "BabelStone Han")
DB_FILENAME = "county.sqlite3"
KEYS_DIRNAME = "county-keys"

_translators: list[QTranslator] = []


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def register_fonts(app: QApplication, point_size: float = 10.5) -> list[str]:
    """The township's bundled CJK fonts (``resources/fonts``) as the application font."""
    from desktop_app import resources_dir

    folder = resources_dir() / "fonts"
    available: set[str] = set()
    for name in ("wqy-microhei.ttc", "uming.ttc", "BabelStoneHan.ttf"):
        path = folder / name
        if not path.is_file():
            log.warning("bundled font missing: %s", name)
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            available.update(QFontDatabase.applicationFontFamilies(font_id))
    families = [f for f in UI_FAMILIES if f in available]
    if families:
        font = QFont()
        font.setFamilies(families)
        font.setPointSizeF(point_size)
        app.setFont(font)
    return families


def install_translators(app: QCoreApplication, language: str | None = None) -> bool:
    """Qt's own ``qtbase_zh_CN``, the township kit's strings (runner, error presenter —
    ``desktop_app/gui/i18n/zh_CN.qm``) and ours (``county_workstation/i18n/zh_CN.qm``).
    ``$TOWNSHIP_LANG=en`` keeps the English source strings. Returns whether ours loaded."""
    import desktop_app.gui

    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    language = language or os.environ.get("TOWNSHIP_LANG") or DEFAULT_LANGUAGE
    if language.startswith("en"):
        return False
    QLocale.setDefault(QLocale(language))
    loaded = False
    kit_dir = Path(desktop_app.gui.__file__).resolve().parent / "i18n"
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{language}", qt_dir), (f"{language}.qm", str(kit_dir)),
                         (f"{language}.qm", str(I18N_DIR))):
        translator = QTranslator(app)
        ok = translator.load(name, folder) if name.startswith("qtbase") else \
            translator.load(str(Path(folder) / name))
        if ok:
            app.installTranslator(translator)
            _translators.append(translator)
            loaded = folder == str(I18N_DIR)
    return loaded


def open_county(data_dir: Path, db_url: str | None = None) -> County:
    """The county over ``db_url`` (default ``<data_dir>/county.sqlite3``) with its keys in
    ``<data_dir>/county-keys`` and decrypted packages in its own work folder."""
    from county_receiver.receiver import County
    from county_receiver.workdir import WorkDir

    data_dir.mkdir(parents=True, exist_ok=True)
    work = WorkDir(data_dir)
    url = db_url or f"sqlite:///{data_dir / DB_FILENAME}"
    county = County(url, data_dir / KEYS_DIRNAME, work_dir=work.path)
    county._workstation_workdir = work  # type: ignore[attr-defined]  # kept open while it runs
    return county


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="county-workstation",
                                description="县级接收工作站 (the county's workstation)")
    p.add_argument("--demo", action="store_true",
                   help="three demo townships with real packages, in a throwaway folder")
    p.add_argument("--data-dir", type=Path, help=f"data folder (default: the user's data folder "
                   f"of {APP_NAME}, shared with county-receiver)")
    p.add_argument("--db", metavar="URL", help="county database URL (default "
                   "<data folder>/county.sqlite3; PostgreSQL: postgresql://user:pw@host/db)")
    return p


def build_main_window(context: CountyContext, *, tasks=None, synchronous: bool = False,
                      actor=None, settings=None):
    """The main window over ``context`` (tests pass ``synchronous=True``)."""
    from desktop_app.gui.kit.tasks import TaskRunner

    from .main_window import CountyWindow

    tasks = tasks or TaskRunner(synchronous=synchronous)
    window = CountyWindow(context, tasks, settings=settings)
    tasks.setParent(window)
    window.attach(actor)
    return window


def run(argv: list[str]) -> int:
    import sys
    import tempfile

    from county_receiver.cli import setup_logging

    from .context import CountyContext

    args = build_parser().parse_args(argv)
    if args.demo and args.data_dir is None:
        data_dir = Path(tempfile.mkdtemp(prefix="county-demo-"))
    else:
        data_dir = args.data_dir or default_data_dir()
    data_dir.mkdir(parents=True, exist_ok=True)
    setup_logging(data_dir)
    QCoreApplication.setOrganizationName(APP_NAME)
    QCoreApplication.setApplicationName("county-workstation")
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    register_fonts(app)
    install_translators(app)
    from desktop_app.gui.kit.errors import message_of

    try:
        county = open_county(data_dir, args.db)
        county.engine  # noqa: B018 - open and migrate now: a bad URL is told before the window
    except Exception as exc:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.critical(None, QCoreApplication.translate("CountyApp", "County workstation"),
                             message_of(exc) or str(getattr(exc, "message_zh", "")) or
                             QCoreApplication.translate("CountyApp", "The county database could not "
                                                        "be opened."))
        return 1
    context = CountyContext(county, data_dir, demo=args.demo)
    window = build_main_window(context)
    if args.demo:
        from .demo import demo_run

        demo_run(context, window)
    else:
        window.show_login()
    code = app.exec()
    county.close()
    if args.demo and args.data_dir is None:     # the throwaway folder goes with the demo
        import shutil

        logging.shutdown()
        shutil.rmtree(data_dir, ignore_errors=True)
    return code
