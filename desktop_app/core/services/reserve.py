"""临时救助备用金: the township's reserve fund for temporary assistance (issue 13).

The ledger (``reserve_entry``) holds what came in (拨入 — from the county or the
township's finance office, and the county's reimbursement of a 报账 batch), each
payment drawn from it (支付 — for a 先行救助 ``EmergencyAid`` or a township
临时救助 result) and money given back (退回). Payments (net of refunds) are submitted
to the county in 报账 batches (``reserve_batch``). A payment larger than the balance
it may use is refused with the figures (``rules/reserve.py``), nothing written.

When the dated setting ``reserve_fund`` has the fund ``enabled`` and
``emergency_draws``, recording a 先行救助 in cash or by transfer draws its payment
here in the same transaction (:func:`draw_for_aid`, called by
``handling/emergency.py``): an overdraw refuses the whole 先行救助.

Rights (docs/roles.md): payments are window work (``task.handle``); money in,
refunds, 报账 and reimbursements are the 负责人's (``reserve.manage``). The monthly
statement (备用金月度收支明细, list document kind ``reserve_statement``) is printed and
recorded like the 转办清单.

Sources: 泰安 2022 ("全面落实乡镇临时救助备用金制度"), 重庆 十四五 ("全面建立健全乡镇
（街道）临时救助备用金制度"), 汉中 measure 十五 ("嚴格落實鎮（街道）臨時救助儲備金制度").
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from .. import vocab
from ..catalog import TOWNSHIP
from ..errors import PermissionDenied, ValidationError, ValidationErrors
from ..models import (
    Application,
    EmergencyAid,
    ListDocument,
    RequestedItem,
    ReserveBatch,
    ReserveEntry,
    Staff,
    Township,
)
from ..rules import numbering
from ..rules import reserve as rules
from ..rules.values import format_yuan, parse_amount, validate_date, validate_text
from ..vocab import ItemStatus, TaskStatus
from . import auth
from .auth import ActorRef
from .clock import ensure_clock_allows_issue
from .context import Changes, Outcome, ServiceContext
from .documents import DocumentService, atomic_write
from .events import record_event
from .handling.handover import ListInfo

#: Items whose payment the fund may make (临时救助 急难型 / 支出型).
TEMPORARY_ITEMS = ("LINSHI_URGENT", "LINSHI_EXPENSE")
#: 先行救助 methods that move money (实物 does not).
MONEY_METHODS = ("现金", "银行转账")
STATEMENT = "reserve_statement"
BATCH_FORM = "reserve_batch"


@dataclass(frozen=True)
class EntryRow:
    """A ledger line as the screens and the statement show it."""

    id: int
    number: str
    kind: str
    kind_label: str
    on: date
    amount_fen: int
    text: str
    application_id: int | None = None
    application_number: str = ""
    applicant: str = ""
    item_name: str = ""
    batch_number: str = ""
    balance_fen: int = 0

    @property
    def income_fen(self) -> int:
        return self.amount_fen if rules.SIGN[self.kind] > 0 else 0

    @property
    def expense_fen(self) -> int:
        return self.amount_fen if rules.SIGN[self.kind] < 0 else 0


@dataclass(frozen=True)
class Ledger:
    """The ledger between two days: the balance before, each line with the balance
    after it, the balance after, and the totals per kind."""

    start: date
    end: date
    opening_fen: int
    rows: list[EntryRow]
    closing_fen: int
    receipts_fen: int = 0
    payments_fen: int = 0
    refunds_fen: int = 0


@dataclass(frozen=True)
class BatchRow:
    id: int
    number: str
    submitted_on: date
    total_fen: int
    count: int
    reimbursed_on: date | None
    reimbursed_fen: int | None
    text: str
    #: The printed 报账单 (``reserve_batch``), when this row comes from ``submit_batch``.
    path: Path | None = None
    list_id: int | None = None


@dataclass(frozen=True)
class ReserveStatus:
    """What the page shows at its top."""

    enabled: bool
    emergency_draws: bool
    balance_fen: int
    unsubmitted_fen: int
    unsubmitted_count: int
    outstanding_fen: int  # submitted, not reimbursed yet
    can_manage: bool = False
    can_pay: bool = False


@dataclass(frozen=True)
class EntryResult:
    entry: EntryRow
    balance_fen: int
    changes: Changes = field(default_factory=Changes)


# -- in the caller's transaction ---------------------------------------------------------------

def fund_setting(ctx: ServiceContext, s: Session, day: date) -> dict[str, Any]:
    return rules.setting_on(ctx.get_setting(s, "reserve_fund"), day)


def _lines(s: Session) -> list[rules.Line]:
    return [rules.Line(i, on, kind, fen) for i, on, kind, fen in s.execute(
        select(ReserveEntry.id, ReserveEntry.on, ReserveEntry.kind, ReserveEntry.amount_fen))]


def _number(s: Session, kind: str, day: date) -> str:
    town = s.scalars(select(Township)).one()
    model = ReserveBatch if kind == "batch" else ReserveEntry
    prefix = numbering.reserve_number(town.code, day, kind, ())[:-2]
    used = list(s.scalars(select(model.number).where(model.number.like(prefix + "%"))))
    return numbering.reserve_number(town.code, day, kind, used)


def _require_enabled(ctx: ServiceContext, s: Session, day: date) -> None:
    if not fund_setting(ctx, s, day)["enabled"]:
        raise ValidationErrors([ValidationError("reserve", "disabled", key="reserve.disabled",
                                                params={"day": day.isoformat()})])


def _add(s: Session, kind: str, fen: int, on: date, text: str, clerk_id: int | None, *,
         app: Application | None = None, item_id: int | None = None,
         aid_id: int | None = None) -> ReserveEntry:
    """A ledger line; a payment is refused (nothing written) when the fund cannot cover
    it on ``on``."""
    if kind == rules.PAYMENT:
        refusal = rules.check_payment(fen, _lines(s), on)
        if refusal is not None:
            raise ValidationErrors([refusal])
    entry = ReserveEntry(number=_number(s, kind, on), kind=kind, amount_fen=fen, on=on,
                         text=text, application_id=app.id if app else None, item_id=item_id,
                         emergency_aid_id=aid_id, recorded_by_id=clerk_id)
    s.add(entry)
    s.flush()
    record_event(s, f"reserve.{kind}", actor_id=clerk_id,
                 application_id=app.id if app else None, number=entry.number,
                 amount_fen=fen, on=on.isoformat(), item_id=item_id, emergency_aid_id=aid_id,
                 balance_fen=rules.balance(_lines(s), on))
    return entry


def aid_text(aid: EmergencyAid) -> str:
    """``先行救助 J1``: the record's suffix (the line names the application)."""
    return f"先行救助 {aid.number.rsplit('-', 1)[-1]}"


