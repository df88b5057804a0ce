"""Issue 14, item 8: ``--demo`` opens the window first and fills the folder behind the
app's own progress dialog (painted before the work starts); a throwaway demo folder is
deleted on exit; the batch-print progress dialog paints before the first page."""

from __future__ import annotations

import argparse
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QProgressDialog

from desktop_app.cli import launch
from desktop_app.core.db import DB_FILENAME

pytestmark = pytest.mark.gui


class PaintLog(QObject):
    """Records which windows received a paint event (for themselves or a child)."""

    def __init__(self) -> None:
        super().__init__()
        self.painted: set[int] = set()

    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and hasattr(watched, "window"):
            try:
                self.painted.add(id(watched.window()))
            except RuntimeError:
                pass
        return False


@pytest.fixture
def paint_log(qapp):
    log = PaintLog()
    qapp.installEventFilter(log)
    yield log
    qapp.removeEventFilter(log)


def visible_progress() -> list[QProgressDialog]:
    return [w for w in QApplication.topLevelWidgets()
            if isinstance(w, QProgressDialog) and w.isVisible()]


# -- the launcher -------------------------------------------------------------------------------
def test_demo_starts_the_gui_on_an_empty_throwaway_folder_and_deletes_it_on_exit(monkeypatch, tmp_path):
    import desktop_app.gui.app as gui_app

    monkeypatch.setattr(launch.tempfile, "tempdir", str(tmp_path))
    seen: dict = {}

    def fake_gui(folder, demo=False, language=None):
        folder = Path(folder)
        seen["folder"], seen["demo"] = folder, demo
        seen["database"] = (folder / DB_FILENAME).exists()  # nothing filled before Qt
        (folder / "township.log").write_text("x")
        return 0

    monkeypatch.setattr(gui_app, "run_gui", fake_gui)
    code = launch.run_gui(argparse.Namespace(demo=True, data_dir=None))
    assert code == 0
    assert seen["demo"] is True
    assert seen["database"] is False, "the demo was filled before the window opened"
    assert seen["folder"].parent == tmp_path and seen["folder"].name.startswith("township-demo-")
    assert not seen["folder"].exists(), "the throwaway demo folder was left behind"


def test_demo_on_a_chosen_folder_keeps_it(monkeypatch, tmp_path):
    import desktop_app.gui.app as gui_app

    chosen = tmp_path / "mine"
    chosen.mkdir()
    monkeypatch.setattr(gui_app, "run_gui", lambda folder, demo=False, language=None: 0)
    assert launch.run_gui(argparse.Namespace(demo=True, data_dir=chosen)) == 0
    assert chosen.is_dir()


def test_stale_throwaway_folders_are_removed_but_not_open_or_unmarked_ones(tmp_path):
    from desktop_app.core import lock

    stale = launch.make_demo_folder(tmp_path)
    unmarked = tmp_path / (launch.DEMO_PREFIX + "user")
    unmarked.mkdir()
    open_one = launch.make_demo_folder(tmp_path)
    lock.acquire(open_one)
    try:
        assert launch.remove_stale_demo_folders(tmp_path) == 1
        assert not stale.exists() and unmarked.is_dir() and open_one.is_dir()
    finally:
        lock.release(open_one)
    assert launch.remove_stale_demo_folders(tmp_path) == 1
    assert not open_one.exists()


# -- the GUI's progress dialog ------------------------------------------------------------------
def test_demo_fill_shows_the_apps_progress_dialog_painted_before_the_work(qtbot, monkeypatch,
                                                                        services, paint_log):
    from desktop_app.core.services import demo as demo_data
    from desktop_app.gui import app as gui_app
    from desktop_app.gui.kit.tasks import TaskRunner, on_write_lane

    seen: dict = {}

    def fake_fill(services_, n, *, seed=0, progress=None, cancel=None, showcase=False, **_kw):
        dialogs = visible_progress()
        seen["visible"] = len(dialogs) == 1
        seen["painted"] = bool(dialogs) and id(dialogs[0]) in paint_log.painted
        seen["thread"] = threading.current_thread() is not threading.main_thread()
        seen["write_lane"] = on_write_lane()
        progress(0.5, f"{n // 2}/{n}")
        return n

    monkeypatch.setattr(demo_data, "fill_demo", fake_fill)
    monkeypatch.setattr(demo_data, "create_demo_township", lambda _s: 1)
    tasks = TaskRunner()
    try:
        assert gui_app._fill_demo(services, tasks) is True
    finally:
        tasks.shutdown(wait=True)
    assert seen == {"visible": True, "painted": True, "thread": True, "write_lane": True}
    assert visible_progress() == []


@pytest.mark.slow
def test_demo_fill_writes_the_demo_township_off_the_gui_thread(qtbot, monkeypatch, services):
    from desktop_app.gui import app as gui_app
    from desktop_app.gui.kit.tasks import TaskRunner

    monkeypatch.setattr(gui_app, "DEMO_APPLICATIONS", 8)
    values: list[int] = []
    monkeypatch.setattr(QProgressDialog, "setValue",
                        lambda self, v, _orig=QProgressDialog.setValue: (values.append(v),
                                                                         _orig(self, v)))
    tasks = TaskRunner()
    try:
        assert gui_app._fill_demo(services, tasks) is True
    finally:
        tasks.shutdown(wait=True)
    assert services.setup.is_initialized()
    assert services.queries.count() >= 8
    assert 100 in values


# -- the batch-print progress dialog -------------------------------------------------------------
def test_the_batch_print_progress_dialog_is_painted_before_the_first_page(qtbot, monkeypatch,
                                                                          tmp_path, paint_log):
    from PySide6.QtPrintSupport import QPrinter

    from desktop_app.gui.kit import print_pdf

    seen: dict = {}

    def fake_paint(printer, paths, progress=None, **_kw):
        dialogs = visible_progress()
        seen["visible"] = len(dialogs) == 1
        seen["painted"] = bool(dialogs) and id(dialogs[0]) in paint_log.painted
        return len(paths)

    monkeypatch.setattr(print_pdf, "paint_pdfs", fake_paint)
    printer = QPrinter()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "out.pdf"))
    paths = [tmp_path / "a.pdf", tmp_path / "b.pdf"]
    for p in paths:
        p.write_bytes(b"%PDF-1.4\n")
    assert print_pdf.print_pdfs(None, paths, "清单", ask=None, printer=printer) == 2
    assert seen == {"visible": True, "painted": True}


@pytest.mark.slow
def test_demo_run_shows_the_progress_over_the_window_and_leaves_no_folder(tmp_path):
    """The real program: ``desktop-app --demo`` (offscreen), the clerk quits at the login."""
    import json
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    temp = tmp_path / "tmp"
    temp.mkdir()
    out = tmp_path / "probe.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TMPDIR=str(temp),
               TOWNSHIP_STARTUP_HOOK="tests.gui.demo_probe", DEMO_PROBE_OUT=str(out))
    done = subprocess.run([sys.executable, "-m", "desktop_app", "--demo"], cwd=root, env=env,
                          capture_output=True, text=True, timeout=240)
    assert done.returncode == 0, done.stderr[-2000:]
    seen = json.loads(out.read_text())
    assert seen == {"progress_with_window": True, "progress_max": seen["progress_max"],
                    "login": True}
    assert seen["progress_max"] >= 50
    assert "township-demo-" in done.stderr
    assert list(temp.glob("township-demo-*")) == [], "the throwaway demo folder was left behind"
