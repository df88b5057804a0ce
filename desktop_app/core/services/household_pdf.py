"""The household file as one PDF (一户一档, issue 16): an index, then every document.

``export(ctx, documents, key, out, by)`` (``services.households.export_pdf``):

1. the household's documents in the order they were issued (``created_at``, id);
2. each one's saved PDF is checked against the SHA-256 recorded when it was issued
   (``Document.sha256``): a file that differs — edited, damaged, replaced — stops the
   export with a Chinese message naming the document's number; a missing file (or a
   bulk-loaded document never rendered) is produced by ``documents.original_pdf``, which
   re-renders it from its snapshot and refuses when the result does not have the recorded
   hash; the bytes embedded are the verified bytes;
3. a document that prints the household's full ID numbers (申请书, 申报表, 承诺书 v2+) is
   included only for a user with the full-ID right for its application (docs/roles.md),
   else listed in the index as not included, with the reason;
4. the index (``forms/household_file.json``, ReportLab like every document) lists the
   applications and each document with its kind, number, date, first page and page count
   — pages of the whole file, the index included: laid out until its own page count is
   stable;
5. pypdf joins the index and the documents, one bookmark per document (and one for the
   index), and the file is written atomically next to ``out`` (temporary name in the
   same folder, fsync, rename): nothing under ``out`` on a fault or a cancel;
6. the export is audited (``household.file``) with the application ids, counts and the
   file's reference number — never a name or an ID number — in the same step as the
   file is completed (the event commits after the bytes are on disk, before the rename).

The index is not a recorded document (no ``document`` row, no number from the series):
it only describes documents that are recorded, and the file can be made again at any
time; the audit event is its record.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sync_contract.errors import Cancelled
from sync_contract.faults import fault
from sync_contract.fs import atomic_writer

from ... import printing
from .. import vocab
from ..errors import PermissionDenied, ValidationError
from ..models import Application, Document, Township
from ..rules.identity import mask_id
from . import auth
from .auth import ActorRef
from .context import Changes, Outcome
from .events import record_event
from .household_keys import application_ids

if TYPE_CHECKING:
    from .context import ServiceContext
    from .documents import DocumentService

#: Stages of the progress: one step per document, the index, the joining, the write.
_EXTRA_STEPS = 3


@dataclass(frozen=True)
class HouseholdExport:
    path: Path
    pages: int
    documents: int            # documents included
    index_pages: int
    withheld: int = 0         # documents listed but not included (full-ID right)
    reference: str = ""       # the file's reference number (printed on the index)


@dataclass
class _Entry:
    id: int
    kind: str
    title: str
    number: str
    application_id: int
    application_number: str
    issued: str               # ISO date
    voided: bool
    sha256: str
    path: Path
    withheld: bool
    pdf: bytes = b""
    pages: int = 0


def _hash_mismatch(number: str, title: str) -> ValidationError:
    return ValidationError("document", "hash_mismatch", key="household.hash_mismatch",
                           params={"number": number, "title": title})


def _collect(ctx: ServiceContext, documents: DocumentService, key: str, by: ActorRef
             ) -> tuple[auth.Actor, dict[str, Any], list[_Entry]]:
    """The actor, the index's fixed data and the documents (not yet read)."""
    from .documents import _require_full_ids, _shows_household_ids

    cat = ctx.catalog
    with ctx.db.read() as s:
        actor, _ = auth.resolve(s, by)
        ids = application_ids(s, key)
        if not ids:
            raise ValidationError("household", "not_found", key="household.not_found")
        apps = list(s.scalars(select(Application).where(Application.id.in_(ids))
                              .order_by(Application.intake_date, Application.id)))
        numbers = {a.id: a.number or "" for a in apps}
        allowed: dict[int, bool] = {}
        for a in apps:
            try:
                _require_full_ids(actor, a)
                allowed[a.id] = True
            except PermissionDenied:
                allowed[a.id] = False
        entries = []
        for doc in s.scalars(select(Document).where(Document.application_id.in_(ids))
                             .order_by(Document.created_at, Document.id)):
            try:
                issued = str(json.loads(doc.data).get("issued_date") or "")
            except ValueError:
                issued = ""
            entries.append(_Entry(
                doc.id, doc.kind, printing.DOCUMENT_KINDS.get(doc.kind, doc.kind), doc.number,
                doc.application_id, numbers[doc.application_id],
                issued or doc.created_at.date().isoformat(), doc.voided, doc.sha256,
                documents._path(doc),
                _shows_household_ids(doc) and not allowed[doc.application_id]))
        town = s.scalars(select(Township)).one()
        applicant = apps[-1].applicant
        fixed: dict[str, Any] = {
            "township": {"name": town.name, "code": town.code, "office": town.office_name,
                         "window_phone": town.window_phone,
                         "supervision_phone": town.supervision_phone},
            "clerk": actor.name,
            "applicant": {"name": applicant.name,
                          "id_number_masked": (mask_id(applicant.id_number)
                                               if applicant.id_number else "无")},
            "household_apps": [
                {"number": numbers[a.id], "intake_date": a.intake_date.isoformat(),
                 "items": "、".join(cat.item(r.item_code).name if cat.has_item(r.item_code)
                                   else r.item_code for r in a.items),
                 "status": vocab.STATUS_LABELS.get(a.status, a.status)}
                for a in apps],
            "application_ids": ids,
            "town_code": town.code,
        }
    return actor, fixed, entries


