"""The township's own casework (issue 13): the steps of the 审核确认 procedure and the
临时救助备用金 ledger. Every row is Tracked: it travels to the county."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Tracked, utcnow


class TaskStage(Tracked, Base):
    """One step of a handling task's procedure (vocab.STAGES), or a side record of it
    (补齐手续, 个案会商, 跟进救助, 延期). A step is recorded once; a correction is a new
    row with ``replaces_id`` set (the old row stays, as the audit log keeps it).

    Meaning of the generic columns per step (services/handling/stages.py validates):

    * ``started_on``: the day the step happened or began (visit day, 核对 request,
      公示 start, 评议/会商 day, 报县 day, county decision day);
    * ``done_on``: the day it ended (核对 result, 公示 concluded); equal to
      ``started_on`` for one-day steps; NULL while it runs;
    * ``ends_on``: a planned end (公示 end date from the ``publicity_days`` setting);
    * ``people``: JSON list of names (investigators, participants);
    * ``outcome``: the step's result code (approved / refused / match / discrepancy /
      no_objection / objection_resolved / objection_upheld / escalate …);
    * ``ref``: a reference number (核对报告编号, 上报清单号, county document number,
      延期告知书 number);
    * ``text``: findings / opinion / discrepancies / decision / reason;
    * ``details``: JSON object for the rest (objections and their resolution, period,
      extension days, materials received …).
    """

    __tablename__ = "task_stage"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("requested_item.id"), index=True)
    stage: Mapped[str] = mapped_column(String(16))
    started_on: Mapped[date] = mapped_column(Date)
    done_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    outcome: Mapped[str] = mapped_column(String(24), default="")
    amount_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    people: Mapped[str] = mapped_column(Text, default="[]")
    text: Mapped[str] = mapped_column(Text, default="")
    ref: Mapped[str] = mapped_column(String(60), default="")
    village_id: Mapped[int | None] = mapped_column(ForeignKey("village.id"), nullable=True)
    details: Mapped[str] = mapped_column(Text, default="{}")
    source: Mapped[str] = mapped_column(String(16), default="township")
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("task_stage.id"), nullable=True)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ReserveBatch(Tracked, Base):
    """报账: payments of the 备用金 submitted together to the county for reimbursement."""

    __tablename__ = "reserve_batch"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    submitted_on: Mapped[date] = mapped_column(Date, index=True)
    total_fen: Mapped[int] = mapped_column(Integer)
    reimbursed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    reimbursed_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    text: Mapped[str] = mapped_column(String(200), default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ReserveEntry(Tracked, Base):
    """A line of the 临时救助备用金 ledger (vocab.RESERVE_KINDS); amounts positive, the
    kind says the direction. A payment names what it paid (先行救助 or a task's
    result) and, once submitted, its 报账 batch."""

    __tablename__ = "reserve_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    amount_fen: Mapped[int] = mapped_column(Integer)
    on: Mapped[date] = mapped_column(Date, index=True)
    text: Mapped[str] = mapped_column(String(200), default="")
    application_id: Mapped[int | None] = mapped_column(ForeignKey("application.id"),
                                                       nullable=True, index=True)
    item_id: Mapped[int | None] = mapped_column(ForeignKey("requested_item.id"), nullable=True)
    emergency_aid_id: Mapped[int | None] = mapped_column(ForeignKey("emergency_aid.id"),
                                                         nullable=True)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("reserve_batch.id"), nullable=True,
                                                 index=True)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
