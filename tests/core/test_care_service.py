"""特困 care through the real services and database (issue 15): a self-care assessment
with the level from the dated setting, 集中 / 分散供养, the 委托照料协议 with its default
term and monthly standard, printed; the reminder lists; ending an agreement; bad input
refused in Chinese with nothing written; audit events and timeline lines."""

from __future__ import annotations

import json
from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from desktop_app.core.errors import PermissionDenied, ValidationErrors
from desktop_app.core.models import CarePlan, Document, Event
from desktop_app.core.rules import care as rules
from tests.helpers.care import dispersed, tekun_task
from tests.helpers.printing import squash


def written(services) -> tuple[int, int, int]:
    with services.ctx.db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) or 0
                     for m in (CarePlan, Document, Event))


def pdf_text(path) -> str:
    import subprocess
    return squash(subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                                 capture_output=True, text=True).stdout)


def test_a_dispersed_agreement_is_recorded_and_printed(services, township):
    app_id, task_id = tekun_task(services, township)
    result = services.care.record(task_id, dispersed(), township)
    assert result.level == rules.PARTIAL
    assert result.changes.applications == {app_id} and len(result.document_ids) == 2
    view = services.care.current(task_id)
    assert view is not None and view.person == "王德明"
    assert (view.failed_count, view.mode) == (2, "dispersed")
    # default term from the setting (12 months, ours), standard of the level (400.00, ours)
    assert (view.starts_on, view.ends_on) == (date(2026, 12, 1), date(2027, 11, 30))
    assert view.amount_fen == 40_000 and view.signed_on == date(2026, 11, 24)
    docs = {d.kind: d for d in services.documents.for_application(app_id)}
    agreement, form = docs["care_agreement"], docs["self_care_assessment"]
    assert agreement.number.endswith("-W1") and form.number.endswith("-P1")
    assert view.agreement_no == agreement.number
    text = pdf_text(services.documents.original_pdf(agreement.id))
    for expected in ("特困人员委托照料服务协议", "甲方（委托方）", "乙方（受托照料人）", "王建国",
                     "丙方（被照料人）", "王德明", "部分丧失生活自理能力",
                     "日常看护、生活照料、住院陪护", "400.00元", "肆佰元整",
                     "2026年12月1日起至2027年11月30日止", "第2页／共2页"):
        assert expected in text, expected
    form_text = pdf_text(services.documents.original_pdf(form.id))
    assert "6项指标中2项不能达到（自主穿衣、自主洗澡）" in form_text
    assert "李四、赵六" in form_text


def test_events_and_timeline_carry_no_names(services, township):
    app_id, task_id = tekun_task(services, township)
    services.care.record(task_id, dispersed(), township)
    with services.ctx.db.read() as s:
        ev = s.scalars(select(Event).where(Event.action == "care.assess")).one()
    assert "王建国" not in ev.detail and "13900000001" not in ev.detail
    assert json.loads(ev.detail)["level"] == "partial"
    lines = [st.text for st in services.handling.timeline(app_id)]
    assert any(t.startswith("生活自理能力评估：部分丧失生活自理能力（2项不能达到），分散供养；"
                            "签订委托照料协议") and "每月 400.00 元" in t for t in lines), lines


def test_centralized_support_needs_the_institution_and_prints_no_agreement(services, township):
    app_id, task_id = tekun_task(services, township)
    data = dispersed(mode="centralized", agreement=False, institution="",
                     indicators=dict.fromkeys(rules.INDICATOR_CODES, False))
    before = written(services)
    with pytest.raises(ValidationErrors) as err:
        services.care.record(task_id, data, township)
    assert [e.message for e in err.value.errors] == ["集中供养的，请填写供养服务机构名称"]
    assert written(services) == before
    result = services.care.record(task_id, dispersed(
        mode="centralized", institution="清水镇敬老院",
        indicators=dict.fromkeys(rules.INDICATOR_CODES, False)), township)
    assert result.level == rules.FULL and len(result.document_ids) == 1
    assert services.care.current(task_id).agreement_no == ""


@pytest.mark.parametrize(("change", "messages"), [
    ({"agreement": False}, ["分散供养且部分丧失生活自理能力的，须签订委托照料协议"]),
    ({"assessors": ["李四"]}, ["请填写至少 2 名评估人员"]),
    ({"indicators": {"eat": True}}, ["请评估“自主穿衣”：能或不能"]),
    ({"mode": ""}, ["请选择供养方式（集中供养或分散供养）"]),
    ({"caretaker_kind": "", "caretaker_name": " "}, ["请选择照料人类别", "请填写照料人姓名或机构名称"]),
    ({"services": []}, ["请选择至少一项照料服务内容"]),
    ({"ends_on": "2026-11-30"}, ["协议终止日期须不早于开始日期，期限不超过 60 个月"]),
    ({"assessed_on": "2026-11-25"}, None),          # the future: the date rule's message
    ({"caretaker_phone": "12"}, None),
])
def test_bad_input_is_refused_in_chinese_and_nothing_is_written(services, township, change,
                                                                 messages):
    _app, task_id = tekun_task(services, township)
    before = written(services)
    with pytest.raises(ValidationErrors) as err:
        services.care.record(task_id, dispersed(**change), township)
    got = [e.message for e in err.value.errors]
    if messages is not None:
        assert got == messages
    assert all(any("\u4e00" <= ch <= "\u9fff" for ch in m) for m in got)
    assert written(services) == before


