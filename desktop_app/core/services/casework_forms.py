"""Data of the printed forms of the 审核确认 procedure (issue 13): the exact shape the
templates in forms/ read (see forms/README.md).

Per application (``Document``, issued through ``DocumentService.create(s, app, kind,
number, clerk, now, item_ids={task.id})``):

* ``visit_form`` 入户调查表 — the household as declared (members, incomes, property,
  刚性支出, supporters), blanks for the findings, two investigators' signature lines and
  the applicant's; the ``visit`` step's people, date and findings once recorded;
* ``decision_form`` 审核确认表 (the township decides) / 初审意见表 (the county decides) —
  the calculation stored with the application at intake, every recorded step, the
  township's decision or 初审 opinion, room for the county's;
* ``extension_notice`` 延期告知书 — from the task's newest ``extension`` record.

List documents (``ListDocument``, like the 转办清单): :func:`build_list_data` for the
village's ``publicity_list`` 公示名单 (the privacy limits of :mod:`..rules.publicity`
applied: no ID numbers; a minor applicant's application, 孤儿/事实无人抚养儿童 items
and minor members' names left out) and the county's ``report_list`` 上报清单;
:func:`issue_list_document` records and renders one inside the caller's transaction.

Everything is computed inside the caller's session from what is recorded: the
household, ``Application``'s stored calculation, and the task's ``TaskStage`` rows.
No ID number is printed on any of these forms except masked ones.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ... import printing
from .. import vocab
from ..catalog import TOWNSHIP
from ..errors import ValidationError
from ..models import (
    Application,
    ListDocument,
    RequestedItem,
    Staff,
    TaskStage,
    Township,
    Village,
)
from ..rules import numbering
from ..rules.eligibility import policy_on
from ..rules.publicity import PersonFacts, PublicityLimits, publicity_limits
from . import forms_data
from .context import ServiceContext
from .docsign import document_key
from .events import record_event
from .handling_data import amount_text, period_text

#: Per-application kinds built here (``DocumentService.build_data``).
CASEWORK_FORMS = ("visit_form", "decision_form", "extension_notice")
#: List documents built here (:func:`build_list_data`).
LIST_KINDS = ("publicity_list", "report_list")
#: Number letters of the list documents: ``<code9>-<YYYYMMDD>-GS<nn>`` (公示名单) and
#: ``<code9>-<YYYYMMDD>-SB<nn>`` (上报清单), n counted per kind and day from 1.
LIST_LETTERS = {"publicity_list": "GS", "report_list": "SB"}
#: Suffix letters of the per-application forms after the receipt number
#: (``<receipt>-D1``: 入户调查表, ``-S1``: 审核确认表/初审意见表, ``-Y1``: 延期告知书);
#: use them with ``HandlingBase._next_suffix`` (registered in ``rules.numbering``).
FORM_LETTERS = {"visit_form": numbering.VISIT_FORM, "decision_form": numbering.DECISION_FORM,
                "extension_notice": numbering.EXTENSION_NOTICE}

#: Printed labels of the step outcomes (``TaskStage.outcome``).
OUTCOME_LABELS = {
    "approved": "同意", "refused": "不同意", "match": "核对一致",
    "discrepancy": "存在差异", "no_objection": "无异议",
    "objection_resolved": "有异议，已核实处理", "objection_upheld": "异议成立",
    "escalate": "报县审批", "done": "已完成",
}
#: What a recorded step prints when it has no outcome code.
_DONE_LABEL = {"visit": "已调查", "report": "已报送", "review": "已评议",
               "publicity": "公示中"}
#: The steps the 审核确认表 / 初审意见表 lists, in procedure order.
DECISION_STEPS = ("visit", "check", "review", "publicity", "first_review", "report",
                  "county", "decision", "conference", "extension")
#: Where the county's decision came from, as printed.
SOURCE_LABELS = {"county_return": "县级返回包", "paper": "县级纸质回复", "township": "乡镇录入"}
#: Default 公示 period (calendar days) when neither the caller nor the records give the end.
DEFAULT_PUBLICITY_DAYS = 7
#: What the 公示名单 cites (民发〔2021〕57号 《最低生活保障审核确认办法》, 民发〔2021〕43号
#: 《特困人员认定办法》).
PUBLICITY_BASIS = "《社会救助暂行办法》和最低生活保障、特困人员认定有关规定"


# -- the task's procedure records ----------------------------------------------------------

def current_stages(s: Session, task_id: int) -> dict[str, TaskStage]:
    """The task's step records in force: per stage code the newest row that no later
    row replaces (a correction is a new row with ``replaces_id``)."""
    rows = list(s.scalars(select(TaskStage).where(TaskStage.item_id == task_id)
                          .order_by(TaskStage.id)))
    replaced = {r.replaces_id for r in rows if r.replaces_id is not None}
    out: dict[str, TaskStage] = {}
    for r in rows:
        if r.id not in replaced:
            out[r.stage] = r
    return out


def people_of(row: TaskStage) -> list[str]:
    try:
        value = json.loads(row.people or "[]")
    except ValueError:
        return []
    return [str(p) for p in value if str(p).strip()] if isinstance(value, list) else []


def details_of(row: TaskStage) -> dict[str, Any]:
    try:
        value = json.loads(row.details or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


def _date_span(a: date | None, b: date | None) -> str:
    """``2026-11-27``, ``2026-11-27 至 12-03`` (same year), ``2026-12-28 至 2027-01-05``."""
    if a is None:
        return ""
    if b is None or b == a:
        return a.isoformat()
    return f"{a.isoformat()} 至 {b.isoformat()[5:] if b.year == a.year else b.isoformat()}"


def _outcome(row: TaskStage) -> str:
    if row.outcome:
        return OUTCOME_LABELS.get(row.outcome, row.outcome)
    if row.stage == "publicity" and row.done_on:
        return "公示期满"
    return _DONE_LABEL.get(row.stage, "已完成")


def step_row(row: TaskStage) -> dict[str, Any]:
    """One recorded step as the 审核确认表 lists it (no ID numbers)."""
    end = row.done_on or row.ends_on
    text = row.text
    if row.stage == "extension":
        days = details_of(row).get("days")
        text = f"延长 {days} 个工作日：{row.text}" if days else row.text
    return {"stage": vocab.STAGE_LABELS.get(row.stage, row.stage),
            "date": _date_span(row.started_on, end),
            "people": "、".join(people_of(row)), "outcome": _outcome(row),
            "text": text, "ref": row.ref}


# -- shared pieces -------------------------------------------------------------------------

def _decider_name(ctx: ServiceContext, task: RequestedItem, government: str) -> str:
    code = task.decider_code or task.handler_code
    if code == TOWNSHIP:
        return government
    try:
        return ctx.catalog.department(code).name
    except KeyError:
        return code


def task_info(ctx: ServiceContext, task: RequestedItem, government: str) -> dict[str, Any]:
    item = ctx.catalog.item(task.item_code)
    return {"item": item.name, "code": item.code,
            "intake_date": task.application.intake_date.isoformat(),
            "due_date": task.due_date.isoformat() if task.due_date else "",
            "due_provisional": bool(task.due_provisional),
            "decider": _decider_name(ctx, task, government),
            "township_decides": (task.decider_code or task.handler_code) == TOWNSHIP,
            "extended_days": task.extended_days or 0}


def _government(town: Township) -> str:
    from ...printing.context import government_name

    return government_name(town.name)


def _township(s: Session) -> Township:
    return s.scalars(select(Township)).one()


def _masked(row: dict[str, Any]) -> dict[str, Any]:
    """A person's row without the full ID number: these forms print masked numbers only,
    and their snapshot (kept and sent to the county) holds nothing more."""
    return {**row, "id_number": row.get("id_number_masked", "无")}


def _members(app: Application, today: date) -> list[dict[str, Any]]:
    rows = []
    for m in app.members:
        row = _masked(forms_data.member_row(m, today))
        row["age"] = "" if m.birth_date is None else str(forms_data.age(m.birth_date, today))
        rows.append(row)
    return rows


def _standard(ctx: ServiceContext, s: Session, app: Application) -> tuple[str, str]:
    """(低保标准 text, basis label) in force on the intake day; ("", "") if none."""
    result = forms_data.evaluate(ctx, s, app)
    if result is None:
        return "", ""
    figures = result[0].figures
    return forms_data.money(figures.standard_fen), figures.basis.label


def figures(ctx: ServiceContext, s: Session, app: Application) -> dict[str, Any]:
    """The calculation stored with the application at intake (issue 12 columns); an
    application recorded before it was stored (``counted_members`` NULL) is computed
    by the rules with the entries in force on its intake day."""
    if app.counted_members is None:
        result = forms_data.evaluate(ctx, s, app)
        if result is None:
            return {"available": False}
        calc = forms_data.calculation(result, app)
        return {"available": True, "members_all": calc["members_all"],
                "members_counted": calc["members_counted"], "gross": calc["gross"],
                "excluded": calc["excluded_total"], "deduction": calc["deduction"],
                "net": calc["net"], "net_per_capita": calc["net_per_capita"],
                "standard": calc["standard"], "basis": calc["basis"],
                "comparison": calc["comparison"], "topup": calc["topup"],
                "standards_from": calc["standards_from"]}
    standard, basis = _standard(ctx, s, app)
    comparison = ""
    if standard:
        comparison = (f"低于{basis}低保标准" if app.topup_fen is not None
                      else f"不低于{basis}低保标准")
    return {
        "available": True,
        "members_all": str(len(app.members)), "members_counted": str(app.counted_members),
        "gross": forms_data.money(app.monthly_income_fen),
        "excluded": forms_data.money(app.excluded_income_fen),
        "deduction": forms_data.money(app.deduction_fen),
        "net": forms_data.money(app.net_income_fen),
        "net_per_capita": forms_data.money(app.net_per_capita_fen),
        "standard": standard or "—", "basis": basis or "—",
        "comparison": comparison or "—",
        "topup": "" if app.topup_fen is None else forms_data.money(app.topup_fen),
        "standards_from": (app.standards_from or app.intake_date).isoformat(),
    }


def proposed_amount(task: RequestedItem, stages: dict[str, TaskStage]) -> str:
    """What the township proposes: the amount of its decision / 初审 if recorded, else
    the 补差 stored at intake for 低保 (``""`` when none)."""
    for code in ("decision", "first_review"):
        row = stages.get(code)
        if row is not None and row.amount_fen is not None:
            return amount_text(task.item_code, row.amount_fen)
    if task.item_code == "DIBAO" and task.application.topup_fen is not None:
        return amount_text(task.item_code, task.application.topup_fen)
    return ""


def _period(row: TaskStage, task: RequestedItem) -> str:
    """The period of a decision: ``details.period_from/period_to`` (ISO), else — for an
    approval that recorded the task's result — the task's own period."""
    d = details_of(row)
    a, b = d.get("period_from"), d.get("period_to")
    try:
        if a or b:
            return period_text(date.fromisoformat(a) if a else None,
                               date.fromisoformat(b) if b else None)
    except (TypeError, ValueError):
        return ""
    if row.outcome == "approved" and row.stage in ("decision", "county"):
        return period_text(task.period_from, task.period_to)
    return ""


# -- per application -----------------------------------------------------------------------

def application_form_data(ctx: ServiceContext, s: Session, app: Application, kind: str,
                          item_ids: set[int] | None, issued: date,
                          base: dict[str, Any]) -> dict[str, Any]:
    """The keys ``kind`` adds to the common document data ``base`` (applicant, items,
    township …) built by ``DocumentService.build_data`` — ``{}`` for the other kinds.
    ``items``, ``materials`` and ``missing`` are narrowed to the task's item."""
    if kind not in CASEWORK_FORMS:
        return {}
    tasks = [r for r in app.items if item_ids is None or r.id in item_ids]
    if kind != "visit_form" and len(tasks) != 1:
        raise ValueError(f"a {kind} is issued for exactly one task (item_ids)")
    if not tasks:
        raise ValueError(f"a {kind} needs a task of the application")
    task = tasks[0]
    government = _government(_township(s))
    codes = {ctx.catalog.item(t.item_code).name: t.item_code for t in tasks}
    data: dict[str, Any] = {
        "task": task_info(ctx, task, government),
        "intake_date": app.intake_date.isoformat(),
        "items": [i for i in base["items"] if i["code"] in codes.values()],
        "materials": [m for m in base["materials"] if m["item"] in codes],
        "missing": [m for m in base["missing"] if m["item"] in codes],
        "applicant": _masked(base["applicant"]),
    }
    if kind == "extension_notice":
        data["extension"] = extension(ctx, s, task, issued)
        return data
    data.update(forms_data.household(app, issued, base["applicant"]["current_address"]))
    data["members"] = _members(app, issued)
    data["supporters"] = [_masked(p) for p in data["supporters"]]
    data["guardian"] = {}  # (not printed on these forms)
    stages = current_stages(s, task.id)
    if kind == "visit_form":
        result = forms_data.evaluate(ctx, s, app)
        excluded = {c for c, _v in result[0].figures.excluded} if result else set()
        data.update(forms_data.declaration(app, excluded))
        data["visit"] = visit(stages.get("visit"))
        return data
    # decision_form
    township_decides = data["task"]["township_decides"]
    item_name = data["task"]["item"]
    data["title"] = f"{item_name}{'审核确认表' if township_decides else '初审意见表'}"
    data["figures"] = figures(ctx, s, app)
    data["steps"] = [step_row(stages[c]) for c in DECISION_STEPS if c in stages]
    mine = stages.get("decision" if township_decides else "first_review")
    data["opinion"] = opinion(mine, task, stages, township_decides)
    data["county"] = county(stages.get("county"), task, township_decides)
    return data


