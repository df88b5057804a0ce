"""Issue 13: the county's 审核确认 reaches the township in a return package.

* End to end at the service level: a 低保 accepted, visited, checked, 初审, publicised and
  reported (报县) at the township; its export ingested by the real county receiver, the
  county's confirmation recorded there and put in a return package
  (tests/helpers/county_return.py); the township imports it — the task gets its
  ``county`` step (source ``county_return``) and its result, the application closes.
* A confirmation for a task the township does not have, or has decided already, or one
  the stage rules refuse, is not recorded: the clerk is told why in Chinese, and the rest
  of the package (acknowledgements, feedback) applies; the audit chain stays intact.
"""

from __future__ import annotations

import json
from datetime import date, datetime

from sqlalchemy import select

from desktop_app.core.models import Application, Event, RequestedItem, TaskStage
from desktop_app.core.services.events import verify_log
from desktop_app.core.services.handling import StageInput
from desktop_app.core.vocab import ApplicationStatus, TaskStatus
from sync_contract import envelope as env
from tests.helpers.county_return import county_confirmation_return
from tests.helpers.drafts import draft, resident_id
from tests.helpers.sync import db_digest, feedback, make_return, referred_task

DOC = "碧民审〔2026〕12号"


def _at(clock, day: date) -> None:
    clock.now = datetime(day.year, day.month, day.day, 10, 0)


def _accept(services, township, seed: int) -> tuple[int, int]:
    """A 低保 accepted (the county decides): (application id, task id)."""
    r = services.intake.decide(draft(services, items=("DIBAO",), id_number=resident_id(seed=seed)),
                               "accept", township)
    return r.application_id, next(t.task_id for t in services.handling.tasks_for_application(
        r.application_id) if t.item_code == "DIBAO")


def _forward(clock, day: date) -> None:
    if clock.now < datetime(day.year, day.month, day.day, 10, 0):
        _at(clock, day)


def _walk(services, township, clock, task: int) -> None:
    """The township's steps up to 报县 on 2026-12-02 (accepted on 2026-11-24)."""
    def step(stage: str, on: str, **kw) -> None:
        services.handling.record_stage(task, StageInput(stage=stage, started_on=on, **kw),
                                       township)

    step("visit", "2026-11-24", people=("王芳", "李强"), text="住房简陋，无稳定收入")
    step("check", "2026-11-24", done_on="2026-11-24", outcome="match", ref="HD-2026-1")
    step("first_review", "2026-11-24", outcome="approved", text="拟同意")
    step("publicity", "2026-11-24")
    _forward(clock, date(2026, 12, 2))
    step("publicity", "2026-11-24", done_on="2026-12-02", outcome="no_objection")
    step("report", "2026-12-02", ref="SB-1")
    _forward(clock, date(2026, 12, 10))


def _reported_dibao(services, township, clock, *, seed: int = 31) -> tuple[int, int]:
    """A 低保 (the county decides) accepted on 2026-11-24 and taken through the
    township's steps up to 报县 on 2026-12-02. Returns (application id, task id)."""
    _at(clock, date(2026, 11, 24))
    app_id, task = _accept(services, township, seed)
    _walk(services, township, clock, task)
    return app_id, task


def _task(services, task_id: int) -> RequestedItem:
    with services.ctx.db.read() as s:
        task = s.get(RequestedItem, task_id)
        assert task is not None
        s.expunge(task)
        return task


def _events(services, action: str) -> list[dict]:
    with services.ctx.db.read() as s:
        return [json.loads(e.detail) for e in s.scalars(
            select(Event).where(Event.action == action).order_by(Event.seq))]


def test_a_county_confirmation_from_a_real_return_closes_the_task(services, township, clock,
                                                                   tmp_path):
    app_id, task_id = _reported_dibao(services, township, clock)
    path = county_confirmation_return(
        services, township, tmp_path / "county", [task_id], outcome="approved",
        decided_on="2026-12-09", amount_fen=60000, period_from="2027-01-01",
        period_to="2027-12-31", document_number=DOC, text="同意纳入农村低保")
    assert path.suffix == ".twret"
    res = services.sync.import_package(path, township)
    assert res.applied["confirmation"] == 1 and res.applied["ack"] >= 1
    assert res.notices == [] and app_id in res.changes.applications
    task = _task(services, task_id)
    assert (task.task_status, task.result_on, task.amount_fen, task.period_from,
            task.period_to) == (TaskStatus.DONE, date(2026, 12, 9), 60000, date(2027, 1, 1),
                                date(2027, 12, 31))
    assert task.result_text == "同意纳入农村低保"
    with services.ctx.db.read() as s:
        app = s.get(Application, app_id)
        assert app is not None and app.status == ApplicationStatus.CLOSED
        [county] = s.scalars(select(TaskStage).where(TaskStage.item_id == task_id,
                                                     TaskStage.stage == "county")).all()
        assert (county.source, county.outcome, county.ref, county.started_on,
                county.amount_fen) == ("county_return", "approved", DOC, date(2026, 12, 9),
                                       60000)
        assert verify_log(s) is None
    stage_events = [e for e in _events(services, "task.stage") if e.get("stage") == "county"]
    assert stage_events and stage_events[-1].get("source") == "county_return"
    # the same return again: already applied, nothing changes
    before = db_digest(services.ctx.db.data_dir)
    again = services.sync.import_package(path, township)
    assert again.already_applied and db_digest(services.ctx.db.data_dir) == before
    # the county step travels back to the county with the next export
    out = tmp_path / "usb2"
    out.mkdir()
    exported = services.sync.export(out, township)
    assert exported is not None and exported.counts["task_stage"] >= 1


