"""教育, 医疗, 住房, 就业, 孤儿/事实无人抚养儿童. Sources per case."""

from __future__ import annotations

import pytest

from desktop_app.core.rules.assessment import HouseholdFacts, MemberFacts, assess, suggested_items, yuan
from tests.helpers.households import DAY, ST, adult, born, by_rule, hh, person, policy

# ----------------------------------------------------------------- 教育
# By school stage, not stopping at 18 (issue 12; DOMAIN §5 collects 在校 and education):
# every member 在校 aged 6..30 (settings) in a low-income household.


@pytest.mark.parametrize("age, employment, education, per_capita, pupil", [
    (10, "在校", "小学", 400, True), (6, "在校", "", 400, True), (5, "学龄前", "", 400, False),
    (18, "在校", "高中/中专", 400, True),
    (19, "在校", "大专", 400, True),   # old rule stopped at 18
    (22, "在校", "本科及以上", 400, True),
    (31, "在校", "本科及以上", 400, False),
    (10, "在校", "小学", 2000, False),
])
def test_education_by_school_stage(age, employment, education, per_capita, pupil):
    members = [adult("张三"), MemberFacts("张小明", born(age), "子", employment=employment,
                                        education=education)]
    s = by_rule(assess(hh(per_capita, members=members), ST, DAY), "education")
    assert (s is not None) == pupil
    if pupil:
        stage = f"，{education}" if education else ""
        assert f"张小明（{age} 岁，在校{stage}）" in s.reason


# ----------------------------------------------------------------- 医疗


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


# ----------------------------------------------------------------- 住房
# 农村危房改造 is for rural low-income households (DOMAIN §9 / issue 12: "住房: rural
# low-income only"); ``housing_rural_only`` off restores the rating-only rule.


@pytest.mark.parametrize("rating, per_capita, hukou, rural_only, housing", [
    ("C", 400, "农村", True, True), ("D", 800, "农村", True, True),
    ("B", 400, "农村", True, False), ("", 400, "农村", True, False),
    ("D", 2000, "农村", True, False),   # not low income (old rule suggested it)
    ("D", 400, "城镇", True, False),    # urban: 公租房 is another matter
    ("D", 2000, "城镇", False, True),   # setting off: any C/D house
    ("D", 9000, "城镇", False, True),   # review 12 p1 #3: urban, 9,000 a head
    ("C", 400, "城镇", False, True),    # setting off, low income: said so
])
def test_housing_rural_low_income_only(rating, per_capita, hukou, rural_only, housing):
    h = hh(per_capita, hukou=hukou, house_rating=rating)
    out = assess(h, ST, DAY, policy(housing_rural_only=rural_only))
    s = by_rule(out, "housing")
    assert (s is not None) == housing
    if housing:
        assert f"{rating} 级危房" in s.reason
        # review 12 finding 8: "低收入家庭" only when the household was found low-income
        low = any(x.rule_id in ("dibao", "dibao_edge", "tekun", "rigid") for x in out)
        assert ("低收入家庭" in s.reason) == low
        assert ("请核实家庭经济状况" in s.reason) == (not low)


# ----------------------------------------------------------------- 就业 (零就业家庭)


@pytest.mark.parametrize("members, named", [
    ([person("张三", "本人", 45, employment="登记失业"), person("李四", "配偶", 44, employment="未登记失业")],
     ["张三", "李四"]),
    # one member works → not a zero-employment household
    ([person("张三", "本人", 45, employment="登记失业"), person("李四", "配偶", 44, employment="务农")], []),
    ([person("张三", "本人", 45, employment="登记失业"), person("李四", "配偶", 44, employment="在职")], []),
    # nobody of working age looking for work (retired, student) → nothing to suggest
    ([person("张三", "本人", 65, employment="退休"), person("张小", "子", 20, employment="在校")], []),
    # 60 is past working age (elderly_age)
    ([person("张三", "本人", 60, employment="登记失业")], []),
    ([person("张三", "本人", 59, employment="登记失业")], ["张三"]),
])
def test_zero_employment_household(members, named):
    s = by_rule(assess(hh(members=members, incomes={}), ST, DAY), "employment")
    assert (s is not None) == bool(named)
    for name in named:
        assert name in s.reason and "零就业家庭" in s.reason


# ----------------------------------------------------------------- 孤儿 / 事实无人抚养
# 民发〔2019〕62号: both parents dead or missing, or one 重残/重病/服刑/强制隔离戒毒/失联
# and the other in one of those states — never parents working away. The data shows only
# 重残/重病 of parents in the household: suggest then, and say what to verify.


