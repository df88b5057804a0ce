"""特困 care (issue 15 item 5): the self-care assessment (生活自理能力评估), 集中 / 分散供养 and
the 委托照料协议's term and reminder. Pure.

Sources:

* 民发〔2021〕43号《特困人员认定办法》 (and 民发〔2016〕178号 before it): "特困人员生活自理
  能力，一般依据以下6项指标综合评估：（一）自主吃饭；（二）自主穿衣；（三）自主上下床；
  （四）自主如厕；（五）室内自主行走；（六）自主洗澡。" — "6项指标全部达到的，可以视为具备
  生活自理能力；有3项以下（含3项）指标不能达到的，可以视为部分丧失生活自理能力；有4项以上
  （含4项）指标不能达到的，可以视为完全丧失生活自理能力。" (wording checked against
  provincial copies of the text — 河南 豫民〔2021〕7号 and county pages quoting it; the
  article number in 43号 not checked). The threshold (4 items) is the dated setting's
  ``full_from_failed``; a county using GB/T 42195-2022 老年人能力评估规范 instead keeps the
  six items here and records its own level by setting the threshold.
* 汉中 30条 measure 十九 (seed 001): "实施特困人员自理能力评估，加强分散供养特困人员日常
  照料服务，全面签订委托照料协议"; 重庆 十四五 (seed 004): "分散供养失能特困人员委托照料
  服务协议签订率均达到100%" — every 分散供养 person who has lost self-care (partly or
  wholly) needs an agreement: :func:`needs_agreement`.
* 43号 on 分散供养: the township may entrust 亲友, 村（居）民委员会, 供养服务机构 or social
  organisations with 日常看护、生活照料、住院陪护 (wording not checked): :data:`SERVICES`,
  :data:`CARETAKER_KINDS`.
* 照料护理标准 by level: set by each province/county (43号 leaves it local). The default
  amounts are **ours** (placeholders to be replaced by the county's figures); the default
  term of an agreement (12 months: agreements are commonly signed yearly) and the reminder
  (30 days before the end) are **ours** too.
"""

from __future__ import annotations

import calendar as _calendar
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import ValidationError

#: The six indicators (code, label) of 43号, in its order.
INDICATORS = (
    ("eat", "自主吃饭"), ("dress", "自主穿衣"), ("bed", "自主上下床"),
    ("toilet", "自主如厕"), ("walk", "室内自主行走"), ("bath", "自主洗澡"),
)
INDICATOR_CODES = tuple(c for c, _ in INDICATORS)

ABLE, PARTIAL, FULL = "able", "partial", "full"
#: Levels (code, label) in 43号's words.
LEVELS = (
    (ABLE, "具备生活自理能力"),
    (PARTIAL, "部分丧失生活自理能力"),
    (FULL, "完全丧失生活自理能力"),
)
LEVEL_LABELS = dict(LEVELS)

CENTRALIZED, DISPERSED = "centralized", "dispersed"
MODES = ((CENTRALIZED, "集中供养"), (DISPERSED, "分散供养"))
MODE_LABELS = dict(MODES)

#: Who is entrusted with the care of a 分散供养 person (43号, wording not checked).
CARETAKER_KINDS = (
    ("relative", "亲友"), ("village", "村（居）民委员会"),
    ("institution", "供养服务机构"), ("organisation", "社会组织／社会工作服务机构"),
)
#: What the agreement covers (43号: 日常看护、生活照料、住院陪护; the rest ours).
SERVICES = (
    ("watch", "日常看护"), ("daily", "生活照料"), ("hospital", "住院陪护"),
    ("meals", "助餐送餐"), ("cleaning", "居室清洁"), ("errands", "代购代办"),
)
SERVICE_LABELS = dict(SERVICES)

#: Setting ``care`` (entries with effective dates): ``full_from_failed`` — at least this
#: many indicators not met = 完全丧失 (43号: 4), fewer but some = 部分丧失, none = 具备;
#: ``standards_fen`` — the monthly 照料护理标准 per level (ours); ``term_months`` — the
#: default term of a 委托照料协议 (ours); ``remind_days`` — an agreement ending within this
#: many days is listed (ours).
DEFAULT_ENTRY: dict[str, Any] = {
    "effective_from": "2021-01-01", "full_from_failed": 4,
    "standards_fen": {ABLE: 10_000, PARTIAL: 40_000, FULL: 80_000},
    "term_months": 12, "remind_days": 30,
}
_KEYS = frozenset(DEFAULT_ENTRY)
TERM_MONTHS_MAX = 60
REMIND_DAYS_MAX = 180
STANDARD_MAX_FEN = 10_000_00


@dataclass(frozen=True)
class Assessment:
    """The result: indicators not met (codes, in 43号's order), their count, the level."""

    failed: tuple[str, ...]
    level: str

    @property
    def failed_count(self) -> int:
        return len(self.failed)

    @property
    def reason(self) -> str:
        """The rules' own sentence, e.g. ``6项指标中2项不能达到（自主穿衣、自主洗澡）``."""
        if not self.failed:
            return "6项指标全部达到"
        names = "、".join(dict(INDICATORS)[c] for c in self.failed)
        return f"6项指标中{len(self.failed)}项不能达到（{names}）"


