"""回执: the department's signature and result of a task (or the township's own
decision), closing the application when every task is final, and re-referral of a
returned item."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import cast

from sqlalchemy.orm import Session

from ... import vocab
from ...errors import ValidationError, ValidationErrors
from ...messages import Message
from ...models import Application, RequestedItem
from ...rules import numbering
from ...rules import stages as stage_rules
from ...rules.values import parse_amount, validate_name, validate_text
from ...vocab import ApplicationStatus, ItemStatus, TaskStatus
from .. import auth
from ..auth import ActorRef
from ..context import Changes, Outcome, ServiceContext
from ..documents import DocumentInfo
from ..dynamic.schedule import initial_schedule
from ..events import record_event
from . import procedure, result_steps
from .base import HandlingBase, collect_error, day_value, next_task_status, written
from .ceilings import refuse_above_ceiling, township_decides
from .dependents import release_dependents


@dataclass(frozen=True)
class Feedback:
    """What the department's 回执 (or the township's own decision) says.

    ``result``: ``done`` (已办结), ``refused`` (不予办理) or ``returned`` (退回).
    Dates and the amount may be given as text as typed (``"2026-12-01"``, ``"600"``).
    ``signed_by``/``signed_on``: the 回执's 签收人 and 签收时间 when the task was not
    recorded as signed yet.
    """

    result: str
    result_on: date | str
    result_text: str = ""
    amount: str | int | None = None
    period_from: date | str | None = None
    period_to: date | str | None = None
    signed_by: str = ""
    signed_on: date | str | None = None
    review_class: str = ""


@dataclass(frozen=True)
class FeedbackResult:
    changes: Changes
    task_status: str
    closed: bool


SIGNED_ON = Message("handling.label.signed_on")
SIGNED_BEFORE_REFERRAL = Message("handling.signed_before_referral")


class TaskResults(HandlingBase):
    """What the 回执 says: signed for, the result, closing, re-referral."""

    # -- 回执: signature and result --------------------------------------------------------
    def record_signed(self, task_id: int, signed_by: str, signed_on: date | str,
                      by: ActorRef) -> Changes:
        """已签收: the department's 回执 shows who signed for the slip and when."""
        today = self.ctx.today()
        errors: list[ValidationError] = []
        name = collect_error(errors, lambda: validate_name(signed_by, "signed_by"))
        on = collect_error(errors, lambda: day_value(signed_on, "signed_on", SIGNED_ON, today=today))
        if errors:
            raise ValidationErrors(errors)
        assert name is not None and on is not None  # (no error: both are valid)
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            task = self._task(s, task_id)
            new = next_task_status(task.task_status, "sign")
            self._not_before(on, task.referred_on, "signed_on", SIGNED_BEFORE_REFERRAL)
            task.task_status, task.signed_by, task.signed_on = new, name, on
            record_event(s, "task.sign", actor_id=actor.staff_id,
                         application_id=task.application_id, task_id=task.id,
                         item=task.item_code, signed_by=name, signed_on=on.isoformat())
        return Changes(applications={task.application_id})

    def record_feedback(self, task_id: int, fb: Feedback, by: ActorRef) -> FeedbackResult:
        """The result from the 回执 (or the township's own decision). Closes the
        application when every accepted item has its final result.

        A task with a procedure (``stage`` set, issue 13) is refused while a step is
        unfinished — with the date (公示期至…，期满后方可办结); tasks accepted before
        have no steps and close as they always did."""
        today = self.ctx.today()
        p = parse_feedback(fb, today)
        step = result_steps.pending_result_step(self.ctx, task_id, today)
        if step is not None and p.result in (TaskStatus.DONE, TaskStatus.REFUSED):
            # recorded AS the procedure's result step (审核确认 / 县级审核确认)
            changes, step_status, closed = result_steps.record_as_step(
                self.ctx, cast(result_steps.RecordsSteps, self), task_id, step, fb.result,
                fb.result_on, fb.result_text, fb.amount, fb.period_from, fb.period_to,
                fb.review_class, by)
            return FeedbackResult(changes, step_status, closed)
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            task = self._task(s, task_id)
            status = task.task_status
            if status == TaskStatus.REFERRED and p.signed_by:
                status = next_task_status(status, "sign")
                self._not_before(p.signed_on, task.referred_on, "signed_on", SIGNED_BEFORE_REFERRAL)
                task.signed_by, task.signed_on = p.signed_by, p.signed_on
            new = next_task_status(status, p.result)
            if p.result in (TaskStatus.DONE, TaskStatus.REFUSED):
                refuse_unfinished_procedure(self.ctx, s, task, today)
            released: set[int] = set()
            closed = apply_result(self.ctx, s, task, actor.staff_id, p, today, event="task.feedback",
                                  status=new, extra={"signed_by": p.signed_by} if p.signed_by else {},
                                  released=released)
        return FeedbackResult(Changes(applications={task.application_id} | released), new, closed)

    def _close_if_done(self, s: Session, app: Application, actor_id: int | None,
                       today: date) -> bool:
        return close_if_done(s, app, actor_id, today)

    def re_refer(self, task_id: int, by: ActorRef) -> Outcome[DocumentInfo]:
        """A returned item (退回) goes to its department again with a new 转办单
        (only the returned items of that department); the task waits for the next list."""
        now = self.ctx.clock()
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            clerk = self._staff(s, actor, staff)
            task = self._task(s, task_id)
            next_task_status(task.task_status, "re_refer")
            app = task.application
            items = [r for r in app.items if r.handler_code == task.handler_code
                     and r.task_status == TaskStatus.RETURNED]
            for r in items:
                r.task_status = next_task_status(r.task_status, "re_refer")
                r.referred_on = r.signed_on = None
                r.signed_by = ""
                record_event(s, "task.re_refer", actor_id=clerk.id, application_id=app.id,
                             task_id=r.id, item=r.item_code, department=r.handler_code)
            number = self._next_suffix(s, app, numbering.REFERRAL)
            pending = self.documents.create(s, app, "referral", number, clerk, now,
                                            department=task.handler_code,
                                            item_ids={r.id for r in items})
        return written(self.documents.write_files([pending])[0])


