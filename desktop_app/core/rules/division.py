"""统计用区划代码 (12-digit statistical division codes), DOMAIN §6.

Layout: digits 1–6 county (GB/T 2260), 7–9 township, 10–12 village.

* township part: 001–099 街道, 100–199 镇, 200–399 乡, 400–599 乡级单位;
* village part: 001–199 居委会, 200–399 村委会, 400–599 村级单位.

A township's own code has village part ``000``.  Codes are republished yearly
and villages get merged; this module only checks form, validity dates are kept
by the settings.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

from desktop_app.core.errors import ValidationError, ValidationErrors
from desktop_app.core.messages import Message
from desktop_app.core.rules.chars import MIDDLE_DOTS, is_cjk

TOWNSHIP_FIELD = "township_code"
VILLAGE_FIELD = "village_code"
CSV_FIELD = "villages_csv"
VILLAGE_NAME_MAX_LEN = 50
MAX_CSV_ROWS = 10_000

_RE_12 = re.compile(r"[0-9]{12}")


class TownshipKind(str, Enum):
    """Kind of township-level unit, from digits 7–9."""

    SUBDISTRICT = "SUBDISTRICT"
    TOWN = "TOWN"
    TOWNSHIP = "TOWNSHIP"
    OTHER = "OTHER"

    @property
    def label(self) -> str:
        return {"SUBDISTRICT": "街道", "TOWN": "镇", "TOWNSHIP": "乡", "OTHER": "乡级单位"}[
            self.value
        ]


class VillageKind(str, Enum):
    """Kind of village-level unit, from digits 10–12."""

    RESIDENTS = "RESIDENTS"
    VILLAGERS = "VILLAGERS"
    OTHER = "OTHER"

    @property
    def label(self) -> str:
        return {"RESIDENTS": "居委会", "VILLAGERS": "村委会", "OTHER": "村级单位"}[self.value]


@dataclass(frozen=True)
class TownshipCode:
    """A parsed township code (village part ``000``)."""

    code: str
    county_code: str
    township_part: str
    kind: TownshipKind

    @property
    def code9(self) -> str:
        """First 9 digits: county + township (used in document numbers)."""
        return self.code[:9]


@dataclass(frozen=True)
class VillageCode:
    """A parsed village (居/村委会) code."""

    code: str
    township_code: str
    village_part: str
    kind: VillageKind


def township_kind(part: int) -> TownshipKind | None:
    """Kind for a 3-digit township part, ``None`` outside 001–599."""
    if 1 <= part <= 99:
        return TownshipKind.SUBDISTRICT
    if 100 <= part <= 199:
        return TownshipKind.TOWN
    if 200 <= part <= 399:
        return TownshipKind.TOWNSHIP
    if 400 <= part <= 599:
        return TownshipKind.OTHER
    return None


def village_kind(part: int) -> VillageKind | None:
    """Kind for a 3-digit village part, ``None`` outside 001–599."""
    if 1 <= part <= 199:
        return VillageKind.RESIDENTS
    if 200 <= part <= 399:
        return VillageKind.VILLAGERS
    if 400 <= part <= 599:
        return VillageKind.OTHER
    return None


def _normalize_code(code: object) -> str:
    text = unicodedata.normalize("NFKC", "" if code is None else str(code))
    return "".join(text.split())


#: Message keys of the 12-digit checks, per field: required, format, county part.
_CHECK_12_MESSAGE_KEYS: dict[str, tuple[str, str, str]] = {
    TOWNSHIP_FIELD: ("division.township.required", "division.township.format",
                     "division.township.county"),
    VILLAGE_FIELD: ("division.village.required", "division.village.format",
                    "division.village.county"),
}


def _check_12(code: str, field: str) -> None:
    required, format_, county = _CHECK_12_MESSAGE_KEYS[field]
    if not code:
        raise ValidationError(field, "required", key=required)
    if not _RE_12.fullmatch(code):
        raise ValidationError(field, "format", key=format_, params={"code": code[:20]})
    if code[0] not in "123456":
        raise ValidationError(field, "county", key=county)


def validate_township_code(code: object) -> TownshipCode:
    """Validate a 12-digit township code (township part 001–599, village part 000)."""
    text = _normalize_code(code)
    _check_12(text, TOWNSHIP_FIELD)
    kind = township_kind(int(text[6:9]))
    if kind is None:
        raise ValidationError(TOWNSHIP_FIELD, "township_part",
                              key="division.township.township_part")
    if text[9:] != "000":
        raise ValidationError(TOWNSHIP_FIELD, "village_part",
                              key="division.township.village_part")
    return TownshipCode(text, text[:6], text[6:9], kind)


def validate_village_code(code: object, township_code: object) -> VillageCode:
    """Validate a village code belonging to ``township_code`` (same first 9 digits)."""
    township = validate_township_code(township_code)
    text = _normalize_code(code)
    _check_12(text, VILLAGE_FIELD)
    if text[:9] != township.code9:
        raise ValidationError(VILLAGE_FIELD, "other_township",
                              key="division.village.other_township",
                              params={"code9": township.code9})
    kind = village_kind(int(text[9:]))
    if kind is None:
        raise ValidationError(VILLAGE_FIELD, "village_part",
                              key="division.village.village_part")
    return VillageCode(text, township.code, text[9:], kind)


# --------------------------------------------------------------------------- CSV


def _plausible_chinese(text: str) -> bool:
    """True if every non-ASCII character is a CJK ideograph or common CJK/full-width punctuation.

    Short GBK byte strings are often valid UTF-8 as well ("一" in GBK decodes to
    Cyrillic "һ"), so a successful UTF-8 decode alone does not settle the encoding.
    """
    for ch in text:
        if ch.isascii() or is_cjk(ch) or ch in MIDDLE_DOTS:
            continue
        cp = ord(ch)
        if 0x3000 <= cp <= 0x303F or 0xFF00 <= cp <= 0xFFEF or 0x2010 <= cp <= 0x206F:
            continue
        return False
    return True


def _try_decode(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def decode_text(data: bytes | str) -> str:
    """Decode file content: UTF-8 (with or without BOM) or GBK (decoded as GB 18030).

    With a UTF-8 BOM the file is UTF-8.  Otherwise UTF-8 wins unless its result
    looks like mojibake while the GBK reading is plain Chinese.
    """
    if isinstance(data, str):
        return data[1:] if data.startswith("\ufeff") else data
    if data.startswith(b"\xef\xbb\xbf"):
        text = _try_decode(data[3:], "utf-8")
        if text is not None:
            return text
    utf8, gbk = _try_decode(data, "utf-8"), _try_decode(data, "gb18030")
    if utf8 is not None and (
        _plausible_chinese(utf8) or gbk is None or not _plausible_chinese(gbk)
    ):
        return utf8
    if gbk is not None:
        return gbk
    raise ValidationErrors([ValidationError(CSV_FIELD, "encoding", key="division.csv.encoding")])


def _line_error(line: int, code: str, problem: Message | str) -> ValidationError:
    """A problem on line ``line`` of the file (``problem``: the message by key; a plain
    string only for an error raised without a key)."""
    return ValidationError(CSV_FIELD, code, key="division.csv.line",
                           params={"line": line, "problem": problem}, line=line)


def _read_rows(text: str) -> list[tuple[int, list[str]]]:
    """Rows with their 1-based line numbers; blank rows dropped."""
    rows: list[tuple[int, list[str]]] = []
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        for cells in reader:
            if any(cell.strip() for cell in cells):
                rows.append((reader.line_num, cells))
    except csv.Error as exc:
        raise ValidationErrors(
            [_line_error(reader.line_num + 1, "csv",
                         Message("division.csv.syntax", {"error": exc}))]
        ) from None
    return rows


_HEADER_WORDS = ("code", "代码", "编码", "编号", "区划")


def _is_header(cells: list[str]) -> bool:
    """A first row like ``code,name`` / ``代码,名称``: header word and no digit in the code cell."""
    first = cells[0].strip().lower()
    return not any(ch.isdigit() for ch in first) and any(w in first for w in _HEADER_WORDS)


def _check_name(line: int, raw: str) -> tuple[str | None, ValidationError | None]:
    name = " ".join(raw.split())
    if not name:
        return None, _line_error(line, "name_required", Message("division.csv.name_required"))
    if len(name) > VILLAGE_NAME_MAX_LEN:
        return None, _line_error(line, "name_too_long", Message(
            "division.csv.name_too_long", {"max": VILLAGE_NAME_MAX_LEN}))
    if any(unicodedata.category(ch).startswith("C") for ch in name):
        return None, _line_error(line, "name_invalid", Message("division.csv.name_invalid"))
    return name, None


def _check_row(
    line: int, cells: list[str], township_code: str
) -> tuple[tuple[str, str] | None, list[ValidationError]]:
    extra = [c for c in cells[2:] if c.strip()]
    if len(cells) < 2 or extra:
        return None, [_line_error(line, "columns", Message("division.csv.columns"))]
    errors: list[ValidationError] = []
    code: str | None = None
    try:
        code = validate_village_code(cells[0], township_code).code
    except ValidationError as exc:
        errors.append(_line_error(line, exc.code, exc.problem()))
    name, name_error = _check_name(line, cells[1])
    if name_error:
        errors.append(name_error)
    if code is None or name is None:
        return None, errors
    return (code, name), errors


def _find_duplicates(parsed: list[tuple[int, str, str]]) -> list[ValidationError]:
    errors: list[ValidationError] = []
    first_code: dict[str, int] = {}
    first_name: dict[str, int] = {}
    for line, code, name in parsed:
        if code in first_code:
            errors.append(_line_error(line, "duplicate_code", Message(
                "division.csv.duplicate_code", {"code": code, "first": first_code[code]})))
        else:
            first_code[code] = line
        if name in first_name:
            errors.append(_line_error(line, "duplicate_name", Message(
                "division.csv.duplicate_name", {"name": name, "first": first_name[name]})))
        else:
            first_name[name] = line
    return errors


def parse_villages_csv(data: bytes | str, township_code: object) -> list[tuple[str, str]]:
    """Parse a ``code,name`` CSV of the township's villages.

    Accepts UTF-8 (with or without BOM) or GBK bytes, or already-decoded text; an
    optional header row; blank lines are ignored.  Every problem is collected with
    its line number (bad codes, codes of another township, missing or long names,
    duplicate codes, duplicate names) and raised together as
    :class:`ValidationErrors` — nothing is returned partially.

    :returns: ``[(code12, name), ...]`` in file order.
    """
    township = validate_township_code(township_code)
    rows = _read_rows(decode_text(data))
    if rows and _is_header(rows[0][1]):
        rows = rows[1:]
    if not rows:
        raise ValidationErrors([ValidationError(CSV_FIELD, "empty", key="division.csv.empty")])
    if len(rows) > MAX_CSV_ROWS:
        raise ValidationErrors([ValidationError(CSV_FIELD, "too_many", key="division.csv.too_many",
                                                params={"rows": len(rows), "max": MAX_CSV_ROWS})])
    errors: list[ValidationError] = []
    parsed: list[tuple[int, str, str]] = []
    for line, cells in rows:
        result, row_errors = _check_row(line, cells, township.code)
        errors.extend(row_errors)
        if result is not None:
            parsed.append((line, *result))
    errors.extend(_find_duplicates(parsed))
    if errors:
        errors.sort(key=lambda e: e.line or 0)
        raise ValidationErrors(errors)
    return [(code, name) for _, code, name in parsed]
