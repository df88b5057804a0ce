"""The 临时救助备用金 ledger through the real services and database (issue 13): money in,
payments for a 先行救助 or a 临时救助 result, refunds, 报账 batches, reimbursements, the
month's ledger and its printed statement; a payment larger than the balance is refused
with the figures and nothing is written."""

from __future__ import annotations

import json
import subprocess
from datetime import date

import pytest
from sqlalchemy import func, select

from desktop_app.core.errors import PermissionDenied, ValidationErrors
from desktop_app.core.models import Document, EmergencyAid, Event, ListDocument, ReserveEntry
from desktop_app.core.services import EmergencyInput, Feedback
from tests.helpers.drafts import draft, resident_id
from tests.helpers.printing import squash
from tests.helpers.stages import finish_procedure

ON = [{"effective_from": "2000-01-01", "enabled": True, "emergency_draws": True}]


@pytest.fixture
def fund(services, township):
    services.settings.update("reserve_fund", ON, township)
    return services.reserve


@pytest.fixture
def clerk(services, township):
    return next(p.id for p in services.setup.staff() if p.role == "clerk")


def accept(services, township, items=("LINSHI_URGENT",)):
    return services.intake.decide(draft(services, items=items, urgent=True), "accept", township)


def task_of(services, app_id, code):
    return next(t for t in services.handling.tasks_for_application(app_id) if t.item_code == code)


def written(services) -> tuple[int, int, int, int]:
    with services.ctx.db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) or 0
                     for m in (ReserveEntry, EmergencyAid, Document, Event))


def paid_result(services, township, amount="2000"):
    r = accept(services, township, items=("LINSHI_EXPENSE",))
    t = task_of(services, r.application_id, "LINSHI_EXPENSE")
    finish_procedure(services, township, t.task_id, services.ctx.today())  # 入户调查, 核对
    services.handling.record_feedback(t.task_id, Feedback(
        "done", services.ctx.today().isoformat(), "同意给予临时救助", amount=amount), township)
    return r, t


# -- overdraw ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("received", "amount", "on", "message"), [
    # (money in on 11-03, payment, its day, the refusal or None)
    ("1000", "1000", "2026-11-20", None),
    ("1000", "1000.01", "2026-11-20",
     "备用金余额不足：2026-11-20 可用余额 1,000.00 元，本次支付 1,000.01 元，差 0.01 元；"
     "请先登记拨入或报县审批"),
    ("1000", "10", "2026-11-02",  # before the money arrived
     "备用金余额不足：2026-11-02 可用余额 0.00 元，本次支付 10.00 元，差 10.00 元；"
     "请先登记拨入或报县审批"),
])
def test_a_payment_larger_than_the_balance_is_refused_with_the_figures(
        services, township, fund, received, amount, on, message):
    fund.receive(received, "2026-11-03", "县民政局拨付备用金", township)
    r, t = paid_result(services, township, "3000")
    before = written(services)
    if message is None:
        result = fund.pay(task_id=t.task_id, amount=amount, on=on, by=township)
        assert result.balance_fen == 0 and result.changes.reserve
        assert result.entry.number == "522201101-20261120-ZF01"
        assert result.entry.application_number == r.number
        return
    with pytest.raises(ValidationErrors) as err:
        fund.pay(task_id=t.task_id, amount=amount, on=on, by=township)
    assert [(e.field, e.code) for e in err.value.errors] == [("amount", "overdraw")]
    assert str(err.value) == message
    assert written(services) == before  # nothing written, not even an event


def test_a_back_dated_payment_may_not_overdraw_a_later_day(services, township, fund):
    fund.receive("1000", "2026-11-03", "县民政局拨付备用金", township)
    _, t1 = paid_result(services, township, "800")
    fund.pay(task_id=t1.task_id, on="2026-11-10", by=township)
    _, t2 = paid_result(services, township, "500")
    with pytest.raises(ValidationErrors) as err:  # 1000 on the 5th, but only 200 stays free
        fund.pay(task_id=t2.task_id, on="2026-11-05", by=township)
    assert "2026-11-05 可用余额 200.00 元，本次支付 500.00 元" in str(err.value)
    fund.pay(task_id=t2.task_id, amount="200", on="2026-11-05", by=township)
    assert fund.balance(date(2026, 11, 24)) == 0


# -- the ledger and month boundaries ----------------------------------------------------------

