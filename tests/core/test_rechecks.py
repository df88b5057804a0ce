"""动态管理 (issue 15 items 1, 2) through the real services and database: change reports
that keep the old household readable, re-checks that recompute with the standards in
force, the A/B/C class from the facts (汉中 measure 五: C类半年一次), adjusted amounts
from the month given, 渐退 (重庆: 给予6个月渐退期) ending on the month's list, stop with
appeal rights, the due list with 低保边缘 / 刚性支出, and the documents."""

from __future__ import annotations

import json
import subprocess
from dataclasses import replace
from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop_app.core.errors import ValidationErrors
from desktop_app.core.models import Event, HouseholdReview, RequestedItem
from desktop_app.core.services import Feedback, MemberInput
from desktop_app.core.services.dynamic.reviews import ReviewInput
from tests.helpers.drafts import draft, resident_id


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def recipient(services, township, item="DIBAO", *, amount="600", period_from="2026-12-01",
              review_class="", **kw):
    """An accepted application whose ``item`` task was granted on 2026-11-24."""
    r = services.intake.decide(draft(services, items=(item,), **kw), "accept", township)
    t = next(t for t in services.handling.tasks_for_application(r.application_id)
             if t.item_code == item)
    with services.ctx.db.transaction() as s:  # no procedure steps: the 回执 gives the result
        s.get(RequestedItem, t.task_id).stage = None
    services.handling.record_feedback(t.task_id, Feedback(
        "done", "2026-11-24", amount=amount, period_from=period_from,
        review_class=review_class), township)
    return t.task_id


# Households (incomes per month, yuan) and the class 57号 分类管理 gives them
# (汉中 measure 五: A、B类一年一次、C类半年一次 — months from ``review_months``).
ELDERLY = [MemberInput(name="李四", relation="配偶",
                       id_number=resident_id(date(1950, 3, 1), False, 2))]
WORKER = [MemberInput(name="李四", relation="配偶", employment="灵活就业",
                      id_number=resident_id(date(1985, 3, 1), False, 2))]
CLASS_CASES = [
    # (members, incomes, class, next re-check from 2026-11-24)
    (ELDERLY, {"pension": "150"}, "A", date(2027, 11, 24)),
    (WORKER, {"wage": "300"}, "C", date(2027, 5, 24)),
    ([MemberInput(name="李四", relation="配偶", employment="在职",
                  id_number=resident_id(date(1985, 3, 1), False, 2))], {"pension": "200"},
     "B", date(2027, 11, 24)),
]


@pytest.mark.parametrize(("members", "incomes", "cls", "next_on"), CLASS_CASES)
def test_the_class_comes_from_the_facts_and_sets_the_interval(services, township, members,
                                                               incomes, cls, next_on):
    # applicant born 1960 (aged 66): only the spouse may be able to work
    task = recipient(services, township, members=members, incomes=incomes)
    hh = services.rechecks.household(task)
    assert (hh.review_class, hh.next_review_on) == (cls, next_on)
    sheet = services.rechecks.worksheet(task)
    assert sheet.review_class == cls and sheet.class_reason


def test_a_c_class_household_gets_a_six_month_recheck(services, township, clock):
    """Issue 15 done-when: 汉中 measure 五 "C类低保对象半年一次开展核查"."""
    task = recipient(services, township, members=WORKER, incomes={"wage": "300"})
    clock.now = datetime(2027, 5, 20, 9, 0)
    due = services.rechecks.due(within_days=30)
    assert [(d.task_id, d.review_class, d.next_review_on) for d in due] == [
        (task, "C", date(2027, 5, 24))]
    # the re-check continues: the next one is again six months on
    res = services.rechecks.record(task, ReviewInput(
        on="2027-05-20", outcome="continue", investigators=["王五", "赵六"],
        findings="家庭情况无明显变化"), township)
    assert res.review_id and len(res.document_ids) == 1   # 复核核查表 only
    hh = services.rechecks.household(task)
    assert (hh.review_class, hh.next_review_on, hh.snapshot_no) == ("C", date(2027, 11, 20), 1)


