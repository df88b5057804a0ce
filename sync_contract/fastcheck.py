"""A compiled pre-check of the contract's JSON Schemas (issue 17: county ingest speed).

``jsonschema`` walks the schema for every record (≈0.2 ms a record); a county ingesting
1.5 million records spends minutes there. :func:`compile_schema` turns one of our
schemas into nested Python closures once; ``check(record)`` then answers in a few
microseconds. It is a *pre-check*, never the judge of a refusal:

* ``True`` only when every keyword it saw holds — each keyword is implemented as strictly
  as ``jsonschema`` applies it, or more strictly (``integer`` excludes 1.0, ``enum`` compares
  types too), so a record it passes is one ``jsonschema`` passes;
* ``False`` means "ask ``jsonschema``", which decides and names the problem;
* a schema with a keyword not listed here is not compiled at all (``None``): every record
  goes to ``jsonschema`` as before.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

Check = Callable[[Any], bool]

#: Keywords that do not constrain (annotations, our own ``x-text``).
_ANNOTATIONS = frozenset({"$schema", "$id", "title", "description", "x-text", "examples",
                          "$comment", "default"})
_KNOWN = frozenset({"type", "properties", "required", "additionalProperties", "pattern",
                    "maxLength", "minLength", "minimum", "maximum", "enum", "anyOf", "items",
                    "minItems", "maxItems"}) | _ANNOTATIONS


class _Unsupported(Exception):
    pass


def _is_int(v: Any) -> bool:
    return type(v) is int


def _is_num(v: Any) -> bool:
    return type(v) is int or type(v) is float


_TYPES: dict[str, Check] = {
    "string": lambda v: type(v) is str,
    "integer": _is_int,
    "number": _is_num,
    "boolean": lambda v: type(v) is bool,
    "null": lambda v: v is None,
    "object": lambda v: type(v) is dict,
    "array": lambda v: type(v) is list,
}


def _type(want: Any) -> Check:
    names = [want] if isinstance(want, str) else list(want)
    if any(n not in _TYPES for n in names):
        raise _Unsupported(f"type {want!r}")
    checks = [_TYPES[n] for n in names]
    if len(checks) == 1:
        return checks[0]
    return lambda v: any(c(v) for c in checks)


def _enum(values: list[Any]) -> Check:
    if all(type(e) is str for e in values):
        allowed = frozenset(values)
        return lambda v: type(v) is str and v in allowed
    if any(isinstance(e, (list, dict, float)) for e in values):
        raise _Unsupported("enum of containers or floats")
    pairs = [(type(e), e) for e in values]
    return lambda v: any(type(v) is t and v == e for t, e in pairs)


def _all(checks: list[Check]) -> Check:
    if len(checks) == 1:
        return checks[0]
    if len(checks) == 2:
        first, second = checks
        return lambda v: first(v) and second(v)

    def every(v: Any) -> bool:
        for c in checks:
            if not c(v):
                return False
        return True
    return every


def _any(checks: list[Check]) -> Check:
    def some(v: Any) -> bool:
        for c in checks:
            if c(v):
                return True
        return False
    return some


def _string(node: Mapping[str, Any], typed: bool) -> Check:
    """``type: string`` (when ``typed``) with pattern / maxLength / minLength in one."""
    search = re.compile(node["pattern"]).search if "pattern" in node else None
    hi = int(node["maxLength"]) if "maxLength" in node else None
    lo = int(node["minLength"]) if "minLength" in node else None

    def string(v: Any) -> bool:
        if type(v) is not str:
            return not typed
        if hi is not None and len(v) > hi:
            return False
        if lo is not None and len(v) < lo:
            return False
        return search is None or search(v) is not None
    return string


def _number(node: Mapping[str, Any], want: Any) -> Check:
    lo, hi = node.get("minimum"), node.get("maximum")
    typed = want in ("integer", "number")
    exact = want == "integer"

    def number(v: Any) -> bool:
        t = type(v)
        if t is not int and (exact or t is not float):
            return not typed and not _is_num(v)
        if lo is not None and v < lo:
            return False
        return hi is None or v <= hi
    return number


def _object(node: Mapping[str, Any]) -> Check:
    props = {k: _compile(s) for k, s in (node.get("properties") or {}).items()}
    required = tuple(node.get("required") or ())
    extra = node.get("additionalProperties", True)
    closed = extra is False
    extra_check = None if extra is True or closed else _compile(extra)
    typed = node.get("type") == "object"

    def obj(v: Any) -> bool:
        if type(v) is not dict:
            return not typed
        for k in required:
            if k not in v:
                return False
        for k, sub in v.items():
            c = props.get(k)
            if c is not None:
                if not c(sub):
                    return False
            elif closed:
                return False
            elif extra_check is not None and not extra_check(sub):
                return False
        return True
    return obj


_STRING_KW = {"pattern", "maxLength", "minLength"}
_NUMBER_KW = {"minimum", "maximum"}
_OBJECT_KW = {"properties", "required", "additionalProperties"}
_ARRAY_KW = {"items", "minItems", "maxItems"}


def _compile(node: Any) -> Check:  # noqa: C901 - one branch per keyword
    if node is True or node == {}:
        return lambda v: True
    if not isinstance(node, Mapping):
        raise _Unsupported("schema is not an object")
    unknown = set(node) - _KNOWN
    if unknown:
        raise _Unsupported(", ".join(sorted(unknown)))
    keys = set(node)
    want = node.get("type")
    checks: list[Check] = []
    if keys & _STRING_KW:
        checks.append(_string(node, want == "string"))
    if keys & _NUMBER_KW:
        checks.append(_number(node, want))
    if keys & _OBJECT_KW:
        checks.append(_object(node))
    # the type is checked by the keyword group of that type when there is one
    typed = ((want == "string" and bool(keys & _STRING_KW))
             or (want in ("integer", "number") and bool(keys & _NUMBER_KW))
             or (want == "object" and bool(keys & _OBJECT_KW)))
    if "type" in node and not typed:
        checks.insert(0, _type(want))
    if "enum" in node:
        checks.append(_enum(list(node["enum"])))
    if "anyOf" in node:
        checks.append(_any([_compile(s) for s in node["anyOf"]]))
    a_checks: list[Check] = []
    if "items" in node:
        item = _compile(node["items"])

        def items(v: Any) -> bool:
            for x in v:
                if not item(x):
                    return False
            return True
        a_checks.append(items)
    if "minItems" in node:
        lo_a = int(node["minItems"])
        a_checks.append(lambda v: len(v) >= lo_a)
    if "maxItems" in node:
        hi_a = int(node["maxItems"])
        a_checks.append(lambda v: len(v) <= hi_a)
    if a_checks:
        arr = _all(a_checks)
        checks.append(lambda v: type(v) is not list or arr(v))
    if not checks:
        return lambda v: True
    return _all(checks)


def compile_schema(schema: Mapping[str, Any]) -> Check | None:
    """The pre-check of ``schema``, or ``None`` when it uses a keyword not handled here."""
    try:
        return _compile(schema)
    except (_Unsupported, re.error, TypeError, ValueError):
        return None


__all__ = ["Check", "compile_schema"]