def test_running_balance_and_month_boundaries(services, township, fund):
    fund.receive("5000", "2026-10-30", "县民政局拨付第四季度备用金", township)
    _, t = paid_result(services, township, "3000")
    fund.pay(task_id=t.task_id, amount="1200", on="2026-10-31", by=township)
    fund.pay(task_id=t.task_id, amount="800", on="2026-11-01", by=township)
    fund.receive("1000", "2026-11-01", "乡镇财政所补充", township)

    october = fund.month("2026-10")
    assert (october.opening_fen, october.closing_fen) == (0, 380_000)
    assert [(r.kind, r.amount_fen, r.balance_fen) for r in october.rows] == [
        ("receipt", 500_000, 500_000), ("payment", 120_000, 380_000)]

    november = fund.month(date(2026, 11, 15))
    assert november.opening_fen == october.closing_fen == 380_000
    # in the order they happened (the 1st: the payment was recorded first)
    assert [(r.kind_label, r.balance_fen) for r in november.rows] == [
        ("支付", 300_000), ("拨入", 400_000)]
    assert (november.receipts_fen, november.payments_fen, november.closing_fen) == (
        100_000, 80_000, 400_000)
    assert fund.balance(date(2026, 10, 31)) == 380_000
    assert fund.month("2026-12").rows == []


def test_a_task_result_is_paid_at_most_once(services, township, fund):
    fund.receive("10000", "2026-11-03", "县民政局拨付备用金", township)
    _, t = paid_result(services, township, "2000")
    assert [p["rest_fen"] for p in fund.payable_tasks()] == [200_000]
    fund.pay(task_id=t.task_id, amount="1500", by=township)
    with pytest.raises(ValidationErrors) as err:
        fund.pay(task_id=t.task_id, amount="600", by=township)
    assert str(err.value) == ("本次支付 600.00 元超过尚未支付的金额 500.00 元（决定金额 2,000.00 元，"
                              "已支付 1,500.00 元）")
    fund.pay(task_id=t.task_id, by=township)  # the rest
    assert fund.payable_tasks() == []
    assert fund.balance() == 800_000


# -- refunds, batches, reimbursement ----------------------------------------------------------

def test_batches_refunds_and_reimbursement(services, township, fund):
    fund.receive("10000", "2026-11-02", "县民政局拨付备用金", township)
    _, t1 = paid_result(services, township, "2000")
    _, t2 = paid_result(services, township, "1000")
    p1 = fund.pay(task_id=t1.task_id, on="2026-11-05", by=township).entry
    fund.pay(task_id=t2.task_id, on="2026-11-20", by=township)
    with pytest.raises(ValidationErrors) as err:
        fund.refund(p1.id, "2000.01", "2026-11-06", "多付退回", township)
    assert err.value.errors[0].code == "above_paid"
    fund.refund(p1.id, "300", "2026-11-06", "多付部分退回", township)

    batch = fund.submit_batch("2026-11-10", "11月上旬报账", township).value
    assert (batch.total_fen, batch.count) == (170_000, 1)  # 2000 paid - 300 back; not the 20th
    assert batch.number == "522201101-20261124-BZ01"
    # the printed 报账单: every line, the total in figures and in words, no ID number
    text = squash(subprocess.run(["pdftotext", str(batch.path), "-"], capture_output=True,
                                 text=True, check=True).stdout)
    for needle in ("临时救助备用金报账单", batch.number, p1.number, "-300.00", "1,700.00",
                   "壹仟柒佰元整", "11月上旬报账", "县民政局审核"):
        assert needle in text, needle
    assert resident_id() not in text
    second = fund.submit_batch("2026-11-24", "", township).value
    assert (second.total_fen, second.count) == (100_000, 1)
    with pytest.raises(ValidationErrors) as err:
        fund.submit_batch("2026-11-24", "", township)
    assert str(err.value) == "截至 2026-11-24 没有未报账的备用金支付"
    assert fund.status().unsubmitted_fen == 0 and fund.status().outstanding_fen == 270_000

    balance = fund.balance()
    with pytest.raises(ValidationErrors):
        fund.mark_reimbursed(batch.id, "1700.01", "2026-11-24", township)
    back = fund.mark_reimbursed(batch.id, "1700", "2026-11-24", township)
    assert back.entry.kind == "receipt" and back.balance_fen == balance + 170_000
    with pytest.raises(ValidationErrors) as err:
        fund.mark_reimbursed(batch.id, "1700", "2026-11-24", township)
    assert err.value.errors[0].key == "reserve.batch_reimbursed"
    rows = fund.batches()
    assert [(b.number, b.reimbursed_fen) for b in rows] == [
        (second.number, None), (batch.number, 170_000)]
    with services.ctx.db.read() as s:
        actions = list(s.scalars(select(Event.action).where(Event.action.like("reserve.%"))
                                  .order_by(Event.seq)))
    assert actions == ["reserve.receipt", "reserve.payment", "reserve.payment", "reserve.refund",
                       "reserve.batch", "reserve.batch", "reserve.receipt",
                       "reserve.reimburse"]


