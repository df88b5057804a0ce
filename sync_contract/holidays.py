"""Holiday calendars as the county sends them (``holiday_year`` records) and the township
stores them (the ``holiday_years`` setting): years, ISO days, holidays vs. adjusted
working days. Part of the sync contract, so the county checks an update exactly as the
township will (``desktop_app.core.rules.settings`` uses these functions)."""

from __future__ import annotations

from datetime import date
from typing import Any

from .errors import ValidationError


def iso_day(key: str, text: Any) -> str:
    if not isinstance(text, str):
        raise ValidationError(key, "invalid", "日期格式应为 YYYY-MM-DD")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValidationError(key, "invalid", f"日期格式应为 YYYY-MM-DD：{text[:20]}") from None
    if day.isoformat() != text or not 2000 <= day.year <= 2100:
        raise ValidationError(key, "invalid", f"日期无效：{text[:20]}")
    return text


def holiday_years(key: str, value: Any) -> dict[str, dict[str, list[str]]]:
    if not isinstance(value, dict):
        raise ValidationError(key, "invalid", "应为 年份→节假日安排 的对照表")
    out: dict[str, dict[str, list[str]]] = {}
    for year, spec in value.items():
        if not (isinstance(year, str) and year.isascii() and year.isdigit() and len(year) == 4
                and 2000 <= int(year) <= 2100):
            raise ValidationError(key, "invalid", "年份应为四位数字")
        if not isinstance(spec, dict) or not set(spec) <= {"holidays", "workdays"}:
            raise ValidationError(key, "invalid", f"{year} 年的安排应包含 holidays 和 workdays")
        days: dict[str, list[str]] = {}
        for part in ("holidays", "workdays"):
            items = spec.get(part, [])
            if not isinstance(items, list):
                raise ValidationError(key, "invalid", f"{year} 年的 {part} 应为日期列表")
            clean = sorted({iso_day(key, d) for d in items})
            if any(not d.startswith(year) for d in clean):
                raise ValidationError(key, "invalid", f"{year} 年的安排中有其他年份的日期")
            days[part] = clean
        if set(days["holidays"]) & set(days["workdays"]):
            raise ValidationError(key, "conflict", f"{year} 年有日期同时是节假日和调休工作日")
        out[year] = days
    return out


__all__ = ["holiday_years", "iso_day"]
