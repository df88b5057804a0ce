"""Income as a calculation: 低保 / 低保边缘 thresholds, lines not counted, the
employment-cost deduction on wage income only, gross and net per capita, the 补差
amount, 单人户 and 刚性支出. Each case cites its source."""

from __future__ import annotations

import pytest

from desktop_app.core.rules.assessment import assess, evaluate, income_figures, yuan
from desktop_app.core.rules.standards import Standards
from tests.helpers.households import DAY, ST, adult, by_rule, hh, policy

# ----------------------------------------------------------------- 低保 / 边缘
# Seed 001 (汉中): 低保 when per-capita income is below the standard; 低保边缘 "但低于低保
# 標準1.5倍"; the 1.5 is the ``edge_percent`` of the county-sent standards.


@pytest.mark.parametrize("per_capita, hukou, dibao, edge, numbers", [
    (420, "农村", True, False, ["人均月收入 420 元", "农村低保标准 600 元"]),
    (599, "农村", True, False, ["人均月收入 599 元", "农村低保标准 600 元"]),
    (599.99, "农村", True, False, ["人均月收入 599.99 元", "600 元"]),
    (600, "农村", False, True, ["人均月收入 600 元", "农村低保标准 600 元", "低保边缘标准 900 元", "1.5 倍"]),
    (899, "农村", False, True, ["人均月收入 899 元", "900 元"]),
    (900, "农村", False, False, []),
    (700, "城镇", True, False, ["人均月收入 700 元", "城市低保标准 800 元"]),
    (799, "城镇", True, False, ["799", "800"]),
    (800, "城镇", False, True, ["800", "低保边缘标准 1,200 元"]),
    (1199, "城镇", False, True, ["1,199", "1,200"]),
    (1200, "城镇", False, False, []),
    (700, "农村", False, True, ["700", "农村低保标准 600 元"]),
])
def test_dibao_and_edge_thresholds(per_capita, hukou, dibao, edge, numbers):
    out = assess(hh(per_capita, hukou=hukou), ST, DAY)
    got = by_rule(out, "dibao") or by_rule(out, "dibao_edge")
    assert (by_rule(out, "dibao") is not None) == dibao
    assert (by_rule(out, "dibao_edge") is not None) == edge
    for text in numbers:
        assert text in got.reason


def test_edge_multiplier_is_a_setting():
    st = Standards(**{**ST.__dict__, "edge_percent": 200})
    out = assess(hh(1100), st, DAY)
    assert "低保边缘标准 1,200 元（低保标准的 2 倍）" in by_rule(out, "dibao_edge").reason


# ----------------------------------------------------------------- lines not counted
# 民发〔2021〕57号: income not counted in the household's income (优待抚恤金、奖励性补助,
# 政府发放的各类社会救助款物, 城乡居民基本养老保险基础养老金 …) is a list; default: the
# 生活补助 line (social-assistance money and 两项补贴) is not counted; the 养老金 line
# cannot tell 基础养老金 from a pension from work, so it is counted unless the setting says.


@pytest.mark.parametrize("incomes, excluded, item, per_capita, not_counted", [
    # one rural person: farming 400 + 两项补贴 450 recorded as 生活补助
    ({"farming": 40000, "allowance": 45000}, ("allowance",), "dibao", "400", "生活补助 450 元"),
    # the same line counted (setting emptied): 850 ≥ 600 → only 低保边缘
    ({"farming": 40000, "allowance": 45000}, (), "dibao_edge", "850", None),
    # farming 400 + pension 200: counted by default → 600, not below 600
    ({"farming": 40000, "pension": 20000}, ("allowance",), "dibao_edge", "600", None),
    # a township whose 养老金 lines are 城乡居民基础养老金 excludes them → 400 → 低保
    ({"farming": 40000, "pension": 20000}, ("allowance", "pension"), "dibao", "400", "养老金 200 元"),
    # the probe: pension 200 + 两项补贴 450 + farming 250, both excluded → 250
    ({"farming": 25000, "pension": 20000, "allowance": 45000}, ("allowance", "pension"), "dibao",
     "250", "养老金 200 元、生活补助 450 元"),
])
def test_excluded_lines_change_the_result(incomes, excluded, item, per_capita, not_counted):
    p = policy(excluded_incomes=excluded)
    out = assess(hh(members=[adult("张三")], incomes=incomes), ST, DAY, p)
    s = by_rule(out, item)
    assert s is not None and rules_of(out) & {"dibao", "dibao_edge"} == {item}
    assert f"人均月收入 {per_capita} 元" in s.reason
    if not_counted:
        assert f"不计入{not_counted}" in s.reason
    else:
        assert "不计入" not in s.reason