# -- rights and the setting -------------------------------------------------------------------

def test_clerks_pay_the_supervisor_manages(services, township, fund, clerk):
    with pytest.raises(PermissionDenied):
        fund.receive("1000", None, "拨入", clerk)
    fund.receive("1000", None, "拨入", township)
    _, t = paid_result(services, township, "500")
    assert fund.pay(task_id=t.task_id, by=clerk).entry.amount_fen == 50_000
    with pytest.raises(PermissionDenied):
        fund.submit_batch(None, "", clerk)


@pytest.mark.parametrize(("amount", "on", "text", "fields"), [
    ("", None, "拨入", ["amount"]),
    ("0", None, "拨入", ["amount"]),
    ("-5", None, "拨入", ["amount"]),
    ("abc", "2026-11-25", "", ["amount", "on", "text"]),  # tomorrow
])
def test_bad_input_is_told_at_the_field_and_nothing_written(
        services, township, fund, amount, on, text, fields):
    before = written(services)
    with pytest.raises(ValidationErrors) as err:
        fund.receive(amount, on, text, township)
    assert [e.field for e in err.value.errors] == fields
    assert written(services) == before


def test_the_ledger_is_refused_when_the_fund_is_not_kept(services, township):
    with pytest.raises(ValidationErrors) as err:
        services.reserve.receive("1000", None, "拨入", township)
    assert err.value.errors[0].key == "reserve.disabled"
    assert services.reserve.status().enabled is False


# -- 先行救助 draws from the fund -------------------------------------------------------------

def urgent_pay(services, township, amount, method="现金"):
    r = accept(services, township)
    return r, lambda: services.handling.record_emergency(
        r.application_id, EmergencyInput(amount, method, "房屋失火，生活无着"), township)


def test_emergency_aid_in_cash_draws_from_the_fund_in_the_same_transaction(
        services, township, fund):
    fund.receive("2000", "2026-11-20", "县民政局拨付备用金", township)
    r, pay = urgent_pay(services, township, "1500")
    result = pay()
    assert result.changes.reserve
    rows = fund.month("2026-11").rows
    assert [(x.kind, x.amount_fen, x.balance_fen, x.application_number) for x in rows] == [
        ("receipt", 200_000, 200_000, ""), ("payment", 150_000, 50_000, r.number)]
    assert rows[1].text == "先行救助 J1" and result.document.number == f"{r.number}-J1"
    # in kind (实物): nothing drawn
    _, in_kind = urgent_pay(services, township, "1000", "实物")
    in_kind()
    assert fund.balance() == 50_000
    # the application's timeline names the drawing (not the money in: no application)
    steps = [st.text for st in services.handling.timeline(r.application_id)]
    assert "备用金支付 1,500.00 元（" in "\n".join(steps)


def test_emergency_aid_above_the_balance_is_refused_whole(services, township, fund):
    fund.receive("1000", "2026-11-20", "县民政局拨付备用金", township)
    _, pay = urgent_pay(services, township, "1500", "银行转账")
    before = written(services)
    with pytest.raises(ValidationErrors) as err:
        pay()
    assert [(e.field, e.code) for e in err.value.errors] == [("amount", "overdraw")]
    assert "可用余额 1,000.00 元，本次支付 1,500.00 元" in str(err.value)
    assert written(services) == before  # no 先行救助, no record, no ledger line


def test_emergency_aid_is_not_drawn_when_the_setting_says_so(services, township):
    services.settings.update("reserve_fund", [
        {"effective_from": "2000-01-01", "enabled": True, "emergency_draws": False}], township)
    _, pay = urgent_pay(services, township, "1500")
    pay()  # the fund is empty, but 先行救助 is not drawn from it
    aid = services.handling.year_aid(accept(services, township).application_id)
    assert aid and services.reserve.balance() == 0
    # … and may be paid from it afterwards, once money is in
    services.reserve.receive("3000", "2026-11-24", "拨入", township)
    with services.ctx.db.read() as s:
        aid_id = s.scalar(select(EmergencyAid.id))
    entry = services.reserve.pay(emergency_aid_id=aid_id, on="2026-11-24", by=township).entry
    assert entry.amount_fen == 150_000
    with pytest.raises(ValidationErrors) as err:
        services.reserve.pay(emergency_aid_id=aid_id, on="2026-11-24", by=township)
    assert err.value.errors[0].key == "reserve.aid_paid"


