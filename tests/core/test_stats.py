"""Statistics (issue 16): every figure of every breakdown equals an independent count.

The dataset: the bulk generator's applications over ~14 months (tests/bench/bulk.py —
the same rows the services write), plus what it does not make, written with plain
sqlite3: 先行救助 payments (two for one application), re-checks and a change report (one
re-check corrected by a later row), a voided application, one without a village and
one without a clerk. The expected figures are computed here from the tables with
plain ``sqlite3`` — per key with ``EXISTS``/``WHERE`` and in Python — not with the
service's queries.
"""

from __future__ import annotations

import random
import shutil
import sqlite3
import statistics
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from desktop_app.core.errors import ValidationError
from desktop_app.core.rules.dynamic import RECHECKED_ITEMS
from desktop_app.core.rules.periods import parse_period
from desktop_app.core.services import Services
from desktop_app.core.services.stats import BREAKDOWNS, FIGURES, StatsReport
from tests.helpers.clock import Clock

NOW_DAY = date(2026, 11, 24)  # tests/conftest.py NOW


def _fill(conn: sqlite3.Connection, table: str, values: dict[str, object]) -> int:
    """Insert a row giving every NOT NULL column without a value a neutral one."""
    row = dict(values)
    for _cid, name, kind, notnull, default, pk in conn.execute(f"PRAGMA table_info({table})"):
        if name in row or pk or not notnull or default is not None:
            continue
        kind = (kind or "").upper()
        if name == "uuid":
            row[name] = str(uuid.uuid4())
        elif "INT" in kind or "BOOL" in kind:
            row[name] = 1 if name == "version" else 0
        elif kind == "DATE":
            row[name] = NOW_DAY.isoformat()
        elif kind == "DATETIME":
            row[name] = "2026-11-24 10:00:00.000000"
        else:
            row[name] = "[]" if name in ("change_kinds", "investigators") else ""
    cols = ", ".join(f'"{c}"' for c in row)
    cur = conn.execute(f"INSERT INTO {table} ({cols}) VALUES ({', '.join('?' * len(row))})",
                       list(row.values()))
    return int(cur.lastrowid or 0)


def _build(services: Services, clock: Clock) -> None:
    from tests.bench.bulk import generate

    generate(services, 350, seed=16, days=420)
    rng = random.Random(16)
    conn = sqlite3.connect(services.ctx.db.path)
    with conn:
        apps = [r[0] for r in conn.execute(
            "SELECT id FROM application WHERE intake_date >= '2026-01-01' ORDER BY id")]
        conn.execute("UPDATE application SET status = 'voided' WHERE id = ?", (apps[5],))
        conn.execute("UPDATE application SET village_id = NULL WHERE id = ?", (apps[7],))
        conn.execute("UPDATE application SET created_by_id = NULL WHERE id = ?", (apps[9],))
        # 先行救助: on tasks of accepted applications, one application paid twice
        tasks = conn.execute(
            "SELECT i.id, i.application_id FROM requested_item i JOIN application a "
            "ON a.id = i.application_id WHERE i.task_status IS NOT NULL "
            "AND a.intake_date >= '2026-01-01' ORDER BY i.id").fetchall()
        for n, (item_id, app_id) in enumerate(rng.sample(tasks, 25) + [tasks[0]]):
            _fill(conn, "emergency_aid", {
                "application_id": app_id, "item_id": item_id, "number": f"XZ-T-{n:03d}",
                "amount_fen": rng.randint(1, 300) * 1000, "method": "现金", "cause": "测试",
                "paid_on": (date(2026, 1, 5) + timedelta(days=rng.randint(0, 320))).isoformat(),
                "paperwork_due": NOW_DAY.isoformat()})
        # re-checks (one corrected by a later row) and change reports on recipient tasks
        recipients = conn.execute(
            "SELECT id, application_id FROM requested_item WHERE task_status = 'done' "
            f"AND item_code IN ({','.join('?' * len(RECHECKED_ITEMS))}) ORDER BY id",
            RECHECKED_ITEMS).fetchall()
        first = None
        for n, (item_id, app_id) in enumerate(rng.sample(recipients, 30)):
            on = date(2026, 1, 10) + timedelta(days=rng.randint(0, 310))
            review = _fill(conn, "household_review", {
                "application_id": app_id, "item_id": item_id,
                "kind": "change" if n % 5 == 4 else "recheck", "on": on.isoformat(),
                "snapshot_no": 1, "household": "{}", "counted_members": 1,
                "net_income_fen": 0, "net_per_capita_fen": 0, "outcome": "continue",
                "effective_month": on.replace(day=1).isoformat()})
            if n == 0:
                first = (review, app_id, item_id, on)
        assert first is not None
        review, app_id, item_id, on = first
        _fill(conn, "household_review", {
            "application_id": app_id, "item_id": item_id, "kind": "recheck",
            "on": (on + timedelta(days=2)).isoformat(), "snapshot_no": 2, "household": "{}",
            "counted_members": 1, "net_income_fen": 0, "net_per_capita_fen": 0,
            "outcome": "continue", "effective_month": on.replace(day=1).isoformat(),
            "replaces_id": review})
    conn.close()