def visit(row: TaskStage | None) -> dict[str, Any]:
    if row is None:
        return {"recorded": False, "date": "", "people": "", "investigator1": "",
                "investigator2": "", "findings": ""}
    people = people_of(row)
    return {"recorded": True, "date": row.started_on.isoformat(), "people": "、".join(people),
            "investigator1": people[0] if people else "",
            "investigator2": people[1] if len(people) > 1 else "",
            "findings": row.text or "—"}


def opinion(row: TaskStage | None, task: RequestedItem, stages: dict[str, TaskStage],
            township_decides: bool) -> dict[str, Any]:
    label = "审核确认意见" if township_decides else "乡镇（街道）初审意见"
    if row is None:
        return {"recorded": False, "label": label, "outcome": "", "text": "", "amount": "",
                "period": "", "date": ""}
    if row.outcome == "refused":
        amount = ""
    elif row.amount_fen is not None:
        amount = amount_text(task.item_code, row.amount_fen)
    else:
        amount = proposed_amount(task, stages)
    return {"recorded": True, "label": label, "outcome": _outcome(row), "text": row.text,
            "amount": amount, "period": _period(row, task), "date": row.started_on.isoformat()}


def county(row: TaskStage | None, task: RequestedItem, township_decides: bool
           ) -> dict[str, Any]:
    """The county's 审核确认 of a reported task; ``blank``: room for it to be written in
    (the county decides and nothing is recorded yet)."""
    if row is None:
        return {"recorded": False, "blank": not township_decides, "outcome": "", "text": "",
                "amount": "", "period": "", "date": "", "ref": "", "source": ""}
    return {"recorded": True, "blank": False, "outcome": _outcome(row), "text": row.text,
            "amount": amount_text(task.item_code, row.amount_fen), "period": _period(row, task),
            "date": row.started_on.isoformat(), "ref": row.ref,
            "source": SOURCE_LABELS.get(row.source, row.source)}


