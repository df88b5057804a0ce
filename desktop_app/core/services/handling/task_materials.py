"""Materials of a task after 受理 (issue 13): those asked for at 审核确认 (catalogue
``"at": "decision"``, e.g. the bank account) and the clerk releasing a waiting task."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.orm import Session

from sync_contract.catalog import Catalog
from sync_contract.catalog import Material as CatalogMaterial

from ... import vocab
from ...catalog import load_catalog
from ...errors import ValidationError, ValidationErrors
from ...models import RequestedItem
from ...rules import dependents as rules
from ...vocab import MaterialStatus
from .. import auth
from ..auth import ActorRef
from ..context import Changes, ServiceContext
from ..events import record_event
from .base import HandlingBase
from .dependents import release


def materials_due_at_decision(task: RequestedItem, catalog: Catalog | None = None
                              ) -> list[CatalogMaterial]:
    """The catalogue materials of ``task`` asked for at 审核确认 (``"at": "decision"``)
    and not provided yet (still 缺少) — for the decision step to show and check."""
    cat = catalog or load_catalog()
    try:
        item = cat.item(task.item_code)
    except KeyError:
        return []
    statuses = {m.code: m.status for m in task.materials}
    return [m for m in item.materials
            if m.at_decision and statuses.get(m.code, MaterialStatus.MISSING if m.required
                                              else MaterialStatus.NA) == MaterialStatus.MISSING]


def decision_material_errors(task: RequestedItem, catalog: Catalog | None = None
                             ) -> list[ValidationError]:
    """A task approved at 审核确认 needs its at-decision materials (e.g. the bank
    account): one error naming those still missing, else none."""
    due = materials_due_at_decision(task, catalog)
    if not due:
        return []
    return [ValidationError("materials", "at_decision", key="materials.due_at_decision",
                            params={"names": "、".join(m.name for m in due)})]


class DependentTasks(HandlingBase):
    """The clerk's verbs on a task's materials after 受理 (at-decision materials, a
    waiting task the clerk releases)."""

    def material_choices_of(self, task_id: int, *, due_at_decision: bool = False
                            ) -> list[tuple[CatalogMaterial, str]]:
        """The catalogue materials of a task with their current status — only those
        owed at 审核确认 with ``due_at_decision`` (what the decision dialog asks for)."""
        with self.ctx.db.read() as s:
            task = self._task(s, task_id)
            statuses = {m.code: m.status for m in task.materials}
            if due_at_decision:
                return [(m, statuses.get(m.code, MaterialStatus.MISSING))
                        for m in materials_due_at_decision(task, self.ctx.catalog)]
            try:
                item = self.ctx.catalog.item(task.item_code)
            except KeyError:
                return []
            return [(m, statuses[m.code]) for m in item.materials if m.code in statuses]

    def record_task_materials(self, task_id: int, materials: dict[str, str], by: ActorRef
                              ) -> Changes:
        """Record how the task's materials are now provided (``{code: status}``).

        For the materials asked for at 审核确认 (the bank account), and for a waiting
        task: once no material is 待认定 any more, the task is released (due date from
        today, 转办单 for a referred task) — the clerk's decision on a task whose awaited
        status was refused. Each status is checked against the catalogue as at 受理.
        """
        with self.ctx.db.transaction() as s:
            actor, _staff = auth.require(s, by, auth.HANDLE)
            task = self._task(s, task_id)
            set_task_materials(self.ctx, s, task, materials, actor.staff_id)
        return Changes(applications={task.application_id})


def set_task_materials(ctx: ServiceContext, s: Session, task: RequestedItem,
                       materials: dict[str, str], actor_id: int | None) -> None:
    """:meth:`DependentTasks.record_task_materials` inside the caller's transaction (also
    used by a stage recorded with its at-decision materials). ``ValidationErrors`` keyed
    ``materials.<item>.<code>``; nothing written on a problem."""
    if task.task_status in vocab.FINAL_TASK_STATUSES:
        raise ValidationErrors([ValidationError("task", "final", key="materials.task_final")])
    errors = list(_status_errors(ctx.catalog, task, materials))
    if errors:
        raise ValidationErrors(errors)
    changes: dict[str, list[str]] = {}
    for m in task.materials:
        new = materials.get(m.code, m.status)
        if new != m.status:
            changes[f"{task.item_code}.{m.code}"] = [m.status, new]
            m.status = new
    record_event(s, "task.materials", actor_id=actor_id,
                 application_id=task.application_id, task_id=task.id,
                 item=task.item_code, changes=changes)
    if task.waiting_for and not rules.still_awaiting(m.status for m in task.materials):
        release(ctx, s, task, actor_id, ctx.today(), released_by="")


def _status_errors(catalog: Catalog, task: RequestedItem, materials: dict[str, str]
                   ) -> Iterable[ValidationError]:
    known = {m.code for m in task.materials}
    item = catalog.item(task.item_code)
    for code, status in materials.items():
        field = f"materials.{task.item_code}.{code}"
        if code not in known or status not in vocab.MATERIAL_LABELS:
            yield ValidationError(field, "invalid", key="intake.material.status_invalid")
            continue
        try:
            mat = item.material(code)
        except KeyError:
            continue
        if status == MaterialStatus.COMMITTED and not mat.commitment_allowed:
            yield ValidationError(field, "no_commitment", key="intake.material.no_commitment",
                                  params={"name": mat.name})
        elif status == MaterialStatus.NA and mat.required:
            yield ValidationError(field, "required", key="intake.material.required",
                                  params={"name": mat.name})
        elif status == MaterialStatus.SHARED and not mat.data_shared:
            yield ValidationError(field, "not_shared", key="intake.material.not_shared",
                                  params={"name": mat.name})
        elif status == MaterialStatus.AWAITING and not task.waiting_for:
            yield awaiting_error(catalog, field, mat)


def awaiting_error(catalog: Catalog, field: str, mat: CatalogMaterial) -> ValidationError:
    """待认定 chosen where it is not allowed: a material that proves no item's status, or
    whose items are neither requested now nor pending for the applicant."""
    if not mat.depends_on:
        return ValidationError(field, "not_dependent", key="materials.awaiting_not_dependent",
                               params={"name": mat.name})
    return ValidationError(field, "not_awaitable", key="materials.awaiting_not_allowed",
                           params={"name": mat.name, "items": _dep_names(catalog, mat)})


def _dep_names(catalog: Catalog, mat: CatalogMaterial) -> str:
    names = []
    for code in mat.depends_on:
        try:
            names.append(catalog.item(code).short_name)
        except KeyError:
            names.append(code)
    return "、".join(names) or "低保、特困"


__all__ = ["DependentTasks", "awaiting_error", "decision_material_errors",
           "materials_due_at_decision", "set_task_materials"]
