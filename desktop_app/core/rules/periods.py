"""Reporting periods of the statistics (issue 16): a month, a quarter, a year or a
custom range of days, with its Chinese label and the months inside.

Pure: no database. ``parse_period`` reads what a clerk or the command line types:
``2026-11`` (a month), ``2026-Q4`` (a quarter), ``2026`` (a year) or
``2026-11-03..2026-11-20`` (a custom range, both days included).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from ..errors import ValidationError

KINDS = ("month", "quarter", "year", "custom")
_QUARTER_NAMES = ("一", "二", "三", "四")

_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_QUARTER = re.compile(r"^(\d{4})-?[Qq]([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
_DAY = r"(\d{4})-(\d{1,2})-(\d{1,2})"
_CUSTOM = re.compile(rf"^{_DAY}\s*(?:\.\.|至|~)\s*{_DAY}$")


@dataclass(frozen=True)
class Period:
    """``start`` and ``end`` are both included."""

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
        if s == e:
            return f"{s.year}年{s.month}月{s.day}日"
        if s.year != e.year:
            return f"{s.year}年{s.month}月{s.day}日至{e.year}年{e.month}月{e.day}日"
        return f"{s.year}年{s.month}月{s.day}日至{e.month}月{e.day}日"

    @property
    def code(self) -> str:
        """The text ``parse_period`` reads back to this period."""
        s = self.start
        if self.kind == "month":
            return f"{s.year:04d}-{s.month:02d}"
        if self.kind == "quarter":
            return f"{s.year:04d}-Q{(s.month - 1) // 3 + 1}"
        if self.kind == "year":
            return f"{s.year:04d}"
        return f"{s.isoformat()}..{self.end.isoformat()}"

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def _month_end(year: int, month: int) -> date:
    nxt = date(year + (month == 12), month % 12 + 1, 1)
    return nxt - timedelta(days=1)


def month(year: int, month_no: int) -> Period:
    return Period("month", date(year, month_no, 1), _month_end(year, month_no))


def quarter(year: int, quarter_no: int) -> Period:
    first = 3 * (quarter_no - 1) + 1
    return Period("quarter", date(year, first, 1), _month_end(year, first + 2))


def year(year_no: int) -> Period:
    return Period("year", date(year_no, 1, 1), date(year_no, 12, 31))


def custom(start: date, end: date) -> Period:
    if end < start:
        raise ValidationError("period", "order", key="period.order")
    return Period("custom", start, end)


def _invalid() -> ValidationError:
    return ValidationError("period", "invalid", key="period.invalid")


def parse_period(text: str) -> Period:
    """The period ``text`` names; anything else → ``ValidationError("period", …)``."""
    t = (text or "").strip()
    try:
        if m := _MONTH.match(t):
            y, mo = int(m[1]), int(m[2])
            if not 1 <= mo <= 12:
                raise _invalid()
            return month(y, mo)
        if m := _QUARTER.match(t):
            return quarter(int(m[1]), int(m[2]))
        if m := _YEAR.match(t):
            return year(int(m[1]))
        if m := _CUSTOM.match(t):
            start = date(int(m[1]), int(m[2]), int(m[3]))
            end = date(int(m[4]), int(m[5]), int(m[6]))
            return custom(start, end)
    except ValueError as exc:  # date(…) out of range: 2026-02-30, year 0
        if isinstance(exc, ValidationError):
            raise
        raise _invalid() from None
    raise _invalid()


def month_periods(period: Period) -> list[Period]:
    """The months inside ``period`` (for a custom range: each month it touches, cut to
    the range — kind "custom" where cut, "month" where whole)."""
    out: list[Period] = []
    y, mo = period.start.year, period.start.month
    while date(y, mo, 1) <= period.end:
        whole = month(y, mo)
        start, end = max(whole.start, period.start), min(whole.end, period.end)
        out.append(whole if (start, end) == (whole.start, whole.end)
                   else Period("custom", start, end))
        y, mo = (y + 1, 1) if mo == 12 else (y, mo + 1)
    return out


__all__ = ["KINDS", "Period", "custom", "month", "month_periods", "parse_period",
           "quarter", "year"]
