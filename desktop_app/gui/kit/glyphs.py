"""A live warning under a name field: characters that no bundled font can draw.

The bundled fonts (``desktop_app.printing.fonts``: UMing, WenQuanYi Micro Hei and, last,
BabelStone Han for CJK Ext-B..H) draw almost every name. For a character none of them
has -- an unassigned code point, a brand-new extension (CJK Ext-I) -- the screen may show
a box and the printed document shows □ with a note asking for a handwritten correction.
The person is still registered with the character exactly as typed: this warning only
tells the clerk, while typing, which character it is (with its code point, since the
glyph itself cannot be shown) and what will happen on paper.

Usage (one line per name field)::

    self.errors["glyphs"] = warn_missing_glyphs(self.name)

The returned label hides itself while the text is printable.  :func:`field_box` in
``gui/intake/person.py`` lays it out under the field; rows that lay out every label of
``errors`` pick it up by themselves.  The check reads the fonts' character maps once
(~40 ms, usually already done by the start-up warm-up) and is then a set lookup per
character.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from ...printing.fonts import MISSING_MARK, unprintable_chars
from .fmt import fmt
from .widgets import ErrorLabel

WARNING_STYLE = "color: #8a5a00;"  # amber: a warning, not an error -- nothing is refused
_PROPERTY = "glyphWarning"


def describe(chars: list[str]) -> str:
    """``U+2EBF0`` style names for the clerk (the glyph itself would show as a box)."""
    return "、".join(f"U+{ord(ch):04X}" for ch in chars)


class GlyphWarning(ErrorLabel):
    """The warning under one field (an amber :class:`ErrorLabel`, so it lays out like the
    field's messages); empty and hidden while every character prints."""

    def __init__(self, edit: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"{edit.objectName()}.glyphs" if edit.objectName() else "glyphs")
        self.setStyleSheet(WARNING_STYLE)
        self.missing: list[str] = []
        self._edit = edit
        edit.textChanged.connect(self.check)
        edit.setProperty(_PROPERTY, self)
        self.check(edit.text())

    def check(self, text: str) -> None:
        self.missing = unprintable_chars(text) if text else []
        if not self.missing:
            self.setText("")
            self.setToolTip("")
            self.setVisible(False)
            return
        self.setText(fmt(QCoreApplication.translate(
            "GlyphWarning",
            "No bundled font has %1: the name is saved exactly as typed; documents print "
            "%2 in its place with a note to write the character in by hand."),
            describe(self.missing), MISSING_MARK))
        self.setToolTip(QCoreApplication.translate(
            "GlyphWarning", "Check the character against the ID card. If it is right, go on: "
                            "correct the printed documents by hand before they are signed."))
        # never a stray top-level window: shown once it is laid out (it always is at once)
        self.setVisible(self.parentWidget() is not None)


def warn_missing_glyphs(edit: QLineEdit) -> GlyphWarning:
    """Attach a live warning to ``edit``; returns the label to lay out under it."""
    return GlyphWarning(edit)


def warning_of(widget: QWidget) -> GlyphWarning | None:
    """The warning attached to ``widget`` by :func:`warn_missing_glyphs`, if any."""
    found = widget.property(_PROPERTY)
    return found if isinstance(found, GlyphWarning) else None
