"""Materials defaults from the household's facts (issue 14): a conditional material of
the catalogue (resources/catalog/items.json, ``required: false`` + ``condition``) is
suggested as needed when the draft states the fact its condition names."""

from __future__ import annotations

import pytest

from desktop_app.core.catalog import load_catalog
from desktop_app.core.services import ApplicationDraft, MemberInput
from desktop_app.core.services.material_facts import RULES, suggest, suggested_materials

CATALOG = load_catalog()


def _draft(applicant: dict | None = None, members: tuple[dict, ...] = (), **kw) -> ApplicationDraft:
    return ApplicationDraft(applicant=MemberInput(name="甲", **(applicant or {})),
                            members=[MemberInput(name="乙", **m) for m in members], **kw)


def _material(item: str, code: str):
    return next(m for m in CATALOG.item(item).materials if m.code == code)


SPOUSE = ({"relation": "配偶"},)
CHILD = ({"relation": "子"},)

# (item, material, draft, expected status, reason) — the condition each row reads is the
# catalogue's: DIBAO MARRIAGE_PROOF "已婚、离婚或丧偶的", DISABILITY_CERT "家庭成员有残疾的",
# ILLNESS_PROOF "家庭成员患重病、慢性病的"; TEKUN "有残疾的", "患重病的", LABOR_INCAPACITY
# "以无劳动能力申请的"; LINSHI_URGENT "因火灾、交通事故等意外事件的", "因病的", APPLICANT_ID
# "有证件的"; LINSHI_EXPENSE MEDICAL_SETTLEMENT "因病支出的".
CASES = [
    ("DIBAO", "MARRIAGE_PROOF", _draft(), "na", ""),
    ("DIBAO", "MARRIAGE_PROOF", _draft(members=CHILD), "na", ""),
    ("DIBAO", "MARRIAGE_PROOF", _draft(members=SPOUSE), "shared", "有配偶"),
    ("DIBAO", "MARRIAGE_PROOF", _draft({"marital": "丧偶"}), "shared", "婚姻状况为丧偶"),
    ("DIBAO", "MARRIAGE_PROOF", _draft({"marital": "未婚"}), "na", ""),
    ("RIGID", "MARRIAGE_PROOF", _draft(members=({"relation": "配偶", "marital": "已婚"},)),
     "shared", "有配偶"),
    ("DIBAO", "DISABILITY_CERT", _draft(members=({"disability_category": "肢体"},)),
     "shared", "家庭成员有残疾"),
    ("DIBAO", "DISABILITY_CERT", _draft({"disability_category": "视力"}), "shared", "家庭成员有残疾"),
    ("DIBAO", "DISABILITY_CERT", _draft(), "na", ""),
    ("TEKUN", "DISABILITY_CERT", _draft(members=({"disability_category": "肢体"},)), "na", ""),
    ("TEKUN", "DISABILITY_CERT", _draft({"disability_category": "智力"}), "shared", "申请人有残疾"),
    ("DIBAO", "ILLNESS_PROOF", _draft(members=({"health": "重病"},)), "missing", "家庭成员患重病"),
    ("DIBAO", "ILLNESS_PROOF", _draft({"health": "多病"}), "na", ""),
    ("DIBAO", "ILLNESS_PROOF", _draft({"health": "健康"}), "na", ""),
    ("TEKUN", "ILLNESS_PROOF", _draft({"health": "重病"}), "missing", "申请人患重病"),
    ("TEKUN", "ILLNESS_PROOF", _draft(members=({"health": "重病"},)), "na", ""),
    ("TEKUN", "LABOR_INCAPACITY", _draft({"employment": "无劳动能力"}), "missing", "申请人无劳动能力"),
    ("TEKUN", "LABOR_INCAPACITY", _draft({"employment": "务农"}), "na", ""),
    ("LINSHI_URGENT", "INCIDENT_PROOF", _draft(hardship_cause="accident"), "missing",
     "求助原因为意外事故"),
    ("LINSHI_URGENT", "MEDICAL_BILLS", _draft(hardship_cause="illness"), "missing", "求助原因为因病"),
    ("LINSHI_URGENT", "MEDICAL_BILLS", _draft(hardship_cause="disaster"), "na", ""),
    ("LINSHI_URGENT", "APPLICANT_ID", _draft({"id_number": "52220119600512031X"}), "missing",
     "申请人有证件"),
    ("LINSHI_URGENT", "APPLICANT_ID", _draft(), "na", ""),
    ("LINSHI_URGENT", "APPLICANT_ID", _draft({"id_type": "NONE", "id_number": "x"}), "na", ""),
    ("LINSHI_EXPENSE", "MEDICAL_SETTLEMENT", _draft(medical_spending="3000"), "shared",
     "填写了医疗支出"),
    ("LINSHI_EXPENSE", "MEDICAL_SETTLEMENT", _draft(medical_spending="0.00"), "na", ""),
    ("LINSHI_EXPENSE", "MEDICAL_SETTLEMENT", _draft(hardship_cause="illness"), "shared",
     "求助原因为因病"),
]


@pytest.mark.parametrize("item, code, draft, status, reason", CASES)
def test_suggestion_follows_the_fact(item, code, draft, status, reason) -> None:
    found = suggest(draft, _material(item, code))
    assert found is not None
    assert (found.status, found.reason) == (status, reason)


def test_required_and_unknowable_materials_get_no_suggestion() -> None:
    draft = _draft(members=SPOUSE)
    assert suggest(draft, _material("DIBAO", "APPLICATION")) is None   # required
    assert suggest(draft, _material("EDUCATION", "ADMISSION_NOTICE")) is None  # 新入学的: not told


def test_every_rule_names_a_conditional_material_of_the_catalogue() -> None:
    conditional = {m.code for item in CATALOG.items for m in item.materials if not m.required}
    assert set(RULES) <= conditional


def test_suggested_materials_per_item() -> None:
    from desktop_app.core.services import ItemInput

    draft = _draft(members=SPOUSE, items=[ItemInput("DIBAO"), ItemInput("TEKUN")])
    out = suggested_materials(draft, CATALOG)
    assert out[("DIBAO", "MARRIAGE_PROOF")].status == "shared"
    assert ("TEKUN", "MARRIAGE_PROOF") not in out
    assert all(k[0] in ("DIBAO", "TEKUN") for k in out)
