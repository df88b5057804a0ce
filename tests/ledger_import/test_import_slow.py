"""The import at size and under a kill (issue 16 "done when"): 50,000 generated rows with
2 % bad ones import in ≤ 60 s with a reason per rejected row and add nothing the second
time; a process killed (SIGKILL) in the middle of the commit leaves the database as it was."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from desktop_app.cli import main
from desktop_app.core.db import open_database
from desktop_app.core.models import Application, Staff
from desktop_app.core.services import Services
from tests.ledger_import.ledgers import make_rows, write_xlsx

ROOT = Path(__file__).resolve().parents[2]
LIMIT_S = 60.0


def _demo(folder: Path) -> None:
    assert main(["--data-dir", str(folder), "demo", "--applications", "0"]) == 0


@pytest.mark.slow
def test_fifty_thousand_rows_import_within_a_minute(tmp_path, capsys):
    from openpyxl import load_workbook

    data = tmp_path / "d"
    _demo(data)
    services = Services.open(data)
    try:
        svc = services.ledger_import
        villages = [v.name for v in services.setup.villages()]
        led = make_rows(villages, 50_000, bad_share=0.02)
        assert len(led.bad) == 1000
        path = write_xlsx(tmp_path / "台账5万行.xlsx", led)
        with services.ctx.db.read() as s:
            supervisor = s.scalars(select(Staff.id).where(Staff.username == "supervisor")).one()
            before = s.scalar(select(func.count()).select_from(Application))
        mapping = svc.suggest(svc.read(path))
        t0, c0 = time.perf_counter(), time.process_time()
        preview = svc.preview(path, mapping)
        t_preview = time.perf_counter() - t0
        with services.ctx.db.read() as s:   # the preview (a dry run) wrote nothing
            assert s.scalar(select(func.count()).select_from(Application)) == before
        t0 = time.perf_counter()
        result = svc.commit(path, mapping, supervisor).value
        t_commit = time.perf_counter() - t0
        cpu = time.process_time() - c0
        with capsys.disabled():
            print(f"\nledger import 50,000 rows: preview {t_preview:.1f} s + commit "
                  f"{t_commit:.1f} s = {t_preview + t_commit:.1f} s wall, {cpu:.1f} s CPU; "
                  f"load average {os.getloadavg()[0]:.1f}")
        assert t_preview + t_commit <= LIMIT_S
        assert result.imported == led.good == 49_000
        assert result.rejected + result.duplicates == 1000
        with services.ctx.db.read() as s:
            assert s.scalar(select(func.count()).select_from(Application)
                            .where(Application.source == "import")) == led.good
        out = tmp_path / "问题行.xlsx"
        assert svc.write_rejects(preview, out) == 1000
        ws = load_workbook(out, read_only=True).worksheets[0]
        rows = list(ws.iter_rows(values_only=True))
        at = next(i for i, r in enumerate(rows) if r and r[0] == "原表行号")
        body = [r for r in rows[at + 1:] if r and r[0] is not None]
        assert sorted(int(r[0]) for r in body) == sorted(led.bad)
        assert all(r[-1] for r in body)                 # a reason on every rejected row
        again = svc.commit(path, mapping, supervisor).value
        assert again.imported == 0 and again.imported_before == led.good
        with services.ctx.db.read() as s:
            assert s.scalar(select(func.count()).select_from(Application)
                            .where(Application.source == "import")) == led.good
    finally:
        services.close()


def _state(data: Path) -> dict[str, object]:
    db = open_database(data)
    try:
        with db.read() as s:
            out: dict[str, object] = {
                t: s.execute(text(f"SELECT count(*) FROM {t}")).scalar_one()
                for t in ("application", "household_member", "requested_item", "search_key",
                          "import_row", "import_batch", "import_mapping", "event")}
            out["series"] = s.execute(text("SELECT coalesce(sum(last_seq), 0) FROM number_series")).scalar_one()
            out["counter"] = s.execute(text("SELECT value FROM change_counter")).scalar_one()
            out["fts"] = s.execute(text("SELECT count(*) FROM id_fts")).scalar_one()
        assert db.quick_check() == "ok"
        return out
    finally:
        db.close()


@pytest.mark.slow
def test_sigkill_in_the_middle_of_the_commit_leaves_the_database_unchanged(tmp_path):
    data = tmp_path / "d"
    _demo(data)
    villages = ["石桥村", "杉树村", "龙井村"]
    ledger = write_xlsx(tmp_path / "台账.xlsx", make_rows(villages, 6000, bad_share=0.02))
    before = _state(data)
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    child = subprocess.Popen([sys.executable, "-m", "tests.ledger_import.kill_child", str(data),
                              str(ledger)], cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout is not None
        line = child.stdout.readline()
        assert line.strip() == "WRITING", line       # rows written, not committed
        child.send_signal(signal.SIGKILL)
        assert child.wait(timeout=30) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert _state(data) == before
    # and the import still works afterwards
    done = subprocess.run([sys.executable, "-c", (
        "import sys; from tests.ledger_import import kill_child as k; "
        "k.time.sleep = lambda s: None; k.main(sys.argv[1], sys.argv[2])"),
        str(data), str(ledger)], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert "COMMITTED" in done.stdout, done.stderr[-2000:]
    after = _state(data)
    assert after["application"] > before["application"] and after["import_batch"] == 1
