"""Documents: build their data, render them, record them, reprint (补打) and void.

A document row keeps the JSON snapshot its PDF was rendered from, the template
version and the SHA-256 of the PDF, so a reprint shows exactly what was issued and
``check`` can prove a file unchanged. PDFs are rendered inside the transaction that
records them and written to ``<data>/documents/`` after it commits (atomic rename);
a file lost later is re-rendered from the snapshot, byte for byte.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync_contract.faults import FileFault, fault
from sync_contract.fs import atomic_write as _atomic_write

from ... import printing
from .. import vocab
from ..catalog import Item
from ..errors import PermissionDenied, ValidationError, ValidationErrors
from ..models import (
    Application,
    Document,
    DocumentPrint,
    EmergencyAid,
    ListDocument,
    Provider,
    RequestedItem,
    Staff,
    Township,
    Village,
    utcnow,
)
from ..rules import dependents as dependent_rules
from ..rules import numbering, values
from ..rules.identity import IdType, mask_id
from ..vocab import ApplicationStatus, MaterialStatus
from . import auth, care_forms, casework_forms, forms_data, handling_data, temporary_data
from .auth import ActorRef
from .clock import ensure_clock_allows_issue
from .context import Changes, Outcome, ServiceContext
from .docsign import document_key
from .dynamic import forms as review_forms
from .events import record_event

#: The longest reason for voiding a document (characters).
VOID_REASON_MAX_LEN = 500

class _Program:
    """``original_pdf``'s caller is the program itself, not a person (see there)."""


PROGRAM = _Program()


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    application_id: int
    kind: str
    title: str
    number: str
    path: Path
    created_at: datetime
    print_count: int
    voided: bool
    void_reason: str


@dataclass
class PendingFile:
    """A rendered PDF waiting for its transaction to commit before it is written;
    ``pdf`` is None for a document whose rendering was deferred (see ``render_pending``)."""

    document: Document
    pdf: bytes | None
    path: Path


log = logging.getLogger(__name__)

