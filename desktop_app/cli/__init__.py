"""The command line (DESIGN §6). ``desktop-app`` with no command opens the GUI.

Commands share the GUI's services and run as a logged-in user (``--user NAME``; the
password typed at the terminal without echo, or ``--password-stdin``) with that user's
role — docs/roles.md lists which verb needs which role and which stay open. Exit codes:
0 ok, 1 failure (one Chinese line on stderr, details scrubbed into the log), 2 usage or
a confirmation still to give (``restore``, ``keys import-county`` without ``--yes``),
130 interrupted (Ctrl+C). Output cut short by the reader (``exports | head``) ends
quietly.

One module per family of verbs — ``records`` (demo, print, search, overdue), ``trust``
(check, backups, restore, accounts, the recovery code), ``sync`` (export, import, keys)
— each naming its verbs as ``Verb`` entries; ``casework`` (stage, extend, publicity-list,
report-list, visit-form: the 审核确认 procedure, issue 13); ``launch`` opens the GUI or runs the
self-test; ``common`` holds the data folder, the services, the login and ``CliError``.
Here: the parser, in the order of ``VERBS``, the login before a verb that needs one,
and the one place that turns failures into exit codes.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from . import casework, households, ledger_import, rechecks, records, reserve, stats, sync, trust
from . import ledgers as ledger_cli  # issue 16 — ledgers
from . import upload as upload_cli  # issue 17 — upload
from . import verification as verification_cli  # issue 17 — qrcheck
from .common import (
    ANY_USER,
    APP_NAME,
    OPEN,
    OWN,
    CliError,
    Verb,
    add_login_options,
    data_dir,
    default_data_dir,
    open_services,
    sign_in,
)
from .county_demo import COUNTY_DEMO  # issue 17 — cgui
from .launch import run_gui, self_test

# The order of `desktop-app --help`.
VERBS: tuple[Verb, ...] = (
    records.DEMO, records.PRINT, records.SEARCH, trust.CHECK, records.OVERDUE,
    casework.STAGE, casework.EXTEND, casework.PUBLICITY_LIST, casework.REPORT_LIST,
    casework.VISIT_FORM,
    trust.BACKUP, trust.BACKUPS, trust.RESTORE, trust.CONFIRM_EXPORTS,
    sync.EXPORT, sync.EXPORTS, sync.DOCTOR, sync.SETTLE, sync.IMPORT, sync.KEYS, trust.USERS, trust.PASSWD,
    trust.RECOVERY_CODE, trust.RECOVER_ADMIN, reserve.RESERVE,
    rechecks.RECHECKS, rechecks.RECHECK, rechecks.TAPER_LIST,  # issue 15 — reviews
    stats.STATS,  # issue 16 — stats
    ledger_cli.LEDGER,  # issue 16 — ledgers
    ledger_import.IMPORT_LEDGER,  # issue 16 — importer
    households.HOUSEHOLD_FILE,  # issue 16 — household
    COUNTY_DEMO,  # issue 17 — cgui
    verification_cli.VERIFY, verification_cli.REGISTER,  # issue 17 — qrcheck
    upload_cli.UPLOAD, upload_cli.DOWNLOAD_RETURN, upload_cli.UPLOAD_SETTINGS,  # issue 17 — upload
)
COMMANDS = {verb.name: verb.run for verb in VERBS}
_BY_NAME = {verb.name: verb for verb in VERBS}


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("township-service-window")
    except Exception:  # not installed (a bundle without metadata)
        return "unknown"


def _leaf_parsers(p: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """``p`` and every sub-parser below it (``users add``, ``keys import-county``…)."""
    found = [p]
    for action in p._actions:
        if isinstance(action, argparse._SubParsersAction):
            for child in action.choices.values():
                found += _leaf_parsers(child)
    return found


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="desktop-app",
        description="乡镇社会救助“一门受理”窗口 (Township Service Window). Commands that read "
                    "personal data or change anything need --user NAME (docs/roles.md).",
    )
    p.add_argument("--version", action="version", version=f"desktop-app {_version()}")
    p.add_argument("--data-dir", type=Path, help="data folder (default: the user's data folder)")
    p.add_argument("--demo", action="store_true",
                   help="open the app on a throwaway folder filled with synthetic applications")
    p.add_argument("--self-test", action="store_true",
                   help="check this copy: open a database in a temp folder, render a receipt, "
                        "load the translation and the GUI offscreen; exit 0 or 1")
    add_login_options(p, top=True)
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for verb in VERBS:
        verb_parser = sub.add_parser(verb.name, help=verb.help)
        if verb.arguments is not None:
            verb.arguments(verb_parser)
        for leaf in _leaf_parsers(verb_parser):  # open verbs accept (and ignore) them too
            add_login_options(leaf)
    return p


def main(argv: list[str] | None = None) -> int:
    """Run one command; never a traceback on the console."""
    try:
        code = _main(argv)
        sys.stdout.flush()  # a reader gone away shows here, not at the interpreter's exit
        return code
    except KeyboardInterrupt:
        _say("desktop-app: 已中断（Ctrl+C）")
        return 130
    except BrokenPipeError:
        _quiet_stdout()
        return 0


def _main(argv: list[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.self_test:
            return self_test()
        if args.command is None:
            return run_gui(args)
        from ..core.logs import setup_logging

        setup_logging(data_dir(args))
        verb = _BY_NAME[args.command]
        if verb.access in (OPEN, OWN):
            return verb.run(args)
        with open_services(args) as services:
            sign_in(args, services, verb.access)
            return verb.run(args)
    except (KeyboardInterrupt, BrokenPipeError):
        raise
    except CliError as exc:
        _say(f"desktop-app: {exc}")
        return 1
    except Exception as exc:  # one line for the user; never a traceback with personal data
        return _unexpected(exc, args)


def _say(line: str) -> None:
    try:
        print(line, file=sys.stderr)
    except (OSError, ValueError):  # stderr closed too: nothing more to say
        pass


def _quiet_stdout() -> None:
    """The reader went away (``| head``): send what is still buffered nowhere, so the
    interpreter's final flush does not complain."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # no real stdout (tests capture it)
        pass


