"""The rules and the catalogue stay pure: no Qt, and no slow imports at start-up."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

MODULES = [
    "desktop_app.core.errors",
    "desktop_app.core.catalog",
    "desktop_app.core.rules.chars",
    "desktop_app.core.rules.identity",
    "desktop_app.core.rules.division",
    "desktop_app.core.rules.workdays",
    "desktop_app.core.rules.pinyin",
    "desktop_app.core.rules.values",
    "desktop_app.core.rules.numbering",
    "desktop_app.core.rules.standards",
    "desktop_app.core.rules.assessment",
    "desktop_app.core.rules.routing",
]


def test_rules_import_no_qt_and_defer_pypinyin() -> None:
    code = (
        "import importlib, json, sys\n"
        f"for name in {MODULES!r}: importlib.import_module(name)\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in "
        "('PySide6', 'shiboken6', 'PyQt5', 'PyQt6', 'pypinyin', 'reportlab', 'sqlalchemy'))))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
    )
    assert json.loads(out.stdout) == []
