"""The county-sendable local eligibility rules (return type ``eligibility``, format 2;
docs/sync-format.md §6).

A record is one dated entry of the township's ``eligibility`` setting, field for field
(the township's ``desktop_app/core/rules/eligibility.py`` ``Policy``; this package never
imports the township). Its JSON Schema, ``schemas/county-return.eligibility.schema.json``,
holds the field types, the allowed codes and the ranges; what a schema cannot say is
checked here, by the county before it queues an update, as the township's strict parser
will: ``effective_from`` is a real calendar day, and the entries of one update have
different days. The township refuses the whole return when an entry fails its parser,
so the county must never send one. Pure.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date
from typing import Any

SETTING_KEY = "eligibility"


def entry_problems(records: Iterable[Mapping[str, Any]]) -> list[str]:
    """What is wrong with schema-valid ``records`` beyond the schema (English, one
    phrase each, naming the record number and the field, never a value)."""
    problems: list[str] = []
    seen: dict[str, int] = {}
    for i, rec in enumerate(records, 1):
        day = rec.get("effective_from")
        try:
            ok = isinstance(day, str) and date.fromisoformat(day).isoformat() == day
        except ValueError:
            ok = False
        if not ok:
            problems.append(f"eligibility record {i}: effective_from is not a calendar day")
            continue
        if day in seen:
            problems.append(f"eligibility record {i}: effective_from repeats record {seen[day]}")
        seen[str(day)] = i
    return problems


__all__ = ["SETTING_KEY", "entry_problems"]
