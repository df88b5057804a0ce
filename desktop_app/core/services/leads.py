"""``services.leads``: the lead register (主动发现, issue 15 item 3).

A lead is somebody reported to be in need before any application — by a 村协理员, a
网格员 (where the county uses them: setting ``lead_rules``), a village cadre, a
volunteer, the 12345 hotline (ticket number, reply due per the setting), a department's
push or the county's warning list (``source`` a vocabulary code of rules/leads.py,
``origin_ref`` the list's or push's reference). It is assigned to somebody who visits,
visits are recorded, and it ends one of three ways: help to apply (an intake draft is
opened, prefilled with what the lead knows; the lead closes with the application linked
when that draft is accepted at the window — :func:`link_decided`, called inside the
decision's transaction), not eligible (with the reason) or referred elsewhere.

Audit events carry ids, codes, dates and counts — never a name, ID number, phone
number, the situation, findings or a reply's text (DESIGN: no personal data in logs).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync_contract.fs import atomic_write

from ... import printing
from ..errors import ValidationError, ValidationErrors
from ..models import Application, IntakeDraft, Lead, LeadVisit, ListDocument, Staff, Township, Village
from ..rules import identity, values
from ..rules import leads as rules
from ..rules.workdays import WorkCalendar
from ..vocab import Decision
from . import auth
from .auth import ActorRef
from .clock import ensure_clock_allows_issue
from .context import Changes, Outcome, ServiceContext
from .docsign import document_key
from .documents import DocumentService
from .drafts import ApplicationDraft, MemberInput, draft_counts, draft_to_json
from .events import event_time, record_event
from .handling.base import government_name
from .handling.handover import ListInfo

SITUATION_MAX = 500
REPLY_MAX = 500
FINDINGS_MAX = 500
REASON_MAX = 200
#: the kinds of printed documents of the register (list documents: no application)
SLIP, REPLY, VISIT_LIST = "lead_slip", "hotline_reply", "lead_visit_list"


@dataclass
class LeadInput:
    """What the clerk types to register a lead (text as typed; dates as text or date)."""

    source: str
    reported_on: str | date = ""
    subject_name: str = ""
    subject_id_number: str = ""
    subject_phone: str = ""
    village_id: int | None = None
    address: str = ""
    situation: str = ""
    reporter_name: str = ""
    reporter_phone: str = ""
    ticket_no: str = ""          # 12345 only (required there)
    origin_ref: str = ""         # a department's push or the county's warning list
    assignee: str = ""           # who goes to see; "" = assign later


@dataclass
class VisitInput:
    visited_on: str | date
    visitors: list[str] = field(default_factory=list)
    findings: str = ""


@dataclass(frozen=True)
class LeadRow:
    """A lead as the register lists it (the tab shows names to the clerk)."""

    id: int
    number: str
    source: str
    source_label: str
    reported_on: date
    subject_name: str
    village: str
    assignee: str
    status: str
    status_label: str
    outcome: str
    visit_due: date | None
    reply_due: date | None
    replied_on: date | None
    visits: int
    application_id: int | None
    application_number: str
    overdue: tuple[str, ...]

    @property
    def overdue_text(self) -> str:
        return "、".join(rules.OVERDUE_LABELS[o] for o in self.overdue)


@dataclass(frozen=True)
class VisitRow:
    id: int
    visited_on: date
    visitors: list[str]
    findings: str


@dataclass(frozen=True)
class LeadDetail:
    row: LeadRow
    ticket_no: str
    origin_ref: str
    reporter_name: str
    reporter_phone: str
    subject_id_number: str
    subject_phone: str
    village_id: int | None
    address: str
    situation: str
    reply_text: str
    outcome_text: str
    closed_on: date | None
    visits: list[VisitRow]


def _cal_add(cal: WorkCalendar, start: date, days: int, unit: str) -> date:
    if unit == rules.WORKDAYS:
        return cal.add_workdays(start, days).date
    return date.fromordinal(start.toordinal() + days)


class LeadService:
    """The lead register's verbs (HANDLE permission: any clerk who handles tasks)."""

    def __init__(self, ctx: ServiceContext, documents: DocumentService) -> None:
        self.ctx = ctx
        self.documents = documents

    # -- settings ------------------------------------------------------------------------------
    def rules_on(self, on: date | None = None) -> rules.LeadRules:
        with self.ctx.db.read() as s:
            return self._rules(s, on or self.ctx.today())

    def _rules(self, s: Session, on: date) -> rules.LeadRules:
        return rules.rules_on(self.ctx.get_setting(s, "lead_rules"), on)

    def sources(self, on: date | None = None) -> tuple[tuple[str, str], ...]:
        """The sources offered today (网格员 only where the county uses them)."""
        return rules.sources_on(self.rules_on(on))

    # -- validation ----------------------------------------------------------------------------
    def _validate(self, s: Session, data: LeadInput, today: date) -> dict[str, Any]:
        errors: list[ValidationError] = []
        out: dict[str, Any] = {}

        def check(name: str, fn: Any) -> None:
            try:
                out[name] = fn()
            except ValidationError as exc:
                errors.append(exc.with_field(name) if exc.field != name else exc)
            except ValidationErrors as many:
                errors.extend(many.errors)

        lead_rules = self._rules(s, today)
        allowed = {c for c, _ in rules.sources_on(lead_rules)}
        if data.source not in allowed:
            errors.append(ValidationError("source", "invalid", key="lead.source.invalid"))
        check("reported_on", lambda: values.validate_date(
            data.reported_on if data.reported_on else today, "reported_on", not_after=today))
        name = (data.subject_name or "").strip()
        check("subject_name", lambda: values.validate_name(name, "subject_name") if name else "")
        check("address", lambda: values.validate_text(data.address, "address", 100))
        if not name and not (data.address or "").strip():
            errors.append(ValidationError("subject_name", "required", key="lead.subject.required"))
        number = identity.normalize_number(data.subject_id_number or "")
        check("subject_id_number", lambda: identity.validate_id(
            identity.IdType.RESIDENT_ID, number, today).normalized if number else "")
        check("subject_phone", lambda: values.validate_phone(data.subject_phone, "subject_phone"))
        reporter = (data.reporter_name or "").strip()
        check("reporter_name", lambda: values.validate_name(reporter, "reporter_name")
              if reporter else "")
        check("reporter_phone", lambda: values.validate_phone(data.reporter_phone,
                                                              "reporter_phone"))
        check("situation", lambda: values.validate_text(data.situation, "situation",
                                                        SITUATION_MAX, True, multiline=True))
        check("ticket_no", lambda: values.validate_text(data.ticket_no, "ticket_no", 40,
                                                        data.source == rules.HOTLINE))
        check("origin_ref", lambda: values.validate_text(data.origin_ref, "origin_ref", 60))
        assignee = (data.assignee or "").strip()
        check("assignee", lambda: values.validate_name(assignee, "assignee") if assignee else "")
        if data.village_id is not None and s.get(Village, data.village_id) is None:
            errors.append(ValidationError("village_id", "invalid", key="lead.village.unknown"))
        if errors:
            raise ValidationErrors(errors)
        out["rules"] = lead_rules
        return out

    def _next_number(self, s: Session, day: date) -> str:
        prefix = f"XS{day.year}-"
        last = s.scalar(select(func.max(Lead.number)).where(Lead.number.like(prefix + "%")))
        seq = int(last[len(prefix):]) + 1 if last else 1
        return f"{prefix}{seq:04d}"

    @staticmethod
    def _lead(s: Session, lead_id: int) -> Lead:
        row = s.get(Lead, lead_id)
        if row is None:
            raise ValidationError("lead", "not_found", key="lead.not_found")
        return row

    @staticmethod
    def _open(row: Lead) -> None:
        if row.status == rules.CLOSED:
            raise ValidationError("lead", "closed", key="lead.closed",
                                  params={"number": row.number})

    # -- writes --------------------------------------------------------------------------------
    def create(self, by: ActorRef, data: LeadInput) -> Outcome[int]:
        """Register a lead; returns its id. A 12345 lead's reply is due per ``lead_rules``."""
        today = self.ctx.today()
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            clean = self._validate(s, data, today)
            lr: rules.LeadRules = clean["rules"]
            cal = self.ctx.calendar(s)
            reported: date = clean["reported_on"]
            row = Lead(
                number=self._next_number(s, reported), source=data.source, reported_on=reported,
                ticket_no=clean["ticket_no"], origin_ref=clean["origin_ref"],
                reporter_name=clean["reporter_name"], reporter_phone=clean["reporter_phone"],
                subject_name=clean["subject_name"], subject_id_number=clean["subject_id_number"],
                subject_phone=clean["subject_phone"], village_id=data.village_id,
                address=clean["address"], situation=clean["situation"],
                reply_due=(_cal_add(cal, reported, lr.hotline_reply_days, lr.hotline_reply_unit)
                           if data.source == rules.HOTLINE else None),
                visit_due=_cal_add(cal, reported, lr.visit_days, lr.visit_unit),
                assignee=clean["assignee"], assigned_on=today if clean["assignee"] else None,
                status=rules.ASSIGNED if clean["assignee"] else rules.OPEN,
                reply_text="", outcome="", outcome_text="",
                recorded_by_id=staff.id if staff else None)
            s.add(row)
            s.flush()
            record_event(s, "lead.create", actor_id=staff.id if staff else None,
                         lead_id=row.id, number=row.number, source=row.source,
                         reported_on=reported.isoformat(), village_id=row.village_id,
                         reply_due=row.reply_due.isoformat() if row.reply_due else None,
                         assigned=bool(row.assignee), **auth.event_actor(actor))
            return Outcome(row.id, Changes(leads=True))

    def assign(self, by: ActorRef, lead_id: int, assignee: str) -> Changes:
        """Who goes to see (a name; a 村协理员 need not be a user)."""
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            row = self._lead(s, lead_id)
            self._open(row)
            name = values.validate_name(assignee, "assignee")
            row.assignee, row.assigned_on = name, self.ctx.today()
            if row.status == rules.OPEN:
                row.status = rules.ASSIGNED
            record_event(s, "lead.assign", actor_id=staff.id if staff else None, lead_id=row.id,
                         number=row.number, **auth.event_actor(actor))
        return Changes(leads=True)

    def record_visit(self, by: ActorRef, lead_id: int, visit: VisitInput) -> Outcome[int]:
        """A visit: its day (not before the lead was reported, not in the future), at
        least one visitor, what was found."""
        today = self.ctx.today()
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            row = self._lead(s, lead_id)
            self._open(row)
            errors: list[ValidationError] = []
            day, people, findings = None, [], ""
            try:
                day = values.validate_date(visit.visited_on, "visited_on", not_after=today,
                                           not_before=row.reported_on)
            except ValidationError as exc:
                errors.append(exc)
            try:
                people = [values.validate_name(p, "visitors") for p in visit.visitors if p.strip()]
                if not people:
                    errors.append(ValidationError("visitors", "required",
                                                  key="lead.visitors.required"))
            except ValidationError as exc:
                errors.append(exc)
            try:
                findings = values.validate_text(visit.findings, "findings", FINDINGS_MAX, True,
                                                multiline=True)
            except ValidationError as exc:
                errors.append(exc)
            if errors:
                raise ValidationErrors(errors)
            assert day is not None
            v = LeadVisit(lead_id=row.id, visited_on=day,
                          visitors=json.dumps(people, ensure_ascii=False), findings=findings,
                          recorded_by_id=staff.id if staff else None)
            s.add(v)
            if row.status in (rules.OPEN, rules.ASSIGNED):
                row.status = rules.VISITED
            s.flush()
            record_event(s, "lead.visit", actor_id=staff.id if staff else None, lead_id=row.id,
                         number=row.number, visit_id=v.id, visited_on=day.isoformat(),
                         visitors=len(people), **auth.event_actor(actor))
            return Outcome(v.id, Changes(leads=True))

    def record_reply(self, by: ActorRef, lead_id: int, replied_on: str | date,
                     text: str) -> Changes:
        """The reply given to a 12345 ticket (the 回复单 prints it)."""
        today = self.ctx.today()
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            row = self._lead(s, lead_id)
            if row.source != rules.HOTLINE:
                raise ValidationError("lead", "not_hotline", key="lead.reply.not_hotline")
            errors: list[ValidationError] = []
            day: date | None = None
            try:
                day = values.validate_date(replied_on, "replied_on", not_after=today,
                                           not_before=row.reported_on)
            except ValidationError as exc:
                errors.append(exc)
            try:
                clean = values.validate_text(text, "reply_text", REPLY_MAX, True, multiline=True)
            except ValidationError as exc:
                errors.append(exc)
            if errors:
                raise ValidationErrors(errors)
            row.replied_on, row.reply_text = day, clean
            record_event(s, "lead.reply", actor_id=staff.id if staff else None, lead_id=row.id,
                         number=row.number, replied_on=day.isoformat() if day else None,
                         late=bool(day and row.reply_due and day > row.reply_due),
                         **auth.event_actor(actor))
        return Changes(leads=True)

    def close(self, by: ActorRef, lead_id: int, outcome: str, reason: str) -> Changes:
        """End a lead without an application: not eligible (the reason) or referred
        elsewhere (where to). Help to apply is :meth:`help_apply`."""
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            row = self._lead(s, lead_id)
            self._open(row)
            if outcome not in (rules.NOT_ELIGIBLE, rules.REFERRED):
                raise ValidationError("outcome", "invalid", key="lead.outcome.invalid")
            text = values.validate_text(reason, "outcome_text", REASON_MAX)
            if not text and outcome == rules.NOT_ELIGIBLE:
                raise ValidationError("outcome_text", "required", key="lead.reason.required")
            if not text:
                raise ValidationError("outcome_text", "required", key="lead.referred.required")
            row.outcome, row.outcome_text = outcome, text
            row.status, row.closed_on = rules.CLOSED, self.ctx.today()
            record_event(s, "lead.close", actor_id=staff.id if staff else None, lead_id=row.id,
                         number=row.number, outcome=outcome, **auth.event_actor(actor))
        return Changes(leads=True)

    def help_apply(self, by: ActorRef, lead_id: int) -> Outcome[int]:
        """Help to apply: an intake draft of the clerk's, prefilled with what the lead
        knows (the person, village, address, phone, the situation as 申请理由, the source);
        returns the draft's id for the window to restore. The lead waits (申请中) until
        the window decides that draft (:func:`link_decided`)."""
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.DECIDE)
            if staff is None:
                raise ValidationError("lead", "no_clerk", key="lead.apply.no_clerk")
            row = self._lead(s, lead_id)
            self._open(row)
            if row.application_id is not None:
                raise ValidationError("lead", "applied", key="lead.apply.done",
                                      params={"number": row.number})
            draft = draft_for(row)
            now = event_time(s)
            d = IntakeDraft(staff_id=staff.id, kind="new", application_id=None, created_at=now,
                            updated_at=now, saves=1, state=draft_to_json(draft))
            s.add(d)
            row.outcome, row.status = rules.APPLY, rules.APPLYING
            s.flush()
            record_event(s, "draft.save", actor_id=staff.id, draft_id=d.id, kind="new",
                         of_application=None, **draft_counts(draft), **auth.event_actor(actor))
            record_event(s, "lead.apply", actor_id=staff.id, lead_id=row.id, number=row.number,
                         draft_id=d.id, **auth.event_actor(actor))
            return Outcome(d.id, Changes(leads=True))

    # -- reads ---------------------------------------------------------------------------------
    def _rows(self, s: Session, leads: list[Lead]) -> list[LeadRow]:
        today = self.ctx.today()
        ids = [r.id for r in leads]
        counts: dict[int, int] = dict(s.execute(
            select(LeadVisit.lead_id, func.count()).where(LeadVisit.lead_id.in_(ids))
            .group_by(LeadVisit.lead_id)).all()) if ids else {}
        villages = {v.id: v.name for v in s.scalars(select(Village))}
        app_ids = [r.application_id for r in leads if r.application_id]
        numbers = dict(s.execute(select(Application.id, Application.number)
                                 .where(Application.id.in_(app_ids))).all()) if app_ids else {}
        out = []
        for r in leads:
            n = counts.get(r.id, 0)
            overdue = rules.overdue_reasons(status=r.status, source=r.source,
                                            reply_due=r.reply_due, replied_on=r.replied_on,
                                            visit_due=r.visit_due, visited=n > 0, today=today)
            out.append(LeadRow(
                r.id, r.number, r.source, rules.SOURCE_LABELS.get(r.source, r.source),
                r.reported_on, r.subject_name, villages.get(r.village_id or 0, ""), r.assignee,
                r.status, rules.STATUS_LABELS.get(r.status, r.status), r.outcome, r.visit_due,
                r.reply_due, r.replied_on, n, r.application_id,
                numbers.get(r.application_id or 0) or "", tuple(overdue)))
        return out

    def find(self, *, status: str = "", open_only: bool = False, village_id: int | None = None,
             limit: int = 500) -> list[LeadRow]:
        """The register, newest first (bounded)."""
        with self.ctx.db.read() as s:
            q = select(Lead)
            if status:
                q = q.where(Lead.status == status)
            if open_only:
                q = q.where(Lead.status != rules.CLOSED)
            if village_id is not None:
                q = q.where(Lead.village_id == village_id)
            leads = list(s.scalars(q.order_by(Lead.reported_on.desc(), Lead.id.desc())
                                   .limit(limit)))
            return self._rows(s, leads)

    def overdue(self) -> list[LeadRow]:
        """Open leads whose 12345 reply or first visit is late (the tracking screen)."""
        today = self.ctx.today()
        with self.ctx.db.read() as s:
            leads = list(s.scalars(select(Lead).where(
                Lead.status != rules.CLOSED,
                (Lead.visit_due < today) | (Lead.reply_due < today))
                .order_by(Lead.reported_on, Lead.id)))
            return [r for r in self._rows(s, leads) if r.overdue]

    def detail(self, lead_id: int) -> LeadDetail:
        with self.ctx.db.read() as s:
            r = self._lead(s, lead_id)
            row = self._rows(s, [r])[0]
            visits = [VisitRow(v.id, v.visited_on, json.loads(v.visitors or "[]"), v.findings)
                      for v in s.scalars(select(LeadVisit).where(LeadVisit.lead_id == r.id)
                                         .order_by(LeadVisit.visited_on, LeadVisit.id))]
            return LeadDetail(row, r.ticket_no, r.origin_ref, r.reporter_name, r.reporter_phone,
                              r.subject_id_number, r.subject_phone, r.village_id, r.address,
                              r.situation, r.reply_text, r.outcome_text, r.closed_on, visits)

    # -- printing ------------------------------------------------------------------------------
    def print_slip(self, by: ActorRef, lead_id: int) -> Outcome[ListInfo]:
        """The lead slip (主动发现线索登记单): taken by whoever visits."""
        return self._print(by, SLIP, lead_id=lead_id)

    def print_reply(self, by: ActorRef, lead_id: int) -> Outcome[ListInfo]:
        """The 12345 回复单 with the recorded reply (or blank lines before it)."""
        return self._print(by, REPLY, lead_id=lead_id)

    def print_visit_list(self, by: ActorRef, village_id: int) -> Outcome[ListInfo]:
        """The open leads of one village to visit (走访名单)."""
        return self._print(by, VISIT_LIST, village_id=village_id)

    def _print(self, by: ActorRef, kind: str, *, lead_id: int | None = None,
               village_id: int | None = None) -> Outcome[ListInfo]:
        today = self.ctx.today()
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            ensure_clock_allows_issue(self.ctx, s)
            town = s.scalars(select(Township)).one()
            clerk = staff.name if staff is not None else actor.name
            if kind == VISIT_LIST:
                village = s.get(Village, village_id) if village_id is not None else None
                if village is None:
                    raise ValidationError("village_id", "invalid", key="lead.village.unknown")
                leads = list(s.scalars(select(Lead).where(
                    Lead.village_id == village.id, Lead.status != rules.CLOSED)
                    .order_by(Lead.reported_on, Lead.id)))
                if not leads:
                    raise ValidationError("village_id", "empty", key="lead.visit_list.empty")
                base = f"ZF{today:%Y%m%d}-{village.code}"
                data = visit_list_data(leads, village, town, clerk, today)
                detail: dict[str, Any] = {"village_id": village.id, "count": len(leads)}
            else:
                row = self._lead(s, lead_id or 0)
                if kind == REPLY and row.source != rules.HOTLINE:
                    raise ValidationError("lead", "not_hotline", key="lead.reply.not_hotline")
                base = row.number + ("-H" if kind == REPLY else "-D")
                visits = list(s.scalars(select(LeadVisit).where(LeadVisit.lead_id == row.id)
                                        .order_by(LeadVisit.visited_on, LeadVisit.id)))
                village = s.get(Village, row.village_id) if row.village_id else None
                data = lead_data(row, visits, village, town, clerk, today)
                detail = {"lead_id": row.id}
            used = set(s.scalars(select(ListDocument.number).where(
                ListDocument.kind == kind, ListDocument.number.like(base + "%"))))
            number = base if base not in used else next(
                f"{base}-{n}" for n in range(2, 10_000) if f"{base}-{n}" not in used)
            data["number"] = number
            doc, path, pdf = self._record_list(s, kind, number, data, staff, today, **detail)
            count = len(data.get("leads") or []) or 1
            info = ListInfo(doc.id, kind, number, "", today, count, path)
        atomic_write(path, pdf)
        return Outcome(info, Changes(lists={info.id}))

    def _record_list(self, s: Session, kind: str, number: str, data: dict[str, Any],
                     staff: Staff | None, today: date, **detail: Any
                     ) -> tuple[ListDocument, Path, bytes]:
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
                     list_document_id=doc.id, kind=kind, number=number, sha256=digest, **detail)
        path = self.documents.folder / today.strftime("%Y%m") / f"{number}-{kind}.pdf"
        return doc, path, pdf


