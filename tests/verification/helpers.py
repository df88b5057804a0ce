"""Helpers of the verification tests (issue 17 — qrcheck)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from sqlalchemy import select

from desktop_app.core.models import Document


def change_one_character(pdf: bytes) -> bytes:
    """The PDF with one printed character changed (the first glyph code of the first text
    string of page 1 goes up by one, as a PDF editor does), written back with pypdf."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import DecodedStreamObject, NameObject

    reader = PdfReader(io.BytesIO(pdf))
    stream = reader.pages[0].get_contents().get_data()
    at = stream.index(b") Tj")
    start = stream.rindex(b"(", 0, at) + 1
    text = stream[start:at]
    if text.startswith(b"\\"):
        changed = b"\\" + f"{int(text[1:4], 8) + 1:03o}".encode() + text[4:]
    else:
        changed = bytes([text[0] + 1]) + text[1:]
    writer = PdfWriter(clone_from=reader)
    new = DecodedStreamObject()
    new.set_data(stream[:start] + changed + stream[at:])
    writer.pages[0][NameObject("/Contents")] = writer._add_object(new)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def receipts(services) -> list[Document]:
    with services.ctx.db.read() as s:
        return list(s.scalars(select(Document).where(Document.kind == "receipt")
                              .order_by(Document.id)))


def pdf_of(services, doc: Document) -> Path:
    return services.documents.original_pdf(doc.id)


def foreign_receipt(services, signing_key, code: str, number: str) -> bytes:
    """A receipt of another township (``code``) signed with ``signing_key``: the demo
    township's own receipt data with that township's code and number."""
    from desktop_app.printing import render_document

    doc = receipts(services)[0]
    data = json.loads(doc.data)
    data["township"] = {**data["township"], "code": code}
    data["number"] = number
    return render_document("receipt", data, signing_key=signing_key)