def extension(ctx: ServiceContext, s: Session, task: RequestedItem, issued: date
              ) -> dict[str, Any]:
    """The newest ``extension`` record of the task: its day, reason (``text``) and
    ``details`` ``days`` / ``due_before`` (or ``old_due``) / ``due_after`` (or ``new_due``),
    ISO dates; without them, the
    days are the task's ``extended_days`` and the due dates are worked out from
    ``task.due_date`` (which already includes the extension)."""
    rows = list(s.scalars(select(TaskStage).where(TaskStage.item_id == task.id,
                                                  TaskStage.stage == "extension")
                          .order_by(TaskStage.id.desc()).limit(1)))
    if not rows:
        raise ValueError("an extension notice needs the task's extension record")
    row = rows[0]
    d = details_of(row)
    days = int(d.get("days") or task.extended_days or 0)
    # (the stage service writes ``old_due`` / ``new_due``)
    after = str(d.get("due_after") or d.get("new_due")
                or (task.due_date.isoformat() if task.due_date else ""))
    before = str(d.get("due_before") or d.get("old_due") or "")
    cal = ctx.calendar(s)
    provisional = bool(task.due_provisional)
    if not before and after and days:
        target = date.fromisoformat(after)
        day = target
        while day > target - timedelta(days=days * 3):
            day -= timedelta(days=1)
            due = cal.add_workdays(day, days)
            if due.date == target and cal.is_workday(day):
                before = day.isoformat()
                break
    return {"date": row.started_on.isoformat(), "days": days, "due_before": before or "—",
            "due_after": after, "provisional": provisional, "reason": row.text}