def draw_for_aid(ctx: ServiceContext, s: Session, aid: EmergencyAid,
                 clerk_id: int | None) -> ReserveEntry | None:
    """The payment of a 先行救助 just recorded, when the ``reserve_fund`` setting says
    先行救助 in cash or by transfer is drawn from the fund; None otherwise. Refused with
    the figures (``ValidationErrors``, field ``amount``) on overdraw — the caller's
    transaction, and so the 先行救助, is rolled back."""
    setting = fund_setting(ctx, s, aid.paid_on)
    if not (setting["enabled"] and setting["emergency_draws"]) or aid.method not in MONEY_METHODS:
        return None
    app = s.get_one(Application, aid.application_id)
    return _add(s, rules.PAYMENT, aid.amount_fen, aid.paid_on, aid_text(aid),
                clerk_id, app=app, item_id=aid.item_id, aid_id=aid.id)


def _township_decided(task: RequestedItem) -> bool:
    """The township's own 临时救助 decision: the only results its 备用金 pays — an
    escalated (报县审批) result is the county's money (review of 2026-12-07, finding 5)."""
    return (task.decider_code or task.handler_code) == TOWNSHIP


def _item_paid(s: Session, item_id: int) -> int:
    """What the household received on ``item_id`` so far: its 先行救助 (drawn from the
    fund or not) and the fund's other payments for it, net of refunds."""
    aid = s.scalar(select(func.coalesce(func.sum(EmergencyAid.amount_fen), 0))
                   .where(EmergencyAid.item_id == item_id)) or 0
    rows = s.execute(select(ReserveEntry.kind, ReserveEntry.amount_fen, ReserveEntry.emergency_aid_id)
                     .where(ReserveEntry.item_id == item_id, ReserveEntry.kind != rules.RECEIPT))
    other = sum(-rules.SIGN[k] * fen for k, fen, aid_id in rows if aid_id is None)
    return int(aid) + other


