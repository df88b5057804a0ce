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
from desktop_app.core.rules import standards as _standards
from sync_contract.holidays import holiday_years as _holiday_years
from sync_contract.holidays import iso_day as _iso_day

IDLE_LOCK_MIN, IDLE_LOCK_MAX = 1, 120
#: Limits of the backup thinning policy (how many of each to keep).
BACKUP_KEEP_LIMITS = {"recent": (1, 50), "daily": (0, 60), "weekly": (0, 52), "monthly": (0, 120)}
APPEAL_LIMITS = {"review_days": (1, 365), "reconsideration_days": (1, 365),
                 "litigation_months": (1, 24)}
MIRROR_MAX_LEN = 240

#: Keys only the services write (never through the settings screen).
RESERVED = frozenset({"exports_paused", "last_restore"})


def _int(key: str, value: Any, lo: int, hi: int, label: str) -> int:
    if isinstance(value, bool):
        raise ValidationError(key, "invalid", f"{label}应为整数")
    if isinstance(value, str):
        text = value.strip()
        if not (text.isascii() and text.isdigit()) or len(text) > 6:
            raise ValidationError(key, "invalid", f"{label}应为 {lo}–{hi} 之间的整数")
        value = int(text)
    if not isinstance(value, int):
        raise ValidationError(key, "invalid", f"{label}应为整数")
    if not lo <= value <= hi:
        raise ValidationError(key, "range", f"{label}应在 {lo}–{hi} 之间")
    return value


def _bool(key: str, value: Any) -> bool:
    if isinstance(value, bool):
        return value
    raise ValidationError(key, "invalid", "应为“是”或“否”")


def _mirror_dir(key: str, value: Any) -> str:
    if not isinstance(value, str):
        raise ValidationError(key, "invalid", "备份镜像目录应为文件夹路径")
    text = value.strip()
    if not text:
        return ""
    if len(text) > MIRROR_MAX_LEN:
        raise ValidationError(key, "too_long", f"路径不能超过 {MIRROR_MAX_LEN} 个字符")
    if any(ord(ch) < 32 or ch == "\x7f" for ch in text):
        raise ValidationError(key, "invalid", "路径含有不可见字符")
    if not (posixpath.isabs(text) or (ntpath.isabs(text) and ntpath.splitdrive(text)[0])):
        raise ValidationError(key, "relative", "请填写完整路径（如 E:\\备份 或 /media/u盘/备份）")
    return text


def _keep(key: str, value: Any) -> dict[str, int]:
    if not isinstance(value, dict) or set(value) != set(BACKUP_KEEP_LIMITS):
        raise ValidationError(key, "invalid", "备份保留策略应包含 recent、daily、weekly、monthly")
    labels = {"recent": "最近备份份数", "daily": "按日保留份数", "weekly": "按周保留份数",
              "monthly": "按月保留份数"}
    return {k: _int(key, value[k], lo, hi, labels[k]) for k, (lo, hi) in BACKUP_KEEP_LIMITS.items()}


def _appeal(key: str, value: Any) -> dict[str, int]:
    if not isinstance(value, dict) or set(value) != set(APPEAL_LIMITS):
        raise ValidationError(key, "invalid", "救济期限设置不完整")
    return {k: _int(key, value[k], lo, hi, "期限") for k, (lo, hi) in APPEAL_LIMITS.items()}


def _overrides(key: str, value: Any) -> dict[str, bool]:
    if not isinstance(value, dict):
        raise ValidationError(key, "invalid", "应为 日期→是否工作日 的对照表")
    return {_iso_day(key, k): _bool(key, v) for k, v in sorted(value.items(), key=lambda kv: str(kv[0]))}


REVIEW_KEYS = ("TEKUN", "DIBAO_A", "DIBAO_B", "DIBAO_C")
EMERGENCY_CEILING_MAX_FEN = 10_000_000  # 10 万元


def _review_months(key: str, value: Any) -> dict[str, int]:
    if not isinstance(value, dict) or set(value) != set(REVIEW_KEYS):
        raise ValidationError(key, "invalid", "复核周期应包含 特困、低保A/B/C类 四项")
    return {k: _int(key, value[k], 1, 36, "复核周期（月）") for k in REVIEW_KEYS}


def _ceiling(key: str, value: Any) -> int:
    if isinstance(value, str):
        from desktop_app.core.rules.values import parse_amount
        value = parse_amount(value, key)
    return _int(key, value, 0, EMERGENCY_CEILING_MAX_FEN, "先行救助限额（分）")


VALIDATORS = {
    "idle_lock_minutes": lambda k, v: _int(k, v, IDLE_LOCK_MIN, IDLE_LOCK_MAX, "自动锁屏时间（分钟）"),
    "backup_mirror_dir": _mirror_dir,
    "backup_keep": _keep,
    "appeal": _appeal,
    "township_confirms": _bool,
    "workday_overrides": _overrides,
    "holiday_years": _holiday_years,
    # 救助标准 with effective dates (list of entries, see rules/standards.py).
    "standards": _standards.validate_setting,
    "emergency_ceiling_fen": _ceiling,
    "emergency_paperwork_workdays": lambda k, v: _int(k, v, 1, 30, "先行救助补办手续时限（工作日）"),
    "due_soon_workdays": lambda k, v: _int(k, v, 0, 20, "临期提醒（工作日）"),
    "review_months": _review_months,
}


def validate_setting(key: Any, value: Any) -> Any:
    """The normalised value of setting ``key``; raises :class:`ValidationError`."""
    if not isinstance(key, str) or key not in VALIDATORS:
        raise ValidationError(str(key)[:64] if key is not None else "setting", "unknown",
                              "不能修改此设置")
    return VALIDATORS[key](key, value)
