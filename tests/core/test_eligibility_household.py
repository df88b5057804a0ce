"""The household as recorded (issue 12): counted members, legal supporters as records,
where the applicant applies, medical spending net of reimbursement, the income lines
not counted by default, and eligibility entries stored before a field came in.

Sources: 民发〔2021〕57号 最低生活保障审核确认办法 (共同生活的家庭成员: who counts; 服刑、
强制隔离戒毒、宣告失踪 are not counted; income not counted: 社会救助金, 奖励性补助,
城乡居民基本养老保险基础养老金, 残疾人两项补贴 among others), 民发〔2021〕43号 特困人员认定办法
(no legal supporter, or supporters unable), 民发〔2019〕62号 (事实无人抚养儿童: a parent
服刑/强制隔离戒毒/失踪 and the other 重残/重病), the seeds in ../shared/seeds (001 汉中
measure 二 and 十五, 003 泰安, 004 重庆) and DOMAIN §4 (刚性支出 share 80 %)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest

from desktop_app.core.errors import ValidationError
from desktop_app.core.rules.assessment import (
    HouseholdFacts,
    MemberFacts,
    SupporterFacts,
    add_months,
    evaluate,
    household_basis,
    income_figures,
)
from desktop_app.core.rules.eligibility import ADDED_LATER, DEFAULT_ENTRY, parse_entry, policy_on, validate_setting
from tests.helpers.households import DAY, POLICY, ST, adult, born, by_rule, person, policy

URBAN_CODE = "522201101101"   # village part 101: 居委会 (GB/T 10114) → 城市
RURAL_CODE = "522201101201"   # village part 201: 村委会 → 农村
OTHER_CODE = "522201101401"   # neither: the code does not tell


def rules(out) -> list[str]:
    return [s.rule_id for s in out.suggestions]


# -- counted members (57号 共同生活的家庭成员) ------------------------------------------------
def with_prisoner(counted: bool, income_yuan: int = 1500, **kw) -> HouseholdFacts:
    """Applicant 45 and spouse 44 (both 务农), a son of 24 in prison."""
    return HouseholdFacts(members=(
        adult("张三", employment="务农"), adult("李四", "配偶", birth_date=born(44), employment="务农"),
        person("张小三", "子", 24, employment="在职", counted=counted,
               counted_reason="" if counted else "prison")),
        incomes_fen={"wage": income_yuan * 100}, **kw)


@pytest.mark.parametrize("counted, members, per_capita, topup, dibao, source", [
    # 1,500 a month: over 3 people 500 a head (and the son's job earns a deduction of
    # 30 % × 600 = 180: net 1,320 = 440 a head), 补差 1,800 − 1,320 = 480
    (True, 3, 44000, 48000, True, "old rule: every member counted"),
    # 57号: 服刑人员 is not a 共同生活的家庭成员 — 2 people, 750 a head, no 低保
    (False, 2, 75000, 0, False, "57号 服刑 not counted"),
])
def test_member_not_counted_changes_per_capita_and_topup(counted, members, per_capita, topup, dibao,
                                                         source):
    out = evaluate(with_prisoner(counted), ST, DAY)
    f = out.figures
    assert (f.members, f.all_members, f.per_capita_fen, f.topup_fen) == (members, 3, per_capita, topup)
    assert (by_rule(out.suggestions, "dibao") is not None) == dibao


@pytest.mark.parametrize("income_yuan, dibao, topup", [
    (1199.99, True, 1), (1200, False, 0), (800, True, 40000),   # standard × 2 counted = 1,200
])
def test_topup_is_standard_times_counted_members(income_yuan, dibao, topup):
    """57号: the 补差 is the standard × the counted members − the household's income."""
    h = with_prisoner(False, 0)
    h = replace(h, incomes_fen={"pension": round(income_yuan * 100)})
    out = evaluate(h, ST, DAY)
    assert out.figures.topup_fen == topup
    s = by_rule(out.suggestions, "dibao")
    assert (s is not None) == dibao
    if dibao:
        assert "600 元 × 2 人" in s.reason
        assert "按共同生活家庭成员 2 人计，未计入张小三（服刑或强制隔离戒毒）" in s.reason


