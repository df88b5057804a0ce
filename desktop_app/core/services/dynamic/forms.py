"""Data of the printed forms of 动态管理 (issue 15): the exact shape the templates in
forms/ read.

* ``recheck_form`` 复核核查表 — per review (the task's newest review in force when issued):
  the household found (members, incomes, property, spending), the figures recomputed with
  the standards in force on the day, the class and its reason, the suggestion and the
  decision, investigators' and the applicant's signature lines;
* ``review_notice`` 变更/渐退/停止 notice — the decision with its month, amount, 渐退 end
  and, for every decision that lowers or ends the benefit, the appeal rights (``appeal``
  setting);
* ``taper_list`` 渐退到期名单 — the month's list (a ``ListDocument``).

Names and masked ID numbers only, as on the 入户调查表.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from ...models import Application, Township
from ...rules import dynamic as rules
from ...rules.assessment import INCOME_LABELS, yuan
from ...rules.identity import mask_id
from ..context import ServiceContext
from ..drafts import draft_from_json
from .schedule import TaperRow
from .snapshots import reviews_in_force

RECHECK_FORM = "recheck_form"
REVIEW_NOTICE = "review_notice"
TAPER_LIST = "taper_list"
#: Per-application kinds built here (``DocumentService.build_data``).
REVIEW_FORMS = (RECHECK_FORM, REVIEW_NOTICE)

NOTICE_TITLES = {"adjust": "最低生活保障金变更告知书", "taper": "社会救助渐退告知书",
                 "stop": "停止社会救助告知书"}


def _month_text(d: date) -> str:
    return f"{d.year}年{d.month}月"


def _amount(fen: int | None) -> str:
    return f"{yuan(fen)} 元/月" if fen is not None else "—"


def document_data(ctx: ServiceContext, s: Session, app: Application, kind: str,
                  item_ids: set[int] | None) -> dict[str, Any]:
    """The review part of ``kind``'s data ({} for other kinds)."""
    if kind not in REVIEW_FORMS:
        return {}
    if not item_ids or len(item_ids) != 1:
        raise ValueError(f"{kind} needs exactly one task")
    task_id = next(iter(item_ids))
    task = next(r for r in app.items if r.id == task_id)
    live = reviews_in_force(s, task_id)
    if not live:
        raise ValueError(f"{kind}: the task has no review")
    row = live[-1]
    item = ctx.catalog.item(task.item_code)
    data: dict[str, Any] = {
        "task": {"item": item.name, "code": task.item_code},
        "review": {
            "kind": rules.KIND_LABELS.get(row.kind, row.kind),
            "granted": (task.period_from or task.result_on or app.intake_date).isoformat(),
            "on": row.on.isoformat(),
            "changes": "、".join(rules.CHANGE_LABELS.get(k, k)
                                 for k in json.loads(row.change_kinds or "[]")) or "—",
            "snapshot_no": row.snapshot_no,
            "class": f"{row.review_class}类" if row.review_class else "—",
            "class_reason": row.class_reason or "—",
            "suggested": rules.OUTCOME_LABELS.get(row.suggested, row.suggested) or "—",
            "suggestion_reason": row.suggestion_reason or "—",
            "outcome": rules.OUTCOME_LABELS.get(row.outcome, row.outcome),
            "outcome_code": row.outcome,
            "amount": _amount(row.amount_fen),
            "effective_month": _month_text(row.effective_month),
            "taper_ends_on": row.taper_ends_on.isoformat() if row.taper_ends_on else "",
            "stop_reason": row.stop_reason,
            "investigators": "、".join(json.loads(row.investigators or "[]")) or "",
            "findings": row.findings,
            "next_review_on": row.next_review_on.isoformat() if row.next_review_on else "",
            "members": row.counted_members,
            "net_income": f"{yuan(row.net_income_fen)} 元",
            "per_capita": f"{yuan(row.net_per_capita_fen)} 元",
            "topup": _amount(row.topup_fen) if row.topup_fen is not None else "—",
            "standards_from": row.standards_from.isoformat() if row.standards_from else "",
        },
    }
    if kind == RECHECK_FORM:
        data["household"] = _household(row.household, row.on)
    else:
        data["title"] = NOTICE_TITLES.get(row.outcome, "社会救助变更告知书")
        data["notice"] = {"adjust": row.outcome == "adjust", "taper": row.outcome == "taper",
                          "stop": row.outcome == "stop"}
        data["appeal"] = ctx.get_setting(s, "appeal")
    return data


def _household(text: str, day: date) -> dict[str, Any]:
    d = draft_from_json(text)
    members = []
    for m in [d.applicant, *d.members]:
        members.append({
            "name": m.name, "relation": m.relation,
            "id_number": mask_id(m.id_number) if m.id_number else "无",
            "health": m.health or "", "employment": m.employment or "",
            "disability": f"{m.disability_category}{m.disability_grade or ''}级"
            if m.disability_category else "",
            "counted": "是" if m.counted or m.relation == "本人" else "否",
        })
    incomes = [{"label": INCOME_LABELS.get(c, c), "amount": f"{v} 元"}
               for c, v in sorted(d.incomes.items()) if str(v).strip()]
    return {
        "members": members, "incomes": incomes,
        "deposits": f"{d.deposits or 0} 元", "vehicles": d.vehicles or "0",
        "houses": d.houses or "未登记", "housing_area": f"{d.housing_area or 0} 平方米",
        "business": d.business or "无",
        "medical": f"{d.medical_spending or 0} 元（已报销 {d.medical_reimbursed or 0} 元）",
        "education": f"{d.education_spending or 0} 元",
    }


def taper_list_data(town: Township, rows: list[TaperRow], month: date, *, number: str,
                    today: date, clerk: str) -> dict[str, Any]:
    """The 渐退到期名单 of ``month``."""
    return {
        "number": number, "reprint": False, "issued_date": today.isoformat(), "clerk": clerk,
        "township": {"name": town.name, "code": town.code, "office": town.office_name,
                     "window_phone": town.window_phone,
                     "supervision_phone": town.supervision_phone},
        "month": _month_text(rules.month_start(month)),
        "count": len(rows),
        "tapers": [{"application_number": r.number, "applicant": r.applicant,
                  "village": r.village, "item": r.item_name,
                  "from": _month_text(r.effective_month), "ends_on": r.taper_ends_on.isoformat(),
                  "amount": _amount(r.amount_fen)} for r in rows],
    }


__all__ = ["NOTICE_TITLES", "RECHECK_FORM", "REVIEW_FORMS", "REVIEW_NOTICE", "TAPER_LIST",
           "document_data", "taper_list_data"]
