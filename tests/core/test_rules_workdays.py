"""Working days: official calendar, unknown years, overrides, county-supplied years."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import chinese_calendar
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.errors import ValidationError
from desktop_app.core.rules.workdays import (
    Due,
    WorkCalendar,
    YearCalendar,
    add_workdays,
    is_workday,
    library_knows_year,
    workdays_between,
)

CAL = WorkCalendar()


def test_library_facts_this_suite_relies_on() -> None:
    # Verified against chinesecalendar itself, not against our code.
    assert chinese_calendar.is_workday(date(2026, 2, 14))  # Saturday make-up day
    assert chinese_calendar.is_workday(date(2026, 2, 28))  # Saturday make-up day
    assert date(2026, 2, 14).weekday() == 5 and date(2026, 2, 28).weekday() == 5
    assert chinese_calendar.is_holiday(date(2026, 2, 16))
    assert chinese_calendar.is_holiday(date(2026, 10, 1))
    with pytest.raises(NotImplementedError):
        chinese_calendar.is_workday(date(2027, 1, 4))


def test_make_up_days_and_holidays() -> None:
    assert CAL.is_workday(date(2026, 2, 14)) and CAL.is_known(date(2026, 2, 14))
    assert CAL.is_workday(date(2026, 2, 28))
    assert not CAL.is_workday(date(2026, 2, 16))  # Monday in the Spring Festival break
    assert not CAL.is_workday(date(2026, 10, 1))
    assert CAL.is_workday(date(2026, 11, 24))
    assert not CAL.is_workday(date(2026, 11, 28))


def test_cross_spring_festival_2026_against_the_library() -> None:
    start = date(2026, 2, 10)
    expected = chinese_calendar.get_workdays(start + timedelta(days=1), date(2026, 3, 31))
    for n in range(1, 30):
        due = CAL.add_workdays(start, n)
        assert due == Due(expected[n - 1], False)
    # The two make-up Saturdays are counted, the holiday week is not.
    assert CAL.add_workdays(start, 4) == Due(date(2026, 2, 14))
    assert CAL.add_workdays(start, 5).date == date(2026, 2, 24)
    assert CAL.add_workdays(start, 9).date == date(2026, 2, 28)


def test_national_day_2026() -> None:
    start = date(2026, 9, 24)
    expected = chinese_calendar.get_workdays(start + timedelta(days=1), date(2026, 11, 30))
    assert CAL.add_workdays(start, 1).date == expected[0]
    assert CAL.add_workdays(start, 10).date == expected[9]
    assert date(2026, 10, 3) not in expected
    assert CAL.add_workdays(date(2026, 9, 30), 1).date == date(2026, 10, 8)
    assert CAL.workdays_between(date(2026, 9, 30), date(2026, 10, 8)) == 1


def test_end_of_2026_runs_into_provisional_2027() -> None:
    due = CAL.add_workdays(date(2026, 12, 21), 30)
    # 2026-12-22..31 = 8 working days; 2027 unknown → the provisional calendar: Fri 1 Jan
    # is 元旦 (全国年节及纪念日放假办法 Art. 2), so 22 more are 4–8, 11–15, 18–22, 25–29,
    # 1–2 Feb (issue #14: the weekends-only fallback counted 1 Jan and ended on 1 Feb).
    assert due.provisional and due.unknown_years == (2027,)
    assert due.date == date(2027, 2, 2)
    assert "2027年" in due.note and "暂定" in due.note and "法定节日" in due.note
    assert not CAL.is_known(date(2027, 1, 1))
    assert not CAL.is_workday(date(2027, 1, 1))  # 元旦, computed
    assert CAL.is_workday(date(2027, 1, 4)) and not CAL.is_known(date(2027, 1, 4))


def test_start_day_is_not_counted_and_zero_is_same_day() -> None:
    assert CAL.add_workdays(date(2026, 11, 24), 1).date == date(2026, 11, 25)
    assert CAL.add_workdays(date(2026, 11, 27), 1).date == date(2026, 11, 30)  # Friday → Monday
    assert CAL.add_workdays(date(2026, 11, 28), 1).date == date(2026, 11, 30)  # Saturday start
    assert CAL.add_workdays(date(2026, 11, 28), 0) == Due(date(2026, 11, 28), False)
    assert CAL.add_workdays(date(2027, 6, 5), 0) == Due(date(2027, 6, 5), False)


def test_negative_or_huge_n_rejected() -> None:
    with pytest.raises(ValueError):
        CAL.add_workdays(date(2026, 1, 1), -1)
    with pytest.raises(ValueError):
        CAL.add_workdays(date(2026, 1, 1), 10**9)


@pytest.mark.parametrize(
    "d",
    [date.min, date(1, 1, 6), date(1999, 10, 1), date(2003, 12, 31), date(3000, 1, 1), date.max],
)
def test_unknown_years_never_crash(d: date) -> None:
    assert not CAL.is_known(d)
    assert CAL.is_workday(d) is (d.weekday() < 5)


def test_extreme_years() -> None:
    assert CAL.add_workdays(date(1, 1, 1), 5) == Due(date(1, 1, 8), True, (1,))
    assert CAL.add_workdays(date(2003, 12, 30), 3) == Due(date(2004, 1, 5), True, (2003,))
    assert CAL.add_workdays(date(9999, 12, 1), 5).provisional
    with pytest.raises(ValidationError) as exc:
        CAL.add_workdays(date(9999, 12, 30), 5)
    assert exc.value.code == "out_of_range"
    assert CAL.workdays_between(date.min, date.max) > 2_500_000
    assert CAL.workdays_between(date.max, date.min) == -CAL.workdays_between(date.min, date.max)
    assert CAL.unknown_years(date(9998, 12, 31), date.max) == (9999,)


def test_library_year_range() -> None:
    assert library_knows_year(2004) and library_knows_year(2026)
    assert not library_knows_year(2003) and not library_knows_year(2027)


def test_local_override_takes_precedence() -> None:
    cal = WorkCalendar(
        overrides={date(2026, 11, 24): False, date(2026, 11, 28): True, date(2027, 1, 2): True}
    )
    assert not cal.is_workday(date(2026, 11, 24))
    assert cal.is_workday(date(2026, 11, 28))
    assert cal.add_workdays(date(2026, 11, 23), 1).date == date(2026, 11, 25)
    assert cal.is_known(date(2027, 1, 2)) and cal.is_workday(date(2027, 1, 2))
    assert not cal.is_known(date(2027, 1, 3))
    # An override also works when given as a datetime key.
    assert WorkCalendar({datetime(2026, 11, 24, 9): False}).is_workday(date(2026, 11, 24)) is False


def _year_2027() -> YearCalendar:
    holidays = {date(2027, 1, 1), *(date(2027, 2, d) for d in range(5, 12))}
    return YearCalendar(2027, holidays, {date(2027, 2, 13)}, source="county")


def test_extra_year_makes_2027_known() -> None:
    cal = WorkCalendar(extra_years={2027: _year_2027()})
    assert cal.is_known(date(2027, 6, 1)) and cal.year_known(2027)
    assert not cal.is_workday(date(2027, 1, 1))
    assert cal.is_workday(date(2027, 2, 13))  # make-up Saturday
    assert not cal.is_workday(date(2027, 2, 8))
    due = cal.add_workdays(date(2026, 12, 21), 30)
    assert not due.provisional
    # 8 in 2026; 1 Jan is now a holiday, so the 22 more end one day later than the fallback.
    assert due.date == date(2027, 2, 2)
    assert cal.workdays_between(date(2026, 12, 21), due.date) == 30


def test_override_beats_extra_year() -> None:
    cal = WorkCalendar({date(2027, 1, 1): True}, {2027: _year_2027()})
    assert cal.is_workday(date(2027, 1, 1))


def test_year_calendar_validation() -> None:
    with pytest.raises(ValidationError) as exc:
        YearCalendar(2027, {date(2028, 1, 1)})
    assert exc.value.code == "wrong_year"
    with pytest.raises(ValidationError) as exc:
        YearCalendar(2027, {date(2027, 2, 13)}, {date(2027, 2, 13)})
    assert exc.value.code == "conflict"
    with pytest.raises(ValidationError):
        WorkCalendar(extra_years={2028: _year_2027()})


def test_workdays_between_conventions() -> None:
    a = date(2026, 11, 23)  # Monday
    assert CAL.workdays_between(a, a) == 0
    assert CAL.workdays_between(a, date(2026, 11, 24)) == 1
    assert CAL.workdays_between(a, date(2026, 11, 29)) == 4  # Tue–Fri
    assert CAL.workdays_between(date(2026, 11, 29), a) == -4
    # Whole 2026 against the library: 2025-12-31 exclusive → 2026-12-31 inclusive.
    assert CAL.workdays_between(date(2025, 12, 31), date(2026, 12, 31)) == len(
        chinese_calendar.get_workdays(date(2026, 1, 1), date(2026, 12, 31))
    )
    assert not CAL.is_span_known(date(2026, 12, 1), date(2027, 1, 5))
    assert CAL.is_span_known(date(2026, 1, 1), date(2026, 12, 31))
    assert CAL.unknown_years(date(2002, 5, 1), date(2028, 1, 1)) == (2002, 2003, 2027, 2028)


def test_overdue_example() -> None:
    due = CAL.add_workdays(date(2026, 11, 2), 15).date
    assert due == date(2026, 11, 23)
    assert CAL.workdays_between(due, date(2026, 11, 30)) == 5  # overdue by 24–27 Nov and 30 Nov
    assert CAL.workdays_between(due, due) == 0
    assert CAL.workdays_between(due, date(2026, 11, 2)) < 0


def test_module_shortcuts() -> None:
    assert is_workday(date(2026, 2, 14))
    assert add_workdays(date(2026, 2, 10), 4).date == date(2026, 2, 14)
    assert workdays_between(date(2026, 2, 10), date(2026, 2, 14)) == 4


dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2035, 12, 31))


@settings(max_examples=150, deadline=None)
@given(dates, st.integers(0, 400))
def test_property_add_and_between_agree(start: date, n: int) -> None:
    due = CAL.add_workdays(start, n)
    assert due.date >= start
    assert CAL.workdays_between(start, due.date) == n
    if n:
        assert CAL.is_workday(due.date)
    assert due.provisional == bool(CAL.unknown_years(start, due.date))
    assert due.provisional == (not CAL.is_span_known(start, due.date))


@settings(max_examples=100, deadline=None)
@given(st.dates(), st.dates())
def test_property_between_is_antisymmetric_and_never_crashes(a: date, b: date) -> None:
    assert CAL.workdays_between(a, b) == -CAL.workdays_between(b, a)
    CAL.unknown_years(a, b)


@settings(max_examples=100, deadline=None)
@given(st.dates(), st.integers(0, 50))
def test_property_add_never_crashes(start: date, n: int) -> None:
    try:
        due = CAL.add_workdays(start, n)
    except ValidationError as exc:
        assert exc.code == "out_of_range" and start.year == 9999
    else:
        assert due.date >= start


@settings(max_examples=60, deadline=None)
@given(dates, dates, st.dictionaries(dates, st.booleans(), max_size=20))
def test_property_between_matches_naive_count_with_overrides(
    a: date, b: date, overrides: dict
) -> None:
    cal = WorkCalendar(overrides)
    lo, hi = sorted((a, b))
    if (hi - lo).days > 3000:
        hi = lo + timedelta(days=3000)
    naive = sum(cal.is_workday(lo + timedelta(days=i)) for i in range(1, (hi - lo).days + 1))
    assert cal.workdays_between(lo, hi) == naive