def test_excluded_member_listing_keeps_the_names_and_labels():
    f = income_figures(with_prisoner(False), ST)
    assert f.excluded_members == (("张小三", "服刑或强制隔离戒毒"),)
    no_reason = replace(with_prisoner(False), members=(
        adult("张三"), person("张小三", "子", 24, counted=False)))
    assert income_figures(no_reason, ST).excluded_members == (("张小三", "未说明原因"),)


def test_the_applicant_is_always_counted():
    h = HouseholdFacts(members=(adult("张三", counted=False, counted_reason="living_apart"),),
                       incomes_fen={"pension": 30000})
    assert income_figures(h, ST).members == 1


def test_deduction_counts_only_counted_workers():
    """铜仁 (seed 002) deduction on 务工收入 of the household's own workers: the son in
    prison is no worker of the household (57号)."""
    assert income_figures(with_prisoner(True), ST).deduction_fen == 18000
    assert income_figures(with_prisoner(False), ST).deduction_fen == 0


def test_deposit_limit_is_per_counted_member():
    """Property per person (docs/eligibility.md, our default 24 months × standard)."""
    h = replace(with_prisoner(False, 600), deposits_fen=600 * 24 * 2 * 100)
    assert evaluate(h, ST, DAY).property.ok
    assert not evaluate(replace(h, deposits_fen=h.deposits_fen + 1), ST, DAY).property.ok


@pytest.mark.parametrize("son_counted, tekun", [
    # 43号: an able son of 40 in the household supports his mother of 75 → no 特困
    (True, False),
    # 57号: the son is in prison, not counted — no supporter in the household → 特困
    (False, True),
])
def test_member_not_counted_is_no_supporter_in_the_household(son_counted, tekun):
    h = HouseholdFacts(members=(
        person("王奶奶", "本人", 75), person("王大", "子", 40, employment="在职", counted=son_counted,
                                            counted_reason="" if son_counted else "prison")),
        incomes_fen={"pension": 30000}, supporters_able=False)
    s = by_rule(evaluate(h, ST, DAY).suggestions, "tekun")
    assert (s is not None) == tekun
    if tekun:
        assert "王奶奶 75 岁" in s.reason and "王大" not in s.reason.split("；")[0]


def test_member_not_counted_is_no_tekun_candidate():
    """A grandfather of 80 living apart (not counted) is not assessed with this household."""
    h = HouseholdFacts(members=(
        person("赵一", "本人", 70), person("赵老爷", "父亲", 95, counted=False, counted_reason="living_apart")),
        incomes_fen={"pension": 30000}, supporters_able=False)
    s = by_rule(evaluate(h, ST, DAY).suggestions, "tekun")
    assert s is not None and "赵一" in s.reason and "赵老爷 95" not in s.reason


# -- legal supporters as records (43号) ---------------------------------------------------------
def elderly_alone(*supporters: SupporterFacts, flag: bool | None = None) -> HouseholdFacts:
    return HouseholdFacts(members=(person("刘老汉", "本人", 72),), incomes_fen={"pension": 30000},
                          supporters_able=flag, supporters=supporters)


ABLE = SupporterFacts("刘大", "子", able=True, household_size=4, monthly_income_fen=600000)
UNABLE = SupporterFacts("刘二", "女", able=False, unable_reason="dibao", household_size=3,
                        monthly_income_fen=80000)
UNABLE_2 = SupporterFacts("刘三", "子", able=False, unable_reason="disabled")
UNCHECKED = SupporterFacts("刘四", "子")


