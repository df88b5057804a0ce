"""Temporary assistance under control (issue 13 point 5) through the real services and
database: the 24-hour 先行救助 clock (泰安 "急难对象24小时先行救助制度"), 补齐手续 with its
reprinted checklist, 个案会商 / 一事一议, 跟进救助, the amount bands and the ceiling read
from the catalogue."""

from __future__ import annotations

import json
from datetime import datetime, timedelta

import pytest
from sqlalchemy import func, select

from desktop_app.core.errors import ValidationErrors
from desktop_app.core.models import Document, Event, Material, TaskStage
from desktop_app.core.services import EmergencyInput, Feedback
from desktop_app.core.services.handling.temporary import ConferenceInput, FollowupInput
from tests.core.test_handling_service import pdf_text
from tests.helpers.drafts import draft, resident_id

NOW = datetime(2026, 11, 24, 10, 0)


def accept(services, township, items=("LINSHI_URGENT",), missing=(), **kw):
    d = draft(services, items=items, urgent=True, **kw)
    if missing:  # accepted urgently without these materials
        from dataclasses import replace

        d = replace(d, items=[replace(i, materials={
            c: ("missing" if c in missing else s) for c, s in i.materials.items()})
            for i in d.items])
    return services.intake.decide(d, "accept", township)


def row_of(services, app_id, code="LINSHI_URGENT", **kw):
    return next(t for t in services.handling.tasks_for_application(app_id, **kw)
                if t.item_code == code)


def open_row(services, task_id):
    return next((r for r in services.handling.tasks() if r.task_id == task_id), None)


def count(services, model, *where) -> int:
    with services.ctx.db.read() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where)) or 0


# -- the 24-hour clock --------------------------------------------------------------------

def test_an_urgent_acceptance_starts_the_24_hour_clock(services, township, clock):
    clock.now = NOW
    r = accept(services, township)
    t = row_of(services, r.application_id)
    assert t.first_aid_due_at == NOW + timedelta(hours=24)
    assert (t.state, t.first_aid_hours_left) == ("due_soon", 24)
    clock.now = NOW + timedelta(hours=19, minutes=30)
    assert open_row(services, t.task_id).first_aid_hours_left == 4
    assert services.handling.overdue() == []
    clock.now = NOW + timedelta(hours=24, minutes=1)
    late = open_row(services, t.task_id)
    assert (late.state, late.first_aid_hours_left) == ("overdue", -1)
    assert [o.task_id for o in services.handling.overdue()] == [t.task_id]


def test_an_ordinary_acceptance_of_the_urgent_item_starts_no_clock(services, township, clock):
    """急难型 accepted in the ordinary way (not as an emergency, materials complete):
    its working-day limit applies, no 24-hour clock (review of 2026-12-07)."""
    clock.now = NOW
    r = services.intake.decide(draft(services, items=("LINSHI_URGENT",)), "accept", township)
    clock.now = NOW + timedelta(hours=30)
    t = row_of(services, r.application_id)
    assert (t.first_aid_due_at, t.first_aid_hours_left) == (None, None)
    assert t.state != "overdue"


def test_other_items_get_no_clock(services, township):
    r = accept(services, township, items=("LINSHI_EXPENSE",))
    t = row_of(services, r.application_id, "LINSHI_EXPENSE")
    assert t.first_aid_due_at is None and t.first_aid_hours_left is None


def test_a_first_aid_payment_meets_the_clock(services, township, clock):
    clock.now = NOW
    r = accept(services, township)
    clock.now = NOW + timedelta(hours=3)
    services.handling.record_emergency(r.application_id, EmergencyInput(
        "800", "现金", "房屋失火"), township)
    clock.now = NOW + timedelta(hours=30)
    t = row_of(services, r.application_id)
    assert t.first_aid_hours_left is None and t.state != "overdue"


