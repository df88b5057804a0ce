"""Data of the printed forms of 特困 care (issue 15): the 生活自理能力评估表 and the
委托照料协议, built from a :class:`~desktop_app.core.models.CarePlan` (forms/README.md).

Both are per application documents (``DocumentService.create(..., item_ids={task.id})``)
built from the task's newest care plan — the one just recorded by ``services.care`` in
the same transaction. No full ID number is printed: the masked one identifies the person.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Application, CarePlan, HouseholdMember, Staff
from ..rules import care as rules
from ..rules.handling import amount_in_words
from ..rules.identity import mask_id
from ..rules.values import format_yuan

#: Per-application kinds built here (``DocumentService.build_data``).
DOCUMENT_KINDS = ("care_agreement", "self_care_assessment")
CARETAKER_LABELS = dict(rules.CARETAKER_KINDS)
#: The duties printed on page 2 of the 委托照料协议 (ours, after common county models).
DUTIES = {
    "township": [
        "按月（季）足额支付照料护理费；",
        "会同村（居）民委员会定期走访丙方，了解照料情况，督促乙方履行照料义务；",
        "丙方生活自理能力发生变化的，及时组织重新评估，调整照料护理标准；",
        "接受乙方、丙方的咨询和投诉，及时协调处理。",
    ],
    "caretaker": [
        "按本协议约定为丙方提供照料服务，尊重丙方的意愿和人格尊严，不得虐待、遗弃丙方；",
        "丙方患病时及时送医，需要住院的提供陪护，并及时告知甲方和村（居）民委员会；",
        "丙方生活自理能力、居住状况等发生重大变化或者丙方死亡的，及时报告甲方；",
        "不得侵占、挪用丙方的供养金和财物；不能继续照料的，提前30日告知甲方。",
    ],
    "person": [
        "享受本协议约定的照料服务，对照料情况有权向甲方反映意见；",
        "配合乙方的照料服务，如实反映本人生活情况；",
        "本人情况发生重大变化的，及时告知甲方或者村（居）民委员会。",
    ],
}


def newest_plan(s: Session, item_id: int) -> CarePlan | None:
    return s.scalar(select(CarePlan).where(CarePlan.item_id == item_id)
                    .order_by(CarePlan.id.desc()).limit(1))


def _age(birth: date | None, on: date) -> str:
    if birth is None:
        return ""
    years = on.year - birth.year - ((on.month, on.day) < (birth.month, birth.day))
    return str(years)


def person(m: HouseholdMember, on: date) -> dict[str, Any]:
    return {"name": m.name, "sex": m.sex or "", "age": _age(m.birth_date, on),
            "id_number_masked": mask_id(m.id_number) if m.id_number else "无",
            "hukou_address": m.hukou_address or "", "phone": m.phone or ""}


def plan_data(s: Session, app: Application, plan: CarePlan, issued: date) -> dict[str, Any]:
    """What both forms read: ``person``, ``assessment``, ``care``."""
    member = s.get_one(HouseholdMember, plan.member_id)
    met = json.loads(plan.indicators or "{}")
    assessors = [str(p) for p in json.loads(plan.assessors or "[]")]
    services = [rules.SERVICE_LABELS.get(c, c) for c in json.loads(plan.services or "[]")]
    recorder = s.get(Staff, plan.recorded_by_id) if plan.recorded_by_id else None
    failed = [c for c, _ in rules.INDICATORS if not met.get(c, False)]
    amount = plan.amount_fen or 0
    return {
        "care_duties": {k: list(v) for k, v in DUTIES.items()},
        "person": person(member, plan.assessed_on),
        "assessment": {
            "date": plan.assessed_on.isoformat(),
            "rows": [{"name": label, "met": "能" if met.get(code) else "不能",
                      "mark_yes": "√" if met.get(code) else "",
                      "mark_no": "" if met.get(code) else "√"}
                     for code, label in rules.INDICATORS],
            "failed_count": str(plan.failed_count),
            "level": rules.LEVEL_LABELS.get(plan.level, plan.level),
            "reason": rules.Assessment(tuple(failed), plan.level).reason,
            "assessors": "、".join(assessors),
            "assessor_rows": [{"name": a} for a in assessors],
            "setting_from": plan.setting_from.isoformat(),
            "recorder": recorder.name if recorder else "",
        },
        "care": {
            "mode": rules.MODE_LABELS.get(plan.mode, plan.mode),
            "dispersed": plan.mode == rules.DISPERSED,
            "institution": plan.institution,
            "caretaker": {"kind": CARETAKER_LABELS.get(plan.caretaker_kind, ""),
                          "name": plan.caretaker_name, "relation": plan.caretaker_relation,
                          "phone": plan.caretaker_phone, "address": plan.caretaker_address},
            "services": services,
            "services_text": "、".join(services),
            "starts_on": plan.starts_on.isoformat() if plan.starts_on else "",
            "ends_on": plan.ends_on.isoformat() if plan.ends_on else "",
            "signed_on": (plan.signed_on or issued).isoformat(),
            "amount": format_yuan(amount),
            "amount_upper": amount_in_words(amount),
            "note": plan.note,
        },
    }


def document_data(s: Session, app: Application, kind: str, item_ids: set[int] | None,
                  issued: date) -> dict[str, Any]:
    """The care part of a ``care_agreement`` / ``self_care_assessment`` ({} otherwise)."""
    if kind not in DOCUMENT_KINDS or not item_ids:
        return {}
    plan = newest_plan(s, min(item_ids))
    if plan is None:
        raise ValueError("a care document needs the task's care plan")
    return plan_data(s, app, plan, issued)
