"""Assistance beyond cash (issue 15 item 5): the directory of service providers and
the choice of a provider for a service-type task.

泰安 (seed 003): "为社会救助家庭中生活不能自理的老年人、未成年人、残疾人等提供必要的访视、
照料服务。引导社会组织、专业社工、志愿者等社会力量参与社会救助"; 汉中 (seed 001): 镇级社工站.

A service-type item (catalogue category ``service``, handler
:data:`~desktop_app.core.vocab.SERVICE_HANDLER`) is accepted like any referred item
but gets no 转办单 at acceptance: the window first chooses who provides the service
(:meth:`ProviderService.assign`). The choice issues the 转办单 naming the provider; the
task then waits for that provider's 转办清单 (``handling.issue_handover_list(...,
provider_id=)``) and its 回执 is recorded exactly like a department's
(``handling.record_signed`` / ``record_feedback``; ``re_refer`` after a 退回 — another
provider may be chosen first).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import ValidationError, ValidationErrors
from ..models import Application, Provider, RequestedItem
from ..rules import numbering
from ..rules.values import validate_date, validate_phone, validate_text
from ..vocab import (
    PROVIDER_KIND_LABELS,
    SERVICE_HANDLER,
    ApplicationStatus,
    ItemStatus,
    TaskStatus,
)
from . import auth
from .auth import ActorRef
from .context import Changes, Outcome, ServiceContext
from .documents import DocumentInfo, DocumentService, provider_data
from .events import record_event

NAME_MAX = 100
CONTACT_MAX = 30
NOTE_MAX = 200
ADDRESS_MAX = 200


@dataclass(frozen=True)
class ProviderInput:
    """A provider as typed in the directory (dates as typed, ``""`` = open)."""

    name: str
    kind: str
    services: tuple[str, ...] = ()
    contact: str = ""
    phone: str = ""
    address: str = ""
    note: str = ""
    active: bool = True
    valid_from: date | str | None = None
    valid_to: date | str | None = None


@dataclass(frozen=True)
class ProviderRow:
    id: int
    uuid: str
    name: str
    kind: str
    kind_label: str
    services: tuple[str, ...]
    service_names: str
    contact: str
    phone: str
    address: str
    note: str
    active: bool
    valid_from: date | None
    valid_to: date | None
    in_force: bool      # active and within from/to today
    tasks: int          # tasks ever referred to it (open or closed)


@dataclass(frozen=True)
class WaitingProvider:
    """A provider with tasks waiting for its 转办清单."""

    provider_id: int
    name: str
    count: int


def in_force(p: Provider, day: date) -> bool:
    return bool(p.active) and (p.valid_from is None or p.valid_from <= day) and (
        p.valid_to is None or day <= p.valid_to)


class ProviderService:
    """services.providers: the directory (audited) and the choice for a task."""

    def __init__(self, ctx: ServiceContext, documents: DocumentService) -> None:
        self.ctx = ctx
        self.documents = documents

    # -- the directory ---------------------------------------------------------------
    def service_items(self) -> list[tuple[str, str]]:
        """Catalogue items a provider may offer: the service-type ones first, then the
        rest of the referred items (code, name)."""
        cat = self.ctx.catalog
        service = [(i.code, i.name) for i in cat.items if i.handler == SERVICE_HANDLER]
        return service

    def providers(self, *, item_code: str | None = None, only_in_force: bool = False,
                  today: date | None = None) -> list[ProviderRow]:
        """The directory (bounded: a township's providers), by name; ``item_code``: only
        those offering it; ``only_in_force``: only active ones within their dates."""
        today = today or self.ctx.today()
        with self.ctx.db.read() as s:
            counts: dict[int | None, int] = {pid: n for pid, n in s.execute(
                select(RequestedItem.provider_id, func.count())
                .where(RequestedItem.provider_id.is_not(None))
                .group_by(RequestedItem.provider_id))}
            rows = [self._row(p, today, counts.get(p.id, 0))
                    for p in s.scalars(select(Provider).order_by(Provider.name))]
        if item_code:
            rows = [r for r in rows if item_code in r.services]
        if only_in_force:
            rows = [r for r in rows if r.in_force]
        return rows

    def provider(self, provider_id: int) -> ProviderRow:
        with self.ctx.db.read() as s:
            p = s.get(Provider, provider_id)
            if p is None:
                raise LookupError(f"provider {provider_id} not found")
            n = s.scalar(select(func.count()).select_from(RequestedItem)
                         .where(RequestedItem.provider_id == p.id)) or 0
            return self._row(p, self.ctx.today(), n)

    def save(self, provider_id: int | None, inp: ProviderInput, by: ActorRef) -> Outcome[int]:
        """Add (``provider_id`` None) or change a provider; every problem at once
        (fields named after :class:`ProviderInput`'s). Audited ``provider.add`` /
        ``provider.change`` (codes, counts and which fields changed — no contact data)."""
        values = self.validate(inp)
        with self.ctx.db.transaction() as s:
            actor, _staff = auth.require(s, by, auth.SETTINGS)
            clash = s.scalar(select(Provider.id).where(Provider.name == values["name"]))
            if clash is not None and clash != provider_id:
                raise ValidationErrors([ValidationError("name", "duplicate",
                                                        key="provider.duplicate")])
            if provider_id is None:
                p = Provider(recorded_by_id=actor.staff_id, **values)
                s.add(p)
                s.flush()
                record_event(s, "provider.add", actor_id=actor.staff_id, provider_id=p.id,
                             kind=p.kind, services=json.loads(p.services), active=p.active)
            else:
                found = s.get(Provider, provider_id)
                if found is None:
                    raise LookupError(f"provider {provider_id} not found")
                p = found
                changed = sorted(k for k, v in values.items() if getattr(p, k) != v)
                for k, v in values.items():
                    setattr(p, k, v)
                if changed:
                    record_event(s, "provider.change", actor_id=actor.staff_id,
                                 provider_id=p.id, fields=changed, kind=p.kind,
                                 services=json.loads(p.services), active=p.active)
            pid = p.id
        return Outcome(pid, Changes(providers=True))

    def validate(self, inp: ProviderInput) -> dict[str, object]:
        """The stored values of ``inp`` or ValidationErrors (every problem)."""
        errors: list[ValidationError] = []
        out: dict[str, object] = {}

        def take(field: str, fn) -> None:  # type: ignore[no-untyped-def]
            try:
                out[field] = fn()
            except ValidationError as exc:
                errors.append(exc)

        take("name", lambda: validate_text(inp.name, "name", NAME_MAX, required=True))
        if inp.kind not in PROVIDER_KIND_LABELS:
            errors.append(ValidationError("kind", "unknown", key="provider.kind_unknown"))
        out["kind"] = inp.kind
        known = {code for code, _n in self.service_items()}
        codes = list(dict.fromkeys(inp.services))
        if not codes:
            errors.append(ValidationError("services", "required", key="provider.no_services"))
        elif any(c not in known for c in codes):
            errors.append(ValidationError("services", "unknown", key="provider.service_unknown"))
        out["services"] = json.dumps(codes, ensure_ascii=False)
        take("contact", lambda: validate_text(inp.contact, "contact", CONTACT_MAX))
        take("phone", lambda: validate_phone(inp.phone, "phone", allow_service=True))
        take("address", lambda: validate_text(inp.address, "address", ADDRESS_MAX))
        take("note", lambda: validate_text(inp.note, "note", NOTE_MAX))
        out["active"] = bool(inp.active)
        take("valid_from", lambda: _optional_date(inp.valid_from, "valid_from"))
        take("valid_to", lambda: _optional_date(inp.valid_to, "valid_to"))
        vf, vt = out.get("valid_from"), out.get("valid_to")
        if isinstance(vf, date) and isinstance(vt, date) and vt < vf:
            errors.append(ValidationError("valid_to", "order", key="provider.dates_order"))
        if errors:
            raise ValidationErrors(errors)
        return out

    # -- choosing a provider for a task -------------------------------------------------
    def candidates(self, task_id: int, *, today: date | None = None) -> list[ProviderRow]:
        """Providers in force offering the task's item (the choice in tracking)."""
        with self.ctx.db.read() as s:
            task = s.get(RequestedItem, task_id)
            if task is None:
                raise LookupError(f"task {task_id} not found")
            code = task.item_code
        return self.providers(item_code=code, only_in_force=True, today=today)

    def assign(self, task_id: int, provider_id: int, by: ActorRef
               ) -> Outcome[DocumentInfo | None]:
        """Choose ``provider_id`` for a service-type task waiting to be referred (待转办,
        no provider yet) or returned (退回: another provider may take it). A waiting
        task gets its 转办单 naming the provider now (the provider's 转办清单 hands it
        over); a returned one gets it with 再次转办. Audited ``task.provider``."""
        today = self.ctx.today()
        now = self.ctx.clock()
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            task = s.get(RequestedItem, task_id)
            if task is None or task.status != ItemStatus.ACCEPTED:
                raise LookupError(f"task {task_id} not found")
            if task.application.status != ApplicationStatus.ACCEPTED:
                raise ValidationErrors([ValidationError("task", "state",
                                                        key="provider.task_state")])
            if task.handler_code != SERVICE_HANDLER:
                raise ValidationErrors([ValidationError("task", "not_service",
                                                        key="provider.not_service")])
            waiting = task.task_status == TaskStatus.TO_REFER and task.provider_id is None
            if not (waiting or task.task_status == TaskStatus.RETURNED):
                raise ValidationErrors([ValidationError("task", "state",
                                                        key="provider.task_state")])
            p = s.get(Provider, provider_id)
            if p is None:
                raise LookupError(f"provider {provider_id} not found")
            if not in_force(p, today):
                raise ValidationErrors([ValidationError("provider", "inactive",
                                                        key="provider.inactive")])
            if task.item_code not in json.loads(p.services):
                raise ValidationErrors([ValidationError("provider", "not_offered",
                                                        key="provider.not_offered")])
            previous = task.provider_id
            task.provider_id = p.id
            pending = None
            if waiting and not task.waiting_for:
                if staff is None:
                    raise ValidationErrors([ValidationError("task", "state",
                                                            key="provider.task_state")])
                app = task.application
                number = _next_slip_number(s, app)
                pending = self.documents.create(s, app, "referral", number, staff, now,
                                                department=task.handler_code,
                                                item_ids={task.id})
            record_event(s, "task.provider", actor_id=actor.staff_id,
                         application_id=task.application_id, task_id=task.id,
                         item=task.item_code, provider_id=p.id, provider_kind=p.kind,
                         **({"previous_provider_id": previous} if previous else {}),
                         **({"slip": pending.document.number} if pending else {}))
            app_id = task.application_id
        info = self.documents.write_files([pending])[0] if pending else None
        changes = Changes(applications={app_id}, documents={info.id} if info else set())
        return Outcome(info, changes)

    def waiting(self) -> list[WaitingProvider]:
        """Providers with tasks waiting for their 转办清单 (chosen, slip issued)."""
        with self.ctx.db.read() as s:
            rows = s.execute(
                select(Provider.id, Provider.name, func.count())
                .join(RequestedItem, RequestedItem.provider_id == Provider.id)
                .join(Application, Application.id == RequestedItem.application_id)
                .where(RequestedItem.task_status == TaskStatus.TO_REFER,
                       RequestedItem.waiting_for == "",
                       Application.status == ApplicationStatus.ACCEPTED)
                .group_by(Provider.id, Provider.name).order_by(Provider.name)).all()
        return [WaitingProvider(pid, name, n) for pid, name, n in rows]

    def to_choose(self) -> int:
        """Service-type tasks still waiting for a provider to be chosen."""
        with self.ctx.db.read() as s:
            return s.scalar(
                select(func.count()).select_from(RequestedItem)
                .join(Application, Application.id == RequestedItem.application_id)
                .where(RequestedItem.handler_code == SERVICE_HANDLER,
                       RequestedItem.provider_id.is_(None),
                       RequestedItem.task_status == TaskStatus.TO_REFER,
                       Application.status == ApplicationStatus.ACCEPTED)) or 0

    # ---------------------------------------------------------------------------------
    def _row(self, p: Provider, today: date, tasks: int) -> ProviderRow:
        codes = tuple(json.loads(p.services or "[]"))
        cat = self.ctx.catalog
        names = []
        for c in codes:
            try:
                names.append(cat.item(c).short_name or cat.item(c).name)
            except KeyError:
                names.append(c)
        return ProviderRow(p.id, p.uuid, p.name, p.kind, PROVIDER_KIND_LABELS.get(p.kind, p.kind),
                           codes, "、".join(names), p.contact, p.phone, p.address, p.note,
                           bool(p.active), p.valid_from, p.valid_to, in_force(p, today), tasks)


def _optional_date(value: date | str | None, field: str) -> date | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return validate_date(value, field)


def _next_slip_number(s: Session, app: Application) -> str:
    from .handling.base import HandlingBase  # (the handling package imports documents)

    return HandlingBase._next_suffix(s, app, numbering.REFERRAL)


__all__ = ["ProviderInput", "ProviderRow", "ProviderService", "WaitingProvider", "in_force",
           "provider_data"]