def test_a_result_or_an_escalation_stops_the_clock(services, township, clock):
    clock.now = NOW
    a = accept(services, township)
    b = accept(services, township, name="王五", id_number=resident_id(seed=7), members=[])
    ta, tb = row_of(services, a.application_id), row_of(services, b.application_id)
    services.handling.record_feedback(ta.task_id, Feedback(
        "refused", NOW.date(), "经核实不符合条件"), township)
    services.handling.escalate(tb.task_id, "超过乡镇审批额度", township)
    clock.now = NOW + timedelta(hours=48)
    assert row_of(services, a.application_id).first_aid_hours_left is None
    assert row_of(services, b.application_id).first_aid_hours_left is None


def test_a_dated_local_setting_of_48_hours(services, township, clock):
    clock.now = NOW
    services.settings.update("first_aid_hours", [
        {"effective_from": "2026-12-01", "hours": 48}], township)
    before = accept(services, township)  # 2026-11-24: the catalogue's 24 hours
    assert row_of(services, before.application_id).first_aid_due_at == NOW + timedelta(hours=24)
    clock.now = datetime(2026, 12, 1, 9, 0)
    after = accept(services, township)
    assert row_of(services, after.application_id).first_aid_due_at == \
        datetime(2026, 12, 3, 9, 0)


@pytest.mark.parametrize("value", [
    [{"effective_from": "2026-01-01", "hours": 0}],
    [{"effective_from": "2026-01-01", "hours": 169}],
    [{"effective_from": "2026-13-01", "hours": 24}],
    [{"effective_from": "2026-01-01", "hours": "24"}],
    [{"effective_from": "2026-01-01", "hours": 24}, {"effective_from": "2026-01-01", "hours": 48}],
    {"hours": 24},
])
def test_bad_first_aid_settings_are_refused(services, township, value):
    with pytest.raises(ValidationErrors) as err:
        services.settings.update("first_aid_hours", value, township)
    assert err.value.errors[0].field == "first_aid_hours"


# -- 补齐手续 ------------------------------------------------------------------------------

def test_materials_of_an_urgent_case_are_recorded_later_and_the_checklist_reprinted(
        services, township, clock):
    clock.now = NOW
    r = accept(services, township, missing=("EMERGENCY_STATEMENT", "INTEGRITY_PLEDGE"))
    t = row_of(services, r.application_id)
    mats = {m.code: m.status for m in services.handling.task_materials(t.task_id)}
    assert mats["EMERGENCY_STATEMENT"] == "missing" and mats["INTEGRITY_PLEDGE"] == "missing"
    clock.now = NOW + timedelta(days=2)
    out = services.handling.record_paperwork(
        t.task_id, {"EMERGENCY_STATEMENT": "received"}, "2026-11-26", township,
        note="村委会出具情况说明")
    text = pdf_text(out.document.path)
    assert "临时救助补齐材料清单" in text
    assert "急难情况说明" in text and "尚缺 1 项材料" in text
    assert "2026年11月26日" in text
    out2 = services.handling.record_paperwork(
        t.task_id, {"INTEGRITY_PLEDGE": "committed"}, "2026-11-26", township)
    text2 = pdf_text(out2.document.path)
    assert "以上材料已全部补齐" in text2 and "告知承诺" in text2
    assert out2.document.number.endswith("-B2")
    mats = {m.code: m.status for m in services.handling.task_materials(t.task_id)}
    assert (mats["EMERGENCY_STATEMENT"], mats["INTEGRITY_PLEDGE"]) == ("received", "committed")
    with services.ctx.db.read() as s:
        rows = s.scalars(select(TaskStage).where(TaskStage.item_id == t.task_id)).all()
        events = s.scalars(select(Event).where(Event.action == "task.stage")).all()
    assert [(x.stage, x.outcome) for x in rows] == [("paperwork", "partial"),
                                                    ("paperwork", "complete")]
    assert json.loads(rows[0].details)["materials"] == {"EMERGENCY_STATEMENT": "received"}
    assert [json.loads(e.detail)["stage"] for e in events] == ["paperwork", "paperwork"]
    views = services.handling.temporary_records(t.task_id)
    assert [v.label for v in views] == ["补齐手续", "补齐手续"]
    assert "急难情况说明已收取" in views[0].summary


