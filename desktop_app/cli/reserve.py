"""The 临时救助备用金 verbs: ``reserve balance | ledger --month | receive | statement
--month`` — the same ``ReserveService`` as the window's 备用金 page (issue 13)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .common import ANY_USER, CliError, Verb, open_services


def _arguments(p: argparse.ArgumentParser) -> None:
    actions = p.add_subparsers(dest="reserve_command", metavar="ACTION", required=True)
    bal = actions.add_parser("balance", help="the fund's balance (today, or --date)")
    bal.add_argument("--date", help="at the end of this day, YYYY-MM-DD")
    led = actions.add_parser("ledger", help="one month's lines with the running balance")
    led.add_argument("--month", help="YYYY-MM (default: this month)")
    rec = actions.add_parser("receive", help="record money received into the fund (拨入; "
                                             "supervisors and administrators)")
    rec.add_argument("amount", help="yuan, e.g. 20000 or 1,500.50")
    rec.add_argument("--text", required=True, help="from whom / what for (e.g. 县民政局拨付)")
    rec.add_argument("--date", help="YYYY-MM-DD (default: today)")
    cfg = actions.add_parser("setting", help="keep the fund or not, and whether emergency aid "
                                             "paid in cash/transfer is drawn from it "
                                             "(administrators)")
    cfg.add_argument("--enabled", choices=("yes", "no"), required=True)
    cfg.add_argument("--emergency-draws", choices=("yes", "no"), default="yes")
    cfg.add_argument("--from", dest="from_day", help="in force from this day, YYYY-MM-DD "
                                                     "(default: today)")
    st = actions.add_parser("statement", help="print the month's statement (备用金月度收支明细)")
    st.add_argument("--month", help="YYYY-MM (default: this month)")
    st.add_argument("--out", type=Path, help="also copy the PDF here")


def _yuan(fen: int) -> str:
    from ..core.rules.values import format_yuan

    return format_yuan(fen)


def cmd_reserve(args: argparse.Namespace) -> int:
    from datetime import date

    actor = args.actor
    with open_services(args) as services:
        fund = services.reserve
        today = services.ctx.today()
        month = getattr(args, "month", None) or today.strftime("%Y-%m")
        if args.reserve_command == "balance":
            try:
                day = date.fromisoformat(args.date) if args.date else today
            except ValueError:
                raise CliError(f"--date: not a date (YYYY-MM-DD): {args.date}") from None
            status = fund.status(actor, today=day)
            print(f"{day.isoformat()}\t余额 {_yuan(fund.balance(day))} 元")
            print(f"未报账 {_yuan(status.unsubmitted_fen)} 元（{status.unsubmitted_count} 笔），"
                  f"已报账未拨付 {_yuan(status.outstanding_fen)} 元", file=sys.stderr)
            return 0
        if args.reserve_command == "ledger":
            led = fund.month(month)
            print("\t".join(("编号", "日期", "类别", "摘要", "办件编号", "申请人", "收入", "支出",
                             "余额")))
            print(f"\t{led.start.isoformat()}\t\t上月结余\t\t\t\t\t{_yuan(led.opening_fen)}")
            for r in led.rows:
                print("\t".join((r.number, r.on.isoformat(), r.kind_label, r.text,
                                 r.application_number, r.applicant,
                                 _yuan(r.income_fen) if r.income_fen else "",
                                 _yuan(r.expense_fen) if r.expense_fen else "",
                                 _yuan(r.balance_fen))))
            print(f"{led.start:%Y-%m}：{len(led.rows)} 笔，拨入 {_yuan(led.receipts_fen)} 元，"
                  f"退回 {_yuan(led.refunds_fen)} 元，支付 {_yuan(led.payments_fen)} 元，"
                  f"月末结余 {_yuan(led.closing_fen)} 元", file=sys.stderr)
            return 0
        if args.reserve_command == "receive":
            result = fund.receive(args.amount, args.date, args.text, actor)
            print(f"{result.entry.number}\t拨入 {_yuan(result.entry.amount_fen)} 元\t"
                  f"余额 {_yuan(result.balance_fen)} 元")
            return 0
        if args.reserve_command == "setting":
            changed = fund.configure(args.enabled == "yes", args.emergency_draws == "yes",
                                     args.from_day, actor)
            status = fund.status(actor)
            print(f"备用金台账：{'启用' if status.enabled else '未启用'}；先行救助从备用金支付："
                  f"{'是' if status.emergency_draws else '否'}" + ("" if changed else "（未改变）"))
            return 0
        info = fund.monthly_statement(month, actor).value
        if args.out is not None:
            from ..printing.output import copy_pdf

            copy_pdf(info.path, args.out, action="print_to_file")
        print(args.out or info.path)
        print(f"{info.number}：{info.count} 笔", file=sys.stderr)
    return 0


RESERVE = Verb("reserve", "the 临时救助备用金 ledger: balance [--date] | ledger [--month] | "
                          "receive AMOUNT --text TEXT [--date] | statement [--month] [--out] | "
                          "setting --enabled yes|no",
               cmd_reserve, _arguments, access=ANY_USER)
