"""The 审核确认 procedure through the real services and database (issue 13):
acceptance sets the first step and the promise from the stage chain, steps are recorded
in order and dated sensibly, 公示 blocks closing until it ends, the decision records the
result (as a 回执 would), an extension moves the due date by 15 working days, a refusal's
notice is due in 3 working days, and tasks accepted before keep working."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop_app.core.errors import ValidationErrors
from desktop_app.core.models import Application, Event, RequestedItem, TaskStage
from desktop_app.core.rules.workdays import add_workdays
from desktop_app.core.services import Feedback
from desktop_app.core.services.handling import StageInput
from tests.helpers.drafts import draft

D = date


def accept(services, township, items=("DIBAO",), **kw):
    return services.intake.decide(draft(services, items=items, **kw), "accept", township)


def task_of(services, app_id, code):
    return next(t for t in services.handling.tasks_for_application(app_id) if t.item_code == code)


def keys(err: pytest.ExceptionInfo[ValidationErrors]) -> list[tuple[str, str | None]]:
    return [(e.field, e.key) for e in err.value.errors]


def township_confirms(services, township, on=True):
    services.settings.update("township_confirms", on, township)


def record(services, township, task_id, stage, on, **kw):
    return services.handling.record_stage(task_id, StageInput(stage=stage, started_on=on, **kw),
                                          township)


def at(clock, day: date) -> None:
    clock.now = datetime(day.year, day.month, day.day, 10, 0)


# -- acceptance ----------------------------------------------------------------------------

def test_acceptance_starts_the_procedure_and_promises_from_the_stages(services, township, clock):
    # Accepted Tue 2026-11-24: 低保 30 wd → 2027-01-06 (provisional: 2027 unknown) — with
    # the county's 2027 calendar (holiday_years) it is definite.
    services.settings.update("holiday_years", {"2027": {"holidays": ["2027-01-01"],
                                                        "workdays": []}}, township)
    r = accept(services, township, items=("DIBAO", "TEKUN", "MEDICAL"))
    rows = {t.item_code: t for t in services.handling.tasks_for_application(r.application_id)}
    # 11-25..27 (3), 12-01..04 … 30 wd: 11-24 + 30 wd, 2027-01-01 a holiday → 2027-01-06.
    assert rows["DIBAO"].due_date == D(2027, 1, 6) and not rows["DIBAO"].due_provisional
    assert rows["DIBAO"].stage == "visit" and rows["DIBAO"].stage_label == "入户调查"
    assert rows["DIBAO"].stage_due == D(2027, 1, 6)
    # 特困: 15 wd → 12-15; 公示 7 days → 12-22; 10 wd → 2027-01-06 (01-01 a holiday).
    assert rows["TEKUN"].stage_due == D(2026, 12, 15)
    assert rows["TEKUN"].due_date == D(2027, 1, 6)
    assert rows["MEDICAL"].stage is None  # referred: no township procedure
    plan = services.handling.stage_plan(rows["TEKUN"].task_id)
    assert [(v.code, v.state) for v in plan.steps] == [
        ("visit", "current"), ("check", "pending"), ("review", "pending"),
        ("first_review", "pending"), ("publicity", "pending"), ("report", "pending"),
        ("county", "pending")]
    assert [v.due_date for v in plan.steps][3:5] == [D(2026, 12, 15), D(2026, 12, 22)]
    assert plan.next_action == "录入入户调查" and not plan.closable
    assert "入户调查" in plan.blocked_reason and "2026年12月15日" in plan.blocked_reason


# -- the whole township-decided 低保 ---------------------------------------------------------

def test_township_decided_dibao_end_to_end(services, township, clock):
    township_confirms(services, township)
    r = accept(services, township)
    task = task_of(services, r.application_id, "DIBAO").task_id
    h = services.handling
    # Closing straight away is refused (the bug of issue 13), nothing written.
    with pytest.raises(ValidationErrors) as err:
        h.record_feedback(task, Feedback("done", "2026-11-24", amount="600"), township)
    assert keys(err) == [("result", "stage.unfinished_due")]
    # No skipping: 公示 before 入户调查.
    with pytest.raises(ValidationErrors) as err:
        record(services, township, task, "publicity", "2026-11-24")
    assert keys(err) == [("stage", "stage.out_of_order")]
    assert "请先完成“入户调查”" in str(err.value)
    # 入户调查 needs two investigators and findings.
    with pytest.raises(ValidationErrors) as err:
        record(services, township, task, "visit", "2026-11-24", people=("王芳",))
    assert keys(err) == [("people", "stage.visit_people"), ("text", "stage.visit_findings")]
    record(services, township, task, "visit", "2026-11-24", people=("王芳", "李强"),
           text="住房简陋，无稳定收入")
    # 核对: requested, result later; not dated before the visit; not in the future.
    with pytest.raises(ValidationErrors) as err:
        record(services, township, task, "check", "2026-11-23")
    assert keys(err) == [("started_on", "stage.before_previous")]
    at(clock, D(2026, 11, 25))
    with pytest.raises(ValidationErrors) as err:
        record(services, township, task, "check", "2026-11-26")
    assert keys(err) == [("started_on", "stage.future")]
    record(services, township, task, "check", "2026-11-25", ref="HD-2026-118")
    assert h.stage_plan(task).next_action == "录入核对结果"
    at(clock, D(2026, 11, 30))
    record(services, township, task, "check", "2026-11-25", done_on="2026-11-30", outcome="match")
    # 公示: 7 calendar days from the setting (11-30..12-06, a Sunday → Monday 12-07).
    record(services, township, task, "publicity", "2026-11-30")
    plan = h.stage_plan(task)
    pub = next(v for v in plan.steps if v.code == "publicity")
    assert pub.state == "running" and pub.ends_on == D(2026, 12, 7)
    assert next(v for v in plan.steps if v.code == "review").state == "skipped"
    # Closing (or deciding) before 公示 ends: refused with the date.
    at(clock, D(2026, 12, 7))
    with pytest.raises(ValidationErrors) as err:
        h.record_feedback(task, Feedback("done", "2026-12-07", amount="600"), township)
    assert str(err.value) == "公示期至2026年12月7日，期满后方可办结"
    with pytest.raises(ValidationErrors) as err:
        record(services, township, task, "publicity", "2026-11-30", done_on="2026-12-07",
               outcome="no_objection")
    assert keys(err) == [("done_on", "stage.publicity_not_ended")]
    at(clock, D(2026, 12, 8))
    record(services, township, task, "publicity", "2026-11-30", done_on="2026-12-08",
           outcome="no_objection")
    # 审核确认 by the township: records the result and closes the application.
    record(services, township, task, "decision", "2026-12-08", outcome="approved", amount="600",
           period_from="2027-01-01", period_to="2027-12-31", text="符合条件")
    row = task_of(services, r.application_id, "DIBAO")
    assert row.status == "done" and row.amount == "每月 600.00 元"
    with services.ctx.db.read() as s:
        assert s.get(Application, r.application_id).status == "closed"
    plan = h.stage_plan(task)
    assert plan.current is None and [v.state for v in plan.steps] == [
        "done", "done", "skipped", "done", "done"]
    with services.ctx.db.read() as s:
        stages = [(x.stage, x.replaces_id is not None) for x in s.scalars(
            select(TaskStage).where(TaskStage.item_id == task).order_by(TaskStage.id))]
        assert stages == [("visit", False), ("check", False), ("check", True),
                          ("publicity", False), ("publicity", True), ("decision", False)]
        events = s.scalars(select(Event.detail).where(Event.action == "task.stage")).all()
        assert sorted(json.loads(d)["stage"] for d in events) == [
            "check", "check", "decision", "publicity", "publicity", "visit"]


def test_county_branch_and_county_confirmation(services, township, clock):
    r = accept(services, township, items=("DIBAO",))
    task = task_of(services, r.application_id, "DIBAO").task_id
    record(services, township, task, "visit", "2026-11-24", people=("王芳", "李强"), text="入户")
    record(services, township, task, "check", "2026-11-24", done_on="2026-11-24",
           outcome="discrepancy", text="存款与申报不符，已说明")
    # 审核确认 is the county's here.
    with pytest.raises(ValidationErrors) as err:
        record(services, township, task, "decision", "2026-11-24", outcome="approved")
    assert keys(err) == [("stage", "stage.not_in_procedure")]
    record(services, township, task, "first_review", "2026-11-24", outcome="approved",
           text="拟同意")
    record(services, township, task, "publicity", "2026-11-24")
    at(clock, D(2026, 12, 2))
    record(services, township, task, "publicity", "2026-11-24", done_on="2026-12-02",
           outcome="no_objection")
    record(services, township, task, "report", "2026-12-02", ref="SB-1")
    assert task_of(services, r.application_id, "DIBAO").stage == "county"
    at(clock, D(2026, 12, 10))
    record(services, township, task, "county", "2026-12-09", outcome="refused",
           text="家庭财产超过规定", ref="碧民〔2026〕12号", source="county_return")
    row = task_of(services, r.application_id, "DIBAO")
    assert row.status == "refused"
    # The county's refusal is passed on in writing within 3 working days of the day the
    # township learnt of it (12-10, not the county's 12-09): 12-11, 14, 15.
    assert row.notice_due == D(2026, 12, 15)
    assert services.handling.overdue(today=D(2026, 12, 15)) == []
    assert [t.task_id for t in services.handling.overdue(today=D(2026, 12, 16))] == [task]
    services.handling.issue_result_notice(r.application_id, township)
    assert task_of(services, r.application_id, "DIBAO").notice_due is None
    assert services.handling.overdue(today=D(2026, 12, 16)) == []


def test_extension_moves_the_due_by_15_workdays(services, township, clock):
    r = accept(services, township, items=("DIBAO",))
    task = task_of(services, r.application_id, "DIBAO")
    plan = services.handling.stage_plan(task.task_id)
    assert plan.can_extend and plan.extended_days == 0
    with pytest.raises(ValidationErrors) as err:
        record(services, township, task.task_id, "extension", "2026-11-24")
    assert keys(err) == [("text", "stage.extension_reason")]
    record(services, township, task.task_id, "extension", "2026-11-24", text="需进一步核实赡养人收入")
    after = task_of(services, r.application_id, "DIBAO")
    assert after.due_date == add_workdays(task.due_date, 15).date
    assert after.stage_due == after.due_date
    plan = services.handling.stage_plan(task.task_id)
    assert plan.extended_days == 15 and not plan.can_extend
    assert [(v.code, v.state) for v in plan.side] == [("extension", "done")]
    with pytest.raises(ValidationErrors) as err:
        record(services, township, task.task_id, "extension", "2026-11-24", text="再延")
    assert keys(err) == [("stage", "stage.already_extended")]
    with services.ctx.db.read() as s:
        row = s.scalars(select(TaskStage).where(TaskStage.stage == "extension")).one()
        assert json.loads(row.details)["days"] == 15


def test_tekun_has_no_extension(services, township):
    r = accept(services, township, items=("TEKUN",))
    task = task_of(services, r.application_id, "TEKUN").task_id
    assert not services.handling.stage_plan(task).can_extend
    with pytest.raises(ValidationErrors) as err:
        record(services, township, task, "extension", "2026-11-24", text="原因")
    assert keys(err) == [("stage", "stage.no_extension")]


def test_publicity_days_setting_and_orphan_never_publicised(services, township, clock):
    services.settings.update("publicity_days", [
        {"effective_from": "2000-01-01", "days": 7, "unit": "days"},
        {"effective_from": "2026-11-01", "days": 5, "unit": "workdays"}], township)
    r = accept(services, township, items=("DIBAO", "ORPHAN"))
    dibao = task_of(services, r.application_id, "DIBAO").task_id
    orphan = task_of(services, r.application_id, "ORPHAN").task_id
    record(services, township, dibao, "visit", "2026-11-24", people=("王芳", "李强"), text="入户")
    record(services, township, dibao, "check", "2026-11-24", done_on="2026-11-24", outcome="match")
    record(services, township, dibao, "first_review", "2026-11-24", outcome="approved")
    record(services, township, dibao, "publicity", "2026-11-24")
    pub = next(v for v in services.handling.stage_plan(dibao).steps if v.code == "publicity")
    assert pub.ends_on == D(2026, 11, 30)  # 5 working days: 11-24 (posted), 25, 26, 27, 30
    assert [v.code for v in services.handling.stage_plan(orphan).steps] == [
        "visit", "check", "first_review", "report"]
    with pytest.raises(ValidationErrors) as err:
        record(services, township, orphan, "publicity", "2026-11-24")
    assert keys(err) == [("stage", "stage.not_in_procedure")]


def test_older_tasks_without_a_procedure_keep_working(services, township):
    r = accept(services, township, items=("DIBAO",))
    task = task_of(services, r.application_id, "DIBAO").task_id
    with services.ctx.db.transaction() as s:  # as accepted before issue 13
        s.get(RequestedItem, task).stage = None
    plan = services.handling.stage_plan(task)
    assert plan.steps == () and plan.closable
    with pytest.raises(ValidationErrors) as err:
        record(services, township, task, "visit", "2026-11-24", people=("王芳", "李强"), text="x")
    assert keys(err) == [("stage", "stage.no_procedure")]
    services.handling.record_feedback(task, Feedback("done", "2026-11-24", amount="600"), township)
    assert task_of(services, r.application_id, "DIBAO").status == "done"


def test_bad_input_writes_nothing(services, township):
    r = accept(services, township, items=("DIBAO",))
    task = task_of(services, r.application_id, "DIBAO").task_id
    with pytest.raises(ValidationErrors) as err:
        record(services, township, task, "visit", "11/24", people=("王芳", "李强1"), text="x",
               outcome="maybe")
    assert [f for f, _k in keys(err)] == ["started_on", "people", "outcome"]
    with pytest.raises(ValidationErrors):
        record(services, township, task, "teleport", "2026-11-24")
    with services.ctx.db.read() as s:
        assert s.scalars(select(TaskStage)).all() == []


# -- the printed side ------------------------------------------------------------------------

def pdf_text(path) -> str:
    import subprocess
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def test_extension_prints_the_notice(services, township):
    r = accept(services, township, items=("DIBAO",))
    task = task_of(services, r.application_id, "DIBAO")
    doc = record(services, township, task.task_id, "extension", "2026-11-24",
                 text="需进一步核实赡养人收入").value
    assert doc is not None and doc.kind == "extension_notice" and doc.number == f"{r.number}-Y1"
    text = pdf_text(doc.path)
    new_due = add_workdays(task.due_date, 15).date
    assert "延期办理告知书" in text and "需进一步核实赡养人收入" in text
    assert f"{new_due.year}年{new_due.month}月{new_due.day}日" in text


def test_publicity_list_leaves_out_minors_and_orphans_and_report_list(services, township, clock):
    from desktop_app.core.services.drafts import MemberInput
    from tests.helpers.drafts import resident_id
    child = MemberInput(name="张小宝", relation="子",
                        id_number=resident_id(date(2016, 3, 1), True, 5))
    r = accept(services, township, items=("DIBAO", "ORPHAN"),
               members=[MemberInput(name="李四", relation="配偶",
                                    id_number=resident_id(date(1962, 3, 1), False, 2)), child])
    o = accept(services, township, items=("ORPHAN",), name="王五",
               id_number=resident_id(date(1970, 1, 1), True, 9))
    dibao = task_of(services, r.application_id, "DIBAO").task_id
    orphan = task_of(services, r.application_id, "ORPHAN").task_id
    orphan2 = task_of(services, o.application_id, "ORPHAN").task_id
    for t in (dibao,):
        record(services, township, t, "visit", "2026-11-24", people=("王芳", "李强"), text="入户")
        record(services, township, t, "check", "2026-11-24", done_on="2026-11-24", outcome="match")
        doc = record(services, township, t, "first_review", "2026-11-24", outcome="approved",
                     text="拟同意", amount=None).value
        assert doc is not None and doc.kind == "decision_form"
        assert "初审意见表" in pdf_text(doc.path)
    village = services.setup.villages()[0].id
    info = services.handling.start_publicity(village, [dibao, orphan, orphan2], "2026-11-24",
                                             township).value
    assert info.kind == "publicity_list" and "-20261124-GS01" in info.number and info.count == 1
    text = pdf_text(info.path)
    assert "张三" in text and "最低生活保障" in text
    assert "张小宝" not in text and "王五" not in text and "孤儿" not in text
    assert resident_id() not in text
    pub = next(v for v in services.handling.stage_plan(dibao).steps if v.code == "publicity")
    assert pub.state == "running" and pub.ends_on == D(2026, 11, 30)
    assert services.handling.stage_plan(orphan).current == "visit"  # no 公示 recorded on it
    at(clock, D(2026, 12, 1))
    record(services, township, dibao, "publicity", "2026-11-24", done_on="2026-12-01",
           outcome="no_objection")
    rep = services.handling.report_to_county([dibao], "2026-12-01", township).value
    assert rep.kind == "report_list" and rep.department == "MCA" and rep.count == 1
    assert "张三" in pdf_text(rep.path)
    plan = services.handling.stage_plan(dibao)
    assert plan.current == "county"
    assert next(v for v in plan.steps if v.code == "report").summary.count(rep.number) == 1
    # Reported once: a second list is refused, named by the application's number.
    with pytest.raises(ValidationErrors) as err:
        services.handling.report_to_county([dibao], "2026-12-01", township)
    assert str(err.value) == f"{r.number}：“报县”已录入"


def test_visit_form(services, township):
    r = accept(services, township, items=("DIBAO",))
    task = task_of(services, r.application_id, "DIBAO").task_id
    doc = services.handling.print_visit_form(task, township).value
    assert doc.kind == "visit_form" and doc.number == f"{r.number}-D1"
    assert "入户调查表" in pdf_text(doc.path)


@pytest.mark.parametrize("confirms", [True, False])
def test_a_result_typed_in_the_receipt_dialog_is_recorded_as_the_result_step(
        services, township, clock, confirms):
    """Review of 2026-12-07 (finding 2): the 回执 dialog's result for a task whose next
    step is 审核确认 / 县级审核确认 is that step — its row, its form, its date checks —
    never a result beside the procedure."""
    from tests.helpers.stages import finish_procedure

    township_confirms(services, township, confirms)
    r = accept(services, township, items=("LINSHI_EXPENSE",) if confirms else ("DIBAO",))
    task = services.handling.tasks_for_application(r.application_id)[0].task_id
    at(clock, date(2026, 12, 31))
    day = finish_procedure(services, township, task, date(2026, 12, 4))
    step = services.handling.stage_plan(task).current
    assert step == ("decision" if confirms else "county")
    # dated before the last recorded step: refused at the 回执's own date field
    with pytest.raises(ValidationErrors) as err:
        services.handling.record_feedback(task, Feedback("done", "2026-12-03", "同意",
                                                         amount="800"), township)
    assert [k for k, _ in keys(err)] == ["result_on"]
    res = services.handling.record_feedback(task, Feedback("done", day.isoformat(), "同意",
                                                           amount="800"), township)
    assert res.task_status == "done"
    with services.ctx.db.read() as s:
        rows = s.scalars(select(TaskStage).where(TaskStage.item_id == task,
                                                 TaskStage.stage == step)).all()
        assert [(x.outcome, x.source, x.started_on) for x in rows] == [
            ("approved", "township" if confirms else "paper", day)]
    assert services.handling.stage_plan(task).current is None
