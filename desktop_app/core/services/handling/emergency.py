"""先行救助 (急难型临时救助): pay at once within the township's ceiling, or escalate
to the county above it."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from ... import vocab
from ...catalog import TOWNSHIP
from ...errors import ValidationError, ValidationErrors
from ...messages import Message
from ...models import Application, EmergencyAid, RequestedItem, Staff
from ...rules import numbering
from ...rules.values import parse_amount, validate_text
from ...vocab import ApplicationStatus, ItemStatus, TaskStatus
from .. import auth, handling_data
from ..auth import ActorRef
from ..context import Changes, Outcome
from ..documents import DocumentInfo, PendingFile
from ..events import record_event
from ..temporary_data import ceiling_fen
from .base import HandlingBase, collect_error, day_value, written
from .ceilings import refuse_above_ceiling

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


@dataclass(frozen=True)
class EmergencyInput:
    amount: str | int
    method: str
    cause: str
    paid_on: date | str | None = None


@dataclass(frozen=True)
class EmergencyResult:
    document: DocumentInfo
    paperwork_due: date
    provisional: bool
    changes: Changes = field(default_factory=Changes)


class EmergencyAidVerbs(HandlingBase):
    """先行救助 within the ceiling; escalation to the county above it."""

    # -- 先行救助 ----------------------------------------------------------------------
    def emergency_ceiling(self) -> int:
        with self.ctx.db.read() as s:
            return ceiling_fen(self.ctx, s, "LINSHI_URGENT")

    def year_aid(self, application_id: int, year: int | None = None) -> list[dict[str, Any]]:
        """Temporary assistance the household received this year (shown before paying)."""
        with self.ctx.db.read() as s:
            app = s.get_one(Application, application_id)
            return handling_data.year_aid(s, app, year or self.ctx.today().year)

    def record_emergency(self, application_id: int, inp: EmergencyInput,
                         by: ActorRef) -> EmergencyResult:
        """先行救助: pay at once within the ceiling, print the record, and give the
        临时救助（急难型） task its paperwork deadline (setting, default 5 working days).
        Above the ceiling — cumulative per incident and per household per year
        (handling/ceilings.py) — refused with the figures: use :meth:`escalate`."""
        now = self.ctx.clock()
        today = now.date()
        errors: list[ValidationError] = []
        amount = (inp.amount if isinstance(inp.amount, int) and not isinstance(inp.amount, bool)
                  else collect_error(errors, lambda: parse_amount(inp.amount, "amount")))
        if amount is not None and amount <= 0:
            errors.append(ValidationError("amount", "range", key="emergency.amount_required"))
        if inp.method not in vocab.AID_METHODS:
            errors.append(ValidationError("method", "invalid", key="emergency.method_required"))
        cause = collect_error(errors, lambda: validate_text(inp.cause, "cause", 200, required=True))
        paid_on = (collect_error(errors, lambda: day_value(
            inp.paid_on, "paid_on", Message("emergency.label.paid_on"), today=today))
                   if inp.paid_on not in (None, "") else today)
        if errors:
            raise ValidationErrors(errors)
        assert amount is not None and paid_on is not None  # (no error: both are valid)
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            clerk = self._staff(s, actor, staff)
            app = s.get(Application, application_id)
            if app is None:
                raise LookupError(f"application {application_id} not found")
            task = next((r for r in app.items if r.item_code == "LINSHI_URGENT"
                         and r.status == ItemStatus.ACCEPTED), None)
            if task is None or app.status != ApplicationStatus.ACCEPTED:
                raise ValidationErrors([ValidationError(
                    "application", "no_urgent", key="emergency.no_urgent_item")])
            if task.task_status != TaskStatus.IN_PROGRESS or task.handler_code != TOWNSHIP:
                raise ValidationErrors([ValidationError(
                    "application", "state", key="emergency.item_closed")])
            # Cumulative: this incident's and the household's payments this year.
            refuse_above_ceiling(self.ctx, s, app, task, amount, paid_on, replaces_item=False)
            cal = self.ctx.calendar(s)
            due = cal.add_workdays(paid_on, int(self.ctx.get_setting(
                s, "emergency_paperwork_workdays")))
            number = self._next_suffix(s, app, numbering.EMERGENCY)
            aid = EmergencyAid(application_id=app.id, item_id=task.id, number=number,
                               amount_fen=amount, method=inp.method, cause=cause,
                               paid_on=paid_on, paperwork_due=due.date,
                               paperwork_provisional=due.provisional, recorded_by_id=clerk.id)
            s.add(aid)
            s.flush()
            # 备用金: cash/transfer drawn from the fund here (overdraw refuses it all)
            from ..reserve import draw_for_aid
            drawn = draw_for_aid(self.ctx, s, aid, clerk.id) is not None
            # The follow-up task: the same item, now due when the paperwork is.
            task.due_date, task.due_provisional = due.date, due.provisional
            record_event(s, "emergency.pay", actor_id=clerk.id, application_id=app.id,
                         task_id=task.id, number=number, amount_fen=amount, method=inp.method,
                         paid_on=paid_on.isoformat(), paperwork_due=due.date.isoformat())
            pending = self.documents.create(s, app, "emergency_record", number, clerk, now,
                                            aid=aid)
        info = self.documents.write_files([pending])[0]
        changes = written(info).changes
        changes.reserve = drawn
        return EmergencyResult(info, due.date, due.provisional, changes)

    def escalate(self, task_id: int, reason: str, by: ActorRef) -> Outcome[DocumentInfo]:
        """Above the township's ceiling: the 急难型 item goes to the county department
        (catalogue ``escalation``) with a 转办单; tracked like every referral."""
        now = self.ctx.clock()
        reason = (reason or "").strip()
        if not reason:
            raise ValidationErrors([ValidationError("reason", "required",
                                                    key="emergency.escalation_reason_required")])
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            clerk = self._staff(s, actor, staff)
            pending = escalate_in(self, s, self._task(s, task_id), clerk, now, reason)
        return written(self.documents.write_files([pending])[0])


def escalate_in(handling: HandlingBase, s: Session, task: RequestedItem, clerk: Staff,
                now: datetime, reason: str) -> PendingFile:
    """报县审批 inside the caller's transaction: the 急难型 task goes to the county
    department of its catalogue ``escalation`` with a 转办单 (``escalate``, and a 个案会商
    that decides to report to the county)."""
    item = handling.ctx.catalog.item(task.item_code)
    if not item.escalation or task.handler_code != TOWNSHIP \
            or task.task_status != TaskStatus.IN_PROGRESS:
        raise ValidationErrors([ValidationError(
            "task", "state", key="emergency.cannot_escalate")])
    hand_to_county(task, item.escalation)
    app = task.application
    record_event(s, "emergency.escalate", actor_id=clerk.id, application_id=app.id,
                 task_id=task.id, department=item.escalation, reason=reason)
    number = handling._next_suffix(s, app, numbering.REFERRAL)
    return handling.documents.create(s, app, "referral", number, clerk, now,
                                     department=item.escalation, item_ids={task.id})


def hand_to_county(task: RequestedItem, department: str) -> None:
    """报县审批 (分级审批): the task leaves the township for ``department``, to be referred
    like any county item. Its township procedure ends where it stood: the current step
    and that step's due are cleared (the steps recorded stay), so the task is not shown
    late against a township step it has left (review of 2026-12-07, finding 4)."""
    task.handler_code = task.decider_code = department
    task.task_status = TaskStatus.TO_REFER
    task.stage, task.stage_due, task.stage_due_provisional = None, None, False
