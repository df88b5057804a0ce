"""Statistics (issue 16): the monthly figures by item, village, department, clerk or
source of discovery, the applications behind every cell, and a figure month by month.

Read only. Every figure is a set of *units* (applications, tasks, 先行救助 payments or
re-checks) picked by one date inside the period (docs/statistics.md gives each
figure's definition and its date). A row counts the units whose key it is; the total
counts each unit once — an application with several items counts once in each item's
row but once in the total. ``drill`` returns the applications behind the same units,
so a count cell and its drill-down never disagree.

The queries are plain SQL over the indexed date columns (migration 0020_stats adds the
ones the 500,000-application benchmark needed): the figures are read from a handful of
range scans and counted in Python.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from ..errors import ValidationError
from ..rules.dynamic import RECHECKED_ITEMS
from ..rules.periods import Period, month_periods
from ..vocab import SOURCES
from .context import ServiceContext

#: (code, Chinese label) of the breakdowns, in the order a screen offers them.
BREAKDOWNS: tuple[tuple[str, str], ...] = (
    ("item", "救助事项"),
    ("village", "村（社区）"),
    ("department", "部门"),
    ("clerk", "经办人"),
    ("source", "发现来源"),
)
BREAKDOWN_LABELS = dict(BREAKDOWNS)

KINDS = ("count", "money", "ratio", "days")
LEVELS = ("application", "task", "aid", "review")


@dataclass(frozen=True)
class FigureDef:
    """One figure: ``kind`` count (int), money (int fen), ratio (float 0–1, None when
    nothing to divide) or days (float, None when nothing to measure); ``level`` is the
    unit it counts: application, task (an accepted item), aid (a 先行救助 payment) or
    review (a re-check)."""

    code: str
    label: str
    kind: str
    level: str


FIGURES: tuple[FigureDef, ...] = (
    FigureDef("received", "受理登记", "count", "application"),
    FigureDef("accepted", "受理", "count", "application"),
    FigureDef("notices", "一次性告知", "count", "application"),
    FigureDef("refusals", "不予受理", "count", "application"),
    FigureDef("referred", "转办", "count", "task"),
    FigureDef("answered", "已反馈", "count", "task"),
    FigureDef("overdue", "超期", "count", "task"),
    FigureDef("closed", "办结", "count", "application"),
    FigureDef("completion_rate", "办结率", "ratio", "application"),
    FigureDef("median_days", "办结天数中位数", "days", "application"),
    FigureDef("emergency_count", "先行救助次数", "count", "aid"),
    FigureDef("emergency_fen", "先行救助金额", "money", "aid"),
    FigureDef("rechecks_due", "应复核", "count", "review"),
    FigureDef("rechecks_done", "已复核", "count", "review"),
)
FIGURE_BY_CODE = {f.code: f for f in FIGURES}

#: The key of a row whose application has no village / clerk recorded.
NONE_KEY = ""
_NONE_LABELS = {"village": "（未填村社区）", "clerk": "（未记录经办人）"}


@dataclass(frozen=True)
class StatsRow:
    key: str
    label: str
    values: dict[str, int | float | None]


@dataclass(frozen=True)
class StatsReport:
    period: Period
    by: str
    figures: tuple[FigureDef, ...]
    rows: list[StatsRow]
    total: StatsRow
    generated_at: datetime

    @property
    def by_label(self) -> str:
        return BREAKDOWN_LABELS[self.by]

    def row(self, key: str | None) -> StatsRow:
        """The row of ``key`` (None: the total)."""
        if key is None:
            return self.total
        for r in self.rows:
            if r.key == key:
                return r
        raise ValidationError("key", "unknown", key="stats.key.unknown", params={"key": key})


# ---------------------------------------------------------------------------- units


@dataclass(frozen=True)
class _Unit:
    """One thing a figure counts: ``uid`` is unique within its figure; ``keys`` the
    rows it belongs to for the breakdown asked (several for an application's items)."""

    uid: int
    app_id: int
    intake: str  # ISO date: the drill-down's order (newest first)
    keys: tuple[str, ...]
    value: int | float


# The application's columns every unit query selects, then the breakdown's key columns.
_APP_COLS = "a.id, a.intake_date, a.village_id, a.source, a.created_by_id"
_APP_LEVEL_FILTER = "a.status != 'voided'"


@dataclass
class _Query:
    """Runs the unit queries of one report (each source read once)."""

    s: Session
    period: Period
    by: str | None
    today: date
    _cache: dict[str, list[tuple[Any, ...]]] = field(default_factory=dict)
    _items: dict[int, tuple[set[str], set[str]]] | None = None

    @property
    def bounds(self) -> dict[str, str]:
        return {"start": self.period.start.isoformat(), "end": self.period.end.isoformat()}

    def rows(self, name: str, sql: str, params: dict[str, object] | None = None) -> list[tuple[Any, ...]]:
        if name not in self._cache:
            self._cache[name] = [tuple(r) for r in self.s.execute(
                text(sql), {**self.bounds, **(params or {})})]
        return self._cache[name]

    # -- keys ----------------------------------------------------------------------

    def app_items(self, app_ids: Iterable[int]) -> dict[int, tuple[set[str], set[str]]]:
        """Item codes and handling departments of each application (for the item and
        department rows of application-level figures)."""
        if self._items is None:
            self._items = {}
        want = [i for i in set(app_ids) if i not in self._items]
        for n in range(0, len(want), 900):
            chunk = want[n:n + 900]
            for i in chunk:
                self._items[i] = (set(), set())
            marks = ",".join(str(int(i)) for i in chunk)
            for app_id, code, handler in self.s.execute(text(
                    "SELECT application_id, item_code, handler_code FROM requested_item "
                    f"WHERE application_id IN ({marks})")):
                codes, handlers = self._items[app_id]
                codes.add(code)
                handlers.add(handler)
        return self._items

    def app_keys(self, rows: Sequence[tuple[Any, ...]]) -> list[tuple[str, ...]]:
        """Row keys of application rows (``_APP_COLS`` first)."""
        by = self.by
        if by in ("item", "department"):
            items = self.app_items(r[0] for r in rows)
            pick = 0 if by == "item" else 1
            return [tuple(sorted(items[r[0]][pick])) for r in rows]
        return [(_simple_key(by, r),) for r in rows]

    def task_keys(self, rows: Sequence[tuple[Any, ...]]) -> list[tuple[str, ...]]:
        """Row keys of task rows (``_APP_COLS`` then item_code, handler_code)."""
        if self.by == "item":
            return [(r[5],) for r in rows]
        if self.by == "department":
            return [(r[6],) for r in rows]
        return [(_simple_key(self.by, r),) for r in rows]


def _simple_key(by: str | None, r: tuple[Any, ...]) -> str:
    if by == "village":
        return NONE_KEY if r[2] is None else str(r[2])
    if by == "source":
        return str(r[3] or "")
    if by == "clerk":
        return NONE_KEY if r[4] is None else str(r[4])
    return NONE_KEY


def _intake(q: _Query) -> list[tuple[Any, ...]]:
    """Applications registered in the period: + decision, closed_on, notice issued."""
    return q.rows("intake", f"""
        SELECT {_APP_COLS}, a.decision, a.closed_on,
               EXISTS (SELECT 1 FROM document d WHERE d.application_id = a.id
                       AND d.kind = 'notice_missing') AS noticed
        FROM application a
        WHERE a.intake_date BETWEEN :start AND :end AND {_APP_LEVEL_FILTER}""")


def _closed(q: _Query) -> list[tuple[Any, ...]]:
    return q.rows("closed", f"""
        SELECT {_APP_COLS}, a.closed_on FROM application a
        WHERE a.closed_on BETWEEN :start AND :end AND {_APP_LEVEL_FILTER}""")


def _tasks(q: _Query, name: str, where: str, extra: str = "") -> list[tuple[Any, ...]]:
    return q.rows(name, f"""
        SELECT i.id, a.intake_date, a.village_id, a.source, a.created_by_id,
               i.item_code, i.handler_code, a.id{extra}
        FROM requested_item i JOIN application a ON a.id = i.application_id
        WHERE {where}""", {"today": q.today.isoformat()})


def _app_units(q: _Query, rows: list[tuple[Any, ...]],
               value: Callable[[tuple[Any, ...]], int | float | None]) -> list[_Unit]:
    keys = q.app_keys(rows) if q.by else [()] * len(rows)
    out = []
    for r, k in zip(rows, keys):
        v = value(r)
        if v is not None:
            out.append(_Unit(r[0], r[0], r[1], k, v))
    return out


def _task_units(q: _Query, rows: list[tuple[Any, ...]],
                value: Callable[[tuple[Any, ...]], int | float] = lambda r: 1) -> list[_Unit]:
    keys = q.task_keys(rows) if q.by else [()] * len(rows)
    return [_Unit(r[0], r[7], r[1], k, value(r)) for r, k in zip(rows, keys)]


# -- the figures ---------------------------------------------------------------------

def _received(q: _Query) -> list[_Unit]:
    return _app_units(q, _intake(q), lambda r: 1)


def _accepted(q: _Query) -> list[_Unit]:
    return _app_units(q, _intake(q), lambda r: 1 if r[5] == "accept" else None)


def _notices(q: _Query) -> list[_Unit]:
    return _app_units(q, _intake(q), lambda r: 1 if r[7] else None)


def _refusals(q: _Query) -> list[_Unit]:
    return _app_units(q, _intake(q), lambda r: 1 if r[5] == "reject" else None)


def _closed_units(q: _Query) -> list[_Unit]:
    return _app_units(q, _closed(q), lambda r: 1)


def _completion(q: _Query) -> list[_Unit]:
    end = q.period.end.isoformat()
    return _app_units(q, _intake(q), lambda r: None if r[5] != "accept"
                      else int(r[6] is not None and str(r[6]) <= end))


def _median_days(q: _Query) -> list[_Unit]:
    return _app_units(q, _closed(q), lambda r: (date.fromisoformat(str(r[5]))
                                                 - date.fromisoformat(str(r[1]))).days)


def _referred(q: _Query) -> list[_Unit]:
    return _task_units(q, _tasks(q, "referred", "i.referred_on BETWEEN :start AND :end"))


def _answered(q: _Query) -> list[_Unit]:
    return _task_units(q, _tasks(q, "answered", "i.result_on BETWEEN :start AND :end"))


def _overdue(q: _Query) -> list[_Unit]:
    # Due in the period, the due day already past, and not finished (done/refused) by it.
    return _task_units(q, _tasks(q, "overdue", """
        i.due_date BETWEEN :start AND :end AND i.due_date < :today
        AND i.task_status IS NOT NULL
        AND NOT (i.task_status IN ('done', 'refused') AND i.result_on IS NOT NULL
                 AND i.result_on <= i.due_date)"""))


def _aid_rows(q: _Query) -> list[tuple[Any, ...]]:
    return q.rows("aid", """
        SELECT e.id, a.intake_date, a.village_id, a.source, a.created_by_id,
               i.item_code, i.handler_code, a.id, e.amount_fen
        FROM emergency_aid e JOIN requested_item i ON i.id = e.item_id
             JOIN application a ON a.id = e.application_id
        WHERE e.paid_on BETWEEN :start AND :end""")


def _emergency_count(q: _Query) -> list[_Unit]:
    return _task_units(q, _aid_rows(q))


def _emergency_fen(q: _Query) -> list[_Unit]:
    return _task_units(q, _aid_rows(q), lambda r: int(r[8]))


def _rechecks_done_rows(q: _Query) -> list[tuple[Any, ...]]:
    return q.rows("rechecks_done", """
        SELECT r.id, a.intake_date, a.village_id, a.source, a.created_by_id,
               i.item_code, i.handler_code, a.id
        FROM household_review r JOIN requested_item i ON i.id = r.item_id
             JOIN application a ON a.id = r.application_id
        WHERE r.kind = 'recheck' AND r."on" BETWEEN :start AND :end
          AND NOT EXISTS (SELECT 1 FROM household_review c WHERE c.replaces_id = r.id)""")


def _rechecks_done(q: _Query) -> list[_Unit]:
    return _task_units(q, _rechecks_done_rows(q))


def _rechecks_due(q: _Query) -> list[_Unit]:
    # Re-checks done in the period (each was due) + the recipient tasks whose next
    # re-check falls in the period and is still outstanding. Review ids and task ids
    # are kept apart in the unit id (sign).
    done = [_Unit(-u.uid, u.app_id, u.intake, u.keys, 1) for u in _rechecks_done(q)]
    items = ",".join(f"'{c}'" for c in RECHECKED_ITEMS)
    pending = _task_units(q, _tasks(q, "rechecks_pending", f"""
        i.next_review_on BETWEEN :start AND :end AND i.task_status = 'done'
        AND i.item_code IN ({items}) AND a.status IN ('accepted', 'closed')"""))
    return done + pending


_UNITS: dict[str, Callable[[_Query], list[_Unit]]] = {
    "received": _received, "accepted": _accepted, "notices": _notices,
    "refusals": _refusals, "referred": _referred, "answered": _answered,
    "overdue": _overdue, "closed": _closed_units, "completion_rate": _completion,
    "median_days": _median_days, "emergency_count": _emergency_count,
    "emergency_fen": _emergency_fen, "rechecks_due": _rechecks_due,
    "rechecks_done": _rechecks_done,
}
assert set(_UNITS) == set(FIGURE_BY_CODE)


def _value(kind: str, units: Sequence[_Unit]) -> int | float | None:
    if kind == "count":
        return len(units)
    if kind == "money":
        return int(sum(u.value for u in units))
    if not units:
        return None
    if kind == "ratio":
        return sum(u.value for u in units) / len(units)
    return float(statistics.median(u.value for u in units))


# --------------------------------------------------------------------------- service


class StatsService:
    """``services.stats``: read-only figures (may run on the read lane)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- checks --------------------------------------------------------------------

    @staticmethod
    def _check_by(by: str) -> None:
        if by not in BREAKDOWN_LABELS:
            raise ValidationError("by", "unknown", key="stats.by.unknown", params={"by": by})

    @staticmethod
    def _figure(code: str) -> FigureDef:
        try:
            return FIGURE_BY_CODE[code]
        except KeyError:
            raise ValidationError("figure", "unknown", key="stats.figure.unknown",
                                  params={"figure": code}) from None

    # -- labels --------------------------------------------------------------------

    def _labels(self, s: Session, by: str, keys: Iterable[str]) -> list[tuple[str, str]]:
        """(key, label) of the rows, in the breakdown's order."""
        keys = set(keys)
        cat = self.ctx.catalog
        order: dict[str, tuple[int, str]] = {}
        labels: dict[str, str] = {}
        if by == "item":
            codes = list(cat.item_codes)
            for k in keys:
                labels[k] = cat.item(k).name if cat.has_item(k) else k
                order[k] = (codes.index(k) if k in codes else len(codes), k)
        elif by == "department":
            deps = [d.code for d in cat.departments]
            for k in keys:
                try:
                    labels[k] = cat.department(k).name
                except KeyError:
                    labels[k] = k
                order[k] = (deps.index(k) if k in deps else len(deps), k)
        elif by == "source":
            codes = [c for c, _ in SOURCES]
            names = dict(SOURCES)
            for k in keys:
                labels[k] = names.get(k, k)
                order[k] = (codes.index(k) if k in codes else len(codes), k)
        elif by == "village":
            villages: dict[str, tuple[str, str]] = {
                str(i): (code, name)
                for i, code, name in s.execute(text("SELECT id, code, name FROM village"))}
            for k in keys:
                code, name = villages.get(k, ("~", _NONE_LABELS["village"] if k == NONE_KEY else k))
                labels[k], order[k] = name, (0, code)
        else:  # clerk
            staff: dict[str, str] = {
                str(i): name for i, name in s.execute(text("SELECT id, name FROM staff"))}
            for k in keys:
                labels[k] = staff.get(k, _NONE_LABELS["clerk"] if k == NONE_KEY else k)
                order[k] = (1 if k == NONE_KEY else 0, labels[k])
        return sorted(((k, labels[k]) for k in keys), key=lambda kv: order[kv[0]])

    # -- the API -------------------------------------------------------------------

    def report(self, period: Period, by: str) -> StatsReport:
        """Every figure of ``period``, one row per key of ``by`` present in the period."""
        self._check_by(by)
        with self.ctx.db.read() as s:
            q = _Query(s, period, by, self.ctx.today())
            per_figure = {f.code: _UNITS[f.code](q) for f in FIGURES}
            rows_units: dict[str, dict[str, list[_Unit]]] = {}
            for code, units in per_figure.items():
                for u in units:
                    for k in u.keys:
                        rows_units.setdefault(k, {}).setdefault(code, []).append(u)
            rows = [StatsRow(k, label, {f.code: _value(f.kind, rows_units[k].get(f.code, []))
                                        for f in FIGURES})
                    for k, label in self._labels(s, by, rows_units)]
        total = StatsRow("", "合计", {f.code: _value(f.kind, per_figure[f.code]) for f in FIGURES})
        return StatsReport(period, by, FIGURES, rows, total, self.ctx.clock())

    def value(self, period: Period, figure: str) -> int | float | None:
        """One figure's total for ``period``."""
        f = self._figure(figure)
        with self.ctx.db.read() as s:
            return _value(f.kind, _UNITS[f.code](_Query(s, period, None, self.ctx.today())))

    def drill(self, period: Period, by: str, key: str | None, figure: str) -> list[int]:
        """The application ids behind one cell (``key`` None: the total row), newest
        first. Count figures: one id per unit counted (an application with two tasks
        referred in the period is there twice), so ``len`` equals the cell; money, ratio
        and days: the distinct applications the figure is computed from."""
        self._check_by(by)
        f = self._figure(figure)
        with self.ctx.db.read() as s:
            units = _UNITS[f.code](_Query(s, period, by, self.ctx.today()))
        if key is not None:
            units = [u for u in units if key in u.keys]
        units.sort(key=lambda u: (u.intake, u.app_id, u.uid), reverse=True)
        ids = [u.app_id for u in units]
        if f.kind != "count":
            ids = list(dict.fromkeys(ids))
        return ids

    def series(self, period: Period, figure: str) -> list[tuple[Period, int | float | None]]:
        """The figure's total for each month of ``period`` (custom ranges: each month
        cut to the range)."""
        self._figure(figure)
        return [(m, self.value(m, figure)) for m in month_periods(period)]


__all__ = ["BREAKDOWNS", "BREAKDOWN_LABELS", "FIGURES", "FIGURE_BY_CODE", "FigureDef",
           "NONE_KEY", "StatsReport", "StatsRow", "StatsService"]
