"""The 审核确认 procedure rules (core/rules/stages.py), table-driven.

Sources: 民发〔2021〕43号《特困人员认定办法》 (调查核实、初审 15 个工作日, 公示 7 天,
审核确认 10 个工作日), 民发〔2021〕57号《最低生活保障审核确认办法》 (30 个工作日,
特殊情况延长至 45 个工作日; 不予确认 3 个工作日内书面告知), 民法典 第二百零一条/第二百零三条
(calendar periods: the start day not counted; a last day on a holiday moves to the day after),
DOMAIN §9 ("特困 = investigation 15 working days + 公示 7 calendar days + confirmation 10
working days"; "低保 30 working days, extendable by 15 with notice").
"""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core.catalog import load_catalog
from desktop_app.core.errors import ValidationError
from desktop_app.core.rules import stages as st
from desktop_app.core.rules.workdays import DEFAULT_CALENDAR, WorkCalendar, YearCalendar
from desktop_app.core.vocab import SEQUENTIAL_STAGES
from sync_contract.catalog import STEP_CODES

D = date

# The 2027 arrangement as the county (return package) or an admin enters it under 设置 →
# holiday_years. ASSUMED for the test (chinesecalendar 1.11 stops at 2026; the official
# notice for 2027 reaches the project through that setting): 春节 2027-02-06; off
# Fri 02-05 and Mon–Fri 02-08..02-12 (with the weekends: 02-05..02-14), make-up working
# day Sat 02-20.
HOLIDAYS_2027 = YearCalendar(
    2027,
    holidays=frozenset({D(2027, 1, 1), D(2027, 2, 5), D(2027, 2, 8), D(2027, 2, 9),
                        D(2027, 2, 10), D(2027, 2, 11), D(2027, 2, 12)}),
    workdays=frozenset({D(2027, 2, 20)}),
    source="test")
CAL_2027 = WorkCalendar(extra_years={2027: HOLIDAYS_2027})

CATALOG = load_catalog()


def _groups(code: str) -> tuple[st.Group, ...]:
    return st.groups_of(CATALOG.item(code).stages)


def test_step_codes_match_vocab() -> None:
    assert STEP_CODES == SEQUENTIAL_STAGES
    assert set(st.LABELS) == set(SEQUENTIAL_STAGES)


# -- the 特困 chain around the Spring Festival 2027 -------------------------------------------

@pytest.mark.parametrize(("accepted", "g1", "g2", "g3", "wd32", "why"), [
    # Mon 01-25: 15 wd = 01-26..29 (4), 02-01..04 (8), holiday 02-05..14, 02-15..19 (13),
    # Sat 02-20 make-up (14), Mon 02-22 (15). 公示 02-22 + 7 = Mon 03-01 (a working day).
    # 10 wd after 03-01: 03-02..05 (4), 03-08..12 (9), 03-15 (10). 32 wd would be 03-17.
    (D(2027, 1, 25), D(2027, 2, 22), D(2027, 3, 1), D(2027, 3, 15), D(2027, 3, 17),
     "holiday inside the investigation"),
    # Mon 01-11: 15 wd → Mon 02-01. 公示 02-01 + 7 = Mon 02-08, a holiday: 民法典 第二百零三条
    # moves the last day to the first working day after the holiday, Mon 02-15. 10 wd
    # after 02-15: 02-16..19 (4), Sat 02-20 (5), 02-22..26 (10) → 02-26. 32 wd → 03-03.
    (D(2027, 1, 11), D(2027, 2, 1), D(2027, 2, 15), D(2027, 2, 26), D(2027, 3, 3),
     "publicity ends in the holiday"),
])
def test_tekun_chain_is_15_workdays_7_calendar_days_10_workdays(
        accepted: date, g1: date, g2: date, g3: date, wd32: date, why: str) -> None:
    groups = _groups("TEKUN")
    assert [(g.days, g.unit) for g in groups] == [(15, "workdays"), (7, "days"), (10, "workdays")]
    steps = st.procedure(groups, township_decides=False)
    dues = st.chain(groups, steps, accepted, CAL_2027)
    assert [d.date for d in dues] == [g1, g2, g3], why
    assert not any(d.provisional for d in dues)
    assert st.promise(groups, steps, accepted, CAL_2027).date == g3  # type: ignore[union-attr]
    # The old reading (32 working days) promised a later date than the law allows.
    assert CAL_2027.add_workdays(accepted, 32).date == wd32
    assert wd32 > g3


