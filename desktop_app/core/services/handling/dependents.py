"""Dependent items (issue 13): tasks accepted 待低保认定 wait for the household's status;
materials asked for at 审核确认 rather than at 受理.

A 专项 item (医疗/教育/住房/就业/殡葬) needs the 救助对象身份证明 — the household's 低保
or 特困 status. When that status is requested in the same intake or pending in an open
application of the same applicant, the window accepts the item with the material
``awaiting`` (待低保认定, ``rules/dependents.py``) and the task waits
(``RequestedItem.waiting_for`` = the awaited item): no due date, no 转办单, never on a
转办清单, never overdue. :func:`release_dependents` — called where the awaited item's
result is recorded (``results.record_feedback``; the procedure's ``decision`` /
``county`` steps) — ends the wait:

* approved: the material becomes 信息共享免提交 (the township's own record proves the
  status), ``waiting_for`` is cleared, the due date counts the item's time limit from
  the day of release (working days, counting from the day after, as at 受理), a
  转办单 is issued for a referred item, and ``task.release`` is recorded;
* refused: the task waits for another of the material's items still pending for the
  household, else it stays as it is, flagged (``waiting_refused_on``) with
  ``task.wait_refused``: the clerk decides (``task_materials.record_task_materials``
  releases it with the material as provided, or the application is withdrawn).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TypedDict

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync_contract.catalog import Catalog
from sync_contract.catalog import Material as CatalogMaterial

from ... import vocab
from ...catalog import TOWNSHIP
from ...models import Application, HouseholdMember, RequestedItem, Staff
from ...rules import dependents as rules
from ...rules import numbering
from ...vocab import SERVICE_HANDLER, ApplicationStatus, ItemStatus, MaterialStatus, TaskStatus
from ..context import ServiceContext
from ..documents import DocumentService
from ..events import record_event
from .base import HandlingBase


def household_pending(s: Session, id_number: str, *, exclude_application_id: int | None = None
                      ) -> list[str]:
    """Item codes still pending for the applicant with ``id_number``: requested in an
    application waiting for 补正, or an open task of an accepted application (in
    application order). An empty ID (无证件) has none: nothing links two applications."""
    if not id_number:
        return []
    q = (select(RequestedItem.item_code, RequestedItem.status, RequestedItem.task_status,
                Application.status)
         .join(Application, Application.id == RequestedItem.application_id)
         .join(HouseholdMember, HouseholdMember.application_id == Application.id)
         .where(HouseholdMember.position == 0, HouseholdMember.id_number == id_number,
                Application.status.in_((ApplicationStatus.ACCEPTED,
                                        ApplicationStatus.PENDING_MATERIALS)))
         .order_by(Application.id, RequestedItem.position))
    if exclude_application_id is not None:
        q = q.where(Application.id != exclude_application_id)
    out: list[str] = []
    for code, status, task_status, app_status in s.execute(q):
        pending = ((app_status == ApplicationStatus.PENDING_MATERIALS
                    and status == ItemStatus.REQUESTED)
                   or (app_status == ApplicationStatus.ACCEPTED and status == ItemStatus.ACCEPTED
                       and task_status in vocab.OPEN_TASK_STATUSES))
        if pending and code not in out:
            out.append(code)
    return out


def waiting_target(catalog: Catalog, s: Session, app: Application, req: RequestedItem
                   ) -> str | None:
    """The item ``req`` (with a material 待认定) waits for at acceptance: one of the
    material's ``depends_on`` requested in ``app``, else pending for the applicant."""
    awaiting = [m for m in req.materials if m.status == MaterialStatus.AWAITING]
    if not awaiting:
        return None
    requested = [r.item_code for r in app.items if r.status != ItemStatus.REJECTED]
    pending = household_pending(s, app.applicant.id_number, exclude_application_id=app.id)
    for m in awaiting:
        target = rules.awaitable_for(_catalog_material(catalog, req.item_code, m.code),
                                     requested, pending)
        if target:
            return target
    return None


def _catalog_material(catalog: Catalog, item_code: str, code: str) -> CatalogMaterial | None:
    try:
        return catalog.item(item_code).material(code)
    except KeyError:
        return None


def _depends(catalog: Catalog, task: RequestedItem) -> set[str]:
    """The items whose status would end ``task``'s wait (its 待认定 materials'
    ``depends_on``; at least what it waits for)."""
    out = {task.waiting_for} if task.waiting_for else set()
    for m in task.materials:
        if m.status == MaterialStatus.AWAITING:
            mat = _catalog_material(catalog, task.item_code, m.code)
            out |= set(mat.depends_on if mat is not None else ())
    return out


def _today(s: Session) -> date:
    clock = s.info.get("clock")
    return clock().date() if clock is not None else date.today()


