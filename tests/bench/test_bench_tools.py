"""The benchmark's tools still work against the current code (they live here, not in
the product): the bulk generator fills a folder that ``check`` accepts, and the app's
start-up hook loads the probe, which logs in, opens the list and writes its marks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bulk_folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("bulk") / "data"
    subprocess.run([sys.executable, "-m", "tests.bench.bulk", str(folder), "--applications", "40",
                    "--days", "60"], cwd=ROOT, check=True, capture_output=True, timeout=300)
    return folder


def test_bulk_generator_fills_a_folder_that_checks_out(bulk_folder):
    done = subprocess.run([sys.executable, "-m", "desktop_app", "--data-dir", str(bulk_folder),
                           "check"], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("ok"), done.stdout


def test_start_up_hook_runs_the_probe(bulk_folder, tmp_path):
    out = tmp_path / "marks.json"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", TOWNSHIP_STARTUP_HOOK="tests.bench.probe",
               TOWNSHIP_STARTUP_PROBE=str(out), TOWNSHIP_PROBE_LOGIN="admin:guanli2026",
               TOWNSHIP_PROBE_TYPING_MS="0", PYTHONPATH=str(ROOT))
    done = subprocess.run([sys.executable, "-m", "desktop_app", "--data-dir", str(bulk_folder)],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    marks = json.loads(out.read_text())["marks"]
    for mark in ("gui_entered", "frame_paint", "login_paint", "login_submit", "usable",
                 "list_open", "list_paint"):
        assert mark in marks, sorted(marks)
