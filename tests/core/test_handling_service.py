"""协同办理 through the real services and database: referral lists, 回执 feedback,
closing, result notices, 先行救助, re-checks, warnings, the separate list, timeline."""

from __future__ import annotations

import json
import subprocess
from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop_app.core.errors import PermissionDenied, ValidationErrors
from desktop_app.core.models import Application, ListDocument, RequestedItem
from desktop_app.core.services import EmergencyInput, Feedback, TaskFilter
from desktop_app.core.services.demo import DEMO_PASSWORDS
from tests.helpers.drafts import draft, resident_id
from tests.helpers.stages import finish_procedure


def accept(services, township, items=("DIBAO", "MEDICAL", "EDUCATION"), **kw):
    return services.intake.decide(draft(services, items=items, **kw), "accept", township)


def task_of(services, app_id, code):
    return next(t for t in services.handling.tasks_for_application(app_id) if t.item_code == code)


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def codes(errors: ValidationErrors) -> list[str]:
    return [e.code for e in errors.errors]


# ----------------------------------------------------------------------- acceptance


def test_acceptance_creates_one_task_per_item_with_its_status(services, township):
    r = accept(services, township, items=("DIBAO", "MEDICAL", "LINSHI_URGENT"), urgent=True)
    tasks = {t.item_code: t for t in services.handling.tasks_for_application(r.application_id)}
    # 低保: the township investigates and submits; the county confirms (not a 转办).
    assert tasks["DIBAO"].status == "in_progress" and not tasks["DIBAO"].referred
    assert tasks["MEDICAL"].status == "to_refer" and tasks["MEDICAL"].handler_name == "县医保局"
    assert tasks["LINSHI_URGENT"].status == "in_progress" and not tasks["LINSHI_URGENT"].referred
    assert all(t.due_date is not None for t in tasks.values())


# --------------------------------------------------------------- 转办清单 and 回执


def test_handover_list_covers_waiting_tasks_of_one_department_and_marks_them_referred(
        services, township, clock):
    a = accept(services, township)
    b = accept(services, township, items=("MEDICAL",), name="王五", id_number=resident_id(seed=7))
    assert services.handling.departments_to_refer() == {"HEALTHCARE": 2, "EDUCATION": 1}
    info = services.handling.issue_handover_list("HEALTHCARE", township).value
    assert info.count == 2 and info.number.endswith("-QD01") and info.path.exists()
    text = pdf_text(info.path)
    assert "社会救助事项转办清单" in text and "县医保局" in text
    assert "张三" in text and "王五" in text
    assert f"{a.number}-Z1" in text and f"{b.number}-Z1" in text
    # Data minimisation: no ID number on the courier's list.
    assert resident_id() not in text and resident_id(seed=7) not in text
    assert task_of(services, a.application_id, "MEDICAL").status == "referred"
    assert task_of(services, a.application_id, "MEDICAL").referred_on == clock.now.date()
    assert task_of(services, a.application_id, "EDUCATION").status == "to_refer"
    assert task_of(services, a.application_id, "DIBAO").status == "in_progress"
    assert services.handling.departments_to_refer() == {"EDUCATION": 1}
    # Nothing left for that department: a clear message, no empty list recorded.
    with pytest.raises(ValidationErrors) as err:
        services.handling.issue_handover_list("HEALTHCARE", township)
    assert "没有待转办" in str(err.value)
    second = services.handling.issue_handover_list("EDUCATION", township).value
    assert second.number.endswith("-QD02")
    with services.ctx.db.read() as s:
        docs = s.scalars(select(ListDocument)).all()
        assert [d.department for d in docs] == ["HEALTHCARE", "EDUCATION"]
        assert all(d.sha256 for d in docs)
    # The day's slips of that department, in list order, ready for one print job.
    slips = services.handling.list_slips(info.id)
    assert [d.number for d in slips] == sorted([f"{a.number}-Z1", f"{b.number}-Z1"])
    assert all(d.kind == "referral" and d.path.exists() for d in slips)
    # A lost file is re-rendered byte-identical from its snapshot.
    info.path.unlink()
    assert services.handling.list_pdf(info.id).exists()
    # ... with the template revision it was issued with: a list recorded with a revision
    # whose archived template is absent is not silently rendered with today's template.
    from desktop_app.printing.errors import TemplateError

    with services.ctx.db.transaction() as s:
        s.get_one(ListDocument, info.id).template_version = "99"
    info.path.unlink()
    with pytest.raises(TemplateError):
        services.handling.list_pdf(info.id)


