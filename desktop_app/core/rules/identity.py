"""Identity documents: types, validation and masking (DOMAIN §6).

Supported documents (:class:`IdType`):

* 居民身份证 — GB 11643-1999: 6-digit address code + birth date ``YYYYMMDD`` +
  3-digit sequence (17th digit odd = 男, even = 女) + ISO 7064 MOD 11-2 check
  character.
* 港澳台居民居住证 — same structure, address code 810000 / 820000 / 830000.
* 外国人永久居留身份证 — 2023 format: 18 characters, first digit ``9``, same check
  character; the old (2017) format is 3 Latin letters + 12 digits.
* 其他证件 — free text, 1–40 characters.
* 无证件 — the number must be empty and a reason (e.g. 流浪乞讨人员) is required.
  An identity is never invented for such a person.

All problems are reported as :class:`~desktop_app.core.errors.ValidationError`
with ``field="id_number"`` (or ``field="id_reason"`` for the no-ID reason).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from enum import Enum

from desktop_app.core.errors import ValidationError
from desktop_app.core.rules.chars import is_forbidden_control
from sync_contract.text import canonical_id_number

FIELD = "id_number"
REASON_FIELD = "id_reason"

#: ISO 7064 MOD 11-2 weights for the first 17 digits.
WEIGHTS: tuple[int, ...] = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
#: Check character for each remainder 0..10.
CHECK_CHARS = "10X98765432"

HMT_PREFIXES: dict[str, str] = {"810000": "香港", "820000": "澳门", "830000": "台湾"}
MIN_BIRTH_YEAR = 1900
OTHER_MAX_LEN = 40
REASON_MAX_LEN = 100

_RE_18 = re.compile(r"[0-9]{17}[0-9X]")
_RE_FOREIGN_OLD = re.compile(r"[A-Z]{3}[0-9]{12}")


class IdType(str, Enum):
    """Kind of identity document; the value is the stable code stored in data."""

    RESIDENT_ID = "RESIDENT_ID"
    HMT_PERMIT = "HMT_PERMIT"
    FOREIGN_PR = "FOREIGN_PR"
    OTHER = "OTHER"
    NONE = "NONE"

    @property
    def label(self) -> str:
        """Chinese name shown to the clerk."""
        return _LABELS[self]


_LABELS: dict[IdType, str] = {
    IdType.RESIDENT_ID: "居民身份证",
    IdType.HMT_PERMIT: "港澳台居民居住证",
    IdType.FOREIGN_PR: "外国人永久居留身份证",
    IdType.OTHER: "其他证件",
    IdType.NONE: "无证件",
}


@dataclass(frozen=True)
class IdInfo:
    """Result of a successful validation.

    ``normalized`` is what to store (upper-case, no spaces); ``sex`` is ``"男"`` /
    ``"女"`` and ``birth_date``/``region_code`` are set where the number encodes
    them.  ``reason`` is the no-ID reason for :attr:`IdType.NONE`.
    """

    id_type: IdType
    normalized: str
    sex: str | None = None
    birth_date: date | None = None
    region_code: str | None = None
    reason: str | None = None


def _fail(code: str, *, key: str, params: dict[str, object] | None = None,
          field: str = FIELD) -> ValidationError:
    return ValidationError(field, code, key=key, params=params)


#: Message keys of the 18-character checks, per document kind: length, format, checksum.
_CHECK_18_MESSAGE_KEYS: dict[str, tuple[str, str, str]] = {
    "resident": ("id.resident.length", "id.resident.format", "id.resident.checksum"),
    "hmt": ("id.hmt.length", "id.hmt.format", "id.hmt.checksum"),
    "foreign": ("id.foreign.length", "id.foreign.format", "id.foreign.checksum"),
}


def check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character for 17 digits (``"0"``–``"9"`` or ``"X"``)."""
    if len(first17) != 17 or not first17.isascii() or not first17.isdigit():
        raise ValueError("check_char needs exactly 17 ASCII digits")
    total = sum(int(ch) * w for ch, w in zip(first17, WEIGHTS, strict=True))
    return CHECK_CHARS[total % 11]


