"""Walk a task through its 审核确认 procedure (issue 13) up to its result step, for tests
about what comes after (results, notices, re-checks, ceilings)."""

from __future__ import annotations

from datetime import date, timedelta

from desktop_app.core.services.handling import StageInput

_INPUT = {
    "visit": {"people": ("王芳", "李强"), "text": "入户调查，情况属实"},
    "check": {"outcome": "match"},
    "review": {},
    "first_review": {"outcome": "approved", "text": "拟同意"},
    "publicity": {},
    "report": {},
}


def finish_procedure(services, actor, task_id: int, on: date) -> date:
    """Record every step before 审核确认 / 县级审核确认 starting on ``on`` (the 公示 is
    concluded the day after it ends, so the clock must be past that). Returns the day the
    last step was recorded."""
    h = services.handling
    day = on
    while True:
        plan = h.stage_plan(task_id)
        code = plan.current
        if code is None or code in ("decision", "county"):
            return day
        view = next(v for v in plan.steps if v.code == code)
        if view.state == "running":
            assert view.started_on is not None
            done = (view.ends_on + timedelta(days=1)) if code == "publicity" else view.started_on
            outcome = "no_objection" if code == "publicity" else "match"
            h.record_stage(task_id, StageInput(code, view.started_on, done_on=done,
                                               outcome=outcome), actor)
            day = done
            continue
        kw = dict(_INPUT[code])
        if code == "check":
            kw["done_on"] = day
        h.record_stage(task_id, StageInput(code, day, **kw), actor)