def test_the_fund_pays_an_aid_as_given_and_never_in_kind(services, township):
    """Review of 2026-12-07 (finding 1): a ¥1,500 先行救助 cannot draw ¥20,000 (nor a
    part of it), and one given in kind is not paid from the fund at all."""
    services.settings.update("reserve_fund", [
        {"effective_from": "2000-01-01", "enabled": True, "emergency_draws": False}], township)
    services.reserve.receive("50000", "2026-11-24", "拨入", township)
    _, cash = urgent_pay(services, township, "1500")
    cash()
    _, goods = urgent_pay(services, township, "800", "实物")
    goods()
    with services.ctx.db.read() as s:
        by_method = {a.method: a.id for a in s.scalars(select(EmergencyAid))}
    before = written(services)
    for amount in ("20000", "500"):
        with pytest.raises(ValidationErrors) as err:
            services.reserve.pay(emergency_aid_id=by_method["现金"], amount=amount,
                                 on="2026-11-24", by=township)
        assert [(e.field, e.code) for e in err.value.errors] == [("amount", "aid_amount")]
        assert "发放 1,500.00 元" in str(err.value)
    with pytest.raises(ValidationErrors) as err:
        services.reserve.pay(emergency_aid_id=by_method["实物"], on="2026-11-24", by=township)
    assert err.value.errors[0].key == "reserve.aid_in_kind"
    assert written(services) == before
    assert services.reserve.pay(emergency_aid_id=by_method["现金"], amount="1500",
                                on="2026-11-24", by=township).entry.amount_fen == 150_000


def test_a_county_approved_result_is_not_paid_from_the_township_fund(services, township, fund):
    """Review of 2026-12-07 (finding 5): after 报县审批 the county's money is not the
    township's 备用金's."""
    fund.receive("50000", "2026-11-20", "拨入", township)
    r = accept(services, township, items=("LINSHI_EXPENSE",))
    t = task_of(services, r.application_id, "LINSHI_EXPENSE")
    services.handling.escalate(t.task_id, "所需救助金额超过乡镇审批额度", township)
    services.handling.issue_handover_list("MCA", township)
    services.handling.record_feedback(t.task_id, Feedback(
        "done", services.ctx.today().isoformat(), "同意", amount="20000", signed_by="赵六"),
        township)
    assert [p["task_id"] for p in fund.payable_tasks()] == []
    with pytest.raises(ValidationErrors) as err:
        fund.pay(task_id=t.task_id, by=township)
    assert err.value.errors[0].key == "reserve.task_not_township"
    assert fund.balance() == 5_000_000


# -- the printed statement --------------------------------------------------------------------

def test_monthly_statement_is_recorded_and_prints_every_line(services, township, fund):
    fund.receive("5000", "2026-10-30", "县民政局拨付第四季度备用金", township)
    r, pay = urgent_pay(services, township, "1500")
    pay()
    info = fund.monthly_statement("2026-11", township).value
    assert info.kind == "reserve_statement" and info.number == "522201101-20261124-YB01"
    assert info.count == 1 and info.path.exists()
    with services.ctx.db.read() as s:
        doc = s.get_one(ListDocument, info.id)
        data = json.loads(doc.data)
        issued = s.scalar(select(Event).where(Event.action == "document.issue")
                          .order_by(Event.seq.desc()))
    assert data["reserve"]["opening"] == "5,000.00" and data["reserve"]["closing"] == "3,500.00"
    assert data["reserve"]["partial"] is True  # November is not over on the 24th
    assert json.loads(issued.detail)["kind"] == "reserve_statement"
    text = squash(subprocess.run(["pdftotext", str(info.path), "-"], capture_output=True,
                                 text=True, check=True).stdout)
    for needle in ("临时救助备用金月度收支明细", "2026年11月", info.number, "上月结余",
                   "5,000.00", "1,500.00", "3,500.00", r.number, "张三", "经办人", "审核人",
                   "负责人", "（本月未结束）"):
        assert needle in text, needle
    assert resident_id() not in text and resident_id()[-4:] not in text  # no ID number
    again = fund.monthly_statement("2026-11", township).value
    assert again.number == "522201101-20261124-YB02"
    with pytest.raises(ValidationErrors) as err:
        fund.monthly_statement("2026-12", township)
    assert err.value.errors[0].key == "reserve.month_future"


def test_configure_adds_a_dated_entry(services, township):
    services.reserve.configure(True, False, "2026-11-20", township)
    assert services.settings.get("reserve_fund") == [
        {"effective_from": "2000-01-01", "enabled": False, "emergency_draws": True},
        {"effective_from": "2026-11-20", "enabled": True, "emergency_draws": False}]
    with pytest.raises(ValidationErrors) as err:  # not kept yet on the 19th
        services.reserve.receive("100", "2026-11-19", "拨入", township)
    assert "2026-11-19 未启用" in str(err.value)
    services.reserve.receive("100", "2026-11-20", "拨入", township)
    assert not services.reserve.configure(True, False, "2026-11-20", township)  # unchanged