# -- the intake link ---------------------------------------------------------------------------
def draft_for(row: Lead) -> ApplicationDraft:
    """The intake draft a lead opens: what the lead knows of the person, nothing more."""
    situation = row.situation if len(row.situation) <= 500 else row.situation[:500]
    return ApplicationDraft(
        applicant=MemberInput(name=row.subject_name, id_number=row.subject_id_number,
                              phone=row.subject_phone, hukou_address=row.address),
        village_id=row.village_id,
        source=rules.APPLICATION_SOURCE.get(row.source, rules.APPLICATION_SOURCE_DEFAULT),
        hardship_reason=situation, lead_id=row.id)


def link_decided(s: Session, lead_id: int | None, app: Application, decision: str,
                 clerk_id: int | None) -> None:
    """Inside the window's decision: the application a lead's draft became is linked to
    the lead; an acceptance closes the lead (outcome 帮助申请). A lead closed meanwhile
    keeps its own ending (the application is still recorded on its own)."""
    if lead_id is None:
        return
    row = s.get(Lead, lead_id)
    if row is None or row.status == rules.CLOSED:
        return
    row.application_id, row.outcome = app.id, rules.APPLY
    closes = decision == Decision.ACCEPT
    if closes:
        row.status, row.closed_on = rules.CLOSED, app.intake_date
    else:
        row.status = rules.APPLYING
    record_event(s, "lead.link", actor_id=clerk_id, application_id=app.id, lead_id=row.id,
                 number=row.number, source=row.source, decision=decision, closed=closes)