def test_a_refused_confirmation_also_closes_the_task(services, township, clock, tmp_path):
    _, task_id = _reported_dibao(services, township, clock)
    path = county_confirmation_return(services, township, tmp_path / "county", [task_id],
                                      outcome="refused", decided_on="2026-12-09",
                                      document_number=DOC, text="家庭财产超过规定")
    res = services.sync.import_package(path, township)
    assert res.applied["confirmation"] == 1
    task = _task(services, task_id)
    assert (task.task_status, task.amount_fen, task.result_text) == (
        TaskStatus.REFUSED, None, "家庭财产超过规定")


def _crafted_confirmation(task_uuid: str, **over) -> dict:
    rec = {"task_uuid": task_uuid, "outcome": "approved", "decided_on": "2026-12-09",
           "amount_fen": 60000, "period_from": None, "period_to": None,
           "document_number": DOC, "text": "同意"}
    rec.update(over)
    return rec


def test_confirmations_the_township_cannot_record_are_told_and_the_rest_applies(
        services, synced, county, clock, tmp_path):
    """Crafted by a county that did not check (or an older county copy): an unknown task,
    a task decided already, a task never reported (the stage rules refuse it, with their
    reason) — each named in Chinese; the department feedback in the same package and
    the good confirmation are applied; the audit chain holds."""
    _at(clock, date(2026, 11, 24))
    _, reported = _accept(services, synced, 41)
    _, decided = _accept(services, synced, 42)
    _, unreported = _accept(services, synced, 43)
    referred = referred_task(services, synced)
    _walk(services, synced, clock, reported)
    _walk(services, synced, clock, decided)
    services.handling.record_stage(decided, StageInput(
        stage="county", started_on="2026-12-09", outcome="refused", text="纸质回复：不符合",
        source="paper"), synced)
    uuid = {t: _task(services, t).uuid for t in (reported, decided, unreported)}
    unknown = "0b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d"
    path = make_return(tmp_path / "r1.twret", services, county, 1, {
        "confirmation": [_crafted_confirmation(unknown),
                         _crafted_confirmation(uuid[decided]),
                         _crafted_confirmation(uuid[unreported]),
                         _crafted_confirmation(uuid[reported])],
        "feedback": [feedback(referred.uuid, result_on="2026-12-09", signed_on="2026-12-09")]})
    res = services.sync.import_package(path, synced)
    assert res.applied["confirmation"] == 1 and res.applied["feedback"] == 1
    assert len(res.notices) == 3, res.notices
    assert all(n.startswith("县级审核确认未登记：") for n in res.notices)
    assert "在本乡镇不存在" in res.notices[0]
    assert "已有审核确认结果" in res.notices[1]
    assert "入户调查" in res.notices[2]           # the stage rules' own reason
    assert all("\n" not in n for n in res.notices)
    assert [x.split(":")[1].strip() for x in res.skipped] == [
        "unknown task", "already decided", "refused by the stage rules"]
    assert _task(services, reported).task_status == TaskStatus.DONE
    assert _task(services, decided).task_status == TaskStatus.REFUSED      # unchanged
    assert _task(services, unreported).task_status != TaskStatus.DONE
    assert _task(services, referred.id).task_status == TaskStatus.DONE
    with services.ctx.db.read() as s:
        assert verify_log(s) is None
        assert s.scalars(select(TaskStage).where(TaskStage.item_id == unreported,
                                                 TaskStage.stage == "county")).all() == []
    [refusal] = _events(services, "import.confirmation_refused")
    assert refusal["task_id"] == unreported and refusal["return_package"] == 1
    assert "入户调查" in refusal["reason"]


def test_a_format_2_return_still_imports(services, synced, county, tmp_path):
    path = make_return(tmp_path / "v2.twret", services, county, 1, {}, version=2)
    with env.open_package(path, [services.sync.keys.age_identity],
                          [county.signing_key.public_key()]) as pkg:
        assert pkg.version == 2 and "data/confirmation.jsonl" not in pkg.manifest["members"]
    res = services.sync.import_package(path, synced)
    assert not res.already_applied and res.applied["confirmation"] == 0
