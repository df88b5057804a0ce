"""Data of the 一表登记 forms printed from the entry (issue 12): 社会救助申请书
(``application_form``), 家庭经济状况申报表 (``declaration``), 家庭经济状况核算表
(``calculation``), and the household rows the 承诺书/核对授权书 shares with them.

The exact shape the templates in forms/ read (see forms/README.md). Everything is
computed inside the caller's session (the documents are issued inside the decision's
transaction), from the application as recorded.

The calculation is the rules' own (:func:`..rules.assessment.evaluate` with the
standards and ``eligibility`` entries in force on the intake day — what
:meth:`.assessment.AssessmentService.evaluate` gives for the saved application and the
intake panel shows); the document's snapshot then freezes it.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from .. import vocab
from ..errors import ValidationError
from ..models import Application, HouseholdMember, RelatedPerson
from ..rules import assessment as rules
from ..rules.eligibility import policy_on
from ..rules.identity import IdType, mask_id
from ..rules.standards import standards_on
from ..rules.values import format_yuan
from .context import ServiceContext

#: The kinds built here (beside the commitment's household rows).
HOUSEHOLD_FORMS = ("application_form", "declaration", "calculation")


def money(fen: int | None) -> str:
    """``95000`` → ``"950.00"`` (printed amounts always show the fen)."""
    return format_yuan(fen or 0)


def age(birth: date, today: date) -> int:
    return today.year - birth.year - ((today.month, today.day) < (birth.month, birth.day))


def _id_label(id_type: str) -> str:
    return IdType[id_type].label if id_type in IdType.__members__ else ""


def _disability(m: HouseholdMember) -> str:
    if not m.disability_category:
        return ""
    grade = rules._GRADES.get(m.disability_grade or 0, "")
    return f"{m.disability_category}{grade}级" if grade else m.disability_category


def member_row(m: HouseholdMember, today: date) -> dict[str, Any]:
    """One household member as every household form prints it: full ID number (the
    forms are office copies), counted 是/否 with the reason's label, the guardian flag."""
    reason = vocab.COUNTED_REASON_LABELS.get(m.counted_reason, "")
    if not reason and m.relation == "本人":
        reason = vocab.COUNTED_REASON_LABELS["applicant"]
    return {
        "name": m.name, "relation": m.relation, "id_type": _id_label(m.id_type),
        "id_number": m.id_number or "无",
        "id_number_masked": mask_id(m.id_number) if m.id_number else "无",
        "adult": m.birth_date is None or age(m.birth_date, today) >= 18,
        "sex": m.sex, "health": m.health, "employment": m.employment,
        "disability": _disability(m),
        "counted": "是" if m.counted else "否", "counted_reason": reason,
        "guardian": bool(m.guardian),
        **({"not_counted": True} if not m.counted else {}),
    }


def related_row(p: RelatedPerson) -> dict[str, Any]:
    """A legal supporter or outside guardian: what the 申报表 and 授权书 print."""
    able = {True: "有", False: "无", None: "未核实"}[p.able]
    return {
        "name": p.name, "relation": p.relation, "id_type": _id_label(p.id_type),
        "id_number": p.id_number or "无",
        "id_number_masked": mask_id(p.id_number) if p.id_number else "无",
        "adult": True, "phone": p.phone,
        "household_size": "" if p.household_size is None else str(p.household_size),
        "income": "" if p.monthly_income_fen is None else money(p.monthly_income_fen),
        "able": able,
        "unable_reason": vocab.UNABLE_REASON_LABELS.get(p.unable_reason, "")
        if p.able is False else "",
        "guardian": bool(p.guardian),
    }


def guardian(app: Application, today: date) -> dict[str, Any]:
    """The recorded guardian of the applicant (a member marked ``guardian``, else a
    related person marked ``guardian``); ``{}`` when none is recorded."""
    for m in app.members[1:]:
        if m.guardian:
            row = member_row(m, today)
            return {k: row[k] for k in ("name", "relation", "id_type", "id_number")} | {
                "phone": m.phone, "in_household": True}
    for p in app.related:
        if p.guardian:
            return {"name": p.name, "relation": p.relation, "id_type": _id_label(p.id_type),
                    "id_number": p.id_number or "无", "phone": p.phone,
                    "in_household": False}
    return {}


def _residence_summary(kind: str, permit_no: str) -> str:
    """``居住证持有人在居住地申请（居住证号码：…）``."""
    label = vocab.RESIDENCE_LABELS.get(kind, "")
    return f"{label}（居住证号码：{permit_no}）" if kind == "permit" and permit_no else label


def household(app: Application, today: date, current_address: str) -> dict[str, Any]:
    """Members, supporters, guardian and where the applicant applies (all three forms)."""
    kind = app.residence_kind or "hukou"
    return {
        "members": [member_row(m, today) for m in app.members],
        "supporters": [related_row(p) for p in app.related if p.supporter],
        "guardian": guardian(app, today),
        "residence": {
            "kind": kind, "label": vocab.RESIDENCE_LABELS.get(kind, ""),
            "address": app.residence_address or current_address,
            "permit_no": app.residence_permit_no if kind == "permit" else "",
            "summary": _residence_summary(kind, app.residence_permit_no),
        },
        "hardship_reason": app.hardship_reason,
    }


