"""The one text rule of the sync contract (issue #11, docs/sync-format.md §4.1).

Every string of every record — values and property names, at any depth, in both package
kinds — must be:

* valid Unicode scalar values: no lone surrogates (a JSON escape ``"\\ud800"`` decodes
  to one; PostgreSQL refuses it, SQLite/UTF-8 cannot store it);
* free of control characters: no C0 (U+0000–U+001F), DEL (U+007F) or C1
  (U+0080–U+009F) — except TAB and LF in the few fields whose schema allows several
  lines (``"x-text": {"multiline": true}``); CR is never allowed (lines end with LF);
* in Unicode NFC (composed);
* not started by a combining mark (Unicode category M*), nor a line of it: a lone mark
  has nothing to attach to, NFC cannot fix it, and shown after a label it lands on the
  label's last character — refused, not stripped, since the receiver never changes what
  the sender signed;
* at most :data:`MAX_CHARS` characters (``"x-text": {"maxChars": n}`` raises it for one
  field), whatever the field's ``maxLength``.

A field whose exact bytes are hashed (``"x-text": {"verbatim": true}``: the event
``detail``, part of the audit chain) can never be corrected, so it is held only to what
no receiver can store — no surrogates, no C0 controls, the length: neither NFC nor
DEL/C1 is checked there (records written before this rule must stay valid).

The rule is checked before the JSON Schema (so a bad text in any field — a code, a
date, a name — gives the same reason, ``text_invalid``) by
:mod:`sync_contract.validation`, i.e. by the reader of both ends. Messages name the
rule, never the value.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

#: The longest text of a field, in characters, unless its schema says otherwise.
MAX_CHARS = 10_000

#: C0 controls except TAB/LF, DEL, C1 controls, surrogates: never allowed.
_FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")
#: The same for verbatim (hashed) text: C0 except TAB/LF, surrogates.
_FORBIDDEN_VERBATIM = re.compile("[\x00-\x08\x0b-\x1f\ud800-\udfff]")
_LINE_BREAK = re.compile("[\t\n]")
_LINE_START = re.compile("[\t\n](.)", re.DOTALL)


@dataclass(frozen=True)
class TextRule:
    """What one field allows: several lines (TAB, LF); ``verbatim``: hashed bytes (no
    NFC, DEL/C1 check); more characters."""

    multiline: bool = False
    verbatim: bool = False
    max_chars: int = MAX_CHARS

    @classmethod
    def from_schema(cls, annotation: Any) -> TextRule:
        """The rule of a schema node's ``"x-text"`` annotation (absent: the default)."""
        if not isinstance(annotation, Mapping):
            return DEFAULT
        return cls(multiline=bool(annotation.get("multiline", False)),
                   verbatim=bool(annotation.get("verbatim", False)),
                   max_chars=int(annotation.get("maxChars", MAX_CHARS)))


DEFAULT = TextRule()

#: problem code -> (Chinese, English); ``{max}`` = the rule's ``max_chars``.
PROBLEMS: dict[str, tuple[str, str]] = {
    "too_long": ("超过 {max} 个字符", "longer than {max} characters"),
    "surrogate": ("含有无效的 Unicode 字符（孤立代理项）",
                  "contains a lone surrogate (not a Unicode scalar value)"),
    "control_char": ("含有控制字符", "contains a control character"),
    "line_break": ("此项不允许换行或制表符", "line break or tab not allowed in this field"),
    "combining_start": ("以组合附加符号开头", "starts with a combining mark"),
    "not_nfc": ("不是 Unicode NFC 规范形式", "not in Unicode NFC form"),
}


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch)[0] == "M"


def text_problem(value: str, rule: TextRule = DEFAULT) -> str | None:
    """The code (a key of :data:`PROBLEMS`) of the first way ``value`` breaks ``rule``,
    or ``None``."""
    if len(value) > rule.max_chars:
        return "too_long"
    bad = (_FORBIDDEN_VERBATIM if rule.verbatim else _FORBIDDEN).search(value)
    if bad is not None:
        return "surrogate" if "\ud800" <= bad.group() <= "\udfff" else "control_char"
    if not rule.multiline and _LINE_BREAK.search(value):
        return "line_break"
    if value and (_is_mark(value[0])
                  or (rule.multiline and any(_is_mark(m.group(1))
                                             for m in _LINE_START.finditer(value)))):
        return "combining_start"
    if not rule.verbatim and not unicodedata.is_normalized("NFC", value):
        return "not_nfc"
    return None


def describe(code: str, rule: TextRule = DEFAULT) -> tuple[str, str]:
    """(Chinese, English) text of a problem code."""
    zh, en = PROBLEMS[code]
    return zh.format(max=rule.max_chars), en.format(max=rule.max_chars)


#: A field's place for the rule table: property names, ``"*"`` for an array item.
Path = tuple[str, ...]


@dataclass(frozen=True)
class TextProblem:
    """Where (``path``: property names and array indices; ``key``: the property *name* at
    that place is the bad text) and what (``code``)."""

    path: tuple[str | int, ...]
    code: str
    rule: TextRule
    key: bool = False


def rules_of_schema(schema: Mapping[str, Any]) -> dict[Path, TextRule]:
    """Every field of a JSON Schema that carries an ``"x-text"`` annotation → its rule
    (fields not listed follow :data:`DEFAULT`). Follows ``properties``, ``items`` and
    ``anyOf``/``oneOf`` branches."""
    out: dict[Path, TextRule] = {}

    def walk(node: Any, path: Path) -> None:
        if not isinstance(node, Mapping):
            return
        if "x-text" in node:
            out[path] = TextRule.from_schema(node["x-text"])
        for key in ("anyOf", "oneOf", "allOf"):
            for sub in node.get(key, ()):
                walk(sub, path)
        for name, sub in (node.get("properties") or {}).items():
            walk(sub, (*path, name))
        if isinstance(node.get("items"), Mapping):
            walk(node["items"], (*path, "*"))

    walk(schema, ())
    return out


def find_problem(obj: Any, rules: Mapping[Path, TextRule] | None = None) -> TextProblem | None:
    """The first string of ``obj`` (a parsed JSON value) that breaks its field's rule —
    property names follow :data:`DEFAULT` — or ``None``."""
    rules = rules or {}
    stack: list[tuple[Any, tuple[str | int, ...], Path]] = [(obj, (), ())]
    while stack:
        value, where, pattern = stack.pop()
        if isinstance(value, str):
            rule = rules.get(pattern, DEFAULT)
            code = text_problem(value, rule)
            if code is not None:
                return TextProblem(where, code, rule)
        elif isinstance(value, dict):
            items = list(value.items())
            for name, sub in reversed(items):
                stack.append((sub, (*where, name), (*pattern, name)))
            for name, _ in items:
                code = text_problem(name)
                if code is not None:
                    return TextProblem(where, code, DEFAULT, key=True)
        elif isinstance(value, list):
            for i in range(len(value) - 1, -1, -1):
                stack.append((value[i], (*where, i), (*pattern, "*")))
    return None


def check_text(value: str, rule: TextRule = DEFAULT) -> str:
    """``value`` if it follows ``rule``; else ``ValueError`` with the problem's English
    text (never the value)."""
    code = text_problem(value, rule)
    if code is not None:
        raise ValueError(describe(code, rule)[1])
    return value


__all__ = ["DEFAULT", "MAX_CHARS", "PROBLEMS", "TextProblem", "TextRule", "check_text",
           "describe", "find_problem", "rules_of_schema", "text_problem"]
