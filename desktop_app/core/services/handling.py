"""协同办理: follow every accepted item to its result (跟踪督办).

Each accepted requested item is a handling task (see ``rules/handling.py`` for its
statuses). This service records what happens to it — the day's 转办清单 handed to the
courier (已转办), the department's signed 回执 (已签收), its result (已办结 / 不予办理 /
退回) — closes the application when every task has its final result, prints the
办理结果告知书, records 先行救助 payments (急难型临时救助) within the township's ceiling,
and keeps the re-check (动态管理) due list. Every step is an event in the audit log,
which is also the application's timeline.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ... import printing
from .. import vocab
from ..catalog import TOWNSHIP
from ..errors import ValidationError, ValidationErrors
from ..models import (
    Application,
    Document,
    EmergencyAid,
    Event,
    ListDocument,
    RequestedItem,
    Staff,
    Township,
    Village,
)
from ..rules import handling as rules
from ..rules import numbering
from ..rules.values import format_yuan, parse_amount, validate_date, validate_name, validate_text
from . import auth, handling_data
from .auth import ActorRef
from .context import Changes, Outcome, ServiceContext
from .documents import DocumentInfo, DocumentService, atomic_write
from .events import record_event


# -- read models ---------------------------------------------------------------------
@dataclass(frozen=True)
class TaskRow:
    """One handling task as the tracking screen and the ``overdue`` list show it."""

    task_id: int
    application_id: int
    number: str
    applicant: str
    village: str
    item_code: str
    item_name: str
    handler_code: str
    handler_name: str
    status: str
    status_label: str
    due_date: date | None
    due_provisional: bool
    state: str                # overdue / due_soon / ok / final
    workdays_left: int
    referred_on: date | None
    signed_on: date | None
    signed_by: str
    result_on: date | None
    result_text: str
    amount: str
    period: str
    clerk: str
    urgent: bool

    @property
    def referred(self) -> bool:
        return self.handler_code != TOWNSHIP


@dataclass(frozen=True)
class TaskFilter:
    department: str | None = None      # handler code
    item_code: str | None = None
    village_id: int | None = None
    clerk_id: int | None = None
    state: str | None = None           # overdue / due_soon
    status: str | None = None
    include_final: bool = False
    limit: int = 5000                  # newest first beyond this many (with include_final)


@dataclass(frozen=True)
class Feedback:
    """What the department's 回执 (or the township's own decision) says.

    ``result``: ``done`` (已办结), ``refused`` (不予办理) or ``returned`` (退回).
    Dates and the amount may be given as text as typed (``"2026-12-01"``, ``"600"``).
    ``signed_by``/``signed_on``: the 回执's 签收人 and 签收时间 when the task was not
    recorded as signed yet.
    """

    result: str
    result_on: date | str
    result_text: str = ""
    amount: str | int | None = None
    period_from: date | str | None = None
    period_to: date | str | None = None
    signed_by: str = ""
    signed_on: date | str | None = None
    review_class: str = ""


@dataclass(frozen=True)
class FeedbackResult:
    changes: Changes
    task_status: str
    closed: bool


@dataclass(frozen=True)
class EmergencyInput:
    amount: str | int
    method: str
    cause: str
    paid_on: date | str | None = None


@dataclass(frozen=True)
class EmergencyResult:
    document: DocumentInfo
    paperwork_due: date
    provisional: bool
    changes: Changes = field(default_factory=Changes)


@dataclass(frozen=True)
class ListInfo:
    id: int
    kind: str
    number: str
    department: str
    day: date
    count: int
    path: Path


@dataclass(frozen=True)
class ReviewRow:
    task_id: int
    application_id: int
    number: str
    applicant: str
    village: str
    item_name: str
    review_class: str
    next_review_on: date
    days_left: int
    item_code: str = ""


@dataclass(frozen=True)
class FlaggedRow:
    """An application on the separately registered list (单独登记备案)."""

    application_id: int
    number: str
    applicant: str
    village: str
    intake_date: date
    items: str
    note: str
    status: str


@dataclass(frozen=True)
class Step:
    """One step of an application's timeline."""

    at: datetime
    actor: str
    action: str
    text: str


STEP_TEXTS = {
    "application.accept": "受理",
    "application.notice": "出具一次性告知书",
    "application.reject": "不予受理",
    "application.close": "办结",
    "application.withdraw": "申请人撤回",
    "application.void": "作废",
    "task.refer": "转办",
    "task.sign": "部门签收",
    "task.feedback": "办理结果反馈",
    "task.re_refer": "重新转办",
    "task.review": "复核",
    "emergency.pay": "先行救助",
    "emergency.escalate": "超出限额转县级审批",
}


