"""The 审核确认 procedure of one task as stored: its steps (from the catalogue in force,
the decider and the household), its recorded ``task_stage`` rows and where it stands
(:mod:`...rules.stages`). Shared by the stage verbs, the 回执 (closing), the task list
and acceptance; no verbs here.

A task has a procedure when ``RequestedItem.stage`` is set — at acceptance, for a
township-handled item whose catalogue stage groups list steps. Tasks accepted before
(``stage`` NULL) keep working as they did: no step is enforced on them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...catalog import TOWNSHIP
from ...models import RequestedItem, TaskStage
from ...rules import stages as rules
from ...rules.publicity import PersonFacts, publicity_limits
from ...rules.workdays import Due
from ..context import ServiceContext


@dataclass(frozen=True)
class TaskProcedure:
    """One task's procedure: its groups and steps, the rows recorded, the evaluation."""

    groups: tuple[rules.Group, ...]
    steps: tuple[rules.Step, ...]
    rows: tuple[TaskStage, ...]          # every row, oldest first (corrections included)
    latest: dict[str, TaskStage]         # the newest row per stage code
    evaluation: rules.Evaluation
    accepted: date
    extension_workdays: int              # the catalogue's (0: no extension possible)

    def step(self, code: str) -> rules.Step | None:
        return next((s for s in self.steps if s.code == code), None)


def accepted_on(task: RequestedItem) -> date:
    decided = task.application.decided_at
    return decided.date() if decided is not None else task.application.intake_date


def groups_for(ctx: ServiceContext, item_code: str) -> tuple[rules.Group, ...]:
    if not ctx.catalog.has_item(item_code):
        return ()
    return rules.groups_of(ctx.catalog.item(item_code).stages)


def publicity_withheld(ctx: ServiceContext, task: RequestedItem) -> bool:
    """A minor applicant's application, or an item never publicised (rules/publicity.py)."""
    app = task.application
    rule = ctx.catalog.item(task.item_code).publicity if ctx.catalog.has_item(task.item_code) else "none"
    limits = publicity_limits([PersonFacts(m.name, m.relation, m.birth_date) for m in app.members],
                              app.intake_date, {task.item_code: rule})
    return task.item_code in limits.withheld_items


def details_of(row: TaskStage) -> dict[str, Any]:
    try:
        value = json.loads(row.details or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def steps_for(ctx: ServiceContext, task: RequestedItem, *, dispute: bool = False
              ) -> tuple[tuple[rules.Group, ...], tuple[rules.Step, ...]]:
    groups = groups_for(ctx, task.item_code)
    if not groups:
        return (), ()
    item = ctx.catalog.item(task.item_code)
    steps = rules.procedure(
        groups, township_decides=(task.decider_code or task.handler_code) == TOWNSHIP,
        publicity_rule=item.publicity, publicity_withheld=publicity_withheld(ctx, task),
        review_always=any("评议" in a for a in item.township_actions), dispute=dispute)
    return groups, steps


def stage_rows(s: Session, task_id: int) -> tuple[TaskStage, ...]:
    return tuple(s.scalars(select(TaskStage).where(TaskStage.item_id == task_id)
                           .order_by(TaskStage.id)))


def latest_rows(rows: tuple[TaskStage, ...]) -> dict[str, TaskStage]:
    replaced = {r.replaces_id for r in rows if r.replaces_id is not None}
    out: dict[str, TaskStage] = {}
    for r in rows:
        if r.id not in replaced:
            out[r.stage] = r
    return out


def as_done(row: TaskStage) -> rules.Done:
    return rules.Done(row.stage, row.started_on, row.done_on, row.ends_on, row.outcome)


def load(ctx: ServiceContext, s: Session, task: RequestedItem, today: date) -> TaskProcedure | None:
    """The task's procedure, or None when none applies (``stage`` NULL: accepted before
    issue 13, referred, or an item without steps; a task since escalated to the county)."""
    if task.stage is None or task.handler_code != TOWNSHIP:
        return None  # (escalated to the county — 报县审批 — the procedure is no longer ours)
    rows = stage_rows(s, task.id)
    latest = latest_rows(rows)
    dispute = any(details_of(r).get("dispute") for r in latest.values())
    groups, steps = steps_for(ctx, task, dispute=dispute)
    if not steps:
        return None
    records = {code: as_done(r) for code, r in latest.items() if code in rules.LABELS}
    accepted = accepted_on(task)
    ev = rules.evaluate(groups, steps, records, accepted=accepted, today=today,
                        cal=ctx.calendar(s), extension_workdays=task.extended_days)
    ext = ctx.catalog.item(task.item_code).extension_workdays
    return TaskProcedure(groups, steps, rows, latest, ev, accepted, ext)


def refresh(task: RequestedItem, proc: TaskProcedure) -> None:
    """Keep the task's ``stage`` / ``stage_due`` in step with its records: the current
    step and its group's due; once every step is recorded, the last one and no due."""
    ev = proc.evaluation
    if ev.current is not None:
        task.stage = ev.current
        due = ev.stage_due
        task.stage_due = due.date if due is not None else None
        task.stage_due_provisional = bool(due and due.provisional)
    else:
        active = [s.code for s in proc.steps if s.active]
        task.stage = active[-1] if active else task.stage
        task.stage_due, task.stage_due_provisional = None, False


def start(ctx: ServiceContext, s: Session, task: RequestedItem, accepted: date) -> Due | None:
    """At acceptance: give a township-handled task its procedure (``stage`` = the first
    step, ``stage_due``) and return the promised date (None: no procedure)."""
    if task.handler_code != TOWNSHIP:
        return None
    groups, steps = steps_for(ctx, task)
    if not any(st.active for st in steps):
        return None
    ev = rules.evaluate(groups, steps, {}, accepted=accepted, today=accepted,
                        cal=ctx.calendar(s))
    task.stage = ev.current
    task.stage_due = ev.stage_due.date if ev.stage_due is not None else None
    task.stage_due_provisional = bool(ev.stage_due and ev.stage_due.provisional)
    return ev.promise

__all__ = ["TaskProcedure", "accepted_on", "as_done", "details_of", "groups_for", "latest_rows",
           "load", "publicity_withheld", "refresh", "stage_rows", "start", "steps_for"]
