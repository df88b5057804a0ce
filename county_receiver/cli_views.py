"""County CLI verbs of the cross-township views (issue 17, docs/county-views.md):
``county-receiver overdue | monthly | duplicates``. Tab-separated tables with Chinese
headings on stdout; the log gets the verb and counts only. ID numbers are printed
masked (the full number is for the workstation's drill-down)."""

from __future__ import annotations

import argparse
import logging
from datetime import date
from typing import Any

log = logging.getLogger("county_receiver")

VERBS = ("overdue", "monthly", "duplicates")


def add_parsers(csub: Any, common: argparse.ArgumentParser) -> None:
    ov = csub.add_parser("overdue", parents=[common],
                         help="overdue referrals by department × township (超期转办)")
    ov.add_argument("--today", help="the day (YYYY-MM-DD; default today)")
    ov.add_argument("--department", metavar="CODE", help="only this department")
    ov.add_argument("--township", metavar="CODE", help="only this township")
    ov.add_argument("--list", action="store_true",
                    help="list the overdue referrals instead of the counts")
    ov.add_argument("--limit", type=int, metavar="N", help="with --list: at most N lines")
    mo = csub.add_parser("monthly", parents=[common],
                         help="a period's figures by township, item or department (月度统计)")
    mo.add_argument("--period", required=True,
                    help="2026-11 (month), 2026-Q4 (quarter), 2026 (year) or "
                         "2026-11-03..2026-11-20")
    mo.add_argument("--by", default="township", choices=("township", "item", "department"))
    mo.add_argument("--today", help="the day that decides what is overdue (default today)")
    mo.add_argument("--department", metavar="CODE", help="only this department's tasks")
    mo.add_argument("--township", metavar="CODE", help="only this township")
    du = csub.add_parser("duplicates", parents=[common],
                         help="cross-township duplicates: the same ID with open applications "
                              "(重复申请)")
    du.add_argument("--today", help="the day (YYYY-MM-DD; default today)")


def _today(args: argparse.Namespace) -> date | str:
    return args.today or date.today()


def _d(value: date | None) -> str:
    return value.isoformat() if value else ""


def run(args: argparse.Namespace, county: Any) -> int | None:
    """Run a views verb; None when ``args`` is not one of ours."""
    from . import views

    action = args.county_command
    if action not in VERBS:
        return None
    if action == "overdue":
        if args.list:
            rows = views.overdue_list(county.engine, _today(args), department=args.department,
                                      township=args.township, limit=args.limit)
            print("乡镇代码\t乡镇\t办件编号\t事项\t部门\t状态\t转办日期\t办理期限\t超期天数")
            for r in rows:
                print(f"{r.township_code}\t{r.township_name}\t{r.application_number}\t"
                      f"{r.item_code}\t{r.department}\t{r.task_status}\t{_d(r.referred_on)}\t"
                      f"{_d(r.due_date)}\t{r.days_overdue}")
            log.info("overdue --list: %d referrals", len(rows))
            return 0
        table = views.overdue(county.engine, _today(args), department=args.department,
                              township=args.township)
        print(f"超期转办（截至 {table.today.isoformat()}）")
        print("\t".join(["部门", *(t.name or t.code for t in table.townships), "合计"]))
        for dept in table.departments:
            print("\t".join([dept, *(str(table.count(dept, t.code)) for t in table.townships),
                             str(table.count(dept))]))
        print("\t".join(["合计", *(str(table.count(township=t.code)) for t in table.townships),
                         str(table.total)]))
        log.info("overdue: %d referrals, %d departments, %d townships", table.total,
                 len(table.departments), len(table.townships))
        return 0
    if action == "monthly":
        report = views.monthly(county.engine, args.period, args.by, today=_today(args),
                               township=args.township, department=args.department)
        header, body = views.report_table(report)
        print(f"月度统计（{report.period.label}，按{report.by_label}）")
        for line in (header, *body):
            print("\t".join(line))
        log.info("monthly: period %s by %s, %d rows", args.period, args.by, len(report.rows))
        return 0
    dups = views.duplicates(county.engine, _today(args))
    if not dups:
        print("未发现跨乡镇重复申请")
    for n, dup in enumerate(dups, 1):
        item = f"\t事项 {dup.item_code}" if dup.item_code else ""
        print(f"{n}. {dup.label}\t身份证号 {dup.id_masked}{item}")
        for e in dup.entries:
            role = "申请人" if e.role == "applicant" else "家庭成员"
            print(f"   {e.township_code}\t{e.township_name}\t{e.application_number or '（未编号）'}"
                  f"\t{role}\t登记 {_d(e.registered_on)}")
    log.info("duplicates: %d found", len(dups))
    return 0


__all__ = ["VERBS", "add_parsers", "run"]
