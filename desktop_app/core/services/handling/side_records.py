"""The side records of temporary assistance (issue 13): 补齐手续, 个案会商, 跟进救助 as
TaskStage rows — their inputs, the writer (event ``task.stage`` with the column meanings
of the TaskStage docstring), their Chinese summaries, and the reads the dialogs use
(ceiling, band hint, materials, records). The verbs: :mod:`.temporary`."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ... import vocab
from ...catalog import Catalog
from ...errors import ValidationError, ValidationErrors
from ...models import RequestedItem, Staff, TaskStage
from ...rules import temporary
from ...rules.values import format_yuan, parse_amount
from ...vocab import MaterialStatus
from .. import temporary_data
from ..context import Changes
from ..documents import DocumentInfo
from ..events import record_event
from .base import HandlingBase
from .stage_types import StageView

#: Statuses a material may be given by 补齐手续 (not 不适用: that is the intake's call).
PAPERWORK_STATUSES = (MaterialStatus.RECEIVED.value, MaterialStatus.COMMITTED.value,
                      MaterialStatus.SHARED.value, MaterialStatus.MISSING.value)
#: 个案会商 decisions: the township decides within its ceiling, 报县审批, or refuse.
#: The codes are TaskStage's outcome codes (the stage service's OUTCOMES for 会商):
#: approved = the township decides, escalate = 报县审批, refused = 不予救助.
CONFERENCE_OUTCOMES = (("approved", "乡镇（街道）审批"), ("escalate", "报县审批"),
                       ("refused", "不予救助"))
CONFERENCE_LABELS = dict(CONFERENCE_OUTCOMES)
SIDE_STAGES = ("paperwork", "conference", "followup")


@dataclass(frozen=True)
class MaterialRow:
    code: str
    name: str
    status: str
    status_label: str


@dataclass(frozen=True)
class ConferenceInput:
    """个案会商 / 一事一议: the day, the participants (≥ 2), the decision
    (:data:`CONFERENCE_OUTCOMES`: approved = 乡镇审批, escalate = 报县审批, refused), the
    amount decided (乡镇审批 / 报县: the amount proposed) and the minutes."""

    on: date | str
    people: tuple[str, ...]
    outcome: str
    text: str
    amount: str | int | None = None


@dataclass(frozen=True)
class FollowupInput:
    """跟进救助: the day, what was done, and further help referred (may be empty)."""

    on: date | str
    text: str
    referred: str = ""


@dataclass(frozen=True)
class TemporaryResult:
    """A side record written: its row id, the document printed (the 补齐材料清单, or the
    转办单 of a 会商 that reports to the county), and what changed."""

    stage_id: int
    document: DocumentInfo | None
    changes: Changes = field(default_factory=Changes)


def write_stage(s: Session, task: RequestedItem, clerk: Staff, stage: str, on: date, *,
                people: Sequence[str] = (), outcome: str = "", amount_fen: int | None = None,
                text: str = "", details: dict[str, Any] | None = None,
                summary: str = "", event: dict[str, Any] | None = None) -> TaskStage:
    """One TaskStage side row (one-day record: ``done_on`` = ``started_on``) and its
    audited event ``task.stage`` (no names in the event: ``summary`` is what the timeline
    shows; ``event``: more of the event's detail, e.g. the materials changed)."""
    row = TaskStage(application_id=task.application_id, item_id=task.id, stage=stage,
                    started_on=on, done_on=on, outcome=outcome, amount_fen=amount_fen,
                    people=json.dumps(list(people), ensure_ascii=False), text=text,
                    details=json.dumps(details or {}, ensure_ascii=False, sort_keys=True),
                    source="township", recorded_by_id=clerk.id)
    s.add(row)
    s.flush()
    record_event(s, "task.stage", actor_id=clerk.id, application_id=task.application_id,
                 task_id=task.id, item=task.item_code, stage=stage, record_id=row.id,
                 started_on=on.isoformat(), outcome=outcome, summary=summary,
                 **({"amount_fen": amount_fen} if amount_fen is not None else {}),
                 **(event or {}))
    return row


def stage_summary(row: TaskStage, names: dict[str, str] | None = None) -> str:
    """One Chinese line of a side record (no ID numbers)."""
    details = json.loads(row.details or "{}")
    if row.stage == "paperwork":
        changed = details.get("materials", {})
        parts = [f"{(names or {}).get(c, c)}{vocab.MATERIAL_LABELS.get(st, st)}"
                 for c, st in changed.items()]
        return "补齐材料：" + "、".join(parts) if parts else "补齐手续"
    if row.stage == "conference":
        people = json.loads(row.people or "[]")
        amount = f"，{format_yuan(row.amount_fen)} 元" if row.amount_fen else ""
        return (f"{CONFERENCE_LABELS.get(row.outcome, row.outcome)}{amount}；参加人："
                f"{'、'.join(people)}；{row.text}")
    if row.stage == "followup":
        referred = details.get("referred", "")
        return row.text + (f"；转介：{referred}" if referred else "")
    return row.text


def stage_step_text(s: Session, cat: Catalog, d: dict[str, Any]) -> str | None:
    """The timeline's words for a ``task.stage`` event of a side record of this module
    (补齐手续, 个案会商 with its participants, 跟进救助); None for other steps."""
    if d.get("stage") not in SIDE_STAGES or not d.get("record_id"):
        return None
    row = s.get(TaskStage, d["record_id"])
    if row is None:
        return None
    task = s.get(RequestedItem, row.item_id)
    names = {m.code: m.name for m in task.materials} if task is not None else {}
    item = cat.item(d["item"]).name if cat.has_item(d.get("item") or "") else ""
    return f"{vocab.STAGE_LABELS[row.stage]}：{item}，{stage_summary(row, names)}"


class TemporaryReads(HandlingBase):
    """What the 临时救助 dialogs read."""

    # -- reads for the dialogs -----------------------------------------------------------
    def temporary_ceiling(self, item_code: str) -> int:
        """The township's ceiling (fen) for a 临时救助 item (catalogue / setting)."""
        with self.ctx.db.read() as s:
            return temporary_data.ceiling_fen(self.ctx, s, item_code)

    def band_hint(self, item_code: str, amount: str | int | None = None, cause: str = "",
                  day: date | None = None) -> temporary.BandHint:
        """The suggested band (分档) for the amount typed and/or the cause — a hint for
        the clerk, never a decision. An unreadable amount suggests by the cause only."""
        fen: int | None = None
        if isinstance(amount, int) and not isinstance(amount, bool):
            fen = amount
        elif amount not in (None, ""):
            try:
                fen = parse_amount(amount, "amount")
            except (ValidationError, ValidationErrors):
                fen = None
        with self.ctx.db.read() as s:
            entry = temporary_data.bands_entry(self.ctx, s, day or self.ctx.today())
        return temporary.suggest_band(entry, item_code, fen, cause)

    def task_materials(self, task_id: int) -> list[MaterialRow]:
        """The task's materials (not 不适用) with their status, for 补齐手续."""
        with self.ctx.db.read() as s:
            task = self._task(s, task_id)
            return [MaterialRow(m.code, m.name, m.status, vocab.MATERIAL_LABELS[m.status])
                    for m in task.materials if m.status != MaterialStatus.NA]

    def temporary_records(self, task_id: int) -> list[StageView]:
        """The task's 补齐手续, 个案会商 and 跟进救助 records, oldest first (the detail)."""
        with self.ctx.db.read() as s:
            task = self._task(s, task_id)
            names = {m.code: m.name for m in task.materials}
            rows = s.scalars(select(TaskStage).where(
                TaskStage.item_id == task_id, TaskStage.stage.in_(SIDE_STAGES))
                .order_by(TaskStage.started_on, TaskStage.id))
            return [StageView(r.stage, vocab.STAGE_LABELS[r.stage], "done", r.started_on,
                              r.done_on, summary=stage_summary(r, names), record_id=r.id)
                    for r in rows]


__all__ = ["CONFERENCE_LABELS", "CONFERENCE_OUTCOMES", "PAPERWORK_STATUSES", "SIDE_STAGES",
           "ConferenceInput", "FollowupInput", "MaterialRow", "TemporaryReads",
           "TemporaryResult", "stage_step_text", "stage_summary", "write_stage"]