def normalize_number(number: str | None) -> str:
    """Canonical form of a typed number — what is stored and searched: NFKC (full-width
    → ASCII), no whitespace, zero-width characters or hyphens/dashes
    (``"110105-19491231-0021"`` is the 18-character number), upper-case
    (:func:`sync_contract.text.canonical_id_number`)."""
    if number is None:
        return ""
    return canonical_id_number(str(number))


def _parse_birth(digits: str, today: date) -> date:
    """Birth date from ``YYYYMMDD``: must exist, not be in the future, not before 1900."""
    try:
        born = date(int(digits[0:4]), int(digits[4:6]), int(digits[6:8]))
    except ValueError:
        raise _fail("birth_date", key="id.birth_invalid",
                    params={"year": digits[0:4], "month": digits[4:6], "day": digits[6:8]}) from None
    if born > today:
        raise _fail("birth_future", key="id.birth_future")
    if born.year < MIN_BIRTH_YEAR:
        raise _fail("birth_too_early", key="id.birth_too_early", params={"year": MIN_BIRTH_YEAR})
    return born


def _check_18(number: str, kind: str) -> None:
    """Length, character set and check character of an 18-character number."""
    if len(number) != 18:
        raise _fail("length", key=_CHECK_18_MESSAGE_KEYS[kind][0], params={"length": len(number)})
    if not _RE_18.fullmatch(number):
        raise _fail("format", key=_CHECK_18_MESSAGE_KEYS[kind][1])


def _verify_checksum(number: str, kind: str) -> None:
    if check_char(number[:17]) != number[17]:
        raise _fail("checksum", key=_CHECK_18_MESSAGE_KEYS[kind][2])


def _sex_from(number: str) -> str:
    return "男" if int(number[16]) % 2 == 1 else "女"


def _validate_resident(number: str, today: date) -> IdInfo:
    kind = "resident"
    if len(number) == 15 and number.isdigit():
        raise _fail("legacy_15", key="id.resident.legacy_15")
    _check_18(number, kind)
    first = number[0]
    if first == "8" and number[:6] in HMT_PREFIXES:
        raise _fail("region", key="id.resident.is_hmt")
    if first == "9":
        raise _fail("region", key="id.resident.is_foreign")
    if first not in "123456":
        raise _fail("region", key="id.resident.region")
    born = _parse_birth(number[6:14], today)
    _verify_checksum(number, kind)
    return IdInfo(IdType.RESIDENT_ID, number, _sex_from(number), born, number[:6])


def _validate_hmt(number: str, today: date) -> IdInfo:
    kind = "hmt"
    _check_18(number, kind)
    if number[:6] not in HMT_PREFIXES:
        raise _fail("region", key="id.hmt.region")
    born = _parse_birth(number[6:14], today)
    _verify_checksum(number, kind)
    return IdInfo(IdType.HMT_PERMIT, number, _sex_from(number), born, number[:6])


def _validate_foreign(number: str, today: date) -> IdInfo:
    kind = "foreign"
    if len(number) == 15:
        if not _RE_FOREIGN_OLD.fullmatch(number):
            raise _fail("format", key="id.foreign.old_format")
        return IdInfo(IdType.FOREIGN_PR, number)
    if len(number) != 18:
        raise _fail("length", key="id.foreign.old_or_new_length", params={"length": len(number)})
    _check_18(number, kind)
    if number[0] != "9":
        raise _fail("format", key="id.foreign.new_prefix")
    _verify_checksum(number, kind)
    return IdInfo(IdType.FOREIGN_PR, number)


def _clean_free_text(text: str | None) -> str:
    """Trim and collapse whitespace; control characters are rejected by the caller."""
    return " ".join(("" if text is None else str(text)).split())


def _has_control(text: str) -> bool:
    return any(is_forbidden_control(ch) for ch in text)


