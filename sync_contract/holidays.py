"""Holiday calendars as the county sends them (``holiday_year`` records) and the township
stores them (the ``holiday_years`` setting): years, ISO days, holidays vs. adjusted
working days. Part of the sync contract, so the county checks an update exactly as the
township will (``desktop_app.core.rules.settings`` uses these functions)."""

from __future__ import annotations

from datetime import date
from typing import Any

from .errors import ValidationError

#: How a day is written (told in the messages; not a word to translate).
DAY_PATTERN = "YYYY-MM-DD"


def iso_day(key: str, text: Any) -> str:
    if not isinstance(text, str):
        raise ValidationError(key, "invalid", key="holidays.day_format",
                              params={"pattern": DAY_PATTERN})
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise ValidationError(key, "invalid", key="holidays.day_format_of",
                              params={"pattern": DAY_PATTERN, "text": text[:20]}) from None
    if day.isoformat() != text or not 2000 <= day.year <= 2100:
        raise ValidationError(key, "invalid", key="holidays.day_invalid",
                              params={"text": text[:20]})
    return text


def holiday_years(key: str, value: Any) -> dict[str, dict[str, list[str]]]:
    if not isinstance(value, dict):
        raise ValidationError(key, "invalid", key="holidays.not_table")
    out: dict[str, dict[str, list[str]]] = {}
    for year, spec in value.items():
        if not (isinstance(year, str) and year.isascii() and year.isdigit() and len(year) == 4
                and 2000 <= int(year) <= 2100):
            raise ValidationError(key, "invalid", key="holidays.year_format")
        if not isinstance(spec, dict) or not set(spec) <= {"holidays", "workdays"}:
            raise ValidationError(key, "invalid", key="holidays.year_parts",
                                  params={"year": year, "holidays": "holidays",
                                          "workdays": "workdays"})
        days: dict[str, list[str]] = {}
        for part in ("holidays", "workdays"):
            items = spec.get(part, [])
            if not isinstance(items, list):
                raise ValidationError(key, "invalid", key="holidays.part_not_list",
                                      params={"year": year, "part": part})
            clean = sorted({iso_day(key, d) for d in items})
            if any(not d.startswith(year) for d in clean):
                raise ValidationError(key, "invalid", key="holidays.other_year",
                                      params={"year": year})
            days[part] = clean
        if set(days["holidays"]) & set(days["workdays"]):
            raise ValidationError(key, "conflict", key="holidays.conflict",
                                  params={"year": year})
        out[year] = days
    return out


__all__ = ["holiday_years", "iso_day"]
