"""The provisional calendar (issue #14 item 12): statutory holidays computed for years the
official calendar does not know yet.

Sources the expected values come from (never from the code under test):

* the law — 《全国年节及纪念日放假办法》 Art. 2 as amended by 国务院令第795号 (2024-11-10,
  in force 2025-01-01): 元旦 1 day (1月1日); 春节 4 days (农历除夕、正月初一至初三);
  清明节 1 day (农历清明当日); 劳动节 2 days (5月1日、2日); 端午节 1 day (农历端午当日);
  中秋节 1 day (农历中秋当日); 国庆节 3 days (10月1日至3日) — 13 days;
* the lunar dates of 2027 and 2028 as published in the Hong Kong Observatory's
  公历与农历日期对照表 (正月初一 2027-02-06 / 2028-01-26; 清明 2027-04-05 / 2028-04-04;
  端午 2027-06-09 / 2028-05-28; 中秋 2027-09-15 / 2028-10-03);
* the official calendars of 2004–2026 as the ``chinesecalendar`` package carries them
  (the State Council's yearly notices): every day the earlier versions of the law
  (国务院令第270号, 第513号, 第644号) give must be an official holiday there.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from typing import Any

import chinese_calendar
import pytest

from desktop_app.core.rules import statutory
from desktop_app.core.rules.workdays import WorkCalendar, YearCalendar

RULES = statutory.default_rules()
CAL = WorkCalendar()


def _days(first: date, n: int) -> set[date]:
    return {first + timedelta(days=i) for i in range(n)}


# ------------------------------------------------------------------------ 2027 and 2028
EXPECTED = {
    2027: {
        "元旦": {date(2027, 1, 1)},
        "春节": _days(date(2027, 2, 5), 4),        # 除夕 Fri 5 Feb, 初一 Sat 6 Feb … 初三 Mon 8 Feb
        "清明节": {date(2027, 4, 5)},
        "劳动节": {date(2027, 5, 1), date(2027, 5, 2)},
        "端午节": {date(2027, 6, 9)},
        "中秋节": {date(2027, 9, 15)},
        "国庆节": _days(date(2027, 10, 1), 3),
    },
    2028: {
        "元旦": {date(2028, 1, 1)},
        "春节": _days(date(2028, 1, 25), 4),       # 除夕 Tue 25 Jan … 初三 Fri 28 Jan
        "清明节": {date(2028, 4, 4)},
        "劳动节": {date(2028, 5, 1), date(2028, 5, 2)},
        "端午节": {date(2028, 5, 28)},
        "中秋节": {date(2028, 10, 3)},             # inside 国庆节: one day, both names
        "国庆节": _days(date(2028, 10, 1), 3),
    },
}


@pytest.mark.parametrize("year", sorted(EXPECTED))
def test_statutory_days_of_a_year_the_library_does_not_know(year: int) -> None:
    got = RULES.holidays(year)
    want = set().union(*EXPECTED[year].values())
    assert set(got) == want
    for name, days in EXPECTED[year].items():
        assert {d for d, n in got.items() if name in n.split("、")} == days, name
    if year == 2028:
        assert got[date(2028, 10, 3)] == "中秋节、国庆节"


@pytest.mark.parametrize("day,name", [
    (date(2027, 1, 1), "元旦"),         # the case of the issue: a Friday, counted as a working day
    (date(2027, 2, 5), "春节"),         # 除夕, a Friday
    (date(2027, 2, 8), "春节"),         # 初三, a Monday
    (date(2027, 4, 5), "清明节"),       # a Monday: the solar term's day
    (date(2027, 6, 9), "端午节"),       # a Wednesday
    (date(2027, 9, 15), "中秋节"),      # a Wednesday
    (date(2027, 10, 1), "国庆节"),      # a Friday
    (date(2028, 1, 25), "春节"),        # 除夕 of 2028, a Tuesday
    (date(2028, 5, 1), "劳动节"),       # a Monday
    (date(2028, 5, 2), "劳动节"),       # a Tuesday: 2 days since 2025
])
def test_a_statutory_weekday_is_not_a_working_day_but_stays_provisional(day: date,
                                                                        name: str) -> None:
    assert day.weekday() < 5
    assert RULES.holidays(day.year)[day] == name
    assert not CAL.is_workday(day)
    assert not CAL.is_known(day)          # provisional until the official year arrives
    assert CAL.provisional_holidays(day.year)[day] == name


@pytest.mark.parametrize("day,workday", [
    (date(2027, 1, 4), True),     # Monday after 元旦
    (date(2027, 2, 4), True),     # Thursday before 除夕
    (date(2027, 2, 9), True),     # 初四, Tuesday: 补假 / 调休 unknown → a working day
    (date(2027, 2, 13), False),   # Saturday: make-up working days unknown → none
    (date(2027, 2, 20), False),   # Saturday
    (date(2027, 4, 6), True),
    (date(2027, 5, 3), True),     # Monday: Art. 6 补假 for 1–2 May is not computed
    (date(2027, 10, 4), True),    # Monday: the same for 2–3 Oct
    (date(2027, 10, 9), False),   # Saturday
])
def test_what_the_law_does_not_fix_is_not_guessed(day: date, workday: bool) -> None:
    assert CAL.is_workday(day) is workday
    assert not CAL.is_known(day)


def test_due_dates_across_provisional_2027() -> None:
    # 2026-12-31 (Thu, official) + 1 working day: Fri 1 Jan is 元旦 → Mon 4 Jan.
    due = CAL.add_workdays(date(2026, 12, 31), 1)
    assert due.date == date(2027, 1, 4) and due.provisional and due.unknown_years == (2027,)
    # Before 春节: Thu 4 Feb + 1 → Tue 9 Feb (Fri 5 … Mon 8 are holidays).
    assert CAL.add_workdays(date(2027, 2, 4), 1).date == date(2027, 2, 9)
    assert CAL.workdays_between(date(2027, 2, 4), date(2027, 2, 9)) == 1
    # The whole of 2027: 261 weekdays less the 7 statutory days that fall on one
    # (Fri 1 Jan, Fri 5 and Mon 8 Feb, Mon 5 Apr, Wed 9 Jun, Wed 15 Sep, Fri 1 Oct).
    weekday_holidays = [d for d in set().union(*EXPECTED[2027].values()) if d.weekday() < 5]
    assert len(weekday_holidays) == 7
    assert CAL.workdays_between(date(2026, 12, 31), date(2027, 12, 31)) == 261 - 7
    assert CAL.workdays_between(date(2026, 12, 31), date(2027, 12, 31)) == sum(
        CAL.is_workday(date(2027, 1, 1) + timedelta(days=i)) for i in range(365))


def test_the_official_year_replaces_the_provisional_one() -> None:
    """A county return package / an administrator supplies 2027 (holiday_years):
    it wins over the computed days, and nothing of 2027 is provisional any more."""
    official = YearCalendar(2027, {date(2027, 1, 1), *_days(date(2027, 2, 5), 7)},
                            {date(2027, 2, 13)}, source="county")  # ASSUMED arrangement
    cal = WorkCalendar(extra_years={2027: official})
    assert cal.is_known(date(2027, 1, 1)) and not cal.is_workday(date(2027, 1, 1))
    assert not cal.is_workday(date(2027, 2, 9))       # the official break is longer
    assert cal.is_workday(date(2027, 2, 13))          # an official make-up Saturday
    assert cal.is_workday(date(2027, 4, 5))           # the official year says nothing of 清明 here
    due = cal.add_workdays(date(2026, 12, 31), 1)
    assert due.date == date(2027, 1, 4) and not due.provisional


def test_weekends_only_when_the_rules_are_switched_off() -> None:
    cal = WorkCalendar(statutory=None)
    assert cal.is_workday(date(2027, 1, 1)) and not cal.is_known(date(2027, 1, 1))
    assert cal.provisional_holidays(2027) == {}


# ------------------------------------------------------- the data against 2004–2026
# chinesecalendar leaves this Saturday of the 2012 端午 break (22–24 June) unnamed,
# though it is a holiday there too.
UNNAMED_IN_LIBRARY = {date(2012, 6, 23)}
LIBRARY_NAMES = {"元旦": "New Year's Day", "春节": "Spring Festival", "清明节": "Tomb-sweeping Day",
                 "劳动节": "Labour Day", "端午节": "Dragon Boat Festival",
                 "中秋节": "Mid-autumn Festival", "国庆节": "National Day"}


@pytest.mark.parametrize("year", range(2004, 2027))
def test_every_version_of_the_law_matches_the_official_calendars(year: int) -> None:
    got = RULES.holidays(year)
    assert got
    for day, name in got.items():
        on_holiday, holiday = chinese_calendar.get_holiday_detail(day)
        assert on_holiday and not chinese_calendar.is_workday(day), (day, name)
        if day in UNNAMED_IN_LIBRARY:
            continue
        # 2020-10-01 is 中秋节 and 国庆节 at once; the official calendar names one of them.
        assert holiday in {LIBRARY_NAMES[n] for n in name.split("、")}, (day, name, holiday)


@pytest.mark.parametrize("year,festival,days", [
    (2007, "春节", 3), (2007, "劳动节", 3), (2007, "清明节", 0),   # 第270号: no 清明/端午/中秋
    (2008, "春节", 3), (2008, "劳动节", 1), (2008, "清明节", 1),   # 第513号
    (2014, "春节", 3), (2024, "劳动节", 1),                        # 第644号
    (2025, "春节", 4), (2025, "劳动节", 2), (2030, "春节", 4),     # 第795号
])
def test_the_version_in_force_decides(year: int, festival: str, days: int) -> None:
    assert sum(1 for n in RULES.holidays(year).values() if festival in n.split("、")) == days


def test_the_spring_festival_eve_by_version() -> None:
    # 第513号 (2008–2013) starts 春节 on 除夕; 第644号 (2014–2024) on 初一; 第795号 on 除夕.
    assert min(d for d, n in RULES.holidays(2009).items() if n == "春节") == date(2009, 1, 25)
    assert min(d for d, n in RULES.holidays(2014).items() if n == "春节") == date(2014, 1, 31)
    assert min(d for d, n in RULES.holidays(2027).items() if n == "春节") == date(2027, 2, 5)


@pytest.mark.parametrize("year", [1999, 2101, 3000, 1])
def test_outside_the_computed_years_weekends_only(year: int) -> None:
    assert RULES.holidays(year) == {}
    if year >= 2100:
        assert CAL.is_workday(date(year, 1, 1)) is (date(year, 1, 1).weekday() < 5)


def test_the_bundled_data_cites_the_law() -> None:
    doc = json.loads(statutory.default_path().read_text(encoding="utf-8"))
    newest = doc["versions"][-1]
    assert newest["effective_from"] == "2025-01-01"
    assert "国务院令第795号" in newest["source"] and "第二条" in newest["source"]
    assert "春节，放假4天（农历除夕、正月初一至初三）" in newest["article"]
    assert sum(h["days"] for h in newest["holidays"]) == 13
    assert "补假" in newest["not_computed"]
    assert (RULES.first_year, RULES.last_year) == (2000, 2100)


# ------------------------------------------------------------------- the data's checks
def _doc(**change: Any) -> dict[str, Any]:
    doc = json.loads(statutory.default_path().read_text(encoding="utf-8"))
    doc["versions"] = doc["versions"][-1:]
    holiday = doc["versions"][0]["holidays"][0]
    for key, value in change.items():
        if key.startswith("h_"):
            holiday[key[2:]] = value
        elif key.startswith("v_"):
            doc["versions"][0][key[2:]] = value
        else:
            doc[key] = value
    return doc


@pytest.mark.parametrize("change", [
    {"format": 2},
    {"years": None},
    {"v_source": ""},
    {"v_effective_from": "2025-13-01"},
    {"v_holidays": []},
    {"h_calendar": "islamic"},
    {"h_days": 0},
    {"h_days": True},
    {"h_month": 2, "h_day": 30},
    {"h_name": ""},
])
def test_a_bad_data_file_is_refused(change: dict[str, Any]) -> None:
    with pytest.raises(ValueError):
        statutory.parse(_doc(**change))


def test_versions_must_be_in_order() -> None:
    doc = json.loads(statutory.default_path().read_text(encoding="utf-8"))
    doc["versions"].reverse()
    with pytest.raises(ValueError):
        statutory.parse(doc)


def test_a_term_holiday_and_a_lunar_offset() -> None:
    doc = _doc()
    doc["versions"][0]["holidays"] = [
        {"name": "清明节", "calendar": "term", "term": "清明", "days": 1},
        {"name": "春节", "calendar": "lunar", "month": 1, "day": 1, "offset": -1, "days": 1},
    ]
    rules = statutory.parse(doc)
    assert dict(rules.holidays(2029)) == {date(2029, 2, 12): "春节", date(2029, 4, 4): "清明节"}
