"""动态管理 (issue 15): change reports (变更申报) and re-checks (复核) of a benefit task."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Tracked, utcnow


class HouseholdReview(Tracked, Base):
    """One re-check or change report of a 低保/特困/低保边缘/刚性支出 task.

    ``household`` is the household as found (``draft_to_json`` of an ApplicationDraft
    with the household parts): snapshot ``snapshot_no`` 1, 2, … — the application's own
    facts are snapshot 0 and are never rewritten, so every earlier state stays readable.
    The figures are those recomputed with the standards (``standards_from``) and local
    rules (``eligibility_from``) in force on ``on``. The outcome applies from
    ``effective_month`` (1st of a month). A correction is a new row with ``replaces_id``.
    """

    __tablename__ = "household_review"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("requested_item.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))            # "recheck" | "change"
    on: Mapped[date] = mapped_column(Date, index=True)
    change_kinds: Mapped[str] = mapped_column(Text, default="[]")  # JSON list
    snapshot_no: Mapped[int] = mapped_column(Integer)
    household: Mapped[str] = mapped_column(Text)             # draft_to_json
    counted_members: Mapped[int] = mapped_column(Integer)
    net_income_fen: Mapped[int] = mapped_column(Integer)
    net_per_capita_fen: Mapped[int] = mapped_column(Integer)
    topup_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    standards_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    eligibility_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    review_class: Mapped[str] = mapped_column(String(8), default="")
    class_reason: Mapped[str] = mapped_column(String(300), default="")
    outcome: Mapped[str] = mapped_column(String(16))         # continue|adjust|taper|stop
    amount_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    effective_month: Mapped[date] = mapped_column(Date)
    taper_ends_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    stop_reason: Mapped[str] = mapped_column(String(300), default="")
    investigators: Mapped[str] = mapped_column(Text, default="[]")  # JSON list of names
    findings: Mapped[str] = mapped_column(Text, default="")
    # The suggestion the figures gave (outcome code + reason), kept with the decision.
    suggested: Mapped[str] = mapped_column(String(16), default="")
    suggestion_reason: Mapped[str] = mapped_column(Text, default="")
    next_review_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("household_review.id"),
                                                    nullable=True)
