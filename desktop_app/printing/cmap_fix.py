"""Fix ReportLab's ToUnicode CMaps for characters outside the BMP.

The bug (ReportLab 5.1, ``reportlab.pdfbase.ttfonts.makeToUnicodeCMap``):
every subset font gets a ToUnicode CMap whose ``bfchar`` lines are written as
``"<%02X> <%04X>" % (code, unicode)``.  For a CJK Extension B character such as
U+201D4 (𠇔) this produces ``<05> <201D4>`` -- five hex digits.  The PDF spec
wants the destination as UTF-16BE, i.e. the surrogate pair ``<D840DDD4>``.
Readers treat the five-digit value as garbage: ``pdftotext`` returns U+201D
instead of the name the clerk typed, and copy/paste or search in a PDF viewer
fail the same way.  The glyph itself is drawn correctly -- only the text layer
is wrong.

The fix wraps the module-level function (``TTFont.addObjects`` looks it up as a
global on every call, so replacing the module attribute is enough): the
original output is kept and only ``bfchar`` lines whose destination has more
than four hex digits are rewritten as UTF-16BE surrogate pairs.  If a future
ReportLab writes correct CMaps there are no such lines and the wrapper changes
nothing.  ``install()`` is idempotent and is called when fonts are registered.
"""

from __future__ import annotations

import re
import threading

# One bfchar line: "<source code> <destination>" with a too-long destination.
_LONG_BFCHAR = re.compile(r"^<([0-9A-Fa-f]{2,4})> <([0-9A-Fa-f]{5,6})>$", re.MULTILINE)
_MARK = "_township_utf16_fix"
_lock = threading.Lock()


def utf16_hex(code_point: int) -> str:
    """``0x201D4`` -> ``"D840DDD4"`` (UTF-16BE, upper-case hex)."""
    return chr(code_point).encode("utf-16-be").hex().upper()


def fix_cmap_text(cmap: str) -> str:
    """Rewrite non-BMP destinations in a ToUnicode CMap as surrogate pairs."""

    def repl(match: re.Match[str]) -> str:
        return f"<{match.group(1)}> <{utf16_hex(int(match.group(2), 16))}>"

    return _LONG_BFCHAR.sub(repl, cmap)


def install() -> None:
    """Wrap ``reportlab.pdfbase.ttfonts.makeToUnicodeCMap`` once per process."""
    from reportlab.pdfbase import ttfonts

    with _lock:
        current = ttfonts.makeToUnicodeCMap
        if getattr(current, _MARK, False):
            return
        original = current

        def make_to_unicode_cmap(fontname: object, subset: object) -> str:  # ReportLab's signature
            return fix_cmap_text(original(fontname, subset))

        setattr(make_to_unicode_cmap, _MARK, True)
        make_to_unicode_cmap.__wrapped__ = original  # type: ignore[attr-defined]
        make_to_unicode_cmap.__doc__ = original.__doc__
        ttfonts.makeToUnicodeCMap = make_to_unicode_cmap


def is_installed() -> bool:
    from reportlab.pdfbase import ttfonts

    return bool(getattr(ttfonts.makeToUnicodeCMap, _MARK, False))