def _unexpected(exc: Exception, args: argparse.Namespace) -> int:
    """Exit code 1 and one Chinese line on stderr: the first line of a known error (a
    refusal, a package or file fault), else what kind of failure it was and where the
    scrubbed details went (the log folder)."""
    import logging

    from sync_contract.errors import PackageError
    from sync_contract.faults import FileFault, fault, is_fault

    from ..core.errors import DatabaseError, PermissionDenied, ValidationError, ValidationErrors
    from ..core.logs import crash_report, log_folder
    from ..core.services.accounts import LoginFailed
    from ..core.services.backups import ExportsPaused

    known = (ValidationError, ValidationErrors, DatabaseError, PermissionDenied, PackageError,
             ExportsPaused, LoginFailed, FileFault, LookupError)
    bug = isinstance(exc, (KeyError, IndexError))   # lookups that failed in the code itself
    if isinstance(exc, known) and not bug:
        text = str(exc).strip()
        _say(f"desktop-app: {text.splitlines()[0] if text else type(exc).__name__}")
        return 1
    logging.getLogger("desktop_app.cli").error("unexpected error\n%s", crash_report(exc))
    if isinstance(exc, OSError) and is_fault(exc):
        where = exc.filename if isinstance(exc.filename, str) else data_dir(args)
        _say(f"desktop-app: {fault(exc, where, 'write_file', outcome='nothing_changed')}")
        return 1
    folder = log_folder()  # never send the user to a log folder that cannot be written
    _say(f"desktop-app: 意外错误（{type(exc).__name__}），操作未完成" +
         (f"；详细信息已记入 {folder}，请告知管理员" if folder else "；请告知管理员"))
    return 1


__all__ = ["ANY_USER", "APP_NAME", "COMMANDS", "OPEN", "OWN", "VERBS", "CliError", "Verb",
           "build_parser", "default_data_dir", "main", "run_gui", "self_test"]
