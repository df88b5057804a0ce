"""What every service needs: the database, the catalogue, a clock and settings."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..catalog import Catalog, load_catalog
from ..db import Database
from ..models import Setting
from ..rules.standards import load_default_entries
from ..rules.workdays import WorkCalendar, YearCalendar

#: Defaults for settings that are local policy (DOMAIN: make them settings).
DEFAULT_SETTINGS: dict[str, Any] = {
    # 复查/复核, 行政复议 (days) and 行政诉讼 (months) printed on refusals.
    "appeal": {"review_days": 30, "reconsideration_days": 60, "litigation_months": 6},
    # Local calendar overrides: {"2026-12-31": false} makes a day a holiday.
    "workday_overrides": {},
    # Holiday calendars for years the bundled calendar does not know yet:
    # {"2027": {"holidays": ["2027-01-01", …], "workdays": ["2027-02-07", …]}}
    "holiday_years": {},
    # Whether the township confirms 低保/特困 itself (审核确认权下放).
    "township_confirms": False,
    # 救助标准 (低保标准, multipliers, …) as entries with effective dates; the
    # defaults ship in resources/standards.json. Add an entry, never rewrite one.
    "standards": load_default_entries(),
    # Minutes without input before the screen locks (it keeps the open screen and
    # its unsaved input; the same user's password unlocks it).
    "idle_lock_minutes": 10,
    # A second folder (another drive, a USB stick) every backup is copied to; "" = none.
    "backup_mirror_dir": "",
    # Backup thinning: the newest `recent`, then the newest of each of the last
    # `daily` days, `weekly` ISO weeks and `monthly` months that have backups.
    "backup_keep": {"recent": 5, "daily": 7, "weekly": 4, "monthly": 12},
    # 先行救助 (急难型临时救助): the most the township pays at once on its own (fen);
    # above it the item goes to the county. Paperwork follows within N working days.
    "emergency_ceiling_fen": 300_000,
    "emergency_paperwork_workdays": 5,
    # Tracking screen: a task is "due soon" with at most this many working days left.
    "due_soon_workdays": 3,
    # 动态管理: months between re-checks — 特困, and 低保 households by class A/B/C.
    "review_months": {"TEKUN": 12, "DIBAO_A": 12, "DIBAO_B": 12, "DIBAO_C": 6},
    # Set by a restore: exports wait until an administrator confirms (a stale copy
    # must not overwrite the county's newer data). None when exports may run.
    "exports_paused": None,
}


@dataclass
class Changes:
    """What a use case changed, so open screens refresh only what they show."""

    applications: set[int] = field(default_factory=set)
    documents: set[int] = field(default_factory=set)
    settings: bool = False

    def __bool__(self) -> bool:
        return bool(self.applications or self.documents or self.settings)


def local_now() -> datetime:
    return datetime.now()


@dataclass
class ServiceContext:
    db: Database
    catalog: Catalog = field(default_factory=load_catalog)
    clock: Callable[[], datetime] = local_now

    def today(self) -> date:
        return self.clock().date()

    # -- settings --------------------------------------------------------------
    def get_setting(self, session: Session, key: str) -> Any:
        row = session.get(Setting, key)
        if row is None:
            return DEFAULT_SETTINGS.get(key)
        return json.loads(row.value)

    def put_setting(self, session: Session, key: str, value: Any, by: int | None) -> None:
        text = json.dumps(value, ensure_ascii=False, sort_keys=True)
        row = session.get(Setting, key)
        if row is None:
            session.add(Setting(key=key, value=text, updated_by_id=by))
        else:
            row.value, row.updated_by_id = text, by

    def calendar(self, session: Session) -> WorkCalendar:
        """The working-day calendar with local settings, cached per transaction."""
        cached = session.info.get("calendar")
        if cached is None:
            cached = session.info["calendar"] = self._build_calendar(session)
        return cached

    def _build_calendar(self, session: Session) -> WorkCalendar:
        overrides = {
            date.fromisoformat(k): bool(v)
            for k, v in (self.get_setting(session, "workday_overrides") or {}).items()
        }
        years = {
            int(y): YearCalendar(
                year=int(y),
                holidays=frozenset(date.fromisoformat(d) for d in spec.get("holidays", [])),
                workdays=frozenset(date.fromisoformat(d) for d in spec.get("workdays", [])),
            )
            for y, spec in (self.get_setting(session, "holiday_years") or {}).items()
        }
        return WorkCalendar(overrides=overrides, extra_years=years)

    def all_settings(self, session: Session) -> dict[str, Any]:
        values = dict(DEFAULT_SETTINGS)
        for row in session.scalars(select(Setting)):
            values[row.key] = json.loads(row.value)
        return values
