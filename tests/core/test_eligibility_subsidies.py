"""残疾人两项补贴. Care subsidy (重度残疾人护理补贴): grades 1–2, and per setting grades
3–4 智力/精神 — seed 000 (national 十四五 plan excerpt): "重度殘疾人護理補貼覆蓋至三、
四級智力和精神殘疾人"; seed 004 重庆: "重度残疾人护理补贴覆盖至三、四级的智力和精神残疾人".
Living subsidy (困难残疾人生活补贴): 低保 households, and per setting 低保边缘 — seed 000:
"困難殘疾人生活補貼覆蓋至低保邊緣家庭"; not any low-income household by default."""

from __future__ import annotations

import pytest

from desktop_app.core.rules.assessment import assess, suggested_items
from tests.helpers.households import DAY, ST, adult, by_rule, hh, policy


def with_disabled(category, grade, per_capita, **kw):
    members = [adult("张三"), adult("李四", "配偶", disability_category=category, disability_grade=grade)]
    return hh(per_capita, members=members, **kw)


@pytest.mark.parametrize("category, grade, mental, care", [
    ("听力", 1, 4, True), ("听力", 2, 4, True), ("听力", 3, 4, False), ("肢体", 4, 4, False),
    # default: 3–4 智力/精神 included (seed 000, 004)
    ("智力", 3, 4, True), ("精神", 4, 4, True),
    # setting: a county that has not widened it yet
    ("智力", 3, 2, False), ("精神", 4, 2, False), ("智力", 2, 2, True),
    ("精神", 3, 3, True), ("精神", 4, 3, False),
])
def test_care_subsidy_grades(category, grade, mental, care):
    out = assess(with_disabled(category, grade, 2000), ST, DAY, policy(care_grade_mental=mental))
    s = by_rule(out, "disability_care")
    assert (s is not None) == care
    if care:
        assert s.item_code == "DISABILITY" and "李四" in s.reason
        assert f"{category}" in s.reason


@pytest.mark.parametrize("per_capita, scope, living", [
    (400, "dibao_edge", True),    # 低保
    (800, "dibao_edge", True),    # 低保边缘 (seed 000)
    (800, "dibao", False),        # a county that keeps it to 低保
    (400, "dibao", True),
    (2000, "dibao_edge", False),  # not low income
])
def test_living_subsidy_scope(per_capita, scope, living):
    out = assess(with_disabled("听力", 4, per_capita), ST, DAY, policy(living_subsidy_scope=scope))
    assert (by_rule(out, "disability_living") is not None) == living


def test_living_subsidy_not_for_rigid_spending_households_by_default():
    # 刚性支出困难 is low income but neither 低保 nor 边缘: the old rule suggested it
    h = with_disabled("听力", 4, 1000, medical_spending_fen=3_000_000)
    assert by_rule(assess(h, ST, DAY), "rigid") is not None
    assert by_rule(assess(h, ST, DAY), "disability_living") is None
    p = policy(living_subsidy_scope="low_income")
    assert by_rule(assess(h, ST, DAY, p), "disability_living") is not None


def test_living_subsidy_needs_property_within_limits():
    assert by_rule(assess(with_disabled("听力", 4, 400, vehicles=3), ST, DAY),
                   "disability_living") is None


def test_one_disability_item_for_both_subsidies():
    out = assess(with_disabled("肢体", 1, 400), ST, DAY)
    assert by_rule(out, "disability_living") and by_rule(out, "disability_care")
    assert suggested_items(out).count("DISABILITY") == 1


# -- 需长期照护 (issue 12 item 5; review 12 finding 10) ------------------------------------------
# 国发〔2015〕52号 (困难残疾人生活补贴和重度残疾人护理补贴制度): "重度残疾人护理补贴对象为
# 残疾等级被评定为一级、二级且需要长期照护的重度残疾人" — not in the seeds, which only say
# to link the subsidy with 长期护理保险 (seed 000 "加強殘疾人“兩項補貼”製度與長期護理保險…
# 銜接", seed 004 重庆 "加强“两项补贴”制度与长期护理保险…衔接"). ``care_self_care``: the
# self-care states a member must have besides the grade; () = the grade alone (default).
NEEDS_CARE = ("部分自理", "完全不能自理")


@pytest.mark.parametrize("condition, self_care, care, words", [
    ((), "完全自理", True, None),            # default: grade alone, as before
    ((), "", True, None),
    (NEEDS_CARE, "完全不能自理", True, "完全不能自理"),
    (NEEDS_CARE, "部分自理", True, "部分自理"),
    (NEEDS_CARE, "完全自理", False, None),   # self-caring: no long-term care needed
    (("完全不能自理",), "部分自理", False, None),
    (("完全不能自理",), "完全不能自理", True, "完全不能自理"),
    # not recorded: suggested, asking the clerk to check (a blank field hides no one)
    (NEEDS_CARE, "", True, "生活自理能力未登记，请核实是否需长期照护"),
])
def test_care_subsidy_long_term_care_condition(condition, self_care, care, words):
    members = [adult("张三"), adult("李四", "配偶", disability_category="肢体", disability_grade=1,
                                     self_care=self_care)]
    s = by_rule(assess(hh(2000, members=members), ST, DAY, policy(care_self_care=condition)),
                "disability_care")
    assert (s is not None) == care
    if care and condition:
        assert f"且需长期照护（{'或'.join(condition)}）" in s.reason and words in s.reason
    if care and not condition:
        assert "需长期照护" not in s.reason and "李四（肢体一级残疾）" in s.reason
