"""An application (办件) with its household snapshot, requested items and materials."""

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
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, Tracked, utcnow


class Application(Tracked, Base):
    __tablename__ = "application"

    id: Mapped[int] = mapped_column(primary_key=True)
    # 办件编号: the number of the first decision document; searchable.
    number: Mapped[str | None] = mapped_column(String(32), unique=True)
    # State codes are stored as their strings; vocab's enums name them (a member is its
    # string, so `app.status == ApplicationStatus.ACCEPTED` holds for a loaded row).
    status: Mapped[str] = mapped_column(String(16), index=True)  # vocab.ApplicationStatus
    decision: Mapped[str | None] = mapped_column(String(16))  # vocab.Decision
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    intake_date: Mapped[date] = mapped_column(Date, index=True)
    village_id: Mapped[int | None] = mapped_column(ForeignKey("village.id"), index=True)
    source: Mapped[str] = mapped_column(String(16))
    urgent: Mapped[bool] = mapped_column(Boolean, default=False)
    hardship_reason: Mapped[str] = mapped_column(Text, default="")
    reject_reasons: Mapped[str] = mapped_column(Text, default="")  # JSON list
    void_reason: Mapped[str] = mapped_column(Text, default="")
    # Property summary (家庭财产) and rigid spending over the last 12 months, in fen.
    housing_area_m2: Mapped[int] = mapped_column(Integer, default=0)
    house_rating: Mapped[str] = mapped_column(String(1), default="")
    vehicles: Mapped[int] = mapped_column(Integer, default=0)
    # Houses / flats owned (住房套数); None = not recorded (before migration 0009, or left
    # blank): the property test then has nothing to compare and says so.
    houses: Mapped[int | None] = mapped_column(Integer, nullable=True)
    deposits_fen: Mapped[int] = mapped_column(Integer, default=0)
    business: Mapped[str] = mapped_column(String(200), default="")
    medical_spending_fen: Mapped[int] = mapped_column(Integer, default=0)
    education_spending_fen: Mapped[int] = mapped_column(Integer, default=0)
    # GROSS monthly household income (every line) and gross per capita over ALL members.
    monthly_income_fen: Mapped[int] = mapped_column(Integer, default=0)
    per_capita_income_fen: Mapped[int] = mapped_column(Integer, default=0)
    # The income calculation at intake (issue 12; rules/assessment.income_figures with
    # the standards and ``eligibility`` entries in force on the intake day): members
    # counted, counted income less the employment-cost deduction (net), net per capita,
    # the proposed 低保 补差 (None = not below the standard) and the entries used.
    # NULL on applications recorded before the calculation was stored (migration 0008).
    counted_members: Mapped[int | None] = mapped_column(Integer, nullable=True)
    excluded_income_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    deduction_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    net_income_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    net_per_capita_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    topup_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    standards_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    eligibility_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    # Of the medical spending, what insurance repaid (12 months, fen): 刚性支出 is net.
    medical_reimbursed_fen: Mapped[int] = mapped_column(Integer, default=0)
    # Where the applicant applies (vocab.RESIDENCE_KINDS), current address, 居住证 no.
    residence_kind: Mapped[str] = mapped_column(String(16), default="hukou")
    residence_address: Mapped[str] = mapped_column(String(200), default="")
    residence_permit_no: Mapped[str] = mapped_column(String(40), default="")
    # Can a legal supporter (赡养/抚养/扶养义务人) support the household? None = not recorded.
    supporters_able: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    # 求助原因 category (vocab.HARDSHIP_CAUSES); "" = not given. Temporary assistance
    # for the same cause is normally granted once a year (DOMAIN §4).
    hardship_cause: Mapped[str] = mapped_column(String(16), default="")
    # 经办人员或村（居）干部近亲属: registered separately (单独登记备案, DOMAIN §3).
    staff_relative: Mapped[bool] = mapped_column(Boolean, default=False, index=True)
    staff_relative_note: Mapped[str] = mapped_column(String(200), default="")
    # 办结: set when every accepted item has its final result.
    closed_on: Mapped[date | None] = mapped_column(Date, index=True)  # index: issue 16 stats
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)

    members: Mapped[list[HouseholdMember]] = relationship(
        back_populates="application", order_by="HouseholdMember.position",
        cascade="all, delete-orphan",
    )
    incomes: Mapped[list[Income]] = relationship(
        back_populates="application", cascade="all, delete-orphan",
    )
    items: Mapped[list[RequestedItem]] = relationship(
        back_populates="application", order_by="RequestedItem.position",
        cascade="all, delete-orphan",
    )
    related: Mapped[list[RelatedPerson]] = relationship(
        back_populates="application", order_by="RelatedPerson.position",
        cascade="all, delete-orphan",
    )

    @property
    def applicant(self) -> HouseholdMember:
        return self.members[0]