def _day(value, field: str, label: str, *, today: date) -> date:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return validate_date(value, field, not_after=today)
    except ValidationError as exc:
        raise ValidationError(field, exc.code, f"{label}：{exc.message}") from None


class HandlingService:
    def __init__(self, ctx: ServiceContext, documents: DocumentService) -> None:
        self.ctx = ctx
        self.documents = documents

    # -- queries ---------------------------------------------------------------------
    def tasks(self, flt: TaskFilter = TaskFilter(), *, today: date | None = None) -> list[TaskRow]:
        """Tasks of accepted (and closed) applications, most urgent first."""
        today = today or self.ctx.today()
        with self.ctx.db.read() as s:
            q = (select(RequestedItem, Application)
                 .join(Application, Application.id == RequestedItem.application_id)
                 .where(RequestedItem.status == "accepted",
                        Application.status.in_(("accepted", "closed"))))
            if not flt.include_final:
                q = q.where(RequestedItem.task_status.in_(vocab.OPEN_TASK_STATUSES))
            if flt.department:
                q = q.where(RequestedItem.handler_code == flt.department)
            if flt.item_code:
                q = q.where(RequestedItem.item_code == flt.item_code)
            if flt.village_id:
                q = q.where(Application.village_id == flt.village_id)
            if flt.clerk_id:
                q = q.where(Application.decided_by_id == flt.clerk_id)
            if flt.status:
                q = q.where(RequestedItem.task_status == flt.status)
            q = q.options(selectinload(RequestedItem.application)
                          .selectinload(Application.members))
            q = q.order_by(RequestedItem.id.desc()).limit(flt.limit)
            rows = self._rows(s, s.execute(q).all(), today)
        if flt.state:
            rows = [r for r in rows if r.state == flt.state]
        order = {"overdue": 0, "due_soon": 1, "ok": 2, "final": 3}
        rows.sort(key=lambda r: (order[r.state], r.due_date or date.max, r.task_id))
        return rows

    def overdue(self, *, today: date | None = None) -> list[TaskRow]:
        return self.tasks(TaskFilter(state="overdue"), today=today)

    def tasks_for_application(self, application_id: int, *, today: date | None = None
                              ) -> list[TaskRow]:
        today = today or self.ctx.today()
        with self.ctx.db.read() as s:
            q = (select(RequestedItem, Application)
                 .join(Application, Application.id == RequestedItem.application_id)
                 .where(RequestedItem.application_id == application_id,
                        RequestedItem.status == "accepted")
                 .order_by(RequestedItem.position))
            return self._rows(s, s.execute(q).all(), today)

    def _rows(self, s: Session, pairs, today: date) -> list[TaskRow]:
        cal = self.ctx.calendar(s)
        soon = int(self.ctx.get_setting(s, "due_soon_workdays"))
        cat = self.ctx.catalog
        villages = {v.id: v.name for v in s.scalars(select(Village))}
        staff = {st.id: st.name for st in s.scalars(select(Staff))}
        out = []
        for req, app in pairs:
            status = req.task_status or ("in_progress" if req.handler_code == TOWNSHIP
                                         else "to_refer")
            if status in vocab.FINAL_TASK_STATUSES:
                ds = rules.DueState("final", 0)
            else:
                ds = rules.due_state(cal, today, req.due_date, soon)
            out.append(TaskRow(
                req.id, app.id, app.number or "", app.applicant.name,
                villages.get(app.village_id, ""), req.item_code, cat.item(req.item_code).name,
                req.handler_code, cat.department(req.handler_code).name, status,
                vocab.TASK_STATUS_LABELS[status], req.due_date, bool(req.due_provisional),
                ds.state, ds.workdays_left, req.referred_on, req.signed_on, req.signed_by,
                req.result_on, req.result_text,
                handling_data.amount_text(req.item_code, req.amount_fen),
                handling_data.period_text(req.period_from, req.period_to),
                staff.get(app.decided_by_id, ""), bool(app.urgent),
            ))
        return out

    # -- 转办: the day's list per department ----------------------------------------------
    def departments_to_refer(self) -> dict[str, int]:
        """Departments with tasks waiting to be handed over, and how many."""
        with self.ctx.db.read() as s:
            rows = s.execute(
                select(RequestedItem.handler_code, func.count())
                .join(Application, Application.id == RequestedItem.application_id)
                .where(RequestedItem.task_status == "to_refer",
                       Application.status == "accepted")
                .group_by(RequestedItem.handler_code)).all()
        return {code: n for code, n in rows}

    def issue_handover_list(self, department: str, by: ActorRef, *,
                            day: date | None = None) -> Outcome[ListInfo]:
        """Print the 转办清单 of ``department``: every task waiting for it (待转办), one
        row per slip; those tasks become 已转办 on ``day``. Recorded like a document."""
        day = day or self.ctx.today()
        cat = self.ctx.catalog
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            clerk = self._staff(s, actor, staff)
            try:
                dept = cat.department(department)
            except KeyError:
                raise ValidationErrors([ValidationError("department", "unknown", "未知的部门")]) from None
            tasks = list(s.scalars(
                select(RequestedItem).join(Application)
                .where(RequestedItem.handler_code == department,
                       RequestedItem.task_status == "to_refer",
                       Application.status == "accepted")
                .order_by(RequestedItem.application_id, RequestedItem.position)))
            if not tasks:
                raise ValidationErrors([ValidationError(
                    "department", "empty", f"{dept.name}没有待转办的事项")])
            slips = self._latest_slips(s, {t.application_id for t in tasks}, department)
            town = s.scalars(select(Township)).one()
            n = 1 + (s.scalar(select(func.count()).select_from(ListDocument)
                              .where(ListDocument.day == day,
                                     ListDocument.kind == "handover_list")) or 0)
            number = numbering.handover_list_number(town.code, day, n)
            rows = handling_data.handover_rows(s, cat, tasks, slips)
            data = {
                "number": number, "reprint": False, "issued_date": day.isoformat(),
                "clerk": clerk.name,
                "township": {"name": town.name, "code": town.code, "office": town.office_name,
                             "window_phone": town.window_phone,
                             "supervision_phone": town.supervision_phone},
                "derived": {"government": _government(town.name)},
                "department": {"code": department, "name": dept.name},
                "count": len(rows), "rows": rows,
            }
            pdf = printing.render_document("handover_list", data)
            digest = hashlib.sha256(pdf).hexdigest()
            doc = ListDocument(kind="handover_list", number=number, department=department,
                               day=day, template_version=str(printing.load_template(
                                   "handover_list").version),
                               data=json.dumps(data, ensure_ascii=False, sort_keys=True),
                               sha256=digest, created_by_id=clerk.id, print_count=1)
            s.add(doc)
            s.flush()
            record_event(s, "document.issue", actor_id=clerk.id, list_document_id=doc.id,
                         kind="handover_list", number=number, sha256=digest,
                         department=department)
            for t in tasks:
                t.task_status = rules.next_status(t.task_status, "refer")
                t.referred_on = day
                record_event(s, "task.refer", actor_id=clerk.id, application_id=t.application_id,
                             task_id=t.id, item=t.item_code, department=department,
                             list=number, slip=slips.get(t.application_id, ""))
            path = self._list_path(doc)
            info = ListInfo(doc.id, doc.kind, number, department, day, len(rows), path)
            changes = Changes(applications={t.application_id for t in tasks}, lists={doc.id})
        atomic_write(path, pdf)
        return Outcome(info, changes)

    def lists(self, *, day: date | None = None) -> list[ListInfo]:
        with self.ctx.db.read() as s:
            q = select(ListDocument).order_by(ListDocument.id.desc())
            if day:
                q = q.where(ListDocument.day == day)
            return [ListInfo(d.id, d.kind, d.number, d.department, d.day,
                             json.loads(d.data).get("count", 0), self._list_path(d))
                    for d in s.scalars(q.limit(200))]

    def list_pdf(self, list_id: int) -> Path:
        """The list's PDF, re-rendered from its snapshot if the file went missing."""
        with self.ctx.db.read() as s:
            doc = s.get_one(ListDocument, list_id)
            path = self._list_path(doc)
            if path.exists() and hashlib.sha256(path.read_bytes()).hexdigest() == doc.sha256:
                return path
            pdf = printing.render_document(doc.kind, json.loads(doc.data))
        if hashlib.sha256(pdf).hexdigest() != doc.sha256:
            raise RuntimeError(f"清单 {doc.number} 重新生成的内容与存档哈希不一致")
        atomic_write(path, pdf)
        return path

    def list_slips(self, list_id: int) -> list[DocumentInfo]:
        """The 转办单 on a 转办清单, in list order — for printing the day's slips of a
        department together with their list (their PDFs re-rendered if missing)."""
        with self.ctx.db.read() as s:
            doc = s.get_one(ListDocument, list_id)
            numbers = [r["referral_number"] for r in json.loads(doc.data).get("rows", [])
                       if r.get("referral_number")]
            ids = {d.number: d.id for d in s.scalars(select(Document).where(
                Document.kind == "referral", Document.number.in_(numbers)))}
        out = []
        for number in numbers:
            if number in ids:
                self.documents.original_pdf(ids[number])
                out.append(self.documents.find("referral", number))
        return out

    def _list_path(self, doc: ListDocument) -> Path:
        return self.documents.folder / doc.day.strftime("%Y%m") / f"{doc.number}-{doc.kind}.pdf"

    @staticmethod
    def _latest_slips(s: Session, app_ids: set[int], department: str) -> dict[int, str]:
        """The newest 转办单 number per application for ``department``."""
        out: dict[int, str] = {}
        docs = s.execute(select(Document.application_id, Document.number, Document.data)
                         .where(Document.kind == "referral", Document.voided.is_(False),
                                Document.application_id.in_(app_ids))
                         .order_by(Document.id))
        for app_id, number, data in docs:
            if json.loads(data).get("department", {}).get("code") == department:
                out[app_id] = number
        return out

    # -- 回执: signature and result --------------------------------------------------------
    def record_signed(self, task_id: int, signed_by: str, signed_on: date | str,
                      by: ActorRef) -> Changes:
        """已签收: the department's 回执 shows who signed for the slip and when."""
        today = self.ctx.today()
        errors: list[ValidationError] = []
        name = _collect(errors, lambda: validate_name(signed_by, "signed_by"))
        on = _collect(errors, lambda: _day(signed_on, "signed_on", "签收时间", today=today))
        if errors:
            raise ValidationErrors(errors)
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            task = self._task(s, task_id)
            new = _next(task.task_status, "sign")
            self._not_before(on, task.referred_on, "signed_on", "签收时间不能早于转办日期")
            task.task_status, task.signed_by, task.signed_on = new, name, on
            record_event(s, "task.sign", actor_id=actor.staff_id,
                         application_id=task.application_id, task_id=task.id,
                         item=task.item_code, signed_by=name, signed_on=on.isoformat())
        return Changes(applications={task.application_id})

    def record_feedback(self, task_id: int, fb: Feedback, by: ActorRef) -> FeedbackResult:
        """The result from the 回执 (or the township's own decision). Closes the
        application when every accepted item has its final result."""
        today = self.ctx.today()
        errors: list[ValidationError] = []
        if fb.result not in dict(vocab.TASK_RESULTS):
            errors.append(ValidationError("result", "invalid", "请选择办理结果"))
        result_on = _collect(errors, lambda: _day(fb.result_on, "result_on", "反馈时间",
                                                  today=today))
        text = _collect(errors, lambda: validate_text(fb.result_text, "result_text",
                                                      200)) or ""
        amount = None
        if fb.amount not in (None, ""):
            amount = (fb.amount if isinstance(fb.amount, int) and not isinstance(fb.amount, bool)
                      else _collect(errors, lambda: parse_amount(fb.amount, "amount")))
        p_from = p_to = None
        if fb.period_from not in (None, ""):
            p_from = _collect(errors, lambda: _day(fb.period_from, "period_from", "救助起始月",
                                                   today=date.max))
        if fb.period_to not in (None, ""):
            p_to = _collect(errors, lambda: _day(fb.period_to, "period_to", "救助截止月",
                                                 today=date.max))
        if p_from and p_to and p_to < p_from:
            errors.append(ValidationError("period_to", "order", "救助截止月不能早于起始月"))
        if fb.result == "refused" and not (fb.result_text or "").strip():
            errors.append(ValidationError("result_text", "required", "请填写不予办理的理由"))
        if fb.result == "returned" and not (fb.result_text or "").strip():
            errors.append(ValidationError("result_text", "required", "请填写退回的原因"))
        if fb.result != "done" and amount:
            errors.append(ValidationError("amount", "not_done", "只有已办结的事项才有救助金额"))
        if fb.review_class and fb.review_class not in dict(vocab.REVIEW_CLASSES):
            errors.append(ValidationError("review_class", "invalid", "复核类别应为 A、B 或 C"))
        signed_by = signed_on = None
        if (fb.signed_by or "").strip():
            signed_by = _collect(errors, lambda: validate_name(fb.signed_by, "signed_by"))
            signed_on = _collect(errors, lambda: _day(fb.signed_on or fb.result_on, "signed_on",
                                                      "签收时间", today=today))
        if errors:
            raise ValidationErrors(errors)
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            task = self._task(s, task_id)
            status = task.task_status
            if status == "referred" and signed_by:
                status = _next(status, "sign")
                self._not_before(signed_on, task.referred_on, "signed_on",
                                 "签收时间不能早于转办日期")
                task.signed_by, task.signed_on = signed_by, signed_on
            new = _next(status, fb.result)
            self._not_before(result_on, task.referred_on, "result_on", "反馈时间不能早于转办日期")
            decided = task.application.decided_at
            self._not_before(result_on, decided.date() if decided else None, "result_on",
                             "反馈时间不能早于受理日期")
            old = task.task_status
            task.task_status, task.result_on, task.result_text = new, result_on, text
            task.amount_fen = amount if new == "done" else None
            task.period_from, task.period_to = (p_from, p_to) if new == "done" else (None, None)
            task.result_by_id = actor.staff_id
            if new == "done":
                task.review_class = fb.review_class or ("B" if task.item_code == "DIBAO" else "")
                months = self.ctx.get_setting(s, "review_months")
                task.next_review_on = rules.next_review(task.item_code, task.review_class,
                                                        result_on, months)
            record_event(s, "task.feedback", actor_id=actor.staff_id,
                         application_id=task.application_id, task_id=task.id,
                         item=task.item_code, result=fb.result, result_on=result_on.isoformat(),
                         text=text, amount_fen=task.amount_fen,
                         changes={"task_status": [old, new]},
                         **({"signed_by": signed_by} if signed_by else {}))
            closed = self._close_if_done(s, task.application, actor.staff_id, today)
        return FeedbackResult(Changes(applications={task.application_id}), new, closed)

    def _close_if_done(self, s: Session, app: Application, actor_id: int | None,
                       today: date) -> bool:
        accepted = [r for r in app.items if r.status == "accepted"]
        if app.status != "accepted" or not accepted or any(
                r.task_status not in vocab.FINAL_TASK_STATUSES for r in accepted):
            return False
        app.status, app.closed_on = "closed", today
        record_event(s, "application.close", actor_id=actor_id, application_id=app.id,
                     changes={"status": ["accepted", "closed"]},
                     results={r.item_code: r.task_status for r in accepted})
        return True

    def re_refer(self, task_id: int, by: ActorRef) -> Outcome[DocumentInfo]:
        """A returned item (退回) goes to its department again with a new 转办单
        (only the returned items of that department); the task waits for the next list."""
        now = self.ctx.clock()
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            clerk = self._staff(s, actor, staff)
            task = self._task(s, task_id)
            _next(task.task_status, "re_refer")
            app = task.application
            items = [r for r in app.items if r.handler_code == task.handler_code
                     and r.task_status == "returned"]
            for r in items:
                r.task_status = _next(r.task_status, "re_refer")
                r.referred_on = r.signed_on = None
                r.signed_by = ""
                record_event(s, "task.re_refer", actor_id=clerk.id, application_id=app.id,
                             task_id=r.id, item=r.item_code, department=r.handler_code)
            number = self._next_suffix(s, app, numbering.REFERRAL)
            pending = self.documents.create(s, app, "referral", number, clerk, now,
                                            department=task.handler_code,
                                            item_ids={r.id for r in items})
        return _written(self.documents.write_files([pending])[0])

    # -- 办理结果告知书 ------------------------------------------------------------------
    def issue_result_notice(self, application_id: int, by: ActorRef) -> Outcome[DocumentInfo]:
        """The applicant's notice of every item's result; needs at least one result."""
        now = self.ctx.clock()
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            clerk = self._staff(s, actor, staff)
            app = s.get(Application, application_id)
            if app is None:
                raise LookupError(f"application {application_id} not found")
            if not any(r.task_status in vocab.FINAL_TASK_STATUSES for r in app.items
                       if r.status == "accepted"):
                raise ValidationErrors([ValidationError(
                    "results", "none", "还没有任何事项的办理结果，不能出具告知书")])
            number = self._next_suffix(s, app, numbering.RESULT_NOTICE)
            pending = self.documents.create(s, app, "result_notice", number, clerk, now)
        return _written(self.documents.write_files([pending])[0])

    # -- 先行救助 ----------------------------------------------------------------------
    def emergency_ceiling(self) -> int:
        with self.ctx.db.read() as s:
            return int(self.ctx.get_setting(s, "emergency_ceiling_fen"))

    def year_aid(self, application_id: int, year: int | None = None) -> list[dict]:
        """Temporary assistance the household received this year (shown before paying)."""
        with self.ctx.db.read() as s:
            app = s.get_one(Application, application_id)
            return handling_data.year_aid(s, app, year or self.ctx.today().year)

    def record_emergency(self, application_id: int, inp: EmergencyInput,
                         by: ActorRef) -> EmergencyResult:
        """先行救助: pay at once within the ceiling, print the record, and give the
        临时救助（急难型） task its paperwork deadline (setting, default 5 working days).
        Above the ceiling: refused with a message — use :meth:`escalate`."""
        now = self.ctx.clock()
        today = now.date()
        errors: list[ValidationError] = []
        amount = (inp.amount if isinstance(inp.amount, int) and not isinstance(inp.amount, bool)
                  else _collect(errors, lambda: parse_amount(inp.amount, "amount")))
        if amount is not None and amount <= 0:
            errors.append(ValidationError("amount", "range", "请填写先行救助金额"))
        if inp.method not in vocab.AID_METHODS:
            errors.append(ValidationError("method", "invalid", "请选择发放方式"))
        cause = _collect(errors, lambda: validate_text(inp.cause, "cause", 200,
                                                               required=True))
        paid_on = (_collect(errors, lambda: _day(inp.paid_on, "paid_on", "发放日期", today=today))
                   if inp.paid_on not in (None, "") else today)
        if errors:
            raise ValidationErrors(errors)
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            clerk = self._staff(s, actor, staff)
            app = s.get(Application, application_id)
            if app is None:
                raise LookupError(f"application {application_id} not found")
            task = next((r for r in app.items if r.item_code == "LINSHI_URGENT"
                         and r.status == "accepted"), None)
            if task is None or app.status != "accepted":
                raise ValidationErrors([ValidationError(
                    "application", "no_urgent", "该申请没有已受理的急难型临时救助事项")])
            if task.task_status != "in_progress" or task.handler_code != TOWNSHIP:
                raise ValidationErrors([ValidationError(
                    "application", "state", "该急难型临时救助事项已转县级审批或已办结，不能再先行救助")])
            ceiling = int(self.ctx.get_setting(s, "emergency_ceiling_fen"))
            if amount > ceiling:
                raise ValidationErrors([ValidationError(
                    "amount", "ceiling",
                    f"金额 {format_yuan(amount)} 元超过乡镇先行救助限额 {format_yuan(ceiling)} 元，"
                    "请报县民政局审批")])
            cal = self.ctx.calendar(s)
            due = cal.add_workdays(paid_on, int(self.ctx.get_setting(
                s, "emergency_paperwork_workdays")))
            number = self._next_suffix(s, app, numbering.EMERGENCY)
            aid = EmergencyAid(application_id=app.id, item_id=task.id, number=number,
                               amount_fen=amount, method=inp.method, cause=cause,
                               paid_on=paid_on, paperwork_due=due.date,
                               paperwork_provisional=due.provisional, recorded_by_id=clerk.id)
            s.add(aid)
            s.flush()
            # The follow-up task: the same item, now due when the paperwork is.
            task.due_date, task.due_provisional = due.date, due.provisional
            record_event(s, "emergency.pay", actor_id=clerk.id, application_id=app.id,
                         task_id=task.id, number=number, amount_fen=amount, method=inp.method,
                         paid_on=paid_on.isoformat(), paperwork_due=due.date.isoformat())
            pending = self.documents.create(s, app, "emergency_record", number, clerk, now,
                                            aid=aid)
        info = self.documents.write_files([pending])[0]
        return EmergencyResult(info, due.date, due.provisional, _written(info).changes)

    def escalate(self, task_id: int, reason: str, by: ActorRef) -> Outcome[DocumentInfo]:
        """Above the township's ceiling: the 急难型 item goes to the county department
        (catalogue ``escalation``) with a 转办单; tracked like every referral."""
        now = self.ctx.clock()
        reason = (reason or "").strip()
        if not reason:
            raise ValidationErrors([ValidationError("reason", "required", "请填写报县审批的理由")])
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            clerk = self._staff(s, actor, staff)
            task = self._task(s, task_id)
            item = self.ctx.catalog.item(task.item_code)
            if not item.escalation or task.handler_code != TOWNSHIP \
                    or task.task_status != "in_progress":
                raise ValidationErrors([ValidationError(
                    "task", "state", "该事项不能报县审批")])
            task.handler_code = task.decider_code = item.escalation
            task.task_status = "to_refer"
            app = task.application
            record_event(s, "emergency.escalate", actor_id=clerk.id, application_id=app.id,
                         task_id=task.id, department=item.escalation, reason=reason)
            number = self._next_suffix(s, app, numbering.REFERRAL)
            pending = self.documents.create(s, app, "referral", number, clerk, now,
                                            department=item.escalation, item_ids={task.id})
        return _written(self.documents.write_files([pending])[0])

    # -- 动态管理 ----------------------------------------------------------------------
    def reviews_due(self, *, within_days: int = 30, today: date | None = None) -> list[ReviewRow]:
        """低保/特困 households whose re-check is due within ``within_days`` (or late)."""
        today = today or self.ctx.today()
        limit = date.fromordinal(today.toordinal() + within_days)
        with self.ctx.db.read() as s:
            villages = {v.id: v.name for v in s.scalars(select(Village))}
            q = (select(RequestedItem, Application).join(Application)
                 .where(RequestedItem.next_review_on.is_not(None),
                        RequestedItem.next_review_on <= limit,
                        RequestedItem.task_status == "done",
                        Application.status.in_(("accepted", "closed")))
                 .order_by(RequestedItem.next_review_on))
            return [ReviewRow(r.id, a.id, a.number or "", a.applicant.name,
                              villages.get(a.village_id, ""),
                              self.ctx.catalog.item(r.item_code).name, r.review_class,
                              r.next_review_on, (r.next_review_on - today).days, r.item_code)
                    for r, a in s.execute(q)]

    def record_review(self, task_id: int, on: date | str, outcome: str, note: str,
                      by: ActorRef, *, review_class: str = "") -> Changes:
        """A re-check done: ``continue`` (next date from the class's interval) or
        ``stop`` (benefit ends; no more reminders)."""
        today = self.ctx.today()
        errors: list[ValidationError] = []
        day = _collect(errors, lambda: _day(on, "review_on", "复核日期", today=today))
        if outcome not in ("continue", "stop"):
            errors.append(ValidationError("outcome", "invalid", "请选择复核结论"))
        if review_class and review_class not in dict(vocab.REVIEW_CLASSES):
            errors.append(ValidationError("review_class", "invalid", "复核类别应为 A、B 或 C"))
        note = _collect(errors, lambda: validate_text(note, "note", 200)) or ""
        if errors:
            raise ValidationErrors(errors)
        with self.ctx.db.transaction() as s:
            actor, _ = auth.require(s, by, auth.HANDLE)
            task = self._task(s, task_id)
            if task.next_review_on is None:
                raise ValidationErrors([ValidationError("task", "state", "该事项无需复核")])
            old = task.next_review_on
            if review_class:
                task.review_class = review_class
            task.next_review_on = (rules.next_review(task.item_code, task.review_class, day,
                                                     self.ctx.get_setting(s, "review_months"))
                                   if outcome == "continue" else None)
            record_event(s, "task.review", actor_id=actor.staff_id,
                         application_id=task.application_id, task_id=task.id,
                         item=task.item_code, on=day.isoformat(), outcome=outcome, note=note,
                         changes={"next_review_on": [old.isoformat(), task.next_review_on
                                                     and task.next_review_on.isoformat()]})
        return Changes(applications={task.application_id})

    # -- 单独登记备案 ----------------------------------------------------------------------
    def staff_relatives(self, by: ActorRef) -> list[FlaggedRow]:
        """Applications of relatives of staff or village cadres (supervisors only)."""
        with self.ctx.db.read() as s:
            auth.require(s, by, auth.SEPARATE_LIST)
            villages = {v.id: v.name for v in s.scalars(select(Village))}
            apps = s.scalars(select(Application).where(Application.staff_relative.is_(True))
                             .order_by(Application.intake_date.desc(), Application.id.desc()))
            return [FlaggedRow(a.id, a.number or "", a.applicant.name,
                               villages.get(a.village_id, ""), a.intake_date,
                               "、".join(self.ctx.catalog.item(r.item_code).name for r in a.items),
                               a.staff_relative_note,
                               vocab.STATUS_LABELS.get(a.status, a.status))
                    for a in apps]

    # -- timeline -----------------------------------------------------------------------
    def timeline(self, application_id: int) -> list[Step]:
        """Every step of an application (accepted, referred, signed for, feedback,
        notified, closed …) with who and when, oldest first."""
        cat = self.ctx.catalog
        with self.ctx.db.read() as s:
            staff = {st.id: st.name for st in s.scalars(select(Staff))}
            events = s.scalars(select(Event).where(Event.application_id == application_id)
                               .order_by(Event.seq))
            steps = []
            for e in events:
                d = json.loads(e.detail or "{}")
                text = _step_text(cat, e.action, d)
                if text is None:
                    continue
                steps.append(Step(e.at, staff.get(e.actor_id, "系统") if e.actor_id else "系统",
                                  e.action, text))
            return steps

    # -- helpers ---------------------------------------------------------------------
    @staticmethod
    def _task(s: Session, task_id: int) -> RequestedItem:
        task = s.get(RequestedItem, task_id)
        if task is None or task.status != "accepted":
            raise LookupError(f"task {task_id} not found")
        if task.application.status not in ("accepted", "closed"):
            raise ValidationErrors([ValidationError(
                "application", "state",
                f"该申请已{vocab.STATUS_LABELS.get(task.application.status, '')}，不能办理")])
        return task

    @staticmethod
    def _staff(s: Session, actor: auth.Actor, staff: Staff | None) -> Staff:
        if staff is None:  # the command line acts for nobody in particular
            raise auth.PermissionDenied(auth.HANDLE, auth.MESSAGES[auth.HANDLE])
        return staff

    @staticmethod
    def _not_before(day: date | None, earliest: date | None, field: str, message: str) -> None:
        if day and earliest and day < earliest:
            raise ValidationErrors([ValidationError(field, "order", message)])

    @staticmethod
    def _next_suffix(s: Session, app: Application, letter: str) -> str:
        """``<receipt>-<letter><n>``: the next free number of this kind for ``app``."""
        prefix = f"{app.number}-{letter}"
        used = s.scalars(select(Document.number).where(
            Document.application_id == app.id, Document.number.like(prefix + "%"))).all()
        used += s.scalars(select(EmergencyAid.number).where(
            EmergencyAid.application_id == app.id, EmergencyAid.number.like(prefix + "%"))).all()
        return numbering.next_suffixed_number(app.number, letter, used)


