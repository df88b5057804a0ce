"""Temporary assistance under control (issue 13): the figures the handling verbs and the
documents share — the township's ceiling per item, the 先行救助 clock's hours, the
amount bands in force — and the data of the 补齐材料清单 (``material_checklist``).

Kept outside ``services.handling`` so that the document service can read them without
importing the handling service (which imports the document service)."""

from __future__ import annotations

import json
import math
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from .. import vocab
from ..catalog import TOWNSHIP, Catalog
from ..models import Application, EmergencyAid, RequestedItem, TaskStage
from ..rules import temporary
from ..vocab import ItemStatus, MaterialStatus
from . import handling_data
from .context import ServiceContext


def ceiling_fen(ctx: ServiceContext, s: Session, item_code: str) -> int:
    """The township's ceiling (fen) for a temporary-assistance item: the catalogue's
    ``township_ceiling_yuan`` (the county's delegation, 分级审批); for 急难型 the
    setting ``emergency_ceiling_fen`` (the township's own 先行救助 limit) when lower;
    the setting alone when the catalogue gives none."""
    setting = int(ctx.get_setting(s, "emergency_ceiling_fen"))
    yuan = ctx.catalog.item(item_code).param("township_ceiling_yuan") \
        if ctx.catalog.has_item(item_code) else None
    if isinstance(yuan, int | float) and not isinstance(yuan, bool) and yuan >= 0:
        catalogue = round(yuan * 100)
        return min(catalogue, setting) if item_code == "LINSHI_URGENT" else catalogue
    return setting


def first_aid_hours(ctx: ServiceContext, s: Session, item_code: str, day: date) -> int | None:
    """Hours of the 先行救助 clock of ``item_code`` on ``day`` (None: no clock)."""
    default = ctx.catalog.item(item_code).first_aid_hours \
        if ctx.catalog.has_item(item_code) else None
    if default is None:
        return None
    return temporary.first_aid_hours_on(ctx.get_setting(s, "first_aid_hours") or [], day,
                                        default)


def scope(ctx: ServiceContext, s: Session, day: date) -> dict[str, Any]:
    """The ``temporary_ceiling_scope`` entry in force on ``day``."""
    return temporary.scope_on(ctx.get_setting(s, "temporary_ceiling_scope"), day)


def bands_entry(ctx: ServiceContext, s: Session, day: date) -> dict[str, Any]:
    return temporary.bands_on(ctx.get_setting(s, "temporary_bands") or [], day)


#: The documents whose data this module builds.
DOCUMENT_KINDS = ("emergency_record", "material_checklist")


def document_data(ctx: ServiceContext, s: Session, app: Application, kind: str,
                  item_ids: set[int] | None, aid: EmergencyAid | None) -> dict[str, Any]:
    """The kind's own part of a document's data (``DocumentService.build_data``)."""
    if kind == "emergency_record":
        if aid is None:
            raise ValueError("an emergency record needs its payment")
        return handling_data.emergency_record(s, app, aid,
                                              ceiling_fen(ctx, s, "LINSHI_URGENT"),
                                              scope(ctx, s, aid.paid_on))
    return material_checklist(ctx.catalog, s, app, item_ids)


def material_checklist(cat: Catalog, s: Session, app: Application, item_ids: set[int] | None
                       ) -> dict[str, Any]:
    """补齐材料清单: every material of the items (``item_ids``: those only) with its
    status now, and the 补齐手续 records of those items (date, what changed)."""
    reqs = [r for r in app.items if item_ids is None or r.id in item_ids]
    rows: list[dict[str, Any]] = []
    for req in reqs:
        for mat in req.materials:
            if mat.status == MaterialStatus.NA:
                continue
            rows.append({"name": mat.name, "status": vocab.MATERIAL_LABELS.get(mat.status, ""),
                         "done": "✓" if mat.status != MaterialStatus.MISSING else ""})
    stages = s.scalars(select(TaskStage).where(
        TaskStage.item_id.in_([r.id for r in reqs]), TaskStage.stage == "paperwork")
        .order_by(TaskStage.started_on, TaskStage.id)).all()
    history: list[dict[str, Any]] = []
    names = {m.code: m.name for r in reqs for m in r.materials}
    for st in stages:
        changed = json.loads(st.details or "{}").get("materials", {})
        history.append({
            "date": st.started_on.isoformat(),
            "changes": "；".join(f"{names.get(code, code)}：{vocab.MATERIAL_LABELS.get(status, status)}"
                                for code, status in changed.items()),
            "note": st.text,
        })
    missing = sum(1 for r in rows if not r["done"])
    return {
        "checklist": {
            "items": "、".join(cat.item(r.item_code).name if cat.has_item(r.item_code)
                              else r.item_code for r in reqs),
            "accepted_on": app.intake_date.isoformat(),
            "complete": missing == 0,
            "missing_count": missing,
            "last_date": history[-1]["date"] if history else "",
        },
        "material_rows": rows,
        "paperwork": history,
    }




def start_first_aid_clock(ctx: ServiceContext, s: Session, app: Application,
                          now: datetime) -> None:
    """At acceptance: each accepted 急难型 item (catalogue ``first_aid_hours``) gets its
    先行救助 deadline, ``now`` + the hours in force (setting ``first_aid_hours``; 泰安
    "急难对象24小时先行救助制度"). ``now`` is the decision's time on the program's clock
    (the clock every deadline of the tracking screen is compared with).

    Only an URGENT acceptance (``Application.urgent``: accepted as an emergency, often
    without its materials) starts it — issue 13: "a 24-hour clock on every urgent
    acceptance"; a 急难型 application accepted in the ordinary way with its materials
    follows the item's working-day limit (review of 2026-12-07, finding 7)."""
    if not app.urgent:
        return
    for req in app.items:
        if req.status != ItemStatus.ACCEPTED:
            continue
        hours = first_aid_hours(ctx, s, req.item_code, now.date())
        if hours is not None:
            req.first_aid_due_at = now + timedelta(hours=hours)


def first_aid_met(s: Session, item_ids: list[int]) -> set[int]:
    """Of ``item_ids``, those with a 先行救助 recorded (the clock is met)."""
    if not item_ids:
        return set()
    return set(s.scalars(select(EmergencyAid.item_id).where(EmergencyAid.item_id.in_(item_ids))))


def first_aid_hours_left(req: RequestedItem, met: set[int], now: datetime) -> int | None:
    """Whole hours left on ``req``'s 先行救助 clock (negative: that many hours late,
    started hours counted), or None when it has no running clock: none set, a 先行救助
    recorded, the result recorded, or the item reported to the county (报县审批 — the
    county decides, the township cannot pay first any more)."""
    if req.first_aid_due_at is None or req.id in met \
            or req.task_status in vocab.FINAL_TASK_STATUSES or req.handler_code != TOWNSHIP:
        return None
    return math.floor((req.first_aid_due_at - now).total_seconds() / 3600)


__all__ = ["DOCUMENT_KINDS", "bands_entry", "document_data", "ceiling_fen", "first_aid_hours", "first_aid_hours_left",
           "first_aid_met", "material_checklist", "scope", "start_first_aid_clock"]
