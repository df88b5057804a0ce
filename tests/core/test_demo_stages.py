"""The demo's township-handled tasks carry their 审核确认 procedure (issue 13): a closed
低保/特困/临时救助 task has its steps (入户调查 by two people, 核对, 初审/公示/报县/县级审核确认
or 审核确认) dated in order before its result; the ``--demo`` showcase leaves one 公示
running, one awaiting the county's confirmation, one overdue at 入户调查 and an urgent
case with its 先行救助 clock running."""

from __future__ import annotations

import json
from datetime import datetime

from sqlalchemy import select

from desktop_app.core.models import RequestedItem, TaskStage
from desktop_app.core.services.demo import SHOWCASE, fill_demo
from desktop_app.core.services.demo_monitor import CASES
from desktop_app.core.services.events import verify_chain

ORDER = ("visit", "check", "review", "first_review", "publicity", "report", "county", "decision")


def test_closed_township_tasks_have_their_steps_in_order(services, township):
    fill_demo(services, 40, seed=3, days=150)
    with services.ctx.db.read() as s:
        assert verify_chain(s) is None          # the steps' events keep the audit chain
    today = services.ctx.today()
    with services.ctx.db.read() as s:
        tasks = list(s.scalars(select(RequestedItem).where(RequestedItem.stage.is_not(None))))
        closed = [t for t in tasks if t.task_status in ("done", "refused")]
        assert closed, "the demo should close some township tasks"
        for t in tasks:
            rows = list(s.scalars(select(TaskStage).where(TaskStage.item_id == t.id)
                                  .order_by(TaskStage.id)))
            codes = [r.stage for r in rows]
            assert codes == sorted(codes, key=ORDER.index), codes
            days = [r.started_on for r in rows]
            assert days == sorted(days) and all(d <= today for d in days)
            for r in rows:
                if r.stage == "visit":
                    assert len(json.loads(r.people)) == 2
                if r.done_on is not None:
                    assert r.done_on >= r.started_on
            if t in closed:
                assert codes
                if t.item_code in ("DIBAO", "TEKUN", "LINSHI_EXPENSE"):
                    assert codes[:2] == ["visit", "check"]
                    assert codes[-1] in ("county", "decision")
                if t.result_on is not None:
                    assert all(d <= t.result_on for d in days)
                if "publicity" in codes:
                    pub = rows[codes.index("publicity")]
                    assert pub.ends_on is not None and pub.done_on is not None
                    assert pub.done_on > pub.ends_on


def test_showcase_stops_the_procedure_where_a_clerk_meets_it(services, township, clock):
    written = fill_demo(services, 5, seed=4, days=60, showcase=True)
    # (+ the monitoring list's known cases, issue 15: services/demo_monitor.py)
    from desktop_app.core.services.demo_households import PLANS  # issue 16 — household
    from desktop_app.core.services.demo_providers import CASES as SERVICE_CASES  # issue 15
    households = [items for plan in PLANS for _days, items, _change in plan]
    assert written == 5 + len(SHOWCASE) + len(CASES) + len(SERVICE_CASES) + len(households)
    h = services.handling
    last = sum(len(items) for items in households)  # (the households come after the showcase)
    with services.ctx.db.read() as s:
        ids = [r.id for r in s.scalars(select(RequestedItem).order_by(RequestedItem.id))
               ][-4 - last:-last]
    pub, county, visit, urgent = ids
    plan = h.stage_plan(pub)
    assert plan.current == "publicity"
    assert next(v for v in plan.steps if v.code == "publicity").state == "running"
    assert h.stage_plan(county).current == "county"
    late = h.stage_plan(visit)
    assert late.current == "visit"
    assert next(v for v in late.steps if v.code == "visit").due_date < services.ctx.today()
    with services.ctx.db.read() as s:
        req = s.get_one(RequestedItem, urgent)
        assert req.item_code == "LINSHI_URGENT" and req.task_status not in ("done", "refused")
        assert req.first_aid_due_at is not None and req.first_aid_due_at > clock.now
        assert isinstance(req.first_aid_due_at, datetime)
