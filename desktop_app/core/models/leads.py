"""The lead register (主动发现, issue 15 item 3): people reported in need before any
application, the visits made to them and how each lead ended. Tracked rows: they travel
to the county (the reporter's name and phone stay in the township, docs/sync-format.md)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Tracked, utcnow


class Lead(Tracked, Base):
    """One lead (rules/leads.py for the vocabularies).

    * ``source``: who reported it (村协理员, 网格员, 干部, 12345, 部门推送, 县级预警名单);
      ``ticket_no`` the 12345 ticket, ``origin_ref`` a department's or warning list's
      reference; ``reply_due`` (12345 only) from the ``lead_rules`` setting, and the
      reply recorded (``replied_on``, ``reply_text``).
    * the reporter (``reporter_name``, ``reporter_phone``: township-only) and the person
      reported (``subject_*``, ``village_id``, ``address``), ``situation`` as told.
    * ``assignee``: who goes to see (a name: a 村协理员 need not be a user), when
      assigned; ``visit_due`` from the setting.
    * ``status`` and, once decided, ``outcome`` (apply / not_eligible / referred) with its
      ``outcome_text`` (the reason, or where referred); ``application_id`` the
      application the lead became; ``closed_on``.
    """

    __tablename__ = "lead"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(24), unique=True)
    source: Mapped[str] = mapped_column(String(24))
    reported_on: Mapped[date] = mapped_column(Date, index=True)
    ticket_no: Mapped[str] = mapped_column(String(40), default="")
    origin_ref: Mapped[str] = mapped_column(String(60), default="")
    reporter_name: Mapped[str] = mapped_column(String(30), default="")
    reporter_phone: Mapped[str] = mapped_column(String(24), default="")
    subject_name: Mapped[str] = mapped_column(String(30))
    subject_id_number: Mapped[str] = mapped_column(String(24), default="")
    subject_phone: Mapped[str] = mapped_column(String(24), default="")
    village_id: Mapped[int | None] = mapped_column(ForeignKey("village.id"), nullable=True,
                                                   index=True)
    address: Mapped[str] = mapped_column(String(100), default="")
    situation: Mapped[str] = mapped_column(Text, default="")
    reply_due: Mapped[date | None] = mapped_column(Date, nullable=True)
    replied_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    reply_text: Mapped[str] = mapped_column(Text, default="")
    assignee: Mapped[str] = mapped_column(String(30), default="")
    assigned_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    visit_due: Mapped[date | None] = mapped_column(Date, nullable=True)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    outcome: Mapped[str] = mapped_column(String(16), default="")
    outcome_text: Mapped[str] = mapped_column(Text, default="")
    application_id: Mapped[int | None] = mapped_column(ForeignKey("application.id"),
                                                       nullable=True, index=True)
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class LeadVisit(Tracked, Base):
    """A visit to the person a lead names: when, by whom (names), what was found."""

    __tablename__ = "lead_visit"

    id: Mapped[int] = mapped_column(primary_key=True)
    lead_id: Mapped[int] = mapped_column(ForeignKey("lead.id"), index=True)
    visited_on: Mapped[date] = mapped_column(Date)
    visitors: Mapped[str] = mapped_column(Text, default="[]")
    findings: Mapped[str] = mapped_column(Text, default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


__all__ = ["Lead", "LeadVisit"]
