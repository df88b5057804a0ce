"""Field-level value rules: money, names, free text, phone numbers, dates.

Every validator takes the GUI ``field`` name and raises
:class:`~desktop_app.core.errors.ValidationError` with a message key (its Chinese
text: ``desktop_app/core/messages.py``); none
raises anything else on arbitrary text.  Money is handled as integer fen (分)
throughout — never floats.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal

from desktop_app.core.errors import ValidationError
from desktop_app.core.rules.chars import MIDDLE_DOT, ZERO_WIDTH, is_cjk, is_forbidden_control
from sync_contract.text import canonical_name

MAX_AMOUNT_YUAN = 100_000_000
NAME_MAX_LEN = 30
ADDRESS_MAX_LEN = 200

# ----------------------------------------------------------------------- money

_RE_AMOUNT = re.compile(r"(?P<int>[1-9][0-9]{0,2}(?:,[0-9]{3})+|[0-9]*)(?:\.(?P<frac>[0-9]*))?")
_CURRENCY_MARKS = ("¥", "￥", "元", "RMB", "CNY")


def _strip_currency(text: str) -> str:
    for mark in _CURRENCY_MARKS:
        if text.startswith(mark):
            text = text[len(mark) :]
        if text.endswith(mark):
            text = text[: -len(mark)]
    return text


def _amount_text(text: object) -> str:
    raw = "" if text is None else str(text)
    folded = unicodedata.normalize("NFKC", raw).upper()
    return _strip_currency("".join(folded.split()))


def parse_amount(
    text: object,
    field: str,
    *,
    allow_empty: bool = False,
    max_yuan: int = MAX_AMOUNT_YUAN,
) -> int:
    """Parse a yuan amount into integer fen.

    Accepts ``"1,234.56"``, full-width digits (``"１２３"``), a ``¥``/``元`` mark and
    spaces.  ``""`` gives 0 when ``allow_empty``.  Rejects negative values,
    non-numbers, more than 2 decimals and more than ``max_yuan`` yuan.
    """
    body = _amount_text(text)
    if not body:
        if allow_empty:
            return 0
        raise ValidationError(field, "required", key="amount.required")
    if body[0] in "-−":
        raise ValidationError(field, "negative", key="amount.negative")
    if body[0] == "+":
        body = body[1:]
    match = _RE_AMOUNT.fullmatch(body)
    if not match or not any(ch.isdigit() for ch in body):
        raise ValidationError(field, "format", key="amount.format")
    whole = match["int"].replace(",", "") or "0"
    frac = match["frac"] or ""
    if len(frac) > 2:
        raise ValidationError(field, "decimals", key="amount.decimals")
    too_large = ValidationError(field, "too_large", key="amount.too_large",
                                params={"max": format_yuan(max_yuan * 100)})
    if len(whole.lstrip("0")) > 15:
        raise too_large
    fen = int(whole) * 100 + int(frac.ljust(2, "0"))
    if fen > max_yuan * 100:
        raise too_large
    return fen


def format_yuan(fen: int, *, drop_zero_cents: bool = False, grouping: bool = True) -> str:
    """Fen to a yuan string: ``123456`` → ``"1,234.56"``.

    ``drop_zero_cents`` leaves out ``.00`` (``42000`` → ``"420"``, ``42050`` →
    ``"420.50"``), as sentences and editable fields show amounts; ``grouping=False``
    leaves out the thousands separators (what an edit field shows; :func:`parse_amount`
    reads every form back).
    """
    sign = "-" if fen < 0 else ""
    yuan, cents = divmod(abs(int(fen)), 100)
    whole = f"{yuan:,}" if grouping else str(yuan)
    if drop_zero_cents and cents == 0:
        return f"{sign}{whole}"
    return f"{sign}{whole}.{cents:02d}"


def live_yuan(text: str) -> Decimal | None:
    """A yuan amount while it is being typed (the live totals): the saved value's own
    parser, :func:`parse_amount`, so the total and the save agree on every text
    ("1200元" counts and saves, "1e9" is refused by both — issue 14).

    ``""`` → 0; ``None`` for anything the save would refuse.
    """
    try:
        fen = parse_amount(text, "amount", allow_empty=True)
    except ValidationError:
        return None
    return Decimal(fen) / 100


def per_capita_monthly(total_monthly_fen: int, members: int) -> int:
    """Household monthly income per member in fen, rounded half-up to the fen.

    :raises ValidationError: ``field="members"`` if ``members < 1``.
    """
    if isinstance(members, bool) or not isinstance(members, int) or members < 1:
        raise ValidationError("members", "invalid", key="members.too_few")
    exact = Decimal(int(total_monthly_fen)) / Decimal(members)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


# ----------------------------------------------------------------------- text


def _clean_chars(text: str, field: str) -> str:
    """Drop zero-width characters; reject control characters other than whitespace.

    Whitespace (newlines, tabs …) is kept here and normalised by the caller.
    """
    out = []
    for ch in text:
        if ch in ZERO_WIDTH:
            continue
        if is_forbidden_control(ch) and not ch.isspace():
            raise ValidationError(field, "control_char", key="text.control_char")
        out.append(ch)
    return "".join(out)


def nfc(text: str) -> str:
    """``text`` in Unicode NFC (composed), the form the sync contract requires
    (``sync_contract/text.py``): what the window stores is normalised silently — a
    decomposed "é" or a CJK compatibility ideograph pasted from elsewhere looks the
    same to the clerk, and the county would refuse the package otherwise."""
    return unicodedata.normalize("NFC", text)


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch).startswith("M")


def _check_line_starts(text: str, field: str) -> None:
    """A combining mark alone at the start of the text (or of a line) has nothing to
    sit on: refused (the sync contract refuses it too), never silently dropped."""
    if any(line and _is_mark(line[0]) for line in text.split("\n")):
        raise ValidationError(field, "combining_start", key="text.combining_start")


def _collapse_lines(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return "\n".join(lines).strip()


def validate_text(
    text: object,
    field: str,
    max_len: int = ADDRESS_MAX_LEN,
    required: bool = False,
    *,
    multiline: bool = False,
) -> str:
    """Trim and check free text (addresses, notes).

    Single-line text has all whitespace runs (incl. newlines) collapsed to one
    space; ``multiline`` keeps line breaks.  Zero-width characters are dropped,
    other control characters (and lone surrogates) rejected, the text normalised to
    NFC; a combining mark alone at the start is rejected.  Returns ``""`` for empty
    optional text.  The result follows the sync contract's text rule.
    """
    raw = "" if text is None else str(text)
    raw = raw.replace("\r\n", "\n").replace("\r", "\n")
    cleaned = _clean_chars(raw, field)
    value = nfc(_collapse_lines(cleaned) if multiline else " ".join(cleaned.split()))
    _check_line_starts(value, field)
    if not value:
        if required:
            raise ValidationError(field, "required", key="text.required")
        return ""
    if len(value) > max_len:
        raise ValidationError(field, "too_long", key="text.too_long",
                              params={"max": max_len, "length": len(value)})
    return value


def plain_text(text: object, field: str) -> str:
    """One line of text kept as typed (a reason): trimmed, zero-width characters
    dropped, control characters rejected (tabs and line breaks become spaces), NFC, no
    lone combining mark at the start — the sync contract's text rule, without the
    whitespace folding of :func:`validate_text`. Length and "required" are the caller's."""
    raw = "" if text is None else str(text)
    cleaned = _clean_chars(raw.replace("\r\n", " "), field)
    value = nfc("".join(" " if is_forbidden_control(ch) else ch for ch in cleaned).strip())
    _check_line_starts(value, field)
    return value


