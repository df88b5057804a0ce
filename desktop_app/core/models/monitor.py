"""低收入人口动态监测, the township's part (issue 15 item 4): the county's warning list
(预警名单, received in return packages) and the monitoring visits (监测走访).

The monitoring list itself is not stored: it is computed from what the township knows
(services/dynamic_monitor.py). Two tables:

* ``county_warning``: one person on a county warning list, as the county sent it
  (county-return type ``warning``, sync format 4). The county's record: its ``uuid`` is
  the county's; a later record with the same uuid (e.g. ``withdrawn``) updates the row.
  Not Tracked — it came from the county and does not travel back (the visits name it
  by ``warning_uuid``).
* ``monitor_visit``: a visit to a household on the list, its findings and what follows
  (keep monitoring, raise a lead, report a change, take off the list). Tracked: it
  travels to the county (township-export type ``monitor_visit``).
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Boolean, Date, DateTime, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, Tracked, utcnow


class CountyWarning(Base):
    """One person on a county warning list (县级预警名单), as received."""

    __tablename__ = "county_warning"

    id: Mapped[int] = mapped_column(primary_key=True)
    uuid: Mapped[str] = mapped_column(String(36), unique=True)   # the county's record id
    list_no: Mapped[str] = mapped_column(String(40), default="")
    listed_on: Mapped[date] = mapped_column(Date, index=True)
    village_code: Mapped[str] = mapped_column(String(12), default="")
    name: Mapped[str] = mapped_column(String(30))
    id_number: Mapped[str] = mapped_column(String(40), default="", index=True)
    reason: Mapped[str] = mapped_column(String(200), default="")
    risk: Mapped[str] = mapped_column(String(8), default="medium")   # high | medium | low
    source: Mapped[str] = mapped_column(String(60), default="")
    withdrawn: Mapped[bool] = mapped_column(Boolean, default=False)
    # the return package that brought the current content
    return_seq: Mapped[int | None] = mapped_column(Integer, nullable=True)
    received_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class MonitorVisit(Tracked, Base):
    """A monitoring visit (监测走访) to a household on the monitoring list.

    The household is named by the application the list row came from
    (``application_id``: the newest application of the applicant) and/or the county
    warning (``warning_id``). ``outcome``: ``keep`` (keep monitoring), ``lead`` (needs
    help: a lead is to be raised — ``lead_ref`` names it once raised), ``change`` (a
    recipient household's circumstances changed: a change report is due), ``close``
    (no longer at risk: off the list until a new reason arises).
    """

    __tablename__ = "monitor_visit"

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int | None] = mapped_column(
        ForeignKey("application.id"), nullable=True, index=True)
    warning_id: Mapped[int | None] = mapped_column(
        ForeignKey("county_warning.id"), nullable=True, index=True)
    visited_on: Mapped[date] = mapped_column(Date, index=True)
    visitors: Mapped[str] = mapped_column(Text, default="[]")      # JSON list of names
    findings: Mapped[str] = mapped_column(Text, default="")
    # the reasons the household was on the list that day (JSON list of codes)
    reasons: Mapped[str] = mapped_column(Text, default="[]")
    outcome: Mapped[str] = mapped_column(String(16))
    next_visit_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # the lead raised from this visit (services.leads; "" = none raised yet)
    lead_ref: Mapped[str] = mapped_column(String(60), default="")
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("staff.id"))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
