"""An application's timeline: every step from the audit log, with who and when."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .... import printing
from ... import vocab
from ...catalog import Catalog
from ...models import Application, Event, HouseholdMember, Staff
from ...rules.dependents import awaiting_label
from ...rules.values import format_yuan
from .base import HandlingBase
from .side_records import stage_step_text


@dataclass(frozen=True)
class Step:
    """One step of an application's timeline. ``application_id`` /
    ``application_number``: the application the step belongs to — another application
    of the same household for its dynamic-management steps (issue 15)."""

    at: datetime
    actor: str
    action: str
    text: str
    application_id: int | None = None
    application_number: str = ""

    def other_application(self, application_id: int) -> bool:
        """The step is of another application of the household."""
        return self.application_id is not None and self.application_id != application_id


#: issue 15 — the event families of dynamic management (re-checks and change reports,
#: leads, monitoring, 特困 care, providers): shown in the timeline of every application
#: of the same household (same applicant ID number), worded by ``_step_text`` when the
#: part that records them added its line there, else by the family's name.
HOUSEHOLD_FAMILIES: dict[str, str] = {
    "review": "复核与变更",
    "lead": "主动发现",
    "monitor": "动态监测",
    "care": "特困照料",
    "provider": "社会力量",
}


STEP_TEXTS = {
    "application.accept": "受理",
    "application.notice": "出具一次性告知书",
    "application.reject": "不予受理",
    "application.close": "办结",
    "application.withdraw": "申请人撤回",
    "application.void": "作废",
    "task.refer": "转办",
    "task.sign": "部门签收",
    "task.feedback": "办理结果反馈",
    "task.re_refer": "重新转办",
    "task.review": "复核",
    "emergency.pay": "先行救助",
    "emergency.escalate": "超出限额转县级审批",
    # issue 13 — materials (dependent items)
    "task.wait": "待认定",
    "task.release": "解除等待",
    "task.wait_refused": "未获认定",
    "task.materials": "补充材料",
    # issue 13 — the 临时救助备用金 (services/reserve.py)
    "reserve.payment": "备用金支付",
    "reserve.refund": "退回备用金",
    # issue 15 — reviews (services/dynamic/reviews.py)
    "review.recheck": "复核",
    "review.change": "变更申报",
}


class Timeline(HandlingBase):
    """An application's steps from the audit log."""

    # -- timeline -----------------------------------------------------------------------
    def timeline(self, application_id: int) -> list[Step]:
        """Every step of an application (accepted, referred, signed for, feedback,
        notified, closed …) with who and when, oldest first — and the dynamic-management
        steps (:data:`HOUSEHOLD_FAMILIES`) of every other application of the same
        household (same applicant ID number), marked with that application."""
        cat = self.ctx.catalog
        with self.ctx.db.read() as s:
            staff = {st.id: st.name for st in s.scalars(select(Staff))}
            numbers = household_applications(s, application_id)
            # one lookup by ix_event_application_id (each application has tens of events)
            events = s.scalars(select(Event).where(Event.application_id.in_(numbers))
                               .order_by(Event.seq))
            steps = []
            for e in events:
                if e.application_id != application_id and (
                        e.action.split(".", 1)[0] not in HOUSEHOLD_FAMILIES):
                    continue
                d = json.loads(e.detail or "{}")
                text = (stage_step_text(s, cat, d) if e.action == "task.stage"  # issue 13
                        else _step_text(cat, e.action, d))
                if text is None:
                    text = HOUSEHOLD_FAMILIES.get(e.action.split(".", 1)[0])
                if text is None:
                    continue
                steps.append(Step(e.at, staff.get(e.actor_id, "系统") if e.actor_id else "系统",
                                  e.action, text, e.application_id,
                                  numbers.get(e.application_id or 0, "")))
            return steps


def household_applications(s: Session, application_id: int) -> dict[int, str]:
    """The applications of the household of ``application_id`` — those whose applicant
    has the same ID number (the application alone when its applicant has none) — by id,
    with their 办件编号. Two index lookups: the applicant by ``application_id``
    (``ix_household_member_application_id``), the namesakes by ID number
    (``ix_household_member_id_number``)."""
    id_number = s.scalar(select(HouseholdMember.id_number).where(
        HouseholdMember.application_id == application_id, HouseholdMember.position == 0))
    if not id_number:
        ids = [application_id]
    else:
        ids = list(s.scalars(select(HouseholdMember.application_id).where(
            HouseholdMember.id_number == id_number, HouseholdMember.position == 0)))
        if application_id not in ids:
            ids.append(application_id)
    return {a: n or "" for a, n in s.execute(
        select(Application.id, Application.number).where(Application.id.in_(ids)))}


