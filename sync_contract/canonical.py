"""Canonical forms of the sync contract: canonical JSON bytes (what is hashed and
signed), the UTC clock and the package timestamp format."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any


def canonical_json(obj: Any) -> bytes:
    """UTF-8 JSON with sorted keys, no spaces, non-ASCII kept (docs/sync-format.md §4)."""
    return json.dumps(obj, ensure_ascii=False, sort_keys=True,
                      separators=(",", ":")).encode("utf-8")


def utcnow() -> datetime:
    """Now, timezone-aware UTC (the one clock both ends use for stored timestamps)."""
    return datetime.now(timezone.utc)


def utc_stamp(when: datetime | None = None) -> str:
    """``YYYY-MM-DDTHH:MM:SSZ`` of ``when`` (default now) in UTC."""
    when = when or utcnow()
    if when.tzinfo is not None:
        when = when.astimezone(timezone.utc)
    return when.strftime("%Y-%m-%dT%H:%M:%SZ")


__all__ = ["canonical_json", "utc_stamp", "utcnow"]
