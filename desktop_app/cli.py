"""The command line (DESIGN §6). ``desktop-app`` with no command opens the GUI.

Commands share the GUI's services. Exit codes: 0 ok, 1 failure (one-line reason on
stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

APP_NAME = "TownshipServiceWindow"
DOC_KINDS = {"receipt": "receipt", "notice-missing": "notice_missing",
             "notice-reject": "notice_reject", "commitment": "commitment"}


class CliError(Exception):
    """A failure to report as one line on stderr with exit code 1."""


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="desktop-app",
        description="乡镇社会救助“一门受理”窗口 (Township Service Window)",
    )
    p.add_argument("--data-dir", type=Path, help="data folder (default: the user's data folder)")
    p.add_argument("--demo", action="store_true",
                   help="open the app on a throwaway folder filled with synthetic applications")
    p.add_argument("--self-test", action="store_true",
                   help="open a database in a temp folder, render one receipt, exit 0")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")

    d = sub.add_parser("demo", help="fill the data folder with synthetic applications")
    d.add_argument("--applications", type=int, default=300, metavar="N")
    d.add_argument("--seed", type=int, default=0)
    d.add_argument("--days", type=int, default=730, help="spread over this many past days")

    pr = sub.add_parser("print", help="write a document's PDF by its number")
    pr.add_argument("kind", choices=sorted(DOC_KINDS))
    pr.add_argument("number")
    pr.add_argument("--out", type=Path, required=True)

    s = sub.add_parser("search", help="search applications (name, pinyin initials, ID fragment, number)")
    s.add_argument("query")
    s.add_argument("--limit", type=int, default=50)

    sub.add_parser("check", help="verify the database, the event chain and document hashes")
    return p


def _services(args):
    from .core.services import Services

    return Services.open(args.data_dir or default_data_dir())


def cmd_demo(args) -> int:
    from .core.services.demo import fill_demo

    if args.applications < 0:
        raise CliError("--applications must be ≥ 0")
    services = _services(args)
    try:
        started = time.perf_counter()
        n = fill_demo(services, args.applications, seed=args.seed, days=args.days,
                      progress=lambda f, msg: print(f"\r{msg}", end="", file=sys.stderr))
        print(f"\n{n} applications written to {services.ctx.db.data_dir} "
              f"in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    finally:
        services.close()
    return 0


def cmd_print(args) -> int:
    from .core.services.documents import atomic_write

    services = _services(args)
    try:
        try:
            doc = services.documents.find(DOC_KINDS[args.kind], args.number)
        except LookupError as exc:
            raise CliError(str(exc)) from exc
        path = services.documents.original_pdf(doc.id)
        atomic_write(args.out, path.read_bytes())
    finally:
        services.close()
    print(args.out)
    return 0


def cmd_search(args) -> int:
    services = _services(args)
    try:
        started = time.perf_counter()
        rows = services.queries.search(args.query, limit=args.limit)
        elapsed = (time.perf_counter() - started) * 1000
        for r in rows:
            print(f"{r.number}\t{r.intake_date}\t{r.name}\t{r.id_masked}\t{r.village}\t{r.items}\t{r.status_label}")
        print(f"{len(rows)} found in {elapsed:.1f} ms", file=sys.stderr)
    finally:
        services.close()
    return 0


def cmd_check(args) -> int:
    from .core.services.events import verify_chain

    services = _services(args)
    try:
        problems = []
        qc = services.ctx.db.quick_check()
        if qc != "ok":
            problems.append(f"quick_check: {qc}")
        with services.ctx.db.read() as s:
            broken = verify_chain(s)
        if broken is not None:
            problems.append(f"event chain broken at seq {broken}")
        for p in problems:
            print(p, file=sys.stderr)
        if problems:
            raise CliError(problems[0])
        print("ok")
    finally:
        services.close()
    return 0


def self_test() -> int:
    """Open a database in a temp folder and render one receipt (bundle smoke test)."""
    from .core.services import Services
    from .core.services.demo import fill_demo

    folder = Path(tempfile.mkdtemp(prefix="township-selftest-"))
    try:
        services = Services.open(folder)
        fill_demo(services, 1, seed=1)
        with services.ctx.db.read() as s:
            from sqlalchemy import select

            from .core.models import Document

            doc_id = s.scalar(select(Document.id).order_by(Document.id).limit(1))
        pdf = services.documents.original_pdf(doc_id).read_bytes()
        services.close()
        if not pdf.startswith(b"%PDF"):
            raise CliError("self-test: rendered document is not a PDF")
        print(f"self-test ok ({len(pdf)} bytes)")
        return 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def run_gui(args) -> int:
    from .gui.app import run_gui as _run

    if args.demo:
        from .core.services import Services
        from .core.services.demo import fill_demo

        folder = args.data_dir or Path(tempfile.mkdtemp(prefix="township-demo-"))
        print(f"演示模式：数据目录 {folder}（演示数据，可随意操作）", file=sys.stderr)
        services = Services.open(folder)
        if services.queries.count() == 0:
            fill_demo(services, 300, seed=2026)
        services.close()
        return _run(folder, demo=True)
    return _run(args.data_dir or default_data_dir())


COMMANDS = {"demo": cmd_demo, "print": cmd_print, "search": cmd_search, "check": cmd_check}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.self_test:
            return self_test()
        if args.command is None:
            return run_gui(args)
        return COMMANDS[args.command](args)
    except CliError as exc:
        print(f"desktop-app: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # one line for the user; never a traceback with personal data
        from .core.errors import ValidationError, ValidationErrors

        if isinstance(exc, (ValidationError, ValidationErrors)):
            print(f"desktop-app: {str(exc).splitlines()[0]}", file=sys.stderr)
            return 1
        from .core.db import DatabaseError

        if isinstance(exc, DatabaseError):
            print(f"desktop-app: {exc}", file=sys.stderr)
            return 1
        raise
