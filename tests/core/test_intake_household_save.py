"""Issue 12 through the real intake services: the household-economics fields of a draft
(legal supporters and an outside guardian, counted members, the minor applicant's
guardian, where the applicant applies, medical reimbursement) are validated — every
bad value named at its field, nothing written — and saved with the income calculation
of the rules in force on the intake day."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from desktop_app.core.errors import ValidationErrors
from desktop_app.core.messages import TEMPLATES
from desktop_app.core.models import Application, Document, Income, RelatedPerson
from desktop_app.core.rules.identity import IdType
from desktop_app.core.services import MemberInput
from desktop_app.core.services.drafts import PersonInput
from tests.helpers.drafts import draft, resident_id

SON_ID = resident_id(date(1990, 6, 1), True, 3)
DAUGHTER_ID = resident_id(date(1988, 2, 2), False, 4)
CHILD_BIRTH = date(2012, 3, 1)  # 14 on the tests' intake day 2026-11-24


def count(services, model) -> int:
    with services.ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(model))


def supporter(name="王大", relation="子", id_number=SON_ID, **kw) -> PersonInput:
    return PersonInput(name=name, relation=relation, id_number=id_number, **kw)


def spouse(**kw) -> MemberInput:
    return MemberInput(name="李四", relation="配偶",
                       id_number=resident_id(date(1962, 3, 1), False, 2), **kw)


def prisoner(**kw) -> MemberInput:
    kw.setdefault("counted", False)
    kw.setdefault("counted_reason", "prison")
    return MemberInput(name="张小三", relation="子",
                       id_number=resident_id(date(1992, 8, 8), True, 6), **kw)


def minor_draft(services, guardian_member=False, **kw):
    """A 14-year-old applicant living with an adult aunt (其他)."""
    aunt = MemberInput(name="张姑", relation="其他",
                       id_number=resident_id(date(1985, 1, 1), False, 7), guardian=guardian_member)
    kw.setdefault("members", [aunt])
    return draft(services, name="张小妹", id_number=resident_id(CHILD_BIRTH, False, 8), **kw)


def _set(obj, **kw):
    for k, v in kw.items():
        setattr(obj, k, v)


def _bad_checksum(number: str) -> str:
    return number[:-1] + ("0" if number[-1] != "0" else "1")


# -- every bad value, at its field, nothing written ------------------------------------
BAD = [
    # related persons (PersonInput rows)
    ("related.0.name", lambda d: d.related.append(supporter(name="  "))),
    ("related.0.relation", lambda d: d.related.append(supporter(relation="邻居"))),
    ("related.0.id_number", lambda d: d.related.append(supporter(id_number=_bad_checksum(SON_ID)))),
    ("related.0.id_number", lambda d: d.related.append(supporter(id_number=""))),
    ("related.0.no_id_reason", lambda d: d.related.append(
        supporter(id_type=IdType.NONE.name, id_number=""))),
    ("related.0.id_type", lambda d: d.related.append(supporter(id_type="PASSPORT"))),
    ("related.0.no_id_reason", lambda d: d.related.append(supporter(no_id_reason="因" * 101))),
    ("related.0.phone", lambda d: d.related.append(supporter(phone="12345"))),
    ("related.0.address", lambda d: d.related.append(supporter(address="村" * 201))),
    ("related.0.supporter", lambda d: d.related.append(supporter(supporter=False, guardian=False))),
    ("related.0.household_size", lambda d: d.related.append(supporter(household_size="0"))),
    ("related.0.household_size", lambda d: d.related.append(supporter(household_size="31"))),
    ("related.0.household_size", lambda d: d.related.append(supporter(household_size="三"))),
    ("related.0.monthly_income", lambda d: d.related.append(supporter(monthly_income="-1"))),
    ("related.0.monthly_income", lambda d: d.related.append(supporter(monthly_income="abc"))),
    ("related.0.able", lambda d: d.related.append(supporter(able="yes"))),
    ("related.0.unable_reason", lambda d: d.related.append(supporter(able=False, unable_reason="poor"))),
    ("related.0.unable_reason", lambda d: d.related.append(supporter(able=False))),
    ("related.0.unable_reason", lambda d: d.related.append(supporter(able=True, unable_reason="dibao"))),
    ("related.0.unable_reason", lambda d: d.related.append(supporter(unable_reason="dibao"))),
    ("related.0.note", lambda d: d.related.append(supporter(note="注" * 201))),
    # the same person twice: as a member and as a supporter, or two supporters
    ("related.0.id_number", lambda d: d.related.append(supporter(id_number=d.members[0].id_number))),
    ("related.0.id_number", lambda d: d.related.append(supporter(id_number=d.applicant.id_number))),
    ("related.1.id_number", lambda d: d.related.extend([supporter(), supporter(name="王二")])),
    # counted members (57号)
    ("members.1.counted_reason", lambda d: _set(d.members[0], counted_reason="friend")),
    ("members.1.counted_reason", lambda d: _set(d.members[0], counted=False)),
    ("members.1.counted_reason", lambda d: _set(d.members[0], counted_reason="prison")),
    ("members.1.counted_reason", lambda d: _set(d.members[0], counted=False, counted_reason="spouse")),
    ("members.1.counted_reason", lambda d: _set(d.members[0], counted_reason="applicant")),
    ("applicant.counted", lambda d: _set(d.applicant, counted=False, counted_reason="living_apart")),
    ("applicant.counted_reason", lambda d: _set(d.applicant, counted_reason="prison")),
    # guardians of an adult applicant
    ("members.1.guardian", lambda d: _set(d.members[0], guardian=True)),
    ("related.0.guardian", lambda d: d.related.append(supporter(guardian=True))),
    ("applicant.guardian", lambda d: _set(d.applicant, guardian=True)),
    # where the applicant applies
    ("residence_kind", lambda d: _set(d, residence_kind="abroad")),
    ("residence_address", lambda d: _set(d, residence_kind="permit", residence_permit_no="P1")),
    ("residence_address", lambda d: _set(d, residence_kind="incident", items=[], residence_address=" ")),
    ("residence_address", lambda d: _set(d, residence_address="路" * 201)),
    ("residence_permit_no", lambda d: _set(d, residence_kind="permit", residence_address="碧江区1号")),
    ("residence_permit_no", lambda d: _set(d, residence_kind="permit", residence_address="碧江区1号",
                                           residence_permit_no="9" * 41)),
    ("residence_permit_no", lambda d: _set(d, residence_kind="permit", residence_address="碧江区1号",
                                           residence_permit_no="P\x07")),
    ("items", lambda d: _set(d, residence_kind="incident", residence_address="碧江区1号")),
    # medical spending net of reimbursement
    ("medical_reimbursed", lambda d: _set(d, medical_spending="1000", medical_reimbursed="1000.01")),
    ("medical_reimbursed", lambda d: _set(d, medical_reimbursed="100")),
    ("medical_reimbursed", lambda d: _set(d, medical_spending="1000", medical_reimbursed="x")),
]


@pytest.mark.parametrize("field,mutate", BAD, ids=[f"{f}-{i}" for i, (f, _) in enumerate(BAD)])
def test_bad_household_input_is_named_at_its_field_and_writes_nothing(services, township, field, mutate):
    d = draft(services)
    mutate(d)
    assert field in {e.field for e in services.intake.validate(d)}
    with pytest.raises(ValidationErrors) as exc:
        services.intake.decide(d, "accept", township)
    assert field in {e.field for e in exc.value.errors}
    for e in exc.value.errors:
        assert e.message and (e.key is None or e.key in TEMPLATES)
    assert count(services, Application) == 0
    assert count(services, RelatedPerson) == 0
    assert count(services, Document) == 0


def test_incident_message_names_the_item_refused(services, township):
    d = draft(services, items=("LINSHI_URGENT", "DIBAO"), residence_kind="incident",
              residence_address="碧江区灯塔街道 3 号（事故现场）")
    errors = [e for e in services.intake.validate(d) if e.field == "items"]
    assert len(errors) == 1
    assert errors[0].key == "intake.residence.incident_item"
    assert "最低生活保障" in errors[0].message and "临时救助" in errors[0].message


@pytest.mark.parametrize("guardians,field,key", [
    ((), "guardian", "intake.guardian.required"),
    (("member", "related"), "guardian", "intake.guardian.too_many"),
    (("child",), "members.2.guardian", "intake.guardian.minor"),
])
def test_minor_applicant_needs_exactly_one_adult_guardian(services, township, guardians, field, key):
    d = minor_draft(services, guardian_member="member" in guardians)
    d.members.append(MemberInput(name="张小弟", relation="兄弟", guardian="child" in guardians,
                                 id_number=resident_id(date(2015, 5, 5), True, 9)))
    if "related" in guardians:
        d.related.append(supporter(name="张父", relation="父亲", guardian=True, supporter=True))
    errors = services.intake.validate(d)
    assert [(e.field, e.key) for e in errors] == [(field, key)]
    with pytest.raises(ValidationErrors):
        services.intake.decide(d, "accept", township)
    assert count(services, Application) == 0


def test_minor_guardian_outside_the_household_cannot_be_a_minor(services, township):
    d = minor_draft(services)
    d.related.append(supporter(name="张表哥", relation="其他亲属", supporter=False, guardian=True,
                               id_number=resident_id(date(2010, 1, 1), True, 12)))
    assert [e.field for e in services.intake.validate(d)] == ["related.0.guardian"]


# -- saved values ---------------------------------------------------------------------------
def _app(services, app_id):
    from sqlalchemy.orm import selectinload

    with services.ctx.db.read() as s:
        app = s.scalars(select(Application).where(Application.id == app_id).options(
            selectinload(Application.members), selectinload(Application.related),
            selectinload(Application.incomes))).one()
        s.expunge_all()
    return app


def test_household_fields_and_the_calculation_are_saved(services, township):
    """Spouse counted, son in prison not counted (57号); two supporters outside, one able;
    a 居住证 holder applying where they live; medical spending with reimbursement."""
    d = draft(services, members=[spouse(counted_reason="spouse"), prisoner()],
              incomes={"wage": "900", "allowance": "300", "farming": "200"},
              residence_kind="permit", residence_address=" 碧江区灯塔街道  幸福路 8 号 ",
              residence_permit_no=" 5222010012345 ", medical_spending="20000",
              medical_reimbursed="12000.50")
    d.applicant.employment = "在职"
    d.related = [
        supporter(phone="13900000001", address="铜仁市万山区", household_size="4",
                  monthly_income="3,200.5", able=True, note="每月给 200 元"),
        supporter(name="王二妹", relation="女", id_number=DAUGHTER_ID, household_size="3",
                  monthly_income="800", able=False, unable_reason="dibao"),
    ]
    result = services.intake.decide(d, "accept", township)
    app = _app(services, result.application_id)

    assert [(m.relation, m.counted, m.counted_reason, m.guardian) for m in app.members] == [
        ("本人", True, "applicant", False), ("配偶", True, "spouse", False),
        ("子", False, "prison", False)]
    assert [(p.position, p.name, p.relation, p.id_number, p.household_size, p.monthly_income_fen,
             p.able, p.unable_reason, p.supporter, p.guardian) for p in app.related] == [
        (0, "王大", "子", SON_ID, 4, 320050, True, "", True, False),
        (1, "王二妹", "女", DAUGHTER_ID, 3, 80000, False, "dibao", True, False)]
    first = app.related[0]
    assert (first.phone, first.address, first.note, first.id_type) == (
        "13900000001", "铜仁市万山区", "每月给 200 元", "RESIDENT_ID")
    assert app.related[0].uuid and app.related[0].change_seq > 0
    assert (app.residence_kind, app.residence_address, app.residence_permit_no) == (
        "permit", "碧江区灯塔街道 幸福路 8 号", "5222010012345")
    assert (app.medical_spending_fen, app.medical_reimbursed_fen) == (2000000, 1200050)
    assert app.supporters_able is True  # one recorded supporter is able

    # The calculation: 1,400 yuan gross over 3 recorded members; 生活补助 300 not counted
    # (default exclusion); 2 counted members. A 居住证 holder gets the standard of where
    # they live: the village is a 居委会 (code 1xx) — the urban standard 800. Deduction
    # 30 % × 800 = 240 for the one worker (在职) on the 900 wage; net 1,400 − 300 − 240
    # = 860 = 430 a head, below 800 × 2: 补差 1,600 − 860 = 740.
    # gross per head over the 2 COUNTED members — the denominator of the net figure, the
    # panel and the 核算表 (review of issue 12: one gross per-capita figure everywhere)
    assert (app.monthly_income_fen, app.per_capita_income_fen) == (140000, 70000)
    assert (app.counted_members, app.excluded_income_fen, app.deduction_fen) == (2, 30000, 24000)
    assert (app.net_income_fen, app.net_per_capita_fen, app.topup_fen) == (86000, 43000, 74000)
    assert (app.standards_from, app.eligibility_from) == (date(2025, 1, 1), date(2021, 1, 1))
    assert {i.category: i.counted for i in app.incomes} == {
        "wage": True, "allowance": False, "farming": True}

    # The stored figures are the rules' own (the panel shows evaluate(draft)).
    figures = services.assessment.evaluate(result.application_id).figures
    assert (figures.members, figures.net_fen, figures.topup_fen) == (2, 86000, 74000)
    assert figures.basis.why == "居住证持有人，按居住地为居委会"
    assert figures.excluded_members == (("张小三", "服刑或强制隔离戒毒"),)


def test_topup_is_null_when_not_below_the_standard(services, township):
    d = draft(services, incomes={"wage": "1200"})  # 600 a head = the rural standard
    app = _app(services, services.intake.decide(d, "accept", township).application_id)
    assert (app.counted_members, app.net_income_fen, app.net_per_capita_fen) == (2, 120000, 60000)
    assert app.topup_fen is None
    d = draft(services, name="王五", id_number=resident_id(seed=21), incomes={"wage": "1199.99"})
    app = _app(services, services.intake.decide(d, "accept", township).application_id)
    assert app.topup_fen == 1


def test_topup_is_null_when_property_exceeds_the_limits(services, township):
    """Income below the standard but 3 vehicles (limit 1): no 低保, so no 补差 is stored
    or exported as proposed ("且财产符合相关规定", every seed); the rules still compute
    the arithmetic, and the 核算表 says the household does not qualify."""
    d = draft(services, incomes={"wage": "500"}, vehicles="3")
    result = services.intake.decide(d, "accept", township)
    app = _app(services, result.application_id)
    a = services.assessment.evaluate(result.application_id)
    assert not a.property.ok and a.figures.topup_fen > 0
    assert app.net_income_fen == 50000 and app.topup_fen is None


def test_no_standards_in_force_leaves_the_calculation_null(services, township):
    d = draft(services)
    d.intake_date = date(2024, 12, 31)  # before the first standards entry (2025-01-01)
    app = _app(services, services.intake.decide(d, "accept", township).application_id)
    assert app.counted_members is None and app.net_income_fen is None and app.topup_fen is None
    assert app.standards_from is None and app.eligibility_from is None
    assert {i.counted for i in app.incomes} == {None}
    assert app.members[0].counted_reason == "applicant"


@pytest.mark.parametrize("ables,flag,stored", [
    ((False, False), None, False),     # every recorded supporter unable
    # one not checked yet: unknown whatever the clerk's flag (the 特困 rule reads it so:
    # nothing is suggested while a recorded supporter is unchecked — review of issue 12)
    ((False, None), False, None),
    ((False, None), None, None),
    ((None,), True, None),
    ((), False, False),                # none recorded: the clerk's flag
    ((True, False), False, True),      # an able supporter wins over the flag
])
def test_supporters_able_is_derived_from_the_recorded_supporters(services, township, ables, flag, stored):
    d = draft(services, supporters_able=flag)
    ids = [SON_ID, DAUGHTER_ID]
    d.related = [supporter(name="王大" if i == 0 else "王二妹", id_number=ids[i], able=a,
                           unable_reason="low_income" if a is False else "")
                 for i, a in enumerate(ables)]
    app = _app(services, services.intake.decide(d, "accept", township).application_id)
    assert app.supporters_able is stored


def test_a_guardian_only_person_does_not_set_supporters_able(services, township):
    d = minor_draft(services, supporters_able=None)
    d.related = [supporter(name="张父", relation="父亲", supporter=False, guardian=True,
                           able=False, unable_reason="missing")]
    app = _app(services, services.intake.decide(d, "accept", township).application_id)
    assert app.supporters_able is None
    assert [(p.supporter, p.guardian) for p in app.related] == [(False, True)]


def test_minor_applicant_with_a_member_guardian_is_saved(services, township):
    d = minor_draft(services, guardian_member=True)
    app = _app(services, services.intake.decide(d, "accept", township).application_id)
    assert [(m.name, m.guardian) for m in app.members] == [("张小妹", False), ("张姑", True)]
    assert app.related == []


def test_minor_applicant_with_an_outside_guardian_without_id_is_saved(services, township):
    d = minor_draft(services)
    d.related = [PersonInput(name="张爷爷", relation="祖父母", id_type=IdType.NONE.name,
                             no_id_reason="身份证遗失，正在补办", supporter=False, guardian=True)]
    app = _app(services, services.intake.decide(d, "accept", township).application_id)
    assert [(p.name, p.guardian, p.id_number, p.no_id_reason) for p in app.related] == [
        ("张爷爷", True, "", "身份证遗失，正在补办")]


def test_applicant_without_birth_date_may_have_a_guardian_or_none(services, township):
    d = draft(services, id_number="")
    _set(d.applicant, id_type=IdType.NONE.name, no_id_reason="无户籍，正在办理")
    assert services.intake.validate(d) == []
    d.members[0].guardian = True
    assert services.intake.validate(d) == []


@pytest.mark.parametrize("items", [("LINSHI_URGENT",), ("LINSHI_EXPENSE",), ("LINSHI_URGENT", "LINSHI_EXPENSE")])
def test_incident_applicant_may_request_temporary_assistance(services, township, items):
    d = draft(services, items=items, residence_kind="incident",
              residence_address="碧江区灯塔街道 3 号（事故现场）")
    app = _app(services, services.intake.decide(d, "accept", township).application_id)
    assert (app.residence_kind, app.residence_address, app.residence_permit_no) == (
        "incident", "碧江区灯塔街道 3 号（事故现场）", "")


def test_hukou_applicant_keeps_no_permit_number(services, township):
    d = draft(services, residence_permit_no="P-1", residence_address="石桥村 12 号")
    app = _app(services, services.intake.decide(d, "accept", township).application_id)
    assert (app.residence_kind, app.residence_address, app.residence_permit_no) == (
        "hukou", "石桥村 12 号", "")


def test_batch_recording_stores_the_calculation_too(services, township, clock):
    d = draft(services, members=[spouse(), prisoner()], incomes={"wage": "500"})
    ids = services.intake.record_batch([(d, "accept", [], clock.now)], township).value
    app = _app(services, ids[0])
    assert (app.counted_members, app.net_income_fen, app.topup_fen) == (2, 50000, 70000)
    with services.ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(Income).where(Income.counted.is_(True))) == 1


# -- the assessment reads the same facts from the draft and from the saved application ----
def test_assessment_of_the_draft_and_of_the_saved_application_agree(services, township):
    """An elderly couple, a son in prison (not counted), two unable supporters outside,
    medical spending partly reimbursed: 特困 and 医疗 suggested from the records alone."""
    d = draft(services, id_number=resident_id(date(1950, 5, 17)), supporters_able=None,
              members=[MemberInput(name="李四", relation="配偶",
                                   id_number=resident_id(date(1952, 3, 1), False, 2)),
                       prisoner(employment="在职")],
              incomes={"pension": "400", "allowance": "300"}, items=("TEKUN",),
              medical_spending="3000", medical_reimbursed="1000")
    d.related = [supporter(able=False, unable_reason="low_income", household_size="3", monthly_income="900"),
                 supporter(name="王二妹", relation="女", id_number=DAUGHTER_ID, able=False,
                           unable_reason="disabled")]
    before = services.assessment.evaluate(d)
    app_id = services.intake.decide(d, "accept", township).application_id
    after = services.assessment.evaluate(app_id)
    assert [(s.rule_id, s.reason) for s in before.suggestions] == [
        (s.rule_id, s.reason) for s in after.suggestions]
    tekun = next(s for s in after.suggestions if s.rule_id == "tekun")
    assert "张三" in tekun.reason and "李四" in tekun.reason and "张小三" not in tekun.reason.split("；")[0]
    assert "王大（子，收入低于当地低保标准；其家庭 3 人，月收入 900 元）" in tekun.reason
    assert "未计入张小三（服刑或强制隔离戒毒）" in tekun.reason
    medical = next(s for s in after.suggestions if s.rule_id == "medical_spending")
    assert "已报销 1,000 元、自付 2,000 元" in medical.reason
    assert after.figures.excluded_members == (("张小三", "服刑或强制隔离戒毒"),)
    assert _app(services, app_id).supporters_able is False


def test_an_eligibility_entry_stored_before_issue_12_still_assesses(services, township):
    from desktop_app.core.rules.eligibility import ADDED_LATER, DEFAULT_ENTRY

    old = {k: v for k, v in DEFAULT_ENTRY.items() if k not in ADDED_LATER}
    old["excluded_incomes"] = ["allowance"]
    with services.ctx.db.transaction() as s:   # as the first version stored it
        services.ctx.put_setting(s, "eligibility", [old], None)
    d = draft(services, incomes={"basic_pension": "1000"})   # counted under the old entry
    assert services.assessment.policy_on(date(2026, 11, 24)).rigid_validity_months == 12
    app = _app(services, services.intake.decide(d, "accept", township).application_id)
    assert (app.excluded_income_fen, app.net_income_fen) == (0, 100000)


# -- 公示 limits (issue 12 point 6; rules/publicity.py) ---------------------------------
def test_detail_says_a_minor_applicant_is_never_publicised(services, township):
    result = services.intake.decide(minor_draft(services, guardian_member=True), "accept",
                                    township)
    note = services.queries.detail(result.application_id).publicity_note
    assert "申请人为未成年人" in note and "不予公示" in note
    adult = services.intake.decide(draft(services, name="王五", id_number=resident_id(seed=23)),
                                   "accept", township)
    assert services.queries.detail(adult.application_id).publicity_note == ""


# -- houses owned (property test "houses beyond the first") ------------------------------
@pytest.mark.parametrize("text, stored", [("", None), ("0", 0), ("2", 2), (" 1 ", 1)])
def test_houses_owned_are_saved_blank_meaning_not_recorded(services, township, text, stored):
    d = draft(services, houses=text)
    app = _app(services, services.intake.decide(d, "accept", township).application_id)
    assert app.houses == stored


@pytest.mark.parametrize("text", ["a", "-1", "1.5", "101", "２"])
def test_bad_houses_count_is_refused_at_its_field(services, township, text):
    with pytest.raises(ValidationErrors) as err:
        services.intake.decide(draft(services, houses=text), "accept", township)
    assert [e.field for e in err.value.errors] == ["houses"]
    assert services.queries.count() == 0
