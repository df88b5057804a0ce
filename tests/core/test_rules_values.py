"""Field value rules: amounts in fen, names, text, phones, dates."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.errors import ValidationError
from desktop_app.core.rules.values import (
    format_yuan,
    live_yuan,
    parse_amount,
    per_capita_monthly,
    validate_date,
    validate_name,
    validate_phone,
    validate_text,
)


def _code(call, *args, **kwargs) -> str:
    with pytest.raises(ValidationError) as exc:
        call(*args, **kwargs)
    assert exc.value.field == "f" and exc.value.message
    return exc.value.code


# ------------------------------------------------------------------ amounts


@pytest.mark.parametrize(
    "text, fen",
    [
        ("1,234.56", 123456),
        ("1234.56", 123456),
        ("１２３", 12300),
        ("１，２３４．５", 123450),
        ("0", 0),
        ("0.01", 1),
        (".5", 50),
        ("5.", 500),
        ("  600 ", 60000),
        ("¥1,000", 100000),
        ("￥12.3元", 1230),
        ("+7", 700),
        ("007", 700),
        ("100000000", 10_000_000_000),
        ("100,000,000.00", 10_000_000_000),
        (420, 42000),
    ],
)
def test_parse_amount(text: object, fen: int) -> None:
    assert parse_amount(text, "f") == fen


@pytest.mark.parametrize(
    "text, code",
    [
        ("", "required"),
        ("   ", "required"),
        (None, "required"),
        ("-1", "negative"),
        ("－5", "negative"),
        ("−5", "negative"),
        ("abc", "format"),
        ("1.2.3", "format"),
        ("12,34", "format"),
        ("0,123", "format"),
        ("1,2345", "format"),
        (".", "format"),
        ("1e5", "format"),
        ("٣", "format"),  # Arabic-Indic digit is not accepted as a digit
        ("1.234", "decimals"),
        ("1.000", "decimals"),
        ("100000000.01", "too_large"),
        ("1" * 5000, "too_large"),  # Python's int-from-str limit is never hit
    ],
)
def test_parse_amount_rejects(text: object, code: str) -> None:
    assert _code(parse_amount, text, "f") == code


def test_parse_amount_empty_allowed() -> None:
    assert parse_amount("", "f", allow_empty=True) == 0
    assert parse_amount(" ", "f", allow_empty=True) == 0
    assert _code(parse_amount, "3001", "f", max_yuan=3000) == "too_large"


@settings(max_examples=300)
@given(st.text(max_size=30))
def test_property_parse_amount_only_validation_error(text: str) -> None:
    try:
        fen = parse_amount(text, "f", allow_empty=True)
    except ValidationError:
        return
    assert 0 <= fen <= 100_000_000 * 100


@given(st.integers(0, 100_000_000 * 100))
def test_property_format_parse_round_trip(fen: int) -> None:
    assert parse_amount(format_yuan(fen), "f") == fen


@pytest.mark.parametrize(
    "fen, text",
    [
        (0, "0.00"),
        (1, "0.01"),
        (123456, "1,234.56"),
        (-5, "-0.05"),
        (10_000_000_000, "100,000,000.00"),
    ],
)
def test_format_yuan(fen: int, text: str) -> None:
    assert format_yuan(fen) == text


@pytest.mark.parametrize(
    "fen, short, plain",
    [(0, "0", "0"), (42000, "420", "420"), (42050, "420.50", "420.50"), (5, "0.05", "0.05"),
     (123456700, "1,234,567", "1234567"), (123456789, "1,234,567.89", "1234567.89"),
     (-42050, "-420.50", "-420.50")],
)
def test_format_yuan_short_forms(fen: int, short: str, plain: str) -> None:
    assert format_yuan(fen, drop_zero_cents=True) == short
    assert format_yuan(fen, drop_zero_cents=True, grouping=False) == plain
    if fen >= 0:
        assert parse_amount(plain, "f") == fen  # what an edit field shows reads back


@settings(max_examples=300)
@given(st.integers(min_value=0, max_value=100_000_000 * 100))
def test_property_format_yuan_round_trips(fen: int) -> None:
    for text in (format_yuan(fen), format_yuan(fen, drop_zero_cents=True),
                 format_yuan(fen, drop_zero_cents=True, grouping=False)):
        assert parse_amount(text, "f") == fen


@pytest.mark.parametrize(
    "text, value",
    [("", Decimal(0)), ("  ", Decimal(0)), ("12", Decimal(12)), ("1,234.5", Decimal("1234.5")),
     ("1，000", Decimal(1000)), ("1200元", Decimal(1200)), ("¥ 35.5", Decimal("35.5")),
     ("１２３", Decimal(123)),
     # what the save refuses, the live total refuses too (issue 14: one parser)
     ("0.125", None), ("1e3", None), ("1e9", None), ("100000000.01", None),
     ("abc", None), ("-1", None), ("nan", None), ("inf", None), ("1.2.3", None)],
)
def test_live_yuan(text: str, value: Decimal | None) -> None:
    assert live_yuan(text) == value


@pytest.mark.parametrize("text", ["", "12", "1,234.5", "1，000", "1200元", "¥ 35.5", "１２３", "0.125",
                                  "1e3", "1e9", "100000000.01", "abc", "-1", "nan", "1.2.3", "5角"])
def test_live_total_and_save_agree(text: str) -> None:
    """The live total counts exactly what the save accepts, at the same value."""
    try:
        saved: Decimal | None = Decimal(parse_amount(text, "f", allow_empty=True)) / 100
    except ValidationError:
        saved = None
    assert live_yuan(text) == saved


@pytest.mark.parametrize(
    "total, members, expected",
    [
        (120000, 3, 40000),
        (100, 3, 33),
        (200, 3, 67),
        (150, 2, 75),
        (1, 2, 1),
        (0, 4, 0),
        (-100, 3, -33),
    ],
)
def test_per_capita_monthly_rounds_half_up(total: int, members: int, expected: int) -> None:
    assert per_capita_monthly(total, members) == expected


@pytest.mark.parametrize("members", [0, -1, True, 1.5])
def test_per_capita_monthly_needs_members(members: object) -> None:
    with pytest.raises(ValidationError) as exc:
        per_capita_monthly(1000, members)  # type: ignore[arg-type]
    assert exc.value.field == "members"


# ------------------------------------------------------------------ names


@pytest.mark.parametrize(
    "text, expected",
    [
        ("张三", "张三"),
        ("  张 三 ", "张三"),
        ("欧阳娜娜", "欧阳娜娜"),
        ("阿依古丽·买买提", "阿依古丽·买买提"),
        ("阿依古丽•买买提", "阿依古丽·买买提"),
        ("阿依古丽・买买提", "阿依古丽·买买提"),
        ("阿依古丽．买买提", "阿依古丽·买买提"),
        ("阿依古丽 · 买买提", "阿依古丽·买买提"),
        ("\U00020000\U0002a6d6", "\U00020000\U0002a6d6"),  # Ext-B
        ("李\U00031350", "李\U00031350"),  # Ext-H, newer than Python's Unicode database
        ("John  Smith", "John Smith"),
        ("Ｊｏｈｎ", "John"),
        ("José O'Neil-Ba", "José O'Neil-Ba"),
        ("张\u200b三", "张三"),
        ("〇", "〇"),
        ("字" * 30, "字" * 30),
    ],
)
def test_validate_name(text: str, expected: str) -> None:
    assert validate_name(text, "f") == expected


@pytest.mark.parametrize(
    "text, code",
    [
        ("", "required"),
        ("   ", "required"),
        (None, "required"),
        ("张3", "digit"),
        ("张３", "digit"),
        ("张①", "digit"),
        ("张\x07三", "control_char"),
        ("张\u202e三", "control_char"),
        ("张@三", "invalid_char"),
        ("Иван", "invalid_char"),
        ("😀", "invalid_char"),
        ("字" * 31, "too_long"),
        ("·张三", "middle_dot"),
        ("张三·", "middle_dot"),
        ("张··三", "middle_dot"),
        ("-", "no_letters"),
    ],
)
def test_validate_name_rejects(text: str | None, code: str) -> None:
    assert _code(validate_name, text, "f") == code


@settings(max_examples=300)
@given(st.text(max_size=40))
def test_property_validate_name_only_validation_error(text: str) -> None:
    try:
        name = validate_name(text, "f")
    except ValidationError:
        return
    assert 0 < len(name) <= 30 and name == name.strip()
    assert not any(ch.isdigit() for ch in name)


# ------------------------------------------------------------------ text


def test_validate_text_address() -> None:
    assert validate_text("  浙江省  杭州市\n上城区 ", "f", 200) == "浙江省 杭州市 上城区"
    assert validate_text("", "f", 200) == ""
    assert validate_text(None, "f", 200) == ""
    assert _code(validate_text, " ", "f", 200, required=True) == "required"
    assert validate_text("路" * 200, "f", 200) == "路" * 200


def test_validate_text_huge_address_gets_a_clear_error() -> None:
    with pytest.raises(ValidationError) as exc:
        validate_text("路" * 10_000, "f", 200)
    assert exc.value.code == "too_long"
    assert exc.value.message == "不能超过200个字（当前10000个）"


def test_validate_text_multiline_and_controls() -> None:
    assert validate_text("第一行  \r\n  第二行\n\n", "f", 50, multiline=True) == "第一行\n第二行"
    assert _code(validate_text, "a\x00b", "f", 50) == "control_char"
    assert validate_text("a\tb\x0bc", "f", 50) == "a b c"
    assert _code(validate_text, "a\ud800b", "f", 50) == "control_char"  # lone surrogate
    assert validate_text("a\ufeffb", "f", 50) == "ab"


@settings(max_examples=300)
@given(st.text(max_size=300), st.booleans())
def test_property_validate_text_only_validation_error(text: str, multiline: bool) -> None:
    try:
        value = validate_text(text, "f", 200, multiline=multiline)
    except ValidationError:
        return
    assert len(value) <= 200 and value == value.strip()
    value.encode("utf-8")  # storable


# ------------------------------------------------------------------ phone


@pytest.mark.parametrize(
    "text, expected",
    [
        ("13800138000", "13800138000"),
        ("138 0013 8000", "13800138000"),
        ("138-0013-8000", "13800138000"),
        ("+86 138 0013 8000", "13800138000"),
        ("008613800138000", "13800138000"),
        ("１３８００１３８０００", "13800138000"),
        ("0571-12345678", "0571-12345678"),
        ("057112345678", "0571-12345678"),
        ("(0571)87654321", "0571-87654321"),
        ("（0571）87654321", "0571-87654321"),
        ("010-1234567", "010-1234567"),
        ("021 87654321", "021-87654321"),
        ("0571-12345678转123", "0571-12345678-123"),
        ("0571-12345678-123", "0571-12345678-123"),
        ("0571-12345678 ext 5", "0571-12345678-5"),
        ("0571-12345678#88", "0571-12345678-88"),
        ("", ""),
        (None, ""),
    ],
)
def test_validate_phone(text: str | None, expected: str) -> None:
    assert validate_phone(text, "f") == expected


@pytest.mark.parametrize(
    "text, code",
    [
        ("1380013800", "mobile"),
        ("138001380001", "mobile"),
        ("12345678901", "mobile"),
        ("12345678", "area_code"),
        ("87654321", "area_code"),
        ("0571-0123456", "format"),
        ("abc", "format"),
        ("138a0013800", "format"),
        ("13800138000转1", "extension"),
        ("12345", "mobile"),
    ],
)
def test_validate_phone_rejects(text: str, code: str) -> None:
    assert _code(validate_phone, text, "f") == code


def test_validate_phone_required_and_service_numbers() -> None:
    assert _code(validate_phone, "", "f", required=True) == "required"
    assert validate_phone("12345", "f", allow_service=True) == "12345"
    assert validate_phone("400-123-4567", "f", allow_service=True) == "4001234567"


@settings(max_examples=300)
@given(st.text(max_size=30))
def test_property_validate_phone_only_validation_error(text: str) -> None:
    try:
        validate_phone(text, "f", allow_service=True)
    except ValidationError:
        pass


# ------------------------------------------------------------------ dates


@pytest.mark.parametrize(
    "value",
    [
        "2026-11-24",
        "2026/11/24",
        "2026.11.24",
        "20261124",
        "2026年11月24日",
        "2026-11-24 ",
        "２０２６－１１－２４",
        date(2026, 11, 24),
        datetime(2026, 11, 24, 10, 30),
    ],
)
def test_validate_date(value: object) -> None:
    assert validate_date(value, "f") == date(2026, 11, 24)


def test_validate_date_short_parts() -> None:
    assert validate_date("2026-1-5", "f") == date(2026, 1, 5)


@pytest.mark.parametrize(
    "value, code",
    [
        ("", "required"),
        (None, "required"),
        ("24/11/2026", "format"),
        ("yesterday", "format"),
        ("2026-02-30", "invalid"),
        ("2026-13-01", "invalid"),
        ("0000-01-01", "invalid"),
    ],
)
def test_validate_date_rejects(value: object, code: str) -> None:
    assert _code(validate_date, value, "f") == code


def test_validate_date_bounds() -> None:
    today = date(2026, 11, 24)
    assert validate_date("2026-11-24", "f", not_after=today) == today
    assert _code(validate_date, "2026-11-25", "f", not_after=today) == "too_late"
    assert _code(validate_date, "1899-12-31", "f", not_before=date(1900, 1, 1)) == "too_early"


@given(st.text(max_size=20))
def test_property_validate_date_only_validation_error(text: str) -> None:
    try:
        validate_date(text, "f", not_after=date(2026, 11, 24))
    except ValidationError:
        pass


@given(st.dates())
def test_property_date_round_trip(d: date) -> None:
    assert validate_date(f"{d.year:04d}-{d.month:02d}-{d.day:02d}", "f") == d
