"""Handling tasks (协同办理): status transitions, deadline states, re-check dates and
amounts in words. Pure; no I/O.

A task is an accepted requested item. Referred items (转办) go
``to_refer`` (slip printed) → ``referred`` (handed to the courier, on the day's
转办清单) → ``signed`` (the department's 回执 came back signed) → ``done`` /
``refused``; a department may return (``returned``) an item, which the window refers
again (``to_refer``). Items the township handles itself go ``in_progress`` →
``done`` / ``refused``. ``done`` and ``refused`` are final.
"""

from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass
from datetime import date

from sync_contract.tasks import (  # noqa: F401 - the task vocabulary is the contract's
    ACTION_LABELS,
    STATUS_LABELS,
    TRANSITIONS,
    transition_message,
    transition_problem,
)

from ..errors import ValidationError
from .workdays import WorkCalendar


def next_status(status: str | None, action: str) -> str:
    """The status after ``action``; :class:`ValidationError` (field ``task``) if the
    action does not apply to a task in ``status``."""
    problem = transition_message(status, action)
    if problem:
        raise ValidationError("task", "invalid" if action not in TRANSITIONS else "state",
                              key=problem.key, params=problem.params)
    result = TRANSITIONS[action][1] or status
    assert result is not None  # transition_problem refuses a missing status for every action
    return result


@dataclass(frozen=True)
class DueState:
    """Where a task stands against its due date on ``today``.

    ``workdays_left``: working days in (today, due]; negative = overdue by that many.
    ``state``: ``overdue`` (due date passed), ``due_soon`` (at most ``soon`` working
    days left, due today included) or ``ok``.
    """

    state: str
    workdays_left: int


def due_state(cal: WorkCalendar, today: date, due: date | None, soon: int) -> DueState:
    if due is None:
        return DueState("ok", 0)
    left = cal.workdays_between(today, due)
    if due < today:
        return DueState("overdue", min(left, -1))
    return DueState("due_soon" if left <= soon else "ok", left)


def add_months(d: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's end (01-31 + 1 → 02-28)."""
    total = d.year * 12 + d.month - 1 + months
    year, month = divmod(total, 12)
    day = min(d.day, _calendar.monthrange(year, month + 1)[1])
    return date(year, month + 1, day)


#: Items whose households are re-checked (动态管理) and the setting key of their interval.
REVIEWED_ITEMS = ("DIBAO", "TEKUN")


def review_key(item_code: str, review_class: str) -> str | None:
    """The ``review_months`` setting key for a task, or None if not re-checked."""
    if item_code == "TEKUN":
        return "TEKUN"
    if item_code == "DIBAO":
        return f"DIBAO_{review_class or 'B'}"
    return None


def next_review(item_code: str, review_class: str, since: date,
                months: dict[str, int]) -> date | None:
    key = review_key(item_code, review_class)
    if key is None or not months.get(key):
        return None
    return add_months(since, int(months[key]))


_DIGITS = "零壹贰叁肆伍陆柒捌玖"
_UNITS = ("", "拾", "佰", "仟")
_SECTIONS = ("", "万", "亿", "万亿")


def _four(n: int) -> str:
    """0 < n < 10000 in capital numerals, with 零 for inner gaps."""
    out, zero = "", False
    for pos in range(3, -1, -1):
        d = n // 10 ** pos % 10
        if d == 0:
            zero = bool(out)
            continue
        if zero:
            out += "零"
            zero = False
        out += _DIGITS[d] + _UNITS[pos]
    return out


def amount_in_words(fen: int) -> str:
    """大写金额 as on Chinese payment records: ``150000`` → ``壹仟伍佰元整``,
    ``100050`` → ``壹仟元伍角``, ``1005`` → ``壹拾元零伍分``."""
    if fen < 0:
        raise ValueError("negative amount")
    yuan, cents = divmod(int(fen), 100)
    jiao, fen_ = divmod(cents, 10)
    text = ""
    if yuan:
        sections: list[int] = []
        n = yuan
        while n:
            sections.append(n % 10000)
            n //= 10000
        parts: list[str] = []
        need_zero = False
        for i in range(len(sections) - 1, -1, -1):
            sec = sections[i]
            if sec == 0:
                need_zero = bool(parts)
                continue
            if parts and (need_zero or sec < 1000):
                parts.append("零")
            parts.append(_four(sec) + _SECTIONS[i])
            need_zero = False
        text = "".join(parts) + "元"
    if not jiao and not fen_:
        return (text or "零元") + "整"
    if jiao:
        text += _DIGITS[jiao] + "角"
    elif yuan:
        text += "零"
    if fen_:
        text += _DIGITS[fen_] + "分"
    return text