@dataclass(frozen=True)
class ParsedFeedback:
    """A validated :class:`Feedback` (or a stage's decision) ready to apply."""

    result: str
    result_on: date
    text: str
    amount: int | None = None
    period_from: date | None = None
    period_to: date | None = None
    review_class: str = ""
    signed_by: str | None = None
    signed_on: date | None = None


def parse_feedback(fb: Feedback, today: date) -> ParsedFeedback:
    """Validate a result as typed; every problem at once (``ValidationErrors`` keyed by
    :class:`Feedback`'s field names)."""
    errors: list[ValidationError] = []
    if fb.result not in dict(vocab.TASK_RESULTS):
        errors.append(ValidationError("result", "invalid", key="handling.result_required"))
    result_on = collect_error(errors, lambda: day_value(
        fb.result_on, "result_on", Message("handling.label.result_on"), today=today))
    text = collect_error(errors, lambda: validate_text(fb.result_text, "result_text", 200)) or ""
    amount: int | None = None
    if fb.amount not in (None, ""):
        amount = (fb.amount if isinstance(fb.amount, int) and not isinstance(fb.amount, bool)
                  else collect_error(errors, lambda: parse_amount(fb.amount, "amount")))
    p_from: date | None = None
    p_to: date | None = None
    if fb.period_from not in (None, ""):
        p_from = collect_error(errors, lambda: day_value(
            fb.period_from, "period_from", Message("handling.label.period_from"), today=date.max))
    if fb.period_to not in (None, ""):
        p_to = collect_error(errors, lambda: day_value(
            fb.period_to, "period_to", Message("handling.label.period_to"), today=date.max))
    if p_from and p_to and p_to < p_from:
        errors.append(ValidationError("period_to", "order", key="handling.period_order"))
    if fb.result == TaskStatus.REFUSED and not (fb.result_text or "").strip():
        errors.append(ValidationError("result_text", "required",
                                      key="handling.refusal_reason_required"))
    if fb.result == TaskStatus.RETURNED and not (fb.result_text or "").strip():
        errors.append(ValidationError("result_text", "required",
                                      key="handling.return_reason_required"))
    if fb.result != TaskStatus.DONE and amount:
        errors.append(ValidationError("amount", "not_done", key="handling.amount_not_done"))
    if fb.review_class and fb.review_class not in dict(vocab.REVIEW_CLASSES):
        errors.append(ValidationError("review_class", "invalid", key="handling.review_class"))
    signed_by: str | None = None
    signed_on: date | None = None
    if (fb.signed_by or "").strip():
        signed_by = collect_error(errors, lambda: validate_name(fb.signed_by, "signed_by"))
        signed_on = collect_error(errors, lambda: day_value(fb.signed_on or fb.result_on,
                                                            "signed_on", SIGNED_ON, today=today))
    if errors:
        raise ValidationErrors(errors)
    assert result_on is not None  # (no error: the day is valid)
    return ParsedFeedback(fb.result, result_on, text, amount, p_from, p_to, fb.review_class,
                          signed_by, signed_on)


