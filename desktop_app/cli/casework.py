"""The 审核确认 procedure from the command line (issue 13): ``stage`` (record one step of
a task), ``extend`` (延期, prints the 延期告知书), ``publicity-list`` (a village's 公示
and its 公示名单), ``report-list`` (报县 and the 上报清单), ``visit-form`` (the
入户调查表). Tasks are named by their number (``overdue`` lists it, column 任务号).
Every problem is one Chinese line (exit code 1), nothing written."""

from __future__ import annotations

import argparse

from ..core.services import auth
from .common import CliError, Verb, open_services

STEPS = ("visit", "check", "review", "publicity", "first_review", "report", "county",
         "decision", "paperwork", "conference", "followup")


def _names(text: str | None) -> tuple[str, ...]:
    return tuple(n.strip() for n in (text or "").replace("，", ",").replace("、", ",").split(",")
                 if n.strip())


def _ids(values: list[str]) -> list[int]:
    try:
        return [int(v) for v in values]
    except ValueError:
        raise CliError("任务号应为数字（见 overdue 的“任务号”列）") from None


def _stage_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("task", type=int, metavar="TASK_ID")
    p.add_argument("step", choices=STEPS)
    p.add_argument("--on", required=True, help="the day it happened or began, YYYY-MM-DD")
    p.add_argument("--done", help="the day it ended (核对 result, 公示 concluded)")
    p.add_argument("--ends", help="公示: its last day (default from the setting)")
    p.add_argument("--people", help="names, comma separated (investigators, participants)")
    p.add_argument("--outcome", default="",
                   help="match/discrepancy, approved/refused, no_objection/objection_resolved/"
                        "objection_upheld …")
    p.add_argument("--text", default="", help="findings, opinion, reason")
    p.add_argument("--ref", default="", help="核对报告编号, county document number")
    p.add_argument("--amount", help="yuan (decision / county)")
    p.add_argument("--period-from")
    p.add_argument("--period-to")
    p.add_argument("--village", type=int, help="公示: the village id (default the applicant's)")
    p.add_argument("--dispute", action="store_true",
                   help="visit/check: the findings are disputed (民主评议 becomes required)")
    p.add_argument("--paper", action="store_true", help="county: typed from the paper reply")


def cmd_stage(args: argparse.Namespace) -> int:
    from ..core.services.handling import StageInput

    data = StageInput(
        stage=args.step, started_on=args.on, done_on=args.done, ends_on=args.ends,
        people=_names(args.people), outcome=args.outcome, text=args.text, ref=args.ref,
        amount=args.amount, period_from=args.period_from, period_to=args.period_to,
        village_id=args.village, details={"dispute": True} if args.dispute else {},
        source="paper" if args.paper else "township")
    with open_services(args) as services:
        out = services.handling.record_stage(args.task, data, args.actor)
        plan = services.handling.stage_plan(args.task)
    if out.value is not None:
        print(out.value.path)
    print(plan.next_action or ("可录入办理结果" if plan.closable else plan.blocked_reason))
    return 0


def _extend_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("task", type=int, metavar="TASK_ID")
    p.add_argument("--reason", required=True)
    p.add_argument("--on", help="YYYY-MM-DD (default: today)")


def cmd_extend(args: argparse.Namespace) -> int:
    from ..core.services.handling import StageInput

    with open_services(args) as services:
        on = args.on or services.ctx.today().isoformat()
        out = services.handling.record_stage(
            args.task, StageInput("extension", on, text=args.reason), args.actor)
        plan = services.handling.stage_plan(args.task)
    if out.value is not None:
        print(out.value.path)
    print(f"办结期限：{plan.due_date.isoformat() if plan.due_date else ''}")
    return 0


def _publicity_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("tasks", nargs="+", metavar="TASK_ID")
    p.add_argument("--village", type=int, required=True, help="the village id")
    p.add_argument("--on", help="first day of the 公示, YYYY-MM-DD (default: today)")


def cmd_publicity(args: argparse.Namespace) -> int:
    with open_services(args) as services:
        on = args.on or services.ctx.today().isoformat()
        info = services.handling.start_publicity(args.village, _ids(args.tasks), on,
                                                 args.actor).value
    print(info.path)
    return 0


def _report_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("tasks", nargs="+", metavar="TASK_ID")
    p.add_argument("--on", help="YYYY-MM-DD (default: today)")


def cmd_report(args: argparse.Namespace) -> int:
    with open_services(args) as services:
        on = args.on or services.ctx.today().isoformat()
        info = services.handling.report_to_county(_ids(args.tasks), on, args.actor).value
    print(info.path)
    return 0


def _visit_form_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("task", type=int, metavar="TASK_ID")


def cmd_visit_form(args: argparse.Namespace) -> int:
    with open_services(args) as services:
        info = services.handling.print_visit_form(args.task, args.actor).value
    print(info.path)
    return 0


STAGE = Verb("stage", "record a step of a task's 审核确认 procedure (入户调查, 核对, 公示 …)",
             cmd_stage, _stage_arguments, access=auth.HANDLE)
EXTEND = Verb("extend", "extend a task's time limit (延期, prints the 延期告知书)", cmd_extend,
              _extend_arguments, access=auth.HANDLE)
PUBLICITY_LIST = Verb("publicity-list", "start the 公示 of tasks in a village and print its "
                                        "公示名单", cmd_publicity, _publicity_arguments,
                      access=auth.HANDLE)
REPORT_LIST = Verb("report-list", "report tasks to the county (报县) and print the 上报清单",
                   cmd_report, _report_arguments, access=auth.HANDLE)
VISIT_FORM = Verb("visit-form", "print a task's 入户调查表", cmd_visit_form,
                  _visit_form_arguments, access=auth.HANDLE)
