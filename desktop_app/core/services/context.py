"""What every service needs: the database, the catalogue, a clock and settings."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..catalog import Catalog, load_catalog
from ..db import Database
from ..models import Setting
from ..rules.care import DEFAULT_ENTRY as DEFAULT_CARE
from ..rules.clock import DEFAULT_LIMITS as DEFAULT_CLOCK_LIMITS
from ..rules.dynamic import DEFAULT_ENTRY as DYNAMIC_REVIEW_DEFAULT
from ..rules.eligibility import DEFAULT_ENTRY as DEFAULT_ELIGIBILITY
from ..rules.leads import DEFAULT_ENTRY as DEFAULT_LEAD_RULES
from ..rules.monitor import DEFAULT_ENTRY as DEFAULT_MONITORING
from ..rules.reserve import DEFAULT_ENTRY as DEFAULT_RESERVE_FUND
from ..rules.stages import DEFAULT_PUBLICITY
from ..rules.standards import load_default_entries
from ..rules.temporary import DEFAULT_BANDS as DEFAULT_TEMPORARY_BANDS
from ..rules.temporary import DEFAULT_SCOPE as DEFAULT_TEMPORARY_SCOPE
from ..rules.workdays import WorkCalendar, YearCalendar

T = TypeVar("T")

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
    # issue 13 — which sums the township's temporary-assistance ceiling applies to
    # (core/rules/temporary.py): per incident and/or per household per calendar year,
    # entries with effective dates. 汉中 十五 / 铜仁 ask for 分级审批; no seed gives the
    # scope: both sums are ours.
    "temporary_ceiling_scope": [dict(DEFAULT_TEMPORARY_SCOPE)],
    # issue 13 — how long a 公示 lasts, entries with effective dates: 7 calendar days
    # (民发〔2021〕57号/43号 "公示期为7天"); a local rule may say {"days": 5, "unit":
    # "workdays"} (core/rules/stages.py).
    "publicity_days": [dict(DEFAULT_PUBLICITY)],
    # issue 13 — the 临时救助备用金 (core/rules/reserve.py): whether the township keeps the
    # ledger, and whether a 先行救助 in cash/transfer is drawn from it; entries with
    # effective dates. 泰安/重庆/汉中 十五 require the fund; off until turned on (ours).
    "reserve_fund": [dict(DEFAULT_RESERVE_FUND)],
    # issue 13 — temporary assistance under control (core/rules/temporary.py): the
    # 先行救助 clock in hours by effective date (泰安 "急难对象24小时先行救助制度"; empty =
    # the catalogue's ``first_aid_hours``) and the amount bands (分档, ours by default).
    "first_aid_hours": [],
    "temporary_bands": [DEFAULT_TEMPORARY_BANDS],
    # Tracking screen: a task is "due soon" with at most this many working days left.
    "due_soon_workdays": 3,
    # 动态管理: months between re-checks — 特困, and 低保 households by class A/B/C.
    "review_months": {"TEKUN": 12, "DIBAO_A": 12, "DIBAO_B": 12, "DIBAO_C": 6},
    # Clock sanity (core/rules/clock.py, docs/trust.md): a clock more than
    # `tolerance_minutes` earlier than the newest record is "behind" (documents refused);
    # more than `ahead_days` after the newest record and the release date is "far ahead"
    # (a warning). Defaults decided 2026-12-07, reasoning in core/rules/clock.py.
    "clock_check": dict(DEFAULT_CLOCK_LIMITS),
    # Local eligibility rules (income not counted, deductions, property limits, which
    # standard, 特困 base, 两项补贴 grades …) with effective dates; each default and its
    # source in core/rules/eligibility.py and docs/eligibility.md. Add an entry, never
    # rewrite one. Township-local: the sync format does not carry it.
    "eligibility": [dict(DEFAULT_ELIGIBILITY)],
    # Set by a restore: exports wait until an administrator confirms (a stale copy
    # must not overwrite the county's newer data). None when exports may run.
    "exports_paused": None,
    # A county acknowledgement for a package above the export log (sync service): the
    # county holds it; exports wait until it is sorted out (issue #11 review).
    "county_holds": None,
    # issue 13 — forms: where objections to a 公示 go, printed on the 公示名单; an empty
    # value prints the window's phone / the office's name.
    "publicity_objection": {"phone": "", "address": ""},
    # issue 15 — reviews: 动态管理 entries with effective dates (core/rules/dynamic.py): 渐退
    # period (重庆 "给予6个月渐退期") and its ceiling (低于低保标准1.5倍), what makes a 低保
    # household class C (57号 分类管理: 收入来源不固定、家庭成员有劳动能力; 汉中 measure 五:
    # C类半年一次), and the 低保边缘 re-check interval (ours). Months per class: review_months.
    "dynamic_review": [dict(DYNAMIC_REVIEW_DEFAULT)],
    # issue 15 — care (core/rules/care.py), entries with effective dates: 完全丧失 from 4 of
    # the 6 indicators not met (民发〔2021〕43号 "有4项以上（含4项）指标不能达到的，可以视为完全
    # 丧失生活自理能力"); the monthly 照料护理标准 per level, the 委托照料协议's default term
    # (12 months) and its reminder (30 days before the end) are ours — the county sets them.
    "care": [dict(DEFAULT_CARE)],
    # issue 15 — leads: the lead register (core/rules/leads.py, sources there): 12345 reply
    # due 5 working days after the ticket (ours: 国办发〔2020〕53号 asks for a limit, the
    # days are local — wording not checked), first visit within 5 working days (ours),
    # 网格员 as a source only where the county uses them (off: ours); dated entries.
    "lead_rules": [dict(DEFAULT_LEAD_RULES)],
    # issue 15 — monitor: the local monitoring list (core/rules/monitor.py): refusals near
    # the line (% of the 低保标准), how recent a 临时救助 counts, how near a 渐退 end, and the
    # visit interval per reason, entries with effective dates. No seed gives numbers
    # (重庆/泰安 ask for 低收入人口动态监测): every default is ours (``source``: "ours").
    "monitoring": [dict(DEFAULT_MONITORING)],
}


@dataclass
class Changes:
    """What a use case changed, so open screens refresh only what they show.

    ``applications``/``documents``: ids touched (their tasks included); ``lists``:
    handover lists issued; ``settings``: a setting (standards, calendars, idle lock,
    exports paused …); ``accounts``: staff or users; ``backups``: a backup written;
    ``exports``: the export log or county keys; ``everything``: the database was
    replaced (a restore) — every screen reloads.
    """

    applications: set[int] = field(default_factory=set)
    documents: set[int] = field(default_factory=set)
    lists: set[int] = field(default_factory=set)
    settings: bool = False
    accounts: bool = False
    backups: bool = False
    exports: bool = False
    everything: bool = False
    #: issue 13 — the 临时救助备用金 ledger (entries, batches) changed
    reserve: bool = False
    #: issue 15 — the directory of service providers changed
    providers: bool = False
    #: issue 15 — leads: the lead register (主动发现) changed
    leads: bool = False
    #: issue 15 — monitor: the monitoring list (visits, county warnings) changed
    monitor: bool = False
    #: issue 16 — importer: a legacy ledger was imported (batches, saved mappings)
    imports: bool = False

    def __bool__(self) -> bool:
        return bool(self.applications or self.documents or self.lists or self.settings
                    or self.accounts or self.backups or self.exports or self.everything
                    or self.reserve or self.providers or self.leads or self.monitor
                    or self.imports)

    @property
    def changes(self) -> Changes:
        """A verb whose only value is what it changed returns the ``Changes`` itself:
        like every write verb's result, it carries ``.changes``."""
        return self

    @classmethod
    def combine(cls, many: Iterable[Changes]) -> Changes:
        """Everything several verbs changed (e.g. one save of several settings)."""
        out = cls()
        for c in many:
            out.applications |= c.applications
            out.documents |= c.documents
            out.lists |= c.lists
            for flag in ("settings", "accounts", "backups", "exports", "everything", "reserve",
                         "providers", "leads", "monitor", "imports"):
                setattr(out, flag, getattr(out, flag) or getattr(c, flag))
        return out

    def touches(self, application_id: int) -> bool:
        return self.everything or application_id in self.applications


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """A write verb's value and what it changed (Anki's ``OpChangesWith``).

    The rule for the services: every write verb returns a result carrying
    ``.changes`` — its own result type when it has one (``DecisionResult``,
    ``FeedbackResult`` …), the ``Changes`` alone when that is all it has to say, and
    ``Outcome(value, changes)`` when its value is a shared type (``DocumentInfo``,
    ``UserInfo`` …). The GUI's operation runner publishes ``result.changes``.
    """

    value: T
    changes: Changes = field(default_factory=Changes)


def local_now() -> datetime:
    return datetime.now()


@dataclass
class ServiceContext:
    db: Database
    catalog: Catalog = field(default_factory=load_catalog)
    clock: Callable[[], datetime] = local_now

    def __post_init__(self) -> None:
        # Audit events follow this clock too (``events.event_time``): one clock for all.
        self.db.clock = lambda: self.clock()

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
