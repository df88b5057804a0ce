"""特困 care rules (issue 15): the six indicators and three levels of 民发〔2021〕43号
("有3项以下（含3项）指标不能达到的，可以视为部分丧失生活自理能力；有4项以上（含4项）…完全丧失"),
the dated setting ``care`` (thresholds and standards per effective date), the agreement's
default term and the reminder."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core.errors import ValidationError
from desktop_app.core.rules import care

ALL = dict.fromkeys(care.INDICATOR_CODES, True)


def met_except(*failed: str) -> dict[str, bool]:
    return {c: c not in failed for c in care.INDICATOR_CODES}


@pytest.mark.parametrize(("failed", "level"), [
    ((), care.ABLE),                                              # 6项全部达到
    (("bath",), care.PARTIAL),                                    # 1 项
    (("dress", "bath", "walk"), care.PARTIAL),                    # 3 项（含3项）: 部分
    (("dress", "bath", "walk", "toilet"), care.FULL),             # 4 项（含4项）: 完全
    (care.INDICATOR_CODES, care.FULL),                            # 6 项
])
def test_level_follows_43_hao(failed, level):
    result = care.assess(met_except(*failed), care.DEFAULT_ENTRY)
    assert result.level == level
    assert result.failed_count == len(failed)


def test_reason_names_the_indicators_not_met():
    result = care.assess(met_except("dress", "bath"), care.DEFAULT_ENTRY)
    assert result.reason == "6项指标中2项不能达到（自主穿衣、自主洗澡）"
    assert care.assess(ALL, care.DEFAULT_ENTRY).reason == "6项指标全部达到"


def test_an_unanswered_indicator_is_refused_by_name():
    answers = dict(ALL)
    del answers["walk"]
    with pytest.raises(ValidationError) as err:
        care.assess(answers, care.DEFAULT_ENTRY)
    assert err.value.field == "indicators.walk"
    assert "室内自主行走" in err.value.message


ENTRIES = [
    dict(care.DEFAULT_ENTRY),
    {"effective_from": "2027-01-01", "full_from_failed": 3,
     "standards_fen": {"able": 0, "partial": 50_000, "full": 100_000},
     "term_months": 24, "remind_days": 60},
]


@pytest.mark.parametrize(("day", "failed", "level", "fen", "term", "remind"), [
    (date(2026, 12, 31), 3, care.PARTIAL, 40_000, 12, 30),   # the default entry in force
    (date(2027, 1, 1), 3, care.FULL, 100_000, 24, 60),       # the county's later entry
    (date(2027, 6, 1), 2, care.PARTIAL, 50_000, 24, 60),
    (date(2019, 1, 1), 0, care.ABLE, 10_000, 12, 30),        # before every entry: the earliest
])
def test_the_entry_in_force_decides(day, failed, level, fen, term, remind):
    entry = care.entry_on(care.validate_setting("care", ENTRIES), day)
    assert care.level_of(failed, entry) == level
    assert care.standard_fen(entry, level) == fen
    assert (entry["term_months"], entry["remind_days"]) == (term, remind)


@pytest.mark.parametrize(("start", "months", "end"), [
    (date(2026, 12, 1), 12, date(2027, 11, 30)),
    (date(2027, 1, 1), 12, date(2027, 12, 31)),
    (date(2027, 1, 31), 1, date(2027, 2, 27)),     # 01-31 + 1 month → 02-28, last day 02-27
    (date(2028, 2, 29), 12, date(2029, 2, 27)),
])
def test_default_end(start, months, end):
    assert care.default_end(start, months) == end


@pytest.mark.parametrize(("ends", "today", "remind", "soon"), [
    (date(2027, 1, 30), date(2026, 12, 31), 30, True),
    (date(2027, 1, 31), date(2026, 12, 31), 30, False),
    (date(2026, 12, 31), date(2026, 12, 31), 0, True),
])
def test_ending_soon(ends, today, remind, soon):
    assert care.ending_soon(ends, today, remind) is soon


@pytest.mark.parametrize(("mode", "level", "needed"), [
    (care.DISPERSED, care.FULL, True), (care.DISPERSED, care.PARTIAL, True),
    (care.DISPERSED, care.ABLE, False), (care.CENTRALIZED, care.FULL, False),
])
def test_dispersed_disabled_persons_need_an_agreement(mode, level, needed):
    assert care.needs_agreement(mode, level) is needed


@pytest.mark.parametrize("bad", [
    [],
    "x",
    [dict(care.DEFAULT_ENTRY, full_from_failed=7)],
    [dict(care.DEFAULT_ENTRY, full_from_failed=True)],
    [dict(care.DEFAULT_ENTRY, term_months=0)],
    [dict(care.DEFAULT_ENTRY, remind_days=181)],
    [dict(care.DEFAULT_ENTRY, effective_from="2027-13-01")],
    [dict(care.DEFAULT_ENTRY, standards_fen={"able": 1, "partial": 2})],
    [dict(care.DEFAULT_ENTRY, standards_fen={"able": -1, "partial": 2, "full": 3})],
    [dict(care.DEFAULT_ENTRY, extra=1)],
    [dict(care.DEFAULT_ENTRY), dict(care.DEFAULT_ENTRY)],   # two entries on one day
])
def test_bad_settings_are_refused_in_chinese(bad):
    with pytest.raises(ValidationError) as err:
        care.validate_setting("care", bad)
    assert err.value.key == "care.setting_invalid"
    assert "特困人员照料设置不正确" in err.value.message


def test_settings_are_sorted_by_date():
    out = care.validate_setting("care", list(reversed(ENTRIES)))
    assert [e["effective_from"] for e in out] == ["2021-01-01", "2027-01-01"]
