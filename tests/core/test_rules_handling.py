"""Pure rules of handling tasks: transitions, due states across holidays, re-check
dates, amounts in words."""

from __future__ import annotations

from datetime import date

import pytest

from desktop_app.core.errors import ValidationError
from desktop_app.core.rules import handling as h
from desktop_app.core.rules.workdays import WorkCalendar

CAL = WorkCalendar()


@pytest.mark.parametrize("status, action, result", [
    ("to_refer", "refer", "referred"),
    ("referred", "sign", "signed"),
    ("referred", "done", "done"),
    ("signed", "refused", "refused"),
    ("signed", "returned", "returned"),
    ("returned", "re_refer", "to_refer"),
    ("in_progress", "done", "done"),
    ("in_progress", "refused", "refused"),
])
def test_allowed_transitions(status, action, result):
    assert h.next_status(status, action) == result


@pytest.mark.parametrize("status, action", [
    ("to_refer", "sign"), ("to_refer", "done"), ("done", "refused"), ("refused", "done"),
    ("in_progress", "returned"), ("in_progress", "refer"), (None, "done"), ("signed", "bogus"),
])
def test_refused_transitions_say_why(status, action):
    with pytest.raises(ValidationError) as err:
        h.next_status(status, action)
    assert err.value.field == "task"


# 2026 Spring Festival: holidays 15–23 Feb, make-up Saturdays 14 and 28 Feb.
@pytest.mark.parametrize("today, due, state, left", [
    (date(2026, 2, 13), date(2026, 2, 14), "due_soon", 1),   # the make-up Saturday counts
    (date(2026, 2, 14), date(2026, 2, 24), "due_soon", 1),   # the holiday week does not
    (date(2026, 2, 12), date(2026, 2, 27), "ok", 6),         # 13, 14, 24, 25, 26, 27
    (date(2026, 2, 25), date(2026, 2, 24), "overdue", -1),
    (date(2026, 3, 2), date(2026, 2, 24), "overdue", -5),    # 25, 26, 27, 28 (Sat), 2 Mar
    (date(2026, 2, 24), date(2026, 2, 24), "due_soon", 0),   # due today: not yet late
])
def test_due_state_across_the_spring_festival(today, due, state, left):
    got = h.due_state(CAL, today, due, soon=3)
    expected_left = CAL.workdays_between(today, due)
    assert got.workdays_left == (expected_left if due >= today else min(expected_left, -1))
    assert got.state == state
    assert got.workdays_left == left


def test_due_state_counts_the_make_up_days_explicitly():
    # Working days in (12 Feb, 27 Feb]: 13, 14 (make-up), 24, 25, 26, 27 = 6.
    assert h.due_state(CAL, date(2026, 2, 12), date(2026, 2, 27), soon=3) == h.DueState("ok", 6)
    # National Day 2026: 1–7 Oct off, 10 Oct (Sat) worked.
    assert h.due_state(CAL, date(2026, 9, 30), date(2026, 10, 12), soon=3).workdays_left == 4
    # 2027 is unknown to the calendar: provisional (statutory holidays + weekends), still an
    # answer — Fri 1 Jan is 元旦 (issue #14), so 4–8 Jan = 5.
    assert h.due_state(CAL, date(2026, 12, 31), date(2027, 1, 8), soon=3).workdays_left == 5


@pytest.mark.parametrize("d, n, expected", [
    (date(2026, 1, 31), 1, date(2026, 2, 28)),
    (date(2024, 1, 31), 1, date(2024, 2, 29)),
    (date(2026, 11, 24), 12, date(2027, 11, 24)),
    (date(2026, 8, 31), 6, date(2027, 2, 28)),
    (date(2026, 12, 15), 1, date(2027, 1, 15)),
])
def test_add_months_clamps_to_the_month_end(d, n, expected):
    assert h.add_months(d, n) == expected


def test_next_review_by_item_and_class():
    months = {"TEKUN": 12, "DIBAO_A": 12, "DIBAO_B": 12, "DIBAO_C": 6}
    assert h.next_review("TEKUN", "", date(2026, 3, 1), months) == date(2027, 3, 1)
    assert h.next_review("DIBAO", "C", date(2026, 3, 1), months) == date(2026, 9, 1)
    assert h.next_review("DIBAO", "", date(2026, 3, 1), months) == date(2027, 3, 1)  # B
    assert h.next_review("MEDICAL", "", date(2026, 3, 1), months) is None


@pytest.mark.parametrize("fen, words", [
    (0, "零元整"), (100, "壹元整"), (150000, "壹仟伍佰元整"), (300000, "叁仟元整"),
    (100050, "壹仟元伍角"), (1005, "壹拾元零伍分"), (5, "伍分"), (1234567, "壹万贰仟叁佰肆拾伍元陆角柒分"),
    (10001000, "壹拾万零壹拾元整"), (1000000000, "壹仟万元整"), (10000000000, "壹亿元整"),
    (10100000, "壹拾万壹仟元整"), (100100, "壹仟零壹元整"),
])
def test_amount_in_words(fen, words):
    assert h.amount_in_words(fen) == words