def test_only_a_tekun_task_and_a_handling_role(services, township):
    from tests.helpers.drafts import draft
    r = services.intake.decide(draft(services), "accept", township)
    dibao = services.handling.tasks_for_application(r.application_id)[0].task_id
    with pytest.raises(ValidationErrors) as err:
        services.care.record(dibao, dispersed(), township)
    assert err.value.errors[0].key == "care.not_tekun"
    _app, task_id = tekun_task(services, township, seed=9)
    with pytest.raises(PermissionDenied):
        services.care.record(task_id, dispersed(), None)


def test_the_setting_in_force_on_the_assessment_day_gives_level_and_standard(
        services, township, clock):
    services.settings.update("care", [
        dict(rules.DEFAULT_ENTRY),
        {"effective_from": "2026-11-20", "full_from_failed": 2,
         "standards_fen": {"able": 0, "partial": 45_000, "full": 90_000},
         "term_months": 6, "remind_days": 45}], township)
    _app, task_id = tekun_task(services, township)
    result = services.care.record(task_id, dispersed(), township)
    view = services.care.current(task_id)
    assert result.level == rules.FULL and view.amount_fen == 90_000
    assert view.ends_on == date(2027, 5, 31)


def test_reminders_and_persons_without_agreement(services, township, clock):
    _a1, soon = tekun_task(services, township, name="王德明", seed=11)
    _a2, none = tekun_task(services, township, name="张大山", seed=12)
    _a3, unsigned = tekun_task(services, township, name="刘秀英", seed=13)
    _a4, open_task = tekun_task(services, township, name="陈老五", seed=14, done=False)
    services.care.record(soon, dispersed(starts_on="2025-12-10"), township)
    services.care.record(unsigned, dispersed(
        agreement=False, indicators=dict.fromkeys(rules.INDICATOR_CODES, True)), township)
    assert services.care.current(unsigned).level == rules.ABLE   # no agreement needed
    rows = services.care.ending_soon()
    assert [(r.task_id, r.problem, r.ends_on, r.days_left) for r in rows] == [
        (soon, "ending_soon", date(2026, 12, 9), 15)]
    missing = services.care.without_agreement()
    assert [(r.task_id, r.problem) for r in missing] == [(none, "no_assessment")]
    assert open_task not in {r.task_id for r in missing}   # not yet confirmed
    clock.now = datetime(2026, 12, 10, 9, 0)                # the agreement expired
    assert services.care.ending_soon() == []
    assert [(r.task_id, r.problem) for r in services.care.without_agreement()] == [
        (soon, "expired"), (none, "no_assessment")]
    # renewed: the new agreement follows on; the reminders are clear
    services.care.record(soon, dispersed(assessed_on="2026-12-10", starts_on="2026-12-10"),
                         township)
    assert [r.task_id for r in services.care.without_agreement()] == [none]
    history = services.care.history(soon)
    assert [h.replaced for h in history] == [False, True]


def test_ending_an_agreement(services, township, clock):
    _app, task_id = tekun_task(services, township)
    services.care.record(task_id, dispersed(starts_on="2026-11-01"), township)
    plan = services.care.current(task_id)
    before = written(services)
    with pytest.raises(ValidationErrors) as err:
        services.care.end(plan.plan_id, "2026-10-01", "", township)
    assert [e.message for e in err.value.errors] == ["请填写终止原因"]
    with pytest.raises(ValidationErrors) as err:
        services.care.end(plan.plan_id, "2026-10-31", "转为集中供养", township)
    assert [e.message for e in err.value.errors] == ["终止日期不能早于协议开始日期 2026-11-01"]
    assert written(services) == before
    changes = services.care.end(plan.plan_id, "2026-11-20", "转为集中供养", township)
    assert changes.applications == {plan.application_id}
    view = services.care.current(task_id)
    assert view.ended_on == date(2026, 11, 20) and not view.in_force(date(2026, 11, 24))
    assert [r.problem for r in services.care.without_agreement()] == ["ended"]
    with pytest.raises(ValidationErrors) as err:
        services.care.end(plan.plan_id, "2026-11-21", "x", township)
    assert err.value.errors[0].message == "该协议已于 2026-11-20 终止"
    with services.ctx.db.read() as s:
        ev = s.scalars(select(Event).where(Event.action == "care.end")).one()
    assert "转为集中供养" not in ev.detail
