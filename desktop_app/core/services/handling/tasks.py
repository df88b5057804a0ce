"""跟踪督办: the handling tasks of accepted applications, filtered and ordered by urgency."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import Row, select
from sqlalchemy.orm import Session, selectinload

from ... import vocab
from ...catalog import TOWNSHIP
from ...models import Application, Provider, RequestedItem, Staff, Village
from ...rules import handling as rules
from ...vocab import ApplicationStatus, ItemStatus, TaskStatus
from .. import handling_data, temporary_data
from .base import HandlingBase
from .dependents import waiting_fields


@dataclass(frozen=True)
class TaskRow:
    """One handling task as the tracking screen and the ``overdue`` list show it."""

    task_id: int
    application_id: int
    number: str
    applicant: str
    village: str
    item_code: str
    item_name: str
    handler_code: str
    handler_name: str
    status: str
    status_label: str
    due_date: date | None
    due_provisional: bool
    state: str                # overdue / due_soon / ok / final
    workdays_left: int
    referred_on: date | None
    signed_on: date | None
    signed_by: str
    result_on: date | None
    result_text: str
    amount: str
    period: str
    clerk: str
    urgent: bool
    # issue 13 — the procedure: the current step (None: no procedure — an item without
    # steps, or accepted before they existed), its label and due date; the refusal
    # notice's due date (3 working days after a refusal, None once issued).
    stage: str | None = None
    stage_label: str = ""
    stage_due: date | None = None
    stage_due_provisional: bool = False
    notice_due: date | None = None
    # issue 13 (materials): the item this task waits for (待低保认定; "" = not waiting),
    # its label, and the day the awaited item was refused (flagged for the clerk).
    waiting_for: str = ""
    waiting_label: str = ""
    waiting_refused_on: date | None = None
    # issue 13 — the 先行救助 clock (services/temporary_data.py): its deadline and the
    # whole hours left (negative: late); None when no clock runs (met, closed, escalated).
    first_aid_due_at: datetime | None = None
    first_aid_hours_left: int | None = None
    # issue 15 — the provider chosen for a service task (None: the department itself);
    # ``handler_name`` is then the provider's name.
    provider_id: int | None = None

    @property
    def referred(self) -> bool:
        return self.handler_code != TOWNSHIP

    @property
    def next_due(self) -> date | None:
        """The earliest open due date: the step's, the promise's or the refusal notice's."""
        dues = [d for d in (self.notice_due,) if d]
        if self.status not in vocab.FINAL_TASK_STATUSES:
            dues += [d for d in (self.stage_due, self.due_date) if d]
        return min(dues) if dues else None


@dataclass(frozen=True)
class TaskFilter:
    department: str | None = None      # handler code
    item_code: str | None = None
    village_id: int | None = None
    clerk_id: int | None = None
    state: str | None = None           # overdue / due_soon
    status: str | None = None
    include_final: bool = False
    limit: int = 5000                  # newest first beyond this many (with include_final)