def test_sign_then_feedback_closes_the_application_when_every_task_is_final(
        services, township, clock):
    r = accept(services, township, items=("DIBAO", "MEDICAL", "EDUCATION"))
    for dept in ("HEALTHCARE", "EDUCATION"):
        services.handling.issue_handover_list(dept, township)
    med = task_of(services, r.application_id, "MEDICAL")
    clock.now = datetime(2026, 12, 10, 9, 0)
    with pytest.raises(ValidationErrors) as err:  # a 回执 cannot be dated in the future
        services.handling.record_signed(med.task_id, "赵六", "2026-12-11", township)
    assert "不能晚于" in str(err.value)
    services.handling.record_signed(med.task_id, "赵六", "2026-11-25", township)
    assert task_of(services, r.application_id, "MEDICAL").status == "signed"
    res = services.handling.record_feedback(med.task_id, Feedback(
        "done", "2026-12-08", "同意给予医疗救助", amount="2,400"), township)
    assert res.task_status == "done" and not res.closed
    t = task_of(services, r.application_id, "MEDICAL")
    assert (t.signed_by, t.signed_on, t.amount, t.period) == (
        "赵六", date(2026, 11, 25), "2,400.00 元", "")
    # 低保 confirmed by the county (the township records it): monthly, with a period —
    # once the township's steps (入户调查 … 报县) are recorded (issue 13).
    dibao = task_of(services, r.application_id, "DIBAO")
    finish_procedure(services, township, dibao.task_id, date(2026, 11, 24))
    res = services.handling.record_feedback(dibao.task_id, Feedback(
        "done", "2026-12-08", "同意给予最低生活保障", amount="600",
        period_from="2027-01-01", period_to="2027-12-31", review_class="C"), township)
    t = task_of(services, r.application_id, "DIBAO")
    assert (t.amount, t.period) == ("每月 600.00 元", "2027年1月至2027年12月")
    # The 回执 came back signed and with the result at once: referred → refused.
    edu = task_of(services, r.application_id, "EDUCATION")
    res = services.handling.record_feedback(edu.task_id, Feedback(
        "refused", "2026-12-09", "子女已享受国家助学金", signed_by="钱七"), township)
    assert res.closed and res.task_status == "refused"
    detail = services.queries.detail(r.application_id)
    assert (detail.row.status, detail.row.status_label) == ("closed", "已办结")
    with services.ctx.db.read() as s:
        app = s.get(Application, r.application_id)
        assert app.closed_on == date(2026, 12, 10)
        assert s.scalars(select(RequestedItem.signed_by).where(
            RequestedItem.item_code == "EDUCATION")).one() == "钱七"
    # Closed: nothing open is left on the tracking screen; a final task takes no feedback.
    assert services.handling.tasks() == []
    with pytest.raises(ValidationErrors) as err:
        services.handling.record_feedback(edu.task_id, Feedback("done", "2026-12-09"), township)
    assert "不能办结" in str(err.value)
    # Re-check reminder: class C 低保 comes back after 6 months (setting).
    due = services.handling.reviews_due(within_days=400, today=date(2026, 12, 10))
    assert [(x.item_name, x.next_review_on) for x in due] == [("最低生活保障", date(2027, 6, 8))]


def test_feedback_is_validated_and_reports_every_problem(services, township):
    r = accept(services, township, items=("MEDICAL",))
    services.handling.issue_handover_list("HEALTHCARE", township)
    t = task_of(services, r.application_id, "MEDICAL")
    with pytest.raises(ValidationErrors) as err:
        services.handling.record_feedback(t.task_id, Feedback(
            "refused", "2027-05-01", "", amount="abc", period_from="2027-02-01",
            period_to="2027-01-01"), township)
    assert set(codes(err.value)) >= {"required", "order"}
    fields = {e.field for e in err.value.errors}
    assert {"result_on", "amount", "period_to", "result_text"} <= fields
    # Before the referral date: refused with its reason, nothing changes.
    with pytest.raises(ValidationErrors) as err:
        services.handling.record_feedback(t.task_id, Feedback("done", "2026-11-20"), township)
    assert "早于转办日期" in str(err.value)
    assert task_of(services, r.application_id, "MEDICAL").status == "referred"


