"""审核确认程序: record the steps of a township-handled task (issue 13).

Every step and side record goes through :meth:`StageVerbs.record_stage`: the typed
values are checked (field-keyed Chinese messages, nothing written on a problem), the
order and the dates by :mod:`...rules.stages` (no skipping, no back-dating past the
previous step, nothing in the future; after a 公示 only once it has ended), one
``task_stage`` row is written (completing a running step — 核对 result, 公示 concluded
— writes a new row replacing the first, the old one stays), the task's ``stage`` /
``stage_due`` follow, and the audit log gets ``task.stage`` with ``stage=<code>``.
The result steps — ``decision`` (the township decides, 审核确认权限下放) and
``county`` (the county's 审核确认, from its return package or typed from its paper reply)
— also record the task's result and close the application when every task is final,
through the same code as the 回执 (:func:`.results.apply_result`).

Tasks accepted before this existed have no procedure (``stage`` NULL): steps are
refused on them ("no procedure"), their result is recorded as before.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ... import vocab
from ...errors import ValidationError, ValidationErrors
from ...messages import Message, render
from ...models import RequestedItem, TaskStage
from ...rules import stages as rules
from ...rules.values import format_yuan, parse_amount, validate_name, validate_text
from ...vocab import TaskStatus
from .. import auth
from ..auth import ActorRef
from ..context import Changes, Outcome
from ..documents import DocumentInfo
from ..events import record_event
from . import procedure
from .base import HandlingBase, collect_error, day_value
from .results import Feedback, apply_result, parse_feedback
from .stage_types import StageInput, StagePlan, StageView

#: Side records: not sequential, recorded on any accepted task.
SIDE_STAGES = ("paperwork", "conference", "followup", "extension")
#: Outcome codes each step accepts ("" = none asked).
OUTCOMES: dict[str, tuple[str, ...]] = {
    "visit": ("",),
    "check": ("", "match", "discrepancy"),
    "review": ("", "approved", "refused"),
    "publicity": ("", "no_objection", "objection_resolved", "objection_upheld"),
    "first_review": ("approved", "refused"),
    "report": ("",),
    "county": ("approved", "refused"),
    "decision": ("approved", "refused"),
    "paperwork": ("",),
    "conference": ("", "approved", "refused", "escalate"),
    "followup": ("", "approved", "refused"),
    "extension": ("",),
}
OUTCOME_LABELS = {
    "match": "一致", "discrepancy": "有差异", "approved": "同意", "refused": "不同意",
    "no_objection": "无异议", "objection_resolved": "有异议，已核实处理",
    "objection_upheld": "异议成立", "escalate": "报县审批",
}
#: The minimum investigators of a 入户调查 (57号/43号: 调查人员不少于2人; DOMAIN §3).
MIN_INVESTIGATORS = 2
TEXT_MAX = 500
_RESULT = {"approved": TaskStatus.DONE, "refused": TaskStatus.REFUSED}
#: Fields of a 回执 named as StageInput's (a decision step is checked like a 回执).
_FEEDBACK_FIELDS = {"result": "outcome", "result_on": "started_on", "result_text": "text"}


@dataclass(frozen=True)
class _Clean:
    """A :class:`StageInput` with its values parsed."""

    stage: str
    started_on: date
    done_on: date | None
    ends_on: date | None
    people: tuple[str, ...]
    outcome: str
    text: str
    ref: str
    amount: int | None
    period_from: date | None
    period_to: date | None
    village_id: int | None
    details: dict[str, Any]
    source: str


def _err(field: str, code: str, key: str, **params: object) -> ValidationError:
    return ValidationError(field, code, key=key, params=params)


def _label(code: str) -> str:
    return vocab.STAGE_LABELS.get(code, code)


def _parse(data: StageInput) -> _Clean:
    """Every typed value checked; problems reported together, keyed by field."""
    errors: list[ValidationError] = []
    if data.stage not in vocab.STAGE_LABELS:
        raise ValidationErrors([_err("stage", "unknown", "stage.unknown")])
    label = Message("stage.label.date")

    def day(value: object, field: str) -> date | None:
        if value in (None, ""):
            return None
        return collect_error(errors, lambda: day_value(value, field, label, today=date.max))

    started = day(data.started_on, "started_on")
    if data.started_on in (None, ""):
        errors.append(_err("started_on", "required", "stage.date_required"))
    done, ends = day(data.done_on, "done_on"), day(data.ends_on, "ends_on")
    p_from, p_to = day(data.period_from, "period_from"), day(data.period_to, "period_to")
    people: list[str] = []
    for name in data.people:
        if str(name).strip():
            clean = collect_error(errors, lambda n=name: validate_name(n, "people"))  # type: ignore[misc]
            if clean is not None and clean not in people:
                people.append(clean)
    outcome = (data.outcome or "").strip()
    if outcome not in OUTCOMES.get(data.stage, ("",)):
        errors.append(_err("outcome", "invalid", "stage.outcome_invalid", label=_label(data.stage)))
    text = collect_error(errors, lambda: validate_text(data.text, "text", TEXT_MAX)) or ""
    ref = collect_error(errors, lambda: validate_text(data.ref, "ref", 60)) or ""
    amount: int | None = None
    if data.amount not in (None, ""):
        amount = (data.amount if isinstance(data.amount, int) and not isinstance(data.amount, bool)
                  else collect_error(errors, lambda: parse_amount(data.amount, "amount")))
    if data.source not in dict(vocab.STAGE_SOURCES):
        errors.append(_err("source", "invalid", "stage.source_invalid"))
    try:
        details = json.loads(json.dumps(dict(data.details), ensure_ascii=False))
    except (TypeError, ValueError):
        details = {}
        errors.append(_err("details", "invalid", "stage.details_invalid"))
    if errors:
        raise ValidationErrors(errors)
    assert started is not None
    source = data.source
    if data.stage == "county" and source == "township":
        source = "paper"  # typed at the township from the county's paper reply
    return _Clean(data.stage, started, done, ends, tuple(people), outcome, text, ref, amount,
                  p_from, p_to, data.village_id, details, source)


def _step_errors(c: _Clean, completing: bool) -> list[ValidationError]:
    """What each step needs (StageInput's docstring)."""
    errors: list[ValidationError] = []
    if c.stage == "visit" and len(c.people) < MIN_INVESTIGATORS:
        errors.append(_err("people", "too_few", "stage.visit_people", min=MIN_INVESTIGATORS))
    if c.stage == "visit" and not c.text:
        errors.append(_err("text", "required", "stage.visit_findings"))
    if c.stage == "check" and c.done_on is not None and not c.outcome:
        errors.append(_err("outcome", "required", "stage.check_outcome"))
    if c.stage == "check" and c.outcome == "discrepancy" and not c.text:
        errors.append(_err("text", "required", "stage.check_discrepancy"))
    if c.stage == "publicity" and (completing or c.done_on) and not c.outcome:
        errors.append(_err("outcome", "required", "stage.publicity_outcome"))
    if c.stage == "publicity" and c.outcome.startswith("objection") and not c.text:
        errors.append(_err("text", "required", "stage.publicity_objection"))
    if c.stage in ("first_review", "county", "decision", "conference") and c.outcome == "refused" \
            and not c.text:
        errors.append(_err("text", "required", "stage.reason_required"))
    if c.stage == "extension" and not c.text:
        errors.append(_err("text", "required", "stage.extension_reason"))
    if c.stage == "conference" and not c.people:
        errors.append(_err("people", "required", "stage.conference_people"))
    if c.amount and c.stage not in ("county", "decision", "conference"):
        errors.append(_err("amount", "unexpected", "stage.amount_unexpected"))
    return errors


def _summary(row: TaskStage) -> str:
    """One Chinese line of what a row records (names of the staff, never ID numbers)."""
    people = "、".join(json.loads(row.people or "[]"))
    outcome = OUTCOME_LABELS.get(row.outcome, "")
    parts: list[str] = []
    if row.stage == "publicity" and row.ends_on:
        parts.append(f"{rules.cn_date(row.started_on)}至{rules.cn_date(row.ends_on)}")
    else:
        parts.append(rules.cn_date(row.started_on))
    if row.stage == "check" and row.done_on is None:
        parts.append("待核对结果")
    if people:
        parts.append(people)
    if row.ref:
        parts.append(row.ref)
    if outcome:
        parts.append(outcome)
    if row.amount_fen:
        parts.append(f"{format_yuan(row.amount_fen)}元")
    if row.text:
        parts.append(row.text[:40])
    return "，".join(parts)


def _next_action(code: str | None, running: bool) -> str:
    if code is None:
        return ""
    if running:
        return {"check": "录入核对结果", "publicity": "结束公示"}.get(code, f"完成{_label(code)}")
    return f"录入{_label(code)}"


class StageVerbs(HandlingBase):
    """The 审核确认 procedure: plan, steps, 公示, 报县, 入户调查表."""

    # -- where a task stands ---------------------------------------------------------
    def stage_plan(self, task_id: int, *, today: date | None = None) -> StagePlan:
        """The stage bar of one task: its steps with their state and due dates, the
        next action, whether the result may be recorded (else why, with the date)."""
        today = today or self.ctx.today()
        with self.ctx.db.read() as s:
            task = self._task(s, task_id)
            return self._plan(s, task, today)

    def _plan(self, s: Session, task: RequestedItem, today: date) -> StagePlan:
        proc = procedure.load(self.ctx, s, task, today)
        rows = procedure.stage_rows(s, task.id)
        latest = procedure.latest_rows(rows)
        side = tuple(StageView(r.stage, _label(r.stage), "done", r.started_on, r.done_on, r.ends_on,
                               r.due_date, False, _summary(r), r.id)
                     for r in rows if r.stage in SIDE_STAGES)
        final = task.task_status in vocab.FINAL_TASK_STATUSES
        if proc is None:
            return StagePlan(task.id, task.item_code, (), None, "", task.due_date,
                             task.due_provisional, task.extended_days, False, not final,
                             "", side)
        ev = proc.evaluation
        views = []
        for st in ev.steps:
            row = latest.get(st.code)
            views.append(StageView(
                st.code, _label(st.code), st.state,
                row.started_on if row else None, row.done_on if row else None,
                row.ends_on if row else None, st.due.date if st.due else None,
                bool(st.due and st.due.provisional), _summary(row) if row else "",
                row.id if row else None))
        current = None if final else ev.current
        running = current is not None and ev.state(current) is not None \
            and ev.state(current).state == "running"  # type: ignore[union-attr]
        blocked = "" if ev.blocked is None else render(ev.blocked.key, ev.blocked.params)
        can_extend = (not final and proc.extension_workdays > 0 and task.extended_days == 0)
        return StagePlan(task.id, task.item_code, tuple(views), current,
                         _next_action(current, running), task.due_date, task.due_provisional,
                         task.extended_days, can_extend, not final and ev.blocked is None,
                         blocked if not final else "", side)

    # -- recording a step ----------------------------------------------------------------
    def record_stage(self, task_id: int, data: StageInput,
                     by: ActorRef) -> Outcome[DocumentInfo | None]:
        """Record one step or side record of a task (see the module doc)."""
        clean = _parse(data)
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            task = self._task(s, task_id)
            self._record(s, task, clean, actor.staff_id)
        return Outcome(None, Changes(applications={task.application_id}))

    def _record(self, s: Session, task: RequestedItem, c: _Clean, actor_id: int | None) -> TaskStage:
        """Check and write one step inside the caller's transaction."""
        today = self.ctx.today()
        if task.task_status in vocab.FINAL_TASK_STATUSES:
            raise ValidationErrors([_err("stage", "final", "stage.task_final")])
        proc = procedure.load(self.ctx, s, task, today)
        if c.stage in SIDE_STAGES:
            return self._record_side(s, task, c, proc, actor_id, today)
        if proc is None:
            raise ValidationErrors([_err("stage", "no_procedure", "stage.no_procedure")])
        mine = proc.evaluation.state(c.stage)
        completing = mine is not None and mine.state == "running"
        one_day = c.stage not in rules.TWO_PHASE
        done_on = c.done_on or (c.started_on if one_day else None)
        started = mine.record.started_on if completing and mine and mine.record else c.started_on
        errors = rules.check_record(proc.evaluation, proc.steps, c.stage, started_on=started,
                                    done_on=done_on, accepted=proc.accepted, today=today)
        errors += _step_errors(c, completing)
        ends_on = None
        if c.stage == "publicity":
            ends_on, more = self._publicity_end(s, c, started, proc, completing)
            errors += more
            if done_on is not None and not completing and ends_on is not None \
                    and done_on <= ends_on:
                errors.append(_err("done_on", "publicity_running", "stage.publicity_not_ended",
                                   day=rules.cn_date(ends_on)))
        parsed = None
        if c.stage in rules.RESULT_STEPS and not errors:
            parsed = self._result(c, today)
        if errors:
            raise ValidationErrors(errors)
        old = proc.latest.get(c.stage) if completing else None
        row = self._write(s, task, c, actor_id, started, done_on, ends_on, old,
                          due=mine.due.date if mine and mine.due else None)
        if parsed is not None:
            apply_result(self.ctx, s, task, actor_id, parsed, today, event="task.feedback",
                         status=_RESULT[c.outcome], extra={"stage": c.stage, "source": c.source})
        after = procedure.load(self.ctx, s, task, today)
        if after is not None:
            procedure.refresh(task, after)
        return row

    def _publicity_end(self, s: Session, c: _Clean, started: date,
                       proc: procedure.TaskProcedure,
                       completing: bool) -> tuple[date | None, list[ValidationError]]:
        """The 公示's last day: kept when completing, else from the setting (a typed end
        may be later, never earlier)."""
        if completing:
            rec = proc.latest["publicity"]
            return rec.ends_on, []
        days, unit = rules.publicity_on(self.ctx.get_setting(s, "publicity_days"), started)
        least = rules.publicity_ends(started, days, unit, self.ctx.calendar(s)).date
        if c.ends_on is not None and c.ends_on < least:
            return least, [_err("ends_on", "too_short", "stage.publicity_too_short",
                                day=rules.cn_date(least))]
        return c.ends_on or least, []

    @staticmethod
    def _result(c: _Clean, today: date) -> Any:
        """A decision step's result checked like a 回执 (fields renamed to StageInput's)."""
        fb = Feedback(_RESULT[c.outcome], c.started_on, c.text, c.amount, c.period_from,
                      c.period_to)
        try:
            return parse_feedback(fb, today)
        except ValidationErrors as exc:
            raise ValidationErrors([ValidationError(
                _FEEDBACK_FIELDS.get(e.field, e.field), e.code, key=e.key, params=e.params)
                for e in exc.errors]) from None

    def _record_side(self, s: Session, task: RequestedItem, c: _Clean,
                     proc: procedure.TaskProcedure | None, actor_id: int | None,
                     today: date) -> TaskStage:
        accepted = proc.accepted if proc else procedure.accepted_on(task)
        errors = _step_errors(c, False)
        if c.started_on < accepted:
            errors.append(_err("started_on", "before_acceptance", "stage.before_acceptance",
                               day=rules.cn_date(accepted)))
        if c.started_on > today:
            errors.append(_err("started_on", "future", "stage.future", day=rules.cn_date(today)))
        ext = 0
        if c.stage == "extension":
            ext = proc.extension_workdays if proc else 0
            if not ext:
                errors.append(_err("stage", "no_extension", "stage.no_extension"))
            elif task.extended_days:
                errors.append(_err("stage", "extended", "stage.already_extended"))
            elif task.due_date is not None and c.started_on > task.due_date:
                errors.append(_err("started_on", "late", "stage.extension_late",
                                   day=rules.cn_date(task.due_date)))
        if errors:
            raise ValidationErrors(errors)
        details = dict(c.details)
        if c.stage == "extension" and proc is not None:
            new_due = rules.promise(proc.groups, proc.steps, proc.accepted, self.ctx.calendar(s),
                                    ext)
            assert new_due is not None
            details.update(days=ext, old_due=task.due_date.isoformat() if task.due_date else None,
                           new_due=new_due.date.isoformat())
            task.extended_days = ext
            task.due_date, task.due_provisional = new_due.date, new_due.provisional
        c = _Clean(**{**c.__dict__, "details": details})
        row = self._write(s, task, c, actor_id, c.started_on, c.done_on or c.started_on, None,
                          None, due=task.due_date if c.stage == "extension" else None)
        after = procedure.load(self.ctx, s, task, today)
        if after is not None:
            procedure.refresh(task, after)
        return row

    def _write(self, s: Session, task: RequestedItem, c: _Clean, actor_id: int | None,
               started: date, done_on: date | None, ends_on: date | None,
               old: TaskStage | None, *, due: date | None) -> TaskStage:
        village = c.village_id
        if c.stage == "publicity" and village is None:
            village = old.village_id if old else task.application.village_id
        details = dict(procedure.details_of(old)) if old else {}
        details.update(c.details)
        row = TaskStage(
            application_id=task.application_id, item_id=task.id, stage=c.stage,
            started_on=started, done_on=done_on, ends_on=ends_on, due_date=due,
            outcome=c.outcome or (old.outcome if old else ""),
            amount_fen=c.amount if c.amount is not None else (old.amount_fen if old else None),
            people=json.dumps(list(c.people) or (json.loads(old.people) if old else []),
                              ensure_ascii=False),
            text=c.text or (old.text if old else ""), ref=c.ref or (old.ref if old else ""),
            village_id=village, details=json.dumps(details, ensure_ascii=False, sort_keys=True),
            source=c.source, replaces_id=old.id if old else None, recorded_by_id=actor_id)
        s.add(row)
        s.flush()
        record_event(s, "task.stage", actor_id=actor_id, application_id=task.application_id,
                     task_id=task.id, item=task.item_code, stage=c.stage,
                     started_on=started.isoformat(),
                     done_on=done_on.isoformat() if done_on else None,
                     ends_on=ends_on.isoformat() if ends_on else None,
                     outcome=row.outcome, source=c.source, record_id=row.id,
                     **({"replaces": old.id} if old else {}))
        return row


__all__ = ["MIN_INVESTIGATORS", "OUTCOMES", "OUTCOME_LABELS", "SIDE_STAGES", "StageVerbs"]
