"""Pure rules of 动态管理 (core/rules/dynamic.py), table-driven, with their sources:

* 汉中 (seed 001) measure 五: "按照特困人员和A、B类低保对象一年一次、C类低保对象半年一次
  开展核查" — the class and the interval;
* 民发〔2021〕57号 分类管理: C = 收入来源不固定、家庭成员有劳动能力 (wording not checked);
* 重庆 (seed 004): "家庭月人均收入超过低保标准但低于低保标准1.5倍的给予6个月渐退期".
"""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core.errors import ValidationError
from desktop_app.core.rules import dynamic as d
from desktop_app.core.rules.assessment import HouseholdFacts, MemberFacts, income_figures, property_test
from desktop_app.core.rules.eligibility import Policy
from sync_contract.standards import Standards

DAY = date(2027, 3, 1)
RP = d.policy_on([d.DEFAULT_ENTRY], DAY)
POLICY = Policy(effective_from=date(2021, 1, 1))
ST = Standards(effective_from=date(2026, 1, 1), urban_dibao_fen=80000, rural_dibao_fen=60000)
OLD = MemberFacts("甲", date(1950, 1, 1))
CHILD = MemberFacts("乙", date(2015, 1, 1), relation="子")
ABLE = MemberFacts("丙", date(1985, 1, 1), relation="子", employment="在职")
FLEX = MemberFacts("丁", date(1985, 1, 1), relation="子", employment="灵活就业")
ILL = MemberFacts("戊", date(1985, 1, 1), relation="子", health="重病")


@pytest.mark.parametrize(("members", "incomes", "cls"), [
    ((OLD, CHILD), {"pension": 20000}, "A"),      # nobody able to work: yearly
    ((OLD, ILL), {"wage": 20000}, "A"),           # 重病: not able to work
    ((OLD, ABLE), {"pension": 20000}, "B"),       # able, steady income: yearly
    ((OLD, ABLE), {"wage": 30000}, "C"),          # able, wages (irregular): half-yearly
    ((OLD, FLEX), {}, "C"),                       # able, 灵活就业: half-yearly
])
def test_class_from_the_facts(members, incomes, cls):
    got, reason = d.derive_class(HouseholdFacts(members, incomes), DAY, RP, POLICY)
    assert got == cls and reason
    assert "甲" not in reason and "丙" not in reason   # the reason names nobody


@pytest.mark.parametrize(("item", "cls", "months"), [
    ("DIBAO", "A", 12), ("DIBAO", "B", 12), ("DIBAO", "C", 6), ("DIBAO", "", 12),
    ("TEKUN", "", 12), ("DIBAO_EDGE", "", 12), ("RIGID", "", 9), ("MEDICAL", "", None),
])
def test_interval_per_item_and_class(item, cls, months):
    setting = {"TEKUN": 12, "DIBAO_A": 12, "DIBAO_B": 12, "DIBAO_C": 6}
    assert d.interval_months(item, cls, setting, RP, 9) == months


@pytest.mark.parametrize(("start", "months", "ends"), [
    (date(2027, 4, 1), 6, date(2027, 9, 30)),     # 重庆: 6 months
    (date(2027, 9, 15), 6, date(2028, 2, 29)),    # any day → from its month; leap year
    (date(2027, 1, 1), 3, date(2027, 3, 31)),     # a local setting of 3 months
])
def test_taper_end(start, months, ends):
    assert d.taper_ends_on(start, months) == ends


DECISIONS = [d.Decision(date(2027, 4, 1), "adjust", 45000),
             d.Decision(date(2027, 7, 1), "taper", 45000, date(2027, 12, 31))]


@pytest.mark.parametrize(("month", "amount"), [
    (date(2026, 11, 1), None),     # before the grant
    (date(2027, 3, 1), 60000),     # the grant
    (date(2027, 4, 1), 45000),     # adjusted from the month given
    (date(2027, 12, 1), 45000),    # last month of the 渐退
    (date(2028, 1, 1), None),      # after it
])
def test_amount_in_force(month, amount):
    assert d.amount_in_force(60000, date(2026, 12, 1), DECISIONS, month) == amount


@pytest.mark.parametrize(("income", "outcome", "amount"), [
    (10000, "adjust", 110000),    # 2 × 600 − 100 = 1,100 (was 800)
    (40000, "continue", 80000),   # 2 × 600 − 400 = 800 = what is paid
    (150000, "taper", 80000),     # 750 per head: above 600, below 1.5 × 600 = 900
    (190000, "stop", None),       # 950 per head: 1.5 times or more
])
def test_suggestion_for_dibao(income, outcome, amount):
    h = HouseholdFacts((OLD, CHILD), {"pension": income})
    f = income_figures(h, ST, POLICY)
    prop = property_test(h, f.standard_fen, POLICY)
    got = d.suggest("DIBAO", f, prop, 80000, RP, 90000, False)
    assert (got.outcome, got.amount_fen) == (outcome, amount) and got.reason


@pytest.mark.parametrize(("text", "month"), [
    ("2027-01", date(2027, 1, 1)), ("2027-01-15", date(2027, 1, 1)),
    (date(2027, 5, 9), date(2027, 5, 1)),
])
def test_parse_month(text, month):
    assert d.parse_month(text) == month


@pytest.mark.parametrize("bad", ["2027-13", "2027/01", "", "一月"])
def test_parse_month_refuses(bad):
    with pytest.raises(ValidationError) as err:
        d.parse_month(bad)
    assert err.value.key == "dynamic.month_invalid"


def test_setting_is_dated_and_validated():
    later = {**d.DEFAULT_ENTRY, "effective_from": "2027-07-01", "taper_months": 3}
    entries = d.validate_setting("dynamic_review", [later, dict(d.DEFAULT_ENTRY)])
    assert [e["effective_from"] for e in entries] == ["2021-01-01", "2027-07-01"]
    assert d.policy_on(entries, date(2027, 6, 30)).taper_months == 6
    assert d.policy_on(entries, date(2027, 7, 1)).taper_months == 3
    for bad in ([], [{**d.DEFAULT_ENTRY, "taper_months": 0}],
                [{**d.DEFAULT_ENTRY, "taper_ceiling_percent": 90}],
                [{k: v for k, v in d.DEFAULT_ENTRY.items() if k != "edge_months"}]):
        with pytest.raises(ValidationError):
            d.validate_setting("dynamic_review", bad)