@pytest.mark.parametrize("supporters, flag, tekun, source", [
    ((ABLE,), False, False, "43号: an able legal supporter — whatever the household flag"),
    ((ABLE, UNABLE), False, False, "43号: one able supporter is enough"),
    ((UNABLE,), None, True, "43号: 义务人无履行能力 — recorded, the flag not needed"),
    ((UNABLE, UNABLE_2), True, True, "43号: all recorded supporters unable"),
    ((UNABLE, UNCHECKED), None, False, "one not checked yet: the clerk's flag (unknown)"),
    # review 12 finding 6: one recorded supporter not checked → nothing, whatever the flag
    ((UNABLE, UNCHECKED), False, False, "one not checked yet: unknown, even with the flag unable"),
    ((UNABLE, UNCHECKED), True, False, "one not checked yet, flag able"),
    ((UNCHECKED,), False, False, "the only one not checked yet"),
    ((), False, True, "none recorded: the old flag"),
    ((), None, False, "none recorded, flag unknown: no suggestion"),
    ((), True, False, "none recorded, flag able"),
])
def test_recorded_supporters_decide_tekun(supporters, flag, tekun, source):
    s = by_rule(evaluate(elderly_alone(*supporters, flag=flag), ST, DAY).suggestions, "tekun")
    assert (s is not None) == tekun, source


def test_review_p4_unchecked_supporter_is_never_called_unable():
    """Review 12 probe p4: 甲 unable (disabled), 乙 not checked, flag unable → the first
    rule said "户外义务人均无履行能力：甲…、乙（女）"; 43号 needs every supporter unable."""
    h = HouseholdFacts(members=(MemberFacts("老人", date(1950, 1, 1)),), incomes_fen={"farming": 20000},
                       supporters=(SupporterFacts("甲", "子", able=False, unable_reason="disabled"),
                                   SupporterFacts("乙", "女", able=None)), supporters_able=False)
    out = evaluate(h, ST, DAY)
    assert by_rule(out.suggestions, "tekun") is None
    assert all("均无履行能力" not in s.reason for s in out.suggestions)


def test_tekun_reason_names_each_unable_supporter_with_numbers():
    s = by_rule(evaluate(elderly_alone(UNABLE, UNABLE_2), ST, DAY).suggestions, "tekun")
    assert s is not None
    assert ("户外义务人均无履行能力：刘二（女，本人为低保或特困对象；其家庭 3 人，月收入 800 元）、"
            "刘三（子，重度残疾或重病）") in s.reason


# -- where the applicant applies ----------------------------------------------------------------
@pytest.mark.parametrize("kind, hukou, code, label, why, source", [
    # 汉中 measure 二 / 重庆 "积极推行持有居住证人员在居住地申请救助政策": the place lived in
    ("permit", "农村", URBAN_CODE, "城市", "居住证持有人，按居住地为居委会", "seed 004 重庆"),
    ("permit", "城镇", RURAL_CODE, "农村", "居住证持有人，按居住地为村委会", "seed 001 汉中 二"),
    ("permit", "城镇", OTHER_CODE, "城市", "居住证持有人，居住地代码不能区分城乡，按申请人户籍",
     "code tells nothing: the hukou, said"),
    ("permit", "农村", "", "农村", "居住证持有人，居住地代码不能区分城乡，按申请人户籍", "no village"),
    # an applicant at the hukou place: the setting (default hukou) as before
    ("hukou", "农村", URBAN_CODE, "农村", "按申请人户籍", "standard_basis hukou"),
])
def test_permit_holder_gets_the_standard_of_where_they_live(kind, hukou, code, label, why, source):
    h = HouseholdFacts(members=(adult("张三", hukou_type=hukou),), incomes_fen={"pension": 65000},
                       village_code=code, residence_kind=kind)
    basis = household_basis(h, POLICY)
    assert (basis.label, basis.why) == (label, why), source
    out = evaluate(h, ST, DAY)
    # 650 a month alone: below the urban 800, above the rural 600
    assert (by_rule(out.suggestions, "dibao") is not None) == (label == "城市")
    if label == "城市":
        assert why in by_rule(out.suggestions, "dibao").reason


@pytest.mark.parametrize("per_capita", [0, 300, 5000])
def test_incident_applicant_gets_only_temporary_assistance(per_capita):
    """汉中 十五 "探索由急難發生地實施臨時救助"; 泰安 "推动开展急难发生地实施临时救助":
    a non-resident is helped with 临时救助 (急难型) where the emergency happened; 低保 and
    the others belong to the hukou (or 居住证) place."""
    h = HouseholdFacts(members=(person("过路人", "本人", 70, health="重病", disability_category="肢体",
                                       disability_grade=1),),
                       incomes_fen={"wage": per_capita * 100}, house_rating="D", supporters_able=False,
                       residence_kind="incident")
    out = evaluate(h, ST, DAY)
    assert [(s.item_code, s.rule_id) for s in out.suggestions] == [("LINSHI_URGENT", "incident")]
    reason = out.suggestions[0].reason
    assert "急难发生地" in reason and "临时救助" in reason and f"人均月收入 {per_capita:,} 元" in reason