def test_tasks_not_yet_handed_over_cannot_be_signed_or_closed(services, township):
    r = accept(services, township, items=("MEDICAL",))
    t = task_of(services, r.application_id, "MEDICAL")
    with pytest.raises(ValidationErrors) as err:
        services.handling.record_signed(t.task_id, "赵六", "2026-11-24", township)
    assert "待转办" in str(err.value)


def test_returned_item_is_referred_again_with_a_new_slip(services, township):
    r = accept(services, township, items=("MEDICAL", "EDUCATION"))
    services.handling.issue_handover_list("HEALTHCARE", township)
    services.handling.issue_handover_list("EDUCATION", township)
    t = task_of(services, r.application_id, "MEDICAL")
    services.handling.record_feedback(t.task_id, Feedback(
        "returned", "2026-11-24", "缺少住院费用清单原件"), township)
    assert task_of(services, r.application_id, "MEDICAL").status == "returned"
    doc = services.handling.re_refer(t.task_id, township).value
    assert doc.number == f"{r.number}-Z3" and doc.kind == "referral"
    text = pdf_text(doc.path)
    assert "医疗救助" in text and "县医保局" in text and "教育救助" not in text
    assert task_of(services, r.application_id, "MEDICAL").status == "to_refer"
    assert task_of(services, r.application_id, "EDUCATION").status == "referred"
    again = services.handling.issue_handover_list("HEALTHCARE", township).value
    assert f"{r.number}-Z3" in pdf_text(again.path)


def test_township_item_is_handled_and_the_result_notice_lists_each_result(services, township):
    r = accept(services, township, items=("LINSHI_EXPENSE", "MEDICAL"))
    tasks = {t.item_code: t for t in services.handling.tasks_for_application(r.application_id)}
    assert tasks["LINSHI_EXPENSE"].status == "in_progress"
    with pytest.raises(ValidationErrors) as err:
        services.handling.issue_result_notice(r.application_id, township)
    assert "还没有" in str(err.value)
    finish_procedure(services, township, tasks["LINSHI_EXPENSE"].task_id, date(2026, 11, 24))
    services.handling.record_feedback(tasks["LINSHI_EXPENSE"].task_id, Feedback(
        "done", "2026-11-24", "同意给予临时救助", amount="1,200"), township)
    doc = services.handling.issue_result_notice(r.application_id, township).value
    assert doc.number == f"{r.number}-G1"
    text = pdf_text(doc.path)
    assert "办理结果告知书" in text and "1,200.00" in text and "同意给予临时救助" in text
    assert "行政复议" not in text  # no refusal, no appeal paragraph
    services.handling.issue_handover_list("HEALTHCARE", township)
    services.handling.record_feedback(tasks["MEDICAL"].task_id, Feedback(
        "refused", "2026-11-24", "不符合医疗救助条件"), township)
    doc2 = services.handling.issue_result_notice(r.application_id, township).value
    assert doc2.number == f"{r.number}-G2"
    text = pdf_text(doc2.path)
    assert "不符合医疗救助条件" in text and "行政复议" in text


# ----------------------------------------------------------------------- 先行救助


@pytest.fixture
def township_on(services, clock):
    """The demo township set up on a given day: the clock never goes back past a record
    (a document dated before an issued one is refused, core/services/clock.py)."""
    from desktop_app.core.services.demo import create_demo_township

    def make(when: datetime) -> int:
        clock.now = when
        return create_demo_township(services)
    return make


def test_emergency_aid_within_the_ceiling_prints_its_record_and_sets_the_paperwork_due(
        services, township_on, clock):
    township = township_on(datetime(2026, 9, 29, 15, 0))  # Tuesday before National Day
    r = accept(services, township, items=("LINSHI_URGENT",), urgent=True,
               hardship_cause="accident")
    out = services.handling.record_emergency(r.application_id, EmergencyInput(
        "1,500", "现金", "房屋失火，生活无着"), township)
    # 5 working days after 2026-09-29: 30 Sep, then the 1–7 Oct holidays, then 8, 9,
    # 10 (a Saturday make-up day) and 12 Oct → 2026-10-12.
    assert out.paperwork_due == date(2026, 10, 12) and not out.provisional
    assert out.document.number == f"{r.number}-J1"
    text = pdf_text(out.document.path)
    assert "先行救助" in text and "1,500.00" in text and "壹仟伍佰元整" in text
    t = task_of(services, r.application_id, "LINSHI_URGENT")
    assert t.due_date == date(2026, 10, 12) and t.status == "in_progress"


