"""The county-sendable ``eligibility`` entry (format 2): its JSON Schema
(``sync_contract/schemas/county-return.eligibility.schema.json``, written by hand because
``sync_contract`` never imports the township) matches the township's ``Policy`` and its
strict parser (``desktop_app/core/rules/eligibility.py``).

What the county accepts (the schema, then ``sync_contract.eligibility.entry_problems``)
the township's parser must accept — one bad entry makes the township refuse the whole
return. When the Policy gains a field these tests fail and name it: add it to the
schema's ``properties`` (not to ``required``: a county not yet updated leaves it out and
the township's parser fills its default)."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import pytest

from desktop_app.core.errors import ValidationError
from desktop_app.core.rules import eligibility as township
from desktop_app.core.rules.eligibility import DEFAULT_ENTRY, Policy, parse_entry
from desktop_app.core.vocab import DISABILITY_CATEGORIES
from sync_contract.eligibility import entry_problems
from sync_contract.validation import validator

NAME = "county-return.eligibility.schema.json"
SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "sync_contract" / "schemas" / NAME)
                    .read_text("utf-8"))
PROPS = SCHEMA["properties"]


def _county_accepts(entry: dict) -> bool:
    return validator(NAME).problem(entry) is None and not entry_problems([entry])


def _township_accepts(entry: dict) -> bool:
    try:
        parse_entry(entry)
    except ValidationError:
        return False
    return True


def test_the_township_default_entry_is_valid():
    assert validator(NAME).problem(DEFAULT_ENTRY) is None
    assert _county_accepts(DEFAULT_ENTRY) and _township_accepts(DEFAULT_ENTRY)


def test_the_schema_has_every_field_of_the_policy_and_no_other():
    policy = {f.name for f in fields(Policy)}
    assert set(PROPS) == policy, "schema properties must grow with the Policy"
    assert SCHEMA["additionalProperties"] is False
    # required: the fields of the Policy when format 2 was made (a field added later is
    # optional on the wire: the township's parser fills its default)
    assert set(SCHEMA["required"]) <= set(DEFAULT_ENTRY) and "effective_from" in SCHEMA["required"]


def test_the_schema_allows_the_township_s_codes_and_ranges():
    for name, allowed in township._CHOICES.items():
        assert PROPS[name]["enum"] == list(allowed), name
    for name, allowed in township._LISTS.items():
        assert PROPS[name]["items"]["enum"] == list(allowed), name
        assert PROPS[name]["uniqueItems"] is True
    for name, (lo, hi) in township._INTS.items():
        assert (PROPS[name]["minimum"], PROPS[name]["maximum"]) == (lo, hi), name
    for name in township._BOOLS:
        assert PROPS[name]["type"] == "boolean"
    grades = PROPS["incapable_grades"]
    assert grades["propertyNames"]["enum"] == [c for c in DISABILITY_CATEGORIES if c]


def _with(**change) -> dict:
    return {**DEFAULT_ENTRY, **change}


def _without(name: str) -> dict:
    return {k: v for k, v in DEFAULT_ENTRY.items() if k != name}


#: (sample, does the county accept it)
SAMPLES = [
    (_with(effective_from="2027-01-01"), True),
    (_with(effective_from="2028-02-29"), True),
    (_with(effective_from="2027-02-29"), False),     # pattern holds; not a calendar day
    (_with(effective_from="2027-1-1"), False),
    (_with(effective_from=20270101), False),
    *[(_with(**{name: value}), True) for name, allowed in township._CHOICES.items()
      for value in allowed],
    *[(_with(**{name: "other"}), False) for name in township._CHOICES],
    *[(_with(**{name: list(allowed)}), True) for name, allowed in township._LISTS.items()],
    *[(_with(**{name: []}), True) for name in township._LISTS],
    *[(_with(**{name: [allowed[0], allowed[0]]}), False)
      for name, allowed in township._LISTS.items()],
    *[(_with(**{name: ["lottery"]}), False) for name in township._LISTS],
    *[(_with(**{name: bound}), True) for name, (lo, hi) in township._INTS.items()
      for bound in (lo, hi)],
    *[(_with(**{name: bound}), False) for name, (lo, hi) in township._INTS.items()
      for bound in (lo - 1, hi + 1)],
    *[(_with(**{name: True}), False) for name in township._INTS],
    *[(_with(**{name: "1"}), False) for name in township._INTS],
    *[(_with(**{name: 1}), False) for name in township._BOOLS],
    (_with(incapable_grades={}), True),
    (_with(incapable_grades={"智力": 4, "视力": 0}), True),
    (_with(incapable_grades={"智力": 5}), False),
    (_with(incapable_grades={"": 1}), False),
    (_with(incapable_grades={"心理": 1}), False),
    (_with(incapable_grades={"智力": True}), False),
    (_with(incapable_grades=[["智力", 3]]), False),
    (_with(surprise=1), False),
    *[(_without(name), False) for name in SCHEMA["required"]],
]


@pytest.mark.parametrize(("entry", "county"), SAMPLES)
def test_what_the_county_accepts_the_township_accepts(entry, county):
    assert _county_accepts(entry) is county
    if county:
        assert _township_accepts(entry)


def test_an_update_repeating_a_day_is_refused_by_the_county():
    assert entry_problems([DEFAULT_ENTRY, dict(DEFAULT_ENTRY)]) == [
        "eligibility record 2: effective_from repeats record 1"]
