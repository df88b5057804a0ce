"""The printed forms of the 审核确认 procedure (issue 13) issued through the real
services and database: 入户调查表, 审核确认表 / 初审意见表, 延期告知书 (per task, via
``documents.create(..., item_ids={task.id})``), and the 公示名单 / 上报清单 list
documents (``casework_forms.issue_list_document``) — read back with pdftotext."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import date, datetime, time

import pytest
from sqlalchemy import select

from desktop_app.core.models import Application, Document, ListDocument, Staff, TaskStage
from desktop_app.core.services import MemberInput, casework_forms
from desktop_app.core.services.documents import atomic_write
from tests.helpers.drafts import draft, resident_id
from tests.helpers.printing import squash

pytestmark = pytest.mark.skipif(
    subprocess.run(["which", "pdftotext"], capture_output=True).returncode != 0,
    reason="poppler-utils not installed")

MINOR = MemberInput(name="李小花", relation="女", id_number=resident_id(date(2015, 6, 1), False, 3))
ADULT_CHILD = MemberInput(name="李大山", relation="子",
                          id_number=resident_id(date(1990, 2, 1), True, 4))


def text_of(path) -> str:
    return squash(subprocess.run(["pdftotext", str(path), "-"], check=True,
                                 capture_output=True, text=True).stdout)


def fonts_of(path) -> str:
    return subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                          text=True).stdout


def accept(services, township, name="张三", items=("DIBAO",), seed=1, **kw):
    return services.intake.decide(
        draft(services, name=name, items=items, id_number=resident_id(seed=seed), **kw),
        "accept", township)


def task_id(services, app_id, code="DIBAO") -> int:
    return next(t.task_id for t in services.handling.tasks_for_application(app_id)
                if t.item_code == code)


def add_stage(services, township, app_id, item_id, stage, started, **kw) -> None:
    with services.ctx.db.transaction() as s:
        s.add(TaskStage(application_id=app_id, item_id=item_id, stage=stage,
                        started_on=started, recorded_by_id=township,
                        people=json.dumps(kw.pop("people", []), ensure_ascii=False),
                        details=json.dumps(kw.pop("details", {}), ensure_ascii=False), **kw))


def issue(services, township, app_id, item_id, kind, letter):
    with services.ctx.db.transaction() as s:
        app = s.get_one(Application, app_id)
        clerk = s.get_one(Staff, township)
        pending = services.documents.create(s, app, kind, f"{app.number}-{letter}1", clerk,
                                            datetime.combine(services.ctx.today(), time(10)), item_ids={item_id})
    return services.documents.write_files([pending])[0]


def issue_list(services, township, kind, task_ids, day, **kw):
    from desktop_app.core.models import RequestedItem

    with services.ctx.db.transaction() as s:
        tasks = [s.get_one(RequestedItem, t) for t in task_ids]
        clerk = s.get_one(Staff, township)
        pending = casework_forms.issue_list_document(services.ctx, s, kind, tasks, clerk, day,
                                                     services.documents.folder, **kw)
    atomic_write(pending.path, pending.pdf)
    return pending


# -- 入户调查表 -------------------------------------------------------------------------------

def test_visit_form_prefills_the_household_with_two_investigator_lines(services, township):
    r = accept(services, township, members=[
        MemberInput(name="李四", relation="配偶", id_number=resident_id(date(1962, 3, 1), False, 2)),
        MINOR])
    tid = task_id(services, r.application_id)
    info = issue(services, township, r.application_id, tid, "visit_form", "D")
    text = text_of(info.path)
    assert "入户调查表" in text and "（最低生活保障）" in text
    for name in ("张三", "李四", "李小花"):  # every member prefilled (the form stays in the file)
        assert name in text
    assert text.count("调查人（签字）：") == 2
    assert "申请人（家庭成员）确认签字（捺印）" in text
    assert "工资性收入" in text and "600.00" in text  # the declared income lines
    assert resident_id() not in text  # masked ID numbers only
    assert resident_id()[:6] + "********" + resident_id()[-4:] in text
    with services.ctx.db.read() as s:
        doc = s.scalars(select(Document).where(Document.kind == "visit_form")).one()
        assert doc.template_version == "3" and doc.number == f"{r.number}-D1"
        data = json.loads(doc.data)
    assert data["visit"]["recorded"] is False
    assert [i["code"] for i in data["items"]] == ["DIBAO"]
    # masked numbers only, in the snapshot too (it is kept and sent to the county)
    assert not re.search(r"\d{17}[\dXx]", json.dumps(data))


def test_visit_form_prints_the_recorded_visit(services, township):
    r = accept(services, township)
    tid = task_id(services, r.application_id)
    add_stage(services, township, r.application_id, tid, "visit", date(2026, 11, 25),
              done_on=date(2026, 11, 25), people=["王芳", "赵\U0002123C"],
              text="住房为砖混结构自建房，收入与申报一致")
    info = issue(services, township, r.application_id, tid, "visit_form", "D")
    text = text_of(info.path)
    assert "2026年11月25日" in text and "住房为砖混结构自建房，收入与申报一致" in text
    assert "王芳" in text and "赵\U0002123C" in text  # a rare character prints
    fonts = fonts_of(info.path)
    assert "UMing" in fonts and all(line.split()[-5] == "yes"
                                    for line in fonts.splitlines()[2:])  # embedded


# -- 审核确认表 / 初审意见表 ---------------------------------------------------------------------

def test_decision_form_title_follows_who_decides_and_lists_the_steps(services, township):
    r = accept(services, township)
    tid = task_id(services, r.application_id)
    add_stage(services, township, r.application_id, tid, "visit", date(2026, 11, 25),
              done_on=date(2026, 11, 25), people=["王芳", "刘强"], text="与申报一致")
    add_stage(services, township, r.application_id, tid, "check", date(2026, 11, 25),
              done_on=date(2026, 12, 1), outcome="match", ref="HD-2026-0042")
    add_stage(services, township, r.application_id, tid, "first_review", date(2026, 12, 9),
              done_on=date(2026, 12, 9), outcome="approved", text="符合低保条件",
              amount_fen=52000)
    info = issue(services, township, r.application_id, tid, "decision_form", "S")
    text = text_of(info.path)
    # 低保 is confirmed by the county by default: the township's form is the 初审意见表
    assert "最低生活保障初审意见表" in text and "审核确认表" not in text.replace(
        "县级民政部门审核确认意见", "")
    assert "入户调查" in text and "王芳、刘强" in text
    assert "信息核对" in text and "核对一致" in text and "HD-2026-0042" in text
    assert "乡镇（街道）初审意见" in text and "符合低保条件" in text
    assert squash("每月 520.00 元") in text
    assert "县级民政部门审核确认意见" in text and squash("（县级民政部门 盖章）") in text
    assert resident_id() not in text
    with services.ctx.db.read() as s:
        data = json.loads(s.scalars(select(Document).where(
            Document.kind == "decision_form")).one().data)
    assert data["title"] == "最低生活保障初审意见表"
    assert not re.search(r"\d{17}[\dXx]", json.dumps(data))
    assert data["figures"]["available"] is True
    assert data["figures"]["gross"] == "800.00"  # the calculation stored at intake


def test_decision_form_of_a_township_decision_is_the_confirmation_form(services, township):
    r = accept(services, township)
    tid = task_id(services, r.application_id)
    with services.ctx.db.transaction() as s:
        from desktop_app.core.models import RequestedItem

        s.get_one(RequestedItem, tid).decider_code = "TOWNSHIP"
    add_stage(services, township, r.application_id, tid, "decision", date(2026, 12, 11),
              outcome="approved", text="同意纳入", amount_fen=60000,
              details={"period_from": "2026-12-01", "period_to": "2027-11-30"})
    text = text_of(issue(services, township, r.application_id, tid, "decision_form", "S").path)
    assert "最低生活保障审核确认表" in text and "初审意见表" not in text
    assert "审核确认意见" in text and "同意纳入" in text and squash("每月 600.00 元") in text
    assert "2026年12月至2027年11月" in text
    assert "县级民政部门审核确认意见" not in text


def test_a_corrected_step_prints_only_its_correction(services, township):
    r = accept(services, township)
    tid = task_id(services, r.application_id)
    add_stage(services, township, r.application_id, tid, "visit", date(2026, 11, 25),
              people=["王芳", "刘强"], text="初次记录有误")
    with services.ctx.db.read() as s:
        first = s.scalars(select(TaskStage)).one().id
    add_stage(services, township, r.application_id, tid, "visit", date(2026, 11, 25),
              people=["王芳", "刘强"], text="更正后的调查情况", replaces_id=first)
    text = text_of(issue(services, township, r.application_id, tid, "decision_form", "S").path)
    assert "更正后的调查情况" in text and "初次记录有误" not in text


# -- 延期告知书 -------------------------------------------------------------------------------

@pytest.mark.parametrize("before, after", [("due_before", "due_after"),
                                           ("old_due", "new_due")])  # (the stage service's)
def test_extension_notice_names_the_old_and_new_due_dates(services, township, before, after):
    r = accept(services, township)
    tid = task_id(services, r.application_id)
    add_stage(services, township, r.application_id, tid, "extension", date(2026, 12, 18),
              text="外省就业收入需函询核实",
              details={"days": 15, before: "2026-12-22", after: "2027-01-13"})
    info = issue(services, township, r.application_id, tid, "extension_notice", "Y")
    text = text_of(info.path)
    assert "社会救助事项延期办理告知书" in text
    assert "2026年12月22日" in text and "2027年1月13日" in text
    assert squash("延长 15 个工作日") in text and "外省就业收入需函询核实" in text
    assert "送达回证" in text and squash("（乡镇人民政府/街道办事处 盖章）") in text


def test_extension_notice_works_out_the_old_due_date_from_the_calendar(services, township):
    r = accept(services, township)
    tid = task_id(services, r.application_id)
    with services.ctx.db.transaction() as s:
        from desktop_app.core.models import RequestedItem

        task = s.get_one(RequestedItem, tid)
        old = task.due_date
        task.due_date = services.ctx.calendar(s).add_workdays(old, 15).date
        task.extended_days = 15
        new = task.due_date
    add_stage(services, township, r.application_id, tid, "extension", date(2026, 11, 30),
              text="需补充核对")
    info = issue(services, township, r.application_id, tid, "extension_notice", "Y")
    with services.ctx.db.read() as s:
        doc_data = json.loads(s.get_one(Document, info.id).data)
    assert doc_data["extension"]["due_before"] == old.isoformat()
    assert doc_data["extension"]["due_after"] == new.isoformat()
    assert doc_data["extension"]["days"] == 15


def test_a_task_form_needs_exactly_one_task(services, township):
    r = accept(services, township, items=("DIBAO", "MEDICAL"))
    with services.ctx.db.transaction() as s, pytest.raises(ValueError):
        app = s.get_one(Application, r.application_id)
        services.documents.create(s, app, "decision_form", f"{r.number}-S1",
                                  s.get_one(Staff, township), datetime.combine(services.ctx.today(), time(10)))


# -- 公示名单 ---------------------------------------------------------------------------------

def test_publicity_list_leaves_out_ids_minors_and_the_orphan_case(services, township):
    adult = accept(services, township, members=[ADULT_CHILD, MINOR])
    # a minor applicant's application: nothing of it is publicised
    kid = services.intake.decide(
        draft(services, name="王小军", id_number=resident_id(date(2014, 3, 3), True, 12),
              members=[MemberInput(name="王奶奶", relation="祖父母", guardian=True,
                                   id_number=resident_id(date(1950, 1, 1), False, 13))]),
        "accept", township)
    orphan = services.intake.decide(
        draft(services, name="陈建国", id_number=resident_id(seed=14),
              items=("DIBAO", "ORPHAN"),
              members=[MemberInput(name="陈孤儿", relation="孙子",
                                   id_number=resident_id(date(2016, 1, 1), True, 15))]),
        "accept", township)
    tasks = [task_id(services, adult.application_id), task_id(services, kid.application_id),
             task_id(services, orphan.application_id),
             task_id(services, orphan.application_id, "ORPHAN")]
    pending = issue_list(services, township, "publicity_list", tasks, date(2026, 11, 30))
    text = text_of(pending.path)
    assert "社会救助公示" in text and "公示期：2026年11月30日至2026年12月6日（共7天）" in text
    assert "张三" in text and "李大山" in text  # adults named
    assert "李小花" not in text  # a minor member's name is withheld
    assert "王小军" not in text and "王奶奶" not in text  # a minor applicant: nothing
    assert "陈建国" in text and "最低生活保障" in text
    assert "孤儿" not in text
    assert "陈孤儿" not in text
    assert not re.search(r"\d{6}(?:\d{8}|\*{8})\d{3}[\dXx]", text)  # no ID number at all
    assert pending.count == 2
    with services.ctx.db.read() as s:
        doc = s.scalars(select(ListDocument)).one()
        assert doc.kind == "publicity_list" and doc.template_version == "1" and doc.sha256
        assert "-20261130-GS01" in doc.number
        snapshot = doc.data
    assert "李小花" not in snapshot and "王小军" not in snapshot  # nor in the stored data


def test_publicity_list_prints_where_to_object_from_the_setting(services, township):
    r = accept(services, township)
    with services.ctx.db.transaction() as s:
        services.ctx.put_setting(s, "publicity_objection",
                                 {"phone": "0856-5551234", "address": "镇民政办 203 室"}, None)
    pending = issue_list(services, township, "publicity_list",
                         [task_id(services, r.application_id)], date(2026, 11, 30),
                         ends_on=date(2026, 12, 6))
    text = text_of(pending.path)
    assert "0856-5551234" in text and squash("镇民政办 203 室") in text
    second = issue_list(services, township, "publicity_list",
                        [task_id(services, r.application_id)], date(2026, 11, 30))
    assert second.document.number.endswith("-20261130-GS02")


def test_publicity_end_defaults_to_the_recorded_step(services, township):
    r = accept(services, township)
    tid = task_id(services, r.application_id)
    add_stage(services, township, r.application_id, tid, "publicity", date(2026, 12, 1),
              ends_on=date(2026, 12, 7))
    pending = issue_list(services, township, "publicity_list", [tid], date(2026, 12, 1))
    assert "2026年12月1日至2026年12月7日" in text_of(pending.path)


# -- 上报清单 ---------------------------------------------------------------------------------

def test_report_list_has_one_row_per_task_with_the_first_review(services, township):
    a = accept(services, township)
    b = accept(services, township, name="王五", seed=7)
    ta, tb = task_id(services, a.application_id), task_id(services, b.application_id)
    add_stage(services, township, a.application_id, ta, "first_review", date(2026, 12, 9),
              outcome="approved", text="符合条件", amount_fen=52000)
    add_stage(services, township, b.application_id, tb, "first_review", date(2026, 12, 9),
              outcome="refused", text="人均收入高于标准")
    pending = issue_list(services, township, "report_list", [tb, ta], date(2026, 12, 10))
    text = text_of(pending.path)
    assert "社会救助审核确认上报清单" in text and "县民政局" in text
    assert "同意：符合条件" in text and "不同意：人均收入高于标准" in text
    assert squash("每月 520.00 元") in text
    assert a.number in text and b.number in text
    assert resident_id() not in text and resident_id(seed=7) not in text
    assert text.index(a.number) < text.index(b.number)  # in number order
    assert pending.document.number.endswith("-20261210-SB01")
    assert pending.document.department == "MCA"
    # the generic re-render of a list (handover.list_pdf) gives the recorded bytes
    pending.path.unlink()
    path = services.handling.list_pdf(pending.document.id)
    assert path.exists()