def test_an_adjusted_amount_starts_the_month_given(services, township, clock):
    """Issue 15 done-when: an adjusted amount starts the month given."""
    task = recipient(services, township, members=ELDERLY, incomes={"pension": "150"},
                     amount="600")
    clock.now = datetime(2027, 2, 10, 9, 0)
    hh = services.rechecks.household(task)
    more = replace(hh.draft, incomes={"pension": "300"})
    sheet = services.rechecks.worksheet(task, more)
    assert sheet.suggestion.outcome == "adjust" and sheet.previous_amount_fen == 60000
    assert "拟补差" in sheet.suggestion.reason
    res = services.rechecks.record(task, ReviewInput(
        kind="change", on="2027-02-10", household=more, change_kinds=["income"],
        outcome="adjust", amount="450", effective_month="2027-04"), township)
    amounts = [(m, services.rechecks.amount_in_force(task, date(2027, m, 1)))
               for m in (1, 2, 3, 4, 5)]
    assert amounts == [(1, 60000), (2, 60000), (3, 60000), (4, 45000), (5, 45000)]
    assert len(res.document_ids) == 2     # 复核核查表 + 变更告知书
    notice = services.documents.for_application(
        services.rechecks.household(task).application_id)[-1]
    text = pdf_text(notice.path)
    assert "最低生活保障金变更告知书" in text and "2027年4月" in text and "450" in text
    assert "申请复核" in text and "行政复议" in text   # appeal rights (setting ``appeal``)
    steps = services.handling.timeline(notice.application_id)
    assert any(st.action == "review.change" and "变更申报：最低生活保障，调整救助金额 450.00 元/月"
               "，自2027-04-01起" in st.text for st in steps)


def test_a_taper_ends_after_six_months_and_is_on_that_months_list(services, township, clock):
    """Issue 15 done-when: 重庆 "给予6个月渐退期" — ends after 6 months, on that month's list."""
    task = recipient(services, township, members=ELDERLY, incomes={"pension": "150"})
    clock.now = datetime(2027, 3, 5, 9, 0)
    hh = services.rechecks.household(task)
    # income now above the standard but below 1.5 times it
    richer = replace(hh.draft, incomes={"pension": "1400"})
    sheet = services.rechecks.worksheet(task, richer)
    assert sheet.suggestion.outcome == "taper" and sheet.taper_months == 6
    services.rechecks.record(task, ReviewInput(
        kind="change", on="2027-03-05", household=richer, change_kinds=["income"],
        outcome="taper", effective_month="2027-04"), township)
    hh = services.rechecks.household(task)
    assert (hh.status, hh.taper_ends_on) == ("taper", date(2027, 9, 30))
    assert hh.next_review_on == date(2027, 9, 30)      # the end-date reminder
    assert [r.task_id for r in services.rechecks.tapers_ending(date(2027, 9, 1))] == [task]
    assert services.rechecks.tapers_ending(date(2027, 8, 1)) == []
    assert services.rechecks.amount_in_force(task, date(2027, 9, 1)) == 60000
    assert services.rechecks.amount_in_force(task, date(2027, 10, 1)) is None
    info = services.rechecks.print_taper_list(date(2027, 9, 1), township).value
    assert info.count == 1 and info.number.endswith("-JT01")
    text = pdf_text(info.path)
    assert "低保渐退期满名单" in text and "张三" in text and resident_id() not in text


def test_a_change_report_keeps_the_old_household_readable(services, township, clock):
    """Issue 15 done-when: a change report keeps the old household facts readable."""
    task = recipient(services, township, members=ELDERLY, incomes={"pension": "150"})
    before = services.rechecks.household(task).draft
    clock.now = datetime(2027, 1, 15, 9, 0)
    newborn = MemberInput(name="张小宝", relation="子",
                          id_number=resident_id(date(2026, 12, 1), True, 9))
    changed = replace(before, members=[*before.members, newborn])
    services.rechecks.record(task, ReviewInput(
        kind="change", on="2027-01-15", household=changed, change_kinds=["household"],
        outcome="adjust", amount="900", effective_month="2027-02"), township)
    hh = services.rechecks.household(task)
    assert [m.name for m in hh.draft.members] == ["李四", "张小宝"] and hh.snapshot_no == 1
    # the application's own facts (snapshot 0) are untouched …
    detail = services.queries.detail(hh.application_id)
    assert len(detail.members) == 2
    # … and the first snapshot stays readable after a second change
    clock.now = datetime(2027, 3, 1, 9, 0)
    services.rechecks.record(task, ReviewInput(
        kind="change", on="2027-03-01", household=before, change_kinds=["household"],
        outcome="adjust", amount="600", effective_month="2027-04"), township)
    rows = services.rechecks.history(task)
    assert [r.snapshot_no for r in rows] == [1, 2]
    with pytest.raises(ValidationErrors) as err:   # not before the last re-check
        services.rechecks.record(task, ReviewInput(on="2027-02-01", outcome="continue"),
                                 township)
    assert [e.key for e in err.value.errors] == ["dynamic.on_too_early"]
    assert [m.name for m in services.rechecks.snapshot(rows[0].id).members] == ["李四", "张小宝"]
    assert [m.name for m in services.rechecks.snapshot(rows[1].id).members] == ["李四"]