def _household_waiting(s: Session, app: Application) -> list[RequestedItem]:
    """Waiting tasks of ``app`` and of the open applications of the same applicant."""
    q = (select(RequestedItem).join(Application, Application.id == RequestedItem.application_id)
         .where(RequestedItem.waiting_for != "", RequestedItem.status == ItemStatus.ACCEPTED,
                RequestedItem.task_status.in_(vocab.OPEN_TASK_STATUSES),
                Application.status == ApplicationStatus.ACCEPTED))
    id_number = app.applicant.id_number
    if id_number:
        same = select(HouseholdMember.application_id).where(
            HouseholdMember.position == 0, HouseholdMember.id_number == id_number)
        q = q.where((RequestedItem.application_id == app.id)
                    | RequestedItem.application_id.in_(same))
    else:
        q = q.where(RequestedItem.application_id == app.id)
    return list(s.scalars(q.order_by(RequestedItem.application_id, RequestedItem.position)))


def release_dependents(s: Session, app: Application, item_code: str, approved: bool,
                       actor_id: int | None, *, ctx: ServiceContext) -> set[int]:
    """The household's ``item_code`` (低保/特困) was decided (``approved`` or refused):
    end or flag the wait of every task of the household waiting for it. Call it inside
    the transaction that records the result, after the result is set. Returns the ids
    of the applications whose tasks changed (for the verb's ``Changes``)."""
    s.flush()
    today = _today(s)
    changed: set[int] = set()
    for task in _household_waiting(s, app):
        deps = _depends(ctx.catalog, task)
        if item_code not in deps:
            continue
        if approved:
            release(ctx, s, task, actor_id, today, released_by=item_code)
        elif task.waiting_for == item_code:
            others = [c for c in household_pending(s, task.application.applicant.id_number)
                      if c in deps and c != item_code]
            if others:
                record_event(s, "task.wait", actor_id=actor_id,
                             application_id=task.application_id, task_id=task.id,
                             item=task.item_code, waiting_for=others[0],
                             changes={"waiting_for": [task.waiting_for, others[0]]})
                task.waiting_for = others[0]
            else:
                task.waiting_refused_on = today
                record_event(s, "task.wait_refused", actor_id=actor_id,
                             application_id=task.application_id, task_id=task.id,
                             item=task.item_code, waiting_for=item_code, on=today.isoformat())
        else:
            continue
        changed.add(task.application_id)
    return changed


def release(ctx: ServiceContext, s: Session, task: RequestedItem, actor_id: int | None,
             today: date, *, released_by: str, statuses: dict[str, str] | None = None) -> None:
    """The task waits no more: materials 待认定 → ``statuses`` (default 信息共享免提交),
    due date from ``today``, a 转办单 for a referred task."""
    changes: dict[str, list[str]] = {}
    for m in task.materials:
        if m.status == MaterialStatus.AWAITING:
            new = (statuses or {}).get(m.code, rules.RELEASED_STATUS)
            changes[f"{task.item_code}.{m.code}"] = [m.status, new]
            m.status = new
    waited = task.waiting_for
    due = ctx.calendar(s).add_workdays(today, task.limit_days)
    task.waiting_for, task.waiting_refused_on = "", None
    task.due_date, task.due_provisional = due.date, due.provisional
    slip = ""
    if task.handler_code != TOWNSHIP and task.task_status == TaskStatus.TO_REFER and not (
            task.handler_code == SERVICE_HANDLER and task.provider_id is None):  # issue 15
        slip = _issue_slip(ctx, s, task, actor_id)
    record_event(s, "task.release", actor_id=actor_id, application_id=task.application_id,
                 task_id=task.id, item=task.item_code, waited_for=waited,
                 released_by=released_by, due_date=due.date.isoformat(), changes=changes,
                 **({"slip": slip} if slip else {}))


def _issue_slip(ctx: ServiceContext, s: Session, task: RequestedItem, actor_id: int | None) -> str:
    """The 转办单 of a released referred task (recorded now, rendered on first open —
    the handover list prints it with the day's slips)."""
    app = task.application
    clerk = s.get(Staff, actor_id) if actor_id is not None else None
    if clerk is None and app.decided_by_id is not None:
        clerk = s.get(Staff, app.decided_by_id)   # released by the program (a return package)
    if clerk is None:
        return ""
    number = HandlingBase._next_suffix(s, app, numbering.REFERRAL)
    clock = s.info.get("clock")
    now = clock() if clock is not None else datetime.now()
    DocumentService(ctx).create(s, app, "referral", number, clerk, now,
                                render=False, department=task.handler_code,
                                item_ids={task.id})
    return number


class WaitingFields(TypedDict, total=False):
    waiting_for: str
    waiting_label: str
    waiting_refused_on: date | None


def waiting_fields(catalog: Catalog, task: RequestedItem) -> WaitingFields:
    """``TaskRow``'s waiting fields: the awaited item, ``待低保认定``, the refusal day."""
    if not task.waiting_for:
        return {}
    try:
        short = catalog.item(task.waiting_for).short_name
    except KeyError:
        short = None
    return {"waiting_for": task.waiting_for,
            "waiting_label": rules.awaiting_label(task.waiting_for, short),
            "waiting_refused_on": task.waiting_refused_on}


__all__ = ["household_pending", "release", "release_dependents", "waiting_fields",
           "waiting_target"]
