"""特困 care (issue 15 item 5): one row per self-care assessment with the 供养 mode and,
for 分散供养, the 委托照料协议. Tracked: it travels to the county.

A new assessment, a renewal or a change of caretaker is a new row with ``replaces_id``
set (the old one stays readable, as the audit log keeps it); ending an agreement sets
``ended_on`` / ``end_reason`` on its row.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Tracked, utcnow


class CarePlan(Tracked, Base):
    """The self-care assessment of a 特困 person (the TEKUN task's member) and their care.

    * ``indicators``: JSON object, indicator code (rules/care.py INDICATORS) → met (bool);
      ``failed_count`` / ``level`` (able / partial / full) as the rules found them with the
      ``care`` entry in force on ``assessed_on`` (``setting_from``);
    * ``mode``: centralized (集中供养, ``institution``) or dispersed (分散供养);
    * the agreement (分散供养 only, empty otherwise): ``agreement_no`` (the document's
      number), caretaker (kind, name, relation, phone, address), ``services`` (JSON list of
      codes), ``starts_on`` … ``ends_on``, ``amount_fen`` (monthly 照料护理标准 of the level),
      ``signed_on``; ``ended_on`` / ``end_reason`` when it ended early.
    """

    __tablename__ = "care_plan"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("requested_item.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("household_member.id"))
    assessed_on: Mapped[date] = mapped_column(Date)
    assessors: Mapped[str] = mapped_column(Text, default="[]")
    indicators: Mapped[str] = mapped_column(Text, default="{}")
    failed_count: Mapped[int] = mapped_column(Integer)
    level: Mapped[str] = mapped_column(String(8))
    setting_from: Mapped[date] = mapped_column(Date)
    mode: Mapped[str] = mapped_column(String(12))
    institution: Mapped[str] = mapped_column(String(60), default="")
    caretaker_kind: Mapped[str] = mapped_column(String(16), default="")
    caretaker_name: Mapped[str] = mapped_column(String(60), default="")
    caretaker_relation: Mapped[str] = mapped_column(String(16), default="")
    caretaker_phone: Mapped[str] = mapped_column(String(30), default="")
    caretaker_address: Mapped[str] = mapped_column(String(200), default="")
    services: Mapped[str] = mapped_column(Text, default="[]")
    agreement_no: Mapped[str] = mapped_column(String(40), default="")
    starts_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    amount_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    signed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    ended_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    end_reason: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(String(200), default="")
    replaces_id: Mapped[int | None] = mapped_column(ForeignKey("care_plan.id"), nullable=True)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