@pytest.fixture(scope="module")
def stats_services(populated_template, tmp_path_factory) -> Iterator[Services]:
    """One copy of the populated template for the whole module (the tests only read)."""
    folder = tmp_path_factory.mktemp("stats") / "data"
    shutil.copytree(populated_template(_build)[0], folder)
    from datetime import datetime

    svc = Services.open(folder, clock=Clock(datetime(2026, 11, 24, 10, 0)))
    yield svc
    svc.close()


# ------------------------------------------------------------------ independent counts

class Expected:
    """The figures counted straight from the tables (plain sqlite3 and Python)."""

    def __init__(self, path: Path, start: date, end: date) -> None:
        self.c = sqlite3.connect(path)
        self.s, self.e = start.isoformat(), end.isoformat()

    def keys(self, by: str) -> list[str]:
        if by == "village":
            return [str(r[0]) for r in self.c.execute("SELECT id FROM village")] + [""]
        if by == "clerk":
            return [str(r[0]) for r in self.c.execute("SELECT id FROM staff")] + [""]
        if by == "source":
            return [r[0] for r in self.c.execute("SELECT DISTINCT source FROM application")]
        col = "item_code" if by == "item" else "handler_code"
        return [r[0] for r in self.c.execute(f"SELECT DISTINCT {col} FROM requested_item")]

    @staticmethod
    def _cond(by: str | None, task: bool) -> str:
        """The key condition (parameter ``:key``) on ``a`` (and ``i`` for tasks)."""
        if by is None:
            return "1"
        if by == "village":
            return "a.village_id IS :ikey"
        if by == "clerk":
            return "a.created_by_id IS :ikey"
        if by == "source":
            return "a.source = :key"
        col = "item_code" if by == "item" else "handler_code"
        if task:
            return f"i.{col} = :key"
        return (f"EXISTS (SELECT 1 FROM requested_item k WHERE k.application_id = a.id "
                f"AND k.{col} = :key)")

    def _params(self, key: str | None) -> dict[str, object]:
        return {"s": self.s, "e": self.e, "key": key, "ikey": int(key) if key and key.isdigit() else None}

    def _apps(self, by: str | None, key: str | None, where: str) -> list[tuple]:
        return self.c.execute(
            "SELECT a.id, a.intake_date, a.closed_on FROM application a "
            f"WHERE a.status != 'voided' AND {where} AND {self._cond(by, False)}",
            self._params(key)).fetchall()

    def _tasks(self, by: str | None, key: str | None, where: str) -> list[tuple]:
        return self.c.execute(
            "SELECT i.id, i.due_date, i.result_on, i.task_status FROM requested_item i, "
            f"application a WHERE a.id = i.application_id AND {where} "
            f"AND {self._cond(by, True)}", self._params(key)).fetchall()

    def figure(self, code: str, by: str | None, key: str | None) -> int | float | None:
        intake = "a.intake_date >= :s AND a.intake_date <= :e"
        closed = "a.closed_on >= :s AND a.closed_on <= :e"
        if code == "received":
            return len(self._apps(by, key, intake))
        if code == "accepted":
            return len(self._apps(by, key, intake + " AND a.decision = 'accept'"))
        if code == "refusals":
            return len(self._apps(by, key, intake + " AND a.decision = 'reject'"))
        if code == "notices":
            return len(self._apps(by, key, intake + " AND a.id IN (SELECT application_id "
                                  "FROM document WHERE kind = 'notice_missing')"))
        if code == "closed":
            return len(self._apps(by, key, closed))
        if code == "completion_rate":
            rows = self._apps(by, key, intake + " AND a.decision = 'accept'")
            if not rows:
                return None
            return sum(1 for r in rows if r[2] is not None and r[2] <= self.e) / len(rows)
        if code == "median_days":
            rows = self._apps(by, key, closed)
            days = [(date.fromisoformat(r[2]) - date.fromisoformat(r[1])).days for r in rows]
            return float(statistics.median(days)) if days else None
        if code == "referred":
            return len(self._tasks(by, key, "i.referred_on >= :s AND i.referred_on <= :e"))
        if code == "answered":
            return len(self._tasks(by, key, "i.result_on >= :s AND i.result_on <= :e"))
        if code == "overdue":
            rows = self._tasks(by, key, "i.due_date >= :s AND i.due_date <= :e "
                                        "AND i.task_status IS NOT NULL")
            today = NOW_DAY.isoformat()
            return sum(1 for _id, due, result, status in rows if due < today and not (
                status in ("done", "refused") and result is not None and result <= due))
        if code in ("emergency_count", "emergency_fen"):
            rows = self.c.execute(
                "SELECT e.amount_fen FROM emergency_aid e, requested_item i, application a "
                "WHERE i.id = e.item_id AND a.id = e.application_id AND e.paid_on >= :s "
                f"AND e.paid_on <= :e AND {self._cond(by, True)}",
                self._params(key)).fetchall()
            return len(rows) if code == "emergency_count" else sum(r[0] for r in rows)
        done = self.c.execute(
            "SELECT count(*) FROM household_review r, requested_item i, application a "
            "WHERE i.id = r.item_id AND a.id = r.application_id AND r.kind = 'recheck' "
            "AND r.\"on\" >= :s AND r.\"on\" <= :e AND r.id NOT IN (SELECT replaces_id "
            f"FROM household_review WHERE replaces_id IS NOT NULL) AND {self._cond(by, True)}",
            self._params(key)).fetchone()[0]
        if code == "rechecks_done":
            return int(done)
        assert code == "rechecks_due"
        pending = self._tasks(by, key, (
            "i.next_review_on >= :s AND i.next_review_on <= :e AND i.task_status = 'done' "
            f"AND i.item_code IN ({', '.join(repr(c) for c in RECHECKED_ITEMS)}) "
            "AND a.status IN ('accepted', 'closed')"))
        return int(done) + len(pending)


