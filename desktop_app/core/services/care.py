"""特困 care (issue 15 item 5): the self-care assessment (生活自理能力评估), 集中 / 分散供养
and the 委托照料协议 with its term and reminder — ``services.care``.

* :meth:`CareService.record` — an assessment of a TEKUN task's person: the six
  indicators of 民发〔2021〕43号 give the level (rules/care.py, the dated setting ``care``
  in force on the assessment day); with it the 供养 mode, the institution (集中) or the
  caretaker, services, term and monthly 照料护理标准 of the agreement (分散). A 分散供养
  person who has lost self-care (partly or wholly) must have an agreement (重庆 "签订率
  100%"). Prints the 生活自理能力评估表 and, with an agreement, the 委托照料协议. A new
  record replaces the task's previous one (a running agreement ends the day before the
  new one starts).
* :meth:`CareService.end` — an agreement ends early (death, 集中供养, caretaker unable …).
* :meth:`CareService.ending_soon` / :meth:`CareService.without_agreement` — the 特困照料
  tab: agreements ending within the setting's ``remind_days``; 特困 persons receiving
  support with no assessment, or 分散供养 失能 without an agreement in force.

Every write records an audit event (``care.assess``, ``care.end``: ids, codes, dates,
amounts — never names, phone numbers or the reason's text) and returns ``Changes``
naming the application and the documents.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import ValidationError, ValidationErrors
from ..models import Application, CarePlan, HouseholdMember, RequestedItem, Village
from ..rules import care as rules
from ..rules import numbering
from ..rules.values import format_yuan, validate_date, validate_name, validate_phone, validate_text
from ..vocab import ApplicationStatus, ItemStatus, TaskStatus
from . import auth
from .auth import ActorRef
from .context import Changes
from .events import record_event
from .handling.base import HandlingBase, collect_error

TEKUN = "TEKUN"
#: Task states in which a 特困 person may be assessed: while the 认定 runs and once
#: confirmed (a refused or cancelled task has nobody to care for).
_OPEN = (TaskStatus.IN_PROGRESS, TaskStatus.DONE, TaskStatus.TO_REFER, TaskStatus.REFERRED,
         TaskStatus.SIGNED)
#: At least this many people assess (ours: the 入户调查's two-person rule, 民发〔2021〕43号).
MIN_ASSESSORS = 2

_CARE_MESSAGE_KEYS = (
    "care.not_tekun", "care.task_state", "care.member_unknown", "care.assessors",
    "care.mode", "care.institution_required", "care.agreement_required",
    "care.caretaker_kind", "care.caretaker_name", "care.services", "care.term",
    "care.not_agreement", "care.already_ended", "care.end_before_start", "care.reason",
    "care.not_current",
)


@dataclass(frozen=True)
class CareInput:
    """What the clerk records (texts as typed; dates ``YYYY-MM-DD`` or ``date``)."""

    assessed_on: str | date
    assessors: Sequence[str]
    indicators: Mapping[str, bool]
    mode: str
    member_position: int | None = None  # None: the applicant
    institution: str = ""
    agreement: bool = False
    caretaker_kind: str = ""
    caretaker_name: str = ""
    caretaker_relation: str = ""
    caretaker_phone: str = ""
    caretaker_address: str = ""
    services: Sequence[str] = ()
    starts_on: str | date = ""
    ends_on: str | date = ""  # "" = the setting's default term
    signed_on: str | date = ""  # "" = today
    note: str = ""


@dataclass(frozen=True)
class CareView:
    """A recorded care plan as the screens show it."""

    plan_id: int
    task_id: int
    application_id: int
    member_position: int
    person: str
    assessed_on: date
    assessors: tuple[str, ...]
    indicators: dict[str, bool]
    failed_count: int
    level: str
    mode: str
    institution: str
    agreement_no: str
    caretaker_kind: str
    caretaker_name: str
    caretaker_relation: str
    caretaker_phone: str
    caretaker_address: str
    services: tuple[str, ...]
    starts_on: date | None
    ends_on: date | None
    amount_fen: int | None
    signed_on: date | None
    ended_on: date | None
    end_reason: str
    note: str
    replaced: bool

    @property
    def has_agreement(self) -> bool:
        return bool(self.agreement_no)

    def in_force(self, today: date) -> bool:
        """The agreement runs on ``today`` (signed, started, not ended, not expired)."""
        return (self.has_agreement and self.ended_on is None and self.starts_on is not None
                and self.ends_on is not None and self.starts_on <= today <= self.ends_on)


@dataclass(frozen=True)
class CareForm:
    """What the dialog needs: the task's people, the current plan, the setting in force."""

    task_id: int
    application_id: int
    number: str
    intake_date: date
    people: tuple[tuple[int, str], ...]  # (position, name); the applicant first
    current: CareView | None
    setting: dict[str, object]
    today: date


