"""Character classes shared by the text rules (no third-party imports)."""

from __future__ import annotations

import unicodedata

#: Ideograph blocks: Ext-A, URO, compatibility, Ext-B … Ext-I, compat. supplement, Ext-G/H.
CJK_RANGES: tuple[tuple[int, int], ...] = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2EE5F),
    (0x2F800, 0x2FA1F),
    (0x30000, 0x323AF),
)

#: Characters people type for the middle dot of ethnic-minority / transliterated names.
MIDDLE_DOTS = frozenset("·•・‧∙⋅．﹒･")
MIDDLE_DOT = "·"

#: Invisible characters silently removed from pasted text.
ZERO_WIDTH = frozenset("\u200b\ufeff\u2060")


def is_cjk(ch: str) -> bool:
    """True for a CJK ideograph (incl. Ext-A … Ext-I and compatibility blocks) or 〇.

    Ranges rather than ``unicodedata`` so that ideographs newer than Python's
    Unicode database (e.g. Ext-H) still count.
    """
    cp = ord(ch)
    return cp == 0x3007 or any(lo <= cp <= hi for lo, hi in CJK_RANGES)


def is_forbidden_control(ch: str) -> bool:
    """Control, format (bidi, etc.) and lone-surrogate characters: never stored."""
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs")


def fold_width(ch: str) -> str:
    """Full-width ASCII forms and the ideographic space to their ASCII equivalents."""
    cp = ord(ch)
    if 0xFF01 <= cp <= 0xFF5E:
        return chr(cp - 0xFEE0)
    if cp == 0x3000:
        return " "
    return ch