def test_emergency_aid_above_the_ceiling_is_refused_and_can_go_to_the_county(
        services, township):
    r = accept(services, township, items=("LINSHI_URGENT",), urgent=True)
    with pytest.raises(ValidationErrors) as err:
        services.handling.record_emergency(r.application_id, EmergencyInput(
            "3000.01", "现金", "重病住院"), township)
    assert codes(err.value) == ["ceiling"] and "3,000.00" in str(err.value)
    services.settings.update("emergency_ceiling_fen", "5000", township)
    t = task_of(services, r.application_id, "LINSHI_URGENT")
    doc = services.handling.escalate(t.task_id, "所需救助金额超过乡镇限额", township).value
    assert doc.kind == "referral" and "县民政局" in pdf_text(doc.path)
    t = task_of(services, r.application_id, "LINSHI_URGENT")
    assert (t.status, t.handler_code) == ("to_refer", "MCA")
    with pytest.raises(ValidationErrors):
        services.handling.record_emergency(r.application_id, EmergencyInput(
            "100", "现金", "重病住院"), township)


def test_previous_aid_this_year_appears_on_the_next_record(services, township, clock):
    a = accept(services, township, items=("LINSHI_URGENT",), urgent=True)
    services.handling.record_emergency(a.application_id, EmergencyInput(
        "800", "银行转账", "突发疾病"), township)
    b = accept(services, township, items=("LINSHI_URGENT",), urgent=True)
    out = services.handling.record_emergency(b.application_id, EmergencyInput(
        "500", "现金", "子女意外受伤"), township)
    text = pdf_text(out.document.path)
    assert "800.00" in text and "突发疾病" in text
    assert [x["amount"] for x in services.handling.year_aid(b.application_id)] == ["800.00", "500.00"]


# -------------------------------------------------------------- tracking and overdue


def test_overdue_and_due_soon_across_the_2026_spring_festival(services, township_on, clock):
    township = township_on(datetime(2026, 2, 10, 9, 0))
    r = accept(services, township, items=("LEGAL_AID",))
    t = task_of(services, r.application_id, "LEGAL_AID")
    limit = services.ctx.catalog.item("LEGAL_AID").limit_days
    cal = services.ctx.calendar
    with services.ctx.db.read() as s:
        expected = cal(s).add_workdays(date(2026, 2, 10), limit).date
    assert t.due_date == expected
    rows = services.handling.tasks(today=date(2026, 2, 10))
    assert [x.state for x in rows] in (["ok"], ["due_soon"])
    # The day after the due date it is overdue and on the supervisor's list.
    late = date.fromordinal(expected.toordinal() + 1)
    over = services.handling.overdue(today=late)
    assert [x.task_id for x in over] == [t.task_id] and over[0].workdays_left < 0
    assert services.handling.tasks(TaskFilter(department="JUSTICE"), today=late)
    assert not services.handling.tasks(TaskFilter(department="MCA"), today=late)


def test_filters_by_item_village_clerk_and_status(services, township):
    a = accept(services, township, items=("DIBAO", "MEDICAL"))
    rows = services.handling.tasks(TaskFilter(item_code="MEDICAL"))
    assert [r.item_code for r in rows] == ["MEDICAL"]
    village = services.setup.villages()[0].id
    assert len(services.handling.tasks(TaskFilter(village_id=village))) == 2
    assert services.handling.tasks(TaskFilter(clerk_id=township)) and not \
        services.handling.tasks(TaskFilter(clerk_id=99999))
    assert services.handling.tasks(TaskFilter(status="referred")) == []
    assert {r.application_id for r in services.handling.tasks()} == {a.application_id}


# ------------------------------------------------------------ warnings at intake


def test_same_person_with_an_open_task_for_the_same_item_is_warned(services, township):
    first = accept(services, township, items=("DIBAO",))
    warnings = services.intake.warnings(draft(services, items=("DIBAO",)))
    assert [w.code for w in warnings] == ["open_task"]
    assert first.number in warnings[0].message and "最低生活保障" in warnings[0].message
    assert warnings[0].application_id == first.application_id
    # Another item: no open-task warning.
    assert services.intake.warnings(draft(services, items=("HOUSING",))) == []


def test_person_in_another_household_is_warned(services, township):
    accept(services, township, items=("DIBAO",))  # 张三 with spouse 李四 (seed 2)
    spouse = resident_id(date(1962, 3, 1), False, 2)
    d = draft(services, name="李四", id_number=spouse, items=("HOUSING",), members=[])
    warnings = services.intake.warnings(d)
    assert [w.code for w in warnings] == ["other_household"]
    assert "张三 的家庭" in warnings[0].message and spouse not in warnings[0].message


