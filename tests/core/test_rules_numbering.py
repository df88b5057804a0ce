"""Document numbers: 330102101-20261124-0001."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.errors import ValidationError
from desktop_app.core.rules.numbering import (
    EMERGENCY,
    REFERRAL,
    RESULT_NOTICE,
    DocumentNumber,
    filing_month,
    format_number,
    handover_list_number,
    next_suffixed_number,
    parse_number,
    suffixed_number,
)


def test_format() -> None:
    assert format_number("330102101000", date(2026, 11, 24), 1) == "330102101-20261124-0001"
    assert format_number("330102101000", date(2026, 11, 24), 9999) == "330102101-20261124-9999"
    assert format_number("330102101000", date(2026, 11, 24), 10000) == "330102101-20261124-10000"
    assert format_number("330102101000", date(5, 1, 2), 7) == "330102101-00050102-0007"


@pytest.mark.parametrize("seq", [0, -1, True, 1.0, 10**9])
def test_format_rejects_bad_sequence(seq: object) -> None:
    with pytest.raises(ValueError):
        format_number("330102101000", date(2026, 11, 24), seq)  # type: ignore[arg-type]


def test_format_rejects_bad_township() -> None:
    with pytest.raises(ValidationError):
        format_number("330102101201", date(2026, 11, 24), 1)


def test_parse() -> None:
    parsed = parse_number("330102101-20261124-0001")
    assert parsed == ("330102101", date(2026, 11, 24), 1)
    code9, day, seq = parsed
    assert (code9, day, seq) == ("330102101", date(2026, 11, 24), 1)
    assert isinstance(parsed, DocumentNumber) and str(parsed) == "330102101-20261124-0001"
    assert parse_number(" ３３０１０２１０１－２０２６１１２４－００１２ ").seq == 12
    assert parse_number("330102101-20261124-10000").seq == 10000


@pytest.mark.parametrize(
    "text",
    [
        "",
        None,
        "junk",
        "330102101-20261124-001",  # 3-digit sequence
        "330102101-20261124-0000",  # zero
        "330102101-20261124-01234",  # non-canonical wide sequence
        "330102101-20260230-0001",  # no such day
        "330102000-20261124-0001",  # township part 000
        "330102600-20261124-0001",
        "030102101-20261124-0001",
        "33010210-20261124-0001",
        "330102101-2026112-0001",
        "330102101_20261124_0001",
        "330102101-20261124-0001-1",
    ],
)
def test_parse_rejects(text: str | None) -> None:
    with pytest.raises(ValidationError) as exc:
        parse_number(text)
    assert exc.value.field == "number" and exc.value.code == "format"


@given(
    st.integers(1, 599),
    st.dates(),
    st.integers(1, 10**9 - 1),
)
def test_property_round_trip(township: int, day: date, seq: int) -> None:
    code12 = f"330102{township:03d}000"
    text = format_number(code12, day, seq)
    assert parse_number(text) == (code12[:9], day, seq)


@given(st.text(max_size=40))
def test_property_parse_junk_only_validation_error(text: str) -> None:
    try:
        parse_number(text)
    except ValidationError:
        pass


# -- numbers derived from a receipt number, and the day's handover list --------------------
def test_suffixed_numbers() -> None:
    receipt = "330102101-20261124-0001"
    assert suffixed_number(receipt, REFERRAL, 1) == "330102101-20261124-0001-Z1"
    assert suffixed_number(receipt, RESULT_NOTICE, 12) == "330102101-20261124-0001-G12"
    assert suffixed_number(receipt, EMERGENCY, 1) == "330102101-20261124-0001-J1"
    for bad in (0, -1, True):
        with pytest.raises(ValueError):
            suffixed_number(receipt, REFERRAL, bad)
    with pytest.raises(ValueError):
        suffixed_number(receipt, "X", 1)
    assert next_suffixed_number(receipt, REFERRAL, []) == f"{receipt}-Z1"
    used = [f"{receipt}-Z1", f"{receipt}-Z3", f"{receipt}-G7", f"{receipt}-J9", f"{receipt}-Zx"]
    assert next_suffixed_number(receipt, REFERRAL, used) == f"{receipt}-Z4"
    assert next_suffixed_number(receipt, RESULT_NOTICE, used) == f"{receipt}-G8"
    assert next_suffixed_number(receipt, EMERGENCY, iter(used)) == f"{receipt}-J10"


def test_handover_list_number() -> None:
    day = date(2026, 11, 24)
    assert handover_list_number("330102101000", day, 1) == "330102101-20261124-QD01"
    assert handover_list_number("330102101000", day, 3) == "330102101-20261124-QD03"
    assert handover_list_number("330102101000", day, 100) == "330102101-20261124-QD100"
    with pytest.raises(ValueError):
        handover_list_number("330102101000", day, 0)
    with pytest.raises(ValidationError):
        handover_list_number("330102101201", day, 1)


def test_filing_month() -> None:
    assert filing_month("330102101-20261124-0001", "misc") == "202611"
    assert filing_month("330102101-20261124-0001-Z2", "misc") == "202611"
    assert filing_month("330102101-20261124-QD01", "misc") == "202611"
    assert filing_month("no number", "misc") == "misc" == filing_month("a-b-c-d-e", "misc")


# -- issue 13: the forms and lists of the 审核确认 procedure ---------------------------------
def test_procedure_form_suffixes() -> None:
    from desktop_app.core.rules.numbering import DECISION_FORM, EXTENSION_NOTICE, VISIT_FORM

    receipt = "330102101-20261124-0001"
    assert suffixed_number(receipt, VISIT_FORM, 1) == f"{receipt}-D1"
    assert suffixed_number(receipt, DECISION_FORM, 2) == f"{receipt}-S2"
    assert next_suffixed_number(receipt, EXTENSION_NOTICE, [f"{receipt}-Y1", f"{receipt}-S4"]) \
        == f"{receipt}-Y2"
    assert len({VISIT_FORM, DECISION_FORM, EXTENSION_NOTICE, REFERRAL, RESULT_NOTICE,
                EMERGENCY}) == 6


def test_list_numbers_of_the_procedure() -> None:
    from desktop_app.core.rules.numbering import list_number

    day = date(2026, 12, 4)
    assert list_number("330102101000", "GS", day, 1) == "330102101-GS-20261204-1"
    assert list_number("330102101000", "SB", day, 12) == "330102101-SB-20261204-12"
    for bad in (0, -3, True):
        with pytest.raises(ValueError):
            list_number("330102101000", "GS", day, bad)
    with pytest.raises(ValueError):
        list_number("330102101000", "QD", day, 1)
    with pytest.raises(ValidationError):
        list_number("330102101201", "GS", day, 1)
    # filed under the month of their day, like every number
    assert filing_month("330102101-GS-20261204-1", "misc") == "202612"
    assert filing_month("330102101-SB-20270105-3", "misc") == "202701"