@pytest.mark.parametrize(("materials", "on", "field"), [
    ({}, "2026-11-24", "materials"),                              # nothing changed
    ({"EMERGENCY_STATEMENT": "missing"}, "2026-11-24", "materials"),  # same status
    ({"EMERGENCY_STATEMENT": "na"}, "2026-11-24", "materials.EMERGENCY_STATEMENT"),
    ({"DIBAO_CERT": "received"}, "2026-11-24", "materials.DIBAO_CERT"),
    ({"EMERGENCY_STATEMENT": "received"}, "2026-11-25", "on"),     # after today
    ({"EMERGENCY_STATEMENT": "received"}, "2026-11-23", "on"),     # before the intake
])
def test_bad_paperwork_is_refused_and_nothing_written(services, township, clock, materials,
                                                      on, field):
    clock.now = NOW
    r = accept(services, township, missing=("EMERGENCY_STATEMENT",))
    t = row_of(services, r.application_id)
    docs = count(services, Document)
    with pytest.raises(ValidationErrors) as err:
        services.handling.record_paperwork(t.task_id, materials, on, township)
    assert err.value.errors[0].field == field
    assert str(err.value)  # a Chinese message
    assert count(services, TaskStage) == 0 and count(services, Document) == docs
    assert count(services, Material, Material.status == "received",
                 Material.code == "EMERGENCY_STATEMENT") == 0


# -- 个案会商 / 一事一议 ----------------------------------------------------------------------

def test_a_conference_within_the_township_above_its_ceiling_is_refused(services, township):
    r = accept(services, township, items=("LINSHI_EXPENSE",))
    t = row_of(services, r.application_id, "LINSHI_EXPENSE")
    with pytest.raises(ValidationErrors) as err:
        services.handling.record_conference(t.task_id, ConferenceInput(
            "2026-11-24", ("张主任", "李委员"), "approved", "同意救助", "50000"), township)
    assert [e.code for e in err.value.errors] == ["ceiling"]
    assert count(services, TaskStage) == 0


def test_a_conference_that_reports_to_the_county_escalates_in_the_same_step(
        services, township):
    r = accept(services, township, items=("LINSHI_EXPENSE",))
    t = row_of(services, r.application_id, "LINSHI_EXPENSE")
    out = services.handling.record_conference(t.task_id, ConferenceInput(
        "2026-11-24", ("张主任", "李委员", "王站长"), "escalate",
        "重病支出大，一事一议报县审批", "50,000"), township)
    assert "县民政局" in pdf_text(out.document.path)
    after = row_of(services, r.application_id, "LINSHI_EXPENSE")
    assert (after.status, after.handler_code) == ("to_refer", "MCA")
    views = services.handling.temporary_records(t.task_id)
    assert views[0].label == "个案会商"
    assert "报县审批，50,000.00 元；参加人：张主任、李委员、王站长" in views[0].summary
    with services.ctx.db.read() as s:
        actions = [e.action for e in s.scalars(select(Event).order_by(Event.seq))][-3:]
    assert "emergency.escalate" in actions and "task.stage" in actions
    # listed in the detail's history (the timeline), participants included
    steps = [st.text for st in services.handling.timeline(r.application_id)]
    assert "个案会商：临时救助（支出型），报县审批，50,000.00 元；参加人：张主任、李委员、王站长；" \
           "重病支出大，一事一议报县审批" in steps


@pytest.mark.parametrize(("inp", "fields"), [
    (ConferenceInput("2026-11-24", ("张主任",), "refused", "不符合条件"), ["people"]),
    (ConferenceInput("2026-11-24", ("张主任", "李委员"), "maybe", "x"), ["outcome"]),
    (ConferenceInput("2026-11-24", ("张主任", "李委员"), "approved", "同意"), ["amount"]),
    (ConferenceInput("2026-11-24", ("张主任", "李委员"), "refused", ""), ["text"]),
])
def test_bad_conferences_are_refused(services, township, inp, fields):
    r = accept(services, township, items=("LINSHI_EXPENSE",))
    t = row_of(services, r.application_id, "LINSHI_EXPENSE")
    with pytest.raises(ValidationErrors) as err:
        services.handling.record_conference(t.task_id, inp, township)
    assert [e.field for e in err.value.errors] == fields
    assert count(services, TaskStage) == 0