def test_tekun_publicity_withheld_takes_no_time() -> None:
    """A minor applicant's 特困 is never publicised: 15 + 10 working days."""
    groups = _groups("TEKUN")
    steps = st.procedure(groups, township_decides=False, publicity_withheld=True)
    assert next(s for s in steps if s.code == "publicity").skipped
    dues = st.chain(groups, steps, D(2027, 1, 25), CAL_2027)
    assert [d.date for d in dues] == [D(2027, 2, 22), D(2027, 2, 22), D(2027, 3, 8)]


def test_chain_counts_from_the_actual_end_of_the_previous_group() -> None:
    groups = _groups("TEKUN")
    steps = st.procedure(groups, township_decides=False)
    # Investigation done early (Tue 02-02): 公示 ends 02-09 → holiday → 02-15; then 10 wd.
    dues = st.chain(groups, steps, D(2027, 1, 11), CAL_2027,
                    actual_ends={0: D(2027, 2, 2)})
    assert [d.date for d in dues] == [D(2027, 2, 1), D(2027, 2, 15), D(2027, 2, 26)]
    dues = st.chain(groups, steps, D(2027, 1, 11), CAL_2027,
                    actual_ends={0: D(2027, 1, 20), 1: D(2027, 1, 27)})
    # 10 wd after Wed 01-27: 01-28, 29, 02-01..04 (6), 02-15..18 (10).
    assert dues[2].date == D(2027, 2, 18)


def test_unknown_year_makes_the_due_provisional() -> None:
    groups = _groups("TEKUN")
    steps = st.procedure(groups, township_decides=False)
    dues = st.chain(groups, steps, D(2027, 1, 11), DEFAULT_CALENDAR)
    assert all(d.provisional for d in dues)


# -- 低保: 30 working days, +15 on extension ----------------------------------------------------

@pytest.mark.parametrize(("code", "extension", "due"), [
    # Tue 2026-09-01: 30 wd (中秋 09-25, 国庆 10-01..07; make-up 09-20, 10-10) → 10-19.
    ("DIBAO", 0, D(2026, 10, 19)),
    # +15 wd: 10-20..23 (4), 10-26..30 (9), 11-02..06 (14), 11-09 (15).
    ("DIBAO", 15, D(2026, 11, 9)),
    ("DIBAO_EDGE", 0, D(2026, 10, 19)),
    ("RIGID", 15, D(2026, 11, 9)),
])
def test_dibao_promise_and_extension(code: str, extension: int, due: date) -> None:
    groups = _groups(code)
    steps = st.procedure(groups, township_decides=True)
    assert CATALOG.item(code).extension_workdays == 15
    got = st.promise(groups, steps, D(2026, 9, 1), DEFAULT_CALENDAR, extension)
    assert got is not None and got.date == due and not got.provisional


# -- the steps of a task --------------------------------------------------------------------

@pytest.mark.parametrize(("code", "township", "publicity_withheld", "dispute", "expected"), [
    ("DIBAO", True, False, False,
     ["visit", "check", "review?", "publicity", "decision"]),
    ("DIBAO", False, False, False,
     ["visit", "check", "review?", "first_review", "publicity", "report", "county"]),
    ("DIBAO", False, False, True,
     ["visit", "check", "review", "first_review", "publicity", "report", "county"]),
    ("TEKUN", False, True, False,
     ["visit", "check", "review?", "first_review", "publicity-", "report", "county"]),
    ("LINSHI_EXPENSE", True, False, False, ["visit", "check", "decision"]),
    # 孤儿: never publicised (the catalogue's township part ends with 报县).
    ("ORPHAN", False, False, False, ["visit", "check", "first_review", "report"]),
    # 受灾: the village 评议 is part of the township's actions (村评议), so required.
    ("DISASTER", False, False, False, ["review", "publicity", "first_review", "report"]),
    ("DISABILITY", False, False, False, ["first_review", "report"]),
    ("MEDICAL", False, False, False, []),
])
def test_procedure_branches(code: str, township: bool, publicity_withheld: bool, dispute: bool,
                            expected: list[str]) -> None:
    item = CATALOG.item(code)
    steps = st.procedure(st.groups_of(item.stages), township_decides=township,
                         publicity_rule=item.publicity, publicity_withheld=publicity_withheld,
                         review_always=any("评议" in a for a in item.township_actions),
                         dispute=dispute)
    shown = [s.code + ("?" if s.optional else "") + ("-" if s.skipped else "") for s in steps]
    assert shown == expected


def test_groups_of_an_old_catalogue_is_no_procedure() -> None:
    from sync_contract.catalog import Stage
    assert st.groups_of((Stage("公示", 7, "days"),)) == ()


# -- recording order, dates, closing ------------------------------------------------------------

TODAY = D(2026, 11, 30)
ACCEPTED = D(2026, 11, 2)


