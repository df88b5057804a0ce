"""Bundled fonts: paths, lazy ReportLab registration and per-character fallback.

Three fonts ship in ``resources/fonts/`` (licences beside them), tried in this order:

* body: AR PL UMing CN (``uming.ttc``, sub-font 0) -- a Ming/Song face that
  also covers CJK Extension A and part of Extension B (e.g. U+201D4 𠇔);
* headings: WenQuanYi Micro Hei (``wqy-microhei.ttc``, sub-font 0);
* last fallback: BabelStone Han (``BabelStoneHan.ttf``) -- CJK Extension B through
  Extension H (U+2A6A5 𪚥, U+2B5AE 𫖮, U+2CC56 𬱖, U+30000 𰀀, U+31350 …), 51 MB.

The GUI registers the very same files in Qt (``QFontDatabase.addApplicationFont``
on :func:`font_paths`, then the families in this order), so the screen and the paper
agree.

Which font has which character is read from each font's ``cmap`` table alone
(:mod:`desktop_app.printing.font_coverage`, ~40 ms for all three, no ReportLab):
:func:`coverage`.  ReportLab registers the body and heading fonts on first use; the
big fallback font is registered only when a document contains one of its characters
(~0.35 s and ~50 MB the first time, never for an ordinary name).

ReportLab draws a character that its font lacks as a *blank* without any warning.
:func:`split_runs` therefore decides the font per character (the preferred font
first, then the others in order).  A character that no bundled font has is printed
as :data:`MISSING_MARK` (□) and recorded: inside :func:`glyph_substitutions` the
document renderer learns of it and prints :data:`MISSING_NOTE` under the page so the
clerk writes the character in by hand.  The record keeps the character itself; the
name fields warn about such characters while the clerk types (``gui/kit/glyphs.py``).
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path

from desktop_app import resources_dir
from desktop_app.printing.font_coverage import covered_code_points


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
FALLBACK = FontSpec("BabelStoneHan.ttf", 0, "BabelStone Han", "BabelStoneHan")
ALL_FONTS: tuple[FontSpec, ...] = (BODY, HEADING, FALLBACK)
#: Registered with ReportLab up front (at warm-up); the others when first needed.
EAGER_FONTS: tuple[FontSpec, ...] = (BODY, HEADING)

BODY_FONT = BODY.reportlab_name
HEADING_FONT = HEADING.reportlab_name
FALLBACK_FONT = FALLBACK.reportlab_name

#: Printed in place of a character that no bundled font has (WHITE SQUARE, in UMing).
MISSING_MARK = "\u25a1"
#: Printed at the foot of every page of a document that has a :data:`MISSING_MARK`.
MISSING_NOTE = "注：□处为字库未收的生僻字（多见于姓名），请手写补正。"

# Characters that are layout, not ink: never looked up in a font.
_WHITESPACE = {"\t": " ", "\r": " ", "\n": "\n", "\u3000": "\u3000", "\xa0": " "}

_lock = threading.Lock()
_coverage: dict[str, frozenset[int]] | None = None
_registered: set[str] = set()
#: Characters printed as MISSING_MARK in the document being rendered (None: not collecting).
_substituted: ContextVar[list[str] | None] = ContextVar("glyph_substitutions", default=None)


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def font_paths() -> list[Path]:
    """Paths of all bundled font files, fallback order (for ``QFontDatabase``)."""
    return [spec.path for spec in ALL_FONTS]


def coverage() -> dict[str, frozenset[int]]:
    """``{reportlab name: code points with a real glyph}`` for every bundled font, in
    fallback order.  Read from the fonts' cmaps (no ReportLab); cached, thread-safe."""
    global _coverage
    if _coverage is not None:
        return _coverage
    with _lock:
        if _coverage is None:
            found: dict[str, frozenset[int]] = {}
            for spec in ALL_FONTS:
                if not spec.path.is_file():
                    raise FileNotFoundError(f"bundled font missing: {spec.path}")
                found[spec.reportlab_name] = covered_code_points(spec.path, spec.subfont_index)
            _coverage = found
        return _coverage


