"""统计用区划代码: township and village codes, village CSV import."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop_app.core.errors import ValidationError, ValidationErrors
from desktop_app.core.rules.division import (
    TownshipKind,
    VillageKind,
    parse_villages_csv,
    validate_township_code,
    validate_village_code,
)

TOWNSHIP = "330102101000"


@pytest.mark.parametrize(
    "code, kind, label",
    [
        ("330102001000", TownshipKind.SUBDISTRICT, "街道"),
        ("330102099000", TownshipKind.SUBDISTRICT, "街道"),
        ("330102100000", TownshipKind.TOWN, "镇"),
        ("330102199000", TownshipKind.TOWN, "镇"),
        ("330102200000", TownshipKind.TOWNSHIP, "乡"),
        ("330102399000", TownshipKind.TOWNSHIP, "乡"),
        ("330102400000", TownshipKind.OTHER, "乡级单位"),
        ("330102599000", TownshipKind.OTHER, "乡级单位"),
    ],
)
def test_township_kinds(code: str, kind: TownshipKind, label: str) -> None:
    info = validate_township_code(code)
    assert info.kind is kind and info.kind.label == label
    assert (info.code, info.county_code, info.township_part, info.code9) == (
        code,
        code[:6],
        code[6:9],
        code[:9],
    )


def test_township_code_is_normalised() -> None:
    assert validate_township_code(" ３３０１０２１０１０００ ").code == TOWNSHIP


@pytest.mark.parametrize(
    "code, error",
    [
        ("", "required"),
        (None, "required"),
        ("33010210100", "format"),
        ("3301021010000", "format"),
        ("33010210100a", "format"),
        ("030102101000", "county"),
        ("730102101000", "county"),
        ("330102000000", "township_part"),
        ("330102600000", "township_part"),
        ("330102999000", "township_part"),
        ("330102101001", "village_part"),
        ("330102101200", "village_part"),
    ],
)
def test_invalid_township_codes(code: str | None, error: str) -> None:
    with pytest.raises(ValidationError) as exc:
        validate_township_code(code)
    assert exc.value.code == error and exc.value.field == "township_code"


@pytest.mark.parametrize(
    "part, kind, label",
    [
        ("001", VillageKind.RESIDENTS, "居委会"),
        ("199", VillageKind.RESIDENTS, "居委会"),
        ("200", VillageKind.VILLAGERS, "村委会"),
        ("399", VillageKind.VILLAGERS, "村委会"),
        ("400", VillageKind.OTHER, "村级单位"),
        ("599", VillageKind.OTHER, "村级单位"),
    ],
)
def test_village_kinds(part: str, kind: VillageKind, label: str) -> None:
    info = validate_village_code("330102101" + part, TOWNSHIP)
    assert info.kind is kind and info.kind.label == label
    assert info.township_code == TOWNSHIP and info.village_part == part


@pytest.mark.parametrize(
    "code, error",
    [
        ("330102101000", "village_part"),
        ("330102101600", "village_part"),
        ("330102102201", "other_township"),
        ("330103101201", "other_township"),
        ("3301021012", "format"),
        ("", "required"),
    ],
)
def test_invalid_village_codes(code: str, error: str) -> None:
    with pytest.raises(ValidationError) as exc:
        validate_village_code(code, TOWNSHIP)
    assert exc.value.code == error and exc.value.field == "village_code"


def test_village_check_validates_the_township_too() -> None:
    with pytest.raises(ValidationError) as exc:
        validate_village_code("330102101201", "330102101201")
    assert exc.value.field == "township_code"


@settings(max_examples=200)
@given(st.text(max_size=20), st.text(max_size=20))
def test_property_codes_never_crash(a: str, b: str) -> None:
    for call in (
        lambda: validate_township_code(a),
        lambda: validate_village_code(a, TOWNSHIP),
        lambda: validate_village_code(a, b),
    ):
        try:
            call()
        except ValidationError:
            pass


@given(st.integers(1, 599), st.integers(1, 599))
def test_property_all_in_range_codes_valid(t: int, v: int) -> None:
    township = f"330102{t:03d}000"
    assert validate_township_code(township).code == township
    assert validate_village_code(f"330102{t:03d}{v:03d}", township).code.endswith(f"{v:03d}")


# ------------------------------------------------------------------ CSV

GOOD = "330102101201,东村村委会\n330102101202,西村村委会\n330102101001,城关社区居委会\n"
EXPECTED = [
    ("330102101201", "东村村委会"),
    ("330102101202", "西村村委会"),
    ("330102101001", "城关社区居委会"),
]


def test_csv_plain_utf8_text() -> None:
    assert parse_villages_csv(GOOD, TOWNSHIP) == EXPECTED


@pytest.mark.parametrize(
    "data",
    [
        GOOD.encode("utf-8"),
        b"\xef\xbb\xbf" + GOOD.encode("utf-8"),
        GOOD.encode("gbk"),
        ("\ufeff" + GOOD),
        ("代码,名称\r\n" + GOOD.replace("\n", "\r\n")).encode("gbk"),
        ("code,name\n\n" + GOOD.replace("\n", "\n\n")).encode("utf-8-sig"),
        ("统计用区划代码,村（居）委会名称\n" + GOOD),
        GOOD.replace(",", ", ").replace("\n", ",,\n"),  # Excel's trailing empty columns
        '"330102101201","东村村委会"\n330102101202,西村村委会\n330102101001,城关社区居委会',
    ],
)
def test_csv_encodings_headers_blank_lines(data: bytes | str) -> None:
    assert parse_villages_csv(data, TOWNSHIP) == EXPECTED


def _errors(data: bytes | str) -> list[ValidationError]:
    with pytest.raises(ValidationErrors) as exc:
        parse_villages_csv(data, TOWNSHIP)
    assert all(e.field == "villages_csv" for e in exc.value.errors)
    return exc.value.errors


def test_csv_reports_every_problem_with_line_numbers_and_nothing_partial() -> None:
    text = "\n".join(
        [
            "代码,名称",  # 1 header
            "330102101201,东村村委会",  # 2 ok
            "330102101201,南村村委会",  # 3 duplicate code
            "330102101203,东村村委会",  # 4 duplicate name
            "330102102204,外乡村",  # 5 other township
            "33010210120,短码村",  # 6 bad code
            "330102101205,",  # 7 missing name
            "330102101206",  # 8 one column
            "",  # 9 blank: ignored
            "330102101207,甲,乙",  # 10 three columns
            "330102101000,乡本级",  # 11 village part 000
        ]
    )
    errors = _errors(text)
    assert [(e.line, e.code) for e in errors] == [
        (3, "duplicate_code"),
        (4, "duplicate_name"),
        (5, "other_township"),
        (6, "format"),
        (7, "name_required"),
        (8, "columns"),
        (10, "columns"),
        (11, "village_part"),
    ]
    assert errors[0].message == "第3行：代码330102101201与第2行重复"
    assert "第4行" in errors[1].message and "第2行" in errors[1].message


def test_csv_empty_and_header_only() -> None:
    assert [e.code for e in _errors("")] == ["empty"]
    assert [e.code for e in _errors("\n\n  \n")] == ["empty"]
    assert [e.code for e in _errors("代码,名称\n")] == ["empty"]


def test_csv_garbage_first_line_is_an_error_not_a_header() -> None:
    errors = _errors("abc,东村\n330102101202,西村\n")
    assert [(e.line, e.code) for e in errors] == [(1, "format")]


def test_csv_undecodable_bytes() -> None:
    errors = _errors(b"\xff\xfe\xfa\x00\x81")
    assert errors[0].code in ("encoding", "format", "columns")


def test_csv_name_too_long() -> None:
    assert [e.code for e in _errors("330102101201," + "村" * 51)] == ["name_too_long"]


def test_csv_checks_township_code_first() -> None:
    with pytest.raises(ValidationError):
        parse_villages_csv(GOOD, "bad")


@settings(max_examples=200)
@given(st.one_of(st.text(max_size=200), st.binary(max_size=200)))
def test_property_csv_never_crashes(data: str | bytes) -> None:
    try:
        rows = parse_villages_csv(data, TOWNSHIP)
    except ValidationErrors as exc:
        assert exc.errors
    else:
        assert rows and all(code.startswith("330102101") for code, _ in rows)


@given(
    st.lists(
        st.tuples(
            st.integers(1, 599),
            st.text(alphabet="东西南北中上下村社区委会居一二三", min_size=1, max_size=10),
        ),
        min_size=1,
        max_size=30,
        unique_by=(lambda r: r[0], lambda r: r[1]),
    )
)
def test_property_csv_round_trip(rows: list[tuple[int, str]]) -> None:
    expected = [(f"330102101{v:03d}", name) for v, name in rows]
    text = "\n".join(f"{code},{name}" for code, name in expected)
    assert parse_villages_csv(text.encode("gbk"), TOWNSHIP) == expected


@pytest.mark.parametrize("name", ["一", "东村", "西村村委会", "城关社区居委会", "白云·山村"])
@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
def test_csv_short_gbk_that_is_also_valid_utf8(name: str, encoding: str) -> None:
    # "一" in GBK is D2 BB, which is valid UTF-8 (Cyrillic "һ"): must still read as GBK.
    data = f"330102101201,{name}\n".encode(encoding)
    assert parse_villages_csv(data, TOWNSHIP) == [("330102101201", name)]
