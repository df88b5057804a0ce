"""Property test against local limits (every seed: "收入低于当地低保标准，且财产符合相关
规定"; seed 001 汉中 单人户: "且財產符合相關規定的低收入家庭"). No seed gives a figure:
the limits are township settings (core/rules/eligibility.py); defaults deposits ≤ 24 ×
the monthly standard per person, at most 1 vehicle, at most 1 house, no housing area
limit, no business."""

from __future__ import annotations

import pytest

from desktop_app.core.rules.assessment import assess, evaluate, property_test
from tests.helpers.households import DAY, ST, adult, born, by_rule, hh, policy

# 2 rural people: standard 600 → deposit limit 600 × 24 × 2 = 28,800 yuan


@pytest.mark.parametrize("kw, p, ok, numbers", [
    ({"deposits_fen": 2_880_000}, {}, True, []),
    ({"deposits_fen": 2_880_001}, {}, False,
     ["存款 28,800.01 元，限额 600 元 × 24 个月 × 2 人 = 28,800 元"]),
    ({"deposits_fen": 1_440_001}, {"deposit_months_per_person": 12}, False, ["× 12 个月", "14,400 元"]),
    ({"deposits_fen": 99_000_000}, {"deposit_months_per_person": 0}, True, []),  # no limit
    ({"vehicles": 1}, {}, True, []),
    ({"vehicles": 2}, {}, False, ["机动车 2 辆，限 1 辆"]),
    ({"vehicles": 1}, {"max_vehicles": 0}, False, ["机动车 1 辆，限 0 辆"]),
    ({"vehicles": 9}, {"max_vehicles": -1}, True, []),  # no limit
    ({"housing_area_m2": 500}, {}, True, []),  # default: no housing limit
    ({"housing_area_m2": 80}, {"max_housing_m2_per_person": 40}, True, []),
    ({"housing_area_m2": 81}, {"max_housing_m2_per_person": 40}, False,
     ["住房 81 平方米，限 40 平方米 × 2 人 = 80 平方米"]),
    # houses beyond the first (issue 12 "houses beyond the first"; default limit 1, ours)
    ({"houses": 1}, {}, True, ["住房 1 套，限 1 套"]),
    ({"houses": 2}, {}, False, ["住房 2 套，限 1 套"]),
    ({"houses": 0}, {"max_houses": 0}, True, []),
    ({"houses": 1}, {"max_houses": 0}, False, ["住房 1 套，限 0 套"]),
    ({"houses": 5}, {"max_houses": -1}, True, []),  # no limit
    ({"houses": None}, {}, True, ["住房套数未登记（限 1 套，请核实）"]),  # not recorded
    ({"business": "小卖部"}, {}, False, ["登记有经营实体"]),
    ({"business": "小卖部"}, {"business_allowed": True}, True, []),
    ({"business": "  "}, {}, True, []),
])
def test_each_property_limit(kw, p, ok, numbers):
    h = hh(400, **kw)
    a = evaluate(h, ST, DAY, policy(**p))
    assert a.property.ok == ok
    for text in numbers:
        assert text in a.property.text()
    # 低保 only when the property passes; the reason says which limit, with its numbers
    dibao = by_rule(a.suggestions, "dibao")
    assert (dibao is not None) == ok
    if ok:
        assert "财产符合当地规定" in dibao.reason


def test_property_exceeded_blocks_edge_and_single_person_household():
    members = [adult("张三"), adult("王芳", "配偶", disability_category="肢体", disability_grade=1)]
    ok = assess(hh(members=members, incomes={"pension": 150000}), ST, DAY)
    assert {"dibao_edge", "dibao_single"} <= {s.rule_id for s in ok}
    over = assess(hh(members=members, incomes={"pension": 150000}, vehicles=3), ST, DAY)
    assert not {"dibao_edge", "dibao_single"} & {s.rule_id for s in over}


def test_property_exceeded_blocks_tekun():
    h = hh(members=[adult("刘老汉", birth_date=born(76))],
           incomes={"pension": 30000}, supporters_able=False)
    assert by_rule(assess(h, ST, DAY), "tekun") is not None
    h2 = hh(members=list(h.members), incomes={"pension": 30000}, supporters_able=False,
            deposits_fen=1_440_001)  # 1 person: 600 × 24 = 14,400
    assert by_rule(assess(h2, ST, DAY), "tekun") is None


def test_several_limits_exceeded_are_all_named():
    r = property_test(hh(400, vehicles=2, business="养殖场"), 60000, policy())
    assert len(r.exceeded) == 2 and "机动车 2 辆" in r.text() and "经营实体" in r.text()


# -- 刚性支出 needs the property test too (review 12 finding 3) ---------------------------------
# 刚性支出困难 is a 低收入 recognition like 低保边缘 (issue 12 / DOMAIN §4: "且财产符合相关
# 规定"); it drives 医疗 (spending), 教育 and 住房 ("低收入家庭"), so none of them without it.
# 2 rural people, 2,000 a month (24,000 a year < 18,000 × 2), medical 80,000 > 80 % of 24,000.
@pytest.mark.parametrize("kw, rigid", [
    ({}, True),
    ({"deposits_fen": 2_880_000}, True),          # at the limit 600 × 24 × 2
    ({"deposits_fen": 2_880_001}, False),         # 1 fen over
    ({"vehicles": 1}, True), ({"vehicles": 2}, False),
    ({"business": "小卖部"}, False),
    ({"deposits_fen": 50_000_000, "vehicles": 3}, False),  # review 12 probe p4
])
def test_rigid_spending_needs_property_within_limits(kw, rigid):
    members = [adult("甲", employment="务农"), adult("乙", "配偶", employment="务农")]
    h = hh(members=members, incomes={"farming": 200000}, medical_spending_fen=8_000_000, house_rating="D",
           **kw)
    a = evaluate(h, ST, DAY)
    s = by_rule(a.suggestions, "rigid")
    assert (s is not None) == rigid == a.property.ok
    low_income_rules = {"rigid", "medical_spending", "housing"}
    assert ({x.rule_id for x in a.suggestions} & low_income_rules == low_income_rules) == rigid
    if rigid:
        assert "财产符合当地规定" in s.reason
    else:
        assert a.suggestions == []


def test_rigid_reason_quotes_the_property_result():
    members = [adult("甲", employment="务农"), adult("乙", "配偶", employment="务农")]
    h = hh(members=members, incomes={"farming": 200000}, medical_spending_fen=8_000_000)
    s = by_rule(evaluate(h, ST, DAY).suggestions, "rigid")
    assert s is not None and "超过家庭年收入 24,000 元的 80%；财产符合当地规定；认定有效期" in s.reason