@pytest.mark.parametrize("members, orphan", [
    # left-behind grandson, parents not in the household → NOT suggested (old rule did)
    ([adult("王奶奶", birth_date=born(70)), MemberFacts("王小宝", born(10), "孙子")], False),
    ([adult("王奶奶", birth_date=born(70)), adult("王大", "子"), MemberFacts("王小宝", born(10), "孙子")], False),
    # review 12 finding 7: ONE recorded parent seriously ill, the other not recorded
    # (working away, divorced …) → not (the first rule suggested it)
    ([adult("王奶奶", birth_date=born(70)), adult("王大", "子", health="重病"),
      MemberFacts("王小宝", born(10), "孙子")], False),
    # both recorded parents seriously ill → suggested, to verify
    ([adult("王奶奶", birth_date=born(70)), adult("王大", "子", health="重病"),
      adult("赵芳", "儿媳", health="重病"), MemberFacts("王小宝", born(10), "孙子")], True),
    # father seriously ill, mother able → not
    ([adult("王奶奶", birth_date=born(70)), adult("王大", "子", health="重病"), adult("赵芳", "儿媳"),
      MemberFacts("王小宝", born(10), "孙子")], False),
    # the applicant parent with a first-grade disability, no spouse recorded → not (finding 7)
    ([adult("李强", disability_category="肢体", disability_grade=1), MemberFacts("李丽", born(8), "女")], False),
    # … with the spouse recorded 重病 → suggested
    ([adult("李强", disability_category="肢体", disability_grade=1),
      adult("王梅", "配偶", health="重病"), MemberFacts("李丽", born(8), "女")], True),
    # grade 3 肢体 is not 重残
    ([adult("李强", disability_category="肢体", disability_grade=3),
      adult("王梅", "配偶", health="重病"), MemberFacts("李丽", born(8), "女")], False),
    ([adult("李强"), MemberFacts("李丽", born(8), "女")], False),
    # 18: not a minor
    ([adult("李强", health="重病"), adult("王梅", "配偶", health="重病"), MemberFacts("李丽", born(18), "女")],
     False),
    ([adult("李强", health="重病"), adult("王梅", "配偶", health="重病"), MemberFacts("李丽", born(17), "女")],
     True),
    # a child applicant without parents in the household (parents away) → not
    ([MemberFacts("赵小", born(15), "本人"), MemberFacts("赵妹", born(12), "姐妹")], False),
    # a child applicant with both recorded parents 重病 → suggested
    ([MemberFacts("赵小", born(15), "本人"), adult("赵父", "父亲", health="重病"),
      adult("赵母", "母亲", health="重病")], True),
])
def test_orphan_only_with_what_62_requires(members, orphan):
    s = by_rule(assess(hh(members=members, incomes={}), ST, DAY), "orphan")
    assert (s is not None) == orphan
    if orphan:
        assert s.item_code == "ORPHAN" and "岁）" in s.reason
        assert "请核实" in s.reason and "62号" in s.reason and "外出务工不属于" in s.reason
        # the reason names both parents and their state (finding 7)
        parents = [m for m in members if m.health == "重病" or m.disability_grade == 1]
        assert len(parents) == 2 and all(f"{m.name}（{m.relation}，" in s.reason for m in parents)


def test_review_p5_sick_mother_alone_with_her_son_is_no_orphan_case():
    """Review 12 probe p5: 母 (applicant, 重病, wage 3,000) + 儿 10 → the first rule
    suggested 事实无人抚养 ("在本户登记的父母均…"); the father is simply not recorded."""
    h = HouseholdFacts(members=(MemberFacts("母", born(36), health="重病"), MemberFacts("儿", born(10), "子")),
                       incomes_fen={"wage": 300000})
    assert [s.rule_id for s in assess(h, ST, DAY)] == ["medical_illness"]


def test_orphan_reason_names_each_parent_s_state():
    """62号 一方服刑、另一方重残: both recorded, each state in the reason."""
    h = HouseholdFacts(members=(
        person("孙奶奶", "本人", 70), person("孙大", "子", 35, counted=False, counted_reason="prison"),
        person("钱芳", "儿媳", 33, disability_category="肢体", disability_grade=1),
        person("孙小", "孙子", 9)), incomes_fen={"pension": 30000})
    s = by_rule(assess(h, ST, DAY), "orphan")
    assert s is not None
    assert "孙小（9 岁），父母：孙大（子，服刑或强制隔离戒毒）、钱芳（儿媳，肢体一级残疾）" in s.reason


def test_no_members_no_suggestions_and_ordering():
    assert assess(HouseholdFacts(members=()), ST, DAY) == []
    out = assess(hh(420, house_rating="D"), ST, DAY)
    assert suggested_items(out) == ["DIBAO", "HOUSING"]
    assert by_rule(out, "dibao").reason.startswith("人均月收入 420 元，低于农村低保标准 600 元")