# ----------------------------------------------------------------------- names


def _is_latin_letter(ch: str) -> bool:
    if ch.isascii():
        return ch.isalpha()
    return unicodedata.category(ch).startswith("L") and "LATIN" in unicodedata.name(ch, "")


def _check_name_char(ch: str, field: str) -> None:
    if is_cjk(ch) or _is_latin_letter(ch) or ch in (MIDDLE_DOT, " ", "-", "'", "."):
        return
    if is_forbidden_control(ch):
        raise ValidationError(field, "control_char", key="name.control_char")
    if unicodedata.category(ch).startswith("N"):
        raise ValidationError(field, "digit", key="name.digit")
    raise ValidationError(field, "invalid_char", key="name.invalid_char", params={"char": ch})


def validate_name(text: object, field: str) -> str:
    """Validate a person's name and return it canonical — the form it is stored and
    searched in (:func:`sync_contract.text.canonical_name`, DESIGN §9).

    Required; trimmed; at most 30 characters; Chinese (incl. Ext-B and later),
    Latin letters, spaces between Latin words, ``-``/``'``/``.`` and the middle
    dot ``·`` of ethnic-minority names (``•``, ``・``, ``．`` … are unified to
    ``·``; a full stop between two ideographs is that dot too).  Spaces next to an
    ideograph or a dot and zero-width characters are removed.  No digits or control
    characters.  Normalised to NFC (a decomposed "é" is one letter).
    """
    value = canonical_name("" if text is None else str(text))
    if not value:
        raise ValidationError(field, "required", key="name.required")
    for ch in value:
        _check_name_char(ch, field)
    if len(value) > NAME_MAX_LEN:
        raise ValidationError(field, "too_long", key="name.too_long",
                              params={"max": NAME_MAX_LEN, "length": len(value)})
    if not any(is_cjk(ch) or _is_latin_letter(ch) for ch in value):
        raise ValidationError(field, "no_letters", key="name.no_letters")
    if value[0] == MIDDLE_DOT or value[-1] == MIDDLE_DOT or MIDDLE_DOT * 2 in value:
        raise ValidationError(field, "middle_dot", key="name.middle_dot")
    return value


def typed_name(text: object, canonical: str) -> str | None:
    """What the clerk typed for a name whose canonical form is ``canonical``, kept
    beside it when it differs (``"阿依古丽•买买提"``, ``"张 三"``) — ``None`` when it
    does not.  NFC, trimmed, control characters (tabs, line breaks) as spaces; any
    other character as typed, zero-width ones included (call after
    :func:`validate_name` accepted the text)."""
    raw = "" if text is None else str(text)
    typed = nfc("".join(" " if unicodedata.category(ch) == "Cc" else ch for ch in raw)).strip()
    return None if typed == canonical else typed


