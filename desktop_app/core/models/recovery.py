"""The administrator recovery code (docs/roles.md, "Forgotten administrator password")."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class AdminRecovery(Base):
    """One row per recovery code ever issued; only the row with ``retired_at`` NULL is
    valid. The code itself is never stored: ``code_hash`` is a salted scrypt hash (the
    same format and cost as passwords). ``retired_why``: ``used`` | ``replaced``.

    Not a tracked (exported) row: it never leaves this computer.
    """

    __tablename__ = "admin_recovery"

    id: Mapped[int] = mapped_column(primary_key=True)
    code_hash: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    created_by: Mapped[int | None] = mapped_column(Integer, ForeignKey("staff.id"))
    retired_at: Mapped[datetime | None] = mapped_column(DateTime)
    retired_why: Mapped[str | None] = mapped_column(String(16))
