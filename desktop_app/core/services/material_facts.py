"""Materials whose need follows from the household's facts (issue 14).

A conditional material of the catalogue (``required: false`` with a ``condition``,
``resources/catalog/items.json``) is 不适用 by default. When the draft already states
the fact the condition names, the material is needed: the window suggests the status a
required material starts with (信息共享免提交 where a platform can look it up, else
缺少) and says why; the clerk may change it (a changed value is never overwritten — the
GUI's part). Pure: no database, no Qt.

The rules, each quoting the catalogue's condition it reads:

==========================  =============================  ====================================
material                    catalogue condition            fact in the draft
==========================  =============================  ====================================
MARRIAGE_PROOF 婚姻状况证明   已婚、离婚或丧偶的                a member related as 配偶, or a
                                                           person's marital status 已婚/离异/丧偶
DISABILITY_CERT 残疾人证      家庭成员有残疾的 / 有残疾的        a disability category (any member /
                                                           the applicant)
ILLNESS_PROOF 重病诊断证明    家庭成员患重病、慢性病的 / 患重病的  health 重病 (any member / the
                                                           applicant); 多病 is not taken as a
                                                           diagnosed chronic illness
LABOR_INCAPACITY            以无劳动能力申请的                the applicant's employment 无劳动能力
INCIDENT_PROOF              因火灾、交通事故等意外事件的        cause of hardship 意外事故
MEDICAL_BILLS               因病的                          cause of hardship 因病
MEDICAL_SETTLEMENT          因病支出的                       cause 因病, or medical spending given
APPLICANT_ID                有证件的                         an ID document type and number given
==========================  =============================  ====================================

A condition that starts with 家庭成员 reads every person in the household (the
applicant and the members); any other reads the applicant (特困 is the person's own).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from ..rules import identity
from ..vocab import MaterialStatus
from .drafts import ApplicationDraft, MemberInput

MARRIED = ("已婚", "离异", "丧偶")


@dataclass(frozen=True)
class Suggestion:
    """The status suggested for one material of one item, and the fact behind it
    (``reason`` "" when no fact calls for it: 不适用)."""

    status: str
    reason: str


def _people(draft: ApplicationDraft, condition: str) -> list[MemberInput]:
    if condition.startswith("家庭成员"):
        return [draft.applicant, *draft.members]
    return [draft.applicant]


def _marriage(draft: ApplicationDraft, condition: str) -> str:
    if any(m.relation == "配偶" for m in draft.members):
        return "有配偶"
    for person in _people(draft, "家庭成员"):
        if person.marital in MARRIED:
            return "婚姻状况为" + person.marital
    return ""


def _disability(draft: ApplicationDraft, condition: str) -> str:
    if any(p.disability_category for p in _people(draft, condition)):
        return "家庭成员有残疾" if condition.startswith("家庭成员") else "申请人有残疾"
    return ""


def _illness(draft: ApplicationDraft, condition: str) -> str:
    if any(p.health == "重病" for p in _people(draft, condition)):
        return "家庭成员患重病" if condition.startswith("家庭成员") else "申请人患重病"
    return ""


def _labour(draft: ApplicationDraft, condition: str) -> str:
    return "申请人无劳动能力" if draft.applicant.employment == "无劳动能力" else ""


def _cause(code: str, label: str) -> Callable[[ApplicationDraft, str], str]:
    def rule(draft: ApplicationDraft, condition: str) -> str:
        return label if draft.hardship_cause == code else ""
    return rule


def _medical_settlement(draft: ApplicationDraft, condition: str) -> str:
    if draft.hardship_cause == "illness":
        return "求助原因为因病"
    spent = draft.medical_spending.strip().strip("0").strip(".")
    return "填写了医疗支出" if spent else ""


def _applicant_id(draft: ApplicationDraft, condition: str) -> str:
    a = draft.applicant
    has = a.id_type != identity.IdType.NONE.name and a.id_number.strip()
    return "申请人有证件" if has else ""


#: material code -> the fact that calls for it (a reason, or "" when none)
RULES: dict[str, Callable[[ApplicationDraft, str], str]] = {
    "MARRIAGE_PROOF": _marriage,
    "DISABILITY_CERT": _disability,
    "ILLNESS_PROOF": _illness,
    "LABOR_INCAPACITY": _labour,
    "INCIDENT_PROOF": _cause("accident", "求助原因为意外事故"),
    "MEDICAL_BILLS": _cause("illness", "求助原因为因病"),
    "MEDICAL_SETTLEMENT": _medical_settlement,
    "APPLICANT_ID": _applicant_id,
}


def needed_status(material: Any) -> str:
    """What a needed material starts with: never demanded when a platform can look it up."""
    return MaterialStatus.SHARED if getattr(material, "data_shared", False) else MaterialStatus.MISSING


def suggest(draft: ApplicationDraft, material: Any) -> Suggestion | None:
    """The suggestion for one catalogue material, or None when its need does not follow
    from a fact (a required material, or a condition the draft cannot tell)."""
    if getattr(material, "required", True):
        return None
    rule = RULES.get(material.code)
    if rule is None:
        return None
    reason = rule(draft, getattr(material, "condition", "") or "")
    return Suggestion(needed_status(material) if reason else MaterialStatus.NA, reason)


def suggested_materials(draft: ApplicationDraft, catalog: Any,
                        item_codes: Iterable[str] | None = None) -> dict[tuple[str, str], Suggestion]:
    """``{(item code, material code): Suggestion}`` for the draft's items (or
    ``item_codes``): only the materials whose need follows from a fact."""
    codes = [i.item_code for i in draft.items] if item_codes is None else list(item_codes)
    out: dict[tuple[str, str], Suggestion] = {}
    for code in codes:
        for material in catalog.item(code).materials:
            found = suggest(draft, material)
            if found is not None:
                out[(code, material.code)] = found
    return out


__all__ = ["RULES", "Suggestion", "needed_status", "suggest", "suggested_materials"]
