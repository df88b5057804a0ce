"""Validators for the settings an administrator may change. Pure; no I/O.

:func:`validate_setting` takes a key and a value as the GUI or the command line
gives it (typed values, or text for the simple ones) and returns the normalised
value to store, or raises :class:`ValidationError` (``field`` = the key) with a
Chinese message. It never raises anything else, whatever it is given.
"""

from __future__ import annotations

import ntpath
import posixpath
from typing import Any

from desktop_app.core.errors import ValidationError
from desktop_app.core.messages import Message
from desktop_app.core.rules import clock as _clock
from desktop_app.core.rules import dynamic as _dynamic
from desktop_app.core.rules import eligibility as _eligibility
from desktop_app.core.rules import reserve as _reserve
from desktop_app.core.rules import stages as _stages
from desktop_app.core.rules import standards as _standards
from desktop_app.core.rules import temporary as _temporary
from sync_contract.holidays import holiday_years as _holiday_years
from sync_contract.holidays import iso_day as _iso_day

IDLE_LOCK_MIN, IDLE_LOCK_MAX = 1, 120
#: Limits of the backup thinning policy (how many of each to keep).
BACKUP_KEEP_LIMITS = {"recent": (1, 50), "daily": (0, 60), "weekly": (0, 52), "monthly": (0, 120)}
APPEAL_LIMITS = {"review_days": (1, 365), "reconsideration_days": (1, 365),
                 "litigation_months": (1, 24)}
MIRROR_MAX_LEN = 240
#: The full paths a relative mirror folder is told to look like (Windows, Linux).
MIRROR_EXAMPLES = {"windows": "E:\\备份", "posix": "/media/u盘/备份"}

#: Keys only the services write (never through the settings screen).
RESERVED = frozenset({"exports_paused", "last_restore"})


def _int(key: str, value: Any, lo: int, hi: int, label: Message) -> int:
    """``label``: the setting's name, itself a message (``setting.label.…``)."""
    if isinstance(value, bool):
        raise ValidationError(key, "invalid", key="setting.integer", params={"label": label})
    if isinstance(value, str):
        text = value.strip()
        if not (text.isascii() and text.isdigit()) or len(text) > 6:
            raise ValidationError(key, "invalid", key="setting.integer_between",
                                  params={"label": label, "lo": lo, "hi": hi})
        value = int(text)
    if not isinstance(value, int):
        raise ValidationError(key, "invalid", key="setting.integer", params={"label": label})
    if not lo <= value <= hi:
        raise ValidationError(key, "range", key="setting.range",
                              params={"label": label, "lo": lo, "hi": hi})
    return value


