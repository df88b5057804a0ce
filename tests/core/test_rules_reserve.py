"""The 临时救助备用金 ledger rules (core/rules/reserve.py), table-driven.

Sources: 泰安 2022 ("全面落实乡镇临时救助备用金制度"), 重庆 十四五 ("全面建立健全乡镇（街道）
临时救助备用金制度"), 汉中 measure 十五 ("嚴格落實鎮（街道）臨時救助儲備金制度")."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core.errors import ValidationError
from desktop_app.core.rules import numbering
from desktop_app.core.rules.reserve import (
    DEFAULT_ENTRY,
    Line,
    available,
    balance,
    check_payment,
    running,
    setting_on,
    validate_setting,
)

D = date(2026, 11, 10)


def L(i: int, day: int, kind: str, fen: int, month: int = 11) -> Line:
    return Line(i, date(2026, month, day), kind, fen)


LEDGER = [L(1, 3, "receipt", 1_000_000), L(2, 10, "payment", 300_000),
          L(3, 12, "payment", 500_000), L(4, 20, "refund", 50_000)]


@pytest.mark.parametrize(("day", "expected"), [
    (date(2026, 11, 2), 0),
    (date(2026, 11, 3), 1_000_000),
    (date(2026, 11, 10), 700_000),
    (date(2026, 11, 11), 700_000),
    (date(2026, 11, 12), 200_000),
    (date(2026, 11, 30), 250_000),
])
def test_balance_at_the_end_of_a_day(day, expected):
    assert balance(LEDGER, day) == expected


@pytest.mark.parametrize(("day", "expected"), [
    # a back-dated payment may only use what stays free on every later day
    (date(2026, 11, 5), 200_000),
    (date(2026, 11, 11), 200_000),
    (date(2026, 11, 12), 200_000),
    (date(2026, 11, 20), 250_000),
    (date(2026, 12, 1), 250_000),
    (date(2026, 11, 1), 0),  # before the first receipt
])
def test_available_is_the_lowest_balance_from_that_day_on(day, expected):
    assert available(LEDGER, day) == expected


@pytest.mark.parametrize(("amount", "day", "refused"), [
    (250_000, date(2026, 11, 25), False),   # equal to the balance passes
    (250_001, date(2026, 11, 25), True),    # one fen over is refused
    (200_000, date(2026, 11, 5), False),
    (200_001, date(2026, 11, 5), True),     # would overdraw the 12th
    (1, date(2026, 11, 1), True),           # nothing received yet
])
def test_a_payment_larger_than_the_balance_is_refused_with_the_figures(amount, day, refused):
    error = check_payment(amount, LEDGER, day)
    assert (error is not None) == refused
    if error is not None:
        assert (error.field, error.code, error.key) == ("amount", "overdraw", "reserve.overdraw")
        assert error.params["amount"] == f"{amount / 100:,.2f}"
        assert error.params["balance"] == f"{available(LEDGER, day) / 100:,.2f}"
        assert error.params["day"] == day.isoformat()
        assert "可用余额" in error.message and error.params["balance"] in error.message


def test_running_balance_in_the_order_things_happened():
    lines = [L(1, 3, "receipt", 100), L(3, 5, "receipt", 100), L(2, 5, "payment", 150),
             L(4, 4, "payment", 50)]
    rows = running(lines, 0)
    assert [(x.id, bal) for x, bal in rows] == [(1, 100), (4, 50), (2, -100), (3, 0)]
    assert [bal for _, bal in running(lines, 1_000)] == [1_100, 1_050, 900, 1_000]


@pytest.mark.parametrize(("day", "expected"), [
    # the 5th: receipt 100 (id 2) after payment 150 (id 1), both on the 5th; 200 before
    (date(2026, 11, 4), 50),    # the payment of the 5th would fall to -100 + 150 = 50 …
    (date(2026, 11, 5), 150),   # … while at the end of the 5th 150 is free
])
def test_a_payment_may_not_make_a_later_running_balance_negative(day, expected):
    lines = [L(9, 1, "receipt", 200), L(1, 5, "payment", 150), L(2, 5, "receipt", 100)]
    assert available(lines, day) == expected


@pytest.mark.parametrize(("entries", "day", "expected"), [
    (None, D, DEFAULT_ENTRY),
    ([{"effective_from": "2026-01-01", "enabled": True, "emergency_draws": False}], D,
     {"effective_from": "2026-01-01", "enabled": True, "emergency_draws": False}),
    ([{"effective_from": "2026-12-01", "enabled": True, "emergency_draws": True},
      {"effective_from": "2026-01-01", "enabled": False, "emergency_draws": True}],
     date(2026, 12, 1), {"effective_from": "2026-12-01", "enabled": True,
                         "emergency_draws": True}),
])
def test_the_setting_in_force_on_a_day(entries, day, expected):
    assert setting_on(entries, day) == expected


@pytest.mark.parametrize("value", [
    [], {}, "yes", [{"effective_from": "2026-01-01", "enabled": True}],
    [{"effective_from": "2026-13-01", "enabled": True, "emergency_draws": True}],
    [{"effective_from": "2026-01-01", "enabled": "yes", "emergency_draws": True}],
    [{"effective_from": "2026-01-01", "enabled": True, "emergency_draws": True}] * 2,
])
def test_a_bad_setting_is_refused(value):
    with pytest.raises(ValidationError) as err:
        validate_setting("reserve_fund", value)
    assert err.value.key == "reserve.setting_invalid"


@pytest.mark.parametrize(("kind", "used", "expected"), [
    ("receipt", [], "330102101-20261124-BR01"),
    ("payment", ["330102101-20261124-ZF01", "330102101-20261124-ZF07",
                 "330102101-20261123-ZF09"], "330102101-20261124-ZF08"),
    ("refund", ["330102101-20261124-ZF01"], "330102101-20261124-TH01"),
    ("batch", [], "330102101-20261124-BZ01"),
    ("statement", ["330102101-20261124-YB99"], "330102101-20261124-YB100"),
])
def test_reserve_numbers_one_prefix_per_kind(kind, used, expected):
    assert numbering.reserve_number("330102101000", date(2026, 11, 24), kind, used) == expected
    assert numbering.filing_month(expected, "misc") == "202611"