class TaskQueries(HandlingBase):
    """The task list of the tracking screen and the ``overdue`` command."""

    # -- queries ---------------------------------------------------------------------
    def tasks(self, flt: TaskFilter = TaskFilter(), *, today: date | None = None) -> list[TaskRow]:
        """Tasks of accepted (and closed) applications, most urgent first."""
        today = today or self.ctx.today()
        with self.ctx.db.read() as s:
            q = (select(RequestedItem, Application)
                 .join(Application, Application.id == RequestedItem.application_id)
                 .where(RequestedItem.status == ItemStatus.ACCEPTED,
                        Application.status.in_((ApplicationStatus.ACCEPTED,
                                                ApplicationStatus.CLOSED))))
            if not flt.include_final:
                # a refused task stays listed while its refusal notice is due
                q = q.where(RequestedItem.task_status.in_(vocab.OPEN_TASK_STATUSES)
                            | RequestedItem.notice_due.is_not(None))
            if flt.department:
                q = q.where(RequestedItem.handler_code == flt.department)
            if flt.item_code:
                q = q.where(RequestedItem.item_code == flt.item_code)
            if flt.village_id:
                q = q.where(Application.village_id == flt.village_id)
            if flt.clerk_id:
                q = q.where(Application.decided_by_id == flt.clerk_id)
            if flt.status:
                q = q.where(RequestedItem.task_status == flt.status)
            q = q.options(selectinload(RequestedItem.application)
                          .selectinload(Application.members))
            q = q.order_by(RequestedItem.id.desc()).limit(flt.limit)
            rows = self._rows(s, s.execute(q).all(), today)
        if flt.state:
            rows = [r for r in rows if r.state == flt.state]
        order = {"overdue": 0, "due_soon": 1, "ok": 2, "final": 3}
        rows.sort(key=lambda r: (order[r.state], r.next_due or date.max, r.task_id))
        return rows

    def overdue(self, *, today: date | None = None) -> list[TaskRow]:
        return self.tasks(TaskFilter(state="overdue"), today=today)

    def tasks_for_application(self, application_id: int, *, today: date | None = None
                              ) -> list[TaskRow]:
        today = today or self.ctx.today()
        with self.ctx.db.read() as s:
            q = (select(RequestedItem, Application)
                 .join(Application, Application.id == RequestedItem.application_id)
                 .where(RequestedItem.application_id == application_id,
                        RequestedItem.status == ItemStatus.ACCEPTED)
                 .order_by(RequestedItem.position))
            return self._rows(s, s.execute(q).all(), today)

    def _rows(self, s: Session, pairs: Iterable[Row[RequestedItem, Application]],
              today: date) -> list[TaskRow]:
        cal = self.ctx.calendar(s)
        soon = int(self.ctx.get_setting(s, "due_soon_workdays"))
        cat = self.ctx.catalog
        villages: dict[int | None, str] = {v.id: v.name for v in s.scalars(select(Village))}
        providers: dict[int | None, str] = {   # issue 15 (a directory)
            pid: name for pid, name in s.execute(select(Provider.id, Provider.name))}
        staff: dict[int | None, str] = {st.id: st.name for st in s.scalars(select(Staff))}
        out = []
        pairs = list(pairs)
        now = self.ctx.clock()
        now = now if today == now.date() else datetime.combine(today, now.time())
        met = temporary_data.first_aid_met(
            s, [req.id for req, _app in pairs if req.first_aid_due_at is not None])
        for req, app in pairs:
            status = req.task_status or (TaskStatus.IN_PROGRESS if req.handler_code == TOWNSHIP
                                         else TaskStatus.TO_REFER)
            # The state counts the earliest open due: the promise, the current step's
            # due (issue 13) and, after a refusal, its notice's.
            dues = [d for d in (req.notice_due,) if d]
            if status not in vocab.FINAL_TASK_STATUSES:
                dues += [d for d in (req.due_date, req.stage_due) if d]
            if not dues and status in vocab.FINAL_TASK_STATUSES:
                ds = rules.DueState("final", 0)
            else:
                ds = rules.due_state(cal, today, min(dues) if dues else None, soon)
            first_aid = temporary_data.first_aid_hours_left(req, met, now)
            if first_aid is not None:  # urgent: the 先行救助 clock counts in hours
                late = first_aid < 0 or ds.state == "overdue"
                ds = rules.DueState("overdue" if late else "due_soon", ds.workdays_left)
            out.append(TaskRow(
                req.id, app.id, app.number or "", app.applicant.name,
                villages.get(app.village_id, ""), req.item_code, cat.item(req.item_code).name,
                req.handler_code,
                providers.get(req.provider_id) or cat.department(req.handler_code).name, status,
                vocab.TASK_STATUS_LABELS[status], req.due_date, bool(req.due_provisional),
                ds.state, ds.workdays_left, req.referred_on, req.signed_on, req.signed_by,
                req.result_on, req.result_text,
                handling_data.amount_text(req.item_code, req.amount_fen),
                handling_data.period_text(req.period_from, req.period_to),
                staff.get(app.decided_by_id, ""), bool(app.urgent),
                req.stage, vocab.STAGE_LABELS.get(req.stage or "", ""),
                req.stage_due if status not in vocab.FINAL_TASK_STATUSES else None,
                bool(req.stage_due_provisional), req.notice_due,
                **waiting_fields(cat, req),
                first_aid_due_at=req.first_aid_due_at if first_aid is not None else None,
                first_aid_hours_left=first_aid,
                provider_id=req.provider_id,
            ))
        return out
