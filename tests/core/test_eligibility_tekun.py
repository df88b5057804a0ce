"""特困 per person (民发〔2021〕43号 特困人员认定办法; DOMAIN §9): a person who is old
(≥ 60), disabled at the grades of ``incapable_grades`` or a minor; no capacity to work;
no source of living (household income below the standard) and property within limits;
no legal supporter able to support — an able-bodied spouse, parent or adult child
(18–59) living in the household excludes them, whatever the "supporters able" answer
(which is about supporters outside the household). Base ≥ 1.3 × the standard (seed 001
汉中 "特困人員基本生活標準不低于低保標準的1.3倍"; seed 004 重庆 "不低于城市低保标准的
1.3倍" → ``tekun_base``)."""

from __future__ import annotations

from dataclasses import replace

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


# -- 1.3 × rounds up to the fen (review 12 finding 9) ---------------------------------------
@pytest.mark.parametrize("rural_fen, floor", [
    (60000, "780 元"),        # exact
    (61500, "799.50 元"),     # 79,950 exact
    (61501, "799.52 元"),     # 79,951.3 → up (the first rule printed 799.51, below 1.3 ×)
    (61502, "799.53 元"),     # 79,952.6 → up
    (61510, "799.63 元"),     # 79,963 exact
])
def test_tekun_floor_is_never_below_1_3_times(rural_fen, floor):
    """"不低于 … 1.3 倍" (seed 001 汉中): the amount printed is ≥ 1.3 × the standard."""
    st = replace(ST, rural_dibao_fen=rural_fen)
    s = by_rule(assess(household(person("刘老汉", "本人", 72)), st, DAY), "tekun")
    assert s is not None and f"不低于 {floor}/月" in s.reason


# -- legal supporters from the relations (review 12 finding 2) ------------------------------------
# 民法典 第一千零五十九条 (spouses), 第一千零六十七条 (parents ↔ children), 第一千零七十四条
# ("有负担能力的祖父母、外祖父母，对于父母已经死亡或者父母无力抚养的未成年孙子女、外孙子女，
# 有抚养的义务。有负担能力的孙子女、外孙子女，对于子女已经死亡或者子女无力赡养的祖父母、
# 外祖父母，有赡养的义务"), 第一千零七十五条 (elder siblings ↔ minor siblings); 43号:
# 法定义务人 = those the 民法典 obliges. Every household: low income, the outside
# supporters answered unable; an able person is 18–59, healthy, 务农.
def able(name: str, relation: str, age: int = 40) -> MemberFacts:
    return person(name, relation, age, employment="务农")


PRISON = {"counted": False, "counted_reason": "prison"}
MISSING = {"counted": False, "counted_reason": "missing"}


@pytest.mark.parametrize("members, named, not_named, source", [
    # review 12 probe p1: the aunt (女) is no supporter of her nephew (the son's son)
    ([person("奶奶", "本人", 76), person("孙子", "孙子", 10), person("父", "子", 36, **PRISON),
      person("母", "儿媳", 35, health="重病"), able("姑姑", "女", 31)],
     ["孙子 10 岁"], ["奶奶"], "1067: 姑姑 supports her mother (奶奶), not her nephew"),
    # review 12 probe p3: an able grandmother of 52 supports her grandson (1074)
    ([able("奶奶", "本人", 52), person("孙子", "孙子", 8), person("父", "子", 32, **PRISON),
      person("母", "儿媳", 31, **MISSING)], [], ["孙子"], "1074 first sentence: able grandparent"),
    # the same grandson with a grandmother of 76: no able supporter at home
    ([person("奶奶", "本人", 76), person("孙子", "孙子", 8), person("父", "子", 32, **PRISON),
      person("母", "儿媳", 31, **MISSING)], ["孙子 8 岁", "奶奶 76 岁"], [], "1074: grandparent not able"),
    # the grandfather (applicant's spouse) is a grandparent too
    ([person("奶奶", "本人", 76), able("爷爷", "配偶", 58), person("孙女", "孙女", 8)],
     [], ["孙女", "奶奶"], "1074 + 1059: able grandfather"),
    # 外孙子女: the daughter and her husband are the parents; the son (舅舅) is not
    ([person("外婆", "本人", 76), person("外孙", "外孙子女", 9), able("舅舅", "子", 30)],
     ["外孙 9 岁"], ["外婆"], "1067: 舅舅 supports his mother only"),
    ([person("外婆", "本人", 76), person("外孙", "外孙子女", 9), able("爸爸", "女婿", 35)],
     ["外婆 76 岁"], ["外孙"], "1067: the father supports his child, not his mother-in-law"),
    # a son's child is no longer a minor: grandparents owe nothing (1074 is for minors)
    ([able("奶奶", "本人", 55), person("孙子", "孙子", 20, disability_category="肢体", disability_grade=1)],
     ["孙子 肢体一级残疾"], [], "1074: only minor grandchildren"),
    # adult grandchildren support their grandparents (1074 second sentence)
    ([able("本人", "本人", 50), person("爷爷", "父亲", 82)],
     [], ["爷爷"], "1067: the applicant supports the father"),
    ([person("爷爷", "本人", 82), able("孙子", "孙子", 25)], [], ["爷爷"], "1074 second sentence"),
    ([person("外公", "本人", 82), able("外孙", "外孙子女", 25)], [], ["外公"], "1074 second sentence"),
    ([person("曾祖", "祖父母", 90), person("老父", "父亲", 65), able("孙", "本人", 40)],
     [], ["曾祖", "老父"], "1074: the applicant supports the grandparent"),
    # 祖父母 is the father's side: the mother (a daughter-in-law) owes nothing
    ([person("祖母", "祖父母", 88), able("母", "母亲", 55), person("本人甲", "本人", 70)],
     ["祖母 88 岁"], [], "no duty of a daughter-in-law; 1074: the applicant of 70 not able"),
    # elder siblings support a minor sibling (1075), not an adult one
    ([person("弟", "本人", 15), able("兄", "兄弟", 25)], [], ["弟"], "1075 first sentence"),
    ([person("弟", "本人", 40, disability_category="肢体", disability_grade=1), able("兄", "兄弟", 45)],
     ["弟 肢体一级残疾"], [], "1075: an adult brother is owed nothing"),
    ([able("父", "本人", 40), person("子甲", "子", 12), able("女乙", "女", 19)],
     [], ["子甲"], "1067: the father at home"),
    ([person("母", "本人", 45, health="重病"), person("子甲", "子", 12), able("女乙", "女", 19)],
     [], ["子甲", "母"], "1075: the elder sister supports her minor brother; 1067: her mother"),
    ([person("母", "本人", 45, health="重病"), person("子甲", "子", 12)],
     ["子甲 12 岁"], ["母"], "no able supporter at home"),
    # 儿媳 owes nothing to her parents-in-law; her husband does
    ([person("公公", "本人", 75), able("儿媳", "儿媳", 40)], ["公公 75 岁"], [], "no duty of a daughter-in-law"),
    ([person("公公", "本人", 75), able("儿媳", "儿媳", 40), able("儿子", "子", 42)], [], ["公公"], "1067"),
])
def test_legal_supporters_from_relations(members, named, not_named, source):
    h = HouseholdFacts(members=tuple(members), incomes_fen={"pension": 10000}, supporters_able=False)
    s = by_rule(assess(h, ST, DAY), "tekun")
    assert (s is not None) == bool(named), source
    for text in named:
        assert text in s.reason, source
    for name in not_named:
        assert s is None or f"{name} " not in s.reason.split("；户内")[0], source