# -- list documents ------------------------------------------------------------------------

def list_number(s: Session, kind: str, town_code: str, day: date) -> str:
    """The next number of a list document of ``kind`` on ``day``:
    ``330102101-20261204-GS01`` (公示名单), ``330102101-20261211-SB01`` (上报清单)."""
    n = 1 + (s.scalar(select(func.count()).select_from(ListDocument)
                      .where(ListDocument.day == day, ListDocument.kind == kind)) or 0)
    return numbering.list_number(town_code, LIST_LETTERS[kind], day, n)


def limits_of(ctx: ServiceContext, s: Session, app: Application, day: date) -> PublicityLimits:
    """What may never be publicised about ``app`` (rules/publicity.py) on ``day``."""
    try:
        adult_age = policy_on(ctx.get_setting(s, "eligibility"), app.intake_date).adult_age
    except ValidationError:
        adult_age = 18
    return publicity_limits(
        [PersonFacts(m.name, m.relation, m.birth_date) for m in app.members], day,
        {r.item_code: ctx.catalog.item(r.item_code).publicity for r in app.items}, adult_age)


def publicised(ctx: ServiceContext, s: Session, task: RequestedItem, day: date) -> bool:
    """May this task appear on a 公示名单 on ``day`` (not withheld by the limits)?"""
    return task.item_code not in limits_of(ctx, s, task.application, day).withheld_items