def link_supplemented(s: Session, app: Application, decision: str, clerk_id: int | None) -> None:
    """Inside a 补正 decision: a lead waiting on this application (its draft got a one-time
    notice) closes when the application is accepted."""
    if decision != Decision.ACCEPT:
        return
    for row in s.scalars(select(Lead).where(Lead.application_id == app.id,
                                            Lead.status != rules.CLOSED)):
        row.status, row.closed_on = rules.CLOSED, (app.decided_at or event_time(s)).date()
        record_event(s, "lead.link", actor_id=clerk_id, application_id=app.id, lead_id=row.id,
                     number=row.number, source=row.source, decision=decision, closed=True)


# -- printed data ------------------------------------------------------------------------------
def _town(town: Township) -> dict[str, Any]:
    return {"name": town.name, "code": town.code, "office": town.office_name,
            "window_phone": town.window_phone, "supervision_phone": town.supervision_phone}


def lead_data(row: Lead, visits: list[LeadVisit], village: Village | None, town: Township,
              clerk: str, today: date) -> dict[str, Any]:
    """Data of the lead slip and the 12345 回复单 (forms/lead_slip.json, hotline_reply.json)."""
    return {
        "number": row.number, "reprint": False, "issued_date": today.isoformat(),
        "clerk": clerk, "township": _town(town),
        "derived": {"government": government_name(town.name)},
        "lead": {
            "number": row.number, "source": rules.SOURCE_LABELS.get(row.source, row.source),
            "reported_on": row.reported_on.isoformat(), "ticket_no": row.ticket_no,
            "origin_ref": row.origin_ref, "reporter": row.reporter_name,
            "reporter_phone": row.reporter_phone, "subject": row.subject_name,
            "id_number_masked": identity.mask_id(row.subject_id_number),
            "phone": row.subject_phone, "village": village.name if village else "",
            "address": row.address, "situation": row.situation,
            "assignee": row.assignee, "visit_due": row.visit_due.isoformat() if row.visit_due else "",
            "reply_due": row.reply_due.isoformat() if row.reply_due else "",
            "replied": row.replied_on is not None,
            "replied_on": row.replied_on.isoformat() if row.replied_on else "",
            "reply_text": row.reply_text,
            "status": rules.STATUS_LABELS.get(row.status, row.status),
            "outcome": rules.OUTCOME_LABELS.get(row.outcome, ""),
            "outcome_text": row.outcome_text,
        },
        "visits": [{"date": v.visited_on.isoformat(),
                   "people": "、".join(json.loads(v.visitors or "[]")),
                   "findings": v.findings} for v in visits],
    }


def visit_list_data(leads: list[Lead], village: Village, town: Township, clerk: str,
                    today: date) -> dict[str, Any]:
    """Data of the 走访名单 of one village (forms/lead_visit_list.json): names and masked
    ID numbers only."""
    return {
        "number": "", "reprint": False, "issued_date": today.isoformat(), "clerk": clerk,
        "township": _town(town), "derived": {"government": government_name(town.name)},
        "count": len(leads),
        "lead": {"village": village.name},
        "leads": [{"number": r.number, "source": rules.SOURCE_LABELS.get(r.source, r.source),
                   "reported_on": r.reported_on.isoformat(), "subject": r.subject_name or "—",
                   "id_number_masked": identity.mask_id(r.subject_id_number),
                   "address": r.address, "situation": r.situation, "assignee": r.assignee,
                   "visit_due": r.visit_due.isoformat() if r.visit_due else ""}
                  for r in leads],
    }


__all__ = ["LeadDetail", "LeadInput", "LeadRow", "LeadService", "VisitInput", "VisitRow",
           "draft_for", "link_decided", "link_supplemented"]
