"""动态管理 from the command line (issue 15): ``rechecks`` (households whose re-check — or
渐退 end — is due: 低保, 特困, 低保边缘, 刚性支出), ``recheck`` (record a re-check of the
household as recorded: continue / adjust / taper / stop; prints the 复核核查表 and the
notice) and ``taper-list`` (the month's 渐退期满名单). Change reports with a changed
household are the window's (变更申报). Every problem is one Chinese line (exit code 1),
nothing written."""

from __future__ import annotations

import argparse
from datetime import date

from ..core.services import auth
from .common import CliError, Verb, open_services


def _due_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--within", type=int, default=30, help="days ahead (default 30)")


def cmd_due(args: argparse.Namespace) -> int:
    with open_services(args) as services:
        rows = services.rechecks.due(within_days=args.within)
    print("\t".join(("办件编号", "申请人", "村（社区）", "事项", "分类", "复核日期", "剩余天数",
                     "状态", "任务号")))
    for r in rows:
        status = f"渐退至{r.taper_ends_on.isoformat()}" if r.status == "taper" and r.taper_ends_on \
            else "正常"
        print("\t".join((r.number, r.applicant, r.village, r.item_name, r.review_class or "—",
                         r.next_review_on.isoformat(), str(r.days_left), status, str(r.task_id))))
    return 0


def _recheck_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("task", type=int, metavar="TASK_ID")
    p.add_argument("outcome", choices=("continue", "adjust", "taper", "stop"))
    p.add_argument("--on", help="YYYY-MM-DD (default: today)")
    p.add_argument("--amount", default="", help="adjust (or taper): yuan per month")
    p.add_argument("--month", default="", help="the month it applies from, YYYY-MM "
                                               "(default: the next month)")
    p.add_argument("--taper-months", type=int, help="taper: months (default: the setting)")
    p.add_argument("--reason", default="", help="stop: why")
    p.add_argument("--investigators", default="", help="names, comma separated")
    p.add_argument("--findings", default="")
    p.add_argument("--class", dest="review_class", default="", choices=("", "A", "B", "C"),
                   help="低保: the class (default: derived from the household)")


def cmd_recheck(args: argparse.Namespace) -> int:
    from ..core.services.dynamic.reviews import ReviewInput

    names = [n.strip() for n in args.investigators.replace("，", ",").replace("、", ",")
             .split(",") if n.strip()]
    with open_services(args) as services:
        on = args.on or services.ctx.today().isoformat()
        try:
            res = services.rechecks.record(args.task, ReviewInput(
                on=on, outcome=args.outcome, amount=args.amount, effective_month=args.month,
                taper_months=args.taper_months, stop_reason=args.reason, investigators=names,
                findings=args.findings, review_class=args.review_class), args.actor)
        except LookupError:
            raise CliError(f"没有任务号为 {args.task} 的事项") from None
        for doc in services.documents.for_application(
                services.rechecks.household(args.task).application_id):
            if doc.id in res.document_ids:
                print(doc.path)
    return 0


def _taper_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("month", help="YYYY-MM")


def cmd_taper_list(args: argparse.Namespace) -> int:
    try:
        month = date.fromisoformat(args.month + "-01")
    except ValueError:
        raise CliError(f"月份格式不正确（例：2027-01）：{args.month}") from None
    with open_services(args) as services:
        info = services.rechecks.print_taper_list(month, args.actor).value
    print(info.path)
    return 0


RECHECKS = Verb("rechecks", "list households whose re-check (复核) or 渐退 end is due",
                cmd_due, _due_arguments, access=auth.HANDLE)
RECHECK = Verb("recheck", "record a re-check (复核) of a task's household as recorded and "
                          "print the 复核核查表 (and the notice)", cmd_recheck,
               _recheck_arguments, access=auth.HANDLE)
TAPER_LIST = Verb("taper-list", "print the month's 渐退期满名单", cmd_taper_list,
                  _taper_arguments, access=auth.HANDLE)
