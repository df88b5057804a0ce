"""Working days (工作日) for statutory time limits, DOMAIN §3.

A working day is a Monday–Friday that is not an official holiday, plus the
official make-up days (调休上班) that fall on a Saturday or Sunday.

Where the answer for a day comes from, first match wins:

1. **local overrides** (``{date: is_workday}``) — an admin's corrections;
2. **extra years** (:class:`YearCalendar`) — a year's holidays and make-up days
   supplied later by the county (return package) or an admin;
3. the ``chinesecalendar`` package (it knows 2004 up to its release year: 1.11
   knows 2004–2026 and raises ``NotImplementedError`` outside);
4. otherwise the day is **unknown** and the *provisional calendar* is used: the
   statutory holidays of Article 2 of 《全国年节及纪念日放假办法》 computed for the year
   (:mod:`.statutory`: 元旦, 春节, 清明, 劳动节, 端午, 中秋, 国庆 from the cited data
   file and a lunar-calendar package) are not working days, every other day follows
   the weekend rule; 补假 and 调休 make-up days cannot be computed and count as none.
   Results that depended on an unknown day are *provisional* and must be shown with a
   visible "暂定" mark until the official year arrives (step 2 or 3).

Counting convention (:meth:`WorkCalendar.add_workdays`): the start day itself is
never counted, counting begins on the next day — "受理后30个工作日内" applied on
Friday 2026-11-20 ends on the 30th working day after it.  ``n == 0`` returns the
start day (same-day items).  :meth:`WorkCalendar.workdays_between` uses the same
half-open convention: the working days in ``(a, b]``.

Nothing here crashes on a valid :class:`datetime.date` (years 1–9999); only a
result past 9999-12-31 cannot be represented and raises ``ValidationError``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from functools import cache, lru_cache
from types import MappingProxyType
from typing import Literal

import chinese_calendar

from desktop_app.core.errors import ValidationError

from .statutory import StatutoryRules, default_rules

ONE_DAY = timedelta(days=1)
#: Largest ``n`` accepted by :meth:`WorkCalendar.add_workdays` (≈ 400 years).
MAX_WORKDAYS = 100_000
CALENDAR_FIELD = "calendar"


def _as_date(d: date) -> date:
    """Accept ``datetime`` too (a subclass of ``date`` that hashes differently)."""
    return d.date() if isinstance(d, datetime) else d


def _weekend_rule(d: date) -> bool:
    return d.weekday() < 5


@lru_cache(maxsize=1 << 16)
def library_is_workday(d: date) -> bool | None:
    """``chinesecalendar``'s answer for ``d``, or ``None`` if it does not know the year."""
    try:
        return bool(chinese_calendar.is_workday(d))
    except NotImplementedError:
        return None
    except (KeyError, ValueError, TypeError, OverflowError):
        # Defensive: a library bug on an odd date must not stop a deadline computation.
        return None


@cache
def library_knows_year(year: int) -> bool:
    """True if ``chinesecalendar`` has the official calendar for ``year``."""
    return library_is_workday(date(year, 6, 1)) is not None


@dataclass(frozen=True)
class YearCalendar:
    """One year's official arrangement: holidays and make-up working days (调休上班).

    Days not listed follow the weekend rule.  ``source`` records where it came from
    (e.g. ``"county"`` or ``"admin"``).
    """

    year: int
    holidays: frozenset[date] = field(default_factory=frozenset)
    workdays: frozenset[date] = field(default_factory=frozenset)
    source: str = ""

    def __post_init__(self) -> None:
        object.__setattr__(self, "holidays", frozenset(_as_date(d) for d in self.holidays))
        object.__setattr__(self, "workdays", frozenset(_as_date(d) for d in self.workdays))
        wrong = sorted(d for d in self.holidays | self.workdays if d.year != self.year)
        if wrong:
            raise ValidationError(CALENDAR_FIELD, "wrong_year", key="calendar.day_wrong_year",
                                  params={"day": wrong[0].isoformat(), "year": self.year})
        both = sorted(self.holidays & self.workdays)
        if both:
            raise ValidationError(CALENDAR_FIELD, "conflict", key="calendar.holiday_and_workday",
                                  params={"day": both[0].isoformat()})

    def is_workday(self, d: date) -> bool:
        if d in self.workdays:
            return True
        if d in self.holidays:
            return False
        return _weekend_rule(d)


