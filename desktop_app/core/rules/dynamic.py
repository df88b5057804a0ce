"""动态管理 (issue 15 items 1, 2): the re-check class, intervals, 渐退 and amounts in force.

Pure functions over the facts and the dated setting ``dynamic_review`` (entries with
``effective_from``, like ``publicity_days``):

* **Class** (:func:`derive_class`, 民发〔2021〕57号 分类管理; 汉中 measure 五 "按照特困
  人员和A、B类低保对象一年一次、C类低保对象半年一次开展核查"): a household whose counted
  members include someone of working age able to work **and** whose income is irregular
  (an income line of ``irregular_incomes``, or such a member in one of
  ``irregular_employments``) is **C** (57号 art. 31 "对收入来源不固定、家庭成员有劳动
  能力的低保家庭，原则上每半年核查一次" — wording not checked); a household with nobody
  able to work is **A** (基本生活长期困难, stable); everyone else **B** (短期内收入变化
  不大). The months per class stay in the setting ``review_months``.
* **渐退** (:func:`taper_ends_on`): 重庆 "对家庭收入发生变化，家庭月人均收入超过低保标准
  但低于低保标准1.5倍的给予6个月渐退期"; 汉中 measure 四 (渐退帮扶). ``taper_months``
  (default 6) and ``taper_ceiling_percent`` (150) come from the setting.
* **Amount in force** (:func:`amount_in_force`): the grant, then every decision from its
  ``effective_month`` on: an adjustment replaces the amount, a 渐退 keeps it until the end
  of the period, a stop ends it.
* **Suggestion** (:func:`suggest`): continue / adjust / taper / stop for a recomputed
  household, with a plain-Chinese reason quoting the numbers.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from ..errors import ValidationError
from ..vocab import INCOME_LABELS
from .assessment import (
    HouseholdFacts,
    IncomeFigures,
    PropertyResult,
    age_on,
    counted_members,
    is_severely_disabled,
    yuan,
)
from .eligibility import Policy

#: Items whose households are re-checked, and the status they hold (低保, 特困, 低保边缘,
#: 刚性支出困难).
RECHECKED_ITEMS = ("DIBAO", "TEKUN", "DIBAO_EDGE", "RIGID")
OUTCOMES = ("continue", "adjust", "taper", "stop")
OUTCOME_LABELS = {"continue": "继续享受", "adjust": "调整救助金额", "taper": "渐退",
                  "stop": "停止救助"}
KINDS = ("recheck", "change")
KIND_LABELS = {"recheck": "定期复核", "change": "变更申报"}
CHANGE_KINDS = ("household", "income", "property", "residence")
CHANGE_LABELS = {"household": "家庭人口", "income": "收入", "property": "财产",
                 "residence": "居住地"}
CLASSES = ("A", "B", "C")

#: The default entry of the setting ``dynamic_review``.
DEFAULT_ENTRY: dict[str, Any] = {
    "effective_from": "2021-01-01",
    # 重庆 (seed 004): "给予6个月渐退期"; 汉中 measure 四: 渐退帮扶.
    "taper_months": 6,
    # 重庆/汉中: 月人均收入超过低保标准但低于低保标准1.5倍 → 渐退.
    "taper_ceiling_percent": 150,
    # 57号 分类管理: 收入来源不固定 — income lines that vary month to month (ours).
    "irregular_incomes": ["wage", "farming", "business"],
    "irregular_employments": ["灵活就业", "务农", "登记失业", "未登记失业"],
    # 低保边缘 households: re-checked yearly (民政部 2024 低收入人口动态监测; ours).
    "edge_months": 12,
}
_KEYS = set(DEFAULT_ENTRY)
_NOT_ABLE_EMPLOYMENT = ("无劳动能力", "在校", "退休", "学龄前")


@dataclass(frozen=True)
class ReviewPolicy:
    effective_from: date
    taper_months: int = 6
    taper_ceiling_percent: int = 150
    irregular_incomes: tuple[str, ...] = ("wage", "farming", "business")
    irregular_employments: tuple[str, ...] = ("灵活就业", "务农", "登记失业", "未登记失业")
    edge_months: int = 12


def _policy(e: dict[str, Any]) -> ReviewPolicy:
    return ReviewPolicy(date.fromisoformat(str(e["effective_from"])), int(e["taper_months"]),
                        int(e["taper_ceiling_percent"]), tuple(e["irregular_incomes"]),
                        tuple(e["irregular_employments"]), int(e["edge_months"]))


def policy_on(entries: Sequence[dict[str, Any]], day: date) -> ReviewPolicy:
    """The ``dynamic_review`` entry in force on ``day`` (the earliest one before any)."""
    ordered = sorted(entries or [DEFAULT_ENTRY], key=lambda e: str(e["effective_from"]))
    chosen = ordered[0]
    for e in ordered:
        if str(e["effective_from"]) <= day.isoformat():
            chosen = e
    return _policy({**DEFAULT_ENTRY, **chosen})


def validate_setting(key: str, value: Any) -> list[dict[str, Any]]:
    """Setting ``dynamic_review``: a non-empty list of entries with the keys of
    :data:`DEFAULT_ENTRY`."""
    def bad() -> ValidationError:
        return ValidationError(key, "invalid", key="dynamic.setting.invalid")

    if not isinstance(value, list) or not value:
        raise bad()
    out = []
    for e in value:
        if not isinstance(e, dict) or set(e) != _KEYS:
            raise bad()
        try:
            day = date.fromisoformat(str(e["effective_from"])).isoformat()
        except ValueError:
            raise bad() from None
        months, pct, edge = e["taper_months"], e["taper_ceiling_percent"], e["edge_months"]
        if not all(isinstance(v, int) and not isinstance(v, bool) for v in (months, pct, edge)) \
                or not (1 <= months <= 24 and 100 <= pct <= 300 and 1 <= edge <= 36):
            raise bad()
        if not all(isinstance(x, list) and all(isinstance(i, str) for i in x)
                   for x in (e["irregular_incomes"], e["irregular_employments"])):
            raise bad()
        out.append({**e, "effective_from": day})
    return sorted(out, key=lambda e: e["effective_from"])


# -- months ------------------------------------------------------------------------------------
def month_start(d: date) -> date:
    return d.replace(day=1)


def add_months(d: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's end."""
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    return date(year, month + 1, min(d.day, calendar.monthrange(year, month + 1)[1]))


