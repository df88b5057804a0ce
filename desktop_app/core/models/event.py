"""Append-only event log, hash-chained (each row stores the previous row's hash)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Tracked, utcnow


class Event(Tracked, Base):
    """One audit record. Append-only: triggers refuse UPDATE and DELETE (migration 0002)
    and each row's ``hash`` covers the previous row's hash, so an edited, removed or
    reordered row breaks the chain at that row's ``seq``."""

    __tablename__ = "event"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), index=True)
    action: Mapped[str] = mapped_column(String(32), index=True)
    application_id: Mapped[int | None] = mapped_column(ForeignKey("application.id"), index=True)
    detail: Mapped[str] = mapped_column(Text, default="{}")
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64))
    seq: Mapped[int] = mapped_column(Integer, unique=True)


class AuditHead(Base):
    """Single row mirroring the newest event (kept by a trigger on INSERT), so removing
    the last rows of the log is detected too, not only gaps in the middle."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    seq: Mapped[int] = mapped_column(Integer, default=0)
    hash: Mapped[str] = mapped_column(String(64), default="")
