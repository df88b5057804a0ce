"""Clock sanity (issue 11, item 8): the rule (ok / behind / ahead, backward steps in the
audit trail), the guard before a document is numbered and dated, the recorded start-up
warning and ``desktop-app check`` on a trail whose time runs backwards.

The services' clock is the tests' settable ``Clock`` (tests/helpers/clock.py): audit
events are stamped by it too (``Database.clock``), so moving it back is the PC's clock
set back — nothing patches ``datetime``."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from sqlalchemy import func, select

from desktop_app.cli import main
from desktop_app.core.errors import ValidationError, ValidationErrors
from desktop_app.core.models import Application, Document, Event, NumberSeries
from desktop_app.core.rules import clock as rules
from desktop_app.core.rules.settings import validate_setting
from desktop_app.core.services.audit import ACTION_LABELS
from desktop_app.core.services.clock import CLOCK_EVENT, program_date
from tests.helpers.drafts import draft, resident_id

T0 = datetime(2026, 11, 24, 10, 0)
MIN, DAY = timedelta(minutes=1), timedelta(days=1)
#: A release date for the rule's table (the real one is data: resources/release.json).
RELEASE = datetime(2026, 12, 7)


# ------------------------------------------------------------------------------ the rule
@pytest.mark.parametrize("now,newest,state", [
    (T0, None, rules.OK),                          # an empty database: nothing to compare
    (T0, T0, rules.OK),
    (T0 + MIN, T0, rules.OK),
    (T0 - 9 * MIN, T0, rules.OK),                  # drift within the 10-minute tolerance
    (T0 - 10 * MIN, T0, rules.OK),                 # exactly the tolerance
    (T0 - 11 * MIN, T0, rules.BEHIND),
    (T0 - DAY, T0, rules.BEHIND),                  # set back a day
    (datetime(2000, 1, 1), T0, rules.BEHIND),      # a flat CMOS battery
    (RELEASE + 60 * DAY, T0, rules.OK),            # exactly the 60 days
    (RELEASE + 61 * DAY, T0, rules.AHEAD),         # far past the newest record and the release
    (RELEASE + 61 * DAY, None, rules.AHEAD),       # a fresh install far past the release
    (T0 + 70 * DAY, T0 + 20 * DAY, rules.OK),      # 50 days closed: a long holiday, fine
    (T0 + 200 * DAY, T0 + 100 * DAY, rules.AHEAD),
    (datetime(2036, 11, 24), T0, rules.AHEAD),     # a year typed wrong
])
def test_judge_with_the_default_limits(now, newest, state):
    verdict = rules.judge(now, newest, released=RELEASE.date())
    assert verdict.state == state
    assert verdict.ok == (state == rules.OK)
    if state == rules.BEHIND:
        assert verdict.gap == newest - now


@pytest.mark.parametrize("limits,now,state", [
    ({"tolerance_minutes": 1, "ahead_days": 60}, T0 - 2 * MIN, rules.BEHIND),
    ({"tolerance_minutes": 30, "ahead_days": 60}, T0 - 20 * MIN, rules.OK),
    ({"tolerance_minutes": 10, "ahead_days": 14}, RELEASE + 15 * DAY, rules.AHEAD),
    ({"tolerance_minutes": 10, "ahead_days": 730}, RELEASE + 700 * DAY, rules.OK),
])
def test_judge_follows_the_setting(limits, now, state):
    assert rules.judge(now, T0, rules.ClockLimits.of(limits), released=RELEASE.date()).state == state


@pytest.mark.parametrize("value,ok", [
    ({"tolerance_minutes": 10, "ahead_days": 60}, True),
    ({"tolerance_minutes": "5", "ahead_days": "30"}, True),
    ({"tolerance_minutes": 0, "ahead_days": 60}, False),
    ({"tolerance_minutes": 61, "ahead_days": 60}, False),
    ({"tolerance_minutes": 10, "ahead_days": 13}, False),
    ({"tolerance_minutes": 10, "ahead_days": 731}, False),
    ({"tolerance_minutes": True, "ahead_days": 60}, False),
    ({"tolerance_minutes": 10}, False),
    ({"tolerance_minutes": 10, "ahead_days": 60, "x": 1}, False),
    ("10", False),
    (None, False),
])
def test_the_setting_is_validated(value, ok):
    try:
        clean = validate_setting("clock_check", value)
    except ValidationError as exc:
        assert not ok and exc.key and exc.message
    else:
        assert ok and clean == {k: int(v) for k, v in value.items()}


def test_an_invalid_stored_setting_falls_back_to_the_default():
    assert rules.ClockLimits.of({"tolerance_minutes": -3}) == rules.DEFAULT


def _trail(*minutes: int, action: str = "x"):
    return [(n, T0 + m * MIN, action) for n, m in enumerate(minutes, 1)]


@pytest.mark.parametrize("minutes,found", [
    ((0, 1, 2, 3), []),
    ((0, 5, 3), []),                         # 2 minutes back: within the tolerance
    ((0, 60, 30), [(3, 2)]),                 # 30 minutes before seq 2
    ((0, 60, 30, 31, 32), [(3, 2)]),         # one set-back, one finding
    ((0, 60, 55, 50, 45), [(5, 2)]),         # small steps back add up (15 min < seq 2)
    ((0, 60, 30, 90, 0), [(3, 2), (5, 4)]),  # set back twice
    ((0, -1440, 10), [(2, 1)]),              # a day back at once
])
def test_backward_steps_of_the_audit_trail(minutes, found):
    steps = rules.all_backwards(_trail(*minutes))
    assert [(b.seq, b.after_seq) for b in steps] == found


# ------------------------------------------------------------------- the service and guard
def _decide(services, township, seed: int):
    return services.intake.decide(draft(services, name="王五", id_number=resident_id(seed=seed)),
                                  "accept", township)


def _counts(services) -> tuple[int, int, int, int]:
    with services.ctx.db.read() as s:
        return (s.scalar(select(func.count()).select_from(Application)),
                s.scalar(select(func.count()).select_from(Document)),
                s.scalar(select(func.max(Event.seq))),
                s.scalar(select(func.sum(NumberSeries.last_seq))) or 0)


def test_events_are_stamped_by_the_services_clock(services, township, clock):
    _decide(services, township, 3)
    with services.ctx.db.read() as s:
        times = set(s.scalars(select(Event.at)))
    assert times == {clock.now}  # the tests run in UTC: local time == UTC here


def test_a_clock_set_back_refuses_the_receipt_and_writes_nothing(services, township, clock):
    first = _decide(services, township, 3)
    assert services.clock.status().ok
    clock.now = T0 - DAY
    st = services.clock.status()
    assert st.behind and st.clock == T0 - DAY and st.newest == T0 and st.gap == DAY
    before = _counts(services)
    with pytest.raises(ValidationErrors) as caught:
        _decide(services, township, 5)
    err = caught.value.errors[0]
    assert (err.field, err.code, err.key) == ("clock", "behind", "clock.behind")
    assert err.params == {"clock": "2026-11-23 10:00", "newest": "2026-11-24 10:00"}
    assert "早于最近一条记录的时间" in err.message and "系统时间" in err.message
    assert _counts(services) == before  # no application, no number, no event
    # the same for a handover list (转办清单)
    with pytest.raises(ValidationErrors, match="早于最近一条记录"):
        services.handling.issue_handover_list("HEALTHCARE", township)
    assert _counts(services) == before
    # within the tolerance it goes through; the clock corrected, too
    clock.now = T0 - 5 * MIN
    assert services.clock.status().ok
    second = _decide(services, township, 5)
    assert second.number.endswith("-0002") and first.number.endswith("-0001")


def test_supplement_decision_is_guarded_too(services, township, clock):
    d = draft(services)
    first = next(m.code for m in services.ctx.catalog.item("DIBAO").required_materials)
    d.items[0].materials[first] = "missing"
    notice = services.intake.decide(d, "notice", township)
    clock.now = T0 - DAY
    before = _counts(services)
    with pytest.raises(ValidationErrors, match="早于最近一条记录"):
        services.intake.decide_existing(notice.application_id, {"DIBAO": {first: "received"}},
                                        "accept", township)
    assert _counts(services) == before


def test_a_receipt_number_of_a_later_day_counts_as_a_record(services, township, clock):
    """After a restore the number series is carried forward from the replaced database:
    its newest day is newer than any event of the restored copy."""
    with services.ctx.db.transaction() as s:
        s.add(NumberSeries(day=date(2026, 11, 26), last_seq=3))
    st = services.clock.status()
    assert st.behind and st.newest == datetime(2026, 11, 26)
    with pytest.raises(ValidationErrors):
        _decide(services, township, 3)


def test_far_ahead_warns_but_does_not_refuse(services, township, clock):
    released = program_date()
    assert released is not None and released >= rules.release_date()
    clock.now = datetime.combine(released, datetime.min.time()) + 50 * DAY
    assert services.clock.status().ok  # 50 days after the program's date: not yet
    clock.now += 40 * DAY
    st = services.clock.status()
    assert st.state == rules.AHEAD and st.newest == T0
    assert _decide(services, township, 3).number  # issued: a long closure looks the same


def test_acknowledging_the_warning_is_recorded(services, township, clock):
    _decide(services, township, 3)
    clock.now = T0 - 2 * DAY
    seen = services.clock.status()
    services.clock.acknowledge(seen, "continue")
    with services.ctx.db.read() as s:
        ev = s.scalars(select(Event).order_by(Event.seq.desc()).limit(1)).one()
    import json
    assert ev.action == CLOCK_EVENT and ev.actor_id is None and ev.at == T0 - 2 * DAY
    assert json.loads(ev.detail) == {"state": "behind", "clock": "2026-11-22T10:00:00",
                                     "newest": "2026-11-24T10:00:00", "gap_minutes": 2880,
                                     "choice": "continue"}
    assert ACTION_LABELS[CLOCK_EVENT] == "电脑时钟异常提醒"
    # still behind: the acknowledgement is not a licence to backdate
    assert services.clock.status().behind
    with pytest.raises(ValueError):
        services.clock.acknowledge(seen, "maybe")


def test_the_limits_come_from_the_setting(services, township, clock):
    services.settings.update("clock_check", {"tolerance_minutes": 60, "ahead_days": 60}, township)
    clock.now = T0 - 30 * MIN
    assert services.clock.status().ok
    clock.now = T0 - 61 * MIN
    assert services.clock.status().behind


# ------------------------------------------------------------------------------- check
def _run_check(data_dir, capsys) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(["--data-dir", str(data_dir), "check"])
    out = capsys.readouterr()
    return code, out.out, out.err


def _set_back_trail(services, township, clock) -> int:
    """Decisions on the 24th, then a login with the clock set back two days: the seq of
    the first event at the earlier time."""
    _decide(services, township, 3)
    with services.ctx.db.read() as s:
        last = s.scalar(select(func.max(Event.seq)))
    clock.now = T0 - 2 * DAY
    return last + 1


def test_check_reports_audit_time_running_backwards(services, township, clock, data_dir, capsys):
    code, out, _ = _run_check(data_dir, capsys)
    assert code == 0 and "times in order" in out
    seq = _set_back_trail(services, township, clock)
    from desktop_app.core.services.demo import DEMO_PASSWORDS
    services.accounts.login("clerk1", DEMO_PASSWORDS["clerk1"])  # recorded at the set-back time
    code, out, err = _run_check(data_dir, capsys)
    assert code == 1
    line = f"audit time runs backwards at seq {seq}: 操作日志第 {seq} 条的时间（2026-11-22 10:00）"
    assert line in err and f"早于第 {seq - 1} 条（2026-11-24 10:00）" in err
    assert err.count("\n") == 2  # the problem listed, then the one-line failure
    report = services.audit.check()
    assert not report.ok and report.problems[0].startswith(f"audit time runs backwards at seq {seq}")


def test_a_setback_warned_at_start_up_is_a_note_not_a_problem(services, township, clock, data_dir,
                                                              capsys):
    seq = _set_back_trail(services, township, clock)
    services.clock.acknowledge(services.clock.status(), "quit")  # the start-up warning
    code, out, err = _run_check(data_dir, capsys)
    assert code == 0, err
    assert f"note: audit time runs backwards at seq {seq}" in out and "启动时已提示并记录" in out
    assert "1 acknowledged clock set-back(s)" in out
    report = services.audit.check()
    assert report.ok and len(report.notes) == 1


# ------------------------------------------------- an administrator confirms the clock
def _ahead_then_corrected(services, township, clock) -> None:
    """Receipts issued while the clock ran 30 days ahead (and numbered on that day), then
    the clock corrected: it is now *behind* those records."""
    clock.now = T0 + 30 * DAY
    _decide(services, township, 3)
    clock.now = T0 + 5 * MIN


def test_an_administrator_confirms_a_clock_that_ran_ahead(services, township, clock, data_dir,
                                                         capsys):
    _ahead_then_corrected(services, township, clock)
    assert services.clock.status().behind
    with pytest.raises(ValidationErrors, match="请管理员在“设置→电脑时钟”中确认"):
        _decide(services, township, 5)
    services.clock.confirm(township)
    assert services.clock.status().ok
    issued = _decide(services, township, 5)  # the window works again, dated today
    assert issued.number
    with services.ctx.db.read() as s:
        ev = s.scalars(select(Event).where(Event.action == "system.clock_confirmed")).one()
    import json
    detail = json.loads(ev.detail)
    assert (detail["clock"], detail["newest"], detail["gap_minutes"]) == (
        "2026-11-24T10:05:00", "2026-12-24T10:00:00", 30 * 24 * 60 - 5)
    assert ev.actor_id == township and ACTION_LABELS["system.clock_confirmed"] == "管理员确认电脑时钟"
    # the backward step is a note (confirmed), not a problem for every later check
    code, out, err = _run_check(data_dir, capsys)
    assert code == 0, err
    assert "管理员已确认电脑时钟" in out
    # a clock set back again after the confirmation is caught again
    clock.now = T0 - DAY
    assert services.clock.status().behind
    with pytest.raises(ValidationErrors):
        _decide(services, township, 7)


def test_only_an_administrator_confirms_and_only_a_clock_behind(services, township, clock):
    from desktop_app.core.errors import PermissionDenied
    from desktop_app.core.services.demo import DEMO_PASSWORDS

    clerk = services.accounts.login("clerk1", DEMO_PASSWORDS["clerk1"])
    _decide(services, township, 3)
    with pytest.raises(ValidationErrors) as caught:  # the clock is fine: nothing to confirm
        services.clock.confirm(township)
    assert caught.value.errors[0].key == "clock.not_behind"
    _ahead_then_corrected(services, township, clock)
    before = _counts(services)
    with pytest.raises(PermissionDenied):
        services.clock.confirm(clerk)
    assert _counts(services) == before and services.clock.status().behind
