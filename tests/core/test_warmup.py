"""core.warmup: what the GUI loads off the GUI thread around the login (DESIGN §8)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_printing_warm_up_loads_the_fonts_and_freezes_the_long_lived_heap():
    code = (
        "import gc, json, sys\n"
        "from desktop_app.core import warmup\n"
        "warmup.warm_up_login()\n"
        "before = ('reportlab' in sys.modules, warmup.printing_ready.is_set())\n"
        "warmup.warm_up_printing()\n"
        "print(json.dumps([before, 'reportlab' in sys.modules, warmup.printing_ready.is_set(),"
        " gc.get_freeze_count()]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    before, loaded, ready, frozen = json.loads(done.stdout.strip().splitlines()[-1])
    assert before == [False, False]  # the login part loads no ReportLab
    assert loaded and ready
    assert frozen > 50_000  # the modules, mappers and fonts: out of the full collections


def test_a_failed_printing_warm_up_still_says_it_is_done(monkeypatch):
    from desktop_app import printing
    from desktop_app.core import warmup

    def broken() -> None:
        raise OSError("font missing")

    monkeypatch.setattr(printing, "warm_up", broken)
    monkeypatch.setattr(warmup, "printing_ready", type(warmup.printing_ready)())
    with pytest.raises(OSError):
        warmup.warm_up_printing()
    assert warmup.printing_ready.is_set()  # the probe and anyone waiting are not stuck