def month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def parse_month(value: str | date, field: str = "effective_month") -> date:
    """``"2027-01"`` / ``"2027-01-01"`` / a date → the first day of that month."""
    if isinstance(value, date):
        return month_start(value)
    text = str(value).strip()
    try:
        if len(text) == 7:
            return date.fromisoformat(text + "-01")
        return month_start(date.fromisoformat(text))
    except ValueError:
        raise ValidationError(field, "invalid", key="dynamic.month_invalid") from None


def taper_ends_on(effective_month: date, months: int) -> date:
    """The last day of a 渐退 period of ``months`` months from ``effective_month``
    (2027-01, 6 months → 2027-06-30)."""
    return add_months(month_start(effective_month), months) - timedelta(days=1)


# -- the class ---------------------------------------------------------------------------------
def able_members(h: HouseholdFacts, day: date, p: Policy) -> list[str]:
    """Names of the counted members of working age (18–59) able to work."""
    out = []
    for m in counted_members(h):
        age = age_on(m.birth_date, day)
        if age is None or not 18 <= age <= 59:
            continue
        if m.health == "重病" or is_severely_disabled(m, p) or m.employment in _NOT_ABLE_EMPLOYMENT:
            continue
        out.append(m.name)
    return out


def derive_class(h: HouseholdFacts, day: date, rp: ReviewPolicy, p: Policy) -> tuple[str, str]:
    """``(class, reason)`` of a 低保 household (57号 分类管理; see the module)."""
    able = able_members(h, day, p)
    if not able:
        return "A", "家庭成员均为老年人、未成年人、重病、重度残疾或无劳动能力人员，基本生活长期困难"
    irregular = [c for c, v in h.incomes_fen.items() if v and c in rp.irregular_incomes]
    working = [m for m in counted_members(h) if m.name in able
               and m.employment in rp.irregular_employments]
    if irregular or working:
        why = []
        if irregular:
            why.append("、".join(INCOME_LABELS.get(c, c) for c in sorted(irregular)))
        if working:
            why.append("、".join(sorted({m.employment for m in working})))
        # the interval is the setting's (review_months DIBAO_C), shown with the next date
        return "C", f"有劳动能力的家庭成员 {len(able)} 人，收入来源不固定（{'；'.join(why)}）"
    return "B", f"有劳动能力的家庭成员 {len(able)} 人，收入来源相对固定，短期内变化不大"


def interval_months(item_code: str, review_class: str, months: dict[str, int],
                    rp: ReviewPolicy, rigid_validity_months: int) -> int | None:
    """Months to the next re-check of a task (None: not re-checked)."""
    if item_code == "TEKUN":
        return int(months.get("TEKUN") or 12)
    if item_code == "DIBAO":
        return int(months.get(f"DIBAO_{review_class or 'B'}") or 12)
    if item_code == "DIBAO_EDGE":
        return rp.edge_months
    if item_code == "RIGID":
        return rigid_validity_months
    return None


def next_review_on(item_code: str, review_class: str, since: date, months: dict[str, int],
                   rp: ReviewPolicy, rigid_validity_months: int) -> date | None:
    n = interval_months(item_code, review_class, months, rp, rigid_validity_months)
    return add_months(since, n) if n else None


