"""Documents issued at the window, their numbers and every print of them."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Tracked, utcnow


class NumberSeries(Base):
    """Last sequence used per day: numbers are continuous and never reused."""

    __tablename__ = "number_series"

    day: Mapped[date] = mapped_column(Date, primary_key=True)
    last_seq: Mapped[int] = mapped_column(Integer, default=0)


class Document(Tracked, Base):
    """A document produced for an application.

    ``data`` is the JSON snapshot the PDF was rendered from, so a reprint (补打)
    shows exactly what was issued; ``sha256`` is the hash of the first PDF.
    ``print_count``: how many times the window sent it (or a 补打 of it) to a printer
    (issue 14); issuing, opening or saving the PDF is not a print.
    """

    __tablename__ = "document"
    __table_args__ = (UniqueConstraint("kind", "number", name="uq_document_kind_number"),
                      # issue 16 — stats: "was a notice issued" from the index alone
                      Index("ix_document_application_kind", "application_id", "kind"))

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    kind: Mapped[str] = mapped_column(String(24))
    number: Mapped[str] = mapped_column(String(32), index=True)
    template_version: Mapped[str] = mapped_column(String(16))
    data: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    print_count: Mapped[int] = mapped_column(Integer, default=0)  # prints sent to a printer
    voided: Mapped[bool] = mapped_column(Boolean, default=False)
    void_reason: Mapped[str] = mapped_column(Text, default="")
    voided_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    voided_at: Mapped[datetime | None] = mapped_column(DateTime)

    prints: Mapped[list[DocumentPrint]] = relationship(
        back_populates="document", order_by="DocumentPrint.id", cascade="all, delete-orphan",
    )


class DocumentPrint(Base):
    """One production of the PDF of a document: the original or a reprint (补打); not a
    print (``Document.print_count`` and the ``document.print`` events count those)."""

    __tablename__ = "document_print"

    id: Mapped[int] = mapped_column(primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id"), index=True)
    reprint: Mapped[bool] = mapped_column(Boolean, default=False)
    sha256: Mapped[str] = mapped_column(String(64))
    by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    document: Mapped[Document] = relationship(back_populates="prints")


class ListDocument(Tracked, Base):
    """A document that belongs to no single application: the daily 转办清单 of one
    department. Recorded like :class:`Document` (data snapshot, template version,
    SHA-256 of the first PDF, who, when, print count)."""

    __tablename__ = "list_document"
    __table_args__ = (UniqueConstraint("kind", "number", name="uq_list_document_kind_number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(24))
    number: Mapped[str] = mapped_column(String(40), index=True)
    department: Mapped[str] = mapped_column(String(16), default="")
    day: Mapped[date] = mapped_column(Date, index=True)
    template_version: Mapped[str] = mapped_column(String(16))
    data: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64))
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    print_count: Mapped[int] = mapped_column(Integer, default=0)  # prints sent to a printer