PERIODS = ["2026-10", "2026-Q3", "2026", "2026-03-10..2026-06-05", "2026-11"]


@pytest.mark.parametrize("by", [b for b, _ in BREAKDOWNS])
@pytest.mark.parametrize("text", PERIODS)
def test_every_figure_equals_an_independent_count(stats_services: Services, text: str,
                                                  by: str) -> None:
    period = parse_period(text)
    report = stats_services.stats.report(period, by)
    exp = Expected(stats_services.ctx.db.path, period.start, period.end)
    expected_rows = {}
    for key in exp.keys(by):
        values = {f.code: exp.figure(f.code, by, key) for f in FIGURES}
        if any(v for v in values.values()):
            expected_rows[key] = values
    got = {r.key: r.values for r in report.rows}
    assert set(got) == set(expected_rows)
    for key, values in expected_rows.items():
        for code, value in values.items():
            assert got[key][code] == pytest.approx(value), (key, code)
    for f in FIGURES:
        assert report.total.values[f.code] == pytest.approx(exp.figure(f.code, None, None)), f.code
    assert report.period == period and report.by == by and report.figures == FIGURES


def test_the_data_exercises_every_figure(stats_services: Services) -> None:
    """The dataset is not empty where it matters: each figure has a value in 2026, and
    the item total is less than the sum of the item rows (applications with several
    items count once)."""
    report = stats_services.stats.report(parse_period("2026"), "item")
    for f in FIGURES:
        assert report.total.values[f.code], f.code
    assert sum(r.values["received"] for r in report.rows) > report.total.values["received"]
    assert sum(r.values["received"] for r in report.rows if r.values["received"])  # rows exist
    village = stats_services.stats.report(parse_period("2026"), "village")
    assert "" in {r.key for r in village.rows}  # the application without a village
    assert village.rows[-1].label == "（未填村社区）"


@pytest.mark.parametrize("by", [b for b, _ in BREAKDOWNS])
def test_drill_down_gives_the_cells_applications(stats_services: Services, by: str) -> None:
    period = parse_period("2026-Q3")
    report: StatsReport = stats_services.stats.report(period, by)
    exp = Expected(stats_services.ctx.db.path, period.start, period.end)
    for row in [*report.rows, None]:
        key = None if row is None else row.key
        cells = report.total if row is None else row
        for f in FIGURES:
            ids = stats_services.stats.drill(period, by, key, f.code)
            if f.kind == "count":
                assert len(ids) == cells.values[f.code], (key, f.code)
            elif cells.values[f.code] in (None, 0):
                assert ids == [] or f.kind == "ratio", (key, f.code)
    # newest first, and the applications are those an independent query finds
    ids = stats_services.stats.drill(period, by, None, "received")
    rows = exp.c.execute(
        "SELECT id, intake_date FROM application WHERE intake_date BETWEEN ? AND ? "
        "AND status != 'voided' ORDER BY intake_date DESC, id DESC",
        (exp.s, exp.e)).fetchall()
    assert ids == [r[0] for r in rows]


def test_series_by_month(stats_services: Services) -> None:
    series = stats_services.stats.series(parse_period("2026-Q3"), "received")
    assert [p.code for p, _ in series] == ["2026-07", "2026-08", "2026-09"]
    for month, value in series:
        assert value == stats_services.stats.report(month, "source").total.values["received"]
    assert sum(v or 0 for _, v in series) == stats_services.stats.value(
        parse_period("2026-Q3"), "received")


@pytest.mark.parametrize(("call", "field"), [
    (lambda s: s.report(parse_period("2026-11"), "township"), "by"),
    (lambda s: s.drill(parse_period("2026-11"), "village", None, "applications"), "figure"),
    (lambda s: s.series(parse_period("2026-11"), "nothing"), "figure"),
    (lambda s: s.report(parse_period("2026-11"), "village").row("no-such-key"), "key"),
])
def test_bad_breakdown_or_figure_is_refused(stats_services: Services, call, field: str) -> None:
    with pytest.raises(ValidationError) as info:
        call(stats_services.stats)
    assert info.value.field == field
    assert any("\u4e00" <= ch <= "\u9fff" for ch in info.value.message)