def _validate_other(number: str | None) -> IdInfo:
    text = _clean_free_text(number)
    if not text:
        raise _fail("required", key="id.required")
    if len(text) > OTHER_MAX_LEN:
        raise _fail("too_long", key="id.other.too_long",
                    params={"max": OTHER_MAX_LEN, "length": len(text)})
    if _has_control(text):
        raise _fail("invalid_char", key="id.other.invalid_char")
    return IdInfo(IdType.OTHER, text)


def _validate_none(number: str | None, reason: str | None) -> IdInfo:
    if normalize_number(number):
        raise _fail("must_be_empty", key="id.none.must_be_empty")
    text = _clean_free_text(reason)
    if not text:
        raise _fail("required", key="id_reason.required", field=REASON_FIELD)
    if len(text) > REASON_MAX_LEN:
        raise _fail("too_long", key="id_reason.too_long", params={"max": REASON_MAX_LEN},
                    field=REASON_FIELD)
    if _has_control(text):
        raise _fail("invalid_char", key="id_reason.invalid_char", field=REASON_FIELD)
    return IdInfo(IdType.NONE, "", reason=text)


def coerce_id_type(id_type: IdType | str) -> IdType:
    """Accept an :class:`IdType` or its stored code; unknown codes raise ValidationError."""
    if isinstance(id_type, IdType):
        return id_type
    try:
        return IdType(str(id_type))
    except ValueError:
        raise ValidationError("id_type", "unknown", key="id_type.unknown") from None


def validate_id(
    id_type: IdType | str,
    number: str | None,
    today: date | None = None,
    *,
    reason: str | None = None,
) -> IdInfo:
    """Validate and normalise an identity document number.

    :param id_type: the document kind chosen by the clerk.
    :param number: the number as typed (spaces, hyphens, full-width digits and
        lower-case ``x`` are accepted).
    :param today: the reference date for "birth date not in the future"
        (defaults to :func:`date.today`; pass it explicitly in services and tests).
    :param reason: required for :attr:`IdType.NONE` (why the person has no ID).
    :raises ValidationError: ``field="id_number"`` (``"id_reason"`` for the reason).
    """
    kind = coerce_id_type(id_type)
    ref = today if today is not None else date.today()
    if kind is IdType.OTHER:
        return _validate_other(number)
    if kind is IdType.NONE:
        return _validate_none(number, reason)
    normalized = normalize_number(number)
    if not normalized:
        raise _fail("required", key="id.required")
    if kind is IdType.RESIDENT_ID:
        return _validate_resident(normalized, ref)
    if kind is IdType.HMT_PERMIT:
        return _validate_hmt(normalized, ref)
    return _validate_foreign(normalized, ref)


def guess_id_type(number: str | None) -> IdType | None:
    """Best guess of the document kind from the number alone (for pre-filling a form)."""
    text = normalize_number(number)
    if len(text) == 18 and _RE_18.fullmatch(text):
        if text[:6] in HMT_PREFIXES:
            return IdType.HMT_PERMIT
        if text[0] == "9":
            return IdType.FOREIGN_PR
        if text[0] in "123456":
            return IdType.RESIDENT_ID
    if len(text) == 15 and _RE_FOREIGN_OLD.fullmatch(text):
        return IdType.FOREIGN_PR
    return None


def mask_id(number: str | None) -> str:
    """Mask a number for printing on the applicant's copy or showing in lists.

    Keeps the first 6 and the last 4 characters (``"110105********0021"``);
    numbers shorter than 11 characters keep only their last 2 (1–2 characters:
    all masked).  Whitespace is removed first; an empty number gives ``""``.
    """
    text = "".join((number or "").split())
    if not text:
        return ""
    if len(text) >= 11:
        return text[:6] + "*" * (len(text) - 10) + text[-4:]
    if len(text) <= 2:
        return "*" * len(text)
    return "*" * (len(text) - 2) + text[-2:]
