"""The verbs that keep the data trustworthy: ``check`` (database, audit chain, document
hashes), ``backup`` / ``backups`` / ``restore`` / ``confirm-exports`` and the accounts
(``users list | add | reset-password``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from .common import CliError, Verb, data_dir, open_services

if TYPE_CHECKING:
    from ..core.backup import BackupInfo


def cmd_check(args: argparse.Namespace) -> int:
    from ..core.startup import check_data_folder

    problem = check_data_folder(data_dir(args))
    if problem is not None:
        raise CliError(problem.message)
    with open_services(args) as services:
        report = services.audit.check()
    for p in report.problems:
        print(p, file=sys.stderr)
    if report.problems:
        raise CliError(report.problems[0])
    for note in report.notes:  # clock set back, warned and recorded at start-up
        print(f"note: {note}")
    times = (f"{len(report.notes)} acknowledged clock set-back(s)" if report.notes
             else "times in order")
    print(f"ok: quick_check ok, audit chain intact ({report.events} events, {times}), "
          f"{report.documents_checked} document files verified, "
          f"{report.documents_missing} to re-render, {report.documents_pending} not yet rendered")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from ..core.services.auth import SYSTEM

    with open_services(args) as services:
        report = services.backups.backup_now(SYSTEM)
    print(report.path)
    if report.mirror_error:
        print(f"desktop-app: warning: {report.mirror_error}", file=sys.stderr)
    return 0


def _describe(b: BackupInfo) -> str:
    counts = (f"{b.applications} applications, {b.documents} documents, {b.events} events"
              if b.applications is not None else f"unreadable: {b.error}")
    return f"{b.name}\t{b.created:%Y-%m-%d %H:%M:%S}\t{b.kind}\t{b.size} bytes\t{counts}"


def cmd_backups(args: argparse.Namespace) -> int:
    from ..core import backup as files

    for b in files.list_backups(data_dir(args) / files.BACKUP_DIRNAME):
        print(_describe(b))
    return 0


def _restore_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", help="a backup file, or its name in <data>/backups")
    p.add_argument("--yes", action="store_true", help="really replace the database")


def cmd_restore(args: argparse.Namespace) -> int:
    from ..core import backup as files
    from ..core.services.auth import SYSTEM
    from ..core.startup import check_data_folder, restore_for_startup

    data = data_dir(args)
    path = Path(args.file)
    if not path.exists() and path.parent == Path("."):
        path = data / files.BACKUP_DIRNAME / path
    info = files.check_restorable(path)
    if not args.yes:
        print(_describe(info))
        print(f"desktop-app: restore would replace the database in {data} with {info.name} "
              f"of {info.created:%Y-%m-%d %H:%M}; add --yes to do it", file=sys.stderr)
        return 2
    problem = check_data_folder(data)
    if problem is not None:  # the current database cannot be opened: keep its files aside
        replaced = restore_for_startup(data, path, by_name="命令行")
        kept = replaced.damaged
    else:
        with open_services(args) as services:
            result = services.backups.restore(path, SYSTEM)
        kept = result.pre_restore
    print(f"restored {info.name}; the previous database is kept as {kept}; "
          "exports are paused until `desktop-app confirm-exports`")
    return 0


def cmd_confirm_exports(args: argparse.Namespace) -> int:
    from ..core.services.auth import SYSTEM

    with open_services(args) as services:
        changes = services.backups.confirm_exports(SYSTEM)
    print("exports resumed" if changes else "exports were not paused")
    return 0


def _users_arguments(p: argparse.ArgumentParser) -> None:
    actions = p.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    actions.add_parser("list", help="list accounts")
    add = actions.add_parser("add", help="add an account (password read from stdin or prompted)")
    add.add_argument("name")
    add.add_argument("username")
    add.add_argument("--role", choices=("clerk", "supervisor", "admin"), default="clerk")
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    reset = actions.add_parser("reset-password", help="set a forgotten password (logged); the user "
                                                      "must change it at the next login")
    reset.add_argument("username")
    reset.add_argument("--password-stdin", action="store_true", help="read the password from stdin")


def _read_password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    first = getpass.getpass("password: ")
    if getpass.getpass("again: ") != first:
        raise CliError("the two passwords differ")
    return first


def cmd_users(args: argparse.Namespace) -> int:
    from ..core.services.auth import SYSTEM

    with open_services(args) as services:
        accounts = services.accounts
        if args.users_command == "list":
            for u in accounts.users(SYSTEM):
                state = "active" if u.active else "inactive"
                flags = [x for x, on in (("no-password", not u.has_password),
                                         ("must-change", u.must_change_password),
                                         ("locked", u.locked_until is not None)) if on]
                print(f"{u.username}\t{u.name}\t{u.role}\t{state}\t{','.join(flags)}")
        elif args.users_command == "add":
            u = accounts.add_user(args.name, args.username, args.role, _read_password(args), SYSTEM).value
            print(f"added {u.username} ({u.role}); the password must be changed at first login")
        else:
            try:
                target = accounts.find(args.username)
            except LookupError as exc:
                raise CliError(str(exc)) from exc
            accounts.reset_password(target.id, _read_password(args), SYSTEM)
            print(f"password of {target.username} reset; it must be changed at the next login")
    return 0


CHECK = Verb("check", "verify the database, the audit chain and document hashes", cmd_check)
BACKUP = Verb("backup", "back up the database now (into <data>/backups and the mirror)", cmd_backup)
BACKUPS = Verb("backups", "list the backups with their date and counts", cmd_backups)
RESTORE = Verb("restore", "replace the database with a backup (the current one is backed up "
                          "first; exports pause until confirmed)", cmd_restore, _restore_arguments)
CONFIRM_EXPORTS = Verb("confirm-exports", "after a restore: the data is current, resume exports",
                       cmd_confirm_exports)
USERS = Verb("users", "accounts: list, add, reset-password", cmd_users, _users_arguments)
