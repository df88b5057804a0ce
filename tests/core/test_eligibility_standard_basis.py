"""Which standard applies (urban 城市 / rural 农村), dated entries of the local rules and
the setting's validation.

``standard_basis``: "hukou" — the applicant's hukou (the first version's rule); "village"
— the village code: 居委会 (village part 001–199) urban, 村委会 (200–399) rural, any
other code or none falls back to the hukou (GB/T 10114 codes, core/rules/division.py;
issue 12: "The village code tells urban/rural"). Seed 002 铜仁: "对异地移民扶贫搬迁的低保
对象,按照迁入地城乡区域划分确定保障待遇" — where the household lives decides."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core.errors import ValidationError
from desktop_app.core.rules import eligibility
from desktop_app.core.rules.assessment import assess, household_basis
from desktop_app.core.rules.settings import validate_setting
from desktop_app.core.rules.standards import standards_on
from tests.helpers.households import DAY, ST, by_rule, hh, policy

URBAN_VILLAGE = "520602100101"   # village part 101: 居委会
RURAL_VILLAGE = "520602100201"   # village part 201: 村委会
OTHER_VILLAGE = "520602100401"   # 401: other


@pytest.mark.parametrize("basis, hukou, village, label, why", [
    ("hukou", "农村", URBAN_VILLAGE, "农村", "按申请人户籍"),
    ("hukou", "城镇", RURAL_VILLAGE, "城市", "按申请人户籍"),
    ("village", "农村", URBAN_VILLAGE, "城市", "按所在地为居委会"),
    ("village", "城镇", RURAL_VILLAGE, "农村", "按所在地为村委会"),
    ("village", "城镇", OTHER_VILLAGE, "城市", "按申请人户籍"),
    ("village", "农村", "", "农村", "按申请人户籍"),
])
def test_basis(basis, hukou, village, label, why):
    b = household_basis(hh(400, hukou=hukou, village_code=village), policy(standard_basis=basis))
    assert (b.label, b.why) == (label, why)


def test_switching_the_basis_switches_the_result():
    # 700 a head: below the urban 800, above the rural 600
    h = hh(700, hukou="农村", village_code=URBAN_VILLAGE)
    by_hukou = assess(h, ST, DAY, policy(standard_basis="hukou"))
    by_village = assess(h, ST, DAY, policy(standard_basis="village"))
    assert by_rule(by_hukou, "dibao") is None and by_rule(by_hukou, "dibao_edge")
    s = by_rule(by_village, "dibao")
    assert "低于城市低保标准 800 元（按所在地为居委会）" in s.reason
    assert "拟补差 800 元 × 2 人" in s.reason


def test_standards_switch_on_their_effective_date():
    entries = [ST.__dict__ | {"effective_from": "2025-01-01"},
               ST.__dict__ | {"effective_from": "2026-07-01", "rural_dibao_fen": 70000}]
    before, after = date(2026, 6, 30), date(2026, 7, 1)
    h = hh(650)
    assert by_rule(assess(h, standards_on(entries, before), before), "dibao") is None
    assert "人均月收入 650 元，低于农村低保标准 700 元" in by_rule(
        assess(h, standards_on(entries, after), after), "dibao").reason


# ----------------------------------------------------------------- the setting


def entry(**kw):
    return {**eligibility.DEFAULT_ENTRY, **kw}


def test_policy_entries_switch_on_their_effective_date():
    value = validate_setting("eligibility", [
        entry(effective_from="2026-07-01", standard_basis="village"), entry()])
    assert [e["effective_from"] for e in value] == ["2021-01-01", "2026-07-01"]
    assert eligibility.policy_on(value, date(2026, 6, 30)).standard_basis == "hukou"
    assert eligibility.policy_on(value, date(2026, 7, 1)).standard_basis == "village"
    # before the first entry: the first entry; no setting at all: the defaults
    assert eligibility.policy_on(value, date(2020, 1, 1)).standard_basis == "hukou"
    assert eligibility.policy_on(None, DAY) == eligibility.parse_entry(eligibility.DEFAULT_ENTRY)


def test_default_entry_round_trips():
    assert validate_setting("eligibility", [eligibility.DEFAULT_ENTRY]) == [eligibility.DEFAULT_ENTRY]


@pytest.mark.parametrize("bad, label", [
    (entry(excluded_incomes=["salary"]), "不计入家庭收入的收入类别"),
    (entry(excluded_incomes=["wage", "wage"]), "不计入家庭收入的收入类别"),
    (entry(deduction_employments=["在校x"]), "可扣减就业成本的就业状况"),
    (entry(topup_rounding="ten"), "补差取整方式"),
    (entry(standard_basis="residence"), "城乡标准依据"),
    (entry(tekun_base="rural"), "特困供养标准的计算基数"),
    (entry(max_vehicles=-2), "机动车限额（辆）"),
    (entry(max_vehicles=True), "机动车限额（辆）"),
    (entry(deposit_months_per_person="24"), "人均存款限额（月低保标准的倍数）"),
    (entry(business_allowed=1), "是否允许拥有经营实体"),
    (entry(incapable_grades={"肢体": 5}), "视为无劳动能力的残疾等级"),
    (entry(incapable_grades={"翅膀": 1}), "视为无劳动能力的残疾等级"),
    (entry(education_age_min=2), "教育救助最低年龄"),
    (entry(elderly_age=81), "老年人年龄"),
    (entry(effective_from="2026-02-30"), "生效日期"),
    ({k: v for k, v in entry().items() if k != "care_grade_mental"}, "护理补贴智力精神残疾等级"),
    (entry(surprise=1), "未知项目"),
])
def test_bad_entries_are_refused_with_the_field_named(bad, label):
    with pytest.raises(ValidationError) as exc:
        validate_setting("eligibility", [bad])
    assert exc.value.field == "eligibility"
    if label:
        assert label in exc.value.message and "第 1 条" in exc.value.message


@pytest.mark.parametrize("value", [[], "x", None, [1]])
def test_not_a_list_of_entries(value):
    with pytest.raises(ValidationError):
        validate_setting("eligibility", value)


def test_duplicate_days_refused():
    with pytest.raises(ValidationError) as exc:
        validate_setting("eligibility", [entry(), entry()])
    assert "2021-01-01" in exc.value.message