def rules_of(out):
    return {s.rule_id for s in out}


# ----------------------------------------------------------------- employment cost
# Seed 002 (铜仁): "对低保对象当年务工收入适当扣减合理就业成本费用" — on wage income
# (工资性收入) of members at work (在职、灵活就业); 30 % of the standard per worker is the
# county-sent ``employment_deduction_percent``. Farming and business income: no deduction.


@pytest.mark.parametrize("incomes, employments, per_capita, deduction, dibao", [
    # wage 1,380, one worker: 1,380 − 180 = 1,200 → 600 per head: not below 600
    ({"wage": 138000}, ("在职", ""), "600", "180", False),
    # wage 1,379: 1,199 → 599.50 per head: below
    ({"wage": 137900}, ("在职", ""), "599.50", "180", True),
    # two wage earners: 2 × 180
    ({"wage": 150000}, ("灵活就业", "在职"), "570", "360", True),
    # 务农 is not 务工: only the 灵活就业 member's 180 (old rule deducted 360)
    ({"wage": 150000}, ("灵活就业", "务农"), "660", "180", False),
    # farming income of two farmers: no deduction at all (old rule deducted 360)
    ({"farming": 119900}, ("务农", "务农"), "599.50", None, True),
    ({"farming": 120000}, ("务农", "务农"), "600", None, False),
    # business income of a worker: not wage, no deduction
    ({"business": 130000}, ("在职", ""), "650", None, False),
    # the deduction never exceeds the wage income
    ({"wage": 10000, "pension": 120000}, ("在职", ""), "600", "100", False),
    # pension only: nothing earned, nothing deducted
    ({"pension": 119800}, ("在职", ""), "599", None, True),
])
def test_employment_cost_deduction_on_wage_income_only(incomes, employments, per_capita,
                                                        deduction, dibao):
    members = [adult("张三", employment=employments[0]), adult("李四", "配偶", employment=employments[1])]
    out = assess(hh(members=members, incomes=incomes), ST, DAY)
    s = by_rule(out, "dibao") or by_rule(out, "dibao_edge")
    assert (by_rule(out, "dibao") is not None) == dibao
    assert f"人均月收入 {per_capita} 元" in s.reason
    if deduction:
        assert f"已扣除就业成本 {deduction} 元" in s.reason
    else:
        assert "就业成本" not in s.reason


def test_deduction_lines_and_employments_are_settings():
    members = [adult("张三", employment="务农"), adult("李四", "配偶", employment="务农")]
    h = hh(members=members, incomes={"farming": 150000})
    p = policy(deduction_incomes=("wage", "farming"), deduction_employments=("在职", "灵活就业", "务农"))
    s = by_rule(assess(h, ST, DAY, p), "dibao")
    assert "人均月收入 570 元（已扣除就业成本 360 元）" in s.reason


def test_deduction_percent_is_a_setting():
    st = Standards(**{**ST.__dict__, "employment_deduction_percent": 0})
    members = [adult("张三", employment="在职"), adult("李四", "配偶")]
    out = assess(hh(members=members, incomes={"wage": 137900}), st, DAY)
    assert by_rule(out, "dibao_edge") and "就业成本" not in by_rule(out, "dibao_edge").reason


# ----------------------------------------------------------------- gross and net


@pytest.mark.parametrize("incomes, gross, excluded, deduction, net, gross_pc, net_pc", [
    # wage 1,000 (one worker) + 生活补助 200, 2 people
    ({"wage": 100000, "allowance": 20000}, 120000, 20000, 18000, 82000, 60000, 41000),
    # nothing excluded, nothing deducted: gross = net
    ({"pension": 90001}, 90001, 0, 0, 90001, 45001, 45001),  # 450.005 → 450.01 (half up)
    ({}, 0, 0, 0, 0, 0, 0),
])
def test_gross_and_net_per_capita(incomes, gross, excluded, deduction, net, gross_pc, net_pc):
    members = [adult("张三", employment="在职"), adult("李四", "配偶")]
    f = income_figures(hh(members=members, incomes=incomes), ST)
    assert (f.gross_fen, f.excluded_fen, f.deduction_fen, f.net_fen) == (gross, excluded, deduction, net)
    assert (f.gross_per_capita_fen, f.per_capita_fen) == (gross_pc, net_pc)
    assert f.counted_fen == gross - excluded


