"""What the county tabs show, read from ``county_receiver.views`` (Qt-free queries) and
shaped for the screens: labels resolved (township names, item and department names),
a department account's scope applied. Runs on the read lane — no Qt here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from typing import Any

from sqlalchemy import select

from county_receiver.models import RegisteredTownship
from sync_contract.tasks import STATUS_LABELS


# -- labels ------------------------------------------------------------------------------
@lru_cache(maxsize=1)
def _catalogue_names() -> tuple[dict[str, str], dict[str, str]]:
    """(item code -> name, department code -> name) from the catalogue the program ships
    (the townships' items and departments; a code not in it is shown as it is)."""
    from desktop_app import resources_dir

    try:
        doc = json.loads((resources_dir() / "catalog" / "items.json").read_text("utf-8"))
    except (OSError, ValueError):
        return {}, {}
    items = {str(i.get("code")): str(i.get("short_name") or i.get("name") or i.get("code"))
             for i in doc.get("items", []) if isinstance(i, dict)}
    deps = {str(d.get("code")): str(d.get("name") or d.get("code"))
            for d in doc.get("departments", []) if isinstance(d, dict)}
    return items, deps


def item_label(code: str | None) -> str:
    return _catalogue_names()[0].get(code or "", code or "—")


def department_label(code: str | None) -> str:
    return _catalogue_names()[1].get(code or "", code or "—")


def status_label(code: str | None) -> str:
    return STATUS_LABELS.get(code or "", code or "—")


def townships(county: Any) -> dict[int, tuple[str, str]]:
    """township id -> (code, label): the name, or the code when the name is unknown."""
    with county.engine.connect() as conn:
        rows = conn.execute(select(RegisteredTownship.id, RegisteredTownship.code,
                                   RegisteredTownship.name).order_by(RegisteredTownship.code))
        return {r.id: (r.code, r.name or r.code) for r in rows}


@dataclass(frozen=True)
class OverdueMatrix:
    """Overdue referrals: counts by (department, township) and the labels to show."""

    departments: list[tuple[str, str]]            # (code, label) of the rows shown
    townships: list[tuple[str, str]]              # (code, label) of the columns shown
    counts: dict[tuple[str, str], int]
    all_departments: list[tuple[str, str]] = field(default_factory=list)  # filter choices
    all_townships: list[tuple[str, str]] = field(default_factory=list)


@dataclass(frozen=True)
class OverdueTask:
    township_code: str
    township_label: str
    application_number: str | None
    item_label: str
    department_label: str
    referred_on: date | None
    due_date: date | None
    days_overdue: int


def overdue_matrix(county: Any, today: date, *, department: str | None = None,
                   township: str | None = None) -> OverdueMatrix:
    """Overdue referrals counted by department × township (``views.overdue``;
    ``department``: a department's scope or the officer's filter)."""
    from county_receiver import views

    table = views.overdue(county, today, department=department, township=township)
    every = views.overdue(county, today) if department or township else table
    tws = townships(county)
    all_tw = sorted(tws.values())
    shown = [(t.code, t.name or t.code) for t in table.townships]
    if township is not None and not shown:
        shown = [(c, n) for c, n in all_tw if c == township]
    if township is None:        # every township a column: a township without any shows ""
        shown = all_tw
    return OverdueMatrix(
        departments=[(d, department_label(d)) for d in table.departments],
        townships=shown, counts=dict(table.counts),
        all_departments=[(d, department_label(d)) for d in every.departments],
        all_townships=all_tw)


def overdue_tasks(county: Any, today: date, *, department: str | None = None,
                  township: str | None = None, limit: int = 2000) -> list[OverdueTask]:
    """The tasks behind a count, the longest overdue first (at most ``limit``)."""
    from county_receiver import views

    return [OverdueTask(
        township_code=r.township_code, township_label=r.township_name or r.township_code,
        application_number=r.application_number or None, item_label=item_label(r.item_code),
        department_label=department_label(r.department), referred_on=r.referred_on,
        due_date=r.due_date, days_overdue=r.days_overdue)
        for r in views.overdue_list(county, today, department=department, township=township,
                                    limit=limit)]


@dataclass(frozen=True)
class Figure:
    code: str
    label: str
    percent: bool = False
    days: bool = False


@dataclass(frozen=True)
class MonthlyRow:
    key: str | None
    label: str
    values: dict[str, float | None]
    total: bool = False


@dataclass(frozen=True)
class Monthly:
    figures: list[Figure]
    rows: list[MonthlyRow]
    total: MonthlyRow
    default: str


def monthly(county: Any, period: Any, *, by: str, today: date,
            department: str | None = None) -> Monthly:
    """The period's figures by ``by`` (``views.monthly``); ratios as percentages."""
    from county_receiver import views

    report = views.monthly(county, period, by, today=today, department=department)
    figures = [Figure(f.code, f.label, percent=f.kind == "ratio") for f in report.figures]

    def values(v: dict[str, Any]) -> dict[str, float | None]:
        return {f.code: (None if v.get(f.code) is None else
                         float(v[f.code]) * (100 if f.percent else 1)) for f in figures}

    def label(key: str, text: str) -> str:
        if by == "item":
            return item_label(key)
        if by == "department":
            return department_label(key)
        return text

    rows = [MonthlyRow(r.key, label(r.key, r.label), values(r.values)) for r in report.rows]
    total = MonthlyRow(None, report.total.label, values(report.total.values), total=True)
    return Monthly(figures, rows, total, "received")


@dataclass(frozen=True)
class Occurrence:
    township_label: str
    application_number: str | None
    role_label: str
    item_label: str
    status_label: str
    registered_on: date | None


@dataclass(frozen=True)
class DuplicateCase:
    kind: str                                     # "item" | "member"
    id_masked: str
    item_label: str
    townships: list[str]
    occurrences: list[Occurrence]
    ref: Any = None                               # what full_id needs to look the case up


ROLE_LABELS = {"applicant": "申请人", "member": "家庭成员"}


def duplicates(county: Any, today: date) -> list[DuplicateCase]:
    """Cross-township duplicates (``views.duplicates``), ID numbers masked."""
    from county_receiver import views

    out = []
    for d in views.duplicates(county, today):
        out.append(DuplicateCase(
            kind=d.kind, id_masked=d.id_masked,
            item_label=item_label(d.item_code) if d.item_code else "",
            townships=sorted({e.township_name or e.township_code for e in d.entries}),
            occurrences=[Occurrence(
                township_label=e.township_name or e.township_code,
                application_number=e.application_number or None,
                role_label=ROLE_LABELS.get(e.role, e.role),
                item_label=item_label(e.item_code) if e.item_code else "",
                status_label="", registered_on=e.registered_on) for e in d.entries],
            ref=d))
    return out


def full_id(county: Any, case: DuplicateCase) -> str:
    """The full ID number of one case (the officer's drill-down; never logged)."""
    from county_receiver import views

    return views.reveal_id(county, case.ref)


@dataclass(frozen=True)
class WaitingTask:
    task_uuid: str
    township_code: str
    township_label: str
    application_number: str | None
    item_label: str
    department: str
    department_label: str
    status: str
    status_label: str
    referred_on: date | None
    due_date: date | None
    days_left: int | None
    feedback_result: str | None          # a 回执 recorded, not yet sent


@dataclass(frozen=True)
class WaitingList:
    rows: list[WaitingTask]
    departments: list[tuple[str, str]]


@dataclass(frozen=True)
class FeedbackEntry:
    task_uuid: str
    township_code: str
    result: str
    result_on: date
    text: str
    amount_fen: int | None
    period_from: date | None
    period_to: date | None
    signed_by: str
    department: str


def county_actor(actor: Any) -> Any:
    """The county core's actor for the logged-in account (the workstation without
    accounts works as the core's system actor)."""
    from county_receiver import accounts

    if isinstance(actor, accounts.CountyActor):
        return actor
    if getattr(actor, "role", None) == accounts.DEPARTMENT:
        return accounts.CountyActor(getattr(actor, "user_id", None), actor.username,
                                    getattr(actor, "name", ""), accounts.DEPARTMENT,
                                    actor.department_code or "")
    return accounts.SYSTEM


def _day_or_none(text: str | None) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        return None


def waiting_tasks(county: Any, actor: Any, today: date, *,
                  department: str | None = None) -> WaitingList:
    """The referred tasks still waiting for a department (``ops.open_tasks``: a
    department's login gets its own only)."""
    from county_receiver import ops

    rows = []
    for t in ops.open_tasks(county, county_actor(actor), today, department=department):
        due = _day_or_none(t.due_date)
        rows.append(WaitingTask(
            task_uuid=t.task_uuid, township_code=t.township_code,
            township_label=t.township_name or t.township_code,
            application_number=t.application_number or None, item_label=item_label(t.item_code),
            department=t.department, department_label=department_label(t.department),
            status=t.task_status, status_label=status_label(t.task_status),
            referred_on=_day_or_none(t.referred_on), due_date=due,
            days_left=(due - today).days if due else None,
            feedback_result=_pending_result(county, t.task_uuid) if t.feedback_recorded
            else None))
    deps = sorted({(r.department, r.department_label) for r in rows})
    return WaitingList(rows, deps)


def _pending_result(county: Any, task_uuid: str) -> str | None:
    from sqlalchemy.orm import Session

    from county_receiver.models import DepartmentFeedback

    with Session(county.engine) as s:
        return s.scalar(select(DepartmentFeedback.result).where(
            DepartmentFeedback.task_uuid == task_uuid, DepartmentFeedback.return_seq.is_(None)))


def record_feedback(county: Any, actor: Any, entry: FeedbackEntry) -> Any:
    """The 回执 as the logged-in account (``ops.record_feedback``: department scope,
    the county's checks, audited); returns the core's ``FeedbackResult``."""
    from county_receiver import ops

    return ops.record_feedback(
        county, county_actor(actor), entry.task_uuid, entry.result, entry.result_on,
        text=entry.text, amount_fen=entry.amount_fen, period_from=entry.period_from,
        period_to=entry.period_to, signed_by=entry.signed_by, department=entry.department)


@dataclass(frozen=True)
class VerifyResult:
    code: str                      # genuine / altered / voided / unknown_signer / not_ours / …
    detail: str                    # one Chinese line (why), "" if none
    fields: dict[str, str]         # kind, number, date, township, name, signer


def kind_label(kind: str) -> str:
    """A document kind's title (``forms/<kind>.json``), else the code."""
    import re

    from desktop_app import forms_dir

    if not re.fullmatch(r"[a-z_]{1,40}", kind or ""):
        return kind or "—"
    try:
        doc = json.loads((forms_dir() / f"{kind}.json").read_text("utf-8"))
    except (OSError, ValueError):
        return kind
    return str(doc.get("title") or kind) if isinstance(doc, dict) else kind


def _result(checked: list[Any], *, image: bool = False) -> VerifyResult:
    from sync_contract import docqr

    if not checked:
        return VerifyResult("unreadable", "", {})
    from sync_contract.docverify import worst_first

    # the verdict that counts: the worst of the document's codes (docverify.worst_first)
    first = worst_first(checked)[0]
    verdict = first.verdict
    notes = []
    if image and verdict.status == docqr.GENUINE:
        notes.append("照片或扫描件只能核对签名：请对照下列内容核对纸面文字")
    if len(checked) > 1:
        notes.append(f"共识别 {len(checked)} 个二维码，显示最不利的结论")
    detail = "；".join(notes)
    p = verdict.payload
    fields = {} if p is None else {
        "kind": kind_label(p.kind), "number": p.no, "date": p.date, "township": p.tw,
        "name": p.nm, "signer": p.kid.hex() if p.kid else ""}
    return VerifyResult(verdict.status, detail, fields)


def _township_names(county: Any, result: VerifyResult) -> VerifyResult:
    code = result.fields.get("township")
    if not code:
        return result
    names = {c: n for c, n in townships(county).values()}
    if code in names and names[code] != code:
        result.fields["township"] = f"{names[code]}（{code}）"
    return result


def verify_text(county: Any, text: str) -> VerifyResult:
    """The verdict on a QR code's text (``county_receiver.verify.trust_list``)."""
    from county_receiver.verify import trust_list
    from sync_contract.docverify import Checked

    trust = trust_list(county.engine)
    return _township_names(county, _result([Checked(trust.verify_text(text.strip()), "text")]))


def verify_file(county: Any, path: Any) -> VerifyResult:
    """The verdict on a PDF or a scan / photo (every QR code in it)."""
    from pathlib import Path

    from county_receiver.verify import trust_list
    from sync_contract import qrread

    trust = trust_list(county.engine)
    path = Path(path)
    try:
        checked = trust.verify_path(path)
    except ValueError:          # not a readable image or PDF
        return VerifyResult("unreadable", "文件不是可读取的图片或 PDF", {})
    except OSError:             # gone, unreadable (no file name: it may name a person)
        return VerifyResult("unreadable", "无法读取该文件", {})
    return _township_names(county, _result(checked, image=not qrread.is_pdf(path)))
