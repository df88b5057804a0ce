"""Standards with effective dates: parsing, validation and the entry in force."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core.errors import ValidationError
from desktop_app.core.rules import settings as rules_settings
from desktop_app.core.rules.standards import (
    FIELDS,
    load_default_entries,
    parse_entries,
    standards_on,
)

BASE = {"effective_from": "2025-01-01", "urban_dibao_fen": 80000, "rural_dibao_fen": 60000,
        "edge_percent": 150, "tekun_percent": 130, "rigid_share_percent": 80,
        "urban_disposable_income_fen": 4200000, "rural_disposable_income_fen": 1800000,
        "employment_deduction_percent": 30}


def entry(**kw):
    return {**BASE, **kw}


def test_bundled_defaults_are_valid_and_complete():
    entries = load_default_entries()
    assert entries and set(entries[0]) == {"effective_from", *FIELDS}
    st = standards_on(entries, date(2026, 11, 24))
    assert st.rural_dibao_fen == 60000 and st.edge_percent == 150 and st.tekun_percent == 130


@pytest.mark.parametrize("day, rural", [
    (date(2025, 1, 1), 60000), (date(2026, 6, 30), 60000), (date(2026, 7, 1), 70000),
    (date(2027, 1, 1), 70000),
])
def test_entry_in_force_switches_on_its_date_whatever_the_order(day, rural):
    entries = [entry(effective_from="2026-07-01", rural_dibao_fen=70000), entry()]
    assert standards_on(entries, day).rural_dibao_fen == rural


def test_no_entry_in_force_yet_is_a_clear_error():
    with pytest.raises(ValidationError) as exc:
        standards_on([entry()], date(2024, 12, 31))
    assert exc.value.field == "standards" and "2024年12月31日" in exc.value.message


@pytest.mark.parametrize("value, code", [
    ([], "invalid"), ("x", "invalid"), ([1], "invalid"),
    ([{k: v for k, v in BASE.items() if k != "rural_dibao_fen"}], "incomplete"),
    ([entry(effective_from="2025-1-1")], "invalid"),
    ([entry(effective_from="2025-02-30")], "invalid"),
    ([entry(rural_dibao_fen=True)], "invalid"),
    ([entry(rural_dibao_fen="600")], "invalid"),
    ([entry(rural_dibao_fen=0)], "range"),
    ([entry(edge_percent=99)], "range"),
    ([entry(employment_deduction_percent=101)], "range"),
    ([entry(), entry()], "duplicate"),
])
def test_invalid_standards_are_refused(value, code):
    with pytest.raises(ValidationError) as exc:
        rules_settings.validate_setting("standards", value)
    assert exc.value.field == "standards" and exc.value.code == code


def test_setting_is_normalised_sorted():
    out = rules_settings.validate_setting(
        "standards", [entry(effective_from="2026-07-01"), entry()])
    assert [e["effective_from"] for e in out] == ["2025-01-01", "2026-07-01"]
    assert [e.effective_from for e in parse_entries(out)] == [date(2025, 1, 1), date(2026, 7, 1)]