def _verified_pdf(ctx: ServiceContext, documents: DocumentService, e: _Entry,
                  by: ActorRef) -> bytes:
    """The document's PDF, proven to have its recorded hash (see the module)."""
    if e.sha256 and e.path.exists():
        data = e.path.read_bytes()
        if hashlib.sha256(data).hexdigest() != e.sha256:
            raise _hash_mismatch(e.number, e.title)
        return data
    try:
        path = documents.original_pdf(e.id, by)
    except RuntimeError:  # re-rendered content differs from the recorded hash
        raise _hash_mismatch(e.number, e.title) from None
    data = path.read_bytes()
    with ctx.db.read() as s:
        recorded = s.get_one(Document, e.id).sha256
    if hashlib.sha256(data).hexdigest() != recorded:
        raise _hash_mismatch(e.number, e.title)
    return data


def _page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def index_data(fixed: dict[str, Any], entries: list[_Entry], reference: str, issued: date,
               index_pages: int) -> dict[str, Any]:
    """The index's data when it takes ``index_pages`` pages."""
    files: list[dict[str, Any]] = []
    page = index_pages + 1
    for e in entries:
        note = "已作废" if e.voided else ""
        if e.withheld:
            files.append({"title": e.title, "number": e.number, "date": e.issued,
                          "application_number": e.application_number, "page": None,
                          "pages": None, "note": "未收录：载有完整证件号码，需相应权限"})
            continue
        files.append({"title": e.title, "number": e.number, "date": e.issued,
                      "application_number": e.application_number, "page": page,
                      "pages": e.pages, "note": note})
        page += e.pages
    included = [e for e in entries if not e.withheld]
    return {
        "number": reference, "reprint": False, "issued_date": issued.isoformat(),
        "township": fixed["township"], "clerk": fixed["clerk"],
        "applicant": fixed["applicant"], "household_apps": fixed["household_apps"],
        "files": files,
        "household_file": {"applications": len(fixed["household_apps"]),
                           "documents": len(included), "pages": page - 1,
                           "index_pages": index_pages,
                           "withheld": len(entries) - len(included)},
    }


def render_index(fixed: dict[str, Any], entries: list[_Entry], reference: str, issued: date
                 ) -> tuple[bytes, int]:
    """The index PDF and its page count, laid out until the page numbers it prints
    agree with its own length (a longer index moves every document's first page)."""
    pages = 1
    for _attempt in range(5):
        pdf = printing.render_document("household_file",
                                       index_data(fixed, entries, reference, issued, pages))
        got = _page_count(pdf)
        if got == pages:
            return pdf, pages
        pages = got
    raise RuntimeError("household file index: page count does not settle")


def export(ctx: ServiceContext, documents: DocumentService, key: str, out: Path,
           by: ActorRef, *,
           progress: Callable[[int, int | None], None] | None = None,
           cancelled: Callable[[], bool] | None = None) -> Outcome[HouseholdExport]:
    """Write household ``key``'s file to ``out`` (see the module). Raises
    ``ValidationError`` (unknown household, a document whose file does not match its
    hash), ``PermissionDenied`` (nobody logged in), :class:`Cancelled`, or a
    :class:`~sync_contract.faults.FileFault` naming the folder."""
    from pypdf import PdfReader, PdfWriter

    def step(done: int, total: int) -> None:
        if cancelled is not None and cancelled():
            raise Cancelled()
        if progress is not None:
            progress(done, total)

    out = Path(out)
    actor, fixed, entries = _collect(ctx, documents, key, by)
    total = len(entries) + _EXTRA_STEPS
    first_renders: set[int] = set()
    for n, e in enumerate(entries):
        step(n, total)
        if e.withheld:
            continue
        e.pdf = _verified_pdf(ctx, documents, e, by)
        e.pages = _page_count(e.pdf)
        if not e.sha256:
            first_renders.add(e.id)  # its hash is recorded now (``document.render``)
    step(len(entries), total)
    now = ctx.clock()
    reference = f"{fixed['town_code']}-HF-{now:%Y%m%d%H%M%S}"
    index, index_pages = render_index(fixed, entries, reference, now.date())
    step(len(entries) + 1, total)

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(index)))
    writer.add_outline_item(title="目录", page_number=0)
    page = index_pages
    included = [e for e in entries if not e.withheld]
    for e in included:
        writer.append(PdfReader(io.BytesIO(e.pdf)))
        writer.add_outline_item(title=f"{e.title} {e.number}", page_number=page)
        page += e.pages
    writer.add_metadata({"/Title": f"一户一档 {reference}", "/Producer": "乡镇社会救助一门受理窗口"})
    step(len(entries) + 2, total)
    body = io.BytesIO()
    writer.write(body)

    result = HouseholdExport(out, page, len(included), index_pages,
                             len(entries) - len(included), reference)
    try:
        with atomic_writer(out) as fh:
            fh.write(body.getvalue())
            fh.flush()
            os.fsync(fh.fileno())
            step(total, total)  # a cancel here still leaves nothing under ``out``
            # The file is complete on disk (under its temporary name): audit, then rename.
            with ctx.db.transaction() as s:
                record_event(s, "household.file", actor_id=actor.staff_id,
                             applications=fixed["application_ids"],
                             documents=[e.id for e in included],
                             withheld=result.withheld, pages=result.pages,
                             index_pages=index_pages, reference=reference)
    except OSError as exc:
        raise fault(exc, out.parent, "save_pdf") from None
    return Outcome(result, Changes(documents=first_renders))


__all__ = ["HouseholdExport", "export", "index_data", "render_index"]
