"""What the township's document verifier knows from the county (issue 17, sync format 5).

Two local tables, filled by the import of a county return package (county-return types
``signer`` and ``voided_document``, docs/sync-format.md §14); not Tracked — they came
from the county and do not travel back:

* ``trusted_signer``: one township document-signing key the county registered (the
  township's own key is always trusted and need not be here). A later record with the
  same fingerprint replaces the row's content (e.g. a ``valid_to`` set when a key is
  replaced).
* ``known_void``: a document another township (or this one) voided, as the county
  learnt it; a verifier answers "voided" for a QR code naming it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class TrustedSigner(Base):
    """A township's document-signing key, as the county sent it."""

    __tablename__ = "trusted_signer"

    id: Mapped[int] = mapped_column(primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(64), unique=True)
    township_code: Mapped[str] = mapped_column(String(12), index=True)
    name: Mapped[str] = mapped_column(String(80), default="")
    public_key: Mapped[str] = mapped_column(String(64))      # base64 of the raw 32 bytes
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    return_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class KnownVoid(Base):
    """A voided document of a township, as the county sent it."""

    __tablename__ = "known_void"
    __table_args__ = (UniqueConstraint("township_code", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    township_code: Mapped[str] = mapped_column(String(12))
    number: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(24), default="")
    voided_on: Mapped[date] = mapped_column(Date)
    return_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


__all__ = ["KnownVoid", "TrustedSigner"]
