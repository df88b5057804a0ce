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
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, cast

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


def format_value(figure: FigureDef, value: int | float | None) -> str:
    """A cell as printed: counts as integers, money in 元 with 2 decimals, ratios as a
    percentage with one decimal, days with at most one decimal; "—" for nothing."""
    if value is None:
        return "—"
    if figure.kind == "money":
        return f"{int(value) / 100:.2f}"
    if figure.kind == "ratio":
        return f"{value * 100:.1f}%"
    if figure.kind == "days":
        return f"{value:.1f}".removesuffix(".0")
    return str(int(value))


def report_table(report: StatsReport) -> tuple[list[str], list[list[str]]]:
    """The report as a plain table: the header and the rows (the total last), each cell
    formatted with :func:`format_value` (the command line and the Excel file)."""
    header = [report.by_label, *(f.label for f in report.figures)]
    body = [[r.label, *(format_value(f, r.values.get(f.code)) for f in report.figures)]
            for r in [*report.rows, report.total]]
    return header, body


def write_report_xlsx(report: StatsReport, path: Path, *,
                      progress: Callable[[int, int | None], None] | None = None,
                      cancelled: Callable[[], bool] | None = None) -> int:
    """The report as an .xlsx file (``core/xlsx.py``: atomic, faults as ``FileFault``):
    one sheet, the same table as :func:`report_table` with counts and money as numbers
    (money in 元), ratio and days as printed. Returns the rows written."""
    from ..xlsx import Column, Sheet, write_xlsx

    kinds = {"count": "int", "money": "money", "ratio": "text", "days": "text"}
    columns = [Column(report.by_label, 18.0),
               *(Column(f.label, max(10.0, 2.2 * len(f.label)), kinds[f.kind])
                 for f in report.figures)]

    def cell(f: FigureDef, value: int | float | None) -> object:
        if value is None or f.kind in ("ratio", "days"):
            return format_value(f, value)
        return int(value)

    rows = [[r.label, *(cell(f, r.values.get(f.code)) for f in report.figures)]
            for r in [*report.rows, report.total]]
    sheet = Sheet(name=report.period.label, columns=columns, rows=rows,
                  title=f"社会救助统计表（{report.period.label}）",
                  subtitle=f"按{report.by_label}统计；生成于 "
                           f"{report.generated_at:%Y-%m-%d %H:%M}",
                  total=len(rows))
    return write_xlsx(path, [sheet], progress=progress, cancelled=cancelled)


# --------------------------------------------------------------------------- figures
#
# A figure is one or more *parts*, each a FROM/WHERE over the tables with the aliases
# ``a`` (the application) and ``i`` (the item/task, when the unit belongs to one): the
# unit's id, its value (1 for counts) and the condition with the period's bounds
# (:start, :end; :today for 超期). From the same parts come the report's GROUP BY
# query and the drill-down's list, so a cell and its drill-down cannot disagree.


@dataclass(frozen=True)
class _Part:
    unit: str
    frm: str
    where: str
    value: str = "1"
    task: bool = False  # ``i`` is the unit's own item: item/department rows from it


_APP = "application a"
_TASK = "requested_item i JOIN application a ON a.id = i.application_id"
_LIVE = "a.status != 'voided'"
_INTAKE = f"a.intake_date BETWEEN :start AND :end AND {_LIVE}"
_CLOSED = f"a.closed_on BETWEEN :start AND :end AND {_LIVE}"
_NOTICE = ("EXISTS (SELECT 1 FROM document d WHERE d.application_id = a.id "
           "AND d.kind = 'notice_missing')")
_RECHECK_DONE = _Part(
    "r.id",
    "household_review r JOIN requested_item i ON i.id = r.item_id "
    "JOIN application a ON a.id = r.application_id",
    # the 'recheck' rows of the period that no later correction replaced
    "+r.kind = 'recheck' AND r.\"on\" BETWEEN :start AND :end AND NOT EXISTS "
    "(SELECT 1 FROM household_review c WHERE c.replaces_id = r.id)", task=True)
_AID = ("emergency_aid e JOIN requested_item i ON i.id = e.item_id "
        "JOIN application a ON a.id = e.application_id")
_RECHECKED = ", ".join(f"'{c}'" for c in RECHECKED_ITEMS)

