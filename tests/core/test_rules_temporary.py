"""The cumulative temporary-assistance ceiling (core/rules/temporary.py), table-driven."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core.errors import ValidationError
from desktop_app.core.rules.temporary import DEFAULT_SCOPE, Paid, check, scope_on, validate_scope

DAY = date(2026, 6, 1)
BOTH = DEFAULT_SCOPE
INCIDENT_ONLY = {**DEFAULT_SCOPE, "per_household_year": False}
YEAR_ONLY = {**DEFAULT_SCOPE, "per_incident": False}
NEITHER = {**DEFAULT_SCOPE, "per_incident": False, "per_household_year": False}
C = 300_000  # ¥3,000


def p(item: int, fen: int, on: date = DAY) -> Paid:
    return Paid(item, fen, on)


@pytest.mark.parametrize(("amount", "paid", "scope", "replaces", "refused"), [
    # at and around the ceiling, nothing paid before
    (300_000, [], BOTH, False, False),
    (300_001, [], BOTH, False, True),
    (300_001, [], NEITHER, False, True),
    # the same incident: the second ¥3,000 payment is refused
    (300_000, [p(1, 300_000)], BOTH, False, True),
    (1, [p(1, 300_000)], INCIDENT_ONLY, False, True),
    (100_000, [p(1, 200_000)], INCIDENT_ONLY, False, False),
    (100_001, [p(1, 200_000)], INCIDENT_ONLY, False, True),
    # another incident this year: the household-year sum
    (100_000, [p(2, 200_000)], BOTH, False, False),
    (100_001, [p(2, 200_000)], BOTH, False, True),
    (300_000, [p(2, 300_000)], INCIDENT_ONLY, False, False),
    (300_000, [p(2, 300_000)], NEITHER, False, False),
    # last year's payments on another incident do not count for this year
    (300_000, [p(2, 300_000, date(2025, 12, 31))], BOTH, False, False),
    # … but an incident's own payments count whatever their year
    (1, [p(1, 300_000, date(2025, 12, 31))], BOTH, False, True),
    # a decision that includes the 先行救助 paid on the item counts max(decision, paid)
    (300_000, [p(1, 300_000)], BOTH, True, False),
    (300_001, [p(1, 300_000)], BOTH, True, True),
    (250_000, [p(1, 100_000), p(2, 50_000)], BOTH, True, False),
    (250_001, [p(1, 100_000), p(2, 50_000)], BOTH, True, True),
    (5_000_000, [], BOTH, True, True),
])
def test_cumulative_ceiling(amount, paid, scope, replaces, refused):
    err = check(amount, C, 1, DAY, paid, scope, replaces_item=replaces)
    assert (err is not None) == refused
    if err is not None:
        assert (err.field, err.code) == ("amount", "ceiling")
        assert "报县" in err.message and "3,000.00" in err.message


def test_the_refusal_names_this_amount_what_was_paid_and_the_ceiling():
    err = check(300_000, C, 1, DAY, [p(1, 300_000)], BOTH, item_code="LINSHI_URGENT")
    assert err is not None and err.message == (
        "本次金额 3,000.00 元，本事项已救助 1 次共 3,000.00 元，合计 6,000.00 元，"
        "超过乡镇（街道）临时救助审批额度 3,000.00 元，请报县审批（报县民政局审批）")
    err = check(150_000, C, 3, DAY, [p(1, 100_000), p(2, 100_000)], BOTH)
    assert err is not None and "本家庭2026年已救助 2 次共 2,000.00 元，合计 3,500.00 元" in err.message
    err = check(300_001, C, 1, DAY, [], BOTH, item_code="LINSHI_URGENT")
    assert err is not None and err.key == "emergency.above_ceiling"
    err = check(300_001, C, 1, DAY, [], BOTH, item_code="LINSHI_EXPENSE")
    assert err is not None and err.key == "ceiling.single"


def test_the_scope_in_force_is_the_latest_entry_not_after_the_day():
    entries = [{"effective_from": "2027-01-01", "per_incident": True, "per_household_year": False},
               {"effective_from": "2020-01-01", "per_incident": True, "per_household_year": True}]
    assert scope_on(entries, date(2026, 12, 31))["per_household_year"] is True
    assert scope_on(entries, date(2027, 1, 1))["per_household_year"] is False
    assert scope_on(entries, date(2019, 1, 1))["effective_from"] == "2020-01-01"


@pytest.mark.parametrize("value", [
    [], {}, "both", [{"effective_from": "2026-01-01", "per_incident": True}],
    [{"effective_from": "2026-13-01", "per_incident": True, "per_household_year": True}],
    [{"effective_from": "2026-01-01", "per_incident": 1, "per_household_year": True}],
    [{"effective_from": "2026-01-01", "per_incident": True, "per_household_year": True}] * 2,
])
def test_bad_scope_settings_are_refused_with_a_chinese_message(value):
    with pytest.raises(ValidationError) as err:
        validate_scope("temporary_ceiling_scope", value)
    assert "临时救助累计限额" in err.value.message


def test_a_good_scope_setting_is_normalised_and_sorted():
    out = validate_scope("temporary_ceiling_scope", [
        {"effective_from": "2027-01-01", "per_incident": True, "per_household_year": False},
        dict(DEFAULT_SCOPE)])
    assert [e["effective_from"] for e in out] == ["2000-01-01", "2027-01-01"]
