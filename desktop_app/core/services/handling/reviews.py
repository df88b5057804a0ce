"""动态管理: the re-check (复核) due list of 低保/特困 households and recording a re-check."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ... import vocab
from ...errors import ValidationError, ValidationErrors
from ...messages import Message
from ...models import Application, RequestedItem, Village
from ...rules import handling as rules
from ...rules.values import validate_text
from ...vocab import ApplicationStatus, TaskStatus
from .. import auth
from ..auth import ActorRef
from ..context import Changes
from ..events import record_event
from .base import HandlingBase, collect_error, day_value


@dataclass(frozen=True)
class ReviewRow:
    task_id: int
    application_id: int
    number: str
    applicant: str
    village: str
    item_name: str
    review_class: str
    next_review_on: date
    days_left: int
    item_code: str = ""


class Reviews(HandlingBase):
    """动态管理: the re-check list and recording a re-check."""

    # -- 动态管理 ----------------------------------------------------------------------
    def reviews_due(self, *, within_days: int = 30, today: date | None = None) -> list[ReviewRow]:
        """低保/特困 households whose re-check is due within ``within_days`` (or late)."""
        today = today or self.ctx.today()
        limit = date.fromordinal(today.toordinal() + within_days)
        with self.ctx.db.read() as s:
            villages: dict[int | None, str] = {v.id: v.name for v in s.scalars(select(Village))}
            q = (select(RequestedItem, Application).join(Application)
                 .where(RequestedItem.next_review_on.is_not(None),
                        RequestedItem.next_review_on <= limit,
                        RequestedItem.task_status == TaskStatus.DONE,
                        Application.status.in_((ApplicationStatus.ACCEPTED,
                                                ApplicationStatus.CLOSED)))
                 .order_by(RequestedItem.next_review_on))
            out = []
            for r, a in s.execute(q):
                due = r.next_review_on
                assert due is not None  # the query keeps only tasks with a re-check date
                out.append(ReviewRow(r.id, a.id, a.number or "", a.applicant.name,
                                     villages.get(a.village_id, ""),
                                     self.ctx.catalog.item(r.item_code).name, r.review_class,
                                     due, (due - today).days, r.item_code))
            return out

    def record_review(self, task_id: int, on: date | str, outcome: str, note: str,
                      by: ActorRef, *, review_class: str = "") -> Changes:
        """A re-check done: ``continue`` (next date from the class's interval) or
        ``stop`` (benefit ends; no more reminders)."""
        today = self.ctx.today()
        errors: list[ValidationError] = []
        day = collect_error(errors, lambda: day_value(
            on, "review_on", Message("review.label.review_on"), today=today))
        if outcome not in ("continue", "stop"):
            errors.append(ValidationError("outcome", "invalid", key="review.outcome_required"))
        if review_class and review_class not in dict(vocab.REVIEW_CLASSES):
            errors.append(ValidationError("review_class", "invalid", key="handling.review_class"))
        note = collect_error(errors, lambda: validate_text(note, "note", 200)) or ""
        if errors:
            raise ValidationErrors(errors)
        assert day is not None  # (no error: the day is valid)
        with self.ctx.db.transaction() as s:
            actor, _ = auth.require(s, by, auth.HANDLE)
            task = self._task(s, task_id)
            if task.next_review_on is None:
                raise ValidationErrors([ValidationError("task", "state", key="review.not_needed")])
            old = task.next_review_on
            if review_class:
                task.review_class = review_class
            task.next_review_on = (rules.next_review(task.item_code, task.review_class, day,
                                                     self.ctx.get_setting(s, "review_months"))
                                   if outcome == "continue" else None)
            record_event(s, "task.review", actor_id=actor.staff_id,
                         application_id=task.application_id, task_id=task.id,
                         item=task.item_code, on=day.isoformat(), outcome=outcome, note=note,
                         changes={"next_review_on": [old.isoformat(), task.next_review_on
                                                     and task.next_review_on.isoformat()]})
        return Changes(applications={task.application_id})
