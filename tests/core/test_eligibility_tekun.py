"""特困 per person (民发〔2021〕43号 特困人员认定办法; DOMAIN §9): a person who is old
(≥ 60), disabled at the grades of ``incapable_grades`` or a minor; no capacity to work;
no source of living (household income below the standard) and property within limits;
no legal supporter able to support — an able-bodied spouse, parent or adult child
(18–59) living in the household excludes them, whatever the "supporters able" answer
(which is about supporters outside the household). Base ≥ 1.3 × the standard (seed 001
汉中 "特困人員基本生活標準不低于低保標準的1.3倍"; seed 004 重庆 "不低于城市低保标准的
1.3倍" → ``tekun_base``)."""

from __future__ import annotations

import pytest

from desktop_app.core.rules.assessment import HouseholdFacts, MemberFacts, assess, incapacity
from tests.helpers.households import DAY, ST, adult, born, by_rule, person, policy


def single_person(**kw) -> HouseholdFacts:
    per_capita = kw.pop("per_capita", 300)
    supporters = kw.pop("supporters_able", False)
    return HouseholdFacts(members=(adult("刘老汉", **kw),), incomes_fen={"pension": per_capita * 100},
                          supporters_able=supporters)


@pytest.mark.parametrize("kw, tekun, words", [
    # 43号: 60 周岁以上老年人
    ({"birth_date": born(72)}, True, ["72 岁", "60 周岁以上"]),
    ({"birth_date": born(60)}, True, ["60 岁"]),
    ({"birth_date": born(59)}, False, []),
    # 43号: 未满 18 周岁的未成年人
    ({"birth_date": born(17)}, True, ["17 岁", "未满 18 周岁"]),
    ({"birth_date": born(17, days_before_birthday=1)}, True, ["17 岁"]),  # 18 tomorrow
    ({"birth_date": born(18)}, False, []),
    # 43号: an adult 18–59 who is only 在校 is not incapable (old rule suggested 特困)
    ({"birth_date": born(18), "employment": "在校"}, False, []),
    ({"birth_date": born(22), "employment": "在校"}, False, []),
    ({"employment": "无劳动能力"}, True, ["无劳动能力"]),
    # 43号 / DOMAIN §4: 一至三级智力、精神, 一二级肢体, 一级视力 (``incapable_grades``)
    ({"disability_category": "智力", "disability_grade": 3}, True, ["智力三级残疾"]),
    ({"disability_category": "精神", "disability_grade": 1}, True, ["精神一级残疾"]),
    ({"disability_category": "智力", "disability_grade": 4}, False, []),
    ({"disability_category": "肢体", "disability_grade": 2}, True, ["肢体二级残疾"]),
    ({"disability_category": "肢体", "disability_grade": 3}, False, []),
    ({"disability_category": "视力", "disability_grade": 1}, True, ["视力一级残疾"]),
    ({"disability_category": "视力", "disability_grade": 2}, False, []),
    ({"disability_category": "听力", "disability_grade": 1}, False, []),
])
def test_tekun_capacity_to_work_alone(kw, tekun, words):
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


def household(*members, per_capita=200) -> HouseholdFacts:
    return HouseholdFacts(members=tuple(members),
                          incomes_fen={"pension": per_capita * 100 * len(members)},
                          supporters_able=False)


@pytest.mark.parametrize("members, named, not_named", [
    # the probe: a child of 10 with able parents 35/36 and a grandmother of 76,
    # "无履行能力" ticked → nobody: the parents support the child, the son his mother
    ((person("王大", "本人", 35), person("李芳", "配偶", 36), person("王小宝", "子", 10),
      person("张奶奶", "母亲", 76)), [], ["王小宝", "张奶奶"]),
    # the parents are both seriously ill → the child and the grandmother are named
    ((person("王大", "本人", 35, health="重病"), person("李芳", "配偶", 36, health="重病"),
      person("王小宝", "子", 10), person("张奶奶", "母亲", 76)), ["王小宝", "张奶奶"], ["王大"]),
    # one able parent is enough to exclude the child
    ((person("王大", "本人", 35, health="重病"), person("李芳", "配偶", 36),
      person("王小宝", "子", 10)), [], ["王小宝"]),
    # an elderly couple: spouses over 60 are not able supporters → both named
    ((person("刘老汉", "本人", 72), person("刘老太", "配偶", 70)), ["刘老汉", "刘老太"], []),
    # an elderly man living with a son of 40 → excluded
    ((person("刘老汉", "本人", 72), person("刘大", "子", 40)), [], ["刘老汉"]),
    # ... a son who is a student (20, 在校) cannot support him → named
    ((person("刘老汉", "本人", 72), person("刘大", "子", 20, employment="在校")), ["刘老汉"], []),
    # ... a son with a grade-1 disability cannot support him → both named
    ((person("刘老汉", "本人", 72),
      person("刘大", "子", 40, disability_category="肢体", disability_grade=1)), ["刘老汉", "刘大"], []),
    # grandchild with able parents (子 + 儿媳) in the household → not named
    ((person("张奶奶", "本人", 76), person("张大", "子", 40), person("赵芳", "儿媳", 38),
      person("张小宝", "孙子", 8)), [], ["张小宝", "张奶奶"]),
    # a member of 45 without disability is never a 特困 subject
    ((person("李强", "本人", 45),), [], ["李强"]),
])
def test_tekun_is_judged_per_person(members, named, not_named):
    s = by_rule(assess(household(*members), ST, DAY), "tekun")
    assert (s is not None) == bool(named)
    for name in named:
        assert name in s.reason
    for name in not_named:
        assert s is None or name not in s.reason


def test_22_year_old_student_alone_is_not_tekun():
    """Issue 12 probe: 43号 — a student of 22 living alone is not a 特困 subject."""
    h = household(person("陈同学", "本人", 22, employment="在校"))
    assert by_rule(assess(h, ST, DAY), "tekun") is None
    assert incapacity(h.members[0], DAY) is None


@pytest.mark.parametrize("base, hukou, amount, label", [
    ("household", "农村", "780 元", "农村低保标准 600 元的 1.3 倍"),
    ("household", "城镇", "1,040 元", "城市低保标准 800 元的 1.3 倍"),
    # seed 004 重庆: "特困人员基本生活标准按照不低于城市低保标准的1.3倍进行调整"
    ("urban", "农村", "1,040 元", "城市低保标准 800 元的 1.3 倍"),
])
def test_tekun_base_setting(base, hukou, amount, label):
    h = household(person("刘老汉", "本人", 72, hukou_type=hukou))
    s = by_rule(assess(h, ST, DAY, policy(tekun_base=base)), "tekun")
    assert f"不低于 {amount}/月（{label}）" in s.reason


def test_elderly_age_is_a_setting():
    h = household(person("刘老汉", "本人", 62))
    assert by_rule(assess(h, ST, DAY), "tekun") is not None
    assert by_rule(assess(h, ST, DAY, policy(elderly_age=65)), "tekun") is None


def test_incapable_grades_are_a_setting():
    h = household(person("李强", "本人", 45, disability_category="肢体", disability_grade=3))
    assert by_rule(assess(h, ST, DAY), "tekun") is None
    p = policy(incapable_grades=(("肢体", 3),))
    assert "肢体三级残疾" in by_rule(assess(h, ST, DAY, p), "tekun").reason


def test_incapacity_without_birth_date_is_not_guessed():
    assert incapacity(MemberFacts("某人"), DAY) is None