def _row(s: Session, e: ReserveEntry, balance_fen: int = 0,
         names: dict[str, str] | None = None) -> EntryRow:
    app = s.get(Application, e.application_id) if e.application_id else None
    item = s.get(RequestedItem, e.item_id) if e.item_id else None
    batch = s.get(ReserveBatch, e.batch_id) if e.batch_id else None
    return EntryRow(e.id, e.number, e.kind, vocab.RESERVE_KIND_LABELS.get(e.kind, e.kind), e.on,
                    e.amount_fen, e.text, e.application_id, (app.number or "") if app else "",
                    app.applicant.name if app else "",
                    (names or {}).get(item.item_code) or item.item_code if item else "",
                    batch.number if batch else "", balance_fen)


def month_bounds(month: object) -> tuple[date, date]:
    """``"2026-11"`` / ``"202611"`` / a date → the first and last day of that month."""
    if isinstance(month, date):
        first = month.replace(day=1)
    else:
        text = str(month or "").strip().replace("/", "-").replace("年", "-").rstrip("月")
        try:
            if "-" in text:
                y, m = text.split("-")[:2]
            else:
                y, m = text[:4], text[4:]
            first = date(int(y), int(m), 1)
        except ValueError:
            raise ValidationErrors([ValidationError("month", "format",
                                                    key="reserve.month_format")]) from None
    return first, first.replace(day=calendar.monthrange(first.year, first.month)[1])


