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


# -- names and search queries: one canonical form (DESIGN §9, issue #14) -----------------
#
# A person's name is stored in one canonical form, and a search query is brought to the
# same form before it is compared, so that what the clerk types, what an IME produces and
# what was pasted from a spreadsheet all find the same record:
#
# * NFC; the full-width forms of ASCII (FF01–FF5E) and the ideographic space folded;
# * invisible characters removed (zero-width space/joiners, word joiner, BOM, soft
#   hyphen, Mongolian vowel separator) — bidi controls are not in this set: a name with
#   one is refused by the validator, never silently changed;
# * every middle-dot look-alike (U+2022 •, U+30FB ・, U+FF0E ．, U+2027 ‧, U+FF65 ･ …)
#   becomes U+00B7 ·; a full stop (. 。 ｡) between two ideographs is a dot too
#   ("热依拉.吐尔逊" is never a sentence);
# * spaces next to an ideograph or a dot removed ("张 三", "张　三" → "张三"), runs of
#   spaces between Latin words collapsed to one ("John  Smith" → "John Smith");
# * every CJK code point kept as it is (Ext-A … Ext-I, compatibility ideographs that
#   NFC keeps): nothing is stripped or substituted.
#
# The canonical form does not validate: :func:`canonical_name` of any text is defined;
# whether it is an acceptable name is the township validator's question.

#: Ideograph blocks: Ext-A, URO, compatibility, Ext-B … Ext-I, compat. supplement, Ext-G/H.
CJK_RANGES: tuple[tuple[int, int], ...] = (
    (0x3400, 0x4DBF),
    (0x4E00, 0x9FFF),
    (0xF900, 0xFAFF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2EE5F),
    (0x2F800, 0x2FA1F),
    (0x30000, 0x323AF),
)

#: The middle dot of ethnic-minority and transliterated names (U+00B7).
MIDDLE_DOT = "\u00b7"
#: Characters typed for that dot: U+00B7, U+2022, U+30FB, U+2027, U+2219, U+22C5, U+FF0E,
#: U+FE52, U+FF65, U+0387, U+2E31, U+A78F, U+2024, U+318D.
MIDDLE_DOTS = frozenset("\u00b7\u2022\u30fb\u2027\u2219\u22c5\uff0e\ufe52\uff65"
                        "\u0387\u2e31\ua78f\u2024\u318d")
#: Full stops that mean the dot when they stand between two ideographs.
_FULL_STOPS = frozenset(".\u3002\uff61")
#: Invisible characters removed from names, queries and pasted text: zero-width space,
#: non-joiner, joiner, word joiner, BOM / zero-width no-break space, soft hyphen,
#: Mongolian vowel separator.
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff\u00ad\u180e")
#: Hyphens and dashes typed inside an ID number ("110105-19491231-0021").
DASHES = frozenset("-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d")


def is_cjk(ch: str) -> bool:
    """True for a CJK ideograph (incl. Ext-A … Ext-I and compatibility blocks) or 〇.

    Ranges rather than ``unicodedata`` so that ideographs newer than Python's Unicode
    database (e.g. Ext-H) still count."""
    cp = ord(ch)
    return cp == 0x3007 or any(lo <= cp <= hi for lo, hi in CJK_RANGES)


def fold_width(ch: str) -> str:
    """Full-width ASCII forms and the ideographic space to their ASCII equivalents."""
    cp = ord(ch)
    if 0xFF01 <= cp <= 0xFF5E:
        return chr(cp - 0xFEE0)
    if cp == 0x3000:
        return " "
    return ch


def _dot_or_ideograph(ch: str) -> bool:
    return ch == MIDDLE_DOT or is_cjk(ch)


#: Any character :func:`canonical_name` may change besides NFC (whitespace, invisible,
#: full-width forms, dot look-alikes, full stops); the dot itself is kept as it is.
_NAME_WORK = re.compile("[\\s\uff01-\uff5e" + "".join(sorted((ZERO_WIDTH | MIDDLE_DOTS | _FULL_STOPS)
                                                            - {MIDDLE_DOT})) + "]")


def canonical_name(value: str) -> str:
    """The stored form of a person's name (see above): NFC, width folded, invisible
    characters removed, middle-dot look-alikes unified to ·, spaces next to an ideograph
    or a dot removed, other whitespace runs collapsed to one space, trimmed."""
    if _NAME_WORK.search(value) is None and unicodedata.is_normalized("NFC", value):
        return value        # already canonical: the common case
    text = unicodedata.normalize("NFC", value)
    chars = [MIDDLE_DOT if ch in MIDDLE_DOTS else fold_width(ch)
             for ch in text if ch not in ZERO_WIDTH]
    collapsed = " ".join("".join(chars).split())
    kept: list[str] = []
    for i, ch in enumerate(collapsed):
        if ch == " " and (_dot_or_ideograph(collapsed[i - 1])
                          or _dot_or_ideograph(collapsed[i + 1])):
            continue
        kept.append(ch)
    out = "".join(kept)
    if any(ch in _FULL_STOPS for ch in out):
        out = "".join(MIDDLE_DOT if ch in _FULL_STOPS and 0 < i < len(out) - 1
                      and is_cjk(out[i - 1]) and is_cjk(out[i + 1]) else ch
                      for i, ch in enumerate(out))
    return unicodedata.normalize("NFC", out)


def canonical_id_number(value: str) -> str:
    """An ID-like number as stored and searched: NFKC (full-width digits and letters to
    ASCII), whitespace, invisible characters and hyphens/dashes removed, upper-case
    (``"１１０１０５-1949 1231-002x"`` → ``"11010519491231002X"``)."""
    text = unicodedata.normalize("NFKC", value)
    return "".join(ch for ch in text
                   if not ch.isspace() and ch not in ZERO_WIDTH and ch not in DASHES).upper()


def canonical_query(value: str) -> str:
    """A search query brought to the form names are stored in (:func:`canonical_name`;
    every other invisible format character is dropped too: a query is never refused)."""
    text = "".join(ch for ch in value if unicodedata.category(ch) != "Cf")
    return canonical_name(text)


def check_text(value: str, rule: TextRule = DEFAULT) -> str:
    """``value`` if it follows ``rule``; else ``ValueError`` with the problem's English
    text (never the value)."""
    code = text_problem(value, rule)
    if code is not None:
        raise ValueError(describe(code, rule)[1])
    return value


__all__ = ["CJK_RANGES", "DASHES", "DEFAULT", "MAX_CHARS", "MIDDLE_DOT", "MIDDLE_DOTS", "PROBLEMS",
           "ZERO_WIDTH", "TextProblem", "TextRule", "canonical_id_number", "canonical_name",
           "canonical_query", "check_text", "describe", "find_problem", "fold_width", "is_cjk",
           "rules_of_schema", "text_problem"]
