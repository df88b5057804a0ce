"""Tampering with a signed PDF the way a forger would (issue 17 tests; tests/qr/,
tests/verification/)."""

from __future__ import annotations

import io

from pypdf import PdfReader, PdfWriter
from pypdf.generic import DecodedStreamObject, NameObject


def page_stream(pdf: bytes, index: int = 0) -> bytes:
    """The decompressed content stream of page ``index``."""
    return PdfReader(io.BytesIO(pdf)).pages[index].get_contents().get_data()


def with_page_stream(pdf: bytes, stream: bytes, index: int = 0) -> bytes:
    """``pdf`` with page ``index``'s content replaced by ``stream`` (written uncompressed,
    everything else as it was)."""
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(pdf)))
    new = DecodedStreamObject()
    new.set_data(stream)
    writer.pages[index][NameObject("/Contents")] = writer._add_object(new)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def change_one_character(pdf: bytes, index: int = 0) -> bytes:
    """One printed character changed: the first glyph code of the first text string on the
    page goes up by one (as editing a digit or a name in a PDF editor does)."""
    stream = page_stream(pdf, index)
    at = stream.index(b") Tj")
    start = stream.rindex(b"(", 0, at) + 1
    text = stream[start:at]
    if text.startswith(b"\\"):  # an octal escape: \001 -> \002
        code = int(text[1:4], 8) + 1
        changed = b"\\" + f"{code:03o}".encode() + text[4:]
    else:
        changed = bytes([text[0] + 1]) + text[1:]
    return with_page_stream(pdf, stream[:start] + changed + stream[at:], index)
