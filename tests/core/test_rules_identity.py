"""Identity documents: GB 11643 resident IDs, permits, no-ID persons, masking."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from stdnum.cn import ric

from desktop_app.core.errors import ValidationError
from desktop_app.core.rules.identity import (
    IdInfo,
    IdType,
    check_char,
    guess_id_type,
    mask_id,
    validate_id,
)

TODAY = date(2026, 11, 24)
WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def reference_check(first17: str) -> str:
    """Check character computed independently of the module, straight from GB 11643."""
    remainder = sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11
    return "10X98765432"[remainder]


def make_id(first17: str) -> str:
    return first17 + reference_check(first17)


def test_known_example_from_the_standard() -> None:
    # GB 11643-1999's own example number.
    assert reference_check("11010519491231002") == "X"
    info = validate_id(IdType.RESIDENT_ID, "11010519491231002X", TODAY)
    assert info == IdInfo(
        IdType.RESIDENT_ID, "11010519491231002X", "女", date(1949, 12, 31), "110105"
    )


@pytest.mark.parametrize(
    "first17, sex, born",
    [
        ("11010519800101001", "男", date(1980, 1, 1)),
        ("44030419951231002", "女", date(1995, 12, 31)),
        ("52262220000229003", "男", date(2000, 2, 29)),
        ("11010519000101004", "女", date(1900, 1, 1)),
        ("13010220261124005", "男", TODAY),
    ],
)
def test_valid_resident_ids(first17: str, sex: str, born: date) -> None:
    number = make_id(first17)
    assert ric.is_valid(
        number
    )  # independent cross-check with python-stdnum (incl. its region table)
    info = validate_id(IdType.RESIDENT_ID, number, TODAY)
    assert (info.normalized, info.sex, info.birth_date, info.region_code) == (
        number,
        sex,
        born,
        first17[:6],
    )


def test_lowercase_x_spaces_and_fullwidth_are_normalised() -> None:
    number = make_id("11010519491231002")
    messy = " " + number[:6] + " " + number[6:14] + "\u3000" + number[14:].lower() + " "
    assert validate_id("RESIDENT_ID", messy, TODAY).normalized == number
    fullwidth = "".join(chr(ord(c) + 0xFEE0) for c in number)
    assert validate_id(IdType.RESIDENT_ID, fullwidth, TODAY).normalized == number


def _code(id_type: IdType | str, number: str | None, **kw) -> str:
    with pytest.raises(ValidationError) as exc:
        validate_id(id_type, number, TODAY, **kw)
    assert exc.value.field in ("id_number", "id_reason", "id_type")
    assert exc.value.message  # always a Chinese message for the GUI
    return exc.value.code


@pytest.mark.parametrize(
    "number, code",
    [
        ("", "required"),
        ("1101051949123100", "length"),
        ("11010519491231002X1", "length"),
        ("110105194912310", "legacy_15"),
        ("1101051949123100A2", "format"),
        (make_id("71010219800101001"), "region"),  # 台湾 71 is not an address code in use
        (make_id("01010219800101001"), "region"),
        (make_id("81000019800101001"), "region"),  # HMT permit typed as resident ID
        (make_id("91234519800101001"), "region"),  # foreigner's card typed as resident ID
        (make_id("11010519490230002"), "birth_date"),  # 30 February
        (make_id("11010519491301002"), "birth_date"),
        (make_id("11010520261125002"), "birth_future"),
        (make_id("11010518991231002"), "birth_too_early"),
        ("110105194912310021", "checksum"),
    ],
)
def test_invalid_resident_ids(number: str, code: str) -> None:
    assert _code(IdType.RESIDENT_ID, number) == code


def test_checksum_message_is_chinese() -> None:
    with pytest.raises(ValidationError) as exc:
        validate_id(IdType.RESIDENT_ID, "110105194912310021", TODAY)
    assert exc.value.message == "身份证号码校验位错误"
    assert exc.value.field == "id_number"


@given(
    st.from_regex(
        r"[1-6][0-9]{5}(19[0-9]{2}|20[01][0-9])(0[1-9]|1[0-2])(0[1-9]|1[0-9]|2[0-8])[0-9]{3}",
        fullmatch=True,
    )
)
def test_property_our_checksum_agrees_with_stdnum(first17: str) -> None:
    number = first17 + check_char(first17)
    assert check_char(first17) == reference_check(first17)
    # stdnum computes it differently (base-13 trick); its is_valid also needs a real region code.
    assert ric.calc_check_digit(first17 + "0") == number[-1]
    info = validate_id(IdType.RESIDENT_ID, number, TODAY)
    assert info.sex == ("男" if int(first17[16]) % 2 else "女")
    # Any other check character is rejected.
    for wrong in "0123456789X":
        if wrong != number[-1]:
            assert _code(IdType.RESIDENT_ID, first17 + wrong) == "checksum"


@settings(max_examples=300)
@given(st.sampled_from(list(IdType)), st.text(max_size=60), st.text(max_size=10))
def test_property_arbitrary_text_only_raises_validation_error(
    id_type: IdType, text: str, reason: str
) -> None:
    try:
        info = validate_id(id_type, text, TODAY, reason=reason)
    except ValidationError:
        return
    assert isinstance(info, IdInfo)
    assert info.id_type is id_type


@pytest.mark.parametrize("prefix", ["810000", "820000", "830000"])
def test_hmt_permit(prefix: str) -> None:
    number = make_id(prefix + "19900515001")
    info = validate_id(IdType.HMT_PERMIT, number, TODAY)
    assert (info.sex, info.birth_date, info.region_code) == ("男", date(1990, 5, 15), prefix)
    assert guess_id_type(number) is IdType.HMT_PERMIT


def _wrong_check(number: str) -> str:
    return number[:-1] + ("0" if number[-1] != "0" else "1")


def test_hmt_permit_rejections() -> None:
    assert _code(IdType.HMT_PERMIT, make_id("11010519900515001")) == "region"
    assert _code(IdType.HMT_PERMIT, _wrong_check(make_id("81000019900515001"))) == "checksum"
    assert _code(IdType.HMT_PERMIT, make_id("82000019901315001")) == "birth_date"
    assert _code(IdType.HMT_PERMIT, "8100001990051500") == "length"


def test_foreign_permanent_residence_card() -> None:
    new = make_id("93315619850720001")
    assert validate_id(IdType.FOREIGN_PR, new, TODAY).normalized == new
    assert guess_id_type(new) is IdType.FOREIGN_PR
    old = validate_id(IdType.FOREIGN_PR, "usa310085072001", TODAY)
    assert old.normalized == "USA310085072001"
    assert old.sex is None and old.birth_date is None
    assert _code(IdType.FOREIGN_PR, make_id("13315619850720001")) == "format"
    assert _code(IdType.FOREIGN_PR, "US1310085072001") == "format"
    assert _code(IdType.FOREIGN_PR, "12345") == "length"
    assert _code(IdType.FOREIGN_PR, _wrong_check(new)) == "checksum"


def test_other_document_is_free_text() -> None:
    assert (
        validate_id(IdType.OTHER, "  军官证   第 123 号 ", TODAY).normalized == "军官证 第 123 号"
    )
    assert _code(IdType.OTHER, "   ") == "required"
    assert _code(IdType.OTHER, "x" * 41) == "too_long"
    assert validate_id(IdType.OTHER, "x" * 40, TODAY).normalized == "x" * 40
    assert _code(IdType.OTHER, "abc\x00") == "invalid_char"


def test_no_id_requires_reason_and_empty_number() -> None:
    info = validate_id(IdType.NONE, "", TODAY, reason=" 流浪乞讨人员 ")
    assert info == IdInfo(IdType.NONE, "", reason="流浪乞讨人员")
    assert validate_id(IdType.NONE, None, TODAY, reason="流浪乞讨人员").normalized == ""
    assert _code(IdType.NONE, "", reason="") == "required"
    assert _code(IdType.NONE, "  ", reason=None) == "required"
    assert _code(IdType.NONE, "110105", reason="流浪乞讨人员") == "must_be_empty"


def test_unknown_id_type() -> None:
    assert _code("PASSPORT", "E12345678") == "unknown"


def test_labels() -> None:
    assert [t.label for t in IdType] == [
        "居民身份证",
        "港澳台居民居住证",
        "外国人永久居留身份证",
        "其他证件",
        "无证件",
    ]
    assert IdType("RESIDENT_ID") is IdType.RESIDENT_ID


def test_today_defaults_to_real_today() -> None:
    assert validate_id(IdType.RESIDENT_ID, "11010519491231002X").birth_date == date(1949, 12, 31)


@pytest.mark.parametrize(
    "number, masked",
    [
        ("110105194912310021", "110105********0021"),
        ("11010519491231002x", "110105********002x"),
        ("USA310085072001", "USA310*****2001"),
        ("12345678901", "123456*8901"),
        ("1234567890", "********90"),
        ("E1234", "***34"),
        ("12", "**"),
        ("", ""),
        (None, ""),
        (" 1101 0519 4912 3100 21 ", "110105********0021"),
    ],
)
def test_mask_id(number: str | None, masked: str) -> None:
    assert mask_id(number) == masked


@given(st.text(max_size=40))
def test_property_mask_keeps_length_and_hides_the_middle(text: str) -> None:
    compact = "".join(text.split())
    masked = mask_id(text)
    assert len(masked) == len(compact)
    if len(compact) >= 11:
        assert masked[6:-4] == "*" * (len(compact) - 10)
    elif compact:
        assert masked[: max(len(compact) - 2, 0)] == "*" * max(len(compact) - 2, 0)


def test_guess_id_type() -> None:
    assert guess_id_type(make_id("11010519491231002")) is IdType.RESIDENT_ID
    assert guess_id_type("hello") is None
    assert guess_id_type(None) is None