@dataclass(frozen=True)
class Due:
    """A computed deadline.

    ``provisional`` is true when any day counted lies in a year whose official
    calendar is unknown (weekends-only fallback); ``unknown_years`` lists them.
    """

    date: date
    provisional: bool = False
    unknown_years: tuple[int, ...] = ()

    @property
    def note(self) -> str:
        """Chinese remark to show beside a provisional date ("" otherwise)."""
        if not self.provisional:
            return ""
        years = "、".join(f"{y}年" for y in self.unknown_years)
        return f"暂定：{years}放假安排未公布，按法定节日和双休日推算"


def _count_weekdays(first: date, last: date) -> int:
    """Monday–Friday days in ``[first, last]`` (inclusive), by arithmetic."""
    if last < first:
        return 0
    total = (last - first).days + 1
    weeks, rest = divmod(total, 7)
    start = first.weekday()
    return weeks * 5 + sum(1 for i in range(rest) if (start + i) % 7 < 5)


def _year_bounds(year: int, first: date, last: date) -> tuple[date, date]:
    return max(first, date(year, 1, 1)), min(last, date(year, 12, 31))


def _days(first: date, last: date) -> Iterable[date]:
    """Each day of ``[first, last]`` without overflowing at 9999-12-31."""
    d = first
    while True:
        yield d
        if d >= last:
            return
        d += ONE_DAY