def test_a_followup_is_recorded(services, township):
    r = accept(services, township)
    t = row_of(services, r.application_id)
    services.handling.record_followup(t.task_id, FollowupInput(
        "2026-11-24", "入户回访，已安排临时住所", "转介低保申请"), township)
    views = services.handling.temporary_records(t.task_id)
    assert [(v.code, v.summary) for v in views] == [
        ("followup", "入户回访，已安排临时住所；转介：转介低保申请")]
    with pytest.raises(ValidationErrors):
        services.handling.record_followup(t.task_id, FollowupInput("2026-11-24", ""), township)
    dibao = accept(services, township, items=("DIBAO",))
    with pytest.raises(ValidationErrors) as err:
        services.handling.record_followup(row_of(services, dibao.application_id, "DIBAO").task_id,
                                          FollowupInput("2026-11-24", "回访"), township)
    assert err.value.errors[0].field == "task"


# -- bands and the ceiling -------------------------------------------------------------------

def test_the_band_is_suggested_by_amount_and_cause(services, township):
    h = services.handling.band_hint("LINSHI_URGENT", "1500", "房屋失火，生活无着")
    assert h.by_amount.name == "二档" and h.by_cause.name == "三档" and not h.above
    assert services.handling.band_hint("LINSHI_EXPENSE", "50000").above
    assert services.handling.band_hint("LINSHI_URGENT", "abc").by_amount is None


def test_the_urgent_ceiling_reads_the_catalogue(services, township):
    """The catalogue's ``township_ceiling_yuan`` (the county's delegation, ¥3,000) bounds
    急难型 too: a higher local 先行救助 setting does not lift it, a lower one applies."""
    services.settings.update("emergency_ceiling_fen", 500_000, township)
    assert services.handling.temporary_ceiling("LINSHI_URGENT") == 300_000
    r = accept(services, township)
    with pytest.raises(ValidationErrors) as err:
        services.handling.record_emergency(r.application_id, EmergencyInput(
            "3500", "现金", "房屋失火"), township)
    assert "3,000.00" in str(err.value)
    services.settings.update("emergency_ceiling_fen", 200_000, township)
    assert services.handling.temporary_ceiling("LINSHI_URGENT") == 200_000
    assert services.handling.temporary_ceiling("LINSHI_EXPENSE") == 300_000
    out = services.handling.record_emergency(r.application_id, EmergencyInput(
        "1500", "现金", "房屋失火"), township)
    text = "".join(pdf_text(out.document.path).split())
    assert "本次发放后，本事项累计救助1,500.00元" in text
    assert "均未超过乡镇（街道）临时救助审批额度2,000.00元" in text


def test_the_record_names_the_cumulative_sums(services, township):
    a = accept(services, township)
    services.handling.record_emergency(a.application_id, EmergencyInput(
        "800", "现金", "突发疾病"), township)
    b = accept(services, township)
    out = services.handling.record_emergency(b.application_id, EmergencyInput(
        "500", "现金", "房屋失火"), township)
    text = "".join(pdf_text(out.document.path).split())
    assert "本次救助前本年度已获临时救助情况（共1次，合计800.00元）" in text
    assert "本次发放后，本事项累计救助500.00元，本家庭2026年累计获乡镇（街道）临时救助" \
           "1,300.00元，均未超过乡镇（街道）临时救助审批额度3,000.00元" in text


def test_the_overdue_command_counts_the_first_aid_clock_in_hours(tmp_path, capsys,
                                                                  monkeypatch):
    from datetime import date

    from desktop_app.cli import main
    from desktop_app.core.services import Services
    from desktop_app.core.services.demo import create_demo_township
    from tests.helpers.cli import as_user

    data = tmp_path / "d"
    services = Services.open(data)
    try:
        township = create_demo_township(services)
        accept(services, township)
    finally:
        services.close()
    later = (date.today() + timedelta(days=2)).isoformat()
    capsys.readouterr()
    assert main(as_user(monkeypatch, data, "clerk1") + ["overdue", "--date", later]) == 0
    out = capsys.readouterr()
    assert "（先行救助）\t先行救助超时" in out.out and "逾期 1 项" in out.err
