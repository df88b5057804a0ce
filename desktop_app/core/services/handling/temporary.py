"""Temporary assistance under control (issue 13 point 5): 补齐手续, 个案会商/一事一议,
跟进救助, the amount bands (分档) and the township's ceiling as the dialogs show them.

Sources (docs/coordination.md "临时救助管控"): 汉中 measure 十五 — "对于急难型临时救助，
可先行给予救助，事后补充说明情况……对于特殊个案，可由县级困难群众基本生活保障工作协调机制
进行'一事一议'审批……采取分级审批、分阶段救助、跟进救助等方式"; 重庆 — "建立健全快速响应、
一事一议、个案会商'救急难'工作机制"; 泰安 — "急难对象24小时先行救助制度" (the clock:
``services/temporary_data.py``).

Each record is a :class:`~desktop_app.core.models.TaskStage` side row (``paperwork``,
``conference``, ``followup``) written by :func:`.side_records.write_stage` with the event
``task.stage`` and the column meanings of the TaskStage docstring.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from ...errors import ValidationError, ValidationErrors
from ...messages import Message
from ...models import RequestedItem
from ...rules import numbering
from ...rules.values import format_yuan, parse_amount, validate_name, validate_text
from ...vocab import MaterialStatus
from .. import auth, handling_data
from ..auth import ActorRef
from ..context import Changes
from ..documents import PendingFile
from .base import collect_error, day_value, written
from .ceilings import refuse_above_ceiling
from .emergency import escalate_in
from .side_records import (
    CONFERENCE_LABELS,
    CONFERENCE_OUTCOMES,
    PAPERWORK_STATUSES,
    ConferenceInput,
    FollowupInput,
    MaterialRow,
    TemporaryReads,
    TemporaryResult,
    stage_step_text,
    stage_summary,
    write_stage,
)


class TemporaryVerbs(TemporaryReads):
    """补齐手续, 个案会商, 跟进救助 (the reads for the dialogs: :class:`TemporaryReads`)."""

    # -- 补齐手续 ------------------------------------------------------------------------
    def record_paperwork(self, task_id: int, materials: dict[str, str], on: date | str,
                         by: ActorRef, note: str = "") -> TemporaryResult:
        """补齐手续: the materials of an urgently accepted case arrive later. Each
        material's new status (code → received / committed / shared / missing) is
        recorded with the day as a ``paperwork`` step, and the updated 补齐材料清单
        (``material_checklist``) is printed. Nothing changed: refused."""
        now = self.ctx.clock()
        today = now.date()
        errors: list[ValidationError] = []
        day = collect_error(errors, lambda: day_value(
            on, "on", Message("temporary.label.paperwork_on"), today=today))
        text = collect_error(errors, lambda: validate_text(note, "note", 200))
        for code, status in materials.items():
            if status not in PAPERWORK_STATUSES:
                errors.append(ValidationError(f"materials.{code}", "invalid",
                                              key="temporary.paperwork.bad_status"))
        if errors:
            raise ValidationErrors(errors)
        assert day is not None
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            clerk = self._staff(s, actor, staff)
            task = self._task(s, task_id)
            app = task.application
            self._not_before(day, app.intake_date, "on", Message(
                "temporary.not_before_intake", {"date": app.intake_date.isoformat()}))
            mats = {m.code: m for m in task.materials if m.status != MaterialStatus.NA}
            unknown = [c for c in materials if c not in mats]
            if unknown:
                raise ValidationErrors([ValidationError(f"materials.{c}", "unknown",
                                                        key="temporary.paperwork.unknown")
                                        for c in unknown])
            changed = {c: st for c, st in materials.items() if mats[c].status != st}
            if not changed:
                raise ValidationErrors([ValidationError(
                    "materials", "unchanged", key="temporary.paperwork.nothing_changed")])
            before = {c: mats[c].status for c in changed}
            for c, st in changed.items():
                mats[c].status = st
            complete = all(m.status != MaterialStatus.MISSING for m in mats.values())
            row = write_stage(s, task, clerk, "paperwork", day, text=text or "",
                              outcome="complete" if complete else "partial",
                              details={"materials": changed, "before": before,
                                       "complete": complete},
                              event={"materials": changed, "before": before})
            number = self._next_suffix(s, app, numbering.MATERIALS)
            pending = self.documents.create(s, app, "material_checklist", number, clerk, now,
                                            item_ids={task.id})
            stage_id = row.id
        info = self.documents.write_files([pending])[0]
        return TemporaryResult(stage_id, info, written(info).changes)

    # -- 个案会商 / 一事一议 -------------------------------------------------------------
    def record_conference(self, task_id: int, inp: ConferenceInput, by: ActorRef
                          ) -> TemporaryResult:
        """个案会商 / 一事一议 on a 临时救助 task (offered above the township's ceiling):
        a ``conference`` record. ``approved`` (乡镇审批): the amount must stay within the
        township's cumulative ceiling (refused with the figures otherwise); ``escalate``: the
        task is reported to the county (报县审批) in the same step, its 转办单 printed;
        ``refused``: recorded (the refusal itself is the task's result, from the 回执)."""
        now = self.ctx.clock()
        today = now.date()
        errors: list[ValidationError] = []
        day = collect_error(errors, lambda: day_value(
            inp.on, "on", Message("temporary.label.conference_on"), today=today))
        people: list[str] = []
        for i, name in enumerate(p for p in inp.people if str(p).strip()):
            try:
                people.append(validate_name(name, f"people.{i}"))
            except ValidationError as exc:
                errors.append(exc)
        if len(people) < 2:
            errors.append(ValidationError("people", "too_few",
                                          key="temporary.conference.people"))
        if inp.outcome not in CONFERENCE_LABELS:
            errors.append(ValidationError("outcome", "invalid",
                                          key="temporary.conference.outcome"))
        text = collect_error(errors, lambda: validate_text(inp.text, "text", 500, required=True,
                                                           multiline=True))
        amount: int | None = None
        if inp.amount not in (None, ""):
            amount = (inp.amount if isinstance(inp.amount, int)
                      and not isinstance(inp.amount, bool)
                      else collect_error(errors, lambda: parse_amount(inp.amount, "amount")))
        if inp.outcome in ("approved", "escalate") and amount is None \
                and not any(e.field == "amount" for e in errors):
            errors.append(ValidationError("amount", "required",
                                          key="temporary.conference.amount"))
        if errors:
            raise ValidationErrors(errors)
        assert day is not None and text is not None
        pending: PendingFile | None = None
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            clerk = self._staff(s, actor, staff)
            task = self._temporary_task(s, task_id, day)
            app = task.application
            if inp.outcome == "approved" and amount is not None:
                refuse_above_ceiling(self.ctx, s, app, task, amount, day, replaces_item=True)
            if inp.outcome == "escalate":
                pending = escalate_in(self, s, task, clerk, now, "个案会商决定报县审批")
            row = write_stage(s, task, clerk, "conference", day, people=people,
                              outcome=inp.outcome, amount_fen=amount, text=text,
                              summary=CONFERENCE_LABELS[inp.outcome]
                              + (f" {format_yuan(amount)} 元" if amount else ""))
            stage_id = row.id
        if pending is None:
            return TemporaryResult(stage_id, None, Changes(applications={app.id}))
        info = self.documents.write_files([pending])[0]
        return TemporaryResult(stage_id, info, written(info).changes)

    def _temporary_task(self, s: Session, task_id: int, day: date) -> RequestedItem:
        """The 临时救助 task a 个案会商 / 跟进救助 is about, on a day not before its intake."""
        task = self._task(s, task_id)
        if task.item_code not in handling_data.TEMPORARY_ITEMS:
            raise ValidationErrors([ValidationError(
                "task", "state", key="temporary.not_temporary")])
        intake = task.application.intake_date
        self._not_before(day, intake, "on", Message(
            "temporary.not_before_intake", {"date": intake.isoformat()}))
        return task

    # -- 跟进救助 ------------------------------------------------------------------------
    def record_followup(self, task_id: int, inp: FollowupInput, by: ActorRef
                        ) -> TemporaryResult:
        """跟进救助 (汉中 十五 "分阶段救助、跟进救助"): what was done after the aid, and
        further help referred (to 低保, 医疗救助, charity …) — a ``followup`` record."""
        today = self.ctx.today()
        errors: list[ValidationError] = []
        day = collect_error(errors, lambda: day_value(
            inp.on, "on", Message("temporary.label.followup_on"), today=today))
        text = collect_error(errors, lambda: validate_text(inp.text, "text", 500, required=True,
                                                           multiline=True))
        referred = collect_error(errors, lambda: validate_text(inp.referred, "referred", 200))
        if errors:
            raise ValidationErrors(errors)
        assert day is not None and text is not None
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            clerk = self._staff(s, actor, staff)
            task = self._temporary_task(s, task_id, day)
            app = task.application
            row = write_stage(s, task, clerk, "followup", day, text=text,
                              outcome="referred" if referred else "done",
                              details={"referred": referred or ""},
                              summary="已转介" if referred else "")
            stage_id = row.id
        return TemporaryResult(stage_id, None, Changes(applications={app.id}))


__all__ = ["CONFERENCE_OUTCOMES", "PAPERWORK_STATUSES", "ConferenceInput", "FollowupInput",
           "MaterialRow", "TemporaryResult", "TemporaryVerbs", "stage_step_text", "stage_summary",
           "write_stage"]