def test_stop_needs_a_reason_and_nothing_is_written_on_bad_input(services, township, clock):
    task = recipient(services, township, members=ELDERLY, incomes={"pension": "150"})
    clock.now = datetime(2027, 1, 15, 9, 0)
    with pytest.raises(ValidationErrors) as err:
        services.rechecks.record(task, ReviewInput(
            on="2027-01-16", outcome="stop", effective_month="2027-13",
            change_kinds=["salary"], investigators=["1"]), township)
    fields = {e.field for e in err.value.errors}
    assert {"on", "stop_reason", "effective_month", "change_kinds", "investigators.0"} <= fields
    bad = replace(services.rechecks.household(task).draft, incomes={"pension": "abc"})
    with pytest.raises(ValidationErrors) as err:
        services.rechecks.record(task, ReviewInput(on="2027-01-15", household=bad,
                                                   outcome="continue"), township)
    assert [e.field for e in err.value.errors] == ["income.pension"]
    with services.ctx.db.read() as s:
        assert s.scalars(select(HouseholdReview)).all() == []
    res = services.rechecks.record(task, ReviewInput(
        on="2027-01-15", outcome="stop", stop_reason="家庭成员已就业，收入超过标准"), township)
    hh = services.rechecks.household(task)
    assert (hh.status, hh.next_review_on) == ("stopped", None)
    assert services.rechecks.amount_in_force(task, date(2027, 2, 1)) is None
    assert services.rechecks.amount_in_force(task, date(2027, 1, 1)) == 60000
    assert services.rechecks.due(within_days=800) == []
    with pytest.raises(ValidationErrors) as err:   # stopped: nothing more to re-check
        services.rechecks.record(task, ReviewInput(on="2027-01-15", outcome="continue"), township)
    assert [e.key for e in err.value.errors] == ["review.not_needed"]
    text = pdf_text(services.documents.for_application(hh.application_id)[-1].path)
    assert "停止社会救助告知书" in text and "行政诉讼" in text
    # the audit event names ids, codes and dates — never the household's facts
    with services.ctx.db.read() as s:
        ev = [json.loads(e) for e in s.scalars(select(Event.detail).where(
            Event.action == "review.recheck"))]
    assert ev and ev[0]["outcome"] == "stop" and ev[0]["review_id"] == res.review_id
    assert "家庭成员已就业" not in json.dumps(ev, ensure_ascii=False)


def test_edge_and_rigid_households_are_rechecked_too(services, township):
    edge = recipient(services, township, "DIBAO_EDGE", amount="", period_from="",
                     members=ELDERLY, incomes={"pension": "1200"})
    due = {d.item_code: d for d in services.rechecks.due(within_days=400)}
    assert due["DIBAO_EDGE"].task_id == edge
    assert due["DIBAO_EDGE"].next_review_on == date(2027, 11, 24)   # edge_months 12


def test_the_export_record_is_valid_and_leaves_the_snapshot_at_the_township(services, township,
                                                                             clock):
    """Sync format 4 (docs/sync-format.md §13.1): one ``household_review`` record per
    review, valid against its schema, the SQL-built line equal to the reference; the
    household snapshot and the suggestion's text are local."""
    from desktop_app.core.services.sync import export as exp
    from sync_contract.canonical import canonical_json
    from sync_contract.validation import schema_error, validator

    task = recipient(services, township, members=ELDERLY, incomes={"pension": "150"})
    clock.now = datetime(2027, 3, 5, 9, 0)
    hh = services.rechecks.household(task)
    services.rechecks.record(task, ReviewInput(
        kind="change", on="2027-03-05", household=replace(hh.draft, incomes={"pension": "1400"}),
        change_kinds=["income"], outcome="taper", investigators=["王五"],
        findings="第一行\n第二行"), township)
    with services.ctx.db.read() as s:
        raw = s.connection().connection.dbapi_connection
        ref = list(exp.iter_record_dicts(raw, "household_review", 1, 10**9))
        lines = [line for chunk in exp.iter_records(raw, "household_review", 1, 10**9)
                 for line in chunk.lines]
    assert len(ref) == 1 and lines == [canonical_json(ref[0])]
    rec = ref[0]
    check = validator("township-export.household_review.schema.json")
    assert schema_error(check, rec) is None
    assert (rec["outcome"], rec["effective_month"], rec["taper_ends_on"], rec["change_kinds"]) == (
        "taper", "2027-04-01", "2027-09-30", ["income"])
    assert "household" not in rec and "suggestion_reason" not in rec
    assert resident_id() not in json.dumps(rec, ensure_ascii=False)
    # (the schema can fail: an unknown outcome is refused)
    assert schema_error(check, {**rec, "outcome": "pause"}) is not None
