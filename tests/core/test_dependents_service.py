"""Dependent items (issue 13) through the real services and database: a 专项 item
accepted 待低保认定 waits for the household's 低保/特困, is released when it is
approved and flagged when it is refused; materials asked for at 审核确认 are not
missing at 受理."""

from __future__ import annotations

import json
import subprocess
from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop_app.core.errors import ValidationErrors
from desktop_app.core.models import Document, Event, RequestedItem
from desktop_app.core.services import Feedback, ItemInput
from desktop_app.core.services.handling.task_materials import (
    decision_material_errors,
    materials_due_at_decision,
)
from tests.helpers.drafts import all_received, draft, resident_id


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def items_with(services, codes, **statuses):
    """Every material received, but ``statuses`` (``"MEDICAL.ASSISTANCE_STATUS": "awaiting"``)."""
    out = []
    for code in codes:
        it = all_received(services, code)
        for key, status in statuses.items():
            item, mat = key.split(".")
            if item == code:
                it.materials[mat] = status
        out.append(ItemInput(code, it.materials))
    return out


AWAIT_MEDICAL = {"MEDICAL.ASSISTANCE_STATUS": "awaiting"}


def accept(services, township, codes, *, id_number=None, name="张三", urgent=False, **statuses):
    d = draft(services, name=name, items=(), **({"id_number": id_number} if id_number else {}),
              urgent=urgent)
    d.items[:] = items_with(services, codes, **statuses)
    return services.intake.decide(d, "accept", township)


def task(services, app_id, code):
    return next(t for t in services.handling.tasks_for_application(app_id) if t.item_code == code)


def events(services, action):
    with services.ctx.db.read() as s:
        return [json.loads(e.detail) for e in s.scalars(select(Event).where(Event.action == action)
                                                         .order_by(Event.seq))]


def without_procedure(services, task_id):
    """These tests are about what a result does to the waiting tasks, not about the
    审核确认 procedure: the 低保/特困 task is treated as accepted before the procedure
    existed, so its result may be recorded at once (the procedure path is tested in
    test_release_through_the_decision_step)."""
    with services.ctx.db.transaction() as s:
        s.get_one(RequestedItem, task_id).stage = None
    return task_id


def field_errors(exc: ValidationErrors) -> dict[str, str]:
    return {e.field: str(e) for e in exc.errors}


# --------------------------------------------------------------------- acceptance


def test_medical_accepted_awaiting_while_dibao_is_requested_waits(services, township):
    r = accept(services, township, ("DIBAO", "MEDICAL"), **AWAIT_MEDICAL, **{
        "DIBAO.BANK_ACCOUNT": "missing", "MEDICAL.BANK_ACCOUNT": "missing"})
    med = task(services, r.application_id, "MEDICAL")
    assert (med.waiting_for, med.waiting_label) == ("DIBAO", "待低保认定")
    assert med.status == "to_refer" and med.due_date is None and med.state == "ok"
    # not handed over while waiting: no 转办单 for the department, nothing on a list
    assert services.handling.departments_to_refer() == {}
    kinds = [(d.kind, d.number) for d in services.documents.for_application(r.application_id)]
    assert not [n for k, n in kinds if k == "referral"]
    assert [e["waiting_for"] for e in events(services, "task.wait")] == ["DIBAO"]
    # the receipt names the wait and the material asked for at 审核确认
    receipt = next(d for d in r.documents if d.kind == "receipt")
    text = pdf_text(receipt.path)
    assert "待低保认定，认定后起算" in text
    # (the applicant's copy lists the materials: both items' bank account rows)
    assert "救助对象身份证明" in text and text.count("审核确认时提供") == 2
    # never overdue while waiting, however long it waits
    far = services.handling.tasks(today=date(2027, 11, 1))
    assert next(t for t in far if t.item_code == "MEDICAL").state == "ok"
    assert "MEDICAL" not in {t.item_code for t in services.handling.overdue(today=date(2027, 11, 1))}