# ``+col``: the period's date index drives every query (without ANALYZE statistics
# SQLite would otherwise pick an index on a status column and scan it).
_PARTS: dict[str, tuple[_Part, ...]] = {
    "received": (_Part("a.id", _APP, _INTAKE),),
    "accepted": (_Part("a.id", _APP, f"{_INTAKE} AND +a.decision = 'accept'"),),
    "notices": (_Part("a.id", _APP, f"{_INTAKE} AND {_NOTICE}"),),
    "refusals": (_Part("a.id", _APP, f"{_INTAKE} AND +a.decision = 'reject'"),),
    "referred": (_Part("i.id", _TASK, "i.referred_on BETWEEN :start AND :end", task=True),),
    "answered": (_Part("i.id", _TASK, "i.result_on BETWEEN :start AND :end", task=True),),
    # due in the period, the due day past, and not finished (done/refused) by that day
    "overdue": (_Part("i.id", _TASK, (
        "i.due_date BETWEEN :start AND :end AND i.due_date < :today "
        "AND +i.task_status IS NOT NULL AND NOT (+i.task_status IN ('done', 'refused') "
        "AND i.result_on IS NOT NULL AND i.result_on <= i.due_date)"), task=True),),
    "closed": (_Part("a.id", _APP, _CLOSED),),
    # the accepted applications of the period; value 1 when closed by the period's end
    "completion_rate": (_Part("a.id", _APP, f"{_INTAKE} AND +a.decision = 'accept'",
                              "coalesce(a.closed_on <= :end, 0)"),),
    "median_days": (_Part("a.id", _APP, _CLOSED,
                          "CAST(julianday(a.closed_on) - julianday(a.intake_date) AS INTEGER)"),),
    "emergency_count": (_Part("e.id", _AID, "e.paid_on BETWEEN :start AND :end", task=True),),
    "emergency_fen": (_Part("e.id", _AID, "e.paid_on BETWEEN :start AND :end",
                            "e.amount_fen", task=True),),
    # done in the period (each was due) + recipients whose next re-check falls in the
    # period and is still outstanding (review ids negative: apart from task ids)
    "rechecks_due": (
        _Part("-r.id", _RECHECK_DONE.frm, _RECHECK_DONE.where, task=True),
        _Part("i.id", _TASK, (
            "i.next_review_on BETWEEN :start AND :end AND +i.task_status = 'done' "
            f"AND +i.item_code IN ({_RECHECKED}) AND +a.status IN ('accepted', 'closed')"),
            task=True)),
    "rechecks_done": (_RECHECK_DONE,),
}
assert set(_PARTS) == set(FIGURE_BY_CODE)

_SIMPLE_KEYS = {
    "village": "coalesce(CAST(a.village_id AS TEXT), '')",
    "source": "coalesce(a.source, '')",
    "clerk": "coalesce(CAST(a.created_by_id AS TEXT), '')",
}
_ITEM_COLS = {"item": "item_code", "department": "handler_code"}


def _multi(part: _Part, by: str | None) -> bool:
    """An application-level unit belongs to one row per item (or department) it has."""
    return by in _ITEM_COLS and not part.task


def _units_sql(figure: str, by: str | None) -> str:
    """One row per (unit, row key): u, app, d (intake date), key, v."""
    selects = []
    for part in _PARTS[figure]:
        frm, distinct = part.frm, ""
        if by is None:
            key = "''"
        elif by in _SIMPLE_KEYS:
            key = _SIMPLE_KEYS[by]
        elif part.task:
            key = f"i.{_ITEM_COLS[by]}"
        else:  # each of the application's items (departments) once
            frm += " JOIN requested_item k ON k.application_id = a.id"
            key, distinct = f"k.{_ITEM_COLS[by]}", "DISTINCT "
        selects.append(f"SELECT {distinct}{part.unit} AS u, a.id AS app, a.intake_date AS d, "
                       f"{key} AS key, {part.value} AS v FROM {frm} WHERE {part.where}")
    return " UNION ALL ".join(selects)


