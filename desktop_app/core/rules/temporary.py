"""The township's temporary-assistance ceiling, applied cumulatively (issue #13). Pure.

What the township pays or decides on its own (先行救助 payments and its own 临时救助
decisions with an amount) is summed **per incident** (the application's 急难型/支出型
item) and **per household per calendar year**; a new amount that would take either sum
past the township's ceiling is refused — the only path beyond it is 报县审批 (分级审批).

Sources: 汉中 measure 十五 ("采取分级审批、分阶段救助、跟进救助等方式"), 铜仁
("全面落实'先行救助''分级审批'"), the catalogue note on 支出型 ("同一家庭同一原因一般
一年一次"). No seed gives the figures nor says which sums apply: the ceilings (急难型:
setting ``emergency_ceiling_fen``; 支出型: the catalogue param ``township_ceiling_yuan``)
and the scopes below (setting ``temporary_ceiling_scope``, entries with effective dates)
are ours, to be set from the local rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import ValidationError
from ..messages import Message
from .values import format_yuan

#: Scopes of the cumulative ceiling, in the order they are checked.
INCIDENT, HOUSEHOLD_YEAR = "per_incident", "per_household_year"
SCOPES = (INCIDENT, HOUSEHOLD_YEAR)
#: Default: both sums apply, from any day (ours: no seed gives it, see module doc).
DEFAULT_SCOPE: dict[str, Any] = {"effective_from": "2000-01-01", INCIDENT: True,
                                 HOUSEHOLD_YEAR: True}


#: The words naming each sum in the refusal; the refusal of an amount alone, per item
#: (急难型 keeps the 先行救助 wording it always had).
_SCOPE_MESSAGE_KEYS = {"incident": "ceiling.scope.incident",
                       "household_year": "ceiling.scope.household_year"}
_SINGLE_MESSAGE_KEYS = {"LINSHI_URGENT": "emergency.above_ceiling",
                        "LINSHI_EXPENSE": "ceiling.single"}


@dataclass(frozen=True)
class Paid:
    """One amount the township already paid or decided: a 先行救助 payment or the
    counted part of a township decision on a temporary-assistance item."""

    item_id: int
    fen: int
    on: date


def scope_on(entries: Sequence[dict[str, Any]], day: date) -> dict[str, Any]:
    """The scope entry in force on ``day`` (the latest ``effective_from`` not after it;
    before every entry, the earliest)."""
    ordered = sorted(entries, key=lambda e: str(e["effective_from"]))
    found = ordered[0] if ordered else DEFAULT_SCOPE
    for e in ordered:
        if str(e["effective_from"]) <= day.isoformat():
            found = e
    return found


def check(amount_fen: int, ceiling_fen: int, item_id: int, day: date, paid: Iterable[Paid],
          scope: dict[str, Any], *, replaces_item: bool = False,
          item_code: str = "LINSHI_EXPENSE") -> ValidationError | None:
    """The refusal (field ``amount``, code ``ceiling``) if ``amount_fen`` on item
    ``item_id`` on ``day`` takes a sum past ``ceiling_fen``, else None.

    ``paid``: the household's earlier township amounts (any year; this function keeps the
    item's own for the incident sum and ``day``'s calendar year for the household sum).
    ``replaces_item``: the amount is the item's total (a decision that includes the
    先行救助 already paid on it) — the item counts ``max(amount, paid on it)``.
    Equal to the ceiling passes; one fen over is refused.
    """
    rows = list(paid)
    on_item = [p for p in rows if p.item_id == item_id]
    item_paid = sum(p.fen for p in on_item)
    if replaces_item:
        item_total = max(amount_fen, item_paid)
        added = item_total - item_paid
    else:
        item_total = item_paid + amount_fen
        added = amount_fen
    if scope.get(INCIDENT) and item_total > ceiling_fen:
        return _refusal(item_code, amount_fen, ceiling_fen, "incident", on_item, item_total)
    if scope.get(HOUSEHOLD_YEAR):
        year = [p for p in rows if p.on.year == day.year]
        total = sum(p.fen for p in year) + added
        if total > ceiling_fen:
            return _refusal(item_code, amount_fen, ceiling_fen, "household_year", year, total,
                            day.year)
    if amount_fen > ceiling_fen:  # neither sum applies: the amount alone (per payment)
        return _refusal(item_code, amount_fen, ceiling_fen, "incident", [], amount_fen)
    return None


def _refusal(item_code: str, amount: int, ceiling: int, where: str, earlier: list[Paid],
             total: int, year: int | None = None) -> ValidationError:
    if not earlier:
        return ValidationError("amount", "ceiling", key=_SINGLE_MESSAGE_KEYS.get(
            item_code, "ceiling.single"), params={
            "amount": format_yuan(amount), "ceiling": format_yuan(ceiling)})
    return ValidationError("amount", "ceiling", key="ceiling.cumulative", params={
        "amount": format_yuan(amount),
        "scope": Message(_SCOPE_MESSAGE_KEYS[where], {"year": year} if year else {}),
        "count": len(earlier), "paid": format_yuan(sum(p.fen for p in earlier)),
        "total": format_yuan(total), "ceiling": format_yuan(ceiling)})


def validate_scope(key: str, value: Any) -> list[dict[str, Any]]:
    """Setting ``temporary_ceiling_scope``: a non-empty list of entries
    ``{"effective_from": "YYYY-MM-DD", "per_incident": bool, "per_household_year": bool}``,
    one per day."""
    if not isinstance(value, list) or not value:
        raise ValidationError(key, "invalid", key="ceiling.scope.invalid")
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for e in value:
        if not isinstance(e, dict) or set(e) != {"effective_from", *SCOPES} \
                or not all(isinstance(e[s], bool) for s in SCOPES):
            raise ValidationError(key, "invalid", key="ceiling.scope.invalid")
        try:
            day = date.fromisoformat(str(e["effective_from"])).isoformat()
        except ValueError:
            raise ValidationError(key, "invalid", key="ceiling.scope.invalid") from None
        if day in seen:
            raise ValidationError(key, "duplicate", key="ceiling.scope.invalid")
        seen.add(day)
        out.append({"effective_from": day, **{s: e[s] for s in SCOPES}})
    return sorted(out, key=lambda e: e["effective_from"])


# -- issue 13 — temporary assistance under control: the 24-hour clock and amount bands ----

#: 先行救助 clock. Source: 泰安 2022 工作方案 — "全面落实乡镇临时救助备用金制度和急难对象
#: 24小时先行救助制度"; the catalogue's ``first_aid_hours`` (24) is the default, a local
#: rule may set another figure (e.g. 48) as a dated entry of the setting ``first_aid_hours``.
FIRST_AID_HOURS_MAX = 168


def first_aid_hours_on(entries: Sequence[dict[str, Any]], day: date, default: int | None
                       ) -> int | None:
    """Hours of the 先行救助 clock in force on ``day``: the latest entry of the setting
    ``first_aid_hours`` not after ``day``, else ``default`` (the catalogue's figure;
    None = the item has no clock)."""
    found = default
    for e in sorted(entries, key=lambda e: str(e["effective_from"])):
        if str(e["effective_from"]) <= day.isoformat():
            found = int(e["hours"])
    return found


def validate_first_aid_hours(key: str, value: Any) -> list[dict[str, Any]]:
    """Setting ``first_aid_hours``: a list (empty = the catalogue's figure) of entries
    ``{"effective_from": "YYYY-MM-DD", "hours": 1..168}``, one per day."""
    if not isinstance(value, list):
        raise ValidationError(key, "invalid", key="first_aid.hours.invalid",
                              params={"max": FIRST_AID_HOURS_MAX})
    out: list[dict[str, Any]] = []
    for e in value:
        if not isinstance(e, dict) or set(e) != {"effective_from", "hours"} \
                or isinstance(e["hours"], bool) or not isinstance(e["hours"], int) \
                or not 1 <= e["hours"] <= FIRST_AID_HOURS_MAX:
            raise ValidationError(key, "invalid", key="first_aid.hours.invalid",
                                  params={"max": FIRST_AID_HOURS_MAX})
        out.append({"effective_from": _day(key, e["effective_from"]), "hours": e["hours"]})
    if len({e["effective_from"] for e in out}) != len(out):
        raise ValidationError(key, "duplicate", key="first_aid.hours.invalid",
                              params={"max": FIRST_AID_HOURS_MAX})
    return sorted(out, key=lambda e: e["effective_from"])


def _day(key: str, value: Any) -> str:
    try:
        return date.fromisoformat(str(value)).isoformat()
    except ValueError:
        raise ValidationError(key, "invalid", key="temporary.bad_date") from None


#: Amount bands (分档) per type. Sources: 汉中 measure 十五 ("采取分级审批、分阶段救助、
#: 跟进救助等方式"), 重庆 ("持续实施基本生活困难急难型和支出型临时救助，依据困难情况分类予以
#: 救助"). No seed gives the figures nor the causes: the default table is ours, to be
#: replaced by the county's (a dated entry of the setting ``temporary_bands``). A band only
#: suggests: the clerk decides the amount, the ceiling check refuses above the ceiling.
BAND_TYPES = {"LINSHI_URGENT": "urgent", "LINSHI_EXPENSE": "expense"}
BAND_TYPE_LABELS = {"urgent": "急难型", "expense": "支出型"}
DEFAULT_BANDS: dict[str, Any] = {
    "effective_from": "2000-01-01",
    "source": "汉中30条措施（十五）“分级审批、分阶段救助”；重庆“依据困难情况分类予以救助”"
              "（档次金额为本系统默认值，请按本地规定修改）",
    "bands": [
        {"type": "urgent", "name": "一档", "from_yuan": 0, "to_yuan": 1000,
         "causes": ["生活无着", "临时困难", "走失", "流浪"]},
        {"type": "urgent", "name": "二档", "from_yuan": 1000, "to_yuan": 2000,
         "causes": ["交通事故", "意外伤害", "突发疾病", "急病"]},
        {"type": "urgent", "name": "三档", "from_yuan": 2000, "to_yuan": 3000,
         "causes": ["火灾", "失火", "房屋倒塌", "自然灾害", "死亡"]},
        {"type": "expense", "name": "一档", "from_yuan": 0, "to_yuan": 1000,
         "causes": ["教育", "学费", "就学"]},
        {"type": "expense", "name": "二档", "from_yuan": 1000, "to_yuan": 2000,
         "causes": ["医疗", "住院", "门诊"]},
        {"type": "expense", "name": "三档", "from_yuan": 2000, "to_yuan": 3000,
         "causes": ["重病", "大病", "重大疾病", "手术"]},
    ],
}


@dataclass(frozen=True)
class Band:
    type: str
    name: str
    from_fen: int
    to_fen: int
    causes: tuple[str, ...]


@dataclass(frozen=True)
class BandHint:
    """What the dialogs show: the band of the amount typed and/or of the cause."""

    by_amount: Band | None
    by_cause: Band | None
    above: bool            # the amount is above every band of the type
    source: str


def bands_on(entries: Sequence[dict[str, Any]], day: date) -> dict[str, Any]:
    """The ``temporary_bands`` entry in force on ``day`` (like :func:`scope_on`)."""
    ordered = sorted(entries, key=lambda e: str(e["effective_from"]))
    found = ordered[0] if ordered else DEFAULT_BANDS
    for e in ordered:
        if str(e["effective_from"]) <= day.isoformat():
            found = e
    return found


def bands_of(entry: dict[str, Any], item_code: str) -> list[Band]:
    kind = BAND_TYPES.get(item_code)
    return [Band(b["type"], b["name"], round(b["from_yuan"] * 100), round(b["to_yuan"] * 100),
                 tuple(b.get("causes", ()))) for b in entry["bands"] if b["type"] == kind]


def suggest_band(entry: dict[str, Any], item_code: str, amount_fen: int | None,
                 cause: str = "") -> BandHint:
    """The band whose range holds ``amount_fen`` (from exclusive, to inclusive; the first
    band includes its lower bound) and the highest band one of whose causes occurs in
    ``cause``. Suggests only — never decides."""
    bands = bands_of(entry, item_code)
    by_amount = None
    above = False
    if amount_fen is not None and bands:
        for i, b in enumerate(bands):
            if (b.from_fen < amount_fen or (i == 0 and amount_fen >= b.from_fen)) \
                    and amount_fen <= b.to_fen:
                by_amount = b
                break
        above = by_amount is None and amount_fen > max(b.to_fen for b in bands)
    text = cause or ""
    # Several causes may match (火灾 leaves a family 生活无着): the highest band named.
    by_cause = next((b for b in reversed(bands) if any(c and c in text for c in b.causes)),
                    None)
    return BandHint(by_amount, by_cause, above, str(entry.get("source", "")))


def validate_bands(key: str, value: Any) -> list[dict[str, Any]]:
    """Setting ``temporary_bands``: a non-empty list of entries ``{"effective_from",
    "source", "bands": [{"type": urgent|expense, "name", "from_yuan", "to_yuan",
    "causes": [text…]}]}``; per type the bands ascend without overlapping."""
    def bad() -> ValidationError:
        return ValidationError(key, "invalid", key="temporary.bands.invalid")

    if not isinstance(value, list) or not value:
        raise bad()
    out: list[dict[str, Any]] = []
    for e in value:
        if not isinstance(e, dict) or set(e) != {"effective_from", "source", "bands"} \
                or not isinstance(e["source"], str) or not e["source"].strip() \
                or not isinstance(e["bands"], list) or not e["bands"]:
            raise bad()
        bands: list[dict[str, Any]] = []
        for b in e["bands"]:
            if not isinstance(b, dict) or set(b) != {"type", "name", "from_yuan", "to_yuan",
                                                     "causes"} \
                    or b["type"] not in BAND_TYPE_LABELS \
                    or not isinstance(b["name"], str) or not b["name"].strip() \
                    or not all(isinstance(b[k], int | float) and not isinstance(b[k], bool)
                               for k in ("from_yuan", "to_yuan")) \
                    or not 0 <= b["from_yuan"] < b["to_yuan"] \
                    or not isinstance(b["causes"], list) \
                    or not all(isinstance(c, str) for c in b["causes"]):
                raise bad()
            bands.append({"type": b["type"], "name": b["name"].strip(),
                          "from_yuan": b["from_yuan"], "to_yuan": b["to_yuan"],
                          "causes": [c.strip() for c in b["causes"] if c.strip()]})
        for kind in BAND_TYPE_LABELS:
            mine = [b for b in bands if b["type"] == kind]
            if any(x["to_yuan"] > y["from_yuan"] for x, y in zip(mine, mine[1:], strict=False)):
                raise ValidationError(key, "overlap", key="temporary.bands.overlap",
                                      params={"type": BAND_TYPE_LABELS[kind]})
        out.append({"effective_from": _day(key, e["effective_from"]),
                    "source": e["source"].strip(), "bands": bands})
    if len({e["effective_from"] for e in out}) != len(out):
        raise bad()
    return sorted(out, key=lambda e: e["effective_from"])