# -- amounts in force ------------------------------------------------------------------------
@dataclass(frozen=True)
class Decision:
    """A recorded outcome as :func:`amount_in_force` reads it."""

    effective_month: date
    outcome: str
    amount_fen: int | None
    taper_ends_on: date | None = None


def amount_in_force(granted_fen: int | None, granted_from: date | None,
                    decisions: Iterable[Decision], month: date) -> int | None:
    """The monthly amount paid in ``month`` (None: nothing): the grant from its month,
    then each decision in force (recorded order, later wins) from its ``effective_month``."""
    m = month_start(month)
    amount = granted_fen if granted_from is None or month_start(granted_from) <= m else None
    for d in decisions:
        if d.effective_month > m:
            continue
        if d.outcome == "adjust":
            amount = d.amount_fen
        elif d.outcome == "taper":
            ends = d.taper_ends_on
            amount = d.amount_fen if ends is None or m <= ends else None
        elif d.outcome == "stop":
            amount = None
    return amount


def status_of(decisions: Sequence[Decision], today: date) -> tuple[str, date | None]:
    """``("active" | "taper" | "stopped", taper end)`` after the decisions."""
    status, ends = "active", None
    for d in decisions:
        if d.outcome == "stop":  # decided (paid until the month before its effective month)
            status, ends = "stopped", None
        elif d.outcome == "taper":
            ends = d.taper_ends_on
            status = "stopped" if ends is not None and ends < today else "taper"
        elif d.outcome in ("adjust", "continue") and status != "stopped":
            status, ends = "active", None
    return status, ends


# -- the suggestion ----------------------------------------------------------------------------
@dataclass(frozen=True)
class ReviewSuggestion:
    outcome: str
    reason: str
    amount_fen: int | None


def suggest(item_code: str, f: IncomeFigures, prop: PropertyResult, previous_fen: int | None,
            rp: ReviewPolicy, edge_standard_fen: int, still_suggested: bool) -> ReviewSuggestion:
    """What the figures suggest for a re-checked task. ``still_suggested``: the
    assessment still suggests the item (低保边缘, 刚性支出, 特困)."""
    std, n = f.standard_fen, f.members
    income = f"{f.text()}，{f.hukou_label}低保标准 {yuan(std)} 元"
    if not prop.ok:
        return ReviewSuggestion("stop", f"{prop.short()}，不再符合条件", None)
    if item_code == "DIBAO":
        if f.net_fen < std * n:
            topup = f.topup_fen
            if previous_fen is not None and topup == previous_fen:
                return ReviewSuggestion("continue", f"{income}；{f.topup_text()}，与现发放金额相同",
                                        previous_fen)
            was = f"（现发放 {yuan(previous_fen)} 元/月）" if previous_fen is not None else ""
            return ReviewSuggestion("adjust", f"{income}；{f.topup_text()}{was}", topup)
        if f.net_fen * 100 < std * n * rp.taper_ceiling_percent:
            return ReviewSuggestion(
                "taper", f"{income}；超过低保标准但低于标准的 {rp.taper_ceiling_percent / 100:g} 倍，"
                         f"给予 {rp.taper_months} 个月渐退期（重庆：完善低保渐退制度）", previous_fen)
        return ReviewSuggestion(
            "stop", f"{income}；达到低保标准的 {rp.taper_ceiling_percent / 100:g} 倍以上，不再符合低保条件",
            None)
    if item_code == "DIBAO_EDGE":
        if still_suggested or f.net_fen < std * n:
            return ReviewSuggestion("continue", f"{income}，低保边缘标准 {yuan(edge_standard_fen)} 元，"
                                                "仍符合低保边缘家庭条件", previous_fen)
        return ReviewSuggestion("stop", f"{income}，不低于低保边缘标准 {yuan(edge_standard_fen)} 元，"
                                        "不再符合低保边缘家庭条件", None)
    if still_suggested:
        return ReviewSuggestion("continue", f"{income}；仍符合条件", previous_fen)
    return ReviewSuggestion("stop", f"{income}；按现有家庭情况已不符合条件，请核实后决定", None)


__all__ = ["CHANGE_KINDS", "CHANGE_LABELS", "CLASSES", "DEFAULT_ENTRY", "Decision", "KINDS",
           "KIND_LABELS", "OUTCOMES", "OUTCOME_LABELS", "RECHECKED_ITEMS", "ReviewPolicy",
           "ReviewSuggestion", "able_members", "add_months", "amount_in_force", "derive_class",
           "interval_months", "month_end", "month_start", "next_review_on", "parse_month",
           "policy_on", "status_of", "suggest", "taper_ends_on", "validate_setting"]