def _bool(key: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise ValidationError(key, "invalid", key="setting.yes_no")


def _mirror_dir(key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ValidationError(key, "invalid", key="setting.mirror.not_path")
    text = value.strip()
    if not text:
        return ""
    if len(text) > MIRROR_MAX_LEN:
        raise ValidationError(key, "too_long", key="setting.mirror.too_long",
                              params={"max": MIRROR_MAX_LEN})
    if any(ord(ch) < 32 or ch == "\x7f" for ch in text):
        raise ValidationError(key, "invalid", key="setting.mirror.invisible")
    if not (posixpath.isabs(text) or (ntpath.isabs(text) and ntpath.splitdrive(text)[0])):
        raise ValidationError(key, "relative", key="setting.mirror.relative",
                              params=MIRROR_EXAMPLES)
    return text


def _keep(key: str, value: Any) -> dict[str, int]:
    if not isinstance(value, dict) or set(value) != set(BACKUP_KEEP_LIMITS):
        raise ValidationError(key, "invalid", key="setting.keep.parts",
                              params={part: part for part in BACKUP_KEEP_LIMITS})
    labels = {"recent": Message("setting.label.backup_recent"),
              "daily": Message("setting.label.backup_daily"),
              "weekly": Message("setting.label.backup_weekly"),
              "monthly": Message("setting.label.backup_monthly")}
    return {k: _int(key, value[k], lo, hi, labels[k]) for k, (lo, hi) in BACKUP_KEEP_LIMITS.items()}


def _appeal(key: str, value: Any) -> dict[str, int]:
    if not isinstance(value, dict) or set(value) != set(APPEAL_LIMITS):
        raise ValidationError(key, "invalid", key="setting.appeal.incomplete")
    period = Message("setting.label.appeal_period")
    return {k: _int(key, value[k], lo, hi, period) for k, (lo, hi) in APPEAL_LIMITS.items()}


def _overrides(key: str, value: Any) -> dict[str, bool]:
    if not isinstance(value, dict):
        raise ValidationError(key, "invalid", key="setting.overrides.not_table")
    return {_iso_day(key, k): _bool(key, v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}


REVIEW_KEYS = ("TEKUN", "DIBAO_A", "DIBAO_B", "DIBAO_C")
EMERGENCY_CEILING_MAX_FEN = 10_000_000  # 10 万元


def _review_months(key: str, value: Any) -> dict[str, int]:
    if not isinstance(value, dict) or set(value) != set(REVIEW_KEYS):
        raise ValidationError(key, "invalid", key="setting.review.parts")
    label = Message("setting.label.review_months")
    return {k: _int(key, value[k], 1, 36, label) for k in REVIEW_KEYS}


def _ceiling(key: str, value: Any) -> int:
    if isinstance(value, str):
        from desktop_app.core.rules.values import parse_amount
        value = parse_amount(value, key)
    return _int(key, value, 0, EMERGENCY_CEILING_MAX_FEN,
                Message("setting.label.emergency_ceiling"))


VALIDATORS = {
    "idle_lock_minutes": lambda k, v: _int(k, v, IDLE_LOCK_MIN, IDLE_LOCK_MAX,
                                          Message("setting.label.idle_lock_minutes")),
    "backup_mirror_dir": _mirror_dir,
    "backup_keep": _keep,
    "appeal": _appeal,
    "township_confirms": _bool,
    "workday_overrides": _overrides,
    "holiday_years": _holiday_years,
    # 救助标准 with effective dates (list of entries, see rules/standards.py).
    "standards": _standards.validate_setting,
    "emergency_ceiling_fen": _ceiling,
    "emergency_paperwork_workdays": lambda k, v: _int(
        k, v, 1, 30, Message("setting.label.emergency_paperwork_workdays")),
    "due_soon_workdays": lambda k, v: _int(k, v, 0, 20, Message("setting.label.due_soon_workdays")),
    "review_months": _review_months,
    # issue 11 — clock sanity (core/rules/clock.py)
    "clock_check": _clock.validate_limits,
    # issue 12 — local eligibility rules with effective dates (rules/eligibility.py)
    "eligibility": _eligibility.validate_setting,
    # issue 13 — ceilings: which sums the temporary-assistance ceiling applies to
    "temporary_ceiling_scope": _temporary.validate_scope,
    # issue 13 — stages: how long a 公示 lasts (entries with effective dates)
    "publicity_days": _stages.validate_publicity_days,
    # issue 13 — the 临时救助备用金: enabled, 先行救助 drawn from it (rules/reserve.py)
    "reserve_fund": _reserve.validate_setting,
    # issue 13 — temporary assistance under control: 先行救助 clock, amount bands
    "first_aid_hours": _temporary.validate_first_aid_hours,
    "temporary_bands": _temporary.validate_bands,
    # issue 15 — reviews: 渐退, class C and 低保边缘 re-checks (rules/dynamic.py)
    "dynamic_review": _dynamic.validate_setting,
}


def validate_setting(key: Any, value: Any) -> Any:
    """The normalised value of setting ``key``; raises :class:`ValidationError`."""
    if not isinstance(key, str) or key not in VALIDATORS:
        raise ValidationError(str(key)[:64] if key is not None else "setting", "unknown",
                              key="setting.unknown")
    return VALIDATORS[key](key, value)