def _register(spec: FontSpec) -> None:
    """Register one font with ReportLab (caller holds ``_lock``), memory-mapped and its
    glyph table sliced in place (:mod:`desktop_app.printing.fontfile`)."""
    from reportlab.pdfbase import pdfmetrics

    from desktop_app.printing import fontfile

    # getRegisteredFontNames(), not getFont(): an unknown name makes getFont search and
    # parse every AFM file ReportLab ships (~0.4-0.8 s) before failing.
    if spec.reportlab_name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(fontfile.mapped_ttfont(spec.reportlab_name, spec.path,
                                                       spec.subfont_index))
    _registered.add(spec.reportlab_name)


def register_fonts() -> dict[str, frozenset[int]]:
    """Register the body and heading fonts with ReportLab (once per process, thread-safe).

    Also installs the ToUnicode fix (see :mod:`desktop_app.printing.cmap_fix`).
    Returns :func:`coverage`.  Call it from a worker thread at start-up to make the
    first print fast.  The fallback font is registered by :func:`split_runs` when a
    text needs it.
    """
    cov = coverage()
    if all(spec.reportlab_name in _registered for spec in EAGER_FONTS):
        return cov
    with _lock:
        from desktop_app.printing import cmap_fix
        cmap_fix.install()
        for spec in EAGER_FONTS:
            if spec.reportlab_name not in _registered:
                _register(spec)
    return cov


def _ensure_registered(name: str) -> None:
    if name in _registered:
        return
    with _lock:
        if name not in _registered:
            _register(next(spec for spec in ALL_FONTS if spec.reportlab_name == name))


def is_registered(name: str) -> bool:
    """Whether ReportLab has loaded font ``name`` in this process (for tests and probes)."""
    return name in _registered


def _normalise(ch: str) -> str:
    """Map layout characters (tabs, CR, other control characters) to a space."""
    if ch in _WHITESPACE:
        return _WHITESPACE[ch]
    if unicodedata.category(ch) == "Cc":
        return " "
    return ch


def unprintable_chars(text: str) -> list[str]:
    """Characters of ``text`` that no bundled font can draw (first occurrence order).

    Cheap (no ReportLab): the name fields call it while the clerk types.
    """
    cov = coverage()
    missing: list[str] = []
    for ch in text:
        ch = _normalise(ch)
        if ch in (" ", "\n", "\u3000") or ch in missing:
            continue
        if not any(ord(ch) in c for c in cov.values()):
            missing.append(ch)
    return missing


@contextmanager
def glyph_substitutions() -> Iterator[list[str]]:
    """Collect, while rendering one document, the characters printed as □.

    Yields the list (first occurrence order, no repeats), filled as the document is
    laid out; the page decorator reads it through :func:`substituted_chars`.
    """
    found: list[str] = []
    token = _substituted.set(found)
    try:
        yield found
    finally:
        _substituted.reset(token)


def substituted_chars() -> list[str]:
    """Characters printed as □ so far in the current :func:`glyph_substitutions`."""
    return list(_substituted.get() or ())


def split_runs(text: str, prefer: str = BODY_FONT) -> list[tuple[str, str]]:
    """Split ``text`` into ``(reportlab font name, text)`` runs by glyph coverage.

    ``prefer`` is tried first for every character, then the other bundled fonts in
    order (the big fallback last; registered with ReportLab on first use).
    Whitespace stays in the current run.  Newlines are kept (as ``"\\n"``) for the
    caller to turn into line breaks.  A character no font has becomes
    :data:`MISSING_MARK` and is recorded for :func:`glyph_substitutions`.
    """
    cov = register_fonts()
    order = [prefer] + [name for name in cov if name != prefer]
    runs: list[tuple[str, str]] = []
    collected = _substituted.get()
    current_font: str | None = None
    current: list[str] = []
    for raw in text:
        ch = _normalise(raw)
        if ch in (" ", "\n") and current_font is not None:
            current.append(ch)
            continue
        code = ord(ch)
        font = next((name for name in order if code in cov[name]), None)
        if font is None:
            if collected is not None and ch not in collected:
                collected.append(ch)
            ch = MISSING_MARK
            font = next(name for name in order if ord(MISSING_MARK) in cov[name])
        if font != current_font:
            _ensure_registered(font)
            if current:
                runs.append((current_font or font, "".join(current)))
            current_font, current = font, []
        current.append(ch)
    if current:
        runs.append((current_font or prefer, "".join(current)))
    return runs


def string_width(text: str, size: float, prefer: str = BODY_FONT) -> float:
    """Width in points of ``text`` drawn with per-character fallback."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width: float = sum(stringWidth(run, font, size) for font, run in split_runs(text, prefer))
    return width