def objection_contact(ctx: ServiceContext, s: Session, town: Township) -> dict[str, str]:
    """Where objections go: the ``publicity_objection`` setting ``{phone, address}``,
    each empty value falling back to the window's phone and the office's name."""
    setting = ctx.get_setting(s, "publicity_objection") or {}
    return {"phone": str(setting.get("phone") or town.window_phone),
            "address": str(setting.get("address") or town.office_name)}


def publicity_rows(ctx: ServiceContext, s: Session, tasks: Sequence[RequestedItem],
                   day: date) -> list[dict[str, Any]]:
    """One row per application: the applicant's name, the household size, the adult
    members' names and the publicised items. Nothing of a minor applicant's
    application, no forbidden item (孤儿 …), no minor member's name, no ID number."""
    by_app: dict[int, list[RequestedItem]] = {}
    for t in tasks:
        by_app.setdefault(t.application_id, []).append(t)
    rows = []
    for app_id in sorted(by_app, key=lambda i: (by_app[i][0].application.number or "", i)):
        app = by_app[app_id][0].application
        limits = limits_of(ctx, s, app, day)
        items = [t for t in sorted(by_app[app_id], key=lambda t: t.position)
                 if t.item_code not in limits.withheld_items]
        if not items:
            continue
        omitted = set(limits.omitted_names)
        names = [m.name for m in app.members if m.counted and m.name not in omitted]
        rows.append({
            "applicant": app.applicant.name,
            "household_size": sum(1 for m in app.members if m.counted),
            "members": "、".join(names),
            "items": "、".join(dict.fromkeys(ctx.catalog.item(t.item_code).name
                                             for t in items)),
        })
    return rows


def report_rows(ctx: ServiceContext, s: Session, tasks: Sequence[RequestedItem]
                ) -> list[dict[str, Any]]:
    """One row per task: number, applicant, village, item, 初审 opinion, household
    size (counted members), proposed amount."""
    rows = []
    for t in sorted(tasks, key=lambda t: (t.application.number or "", t.position)):
        app = t.application
        village = s.get(Village, app.village_id) if app.village_id else None
        stages = current_stages(s, t.id)
        first = stages.get("first_review")
        op = ""
        if first is not None:
            op = _outcome(first) + (f"：{first.text}" if first.text else "")
        rows.append({
            "application_number": app.number or "",
            "applicant": app.applicant.name,
            "village": village.name if village else "",
            "item": ctx.catalog.item(t.item_code).name,
            "intake_date": app.intake_date.isoformat(),
            "opinion": op or "—",
            "household_size": sum(1 for m in app.members if m.counted),
            "amount": proposed_amount(t, stages) if not first or first.outcome != "refused"
            else "",
        })
    return rows


