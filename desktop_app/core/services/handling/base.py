"""What every part of the handling service shares: the context, the document
service, the task and staff lookups, and the small validation helpers."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from ... import vocab
from ...errors import PermissionDenied, ValidationError, ValidationErrors
from ...messages import Message
from ...models import Application, Document, EmergencyAid, RequestedItem, Staff
from ...rules import handling as rules
from ...rules import numbering
from ...rules.values import validate_date
from ...vocab import ApplicationStatus, ItemStatus
from .. import auth
from ..context import Changes, Outcome, ServiceContext
from ..documents import DocumentInfo, DocumentService

_T = TypeVar("_T")


class HandlingBase:
    """The state the handling verbs share; :class:`~.HandlingService` composes the parts."""

    def __init__(self, ctx: ServiceContext, documents: DocumentService) -> None:
        self.ctx = ctx
        self.documents = documents

    @staticmethod
    def _task(s: Session, task_id: int) -> RequestedItem:
        task = s.get(RequestedItem, task_id)
        if task is None or task.status != ItemStatus.ACCEPTED:
            raise LookupError(f"task {task_id} not found")
        if task.application.status not in (ApplicationStatus.ACCEPTED, ApplicationStatus.CLOSED):
            raise ValidationErrors([ValidationError(
                "application", "state", key="handling.application_state",
                params={"status": vocab.STATUS_LABELS.get(task.application.status, "")})])
        return task

    @staticmethod
    def _staff(s: Session, actor: auth.Actor, staff: Staff | None) -> Staff:
        if staff is None:  # the command line acts for nobody in particular
            raise PermissionDenied(auth.HANDLE, auth.MESSAGES[auth.HANDLE])
        return staff

    @staticmethod
    def _not_before(day: date | None, earliest: date | None, field: str,
                    message: Message) -> None:
        if day and earliest and day < earliest:
            raise ValidationErrors([ValidationError(field, "order", key=message.key,
                                                    params=message.params)])

    @staticmethod
    def _next_suffix(s: Session, app: Application, letter: str) -> str:
        """``<receipt>-<letter><n>``: the next free number of this kind for ``app``."""
        prefix = f"{app.number}-{letter}"
        used = list(s.scalars(select(Document.number).where(
            Document.application_id == app.id, Document.number.like(prefix + "%"))))
        used += s.scalars(select(EmergencyAid.number).where(
            EmergencyAid.application_id == app.id, EmergencyAid.number.like(prefix + "%")))
        return numbering.next_suffixed_number(str(app.number), letter, used)


def day_value(value: object, field: str, label: Message, *, today: date) -> date:
    """A date not after ``today``; a problem is told as ``<label>：<problem>``."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return validate_date(value, field, not_after=today)
    except ValidationError as exc:
        raise ValidationError(field, exc.code, key="handling.labelled",
                              params={"label": label, "problem": exc.problem()}) from None


def next_task_status(status: str | None, action: str) -> str:
    try:
        return rules.next_status(status, action)
    except ValidationError as exc:
        raise ValidationErrors([exc]) from None


def collect_error(errors: list[ValidationError], fn: Callable[[], _T]) -> _T | None:
    """``fn()``, or None with its error(s) added to ``errors``."""
    try:
        return fn()
    except ValidationError as exc:
        errors.append(exc)
        return None
    except ValidationErrors as exc:
        errors.extend(exc.errors)
        return None


def government_name(name: str) -> str:
    return f"{name}办事处" if name.endswith("街道") else f"{name}人民政府"


def written(info: DocumentInfo) -> Outcome[DocumentInfo]:
    """A document issued for an application: the application and the document changed."""
    return Outcome(info, Changes(applications={info.application_id}, documents={info.id}))