@pytest.mark.parametrize(("codes", "statuses", "field", "message"), [
    # nothing to wait for: 低保/特困 neither requested nor pending
    (("MEDICAL",), AWAIT_MEDICAL, "materials.MEDICAL.ASSISTANCE_STATUS",
     "只有在本次同时申请或尚在办理低保、特困时，才能选“待低保认定”"),
    # a material that proves no status
    (("DIBAO", "MEDICAL"), {"MEDICAL.MEDICAL_BILLS": "awaiting"}, "materials.MEDICAL.MEDICAL_BILLS",
     "不能选“待低保认定”"),
    # 低保边缘 is not what 救助对象身份证明 waits for here (catalogue depends_on: DIBAO, TEKUN)
    (("DIBAO_EDGE", "EDUCATION"), {"EDUCATION.ASSISTANCE_STATUS": "awaiting"},
     "materials.EDUCATION.ASSISTANCE_STATUS", "才能选“待低保认定”"),
])
def test_awaiting_refused_where_nothing_is_pending(services, township, codes, statuses, field,
                                                   message):
    d = draft(services, items=())
    d.items[:] = items_with(services, codes, **statuses)
    errors = field_errors(ValidationErrors(services.intake.validate(d)))
    assert message in errors[field]
    with pytest.raises(ValidationErrors):
        services.intake.decide(d, "accept", township)
    with services.ctx.db.read() as s:
        assert s.scalars(select(RequestedItem)).first() is None     # nothing written


def test_awaiting_allowed_while_the_status_is_pending_in_another_application(services, township):
    first = accept(services, township, ("TEKUN",))
    # a later visit, same applicant: only 医疗救助, 特困 still being handled
    second = accept(services, township, ("MEDICAL",), **AWAIT_MEDICAL)
    med = task(services, second.application_id, "MEDICAL")
    assert (med.waiting_for, med.waiting_label) == ("TEKUN", "待特困认定")
    assert services.intake.pending_status_items(resident_id()) == ["TEKUN", "MEDICAL"]
    # another person: nothing pending
    other = draft(services, name="王五", items=(), id_number=resident_id(seed=9))
    other.items[:] = items_with(services, ("MEDICAL",), **AWAIT_MEDICAL)
    assert "materials.MEDICAL.ASSISTANCE_STATUS" in field_errors(
        ValidationErrors(services.intake.validate(other)))
    # approving 特困 in the first application releases the task of the second
    tekun = task(services, first.application_id, "TEKUN")
    res = services.handling.record_feedback(without_procedure(services, tekun.task_id), Feedback(
        "done", "2026-11-24", "同意", amount="800"), township)
    assert second.application_id in res.changes.applications
    assert task(services, second.application_id, "MEDICAL").waiting_for == ""


# -------------------------------------------------------------------- release


def test_dibao_approved_releases_the_waiting_task(services, township, clock):
    r = accept(services, township, ("DIBAO", "MEDICAL"), **AWAIT_MEDICAL)
    clock.now = datetime(2026, 12, 21, 10, 0)         # a Monday, four weeks later
    dibao = task(services, r.application_id, "DIBAO")
    services.handling.record_feedback(without_procedure(services, dibao.task_id), Feedback(
        "done", "2026-12-18", "同意给予最低生活保障", amount="600"), township)
    med = task(services, r.application_id, "MEDICAL")
    assert med.waiting_for == "" and med.waiting_label == ""
    # the item's 20 working days count from the day of release (the day after it, as at 受理)
    with services.ctx.db.read() as s:
        expected = services.ctx.calendar(s).add_workdays(date(2026, 12, 21), 20).date
        req = s.get_one(RequestedItem, med.task_id)
        assert {m.code: m.status for m in req.materials}["ASSISTANCE_STATUS"] == "shared"
    # 2027 provisional: weekends and the statutory 元旦 (1 Jan) off — issue #14
    assert med.due_date == expected == date(2027, 1, 19)
    assert med.due_provisional
    release = events(services, "task.release")
    assert [(e["item"], e["waited_for"], e["released_by"], e["due_date"]) for e in release] == [
        ("MEDICAL", "DIBAO", "DIBAO", "2027-01-19")]
    # now on its way: its 转办单 issued at release, on the department's next list
    slip = release[0]["slip"]
    assert slip == f"{r.number}-Z1"
    assert services.handling.departments_to_refer() == {"HEALTHCARE": 1}
    listed = services.handling.issue_handover_list("HEALTHCARE", township).value
    assert [d.number for d in services.handling.list_slips(listed.id)] == [slip]
    text = pdf_text(services.documents.original_pdf(
        services.documents.find("referral", slip).id))
    assert "医疗救助" in text and "信息共享免提交" in text
    steps = [s.text for s in services.handling.timeline(r.application_id)]
    assert any("待低保认定" in t for t in steps) and any("解除等待" in t for t in steps)


