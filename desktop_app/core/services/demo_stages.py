"""The 审核确认 procedure steps of the demo's township-handled tasks (issue 13).

Written inside the demo's bulk transaction like :meth:`HandlingService.record_stage`
writes them (a ``task_stage`` row and a ``task.stage`` event per step; the task's
``stage`` / ``stage_due`` refreshed), without documents: a closed task gets every step
of its procedure dated in order before its result; an open one stops where today
falls (公示 running, 核对 awaiting its report, awaiting the county's confirmation …).
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from typing import Any

from sqlalchemy.orm import Session

from ..models import RequestedItem, TaskStage
from ..rules import stages as stage_rules
from ..rules.workdays import WorkCalendar
from .context import ServiceContext
from .events import record_event
from .handling import procedure

#: Demo investigators of a 入户调查 (two, as the procedure requires).
INVESTIGATORS = (("李秀英", "村委会杨光明"), ("陈晓红", "村委会吴秀兰"), ("王建国", "村委会龙海"))
FINDINGS = ("入户核实家庭人口、收入、财产情况，与申报一致", "住房简陋，家中缺乏劳动力，情况属实",
            "家庭成员患重病，医疗支出较大，情况属实")


class _Quick:
    """The steps of a showcase case: each a working day after the previous one."""

    @staticmethod
    def randrange(low: int, _high: int) -> int:
        return max(low, 1)

    @staticmethod
    def choice(seq: Any) -> Any:
        return seq[0]


class DemoSteps:
    """Writes the steps of demo tasks within one transaction ``s``."""

    def __init__(self, ctx: ServiceContext, s: Session, cal: WorkCalendar, today: date,
                 rng: random.Random) -> None:
        self.ctx, self.s, self.cal, self.today, self.rng = ctx, s, cal, today, rng
        days, unit = stage_rules.publicity_on(ctx.get_setting(s, "publicity_days"), today)
        self.publicity = (days, unit)

    def plan(self, req: RequestedItem, start: date, *, stop: str | None = None
             ) -> tuple[list[dict[str, Any]], date] | None:
        """The steps before the result step, dated from ``start`` (acceptance) on, and the
        earliest day the result step can follow; None when the task has no procedure.
        ``stop``: the step the task is left at — unrecorded, or for a 公示 / 核对 started
        (running once today falls within it); the steps then follow each other
        a working day apart."""
        proc = procedure.load(self.ctx, self.s, req, self.today)
        if proc is None:
            return None
        wd = self._wd
        r: Any = _Quick() if stop else self.rng
        day = start
        out: list[dict[str, Any]] = []
        for step in proc.steps:
            code = step.code
            if not step.active or step.optional or code in stage_rules.RESULT_STEPS:
                continue
            if code == stop and code not in stage_rules.TWO_PHASE:
                break
            if code == "visit":
                day = wd(day, r.randrange(1, 4))
                out.append({"stage": code, "started_on": day, "done_on": day,
                            "people": list(r.choice(INVESTIGATORS)), "text": r.choice(FINDINGS)})
            elif code == "check":
                asked = wd(day, 1)
                day = wd(asked, r.randrange(2, 6))
                out.append({"stage": code, "started_on": asked, "done_on": day, "outcome": "match",
                            "ref": f"HD-{asked:%Y%m%d}-{req.id}"})
            elif code == "publicity":
                begin = wd(day, 1)
                ends = stage_rules.publicity_ends(begin, self.publicity[0], self.publicity[1],
                                                  self.cal).date
                day = ends + timedelta(days=1)
                out.append({"stage": code, "started_on": begin, "ends_on": ends, "done_on": day,
                            "outcome": "no_objection", "village_id": req.application.village_id})
            elif code == "report":
                day = wd(day, r.randrange(0, 2))
                out.append({"stage": code, "started_on": day, "done_on": day,
                            "ref": f"SB-{day:%Y%m%d}"})
            else:  # first_review, review
                day = wd(day, r.randrange(1, 3))
                out.append({"stage": code, "started_on": day, "done_on": day,
                            "outcome": "approved", "text": "经入户调查和信息核对，符合条件，拟同意"})
            if code == stop:
                break
        return out, wd(day, r.randrange(1, 4))

    def write(self, req: RequestedItem, steps: list[dict[str, Any]], actor: int | None) -> None:
        """The steps dated up to today (a step under way today is written running); the
        caller then records the result or :meth:`refresh`-es an open task."""
        for step in steps:
            if step["started_on"] > self.today:
                break
            if step.get("done_on") and step["done_on"] > self.today:
                step = dict(step, done_on=None, outcome="")
            self._row(req, actor, **step)

    def result(self, req: RequestedItem, on: date, approved: bool, actor: int | None) -> None:
        """The result step (审核确认 by the township, else the county's confirmation)."""
        proc = procedure.load(self.ctx, self.s, req, self.today)
        if proc is None or proc.evaluation.current not in stage_rules.RESULT_STEPS:
            return
        code = proc.evaluation.current
        self._row(req, actor, stage=code, started_on=on, done_on=on,
                  outcome="approved" if approved else "refused", text=req.result_text or "",
                  amount_fen=req.amount_fen,
                  source="township" if code == "decision" else "county_return")
        # every step recorded: the task stands at its last one, no stage due (refresh())
        req.stage, req.stage_due, req.stage_due_provisional = code, None, False

    def refresh(self, req: RequestedItem) -> None:
        """An open task's ``stage`` / ``stage_due`` after its steps."""
        after = procedure.load(self.ctx, self.s, req, self.today)
        if after is not None:
            procedure.refresh(req, after)

    def _wd(self, day: date, n: int) -> date:
        return self.cal.add_workdays(day, n).date if n else day

    def _row(self, req: RequestedItem, actor: int | None, *, stage: str, started_on: date,
             done_on: date | None = None, ends_on: date | None = None, outcome: str = "",
             people: list[str] | None = None, text: str = "", ref: str = "",
             village_id: int | None = None, amount_fen: int | None = None,
             source: str = "township") -> None:
        row = TaskStage(application_id=req.application_id, item_id=req.id, stage=stage,
                        started_on=started_on, done_on=done_on, ends_on=ends_on,
                        outcome=outcome, amount_fen=amount_fen,
                        people=json.dumps(people or [], ensure_ascii=False), text=text, ref=ref,
                        village_id=village_id, details="{}", source=source,
                        recorded_by_id=actor)
        self.s.add(row)
        self.s.flush()
        record_event(self.s, "task.stage", actor_id=actor, application_id=req.application_id,
                     task_id=req.id, item=req.item_code, stage=stage,
                     started_on=started_on.isoformat(),
                     done_on=done_on.isoformat() if done_on else None,
                     ends_on=ends_on.isoformat() if ends_on else None,
                     outcome=outcome, source=source, record_id=row.id, demo=True)


__all__ = ["DemoSteps"]
