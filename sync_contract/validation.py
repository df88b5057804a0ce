"""The JSON Schemas of the contract (``sync_contract/schemas/*.json``, draft 2020-12):
cached validators and one-line problem texts. Used by the envelope (records, manifest)
and by the key exchange file reader."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

SCHEMA_DIR = Path(__file__).with_name("schemas")


@cache
def validator(name: str) -> Any:
    """The validator of ``schemas/<name>`` (loaded once)."""
    from jsonschema import Draft202012Validator
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return Draft202012Validator(schema)


def schema_error(validator: Any, obj: Any) -> str | None:
    """``None`` if ``obj`` is valid, else where and what (one line, ≤ 160 characters)."""
    if validator.is_valid(obj):
        return None
    err = min(validator.iter_errors(obj), key=lambda e: len(e.path))
    where = "/".join(str(p) for p in err.path) or "(record)"
    return f"{where}: {err.message}"[:160]


__all__ = ["SCHEMA_DIR", "schema_error", "validator"]