def test_dibao_refused_flags_the_waiting_task_for_the_clerk(services, township, clock):
    r = accept(services, township, ("DIBAO", "MEDICAL"), **AWAIT_MEDICAL)
    dibao = task(services, r.application_id, "DIBAO")
    services.handling.record_feedback(without_procedure(services, dibao.task_id), Feedback(
        "refused", "2026-11-24", "家庭人均收入高于当地低保标准"), township)
    med = task(services, r.application_id, "MEDICAL")
    # not dropped, not released: still waiting, flagged with the day
    assert med.status == "to_refer" and med.waiting_for == "DIBAO"
    assert med.waiting_refused_on == date(2026, 11, 24) and med.due_date is None
    assert services.handling.departments_to_refer() == {}
    assert [e["waiting_for"] for e in events(services, "task.wait_refused")] == ["DIBAO"]
    assert any("未获认定" in s.text for s in services.handling.timeline(r.application_id))
    # the clerk decides: the household brought its 特困供养证 — received, released
    services.handling.record_task_materials(med.task_id, {"ASSISTANCE_STATUS": "received"},
                                            township)
    med = task(services, r.application_id, "MEDICAL")
    assert med.waiting_for == "" and med.waiting_refused_on is None and med.due_date is not None
    assert services.handling.departments_to_refer() == {"HEALTHCARE": 1}


def test_refused_dibao_hands_the_wait_to_a_pending_tekun(services, township):
    accept(services, township, ("TEKUN",))
    r = accept(services, township, ("DIBAO", "MEDICAL"), **AWAIT_MEDICAL)
    assert task(services, r.application_id, "MEDICAL").waiting_for == "DIBAO"
    dibao_id = without_procedure(services, task(services, r.application_id, "DIBAO").task_id)
    services.handling.record_feedback(dibao_id, Feedback(
        "refused", "2026-11-24", "不符合条件"), township)
    med = task(services, r.application_id, "MEDICAL")
    assert (med.waiting_for, med.waiting_refused_on) == ("TEKUN", None)


def test_clerk_cannot_mark_awaiting_on_a_task_that_does_not_wait(services, township):
    r = accept(services, township, ("MEDICAL",))
    med = task(services, r.application_id, "MEDICAL")
    with pytest.raises(ValidationErrors) as err:
        services.handling.record_task_materials(med.task_id, {"ASSISTANCE_STATUS": "awaiting"},
                                                township)
    assert "才能选“待低保认定”" in str(err.value)
    with pytest.raises(ValidationErrors) as err:
        services.handling.record_task_materials(med.task_id, {"MEDICAL_BILLS": "committed"},
                                                township)
    assert "不适用告知承诺" in str(err.value)


# ----------------------------------------------------------- materials at 审核确认


def test_bank_account_is_not_missing_at_intake(services, township):
    # 低保 with everything but the bank account: accepted, not a one-time notice
    r = accept(services, township, ("DIBAO",), **{"DIBAO.BANK_ACCOUNT": "missing"})
    assert r.status == "accepted"
    receipt = pdf_text(next(d for d in r.documents if d.kind == "receipt").path)
    assert "本人银行账户（社会保障卡）信息" in receipt and "审核确认时提供" in receipt
    # the decision step sees it as due, with a clear message until it is recorded
    t = task(services, r.application_id, "DIBAO")
    with services.ctx.db.read() as s:
        req = s.get_one(RequestedItem, t.task_id)
        assert [m.code for m in materials_due_at_decision(req, services.ctx.catalog)] == [
            "BANK_ACCOUNT"]
        assert "审核确认前须提供：本人银行账户（社会保障卡）信息" in str(
            decision_material_errors(req, services.ctx.catalog)[0])
    services.handling.record_task_materials(t.task_id, {"BANK_ACCOUNT": "received"}, township)
    with services.ctx.db.read() as s:
        req = s.get_one(RequestedItem, t.task_id)
        assert materials_due_at_decision(req, services.ctx.catalog) == []
        assert decision_material_errors(req, services.ctx.catalog) == []