class ReserveService:
    """The 临时救助备用金 ledger: money in, payments, refunds, 报账, the statement."""

    def __init__(self, ctx: ServiceContext, documents: DocumentService) -> None:
        self.ctx = ctx
        self.documents = documents

    # -- reads ------------------------------------------------------------------------------
    def status(self, by: ActorRef | None = None, *, today: date | None = None) -> ReserveStatus:
        day = today or self.ctx.today()
        with self.ctx.db.read() as s:
            setting = fund_setting(self.ctx, s, day)
            open_rows = s.execute(select(ReserveEntry.kind, ReserveEntry.amount_fen)
                                  .where(ReserveEntry.batch_id.is_(None),
                                         ReserveEntry.kind != rules.RECEIPT)).all()
            outstanding = s.scalar(select(func.coalesce(func.sum(ReserveBatch.total_fen), 0))
                                   .where(ReserveBatch.reimbursed_on.is_(None))) or 0
            actor = None
            if by is not None:
                try:
                    actor = auth.resolve(s, by)[0]
                except PermissionDenied:  # logged out / deactivated: no buttons
                    actor = None
            return ReserveStatus(
                bool(setting["enabled"]), bool(setting["emergency_draws"]),
                rules.balance(_lines(s), day),
                sum(-rules.SIGN[k] * fen for k, fen in open_rows),
                sum(1 for k, _ in open_rows if k == rules.PAYMENT), int(outstanding),
                bool(actor and actor.can(auth.RESERVE)), bool(actor and actor.can(auth.HANDLE)))

    def balance(self, on: date | None = None) -> int:
        """The balance at the end of ``on`` (default today), fen."""
        with self.ctx.db.read() as s:
            return rules.balance(_lines(s), on or self.ctx.today())

    def ledger(self, start: date, end: date) -> Ledger:
        """The lines dated ``start``..``end`` in ledger order with the balance after each."""
        with self.ctx.db.read() as s:
            lines = _lines(s)
            opening = rules.balance(lines, start - timedelta(days=1))
            wanted = [x for x in lines if start <= x.on <= end]
            entries = {e.id: e for e in s.scalars(select(ReserveEntry).where(
                ReserveEntry.id.in_([x.id for x in wanted])))}
            names = {i.code: i.name for i in self.ctx.catalog.items}
            rows = [_row(s, entries[x.id], bal, names) for x, bal in rules.running(wanted, opening)]
        totals = {k: sum(r.amount_fen for r in rows if r.kind == k) for k in rules.KINDS}
        closing = rows[-1].balance_fen if rows else opening
        return Ledger(start, end, opening, rows, closing, totals[rules.RECEIPT],
                      totals[rules.PAYMENT], totals[rules.REFUND])

    def month(self, month: object) -> Ledger:
        return self.ledger(*month_bounds(month))

    def batches(self) -> list[BatchRow]:
        with self.ctx.db.read() as s:
            counts: dict[int | None, int] = {
                bid: n for bid, n in s.execute(
                    select(ReserveEntry.batch_id, func.count())
                    .where(ReserveEntry.kind == rules.PAYMENT, ReserveEntry.batch_id.is_not(None))
                    .group_by(ReserveEntry.batch_id))}
            return [BatchRow(b.id, b.number, b.submitted_on, b.total_fen, counts.get(b.id, 0),
                             b.reimbursed_on, b.reimbursed_fen, b.text)
                    for b in s.scalars(select(ReserveBatch).order_by(ReserveBatch.id.desc()))]

    def payable_tasks(self) -> list[dict[str, Any]]:
        """Township 临时救助 results with an amount not yet fully paid (for 支付)."""
        out = []
        with self.ctx.db.read() as s:
            names = {i.code: i.name for i in self.ctx.catalog.items}
            for t in s.scalars(select(RequestedItem).where(
                    RequestedItem.item_code.in_(TEMPORARY_ITEMS),
                    RequestedItem.status == ItemStatus.ACCEPTED,
                    RequestedItem.task_status == TaskStatus.DONE,
                    RequestedItem.amount_fen.is_not(None))):
                rest = int(t.amount_fen or 0) - _item_paid(s, t.id)
                if rest > 0 and _township_decided(t):
                    app = t.application
                    out.append({"task_id": t.id, "application_number": app.number,
                                "applicant": app.applicant.name,
                                "item": names.get(t.item_code, t.item_code), "rest_fen": rest})
        return out

    # -- writes -----------------------------------------------------------------------------
    def _amount(self, value: object, errors: list[ValidationError]) -> int | None:
        if isinstance(value, int) and not isinstance(value, bool):
            fen: int | None = value
        else:
            try:
                fen = parse_amount(value, "amount")
            except ValidationError as exc:
                errors.append(exc)
                return None
        if fen is not None and fen <= 0:
            errors.append(ValidationError("amount", "range", key="reserve.amount_positive"))
            return None
        return fen

    def _day(self, value: object, errors: list[ValidationError], name: str = "on") -> date | None:
        today = self.ctx.today()
        if value in (None, ""):
            return today
        try:
            return validate_date(value, name, not_after=today)
        except ValidationError as exc:
            errors.append(exc)
            return None

    def _text(self, value: object, errors: list[ValidationError], *, required: bool) -> str:
        try:
            return validate_text(value, "text", 200, required=required)
        except ValidationError as exc:
            errors.append(exc)
            return ""

    def _entry_input(self, amount: object, on: object, text: object) -> tuple[int, date, str]:
        """The amount, the date and the required text of an entry, every problem at once."""
        errors: list[ValidationError] = []
        fen = self._amount(amount, errors)
        day = self._day(on, errors)
        note = self._text(text, errors, required=True)
        if errors:
            raise ValidationErrors(errors)
        assert fen is not None and day is not None
        return fen, day, note

    @staticmethod
    def _clerk(actor: auth.Actor, staff: Staff | None) -> int | None:
        return staff.id if staff is not None else actor.staff_id

    def receive(self, amount: object, on: object, text: object, by: ActorRef) -> EntryResult:
        """拨入: money put into the fund (from whom, what for: ``text``)."""
        fen, day, note = self._entry_input(amount, on, text)
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.RESERVE)
            _require_enabled(self.ctx, s, day)
            entry = _add(s, rules.RECEIPT, fen, day, note, self._clerk(actor, staff))
            return self._result(s, entry)

    def pay(self, *, task_id: int | None = None, emergency_aid_id: int | None = None,
            amount: object = None, on: object = None, text: object = "",
            by: ActorRef) -> EntryResult:
        """支付: the fund pays a 先行救助 (``emergency_aid_id``: its amount, on its day) or a
        township 临时救助 result (``task_id``: at most what is still unpaid of the decided
        amount; default all of it). Refused with the figures when larger than the balance."""
        errors: list[ValidationError] = []
        if (task_id is None) == (emergency_aid_id is None):
            raise ValidationErrors([ValidationError("source", "required",
                                                    key="reserve.pay_source")])
        fen = self._amount(amount, errors) if amount not in (None, "") else None
        day = self._day(on, errors) if on not in (None, "") else None
        note = self._text(text, errors, required=False)
        if errors:
            raise ValidationErrors(errors)
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            clerk = self._clerk(actor, staff)
            if emergency_aid_id is not None:
                aid = s.get(EmergencyAid, emergency_aid_id)
                if aid is None:
                    raise LookupError(f"emergency aid {emergency_aid_id} not found")
                if s.scalar(select(func.count()).select_from(ReserveEntry).where(
                        ReserveEntry.emergency_aid_id == aid.id,
                        ReserveEntry.kind == rules.PAYMENT)):
                    raise ValidationErrors([ValidationError("source", "paid",
                                                            key="reserve.aid_paid",
                                                            params={"number": aid.number})])
                if aid.method not in MONEY_METHODS:
                    raise ValidationErrors([ValidationError(
                        "source", "in_kind", key="reserve.aid_in_kind",
                        params={"number": aid.number})])
                if fen is not None and fen != aid.amount_fen:
                    # the fund pays the aid as given: never more (a ¥500 aid drawing
                    # ¥20,000), never a part (review of 2026-12-07, finding 1)
                    raise ValidationErrors([ValidationError(
                        "amount", "aid_amount", key="reserve.aid_amount", params={
                            "number": aid.number, "decided": format_yuan(aid.amount_fen),
                            "amount": format_yuan(fen)})])
                day = day or aid.paid_on
                _require_enabled(self.ctx, s, day)
                app = s.get_one(Application, aid.application_id)
                entry = _add(s, rules.PAYMENT, aid.amount_fen, day,
                             note or aid_text(aid), clerk, app=app,
                             item_id=aid.item_id, aid_id=aid.id)
                return self._result(s, entry)
            task = s.get(RequestedItem, task_id)
            if task is None:
                raise LookupError(f"task {task_id} not found")
            if task.item_code not in TEMPORARY_ITEMS or task.task_status != TaskStatus.DONE \
                    or not task.amount_fen:
                raise ValidationErrors([ValidationError("source", "state",
                                                        key="reserve.task_not_payable")])
            if not _township_decided(task):
                raise ValidationErrors([ValidationError("source", "county",
                                                        key="reserve.task_not_township")])
            rest = int(task.amount_fen) - _item_paid(s, task.id)
            fen = fen or rest
            if fen > rest:
                raise ValidationErrors([ValidationError(
                    "amount", "above_decided", key="reserve.above_decided", params={
                        "decided": format_yuan(int(task.amount_fen)),
                        "paid": format_yuan(int(task.amount_fen) - rest),
                        "rest": format_yuan(max(rest, 0)), "amount": format_yuan(fen)})])
            day = day or self.ctx.today()
            _require_enabled(self.ctx, s, day)
            item = self.ctx.catalog.item(task.item_code).name
            entry = _add(s, rules.PAYMENT, fen, day, note or item, clerk,
                         app=task.application, item_id=task.id)
            return self._result(s, entry)

    def refund(self, payment_id: int, amount: object, on: object, text: object,
               by: ActorRef) -> EntryResult:
        """退回: money of a payment given back into the fund (at most what was paid on the
        same item and not yet given back)."""
        fen, day, note = self._entry_input(amount, on, text)
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.RESERVE)
            payment = s.get(ReserveEntry, payment_id)
            if payment is None or payment.kind != rules.PAYMENT:
                raise ValidationErrors([ValidationError("payment", "unknown",
                                                        key="reserve.refund_payment")])
            if day < payment.on:
                raise ValidationErrors([ValidationError(
                    "on", "order", key="reserve.refund_before",
                    params={"day": payment.on.isoformat(), "number": payment.number})])
            _require_enabled(self.ctx, s, day)
            same = s.execute(select(ReserveEntry.kind, ReserveEntry.amount_fen).where(
                ReserveEntry.item_id == payment.item_id, ReserveEntry.kind != rules.RECEIPT)
                if payment.item_id is not None else
                select(ReserveEntry.kind, ReserveEntry.amount_fen).where(
                    ReserveEntry.id == payment.id)).all()
            paid = sum(-rules.SIGN[k] * a for k, a in same)
            if fen > paid:
                raise ValidationErrors([ValidationError(
                    "amount", "above_paid", key="reserve.refund_above",
                    params={"paid": format_yuan(max(paid, 0)), "amount": format_yuan(fen)})])
            app = s.get(Application, payment.application_id) if payment.application_id else None
            entry = _add(s, rules.REFUND, fen, day, note, self._clerk(actor, staff), app=app,
                         item_id=payment.item_id, aid_id=payment.emergency_aid_id)
            return self._result(s, entry)

    def submit_batch(self, up_to: object, text: object, by: ActorRef) -> Outcome[BatchRow]:
        """报账: every payment (and refund) dated up to ``up_to`` not yet submitted goes in
        one batch to the county; its total is payments minus refunds."""
        errors: list[ValidationError] = []
        day = self._day(up_to, errors, "up_to")
        note = self._text(text, errors, required=False)
        if errors:
            raise ValidationErrors(errors)
        assert day is not None
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.RESERVE)
            _require_enabled(self.ctx, s, day)
            rows = list(s.scalars(select(ReserveEntry).where(
                ReserveEntry.batch_id.is_(None), ReserveEntry.kind != rules.RECEIPT,
                ReserveEntry.on <= day).order_by(ReserveEntry.on, ReserveEntry.id)))
            total = sum(-rules.SIGN[e.kind] * e.amount_fen for e in rows)
            if not any(e.kind == rules.PAYMENT for e in rows) or total <= 0:
                raise ValidationErrors([ValidationError("up_to", "empty",
                                                        key="reserve.batch_empty",
                                                        params={"day": day.isoformat()})])
            clerk = self._clerk(actor, staff)
            today = self.ctx.today()
            batch = ReserveBatch(number=_number(s, "batch", today), submitted_on=today,
                                 total_fen=total, text=note, recorded_by_id=clerk)
            s.add(batch)
            s.flush()
            for e in rows:
                e.batch_id = batch.id
            record_event(s, "reserve.batch", actor_id=clerk, number=batch.number,
                         total_fen=total, up_to=day.isoformat(),
                         entries=[e.number for e in rows])
            count = sum(1 for e in rows if e.kind == rules.PAYMENT)
            # the printed 报账单, recorded like the other list documents
            ensure_clock_allows_issue(self.ctx, s)
            town = s.scalars(select(Township)).one()
            names = {i.code: i.name for i in self.ctx.catalog.items}
            data = batch_data([_row(s, e, 0, names) for e in rows], batch=batch, up_to=day,
                              clerk=staff.name if staff else actor.name, town=town)
            doc, path, pdf = self.documents.record_list(s, BATCH_FORM, batch.number, data, staff, today)
            info = BatchRow(batch.id, batch.number, batch.submitted_on, total, count, None,
                            None, note, path, doc.id)
            changes = Changes(reserve=True, lists={doc.id})
        atomic_write(path, pdf)
        return Outcome(info, changes)

    def mark_reimbursed(self, batch_id: int, amount: object, on: object,
                        by: ActorRef) -> EntryResult:
        """The county reimbursed a 报账 batch: recorded on the batch and as a 拨入 into
        the fund (``batch_id`` set on that receipt names the batch it repays)."""
        errors: list[ValidationError] = []
        fen = self._amount(amount, errors)
        day = self._day(on, errors)
        if errors:
            raise ValidationErrors(errors)
        assert fen is not None and day is not None
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.RESERVE)
            batch = s.get(ReserveBatch, batch_id)
            if batch is None:
                raise LookupError(f"batch {batch_id} not found")
            if batch.reimbursed_on is not None:
                raise ValidationErrors([ValidationError("batch", "done",
                                                        key="reserve.batch_reimbursed",
                                                        params={"number": batch.number})])
            if fen > batch.total_fen:
                raise ValidationErrors([ValidationError(
                    "amount", "above_total", key="reserve.reimburse_above",
                    params={"total": format_yuan(batch.total_fen), "amount": format_yuan(fen)})])
            if day < batch.submitted_on:
                raise ValidationErrors([ValidationError(
                    "on", "order", key="reserve.reimburse_before",
                    params={"day": batch.submitted_on.isoformat(), "number": batch.number})])
            _require_enabled(self.ctx, s, day)
            batch.reimbursed_on, batch.reimbursed_fen = day, fen
            entry = _add(s, rules.RECEIPT, fen, day,
                         f"县级拨付报账款（{batch.submitted_on.month}月{batch.submitted_on.day}日报账）",
                         self._clerk(actor, staff))
            entry.batch_id = batch.id
            record_event(s, "reserve.reimburse", actor_id=self._clerk(actor, staff),
                         number=batch.number, amount_fen=fen, on=day.isoformat(),
                         receipt=entry.number)
            return self._result(s, entry)

    def _result(self, s: Session, entry: ReserveEntry) -> EntryResult:
        s.flush()
        names = {i.code: i.name for i in self.ctx.catalog.items}
        bal = rules.balance(_lines(s), entry.on)
        apps = {entry.application_id} if entry.application_id else set()
        return EntryResult(_row(s, entry, bal, names), bal,
                           Changes(applications=apps, reserve=True))

    # -- the setting ------------------------------------------------------------------------
    def configure(self, enabled: bool, emergency_draws: bool, from_day: object,
                  by: ActorRef) -> Changes:
        """Turn the fund on or off from ``from_day`` (an entry of the dated setting
        ``reserve_fund``: earlier days keep their entries; an entry of the same day is
        replaced). Administrators (``settings.change``); logged as ``settings.change``."""
        errors: list[ValidationError] = []
        if from_day in (None, ""):
            day: date | None = self.ctx.today()
        else:
            try:
                day = validate_date(from_day, "from_day")
            except ValidationError as exc:
                errors.append(exc)
                day = None
        if errors:
            raise ValidationErrors(errors)
        assert day is not None
        with self.ctx.db.transaction() as s:
            actor, _ = auth.require(s, by, auth.SETTINGS)
            old = self.ctx.get_setting(s, "reserve_fund") or [dict(rules.DEFAULT_ENTRY)]
            new = [e for e in old if e["effective_from"] != day.isoformat()]
            new.append({"effective_from": day.isoformat(), "enabled": bool(enabled),
                        "emergency_draws": bool(emergency_draws)})
            clean = rules.validate_setting("reserve_fund", new)
            if clean == old:
                return Changes()
            self.ctx.put_setting(s, "reserve_fund", clean, actor.staff_id)
            record_event(s, "settings.change", actor_id=actor.staff_id, key="reserve_fund",
                         old=old, new=clean, **auth.event_actor(actor))
        return Changes(settings=True, reserve=True)

    # -- the monthly statement --------------------------------------------------------------
    def monthly_statement(self, month: object, by: ActorRef) -> Outcome[ListInfo]:
        """备用金月度收支明细 of ``month`` (up to today for the current month), printed and
        recorded as a list document (kind ``reserve_statement``)."""
        start, end = month_bounds(month)
        today = self.ctx.today()
        if start > today:
            raise ValidationErrors([ValidationError("month", "future",
                                                    key="reserve.month_future")])
        end = min(end, today)
        led = self.ledger(start, end)
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            ensure_clock_allows_issue(self.ctx, s)
            clerk = staff.name if staff is not None else actor.name
            town = s.scalars(select(Township)).one()
            used = list(s.scalars(select(ListDocument.number).where(
                ListDocument.kind == STATEMENT, ListDocument.day == today)))
            number = numbering.reserve_number(town.code, today, "statement", used)
            data = statement_data(led, number=number, today=today, clerk=clerk, town=town)
            doc, path, pdf = self.documents.record_list(s, STATEMENT, number, data, staff, today,
                                                        month=start.strftime("%Y-%m"))
            info = ListInfo(doc.id, STATEMENT, number, "", today, len(led.rows), path)
        atomic_write(path, pdf)
        return Outcome(info, Changes(lists={info.id}))