def _eval(records: dict[str, st.Done], *, township: bool = True, today: date = TODAY,
          dispute: bool = False) -> tuple[st.Evaluation, tuple[st.Step, ...]]:
    groups = _groups("DIBAO")
    steps = st.procedure(groups, township_decides=township, dispute=dispute)
    return st.evaluate(groups, steps, records, accepted=ACCEPTED, today=today,
                       cal=DEFAULT_CALENDAR), steps


def _keys(errors: list[ValidationError]) -> list[tuple[str, str | None]]:
    return [(e.field, e.key) for e in errors]


VISIT = st.Done("visit", D(2026, 11, 5), D(2026, 11, 5))
CHECK_RUNNING = st.Done("check", D(2026, 11, 6))
CHECK = st.Done("check", D(2026, 11, 6), D(2026, 11, 10), outcome="match")
PUB = st.Done("publicity", D(2026, 11, 12), None, D(2026, 11, 19))


@pytest.mark.parametrize(("records", "code", "started", "done", "expected"), [
    # no skipping: 公示 before 入户调查
    ({}, "publicity", D(2026, 11, 5), None, [("stage", "stage.out_of_order")]),
    ({}, "visit", D(2026, 11, 1), D(2026, 11, 1), [("started_on", "stage.before_acceptance")]),
    ({}, "visit", D(2026, 12, 1), D(2026, 12, 1),
     [("started_on", "stage.future"), ("done_on", "stage.future")]),
    ({}, "visit", D(2026, 11, 5), D(2026, 11, 5), []),
    # back-dating past the previous step
    ({"visit": VISIT}, "check", D(2026, 11, 4), None, [("started_on", "stage.before_previous")]),
    ({"visit": VISIT}, "check", D(2026, 11, 5), None, []),
    ({"visit": VISIT}, "visit", D(2026, 11, 5), D(2026, 11, 5), [("stage", "stage.already_recorded")]),
    # a running 核对 is completed, not skipped
    ({"visit": VISIT, "check": CHECK_RUNNING}, "publicity", D(2026, 11, 12), None,
     [("stage", "stage.out_of_order")]),
    ({"visit": VISIT, "check": CHECK_RUNNING}, "check", D(2026, 11, 6), None,
     [("done_on", "stage.done_on_required")]),
    ({"visit": VISIT, "check": CHECK_RUNNING}, "check", D(2026, 11, 6), D(2026, 11, 5),
     [("done_on", "stage.done_before_start")]),
    ({"visit": VISIT, "check": CHECK_RUNNING}, "check", D(2026, 11, 6), D(2026, 11, 10), []),
    # 民主评议 without a dispute may still be recorded in its place
    ({"visit": VISIT, "check": CHECK}, "review", D(2026, 11, 11), None, []),
    ({"visit": VISIT, "check": CHECK}, "publicity", D(2026, 11, 12), None, []),
    # 公示 concluded only after its last day; the decision only after it
    ({"visit": VISIT, "check": CHECK, "publicity": PUB}, "publicity", D(2026, 11, 12),
     D(2026, 11, 19), [("done_on", "stage.publicity_not_ended")]),
    ({"visit": VISIT, "check": CHECK, "publicity": PUB}, "decision", D(2026, 11, 20), None,
     [("stage", "stage.publicity_first")]),
    ({"visit": VISIT, "check": CHECK, "publicity": PUB}, "publicity", D(2026, 11, 12),
     D(2026, 11, 20), []),
    ({"visit": VISIT, "check": CHECK,
      "publicity": st.Done("publicity", D(2026, 11, 12), D(2026, 11, 20), D(2026, 11, 19))},
     "decision", D(2026, 11, 19), None, [("started_on", "stage.after_publicity")]),
    ({"visit": VISIT, "check": CHECK,
      "publicity": st.Done("publicity", D(2026, 11, 12), D(2026, 11, 20), D(2026, 11, 19))},
     "decision", D(2026, 11, 20), None, []),
    # not part of the township-decided procedure
    ({}, "report", D(2026, 11, 5), None, [("stage", "stage.not_in_procedure")]),
])
def test_check_record(records: dict[str, st.Done], code: str, started: date, done: date | None,
                      expected: list[tuple[str, str]]) -> None:
    ev, steps = _eval(records)
    errors = st.check_record(ev, steps, code, started_on=started, done_on=done,
                             accepted=ACCEPTED, today=TODAY)
    assert _keys(errors) == expected
    for e in errors:
        assert "年" in e.message or e.key in ("stage.out_of_order", "stage.already_recorded",
                                             "stage.done_on_required", "stage.not_in_procedure")


