"""Intake drafts: what a clerk typed at the window before deciding (issue 14).

Not a tracked (exported) row: a draft never leaves this computer (docs/sync-format.md).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class IntakeDraft(Base):
    """One unsaved form: whose (``staff_id``), of what (``kind`` ``new`` — a new
    application — or ``supplement`` of ``application_id``), when created and last saved
    (naive UTC), how many autosaves, and the form as JSON (``drafts.draft_to_json``).
    A decision, 清空表单 or 放弃 deletes the row."""

    __tablename__ = "intake_draft"

    id: Mapped[int] = mapped_column(primary_key=True)
    staff_id: Mapped[int] = mapped_column(ForeignKey("staff.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="new")
    application_id: Mapped[int | None] = mapped_column(Integer, ForeignKey("application.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    updated_at: Mapped[datetime] = mapped_column(DateTime)
    saves: Mapped[int] = mapped_column(Integer, default=1)
    state: Mapped[str] = mapped_column(Text, default="{}")
