"""Legacy ledger import bookkeeping (issue 16): local tables, never exported.

* ``import_batch``: one committed import (file name, layout, counts, who, when);
* ``import_row``: one imported ledger row — its fingerprint is UNIQUE, so the same row
  imported again (a second import of the same file) adds nothing; the application it
  became and the ledger's own number, when the ledger has one;
* ``import_mapping``: the column mapping saved per file layout (the header texts).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class ImportBatch(Base):
    __tablename__ = "import_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(200))
    layout_key: Mapped[str] = mapped_column(String(32))
    rows: Mapped[int] = mapped_column(Integer)
    imported: Mapped[int] = mapped_column(Integer)
    rejected: Mapped[int] = mapped_column(Integer)
    duplicates: Mapped[int] = mapped_column(Integer)
    imported_before: Mapped[int] = mapped_column(Integer)
    by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ImportRow(Base):
    __tablename__ = "import_row"

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("import_batch.id"), index=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    row_no: Mapped[int] = mapped_column(Integer)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    # The ledger's own number (原台账编号), when mapped; the application gets a 办件编号
    # from the normal series on its intake date (docs/import.md).
    ledger_number: Mapped[str] = mapped_column(String(60), default="")


class ImportMapping(Base):
    __tablename__ = "import_mapping"

    layout_key: Mapped[str] = mapped_column(String(32), primary_key=True)
    headers: Mapped[str] = mapped_column(Text)   # JSON list of the header texts
    mapping: Mapped[str] = mapped_column(Text)   # JSON {column index: target code}
    saved_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    saved_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
