"""低收入人口动态监测, the township's part (issue 15 item 4): ``services.monitor``.

The monitoring list is built, not stored, from what the township knows
(:mod:`..rules.monitor` says which households and why): 低保边缘 and 刚性支出 households
whose recognition is in force, refusals near the line, recent 临时救助, 渐退 periods ending
(helper ``reviews``' ``household_review`` table, read defensively: absent, nothing) and
the county's warning list (``county_warning``, received in return packages). One row
per household — the applicant's ID number joins an application's reasons with a county
warning about the same person — with every reason, the last visit and the next visit
due (the interval per reason: the dated setting ``monitoring``).

A monitoring visit (:meth:`MonitorService.record_visit`) records findings and what
follows: keep monitoring, a lead to raise (主动发现; ``lead_ref`` names the lead once
``services.leads`` is wired in), a change report for a recipient household (the detail
window's 变更申报), or off the list until a new reason arises.

Reads run on the read lane (the list grows with the households in these categories).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, or_, select, text
from sqlalchemy.orm import Session, selectinload

from ..errors import ValidationError, ValidationErrors
from ..messages import Message
from ..models import (
    Application,
    CountyWarning,
    EmergencyAid,
    HouseholdMember,
    MonitorVisit,
    RequestedItem,
    Village,
    utcnow,
)
from ..rules import monitor as rules
from ..rules.monitor import Reason
from ..rules.standards import standards_on
from ..rules.values import format_yuan, validate_date, validate_name, validate_text
from ..vocab import ApplicationStatus, TaskStatus
from . import auth
from .auth import ActorRef
from .context import Changes, ServiceContext
from .events import record_event

#: Items whose households the list watches (and the recipients it leaves to re-checks).
EDGE, RIGID = "DIBAO_EDGE", "RIGID"
REFUSAL_ITEMS = ("DIBAO", "DIBAO_EDGE")
TEMPORARY_ITEMS = ("LINSHI_URGENT", "LINSHI_EXPENSE")
RECIPIENT_ITEMS = ("DIBAO", "TEKUN")
#: A 低保边缘 / 刚性支出 recognition without a period recorded counts this long (ours).
DEFAULT_VALIDITY_MONTHS = 12
LIVE = (ApplicationStatus.ACCEPTED, ApplicationStatus.CLOSED)
FINDINGS_MAX = 500
VISITORS_MAX = 6


@dataclass(frozen=True)
class MonitorRow:
    """One household on the monitoring list."""

    key: str                        # "p:<applicant ID>" / "a:<application id>" / "w:<warning id>"
    name: str
    village: str
    reasons: tuple[Reason, ...]
    next_visit_on: date
    days_left: int                  # negative: overdue
    application_id: int | None = None   # the newest application behind the row
    number: str = ""                    # its 办件编号
    warning_ids: tuple[int, ...] = ()
    last_visit_on: date | None = None
    last_outcome: str = ""
    recipient: bool = False         # receives 低保/特困 now (a change report applies)
    closed: bool = False            # taken off the list by its last visit

    @property
    def reason_text(self) -> str:
        return "；".join(rules.REASON_LABELS[r.code] for r in self.reasons)

    @property
    def risk(self) -> str:
        """The highest county warning risk ("" without a warning)."""
        risks = [r.risk for r in self.reasons if r.code == "warning" and r.risk]
        return min(risks, key=rules.RISKS.index) if risks else ""


@dataclass
class VisitInput:
    """A monitoring visit as typed: the household (its application and/or warning)."""

    application_id: int | None = None
    warning_id: int | None = None
    visited_on: str | date = ""
    visitors: list[str] = field(default_factory=list)
    findings: str = ""
    outcome: str = ""
    next_visit_on: str | date | None = None


@dataclass(frozen=True)
class VisitRow:
    id: int
    visited_on: date
    visitors: tuple[str, ...]
    findings: str
    outcome: str
    next_visit_on: date | None
    reasons: tuple[str, ...]
    lead_ref: str
    application_id: int | None
    warning_id: int | None


@dataclass(frozen=True)
class VisitResult:
    visit_id: int
    next_visit_on: date
    #: What the clerk asked for next: "lead" (raise a lead: services.leads, wired at
    #: merge) or "change" (open the application's 变更申报); "" otherwise.
    follow_up: str
    application_id: int | None
    changes: Changes


# -- the list ------------------------------------------------------------------------
@dataclass
class _Household:
    key: str
    name: str = ""
    village_id: int | None = None
    village_code: str = ""
    application_id: int | None = None
    intake: date = date.min
    number: str = ""
    reasons: list[Reason] = field(default_factory=list)
    warning_ids: list[int] = field(default_factory=list)
    app_ids: set[int] = field(default_factory=set)

    def take_application(self, app: Application, name: str) -> None:
        self.app_ids.add(app.id)
        if app.intake_date >= self.intake:
            self.intake, self.application_id = app.intake_date, app.id
            self.number, self.village_id, self.name = app.number or "", app.village_id, name


def _cn(d: date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _person_key(id_number: str, fallback: str) -> str:
    number = (id_number or "").strip().upper()
    return f"p:{number}" if number else fallback


class MonitorService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    # -- reading -------------------------------------------------------------------
    def entry(self, today: date | None = None) -> dict[str, Any]:
        """The ``monitoring`` setting entry in force (today by default)."""
        day = today or self.ctx.today()
        with self.ctx.db.read() as s:
            return dict(rules.entry_on(self.ctx.get_setting(s, "monitoring"), day))

    def rows(self, *, today: date | None = None, include_closed: bool = False) -> list[MonitorRow]:
        """The monitoring list on ``today``: most pressing reason first, then by the
        next visit due. Households taken off by a visit come back when a reason arises
        after that visit; ``include_closed`` shows them anyway."""
        today = today or self.ctx.today()
        with self.ctx.db.read() as s:
            rows = self._rows(s, today)
        if not include_closed:
            rows = [r for r in rows if not r.closed]
        return sorted(rows, key=lambda r: (rules.order_key(r.reasons), r.next_visit_on, r.key))

    def visits(self, *, application_id: int | None = None,
               warning_id: int | None = None) -> list[VisitRow]:
        """The visits to the household of an application (every application of the
        same applicant) and/or a county warning, newest first."""
        with self.ctx.db.read() as s:
            app_ids: set[int] = set()
            if application_id is not None:
                app_ids = self._same_household(s, application_id)
            conds: list[ColumnElement[bool]] = []
            if app_ids:
                conds.append(MonitorVisit.application_id.in_(app_ids))
            if warning_id is not None:
                conds.append(MonitorVisit.warning_id == warning_id)
            if not conds:
                return []
            q = (select(MonitorVisit).where(or_(*conds))
                 .order_by(MonitorVisit.visited_on.desc(), MonitorVisit.id.desc()))
            out = [_visit_row(v) for v in s.scalars(q)]
            return out

    def warnings(self, *, include_withdrawn: bool = False) -> list[CountyWarning]:
        """The county warnings received (detached rows), newest list first."""
        with self.ctx.db.read() as s:
            q = select(CountyWarning).order_by(CountyWarning.listed_on.desc(), CountyWarning.id)
            if not include_withdrawn:
                q = q.where(CountyWarning.withdrawn.is_(False))
            rows = list(s.scalars(q))
            s.expunge_all()
            return rows

    def _same_household(self, s: Session, application_id: int) -> set[int]:
        app = s.get(Application, application_id)
        if app is None or not app.members:
            return {application_id}
        number = app.applicant.id_number
        if not number:
            return {application_id}
        return set(s.scalars(select(HouseholdMember.application_id).where(
            HouseholdMember.id_number == number, HouseholdMember.position == 0))) | {application_id}

    def _rows(self, s: Session, today: date) -> list[MonitorRow]:
        entry = rules.entry_on(self.ctx.get_setting(s, "monitoring"), today)
        homes: dict[str, _Household] = {}

        def home(app: Application) -> _Household:
            applicant = app.members[0] if app.members else None
            number = applicant.id_number if applicant is not None else ""
            key = _person_key(number, f"a:{app.id}")
            h = homes.setdefault(key, _Household(key))
            h.take_application(app, applicant.name if applicant is not None else "")
            return h

        recipients = self._recipients(s, today)
        for app, reason in self._task_reasons(s, today, entry, recipients):
            home(app).reasons.append(reason)
        for app, reason in self._taper_reasons(s, today, entry):
            home(app).reasons.append(reason)
        self._warning_reasons(s, homes)
        visits = self._last_visits(s)
        villages = {v.id: v.name for v in s.scalars(select(Village))}
        by_code = {v.code: v.name for v in s.scalars(select(Village))}
        out = []
        for h in homes.values():
            if not h.reasons:
                continue
            reasons = _merge_reasons(h.reasons)
            last = _last_of(visits, h)
            closed = (last is not None and last.outcome == "close"
                      and all(r.since <= last.visited_on for r in reasons))
            due = rules.next_visit_due(reasons, entry, last.visited_on if last else None,
                                       last.next_visit_on if last and last.outcome != "close"
                                       else None)
            if last is not None and last.outcome == "close" and not closed:
                # a new reason after the household was taken off: due from that reason
                newer = [r for r in reasons if r.since > last.visited_on]
                due = rules.next_visit_due(newer, entry, None, None)
            village = villages.get(h.village_id) if h.village_id else by_code.get(h.village_code, "")
            out.append(MonitorRow(
                h.key, h.name, village or "", tuple(reasons), due, (due - today).days,
                h.application_id, h.number, tuple(h.warning_ids),
                last.visited_on if last else None, last.outcome if last else "",
                h.key in recipients, closed))
        return out

    @staticmethod
    def _recipients(s: Session, today: date) -> set[str]:
        """Households (person keys) receiving 低保/特困 today: left to the re-checks."""
        q = (select(HouseholdMember.id_number)
             .join(RequestedItem, RequestedItem.application_id == HouseholdMember.application_id)
             .join(Application, Application.id == RequestedItem.application_id)
             .where(HouseholdMember.position == 0, HouseholdMember.id_number != "",
                    RequestedItem.item_code.in_(RECIPIENT_ITEMS),
                    RequestedItem.task_status == TaskStatus.DONE,
                    Application.status.in_(LIVE),
                    (RequestedItem.period_to.is_(None)) | (RequestedItem.period_to >= today)))
        return {_person_key(n, "") for n in s.scalars(q)}

    def _task_reasons(self, s: Session, today: date, entry: Any,
                      recipients: set[str]) -> Iterable[tuple[Application, Reason]]:
        validity_from = rules.add_months(today, -DEFAULT_VALIDITY_MONTHS)
        refused_from = rules.add_months(today, -int(entry["refusal_months"]))
        temporary_from = rules.add_months(today, -int(entry["temporary_months"]))
        done, refused = TaskStatus.DONE, TaskStatus.REFUSED
        q = (select(RequestedItem, Application).join(Application)
             .where(Application.status.in_(LIVE), RequestedItem.result_on.is_not(None),
                    ((RequestedItem.item_code.in_((EDGE, RIGID)) & (RequestedItem.task_status == done)
                      & (((RequestedItem.period_to.is_(None)) & (RequestedItem.result_on >= validity_from))
                         | (RequestedItem.period_to >= today)))
                     | (RequestedItem.item_code.in_(REFUSAL_ITEMS)
                        & (RequestedItem.task_status == refused)
                        & (RequestedItem.result_on >= refused_from))
                     | (RequestedItem.item_code.in_(TEMPORARY_ITEMS)
                        & (RequestedItem.task_status == done)
                        & (RequestedItem.result_on >= temporary_from))))
             .order_by(RequestedItem.id)
             .options(selectinload(Application.members)))   # (no query per household)
        standards = self.ctx.get_setting(s, "standards")
        eligibility = self.ctx.get_setting(s, "eligibility")
        for task, app in s.execute(q):
            key = _person_key(app.members[0].id_number if app.members else "", f"a:{app.id}")
            on = task.result_on
            assert on is not None  # (the query keeps answered tasks only)
            if task.item_code in (EDGE, RIGID):
                if key in recipients:
                    continue
                code = "edge" if task.item_code == EDGE else "rigid"
                until = task.period_to or (rules.add_months(on, DEFAULT_VALIDITY_MONTHS)
                                           - timedelta(days=1))
                yield app, Reason(code, on, f"{_cn(on)}认定，有效期至{_cn(until)}")
            elif task.item_code in REFUSAL_ITEMS:
                if key in recipients:
                    continue
                near = self._near(s, app, standards, eligibility,
                                  int(entry["refusal_ratio_percent"]))
                if near is not None:
                    yield app, Reason("refused", on, f"{_cn(on)}未获批；{near}")
            else:
                amount = f"，{format_yuan(task.amount_fen)}元" if task.amount_fen else ""
                yield app, Reason("temporary", on, f"{_cn(on)}获临时救助{amount}")
        aids = (select(EmergencyAid, Application).join(Application)
                .where(EmergencyAid.paid_on >= temporary_from, Application.status.in_(LIVE))
                .options(selectinload(Application.members)))
        for aid, app in s.execute(aids):
            yield app, Reason("temporary", aid.paid_on,
                              f"{_cn(aid.paid_on)}先行救助{format_yuan(aid.amount_fen)}元")

    @staticmethod
    def _near(s: Session, app: Application, standards: Any, eligibility: Any,
              ratio: int) -> str | None:
        """The refused household's figures when its net income per head is below
        ``ratio`` % of the 低保标准 it was measured against (standards in force on the
        intake day; urban/rural as the assessment chose) — else None."""
        from ..rules.assessment import household_basis
        from ..rules.eligibility import policy_on
        from .assessment import AssessmentService, village_code_of

        net = app.net_per_capita_fen
        if net is None:
            return None
        try:
            st = standards_on(standards, app.intake_date)
            policy = policy_on(eligibility, app.intake_date)
        except ValidationError:
            return None
        facts = AssessmentService.facts_from_application(app, village_code_of(s, app.village_id))
        basis = household_basis(facts, policy)
        std = st.urban_dibao_fen if basis.hukou_type == "城镇" else st.rural_dibao_fen
        if not rules.near_threshold(net, std, ratio):
            return None
        return (f"人均月收入{format_yuan(net)}元，低于{basis.label}低保标准{format_yuan(std)}元的"
                f"{ratio / 100:g}倍")

    @staticmethod
    def _taper_reasons(s: Session, today: date, entry: Any) -> Iterable[tuple[Application, Reason]]:
        """渐退 periods ending within ``taper_days`` (or ended as long ago), from helper
        ``reviews``' ``household_review``: the newest review of a task has outcome
        ``taper``. Read defensively — without the table (or its columns) nothing."""
        cols = {r[1] for r in s.execute(text("PRAGMA table_info(household_review)"))}
        if not {"application_id", "item_id", "outcome", "taper_ends_on"} <= cols:
            return
        days = int(entry["taper_days"])
        lo, hi = today - timedelta(days=days), today + timedelta(days=days)
        rows = s.execute(text(
            "SELECT r.application_id, r.taper_ends_on FROM household_review r "
            "WHERE r.outcome = 'taper' AND r.taper_ends_on BETWEEN :lo AND :hi "
            "AND NOT EXISTS (SELECT 1 FROM household_review n WHERE n.item_id = r.item_id "
            "AND n.id > r.id)"), {"lo": lo.isoformat(), "hi": hi.isoformat()}).all()
        for app_id, ends in rows:
            app = s.get(Application, app_id)
            if app is None or app.status not in LIVE:
                continue
            end = ends if isinstance(ends, date) else date.fromisoformat(str(ends)[:10])
            word = "结束" if end >= today else "已结束"
            yield app, Reason("taper", min(end - timedelta(days=days), today),
                              f"渐退期{_cn(end)}{word}")

    def _warning_reasons(self, s: Session, homes: dict[str, _Household]) -> None:
        """County warnings not withdrawn: joined to the household of the same ID number
        (its newest application named, when the township has one)."""
        for w in s.scalars(select(CountyWarning).where(CountyWarning.withdrawn.is_(False))
                           .order_by(CountyWarning.id)):
            key = _person_key(w.id_number, f"w:{w.id}")
            h = homes.get(key)
            if h is None:
                h = homes[key] = _Household(key, name=w.name, village_code=w.village_code)
                if w.id_number:
                    for app in s.scalars(
                            select(Application).join(HouseholdMember)
                            .where(HouseholdMember.position == 0,
                                   HouseholdMember.id_number == w.id_number)):
                        h.take_application(app, app.members[0].name)
            h.warning_ids.append(w.id)
            why = w.reason or "县级预警"
            source = f"（{w.source}）" if w.source else ""
            h.reasons.append(Reason("warning", w.listed_on,
                                    f"{_cn(w.listed_on)}列入预警名单{source}：{why}", w.risk))

    @staticmethod
    def _last_visits(s: Session) -> list[MonitorVisit]:
        return list(s.scalars(select(MonitorVisit).order_by(
            MonitorVisit.visited_on.desc(), MonitorVisit.id.desc())))

    # -- writing -------------------------------------------------------------------
    def record_visit(self, data: VisitInput, by: ActorRef) -> VisitResult:
        """Record a monitoring visit; bad input -> ``ValidationErrors`` (fields named
        after :class:`VisitInput`'s), nothing written."""
        today = self.ctx.today()
        errors: list[ValidationError] = []
        day = _collect(errors, lambda: _visit_day(data.visited_on, today))
        visitors = _collect(errors, lambda: _visitors(data.visitors)) or []
        findings = _collect(errors, lambda: _findings(data.findings)) or ""
        if data.outcome not in rules.OUTCOMES:
            errors.append(ValidationError("outcome", "required", key="monitor.outcome_required"))
        given: date | None = None
        if data.next_visit_on not in (None, ""):
            given = _collect(errors, lambda: validate_date(data.next_visit_on, "next_visit_on"))
            if given is not None and day is not None and given <= day:
                errors.append(ValidationError("next_visit_on", "too_early",
                                              key="monitor.next_before_visit"))
        if data.application_id is None and data.warning_id is None:
            errors.append(ValidationError("application_id", "required",
                                          key="monitor.target_required"))
        if errors:
            raise ValidationErrors(errors)
        assert day is not None  # (no error: the day is valid)
        with self.ctx.db.transaction() as s:
            actor, _ = auth.require(s, by, auth.HANDLE)
            app = s.get(Application, data.application_id) if data.application_id else None
            warning = s.get(CountyWarning, data.warning_id) if data.warning_id else None
            if (data.application_id and app is None) or (data.warning_id and warning is None):
                raise ValidationErrors([ValidationError("application_id", "unknown",
                                                        key="monitor.target_unknown")])
            row = _row_of(self._rows(s, today), data.application_id, data.warning_id)
            if data.outcome == "change" and not (row is not None and row.recipient):
                raise ValidationErrors([ValidationError("outcome", "not_recipient",
                                                        key="monitor.change_needs_recipient")])
            reasons = list(row.reasons) if row is not None else []
            entry = rules.entry_on(self.ctx.get_setting(s, "monitoring"), day)
            nxt = given
            if nxt is None and data.outcome != "close":
                nxt = day + timedelta(days=rules.interval_days(reasons, entry)) if reasons \
                    else day + timedelta(days=int(entry["visit_days"]["warning_medium"]))
            visit = MonitorVisit(
                application_id=app.id if app else (row.application_id if row else None),
                warning_id=warning.id if warning else (row.warning_ids[0]
                                                       if row and row.warning_ids else None),
                visited_on=day, visitors=json.dumps(visitors, ensure_ascii=False),
                findings=findings, reasons=json.dumps([r.code for r in reasons]),
                outcome=data.outcome, next_visit_on=nxt, recorded_by_id=actor.staff_id)
            s.add(visit)
            s.flush()
            record_event(s, "monitor.visit", actor_id=actor.staff_id,
                         application_id=visit.application_id, visit_id=visit.id,
                         warning_id=visit.warning_id, visited_on=day.isoformat(),
                         outcome=data.outcome, reasons=[r.code for r in reasons],
                         next_visit_on=nxt.isoformat() if nxt else None,
                         **auth.event_actor(actor))
            app_id = visit.application_id
            visit_id = visit.id
        follow = data.outcome if data.outcome in ("lead", "change") else ""
        return VisitResult(visit_id, nxt or day, follow, app_id,
                           Changes(applications={app_id} if app_id else set(), monitor=True))


    # -- the lead a visit asks for (主动发现; services.leads) -----------------------------
    def lead_facts(self, visit_id: int) -> dict[str, Any]:
        """What a lead raised from visit ``visit_id`` starts with, keyed like helper
        ``leads``' ``LeadInput``: the household (name, ID number, village), the visit's
        findings as the situation, the visit day, the source (``county_warning`` for a
        household on the county's list, else ``cadre``: a township worker's visit) and
        ``origin_ref`` naming the visit (and the county list). Raises LookupError."""
        with self.ctx.db.read() as s:
            v = s.get(MonitorVisit, visit_id)
            if v is None:
                raise LookupError(f"monitoring visit {visit_id} not found")
            name = number = ""
            village_id: int | None = None
            if v.application_id is not None:
                app = s.get(Application, v.application_id)
                if app is not None and app.members:
                    name, number = app.applicant.name, app.applicant.id_number
                    village_id = app.village_id
            warning = s.get(CountyWarning, v.warning_id) if v.warning_id else None
            if warning is not None:
                name, number = name or warning.name, number or warning.id_number
                if village_id is None and warning.village_code:
                    village_id = s.scalar(select(Village.id).where(
                        Village.code == warning.village_code))
            ref = f"监测走访 {v.uuid[:8]}"
            if warning is not None and warning.list_no:
                ref += f"；{warning.list_no}"
            return {"source": "county_warning" if warning is not None else "cadre",
                    "reported_on": v.visited_on, "subject_name": name,
                    "subject_id_number": number, "village_id": village_id,
                    "situation": v.findings, "origin_ref": ref[:60]}

    def link_lead(self, visit_id: int, lead_ref: str, by: ActorRef) -> Changes:
        """Record the lead raised from visit ``visit_id`` (its number) on the visit."""
        ref = validate_text(lead_ref, "lead_ref", 60, required=True)
        with self.ctx.db.transaction() as s:
            actor, _ = auth.require(s, by, auth.HANDLE)
            v = s.get(MonitorVisit, visit_id)
            if v is None:
                raise LookupError(f"monitoring visit {visit_id} not found")
            v.lead_ref = ref
            record_event(s, "monitor.lead", actor_id=actor.staff_id,
                         application_id=v.application_id, visit_id=v.id, lead=ref,
                         **auth.event_actor(actor))
            app_id = v.application_id
        return Changes(applications={app_id} if app_id else set(), monitor=True)


# -- county warnings (the township's import of a return package) ----------------------
def store_warning(s: Session, rec: dict[str, Any], return_seq: int) -> str:
    """Store one ``warning`` record of a verified return package inside the import's
    transaction: a new uuid is added, a known one updated (a correction, or
    ``withdrawn``). Returns "new", "updated" or "same"."""
    row = s.scalar(select(CountyWarning).where(CountyWarning.uuid == rec["uuid"]))
    values = {"list_no": rec["list_no"], "listed_on": date.fromisoformat(rec["listed_on"]),
              "village_code": rec["village_code"], "name": rec["name"],
              "id_number": (rec.get("id_number") or "").strip().upper(),
              "reason": rec["reason"], "risk": rec["risk"], "source": rec["source"],
              "withdrawn": bool(rec["withdrawn"])}
    if row is None:
        s.add(CountyWarning(uuid=rec["uuid"], return_seq=return_seq, **values))
        return "new"
    if all(getattr(row, k) == v for k, v in values.items()):
        return "same"
    for k, v in values.items():
        setattr(row, k, v)
    row.return_seq, row.updated_at = return_seq, utcnow()
    return "updated"


# -- helpers ---------------------------------------------------------------------------
def _merge_reasons(reasons: Sequence[Reason]) -> list[Reason]:
    """One reason per (code, text), most pressing first."""
    seen: set[tuple[str, str]] = set()
    out = []
    for r in sorted(reasons, key=lambda r: (rules.REASONS.index(r.code), r.since)):
        if (r.code, r.text) not in seen:
            seen.add((r.code, r.text))
            out.append(r)
    return out


def _last_of(visits: Sequence[MonitorVisit], h: _Household) -> MonitorVisit | None:
    """The household's newest visit (``visits`` newest first)."""
    warnings = set(h.warning_ids)
    for v in visits:
        if v.application_id in h.app_ids or (v.warning_id is not None and v.warning_id in warnings):
            return v
    return None


def _row_of(rows: Sequence[MonitorRow], application_id: int | None,
            warning_id: int | None) -> MonitorRow | None:
    for r in rows:
        if (application_id is not None and r.application_id == application_id) \
                or (warning_id is not None and warning_id in r.warning_ids):
            return r
    return None


def _visit_row(v: MonitorVisit) -> VisitRow:
    return VisitRow(v.id, v.visited_on, tuple(json.loads(v.visitors or "[]")), v.findings,
                    v.outcome, v.next_visit_on, tuple(json.loads(v.reasons or "[]")),
                    v.lead_ref, v.application_id, v.warning_id)


def _collect(errors: list[ValidationError], fn: Any) -> Any:
    try:
        return fn()
    except ValidationError as exc:
        errors.append(exc)
    except ValidationErrors as exc:
        errors.extend(exc.errors)
    return None


def _visit_day(value: object, today: date) -> date:
    if isinstance(value, date):
        if value > today:
            raise ValidationError("visited_on", "too_late", key="date.too_late",
                                  params={"date": today.isoformat()})
        return value
    if value in (None, ""):
        raise ValidationError("visited_on", "required", key="monitor.visited_on_required")
    try:
        return validate_date(value, "visited_on", not_after=today)
    except ValidationError as exc:
        raise ValidationError("visited_on", exc.code, key="handling.labelled",
                              params={"label": Message("monitor.label.visited_on"),
                                      "problem": exc.problem()}) from None


def _visitors(names: Sequence[str]) -> list[str]:
    clean = [validate_name(n, "visitors") for n in names if str(n or "").strip()]
    if not clean:
        raise ValidationError("visitors", "required", key="monitor.visitors_required")
    if len(clean) > VISITORS_MAX:
        raise ValidationError("visitors", "too_many", key="monitor.visitors_too_many",
                              params={"max": VISITORS_MAX})
    return clean


def _findings(value: str) -> str:
    out = validate_text(value, "findings", FINDINGS_MAX, multiline=True)
    if not out:
        raise ValidationError("findings", "required", key="monitor.findings_required")
    return out


__all__ = ["MonitorRow", "MonitorService", "VisitInput", "VisitResult", "VisitRow", "store_warning"]
