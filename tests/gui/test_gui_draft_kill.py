"""Issue 14: a killed window's draft is offered at the next start and restores the fields.

A real process (the main window with its threaded task runner) types a form and waits
for the autosave; it is SIGKILLed (a crash, a power cut). The next start, logged in as
the same clerk, offers the draft; restoring it puts every field back."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.gui import actor_for, make_id

pytestmark = [pytest.mark.gui, pytest.mark.slow]

ROOT = Path(__file__).resolve().parents[2]


def test_killed_window_draft_is_offered_and_restored(qtbot, data_dir, clock):
    from desktop_app.core.services import Services
    from desktop_app.core.services.demo import create_demo_township
    from desktop_app.gui.app import build_main_window

    services = Services.open(data_dir, clock=clock)
    create_demo_township(services)
    services.close()   # the clerk's process takes the folder

    id_number = make_id("19600512", 31)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, str(ROOT / "tests/gui/draft_typist.py"), str(data_dir),
                             id_number], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env, cwd=ROOT)
    try:
        line = proc.stdout.readline().strip()
        assert line.startswith("autosaved"), (line, proc.stderr.read() if proc.poll() is not None else "")
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()

    services = Services.open(data_dir, clock=clock)   # the next start
    try:
        clerk = actor_for(services, "clerk1")
        offered = []

        def answer(_parent, summary):
            offered.append(summary)
            return "restore"

        window = build_main_window(services, clerk, data_dir=data_dir, synchronous=True)
        intake = window.intake
        intake.ask_restore = answer
        intake.ask_close = lambda _p: "discard"
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: bool(offered), timeout=5000)
        assert [d.applicant_name for d in offered] == ["王小明"]
        a = intake.applicant
        assert (a.name.text(), a.id_number.text(), a.phone.text(), a.hukou_address.text()) == \
            ("王小明", id_number, "13812345678", "石桥村12号")
        [(spouse, _card)] = intake.members.rows
        assert (spouse.relation.currentData(), spouse.name.text()) == ("配偶", "李秀英")
        assert intake.incomes["wage"].text() == "1200元" and intake.hardship.text() == "因病致贫"
        assert intake.items.chosen() == ["DIBAO"]
        # another clerk is not offered someone else's draft
        assert services.drafts.pending_drafts(actor_for(services, "clerk2")) == []
        window.close()
    finally:
        services.close()