def _step_text(cat: Catalog, action: str, d: dict[str, Any]) -> str | None:
    if action == "document.issue":
        kind = d.get("kind", "")
        title = printing.DOCUMENT_KINDS.get(kind, kind)
        extra = ""
        if kind == "referral" and d.get("department"):
            extra = f"（{cat.department(d['department']).name}）"
        return f"出具{title}{extra} {d.get('number', '')}"
    if action not in STEP_TEXTS:
        return None
    base = STEP_TEXTS[action]
    item = cat.item(d["item"]).name if cat.has_item(d.get("item") or "") else ""
    if action in ("reserve.payment", "reserve.refund"):
        return f"{base} {format_yuan(d.get('amount_fen', 0))} 元（{d.get('number', '')}）"
    if action == "task.refer":
        return f"{base}：{item} → {cat.department(d['department']).name}（清单 {d.get('list', '')}）"
    if action == "task.sign":
        return f"{base}：{item}，签收人 {d.get('signed_by', '')}，{d.get('signed_on', '')}"
    if action == "task.feedback":
        label = dict(vocab.TASK_RESULTS).get(d.get("result", ""), "")
        amount = f"，{format_yuan(d['amount_fen'])} 元" if d.get("amount_fen") else ""
        text = f"，{d['text']}" if d.get("text") else ""
        return f"{base}：{item} {label}{amount}{text}（{d.get('result_on', '')}）"
    if action == "task.re_refer":
        return f"{base}：{item}"
    if action == "task.review":
        return f"{base}：{item}，{'继续享受' if d.get('outcome') == 'continue' else '停止享受'}"
    if action in ("review.recheck", "review.change"):  # issue 15 — reviews
        return _recheck_text(item, d)
    if action == "emergency.pay":
        return f"{base} {format_yuan(d.get('amount_fen', 0))} 元（{d.get('method', '')}）"
    if action.startswith("task.wait") or action in ("task.release", "task.materials"):
        return _waiting_text(cat, action, item, d)
    if action == "emergency.escalate":
        return f"{base}：{d.get('reason', '')}"
    return base


def _recheck_text(item: str, d: dict[str, Any]) -> str:
    """``变更申报：最低生活保障，调整救助金额 450.00 元/月，自2027-04-01起（第 1 次登记）``."""
    kind = {"change": "变更申报"}.get(d.get("kind", ""), "复核")
    outcome = {"continue": "继续享受", "adjust": "调整救助金额", "taper": "渐退",
               "stop": "停止救助"}.get(d.get("outcome", ""), "")
    amount = (f" {format_yuan(d['amount_fen'])} 元/月"
              if d.get("amount_fen") is not None and d.get("outcome") in ("adjust", "taper") else "")
    when = f"，自{d['effective_month']}起" if d.get("outcome") != "continue" and d.get(
        "effective_month") else ""
    ends = f"，渐退期至{d['taper_ends_on']}" if d.get("taper_ends_on") else ""
    return f"{kind}：{item}，{outcome}{amount}{when}{ends}（第 {d.get('snapshot_no', '')} 次登记）"


def _waiting_text(cat: Catalog, action: str, item: str, d: dict[str, Any]) -> str:
    """The steps of a task waiting for the household's 低保/特困 (issue 13)."""
    code = d.get("waiting_for") or d.get("waited_for") or ""
    label = awaiting_label(code, cat.item(code).short_name if cat.has_item(code) else None)
    if action == "task.wait":
        return f"{item}：{label}，认定后起算办理时限"
    if action == "task.release":
        by = "已认定" if d.get("released_by") else "经办人确认材料"
        return f"{item}：解除等待（{by}），办结期限 {d.get('due_date', '')}"
    if action == "task.wait_refused":
        return f"{item}：{label[1:-2]}未获认定，请经办人决定是否继续办理"
    return f"补充材料：{item}"
