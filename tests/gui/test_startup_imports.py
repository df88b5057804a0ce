"""Start-up budget guards (DESIGN §8, issue 14 item 13): what the first paint of the
main window may load. The frame is painted before the database is opened; a module
the frame imports that pulls SQLAlchemy, ReportLab or pypinyin puts ~0.5 s (and tens of
MB) in front of that paint. Issue 13's stage bar did exactly that through
``core.services.handling`` (the package ``__init__`` imports every handling part).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("sqlalchemy", "alembic", "reportlab", "pypinyin", "cryptography", "pyrage")


def loaded_after(code: str) -> list[str]:
    probe = (
        "import json, os, sys\n"
        "os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')\n"
        + code
        + f"\nprint(json.dumps(sorted({{m.split('.')[0] for m in sys.modules}} & set({HEAVY!r}))))\n"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          timeout=120, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_building_and_showing_the_frame_loads_no_database_or_printing_library(tmp_path):
    code = (
        "from pathlib import Path\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from desktop_app.gui.kit.tasks import TaskRunner\n"
        "from desktop_app.gui.main_window import MainWindow\n"
        "tasks = TaskRunner()\n"
        f"window = MainWindow(tasks, data_dir=Path({str(tmp_path)!r}))\n"
        "window.show()\n"
        "app.processEvents()\n"
        "tasks.shutdown(wait=True)\n"
    )
    assert loaded_after(code) == []


def test_the_probe_sees_a_heavy_import():
    """The guard can fail: importing the services' models loads SQLAlchemy."""
    assert "sqlalchemy" in loaded_after("import desktop_app.core.models")


def test_opening_the_services_loads_no_cryptography(tmp_path):
    """Signing and encryption (~11 MB) load with the first package, not at start-up."""
    code = (
        "from pathlib import Path\n"
        "from desktop_app.core.services import Services\n"
        f"services = Services.open(Path({str(tmp_path)!r}))\n"
        "services.close()\n"
    )
    loaded = loaded_after(code)
    assert "sqlalchemy" in loaded
    assert "cryptography" not in loaded and "pyrage" not in loaded