def build_list_data(s: Session, kind: str, tasks: Sequence[RequestedItem], *,
                    ctx: ServiceContext, number: str, clerk: Staff | str, day: date,
                    village_id: int | None = None, started_on: date | None = None,
                    ends_on: date | None = None, department: str | None = None
                    ) -> dict[str, Any]:
    """The data of a list document (``publicity_list`` / ``report_list``) for ``tasks``.

    ``publicity_list``: ``village_id`` (default: the tasks' village, which must be one),
    ``started_on`` (default ``day``) and ``ends_on`` (default: the tasks' recorded
    ``publicity`` end, else ``started_on`` + 6 days — 7 calendar days). Tasks whose
    publicity is forbidden are left out silently (see :func:`publicity_rows`).
    ``report_list``: ``department`` receiving it (default: the tasks' decider).
    """
    if kind not in LIST_KINDS:
        raise ValueError(f"unknown list kind {kind!r}")
    town = _township(s)
    data: dict[str, Any] = {
        "number": number, "reprint": False, "issued_date": day.isoformat(),
        "clerk": clerk if isinstance(clerk, str) else clerk.name,
        "township": {"name": town.name, "code": town.code, "office": town.office_name,
                     "window_phone": town.window_phone,
                     "supervision_phone": town.supervision_phone},
    }
    if kind == "publicity_list":
        villages = {t.application.village_id for t in tasks}
        vid = village_id if village_id is not None else (villages.pop() if len(villages) == 1
                                                           else None)
        if vid is None:
            raise ValueError("a 公示名单 is for one village (village_id)")
        village = s.get_one(Village, vid)
        start = started_on or day
        end = ends_on or _recorded_end(s, tasks) or start + timedelta(
            days=DEFAULT_PUBLICITY_DAYS - 1)
        contact = objection_contact(ctx, s, town)
        data["village"] = {"name": village.name, "code": village.code}
        data["publicity"] = {"start": start.isoformat(), "end": end.isoformat(),
                             "days": (end - start).days + 1, "basis": PUBLICITY_BASIS,
                             **contact}
        data["entries"] = publicity_rows(ctx, s, tasks, start)
        data["count"] = len(data["entries"])
    else:
        codes = {t.decider_code or t.handler_code for t in tasks}
        code = department or (codes.pop() if len(codes) == 1 else None)
        if code is None or code == TOWNSHIP:
            raise ValueError("a 上报清单 goes to one county department (department)")
        data["department"] = {"code": code, "name": ctx.catalog.department(code).name}
        data["reports"] = report_rows(ctx, s, tasks)
        data["count"] = len(data["reports"])
    return data


def _recorded_end(s: Session, tasks: Sequence[RequestedItem]) -> date | None:
    ends = [row.ends_on for t in tasks
            if (row := current_stages(s, t.id).get("publicity")) is not None and row.ends_on]
    return max(ends) if ends else None


@dataclass(frozen=True)
class PendingList:
    """A list document recorded in the caller's transaction; write ``pdf`` to ``path``
    (``documents.atomic_write``) after it commits."""

    document: ListDocument
    pdf: bytes
    path: Path
    count: int


def issue_list_document(ctx: ServiceContext, s: Session, kind: str,
                        tasks: Sequence[RequestedItem], clerk: Staff, day: date,
                        folder: Path, **kw: Any) -> PendingList:
    """Number, build, render and record a list document (like the 转办清单: data
    snapshot, template version, SHA-256, event ``document.issue``) inside the caller's
    transaction. ``folder``: ``DocumentService.folder``; ``kw`` as :func:`build_list_data`."""
    town = _township(s)
    number = list_number(s, kind, town.code, day)
    data = build_list_data(s, kind, tasks, ctx=ctx, number=number, clerk=clerk, day=day, **kw)
    pdf = printing.render_document(kind, data, signing_key=document_key(ctx))
    digest = hashlib.sha256(pdf).hexdigest()
    doc = ListDocument(kind=kind, number=number,
                       department=data.get("department", {}).get("code", ""), day=day,
                       template_version=str(printing.load_template(kind).version),
                       data=json.dumps(data, ensure_ascii=False, sort_keys=True),
                       sha256=digest, created_by_id=clerk.id, print_count=0)
    s.add(doc)
    s.flush()
    extra = ({"village": data["village"]["code"]} if kind == "publicity_list"
             else {"department": data["department"]["code"]})
    record_event(s, "document.issue", actor_id=clerk.id, list_document_id=doc.id, kind=kind,
                 number=number, sha256=digest, **extra)
    path = folder / day.strftime("%Y%m") / f"{number}-{kind}.pdf"
    return PendingList(doc, pdf, path, data["count"])


__all__ = ["CASEWORK_FORMS", "DECISION_STEPS", "FORM_LETTERS", "LIST_KINDS", "LIST_LETTERS",
           "OUTCOME_LABELS", "PendingList", "application_form_data", "build_list_data",
           "current_stages", "issue_list_document", "limits_of", "list_number",
           "objection_contact", "publicised", "publicity_rows", "report_rows", "step_row"]
