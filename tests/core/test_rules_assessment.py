"""Needs assessment rules at and around every threshold; reasons quote the numbers."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core.rules.assessment import (
    HouseholdFacts,
    MemberFacts,
    assess,
    incapacity,
    suggested_items,
    yuan,
)
from desktop_app.core.rules.standards import Standards, standards_on

DAY = date(2026, 11, 24)
ST = Standards(effective_from=date(2025, 1, 1), urban_dibao_fen=80000, rural_dibao_fen=60000,
               edge_percent=150, tekun_percent=130, rigid_share_percent=80,
               urban_disposable_income_fen=4200000, rural_disposable_income_fen=1800000,
               employment_deduction_percent=30)


def born(age: int, *, days_before_birthday: int = 0) -> date:
    """A birth date giving ``age`` full years on DAY (or turning age+1 in N days)."""
    b = date(DAY.year - age, DAY.month, DAY.day)
    if days_before_birthday:
        b = date(DAY.year - age - 1, DAY.month, DAY.day + days_before_birthday)
    return b


def adult(name="张三", relation="本人", **kw) -> MemberFacts:
    kw.setdefault("birth_date", born(45))
    return MemberFacts(name=name, relation=relation, **kw)


def hh(per_capita_yuan: float | None = None, n: int = 2, hukou: str = "农村", members=None,
       incomes=None, **kw) -> HouseholdFacts:
    if members is None:
        members = [adult("张三", hukou_type=hukou)] + [
            adult(f"成员{i}", "配偶" if i == 1 else "其他", hukou_type=hukou) for i in range(1, n)]
    if incomes is None:
        incomes = {"pension": round(per_capita_yuan * 100 * len(members))}
    return HouseholdFacts(members=tuple(members), incomes_fen=incomes, **kw)


def by_rule(suggestions, rule):
    found = [s for s in suggestions if s.rule_id == rule]
    return found[0] if found else None


# ----------------------------------------------------------------- 低保 / 边缘


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


@pytest.mark.parametrize("incomes, employments, per_capita, deduction, dibao", [
    # wage 1,380, one worker: 1,380 − 180 = 1,200 → 600 per head: not below 600
    ({"wage": 138000}, ("在职", ""), "600", "180", False),
    # wage 1,379: 1,199 → 599.50 per head: below
    ({"wage": 137900}, ("在职", ""), "599.50", "180", True),
    # two workers: 2 × 180 deducted
    ({"wage": 150000}, ("灵活就业", "务农"), "570", "360", True),
    # deduction never exceeds earned income
    ({"wage": 10000, "pension": 120000}, ("在职", ""), "600", "100", False),
    # pension only: nothing earned, nothing deducted
    ({"pension": 119800}, ("在职", ""), "599", None, True),
])
def test_employment_cost_deduction(incomes, employments, per_capita, deduction, dibao):
    members = [adult("张三", employment=employments[0]), adult("李四", "配偶", employment=employments[1])]
    out = assess(hh(members=members, incomes=incomes), ST, DAY)
    s = by_rule(out, "dibao") or by_rule(out, "dibao_edge")
    assert (by_rule(out, "dibao") is not None) == dibao
    assert f"人均月收入 {per_capita} 元" in s.reason
    if deduction:
        assert f"已扣除就业成本 {deduction} 元" in s.reason
    else:
        assert "就业成本" not in s.reason


def test_deduction_percent_is_a_setting():
    st = Standards(**{**ST.__dict__, "employment_deduction_percent": 0})
    members = [adult("张三", employment="在职"), adult("李四", "配偶")]
    out = assess(hh(members=members, incomes={"wage": 137900}), st, DAY)
    assert by_rule(out, "dibao_edge") and "就业成本" not in by_rule(out, "dibao_edge").reason


# ----------------------------------------------------------------- 单人户


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
        assert ("重病" in s.reason) if health == "重病" else (f"{category}" in s.reason)


def test_single_person_household_not_offered_outside_edge_band():
    members = [adult("张三"), adult("王芳", "配偶", disability_category="肢体", disability_grade=1)]
    assert by_rule(assess(hh(members=members, incomes={"pension": 200000}), ST, DAY),
                   "dibao_single") is None  # 1,000 per head ≥ 900


# ----------------------------------------------------------------- 特困


def single_person(**kw) -> HouseholdFacts:
    per_capita = kw.pop("per_capita", 300)
    supporters = kw.pop("supporters_able", False)
    return HouseholdFacts(members=(adult("刘老汉", **kw),), incomes_fen={"pension": per_capita * 100},
                          supporters_able=supporters)


@pytest.mark.parametrize("kw, tekun, words", [
    ({"birth_date": born(72)}, True, ["72 岁", "60 周岁以上"]),
    ({"birth_date": born(60)}, True, ["60 岁"]),
    ({"birth_date": born(59)}, False, []),
    ({"birth_date": born(17)}, True, ["17 岁", "未满 18 周岁"]),
    ({"birth_date": born(17, days_before_birthday=1)}, True, ["17 岁"]),  # 18 tomorrow
    ({"birth_date": born(18)}, False, []),  # 18 today, not in school
    ({"birth_date": born(18), "employment": "在校"}, True, ["18 岁", "仍在校"]),
    ({"employment": "无劳动能力"}, True, ["无劳动能力"]),
    ({"disability_category": "智力", "disability_grade": 3}, True, ["智力三级残疾"]),
    ({"disability_category": "精神", "disability_grade": 1}, True, ["精神一级残疾"]),
    ({"disability_category": "智力", "disability_grade": 4}, False, []),
    ({"disability_category": "肢体", "disability_grade": 2}, True, ["肢体二级残疾"]),
    ({"disability_category": "肢体", "disability_grade": 3}, False, []),
    ({"disability_category": "视力", "disability_grade": 1}, True, ["视力一级残疾"]),
    ({"disability_category": "视力", "disability_grade": 2}, False, []),
    ({"disability_category": "听力", "disability_grade": 1}, False, []),
])
def test_tekun_capacity_to_work(kw, tekun, words):
    out = assess(single_person(**kw), ST, DAY)
    s = by_rule(out, "tekun")
    assert (s is not None) == tekun
    if tekun:
        for w in [*words, "刘老汉", "人均月收入 300 元", "农村低保标准 600 元", "780 元", "1.3 倍",
                  "法定义务人"]:
            assert w in s.reason


@pytest.mark.parametrize("per_capita, supporters, tekun", [
    (599, False, True), (600, False, False), (300, None, False), (300, True, False),
])
def test_tekun_needs_low_income_and_no_able_supporter(per_capita, supporters, tekun):
    out = assess(single_person(birth_date=born(80), per_capita=per_capita,
                               supporters_able=supporters), ST, DAY)
    assert (by_rule(out, "tekun") is not None) == tekun


def test_incapacity_without_birth_date_is_not_guessed():
    assert incapacity(MemberFacts("某人"), DAY) is None


# ----------------------------------------------------------------- 刚性支出


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


# ----------------------------------------------------------------- special items


@pytest.mark.parametrize("age, employment, per_capita, education", [
    (10, "在校", 400, True), (6, "在校", 400, True), (5, "学龄前", 400, False),
    (18, "在校", 400, True), (19, "在校", 400, False), (10, "在校", 2000, False),
])
def test_education_for_pupils_of_low_income_households(age, employment, per_capita, education):
    members = [adult("张三"), MemberFacts("张小明", born(age), "子", employment=employment)]
    out = assess(hh(per_capita, members=members), ST, DAY)
    s = by_rule(out, "education")
    assert (s is not None) == education
    if education:
        assert f"张小明（{age} 岁，在校）" in s.reason


@pytest.mark.parametrize("health, medical, per_capita, rule", [
    ("重病", 0, 2000, "medical_illness"),
    ("重病", 35000, 2000, "medical_illness"),
    ("健康", 3000, 400, "medical_spending"),
    ("健康", 3000, 2000, None),
    ("多病", 0, 400, None),
])
def test_medical(health, medical, per_capita, rule):
    members = [adult("张三", health=health), adult("李四", "配偶")]
    out = assess(hh(per_capita, members=members, medical_spending_fen=medical * 100), ST, DAY)
    s = by_rule(out, "medical_illness") or by_rule(out, "medical_spending")
    assert (s.rule_id if s else None) == rule
    if s and medical:
        assert f"医疗支出 {yuan(medical * 100)} 元" in s.reason
    if rule == "medical_illness":
        assert "张三 患重病" in s.reason


@pytest.mark.parametrize("rating, housing", [("", False), ("A", False), ("B", False),
                                              ("C", True), ("D", True)])
def test_housing(rating, housing):
    s = by_rule(assess(hh(2000, house_rating=rating), ST, DAY), "housing")
    assert (s is not None) == housing
    if housing:
        assert f"{rating} 级危房" in s.reason


@pytest.mark.parametrize("grade, per_capita, living, care", [
    (4, 400, True, False), (3, 400, True, False), (2, 400, True, True), (1, 400, True, True),
    (2, 2000, False, True), (4, 2000, False, False),
])
def test_disability_two_subsidies(grade, per_capita, living, care):
    members = [adult("张三"), adult("李四", "配偶", disability_category="听力", disability_grade=grade)]
    out = assess(hh(per_capita, members=members), ST, DAY)
    assert (by_rule(out, "disability_living") is not None) == living
    assert (by_rule(out, "disability_care") is not None) == care
    for s in (by_rule(out, "disability_living"), by_rule(out, "disability_care")):
        if s:
            assert s.item_code == "DISABILITY" and "李四" in s.reason
    if living and care:
        assert suggested_items(out).count("DISABILITY") == 1


# ----------------------------------------------------------------- 孤儿 / 事实无人抚养


@pytest.mark.parametrize("members, orphan", [
    # grandmother and grandson, no parent in the household
    ([adult("王奶奶", birth_date=born(70)), MemberFacts("王小宝", born(10), "孙子")], True),
    # the father lives with them and can raise the child
    ([adult("王奶奶", birth_date=born(70)), adult("王大", "子"), MemberFacts("王小宝", born(10), "孙子")], False),
    # the father is seriously ill
    ([adult("王奶奶", birth_date=born(70)), adult("王大", "子", health="重病"),
      MemberFacts("王小宝", born(10), "孙子")], True),
    # applicant parent with a first-grade disability, no spouse
    ([adult("李强", disability_category="肢体", disability_grade=1), MemberFacts("李丽", born(8), "女")], True),
    ([adult("李强"), MemberFacts("李丽", born(8), "女")], False),
    # 18-year-old grandchild: not a minor
    ([adult("王奶奶", birth_date=born(70)), MemberFacts("王小宝", born(18), "孙子")], False),
    ([adult("王奶奶", birth_date=born(70)), MemberFacts("王小宝", born(17), "孙子")], True),
    # a child applicant without parents in the household
    ([MemberFacts("赵小", born(15), "本人"), MemberFacts("赵妹", born(12), "姐妹")], True),
])
def test_orphan_or_unraised_child(members, orphan):
    out = assess(hh(members=members, incomes={}), ST, DAY)
    s = by_rule(out, "orphan")
    assert (s is not None) == orphan
    if orphan:
        assert s.item_code == "ORPHAN" and "岁）" in s.reason and "核实" in s.reason


# ----------------------------------------------------------------- dates and standards


def test_standards_switch_on_their_effective_date():
    entries = [ST.__dict__ | {"effective_from": "2025-01-01"},
               ST.__dict__ | {"effective_from": "2026-07-01", "rural_dibao_fen": 70000}]
    before, after = date(2026, 6, 30), date(2026, 7, 1)
    h = hh(650)
    out_before = assess(h, standards_on(entries, before), before)
    out_after = assess(h, standards_on(entries, after), after)
    assert by_rule(out_before, "dibao") is None
    assert "农村低保标准 600 元" in by_rule(out_before, "dibao_edge").reason
    assert "人均月收入 650 元，低于农村低保标准 700 元" in by_rule(out_after, "dibao").reason


def test_no_members_no_suggestions_and_ordering():
    assert assess(HouseholdFacts(members=()), ST, DAY) == []
    out = assess(hh(420, house_rating="D"), ST, DAY)
    assert suggested_items(out) == ["DIBAO", "HOUSING"]
    assert by_rule(out, "dibao").reason == "人均月收入 420 元，低于农村低保标准 600 元"
