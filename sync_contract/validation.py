"""The JSON Schemas of the contract (``sync_contract/schemas/*.json``, draft 2020-12) and
the text rule (:mod:`sync_contract.text`): cached validators and one-line problem texts.
Used by the envelope (records, manifest) and by the key exchange file reader.

A problem names the field (a JSON pointer) and the rule broken — never the value: the
records carry personal data, and the problems end up in messages and logs."""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .fastcheck import compile_schema
from .text import DEFAULT, TextRule, describe, find_problem, rules_of_schema

SCHEMA_DIR = Path(__file__).with_name("schemas")
_SAFE_SEGMENT = re.compile(r"^[A-Za-z0-9_.-]{1,40}$")


@dataclass(frozen=True)
class Problem:
    """One invalid record: ``reason`` ``text_invalid`` (the text rule) or
    ``schema_invalid``; ``pointer``: the field (JSON pointer, ``""`` = the record)."""

    reason: str
    pointer: str
    en: str
    zh: str

    @property
    def where(self) -> str:
        return self.pointer or "(record)"

    def __str__(self) -> str:
        return f"{self.where}: {self.en}"


def pointer(path: Iterable[Any]) -> str:
    """A JSON pointer of ``path``; property names that do not look like field names
    (they come from the record itself) are shown as ``?``."""
    out = []
    for part in path:
        text = str(part)
        if not isinstance(part, int) and not _SAFE_SEGMENT.match(text):
            text = "?"
        out.append("/" + text.replace("~", "~0").replace("/", "~1"))
    return "".join(out)


def _describe_schema_error(err: Any) -> tuple[str, str]:
    """(English, Chinese) of a jsonschema error built from the keyword and the schema's
    value only (``err.message`` quotes the instance)."""
    kw, want = err.validator, err.validator_value
    if kw == "required":
        have = err.instance if isinstance(err.instance, Mapping) else {}
        missing = [p for p in want if p not in have]
        names = ", ".join(missing)
        return f"missing field(s) {names}", f"缺少字段 {names}"
    if kw == "additionalProperties":
        return "unexpected field", "含有规范之外的字段"
    if kw == "type":
        kinds = want if isinstance(want, str) else " or ".join(want)
        return f"must be of type {kinds}", f"类型应为 {kinds}"
    if kw == "maxLength":
        return f"longer than {want} characters", f"超过 {want} 个字符"
    if kw == "minLength":
        return f"shorter than {want} characters", f"少于 {want} 个字符"
    if kw == "pattern":
        return "wrong format", "格式不对"
    if kw in ("enum", "const"):
        return "not an allowed value", "不是允许的值"
    if kw in ("minimum", "exclusiveMinimum"):
        return f"below the minimum {want}", f"小于最小值 {want}"
    if kw in ("maximum", "exclusiveMaximum"):
        return f"above the maximum {want}", f"大于最大值 {want}"
    if kw == "uniqueItems":
        return "items repeated", "含有重复项"
    if kw in ("minItems", "maxItems"):
        return f"{kw} {want}", f"条目数不符合（{kw} {want}）"
    if kw in ("anyOf", "oneOf"):
        return "matches none of the allowed forms", "不符合任何允许的形式"
    if kw == "propertyNames":
        return "a field name has the wrong format", "字段名格式不对"
    return f"breaks the rule {kw}", f"不符合规则 {kw}"


def _plain(obj: Any, limit: int) -> bool:
    """True when no text of ``obj`` (values and property names) can break any text rule:
    each is printable (no control, format or surrogate character, no TAB/LF), in NFC, does
    not start with a combining mark and has at most ``limit`` characters (the smallest
    limit of the schema). A fast pass over most records; ``False`` = check field by field."""
    stack = [obj]
    while stack:
        v = stack.pop()
        t = type(v)
        if t is str:
            if len(v) > limit or not v.isprintable():
                return False
            if not v.isascii() and (unicodedata.category(v[0])[0] == "M"
                                    or not unicodedata.is_normalized("NFC", v)):
                return False
        elif t is dict:
            stack.extend(v)
            stack.extend(v.values())
        elif t is list:
            stack.extend(v)
    return True


class RecordValidator:
    """The text rule, then the JSON Schema, of one schema file."""

    def __init__(self, schema: Mapping[str, Any]) -> None:
        from jsonschema import Draft202012Validator
        self.schema = Draft202012Validator(schema)
        #: A compiled pre-check (sync_contract/fastcheck.py): what it passes is valid;
        #: everything else is judged by ``jsonschema`` as before.
        self.fast = compile_schema(schema)
        self.text_rules: dict[tuple[str, ...], TextRule] = rules_of_schema(schema)
        self._plain_limit = min([DEFAULT.max_chars,
                                 *(r.max_chars for r in self.text_rules.values())])

    def text_problem(self, obj: Any) -> Problem | None:
        if _plain(obj, self._plain_limit):
            return None
        found = find_problem(obj, self.text_rules)
        if found is None:
            return None
        zh, en = describe(found.code, found.rule)
        if found.key:
            zh, en = f"字段名{zh}", f"a field name {en}"
        return Problem("text_invalid", pointer(found.path), en, zh)

    def problem(self, obj: Any) -> Problem | None:
        """``None`` if ``obj`` is valid, else the first problem (text rule first)."""
        found = self.text_problem(obj)
        if found is not None:
            return found
        if (self.fast is not None and self.fast(obj)) or self.schema.is_valid(obj):
            return None
        from jsonschema.exceptions import best_match
        err = best_match(self.schema.iter_errors(obj))
        en, zh = _describe_schema_error(err)
        return Problem("schema_invalid", pointer(err.absolute_path), en, zh)

    def is_valid(self, obj: Any) -> bool:
        return self.problem(obj) is None


@cache
def validator(name: str) -> RecordValidator:
    """The validator of ``schemas/<name>`` (loaded once)."""
    schema = json.loads((SCHEMA_DIR / name).read_text(encoding="utf-8"))
    return RecordValidator(schema)


def schema_error(validator: RecordValidator, obj: Any) -> str | None:
    """``None`` if ``obj`` is valid, else where and what (one line, ≤ 160 characters),
    never quoting a value."""
    found = validator.problem(obj)
    return None if found is None else str(found)[:160]


__all__ = ["SCHEMA_DIR", "Problem", "RecordValidator", "pointer", "schema_error", "validator"]