def _next(status: str | None, action: str) -> str:
    try:
        return rules.next_status(status, action)
    except ValidationError as exc:
        raise ValidationErrors([exc]) from None


def _collect(errors: list[ValidationError], fn):
    try:
        return fn()
    except ValidationError as exc:
        errors.append(exc)
        return None
    except ValidationErrors as exc:
        errors.extend(exc.errors)
        return None


def _government(name: str) -> str:
    return f"{name}办事处" if name.endswith("街道") else f"{name}人民政府"


def _step_text(cat, action: str, d: dict) -> str | None:
    if action == "document.issue":
        kind = d.get("kind", "")
        title = printing.DOCUMENT_KINDS.get(kind, kind)
        extra = ""
        if kind == "referral" and d.get("department"):
            extra = f"（{cat.department(d['department']).name}）"
        return f"出具{title}{extra} {d.get('number', '')}"
    if action not in STEP_TEXTS:
        return None
    base = STEP_TEXTS[action]
    item = cat.item(d["item"]).name if cat.has_item(d.get("item") or "") else ""
    if action == "task.refer":
        return f"{base}：{item} → {cat.department(d['department']).name}（清单 {d.get('list', '')}）"
    if action == "task.sign":
        return f"{base}：{item}，签收人 {d.get('signed_by', '')}，{d.get('signed_on', '')}"
    if action == "task.feedback":
        label = dict(vocab.TASK_RESULTS).get(d.get("result", ""), "")
        amount = f"，{format_yuan(d['amount_fen'])} 元" if d.get("amount_fen") else ""
        text = f"，{d['text']}" if d.get("text") else ""
        return f"{base}：{item} {label}{amount}{text}（{d.get('result_on', '')}）"
    if action == "task.re_refer":
        return f"{base}：{item}"
    if action == "task.review":
        return f"{base}：{item}，{'继续享受' if d.get('outcome') == 'continue' else '停止享受'}"
    if action == "emergency.pay":
        return f"{base} {format_yuan(d.get('amount_fen', 0))} 元（{d.get('method', '')}）"
    if action == "emergency.escalate":
        return f"{base}：{d.get('reason', '')}"
    return base


def _written(info: DocumentInfo) -> Outcome[DocumentInfo]:
    """A document issued for an application: the application and the document changed."""
    return Outcome(info, Changes(applications={info.application_id}, documents={info.id}))