class HouseholdMember(Tracked, Base):
    """A household member; position 0 is the applicant (relation 本人)."""

    __tablename__ = "household_member"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    relation: Mapped[str] = mapped_column(String(8))
    name: Mapped[str] = mapped_column(String(30))  # canonical (sync_contract.text.canonical_name)
    # The name as typed when it differs from ``name`` ("阿依古丽•买买提"); NULL when
    # the same. Local to the township: never exported (docs/sync-format.md).
    name_typed: Mapped[str | None] = mapped_column(String(60), nullable=True)
    id_type: Mapped[str] = mapped_column(String(16))
    id_number: Mapped[str] = mapped_column(String(40), default="")
    no_id_reason: Mapped[str] = mapped_column(String(100), default="")
    sex: Mapped[str] = mapped_column(String(2), default="")
    birth_date: Mapped[date | None] = mapped_column(Date)
    phone: Mapped[str] = mapped_column(String(30), default="")
    hukou_type: Mapped[str] = mapped_column(String(8), default="")
    hukou_address: Mapped[str] = mapped_column(String(200), default="")
    education: Mapped[str] = mapped_column(String(16), default="")
    marital: Mapped[str] = mapped_column(String(8), default="")
    health: Mapped[str] = mapped_column(String(8), default="")
    disability_category: Mapped[str] = mapped_column(String(8), default="")
    disability_grade: Mapped[int | None] = mapped_column(Integer)
    employment: Mapped[str] = mapped_column(String(16), default="")
    self_care: Mapped[str] = mapped_column(String(16), default="")
    # 共同生活的家庭成员? (民发〔2021〕57号) and why: vocab.COUNTED_REASONS code.
    counted: Mapped[bool] = mapped_column(Boolean, default=True)
    counted_reason: Mapped[str] = mapped_column(String(16), default="")
    # The minor applicant's guardian (监护人), signing for them.
    guardian: Mapped[bool] = mapped_column(Boolean, default=False)

    application: Mapped[Application] = relationship(back_populates="members")

    __table_args__ = (
        Index("ix_household_member_name", "name"),
        Index("ix_household_member_id_number", "id_number"),
    )


class RelatedPerson(Tracked, Base):
    """A legal supporter (赡养/抚养/扶养义务人) and/or the guardian (监护人) of a minor
    applicant, living outside the household (drafts.PersonInput)."""

    __tablename__ = "related_person"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(30))  # canonical, as household_member.name
    name_typed: Mapped[str | None] = mapped_column(String(60), nullable=True)  # local only
    relation: Mapped[str] = mapped_column(String(16))
    id_type: Mapped[str] = mapped_column(String(16))
    id_number: Mapped[str] = mapped_column(String(40), default="")
    no_id_reason: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    supporter: Mapped[bool] = mapped_column(Boolean, default=True)
    guardian: Mapped[bool] = mapped_column(Boolean, default=False)
    household_size: Mapped[int | None] = mapped_column(Integer, nullable=True)
    monthly_income_fen: Mapped[int | None] = mapped_column(Integer, nullable=True)
    able: Mapped[bool | None] = mapped_column(Boolean, nullable=True)
    unable_reason: Mapped[str] = mapped_column(String(16), default="")
    note: Mapped[str] = mapped_column(String(200), default="")

    application: Mapped[Application] = relationship(back_populates="related")


class Income(Base):
    """Monthly household income by category, in fen."""

    __tablename__ = "income"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    category: Mapped[str] = mapped_column(String(16))
    monthly_fen: Mapped[int] = mapped_column(Integer)
    # Counted in the household income by the ``eligibility`` entry used at intake;
    # NULL = recorded before the calculation was stored (migration 0008).
    counted: Mapped[bool | None] = mapped_column(Boolean, nullable=True)

    application: Mapped[Application] = relationship(back_populates="incomes")


