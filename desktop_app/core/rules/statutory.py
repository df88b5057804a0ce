"""Statutory holidays (法定节假日) computed for years whose official arrangement is not
known yet: the provisional calendar (DESIGN §7, issue #14 item 12).

The days come from the law, kept as cited data in ``resources/statutory_holidays.json``:
《全国年节及纪念日放假办法》 Article 2 in each version with the day it took effect (as
amended by 国务院令第795号 of 2024-11-10, in force from 2025-01-01: 元旦 1 day, 春节 4 days
— 农历除夕 and 正月初一至初三, 清明节 1 day, 劳动节 2 days, 端午节 1 day, 中秋节 1 day, 国庆节
3 days). Three kinds of day:

* ``solar`` — a Gregorian month and day (元旦, 劳动节, 国庆节);
* ``lunar`` — a day of the Chinese lunisolar calendar plus an offset in days (春节 from
  除夕 = the day before 正月初一, right also when the twelfth month is short; 端午 = 五月
  初五; 中秋 = 八月十五), converted by the ``lunar-python`` package (MIT; pinned in
  pyproject) — not a hand-made table;
* ``term`` — a solar term's day in Beijing time (清明), computed by the same package.

What the law does not fix is **not** guessed: Article 6's 补假 (a holiday on a Saturday or
Sunday is made up on "a working day" — which one, each year's notice says) and Article
7's 调休 (weekends worked to join the days into a longer break). Those stay unknown, so
every day of such a year remains *provisional* until the official year arrives (a county
return package or an administrator's ``holiday_years``; :mod:`.workdays`).

Pure: reads the bundled data file once; imports the lunar package only when a year is
actually computed (start-up pays nothing for it).
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

#: The data file's format this code reads.
FORMAT = 1
KINDS = ("solar", "lunar", "term")


@dataclass(frozen=True)
class HolidaySpec:
    """One holiday of Article 2: ``days`` consecutive days from its first day."""

    name: str
    calendar: str
    days: int
    month: int = 0
    day: int = 0
    offset: int = 0
    term: str = ""


@dataclass(frozen=True)
class Version:
    """One version of the law: in force from ``effective_from``; ``source`` cites it."""

    effective_from: date
    source: str
    holidays: tuple[HolidaySpec, ...]


@dataclass(frozen=True)
class StatutoryRules:
    """The versions (oldest first) and the years they are computed for."""

    versions: tuple[Version, ...]
    first_year: int
    last_year: int
    #: computed years (at most last_year - first_year + 1 entries)
    _cache: dict[int, Mapping[date, str]] = field(default_factory=dict, compare=False,
                                                  hash=False, repr=False)

    def version_on(self, d: date) -> Version | None:
        """The version in force on ``d`` (None before the first one)."""
        found = None
        for v in self.versions:
            if v.effective_from <= d:
                found = v
        return found

    def covers(self, year: int) -> bool:
        return (self.first_year <= year <= self.last_year and bool(self.versions)
                and self.versions[0].effective_from.year <= year)

    def holidays(self, year: int) -> Mapping[date, str]:
        """``{day: holiday name}`` of ``year`` under the version in force on each day
        (two holidays on one day: both names, "国庆节、中秋节"); empty for a year outside
        the range. Computed once per year (about 20 ms: the lunar conversions)."""
        if not self.covers(year):
            return _EMPTY
        found = self._cache.get(year)
        if found is None:
            found = self._cache[year] = _holidays(self, year)
        return found


def default_path() -> Path:
    """``resources/statutory_holidays.json`` of the running installation."""
    from desktop_app import resources_dir

    return resources_dir() / "statutory_holidays.json"


def _int(entry: Mapping[str, Any], key: str, lo: int, hi: int, where: str) -> int:
    value = entry.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise ValueError(f"{where}: {key} must be an integer {lo}..{hi}, got {value!r}")
    return value


def _spec(entry: Any, where: str) -> HolidaySpec:
    if not isinstance(entry, dict) or not isinstance(entry.get("name"), str) or not entry["name"]:
        raise ValueError(f"{where}: a holiday needs a name")
    kind = entry.get("calendar")
    if kind not in KINDS:
        raise ValueError(f"{where}: calendar must be one of {KINDS}, got {kind!r}")
    days = _int(entry, "days", 1, 10, where)
    if kind == "term":
        term = entry.get("term")
        if not isinstance(term, str) or not term:
            raise ValueError(f"{where}: a term holiday needs the term's name")
        return HolidaySpec(entry["name"], kind, days, term=term)
    month = _int(entry, "month", 1, 12, where)
    day = _int(entry, "day", 1, 31 if kind == "solar" else 30, where)
    offset = _int(entry, "offset", -30, 30, where) if kind == "lunar" else 0
    if kind == "solar":
        date(2000, month, day)  # raises ValueError for 2-30, 4-31, …
    return HolidaySpec(entry["name"], kind, days, month, day, offset)


def parse(doc: Any) -> StatutoryRules:
    """The rules of a data document (``ValueError`` naming what is wrong)."""
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError(f"statutory holidays: unsupported format (expected {FORMAT})")
    years = doc.get("years")
    if not isinstance(years, dict):
        raise ValueError("statutory holidays: years {from, to} missing")
    first, last = _int(years, "from", 1, 9999, "years"), _int(years, "to", 1, 9999, "years")
    versions = []
    for i, v in enumerate(doc.get("versions") or [], 1):
        where = f"version {i}"
        if not isinstance(v, dict) or not isinstance(v.get("source"), str) or not v["source"]:
            raise ValueError(f"{where}: the source (which law, which article) is required")
        try:
            since = date.fromisoformat(v.get("effective_from", ""))
        except (TypeError, ValueError):
            raise ValueError(f"{where}: effective_from must be YYYY-MM-DD") from None
        specs = tuple(_spec(h, f"{where} holiday {j}") for j, h in enumerate(v.get("holidays") or [], 1))
        if not specs:
            raise ValueError(f"{where}: no holidays")
        versions.append(Version(since, v["source"], specs))
    dates = [v.effective_from for v in versions]
    if dates != sorted(set(dates)):
        raise ValueError("statutory holidays: versions must be in order of effective_from, one per day")
    return StatutoryRules(tuple(versions), first, last)


@lru_cache(maxsize=1)
def default_rules() -> StatutoryRules:
    """The bundled rules (read and checked once)."""
    return parse(json.loads(default_path().read_text(encoding="utf-8")))


# ------------------------------------------------------------------ the lunar package

def lunar_to_solar(year: int, month: int, day: int) -> date:
    """The Gregorian day of lunar ``year``-``month``-``day`` (lunar year ``year`` begins at
    its 正月初一, which falls in January or February of Gregorian ``year``)."""
    from lunar_python import Lunar

    s = Lunar.fromYmd(year, month, day).getSolar()
    return date(s.getYear(), s.getMonth(), s.getDay())


def solar_term(year: int, term: str) -> date:
    """The day (Beijing time) of solar term ``term`` (e.g. 清明) in Gregorian ``year``."""
    from lunar_python import Lunar

    table = Lunar.fromYmd(year, 1, 1).getJieQiTable()
    s = table.get(term)
    if s is None or s.getYear() != year:  # the table spans a lunar year; 清明 is in April
        raise ValueError(f"solar term {term!r} not found in {year}")
    return date(s.getYear(), s.getMonth(), s.getDay())


def _first_day(spec: HolidaySpec, year: int) -> date:
    if spec.calendar == "solar":
        return date(year, spec.month, spec.day)
    if spec.calendar == "lunar":
        return lunar_to_solar(year, spec.month, spec.day) + timedelta(days=spec.offset)
    return solar_term(year, spec.term)


_EMPTY: Mapping[date, str] = MappingProxyType({})


def _holidays(rules: StatutoryRules, year: int) -> Mapping[date, str]:
    out: dict[date, str] = {}
    candidates = {v for v in rules.versions if v.effective_from.year <= year}
    for version in sorted(candidates, key=lambda v: v.effective_from):
        for spec in version.holidays:
            first = _first_day(spec, year)
            for i in range(spec.days):
                d = first + timedelta(days=i)
                if d.year == year and rules.version_on(d) is version:
                    out[d] = f"{out[d]}、{spec.name}" if d in out else spec.name
    return MappingProxyType(dict(sorted(out.items())))


__all__ = ["FORMAT", "HolidaySpec", "StatutoryRules", "Version", "default_path", "default_rules",
           "lunar_to_solar", "parse", "solar_term"]
