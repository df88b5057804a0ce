"""Reporting periods (issue 16): parse, label, months inside."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core.errors import ValidationError
from desktop_app.core.rules.periods import Period, month_periods, parse_period


@pytest.mark.parametrize(("text", "kind", "start", "end", "label"), [
    ("2026-11", "month", date(2026, 11, 1), date(2026, 11, 30), "2026年11月"),
    ("2026-2", "month", date(2026, 2, 1), date(2026, 2, 28), "2026年2月"),
    ("2028-02", "month", date(2028, 2, 1), date(2028, 2, 29), "2028年2月"),
    ("2026-12", "month", date(2026, 12, 1), date(2026, 12, 31), "2026年12月"),
    ("2026-Q4", "quarter", date(2026, 10, 1), date(2026, 12, 31), "2026年第四季度"),
    ("2026-q1", "quarter", date(2026, 1, 1), date(2026, 3, 31), "2026年第一季度"),
    ("2026Q2", "quarter", date(2026, 4, 1), date(2026, 6, 30), "2026年第二季度"),
    ("2026", "year", date(2026, 1, 1), date(2026, 12, 31), "2026年"),
    (" 2026-11-03..2026-11-20 ", "custom", date(2026, 11, 3), date(2026, 11, 20),
     "2026年11月3日至11月20日"),
    ("2026-11-03..2026-12-20", "custom", date(2026, 11, 3), date(2026, 12, 20),
     "2026年11月3日至12月20日"),
    ("2026-12-20..2027-01-05", "custom", date(2026, 12, 20), date(2027, 1, 5),
     "2026年12月20日至2027年1月5日"),
    ("2026-11-03..2026-11-03", "custom", date(2026, 11, 3), date(2026, 11, 3), "2026年11月3日"),
])
def test_parse_and_label(text: str, kind: str, start: date, end: date, label: str) -> None:
    period = parse_period(text)
    assert (period.kind, period.start, period.end, period.label) == (kind, start, end, label)
    assert parse_period(period.code) == period  # the code reads back


@pytest.mark.parametrize(("text", "code"), [
    ("", "invalid"), ("2026-13", "invalid"), ("2026-0", "invalid"), ("2026-Q5", "invalid"),
    ("26-11", "invalid"), ("2026/11", "invalid"), ("十一月", "invalid"),
    ("2026-02-30..2026-03-01", "invalid"), ("2026-11-20..2026-11-03", "order"),
    ("0000", "invalid"), ("2026-11-03", "invalid"),
])
def test_bad_text_is_refused_in_chinese(text: str, code: str) -> None:
    with pytest.raises(ValidationError) as info:
        parse_period(text)
    assert info.value.field == "period" and info.value.code == code
    assert "统计期间" in info.value.message


@pytest.mark.parametrize(("text", "months"), [
    ("2026-11", ["2026-11"]),
    ("2026-Q4", ["2026-10", "2026-11", "2026-12"]),
    ("2026", [f"2026-{m:02d}" for m in range(1, 13)]),
    ("2026-11-03..2027-01-10",
     ["2026-11-03..2026-11-30", "2026-12", "2027-01-01..2027-01-10"]),
    ("2026-11-01..2026-11-30", ["2026-11"]),
])
def test_month_periods(text: str, months: list[str]) -> None:
    inside = month_periods(parse_period(text))
    assert [p.code for p in inside] == months
    assert all(isinstance(p, Period) for p in inside)
    assert inside[0].start == parse_period(text).start
    assert inside[-1].end == parse_period(text).end
