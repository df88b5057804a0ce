"""Which characters a TrueType font can draw, read from its ``cmap`` table alone.

ReportLab parses a whole font file to register it (BabelStone Han: 51 MB, ~0.35 s and
~50 MB of memory).  Knowing *whether* a font has a character needs only the font's
character map, a few hundred kilobytes at most, so the name-field warning and the
per-character fallback can decide without loading the big fallback font; it is
registered with ReportLab only when a document really contains one of its characters.

Standard library only (no ReportLab, no Qt).  Reads TTF and TTC files (a sub-font by
index), cmap subtables of format 4 (BMP) and 12 (full Unicode), the Windows Unicode
ones first, like ReportLab.  A code point mapped to glyph 0 (``.notdef``) is not
covered: it would print nothing.
"""

from __future__ import annotations

import struct
from pathlib import Path
from typing import BinaryIO


class FontFormatError(ValueError):
    """The file is not a TrueType/OpenType font we can read a cmap from."""


def _read(f: BinaryIO, offset: int, size: int) -> bytes:
    f.seek(offset)
    data = f.read(size)
    if len(data) != size:
        raise FontFormatError("truncated font file")
    return data


def _table_offset(f: BinaryIO, subfont_index: int, tag: bytes) -> tuple[int, int]:
    """``(offset, length)`` of table ``tag`` of sub-font ``subfont_index``."""
    base = 0
    head = _read(f, 0, 12)
    if head[:4] == b"ttcf":
        count = struct.unpack(">I", head[8:12])[0]
        if not 0 <= subfont_index < count:
            raise FontFormatError(f"sub-font {subfont_index} not in a collection of {count}")
        base = struct.unpack(">I", _read(f, 12 + 4 * subfont_index, 4))[0]
        head = _read(f, base, 12)
    if head[:4] not in (b"\x00\x01\x00\x00", b"true", b"OTTO"):
        raise FontFormatError("not a TrueType/OpenType font")
    num_tables = struct.unpack(">H", head[4:6])[0]
    records = _read(f, base + 12, 16 * num_tables)
    for i in range(num_tables):
        rec_tag, _checksum, offset, length = struct.unpack(">4sIII", records[16 * i:16 * i + 16])
        if rec_tag == tag:
            return offset, length
    raise FontFormatError(f"no {tag.decode()} table")


def _format12(data: bytes, pos: int) -> set[int]:
    (n_groups,) = struct.unpack(">I", data[pos + 12:pos + 16])
    codes: set[int] = set()
    for i in range(n_groups):
        start, end, glyph = struct.unpack(">III", data[pos + 16 + 12 * i:pos + 28 + 12 * i])
        if glyph == 0:  # the first code of the group is .notdef, the others are not
            start += 1
        codes.update(range(start, end + 1))
    return codes


def _format4(data: bytes, pos: int) -> set[int]:
    seg_x2 = struct.unpack(">H", data[pos + 6:pos + 8])[0]
    seg = seg_x2 // 2
    ends = struct.unpack(f">{seg}H", data[pos + 14:pos + 14 + seg_x2])
    starts_at = pos + 16 + seg_x2
    starts = struct.unpack(f">{seg}H", data[starts_at:starts_at + seg_x2])
    deltas = struct.unpack(f">{seg}H", data[starts_at + seg_x2:starts_at + 2 * seg_x2])
    ranges_at = starts_at + 2 * seg_x2
    range_offsets = struct.unpack(f">{seg}H", data[ranges_at:ranges_at + seg_x2])
    codes: set[int] = set()
    for i in range(seg):
        start, end, delta, range_offset = starts[i], ends[i], deltas[i], range_offsets[i]
        if start == 0xFFFF:
            continue
        if range_offset == 0:
            codes.update(c for c in range(start, end + 1) if (c + delta) & 0xFFFF)
            continue
        here = ranges_at + 2 * i + range_offset
        for c in range(start, end + 1):
            at = here + 2 * (c - start)
            glyph = struct.unpack(">H", data[at:at + 2])[0] if at + 2 <= len(data) else 0
            if glyph and (glyph + delta) & 0xFFFF:
                codes.add(c)
    return codes


def covered_code_points(path: Path, subfont_index: int = 0) -> frozenset[int]:
    """Code points (other than U+0000) that the font maps to a real glyph."""
    with open(path, "rb") as f:
        offset, length = _table_offset(f, subfont_index, b"cmap")
        data = _read(f, offset, length)
    n = struct.unpack(">H", data[2:4])[0]
    subtables: dict[tuple[int, int], int] = {}
    for i in range(n):
        platform, encoding, sub = struct.unpack(">HHI", data[4 + 8 * i:12 + 8 * i])
        subtables.setdefault((platform, encoding), sub)
    # Full repertoire first (Windows UCS-4, Unicode full), then BMP-only tables.
    for key in ((3, 10), (0, 6), (0, 4), (3, 1), (0, 3), (0, 2), (0, 1), (0, 0)):
        sub = subtables.get(key)
        if sub is None:
            continue
        fmt = struct.unpack(">H", data[sub:sub + 2])[0]
        if fmt == 12:
            codes = _format12(data, sub)
        elif fmt == 4:
            codes = _format4(data, sub)
        else:
            continue
        codes.discard(0)
        return frozenset(codes)
    raise FontFormatError("no Unicode cmap of format 4 or 12")
