"""A result typed in the 回执 dialog for a task whose next step is its procedure's
result step (审核确认 / 县级审核确认, issue 13) is recorded AS that step: the same order
and date checks, the ``task_stage`` row and the 审核确认表 / 初审意见表 as the stage
dialog — never a result beside the procedure (review of 2026-12-07). The county's
answer typed there is its paper reply (source ``paper``).

Kept apart from :mod:`.results` (which the stage part imports) so the two do not import
each other: the stage verb is reached through the service object.
"""

from __future__ import annotations

from datetime import date
from typing import Protocol

from ...errors import ValidationError, ValidationErrors
from ...models import RequestedItem
from ...rules import stages as stage_rules
from ...vocab import ApplicationStatus, TaskStatus
from ..auth import ActorRef
from ..context import Changes, Outcome, ServiceContext
from ..documents import DocumentInfo
from . import procedure
from .stage_types import StageInput

#: A result step's fields as the 回执 dialog names them.
STEP_TO_FEEDBACK = {"started_on": "result_on", "text": "result_text", "outcome": "result"}


class RecordsSteps(Protocol):
    def record_stage(self, task_id: int, data: StageInput,
                     by: ActorRef) -> Outcome[DocumentInfo | None]: ...


def pending_result_step(ctx: ServiceContext, task_id: int, today: date) -> str | None:
    """The procedure's result step when it is the task's next step, else None (no
    procedure, or steps before it still open — the 回执 then says which)."""
    with ctx.db.read() as s:
        task = s.get(RequestedItem, task_id)
        if task is None or task.stage is None:
            return None
        proc = procedure.load(ctx, s, task, today)
        current = proc.evaluation.current if proc is not None else None
    return current if current in stage_rules.RESULT_STEPS else None


def record_as_step(ctx: ServiceContext, verbs: RecordsSteps, task_id: int, step: str,
                   result: str, result_on: date | str, text: str,
                   amount: str | int | None, period_from: date | str | None,
                   period_to: date | str | None, review_class: str,
                   by: ActorRef) -> tuple[Changes, str, bool]:
    """Record the 回执's result as ``step``; (changes, the task's status, closed?)."""
    data = StageInput(step, result_on,
                      outcome="approved" if result == TaskStatus.DONE else "refused",
                      text=text, amount=amount, period_from=period_from, period_to=period_to,
                      source="township" if step == "decision" else "paper",
                      details={"review_class": review_class} if review_class else {})
    try:
        out = verbs.record_stage(task_id, data, by)
    except ValidationErrors as exc:  # the dialog's fields are the 回执's
        raise ValidationErrors([ValidationError(
            STEP_TO_FEEDBACK.get(e.field, e.field), e.code, key=e.key, params=e.params)
            for e in exc.errors]) from None
    with ctx.db.read() as s:
        task = s.get_one(RequestedItem, task_id)
        status = str(task.task_status)
        closed = task.application.status == ApplicationStatus.CLOSED
    return out.changes, status, closed