def declaration(app: Application, excluded: set[str]) -> dict[str, Any]:
    """Income lines (计入/不计入 by the entry in force at intake), property, 刚性支出."""
    lines = [i for i in app.incomes if i.monthly_fen]
    medical_net = max(0, app.medical_spending_fen - app.medical_reimbursed_fen)
    return {
        "incomes": [{"category": vocab.INCOME_LABELS.get(i.category, i.category),
                     "amount": money(i.monthly_fen),
                     "counted": "不计入" if i.category in excluded else "计入"}
                    for i in lines],
        "income_total": money(sum(i.monthly_fen for i in lines)),
        "property": {
            "housing_area": str(app.housing_area_m2),
            "house_rating": f"{app.house_rating} 级" if app.house_rating else "未鉴定",
            "vehicles": str(app.vehicles), "deposits": money(app.deposits_fen),
            "houses": "未登记" if app.houses is None else f"{app.houses} 套",
            "business": app.business or "无",
        },
        "spending": {
            "medical": money(app.medical_spending_fen),
            "medical_reimbursed": money(app.medical_reimbursed_fen),
            "medical_net": money(medical_net),
            "education": money(app.education_spending_fen),
        },
    }


def evaluate(ctx: ServiceContext, s: Session, app: Application
             ) -> tuple[rules.Assessment, Any, Any, rules.HouseholdFacts] | None:
    """The assessment of the saved application with the entries in force on its intake
    day (as ``AssessmentService.evaluate(app.id)``, inside ``s``); None when no
    standards or rules are in force that day."""
    from .assessment import AssessmentService, village_code_of

    try:
        st = standards_on(ctx.get_setting(s, "standards"), app.intake_date)
        policy = policy_on(ctx.get_setting(s, "eligibility"), app.intake_date)
    except ValidationError:
        return None
    facts = AssessmentService.facts_from_application(app, village_code_of(s, app.village_id))
    return rules.evaluate(facts, st, app.intake_date, policy), st, policy, facts


def calculation(result: tuple[rules.Assessment, Any, Any, rules.HouseholdFacts] | None,
                app: Application) -> dict[str, Any]:
    """The 核算表's numbers: standard and basis, members counted, each income line,
    excluded lines, deduction, net, per capita, edge line, 补差, property rows, dates."""
    if result is None:
        return {"available": False}
    a, st, policy, facts = result
    f = a.figures
    n = f.members
    all_members = f.all_members
    left_out = [{"name": name, "reason": reason} for name, reason in f.excluded_members]
    excluded = {c for c, _v in f.excluded}
    std = f.standard_fen
    below_std = f.net_fen < std * n
    below_edge = f.net_fen * 100 < std * st.edge_percent * n
    if below_std:
        comparison = f"低于{f.hukou_label}低保标准"
    elif below_edge:
        comparison = f"不低于{f.hukou_label}低保标准，低于低保边缘标准"
    else:
        comparison = "不低于低保边缘标准"
    per_worker = std * st.employment_deduction_percent // 100
    deduct_labels = "、".join(vocab.INCOME_LABELS.get(c, c) for c in policy.deduction_incomes)
    if f.deduction_fen:
        deduction_note = (f"{f.deduction_workers} 人 × {money(per_worker)} 元"
                          f"（低保标准的 {st.employment_deduction_percent}%），"
                          f"以{deduct_labels}为限")
    else:
        deduction_note = "无可扣减的就业成本"
    return {
        "available": True,
        "standard": money(std), "basis": f.basis.label, "basis_why": f.basis.why,
        "edge_standard": money(a.edge_standard_fen),
        "edge_times": f"{st.edge_percent / 100:g}",
        "members_all": str(all_members), "members_counted": str(n),
        "excluded_members": left_out,
        "lines": [{"category": vocab.INCOME_LABELS.get(c, c), "amount": money(v),
                   "counted": "不计入" if c in excluded else "计入"}
                  for c, v in facts.incomes_fen.items() if int(v)],
        "gross": money(f.gross_fen), "gross_per_capita": money(f.gross_per_capita_fen),
        "excluded_lines": [{"category": vocab.INCOME_LABELS.get(c, c), "amount": money(v)}
                           for c, v in f.excluded],
        "excluded_total": money(f.excluded_fen),
        "excluded_text": "、".join(f"{vocab.INCOME_LABELS.get(c, c)} {money(v)} 元"
                                  for c, v in f.excluded) or "无",
        "counted_income": money(f.counted_fen),
        "deduction": money(f.deduction_fen), "deduction_note": deduction_note,
        "net": money(f.net_fen), "net_per_capita": money(f.per_capita_fen),
        "comparison": comparison,
        "topup": money(f.topup_fen) if below_std else "",
        "topup_text": (f.topup_text() + ("" if a.property.ok else "（财产超过当地规定，不符合低保条件）")
                       if below_std else "不适用（家庭人均收入不低于低保标准）"),
        "property": [{"text": t, "result": "超过"} for t in a.property.exceeded]
        + [{"text": t, "result": "符合"} for t in a.property.checked],
        "property_result": "财产符合当地规定" if a.property.ok else "财产超过当地规定",
        "standards_from": st.effective_from.isoformat(),
        "eligibility_from": policy.effective_from.isoformat(),
        "intake_date": app.intake_date.isoformat(),
    }


__all__ = ["HOUSEHOLD_FORMS", "calculation", "declaration", "evaluate", "guardian", "household",
           "member_row", "money", "related_row"]
