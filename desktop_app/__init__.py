"""Township Service Window (乡镇社会救助“一门受理”窗口).

This package's ``__init__`` must stay dependency-free: nothing here may import
third-party modules, so tools can import the package before its dependencies
are installed.
"""

from pathlib import Path

__version__ = "0.1.0"

PACKAGE_DIR = Path(__file__).resolve().parent


def resource_root() -> Path:
    """Folder holding ``resources/`` and ``forms/``.

    In a source checkout it is the repository root; in a PyInstaller bundle it is
    the bundle's data folder (``sys._MEIPASS``).
    """
    import sys

    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return PACKAGE_DIR.parent


def resources_dir() -> Path:
    return resource_root() / "resources"


def forms_dir() -> Path:
    return resource_root() / "forms"
