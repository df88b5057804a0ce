"""The compiled schema pre-check and the plain-text pass (sync_contract/fastcheck.py,
validation.py; issue 17 ingest speed) never let through what ``jsonschema`` or the text
rule refuses: every real record of a demo export passes the fast path, and every mutation
of it that the full validators refuse is refused by the fast path too."""

from __future__ import annotations

import json

import pytest

from sync_contract import envelope as env
from sync_contract.fastcheck import compile_schema
from sync_contract.text import find_problem
from sync_contract.validation import SCHEMA_DIR, _plain, validator
from tests.county.helpers import read_package


@pytest.fixture(scope="module")
def records(world):
    _, recs = read_package(world, world.packages[0])
    return {t: rs for t, rs in recs.items() if rs}


def _mutations(rec: dict) -> list[dict]:
    """Records that differ from ``rec`` in one field each: wrong types, out-of-range
    numbers, over-long and pattern-breaking strings, bad text, extra and missing fields."""
    out = [dict(rec, unexpected_field=1)]
    for k, v in rec.items():
        out.append({kk: vv for kk, vv in rec.items() if kk != k})
        for bad in (None, True, 1.0, 1.5, -1, 10**12, "", "x" * 300, "不是日期", "a\nb",
                    "\u0301x", "e\u0301", "\x07", "\ud800", [], {}, [1], {"a": 1}):
            if bad is not v:
                out.append(dict(rec, **{k: bad}))
        if isinstance(v, list) and v and isinstance(v[0], dict):
            for kk in v[0]:
                out.append(dict(rec, **{k: [dict(v[0], **{kk: None})] + v[1:]}))
                out.append(dict(rec, **{k: [dict(v[0], **{kk: "\t"})] + v[1:]}))
    return out


def test_every_township_schema_compiles():
    for type_ in env.TYPES[env.TOWNSHIP_EXPORT]:
        schema = json.loads((SCHEMA_DIR / env.schema_name(env.TOWNSHIP_EXPORT, type_))
                            .read_text(encoding="utf-8"))
        assert compile_schema(schema) is not None, type_


def test_unknown_keywords_are_not_compiled():
    assert compile_schema({"type": "object", "oneOf": [{}]}) is None
    assert compile_schema({"type": "string", "format": "date"}) is None
    assert compile_schema({"type": "object", "properties": {"a": {"$ref": "#/x"}}}) is None


@pytest.mark.parametrize("schema, good, bad", [
    ({"type": "integer", "minimum": 0}, [0, 5], [-1, True, 1.0, "1", None]),
    ({"type": "string", "maxLength": 2, "pattern": "^[a-z]+$"}, ["ab"], ["abc", "A", 1, ""]),
    ({"enum": ["a", "b"]}, ["a"], ["c", 1, None]),
    ({"enum": [1, None]}, [1, None], [True, 1.0, "1"]),
    ({"anyOf": [{"type": "string"}, {"type": "null"}]}, ["x", None], [1, []]),
    ({"type": "object", "properties": {"a": {"type": "integer"}}, "required": ["a"],
      "additionalProperties": False}, [{"a": 1}], [{"a": 1, "b": 2}, {}, {"a": "1"}, []]),
    ({"type": "array", "items": {"type": "string"}, "minItems": 1, "maxItems": 2},
     [["a"], ["a", "b"]], [[], ["a", "b", "c"], [1], "a"]),
    ({"minimum": 3}, [3, "not a number", True], [2, 2.5]),
])
def test_keywords_table(schema, good, bad):
    check = compile_schema(schema)
    assert check is not None
    for v in good:
        assert check(v), v
    for v in bad:
        assert not check(v), v


@pytest.mark.slow
def test_real_records_pass_and_no_refused_mutation_passes(records):
    seen = 0
    for type_, recs in records.items():
        v = validator(env.schema_name(env.TOWNSHIP_EXPORT, type_))
        assert v.fast is not None
        for rec in recs[:5]:
            assert v.fast(rec) and v.schema.is_valid(rec), type_
            assert v.problem(rec) is None
            for m in _mutations(rec):
                if not v.schema.is_valid(m):
                    assert not v.fast(m), (type_, sorted(set(m) ^ set(rec)))
                    seen += 1
                if find_problem(m, v.text_rules) is not None:
                    assert not _plain(m, 10_000), type_
                    assert v.text_problem(m) is not None
    assert seen > 1000
