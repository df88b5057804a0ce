"""``county-receiver verify IMAGE|PDF|TEXT …`` (issue 17 — qrcheck): a document's QR code
checked with what the county knows — every registered township key (and earlier keys
that signed a package received) and every document the townships voided
(:mod:`county_receiver.verify`). One line per code: the verdict in Chinese and what the
code says (number, kind, day, township, masked name). Exit code 0 when every code is
genuine, 2 when one is not, 1 for an error (no file, no code found). Nothing written;
the log names the verdicts only."""

from __future__ import annotations

import argparse
import logging
from pathlib import Path
from typing import Any

log = logging.getLogger("county_receiver")


def add_parsers(csub: Any, common: argparse.ArgumentParser) -> None:
    vf = csub.add_parser("verify", parents=[common],
                         help="verify a document's QR code (验证文书): a PDF, a scan or photo, "
                              "or the code's text; exit 0 genuine, 2 not genuine")
    vf.add_argument("what", nargs="+", metavar="IMAGE|PDF|TEXT",
                    help="a PDF, a scan or photo (PNG, JPEG …), or the QR code's text (TW1:…)")


def line(verdict: Any) -> str:
    """One line for a verdict (``docqr.Verdict``)."""
    p = verdict.payload
    if p is None:
        return verdict.text
    return (f"{verdict.text}｜文书编号 {p.no}｜种类 {p.kind}｜日期 {p.date}｜乡镇 {p.tw}"
            f"｜姓名 {p.nm}")


def run(args: argparse.Namespace, county: Any) -> int | None:
    if args.county_command != "verify":
        return None
    import sys

    from sync_contract.docverify import worst_first

    from .verify import trust_list

    trust = trust_list(county.engine)
    worst = 0
    for arg in args.what:
        try:
            checked = trust.verify_any(arg)
        except (OSError, ValueError):
            checked, problem = [], f"无法读取文件 {Path(arg).name}：请给出PDF文书或二维码的扫描件、照片"
        else:
            problem = f"未在文件中找到二维码：{Path(arg).name}"
        if not checked:      # one line on stderr, exit 1 (as cli.CliError)
            log.warning("verify refused: no code")
            print(f"county-receiver: {problem}", file=sys.stderr)
            return 1
        checked = worst_first(checked)  # the verdict that counts first (docs/verification.md)
        for c in checked:
            print(line(c.verdict))
            log.info("verify: %s", c.status)
        if checked[0].status != "genuine":
            worst = 2
    return worst


__all__ = ["add_parsers", "line", "run"]
