"""The verbs that keep the data trustworthy: ``check`` (database, audit chain, document
hashes), ``backup`` / ``backups`` / ``restore`` / ``confirm-exports``, the accounts
(``users list | add | reset-password``, ``passwd``) and the forgotten administrator
password (``recovery-code``, ``recover-admin``)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.services import auth
from .common import (
    OPEN,
    OWN,
    CliError,
    Verb,
    data_dir,
    log_in,
    open_services,
    read_secret,
    require_setup,
    sign_in,
)

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
    with open_services(args) as services:
        report = services.backups.backup_now(args.actor)
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
    """An administrator's verb — except when there is nobody to log in: the current
    database cannot be opened at all (as the GUI's start-up check offers, whoever runs
    it may put a backup in place; the damaged files are kept aside), or the folder holds
    no township yet (a new PC restoring its backup). Those restores are recorded as the
    command line's without a login (``via: cli``, ``reason: no_login``)."""
    from ..core import backup as files
    from ..core.startup import check_data_folder, restore_for_startup

    data = data_dir(args)
    path = Path(args.file)
    if not path.exists() and path.parent == Path("."):
        path = data / files.BACKUP_DIRNAME / path
    problem = check_data_folder(data)
    nobody = problem is not None
    if problem is None:
        with open_services(args) as services:
            if services.setup.is_initialized():
                sign_in(args, services, auth.RESTORE)
            else:
                nobody = True
    info = files.check_restorable(path)
    if not args.yes:
        print(_describe(info))
        print(f"desktop-app: 恢复将用 {info.name}（{info.created:%Y-%m-%d %H:%M}）替换 {data} "
              "中的数据库；确认请加 --yes", file=sys.stderr)
        return 2
    if nobody:  # a database that cannot be opened (its files kept aside), or no township
        replaced = restore_for_startup(data, path, by_name="命令行（未登录）", via="cli",
                                       reason="no_login")
        kept = replaced.damaged or replaced.pre_restore
    else:
        with open_services(args) as services:
            result = services.backups.restore(path, args.actor)
        kept = result.pre_restore
    print(f"restored {info.name}; the previous database is kept as {kept}; "
          "exports are paused until `desktop-app confirm-exports`")
    return 0


def cmd_confirm_exports(args: argparse.Namespace) -> int:
    with open_services(args) as services:
        changes = services.backups.confirm_exports(args.actor)
    print("exports resumed" if changes else "exports were not paused")
    return 0


def _users_arguments(p: argparse.ArgumentParser) -> None:
    actions = p.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    actions.add_parser("list", help="list accounts")
    add = actions.add_parser("add", help="add an account (its password typed twice, or the line "
                                         "after the login password with --password-stdin)")
    add.add_argument("name")
    add.add_argument("username")
    add.add_argument("--role", choices=("clerk", "supervisor", "admin"), default="clerk")
    reset = actions.add_parser("reset-password", help="set a forgotten password (logged); the user "
                                                      "must change it at the next login")
    reset.add_argument("username")


def cmd_users(args: argparse.Namespace) -> int:
    actor = args.actor
    with open_services(args) as services:
        accounts = services.accounts
        if args.users_command == "list":
            for u in accounts.users(actor):
                state = "active" if u.active else "inactive"
                flags = [x for x, on in (("no-password", not u.has_password),
                                         ("must-change", u.must_change_password),
                                         ("locked", u.locked_until is not None)) if on]
                print(f"{u.username}\t{u.name}\t{u.role}\t{state}\t{','.join(flags)}")
            issued = accounts.recovery_code_issued()
            print(f"管理员恢复码：{issued:%Y-%m-%d %H:%M} 生成" if issued else
                  "管理员恢复码：未生成（desktop-app --user 管理员 recovery-code）",
                  file=sys.stderr)
        elif args.users_command == "add":
            password = read_secret(args, f"{args.username} 的初始密码：", confirm=True)
            u = accounts.add_user(args.name, args.username, args.role, password, actor).value
            print(f"added {u.username} ({u.role}); the password must be changed at first login")
        else:
            try:
                target = accounts.find(args.username)
            except LookupError as exc:
                raise CliError(str(exc)) from exc
            password = read_secret(args, f"{target.username} 的新密码：", confirm=True)
            accounts.reset_password(target.id, password, actor)
            print(f"password of {target.username} reset; it must be changed at the next login")
    return 0


def cmd_passwd(args: argparse.Namespace) -> int:
    """Change one's own password (also the way out of "must change" on the command line)."""
    with open_services(args) as services:
        actor, old = log_in(args, services)
        new = read_secret(args, "新密码：", confirm=True)
        services.accounts.change_password(actor, old, new)
    print(f"password of {actor.username} changed")
    return 0


def cmd_recovery_code(args: argparse.Namespace) -> int:
    with open_services(args) as services:
        had = services.accounts.recovery_code_issued()
        code = services.accounts.issue_recovery_code(args.actor).value
    if had:
        print(f"此前（{had:%Y-%m-%d %H:%M}）生成的恢复码已作废。", file=sys.stderr)
    _show_code(code)
    return 0


def _show_code(code: str) -> None:
    print("管理员恢复码（只显示这一次；请抄写或打印，与电脑分开保管。忘记管理员密码时，"
          "在本机运行 desktop-app recover-admin 输入它）：", file=sys.stderr)
    print(code)


def cmd_recover_admin(args: argparse.Namespace) -> int:
    """A forgotten administrator password: the recovery code (on paper, from the setup),
    then a new password. Works once per code; a wrong code counts as a failed login."""
    from ..core.services.accounts import LoginFailed

    with open_services(args) as services:
        require_setup(services)
        code = read_secret(args, "恢复码：")
        password = read_secret(args, "新的管理员密码：", confirm=True)
        try:
            result = services.accounts.recover_admin(code, password, args.user, via="cli").value
        except LoginFailed as exc:
            raise CliError(exc.message) from None
    print(f"已为管理员 {result.actor.username} 设置新密码；原恢复码已作废。", file=sys.stderr)
    _show_code(result.new_code)
    return 0


CHECK = Verb("check", "verify the database, the audit chain and document hashes", cmd_check,
             access=OPEN)
BACKUP = Verb("backup", "back up the database now (into <data>/backups and the mirror)", cmd_backup,
              access=auth.BACKUP)
BACKUPS = Verb("backups", "list the backups with their date and counts", cmd_backups, access=OPEN)
RESTORE = Verb("restore", "replace the database with a backup (the current one is backed up "
                          "first; exports pause until confirmed)", cmd_restore, _restore_arguments,
               access=OWN)
CONFIRM_EXPORTS = Verb("confirm-exports", "after a restore: the data is current, resume exports",
                       cmd_confirm_exports, access=auth.EXPORTS_CONFIRM)
USERS = Verb("users", "accounts: list, add, reset-password", cmd_users, _users_arguments,
             access=auth.USERS)
PASSWD = Verb("passwd", "change your own password", cmd_passwd, access=OWN)
RECOVERY_CODE = Verb("recovery-code", "issue a new administrator recovery code (the previous one "
                                      "stops working); shown once", cmd_recovery_code,
                     access=auth.USERS)
RECOVER_ADMIN = Verb("recover-admin", "forgotten administrator password: type the recovery code "
                                      "from the setup, choose a new password (works once; a new "
                                      "code is shown; --user: which administrator, when there are several; "
                                      "--password-stdin: the code, then the new password)",
                     cmd_recover_admin,
                     access=OPEN)