# -- medical spending net of reimbursement ------------------------------------------------------
def rigid_household(medical_yuan: float, reimbursed_yuan: float = 0, **kw) -> HouseholdFacts:
    """Two people, 1,000 a head (not 低保边缘: 900): annual income 24,000, 80 % = 19,200
    (DOMAIN §4 rigid share), below the rural disposable income 18,000 × 2."""
    return HouseholdFacts(members=(adult("张三"), adult("李四", "配偶")),
                          incomes_fen={"pension": 200000},
                          medical_spending_fen=round(medical_yuan * 100),
                          medical_reimbursed_fen=round(reimbursed_yuan * 100), **kw)


@pytest.mark.parametrize("medical, reimbursed, rigid, text", [
    (19200, 0, False, ""), (19200.01, 0, True, "医疗 19,200.01 元；"),   # the threshold itself
    (30000, 10800, False, ""),                                            # net 19,200
    (30000, 10799.99, True, "医疗 30,000 元、已报销 10,799.99 元、自付 19,200.01 元"),
    (30000, 30000, False, ""),
    (50000, 0, True, "医疗 50,000 元；"),
])
def test_rigid_spending_is_net_of_reimbursement(medical, reimbursed, rigid, text):
    s = by_rule(evaluate(rigid_household(medical, reimbursed), ST, DAY).suggestions, "rigid")
    assert (s is not None) == rigid
    if rigid:
        assert text in s.reason and "超过家庭年收入 24,000 元的 80%" in s.reason


@pytest.mark.parametrize("months, until", [
    (12, "有效期至 2027年11月23日"), (6, "有效期至 2027年5月23日"), (1, "有效期至 2026年12月23日"),
])
def test_rigid_reason_shows_the_validity_period(months, until):
    """No seed gives a period: the setting ``rigid_validity_months`` (ours: 12, the
    12-month window the spending is measured over)."""
    s = by_rule(evaluate(rigid_household(25000), ST, DAY, policy(rigid_validity_months=months)).suggestions,
                "rigid")
    assert s is not None and f"认定有效期 {months} 个月，{until}" in s.reason


@pytest.mark.parametrize("day, months, expected", [
    (date(2026, 1, 31), 1, date(2026, 2, 28)), (date(2024, 1, 31), 1, date(2024, 2, 29)),
    (date(2026, 11, 24), 12, date(2027, 11, 24)), (date(2026, 12, 1), 1, date(2027, 1, 1)),
])
def test_add_months(day, months, expected):
    assert add_months(day, months) == expected


def test_medical_spending_fully_reimbursed_is_no_spending_suggestion():
    h = HouseholdFacts(members=(adult("张三"),), incomes_fen={"pension": 30000},
                       medical_spending_fen=300000, medical_reimbursed_fen=300000)
    assert by_rule(evaluate(h, ST, DAY).suggestions, "medical_spending") is None
    s = by_rule(evaluate(replace(h, medical_reimbursed_fen=200000), ST, DAY).suggestions, "medical_spending")
    assert s is not None and "医疗支出 3,000 元、已报销 2,000 元、自付 1,000 元" in s.reason


# -- 62号: a parent in prison is recorded as a member not counted ------------------------------------
@pytest.mark.parametrize("father, orphan, source", [
    ({"counted": False, "counted_reason": "prison"}, True, "62号: 一方服刑、另一方重病"),
    ({"counted": False, "counted_reason": "missing"}, True, "62号: 一方失踪、另一方重病"),
    ({"counted": False, "counted_reason": "living_apart"}, False, "working away is not in 62号"),
    ({}, False, "an able father at home"),
])
def test_parent_in_prison_and_the_other_ill(father, orphan, source):
    h = HouseholdFacts(members=(
        person("母亲甲", "本人", 35, health="重病"), person("父亲乙", "配偶", 36, **father),
        person("孩子丙", "子", 9)), incomes_fen={"pension": 30000})
    assert (by_rule(evaluate(h, ST, DAY).suggestions, "orphan") is not None) == orphan, source


