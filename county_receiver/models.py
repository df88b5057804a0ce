"""Tables of the county receiver's database (docs/county.md).

SQLAlchemy 2 ORM, portable between SQLite (default) and PostgreSQL: record JSON is
``JSON`` on SQLite and ``JSONB`` on PostgreSQL. The schema is made and changed by the
Alembic migrations in ``county_receiver/migrations`` (run at open, :mod:`.db`); a change
here needs a new revision there. ``county_meta.schema_version`` is kept (= 1) for the
programs that predate the migrations. Qt-free.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.dialects.postgresql import JSONB
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from sync_contract.canonical import utcnow

SCHEMA_VERSION = 1

JsonType = JSON().with_variant(JSONB(), "postgresql")


class CountyBase(DeclarativeBase):
    pass


class CountyMeta(CountyBase):
    __tablename__ = "county_meta"

    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class RegisteredTownship(CountyBase):
    """A township whose packages the county accepts: its signing key and age recipients."""

    __tablename__ = "county_township"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(12), unique=True)
    name: Mapped[str] = mapped_column(String(80), default="")
    ed25519_public_key: Mapped[str] = mapped_column(String(64))     # base64 of the raw 32 bytes
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    age_recipients: Mapped[list[str]] = mapped_column(JsonType, default=list)
    device_id: Mapped[str] = mapped_column(String(36), default="")
    registered_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class ReceivedPackage(CountyBase):
    """One township export package applied at the county."""

    __tablename__ = "county_package"
    __table_args__ = (UniqueConstraint("township_id", "package_seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    township_id: Mapped[int] = mapped_column(ForeignKey("county_township.id"))
    package_seq: Mapped[int] = mapped_column(Integer)
    digest: Mapped[str] = mapped_column(String(64))          # SHA-256 of manifest.json (spec §3)
    inner_sha256: Mapped[str] = mapped_column(String(64))    # SHA-256 of the decrypted inner ZIP
    manifest: Mapped[dict[str, Any]] = mapped_column(JsonType)
    change_seq_from: Mapped[int] = mapped_column(BigInteger)
    change_seq_to: Mapped[int] = mapped_column(BigInteger)
    file_name: Mapped[str] = mapped_column(String(200), default="")
    received_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    applied: Mapped[dict[str, Any]] = mapped_column(JsonType)  # type -> {new, updated, …}
    ack_return_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)


class CountyRecord(CountyBase):
    """The newest version the county holds of one township record, by (township, type, uuid)."""

    __tablename__ = "county_record"
    __table_args__ = (
        UniqueConstraint("township_id", "type", "uuid"),
        Index("ix_county_record_application", "township_id", "application_uuid"),
        Index("ix_county_record_type", "township_id", "type", "change_seq"),
        Index("ix_county_record_event_seq", "township_id", "event_seq"),
        Index("ix_county_record_number", "application_number"),
        Index("ix_county_record_task", "township_id", "task_uuid"),
    )

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer, "sqlite"),
                                    primary_key=True)
    township_id: Mapped[int] = mapped_column(ForeignKey("county_township.id"))
    type: Mapped[str] = mapped_column(String(24))
    uuid: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    change_seq: Mapped[int] = mapped_column(BigInteger)
    application_uuid: Mapped[str | None] = mapped_column(String(36), nullable=True)
    application_number: Mapped[str | None] = mapped_column(String(32), nullable=True)
    event_seq: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    #: The task (``requested_item.uuid``) the record belongs to: the task itself, its
    #: procedure steps (``task_stage``) and ledger lines (``reserve_entry``) — format 3,
    #: revision 0003; NULL for the others.
    task_uuid: Mapped[str | None] = mapped_column(String(36), nullable=True)
    package_seq: Mapped[int] = mapped_column(Integer)         # the package that wrote this version
    data: Mapped[dict[str, Any]] = mapped_column(JsonType)


class RecordConflict(CountyBase):
    """An incoming record with the stored version but other content (kept, not applied)."""

    __tablename__ = "county_conflict"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    township_id: Mapped[int] = mapped_column(ForeignKey("county_township.id"))
    package_seq: Mapped[int] = mapped_column(Integer)
    type: Mapped[str] = mapped_column(String(24))
    uuid: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    data: Mapped[dict[str, Any]] = mapped_column(JsonType)
    detected_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class DepartmentFeedback(CountyBase):
    """Department feedback (回执 result) for a referred task, to send in a return package."""

    __tablename__ = "county_feedback"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    township_id: Mapped[int] = mapped_column(ForeignKey("county_township.id"))
    task_uuid: Mapped[str] = mapped_column(String(36), index=True)
    result: Mapped[str] = mapped_column(String(16))
    result_on: Mapped[date] = mapped_column(Date)
    result_text: Mapped[str] = mapped_column(String(200), default="")
    amount_fen: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    period_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    period_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    signed_by: Mapped[str] = mapped_column(String(40), default="")
    signed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    department: Mapped[str] = mapped_column(String(16), default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    return_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)  # sent in this return


class CountyConfirmation(CountyBase):
    """The county's 审核确认 of a task the township reported (报县), to send in a return
    package as a ``confirmation`` record (format 3, revision 0003)."""

    __tablename__ = "county_confirmation"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    township_id: Mapped[int] = mapped_column(ForeignKey("county_township.id"))
    task_uuid: Mapped[str] = mapped_column(String(36), index=True)
    outcome: Mapped[str] = mapped_column(String(16))
    decided_on: Mapped[date] = mapped_column(Date)
    amount_fen: Mapped[int | None] = mapped_column(BigInteger, nullable=True)
    period_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    period_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    document_number: Mapped[str] = mapped_column(String(60), default="")
    text: Mapped[str] = mapped_column(String(200), default="")
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    return_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)  # sent in this return


class CountyWarning(CountyBase):
    """One person on the county's warning list (预警名单, 低收入人口动态监测) for a
    township, to send in its next return package as a ``warning`` record (format 4,
    revision 0004). The same ``uuid`` again before it was sent replaces the unsent row;
    after it was sent, a new row (a correction, or ``withdrawn``) goes in a later return."""

    __tablename__ = "county_warning"
    __table_args__ = (Index("ix_county_warning_pending", "township_id", "return_seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    township_id: Mapped[int] = mapped_column(ForeignKey("county_township.id"))
    uuid: Mapped[str] = mapped_column(String(36), index=True)
    list_no: Mapped[str] = mapped_column(String(40), default="")
    listed_on: Mapped[date] = mapped_column(Date)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    name: Mapped[str] = mapped_column(String(30))
    id_number: Mapped[str] = mapped_column(String(18), default="")
    reason: Mapped[str] = mapped_column(String(200), default="")
    risk: Mapped[str] = mapped_column(String(8), default="medium")
    source: Mapped[str] = mapped_column(String(60), default="")
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)
    recorded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    return_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)  # sent in this return


class SentUpdate(CountyBase):
    """An update record sent to a township (so the same update is not sent again)."""

    __tablename__ = "county_sent_update"
    __table_args__ = (Index("ix_county_sent_update", "township_id", "type", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    township_id: Mapped[int] = mapped_column(ForeignKey("county_township.id"))
    type: Mapped[str] = mapped_column(String(24))
    key: Mapped[str] = mapped_column(String(64))         # year / effective_from / code / version
    sha256: Mapped[str] = mapped_column(String(64))      # of the record's canonical JSON
    return_seq: Mapped[int] = mapped_column(Integer)


class QueuedUpdate(CountyBase):
    """An update record waiting for a township's next return (``county-receiver update``),
    or one the township's format version cannot carry yet (``eligibility`` for a township
    still writing format 1): it stays queued until a return carries it (``return_seq``)."""

    __tablename__ = "county_queued_update"
    __table_args__ = (Index("ix_county_queued_update", "township_id", "return_seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    township_id: Mapped[int] = mapped_column(ForeignKey("county_township.id"))
    type: Mapped[str] = mapped_column(String(24))
    key: Mapped[str] = mapped_column(String(64))         # as county_sent_update.key
    data: Mapped[dict[str, Any]] = mapped_column(JsonType)   # the record
    queued_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    return_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)  # sent in this return


class ReturnPackage(CountyBase):
    """A return package made for a township (its inner ZIP kept to produce it again)."""

    __tablename__ = "county_return"
    __table_args__ = (UniqueConstraint("township_id", "package_seq"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    township_id: Mapped[int] = mapped_column(ForeignKey("county_township.id"))
    package_seq: Mapped[int] = mapped_column(Integer)
    digest: Mapped[str] = mapped_column(String(64))
    manifest: Mapped[dict[str, Any]] = mapped_column(JsonType)
    inner_zip: Mapped[bytes] = mapped_column(LargeBinary)
    file_name: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


__all__ = ["CountyBase", "CountyConfirmation", "CountyMeta", "CountyWarning",
           "CountyRecord", "DepartmentFeedback", "QueuedUpdate",
           "ReceivedPackage", "RecordConflict", "RegisteredTownship", "ReturnPackage", "SCHEMA_VERSION", "SentUpdate",
           "utcnow"]
