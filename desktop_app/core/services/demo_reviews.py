"""The ``--demo`` cases of 动态管理 (issue 15, helper ``reviews``): a few recipient
households whose re-check is due in the coming days (a C-class 低保, a 特困, a
低保边缘 or 刚性支出 where the demo has one) and one 低保 household whose 6-month 渐退
(重庆: "给予6个月渐退期") ends this month — on the month's 渐退期满名单.

Written in one transaction like the rest of the demo (rows and ``review.change`` events,
no PDFs), from the demo's own granted tasks; nothing happens when there are none.
"""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Application, HouseholdReview, RequestedItem
from ..rules import dynamic as rules
from ..rules.assessment import income_figures
from ..rules.eligibility import policy_on as eligibility_on
from ..rules.standards import standards_on
from ..vocab import ApplicationStatus, TaskStatus
from .assessment import AssessmentService, village_code_of
from .context import ServiceContext
from .drafts import draft_to_json
from .dynamic.snapshots import draft_from_application
from .events import record_event

#: Days from today the demo's re-checks fall due (the tracking screen's 30-day window).
DUE_IN_DAYS = (3, 9, 16, 24)


def _granted(s: Session, code: str, before: date) -> list[RequestedItem]:
    return list(s.scalars(
        select(RequestedItem).join(Application)
        .where(RequestedItem.item_code == code, RequestedItem.task_status == TaskStatus.DONE,
               RequestedItem.result_on < before,
               Application.status.in_((ApplicationStatus.ACCEPTED, ApplicationStatus.CLOSED)))
        .order_by(RequestedItem.result_on, RequestedItem.id).limit(3)))


def add_review_cases(ctx: ServiceContext) -> int:
    """Plant the cases; returns how many tasks were touched."""
    today = ctx.today()
    touched = 0
    with ctx.db.transaction() as s:
        start = rules.add_months(rules.month_start(today), -5)   # 渐退 months 1..6
        on = start - timedelta(days=20)
        tapered = _granted(s, "DIBAO", on)
        if tapered:
            _taper(ctx, s, tapered[0], on, start)
            touched += 1
        due = [t for t in _granted(s, "DIBAO", today) if t not in tapered[:1]][:1]
        for code in ("TEKUN", "DIBAO_EDGE", "RIGID"):
            due += _granted(s, code, today)[:1]
        for task, days in zip(due, DUE_IN_DAYS, strict=False):
            if task.item_code == "DIBAO":
                task.review_class = "C"
            task.next_review_on = today + timedelta(days=days)
            touched += 1
    return touched


def _taper(ctx: ServiceContext, s: Session, task: RequestedItem, on: date, start: date) -> None:
    """A change report on ``on``: income now above the standard, below 1.5 times it —
    渐退 from ``start`` for the setting's months (ending this month)."""
    app = task.application
    draft = draft_from_application(app)
    st = standards_on(ctx.get_setting(s, "standards"), on)
    policy = eligibility_on(ctx.get_setting(s, "eligibility"), on)
    facts = AssessmentService.facts_from_draft(draft, on, village_code_of(s, app.village_id))
    before = income_figures(facts, st, policy)
    # one member found work: the household's income is now 1.2 × the standard
    wage = max(0, before.standard_fen * before.members * 12 // 10 - before.net_fen)
    draft = replace(draft, incomes={**draft.incomes,
                                    "wage": f"{(wage + 99) // 100}"})
    facts = AssessmentService.facts_from_draft(draft, on, village_code_of(s, app.village_id))
    f = income_figures(facts, st, policy)
    rp = rules.policy_on(ctx.get_setting(s, "dynamic_review") or [rules.DEFAULT_ENTRY], on)
    ends = rules.taper_ends_on(start, rp.taper_months)
    numbers = s.scalars(select(HouseholdReview.snapshot_no)
                        .where(HouseholdReview.application_id == app.id))
    row = HouseholdReview(
        application_id=app.id, item_id=task.id, kind="change", on=on,
        change_kinds=json.dumps(["income"]), snapshot_no=max([0, *numbers]) + 1,
        household=draft_to_json(replace(draft, items=[])), counted_members=f.members,
        net_income_fen=f.net_fen, net_per_capita_fen=f.per_capita_fen, topup_fen=f.topup_fen,
        standards_from=st.effective_from, eligibility_from=policy.effective_from,
        review_class=task.review_class, class_reason="", outcome="taper",
        amount_fen=task.amount_fen, effective_month=start, taper_ends_on=ends,
        stop_reason="", investigators=json.dumps(["李秀英", "村委会杨光明"], ensure_ascii=False),
        findings="家庭成员已在县城务工，收入超过低保标准，给予渐退", suggested="taper",
        suggestion_reason="", next_review_on=ends, recorded_by_id=app.decided_by_id)
    s.add(row)
    s.flush()
    task.next_review_on = ends
    task.period_to = ends
    record_event(s, "review.change", actor_id=app.decided_by_id, application_id=app.id,
                 task_id=task.id, item=task.item_code, review_id=row.id, kind="change",
                 on=on.isoformat(), outcome="taper", suggested="taper",
                 amount_fen=task.amount_fen, effective_month=start.isoformat(),
                 taper_ends_on=ends.isoformat(), change_kinds=["income"],
                 snapshot_no=row.snapshot_no, review_class=task.review_class)


__all__ = ["DUE_IN_DAYS", "add_review_cases"]
