"""A 特困 person for the care tests (issue 15): an accepted TEKUN application, its task
optionally confirmed (``done``) directly in the database — the 审核确认 procedure is
tested elsewhere; care follows whatever confirmed the task."""

from __future__ import annotations

from datetime import date

from desktop_app.core.models import RequestedItem
from desktop_app.core.rules import care as rules
from desktop_app.core.services.care import CareInput
from tests.helpers.drafts import draft, resident_id


def tekun_task(services, township, *, name: str = "王德明", done: bool = True,
               seed: int = 7) -> tuple[int, int]:
    """(application id, TEKUN task id) of a new single-person 特困 household."""
    d = draft(services, name=name, items=("TEKUN",), members=[],
              id_number=resident_id(date(1948, 3, 9), True, seed), incomes={})
    r = services.intake.decide(d, "accept", township)
    task = next(t for t in services.handling.tasks_for_application(r.application_id)
                if t.item_code == "TEKUN")
    if done:
        with services.ctx.db.transaction() as s:
            row = s.get_one(RequestedItem, task.task_id)
            row.task_status = "done"
            row.result_on = services.ctx.today()
    return r.application_id, task.task_id


def dispersed(**kw) -> CareInput:
    """A valid 分散供养 record with an agreement: 2 indicators not met (部分丧失)."""
    values = dict(
        assessed_on="2026-11-24", assessors=["李四", "赵六"],
        indicators={c: c not in ("dress", "bath") for c in rules.INDICATOR_CODES},
        mode="dispersed", agreement=True, caretaker_kind="relative", caretaker_name="王建国",
        caretaker_relation="侄子", caretaker_phone="13900000001",
        caretaker_address="石桥村四组", services=["watch", "daily", "hospital"],
        starts_on="2026-12-01")
    values.update(kw)
    return CareInput(**values)