def entry_on(entries: Sequence[Mapping[str, Any]] | None, day: date) -> dict[str, Any]:
    """The ``care`` entry in force on ``day`` (before every entry: the earliest)."""
    ordered = sorted(entries or [DEFAULT_ENTRY], key=lambda e: str(e["effective_from"]))
    found = ordered[0]
    for e in ordered:
        if str(e["effective_from"]) <= day.isoformat():
            found = e
    return dict(found)


def level_of(failed_count: int, entry: Mapping[str, Any]) -> str:
    """具备 / 部分丧失 / 完全丧失 from the number of indicators not met."""
    if failed_count <= 0:
        return ABLE
    return FULL if failed_count >= int(entry["full_from_failed"]) else PARTIAL


def assess(met: Mapping[str, bool], entry: Mapping[str, Any]) -> Assessment:
    """Assess the six indicators (``met[code]``: the person does it alone). Every
    indicator must be answered: a missing one raises (field ``indicators.<code>``)."""
    missing = [c for c in INDICATOR_CODES if not isinstance(met.get(c), bool)]
    if missing:
        raise ValidationError(f"indicators.{missing[0]}", "required", key="care.indicator_required",
                              params={"name": dict(INDICATORS)[missing[0]]})
    failed = tuple(c for c in INDICATOR_CODES if not met[c])
    return Assessment(failed, level_of(len(failed), entry))


def standard_fen(entry: Mapping[str, Any], level: str) -> int:
    """The monthly 照料护理标准 of ``level`` in ``entry``."""
    return int(entry["standards_fen"][level])


def needs_agreement(mode: str, level: str) -> bool:
    """重庆: every 分散供养 失能 person (部分 or 完全丧失) has a 委托照料协议."""
    return mode == DISPERSED and level in (PARTIAL, FULL)


def default_end(starts_on: date, months: int) -> date:
    """The last day of a term of ``months`` starting on ``starts_on`` (2027-01-01 + 12
    months → 2027-12-31; 01-31 + 1 month → 02-28/29)."""
    total = starts_on.year * 12 + starts_on.month - 1 + months
    year, month = divmod(total, 12)
    day = min(starts_on.day, _calendar.monthrange(year, month + 1)[1])
    end = date(year, month + 1, day)
    return date.fromordinal(end.toordinal() - 1)


def days_left(ends_on: date, today: date) -> int:
    """Days until the last day of the agreement (0 = ends today, negative = ended)."""
    return (ends_on - today).days


def ending_soon(ends_on: date, today: date, remind_days: int) -> bool:
    """The agreement ends within ``remind_days`` (or has ended without being renewed)."""
    return days_left(ends_on, today) <= remind_days


# -- the setting ------------------------------------------------------------------------------

def _bad() -> ValidationError:
    return ValidationError("care", "invalid", key="care.setting_invalid",
                           params={"term": TERM_MONTHS_MAX, "remind": REMIND_DAYS_MAX})


def _int_in(value: Any, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _entry(e: Any) -> dict[str, Any]:
    if not isinstance(e, dict) or set(e) != _KEYS:
        raise _bad()
    try:
        day = date.fromisoformat(str(e["effective_from"])).isoformat()
    except ValueError:
        raise _bad() from None
    std = e["standards_fen"]
    if not (_int_in(e["full_from_failed"], 1, 6) and _int_in(e["term_months"], 1, TERM_MONTHS_MAX)
            and _int_in(e["remind_days"], 0, REMIND_DAYS_MAX)
            and isinstance(std, dict) and set(std) == {ABLE, PARTIAL, FULL}
            and all(_int_in(std[k], 0, STANDARD_MAX_FEN) for k in std)):
        raise _bad()
    return {"effective_from": day, "full_from_failed": e["full_from_failed"],
            "standards_fen": {k: std[k] for k in (ABLE, PARTIAL, FULL)},
            "term_months": e["term_months"], "remind_days": e["remind_days"]}


def validate_setting(key: str, value: Any) -> list[dict[str, Any]]:
    """Setting ``care``: a non-empty list of entries like :data:`DEFAULT_ENTRY`, one per
    day (``full_from_failed`` 1–6, ``term_months`` 1–60, ``remind_days`` 0–180, the three
    standards 0–10,000.00 yuan in fen)."""
    if not isinstance(value, list) or not value:
        raise _bad()
    out = [_entry(e) for e in value]
    if len({e["effective_from"] for e in out}) != len(out):
        raise _bad()
    return sorted(out, key=lambda e: e["effective_from"])


#: The message keys this module raises (desktop_app/core/messages.py).
_CARE_RULE_MESSAGE_KEYS = ("care.indicator_required", "care.setting_invalid")
