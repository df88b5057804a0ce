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
