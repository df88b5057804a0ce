"""The lead register (主动发现, issue 15 item 3): vocabulary and deadlines. Pure.

Why a register: 重庆 (seed 004) "逐步建立“主动发现”机制，充分发挥村（社区）干部、党员、村民
代表、志愿者作用"; 汉中 (seed 001) names the 12345 hotline as a channel (wording of the
measure not re-checked here). A lead is somebody reported to be in need before any
application: who reported it (the source), who goes to see (assignment), what was
found (visits) and how it ended (outcome).

Deadlines come from the dated setting ``lead_rules`` (entries with ``effective_from``):

* ``hotline_reply_days`` / ``hotline_reply_unit`` — a 12345 ticket's reply is due this
  long after the ticket was received. Default 5 working days: **ours** — the State
  Council's guidance on 政务服务便民热线 (国办发〔2020〕53号) asks for a time limit but the
  day count is local (wording not checked); many cities give 5 working days for an
  ordinary request. The county sets its own.
* ``visit_days`` / ``visit_unit`` — a lead is visited within this long of being
  reported. Default 5 working days: **ours** (no seed gives a figure).
* ``grid_workers`` — whether the county uses 网格员 (grid workers) as a lead source;
  off by default (ours): where it is off the source is not offered and not accepted.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import ValidationError

# -- vocabulary ------------------------------------------------------------------------------
VILLAGE_ASSISTANT, GRID_WORKER, CADRE, VOLUNTEER = "village_assistant", "grid_worker", "cadre", "volunteer"
HOTLINE, DEPARTMENT, COUNTY_WARNING = "hotline", "department", "county_warning"

#: (code, label) of who reported the lead, in the order offered.
SOURCES: tuple[tuple[str, str], ...] = (
    (VILLAGE_ASSISTANT, "村协理员"),
    (GRID_WORKER, "网格员"),
    (CADRE, "村（社区）干部"),
    (VOLUNTEER, "党员、村民代表、志愿者"),
    (HOTLINE, "12345热线"),
    (DEPARTMENT, "部门推送"),
    (COUNTY_WARNING, "县级预警名单"),
)
SOURCE_LABELS = dict(SOURCES)

#: The application's ``source`` (vocab.SOURCES) when a lead becomes an application.
APPLICATION_SOURCE = {VILLAGE_ASSISTANT: "village_assistant", HOTLINE: "hotline",
                      DEPARTMENT: "referral"}
APPLICATION_SOURCE_DEFAULT = "lead"

OPEN, ASSIGNED, VISITED, APPLYING, CLOSED = "open", "assigned", "visited", "applying", "closed"
STATUSES: tuple[tuple[str, str], ...] = (
    (OPEN, "待分派"), (ASSIGNED, "待走访"), (VISITED, "已走访"), (APPLYING, "申请中"),
    (CLOSED, "已办结"),
)
STATUS_LABELS = dict(STATUSES)

APPLY, NOT_ELIGIBLE, REFERRED = "apply", "not_eligible", "referred"
OUTCOMES: tuple[tuple[str, str], ...] = (
    (APPLY, "帮助申请"), (NOT_ELIGIBLE, "不符合条件"), (REFERRED, "转介其他渠道"),
)
OUTCOME_LABELS = dict(OUTCOMES)

WORKDAYS, CALENDAR_DAYS = "workdays", "days"
DAYS_MAX = 60

#: ``lead_rules`` default entry (see the module docstring for the sources).
DEFAULT_ENTRY: dict[str, Any] = {
    "effective_from": "2000-01-01", "hotline_reply_days": 5, "hotline_reply_unit": WORKDAYS,
    "visit_days": 5, "visit_unit": WORKDAYS, "grid_workers": False,
}
_KEYS = frozenset(DEFAULT_ENTRY)


@dataclass(frozen=True)
class LeadRules:
    hotline_reply_days: int
    hotline_reply_unit: str
    visit_days: int
    visit_unit: str
    grid_workers: bool


def rules_on(entries: Sequence[Mapping[str, Any]] | None, day: date) -> LeadRules:
    """The ``lead_rules`` entry in force on ``day`` (the earliest entry before any)."""
    ordered = sorted(entries or [DEFAULT_ENTRY], key=lambda e: str(e["effective_from"]))
    found = ordered[0]
    for e in ordered:
        if str(e["effective_from"]) <= day.isoformat():
            found = e
    return LeadRules(int(found["hotline_reply_days"]), str(found["hotline_reply_unit"]),
                     int(found["visit_days"]), str(found["visit_unit"]),
                     bool(found["grid_workers"]))


def sources_on(rules: LeadRules) -> tuple[tuple[str, str], ...]:
    """The sources offered: 网格员 only where the county uses them."""
    return tuple(s for s in SOURCES if s[0] != GRID_WORKER or rules.grid_workers)


def _days_ok(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= DAYS_MAX


def validate_setting(key: str, value: Any) -> list[dict[str, Any]]:
    """Setting ``lead_rules``: a non-empty list of entries with the keys of
    :data:`DEFAULT_ENTRY`, days 1..60, units ``workdays`` | ``days``, one per day."""
    def bad() -> ValidationError:
        return ValidationError(key, "invalid", key="lead.rules.invalid", params={"max": DAYS_MAX})
    if not isinstance(value, list) or not value:
        raise bad()
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for e in value:
        if not isinstance(e, dict) or set(e) != _KEYS:
            raise bad()
        if not (_days_ok(e["hotline_reply_days"]) and _days_ok(e["visit_days"])
                and e["hotline_reply_unit"] in (WORKDAYS, CALENDAR_DAYS)
                and e["visit_unit"] in (WORKDAYS, CALENDAR_DAYS)
                and isinstance(e["grid_workers"], bool)):
            raise bad()
        try:
            day = date.fromisoformat(str(e["effective_from"])).isoformat()
        except ValueError:
            raise bad() from None
        if day in seen:
            raise bad()
        seen.add(day)
        out.append({**e, "effective_from": day})
    return sorted(out, key=lambda e: str(e["effective_from"]))


# -- overdue ---------------------------------------------------------------------------------
REPLY_OVERDUE, VISIT_OVERDUE = "reply", "visit"
OVERDUE_LABELS = {REPLY_OVERDUE: "12345回复逾期", VISIT_OVERDUE: "走访逾期"}


def overdue_reasons(*, status: str, source: str, reply_due: date | None, replied_on: date | None,
                    visit_due: date | None, visited: bool, today: date) -> list[str]:
    """Why an open lead is overdue on ``today`` (empty: not overdue). A closed lead is
    never overdue; a 12345 lead is overdue while its reply is not recorded after the
    reply's due day; any lead while nobody has visited after its visit's due day (a
    lead that became an application has been handled: only its reply can be late)."""
    if status == CLOSED:
        return []
    out = []
    if source == HOTLINE and replied_on is None and reply_due is not None and today > reply_due:
        out.append(REPLY_OVERDUE)
    if not visited and status != APPLYING and visit_due is not None and today > visit_due:
        out.append(VISIT_OVERDUE)
    return out


__all__ = [
    "APPLICATION_SOURCE", "APPLICATION_SOURCE_DEFAULT", "DEFAULT_ENTRY", "LeadRules",
    "OUTCOMES", "OUTCOME_LABELS", "OVERDUE_LABELS", "SOURCES", "SOURCE_LABELS", "STATUSES",
    "STATUS_LABELS", "overdue_reasons", "rules_on", "sources_on", "validate_setting",
]