# ----------------------------------------------------------------------- phone

_RE_EXTENSION = re.compile(r"(?:转|分机|EXT\.?|X|#)(?P<ext>[0-9]{1,6})$")
_RE_MOBILE = re.compile(r"1[3-9][0-9]{9}")
_RE_LANDLINE = re.compile(r"(?P<area>010|02[0-9]|0[3-9][0-9]{2})(?P<local>[1-9][0-9]{6,7})")
_RE_SERVICE = re.compile(r"1[0-9]{2,4}|[48]00[0-9]{7}")


def _phone_text(text: object) -> str:
    raw = unicodedata.normalize("NFKC", "" if text is None else str(text)).upper()
    return "".join(raw.split())


def _split_extension(body: str) -> tuple[str, str]:
    match = _RE_EXTENSION.search(body)
    if match and match.start() > 0:
        return body[: match.start()].rstrip("-"), match["ext"]
    parts = body.split("-")
    if len(parts) == 3 and parts[0].startswith("0") and re.fullmatch(r"[0-9]{1,6}", parts[2]):
        return f"{parts[0]}-{parts[1]}", parts[2]  # 0571-12345678-123
    return body, ""


def _strip_country(digits: str) -> str:
    for prefix in ("0086", "86"):
        if digits.startswith(prefix) and _RE_MOBILE.fullmatch(digits[len(prefix) :]):
            return digits[len(prefix) :]
    return digits


def validate_phone(
    text: object,
    field: str,
    required: bool = False,
    *,
    allow_service: bool = False,
) -> str:
    """Validate a phone number; returns ``""`` for empty optional input.

    Mobile: 11 digits starting with 1 (``+86`` accepted, separators removed) →
    ``"13800138000"``.  Landline with area code, optional extension
    (``0571-12345678转123``) → ``"0571-12345678-123"``.  ``allow_service`` also
    accepts short service numbers (``12345``) and 400/800 numbers.
    """
    body = _phone_text(text)
    if not body:
        if required:
            raise ValidationError(field, "required", key="phone.required")
        return ""
    body, ext = _split_extension(body)
    digits = _strip_country(re.sub(r"^\+|[-()（）]", "", body))
    if not digits.isascii() or not digits.isdigit():
        raise ValidationError(field, "format", key="phone.digits_only")
    if _RE_MOBILE.fullmatch(digits):
        if ext:
            raise ValidationError(field, "extension", key="phone.mobile_extension")
        return digits
    landline = _RE_LANDLINE.fullmatch(digits)
    if landline:
        number = f"{landline['area']}-{landline['local']}"
        return f"{number}-{ext}" if ext else number
    if allow_service and not ext and _RE_SERVICE.fullmatch(digits):
        return digits
    if not digits.startswith("0") and 7 <= len(digits) <= 8:
        raise ValidationError(field, "area_code", key="phone.area_code")
    if digits.startswith("1"):
        raise ValidationError(field, "mobile", key="phone.mobile_length")
    raise ValidationError(field, "format", key="phone.format")


# ----------------------------------------------------------------------- dates

_RE_DATE_SEP = re.compile(r"([0-9]{4})[-/.年]([0-9]{1,2})[-/.月]([0-9]{1,2})日?")
_RE_DATE_COMPACT = re.compile(r"([0-9]{4})([0-9]{2})([0-9]{2})")


def _date_parts(text: str) -> tuple[int, int, int] | None:
    body = "".join(unicodedata.normalize("NFKC", text).split())
    match = _RE_DATE_SEP.fullmatch(body) or _RE_DATE_COMPACT.fullmatch(body)
    if not match:
        return None
    return int(match[1]), int(match[2]), int(match[3])


def _coerce_date(value: object, field: str) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = "" if value is None else str(value)
    if not text.strip():
        raise ValidationError(field, "required", key="date.required")
    parts = _date_parts(text)
    if parts is None:
        raise ValidationError(field, "format", key="date.format")
    try:
        return date(*parts)
    except ValueError:
        raise ValidationError(field, "invalid", key="date.nonexistent",
                              params={"year": parts[0], "month": parts[1], "day": parts[2]}) from None


def validate_date(
    value: object,
    field: str,
    not_after: date | None = None,
    *,
    not_before: date | None = None,
) -> date:
    """Parse ``2026-11-24`` / ``2026/11/24`` / ``2026.11.24`` / ``20261124`` /
    ``2026年11月24日`` (or take a ``date``) and check the optional bounds."""
    day = _coerce_date(value, field)
    if not_after is not None and day > not_after:
        raise ValidationError(field, "too_late", key="date.too_late",
                              params={"date": not_after.isoformat()})
    if not_before is not None and day < not_before:
        raise ValidationError(field, "too_early", key="date.too_early",
                              params={"date": not_before.isoformat()})
    return day
