"""The casework verbs: ``demo`` (synthetic applications), ``print`` (a document's PDF by
its number), ``search`` and ``overdue`` (跟踪督办, the supervisor's list)."""

from __future__ import annotations

import argparse
import sys
import time
from datetime import date
from pathlib import Path

from ..core.services import auth
from .common import ANY_USER, OWN, CliError, Verb, open_services, sign_in

DOC_KINDS = {"receipt": "receipt", "notice-missing": "notice_missing",
             "notice-reject": "notice_reject", "commitment": "commitment",
             "referral": "referral", "result-notice": "result_notice",
             "emergency-record": "emergency_record", "application-form": "application_form",
             "declaration": "declaration", "calculation": "calculation",
             # issue 13 — the forms of the 审核确认 procedure
             "visit-form": "visit_form", "decision-form": "decision_form",
             "extension-notice": "extension_notice"}


def _demo_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--applications", type=int, default=300, metavar="N")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--days", type=int, default=730, help="spread over this many past days")


def cmd_demo(args: argparse.Namespace) -> int:
    """Into an empty folder: no login (nobody exists yet) — it creates the demo township
    and its four demo accounts (README). Into the demo township: its administrator logs
    in. Into any other (real) township: refused — demo accounts with published passwords
    must never appear there."""
    from ..core.services.demo import DEMO_TOWNSHIP, fill_demo

    if args.applications < 0:
        raise CliError("--applications 不能小于 0")
    with open_services(args) as services:
        if services.setup.is_initialized():
            township = services.setup.township()
            if (township.code, township.name) != (DEMO_TOWNSHIP.township_code,
                                                  DEMO_TOWNSHIP.township_name):
                raise CliError(f"{services.ctx.db.data_dir} 是正式数据（{township.name}），"
                               "不能加入演示数据；demo 只用于空文件夹或演示文件夹")
            sign_in(args, services, auth.USERS)
        started = time.perf_counter()
        n = fill_demo(services, args.applications, seed=args.seed, days=args.days,
                      progress=lambda f, msg: print(f"\r{msg}", end="", file=sys.stderr))
        print(f"\n{n} applications written to {services.ctx.db.data_dir} "
              f"in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


def _print_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("kind", choices=sorted(DOC_KINDS))
    p.add_argument("number")
    p.add_argument("--out", type=Path, required=True)


def cmd_print(args: argparse.Namespace) -> int:
    from ..printing.output import copy_pdf

    with open_services(args) as services:
        try:
            doc = services.documents.find(DOC_KINDS[args.kind], args.number)
        except LookupError as exc:
            raise CliError(str(exc)) from exc
        if doc.voided:  # as the window: a voided document is not handed out again
            raise CliError(f"{doc.title} {doc.number} 已作废，不能再打印（作废原因：{doc.void_reason}）")
        # full-ID documents (承诺书 v2+, 申请书, 申报表) follow the full-ID rule
        path = services.documents.original_pdf(doc.id, args.actor)
        copy_pdf(path, args.out, action="print_to_file")  # a fault: one sentence, no file
    print(args.out)
    return 0


def _search_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("query")
    p.add_argument("--limit", type=int, default=50)


def cmd_search(args: argparse.Namespace) -> int:
    with open_services(args) as services:
        started = time.perf_counter()
        rows = services.queries.search(args.query, limit=args.limit)
        elapsed = (time.perf_counter() - started) * 1000
        for r in rows:
            print(f"{r.number}\t{r.intake_date}\t{r.name}\t{r.id_masked}\t{r.village}\t{r.items}\t{r.status_label}")
        print(f"{len(rows)} found in {elapsed:.1f} ms", file=sys.stderr)
    return 0


def _overdue_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--date", help="as of this day, YYYY-MM-DD (default: today)")
    p.add_argument("--department", help="only this department code (e.g. HEALTHCARE)")
    p.add_argument("--soon", action="store_true",
                   help="also list tasks due within the due-soon setting (临期)")


def cmd_overdue(args: argparse.Namespace) -> int:
    from ..core.services import TaskFilter

    try:
        today = date.fromisoformat(args.date) if args.date else None
    except ValueError:
        raise CliError(f"--date: not a date (YYYY-MM-DD): {args.date}") from None
    with open_services(args) as services:
        if args.department and args.department not in {
                d.code for d in services.ctx.catalog.departments}:
            raise CliError(f"unknown department {args.department!r}")
        rows = services.handling.tasks(TaskFilter(department=args.department), today=today)
        wanted = ("overdue", "due_soon") if args.soon else ("overdue",)
        rows = [r for r in rows if r.state in wanted]
        as_of = today or services.ctx.today()
    print("\t".join(("办件编号", "申请人", "村（社区）", "事项", "办理部门", "状态", "办结期限",
                     "逾期（工作日）", "经办人", "任务号", "当前环节", "环节期限",
                     "不予确认告知期限")))
    for r in rows:
        due = r.due_date.isoformat() if r.due_date else ""
        if r.due_provisional:
            due += "（暂定）"
        late = str(-r.workdays_left) if r.state == "overdue" else f"临期，剩 {r.workdays_left}"
        # issue 13: the task's number (for ``stage``), its current step and that step's
        # due date, and a refusal's notice due (3 working days)
        stage_due = r.stage_due.isoformat() if r.stage_due else ""
        if stage_due and r.stage_due_provisional:
            stage_due += "（暂定）"
        if r.first_aid_hours_left is not None and r.first_aid_due_at is not None:
            # issue 13: the 先行救助 clock counts in hours
            due = r.first_aid_due_at.strftime("%Y-%m-%d %H:%M") + "（先行救助）"
            hours = r.first_aid_hours_left
            late = f"先行救助超时 {-hours} 小时" if hours < 0 else f"先行救助剩 {hours} 小时"
        print("\t".join((r.number, r.applicant, r.village, r.item_name, r.handler_name,
                         r.status_label, due, late, r.clerk, str(r.task_id), r.stage_label,
                         stage_due, r.notice_due.isoformat() if r.notice_due else "")))
    overdue = sum(1 for r in rows if r.state == "overdue")
    print(f"{as_of.isoformat()}：逾期 {overdue} 项" +
          (f"，临期 {len(rows) - overdue} 项" if args.soon else ""), file=sys.stderr)
    return 0


DEMO = Verb("demo", "fill the data folder with synthetic applications (an empty folder: no "
                    "login; the demo folder: its admin)", cmd_demo, _demo_arguments, access=OWN)
PRINT = Verb("print", "write a document's PDF by its number", cmd_print, _print_arguments,
             access=auth.REPRINT)
SEARCH = Verb("search", "search applications (name, pinyin initials, ID fragment, number)",
              cmd_search, _search_arguments, access=ANY_USER)
OVERDUE = Verb("overdue", "handling tasks past their due date (跟踪督办), a plain list for the "
                          "supervisor", cmd_overdue, _overdue_arguments, access=ANY_USER)
