"""The directory of service providers (issue 15 item 5): 社工站, charities, volunteer
teams and other social organisations — and government bodies the window refers to
outside the catalogue's departments — that take over service-type items (访视, 照料,
心理疏导, 社会融入, 资源链接) with the same 转办单 + 回执 loop as a department.

泰安 (seed 003): "为社会救助家庭中生活不能自理的老年人、未成年人、残疾人等提供必要的访视、
照料服务。引导社会组织、专业社工、志愿者等社会力量参与社会救助"; 汉中 (seed 001): 镇级社工站.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Tracked, utcnow


class Provider(Tracked, Base):
    """A provider of services: who it is, what it offers (item codes), how to reach it.

    ``kind``: vocab.PROVIDER_KINDS. ``services``: JSON list of catalogue item codes
    it takes on. ``active`` false or outside ``valid_from``/``valid_to``: kept for the
    history of the tasks referred to it, no longer offered for new ones. A provider is
    never deleted (tasks and slips name it)."""

    __tablename__ = "provider"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    services: Mapped[str] = mapped_column(Text, default="[]")
    contact: Mapped[str] = mapped_column(String(30), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    note: Mapped[str] = mapped_column(String(200), default="")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    valid_from: Mapped[date | None] = mapped_column(Date, nullable=True)
    valid_to: Mapped[date | None] = mapped_column(Date, nullable=True)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, onupdate=utcnow)
