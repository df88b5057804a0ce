"""验证文书 and 发文登记簿 from the command line (issue 17 — qrcheck).

* ``desktop-app verify IMAGE|PDF|TEXT …``: each argument is a file (a PDF: its QR codes
  checked against its content; a scan or photo: their signatures) or the text a hand
  scanner read. One line per QR code: the verdict in Chinese, then what the code says
  (number, kind, day, township, masked name). Exit code 0 when every code is genuine, 2
  when one is not (altered, unknown signer, voided, not ours, malformed), 1 for an error
  (no file, no QR code found). Any logged-in user; nothing is written.
* ``desktop-app register --period 2026-11 [--out F.pdf]``: print the 发文登记簿 of the
  period (a list document ``issuance_register``); prints the PDF's path (and copies it
  to ``--out``).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from ..core.rules.periods import parse_period
from ..core.services import auth
from .common import ANY_USER, CliError, Verb, open_services


def _verify_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("what", nargs="+", metavar="IMAGE|PDF|TEXT",
                   help="a PDF, a scan or photo (PNG, JPEG …), or the QR code's text (TW1:…)")


def cmd_verify(args: argparse.Namespace) -> int:
    worst = 0
    with open_services(args) as services:
        for arg in args.what:
            report = services.verification.verify_any(arg)
            if not report.found:
                raise CliError(f"未在文件中找到二维码：{Path(arg).name}")
            for f in report.findings:  # the one that counts first
                print(f.line())
            if not report.all_genuine:
                worst = 2
    return worst


def _register_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--period", required=True,
                   help="2026-11 (month), 2026-Q4 (quarter), 2026 (year) or "
                        "2026-11-03..2026-11-20 (custom, both days included)")
    p.add_argument("--out", type=Path, metavar="FILE", help="also save the PDF as FILE")


def cmd_register(args: argparse.Namespace) -> int:
    period = parse_period(args.period)
    with open_services(args) as services:
        info = services.issuance_register.issue(period, args.actor).value
    if args.out is not None:
        from ..core.services.documents import atomic_write

        out = Path(args.out)
        if out.is_dir():
            out = out / info.path.name
        atomic_write(out, info.path.read_bytes())
        print(out)
    else:
        print(info.path)
    return 0


VERIFY = Verb("verify", "verify a document's QR code (验证文书): a PDF, a scan or photo, or "
                        "the code's text; exit 0 genuine, 2 not genuine", cmd_verify,
              _verify_arguments, access=ANY_USER)
REGISTER = Verb("register", "print the 发文登记簿 (issuance register) of a period",
                cmd_register, _register_arguments, access=auth.HANDLE)
