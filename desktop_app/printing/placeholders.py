"""``{placeholder}`` syntax used in form templates (pure Python, no ReportLab).

Syntax inside any template text::

    {applicant.name}              value at a dotted path of the data
    {applicant.phone?}            optional: missing or empty prints nothing
    {issued_date|date}            filter: ISO date -> 2026年11月24日
    {provisional|flag:（暂定）}    filter with an argument (text after ':')
    {items.0.name}                list index
    {#}  {.}                      in table/list rows: row number (1-based), the row itself
    {{  }}                        literal braces

Filters: ``date``, ``flag:TEXT`` (TEXT if the value is true, else nothing),
``join:SEP`` (join a list, default "、"), ``default:TEXT`` (TEXT when the value
is missing or empty; implies ``?``).
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from typing import Any

from desktop_app.printing.errors import MissingDataError

FILTERS = ("date", "flag", "join", "default")
_SEGMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*|\d+")
_MISSING = object()


@dataclass(frozen=True)
class Placeholder:
    path: tuple[str, ...]  # ("#",) and (".",) are the row specials
    optional: bool = False
    filters: tuple[tuple[str, str | None], ...] = field(default=())

    @property
    def dotted(self) -> str:
        return ".".join(self.path)


Parsed = list["str | Placeholder"]


def parse(text: str) -> Parsed:
    """Split template text into literal strings and placeholders.

    Raises ``ValueError`` with a human-readable reason on bad syntax.
    """
    if not isinstance(text, str):
        raise ValueError(f"expected text, got {type(text).__name__}")
    out: Parsed = []
    literal: list[str] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch == "{" and text.startswith("{{", i):
            literal.append("{")
            i += 2
        elif ch == "}" and text.startswith("}}", i):
            literal.append("}")
            i += 2
        elif ch == "}":
            raise ValueError(f"unmatched '}}' at position {i} in {text!r} "
                             "(write '}}' for a literal brace)")
        elif ch == "{":
            end = text.find("}", i + 1)
            inner = text[i + 1 : end] if end != -1 else ""
            if end == -1 or "{" in inner:
                raise ValueError(f"unclosed '{{' at position {i} in {text!r}")
            if literal:
                out.append("".join(literal))
                literal = []
            out.append(_parse_placeholder(inner, text))
            i = end + 1
        else:
            literal.append(ch)
            i += 1
    if literal:
        out.append("".join(literal))
    return out


def _parse_placeholder(inner: str, text: str) -> Placeholder:
    head, *filter_specs = inner.split("|")
    head = head.strip()
    optional = head.endswith("?")
    if optional:
        head = head[:-1]
    if head in ("#", "."):
        path: tuple[str, ...] = (head,)
    else:
        path = tuple(head.split("."))
        if not head or not all(_SEGMENT.fullmatch(seg) for seg in path):
            raise ValueError(f"bad placeholder path {{{inner}}} in {text!r}")
    filters = []
    for spec in filter_specs:
        name, sep, arg = spec.partition(":")
        name = name.strip()
        if name not in FILTERS:
            raise ValueError(f"unknown filter {name!r} in {{{inner}}} "
                             f"(known: {', '.join(FILTERS)})")
        if name in ("flag", "default") and not sep:
            raise ValueError(f"filter {name!r} needs an argument, e.g. {name}:（暂定）, "
                             f"in {{{inner}}}")
        if name == "default":
            optional = True
        filters.append((name, arg if sep else None))
    return Placeholder(path, optional, tuple(filters))


def placeholders(parsed: Parsed) -> list[Placeholder]:
    return [part for part in parsed if isinstance(part, Placeholder)]


def lookup(ctx: Any, path: tuple[str, ...]) -> Any:
    """Value at ``path`` in nested dicts/lists, or ``_MISSING``."""
    value = ctx
    for seg in path:
        if isinstance(value, dict):
            value = value.get(seg, _MISSING)
        elif isinstance(value, (list, tuple)) and seg.isdigit():
            idx = int(seg)
            value = value[idx] if idx < len(value) else _MISSING
        else:
            return _MISSING
        if value is _MISSING:
            return _MISSING
    return value


def resolve(ctx: Any, path: str | tuple[str, ...]) -> Any:
    """Public lookup by dotted path; ``None`` when absent."""
    parts = tuple(path.split(".")) if isinstance(path, str) else path
    value = lookup(ctx, parts)
    return None if value is _MISSING else value


def format_date(value: Any) -> str:
    """``"2026-11-24"`` (or a date/datetime, or an ISO datetime) -> ``"2026年11月24日"``."""
    if isinstance(value, _dt.datetime):
        value = value.date()
    if isinstance(value, str):
        try:
            value = _dt.date.fromisoformat(value[:10])
        except ValueError as exc:
            raise ValueError(f"not an ISO date: {value!r}") from exc
    if not isinstance(value, _dt.date):
        raise ValueError(f"not a date: {value!r}")
    return f"{value.year}年{value.month}月{value.day}日"


CN_DIGITS = "零一二三四五六七八九"
_CN_GROUPS = ("", "万", "亿", "万亿")


def _cn_below_10000(n: int) -> str:
    out, zero = "", False
    for value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
        digit = n // value % 10
        if digit == 0:
            zero = bool(out)
            continue
        out += ("零" if zero else "") + CN_DIGITS[digit] + unit
        zero = False
    return out


def chinese_number(n: int) -> str:
    """``n`` in Chinese numerals as counted in documents (GB/T 9704 "一、"):
    ``1`` → ``一``, ``10`` → ``十``, ``15`` → ``十五``, ``100`` → ``一百``,
    ``101`` → ``一百零一``, ``110`` → ``一百一十``, ``10010`` → ``一万零一十``.

    :raises ValueError: for a negative number or one of 10^16 and more.
    """
    if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n < 10**16:
        raise ValueError(f"not a count this numbering spells: {n!r}")
    if n == 0:
        return CN_DIGITS[0]
    groups = []
    while n:
        n, group = divmod(n, 10000)
        groups.append(group)
    out, gap = "", False
    for unit, group in reversed(list(zip(_CN_GROUPS, groups))):
        if group == 0:
            gap = bool(out)
            continue
        if out and (gap or group < 1000):
            out += "零"
        out += _cn_below_10000(group) + unit
        gap = False
    # 十, 十五, 十万 — not 一十 (inside a number it stays: 一百一十)
    return out[1:] if out.startswith("一十") else out


def to_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, (list, tuple)):
        return "、".join(to_text(v) for v in value)
    return str(value)


def _empty(value: Any) -> bool:
    return value is _MISSING or value is None or value == "" or value == []


def render(parsed: Parsed, ctx: Any, location: str = "", row: Any = _MISSING,
           index: int = 0) -> str:
    """Fill placeholders from ``ctx`` (root data) or ``row`` (current table row).

    A required placeholder whose value is missing or ``None`` raises
    :class:`MissingDataError` naming the dotted key and ``location``.
    """
    out: list[str] = []
    for part in parsed:
        if isinstance(part, str):
            out.append(part)
            continue
        if part.path == ("#",):
            value: Any = index
        elif part.path == (".",):
            value = row
        else:
            try:
                value = lookup(row if row is not _MISSING else ctx, part.path)
            except MissingDataError as exc:  # raised by a lazily derived value
                raise MissingDataError(exc.key, exc.location or location) from None
        has_flag = any(name == "flag" for name, _ in part.filters)
        if (value is _MISSING or value is None) and not part.optional and not has_flag:
            raise MissingDataError(part.dotted, location)
        out.append(_apply_filters(part, value, location))
    return "".join(out)


def _apply_filters(part: Placeholder, value: Any, location: str) -> str:
    for name, arg in part.filters:
        if name == "flag":
            value = arg if (value is not _MISSING and value) else ""
        elif name == "default":
            value = arg if _empty(value) else value
        elif name == "join":
            if isinstance(value, (list, tuple)):
                value = (arg if arg is not None else "、").join(to_text(v) for v in value)
        elif name == "date" and not _empty(value):
            try:
                value = format_date(value)
            except ValueError as exc:
                raise ValueError(f"{location}: {{{part.dotted}}}: {exc}") from None
    return "" if value is _MISSING else to_text(value)
