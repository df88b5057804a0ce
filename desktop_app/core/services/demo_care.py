"""Demo 特困 care (issue 15, ``--demo``): self-care assessments and 委托照料协议 on the
demo's confirmed 特困 tasks, so the 特困照料 tab shows every case a clerk meets.

Known cases, in the order of the confirmed TEKUN tasks (oldest first):

1. 分散供养, 部分丧失, an agreement ending in 12 days (listed under 即将到期);
2. 分散供养, 完全丧失, an agreement that expired 5 days ago (已到期，未续签);
3. 集中供养 in the township's home for the elderly (no agreement needed);
4. 分散供养, 部分丧失, assessed but no agreement signed (未签协议);
5. and on: 分散供养 with an agreement in force for months to come;

any confirmed 特困 person beyond the ones used stays without an assessment (未评估) — the
last one is always left so. Written in one transaction like the rest of the demo:
documents recorded without their PDF (rendered when first opened), events as the
service records them.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select

from ..models import Application, CarePlan, RequestedItem, Staff
from ..rules import care as rules
from ..rules import numbering
from ..rules.handling import add_months
from ..vocab import ApplicationStatus, ItemStatus, TaskStatus
from .events import record_event
from .handling.base import HandlingBase

if TYPE_CHECKING:
    from . import Services

_CARETAKERS = (("relative", "王建国", "侄子"), ("relative", "李秀兰", "女儿"),
               ("village", "石桥村村民委员会", ""), ("organisation", "清水镇社工站", ""),
               ("relative", "张志华", "邻居"))


def _case(i: int, today: date, months: int) -> tuple[str, tuple[str, ...], date | None]:
    """(mode, indicators not met, agreement start or None) of the i-th demo case."""
    if i == 0:   # ends in 12 days
        return rules.DISPERSED, ("dress", "bath"), _start(today + timedelta(days=12), months)
    if i == 1:   # expired 5 days ago
        return (rules.DISPERSED, ("dress", "bath", "toilet", "walk"),
                _start(today - timedelta(days=5), months))
    if i == 2:
        return rules.CENTRALIZED, ("bath", "walk", "toilet", "bed", "dress"), None
    if i == 3:
        return rules.DISPERSED, ("bath",), None
    return rules.DISPERSED, ("bath", "dress")[: 1 + i % 2], today - timedelta(days=40 * i)


def _start(ends_on: date, months: int) -> date:
    """The first day of a ``months`` agreement whose last day is ``ends_on``."""
    return add_months(ends_on + timedelta(days=1), -months)


def add_demo_care(services: Services, rng: random.Random) -> int:
    """Care plans on the demo's confirmed 特困 tasks; returns how many were written."""
    today = services.ctx.today()
    now = services.ctx.clock()
    documents = services.documents
    with services.ctx.db.transaction() as s:
        tasks = list(s.scalars(
            select(RequestedItem).join(Application)
            .where(RequestedItem.item_code == "TEKUN", RequestedItem.status == ItemStatus.ACCEPTED,
                   RequestedItem.task_status == TaskStatus.DONE,
                   Application.status.in_((ApplicationStatus.ACCEPTED, ApplicationStatus.CLOSED)))
            .order_by(RequestedItem.id)))
        entry = rules.entry_on(services.ctx.get_setting(s, "care"), today)
        written = 0
        for i, task in enumerate(tasks[:-1]):   # the last confirmed person: not assessed
            app = task.application
            member = next((m for m in app.members if m.relation == "本人"), app.members[0])
            clerk_id = app.decided_by_id
            mode, failed, start = _case(i, today, int(str(entry["term_months"])))
            if start is not None and i >= 4:   # in force: never before the application
                start = max(start, app.intake_date + timedelta(days=10))
            assessed = max(app.intake_date, min(start or today, today) - timedelta(days=7))
            result = rules.assess({c: c not in failed for c in rules.INDICATOR_CODES}, entry)
            plan = CarePlan(
                application_id=app.id, item_id=task.id, member_id=member.id, assessed_on=assessed,
                assessors=json.dumps(["李四", "赵六"], ensure_ascii=False),
                indicators=json.dumps({c: c not in failed for c in rules.INDICATOR_CODES}),
                failed_count=result.failed_count, level=result.level,
                setting_from=date.fromisoformat(str(entry["effective_from"])), mode=mode,
                institution="清水镇敬老院" if mode == rules.CENTRALIZED else "",
                recorded_by_id=clerk_id, services="[]")
            if start is not None:
                kind, name, relation = _CARETAKERS[i % len(_CARETAKERS)]
                plan.caretaker_kind, plan.caretaker_name = kind, name
                plan.caretaker_relation = relation
                plan.caretaker_phone = f"139{rng.randrange(10_000_000, 99_999_999)}"
                plan.services = json.dumps(["watch", "daily", "hospital"])
                plan.starts_on = start
                plan.ends_on = rules.default_end(start, int(str(entry["term_months"])))
                plan.signed_on = min(start, today)
                plan.amount_fen = rules.standard_fen(entry, result.level)
            if start is not None:
                plan.agreement_no = HandlingBase._next_suffix(s, app, numbering.CARE_AGREEMENT)
            s.add(plan)
            s.flush()
            staff = s.get(Staff, clerk_id) if clerk_id else None
            if staff is None:
                continue
            number = HandlingBase._next_suffix(s, app, numbering.SELF_CARE_FORM)
            documents.create(s, app, "self_care_assessment", number, staff, now, render=False,
                             item_ids={task.id})
            if start is not None:
                documents.create(s, app, "care_agreement", plan.agreement_no, staff, now,
                                 render=False, item_ids={task.id})
            record_event(s, "care.assess", actor_id=staff.id, application_id=app.id,
                         task_id=task.id, plan_id=plan.id, item=task.item_code,
                         on=assessed.isoformat(), level=plan.level, failed=plan.failed_count,
                         mode=plan.mode, agreement=plan.agreement_no,
                         starts_on=plan.starts_on.isoformat() if plan.starts_on else None,
                         ends_on=plan.ends_on.isoformat() if plan.ends_on else None,
                         amount_fen=plan.amount_fen, replaces=None)
            written += 1
        return written
