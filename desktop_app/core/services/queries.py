"""Read-side queries: the applications list, search and the detail view.

Search strategy (DESIGN §3; SQLite 3.40's trigram tokenizer cannot match 1–2
characters, and most names are 2–3 characters):

* a document number (``330102101-20261124-0001`` or a prefix of it) → the unique
  index on ``application.number`` / ``document.number``;
* Chinese text → name prefix, ASCII letters → pinyin initials or full pinyin prefix,
  both answered from the ``search_key`` primary-key index;
* 3 or more digits (an ID fragment such as "0021" or "19491231") → the ``id_fts``
  trigram index; 1–2 digits are too short to mean anything and return nothing.

The query is first brought to the stored form (DESIGN §9, ``sync_contract.text``):
"阿依古丽•买买提", "张　三", "张\u200b三" look for the canonical "阿依古丽·买买提" /
"张三"; full-width digits (an IME) become ASCII; spaces and hyphens inside an ID number
are dropped ("110105-19491231-0021").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Integer, Select, and_, column, func, or_, select, text
from sqlalchemy.orm import Session

from sync_contract.text import DASHES, canonical_id_number, canonical_query

from .. import vocab
from ..catalog import TOWNSHIP, Catalog
from ..errors import PermissionDenied, ValidationError
from ..models import (
    Application,
    Document,
    Event,
    HouseholdMember,
    Income,
    RelatedPerson,
    SearchKey,
    Staff,
    Village,
)
from ..rules.dependents import material_label
from ..rules.identity import mask_id
from . import auth
from .auth import ActorRef
from .context import Changes, Outcome, ServiceContext
from .events import record_event

_NUMBER = re.compile(r"^\d{9}-\d{0,8}(-\d{0,6})?$|^\d{9}-$")
_ID_FRAGMENT = re.compile(r"^[0-9]{3,17}[0-9Xx]?$")
_PINYIN = re.compile(r"^[a-zA-Z]+$")
_TOP = "\U0010ffff"


@dataclass
class SearchFilters:
    date_from: date | None = None
    date_to: date | None = None
    status: str | None = None
    village_id: int | None = None


@dataclass(frozen=True)
class ApplicationRow:
    id: int
    number: str
    intake_date: date
    name: str
    id_masked: str
    village: str
    items: str
    status: str
    status_label: str
    urgent: bool


@dataclass(frozen=True)
class MemberView:
    relation: str
    name: str
    id_type: str
    id_masked: str
    sex: str
    birth_date: date | None
    hukou_type: str
    health: str
    disability: str
    employment: str
    counted: bool = True
    counted_reason: str = ""   # label (配偶 …), "" if not given
    guardian: bool = False     # the minor applicant's guardian (监护人)
    name_typed: str = ""       # the name as typed when it differs from ``name``, else ""


@dataclass(frozen=True)
class RelatedView:
    """A legal supporter and/or outside guardian (``RelatedPerson``), ID masked."""

    relation: str
    name: str
    id_type: str
    id_masked: str
    phone: str
    address: str
    supporter: bool
    guardian: bool
    household_size: int | None
    monthly_income_fen: int | None
    able: bool | None
    unable_reason: str          # label, "" if none
    name_typed: str = ""        # the name as typed when it differs from ``name``, else ""


@dataclass(frozen=True)
class ItemView:
    code: str
    name: str
    handler: str
    limit_days: int
    due_date: date | None
    provisional: bool
    status: str
    materials: list[tuple[str, str]]  # (name, status label)
    decider: str = ""  # who decides (审核确认), set at acceptance; "" before
    referred: bool = False  # handled by a county department (转办)


@dataclass(frozen=True)
class EventView:
    at: datetime
    actor: str
    action: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class FullId:
    position: int
    relation: str
    name: str
    id_number: str
    related: bool = False  # a supporter / guardian outside the household (position in ``related``)


@dataclass
class ApplicationDetail:
    row: ApplicationRow
    phone: str
    hukou_address: str
    source: str
    hardship_reason: str
    monthly_income_fen: int
    per_capita_income_fen: int
    incomes: list[tuple[str, int]]
    members: list[MemberView]
    items: list[ItemView]
    reject_reasons: list[str]
    void_reason: str
    events: list[EventView] = field(default_factory=list)
    supporters_able: bool | None = None  # 义务人能否赡养（抚养、扶养）; None = not recorded
    hardship_cause: str = ""       # label (因病 …), "" if not given
    staff_relative_note: str = ""  # non-empty: 经办人员或村（居）干部近亲属, registered separately
    closed_on: date | None = None
    # The income calculation stored at intake (issue 12); all None on applications
    # recorded before it was stored — never recomputed here.
    counted_members: int | None = None
    excluded_income_fen: int | None = None
    deduction_fen: int | None = None
    net_income_fen: int | None = None
    net_per_capita_fen: int | None = None
    topup_fen: int | None = None
    # (label, fen, counted) per income line; counted None = recorded before it was stored.
    income_lines: list[tuple[str, int, bool | None]] = field(default_factory=list)
    medical_spending_fen: int = 0
    medical_reimbursed_fen: int = 0
    residence_kind: str = ""        # label (户籍地申请 …)
    residence_address: str = ""
    residence_permit_no: str = ""
    related: list[RelatedView] = field(default_factory=list)
    # 公示 limits (rules/publicity.py): "" = none; plain Chinese otherwise.
    publicity_note: str = ""


class QueryService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def search(self, query: str = "", filters: SearchFilters | None = None,
               limit: int = 500) -> list[ApplicationRow]:
        """Applications matching ``query`` and ``filters``, newest first."""
        ids = self.search_ids(query, filters, limit)
        return self.rows(ids)

    def search_ids(self, query: str = "", filters: SearchFilters | None = None,
                   limit: int = 500) -> list[int]:
        filters = filters or SearchFilters()
        stmt: Select[int] = select(Application.id)
        q = canonical_query(query)
        if q:
            cond = self._match(q)
            if cond is None:
                return []
            stmt = stmt.where(cond)
        if filters.date_from:
            stmt = stmt.where(Application.intake_date >= filters.date_from)
        if filters.date_to:
            stmt = stmt.where(Application.intake_date <= filters.date_to)
        if filters.status:
            stmt = stmt.where(Application.status == filters.status)
        if filters.village_id:
            stmt = stmt.where(Application.village_id == filters.village_id)
        stmt = stmt.order_by(Application.id.desc()).limit(limit)
        with self.ctx.db.read() as s:
            return list(s.scalars(stmt))

    @staticmethod
    def _match(q: str) -> ColumnElement[bool] | None:
        """The condition for a query ``q`` already in the stored form of a name
        (:func:`~sync_contract.text.canonical_query`, DESIGN §9: dot look-alikes, spaces,
        zero-width characters, full-width letters and digits); an ID number is read
        without spaces or hyphens, a document number with ASCII hyphens."""
        number = "".join("-" if ch in DASHES else ch for ch in q if not ch.isspace())
        if _NUMBER.match(number):
            hi = number + _TOP
            by_app = and_(Application.number >= number, Application.number < hi)
            by_doc = Application.id.in_(
                select(Document.application_id).where(Document.number >= number, Document.number < hi))
            return or_(by_app, by_doc)
        digits = canonical_id_number(q)
        if len(digits) == 18 and _ID_FRAGMENT.match(digits):  # a whole ID number: exact index
            return Application.id.in_(select(HouseholdMember.application_id)
                                      .where(HouseholdMember.id_number == digits))
        if _ID_FRAGMENT.match(digits):
            member_ids = (text("SELECT rowid FROM id_fts WHERE id_fts MATCH :m")
                          .bindparams(m=f'"{digits}"').columns(column("rowid", Integer)))
            return Application.id.in_(
                select(HouseholdMember.application_id).where(HouseholdMember.id.in_(member_ids)))
        if digits.isdigit():
            return None  # one or two digits: too short to be a useful fragment
        letters = q.replace(" ", "")
        key = letters.lower() if _PINYIN.match(letters) else q
        return Application.id.in_(
            select(SearchKey.application_id).where(SearchKey.key >= key, SearchKey.key < key + _TOP))

    def count(self) -> int:
        with self.ctx.db.read() as s:
            return int(s.scalar(select(func.count()).select_from(Application)) or 0)

    def rows(self, ids: list[int]) -> list[ApplicationRow]:
        """List rows for ``ids`` in the given order (two indexed queries, no ORM objects)."""
        if not ids:
            return []
        from ..models import RequestedItem

        with self.ctx.db.read() as s:
            found = {
                r.id: r for r in s.execute(
                    select(Application.id, Application.number, Application.intake_date,
                           Application.status, Application.urgent, HouseholdMember.name,
                           HouseholdMember.id_number, Village.name.label("village"))
                    .join(HouseholdMember, and_(HouseholdMember.application_id == Application.id,
                                                HouseholdMember.position == 0))
                    .outerjoin(Village, Village.id == Application.village_id)
                    .where(Application.id.in_(ids)))
            }
            items: dict[int, list[str]] = {}
            for app_id, code in s.execute(
                select(RequestedItem.application_id, RequestedItem.item_code)
                .where(RequestedItem.application_id.in_(ids)).order_by(RequestedItem.position)
            ):
                items.setdefault(app_id, []).append(self.ctx.catalog.item(code).short_name)
        out = []
        for i in ids:
            r = found.get(i)
            if r is None:
                continue
            out.append(ApplicationRow(
                r.id, r.number or "", r.intake_date, r.name,
                mask_id(r.id_number) if r.id_number else "无证件", r.village or "",
                "、".join(items.get(i, [])), r.status,
                vocab.STATUS_LABELS.get(r.status, r.status), r.urgent,
            ))
        return out

    def detail(self, application_id: int) -> ApplicationDetail:
        with self.ctx.db.read() as s:
            a = s.get(Application, application_id)
            if a is None:
                raise LookupError(f"application {application_id} not found")
            row = self.rows([application_id])[0]
            cat = self.ctx.catalog
            from ..rules.identity import IdType

            members = [
                MemberView(m.relation, m.name,
                           IdType[m.id_type].label if m.id_type in IdType.__members__ else m.id_type,
                           mask_id(m.id_number) if m.id_number else f"无（{m.no_id_reason}）",
                           m.sex, m.birth_date, m.hukou_type, m.health,
                           f"{m.disability_category}{m.disability_grade}级" if m.disability_category else "",
                           m.employment, m.counted,
                           vocab.COUNTED_REASON_LABELS.get(m.counted_reason, ""), m.guardian,
                           m.name_typed or "")
                for m in a.members
            ]
            related = [
                RelatedView(p.relation, p.name,
                            IdType[p.id_type].label if p.id_type in IdType.__members__ else p.id_type,
                            mask_id(p.id_number) if p.id_number else f"无（{p.no_id_reason}）",
                            p.phone, p.address, p.supporter, p.guardian, p.household_size,
                            p.monthly_income_fen, p.able,
                            vocab.UNABLE_REASON_LABELS.get(p.unable_reason, ""), p.name_typed or "")
                for p in a.related
            ]
            items = [
                ItemView(r.item_code, cat.item(r.item_code).name, cat.department(r.handler_code).name,
                         r.limit_days, r.due_date, r.due_provisional, r.status,
                         [(mat.name, material_label(cat, r.item_code, mat.code, mat.status))
                          for mat in r.materials],
                         cat.department(r.decider_code).name if r.decider_code else "",
                         r.handler_code != TOWNSHIP)
                for r in a.items
            ]
            staff = {p.id: p.name for p in s.scalars(select(Staff))}
            events = [
                EventView(e.at, staff.get(e.actor_id or 0, ""), e.action, json.loads(e.detail))
                for e in s.scalars(select(Event).where(Event.application_id == application_id)
                                   .order_by(Event.seq))
            ]
            lines = [(vocab.INCOME_LABELS.get(i.category, i.category), i.monthly_fen, i.counted)
                     for i in s.scalars(select(Income).where(Income.application_id == a.id))]
            incomes = [(label, fen) for label, fen, _counted in lines]
            return ApplicationDetail(
                row=row, phone=a.applicant.phone, hukou_address=a.applicant.hukou_address,
                source=vocab.SOURCE_LABELS.get(a.source, a.source), hardship_reason=a.hardship_reason,
                monthly_income_fen=a.monthly_income_fen, per_capita_income_fen=a.per_capita_income_fen,
                incomes=incomes, members=members, items=items,
                reject_reasons=json.loads(a.reject_reasons or "[]"), void_reason=a.void_reason,
                events=events, supporters_able=a.supporters_able,
                hardship_cause=vocab.HARDSHIP_CAUSE_LABELS.get(a.hardship_cause, ""),
                staff_relative_note=a.staff_relative_note if a.staff_relative else "",
                closed_on=a.closed_on,
                counted_members=a.counted_members, excluded_income_fen=a.excluded_income_fen,
                deduction_fen=a.deduction_fen, net_income_fen=a.net_income_fen,
                net_per_capita_fen=a.net_per_capita_fen, topup_fen=a.topup_fen,
                income_lines=lines, medical_spending_fen=a.medical_spending_fen,
                medical_reimbursed_fen=a.medical_reimbursed_fen or 0,
                residence_kind=vocab.RESIDENCE_LABELS.get(a.residence_kind or "hukou", ""),
                residence_address=a.residence_address or "",
                residence_permit_no=a.residence_permit_no or "", related=related,
                publicity_note=self._publicity(s, a, cat),
            )

    def _publicity(self, s: Session, a: Application, cat: Catalog) -> str:
        """What may never be publicised (rules/publicity.py; the 公示 of issue 13)."""
        from ..rules.eligibility import policy_on
        from ..rules.publicity import PersonFacts, publicity_limits

        try:
            adult_age = policy_on(self.ctx.get_setting(s, "eligibility"), a.intake_date).adult_age
        except ValidationError:
            adult_age = 18
        limits = publicity_limits(
            [PersonFacts(m.name, m.relation, m.birth_date) for m in a.members], a.intake_date,
            {r.item_code: cat.item(r.item_code).publicity for r in a.items}, adult_age)
        return limits.text()

    def full_ids(self, application_id: int, by: ActorRef) -> Outcome[list[FullId]]:
        """The unmasked ID numbers of an application's household, then of its supporters
        and guardian outside it (``related=True``), logged as ``pii.view_full_id``.
        Supervisors and administrators: any application; a clerk: only applications they
        registered or decided (``docs/roles.md``)."""
        with self.ctx.db.transaction() as s:
            actor, _ = auth.resolve(s, by)
            app = s.get(Application, application_id)
            if app is None:
                raise LookupError(f"application {application_id} not found")
            own = actor.staff_id is not None and actor.staff_id in (app.created_by_id,
                                                                   app.decided_by_id)
            if not (actor.can(auth.FULL_ID_ANY) or (own and actor.can(auth.FULL_ID_OWN))):
                raise PermissionDenied(auth.FULL_ID_ANY, auth.MESSAGES[auth.FULL_ID_ANY])
            members = [FullId(m.position, m.relation, m.name, m.id_number) for m in app.members]
            others = [FullId(p.position, p.relation, p.name, p.id_number, related=True)
                      for p in s.scalars(select(RelatedPerson)
                                         .where(RelatedPerson.application_id == app.id)
                                         .order_by(RelatedPerson.position))]
            detail: dict[str, Any] = {"members": len(members)}
            if others:
                detail["related"] = len(others)
            record_event(s, "pii.view_full_id", actor_id=actor.staff_id, application_id=app.id,
                         **detail)
            return Outcome(members + others, Changes(applications={app.id}))