@dataclass(frozen=True)
class CareRow:
    """A line of the 特困照料 tab."""

    task_id: int
    application_id: int
    number: str
    person: str
    village: str
    problem: str  # ending_soon | expired | ended | no_assessment | no_agreement
    level: str = ""
    mode: str = ""
    caretaker: str = ""
    ends_on: date | None = None
    days_left: int | None = None
    plan_id: int | None = None


@dataclass(frozen=True)
class CareResult:
    plan_id: int
    document_ids: tuple[int, ...]
    level: str
    changes: Changes = field(default_factory=Changes)


class CareService(HandlingBase):
    """services.care"""

    # -- reads ----------------------------------------------------------------------------
    def setting_on(self, day: date | None = None) -> dict[str, object]:
        with self.ctx.db.read() as s:
            return rules.entry_on(self.ctx.get_setting(s, "care"), day or self.ctx.today())

    def form(self, task_id: int) -> CareForm:
        """The dialog's start: people of the task's household, current plan, setting."""
        today = self.ctx.today()
        with self.ctx.db.read() as s:
            task = self._care_task(s, task_id)
            app = task.application
            people = tuple(sorted(((m.position, m.name) for m in app.members),
                                  key=lambda p: (p[0] != self._applicant_position(app), p[0])))
            current = self._current(s, task.id)
            return CareForm(task.id, app.id, app.number or "", app.intake_date, people,
                            self._view(s, current) if current else None,
                            rules.entry_on(self.ctx.get_setting(s, "care"), today), today)

    def current(self, task_id: int) -> CareView | None:
        with self.ctx.db.read() as s:
            row = self._current(s, task_id)
            return self._view(s, row) if row else None

    def history(self, task_id: int) -> list[CareView]:
        """Every record of the task, newest first (replaced ones included)."""
        with self.ctx.db.read() as s:
            rows = s.scalars(select(CarePlan).where(CarePlan.item_id == task_id)
                             .order_by(CarePlan.id.desc()))
            return [self._view(s, r) for r in rows]

    def ending_soon(self, *, today: date | None = None) -> list[CareRow]:
        """Agreements in force that end within the setting's ``remind_days``, soonest first."""
        today = today or self.ctx.today()
        with self.ctx.db.read() as s:
            remind = int(rules.entry_on(self.ctx.get_setting(s, "care"), today)["remind_days"])
            limit = today + timedelta(days=remind)
            q = (select(CarePlan).where(CarePlan.agreement_no != "", CarePlan.ended_on.is_(None),
                                        CarePlan.ends_on.is_not(None), CarePlan.ends_on >= today,
                                        CarePlan.ends_on <= limit)
                 .order_by(CarePlan.ends_on, CarePlan.id))
            villages = self._villages(s)
            out = []
            for plan in s.scalars(q):
                if self._current(s, plan.item_id) is not plan:
                    continue
                out.append(self._row(s, plan, "ending_soon", villages, today))
            return out

    def without_agreement(self, *, today: date | None = None) -> list[CareRow]:
        """特困 persons receiving support (TEKUN task done) with no self-care assessment, or
        分散供养 and 失能 with no agreement in force today (never signed, ended, expired)."""
        today = today or self.ctx.today()
        with self.ctx.db.read() as s:
            villages = self._villages(s)
            q = (select(RequestedItem).join(Application)
                 .where(RequestedItem.item_code == TEKUN,
                        RequestedItem.status == ItemStatus.ACCEPTED,
                        RequestedItem.task_status == TaskStatus.DONE,
                        Application.status.in_((ApplicationStatus.ACCEPTED,
                                                ApplicationStatus.CLOSED)))
                 .order_by(RequestedItem.id))
            newest = select(func.max(CarePlan.id)).group_by(CarePlan.item_id)
            current = {p.item_id: p for p in s.scalars(select(CarePlan)
                                                       .where(CarePlan.id.in_(newest)))}
            out = []
            for task in s.scalars(q):
                if _stopped(task, today):
                    continue
                plan = current.get(task.id)
                if plan is None:
                    app = task.application
                    out.append(CareRow(task.id, app.id, app.number or "", app.applicant.name,
                                       villages.get(app.village_id, ""), "no_assessment"))
                    continue
                if not rules.needs_agreement(plan.mode, plan.level):
                    continue
                if plan.agreement_no and plan.ended_on is None and plan.ends_on is not None \
                        and plan.ends_on >= today:
                    continue   # in force, or signed and starting later
                problem = ("no_agreement" if not plan.agreement_no
                           else "ended" if plan.ended_on is not None else "expired")
                out.append(self._row(s, plan, problem, villages, today))
            return out

    # -- writes ---------------------------------------------------------------------------
    def record(self, task_id: int, data: CareInput, by: ActorRef) -> CareResult:
        """Record an assessment (and agreement) of the TEKUN task's person; prints the
        评估表 and, with an agreement, the 委托照料协议. Bad input: ValidationErrors,
        nothing written."""
        now = self.ctx.clock()
        today = now.date()
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            clerk = self._staff(s, actor, staff)
            task = self._care_task(s, task_id)
            app = task.application
            entries = self.ctx.get_setting(s, "care")
            plan = self._clean(s, task, data, entries, today)
            previous = self._current(s, task.id)
            if previous is not None:
                plan.replaces_id = previous.id
                self._supersede(previous, plan)
            plan.recorded_by_id = clerk.id
            if plan.mode == rules.DISPERSED and plan.starts_on is not None:
                plan.agreement_no = self._next_suffix(s, app, numbering.CARE_AGREEMENT)
            s.add(plan)
            s.flush()
            pending = [self.documents.create(
                s, app, "self_care_assessment",
                self._next_suffix(s, app, numbering.SELF_CARE_FORM), clerk, now,
                item_ids={task.id})]
            if plan.agreement_no:
                pending.append(self.documents.create(s, app, "care_agreement",
                                                     plan.agreement_no, clerk, now,
                                                     item_ids={task.id}))
            record_event(s, "care.assess", actor_id=clerk.id, application_id=app.id,
                         task_id=task.id, plan_id=plan.id, item=task.item_code,
                         on=plan.assessed_on.isoformat(), level=plan.level,
                         failed=plan.failed_count, mode=plan.mode,
                         agreement=plan.agreement_no,
                         starts_on=plan.starts_on.isoformat() if plan.starts_on else None,
                         ends_on=plan.ends_on.isoformat() if plan.ends_on else None,
                         amount_fen=plan.amount_fen, replaces=plan.replaces_id)
            plan_id, level = plan.id, plan.level
            changes = Changes(applications={app.id},
                              documents={p.document.id for p in pending})
        infos = self.documents.write_files(pending)
        return CareResult(plan_id, tuple(i.id for i in infos), level, changes)

    def end(self, plan_id: int, ended_on: str | date, reason: str, by: ActorRef) -> Changes:
        """An agreement ends early (its last day ``ended_on``) with a reason."""
        today = self.ctx.today()
        errors: list[ValidationError] = []
        day = collect_error(errors, lambda: validate_date(ended_on, "ended_on", not_after=today))
        text = _required(errors, reason, "end_reason", 200, "care.reason")
        if errors:
            raise ValidationErrors(errors)
        assert day is not None and text is not None
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            clerk = self._staff(s, actor, staff)
            plan = s.get(CarePlan, plan_id)
            if plan is None:
                raise LookupError(f"care plan {plan_id} not found")
            if not plan.agreement_no:
                raise ValidationErrors([ValidationError("plan", "state", key="care.not_agreement")])
            if self._current(s, plan.item_id) is not plan:
                raise ValidationErrors([ValidationError("plan", "state", key="care.not_current")])
            if plan.ended_on is not None:
                raise ValidationErrors([ValidationError(
                    "plan", "state", key="care.already_ended",
                    params={"date": plan.ended_on.isoformat()})])
            if plan.starts_on is not None and day < plan.starts_on:
                raise ValidationErrors([ValidationError(
                    "ended_on", "order", key="care.end_before_start",
                    params={"date": plan.starts_on.isoformat()})])
            plan.ended_on, plan.end_reason = day, text
            record_event(s, "care.end", actor_id=clerk.id, application_id=plan.application_id,
                         task_id=plan.item_id, plan_id=plan.id, agreement=plan.agreement_no,
                         ended_on=day.isoformat())
            app_id = plan.application_id
        return Changes(applications={app_id})

    # -- validation -----------------------------------------------------------------------
    def _clean(self, s: Session, task: RequestedItem, data: CareInput,
               entries: object, today: date) -> CarePlan:
        app = task.application
        errors: list[ValidationError] = []
        assessed = collect_error(errors, lambda: validate_date(
            data.assessed_on, "assessed_on", not_after=today, not_before=app.intake_date))
        member = self._member(app, data.member_position, errors)
        assessors = self._assessors(data.assessors, errors)
        entry = rules.entry_on(entries if isinstance(entries, list) else None,
                               assessed or today)
        result = collect_error(errors, lambda: rules.assess(data.indicators, entry))
        if data.mode not in rules.MODE_LABELS:
            errors.append(ValidationError("mode", "required", key="care.mode"))
        plan = CarePlan(application_id=app.id, item_id=task.id,
                        member_id=member.id if member else 0,
                        assessed_on=assessed or today, assessors=json.dumps(assessors,
                                                                           ensure_ascii=False),
                        indicators=json.dumps({c: bool(data.indicators.get(c)) for c in
                                               rules.INDICATOR_CODES}),
                        failed_count=result.failed_count if result else 0,
                        level=result.level if result else "",
                        setting_from=date.fromisoformat(str(entry["effective_from"])),
                        mode=data.mode, services="[]")
        if data.mode == rules.CENTRALIZED:
            plan.institution = _required(errors, data.institution, "institution", 60,
                                         "care.institution_required")
        elif data.mode == rules.DISPERSED:
            if result is not None and rules.needs_agreement(data.mode, result.level) \
                    and not data.agreement:
                errors.append(ValidationError("agreement", "required",
                                              key="care.agreement_required",
                                              params={"level": rules.LEVEL_LABELS[result.level]}))
            if data.agreement:
                self._agreement(plan, data, entry, result, today, errors)
        plan.note = collect_error(errors, lambda: validate_text(data.note, "note", 200)) or ""
        if errors:
            raise ValidationErrors(errors)
        return plan

    def _agreement(self, plan: CarePlan, data: CareInput, entry: Mapping[str, object],
                   result: rules.Assessment | None, today: date,
                   errors: list[ValidationError]) -> None:
        if data.caretaker_kind not in dict(rules.CARETAKER_KINDS):
            errors.append(ValidationError("caretaker_kind", "required", key="care.caretaker_kind"))
        plan.caretaker_kind = data.caretaker_kind
        name = _required(errors, data.caretaker_name, "caretaker_name", 60, "care.caretaker_name")
        if name and data.caretaker_kind == "relative":
            name = collect_error(errors, lambda: validate_name(name, "caretaker_name")) or name
        plan.caretaker_name = name
        plan.caretaker_relation = collect_error(errors, lambda: validate_text(
            data.caretaker_relation, "caretaker_relation", 16)) or ""
        plan.caretaker_phone = collect_error(errors, lambda: validate_phone(
            data.caretaker_phone, "caretaker_phone", required=True)) or ""
        plan.caretaker_address = collect_error(errors, lambda: validate_text(
            data.caretaker_address, "caretaker_address", 200)) or ""
        codes = list(dict.fromkeys(data.services))
        if not codes or any(c not in rules.SERVICE_LABELS for c in codes):
            errors.append(ValidationError("services", "required", key="care.services"))
        plan.services = json.dumps([c for c, _ in rules.SERVICES if c in codes])
        starts = collect_error(errors, lambda: validate_date(data.starts_on, "starts_on"))
        signed = (collect_error(errors, lambda: validate_date(data.signed_on, "signed_on",
                                                              not_after=today))
                  if str(data.signed_on or "").strip() else today)
        ends: date | None = None
        if starts is not None:
            if str(data.ends_on or "").strip():
                ends = collect_error(errors, lambda: validate_date(data.ends_on, "ends_on"))
            else:
                ends = rules.default_end(starts, int(str(entry["term_months"])))
            if ends is not None and not starts <= ends <= rules.default_end(
                    starts, rules.TERM_MONTHS_MAX):
                errors.append(ValidationError("ends_on", "order", key="care.term",
                                              params={"max": rules.TERM_MONTHS_MAX}))
        plan.starts_on, plan.ends_on, plan.signed_on = starts, ends, signed
        if result is not None:
            plan.amount_fen = rules.standard_fen(entry, result.level)

    def _assessors(self, names: Sequence[str], errors: list[ValidationError]) -> list[str]:
        out: list[str] = []
        for i, raw in enumerate(names):
            if not str(raw or "").strip():
                continue
            try:
                name = validate_name(raw, f"assessors.{i}")
            except ValidationError as exc:
                errors.append(exc)
                continue
            if name and name not in out:
                out.append(name)
        if len(out) < MIN_ASSESSORS and not any(e.field.startswith("assessors") for e in errors):
            errors.append(ValidationError("assessors", "too_few", key="care.assessors",
                                          params={"min": MIN_ASSESSORS}))
        return out

    @staticmethod
    def _member(app: Application, position: int | None,
                errors: list[ValidationError]) -> HouseholdMember | None:
        want = CareService._applicant_position(app) if position is None else position
        found = next((m for m in app.members if m.position == want), None)
        if found is None:
            errors.append(ValidationError("member_position", "unknown", key="care.member_unknown"))
        return found

    @staticmethod
    def _applicant_position(app: Application) -> int:
        return next((m.position for m in app.members if m.relation == "本人"),
                    min((m.position for m in app.members), default=0))

    @staticmethod
    def _supersede(previous: CarePlan, new: CarePlan) -> None:
        """A running agreement ends the day before the new record's start."""
        if not previous.agreement_no or previous.ended_on is not None or previous.ends_on is None:
            return
        start = new.starts_on or new.assessed_on
        last = start - timedelta(days=1)
        if previous.ends_on > last:
            previous.ended_on = max(last, previous.starts_on or last)
            previous.end_reason = "重新评估或续签，由新协议接续"

    # -- helpers --------------------------------------------------------------------------
    def _care_task(self, s: Session, task_id: int) -> RequestedItem:
        task = self._task(s, task_id)
        if task.item_code != TEKUN:
            raise ValidationErrors([ValidationError("task", "item", key="care.not_tekun")])
        if task.task_status not in _OPEN:
            raise ValidationErrors([ValidationError("task", "state", key="care.task_state")])
        return task

    @staticmethod
    def _current(s: Session, task_id: int) -> CarePlan | None:
        return s.scalar(select(CarePlan).where(CarePlan.item_id == task_id)
                        .order_by(CarePlan.id.desc()).limit(1))

    @staticmethod
    def _villages(s: Session) -> dict[int | None, str]:
        return {v.id: v.name for v in s.scalars(select(Village))}

    def _view(self, s: Session, plan: CarePlan) -> CareView:
        member = s.get_one(HouseholdMember, plan.member_id)
        newer = s.scalar(select(CarePlan.id).where(CarePlan.replaces_id == plan.id).limit(1))
        return CareView(
            plan.id, plan.item_id, plan.application_id, member.position, member.name,
            plan.assessed_on, tuple(json.loads(plan.assessors or "[]")),
            {k: bool(v) for k, v in json.loads(plan.indicators or "{}").items()},
            plan.failed_count, plan.level, plan.mode, plan.institution, plan.agreement_no,
            plan.caretaker_kind, plan.caretaker_name, plan.caretaker_relation,
            plan.caretaker_phone, plan.caretaker_address,
            tuple(json.loads(plan.services or "[]")), plan.starts_on, plan.ends_on,
            plan.amount_fen, plan.signed_on, plan.ended_on, plan.end_reason, plan.note,
            newer is not None)

    def _row(self, s: Session, plan: CarePlan, problem: str, villages: dict[int | None, str],
             today: date) -> CareRow:
        app = s.get_one(Application, plan.application_id)
        member = s.get_one(HouseholdMember, plan.member_id)
        return CareRow(plan.item_id, app.id, app.number or "", member.name,
                       villages.get(app.village_id, ""), problem, plan.level, plan.mode,
                       plan.caretaker_name, plan.ends_on,
                       rules.days_left(plan.ends_on, today) if plan.ends_on else None, plan.id)


def _stopped(task: RequestedItem, today: date) -> bool:
    """Support stopped: the re-check said stop (no next re-check) and the period is over.
    (特困 support runs on past the first period while re-checks continue.)"""
    return task.next_review_on is None and task.period_to is not None and task.period_to < today


def _required(errors: list[ValidationError], value: object, field_name: str, max_len: int,
              key: str) -> str:
    """Checked text; empty: the error ``key`` (a clear sentence rather than 必填)."""
    text = collect_error(errors, lambda: validate_text(value, field_name, max_len)) or ""
    if not text and not any(e.field == field_name for e in errors):
        errors.append(ValidationError(field_name, "required", key=key))
    return text


def amount_text(fen: int | None) -> str:
    return "" if fen is None else format_yuan(fen)