def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temporary name, fsync, rename: never a half file under ``path``
    (the project's one atomic write, :func:`sync_contract.fs.atomic_write`); a full or
    read-only disk is a :class:`~sync_contract.faults.FileFault` naming the folder."""
    try:
        _atomic_write(path, data)
    except OSError as exc:
        raise fault(exc, path.parent, "save_pdf") from None



def provider_data(p: Provider) -> dict[str, str]:
    """A provider as printed on its 转办单 and 转办清单 (``provider`` data, issue 15)."""
    from ..vocab import PROVIDER_KIND_LABELS

    return {"uuid": p.uuid, "name": p.name, "kind": PROVIDER_KIND_LABELS.get(p.kind, p.kind),
            "contact": p.contact, "phone": p.phone, "address": p.address}

class DocumentService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    @property
    def folder(self) -> Path:
        return self.ctx.db.data_dir / "documents"

    def record_list(self, s: Session, kind: str, number: str, data: dict[str, Any],
                    staff: Staff | None, today: date, **detail: Any
                    ) -> tuple[ListDocument, Path, bytes]:
        """Render ``kind`` and record it as a list document (snapshot, template version,
        SHA-256, ``document.issue`` with ``detail``); the caller writes the PDF to the
        returned path after its commit (``atomic_write``)."""
        pdf = printing.render_document(kind, data, signing_key=document_key(self.ctx))
        digest = hashlib.sha256(pdf).hexdigest()
        doc = ListDocument(kind=kind, number=number, department="", day=today,
                           template_version=str(printing.load_template(kind).version),
                           data=json.dumps(data, ensure_ascii=False, sort_keys=True),
                           sha256=digest, created_by_id=staff.id if staff else None,
                           print_count=0)
        s.add(doc)
        s.flush()
        record_event(s, "document.issue", actor_id=staff.id if staff else None,
                     list_document_id=doc.id, kind=kind, number=number, sha256=digest,
                     **detail)
        return doc, self.folder / today.strftime("%Y%m") / f"{number}-{kind}.pdf", pdf

    def _path(self, doc: Document, reprint: int = 0) -> Path:
        """The PDF of ``doc``; ``reprint`` n > 0: the file of its n-th 补打."""
        suffix = f"-补打{reprint}" if reprint else ""
        # <township>-<YYYYMMDD>-<seq>[-Z<n>] (转办单 numbers carry a suffix)
        month = numbering.filing_month(doc.number, "misc")
        return self.folder / month / f"{doc.number}-{doc.kind}{suffix}.pdf"

    # -- creation (inside the caller's transaction) -----------------------------
    def create(self, s: Session, app: Application, kind: str, number: str, clerk: Staff,
               now: datetime, *, render: bool = True, department: str | None = None,
               item_ids: set[int] | None = None, aid: EmergencyAid | None = None) -> PendingFile:
        """Record a document; with ``render=False`` (bulk loads) its PDF and hash are
        produced on first open instead. ``department``: the receiving department of a
        ``referral`` (转办单); ``item_ids``: only these items on it (a re-referral);
        ``aid``: the :class:`EmergencyAid` of an ``emergency_record``."""
        ensure_clock_allows_issue(self.ctx, s)  # no document dated before an issued one
        data = self.build_data(s, app, kind, number, clerk, now.date(), department=department,
                               item_ids=item_ids, aid=aid)
        pdf = (printing.render_document(kind, data, signing_key=document_key(self.ctx))
               if render else b"")
        digest = hashlib.sha256(pdf).hexdigest() if render else ""
        doc = Document(
            application_id=app.id, kind=kind, number=number,
            template_version=str(printing.load_template(kind).version),
            data=json.dumps(data, ensure_ascii=False, sort_keys=True), sha256=digest,
            created_by_id=clerk.id, print_count=0,   # issued, not yet printed (issue 14)
        )
        if render:
            doc.prints.append(DocumentPrint(reprint=False, sha256=digest, by_id=clerk.id))
        s.add(doc)
        s.flush()
        record_event(s, "document.issue", actor_id=clerk.id, application_id=app.id,
                     document_id=doc.id, kind=kind, number=number, sha256=digest,
                     **({"department": department} if department else {}),
                     **({"provider_uuid": data["provider"]["uuid"]} if "provider" in data else {}))
        return PendingFile(doc, pdf if render else None, self._path(doc))

    def write_files(self, pending: Sequence[PendingFile]) -> list[DocumentInfo]:
        """Write the rendered PDFs after their transaction committed; deferred ones are
        listed too (their file appears when ``render_pending``/``original_pdf`` runs)."""
        out = []
        for p in pending:
            if p.pdf is not None:
                try:
                    atomic_write(p.path, p.pdf)
                except FileFault as exc:
                    # The decision is committed; the file is re-rendered (deterministically)
                    # when the document is opened, so a full disk must not look like a
                    # failed decision the clerk would register again.
                    log.warning("document %s: file not written (%s); rendered again on open",
                                p.document.number, exc.kind)
            out.append(self._info(p.document, p.path))
        return out

    def render_pending(self, document_ids: Iterable[int]) -> list[Path]:
        """Render documents recorded without their PDF (deferred at a decision, bulk
        loads): their first rendering and hash are recorded (``document.render``)."""
        return [self.original_pdf(i) for i in document_ids]

    def build_data(self, s: Session, app: Application, kind: str, number: str, clerk: Staff,
                   issued: date, *, department: str | None = None,
                   item_ids: set[int] | None = None, aid: EmergencyAid | None = None
                   ) -> dict[str, Any]:
        town = s.scalars(select(Township)).one()
        cat = self.ctx.catalog
        applicant = app.applicant
        village = s.get(Village, app.village_id) if app.village_id else None
        id_label = IdType[applicant.id_type].label if applicant.id_type in IdType.__members__ else ""
        data: dict[str, Any] = {
            "number": number,
            "application_number": app.number,
            "reprint": False,
            "township": {"name": town.name, "code": town.code, "office": town.office_name,
                         "window_phone": town.window_phone,
                         "supervision_phone": town.supervision_phone},
            "issued_date": issued.isoformat(),
            "clerk": clerk.name,
            "applicant": {
                "name": applicant.name, "id_type": id_label,
                "id_number": applicant.id_number or f"无（{applicant.no_id_reason}）",
                "id_number_masked": mask_id(applicant.id_number) if applicant.id_number else "无",
                "phone": applicant.phone, "hukou_address": applicant.hukou_address,
                "current_address": f"{town.name}{village.name}" if village else town.name,
            },
            "items": [],
            "materials": [],
            "missing": [],
        }
        reqs = list(app.items)
        if kind == "referral":
            # Only what the receiving department needs: its own items and their materials.
            if department is None:
                raise ValueError("a referral needs its receiving department")
            reqs = [r for r in reqs if r.handler_code == department
                    and (item_ids is None or r.id in item_ids)]
            cal = self.ctx.calendar(s)
            pass_on = cal.add_workdays(issued, cat.referral_pass_on_workdays)
            dues = [r.due_date for r in reqs if r.due_date]
            data["application_number"] = app.number
            data["department"] = {"code": department, "name": cat.department(department).name}
            # issue 15: the items of one provider (社工站, charity …) — the slip names it
            chosen = {r.provider_id for r in reqs}
            if len(chosen) == 1 and None not in chosen:
                provider = provider_data(s.get_one(Provider, chosen.pop()))
                data["provider"] = provider
                data["department"]["name"] = provider["name"]
            data["referral"] = {
                "pass_on_date": pass_on.date.isoformat(),
                "feedback_date": max(dues).isoformat() if dues else "",
                "provisional": bool(pass_on.provisional or any(r.due_provisional for r in reqs)),
            }
        for req in reqs:
            self._item_rows(req, data)
        if kind == "notice_reject":
            data["reasons"] = json.loads(app.reject_reasons or "[]")
            data["appeal"] = self.ctx.get_setting(s, "appeal")
        if kind == "result_notice":
            data.update(handling_data.result_notice(cat, app, self.ctx.get_setting(s, "appeal")))
        if kind in temporary_data.DOCUMENT_KINDS:  # 先行救助记录, 补齐材料清单 (issue 13)
            data.update(temporary_data.document_data(self.ctx, s, app, kind, item_ids, aid))
        if kind in forms_data.HOUSEHOLD_FORMS:
            # 申请书 / 申报表 / 核算表 (issue 12): office copies with full ID numbers.
            data.update(forms_data.household(app, issued,
                                             data["applicant"]["current_address"]))
            data["intake_date"] = app.intake_date.isoformat()
            # The rules' calculation with the entries in force on the intake day (the
            # snapshot then freezes it): which lines count, and the 核算表's numbers.
            result = (forms_data.evaluate(self.ctx, s, app)
                      if kind in ("declaration", "calculation") else None)
            if kind == "declaration":
                excluded = {c for c, _v in result[0].figures.excluded} if result else set()
                data.update(forms_data.declaration(app, excluded))
            if kind == "calculation":
                data["calc"] = forms_data.calculation(result, app)
        # issue 13: 入户调查表, 审核确认表/初审意见表, 延期告知书 of one task ({} otherwise)
        data.update(casework_forms.application_form_data(self.ctx, s, app, kind, item_ids,
                                                         issued, data))
        # issue 15 — reviews: 复核核查表, 变更/渐退/停止 notice of the task's newest review
        data.update(review_forms.document_data(self.ctx, s, app, kind, item_ids))
        # issue 15 — care: 委托照料协议, 生活自理能力评估表 of one TEKUN task ({} otherwise)
        data.update(care_forms.document_data(s, app, kind, item_ids, issued))
        if kind == "commitment":
            today = issued
            data["members"] = [
                # The commitment is the office copy sent to the 核对 centre: full numbers
                # (template v2 prints ``id_number``; v1 printed the masked one).
                {"name": m.name, "relation": m.relation,
                 "id_number": m.id_number or "无",
                 "id_number_masked": mask_id(m.id_number) if m.id_number else "无",
                 "adult": m.birth_date is None or _age(m.birth_date, today) >= 18,
                 **({"not_counted": True} if not m.counted else {})}
                for m in app.members
            ]
            # Legal supporters recorded with the application (issue 12): each signs the
            # authorisation (民发〔2021〕57号: 共同生活的家庭成员和法定赡养/抚养/扶养义务人).
            data["supporters"] = [
                {"name": p.name, "relation": p.relation, "id_number": p.id_number or "无",
                 "id_number_masked": mask_id(p.id_number) if p.id_number else "无",
                 "adult": True}
                for p in app.related if p.supporter
            ]
            # The recorded guardian of a minor applicant (template v3 names them and
            # gives them the signing row); absent from earlier snapshots.
            data["guardian"] = forms_data.guardian(app, today)
        return data

    def _item_rows(self, req: RequestedItem, data: dict[str, Any]) -> None:
        """The item's row and its materials' rows (received / missing) of ``data``."""
        cat = self.ctx.catalog
        item = cat.item(req.item_code)
        data["items"].append({
            "code": item.code, "name": item.name,
            "handler": cat.department(item.handler).name,
            "limit_days": req.limit_days,
            "due_date": req.due_date.isoformat() if req.due_date else "",
            "provisional": bool(req.due_provisional),
            # issue 13: a task waiting for the household's status has no due date yet
            "waiting": (f"{self._awaiting(req)}，认定后起算" if req.waiting_for else ""),
        })
        for mat in req.materials:
            row = {"item": item.name, "name": mat.name}
            if mat.status == MaterialStatus.NA:
                continue
            if mat.status == MaterialStatus.MISSING and self._at_decision(item, mat.code):
                # asked for at 审核确认 (the bank account): not missing at 受理
                data["materials"].append({**row, "status": dependent_rules.AT_DECISION_LABEL})
            elif mat.status == MaterialStatus.MISSING:
                data["missing"].append(row)
            elif mat.status == MaterialStatus.AWAITING:
                data["materials"].append({**row, "status": self._awaiting(req)})
            else:
                data["materials"].append({**row, "status": vocab.MATERIAL_LABELS[mat.status]})

    def _awaiting(self, req: RequestedItem) -> str:
        """``待低保认定`` / ``待特困认定`` for a material or task waiting for a status."""
        if not req.waiting_for:
            return vocab.MATERIAL_LABELS[MaterialStatus.AWAITING]
        try:
            short = self.ctx.catalog.item(req.waiting_for).short_name
        except KeyError:
            short = None
        return dependent_rules.awaiting_label(req.waiting_for, short)

    @staticmethod
    def _at_decision(item: Item, code: str) -> bool:
        try:
            return dependent_rules.at_decision(item.material(code))
        except KeyError:
            return False

    # -- reads -----------------------------------------------------------------------
    def _info(self, doc: Document, path: Path | None = None) -> DocumentInfo:
        return DocumentInfo(doc.id, doc.application_id, doc.kind,
                            printing.DOCUMENT_KINDS.get(doc.kind, doc.kind), doc.number,
                            path or self._path(doc), doc.created_at, doc.print_count,
                            doc.voided, doc.void_reason)

    def for_application(self, application_id: int) -> list[DocumentInfo]:
        with self.ctx.db.read() as s:
            docs = s.scalars(select(Document).where(Document.application_id == application_id)
                             .order_by(Document.id))
            return [self._info(d) for d in docs]

    def find(self, kind: str, number: str) -> DocumentInfo:
        with self.ctx.db.read() as s:
            doc = s.scalar(select(Document).where(Document.kind == kind, Document.number == number))
            if doc is None:
                raise LookupError(f"没有编号为 {number} 的{printing.DOCUMENT_KINDS.get(kind, kind)}")
            return self._info(doc)

    def original_pdf(self, document_id: int, by: ActorRef | None | _Program = PROGRAM) -> Path:
        """The issued PDF, re-rendered from its snapshot if the file went missing.

        Rendering is deterministic, so the re-rendered file has the recorded hash; a
        document recorded by a bulk load gets its first rendering and hash here.

        ``by``: who opens it (the window, the ``print`` verb). A document that prints
        the household's full ID numbers (承诺书/授权书 v2+, 申请书, 申报表) opens only
        for someone with the full-ID right for that application — the rule a reprint
        and ``QueryService.full_ids`` follow (docs/roles.md); else
        :class:`PermissionDenied` (``None`` = nobody logged in: denied too). Left out
        (``PROGRAM``): the program itself — rendering deferred documents, the handover
        list, the self-test — shows the file to no one.
        """
        with self.ctx.db.read() as s:
            doc = s.get_one(Document, document_id)
            if not isinstance(by, _Program) and _shows_household_ids(doc):
                actor, _ = auth.resolve(s, by)
                _require_full_ids(actor, s.get_one(Application, doc.application_id))
            path = self._path(doc)
            if path.exists() and hashlib.sha256(path.read_bytes()).hexdigest() == doc.sha256:
                return path
            pdf = printing.render_document(doc.kind, json.loads(doc.data), _version(doc),
                                           signing_key=document_key(self.ctx))
        digest = hashlib.sha256(pdf).hexdigest()
        if doc.sha256 and digest != doc.sha256:
            raise RuntimeError(f"文书 {doc.number} 重新生成的内容与存档哈希不一致")
        if not doc.sha256:
            with self.ctx.db.transaction() as s:
                row = s.get_one(Document, document_id)
                if not row.sha256:  # (another window may have rendered it meanwhile)
                    row.sha256 = digest
                    row.prints.append(DocumentPrint(reprint=False, sha256=digest,
                                                    by_id=row.created_by_id))
                    # The hash enters the chained log, so ``check`` can prove the file.
                    record_event(s, "document.render", actor_id=row.created_by_id,
                                 application_id=row.application_id, document_id=row.id,
                                 number=row.number, sha256=digest)
        atomic_write(path, pdf)
        return path

    # -- reprint and void ------------------------------------------------------------
    def reprint(self, document_id: int, by: ActorRef) -> Outcome[DocumentInfo]:
        """补打: the same content, marked as a reprint, logged (``document.reprint``).

        Producing the 补打 PDF is not a print: ``print_count`` changes when the window
        sends it to a printer (:meth:`record_prints`, issue 14).
        ``by``: the logged-in :class:`~.auth.Actor` (or a staff id)."""
        with self.ctx.db.transaction() as s:
            actor, _ = auth.require(s, by, auth.REPRINT)
            by_id = actor.staff_id
            doc = s.get_one(Document, document_id)
            if doc.voided:
                raise ValidationErrors([ValidationError("document", "voided",
                                                        key="document.voided_no_reprint")])
            if _shows_household_ids(doc):
                _require_full_ids(actor, s.get_one(Application, doc.application_id))
            data = json.loads(doc.data)
            data["reprint"] = True
            pdf = printing.render_document(doc.kind, data, _version(doc),
                                           signing_key=document_key(self.ctx))
            digest = hashlib.sha256(pdf).hexdigest()
            doc.prints.append(DocumentPrint(reprint=True, sha256=digest, by_id=by_id))
            n = sum(1 for p in doc.prints if p.reprint)  # 1 = the first 补打
            record_event(s, "document.reprint", actor_id=by_id, application_id=doc.application_id,
                         document_id=doc.id, number=doc.number, reprint=n, sha256=digest)
            path = self._path(doc, reprint=n)
        atomic_write(path, pdf)
        return Outcome(self._info(doc, path),
                       Changes(applications={doc.application_id}, documents={doc.id}))

    def record_prints(self, by: ActorRef, *, documents: Iterable[int] = (),
                      lists: Iterable[int] = (), printer: str = "",
                      copies: int = 1) -> Outcome[dict[int, int]]:
        """The window sent these documents (and list documents) to ``printer``: each
        one's ``print_count`` grows by ``copies`` and a ``document.print`` event names
        the printer queue (issue 14). Generating, opening or saving a PDF is not a print.
        Returns {document id: new count} for ``documents``."""
        doc_ids, list_ids = sorted(set(documents)), sorted(set(lists))
        copies = max(1, int(copies))
        printer = "".join(ch for ch in printer if ch.isprintable())[:120]  # a queue name
        counts: dict[int, int] = {}
        apps: set[int] = set()
        with self.ctx.db.transaction() as s:
            actor, _ = auth.resolve(s, by)
            for doc in s.scalars(select(Document).where(Document.id.in_(doc_ids))):
                doc.print_count += copies
                counts[doc.id] = doc.print_count
                apps.add(doc.application_id)
                record_event(s, "document.print", actor_id=actor.staff_id,
                             application_id=doc.application_id, document_id=doc.id,
                             number=doc.number, count=doc.print_count, printer=printer)
            for row in s.scalars(select(ListDocument).where(ListDocument.id.in_(list_ids))):
                row.print_count += copies
                record_event(s, "document.print", actor_id=actor.staff_id,
                             list_document_id=row.id, number=row.number,
                             count=row.print_count, printer=printer)
        return Outcome(counts, Changes(applications=apps, documents=set(counts),
                                       lists=set(list_ids)))

    def void(self, document_id: int, reason: str, by: ActorRef, *,
             confirmed_by: ActorRef | None = None) -> Outcome[DocumentInfo]:
        """作废: the number stays used, with its reason; a voided decision voids the application.

        A supervisor or administrator voids on their own. A clerk may void only with a
        supervisor's confirmation: ``confirmed_by`` is the actor returned by
        ``AccountService.confirm(username, password)`` at the clerk's screen. Raises
        :class:`~desktop_app.core.errors.PermissionDenied` otherwise.
        """
        try:
            reason = values.plain_text(reason, "void_reason")
        except ValidationError as exc:
            raise ValidationErrors([exc]) from None
        if not reason:
            raise ValidationErrors([ValidationError("void_reason", "required",
                                                    key="document.void_reason_required")])
        if len(reason) > VOID_REASON_MAX_LEN:
            raise ValidationErrors([ValidationError("void_reason", "too_long",
                                                    key="document.void_reason_too_long",
                                                    params={"max": VOID_REASON_MAX_LEN})])
        with self.ctx.db.transaction() as s:
            actor, confirmer = void_authority(s, by, confirmed_by)
            doc = s.get_one(Document, document_id)
            if doc.voided:
                raise ValidationErrors([ValidationError("document", "voided",
                                                        key="document.already_voided")])
            doc.voided, doc.void_reason = True, reason
            doc.voided_by_id, doc.voided_at = actor.staff_id, utcnow()
            app = s.get_one(Application, doc.application_id)
            changes: dict[str, list[str]] = {}
            if doc.kind in ("receipt", "notice_missing", "notice_reject") and app.status != ApplicationStatus.VOIDED:
                changes = {"status": [app.status, ApplicationStatus.VOIDED]}
                app.status, app.void_reason = ApplicationStatus.VOIDED, reason
            record_event(s, "document.void", actor_id=actor.staff_id,
                         application_id=doc.application_id, document_id=doc.id,
                         number=doc.number, reason=reason, changes=changes,
                         confirmed_by=confirmer.staff_id)
            return Outcome(self._info(doc),
                           Changes(applications={doc.application_id}, documents={doc.id}))


def void_authority(s: Session, by: ActorRef, confirmed_by: ActorRef | None
                   ) -> tuple[auth.Actor, auth.Actor]:
    """(who voids, who authorised it): a supervisor themselves, or a clerk with a
    supervisor's confirmation."""
    actor, _ = auth.resolve(s, by)
    if actor.system:
        raise _void_denied()
    if actor.can(auth.VOID):
        return actor, actor
    if confirmed_by is None:
        raise _void_denied()
    confirmer, _ = auth.resolve(s, confirmed_by)
    if confirmer.system or not confirmer.can(auth.VOID):
        raise _void_denied()
    return actor, confirmer


def _void_denied() -> Exception:
    return PermissionDenied(auth.VOID, auth.MESSAGES[auth.VOID])


def _version(doc: Document) -> int | None:
    """The template revision a document was issued with (re-rendered with it, so the
    bytes match the recorded hash after the template changed)."""
    return int(doc.template_version) if doc.template_version.isdigit() else None


#: Office copies printing every member's (and supporter's) full ID number.
FULL_ID_KINDS = frozenset({"application_form", "declaration"})


def _require_full_ids(actor: auth.Actor, app: Application) -> None:
    """The full-ID rule (docs/roles.md): any application with FULL_ID_ANY, one the actor
    registered or decided with FULL_ID_OWN."""
    own = actor.staff_id is not None and actor.staff_id in (app.created_by_id,
                                                           app.decided_by_id)
    if not (actor.can(auth.FULL_ID_ANY) or (own and actor.can(auth.FULL_ID_OWN))):
        raise PermissionDenied(auth.FULL_ID_ANY, auth.MESSAGES[auth.FULL_ID_ANY])


def _shows_household_ids(doc: Document) -> bool:
    """A 承诺书/核对授权书 from template v2 on, a 申请书 and a 申报表 print every member's
    full ID number: a reprint follows the full-ID rule (docs/roles.md), like
    ``QueryService.full_ids``. (The 核算表 prints names and numbers, no ID numbers.)"""
    if doc.kind in FULL_ID_KINDS:
        return True
    version = _version(doc)
    return doc.kind == "commitment" and version is not None and version >= 2


def _age(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))
