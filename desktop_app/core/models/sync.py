"""Sync bookkeeping: the export log and the return packages applied (docs/sync-format.md)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class SyncExport(Base):
    """One township package produced (导出记录). Kept forever; ``acknowledged_at`` is set
    when a county return package acknowledges the same digest."""

    __tablename__ = "sync_export"

    id: Mapped[int] = mapped_column(primary_key=True)
    package_seq: Mapped[int] = mapped_column(Integer, unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    manifest_created: Mapped[str] = mapped_column(String(20))   # manifest created_at (UTC)
    change_seq_from: Mapped[int] = mapped_column(Integer)
    change_seq_to: Mapped[int] = mapped_column(Integer)
    counts: Mapped[str] = mapped_column(Text)                   # JSON {type: n}
    records: Mapped[int] = mapped_column(Integer)
    digest: Mapped[str] = mapped_column(String(64))             # SHA-256 of manifest.json
    file_name: Mapped[str] = mapped_column(String(80))
    by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    acknowledged_at: Mapped[datetime | None] = mapped_column(DateTime)
    ack_return_seq: Mapped[int | None] = mapped_column(Integer)
    #: "prepared" (made, kept and logged; the copy in the chosen folder not known to be
    #: complete: re-offered by the next export) or "delivered" (docs/sync-format.md §8a)
    state: Mapped[str] = mapped_column(String(12), default="delivered",
                                       server_default="delivered")
    package_sha256: Mapped[str | None] = mapped_column(String(64))   # the kept .twpkg
    package_bytes: Mapped[int | None] = mapped_column(Integer)
    delivered_at: Mapped[datetime | None] = mapped_column(DateTime)
    out_dir: Mapped[str | None] = mapped_column(Text)


class SyncImport(Base):
    """One county return package applied (its sequence and digest: replays and gaps)."""

    __tablename__ = "sync_import"

    id: Mapped[int] = mapped_column(primary_key=True)
    package_seq: Mapped[int] = mapped_column(Integer, unique=True)
    digest: Mapped[str] = mapped_column(String(64))
    applied_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    signer_fingerprint: Mapped[str] = mapped_column(String(64))
    counts: Mapped[str] = mapped_column(Text)                   # JSON {type: n}
    summary: Mapped[str] = mapped_column(Text, default="{}")    # JSON: applied / skipped
    by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
