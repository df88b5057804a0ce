"""Statistics from the command line (issue 16): ``stats --period 2026-11 --by village``
prints the figures as a plain table (tab-separated, header first, the total last);
``--xlsx F`` writes the same table as an Excel file too. Any logged-in user: the
figures are counts and sums, no personal data (docs/statistics.md). A bad period,
breakdown or file is one Chinese line, exit code 1, nothing written."""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.rules.periods import parse_period
from ..core.services.stats import BREAKDOWNS, report_table, write_report_xlsx
from .common import ANY_USER, Verb, open_services


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--period", required=True,
                   help="2026-11 (month), 2026-Q4 (quarter), 2026 (year) or "
                        "2026-11-03..2026-11-20 (custom, both days included)")
    p.add_argument("--by", default="village", choices=[code for code, _ in BREAKDOWNS],
                   help="rows: item, village, department, clerk or source (default village)")
    p.add_argument("--xlsx", type=Path, metavar="FILE", help="also write the table to FILE (.xlsx)")


def cmd_stats(args: argparse.Namespace) -> int:
    period = parse_period(args.period)
    with open_services(args) as services:
        report = services.stats.report(period, args.by)
    if args.xlsx is not None:
        write_report_xlsx(report, args.xlsx)
    header, rows = report_table(report)
    for line in [header, *rows]:
        print("\t".join(line))
    return 0


STATS = Verb("stats", "statistics of a period by item, village, department, clerk or source "
                      "(plain table; --xlsx FILE writes it to Excel)", cmd_stats, _arguments,
             access=ANY_USER)