def test_temporary_assistance_for_the_same_cause_this_year_is_warned(services, township):
    accept(services, township, items=("LINSHI_EXPENSE",), hardship_cause="illness")
    same = draft(services, items=("LINSHI_URGENT",), hardship_cause="illness")
    other = draft(services, items=("LINSHI_URGENT",), hardship_cause="disaster")
    assert "temporary_same_cause" in [w.code for w in services.intake.warnings(same)]
    assert "temporary_same_cause" not in [w.code for w in services.intake.warnings(other)]


def test_staff_relatives_are_flagged_and_listed_separately_for_supervisors(services, township):
    with pytest.raises(ValidationErrors) as err:
        services.intake.decide(draft(services, staff_relative=True), "accept", township)
    assert [e.field for e in err.value.errors] == ["staff_relative_note"]
    d = draft(services, staff_relative=True, staff_relative_note="申请人系石桥村村委会主任之兄")
    assert [w.code for w in services.intake.warnings(d)] == ["staff_relative"]
    r = services.intake.decide(d, "accept", township)
    accept(services, township, name="王五", id_number=resident_id(seed=7))
    rows = services.handling.staff_relatives(township)
    assert [(x.number, x.note) for x in rows] == [(r.number, "申请人系石桥村村委会主任之兄")]
    clerk = services.accounts.login("clerk1", DEMO_PASSWORDS["clerk1"]).value
    with pytest.raises(PermissionDenied):
        services.handling.staff_relatives(clerk)


# ----------------------------------------------------------------------- timeline


def test_timeline_shows_each_step_with_who_and_when(services, township):
    r = accept(services, township, items=("MEDICAL",))
    services.handling.issue_handover_list("HEALTHCARE", township)
    t = task_of(services, r.application_id, "MEDICAL")
    services.handling.record_signed(t.task_id, "赵六", "2026-11-24", township)
    services.handling.record_feedback(t.task_id, Feedback("done", "2026-11-24", amount="600"),
                                      township)
    services.handling.issue_result_notice(r.application_id, township)
    steps = [s.text for s in services.handling.timeline(r.application_id)]
    joined = "\n".join(steps)
    for needle in ("受理", "社会救助事项转办单（县医保局）", "转办：医疗救助 → 县医保局",
                   "部门签收：医疗救助，签收人 赵六", "办理结果反馈：医疗救助 已办结，600.00 元",
                   "办结", "办理结果告知书"):
        assert needle in joined, needle
    assert all(s.actor for s in services.handling.timeline(r.application_id))


# -------------------------------------------------------------------- permissions


def test_feedback_needs_a_logged_in_user(services, township):
    from desktop_app.core.services import SYSTEM

    r = accept(services, township, items=("MEDICAL",))
    with pytest.raises(PermissionDenied):
        services.handling.issue_handover_list("HEALTHCARE", SYSTEM)
    with services.ctx.db.read() as s:
        assert s.scalars(select(ListDocument)).all() == []
    assert task_of(services, r.application_id, "MEDICAL").status == "to_refer"