# -- income not counted by default (57号) --------------------------------------------------------------
@pytest.mark.parametrize("category, counted", [
    ("basic_pension", False), ("assistance", False), ("disability_subsidy", False), ("reward", False),
    ("allowance", False), ("pension", True), ("wage", True),
])
def test_57_categories_are_not_counted_by_default(category, counted):
    h = HouseholdFacts(members=(adult("张三"),), incomes_fen={"pension": 50000, category: 20000}
                       if category != "pension" else {"pension": 70000})
    f = income_figures(h, ST)
    assert (f.counted_fen == 70000) == counted
    label = {"basic_pension": "城乡居民基础养老金", "assistance": "社会救助金",
             "disability_subsidy": "残疾人两项补贴", "reward": "奖励性补助", "allowance": "生活补助"}
    if not counted:
        assert f"不计入{label[category]} 200 元" in f.text()


# -- eligibility entries stored before a field came in ------------------------------------------
def old_entry() -> dict:
    """An entry as the first version stored it (before ``rigid_validity_months``)."""
    rec = dict(DEFAULT_ENTRY)
    for name in ADDED_LATER:
        del rec[name]
    rec["excluded_incomes"] = ["allowance"]
    return rec


def test_old_shaped_entry_loads_with_later_fields_defaulted():
    p = parse_entry(old_entry())
    assert p.rigid_validity_months == 12
    assert p.excluded_incomes == ("allowance",)   # what it stored, not today's default
    assert policy_on([old_entry()], DAY) == p
    stored = validate_setting("eligibility", [old_entry()])
    assert stored[0]["rigid_validity_months"] == 12
    # the care subsidy's 需长期照护 came in later too: no condition
    assert p.care_self_care == () and stored[0]["care_self_care"] == []
    assert ADDED_LATER["care_self_care"] == 2


@pytest.mark.parametrize("value, parsed", [
    ([], ()), (["完全不能自理"], ("完全不能自理",)),
    (["部分自理", "完全不能自理"], ("部分自理", "完全不能自理")),
])
def test_care_self_care_setting_round_trips(value, parsed):
    p = parse_entry({**DEFAULT_ENTRY, "care_self_care": value})
    assert p.care_self_care == parsed and p.to_json()["care_self_care"] == value


@pytest.mark.parametrize("change, name", [
    ({"rigid_validity_months": 0}, "刚性支出困难认定有效期（月）"),
    ({"rigid_validity_months": 37}, "刚性支出困难认定有效期（月）"),
    ({"rigid_validity_months": "12"}, "刚性支出困难认定有效期（月）"),
    ({"rigid_validity_months": True}, "刚性支出困难认定有效期（月）"),
    ({"rigid_months": 6}, "未知项目"),
    ({"excluded_incomes": ["pension_of_work"]}, "不计入家庭收入的收入类别"),
    ({"care_self_care": [""]}, "护理补贴需长期照护的自理状况"),
    ({"care_self_care": ["卧床"]}, "护理补贴需长期照护的自理状况"),
    ({"care_self_care": ["部分自理", "部分自理"]}, "护理补贴需长期照护的自理状况"),
    ({"care_self_care": "完全不能自理"}, "护理补贴需长期照护的自理状况"),
])
def test_old_shaped_entry_still_refuses_bad_and_unknown_fields(change, name):
    with pytest.raises(ValidationError) as exc:
        parse_entry({**old_entry(), **change}, 2)
    assert f"第 2 条的“{name}”" in exc.value.message


def test_old_shaped_entry_missing_a_first_version_field_is_refused():
    rec = old_entry()
    del rec["max_vehicles"]
    with pytest.raises(ValidationError) as exc:
        parse_entry(rec)
    assert "机动车限额" in exc.value.message