# ----------------------------------------------------------------- 补差
# 低保金 补差 = standard × counted members − net household income (57号 / seed 004 重庆
# "在低保金补差发放的基础上"); the rounding is local (``topup_rounding``).


@pytest.mark.parametrize("net_fen, rounding, topup", [
    (100000, "fen", 80000),
    (100040, "fen", 79960), (100040, "yuan_up", 80000), (100040, "yuan_half_up", 80000),
    (100060, "fen", 79940), (100060, "yuan_up", 80000), (100060, "yuan_half_up", 79900),
    (100050, "yuan_half_up", 80000),  # 799.50 → 800
    (179999, "fen", 1),  # 1 fen below the standard × 3
])
def test_topup_amount_and_rounding(net_fen, rounding, topup):
    h = hh(n=3, incomes={"pension": net_fen})
    a = evaluate(h, ST, DAY, policy(topup_rounding=rounding))
    assert a.figures.topup_fen == topup
    s = by_rule(a.suggestions, "dibao")
    assert f"拟补差 600 元 × 3 人 − 家庭月收入 {yuan(net_fen)} 元 = {yuan(topup)} 元/月" in s.reason


# ----------------------------------------------------------------- 单人户
# Seed 001 (汉中): in a household below 1.5 × the standard, "一级、二级重度残疾人和三级智力
# 残疾人、三级精神残疾人,以及患有…大病…的重病患者人员,经本人申请,可单独纳入低保".


@pytest.mark.parametrize("category, grade, health, single", [
    ("肢体", 1, "健康", True), ("肢体", 2, "健康", True), ("肢体", 3, "健康", False),
    ("智力", 3, "健康", True), ("精神", 3, "健康", True), ("精神", 4, "健康", False),
    ("视力", 2, "健康", True), ("", None, "重病", True), ("", None, "多病", False),
])
def test_single_person_household_in_edge_household(category, grade, health, single):
    members = [adult("张三"), adult("王芳", "配偶", disability_category=category,
                                  disability_grade=grade, health=health)]
    out = assess(hh(members=members, incomes={"pension": 150000}), ST, DAY)  # 750 per head
    s = by_rule(out, "dibao_single")
    assert (s is not None) == single
    if single:
        assert s.item_code == "DIBAO" and "王芳" in s.reason and "900" in s.reason


def test_single_person_household_not_offered_outside_edge_band():
    members = [adult("张三"), adult("王芳", "配偶", disability_category="肢体", disability_grade=1)]
    assert by_rule(assess(hh(members=members, incomes={"pension": 200000}), ST, DAY),
                   "dibao_single") is None  # 1,000 per head ≥ 900


# ----------------------------------------------------------------- 刚性支出
# DOMAIN §4: not 低保/边缘; per-capita income below last year's disposable income; rigid
# spending above the local share (80 %) of the household income.


@pytest.mark.parametrize("per_capita, medical, education, rigid", [
    (1000, 19200, 0, False),       # exactly 80 % of 24,000: not above
    (1000, 19201, 0, True),
    (1000, 10000, 9201, True),     # medical + education
    (899, 30000, 0, False),        # 低保边缘: not 刚性支出
    (1500, 100000, 0, False),      # 18,000 a head a year = disposable income: not below
    (1499, 100000, 0, True),
])
def test_rigid_spending(per_capita, medical, education, rigid):
    out = assess(hh(per_capita, medical_spending_fen=medical * 100,
                    education_spending_fen=education * 100), ST, DAY)
    s = by_rule(out, "rigid")
    assert (s is not None) == rigid
    if rigid:
        assert f"人均年收入 {yuan(per_capita * 1200)} 元" in s.reason
        assert "农村居民人均可支配收入 18,000 元" in s.reason
        assert f"刚性支出 {yuan((medical + education) * 100)} 元" in s.reason
        assert f"家庭年收入 {yuan(per_capita * 2400)} 元的 80%" in s.reason


def test_rigid_spending_urban_uses_urban_disposable_income():
    out = assess(hh(2000, hukou="城镇", medical_spending_fen=5_000_000), ST, DAY)
    assert "城镇居民人均可支配收入 42,000 元" in by_rule(out, "rigid").reason