def test_migrated_database_derives_task_status_for_items_accepted_before_0004(services, township):
    from alembic import command
    from alembic.config import Config

    from desktop_app.core import db as dbmod
    from desktop_app.core.services import Services

    r = accept(services, township, items=("MEDICAL", "LINSHI_EXPENSE"))
    folder = services.ctx.db.data_dir
    services.close()
    engine = dbmod.make_engine(folder / dbmod.DB_FILENAME)
    cfg = Config()
    cfg.set_main_option("script_location", str(dbmod.MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0003")
    engine.dispose()
    again = Services.open(folder, clock=services.ctx.clock)
    try:
        tasks = {t.item_code: t.status for t in again.handling.tasks_for_application(
            r.application_id)}
        assert tasks == {"MEDICAL": "to_refer", "LINSHI_EXPENSE": "in_progress"}
    finally:
        again.close()


def test_review_record_moves_the_next_date_or_stops_reminders(services, township):
    r = accept(services, township, items=("TEKUN",), supporters_able=False)
    t = task_of(services, r.application_id, "TEKUN")
    with services.ctx.db.transaction() as s:  # accepted before the procedure existed (no steps)
        s.get(RequestedItem, t.task_id).stage = None
    services.handling.record_feedback(t.task_id, Feedback("done", "2026-11-24", amount="780"),
                                      township)
    due = services.handling.reviews_due(within_days=400)
    assert [x.next_review_on for x in due] == [date(2027, 11, 24)]
    services.handling.record_review(t.task_id, "2026-11-24", "continue", "", township)
    assert [x.next_review_on for x in services.handling.reviews_due(within_days=800)] == [
        date(2027, 11, 24)]
    services.handling.record_review(t.task_id, "2026-11-24", "stop", "已死亡", township)
    assert services.handling.reviews_due(within_days=800) == []
    with services.ctx.db.read() as s:
        ev = [json.loads(e) for e in s.scalars(select(__import__(
            "desktop_app.core.models", fromlist=["Event"]).Event.detail))]
        assert any(e.get("outcome") == "stop" for e in ev)


# ------------------------------------------------------------------ overdue command


def test_overdue_command_lists_the_late_tasks_for_the_supervisor(services, township_on, clock,
                                                                 capsys, monkeypatch):
    from desktop_app.cli import main as cli_main
    from tests.helpers.cli import as_user

    def main(argv):  # as the supervisor
        return cli_main(as_user(monkeypatch, argv[1], "supervisor") + argv[2:])

    township = township_on(datetime(2026, 2, 10, 9, 0))  # before the Spring Festival
    late = accept(services, township, items=("LEGAL_AID", "MEDICAL"))
    clock.now = datetime(2026, 11, 24, 9, 0)
    fresh = accept(services, township, items=("MEDICAL",), name="王五",
                   id_number=resident_id(seed=7))
    folder = services.ctx.db.data_dir
    services.close()
    capsys.readouterr()
    assert main(["--data-dir", str(folder), "overdue", "--date", "2026-11-24"]) == 0
    out, err = capsys.readouterr()
    lines = out.strip().splitlines()
    assert lines[0].split("\t")[:4] == ["办件编号", "申请人", "村（社区）", "事项"]
    body = [ln.split("\t") for ln in lines[1:]]
    assert sorted(r[3] for r in body) == ["医疗救助", "法律援助"]
    assert {r[0] for r in body} == {late.number} and fresh.number not in out
    assert all(int(r[7]) > 100 for r in body)  # overdue by that many working days
    assert "逾期 2 项" in err
    # One department only; before the due dates nothing is late.
    assert main(["--data-dir", str(folder), "overdue", "--date", "2026-11-24",
                 "--department", "JUSTICE"]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 2
    assert main(["--data-dir", str(folder), "overdue", "--date", "2026-02-11"]) == 0
    assert len(capsys.readouterr().out.strip().splitlines()) == 1
    assert main(["--data-dir", str(folder), "overdue", "--date", "2026-13-01"]) == 1
    assert main(["--data-dir", str(folder), "overdue", "--department", "NOPE"]) == 1


def test_demo_data_has_tasks_in_every_stage(services, township):
    from desktop_app.core.services.demo import fill_demo

    fill_demo(services, 120, seed=5)
    rows = services.handling.tasks(TaskFilter(include_final=True))
    statuses = {r.status for r in rows}
    assert {"signed", "done", "refused", "in_progress"} <= statuses
    with services.ctx.db.read() as s:
        closed = s.scalars(select(Application).where(Application.status == "closed")).all()
        assert closed and all(a.closed_on for a in closed)
    from desktop_app.core.services.events import verify_log

    with services.ctx.db.read() as s:
        assert verify_log(s) is None


def test_deferred_documents_are_recorded_at_once_and_rendered_after(services, township):
    from desktop_app.core.models import Document

    r = services.intake.decide(draft(services, items=("DIBAO", "MEDICAL")), "accept", township,
                               defer_secondary=True)
    kinds = {d.kind: d for d in r.documents}
    secondary = ("commitment", "application_form", "declaration", "calculation", "referral")
    assert set(kinds) == {"receipt", *secondary}
    assert kinds["receipt"].path.exists()
    assert not any(kinds[k].path.exists() for k in secondary)
    assert sorted(r.deferred) == sorted(kinds[k].id for k in secondary)
    paths = services.documents.render_pending(r.deferred)
    assert all(p.exists() for p in paths)
    with services.ctx.db.read() as s:
        assert all(d.sha256 for d in s.scalars(select(Document)))
    # The same bytes as an immediate rendering of the same data would give.
    again = services.documents.original_pdf(kinds["referral"].id)
    assert again == paths[r.deferred.index(kinds["referral"].id)] and "县医保局" in pdf_text(again)