class RequestedItem(Tracked, Base):
    """An assistance item asked for; becomes a handling task once accepted."""

    __tablename__ = "requested_item"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    item_code: Mapped[str] = mapped_column(String(24), index=True)
    handler_code: Mapped[str] = mapped_column(String(16))
    # Who decides (审核确认): set at acceptance from the catalogue and township_confirms.
    decider_code: Mapped[str | None] = mapped_column(String(16), nullable=True)
    limit_days: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[date | None] = mapped_column(Date, index=True)
    due_provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16))  # vocab.ItemStatus
    # -- the handling task (办理事项) once accepted; see services/handling.py --------
    # vocab.TaskStatus: to_refer → referred → signed → done/refused (or returned →
    # to_refer again); township-handled items: in_progress → done/refused.
    task_status: Mapped[str | None] = mapped_column(String(16), index=True)
    referred_on: Mapped[date | None] = mapped_column(Date, index=True)  # index: issue 16
    signed_on: Mapped[date | None] = mapped_column(Date)
    signed_by: Mapped[str] = mapped_column(String(40), default="")
    # The result as the department's 回执 (or the township) gives it.
    result_on: Mapped[date | None] = mapped_column(Date, index=True)  # index: issue 16
    result_text: Mapped[str] = mapped_column(Text, default="")
    amount_fen: Mapped[int | None] = mapped_column(Integer)
    period_from: Mapped[date | None] = mapped_column(Date)
    period_to: Mapped[date | None] = mapped_column(Date)
    result_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    # 动态管理: next re-check of a household receiving 低保/特困, and its class (A/B/C).
    review_class: Mapped[str] = mapped_column(String(8), default="")
    next_review_on: Mapped[date | None] = mapped_column(Date, index=True)
    # -- issue 13: the procedure (审核确认) and its clocks ------------------------------
    # The current step (vocab.STAGES code; NULL = the item has no procedure steps or has
    # not started) and the day it is due (from the catalogue's stage limits).
    stage: Mapped[str | None] = mapped_column(String(16), nullable=True)
    stage_due: Mapped[date | None] = mapped_column(Date, nullable=True, index=True)
    stage_due_provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    # Working days added by an extension (延期, e.g. +15 for 低保) — already in due_date.
    extended_days: Mapped[int] = mapped_column(Integer, default=0)
    # 急难型: 先行救助 due within ``first_aid_hours`` of acceptance (township local time,
    # naive, like ``Application.decided_at``).
    first_aid_due_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    # A refusal: its written notice is due within 3 working days (NULL once issued).
    notice_due: Mapped[date | None] = mapped_column(Date, nullable=True)
    # Waits for another item's status (e.g. "DIBAO": 待低保认定); "" = not waiting.
    waiting_for: Mapped[str] = mapped_column(String(24), default="")
    # The awaited item was refused on this day: the task still waits, flagged for the
    # clerk to decide (issue 13, materials; migration 0011). NULL = not flagged.
    waiting_refused_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # issue 15: the provider (社工站, charity …) the task is referred to instead of the
    # catalogue's department; NULL = the department itself (models/providers.py).
    provider_id: Mapped[int | None] = mapped_column(ForeignKey("provider.id"), nullable=True,
                                                    index=True)

    application: Mapped[Application] = relationship(back_populates="items")
    materials: Mapped[list[Material]] = relationship(
        back_populates="item", order_by="Material.position", cascade="all, delete-orphan",
    )


class Material(Base):
    """A required material of one requested item and how it was provided."""

    __tablename__ = "material"

    id: Mapped[int] = mapped_column(primary_key=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("requested_item.id"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(32))
    name: Mapped[str] = mapped_column(String(60))
    status: Mapped[str] = mapped_column(String(12))  # vocab.MaterialStatus

    item: Mapped[RequestedItem] = relationship(back_populates="materials")


class SearchKey(Base):
    """Search keys per application: names, pinyin initials and full pinyin.

    Prefix queries use the primary-key index (``key >= q AND key < q || U+10FFFF``)
    so "zs" or "张" answer from the index whatever the table size.
    """

    __tablename__ = "search_key"

    key: Mapped[str] = mapped_column(String(80), primary_key=True)
    application_id: Mapped[int] = mapped_column(
        ForeignKey("application.id"), primary_key=True, index=True,
    )


class EmergencyAid(Tracked, Base):
    """先行救助: an immediate payment of 急难型临时救助 within the township's ceiling,
    recorded with its document; the paperwork follows within ``paperwork_due``."""

    __tablename__ = "emergency_aid"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id"), index=True)
    item_id: Mapped[int] = mapped_column(ForeignKey("requested_item.id"), index=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    amount_fen: Mapped[int] = mapped_column(Integer)
    method: Mapped[str] = mapped_column(String(16))
    cause: Mapped[str] = mapped_column(String(200))
    paid_on: Mapped[date] = mapped_column(Date, index=True)
    paperwork_due: Mapped[date] = mapped_column(Date)
    paperwork_provisional: Mapped[bool] = mapped_column(Boolean, default=False)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