def _median(counts: Iterable[tuple[int, int]]) -> float:
    """The median of values given as (value, how many) pairs."""
    pairs = sorted(counts)
    n = sum(c for _, c in pairs)
    wanted = sorted({(n - 1) // 2, n // 2})  # the middle one or two (0-based)
    found: list[int] = []
    seen = 0
    for value, count in pairs:
        while wanted and wanted[0] < seen + count:
            found.append(value)
            wanted.pop(0)
        seen += count
    return float(statistics.mean(found))


def _cells(figure: FigureDef, rows: Iterable[tuple[Any, ...]]) -> dict[str, int | float | None]:
    """Cell values by key from ``(key, count, sum)`` rows — or, for the median,
    ``(key, value, count)`` rows (days are few distinct values: a histogram)."""
    if figure.kind == "days":
        grouped: dict[str, list[tuple[int, int]]] = {}
        for key, v, n in rows:
            grouped.setdefault(key, []).append((int(v), int(n)))
        return {k: _median(v) for k, v in grouped.items()}
    out: dict[str, int | float | None] = {}
    for key, n, total in rows:
        if figure.kind == "count":
            out[key] = int(n)
        elif figure.kind == "money":
            out[key] = int(total)
        else:
            out[key] = total / n if n else None
    return out


def _empty(figure: FigureDef) -> int | float | None:
    return 0 if figure.kind in ("count", "money") else None


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

    def _fetch(self, s: Session, sql: str, period: Period) -> list[tuple[Any, ...]]:
        # The DB-API cursor: plain tuples (a year's drill-down is ~50,000 rows).
        cur = s.connection().connection.cursor()
        try:
            cur.execute(sql, {"start": period.start.isoformat(), "end": period.end.isoformat(),
                              "today": self.ctx.today().isoformat()})
            return cast(list[tuple[Any, ...]], cur.fetchall())
        finally:
            cur.close()

    def _figure_cells(self, s: Session, period: Period, figure: FigureDef,
                      by: str | None) -> dict[str, int | float | None]:
        units = _units_sql(figure.code, by)
        sql = (f"SELECT key, v, count(*) FROM ({units}) GROUP BY key, v" if figure.kind == "days"
               else f"SELECT key, count(*), total(v) FROM ({units}) GROUP BY key")
        return _cells(figure, self._fetch(s, sql, period))

    def _total(self, s: Session, period: Period, figure: FigureDef) -> int | float | None:
        return self._figure_cells(s, period, figure, None).get("", _empty(figure))

    def report(self, period: Period, by: str) -> StatsReport:
        """Every figure of ``period``, one row per key of ``by`` present in the period
        (a key with at least one unit in any figure)."""
        self._check_by(by)
        cells: dict[str, dict[str, int | float | None]] = {}
        total: dict[str, int | float | None] = {}
        with self.ctx.db.read() as s:
            for f in FIGURES:
                if f.kind == "days" or any(_multi(p, by) for p in _PARTS[f.code]):
                    # a median, or units in several rows: the total is its own query
                    # (a median's from the rows' histograms would need them by value)
                    for key, v in self._figure_cells(s, period, f, by).items():
                        cells.setdefault(key, {})[f.code] = v
                    total[f.code] = self._total(s, period, f)
                    continue
                units = _units_sql(f.code, by)
                rows = self._fetch(s, f"SELECT key, count(*), total(v) FROM ({units}) "
                                      "GROUP BY key", period)
                for key, v in _cells(f, rows).items():
                    cells.setdefault(key, {})[f.code] = v
                # every unit in exactly one row: the total from the rows
                n, t = sum(r[1] for r in rows), sum(r[2] for r in rows)
                total[f.code] = _cells(f, [("", n, t)]).get("") if n else _empty(f)
            labels = self._labels(s, by, cells)
        rows_out = [StatsRow(k, label, {f.code: cells[k].get(f.code, _empty(f)) for f in FIGURES})
                    for k, label in labels]
        return StatsReport(period, by, FIGURES, rows_out, StatsRow("", "合计", total),
                           self.ctx.clock())

    def value(self, period: Period, figure: str) -> int | float | None:
        """One figure's total for ``period``."""
        f = self._figure(figure)
        with self.ctx.db.read() as s:
            return self._total(s, period, f)

    def drill(self, period: Period, by: str, key: str | None, figure: str) -> list[int]:
        """The application ids behind one cell (``key`` None: the total row), newest
        first (intake date, then id). Count figures: one id per unit counted (an
        application with two tasks referred in the period is there twice), so ``len``
        equals the cell; money, ratio and days: the distinct applications the figure is
        computed from."""
        self._check_by(by)
        f = self._figure(figure)
        units = _units_sql(f.code, None if key is None else by)
        where = "" if key is None else "WHERE key = :key"
        sql = f"SELECT app FROM ({units}) {where} ORDER BY d DESC, app DESC, u DESC"
        with self.ctx.db.read() as s:
            cur = s.connection().connection.cursor()
            try:
                cur.execute(sql, {"start": period.start.isoformat(),
                                  "end": period.end.isoformat(),
                                  "today": self.ctx.today().isoformat(), "key": key})
                ids = [int(r[0]) for r in cur.fetchall()]
            finally:
                cur.close()
        if f.kind != "count":
            ids = list(dict.fromkeys(ids))
        return ids

    def series(self, period: Period, figure: str) -> list[tuple[Period, int | float | None]]:
        """The figure's total for each month of ``period`` (custom ranges: each month
        cut to the range)."""
        f = self._figure(figure)
        with self.ctx.db.read() as s:
            return [(m, self._total(s, m, f)) for m in month_periods(period)]


__all__ = ["BREAKDOWNS", "BREAKDOWN_LABELS", "FIGURES", "FIGURE_BY_CODE", "FigureDef",
           "NONE_KEY", "StatsReport", "StatsRow", "StatsService", "format_value",
           "report_table", "write_report_xlsx"]
