"""``services.rechecks`` (issue 15 items 1, 2): change reports (变更申报) and re-checks
(复核) of a 低保 / 特困 / 低保边缘 / 刚性支出 household that recompute.

* :meth:`RecheckService.household` — the household as last recorded (snapshot n; 0 = the
  application), the amount in force, the status (active / 渐退 / stopped);
* :meth:`RecheckService.worksheet` — the 复核核查表's figures for a household (the
  recorded one or the one being edited) with the standards and local rules in force on
  the day: income, property, the A/B/C class derived from the facts, the next re-check
  date and a suggested outcome with its reason;
* :meth:`RecheckService.record` — a re-check or change report with its decision:
  continue, adjust the amount from a month, 渐退 (period from the setting), stop (reason,
  appeal rights on the notice). The household found is stored as a new snapshot; the
  older ones stay readable (:meth:`snapshot`). The 复核核查表 and, for a change of the
  amount or an end, the 变更/停止 notice are issued;
* :meth:`due`, :meth:`tapers_ending`, :meth:`print_taper_list` — the lists.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from .... import printing
from ...errors import PermissionDenied, ValidationError, ValidationErrors, collect
from ...messages import Message
from ...models import Application, HouseholdReview, ListDocument, RequestedItem, Staff, Township
from ...rules import dynamic as rules
from ...rules import numbering
from ...rules.assessment import Assessment, IncomeFigures, PropertyResult, evaluate, suggested_items
from ...rules.eligibility import policy_on as eligibility_on
from ...rules.standards import standards_on
from ...rules.values import parse_amount, validate_name, validate_text
from ...vocab import ApplicationStatus, ItemStatus, TaskStatus
from .. import auth
from ..assessment import AssessmentService, village_code_of
from ..auth import ActorRef
from ..clock import ensure_clock_allows_issue
from ..context import Changes, Outcome, ServiceContext
from ..docsign import document_key
from ..documents import DocumentService, PendingFile, atomic_write
from ..drafts import ApplicationDraft, draft_from_json, draft_to_json
from ..events import record_event
from ..handling.base import HandlingBase, day_value
from ..intake.validation import DraftValidation
from . import schedule
from .forms import RECHECK_FORM, REVIEW_NOTICE, TAPER_LIST, taper_list_data
from .schedule import DueRow, TaperRow
from .snapshots import (
    HOUSEHOLD_ERROR_PREFIXES,
    household_of,
    household_only,
    reviews_in_force,
    snapshot_no_next,
)

#: Longest texts (characters).
STOP_REASON_MAX = 300
FINDINGS_MAX = 1000
MAX_INVESTIGATORS = 6


@dataclass(frozen=True)
class Household:
    item_id: int
    application_id: int
    item_code: str
    item_name: str
    draft: ApplicationDraft          # the household parts of the current snapshot
    snapshot_no: int                 # 0 = the application's own facts
    since: date                      # the day of that snapshot (intake day for 0)
    amount_fen: int | None           # in force this month
    status: str                      # "active" | "taper" | "stopped"
    taper_ends_on: date | None
    review_class: str
    next_review_on: date | None


@dataclass(frozen=True)
class Suggestion:
    outcome: str                     # rules.OUTCOMES
    reason: str                      # plain Chinese, quoting the numbers
    amount_fen: int | None


@dataclass(frozen=True)
class Worksheet:
    item_id: int
    item_code: str
    item_name: str
    on: date
    figures: IncomeFigures
    property: PropertyResult
    standards_from: date
    eligibility_from: date
    dibao_standard_fen: int
    edge_standard_fen: int
    review_class: str                # derived from the facts ("" unless 低保)
    class_reason: str
    next_review_on: date | None
    suggestion: Suggestion
    previous_amount_fen: int | None  # in force in the month of ``on``
    taper_months: int                # setting in force
    taper_ceiling_percent: int


@dataclass
class ReviewInput:
    kind: str = "recheck"                       # "recheck" | "change"
    on: str | date = ""
    household: ApplicationDraft | None = None   # None: the household as recorded
    change_kinds: list[str] = field(default_factory=list)
    outcome: str = ""
    amount: str = ""                            # yuan text (adjust; 渐退: "" = unchanged)
    effective_month: str | date = ""            # "2027-01"; "" = the month after ``on``
    taper_months: int | None = None             # None = the setting
    stop_reason: str = ""
    investigators: list[str] = field(default_factory=list)
    findings: str = ""
    review_class: str = ""                      # "" = derived


@dataclass(frozen=True)
class ReviewResult:
    review_id: int
    document_ids: list[int]
    changes: Changes


@dataclass(frozen=True)
class ReviewRow:
    id: int
    kind: str
    on: date
    snapshot_no: int
    change_kinds: list[str]
    outcome: str
    amount_fen: int | None
    effective_month: date
    taper_ends_on: date | None
    review_class: str
    class_reason: str
    next_review_on: date | None
    stop_reason: str
    counted_members: int
    net_per_capita_fen: int
    investigators: list[str]
    findings: str
    recorded_by: str
    replaced: bool = False


@dataclass(frozen=True)
class TaperListInfo:
    id: int
    number: str
    month: date
    count: int
    path: Path


class RecheckService:
    def __init__(self, ctx: ServiceContext, documents: DocumentService) -> None:
        self.ctx = ctx
        self.documents = documents

    # -- reads ---------------------------------------------------------------------------
    @staticmethod
    def _task(s: Session, item_id: int) -> RequestedItem:
        task = s.get(RequestedItem, item_id)
        if task is None or task.status != ItemStatus.ACCEPTED:
            raise LookupError(f"task {item_id} not found")
        if task.item_code not in rules.RECHECKED_ITEMS or task.task_status != TaskStatus.DONE \
                or task.application.status not in (ApplicationStatus.ACCEPTED,
                                                   ApplicationStatus.CLOSED):
            raise ValidationErrors([ValidationError("task", "state", key="dynamic.not_recipient")])
        return task

    def household(self, item_id: int) -> Household:
        today = self.ctx.today()
        with self.ctx.db.read() as s:
            task = self._task(s, item_id)
            draft, no = household_of(s, task.application, task.id)
            live = reviews_in_force(s, task.id)
            since = next((r.on for r in reversed(live) if r.snapshot_no == no),
                         task.application.intake_date) if no else task.application.intake_date
            status, ends = rules.status_of(schedule.decisions(s, task.id), today)
            return Household(task.id, task.application_id, task.item_code,
                             self.ctx.catalog.item(task.item_code).name, draft, no, since,
                             schedule.amount_in_force(s, task, today), status, ends,
                             task.review_class, task.next_review_on)

    def worksheet(self, item_id: int, draft: ApplicationDraft | None = None, *,
                  on: date | None = None) -> Worksheet:
        """The figures for ``draft`` (default: the household as recorded) with the
        standards and local rules in force on ``on`` (default today)."""
        day = on or self.ctx.today()
        with self.ctx.db.read() as s:
            task = self._task(s, item_id)
            return self._worksheet(s, task, draft, day)

    def _worksheet(self, s: Session, task: RequestedItem, draft: ApplicationDraft | None,
                   day: date) -> Worksheet:
        app = task.application
        if draft is None:
            draft = household_of(s, app, task.id)[0]
        facts = AssessmentService.facts_from_draft(draft, day, village_code_of(s, app.village_id))
        try:
            st = standards_on(self.ctx.get_setting(s, "standards"), day)
            policy = eligibility_on(self.ctx.get_setting(s, "eligibility"), day)
        except ValidationError as exc:
            raise ValidationErrors([exc]) from None
        rp = schedule.review_policy(self.ctx, s, day)
        result: Assessment = evaluate(facts, st, day, policy)
        cls, why = (rules.derive_class(facts, day, rp, policy) if task.item_code == "DIBAO"
                    else ("", ""))
        previous = schedule.amount_in_force(s, task, day)
        still = task.item_code in suggested_items(result.suggestions)
        sug = rules.suggest(task.item_code, result.figures, result.property, previous, rp,
                            result.edge_standard_fen, still)
        nxt = rules.next_review_on(task.item_code, cls, day,
                                   self.ctx.get_setting(s, "review_months") or {}, rp,
                                   policy.rigid_validity_months)
        return Worksheet(task.id, task.item_code, self.ctx.catalog.item(task.item_code).name, day,
                         result.figures, result.property, st.effective_from, policy.effective_from,
                         result.dibao_standard_fen, result.edge_standard_fen, cls, why, nxt,
                         Suggestion(sug.outcome, sug.reason, sug.amount_fen), previous,
                         rp.taper_months, rp.taper_ceiling_percent)

    def history(self, item_id: int) -> list[ReviewRow]:
        """Every review of the task, oldest first (corrections and the rows they replace)."""
        with self.ctx.db.read() as s:
            rows = list(s.scalars(select(HouseholdReview).where(HouseholdReview.item_id == item_id)
                                  .order_by(HouseholdReview.id)))
            replaced = {r.replaces_id for r in rows if r.replaces_id is not None}
            names = {st.id: st.name for st in s.scalars(select(Staff))}
            return [ReviewRow(
                r.id, r.kind, r.on, r.snapshot_no, _json_list(r.change_kinds), r.outcome,
                r.amount_fen, r.effective_month, r.taper_ends_on, r.review_class, r.class_reason,
                r.next_review_on, r.stop_reason, r.counted_members, r.net_per_capita_fen,
                _json_list(r.investigators), r.findings,
                names.get(r.recorded_by_id or 0, ""), r.id in replaced) for r in rows]

    def snapshot(self, review_id: int) -> ApplicationDraft:
        """The household recorded by a review (its snapshot), as a draft; the
        application's own facts stay the application's (snapshot 0)."""
        with self.ctx.db.read() as s:
            row = s.get(HouseholdReview, review_id)
            if row is None:
                raise LookupError(f"review {review_id} not found")
            return household_only(draft_from_json(row.household), row_app(s, row))

    def amount_in_force(self, item_id: int, month: date) -> int | None:
        with self.ctx.db.read() as s:
            task = s.get(RequestedItem, item_id)
            if task is None:
                raise LookupError(f"task {item_id} not found")
            return schedule.amount_in_force(s, task, month)

    def due(self, *, within_days: int = 30, today: date | None = None) -> list[DueRow]:
        return schedule.due(self.ctx, within_days=within_days, today=today)

    def tapers_ending(self, month: date) -> list[TaperRow]:
        return schedule.tapers_ending(self.ctx, month)

    # -- recording -------------------------------------------------------------------------
    def _parse(self, s: Session, task: RequestedItem, inp: ReviewInput, today: date,
               rp_taper: int) -> tuple[date, date, int | None, int | None, list[str], str]:
        """Validates everything but the household; returns (on, effective month,
        amount, taper months, investigators, stop reason)."""
        errors: list[ValidationError] = []
        if inp.kind not in rules.KINDS:
            errors.append(ValidationError("kind", "invalid", key="dynamic.kind_invalid"))
        on = collect(errors, _day, inp.on, today)
        live = reviews_in_force(s, task.id)
        earliest = max([d for d in (task.result_on, live[-1].on if live else None) if d],
                       default=None)
        if on is not None and earliest is not None and on < earliest:
            errors.append(ValidationError("on", "order", key="dynamic.on_too_early",
                                          params={"date": earliest.isoformat()}))
        bad_kinds = [k for k in inp.change_kinds if k not in rules.CHANGE_KINDS]
        if bad_kinds or len(set(inp.change_kinds)) != len(inp.change_kinds):
            errors.append(ValidationError("change_kinds", "invalid", key="dynamic.change_kinds_invalid"))
        elif inp.kind == "change" and not inp.change_kinds:
            errors.append(ValidationError("change_kinds", "required",
                                          key="dynamic.change_kinds_required"))
        if inp.outcome not in rules.OUTCOMES:
            errors.append(ValidationError("outcome", "invalid", key="review.outcome_required"))
        if inp.review_class and (task.item_code != "DIBAO" or inp.review_class not in rules.CLASSES):
            errors.append(ValidationError("review_class", "invalid", key="handling.review_class"))
        amount, month = _amount_and_month(errors, task, inp, on)
        taper = None
        if inp.outcome == "taper":
            taper = rp_taper if inp.taper_months is None else inp.taper_months
            if isinstance(taper, bool) or not isinstance(taper, int) or not 1 <= taper <= 24:
                errors.append(ValidationError("taper_months", "invalid",
                                              key="dynamic.taper_months_invalid"))
        reason = collect(errors, validate_text, inp.stop_reason, "stop_reason",
                         STOP_REASON_MAX) or ""
        if inp.outcome == "stop" and not reason.strip() and not any(
                e.field == "stop_reason" for e in errors):
            errors.append(ValidationError("stop_reason", "required",
                                          key="dynamic.stop_reason_required"))
        people: list[str] = []
        if len(inp.investigators) > MAX_INVESTIGATORS:
            errors.append(ValidationError("investigators", "too_many",
                                          key="dynamic.investigators_too_many",
                                          params={"max": MAX_INVESTIGATORS}))
        for i, name in enumerate(inp.investigators):
            if str(name).strip():
                ok = collect(errors, validate_name, name, f"investigators.{i}")
                if ok:
                    people.append(ok)
        collect(errors, validate_text, inp.findings, "findings", FINDINGS_MAX, multiline=True)
        if errors:
            raise ValidationErrors(errors)
        assert on is not None and month is not None
        return on, month, amount, taper, people, reason

    def _household_errors(self, draft: ApplicationDraft, app: Application) -> list[ValidationError]:
        full = household_only(draft, app)
        full.items = [] if not app.items else full.items
        found = DraftValidation(self.ctx, self.documents).validate(full)
        return [e for e in found
                if any(e.field == p or e.field.startswith(p + ".") or e.field.startswith(p + "_")
                       for p in HOUSEHOLD_ERROR_PREFIXES)]

    def record(self, item_id: int, inp: ReviewInput, by: ActorRef) -> ReviewResult:
        """Record a re-check / change report and its decision; issue its documents."""
        today = self.ctx.today()
        now = self.ctx.clock()
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            if staff is None:
                raise PermissionDenied(auth.HANDLE, auth.MESSAGES[auth.HANDLE])
            task = self._task(s, item_id)
            if rules.status_of(schedule.decisions(s, task.id), today)[0] == "stopped":
                raise ValidationErrors([ValidationError("task", "state", key="review.not_needed")])
            app = task.application
            rp = schedule.review_policy(self.ctx, s, today)
            errors: list[ValidationError] = []
            try:
                on, month, amount, taper, people, reason = self._parse(s, task, inp, today,
                                                                       rp.taper_months)
            except ValidationErrors as exc:
                errors += exc.errors
                on = None
            draft = inp.household if inp.household is not None else household_of(s, app, task.id)[0]
            errors += self._household_errors(draft, app)
            if errors:
                raise ValidationErrors(errors)
            assert on is not None
            sheet = self._worksheet(s, task, draft, on)
            previous = sheet.previous_amount_fen
            if inp.outcome == "taper" and amount is None:
                amount = previous
            if inp.outcome == "continue":
                amount = previous
            if inp.outcome == "stop":
                amount = None
            cls = inp.review_class or sheet.review_class
            why = sheet.class_reason if not inp.review_class or inp.review_class == sheet.review_class \
                else "经办人员确定"
            ends = rules.taper_ends_on(month, taper) if inp.outcome == "taper" and taper else None
            if inp.outcome == "stop":
                nxt = None
            elif inp.outcome == "taper":
                nxt = ends          # the reminder: the end of the 渐退 period
            else:
                nxt = schedule.next_review(self.ctx, s, task.item_code, cls, on)
            replaced = None
            row = HouseholdReview(
                application_id=app.id, item_id=task.id, kind=inp.kind, on=on,
                change_kinds=json.dumps(list(inp.change_kinds), ensure_ascii=False),
                snapshot_no=snapshot_no_next(s, app.id), household=_household_json(draft),
                counted_members=sheet.figures.members, net_income_fen=sheet.figures.net_fen,
                net_per_capita_fen=sheet.figures.per_capita_fen,
                topup_fen=sheet.figures.topup_fen if task.item_code == "DIBAO" else None,
                standards_from=sheet.standards_from, eligibility_from=sheet.eligibility_from,
                review_class=cls, class_reason=why[:300], outcome=inp.outcome, amount_fen=amount,
                effective_month=month, taper_ends_on=ends, stop_reason=reason,
                investigators=json.dumps(people, ensure_ascii=False),
                findings=inp.findings.strip(), suggested=sheet.suggestion.outcome,
                suggestion_reason=sheet.suggestion.reason, next_review_on=nxt,
                recorded_by_id=staff.id, replaces_id=replaced)
            s.add(row)
            s.flush()
            old_next, old_class = task.next_review_on, task.review_class
            task.next_review_on = nxt
            if task.item_code == "DIBAO":
                task.review_class = cls
            if inp.outcome == "stop":
                task.period_to = _day_before(month)
            elif inp.outcome == "taper" and ends is not None:
                task.period_to = ends
            record_event(s, f"review.{inp.kind}", actor_id=staff.id, application_id=app.id,
                         task_id=task.id, item=task.item_code, review_id=row.id, kind=inp.kind,
                         on=on.isoformat(), outcome=inp.outcome, suggested=sheet.suggestion.outcome,
                         amount_fen=amount, effective_month=month.isoformat(),
                         taper_ends_on=ends.isoformat() if ends else None,
                         change_kinds=list(inp.change_kinds), snapshot_no=row.snapshot_no,
                         review_class=cls,
                         changes={"next_review_on": [old_next and old_next.isoformat(),
                                                     nxt and nxt.isoformat()],
                                  "review_class": [old_class, task.review_class]})
            pending = [self._issue(s, app, task, RECHECK_FORM, staff, now)]
            if inp.outcome in ("adjust", "taper", "stop"):
                pending.append(self._issue(s, app, task, REVIEW_NOTICE, staff, now))
            review_id = row.id
        infos = self.documents.write_files(pending)
        ids = [i.id for i in infos]
        return ReviewResult(review_id, ids, Changes(applications={app.id}, documents=set(ids)))

    def _issue(self, s: Session, app: Application, task: RequestedItem, kind: str,
               staff: Staff, now: datetime) -> PendingFile:
        letter = numbering.RECHECK_FORM if kind == RECHECK_FORM else numbering.REVIEW_NOTICE
        number = HandlingBase._next_suffix(s, app, letter)
        return self.documents.create(s, app, kind, number, staff, now, item_ids={task.id})

    # -- the monthly 渐退 list --------------------------------------------------------------
    def print_taper_list(self, month: date, by: ActorRef) -> Outcome[TaperListInfo]:
        """渐退到期名单: the 渐退 periods ending in ``month``, recorded as a list document."""
        rows = self.tapers_ending(month)
        today = self.ctx.today()
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            ensure_clock_allows_issue(self.ctx, s)
            town = s.scalars(select(Township)).one()
            n = 1 + len(list(s.scalars(select(ListDocument.id).where(
                ListDocument.kind == TAPER_LIST, ListDocument.day == today))))
            number = numbering.list_number(town.code, numbering.TAPER_LIST, today, n)
            clerk = staff.name if staff is not None else actor.name
            data = taper_list_data(town, rows, month, number=number, today=today, clerk=clerk)
            pdf = printing.render_document(TAPER_LIST, data, signing_key=document_key(self.ctx))
            digest = hashlib.sha256(pdf).hexdigest()
            doc = ListDocument(kind=TAPER_LIST, number=number, department="", day=today,
                               template_version=str(printing.load_template(TAPER_LIST).version),
                               data=json.dumps(data, ensure_ascii=False, sort_keys=True),
                               sha256=digest, created_by_id=staff.id if staff else None,
                               print_count=0)
            s.add(doc)
            s.flush()
            record_event(s, "document.issue", actor_id=staff.id if staff else None,
                         list_document_id=doc.id, kind=TAPER_LIST, number=number, sha256=digest,
                         month=rules.month_start(month).isoformat(), count=len(rows))
            path = self.documents.folder / today.strftime("%Y%m") / f"{number}-{TAPER_LIST}.pdf"
            info = TaperListInfo(doc.id, number, rules.month_start(month), len(rows), path)
        atomic_write(path, pdf)
        return Outcome(info, Changes(lists={info.id}))


def _amount_and_month(errors: list[ValidationError], task: RequestedItem, inp: ReviewInput,
                      on: date | None) -> tuple[int | None, date | None]:
    """The amount (adjust; 渐退 if given) and the month the outcome applies from."""
    amount: int | None = None
    if inp.outcome == "adjust" or (inp.outcome == "taper" and str(inp.amount).strip()):
        amount = collect(errors, parse_amount, inp.amount, "amount",
                         allow_empty=inp.outcome != "adjust")
        if inp.outcome == "adjust" and amount is not None and amount <= 0:
            errors.append(ValidationError("amount", "required", key="dynamic.amount_required"))
    month: date | None = None
    if str(inp.effective_month).strip():
        month = collect(errors, rules.parse_month, inp.effective_month)
    elif on is not None:
        month = rules.month_start(on) if inp.outcome == "continue" \
            else rules.add_months(rules.month_start(on), 1)
    if month is not None and on is not None and inp.outcome in ("adjust", "taper", "stop"):
        if month < rules.month_start(on) or month > rules.add_months(rules.month_start(on), 12):
            errors.append(ValidationError("effective_month", "range",
                                          key="dynamic.month_range"))
        granted = task.period_from or task.result_on
        if granted and month < rules.month_start(granted):
            errors.append(ValidationError("effective_month", "order",
                                          key="dynamic.month_before_grant"))
    return amount, month


def row_app(s: Session, row: HouseholdReview) -> Application:
    app = s.get(Application, row.application_id)
    assert app is not None  # a foreign key
    return app


def _json_list(text: str) -> list[str]:
    try:
        value = json.loads(text or "[]")
    except ValueError:
        return []
    return [str(v) for v in value] if isinstance(value, list) else []


def _household_json(draft: ApplicationDraft) -> str:
    """The household parts only (items, materials and the rest of the form are not the
    household): ``draft_to_json`` of a copy without them."""
    return draft_to_json(replace(draft, items=[], hardship_reason="", staff_relative=False,
                                 staff_relative_note=""))


def _day(value: str | date, today: date) -> date:
    return day_value(value, "on", Message("review.label.review_on"), today=today)


def _day_before(month: date) -> date:
    return date.fromordinal(month.toordinal() - 1)


__all__ = ["Household", "RecheckService", "ReviewInput", "ReviewResult", "ReviewRow",
           "Suggestion", "TaperListInfo", "Worksheet"]