class WorkCalendar:
    """Working-day calendar with local overrides and county-supplied years.

    Instances are immutable: when settings change, build a new one.  Per-day
    answers are cached (``lru_cache``), so calling it in loops is cheap.
    ``statutory``: the rules of the provisional calendar (default: the bundled
    ``resources/statutory_holidays.json``; ``None``: weekends only).
    """

    def __init__(
        self,
        overrides: Mapping[date, bool] | None = None,
        extra_years: Mapping[int, YearCalendar] | None = None,
        *,
        cache_size: int = 1 << 16,
        statutory: StatutoryRules | None | Literal["default"] = "default",
    ) -> None:
        self._overrides = MappingProxyType(
            {_as_date(d): bool(v) for d, v in (overrides or {}).items()}
        )
        extra = dict(extra_years or {})
        for year, cal in extra.items():
            if cal.year != year:
                raise ValidationError(CALENDAR_FIELD, "wrong_year", key="calendar.data_wrong_year",
                                      params={"year": year, "marked": cal.year})
        self._extra = MappingProxyType(extra)
        self._override_years = frozenset(d.year for d in self._overrides)
        # the bundled rules are read at the first unknown year, not at start-up
        self._statutory_choice = statutory
        self._classify = lru_cache(maxsize=cache_size)(self._classify_uncached)

    @property
    def overrides(self) -> Mapping[date, bool]:
        return self._overrides

    @property
    def extra_years(self) -> Mapping[int, YearCalendar]:
        return self._extra

    def provisional_holidays(self, year: int) -> Mapping[date, str]:
        """The statutory holidays computed for ``year`` (``{day: name}``) — what the
        provisional calendar uses when no official arrangement of ``year`` is known;
        empty when the year is outside the computed range."""
        rules = default_rules() if self._statutory_choice == "default" else self._statutory_choice
        if rules is None:
            return {}
        return rules.holidays(year)

    # ---------------------------------------------------------------- per day

    def _classify_uncached(self, d: date) -> tuple[bool, bool]:
        """``(is_workday, is_known)`` for one day, by the precedence in the module doc."""
        if d in self._overrides:
            return self._overrides[d], True
        cal = self._extra.get(d.year)
        if cal is not None:
            return cal.is_workday(d), True
        answer = library_is_workday(d)
        if answer is not None:
            return answer, True
        if d in self.provisional_holidays(d.year):
            return False, False
        return _weekend_rule(d), False

    def is_workday(self, d: date) -> bool:
        """True if ``d`` is a working day (weekends-only guess for unknown years)."""
        return self._classify(_as_date(d))[0]

    def is_known(self, d: date) -> bool:
        """False when ``d``'s status is only the weekends-only guess (provisional)."""
        return self._classify(_as_date(d))[1]

    def year_known(self, year: int) -> bool:
        """True if the whole ``year`` has an official calendar (extra year or library)."""
        return year in self._extra or library_knows_year(year)

    # ---------------------------------------------------------------- spans

    def add_workdays(self, start: date, n: int) -> Due:
        """The ``n``-th working day after ``start`` (``start`` itself is not counted).

        ``n == 0`` returns ``start`` unchanged and not provisional.
        :raises ValueError: for negative ``n`` or ``n > MAX_WORKDAYS``.
        :raises ValidationError: if the result would lie after 9999-12-31.
        """
        start = _as_date(start)
        if n < 0 or n > MAX_WORKDAYS:
            raise ValueError(f"n must be between 0 and {MAX_WORKDAYS}, got {n}")
        day, counted, unknown = start, 0, set()
        while counted < n:
            day = self._next_day(day)
            workday, known = self._classify(day)
            if not known:
                unknown.add(day.year)
            counted += workday
        return Due(day, bool(unknown), tuple(sorted(unknown)))

    @staticmethod
    def _next_day(d: date) -> date:
        try:
            return d + ONE_DAY
        except OverflowError:
            raise ValidationError("date", "out_of_range", key="calendar.out_of_range") from None

    def workdays_between(self, a: date, b: date) -> int:
        """Working days in ``(a, b]``; negative (``-workdays in (b, a]``) when ``b < a``.

        With ``due = add_workdays(a, n).date``: ``workdays_between(a, due) == n``,
        and ``workdays_between(due, today) > 0`` means overdue by that many days.
        """
        a, b = _as_date(a), _as_date(b)
        if a == b:
            return 0
        if b < a:
            return -self.workdays_between(b, a)
        return self._count_inclusive(a + ONE_DAY, b)

    def _plain_year(self, year: int) -> bool:
        """A year with no official source and no override: the provisional calendar
        (weekend rule less the computed statutory holidays) applies to every day."""
        return (
            year not in self._extra
            and year not in self._override_years
            and not library_knows_year(year)
        )

    def _count_inclusive(self, first: date, last: date) -> int:
        total = 0
        for year in range(first.year, last.year + 1):
            lo, hi = _year_bounds(year, first, last)
            if self._plain_year(year):
                # weekdays less the computed statutory holidays that fall on one
                total += _count_weekdays(lo, hi) - sum(
                    1 for d in self.provisional_holidays(year) if lo <= d <= hi and _weekend_rule(d))
            else:
                total += sum(self._classify(d)[0] for d in _days(lo, hi))
        return total

    def unknown_years(self, a: date, b: date) -> tuple[int, ...]:
        """Years with at least one unknown day in ``(min(a, b), max(a, b)]``."""
        a, b = sorted((_as_date(a), _as_date(b)))
        if a == b:
            return ()
        first, last = a + ONE_DAY, b
        years = []
        for year in range(first.year, last.year + 1):
            if self.year_known(year):
                continue
            lo, hi = _year_bounds(year, first, last)
            if year not in self._override_years or any(
                d not in self._overrides for d in _days(lo, hi)
            ):
                years.append(year)
        return tuple(years)

    def is_span_known(self, a: date, b: date) -> bool:
        """True if every day in ``(a, b]`` has an official (or locally set) status."""
        return not self.unknown_years(a, b)


#: Calendar without overrides or extra years, for callers that have no settings yet.
DEFAULT_CALENDAR = WorkCalendar()


def is_workday(d: date) -> bool:
    """Shortcut for ``DEFAULT_CALENDAR.is_workday``."""
    return DEFAULT_CALENDAR.is_workday(d)


def add_workdays(start: date, n: int) -> Due:
    """Shortcut for ``DEFAULT_CALENDAR.add_workdays``."""
    return DEFAULT_CALENDAR.add_workdays(start, n)


def workdays_between(a: date, b: date) -> int:
    """Shortcut for ``DEFAULT_CALENDAR.workdays_between``."""
    return DEFAULT_CALENDAR.workdays_between(a, b)
