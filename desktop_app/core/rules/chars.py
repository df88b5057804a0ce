"""Character classes shared by the text rules (no third-party imports).

The classes of the one text rule — ideograph ranges, the middle dot and its look-alikes,
the invisible characters, width folding — live in :mod:`sync_contract.text` (both ends
use them, DESIGN §9); they are re-exported here for the township's rules."""

from __future__ import annotations

import unicodedata

from sync_contract.text import CJK_RANGES, MIDDLE_DOT, MIDDLE_DOTS, ZERO_WIDTH, fold_width, is_cjk


def is_forbidden_control(ch: str) -> bool:
    """Control, format (bidi, etc.) and lone-surrogate characters: never stored."""
    return unicodedata.category(ch) in ("Cc", "Cf", "Cs")


__all__ = ["CJK_RANGES", "MIDDLE_DOT", "MIDDLE_DOTS", "ZERO_WIDTH", "fold_width", "is_cjk",
           "is_forbidden_control"]