def batch_data(rows: list[EntryRow], *, batch: ReserveBatch, up_to: date, clerk: str,
               town: Township) -> dict[str, Any]:
    """The data of the 临时救助备用金报账单 (forms/reserve_batch.json)."""
    from ..rules.handling import amount_in_words
    from .handling.base import government_name

    return {
        "number": batch.number, "reprint": False, "issued_date": batch.submitted_on.isoformat(),
        "clerk": clerk,
        "township": {"name": town.name, "code": town.code, "office": town.office_name,
                     "window_phone": town.window_phone,
                     "supervision_phone": town.supervision_phone},
        "derived": {"government": government_name(town.name)},
        "count": len(rows),
        "batch": {"number": batch.number, "up_to": up_to.isoformat(),
                  "payments": sum(1 for r in rows if r.kind == rules.PAYMENT),
                  "refunds": sum(1 for r in rows if r.kind == rules.REFUND),
                  "total": format_yuan(batch.total_fen),
                  "total_upper": amount_in_words(batch.total_fen), "text": batch.text},
        "entries": [{"number": r.number, "date": r.on.isoformat(), "kind": r.kind_label,
                     "application_number": r.application_number, "applicant": r.applicant,
                     "text": r.text,
                     "amount": format_yuan(-rules.SIGN[r.kind] * r.amount_fen)} for r in rows],
    }


