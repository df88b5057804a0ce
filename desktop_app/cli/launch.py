"""``desktop-app`` without a command (the GUI, ``--demo``) and ``--self-test``. Qt and the
GUI are imported here only once chosen: the other verbs never load them.

``--demo`` without ``--data-dir`` opens a throwaway folder (``township-demo-*`` in the
temporary folder): the GUI fills it with its own progress dialog (the window is up first,
the filling runs on the write lane), and the folder is deleted when the program exits.
A folder left behind by a demo that was killed is deleted by the next ``--demo`` (only
folders marked as throwaway and no longer open). ``--demo --data-dir D`` keeps ``D``.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
from pathlib import Path

from .common import data_dir

log = logging.getLogger(__name__)

DEMO_PREFIX = "township-demo-"
#: Marks a folder made by ``--demo`` as throwaway (never a folder the user chose).
THROWAWAY_MARK = ".throwaway-demo"


def self_test() -> int:
    """Check an installed copy (the bundle above all) headless; see ``selftest``."""
    from ..selftest import run

    return run()


def make_demo_folder(parent: Path | None = None) -> Path:
    """A new throwaway demo folder, marked as such."""
    folder = Path(tempfile.mkdtemp(prefix=DEMO_PREFIX, dir=parent))
    (folder / THROWAWAY_MARK).write_text("--demo\n", encoding="utf-8")
    return folder


def remove_demo_folder(folder: Path) -> bool:
    """Delete a throwaway demo folder unless a running program has it open. Returns
    whether it is gone."""
    from ..core import lock

    if not (folder / THROWAWAY_MARK).is_file():
        return False
    try:
        took = lock.acquire(folder)  # AlreadyOpenError: another demo window still uses it
    except Exception:
        return False
    if not took:
        lock.release(folder)
        return False  # still open in this process
    if sys.platform == "win32":  # pragma: no cover - an open file cannot be deleted there
        lock.release(folder)
        shutil.rmtree(folder, ignore_errors=True)
    else:
        try:
            shutil.rmtree(folder, ignore_errors=True)
        finally:
            lock.release(folder)
    return not folder.exists()


def remove_stale_demo_folders(parent: Path | None = None) -> int:
    """Delete throwaway demo folders left by demos that were killed; returns how many."""
    root = Path(parent or tempfile.gettempdir())
    removed = 0
    for folder in root.glob(DEMO_PREFIX + "*"):
        if folder.is_dir() and remove_demo_folder(folder):
            removed += 1
    return removed


def run_gui(args: argparse.Namespace) -> int:
    from ..gui.app import run_gui as _run

    if args.demo:
        chosen: Path | None = args.data_dir
        if chosen is not None:
            print(f"演示模式：数据目录 {chosen}（演示数据，退出后保留）", file=sys.stderr)
            return _run(chosen, demo=True)
        remove_stale_demo_folders()
        folder = make_demo_folder()
        print(f"演示模式：临时数据目录 {folder}（演示数据，可随意操作，退出时删除）",
              file=sys.stderr)
        try:
            return _run(folder, demo=True)  # the GUI fills it, with its progress dialog
        finally:
            if not remove_demo_folder(folder):
                log.warning("the demo folder could not be removed: %s", folder)
    return _run(data_dir(args))
