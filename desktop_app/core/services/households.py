"""The household file (一户一档, issue 16): one household across all its applications.

A **household** is the set of applications whose applicant (the member at position 0,
relation 本人) has the same ID number — the rule the timeline's
:func:`~.handling.timeline.household_applications` follows. Its key is that ID number; an
applicant without an ID number is a household of one application, key ``app:<id>``.

* :func:`household_key` / :meth:`HouseholdService.key_for_application` — the key;
* :meth:`HouseholdService.find` — households by full ID number, 办件编号 (or a document
  number) or name (the search keys of :class:`~.queries.QueryService`);
* :meth:`HouseholdService.view` — the household across its applications: members over
  time (the applications' households and the re-check snapshots), results, payments,
  re-checks and documents with their hash state;
* :meth:`HouseholdService.export_pdf` — the whole file as one PDF (``household_pdf.py``).

Reads only, except ``export_pdf`` (an audited export; it may record the first rendering
of a bulk-loaded document like ``documents.original_pdf`` does — run it on the write lane).
ID numbers are masked in everything these return: full numbers are shown through
``QueryService.full_ids`` (audited) and printed only on the office copies inside the file.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from sync_contract.text import canonical_query

from .. import vocab
from ..models import (
    Application,
    Document,
    EmergencyAid,
    HouseholdMember,
    HouseholdReview,
    RequestedItem,
)
from ..rules import dynamic as dynamic_rules
from ..rules.identity import mask_id
from .auth import ActorRef
from .context import ServiceContext
from .documents import DocumentInfo, DocumentService
from .household_keys import APP_KEY_PREFIX, application_ids, household_key

if TYPE_CHECKING:
    from .context import Outcome
    from .household_pdf import HouseholdExport

@dataclass(frozen=True)
class HouseholdRef:
    """A household found by :meth:`HouseholdService.find`: the newest application's
    applicant name, the masked ID number, how many applications and their date range."""

    key: str
    name: str
    masked_id: str
    applications: int
    first_on: date
    last_on: date


@dataclass(frozen=True)
class ItemResult:
    """One requested item of an application and its result (if any)."""

    application_id: int
    application_number: str
    code: str
    name: str
    task_status: str          # vocab.TaskStatus code or "" (not accepted)
    status_label: str         # 已办结 / 不予办理 / 办理中 … or the item's status
    result_on: date | None
    result_text: str
    amount_fen: int | None
    period_from: date | None
    period_to: date | None

    @property
    def has_result(self) -> bool:
        return self.result_on is not None


@dataclass(frozen=True)
class HouseholdApplication:
    id: int
    number: str
    intake_date: date
    status: str
    status_label: str
    source_label: str
    closed_on: date | None
    items: list[ItemResult]


@dataclass(frozen=True)
class MemberSpan:
    """A person of the household over time: the first and last application (or
    re-check) whose household lists them. ``from_number``/``to_number``: 办件编号 of
    those applications (a re-check counts as its application)."""

    name: str
    relation: str
    masked_id: str
    from_number: str
    to_number: str
    first_on: date
    last_on: date
    snapshots: int            # in how many recorded households (applications + re-checks)


@dataclass(frozen=True)
class Payment:
    """Money: a 先行救助 payment (``kind`` "emergency"), a granted monthly benefit as the
    result recorded it ("granted"), or the amount a re-check set ("review")."""

    kind: str
    label: str
    on: date
    application_number: str
    item_name: str
    amount_fen: int
    monthly: bool
    period_from: date | None = None
    period_to: date | None = None
    reference: str = ""


@dataclass(frozen=True)
class ReviewInfo:
    id: int
    application_number: str
    item_name: str
    kind_label: str
    on: date
    outcome_label: str
    amount_fen: int | None
    effective_month: date
    review_class: str
    next_review_on: date | None
    members: int


@dataclass(frozen=True)
class HouseholdDocument:
    """A document of the household with the state of its saved file: ``hash_ok`` True
    (the file matches the recorded SHA-256), False (it does not: tampered or damaged),
    None (no file yet — re-rendered from its snapshot when opened — or never rendered)."""

    info: DocumentInfo
    application_number: str
    sha256: str
    hash_ok: bool | None
    full_ids: bool            # prints the household's full ID numbers (office copy)


@dataclass(frozen=True)
class HouseholdFile:
    key: str
    applicant_name: str
    applicant_id: str         # masked
    applications: list[HouseholdApplication]
    members: list[MemberSpan]
    results: list[ItemResult]
    payments: list[Payment]
    reviews: list[ReviewInfo]
    documents: list[HouseholdDocument]
    full_ids: bool = field(default=False)  # ID numbers here are masked (see the module)


#: An item that never became a task: its fate at intake.
_ITEM_STATUS_LABELS = {"requested": "已申请", "accepted": "已受理", "rejected": "不予受理",
                       "withdrawn": "已撤回"}


def _masked(id_number: str) -> str:
    return mask_id(id_number) if id_number else "无证件"


class HouseholdService:
    def __init__(self, ctx: ServiceContext, documents: DocumentService) -> None:
        self.ctx = ctx
        self.documents = documents

    # -- keys and search ---------------------------------------------------------------
    def key_for_application(self, application_id: int) -> str:
        with self.ctx.db.read() as s:
            if s.get(Application, application_id) is None:
                raise LookupError(f"application {application_id} not found")
            id_number = s.scalar(select(HouseholdMember.id_number).where(
                HouseholdMember.application_id == application_id,
                HouseholdMember.position == 0)) or ""
            return household_key(id_number, application_id)

    def find(self, text: str, limit: int = 50) -> list[HouseholdRef]:
        """Households whose applications match ``text`` — a full ID number (of the
        applicant or of any member), a 办件编号 or document number (or its prefix), a
        name, pinyin or an ID fragment, as the applications search reads it — newest
        first, at most ``limit``."""
        from .queries import QueryService

        q = canonical_query(text)
        if not q:
            return []
        cond = QueryService._match(q)
        if cond is None:
            return []
        with self.ctx.db.read() as s:
            ids = list(s.scalars(select(Application.id).where(cond)
                                 .order_by(Application.id.desc()).limit(500)))
            if not ids:
                return []
            keys: list[str] = []
            for app_id, id_number in s.execute(
                    select(HouseholdMember.application_id, HouseholdMember.id_number)
                    .where(HouseholdMember.application_id.in_(ids),
                           HouseholdMember.position == 0)):
                key = household_key(id_number, app_id)
                if key not in keys:
                    keys.append(key)
            by_id = [k for k in keys if not k.startswith(APP_KEY_PREFIX)]
            refs: dict[str, HouseholdRef] = {}
            if by_id:
                rows = s.execute(
                    select(HouseholdMember.id_number, func.count(Application.id),
                           func.min(Application.intake_date), func.max(Application.intake_date),
                           func.max(Application.id))
                    .join(Application, Application.id == HouseholdMember.application_id)
                    .where(HouseholdMember.id_number.in_(by_id), HouseholdMember.position == 0)
                    .group_by(HouseholdMember.id_number))
                newest: dict[str, tuple[int, date, date, int]] = {}
                for id_number, count, first_on, last_on, newest_id in rows:
                    newest[id_number] = (int(count), first_on, last_on, int(newest_id))
                names: dict[int, str] = {}
                for app_id, name in s.execute(
                        select(HouseholdMember.application_id, HouseholdMember.name)
                        .where(HouseholdMember.application_id.in_(
                            [v[3] for v in newest.values()]), HouseholdMember.position == 0)):
                    names[app_id] = name
                for k, (n, first, last, newest_id) in newest.items():
                    refs[k] = HouseholdRef(k, names.get(newest_id, ""), _masked(k), n, first, last)
            loose = [int(k[len(APP_KEY_PREFIX):]) for k in keys if k.startswith(APP_KEY_PREFIX)]
            if loose:
                for app_id, name, on in s.execute(
                        select(Application.id, HouseholdMember.name, Application.intake_date)
                        .join(HouseholdMember, and_(HouseholdMember.application_id == Application.id,
                                                    HouseholdMember.position == 0))
                        .where(Application.id.in_(loose))):
                    k = household_key("", app_id)
                    refs[k] = HouseholdRef(k, name, _masked(""), 1, on, on)
        found = [refs[k] for k in keys if k in refs]
        found.sort(key=lambda r: (r.last_on, r.key), reverse=True)
        return found[:limit]

    # -- the view ------------------------------------------------------------------------
    def view(self, key: str, by: ActorRef) -> HouseholdFile:
        """The household ``key`` across its applications (see :class:`HouseholdFile`).
        Raises ``LookupError`` for a key without applications; ``PermissionDenied`` when
        nobody is logged in."""
        from . import auth

        cat = self.ctx.catalog
        with self.ctx.db.read() as s:
            auth.resolve(s, by)
            ids = application_ids(s, key)
            if not ids:
                raise LookupError("household not found")
            apps = list(s.scalars(select(Application).where(Application.id.in_(ids))
                                  .order_by(Application.intake_date, Application.id)))
            numbers = {a.id: a.number or "" for a in apps}
            applications: list[HouseholdApplication] = []
            results: list[ItemResult] = []
            payments: list[Payment] = []
            items_by_id: dict[int, RequestedItem] = {}
            spans = _MemberSpans()
            for a in apps:
                rows = []
                for r in a.items:
                    items_by_id[r.id] = r
                    name = cat.item(r.item_code).name if cat.has_item(r.item_code) else r.item_code
                    label = (vocab.TASK_STATUS_LABELS.get(r.task_status, r.task_status)
                             if r.task_status else _ITEM_STATUS_LABELS.get(r.status, r.status))
                    item = ItemResult(a.id, numbers[a.id], r.item_code, name, r.task_status or "",
                                      label, r.result_on, r.result_text, r.amount_fen,
                                      r.period_from, r.period_to)
                    rows.append(item)
                    if item.has_result:
                        results.append(item)
                    if r.amount_fen and r.result_on and r.task_status == "done" and r.period_from:
                        payments.append(Payment("granted", "核定救助金额", r.period_from,
                                                numbers[a.id], name, r.amount_fen, True,
                                                r.period_from, r.period_to))
                applications.append(HouseholdApplication(
                    a.id, numbers[a.id], a.intake_date, a.status,
                    vocab.STATUS_LABELS.get(a.status, a.status),
                    vocab.SOURCE_LABELS.get(a.source, a.source), a.closed_on, rows))
                spans.add([(m.name, m.relation, m.id_number) for m in a.members],
                          numbers[a.id], a.intake_date)
            for aid in s.scalars(select(EmergencyAid).where(EmergencyAid.application_id.in_(ids))
                                 .order_by(EmergencyAid.paid_on, EmergencyAid.id)):
                req = items_by_id.get(aid.item_id)
                name = cat.item(req.item_code).name if req and cat.has_item(req.item_code) else ""
                payments.append(Payment("emergency", "先行救助", aid.paid_on,
                                        numbers[aid.application_id], name, aid.amount_fen, False,
                                        reference=aid.number))
            reviews: list[ReviewInfo] = []
            for rv in s.scalars(select(HouseholdReview)
                                .where(HouseholdReview.application_id.in_(ids))
                                .order_by(HouseholdReview.on, HouseholdReview.id)):
                req = items_by_id.get(rv.item_id)
                name = cat.item(req.item_code).name if req and cat.has_item(req.item_code) else ""
                reviews.append(ReviewInfo(
                    rv.id, numbers[rv.application_id], name,
                    dynamic_rules.KIND_LABELS.get(rv.kind, rv.kind), rv.on,
                    dynamic_rules.OUTCOME_LABELS.get(rv.outcome, rv.outcome), rv.amount_fen,
                    rv.effective_month, rv.review_class, rv.next_review_on, rv.counted_members))
                if rv.amount_fen and rv.outcome in ("continue", "adjust", "taper"):
                    payments.append(Payment("review", f"复核后救助金额（{reviews[-1].outcome_label}）",
                                            rv.effective_month, numbers[rv.application_id], name,
                                            rv.amount_fen, True, rv.effective_month,
                                            rv.taper_ends_on))
                spans.add(_review_members(rv.household), numbers[rv.application_id], rv.on)
            payments.sort(key=lambda p: (p.on, p.kind))
            documents = self._documents(s, ids, numbers)
            applicant = apps[-1].applicant
            return HouseholdFile(key, applicant.name, _masked(applicant.id_number), applications,
                                 spans.result(), results, payments, reviews, documents)

    def _documents(self, s: Session, ids: list[int], numbers: dict[int, str]
                   ) -> list[HouseholdDocument]:
        from .documents import _shows_household_ids

        out = []
        for doc in s.scalars(select(Document).where(Document.application_id.in_(ids))
                             .order_by(Document.created_at, Document.id)):
            info = self.documents._info(doc)
            out.append(HouseholdDocument(info, numbers.get(doc.application_id, ""), doc.sha256,
                                         file_state(info.path, doc.sha256),
                                         _shows_household_ids(doc)))
        return out

    # -- the PDF ---------------------------------------------------------------------------
    def export_pdf(self, key: str, out: Path, by: ActorRef, *,
                   progress: Callable[[int, int | None], None] | None = None,
                   cancelled: Callable[[], bool] | None = None) -> Outcome[HouseholdExport]:
        """The household file as one PDF at ``out``: an index with page numbers, then
        every saved document in the order issued, each verified against its recorded
        SHA-256, one bookmark each; atomic, audited (``household.file``); a document
        whose file differs from its hash stops it (``household.hash_mismatch``).
        ``progress(done, total)``; ``cancelled()`` true → :class:`Cancelled`, nothing
        written. See :mod:`.household_pdf`."""
        from .household_pdf import export

        return export(self.ctx, self.documents, key, out, by, progress=progress,
                      cancelled=cancelled)


def file_state(path: Path, sha256: str) -> bool | None:
    """True/False: the file at ``path`` has/has not the hash ``sha256``; None: no file,
    or no recorded hash yet (a bulk-loaded document never rendered)."""
    if not sha256 or not path.exists():
        return None
    return hashlib.sha256(path.read_bytes()).hexdigest() == sha256


def _review_members(household_json: str) -> list[tuple[str, str, str]]:
    """(name, relation, ID number) of a re-check's recorded household (draft JSON)."""
    try:
        body: dict[str, Any] = json.loads(household_json)["draft"]
    except (ValueError, KeyError, TypeError):
        return []
    people = [body.get("applicant") or {}, *(body.get("members") or [])]
    return [(str(p.get("name", "")), str(p.get("relation", "")), str(p.get("id_number", "")))
            for p in people if isinstance(p, dict) and p.get("name")]