def statement_data(led: Ledger, *, number: str, today: date, clerk: str,
                   town: Township) -> dict[str, Any]:
    """The data of the 备用金月度收支明细 (forms/reserve_statement.json)."""
    from .handling.base import government_name

    def yuan(fen: int) -> str:
        return format_yuan(fen) if fen else ""

    first, last = month_bounds(led.start)
    return {
        "number": number, "reprint": False, "issued_date": today.isoformat(), "clerk": clerk,
        "township": {"name": town.name, "code": town.code, "office": town.office_name,
                     "window_phone": town.window_phone,
                     "supervision_phone": town.supervision_phone},
        "derived": {"government": government_name(town.name)},
        "count": len(led.rows),
        "reserve": {
            "month": f"{first.year}年{first.month}月",
            "period_from": first.isoformat(), "period_to": led.end.isoformat(),
            "partial": led.end < last,
            "opening": format_yuan(led.opening_fen), "closing": format_yuan(led.closing_fen),
            "receipts": format_yuan(led.receipts_fen), "payments": format_yuan(led.payments_fen),
            "refunds": format_yuan(led.refunds_fen),
            "income": format_yuan(led.receipts_fen + led.refunds_fen),
        },
        "entries": [{"number": r.number, "date": r.on.isoformat(), "kind": r.kind_label,
                     "application_number": r.application_number, "applicant": r.applicant,
                     "application": f"{r.applicant} {r.application_number}".strip(),
                     "text": r.text, "income": yuan(r.income_fen), "expense": yuan(r.expense_fen),
                     "balance": format_yuan(r.balance_fen)} for r in led.rows],
    }
