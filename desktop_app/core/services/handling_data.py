"""Data of the handling documents (办理结果告知书, 先行救助记录, 转办清单): the exact
shape the templates in forms/ read (see forms/README.md)."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Select, extract, func, or_, select
from sqlalchemy.orm import Session

from .. import vocab
from ..catalog import TOWNSHIP, Catalog
from ..models import Application, EmergencyAid, HouseholdMember, RequestedItem
from ..rules.handling import amount_in_words
from ..rules.identity import mask_id
from ..rules.temporary import Paid
from ..rules.values import format_yuan
from ..vocab import ApplicationStatus, ItemStatus, MaterialStatus, TaskStatus

#: Items paid monthly: their amount prints as "每月 … 元".
MONTHLY_ITEMS = frozenset({"DIBAO", "TEKUN", "DIBAO_EDGE", "DISABILITY", "ORPHAN"})
TEMPORARY_ITEMS = ("LINSHI_URGENT", "LINSHI_EXPENSE")


def month_text(d: date) -> str:
    return f"{d.year}年{d.month}月"


def period_text(a: date | None, b: date | None) -> str:
    if a and b:
        return f"{month_text(a)}至{month_text(b)}"
    if a:
        return f"自{month_text(a)}起"
    return ""


def amount_text(item_code: str, fen: int | None) -> str:
    if fen is None:
        return ""
    return f"每月 {format_yuan(fen)} 元" if item_code in MONTHLY_ITEMS else f"{format_yuan(fen)} 元"


def result_notice(cat: Catalog, app: Application, appeal: dict[str, Any]) -> dict[str, Any]:
    """Every item with its final result (已办结 / 不予办理)."""
    results = []
    for req in app.items:
        if req.status != ItemStatus.ACCEPTED or req.task_status not in vocab.FINAL_TASK_STATUSES:
            continue
        item = cat.item(req.item_code)
        results.append({
            "name": item.name,
            "department": cat.department(req.decider_code or req.handler_code).name
            if (req.decider_code or req.handler_code) != TOWNSHIP else "乡镇（街道）",
            "outcome": vocab.TASK_STATUS_LABELS[req.task_status],
            "result": req.result_text or ("同意" if req.task_status == TaskStatus.DONE else "不予办理"),
            "amount": amount_text(req.item_code, req.amount_fen),
            "period": period_text(req.period_from, req.period_to),
            "date": req.result_on.isoformat() if req.result_on else "",
            "note": "",
        })
    return {
        "intake_date": app.intake_date.isoformat(),
        "results": results,
        "has_refusal": any(r["outcome"] == "不予办理" for r in results),
        "appeal": appeal,
    }


def household_applications(app: Application) -> Select[Any]:
    """The ids of the applications of the same household: any application whose
    applicant or members share an ID number with ``app``'s (the ID-number index)."""
    ids = [m.id_number for m in app.members if m.id_number]
    return select(HouseholdMember.application_id).where(HouseholdMember.id_number.in_(ids))


def temporary_aid(s: Session, app: Application, year: int, *, item_id: int | None = None
                  ) -> list[dict[str, Any]]:
    """Temporary assistance of ``app``'s household (:func:`household_applications`):
    先行救助 payments and 临时救助 decisions with an amount dated in ``year`` — and, with
    ``item_id``, every one on that item whatever its year (the incident) — oldest first.

    A decision on an item that had 先行救助 payments is that item's total (it includes
    them): only its part above the payments counts (``fen``; none when it is not above).
    ``township``: paid or decided by the township itself (what its ceiling sums; the
    county's decisions after 报县审批 are not). Voided applications do not count."""
    if not any(m.id_number for m in app.members):
        return []
    apps = household_applications(app)
    live = Application.status.not_in((ApplicationStatus.VOIDED,))
    when_aid = extract("year", EmergencyAid.paid_on) == year
    when_req = extract("year", RequestedItem.result_on) == year
    if item_id is not None:
        when_aid = or_(when_aid, EmergencyAid.item_id == item_id)
        when_req = or_(when_req, RequestedItem.id == item_id)
    rows: list[dict[str, Any]] = []
    aid_q = select(EmergencyAid, Application).join(
        Application, Application.id == EmergencyAid.application_id).where(
        EmergencyAid.application_id.in_(apps), when_aid, live)
    for aid, other in s.execute(aid_q):
        rows.append({"date": aid.paid_on.isoformat(), "on": aid.paid_on,
                     "item": "临时救助（先行救助）", "amount": format_yuan(aid.amount_fen),
                     "fen": aid.amount_fen, "cause": aid.cause, "item_id": aid.item_id,
                     "aid_id": aid.id, "township": True,
                     "application_number": other.number or ""})
    task_q = select(RequestedItem, Application).join(Application).where(
        RequestedItem.application_id.in_(apps), RequestedItem.item_code.in_(TEMPORARY_ITEMS),
        RequestedItem.task_status == TaskStatus.DONE, RequestedItem.amount_fen.is_not(None),
        RequestedItem.result_on.is_not(None), when_req, live)
    decided = list(s.execute(task_q))
    paid_on_items: dict[int, int] = {}
    if decided:
        for item, fen in s.execute(select(EmergencyAid.item_id, func.sum(EmergencyAid.amount_fen))
                                   .where(EmergencyAid.item_id.in_([r.id for r, _ in decided]))
                                   .group_by(EmergencyAid.item_id)):
            paid_on_items[item] = int(fen or 0)
    for req, other in decided:
        assert req.result_on is not None and req.amount_fen is not None  # (the query)
        paid = paid_on_items.get(req.id, 0)
        fen = req.amount_fen - paid
        if fen <= 0:
            continue  # the decision confirms the 先行救助 already counted
        rows.append({"date": req.result_on.isoformat(), "on": req.result_on,
                     "item": "临时救助" if not paid else "临时救助（先行救助后补足）",
                     "amount": format_yuan(fen), "fen": fen,
                     "cause": vocab.HARDSHIP_CAUSE_LABELS.get(other.hardship_cause, "")
                     or other.hardship_reason[:40], "item_id": req.id, "aid_id": None,
                     "township": (req.decider_code or req.handler_code) == TOWNSHIP,
                     "application_number": other.number or ""})
    rows.sort(key=lambda r: r["date"])
    return rows


