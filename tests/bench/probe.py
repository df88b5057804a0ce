"""Start-up probe for the benchmark (``tests/bench/run_all.py``), not shipped: the app
loads it through its start-up hook, ``TOWNSHIP_STARTUP_HOOK=tests.bench.probe`` (run
from the repository root), and it writes to ``TOWNSHIP_STARTUP_PROBE=<file.json>``.

It records wall-clock times (``time.time()``, comparable with the parent that spawned
the process) of: the first paint of the main window's frame, the first paint of the
login dialog, the login being submitted (a scripted login from
``TOWNSHIP_PROBE_LOGIN=user:password``), and the first paint of the main window once
its screens are attached (usable); the login waits ``TOWNSHIP_PROBE_TYPING_MS``
(default 1500) as a clerk typing the password would. Then it opens the applications list, times its
first paint, scrolls it page by page and by random jumps (each step a synchronous
repaint, which fetches the page of rows it shows), waits for the printing warm-up the
app starts after the login (so the peak RSS includes ReportLab and the fonts), writes
the marks and quits.
"""

from __future__ import annotations

import json
import os
import random
import resource
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QWidget

ENV = "TOWNSHIP_STARTUP_PROBE"
LOGIN_ENV = "TOWNSHIP_PROBE_LOGIN"
#: How long the scripted clerk takes to type the password (ms): what the app does
#: meanwhile (the warm-up on the writer thread) overlaps it as it would at the window.
TYPING_ENV = "TOWNSHIP_PROBE_TYPING_MS"


def _rss_mb() -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


class StartupProbe(QObject):
    def __init__(self, path: Path, login: str) -> None:
        super().__init__()
        self.path = path
        self.user, _, self.password = login.partition(":")
        self.marks: dict[str, float] = {}
        self.info: dict[str, object] = {}
        self.window = None
        self._list_view = None

    def mark(self, name: str) -> None:
        self.marks.setdefault(name, time.time())

    # -- hooks called from app.py --------------------------------------------------------------
    def attached(self, window) -> None:
        self.window = window
        self.mark("attached")
        self.info["rss_attached_mb"] = _rss_mb()

    # -- paints ------------------------------------------------------------------------------------
    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Paint or not isinstance(obj, QWidget):
            return False
        top = obj.window()
        name = top.objectName()
        if name == "mainWindow":
            if "frame_paint" not in self.marks:
                self.mark("frame_paint")
                self.info["rss_frame_mb"] = _rss_mb()
            elif "attached" in self.marks and "usable" not in self.marks:
                self.mark("usable")
                self.info["rss_usable_mb"] = _rss_mb()
                QTimer.singleShot(0, self._open_list)
            elif self._list_view is not None and obj is self._list_view.viewport() \
                    and "list_paint" not in self.marks:
                self.mark("list_paint")
                QTimer.singleShot(0, self._scroll)
        elif name == "loginDialog" and "login_paint" not in self.marks:
            self.mark("login_paint")
            QTimer.singleShot(int(os.environ.get(TYPING_ENV, "1500")), lambda: self._login(top))
        return False

    def _login(self, dialog) -> None:
        form = dialog.form
        index = form.username.findData(self.user)
        form.username.setCurrentIndex(max(index, 0))
        form.password.setText(self.password)
        self.mark("login_submit")
        dialog.submit()

    def _open_list(self) -> None:
        screen = self.window.applications
        self._list_view = screen.view
        self.mark("list_open")
        self.window.show_applications()
        self.info["list_rows"] = screen.model.rowCount()

    def _scroll(self) -> None:
        view = self._list_view
        bar = view.verticalScrollBar()
        rng = random.Random(7)
        steps: dict[str, list[float]] = {"page": [], "jump": []}
        for kind in ("page", "jump"):
            for i in range(40):
                bar.setValue(min(bar.maximum(), (i + 1) * bar.pageStep()) if kind == "page"
                             else rng.randrange(0, bar.maximum() + 1))
                t = time.perf_counter()
                view.viewport().repaint()
                steps[kind].append((time.perf_counter() - t) * 1000)
        self.info["scroll_ms"] = steps
        self._finish_after_warm_up()

    def _finish_after_warm_up(self) -> None:
        """Peak RSS must include the fonts: wait for the printing warm-up the app starts
        after the login (core/warmup.py), then a receipt rendered as the first save would."""
        from desktop_app.core import warmup

        if not warmup.printing_ready.is_set():
            self.info.setdefault("warm_up_wait_started", time.time())
            QTimer.singleShot(50, self._finish_after_warm_up)
            return
        self.mark("printing_ready")
        self._finish()

    def _finish(self) -> None:
        self.info["rss_end_mb"] = _rss_mb()
        self.info["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        self.path.write_text(json.dumps({"marks": self.marks, "info": self.info}))
        QApplication.quit()


def install(app: QApplication) -> StartupProbe | None:
    path = os.environ.get(ENV)
    if not path:
        return None
    probe = StartupProbe(Path(path), os.environ.get(LOGIN_ENV, "admin:guanli2026"))
    probe.mark("gui_entered")
    app.installEventFilter(probe)
    return probe
