"""The start-up integrity check of a large database runs on its own thread (DESIGN §8:
usable within a second on 500,000 applications); a problem it finds later still
offers the newest good backup and closes the program."""

from __future__ import annotations

import sqlite3

from desktop_app.gui.kit.tasks import TaskRunner
from tests.helpers.gui import decide, make_id


def _damage_an_index(db) -> None:
    """Overwrite one index page: the database still opens (schema and alembic_version
    are intact), only ``quick_check`` notices."""
    conn = sqlite3.connect(db)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE type = 'index' "
                        "AND name = 'ix_household_member_name'").fetchone()[0]
    conn.close()
    with open(db, "r+b") as fh:
        fh.seek((root - 1) * page_size)
        fh.write(b"\x0d" + b"\xff" * (page_size - 1))


def test_deferred_check_reports_damage_and_offers_the_backup(qtbot, services, township, data_dir,
                                                             messages, monkeypatch):
    from desktop_app.core.db import DB_FILENAME
    from desktop_app.core.services import Services
    from desktop_app.gui import app as gui_app

    decide(services, township, "张三", make_id("19600512", 31))
    report = services.backups.auto_backup("startup")
    services.close()
    _damage_an_index(data_dir / DB_FILENAME)

    opened = Services.open(data_dir)  # (the app is open on it while the check runs)
    found = []
    runner = TaskRunner()
    gui_app.deferred_check(runner, data_dir, found.append)
    qtbot.waitUntil(lambda: bool(found), timeout=10_000)
    runner.shutdown()
    problem = found[0]
    assert problem.kind == "integrity" and problem.backup.name == report.path.name

    class Tasks:
        def shutdown(self, wait=True):
            self.drained = wait

    class Window:
        tasks = Tasks()

    exits = []
    monkeypatch.setattr(gui_app, "ask_restore", lambda parent, p: True)
    monkeypatch.setattr(gui_app.QApplication, "exit", staticmethod(exits.append))
    gui_app._damaged_while_open(gui_app.QApplication.instance(), Window(), opened, data_dir,
                                problem)
    assert Window.tasks.drained and exits == [1]
    restored = Services.open(data_dir)
    try:
        assert restored.queries.count() == 1
        assert restored.ctx.db.quick_check() == "ok"
    finally:
        restored.close()


def test_small_databases_are_still_checked_before_the_login(data_dir):
    from desktop_app.core.db import DB_FILENAME
    from desktop_app.gui import app as gui_app

    assert (data_dir / DB_FILENAME).stat().st_size < gui_app.INLINE_CHECK_BYTES