def township_paid(rows: list[dict[str, Any]]) -> list[Paid]:
    """The township's own amounts among :func:`temporary_aid` rows (its ceiling's sums)."""
    return [Paid(r["item_id"], r["fen"], r["on"]) for r in rows if r["township"]]


def year_aid(s: Session, app: Application, year: int, *, exclude_aid: int | None = None
             ) -> list[dict[str, Any]]:
    """Temporary assistance the household's members received in ``year``
    (:func:`temporary_aid`), oldest first; ``exclude_aid``: a 先行救助 left out."""
    return [r for r in temporary_aid(s, app, year)
            if r["aid_id"] is None or r["aid_id"] != exclude_aid]


def emergency_record(s: Session, app: Application, aid: EmergencyAid, ceiling_fen: int,
                     scope: dict[str, Any] | None = None) -> dict[str, Any]:
    previous = year_aid(s, app, aid.paid_on.year, exclude_aid=aid.id)
    # What the ceiling was checked against, after this payment (issue 13: the record
    # names each cumulative sum rather than an ambiguous "未超过限额").
    township = township_paid(temporary_aid(s, app, aid.paid_on.year, item_id=aid.item_id))
    item_total = sum(p.fen for p in township if p.item_id == aid.item_id)
    year_total = sum(p.fen for p in township if p.on.year == aid.paid_on.year)
    scope = scope or {"per_incident": True, "per_household_year": True}
    sums = []
    if scope.get("per_incident"):
        sums.append(f"本事项累计救助 {format_yuan(item_total)} 元")
    if scope.get("per_household_year"):
        sums.append(f"本家庭{aid.paid_on.year}年累计获乡镇（街道）临时救助 "
                    f"{format_yuan(year_total)} 元")
    ceiling = format_yuan(ceiling_fen)
    cumulative = (f"本次发放后，{'，'.join(sums)}，{'均' if len(sums) > 1 else ''}未超过乡镇"
                  f"（街道）临时救助审批额度 {ceiling} 元。" if sums else
                  f"本次金额未超过乡镇（街道）临时救助审批额度 {ceiling} 元。")
    return {
        "aid": {
            "amount": format_yuan(aid.amount_fen),
            "amount_upper": amount_in_words(aid.amount_fen),
            "method": aid.method, "cause": aid.cause,
            "paid_date": aid.paid_on.isoformat(),
            "paperwork_due": aid.paperwork_due.isoformat(),
            "provisional": bool(aid.paperwork_provisional),
            "ceiling": ceiling,
            "cumulative": cumulative,
        },
        "previous": [{k: r[k] for k in ("date", "item", "amount", "cause")} for r in previous],
        "year_count": len(previous),
        "year_total": format_yuan(sum(r["fen"] for r in previous)),
        "members": [{"name": m.name, "relation": m.relation,
                     "id_number_masked": mask_id(m.id_number) if m.id_number else "无"}
                    for m in app.members],
        "hardship_reason": app.hardship_reason or aid.cause,
    }


def handover_rows(s: Session, cat: Catalog, tasks: list[RequestedItem],
                  slip_numbers: dict[int, str]) -> list[dict[str, Any]]:
    """One row per application (its slip) on a department's 转办清单."""
    by_app: dict[int, list[RequestedItem]] = {}
    for t in tasks:
        by_app.setdefault(t.application_id, []).append(t)
    rows: list[dict[str, Any]] = []
    for app_id, reqs in by_app.items():
        app = s.get_one(Application, app_id)
        dues = [r.due_date for r in reqs if r.due_date]
        rows.append({
            "referral_number": slip_numbers.get(app_id, ""),
            "application_number": app.number or "",
            "applicant": app.applicant.name,
            "items": "、".join(cat.item(r.item_code).name for r in reqs),
            "materials": sum(1 for r in reqs for m in r.materials
                             if m.status in (MaterialStatus.RECEIVED, MaterialStatus.COMMITTED)),
            "feedback_date": max(dues).isoformat() if dues else "",
        })
    rows.sort(key=lambda r: r["referral_number"])
    return rows


__all__ = ["MONTHLY_ITEMS", "amount_text", "emergency_record", "handover_rows",
           "period_text", "result_notice", "year_aid"]
