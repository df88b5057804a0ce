"""撤回 and 作废: an application withdrawn by the applicant or voided as registered in
error; its numbers stay used."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ... import vocab
from ...errors import ValidationError, ValidationErrors
from ...messages import Message
from ...models import Application, Document, utcnow
from ...rules import values
from ...vocab import ApplicationStatus, ItemStatus
from .. import auth
from ..auth import ActorRef
from ..context import Changes
from ..documents import void_authority
from ..events import record_event
from ..handling.dependents import release_dependents
from .base import IntakeBase

#: The longest reason for withdrawing or voiding an application (characters).
REASON_MAX_LEN = 500


class Withdrawals(IntakeBase):
    """撤回 and 作废."""

    # -- withdraw and void ---------------------------------------------------------------
    def withdraw(self, application_id: int, reason: str, by: ActorRef) -> Changes:
        """撤回: the applicant withdraws; the application and its numbers stay, with the
        reason. Any clerk may record it (it is the applicant's act, not a correction)."""
        reason = self._reason(reason, "withdraw_reason", Message("withdrawal.label.withdraw_reason"))
        with self.ctx.db.transaction() as s:
            actor, _ = auth.require(s, by, auth.WITHDRAW)
            app = s.get(Application, application_id)
            if app is None:
                raise LookupError(f"application {application_id} not found")
            if app.status in (ApplicationStatus.VOIDED, ApplicationStatus.WITHDRAWN,
                              ApplicationStatus.REJECTED, ApplicationStatus.CLOSED):
                raise ValidationErrors([ValidationError(
                    "status", "final", key="withdrawal.final",
                    params={"status": vocab.STATUS_LABELS.get(app.status, app.status)})])
            old = app.status
            app.status, app.void_reason = ApplicationStatus.WITHDRAWN, reason
            for req in app.items:
                if req.status in (ItemStatus.REQUESTED, ItemStatus.ACCEPTED):
                    req.status = ItemStatus.WITHDRAWN
            record_event(s, "application.withdraw", actor_id=actor.staff_id,
                         application_id=app.id, reason=reason,
                         changes={"status": [old, ApplicationStatus.WITHDRAWN]})
            waited = self._status_withdrawn(s, app, actor.staff_id)
        return Changes(applications={application_id} | waited)

    def void_application(self, application_id: int, reason: str, by: ActorRef, *,
                         confirmed_by: ActorRef | None = None) -> Changes:
        """作废 an application registered in error, with every document it still has in
        force; numbers stay used. A supervisor, or a clerk with a supervisor's
        confirmation (see ``DocumentService.void``)."""
        reason = self._reason(reason, "void_reason", Message("withdrawal.label.void_reason"))
        with self.ctx.db.transaction() as s:
            actor, confirmer = void_authority(s, by, confirmed_by)
            app = s.get(Application, application_id)
            if app is None:
                raise LookupError(f"application {application_id} not found")
            if app.status == ApplicationStatus.VOIDED:
                raise ValidationErrors([ValidationError("status", "voided", key="withdrawal.already_voided")])
            old = app.status
            app.status, app.void_reason = ApplicationStatus.VOIDED, reason
            docs = list(s.scalars(select(Document).where(
                Document.application_id == app.id, Document.voided.is_(False))))
            for doc in docs:
                doc.voided, doc.void_reason, doc.voided_by_id = True, reason, actor.staff_id
                doc.voided_at = utcnow()
            record_event(s, "application.void", actor_id=actor.staff_id, application_id=app.id,
                         reason=reason, changes={"status": [old, ApplicationStatus.VOIDED]},
                         documents=[d.number for d in docs], confirmed_by=confirmer.staff_id)
            waited = self._status_withdrawn(s, app, actor.staff_id)
        return Changes(applications={application_id} | waited, documents={d.id for d in docs})

    def _status_withdrawn(self, s: Session, app: Application, actor_id: int | None) -> set[int]:
        """A 低保/特困 that will not be decided any more: the applicant's tasks waiting for
        it in other applications wait for another pending one, or are flagged for the
        clerk (issue 13, ``handling/dependents.py``)."""
        waited: set[int] = set()
        for code in dict.fromkeys(r.item_code for r in app.items):
            waited |= release_dependents(s, app, code, False, actor_id, ctx=self.ctx)
        return waited

    @staticmethod
    def _reason(reason: str, field: str, label: Message) -> str:
        try:
            reason = values.plain_text(reason, field)
        except ValidationError as exc:
            raise ValidationErrors([exc]) from None
        if not reason:
            raise ValidationErrors([ValidationError(field, "required", key="withdrawal.reason_required",
                                                    params={"label": label})])
        if len(reason) > REASON_MAX_LEN:
            raise ValidationErrors([ValidationError(field, "too_long", key="withdrawal.reason_too_long",
                                                    params={"label": label, "max": REASON_MAX_LEN})])
        return reason
