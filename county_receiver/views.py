"""The county's cross-township views (issue 17, docs/county-views.md): Qt-free queries.

* :func:`overdue` — referrals a department still owes an answer for, past their due day:
  counts by department × township; :func:`overdue_list` the tasks behind a cell;
* :func:`monthly` — the township statistics screen's figures the county can compute from
  what townships send (受理登记, 受理, 不予受理, 转办, 已反馈, 超期, 办结, 办结率) for a
  period, by township, item or department;
* :func:`duplicates` — the checks only the county can make: the same ID number with open
  applications for the same item in two townships, and a person in open households of two
  townships. Results carry the ID number masked; :func:`reveal_id` gives the full number
  for the officer's drill-down.

Every view reads the derived tables of :mod:`.derived` (one narrow table each, with its
own index), never the JSON of ``county_record``. Each function takes an ``Engine``, a
``Connection``, an ORM ``Session`` or anything with an ``engine`` attribute (a
:class:`~county_receiver.receiver.County`). Bad input raises
:class:`~sync_contract.errors.PackageError` with a Chinese / English line.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import bindparam, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from sync_contract.errors import PackageError

from .derived import SOUGHT_SQL, TOWNSHIP_HANDLER, WAITING_STATUSES

_WAITING = "(" + ", ".join(f"'{s}'" for s in WAITING_STATUSES) + ")"


# -- plumbing ---------------------------------------------------------------------------
@contextmanager
def _connect(source: Any) -> Iterator[Connection]:
    if isinstance(source, Connection):
        yield source
    elif isinstance(source, Session):
        yield source.connection()
    else:
        engine = source if isinstance(source, Engine) else getattr(source, "engine", None)
        if not isinstance(engine, Engine):
            raise TypeError("a county Engine, Connection, Session or County is needed")
        with engine.connect() as conn:
            yield conn


def _params(conn: Connection, values: dict[str, Any]) -> dict[str, Any]:
    """Bind values for text SQL: days as ISO text on SQLite (how its Date columns are
    stored), as dates elsewhere."""
    if conn.dialect.name == "postgresql":
        return values
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in values.items()}


def _bad(reason: str, en: str, zh: str) -> PackageError:
    return PackageError(reason, zh=zh, en=en)


def _day(value: date | str, what: str) -> date:
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip())
    except ValueError:
        raise _bad("view_invalid", f"{what}: not a date (YYYY-MM-DD)",
                   f"{what} 不是日期（YYYY-MM-DD）") from None


def mask_id(number: str | None) -> str:
    """An ID number as lists show it: the first 6 and last 4 characters kept
    (``110105********0021``); shorter numbers keep their last 2; "" stays ""."""
    value = "".join((number or "").split())
    if not value:
        return ""
    if len(value) >= 11:
        return value[:6] + "*" * (len(value) - 10) + value[-4:]
    if len(value) <= 2:
        return "*" * len(value)
    return "*" * (len(value) - 2) + value[-2:]


@dataclass(frozen=True)
class Township:
    id: int
    code: str
    name: str


def _townships(conn: Connection) -> dict[int, Township]:
    return {r.id: Township(r.id, r.code, r.name) for r in conn.execute(
        text("SELECT id, code, name FROM county_township ORDER BY code"))}


def _township_id(conn: Connection, code: str | None) -> int | None:
    if code is None:
        return None
    got = conn.execute(text("SELECT id FROM county_township WHERE code = :c"),
                       {"c": code}).scalar()
    if got is None:
        raise _bad("view_invalid", f"township {code} is not registered",
                   f"乡镇 {code} 未在县级登记")
    return int(got)


# -- periods ----------------------------------------------------------------------------
_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
_DAYS = re.compile(r"^(\d{4}-\d{1,2}-\d{1,2})\s*(?:\.\.|至|~)\s*(\d{4}-\d{1,2}-\d{1,2})$")
_QUARTER_NAMES = ("一", "二", "三", "四")


@dataclass(frozen=True)
class Period:
    """A reporting period, both days included (the township's periods: ``2026-11``,
    ``2026-Q4``, ``2026``, ``2026-11-03..2026-11-20``)."""

    kind: str
    start: date
    end: date

    @property
    def label(self) -> str:
        s, e = self.start, self.end
        if self.kind == "month":
            return f"{s.year}年{s.month}月"
        if self.kind == "quarter":
            return f"{s.year}年第{_QUARTER_NAMES[(s.month - 1) // 3]}季度"
        if self.kind == "year":
            return f"{s.year}年"
        return f"{s.year}年{s.month}月{s.day}日至{e.year}年{e.month}月{e.day}日"


def _month_end(year: int, month: int) -> date:
    nxt = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return nxt - timedelta(days=1)


def parse_period(value: str) -> Period:
    """``2026-11`` (a month), ``2026-Q4`` (a quarter), ``2026`` (a year) or
    ``2026-11-03..2026-11-20`` (days, both included)."""
    raw = str(value or "").strip()
    try:
        if m := _MONTH.match(raw):
            y, mo = int(m[1]), int(m[2])
            return Period("month", date(y, mo, 1), _month_end(y, mo))
        if m := _QUARTER.match(raw):
            y, q = int(m[1]), int(m[2])
            return Period("quarter", date(y, 3 * q - 2, 1), _month_end(y, 3 * q))
        if m := _YEAR.match(raw):
            y = int(m[1])
            return Period("year", date(y, 1, 1), date(y, 12, 31))
        if m := _DAYS.match(raw):
            a, b = (date(*map(int, d.split("-"))) for d in (m[1], m[2]))
            if a <= b:
                return Period("custom", a, b)
    except ValueError:
        pass
    raise _bad("view_invalid", "period: YYYY-MM, YYYY-Qn, YYYY or YYYY-MM-DD..YYYY-MM-DD",
               "统计期间应为 2026-11、2026-Q4、2026 或 2026-11-03..2026-11-20")


# -- 超期转办 -----------------------------------------------------------------------------
#: A referral still waiting for its department (referred / signed / in progress), of an
#: open application, handled by a department (not the township), past its due day.
_OVERDUE_WHERE = (f"task_status IN {_WAITING} AND app_open AND due_date < :today "
                  f"AND handler_code <> '{TOWNSHIP_HANDLER}'")


@dataclass(frozen=True)
class OverdueTable:
    """Overdue referrals counted by department × township (``counts[(department,
    township_code)]``); departments and townships in code order, only those with any."""

    today: date
    departments: tuple[str, ...]
    townships: tuple[Township, ...]
    counts: dict[tuple[str, str], int] = field(default_factory=dict)

    def count(self, department: str | None = None, township: str | None = None) -> int:
        """One cell; a department's row total (township None), a township's column total
        (department None) or the grand total (both None)."""
        return sum(n for (d, t), n in self.counts.items()
                   if (department is None or d == department)
                   and (township is None or t == township))

    @property
    def total(self) -> int:
        return self.count()


@dataclass(frozen=True)
class OverdueRow:
    """One overdue referral (the drill-down of a cell)."""

    township_code: str
    township_name: str
    application_number: str
    item_code: str
    department: str
    task_status: str
    referred_on: date | None
    due_date: date
    days_overdue: int          # calendar days past the due day
    task_uuid: str


def _scope(conn: Connection, department: str | None, township: str | None,
           params: dict[str, Any]) -> str:
    sql = ""
    if department is not None:
        sql += " AND handler_code = :dept"
        params["dept"] = department
    tw = _township_id(conn, township)
    if tw is not None:
        sql += " AND township_id = :tw"
        params["tw"] = tw
    return sql


def overdue(source: Any, today: date | str, *, department: str | None = None,
            township: str | None = None) -> OverdueTable:
    """Overdue referrals on ``today`` by department × township; ``department`` (a
    department's login sees only its own) and ``township`` (a code) narrow it."""
    today = _day(today, "today")
    with _connect(source) as conn:
        params: dict[str, Any] = {"today": today}
        where = _OVERDUE_WHERE + _scope(conn, department, township, params)
        rows = conn.execute(text(
            f"SELECT handler_code, township_id, COUNT(*) FROM county_task WHERE {where} "
            "GROUP BY handler_code, township_id"), _params(conn, params)).all()
        tws = _townships(conn)
    counts = {(d, tws[t].code): int(n) for d, t, n in rows}
    used = {t for _, t, _ in rows}
    return OverdueTable(today, tuple(sorted({d for d, _ in counts})),
                        tuple(tw for tw in tws.values() if tw.id in used), counts)


def overdue_list(source: Any, today: date | str, *, department: str | None = None,
                 township: str | None = None, limit: int | None = None) -> list[OverdueRow]:
    """The overdue referrals behind :func:`overdue`'s cell (the same condition), the most
    overdue first."""
    today = _day(today, "today")
    with _connect(source) as conn:
        params: dict[str, Any] = {"today": today}
        where = _OVERDUE_WHERE + _scope(conn, department, township, params)
        sql = (f"SELECT township_id, application_number, item_code, handler_code, task_status, "
               f"referred_on, due_date, task_uuid FROM county_task WHERE {where} "
               "ORDER BY due_date, township_id, application_number, task_uuid")
        if limit is not None:
            sql += " LIMIT :limit"
            params["limit"] = int(limit)
        rows = conn.execute(text(sql), _params(conn, params)).all()
        tws = _townships(conn)
    out = []
    for r in rows:
        due = _as_date(r.due_date)
        tw = tws[r.township_id]
        out.append(OverdueRow(tw.code, tw.name, r.application_number or "", r.item_code,
                              r.handler_code, r.task_status, _as_date(r.referred_on)
                              if r.referred_on is not None else None, due,
                              (today - due).days, r.task_uuid))
    return out


def _as_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


# -- 月度统计 -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Figure:
    code: str
    label: str
    kind: str          # count | ratio
    level: str         # application | task


FIGURES: tuple[Figure, ...] = (
    Figure("received", "受理登记", "count", "application"),
    Figure("accepted", "受理", "count", "application"),
    Figure("refusals", "不予受理", "count", "application"),
    Figure("referred", "转办", "count", "task"),
    Figure("answered", "已反馈", "count", "task"),
    Figure("overdue", "超期", "count", "task"),
    Figure("closed", "办结", "count", "application"),
    Figure("completion_rate", "办结率", "ratio", "application"),
)
FIGURE_BY_CODE = {f.code: f for f in FIGURES}
BREAKDOWNS = (("township", "乡镇"), ("item", "救助事项"), ("department", "部门"))
BREAKDOWN_LABELS = dict(BREAKDOWNS)

def _app_figures(a: str, status: str, decision: str, intake: str, closed: str
                 ) -> dict[str, str]:
    """The application figures' conditions over the columns of ``a`` (the application
    itself, or a task's copies of it)."""
    live = f"{a}.{status} <> 'voided'"
    period = f"{a}.{intake} BETWEEN :start AND :end AND {live}"
    return {"received": period,
            "accepted": f"{period} AND {a}.{decision} = 'accept'",
            "refusals": f"{period} AND {a}.{decision} = 'reject'",
            "closed": f"{a}.{closed} BETWEEN :start AND :end AND {live}"}


#: over county_application (by township) …
_APP_FIGURES = _app_figures("a", "status", "decision", "intake_date", "closed_on")
#: … and over the task's copies (by item / department: an application once per item)
_APP_FIGURES_T = _app_figures("t", "app_status", "app_decision", "registered_on",
                              "app_closed_on")
_UNIT_T = "t.township_id || ':' || t.application_uuid"
_TASK_FIGURES: dict[str, str] = {
    "referred": "t.referred_on BETWEEN :start AND :end",
    "answered": "t.result_on BETWEEN :start AND :end",
    # due in the period, the due day past, and not finished (done/refused) by that day
    "overdue": ("t.due_date BETWEEN :start AND :end AND t.due_date < :today "
                "AND t.task_status IS NOT NULL AND NOT (t.task_status IN ('done', 'refused') "
                "AND t.result_on IS NOT NULL AND t.result_on <= t.due_date)"),
}
_TASK_KEYS = {"township": "t.township_id", "item": "t.item_code", "department": "t.handler_code"}


@dataclass(frozen=True)
class MonthlyRow:
    key: str                                 # township code, item code or department code
    label: str
    values: dict[str, int | float | None]


@dataclass(frozen=True)
class MonthlyReport:
    """The figures of a period by township / item / department. A row counts the units
    whose key it is; the total counts each unit once (an application with two items
    counts in both items' rows, once in the total)."""

    period: Period
    by: str
    today: date
    figures: tuple[Figure, ...]
    rows: list[MonthlyRow]
    total: MonthlyRow

    @property
    def by_label(self) -> str:
        return BREAKDOWN_LABELS[self.by]

    def row(self, key: str | None) -> MonthlyRow:
        if key is None:
            return self.total
        for r in self.rows:
            if r.key == key:
                return r
        raise KeyError(key)


def format_value(figure: Figure, value: int | float | None) -> str:
    """Counts as integers, ratios as a percentage with one decimal, "—" for nothing."""
    if value is None:
        return "—"
    if figure.kind == "ratio":
        return f"{value * 100:.1f}%"
    return str(int(value))


def monthly(source: Any, period: Period | str, by: str = "township", *,
            today: date | str | None = None, township: str | None = None,
            department: str | None = None) -> MonthlyReport:
    """The period's figures by ``by`` (``township`` | ``item`` | ``department``);
    ``today`` (default: today) decides what is overdue; ``township`` / ``department``
    narrow the units (a department sees its own tasks' figures)."""
    if by not in BREAKDOWN_LABELS:
        raise _bad("view_invalid", "by: township, item or department",
                   "统计口径应为 township（乡镇）、item（救助事项）或 department（部门）")
    per = period if isinstance(period, Period) else parse_period(period)
    day = date.today() if today is None else _day(today, "today")
    values: dict[str, dict[str, Any]] = {}
    totals: dict[str, Any] = {}
    with _connect(source) as conn:
        tws = _townships(conn)
        tw = _township_id(conn, township)
        a_scope = t_scope = ""
        params: dict[str, Any] = _params(conn, {"start": per.start, "end": per.end,
                                                "today": day})
        if tw is not None:
            params["tw"] = tw
            a_scope += " AND a.township_id = :tw"
            t_scope += " AND t.township_id = :tw"
        if department is not None:
            params["dept"] = department
            t_scope += " AND t.handler_code = :dept"
        join_task = by != "township" or department is not None

        def collect(code: str, sql_rows: str, sql_total: str) -> None:
            for key, n in conn.execute(text(sql_rows), params):
                values.setdefault(_key(tws, by, key), {})[code] = int(n)
            totals[code] = int(conn.execute(text(sql_total), params).scalar() or 0)

        if conn.dialect.name == "postgresql":
            # a dozen short aggregates: compiling each (JIT) costs more than it saves
            conn.execute(text("SET LOCAL jit = off"))
        # application figures: by township from the applications, by item / department
        # (or for a department) from the tasks' copies — one table, its own date index
        frm, key, unit, decision = "county_application a", "a.township_id", "a.id", "a.decision"
        figures, scope = _APP_FIGURES, a_scope
        closed_by_end = "a.closed_on IS NOT NULL AND a.closed_on <= :end"
        if join_task:
            frm, key, unit, decision = ("county_task t", _TASK_KEYS[by], _UNIT_T,
                                        "t.app_decision")
            if conn.dialect.name == "postgresql":     # distinct by bytes, not by locale
                unit = f'({unit}) COLLATE "C"'
            figures, scope = _APP_FIGURES_T, t_scope
            closed_by_end = "t.app_closed_on IS NOT NULL AND t.app_closed_on <= :end"
        # the period's applications in one pass: received, accepted, refusals and, for
        # 办结率, the accepted ones closed by the period's end
        accepted = f"{decision} = 'accept'"
        counts = (f"COUNT(DISTINCT {unit}), "
                  f"COUNT(DISTINCT CASE WHEN {accepted} THEN {unit} END), "
                  f"COUNT(DISTINCT CASE WHEN {decision} = 'reject' THEN {unit} END), "
                  f"COUNT(DISTINCT CASE WHEN {accepted} AND {closed_by_end} THEN {unit} END)")
        where = figures["received"] + scope

        def intake(into: dict[str, Any], got: Any) -> None:
            n, acc, rej, closed = (int(v or 0) for v in got)
            into.update(received=n, accepted=acc, refusals=rej,
                        completion_rate=closed / acc if acc else None)

        for k, *got in conn.execute(text(
                f"SELECT {key}, {counts} FROM {frm} WHERE {where} GROUP BY {key}"), params):
            intake(values.setdefault(_key(tws, by, k), {}), got)
        intake(totals, conn.execute(text(f"SELECT {counts} FROM {frm} WHERE {where}"),
                                    params).one())
        where = figures["closed"] + scope
        collect("closed", f"SELECT {key}, COUNT(DISTINCT {unit}) FROM {frm} WHERE {where} "
                          f"GROUP BY {key}",
                f"SELECT COUNT(DISTINCT {unit}) FROM {frm} WHERE {where}")
        for code, cond in _TASK_FIGURES.items():
            tkey = _TASK_KEYS[by]
            where = cond + t_scope
            collect(code, f"SELECT {tkey}, COUNT(*) FROM county_task t WHERE {where} "
                          f"GROUP BY {tkey}",
                    f"SELECT COUNT(*) FROM county_task t WHERE {where}")

    def full(vals: dict[str, Any]) -> dict[str, int | float | None]:
        return {f.code: vals.get(f.code, None if f.kind == "ratio" else 0) for f in FIGURES}

    labels = {tw.code: tw.name or tw.code for tw in tws.values()}
    rows = [MonthlyRow(k, labels.get(k, k) if by == "township" else k, full(v))
            for k, v in sorted(values.items())]
    return MonthlyReport(per, by, day, FIGURES, rows, MonthlyRow("", "合计", full(totals)))


def _key(tws: dict[int, Township], by: str, key: Any) -> str:
    if by == "township":
        return tws[int(key)].code
    return str(key or "")


def report_table(report: MonthlyReport) -> tuple[list[str], list[list[str]]]:
    """The report as a plain table (header, rows with the total last)."""
    header = [report.by_label, *(f.label for f in report.figures)]
    body = [[r.label, *(format_value(f, r.values.get(f.code)) for f in report.figures)]
            for r in [*report.rows, report.total]]
    return header, body


# -- 重复申请 -----------------------------------------------------------------------------
#: Kinds of :class:`Duplicate`.
SAME_ITEM, TWO_HOUSEHOLDS = "same_item", "two_households"
DUPLICATE_LABELS = {SAME_ITEM: "同一事项在两个乡镇均有未办结申请",
                    TWO_HOUSEHOLDS: "同一人是两个乡镇在办申请的家庭成员"}
#: A requested item still sought by an open application with an applicant ID: not
#: rejected / withdrawn at intake, not refused (the predicate of the index it reads).
_SOUGHT = SOUGHT_SQL


@dataclass(frozen=True)
class DuplicateEntry:
    """One application of a duplicate (no ID number: :func:`reveal_id`)."""

    township_code: str
    township_name: str
    application_number: str          # "" before a decision
    application_uuid: str
    registered_on: date | None
    role: str                        # applicant | member
    item_code: str                   # the item (same_item) or "" (two_households)
    row_uuid: str                    # the task (same_item) or the member (two_households)


@dataclass(frozen=True)
class Duplicate:
    kind: str                        # same_item | two_households
    id_masked: str
    item_code: str                   # "" for two_households
    entries: tuple[DuplicateEntry, ...]

    @property
    def label(self) -> str:
        return DUPLICATE_LABELS[self.kind]

    @property
    def township_codes(self) -> tuple[str, ...]:
        return tuple(sorted({e.township_code for e in self.entries}))


def duplicates(source: Any, today: date | str | None = None) -> list[Duplicate]:
    """Cross-township duplicates among open applications (status accepted /
    pending_materials): the same applicant ID number asking for the same item (not
    rejected, withdrawn or refused) in two or more townships, and the same person in the
    households of open applications of two or more townships. ``today`` is the day the
    list is for (a duplicate is about applications open now; default today)."""
    if today is not None:
        _day(today, "today")
    out: list[Duplicate] = []
    with _connect(source) as conn:
        tws = _townships(conn)
        # the candidate ID numbers (held in two or more townships, kept by derive), then
        # their rows by key; the groups spanning two townships are the duplicates
        candidates = sorted(conn.execute(text(
            "SELECT id_number FROM county_duplicate_candidate")).scalars().all())
        rows: list[Any] = []
        for chunk in _chunked(candidates):
            rows += conn.execute(text(
                "SELECT applicant_id_number AS id_number, item_code, township_id, "
                "application_number, application_uuid, registered_on, task_uuid "
                f"FROM county_task WHERE {_SOUGHT} AND applicant_id_number IN :ids"
            ).bindparams(bindparam("ids", expanding=True)), {"ids": chunk}).all()
        spans: dict[tuple[str, str], set[int]] = {}
        for r in rows:
            spans.setdefault((r.id_number, r.item_code), set()).add(r.township_id)
        same = [r for r in rows if len(spans[(r.id_number, r.item_code)]) > 1]
        same.sort(key=lambda r: (r.id_number, r.item_code, r.township_id, r.application_uuid))
        groups: dict[tuple[str, str], list[DuplicateEntry]] = {}
        for r in same:
            tw = tws[r.township_id]
            groups.setdefault((r.id_number, r.item_code), []).append(DuplicateEntry(
                tw.code, tw.name, r.application_number or "", r.application_uuid,
                _opt_date(r.registered_on), "applicant", r.item_code, r.task_uuid))
        for (number, item), entries in groups.items():
            out.append(Duplicate(SAME_ITEM, mask_id(number), item, tuple(entries)))
        found: list[Any] = []
        for chunk in _chunked(candidates):
            found += conn.execute(text(
                "SELECT p.id_number, p.township_id, p.role, p.member_uuid, p.application_uuid, "
                "a.number, a.intake_date FROM county_person p "
                "LEFT JOIN county_application a ON a.township_id = p.township_id "
                "AND a.application_uuid = p.application_uuid "
                "WHERE p.open AND p.id_number <> '' AND p.id_number IN :ids"
            ).bindparams(bindparam("ids", expanding=True)), {"ids": chunk}).all()
        homes: dict[str, set[int]] = {}
        for r in found:
            homes.setdefault(r.id_number, set()).add(r.township_id)
        people = [r for r in found if len(homes[r.id_number]) > 1]
        people.sort(key=lambda r: (r.id_number, r.township_id, r.application_uuid))
        persons: dict[str, list[DuplicateEntry]] = {}
        for r in people:
            tw = tws[r.township_id]
            persons.setdefault(r.id_number, []).append(DuplicateEntry(
                tw.code, tw.name, r.number or "", r.application_uuid, _opt_date(r.intake_date),
                r.role, "", r.member_uuid))
        for number, entries in persons.items():
            out.append(Duplicate(TWO_HOUSEHOLDS, mask_id(number), "", tuple(entries)))
    return out


def _chunked(values: list[str], n: int = 500) -> Iterator[list[str]]:
    for i in range(0, len(values), n):
        yield values[i:i + n]


def _opt_date(value: Any) -> date | None:
    return None if value is None else _as_date(value)


def reveal_id(source: Any, duplicate: Duplicate) -> str:
    """The full ID number of a duplicate, for the officer's drill-down (never logged)."""
    entry = duplicate.entries[0]
    with _connect(source) as conn:
        tw = _township_id(conn, entry.township_code)
        if duplicate.kind == SAME_ITEM:
            sql = ("SELECT applicant_id_number FROM county_task WHERE township_id = :tw "
                   "AND task_uuid = :u")
        else:
            sql = "SELECT id_number FROM county_person WHERE township_id = :tw AND member_uuid = :u"
        got = conn.execute(text(sql), {"tw": tw, "u": entry.row_uuid}).scalar()
    return str(got or "")


__all__ = ["BREAKDOWNS", "DUPLICATE_LABELS", "FIGURES", "FIGURE_BY_CODE", "SAME_ITEM",
           "TWO_HOUSEHOLDS", "Duplicate", "DuplicateEntry", "Figure", "MonthlyReport",
           "MonthlyRow", "OverdueRow", "OverdueTable", "Period", "Township", "duplicates",
           "format_value", "mask_id", "monthly", "overdue", "overdue_list", "parse_period",
           "report_table", "reveal_id"]
