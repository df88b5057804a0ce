"""The township's 临时救助备用金 (temporary-assistance reserve fund) ledger. Pure.

The county (or the township's finance office) puts money into the fund (拨入); the
window pays urgent temporary assistance out of it at once — a 先行救助 or a township
临时救助 decision — (支付); money given back goes in again (退回); payments are
submitted to the county in 报账 batches, and the county's reimbursement is a new 拨入.
A payment larger than the balance is refused with the figures.

Sources: 泰安 2022 工作方案 ("全面落实乡镇临时救助备用金制度和急难对象24小时先行救助制度"),
重庆 十四五 ("全面建立健全乡镇（街道）临时救助备用金制度，提升救助实效"), 汉中 30条
measure 十五 ("嚴格落實鎮（街道）臨時救助儲備金制度。采取分級審批、分階段救助、跟進救助
等方式，提高救助時效"). No seed gives the fund's size, how it is replenished, nor whether
a 先行救助 is always paid from it: those are local (setting ``reserve_fund``).

**The balance a payment may use** on day ``d``: the ledger runs in the order the lines
happened (day, then the order recorded); a new payment goes at the end of its day, and
it may not make any running balance after it negative — the balance at the end of ``d``
and every running balance of the later days (a back-dated payment must not leave a day
the money was really paid overdrawn). So no running balance of the ledger is ever
negative.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from ..errors import ValidationError
from .values import format_yuan

RECEIPT, PAYMENT, REFUND = "receipt", "payment", "refund"
KINDS = (RECEIPT, PAYMENT, REFUND)
#: The direction of each kind: +1 money in, -1 money out.
SIGN = {RECEIPT: 1, PAYMENT: -1, REFUND: 1}

#: Setting ``reserve_fund`` (entries with effective dates). ``enabled``: the township
#: keeps the ledger (its page, its verbs); ``emergency_draws``: a 先行救助 paid in cash or
#: by transfer is drawn from the fund in the same transaction (refused on overdraw).
#: Default: off — the program cannot know the fund's balance; a township turns it on
#: once its first 拨入 is recorded (ours: the seeds require the fund, not how it is kept).
DEFAULT_ENTRY: dict[str, Any] = {"effective_from": "2000-01-01", "enabled": False,
                                 "emergency_draws": True}
_FLAGS = ("enabled", "emergency_draws")


@dataclass(frozen=True)
class Line:
    """One ledger entry as the rules see it: its id (the order it was recorded), day,
    kind and amount (positive fen)."""

    id: int
    on: date
    kind: str
    fen: int

    @property
    def signed(self) -> int:
        return SIGN[self.kind] * self.fen


def ledger_order(line: Line) -> tuple[date, int]:
    """Day, then the order recorded."""
    return (line.on, line.id)


def balance(lines: Iterable[Line], on: date) -> int:
    """The balance at the end of ``on``."""
    return sum(x.signed for x in lines if x.on <= on)


def running(lines: Iterable[Line], opening: int = 0) -> list[tuple[Line, int]]:
    """``lines`` in ledger order, each with the balance after it."""
    out: list[tuple[Line, int]] = []
    total = opening
    for x in sorted(lines, key=ledger_order):
        total += x.signed
        out.append((x, total))
    return out


def available(lines: Sequence[Line], on: date) -> int:
    """What a payment dated ``on`` may use: the lowest of the balance at the end of
    ``on`` and every running balance after it (see the module doc). Never below 0 for a
    valid ledger."""
    after = [bal for x, bal in running(lines) if x.on > on]
    return min([balance(lines, on), *after])


def check_payment(amount_fen: int, lines: Sequence[Line], on: date) -> ValidationError | None:
    """The refusal (field ``amount``, code ``overdraw``) of a payment larger than the
    balance it may use, with both figures; None when it fits (equal passes)."""
    room = available(lines, on)
    if amount_fen <= room:
        return None
    return ValidationError("amount", "overdraw", key="reserve.overdraw", params={
        "day": on.isoformat(), "balance": format_yuan(room), "amount": format_yuan(amount_fen),
        "short": format_yuan(amount_fen - room)})


# -- the setting ---------------------------------------------------------------------------

def setting_on(entries: Sequence[dict[str, Any]] | None, day: date) -> dict[str, Any]:
    """The ``reserve_fund`` entry in force on ``day`` (before every entry: the earliest)."""
    ordered = sorted(entries or [DEFAULT_ENTRY], key=lambda e: str(e["effective_from"]))
    found = ordered[0]
    for e in ordered:
        if str(e["effective_from"]) <= day.isoformat():
            found = e
    return found


def validate_setting(key: str, value: Any) -> list[dict[str, Any]]:
    """Setting ``reserve_fund``: a non-empty list of entries ``{"effective_from":
    "YYYY-MM-DD", "enabled": bool, "emergency_draws": bool}``, one per day."""
    if not isinstance(value, list) or not value:
        raise ValidationError(key, "invalid", key="reserve.setting_invalid")
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for e in value:
        if not isinstance(e, dict) or set(e) != {"effective_from", *_FLAGS} \
                or not all(isinstance(e[f], bool) for f in _FLAGS):
            raise ValidationError(key, "invalid", key="reserve.setting_invalid")
        try:
            day = date.fromisoformat(str(e["effective_from"])).isoformat()
        except ValueError:
            raise ValidationError(key, "invalid", key="reserve.setting_invalid") from None
        if day in seen:
            raise ValidationError(key, "duplicate", key="reserve.setting_invalid")
        seen.add(day)
        out.append({"effective_from": day, **{f: e[f] for f in _FLAGS}})
    return sorted(out, key=lambda e: e["effective_from"])
