"""Autosaved intake drafts (issue 14): what the clerk typed survives a crash or a power cut.

The window saves the form a few seconds after the last change (on the write lane), a
decision / 清空表单 / 放弃 discards it, and the next start offers the clerk's own drafts
back. A draft stays in this computer's database: ``intake_draft`` is not a tracked row,
so no sync package carries it (docs/sync-format.md). The audit trail records that a
draft was started, restored or discarded with ids and counts only — never a value typed
(a 补正 draft names its application in the detail, ``of_application``, not in the event's
``application_id``: a draft is not a step of the application's timeline).
Autosaves after the first update the row without an event (one event per autosave
would bury the trail); the number of saves is kept on the row and told on discard.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...errors import ValidationError
from ...models import Application, IntakeDraft
from .. import auth
from ..auth import ActorRef
from ..context import Changes, Outcome, ServiceContext
from ..drafts import ApplicationDraft, draft_counts, draft_from_json, draft_to_json
from ..events import event_time, record_event

KINDS = ("new", "supplement")
#: why a draft is discarded (the event's detail): decided, cleared, abandoned at close,
#: declined when offered, unreadable
DISCARD_REASONS = ("decided", "cleared", "abandoned", "declined", "unreadable")


@dataclass(frozen=True)
class DraftSummary:
    """A pending draft as the restore offer lists it (the name is shown to its own clerk)."""

    id: int
    kind: str
    application_id: int | None
    created_at: datetime
    updated_at: datetime
    applicant_name: str
    items: int


@dataclass(frozen=True)
class SavedDraft:
    id: int
    kind: str
    application_id: int | None
    updated_at: datetime          # naive UTC
    draft: ApplicationDraft


class DraftService:
    """``services.drafts``: save, load, list and discard the logged-in clerk's drafts."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _own(self, s: Session, staff_id: int | None, draft_id: int) -> IntakeDraft:
        row = s.get(IntakeDraft, draft_id)
        if row is None or row.staff_id != staff_id:
            raise ValidationError("draft", "not_found", key="draft.not_found")
        return row

    def save_draft(self, by: ActorRef, draft: ApplicationDraft, *, draft_id: int | None = None,
                   kind: str = "new", application_id: int | None = None) -> Outcome[int]:
        """Create (``draft_id`` None) or update the clerk's draft; returns its id. A draft
        discarded meanwhile (a decision on another lane order) is created again."""
        if kind not in KINDS:
            raise ValueError(f"unknown draft kind {kind!r}")
        state = draft_to_json(draft)
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.DECIDE)
            if staff is None:
                raise ValidationError("draft", "not_found", key="draft.not_found")
            if application_id is not None and s.get(Application, application_id) is None:
                raise ValidationError("draft", "not_found", key="draft.not_found")
            now = event_time(s)   # the services' clock, naive UTC (as events)
            row = s.get(IntakeDraft, draft_id) if draft_id is not None else None
            if row is not None and row.staff_id == staff.id:
                row.state, row.updated_at, row.saves = state, now, row.saves + 1
                s.flush()
                return Outcome(row.id, Changes())
            row = IntakeDraft(staff_id=staff.id, kind=kind, application_id=application_id,
                              created_at=now, updated_at=now, saves=1, state=state)
            s.add(row)
            s.flush()
            record_event(s, "draft.save", actor_id=staff.id, draft_id=row.id, kind=kind,
                         of_application=application_id, **draft_counts(draft),
                         **auth.event_actor(actor))
            return Outcome(row.id, Changes())

    def pending_drafts(self, by: ActorRef) -> list[DraftSummary]:
        """The clerk's own drafts, newest first (a bounded, indexed read)."""
        with self.ctx.db.read() as s:
            _actor, staff = auth.resolve(s, by)
            if staff is None:
                return []
            rows = s.scalars(select(IntakeDraft).where(IntakeDraft.staff_id == staff.id)
                             .order_by(IntakeDraft.updated_at.desc(), IntakeDraft.id.desc())).all()
            out = []
            for row in rows:
                try:
                    draft = draft_from_json(row.state)
                    name, items = draft.applicant.name.strip(), len(draft.items)
                except ValueError:
                    name, items = "", 0
                out.append(DraftSummary(row.id, row.kind, row.application_id, row.created_at,
                                        row.updated_at, name, items))
            return out

    def load_draft(self, by: ActorRef, draft_id: int) -> SavedDraft:
        """The clerk's own draft, as saved.

        :raises ValidationError: not theirs, gone, or unreadable (``draft.unreadable``).
        """
        with self.ctx.db.read() as s:
            _actor, staff = auth.resolve(s, by)
            row = self._own(s, staff.id if staff is not None else None, draft_id)
            try:
                draft = draft_from_json(row.state)
            except ValueError:
                raise ValidationError("draft", "unreadable", key="draft.unreadable") from None
            return SavedDraft(row.id, row.kind, row.application_id, row.updated_at, draft)

    def restore_draft(self, by: ActorRef, draft_id: int) -> Outcome[SavedDraft]:
        """Load the draft to continue it, and audit that it was restored."""
        saved = self.load_draft(by, draft_id)
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.DECIDE)
            self._own(s, staff.id if staff is not None else None, draft_id)
            record_event(s, "draft.restore", actor_id=staff.id if staff else None,
                         draft_id=draft_id, of_application=saved.application_id,
                         **draft_counts(saved.draft), **auth.event_actor(actor))
        return Outcome(saved, Changes())

    def discard_draft(self, by: ActorRef, draft_id: int, reason: str = "abandoned") -> Changes:
        """Delete the clerk's draft (gone already: nothing to do)."""
        if reason not in DISCARD_REASONS:
            reason = "abandoned"
        with self.ctx.db.transaction() as s:
            actor, staff = auth.resolve(s, by)
            row = s.get(IntakeDraft, draft_id)
            if row is None or staff is None or row.staff_id != staff.id:
                return Changes()
            record_event(s, "draft.discard", actor_id=staff.id, draft_id=row.id,
                         of_application=row.application_id, saves=row.saves, reason=reason,
                         **auth.event_actor(actor))
            s.delete(row)
        return Changes()


__all__ = ["DISCARD_REASONS", "KINDS", "DraftService", "DraftSummary", "SavedDraft"]
