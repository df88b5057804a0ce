"""Reference for the start-up figures: a bare PySide6 window (no app code).

    python tests/bench/bare_window.py OUT.json

Writes the wall-clock time (``time.time()``) of the window's first paint, so the
parent that spawned this process gets spawn → first paint; the same window size as
the app's main window, one label, then quits.
"""

import json
import sys
import time


def main() -> int:
    from PySide6.QtCore import QEvent, QObject, QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    window.setObjectName("bare")
    window.resize(1280, 800)
    window.setCentralWidget(QLabel("Opening…"))
    marks: dict[str, float] = {}

    class Probe(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and "paint" not in marks:
                marks["paint"] = time.time()
                QTimer.singleShot(0, app.quit)
            return False

    probe = Probe()
    app.installEventFilter(probe)
    window.show()
    app.exec()
    with open(sys.argv[1], "w") as fh:
        json.dump(marks, fh)
    return 0


if __name__ == "__main__":
    sys.exit(main())