def test_states_and_current() -> None:
    ev, _ = _eval({"visit": VISIT, "check": CHECK, "publicity": PUB})
    assert [(s.code, s.state) for s in ev.steps] == [
        ("visit", "done"), ("check", "done"), ("review", "skipped"), ("publicity", "running"),
        ("decision", "pending")]
    assert ev.current == "publicity"
    ev, _ = _eval({"visit": VISIT, "check": CHECK})
    assert [s.state for s in ev.steps] == ["done", "done", "optional", "current", "pending"]
    ev, _ = _eval({"visit": VISIT, "check": CHECK}, dispute=True)
    assert [s.state for s in ev.steps] == ["done", "done", "current", "pending", "pending"]


@pytest.mark.parametrize(("records", "today", "key", "message"), [
    ({}, TODAY, "stage.unfinished_due",
     "“入户调查”尚未完成（应于2026年12月14日前完成），程序完成后方可办结"),
    ({"visit": VISIT, "check": CHECK, "publicity": PUB}, D(2026, 11, 19), "stage.publicity_running",
     "公示期至2026年11月19日，期满后方可办结"),
    ({"visit": VISIT, "check": CHECK, "publicity": PUB}, D(2026, 11, 20), "stage.unfinished_due",
     "“公示”尚未完成（应于2026年12月14日前完成），程序完成后方可办结"),
    ({"visit": VISIT, "check": CHECK,
      "publicity": st.Done("publicity", D(2026, 11, 12), D(2026, 11, 20), D(2026, 11, 19))},
     D(2026, 11, 20), None, ""),
])
def test_closable(records: dict[str, st.Done], today: date, key: str | None, message: str) -> None:
    from desktop_app.core.messages import render
    ev, _ = _eval(records, today=today)
    if key is None:
        assert ev.closable and ev.current == "decision"
    else:
        assert ev.blocked is not None and ev.blocked.key == key
        assert render(ev.blocked.key, ev.blocked.params) == message


@pytest.mark.parametrize(("started", "days", "unit", "ends"), [
    (D(2026, 11, 12), 7, "days", D(2026, 11, 18)),     # Thu: posting day is day 1 → Wed
    (D(2026, 11, 9), 5, "workdays", D(2026, 11, 13)),  # local rule: Mon..Fri
    (D(2026, 11, 7), 5, "workdays", D(2026, 11, 13)),  # posted on a Saturday: Mon..Fri
    (D(2026, 11, 9), 7, "days", D(2026, 11, 16)),      # Sun 11-15 → Mon 11-16 (第二百零三条)
    (D(2026, 9, 25), 7, "days", D(2026, 10, 8)),       # 10-01 in 国庆 → 10-08
])
def test_publicity_ends(started: date, days: int, unit: str, ends: date) -> None:
    assert st.publicity_ends(started, days, unit, DEFAULT_CALENDAR).date == ends


def test_refusal_notice_due_3_workdays() -> None:
    # Wed 2026-09-30 decision: 国庆 10-01..07 → 10-08, 10-09, Sat 10-10 make-up.
    assert st.refusal_notice_due(D(2026, 9, 30), DEFAULT_CALENDAR).date == D(2026, 10, 10)


@pytest.mark.parametrize(("value", "ok"), [
    ([{"effective_from": "2000-01-01", "days": 7, "unit": "days"}], True),
    ([{"effective_from": "2026-01-01", "days": 5, "unit": "workdays"}], True),
    ([{"effective_from": "2026-01-01", "days": 0, "unit": "days"}], False),
    ([{"effective_from": "2026-01-01", "days": 31, "unit": "days"}], False),
    ([{"effective_from": "2026-01-01", "days": 7, "unit": "weeks"}], False),
    ([{"effective_from": "2026-13-01", "days": 7, "unit": "days"}], False),
    ([{"effective_from": "2026-01-01", "days": True, "unit": "days"}], False),
    ([{"effective_from": "2026-01-01", "days": 7, "unit": "days"}] * 2, False),
    ([], False),
])
def test_publicity_days_setting(value: list, ok: bool) -> None:
    from desktop_app.core.rules.settings import validate_setting
    if ok:
        assert validate_setting("publicity_days", value) == value
    else:
        with pytest.raises(ValidationError) as exc:
            validate_setting("publicity_days", value)
        assert exc.value.key == "stage.publicity_days.invalid"


def test_publicity_on_picks_the_entry_in_force() -> None:
    entries = [{"effective_from": "2000-01-01", "days": 7, "unit": "days"},
               {"effective_from": "2027-01-01", "days": 5, "unit": "workdays"}]
    assert st.publicity_on(entries, D(2026, 12, 31)) == (7, "days")
    assert st.publicity_on(entries, D(2027, 1, 1)) == (5, "workdays")
