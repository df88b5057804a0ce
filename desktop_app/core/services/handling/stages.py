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
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ... import vocab
from ...errors import ValidationError, ValidationErrors
from ...messages import render
from ...models import RequestedItem, TaskStage
from ...rules import stages as rules
from .. import auth, casework_forms
from ..auth import ActorRef
from ..context import Changes, Outcome
from ..documents import DocumentInfo
from ..events import record_event
from . import procedure
from .base import HandlingBase
from .results import Feedback, apply_result, parse_feedback
from .stage_input import (
    FEEDBACK_FIELDS,
    RESULT,
    SIDE_STAGES,
    Clean,
    err,
    label,
    next_action,
    parse,
    step_errors,
    summary,
)
from .stage_types import StageInput, StagePlan, StageView
from .task_materials import decision_material_errors, set_task_materials

#: The form printed when a step is recorded by a clerk (returned by ``record_stage``).
PRINTED = {"extension": "extension_notice", "decision": "decision_form",
           "first_review": "decision_form"}
#: Approving steps that need the materials asked for at 审核确认 (the bank account): the
#: township's decision and the 初审 before 报县 — never the county's own confirmation,
#: which is imported as the county sent it.
APPROVAL_NEEDS_MATERIALS = ("decision", "first_review")


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
        side = tuple(StageView(r.stage, label(r.stage), "done", r.started_on, r.done_on, r.ends_on,
                               r.due_date, False, summary(r), r.id)
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
                st.code, label(st.code), st.state,
                row.started_on if row else None, row.done_on if row else None,
                row.ends_on if row else None, st.due.date if st.due else None,
                bool(st.due and st.due.provisional), summary(row) if row else "",
                row.id if row else None))
        current = None if final else ev.current
        running = current is not None and ev.state(current) is not None \
            and ev.state(current).state == "running"  # type: ignore[union-attr]
        blocked = "" if ev.blocked is None else render(ev.blocked.key, ev.blocked.params)
        can_extend = (not final and proc.extension_workdays > 0 and task.extended_days == 0)
        return StagePlan(task.id, task.item_code, tuple(views), current,
                         next_action(current, running), task.due_date, task.due_provisional,
                         task.extended_days, can_extend, not final and ev.blocked is None,
                         blocked if not final else "", side)

    # -- recording a step ----------------------------------------------------------------
    def record_stage(self, task_id: int, data: StageInput,
                     by: ActorRef) -> Outcome[DocumentInfo | None]:
        """Record one step or side record of a task (see the module doc)."""
        parse(data)                      # bad input refused before the transaction
        pending = None
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            task = self._task(s, task_id)
            self.record_stage_in(s, task, data, actor.staff_id)
            kind = PRINTED.get(data.stage)
            if kind is not None and staff is not None:
                # 延期告知书 to the applicant; 审核确认表 / 初审意见表 for the file
                number = self._next_suffix(s, task.application, casework_forms.FORM_LETTERS[kind])
                pending = self.documents.create(s, task.application, kind, number, staff,
                                                self.ctx.clock(), item_ids={task.id})
        if pending is None:
            return Outcome(None, Changes(applications={task.application_id}))
        info = self.documents.write_files([pending])[0]
        return Outcome(info, Changes(applications={task.application_id}, documents={info.id}))

    def record_stage_in(self, s: Session, task: RequestedItem, data: StageInput,
                        actor_id: int | None) -> TaskStage:
        """:meth:`record_stage` inside the caller's transaction (no document printed):
        parse, record the materials given with the step (``data.materials``), check and
        write the step. Used by the import of a county return (one transaction per
        package). Raises ``ValidationErrors`` as the verb does."""
        clean = parse(data)
        if data.materials:
            set_task_materials(self.ctx, s, task, data.materials, actor_id)
        return self._record(s, task, clean, actor_id)

    def _record(self, s: Session, task: RequestedItem, c: Clean, actor_id: int | None) -> TaskStage:
        """Check and write one step inside the caller's transaction."""
        today = self.ctx.today()
        if task.task_status in vocab.FINAL_TASK_STATUSES:
            raise ValidationErrors([err("stage", "final", "stage.task_final")])
        proc = procedure.load(self.ctx, s, task, today)
        if c.stage in SIDE_STAGES:
            return self._record_side(s, task, c, proc, actor_id, today)
        if proc is None:
            raise ValidationErrors([err("stage", "no_procedure", "stage.no_procedure")])
        mine = proc.evaluation.state(c.stage)
        completing = mine is not None and mine.state == "running"
        one_day = c.stage not in rules.TWO_PHASE
        done_on = c.done_on or (c.started_on if one_day else None)
        started = mine.record.started_on if completing and mine and mine.record else c.started_on
        errors = rules.check_record(proc.evaluation, proc.steps, c.stage, started_on=started,
                                    done_on=done_on, accepted=proc.accepted, today=today)
        errors += step_errors(c, completing)
        if c.stage in APPROVAL_NEEDS_MATERIALS and c.outcome == "approved":
            errors += decision_material_errors(task, self.ctx.catalog)   # e.g. bank account
        ends_on = None
        if c.stage == "publicity":
            ends_on, more = self._publicity_end(s, c, started, proc, completing)
            errors += more
            if done_on is not None and not completing and ends_on is not None \
                    and done_on <= ends_on:
                errors.append(err("done_on", "publicity_running", "stage.publicity_not_ended",
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
                         status=RESULT[c.outcome], extra={"stage": c.stage, "source": c.source})
        after = procedure.load(self.ctx, s, task, today)
        if after is not None:
            procedure.refresh(task, after)
        return row

    def _publicity_end(self, s: Session, c: Clean, started: date,
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
            return least, [err("ends_on", "too_short", "stage.publicity_too_short",
                                day=rules.cn_date(least))]
        return c.ends_on or least, []

    @staticmethod
    def _result(c: Clean, today: date) -> Any:
        """A decision step's result checked like a 回执 (fields renamed to StageInput's)."""
        fb = Feedback(RESULT[c.outcome], c.started_on, c.text, c.amount, c.period_from,
                      c.period_to, review_class=str(c.details.get("review_class") or ""))
        try:
            return parse_feedback(fb, today)
        except ValidationErrors as exc:
            raise ValidationErrors([ValidationError(
                FEEDBACK_FIELDS.get(e.field, e.field), e.code, key=e.key, params=e.params)
                for e in exc.errors]) from None

    def _record_side(self, s: Session, task: RequestedItem, c: Clean,
                     proc: procedure.TaskProcedure | None, actor_id: int | None,
                     today: date) -> TaskStage:
        accepted = proc.accepted if proc else procedure.accepted_on(task)
        errors = step_errors(c, False)
        if c.started_on < accepted:
            errors.append(err("started_on", "before_acceptance", "stage.before_acceptance",
                               day=rules.cn_date(accepted)))
        if c.started_on > today:
            errors.append(err("started_on", "future", "stage.future", day=rules.cn_date(today)))
        ext = 0
        if c.stage == "extension":
            ext = proc.extension_workdays if proc else 0
            if not ext:
                errors.append(err("stage", "no_extension", "stage.no_extension"))
            elif task.extended_days:
                errors.append(err("stage", "extended", "stage.already_extended"))
            elif task.due_date is not None and c.started_on > task.due_date:
                errors.append(err("started_on", "late", "stage.extension_late",
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
        c = Clean(**{**c.__dict__, "details": details})
        row = self._write(s, task, c, actor_id, c.started_on, c.done_on or c.started_on, None,
                          None, due=task.due_date if c.stage == "extension" else None)
        after = procedure.load(self.ctx, s, task, today)
        if after is not None:
            procedure.refresh(task, after)
        return row

    def _write(self, s: Session, task: RequestedItem, c: Clean, actor_id: int | None,
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


__all__ = ["StageVerbs"]
