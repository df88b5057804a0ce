"""The printed side of the 审核确认 procedure: a village's 公示名单 (recording the 公示
of each task on it), the 上报清单 to the county (recording the 报县 of each task), and
the 入户调查表 of a task. The forms themselves are built in
:mod:`..casework_forms` (forms/README.md)."""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from ...catalog import TOWNSHIP
from ...errors import ValidationError, ValidationErrors
from ...messages import Message
from ...models import RequestedItem, TaskStage, Village
from .. import auth, casework_forms
from ..auth import ActorRef
from ..context import Changes, Outcome
from ..documents import DocumentInfo, atomic_write
from . import procedure
from .base import day_value, written
from .handover import ListInfo
from .stage_input import Clean, err
from .stages import StageVerbs

#: The message keys raised here (desktop_app/core/messages.py).
_STAGE_LIST_MESSAGE_KEYS = ("stage.no_tasks", "stage.publicity_village",
                            "stage.publicity_nothing", "stage.report_department")


class StageLists(StageVerbs):
    """公示名单, 上报清单 and 入户调查表."""

    def start_publicity(self, village_id: int, task_ids: list[int], started_on: date | str,
                        by: ActorRef) -> Outcome[ListInfo]:
        """公示 in a village: records the ``publicity`` step of each task (its last day
        from the dated setting ``publicity_days``) and prints the village's 公示名单.
        Tasks never publicised (a minor applicant, 孤儿 …) are left out of both; the
        tasks must be of that village; any other problem refuses the whole list."""
        on = self._list_day(started_on)
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            clerk = self._staff(s, actor, staff)
            village = s.get(Village, village_id)
            tasks = self._tasks(s, task_ids)
            errors = [self._for(t, err("task_ids", "village", "stage.publicity_village"))
                      for t in tasks if village is None or t.application.village_id != village_id]
            if errors:
                raise ValidationErrors(errors)
            listed = [t for t in tasks if self._publicised(s, t)]
            if not listed:
                raise ValidationErrors([err("task_ids", "none", "stage.publicity_nothing")])
            rows = self._record_each(s, listed, "publicity", on, actor.staff_id,
                                     village_id=village_id)
            ends = max(r.ends_on for r in rows if r.ends_on is not None)
            pending = casework_forms.issue_list_document(
                self.ctx, s, "publicity_list", listed, clerk, self.ctx.today(),
                self.documents.folder, village_id=village_id, started_on=on, ends_on=ends)
            for r in rows:
                r.ref = pending.document.number
            info = self._info(pending, "")
            changes = Changes(applications={t.application_id for t in listed},
                              lists={pending.document.id})
        atomic_write(pending.path, pending.pdf)
        return Outcome(info, changes)

    def report_to_county(self, task_ids: list[int], on: date | str,
                         by: ActorRef) -> Outcome[ListInfo]:
        """报县: records the ``report`` step of each task and prints the 上报清单 to the
        county department that confirms them (one department per list)."""
        day = self._list_day(on)
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            clerk = self._staff(s, actor, staff)
            tasks = self._tasks(s, task_ids)
            deciders = {t.decider_code or t.handler_code for t in tasks}
            if len(deciders) != 1 or TOWNSHIP in deciders:
                raise ValidationErrors([err("task_ids", "department", "stage.report_department")])
            rows = self._record_each(s, tasks, "report", day, actor.staff_id)
            pending = casework_forms.issue_list_document(
                self.ctx, s, "report_list", tasks, clerk, self.ctx.today(),
                self.documents.folder, department=deciders.pop())
            for r in rows:
                r.ref = pending.document.number
            info = self._info(pending, pending.document.department)
            changes = Changes(applications={t.application_id for t in tasks},
                              lists={pending.document.id})
        atomic_write(pending.path, pending.pdf)
        return Outcome(info, changes)

    def print_visit_form(self, task_id: int, by: ActorRef) -> Outcome[DocumentInfo]:
        """The 入户调查表 of a task: the household as declared, blanks for the findings
        (or the recorded visit), two investigators' and the applicant's signatures."""
        now = self.ctx.clock()
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by, auth.HANDLE)
            clerk = self._staff(s, actor, staff)
            task = self._task(s, task_id)
            number = self._next_suffix(s, task.application,
                                       casework_forms.FORM_LETTERS["visit_form"])
            pending = self.documents.create(s, task.application, "visit_form", number, clerk,
                                            now, item_ids={task.id})
        return written(self.documents.write_files([pending])[0])

    # -- helpers ---------------------------------------------------------------------------
    def _list_day(self, value: date | str) -> date:
        try:
            return day_value(value, "started_on", Message("stage.label.date"), today=date.max)
        except ValidationError as exc:
            raise ValidationErrors([exc]) from None

    def _tasks(self, s: Session, task_ids: list[int]) -> list[RequestedItem]:
        ids = list(dict.fromkeys(task_ids))
        if not ids:
            raise ValidationErrors([err("task_ids", "empty", "stage.no_tasks")])
        return [self._task(s, i) for i in ids]

    def _publicised(self, s: Session, task: RequestedItem) -> bool:
        proc = procedure.load(self.ctx, s, task, self.ctx.today())
        step = proc.step("publicity") if proc else None
        return step is not None and step.active

    def _record_each(self, s: Session, tasks: list[RequestedItem], stage: str, on: date,
                     actor_id: int | None, *, village_id: int | None = None) -> list[TaskStage]:
        """Record ``stage`` on each task; every task's problems reported together, each
        named by its application number."""
        rows: list[TaskStage] = []
        errors: list[ValidationError] = []
        for t in tasks:
            clean = Clean(stage, on, None, None, (), "", "", "", None, None, None, village_id,
                          {}, "township")
            try:
                rows.append(self._record(s, t, clean, actor_id))
            except ValidationErrors as exc:
                errors += [self._for(t, e) for e in exc.errors]
        if errors:
            raise ValidationErrors(errors)
        return rows

    @staticmethod
    def _for(task: RequestedItem, e: ValidationError) -> ValidationError:
        return ValidationError("task_ids", e.code, key="handling.labelled",
                               params={"label": task.application.number or "",
                                       "problem": e.problem()})

    @staticmethod
    def _info(pending: casework_forms.PendingList, department: str) -> ListInfo:
        doc = pending.document
        return ListInfo(doc.id, doc.kind, doc.number, department, doc.day, pending.count,
                        pending.path)


__all__ = ["StageLists"]
