"""The township's temporary-assistance ceiling applies cumulatively — per incident and per
household per calendar year — through the real services and database (issue #13)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import func, select

from desktop_app.core.errors import ValidationErrors
from desktop_app.core.models import Document, EmergencyAid
from desktop_app.core.services import EmergencyInput, Feedback
from tests.helpers.drafts import draft, resident_id
from tests.helpers.stages import finish_procedure


@pytest.fixture
def township_on(services, clock):
    """The demo township set up on a given day (the clock never goes back past a record)."""
    from desktop_app.core.services.demo import create_demo_township

    def make(when: datetime) -> int:
        clock.now = when
        return create_demo_township(services)
    return make


def accept(services, township, items=("LINSHI_URGENT",), **kw):
    return services.intake.decide(draft(services, items=items, urgent=True, **kw), "accept",
                                  township)


def task_of(services, app_id, code):
    return next(t for t in services.handling.tasks_for_application(app_id) if t.item_code == code)


def pay(services, township, app_id, amount, cause="房屋失火，生活无着"):
    return services.handling.record_emergency(app_id, EmergencyInput(amount, "现金", cause),
                                              township)


def counts(services) -> tuple[int, int]:
    with services.ctx.db.read() as s:
        return (s.scalar(select(func.count()).select_from(EmergencyAid)) or 0,
                s.scalar(select(func.count()).select_from(Document)) or 0)


def refused(services, township, app_id, amount) -> str:
    before = counts(services)
    with pytest.raises(ValidationErrors) as err:
        pay(services, township, app_id, amount)
    assert [(e.field, e.code) for e in err.value.errors] == [("amount", "ceiling")]
    assert counts(services) == before  # nothing written
    return str(err.value)


def test_four_payments_of_3000_against_a_3000_ceiling_only_the_first_goes_through(
        services, township):
    a = accept(services, township)
    pay(services, township, a.application_id, "3000")
    message = refused(services, township, a.application_id, "3000")
    assert message == ("本次金额 3,000.00 元，本事项已救助 1 次共 3,000.00 元，合计 6,000.00 元，"
                       "超过乡镇（街道）临时救助审批额度 3,000.00 元，请报县审批（报县民政局审批）")
    # Another application of the same household this year: the household-year sum.
    b = accept(services, township)
    message = refused(services, township, b.application_id, "3000")
    assert "本家庭2026年已救助 1 次共 3,000.00 元，合计 6,000.00 元" in message
    refused(services, township, b.application_id, "3000")
    # The only path beyond the ceiling: 报县审批.
    t = task_of(services, b.application_id, "LINSHI_URGENT")
    services.handling.escalate(t.task_id, "累计超过乡镇审批额度", township)
    assert task_of(services, b.application_id, "LINSHI_URGENT").handler_code == "MCA"


def test_equal_to_the_ceiling_passes_and_one_fen_over_is_refused(services, township):
    a = accept(services, township)
    pay(services, township, a.application_id, "1000")
    b = accept(services, township)  # the same household, another incident
    pay(services, township, b.application_id, "2000")  # 3,000.00 this year: equal passes
    c = accept(services, township)
    assert "合计 3,000.01 元" in refused(services, township, c.application_id, "0.01")


def test_a_member_shared_with_another_application_makes_it_the_same_household(
        services, township):
    a = accept(services, township)
    pay(services, township, a.application_id, "2000")
    # The spouse (a member of the first application) applies as applicant, alone.
    spouse = resident_id(date(1962, 3, 1), False, 2)
    b = accept(services, township, name="李四", id_number=spouse, members=[])
    assert "本家庭2026年" in refused(services, township, b.application_id, "1000.01")
    pay(services, township, b.application_id, "1000")


def test_another_household_and_last_year_do_not_count(services, township_on, clock):
    township = township_on(datetime(2025, 12, 29, 9, 0))
    last_year = accept(services, township)
    pay(services, township, last_year.application_id, "3000")
    clock.now = datetime(2026, 1, 5, 9, 0)
    other = accept(services, township, name="王五", id_number=resident_id(seed=7), members=[])
    pay(services, township, other.application_id, "3000")  # another household
    this_year = accept(services, township)
    pay(services, township, this_year.application_id, "3000")  # last year's do not count
    # … but an incident's own payments count whatever their year.
    message = refused(services, township, last_year.application_id, "100")
    assert "本事项已救助 1 次共 3,000.00 元" in message


def test_an_expense_case_of_50000_can_only_be_escalated(services, township):
    r = accept(services, township, items=("LINSHI_EXPENSE",))
    t = task_of(services, r.application_id, "LINSHI_EXPENSE")
    finish_procedure(services, township, t.task_id, services.ctx.today())  # 入户调查, 核对
    today = services.ctx.today().isoformat()
    with pytest.raises(ValidationErrors) as err:
        services.handling.record_feedback(t.task_id, Feedback(
            "done", today, "同意给予临时救助", amount="50,000"), township)
    assert [e.code for e in err.value.errors] == ["ceiling"]
    assert "50,000.00" in str(err.value) and "3,000.00" in str(err.value)
    assert "报县审批" in str(err.value)
    assert task_of(services, r.application_id, "LINSHI_EXPENSE").status == "in_progress"
    services.handling.escalate(t.task_id, "所需救助金额超过乡镇审批额度", township)
    # it left the township's procedure: no township step, no township step's due
    moved = task_of(services, r.application_id, "LINSHI_EXPENSE")
    assert (moved.status, moved.stage, moved.stage_due) == ("to_refer", None, None)
    services.handling.issue_handover_list("MCA", township)
    services.handling.record_feedback(t.task_id, Feedback(
        "done", today, "同意给予临时救助", amount="50,000", signed_by="赵六"), township)
    assert task_of(services, r.application_id, "LINSHI_EXPENSE").status == "done"
    # The county's decision is not the township's: its own ceiling is still whole.
    u = accept(services, township)
    pay(services, township, u.application_id, "3000")


def test_an_expense_decision_counts_the_households_township_aid_this_year(
        services, township):
    a = accept(services, township)
    pay(services, township, a.application_id, "1200")
    r = accept(services, township, items=("LINSHI_EXPENSE",))
    t = task_of(services, r.application_id, "LINSHI_EXPENSE")
    finish_procedure(services, township, t.task_id, services.ctx.today())  # 入户调查, 核对
    today = services.ctx.today().isoformat()
    with pytest.raises(ValidationErrors) as err:
        services.handling.record_feedback(t.task_id, Feedback(
            "done", today, "同意", amount="1800.01"), township)
    assert "本家庭2026年已救助 1 次共 1,200.00 元，合计 3,000.01 元" in str(err.value)
    services.handling.record_feedback(t.task_id, Feedback("done", today, "同意", amount="1800"),
                                      township)
    u = accept(services, township)
    assert "已救助 2 次共 3,000.00 元" in refused(services, township, u.application_id, "0.01")


def test_the_decision_on_an_urgent_item_includes_its_first_aid(services, township):
    a = accept(services, township)
    pay(services, township, a.application_id, "1500")
    t = task_of(services, a.application_id, "LINSHI_URGENT")
    today = services.ctx.today().isoformat()
    with pytest.raises(ValidationErrors):
        services.handling.record_feedback(t.task_id, Feedback(
            "done", today, "同意", amount="3000.01"), township)
    services.handling.record_feedback(t.task_id, Feedback("done", today, "同意", amount="3000"),
                                      township)
    rows = services.handling.year_aid(a.application_id)
    assert [r["fen"] for r in rows] == [150_000, 150_000]  # the payment, then the rest


def test_a_dated_scope_setting_can_count_per_incident_only(services, township):
    services.settings.update("temporary_ceiling_scope", [
        {"effective_from": "2000-01-01", "per_incident": True, "per_household_year": True},
        {"effective_from": "2026-01-01", "per_incident": True, "per_household_year": False},
    ], township)
    a = accept(services, township)
    pay(services, township, a.application_id, "3000")
    b = accept(services, township)
    pay(services, township, b.application_id, "3000")  # another incident, same household
    refused(services, township, b.application_id, "0.01")  # the same incident


def test_the_record_prints_this_years_count_and_total(services, township):
    from tests.core.test_handling_service import pdf_text

    a = accept(services, township)
    pay(services, township, a.application_id, "800", cause="突发疾病")
    b = accept(services, township)
    out = pay(services, township, b.application_id, "500")
    text = pdf_text(out.document.path)
    assert "共 1 次，合计 800.00 元" in text
