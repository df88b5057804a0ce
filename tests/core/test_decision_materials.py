"""Materials asked for at 审核确认 (the bank account, catalogue ``"at": "decision"``):
an approving 审核确认 / 初审 is refused while they are owed (message naming them, field
``materials``, nothing written); given with the step they are recorded in the same
write; the county's own confirmation is never held up by them (issue 13)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from desktop_app.core.errors import ValidationErrors
from desktop_app.core.models import Event, RequestedItem, TaskStage
from desktop_app.core.services.handling import StageInput
from tests.helpers.drafts import draft
from tests.helpers.stages import finish_procedure

D = date
BANK_MISSING = {"DIBAO.BANK_ACCOUNT": "missing", "TEKUN.BANK_ACCOUNT": "missing"}


def accept(services, township, items=("DIBAO",), **statuses):
    d = draft(services, items=items)
    for it in d.items:
        for code in list(it.materials):
            key = f"{it.item_code}.{code}"
            if key in statuses:
                it.materials[code] = statuses[key]
    return services.intake.decide(d, "accept", township)


def task_id(services, app_id, code):
    return next(t.task_id for t in services.handling.tasks_for_application(app_id)
                if t.item_code == code)


def counts(services, tid):
    with services.ctx.db.read() as s:
        steps = s.scalar(select(func.count()).select_from(TaskStage)
                         .where(TaskStage.item_id == tid))
        events = s.scalar(select(func.count()).select_from(Event))
        bank = next(m.status for m in s.get_one(RequestedItem, tid).materials
                    if m.code == "BANK_ACCOUNT")
    return steps, events, bank


def walk_to(services, township, tid, day, stop):
    """Record the steps before ``stop`` (a 公示 is not reached: the caller stops earlier)."""
    h = services.handling
    while (code := h.stage_plan(tid).current) != stop:
        kw = {"visit": {"people": ("王芳", "李强"), "text": "情况属实"},
              "check": {"outcome": "match", "done_on": day}}.get(code, {})
        h.record_stage(tid, StageInput(code, day, **kw), township)


def test_first_review_approval_needs_the_bank_account(services, township, clock):
    r = accept(services, township, **BANK_MISSING)
    tid = task_id(services, r.application_id, "DIBAO")
    walk_to(services, township, tid, D(2026, 11, 24), "first_review")
    before = counts(services, tid)
    assert before[2] == "missing"
    with pytest.raises(ValidationErrors) as err:
        services.handling.record_stage(tid, StageInput("first_review", D(2026, 11, 24),
                                                       outcome="approved", text="拟同意"),
                                       township)
    assert [(e.field, e.key) for e in err.value.errors] == [
        ("materials", "materials.due_at_decision")]
    assert "审核确认前须提供：本人银行账户（社会保障卡）信息" in str(err.value)
    assert counts(services, tid) == before                      # nothing written
    # given with the step: recorded in the same write, step accepted
    services.handling.record_stage(tid, StageInput(
        "first_review", D(2026, 11, 24), outcome="approved", text="拟同意",
        materials={"BANK_ACCOUNT": "received"}), township)
    steps, _events, bank = counts(services, tid)
    assert steps == before[0] + 1 and bank == "received"
    assert services.handling.stage_plan(tid).current == "publicity"
    with services.ctx.db.read() as s:
        ev = s.scalars(select(Event).where(Event.action == "task.materials")).all()
    assert len(ev) == 1


def test_refusing_first_review_does_not_need_it(services, township, clock):
    r = accept(services, township, **BANK_MISSING)
    tid = task_id(services, r.application_id, "DIBAO")
    walk_to(services, township, tid, D(2026, 11, 24), "first_review")
    services.handling.record_stage(tid, StageInput("first_review", D(2026, 11, 24),
                                                   outcome="refused", text="收入超标"), township)
    assert counts(services, tid)[2] == "missing"


def test_bad_material_status_with_the_step_writes_nothing(services, township, clock):
    r = accept(services, township, **BANK_MISSING)
    tid = task_id(services, r.application_id, "DIBAO")
    walk_to(services, township, tid, D(2026, 11, 24), "first_review")
    before = counts(services, tid)
    with pytest.raises(ValidationErrors) as err:
        services.handling.record_stage(tid, StageInput(
            "first_review", D(2026, 11, 24), outcome="approved", text="拟同意",
            materials={"BANK_ACCOUNT": "nonsense"}), township)
    assert [e.field for e in err.value.errors] == ["materials.DIBAO.BANK_ACCOUNT"]
    assert counts(services, tid) == before


def test_township_decision_needs_it_county_confirmation_never(services, township, clock):
    services.settings.update("township_confirms", True, township)
    r = accept(services, township, **BANK_MISSING)
    tid = task_id(services, r.application_id, "DIBAO")
    clock.now = datetime(2026, 12, 21, 10, 0)
    day = finish_procedure(services, township, tid, D(2026, 11, 24))
    assert services.handling.stage_plan(tid).current == "decision"
    decision = StageInput("decision", day, outcome="approved", amount="600", text="同意")
    with pytest.raises(ValidationErrors) as err:
        services.handling.record_stage(tid, decision, township)
    assert [e.field for e in err.value.errors] == ["materials"]
    services.handling.record_stage(tid, StageInput(
        "decision", day, outcome="approved", amount="600", text="同意",
        materials={"BANK_ACCOUNT": "received"}), township)
    assert counts(services, tid)[2] == "received"
    assert next(t for t in services.handling.tasks_for_application(r.application_id)
                if t.task_id == tid).status == "done"


def test_county_confirmation_is_not_held_up(services, township, clock):
    r = accept(services, township, **BANK_MISSING)
    tid = task_id(services, r.application_id, "DIBAO")
    clock.now = datetime(2026, 12, 21, 10, 0)
    # the 初审 needs it: record it with finish_procedure's step, then make it owed again
    services.handling.record_task_materials(tid, {"BANK_ACCOUNT": "received"}, township)
    day = finish_procedure(services, township, tid, D(2026, 11, 24))
    services.handling.record_task_materials(tid, {"BANK_ACCOUNT": "missing"}, township)
    assert services.handling.stage_plan(tid).current == "county"
    services.handling.record_stage(tid, StageInput(
        "county", day, outcome="approved", amount="600", text="同意", ref="民字1号",
        source="paper"), township)
    assert next(t for t in services.handling.tasks_for_application(r.application_id)
                if t.task_id == tid).status == "done"
