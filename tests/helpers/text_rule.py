"""The bad-text matrix of issue #11: every string field of every record type (read from
the JSON Schemas, so a new field is covered without touching the tests) × every way a
text can break the contract's text rule."""

from __future__ import annotations

import copy
import json
from typing import Any

from sync_contract import envelope as env
from sync_contract.text import DEFAULT, TextRule
from sync_contract.validation import validator

#: A word no message may contain: it is in every bad value.
SENTINEL = "绝密"

#: case -> (bad value, the text rule's problem code)
BAD: dict[str, tuple[str, str]] = {
    "lone_surrogate": (SENTINEL + "\ud800", "surrogate"),
    "nul": (SENTINEL + "\u0000", "control_char"),
    "c0_control": (SENTINEL + "\u0007", "control_char"),
    "combining_start": ("\u0301" + SENTINEL, "combining_start"),
    "one_megabyte": (SENTINEL + "a" * 1_000_000, "too_long"),
    "not_nfc": (SENTINEL + "e\u0301", "not_nfc"),
    "line_break": (SENTINEL + "\n" + SENTINEL, "line_break"),
}

Path = tuple[str, ...]


def _is_text(node: dict) -> bool:
    kinds = node.get("type")
    if kinds == "string" or (isinstance(kinds, list) and "string" in kinds):
        return True
    values = node.get("enum", [node["const"]] if "const" in node else [])
    return any(isinstance(v, str) for v in values)


def string_fields(kind: str, type_: str) -> list[Path]:
    """Every field of the record type that holds text (``"*"`` = an array's items)."""
    schema = json.loads((env.SCHEMA_DIR / f"{kind}.{type_}.schema.json").read_text("utf-8"))
    out: list[Path] = []

    def walk(node: Any, path: Path) -> None:
        if not isinstance(node, dict):
            return
        if path and (_is_text(node) or any(_is_text(b) for b in node.get("anyOf", ())
                                           if isinstance(b, dict))):
            out.append(path)
            return
        for name, sub in (node.get("properties") or {}).items():
            walk(sub, (*path, name))
        if isinstance(node.get("items"), dict):
            walk(node["items"], (*path, "*"))

    walk(schema, ())
    return out


def rule_of(kind: str, type_: str, path: Path) -> TextRule:
    return validator(f"{kind}.{type_}.schema.json").text_rules.get(path, DEFAULT)


def matrix(kind: str) -> list[tuple[str, Path, str]]:
    """(type, field, case) of every string field of every type of ``kind`` × case."""
    return [(t, f, c) for t in env.TYPES[kind] for f in string_fields(kind, t) for c in BAD]


def expected(kind: str, type_: str, path: Path, case: str) -> str | None:
    """The problem code the reader reports, or ``None`` when the field allows it (line
    breaks in multi-line fields, non-NFC text in the hashed event detail)."""
    rule = rule_of(kind, type_, path)
    code = BAD[case][1]
    if (code == "line_break" and rule.multiline) or (code == "not_nfc" and rule.verbatim):
        return None
    return code


def inject(record: dict, path: Path, value: str) -> dict:
    """A copy of ``record`` with the field at ``path`` set to ``value`` (an empty array
    on the way gets the item the path needs)."""
    rec = copy.deepcopy(record)
    node: Any = rec
    for i, part in enumerate(path[:-1]):
        if part == "*":
            if not node:
                raise AssertionError(f"base record has no item at {'/'.join(path[:i + 1])}")
            node = node[0]
        else:
            node = node[part]
    last = path[-1]
    if last == "*":
        if node:
            node[0] = value
        else:
            node.append(value)
    else:
        node[last] = value
    return rec


def line(record: dict) -> bytes:
    """A record's JSON line as a hand-made package carries it: ASCII with escapes, so a
    lone surrogate travels as ``\\ud800`` (canonical JSON could not even encode it)."""
    return json.dumps(record, ensure_ascii=True, sort_keys=True,
                      separators=(",", ":")).encode("ascii") + b"\n"


def field_id(path: Path) -> str:
    return "/".join(path)


__all__ = ["BAD", "SENTINEL", "expected", "field_id", "inject", "line", "matrix",
           "rule_of", "string_fields"]
