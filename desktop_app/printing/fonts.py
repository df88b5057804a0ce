"""Bundled fonts: paths, lazy ReportLab registration and per-character fallback.

Two fonts ship in ``resources/fonts/`` (licences beside them):

* body: AR PL UMing CN (``uming.ttc``, sub-font 0) -- a Ming/Song face that
  also covers CJK Extension A and part of Extension B (e.g. U+201D4 𠇔);
* headings: WenQuanYi Micro Hei (``wqy-microhei.ttc``, sub-font 0).

The GUI registers the very same files in Qt (``QFontDatabase.addApplicationFont``
on :func:`font_paths`, then picks ``BODY.family`` / ``HEADING.family``), so the
screen and the paper agree.

ReportLab draws a character that its font lacks as a *blank* without any
warning.  :func:`split_runs` therefore decides the font per character (the
preferred font first, then the other) and raises :class:`MissingGlyphError` when
no bundled font has the glyph.  Importing this module is cheap; ReportLab is
imported on first use and fonts are registered once per process.
"""

from __future__ import annotations

import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from desktop_app import resources_dir
from desktop_app.printing.errors import MissingGlyphError


@dataclass(frozen=True)
class FontSpec:
    """One bundled font: file, sub-font of the TTC, family name, ReportLab name."""

    file_name: str
    subfont_index: int
    family: str  # family name as Qt/fontconfig report it for that sub-font
    reportlab_name: str  # name registered with ReportLab's pdfmetrics

    @property
    def path(self) -> Path:
        return fonts_dir() / self.file_name


BODY = FontSpec("uming.ttc", 0, "AR PL UMing CN", "UMingCN")
HEADING = FontSpec("wqy-microhei.ttc", 0, "WenQuanYi Micro Hei", "WQYMicroHei")
ALL_FONTS: tuple[FontSpec, ...] = (BODY, HEADING)

BODY_FONT = BODY.reportlab_name
HEADING_FONT = HEADING.reportlab_name

# Characters that are layout, not ink: never looked up in a font.
_WHITESPACE = {"\t": " ", "\r": " ", "\n": "\n", "\u3000": "\u3000", "\xa0": " "}

_lock = threading.Lock()
_coverage: dict[str, frozenset[int]] | None = None


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def font_paths() -> list[Path]:
    """Paths of all bundled font files (for ``QFontDatabase.addApplicationFont``)."""
    return [spec.path for spec in ALL_FONTS]


def register_fonts() -> dict[str, frozenset[int]]:
    """Register the bundled fonts with ReportLab (once per process, thread-safe).

    Also installs the ToUnicode fix (see :mod:`desktop_app.printing.cmap_fix`).
    Returns ``{reportlab name: set of code points with a real glyph}``.  Call it
    from a worker thread at start-up to make the first print fast.
    """
    global _coverage
    if _coverage is not None:
        return _coverage
    with _lock:
        if _coverage is not None:
            return _coverage
        from reportlab.pdfbase import pdfmetrics

        from desktop_app.printing import cmap_fix
        from desktop_app.printing.fontfile import mapped_ttfont

        cmap_fix.install()
        coverage: dict[str, frozenset[int]] = {}
        for spec in ALL_FONTS:
            if not spec.path.is_file():
                raise FileNotFoundError(f"bundled font missing: {spec.path}")
            try:
                font = pdfmetrics.getFont(spec.reportlab_name)
            except KeyError:
                # mapped, not read into memory or copied per subset (printing/fontfile.py)
                font = mapped_ttfont(spec.reportlab_name, spec.path, spec.subfont_index)
                pdfmetrics.registerFont(font)
            # Glyph 0 is .notdef: a cmap entry pointing at it still prints nothing.
            coverage[spec.reportlab_name] = frozenset(
                code for code, glyph in font.face.charToGlyph.items() if glyph and code
            )
        _coverage = coverage
        return coverage


def _normalise(ch: str) -> str:
    """Map layout characters (tabs, CR, other control characters) to a space."""
    if ch in _WHITESPACE:
        return _WHITESPACE[ch]
    if unicodedata.category(ch) == "Cc":
        return " "
    return ch


def unprintable_chars(text: str) -> list[str]:
    """Characters of ``text`` that no bundled font can draw (first occurrence order).

    The GUI may call this while the clerk types a name, to warn before printing.
    """
    coverage = register_fonts()
    missing: list[str] = []
    for ch in text:
        ch = _normalise(ch)
        if ch == "\n" or ch in missing:
            continue
        if not any(ord(ch) in cov for cov in coverage.values()):
            missing.append(ch)
    return missing


def split_runs(text: str, prefer: str = BODY_FONT) -> list[tuple[str, str]]:
    """Split ``text`` into ``(reportlab font name, text)`` runs by glyph coverage.

    ``prefer`` is tried first for every character, then the other bundled fonts in
    order.  Whitespace stays in the current run.  Newlines are kept (as ``"\\n"``)
    for the caller to turn into line breaks.  Raises :class:`MissingGlyphError`
    naming every character that no font has.
    """
    coverage = register_fonts()
    order = [prefer] + [name for name in coverage if name != prefer]
    runs: list[tuple[str, str]] = []
    missing: list[str] = []
    current_font: str | None = None
    current: list[str] = []
    for raw in text:
        ch = _normalise(raw)
        code = ord(ch)
        if ch in (" ", "\n") and current_font is not None:
            current.append(ch)
            continue
        font = next((name for name in order if code in coverage[name]), None)
        if font is None:
            if ch not in missing:
                missing.append(ch)
            continue
        if font != current_font:
            if current:
                runs.append((current_font or font, "".join(current)))
            current_font, current = font, []
        current.append(ch)
    if missing:
        raise MissingGlyphError(missing, text)
    if current:
        runs.append((current_font or prefer, "".join(current)))
    return runs


def string_width(text: str, size: float, prefer: str = BODY_FONT) -> float:
    """Width in points of ``text`` drawn with per-character fallback."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width: float = sum(stringWidth(run, font, size) for font, run in split_runs(text, prefer))
    return width
