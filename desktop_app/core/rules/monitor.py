"""低收入人口动态监测, the township's part (issue 15 item 4): which households are on the
local monitoring list, why, and when the next visit is due. Pure functions.

Reasons (codes, in list order):

* ``edge``: a 低保边缘家庭 whose recognition is in force (task DIBAO_EDGE done, period not
  ended);
* ``rigid``: a 刚性支出困难家庭 likewise (task RIGID);
* ``refused``: refused 低保 (or 低保边缘) in the last ``refusal_months`` months with a net
  income per head below ``refusal_ratio_percent`` % of the 低保标准 it was measured
  against — near the line, likely to fall below it;
* ``temporary``: received 临时救助 (a task done, or a 先行救助 paid) in the last
  ``temporary_months`` months;
* ``taper``: a 渐退 period (民发〔2021〕57号; 重庆: 6 months) ending within
  ``taper_days`` days or ended in the last ``taper_days`` days;
* ``warning``: on a county warning list (县级预警名单) and not withdrawn.

The setting ``monitoring`` (entries with effective dates; the entry in force today
applies) holds these numbers and the visit interval per reason (``visit_days``; for
county warnings by risk). Sources: 重庆 十四五 "建立低收入人口动态监测信息平台 … 早预警、
早发现、早帮扶" and 泰安 "低收入人口动态监测" ask for the monitoring without numbers; the
民政部 2024 低收入人口动态监测 guidance was not checked (wording not checked): every
number of the default entry is ours, said so in the entry's ``source``. The refusal
ratio 150 % follows the 低保边缘 line (1.5 × the 低保标准, the ``edge_percent`` of the
standards) and 重庆's 渐退 band ("超过低保标准但低于低保标准1.5倍").
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..errors import ValidationError

REASONS = ("warning", "taper", "refused", "temporary", "edge", "rigid")
REASON_LABELS = {
    "warning": "县级预警", "taper": "渐退到期", "refused": "未获批但接近低保标准",
    "temporary": "近期获临时救助", "edge": "低保边缘家庭", "rigid": "刚性支出困难家庭",
}
RISKS = ("high", "medium", "low")
RISK_LABELS = {"high": "高", "medium": "中", "low": "低"}
VISIT_KEYS = ("edge", "rigid", "refused", "temporary", "taper",
              "warning_high", "warning_medium", "warning_low")
#: Outcomes of a monitoring visit.
OUTCOMES = ("keep", "lead", "change", "close")
OUTCOME_LABELS = {"keep": "继续监测", "lead": "需要帮扶（转主动发现线索）",
                  "change": "情况变化（变更申报）", "close": "已无风险，移出名单"}

DEFAULT_ENTRY: dict[str, Any] = {
    "effective_from": "2000-01-01",
    "refusal_ratio_percent": 150,
    "refusal_months": 12,
    "temporary_months": 6,
    "taper_days": 60,
    "visit_days": {"edge": 180, "rigid": 180, "refused": 90, "temporary": 90, "taper": 30,
                   "warning_high": 7, "warning_medium": 30, "warning_low": 90},
    "source": "ours",
}
_LIMITS = {"refusal_ratio_percent": (100, 300), "refusal_months": (1, 36),
           "temporary_months": (1, 36), "taper_days": (1, 366)}
_FIELDS = {"effective_from", "source", "visit_days", *_LIMITS}
VISIT_DAYS_MAX = 366
SOURCE_MAX = 200


def _bad(key: str, code: str = "invalid") -> ValidationError:
    return ValidationError(key, code, key="monitor.setting_invalid")


def _whole(v: Any, lo: int, hi: int) -> bool:
    return isinstance(v, int) and not isinstance(v, bool) and lo <= v <= hi


def validate_setting(key: str, value: Any) -> list[dict[str, Any]]:
    """Setting ``monitoring``: a non-empty list of entries (one per effective date) with
    the fields of :data:`DEFAULT_ENTRY`; ``source`` says where the numbers come from
    ("ours" when no document gives them)."""
    if not isinstance(value, list) or not value:
        raise _bad(key)
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for e in value:
        if not isinstance(e, dict) or set(e) != _FIELDS:
            raise _bad(key)
        if not all(_whole(e[f], lo, hi) for f, (lo, hi) in _LIMITS.items()):
            raise _bad(key)
        days = e["visit_days"]
        if not isinstance(days, dict) or set(days) != set(VISIT_KEYS) \
                or not all(_whole(days[k], 1, VISIT_DAYS_MAX) for k in VISIT_KEYS):
            raise _bad(key)
        source = e["source"]
        if not isinstance(source, str) or not source.strip() or len(source) > SOURCE_MAX:
            raise _bad(key)
        try:
            day = date.fromisoformat(str(e["effective_from"])).isoformat()
        except ValueError:
            raise _bad(key) from None
        if day in seen:
            raise _bad(key, "duplicate")
        seen.add(day)
        out.append({"effective_from": day, **{f: e[f] for f in _LIMITS},
                    "visit_days": {k: days[k] for k in VISIT_KEYS}, "source": source.strip()})
    return sorted(out, key=lambda e: e["effective_from"])


def entry_on(entries: Sequence[Mapping[str, Any]] | None, day: date) -> Mapping[str, Any]:
    """The ``monitoring`` entry in force on ``day`` (before every entry: the earliest)."""
    ordered = sorted(entries or [DEFAULT_ENTRY], key=lambda e: str(e["effective_from"]))
    found = ordered[0]
    for e in ordered:
        if str(e["effective_from"]) <= day.isoformat():
            found = e
    return found


def add_months(day: date, months: int) -> date:
    """``day`` moved by ``months`` calendar months (the last day when the month is shorter)."""
    m = day.month - 1 + months
    year, month = day.year + m // 12, m % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def near_threshold(net_per_capita_fen: int | None, standard_fen: int, ratio_percent: int) -> bool:
    """A refused household's net income per head is below ``ratio_percent`` % of the
    standard (unknown income: not near — the list names only what the figures say)."""
    if net_per_capita_fen is None or standard_fen <= 0:
        return False
    return net_per_capita_fen * 100 < standard_fen * ratio_percent


@dataclass(frozen=True)
class Reason:
    """Why a household is on the list: ``code`` (:data:`REASONS`), since when, a short
    Chinese text (figures, dates; never a name or an ID number) and, for a county
    warning, its risk."""

    code: str
    since: date
    text: str
    risk: str = ""

    @property
    def visit_key(self) -> str:
        return f"warning_{self.risk or 'medium'}" if self.code == "warning" else self.code


def interval_days(reasons: Iterable[Reason], entry: Mapping[str, Any]) -> int:
    """The visit interval of a household: the shortest of its reasons'."""
    days = entry["visit_days"]
    return min(int(days[r.visit_key]) for r in reasons)


def next_visit_due(reasons: Sequence[Reason], entry: Mapping[str, Any],
                   last_visit: date | None, last_next: date | None) -> date:
    """When the next visit is due: the date the last visit set (``last_next``), else
    the last visit + the interval; never visited — each reason's start + its interval,
    the earliest (a new county warning of high risk: within 7 days by default)."""
    if last_next is not None:
        return last_next
    if last_visit is not None:
        return last_visit + timedelta(days=interval_days(reasons, entry))
    days = entry["visit_days"]
    return min(r.since + timedelta(days=int(days[r.visit_key])) for r in reasons)


def order_key(reasons: Sequence[Reason]) -> int:
    """Rank for sorting: the most pressing reason first (:data:`REASONS` order)."""
    return min(REASONS.index(r.code) for r in reasons)


__all__ = ["DEFAULT_ENTRY", "OUTCOMES", "OUTCOME_LABELS", "REASONS", "REASON_LABELS", "RISKS",
           "RISK_LABELS", "Reason", "VISIT_KEYS", "add_months", "entry_on", "interval_days",
           "near_threshold", "next_visit_due", "order_key", "validate_setting"]
