"""台账 to Excel from the command line (issue 16):
``ledger NAME --from D --to D --out F.xlsx [--full-ids]`` writes one ledger by its template
(``forms/ledgers/NAME.json``); ``ledger --list`` names the templates. ID numbers are masked
unless ``--full-ids`` (supervisors and administrators; audited like every export). A
problem is one Chinese line on stderr (exit code 1), nothing written."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path

from .common import ANY_USER, CliError, Verb, open_services


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("name", nargs="?", metavar="NAME",
                   help="the ledger (acceptance 受理登记台账, referral 转办台账, temporary "
                        "临时救助台账, roster 救助对象名册, or a county's own template)")
    p.add_argument("--list", action="store_true", help="list the ledger templates and exit")
    p.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first day")
    p.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last day (inclusive)")
    p.add_argument("--out", type=Path, metavar="F.xlsx", help="the Excel file to write")
    p.add_argument("--full-ids", action="store_true",
                   help="full ID numbers (supervisor or administrator; audited)")


def _day(text: str | None, option: str) -> date:
    if not text:
        raise CliError(f"请用 {option} 给出日期（例：2026-11-01）")
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise CliError(f"{option} 的日期格式不正确（例：2026-11-01）：{text}") from None


def cmd_ledger(args: argparse.Namespace) -> int:
    with open_services(args) as services:
        if args.list:
            for name, title in services.ledgers.names():
                print(f"{name}\t{title}")
            return 0
        if not args.name:
            raise CliError("请给出台账名称（desktop-app ledger --list 列出可用的台账）")
        start, end = _day(args.start, "--from"), _day(args.end, "--to")
        if args.out is None:
            raise CliError("请用 --out 给出要保存的Excel文件（.xlsx）")
        interactive = sys.stderr.isatty()

        def progress(done: int, total: int | None) -> None:
            if interactive:
                print(f"\r{done}/{total if total is not None else '?'}", end="",
                      file=sys.stderr, flush=True)

        result = services.ledgers.export(args.name, start, end, args.out, args.actor,
                                         full_ids=args.full_ids, progress=progress).value
        if interactive:
            print(file=sys.stderr)
    ids = "完整证件号码" if result.full_ids else "证件号码已遮盖"
    print(f"{result.title}：{result.rows} 行（{ids}）→ {result.path}")
    return 0


LEDGER = Verb("ledger", "export a 台账 (ledger) to Excel by its template in forms/ledgers",
              cmd_ledger, _arguments, access=ANY_USER)
