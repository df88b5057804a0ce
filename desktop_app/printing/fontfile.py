"""Bundled font files for ReportLab, mapped instead of read (DESIGN §8: RSS ≤ 200 MB,
save + receipt ≤ 150 ms).

ReportLab's ``TTFontFile`` keeps the whole file as ``bytes`` for as long as the font is
registered: 21 MB for ``uming.ttc`` and 5 MB for ``wqy-microhei.ttc``, all resident.
Given an object with ``read()``, it keeps whatever that returns instead; an ``mmap`` of
the file reads the same bytes (slicing an ``mmap`` returns ``bytes``; indexing returns
``int``, as for ``bytes``), but only the pages touched become resident, and they are
the page cache's.

Worse, every font subset a PDF embeds (one per 256 characters used, per font, per
document) starts with ``get_table('glyf')``: a *copy* of the whole glyph table — 19 MB
for UMing — of which it then slices the few hundred glyphs it needs. Every receipt
copied ~40–80 MB that way. :func:`mapped_ttfont` gives the face a ``get_table`` whose
``glyf`` is a window on the mapping: the same slices, read from the file's pages, no copy.

The PDFs are byte-identical either way (``tests/printing/test_font_mapping.py``).
"""

from __future__ import annotations

import mmap
from pathlib import Path
from typing import Any


class MappedFontFile:
    """``TTFont(name, MappedFontFile(path), ...)``: ReportLab takes ``name`` as the file
    name (for its messages) and ``read()`` as the font data. The mapping lives as long
    as the registered font (the process)."""

    def __init__(self, path: Path | str) -> None:
        self.name = str(path)
        with open(path, "rb") as fh:
            self._data = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)

    def read(self) -> mmap.mmap:
        return self._data


class TableWindow:
    """``data[pos:pos + length]`` sliced like ``bytes`` without copying the table."""

    def __init__(self, data: mmap.mmap, pos: int, length: int) -> None:
        self._data, self._pos, self._len = data, pos, length

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, key: slice) -> bytes:
        if not isinstance(key, slice) or key.step not in (None, 1):
            raise TypeError("a table window is only sliced")
        start, stop, _ = key.indices(self._len)
        return self._data[self._pos + start:self._pos + max(start, stop)]


def mapped_ttfont(name: str, path: Path, subfont_index: int = 0) -> Any:
    """A ReportLab ``TTFont`` over the mapped file whose subsets slice the glyph table
    in place."""
    from reportlab.pdfbase.ttfonts import TTFont

    font = TTFont(name, MappedFontFile(path), subfontIndex=subfont_index)
    face = font.face
    copying = face.get_table

    def get_table(tag: str) -> Any:
        if tag == "glyf":
            pos, length = face.get_table_pos(tag)
            return TableWindow(face._ttf_data, pos, length)
        return copying(tag)

    face.get_table = get_table
    return font
