"""The GUI's side of message keys: each key the core raises (``ValidationError(…,
key=…, params=…)``, table in ``desktop_app/core/messages.py``) has an English source
here, marked with ``QT_TRANSLATE_NOOP`` in the ``Messages`` context so lupdate collects
it, and the names of its parameters in the order of its ``%1``, ``%2``, …
placeholders. The zh_CN translation of each source is the core's Chinese template
(``{name}`` written as ``%n``), so the clerk reads the same words the command line prints.

:func:`text_of` is how the GUI shows one validation error: the translated key, or —
for an error raised without a key — its Chinese ``message``.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from .fmt import fmt
from .labels import QT_TRANSLATE_NOOP

_CTX = "Messages"

# key -> (English source, parameter names in %1, %2, … order)
SOURCES: dict[str, tuple[str, tuple[str, ...]]] = {
    # money
    "amount.required": (QT_TRANSLATE_NOOP("Messages", "Enter the amount"), ()),
    "amount.negative": (QT_TRANSLATE_NOOP("Messages", "The amount cannot be negative"), ()),
    "amount.format": (QT_TRANSLATE_NOOP(
        "Messages", "The amount is not a valid number (example: 1234.56)"), ()),
    "amount.decimals": (QT_TRANSLATE_NOOP(
        "Messages", "The amount has at most two decimals (to the fen)"), ()),
    "amount.too_large": (QT_TRANSLATE_NOOP(
        "Messages", "The amount cannot exceed %1 yuan"), ("max",)),
    "members.too_few": (QT_TRANSLATE_NOOP(
        "Messages", "The household has at least 1 member"), ()),
    # free text
    "text.control_char": (QT_TRANSLATE_NOOP(
        "Messages", "Contains invisible control characters; enter it again"), ()),
    "text.required": (QT_TRANSLATE_NOOP("Messages", "This field is required"), ()),
    "text.too_long": (QT_TRANSLATE_NOOP(
        "Messages", "At most %1 characters (now %2)"), ("max", "length")),
    # names
    "name.control_char": (QT_TRANSLATE_NOOP(
        "Messages", "The name contains invisible control characters"), ()),
    "name.digit": (QT_TRANSLATE_NOOP("Messages", "The name cannot contain digits"), ()),
    "name.invalid_char": (QT_TRANSLATE_NOOP(
        "Messages", "The name contains an unsupported character: %1"), ("char",)),
    "name.required": (QT_TRANSLATE_NOOP("Messages", "Enter the name"), ()),
    "name.too_long": (QT_TRANSLATE_NOOP(
        "Messages", "The name has at most %1 characters (now %2)"), ("max", "length")),
    "name.no_letters": (QT_TRANSLATE_NOOP(
        "Messages", "The name must contain Chinese characters or letters"), ()),
    "name.middle_dot": (QT_TRANSLATE_NOOP(
        "Messages", "The middle dot · in the name is in the wrong place"), ()),
    # phone numbers
    "phone.required": (QT_TRANSLATE_NOOP("Messages", "Enter the phone number"), ()),
    "phone.digits_only": (QT_TRANSLATE_NOOP(
        "Messages", "A phone number has only digits (a landline may add - and an "
        "extension)"), ()),
    "phone.mobile_extension": (QT_TRANSLATE_NOOP(
        "Messages", "A mobile number cannot have an extension"), ()),
    "phone.area_code": (QT_TRANSLATE_NOOP(
        "Messages", "Add the area code to a landline number, e.g. 0571-12345678"), ()),
    "phone.mobile_length": (QT_TRANSLATE_NOOP(
        "Messages", "A mobile number has 11 digits and starts with 1"), ()),
    "phone.format": (QT_TRANSLATE_NOOP(
        "Messages", "The phone number is not valid (mobile: 11 digits; landline e.g. "
        "0571-12345678)"), ()),
    # dates
    "date.required": (QT_TRANSLATE_NOOP("Messages", "Enter the date"), ()),
    "date.format": (QT_TRANSLATE_NOOP(
        "Messages", "Write the date as 2026-11-24"), ()),
    "date.nonexistent": (QT_TRANSLATE_NOOP(
        "Messages", "This date does not exist (%1-%2-%3)"), ("year", "month", "day")),
    "date.too_late": (QT_TRANSLATE_NOOP("Messages", "The date cannot be after %1"), ("date",)),
    "date.too_early": (QT_TRANSLATE_NOOP("Messages", "The date cannot be before %1"), ("date",)),
}


def translate_key(key: str, params: dict[str, object] | None = None) -> str | None:
    """The translated text of message ``key`` with ``params`` filled in, ``None`` for a
    key the GUI does not know."""
    entry = SOURCES.get(key)
    if entry is None:
        return None
    source, names = entry
    values = params or {}
    return fmt(QCoreApplication.translate(_CTX, source), *(values.get(n, "") for n in names))


def text_of(error: object) -> str:
    """What the clerk reads for one validation error: its key translated, else (no key,
    or a key the GUI does not know) the core's Chinese ``message``."""
    key = getattr(error, "key", None)
    if key:
        text = translate_key(key, getattr(error, "params", None))
        if text is not None:
            return text
    return str(getattr(error, "message", "") or error)


__all__ = ["SOURCES", "text_of", "translate_key"]