def test_one_time_notice_lists_only_what_is_needed_at_intake(services, township):
    d = draft(services, items=())
    d.items[:] = items_with(services, ("DIBAO", "MEDICAL"), **{
        "DIBAO.BANK_ACCOUNT": "missing", "MEDICAL.BANK_ACCOUNT": "missing",
        "MEDICAL.ASSISTANCE_STATUS": "awaiting", "MEDICAL.DISCHARGE_SUMMARY": "missing"})
    r = services.intake.decide(d, "notice", township)
    text = pdf_text(next(doc for doc in r.documents if doc.kind == "notice_missing").path)
    assert "出院记录或诊断证明" in text
    assert "银行账户" not in text and "救助对象身份证明" not in text
    # 补正: the applicant brings the discharge summary; accepted, MEDICAL waits
    res = services.intake.decide_existing(
        r.application_id, {"MEDICAL": {"DISCHARGE_SUMMARY": "received"}}, "accept", township)
    assert res.status == "accepted"
    assert task(services, r.application_id, "MEDICAL").waiting_for == "DIBAO"
    with services.ctx.db.read() as s:
        slips = s.scalars(select(Document.number).where(Document.kind == "referral")).all()
    assert slips == []


def test_supplement_cannot_mark_awaiting_without_a_pending_status(services, township):
    d = draft(services, items=())
    d.items[:] = items_with(services, ("MEDICAL",), **{"MEDICAL.DISCHARGE_SUMMARY": "missing"})
    r = services.intake.decide(d, "notice", township)
    with pytest.raises(ValidationErrors) as err:
        services.intake.decide_existing(
            r.application_id, {"MEDICAL": {"DISCHARGE_SUMMARY": "received",
                                           "ASSISTANCE_STATUS": "awaiting"}}, "accept", township)
    assert "materials.MEDICAL.ASSISTANCE_STATUS" in field_errors(err.value)


def test_withdrawn_dibao_elsewhere_flags_the_waiting_task(services, township):
    first = accept(services, township, ("DIBAO",))
    second = accept(services, township, ("MEDICAL",), **AWAIT_MEDICAL)
    changes = services.intake.withdraw(first.application_id, "申请人主动撤回", township)
    assert second.application_id in changes.applications
    med = task(services, second.application_id, "MEDICAL")
    assert med.waiting_for == "DIBAO" and med.waiting_refused_on == date(2026, 11, 24)


def test_release_through_the_decision_step(services, township, clock):
    """The 低保's result recorded by its procedure's result step (审核确认 or 县级审核确认
    typed from the paper reply) releases the waiting task like a 回执 does."""
    from desktop_app.core.services.handling import StageInput
    from tests.helpers.stages import finish_procedure

    r = accept(services, township, ("DIBAO", "MEDICAL"), **AWAIT_MEDICAL)
    clock.now = datetime(2026, 12, 21, 10, 0)
    dibao = task(services, r.application_id, "DIBAO")
    day = finish_procedure(services, township, dibao.task_id, date(2026, 11, 24))
    step = services.handling.stage_plan(dibao.task_id).current
    assert step in ("decision", "county")
    services.handling.record_stage(dibao.task_id, StageInput(
        step, day, outcome="approved", amount="600", text="同意给予最低生活保障",
        source="township" if step == "decision" else "paper"), township)
    assert task(services, r.application_id, "DIBAO").status == "done"
    med = task(services, r.application_id, "MEDICAL")
    assert med.waiting_for == "" and med.due_date is not None
    assert [e["released_by"] for e in events(services, "task.release")] == ["DIBAO"]