class _MemberSpans:
    """Members over time: one span per person (by ID number, else by name)."""

    def __init__(self) -> None:
        self._spans: dict[str, dict[str, Any]] = {}
        self._order: list[str] = []

    def add(self, people: list[tuple[str, str, str]], number: str, on: date) -> None:
        for name, relation, id_number in people:
            k = f"id:{id_number}" if id_number else f"name:{name}"
            span = self._spans.get(k)
            if span is None:
                self._spans[k] = {"name": name, "relation": relation, "id": id_number,
                                  "from": number, "to": number, "first": on, "last": on, "n": 1}
                self._order.append(k)
                continue
            span["n"] += 1
            if on >= span["last"]:
                span.update(name=name, relation=relation, to=number, last=on)
            if on < span["first"]:
                span.update(**{"from": number, "first": on})

    def result(self) -> list[MemberSpan]:
        return [MemberSpan(sp["name"], sp["relation"], _masked(sp["id"]), sp["from"], sp["to"],
                           sp["first"], sp["last"], sp["n"])
                for sp in (self._spans[k] for k in self._order)]


__all__ = ["APP_KEY_PREFIX", "HouseholdApplication", "HouseholdDocument", "HouseholdFile",
           "HouseholdRef", "HouseholdService", "ItemResult", "MemberSpan", "Payment",
           "ReviewInfo", "application_ids", "file_state", "household_key"]
