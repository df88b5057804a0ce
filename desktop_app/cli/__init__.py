"""The command line (DESIGN §6). ``desktop-app`` with no command opens the GUI.

Commands share the GUI's services. Exit codes: 0 ok, 1 failure (one-line reason on
stderr), 2 usage.

One module per family of verbs — ``records`` (demo, print, search, overdue), ``trust``
(check, backups, restore, accounts), ``sync`` (export, import, keys) — each naming its
verbs as ``Verb`` entries; ``launch`` opens the GUI or runs the self-test; ``common``
holds the data folder, the services and ``CliError``. Here: the parser, in the order of
``VERBS``, and the one place that turns failures into exit codes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from . import records, sync, trust
from .common import APP_NAME, CliError, Verb, data_dir, default_data_dir
from .launch import run_gui, self_test

# The order of `desktop-app --help`.
VERBS: tuple[Verb, ...] = (
    records.DEMO, records.PRINT, records.SEARCH, trust.CHECK, records.OVERDUE,
    trust.BACKUP, trust.BACKUPS, trust.RESTORE, trust.CONFIRM_EXPORTS,
    sync.EXPORT, sync.EXPORTS, sync.DOCTOR, sync.IMPORT, sync.KEYS, trust.USERS,
)
COMMANDS = {verb.name: verb.run for verb in VERBS}


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="desktop-app",
        description="乡镇社会救助“一门受理”窗口 (Township Service Window)",
    )
    p.add_argument("--data-dir", type=Path, help="data folder (default: the user's data folder)")
    p.add_argument("--demo", action="store_true",
                   help="open the app on a throwaway folder filled with synthetic applications")
    p.add_argument("--self-test", action="store_true",
                   help="check this copy: open a database in a temp folder, render a receipt, "
                        "load the translation and the GUI offscreen; exit 0 or 1")
    sub = p.add_subparsers(dest="command", metavar="COMMAND")
    for verb in VERBS:
        verb_parser = sub.add_parser(verb.name, help=verb.help)
        if verb.arguments is not None:
            verb.arguments(verb_parser)
    return p


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.self_test:
            return self_test()
        if args.command is None:
            return run_gui(args)
        from ..core.logs import setup_logging

        setup_logging(data_dir(args))
        return COMMANDS[args.command](args)
    except CliError as exc:
        print(f"desktop-app: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # one line for the user; never a traceback with personal data
        return _unexpected(exc)


def _unexpected(exc: Exception) -> int:
    """Exit code 1 and one line on stderr: the first line of a known core error, else the
    exception's type and scrubbed first line (the full report goes to the log folder)."""
    from sync_contract.faults import FileFault

    from ..core.errors import DatabaseError, PermissionDenied, ValidationError, ValidationErrors
    from ..core.logs import crash_report, log_folder, scrub

    if isinstance(exc, (ValidationError, ValidationErrors, DatabaseError, PermissionDenied,
                        FileFault)):  # a FileFault: one Chinese sentence naming the folder
        print(f"desktop-app: {str(exc).splitlines()[0]}", file=sys.stderr)
        return 1
    import logging

    logging.getLogger("desktop_app.cli").error("unexpected error\n%s", crash_report(exc))
    folder = log_folder()  # never send the user to a log folder that cannot be written
    print(f"desktop-app: unexpected error {type(exc).__name__}: "
          f"{scrub(str(exc)).splitlines()[0] if str(exc) else ''}"
          + (f" (details in {folder})" if folder else ""), file=sys.stderr)
    return 1


__all__ = ["APP_NAME", "COMMANDS", "VERBS", "CliError", "Verb", "build_parser", "default_data_dir",
           "main", "run_gui", "self_test"]