def refuse_unfinished_procedure(ctx: ServiceContext, s: Session, task: RequestedItem,
                                today: date) -> None:
    """A task with a procedure gets its result only once its steps are done (the
    result steps themselves — 审核确认 / 县级审核确认 — excepted)."""
    proc = procedure.load(ctx, s, task, today)
    if proc is None or proc.evaluation.blocked is None:
        return
    blocked = proc.evaluation.blocked
    raise ValidationErrors([ValidationError("result", "procedure", key=blocked.key,
                                            params=dict(blocked.params))])


def apply_result(ctx: ServiceContext, s: Session, task: RequestedItem, actor_id: int | None,
                 p: ParsedFeedback, today: date, *, event: str, status: str,
                 extra: dict[str, object] | None = None,
                 released: set[int] | None = None) -> bool:
    """Record a task's result — from the 回执 (``record_feedback``) or a procedure's
    decision step (审核确认 / 县级审核确认, ``record_stage``): status, amount and period,
    the re-check date, the refusal notice's due date, the audit event; releases (or
    flags) the tasks waiting for this item's status (待低保认定, :mod:`.dependents`) and
    adds their applications to ``released``; closes the application when every task is
    final. Returns whether it closed."""
    self_check = Message("handling.result_before_referral")
    HandlingBase._not_before(p.result_on, task.referred_on, "result_on", self_check)
    decided = task.application.decided_at
    HandlingBase._not_before(p.result_on, decided.date() if decided else None, "result_on",
                             Message("handling.result_before_acceptance"))
    new = status
    if new == TaskStatus.DONE and p.amount and township_decides(task):
        # The township's own decision: its total for the item stays within the
        # cumulative ceiling (handling/ceilings.py); beyond it, 报县审批.
        refuse_above_ceiling(ctx, s, task.application, task, p.amount, p.result_on,
                             replaces_item=True)
    old = task.task_status
    task.task_status, task.result_on, task.result_text = new, p.result_on, p.text
    task.amount_fen = p.amount if new == TaskStatus.DONE else None
    task.period_from, task.period_to = (p.period_from, p.period_to) if new == TaskStatus.DONE \
        else (None, None)
    task.result_by_id = actor_id
    if new == TaskStatus.DONE:
        # issue 15: a 低保 class not given is derived from the household's facts, and
        # 低保边缘 / 刚性支出 are re-checked too (services/dynamic/schedule.py)
        task.review_class, task.next_review_on = initial_schedule(ctx, s, task, p.result_on,
                                                                  p.review_class)
    if new == TaskStatus.REFUSED and (task.stage is not None or township_decides(task)):
        # 不予确认: the written notice within 3 working days (57号/43号) — of the decision
        # when the township decided; of the day the township learns of the county's
        # refusal (its return package or paper reply) when it passes the county's on, so
        # a reply that arrives late is not overdue on arrival (review of 2026-12-07).
        told = p.result_on if township_decides(task) else max(p.result_on, today)
        task.notice_due = stage_rules.refusal_notice_due(told, ctx.calendar(s)).date
    record_event(s, event, actor_id=actor_id,
                 application_id=task.application_id, task_id=task.id,
                 item=task.item_code, result=p.result, result_on=p.result_on.isoformat(),
                 text=p.text, amount_fen=task.amount_fen,
                 changes={"task_status": [old, new]}, **(extra or {}))
    if new in vocab.FINAL_TASK_STATUSES:
        waited = release_dependents(s, task.application, task.item_code, new == TaskStatus.DONE,
                                    actor_id, ctx=ctx)
        if released is not None:
            released |= waited
    return close_if_done(s, task.application, actor_id, today)


def close_if_done(s: Session, app: Application, actor_id: int | None, today: date) -> bool:
    accepted = [r for r in app.items if r.status == ItemStatus.ACCEPTED]
    if app.status != ApplicationStatus.ACCEPTED or not accepted or any(
            r.task_status not in vocab.FINAL_TASK_STATUSES for r in accepted):
        return False
    app.status, app.closed_on = ApplicationStatus.CLOSED, today
    record_event(s, "application.close", actor_id=actor_id, application_id=app.id,
                 changes={"status": [ApplicationStatus.ACCEPTED, ApplicationStatus.CLOSED]},
                 results={r.item_code: r.task_status for r in accepted})
    return True
