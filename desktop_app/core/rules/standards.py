"""救助标准 with effective dates (DOMAIN §4): the entries, their parsing and the entry in
force on a day are part of the sync contract (:mod:`sync_contract.standards`,
re-exported here); this module adds the township's bundled defaults
(``resources/standards.json``)."""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from sync_contract.standards import (
    FIELDS,
    FORMAT,
    SETTING_KEY,
    Standards,
    parse_entries,
    parse_entry,
    standards_on,
    validate_setting,
)


def default_path() -> Path:
    """``resources/standards.json`` of the running installation."""
    from desktop_app import resources_dir

    return resources_dir() / "standards.json"


@lru_cache(maxsize=1)
def _default_entries_json() -> str:
    doc = json.loads(default_path().read_text(encoding="utf-8"))
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError(f"{default_path()}: unsupported standards format")
    return json.dumps(validate_setting(SETTING_KEY, doc.get("entries")))


def load_default_entries() -> list[dict[str, Any]]:
    """The bundled default entries (JSON form, validated, sorted); a fresh copy."""
    entries: list[dict[str, Any]] = json.loads(_default_entries_json())
    return entries


__all__ = ["FIELDS", "FORMAT", "SETTING_KEY", "Standards", "default_path", "load_default_entries",
           "parse_entries", "parse_entry", "standards_on", "validate_setting"]
