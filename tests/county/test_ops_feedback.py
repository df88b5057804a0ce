"""``ops.township_status`` and the department scope: a department account sees and
answers only the tasks referred to its own department (applicant masked); every 回执
is audited in the same transaction, with codes only (docs/county-accounts.md)."""

from __future__ import annotations

import json
from datetime import date, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from county_receiver import audit, ops
from county_receiver.accounts import CountyActor, CountyRefused
from county_receiver.models import CountyAuditEvent, DepartmentFeedback
from tests.county.helpers import new_county, read_package

TODAY = date(2026, 11, 24)
OFFICER = CountyActor(7, "officer1", "经办人甲", "officer")


def _dept(code: str) -> CountyActor:
    return CountyActor(9, "dept-" + code.lower(), "部门", "department", code)


@pytest.fixture
def county(tmp_path, world):
    c = new_county(f"sqlite:///{tmp_path / 'county.sqlite3'}", world)
    for p in world.packages:
        c.ingest(p)
    yield c
    c.close()


@pytest.fixture
def records(world):
    """Every record of the two packages, newest version per uuid."""
    out: dict[str, dict[str, dict]] = {}
    for p in world.packages:
        _, recs = read_package(world, p)
        for t, rows in recs.items():
            for r in rows:
                out.setdefault(t, {})[r["uuid"]] = r
    return out


def _open(records) -> list[dict]:
    return [r for r in records["requested_item"].values()
            if r["task_status"] in ("referred", "signed", "in_progress")
            and r["handler_code"] not in ("", "TOWNSHIP")]


def test_status_rows(county, world, records):
    (row,) = ops.township_status(county, TODAY)
    want_overdue = sum(1 for r in _open(records) if r["due_date"] and r["due_date"] < str(TODAY))
    assert want_overdue >= 1                              # the demo has an overdue referral
    version = read_package(world, world.packages[1])[0]["format_version"]
    assert (row.code, row.last_package_seq, row.unacknowledged, row.last_return_seq,
            row.format_version, row.overdue_referrals) == (world.code, 2, 2, 0, version,
                                                           want_overdue)
    assert row.fingerprint_short and row.feedback_to_send == 0
    received = row.last_received_at.astimezone().date()
    assert ops.township_status(county, received)[0].days_since == 0
    late = ops.township_status(county, received + timedelta(days=ops.LATE_AFTER_DAYS + 1))[0]
    assert late.late and late.days_since == ops.LATE_AFTER_DAYS + 1
    assert not ops.township_status(county, received)[0].late


def test_status_of_a_township_that_sent_nothing(tmp_path, world):
    with new_county(f"sqlite:///{tmp_path / 'c.sqlite3'}", world) as c:
        (row,) = ops.township_status(c, TODAY)
    assert (row.last_package_seq, row.days_since, row.late, row.format_version) == (
        0, None, True, None)


def test_department_sees_only_its_tasks_masked(county, records):
    tasks = _open(records)
    dept = tasks[0]["handler_code"]
    mine = ops.open_tasks(county, _dept(dept), TODAY)
    assert {t.task_uuid for t in mine} == {r["uuid"] for r in tasks if r["handler_code"] == dept}
    assert all(t.department == dept for t in mine)
    names = {m["name"] for m in records["household_member"].values()}
    for t in mine:
        assert t.applicant_masked.endswith("*") and t.applicant_masked not in names
        assert t.application_number
    everyone = ops.open_tasks(county, OFFICER, TODAY)
    assert {t.task_uuid for t in everyone} == {r["uuid"] for r in tasks}
    with pytest.raises(CountyRefused) as err:              # another department: refused
        ops.open_tasks(county, _dept(dept), TODAY, department="OTHER")
    assert err.value.reason == "forbidden"


def test_feedback_scope_and_audit(county, records):
    tasks = _open(records)
    task = tasks[0]
    dept = task["handler_code"]
    stranger = _dept("JUSTICE" if dept != "JUSTICE" else "HRSS")
    digest = county.digest()
    with pytest.raises(CountyRefused) as err:
        ops.record_feedback(county, stranger, task["uuid"], "done", TODAY, amount_fen=100)
    assert err.value.reason == "forbidden" and "未转办给本部门" in err.value.message_zh
    with pytest.raises(CountyRefused):                    # nor by naming another department
        ops.record_feedback(county, _dept(dept), task["uuid"], "done", TODAY,
                            department="JUSTICE")
    assert county.digest() == digest
    with Session(county.engine) as s:
        assert s.scalars(select(CountyAuditEvent)).first() is None

    res = ops.record_feedback(county, _dept(dept), task["uuid"], "refused", TODAY,
                              text="不符合条件")
    assert res.record["department"] == dept and not res.replaced
    with Session(county.engine) as s:
        (fb,) = s.scalars(select(DepartmentFeedback))
        assert fb.department == dept and fb.result == "refused"
        (ev,) = s.scalars(select(CountyAuditEvent))
    detail = json.loads(ev.detail)
    assert (ev.action, ev.actor, detail["task_uuid"], detail["result"]) == (
        "feedback", "dept-" + dept.lower(), task["uuid"], "refused")
    assert "不符合条件" not in ev.detail                  # no free text, no names
    assert audit.verify_chain(county.engine).ok
    (listed,) = [t for t in ops.open_tasks(county, _dept(dept), TODAY)
                 if t.task_uuid == task["uuid"]]
    assert listed.feedback_recorded


def test_a_bad_feedback_writes_neither_row_nor_event(county, records):
    task = _open(records)[0]
    digest = county.digest()
    with pytest.raises(Exception) as err:
        ops.record_feedback(county, OFFICER, task["uuid"], "refused", TODAY)   # no text
    assert getattr(err.value, "reason", "") == "feedback_invalid"
    assert county.digest() == digest
    assert audit.verify_chain(county.engine).events == 0


def test_mask_name():
    assert [ops.mask_name(n) for n in ("张三", "欧阳小明", "李", "", None)] == [
        "张*", "欧***", "李*", "", ""]
