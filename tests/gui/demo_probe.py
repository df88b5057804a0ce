"""Start-up hook for the ``--demo`` subprocess test (``TOWNSHIP_STARTUP_HOOK=tests.gui.demo_probe``,
run from the repository root; not shipped). It makes the demo small, watches the top-level
windows every 20 ms and writes to ``$DEMO_PROBE_OUT`` (JSON) what it saw: whether the
app's progress dialog showed while the main window was up, its highest value, and the
login dialog; then it closes the login dialog, so the program exits as if the clerk quit."""

from __future__ import annotations

import json
import os
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog


class Probe:
    def __init__(self, app: QApplication) -> None:
        self.seen = {"progress_with_window": False, "progress_max": -1, "login": False}
        self.timer = QTimer(app)
        self.timer.setInterval(20)
        self.timer.timeout.connect(self.look)
        self.timer.start()

    def look(self) -> None:
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible()]
        main = any(w.objectName() == "mainWindow" for w in windows)
        for w in windows:
            if isinstance(w, QProgressDialog) and w.objectName() == "demoProgress":
                self.seen["progress_with_window"] |= main
                self.seen["progress_max"] = max(self.seen["progress_max"], w.value())
            elif isinstance(w, QDialog) and type(w).__name__ == "LoginDialog":
                self.seen["login"] = True
                Path(os.environ["DEMO_PROBE_OUT"]).write_text(json.dumps(self.seen))
                w.reject()

    def attached(self, _window) -> None:  # the start-up hook's second call (not reached)
        pass


def install(app: QApplication) -> Probe:
    import desktop_app.gui.app as gui_app

    gui_app.DEMO_APPLICATIONS = 30
    return Probe(app)
