"""``county-receiver`` verbs of the county's accounts, audit, folder ingest and status
(docs/county-accounts.md), and the log-in of every other verb once the county has
accounts.

* ``users setup|list|add|passwd|deactivate|activate`` — accounts (``setup``: the first
  administrator, only while there is none);
* ``audit verify|list`` — the county's hash-chained audit trail;
* ``ingest-folder FOLDER`` — every ``.twpkg`` of a USB folder, in order per township;
* ``status`` — one line per township: last package, days since, unacknowledged, …;
* ``tasks`` — the open referred tasks of a department (applicant masked).

Log-in: a county with no accounts runs every verb as ``system`` (the set-up stage, as
before this revision). Once it has accounts every verb needs ``--user NAME``; the
password comes from the environment variable ``COUNTY_PASSWORD`` or is asked for
(without echo) when a terminal is attached. A new password (``users setup|add|passwd``)
comes from ``COUNTY_NEW_PASSWORD`` or is asked for twice. The logged-in actor is left
on ``args.county_actor`` for the other verb modules; every write is audited.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sync_contract.errors import PackageError

if TYPE_CHECKING:
    from . import accounts as acc

log = logging.getLogger("county_receiver")

PASSWORD_ENV = "COUNTY_PASSWORD"
NEW_PASSWORD_ENV = "COUNTY_NEW_PASSWORD"
OUR_ACTIONS = ("users", "audit", "ingest-folder", "status", "tasks")
#: The permission each existing verb needs (verbs of other modules: only the log-in).
#: (accounts.py permission names; not imported here: the command line starts fast.)
#: ``keygen`` is not listed: it touches no database (it creates the county's keys once,
#: never replacing them) and runs before any account exists.
VERB_PERMISSIONS = {"register": "keys", "townships": "views", "ingest": "ingest",
                    "feedback": "feedback", "confirm": "confirm", "make-return": "returns",
                    "update": "updates", "warning": "warnings", "users": "users",
                    "audit": "audit", "ingest-folder": "ingest", "status": "views",
                    "tasks": "feedback",
                    # issue 17 — the other helpers' verbs (views, upload); verify: any user
                    "overdue": "views", "monthly": "views", "duplicates": "views",
                    "serve": "ingest", "token": "tokens"}
NO_LOGIN = ("keygen",)
ROLES = ("admin", "officer", "department")      # accounts.ROLES


class OpsCliError(PackageError):
    """A command line mistake: a refusal (``usage``) cli.py reports as one line on
    stderr, exit code 1. ``message``: ``"中文 / English"``."""

    def __init__(self, message: str) -> None:
        zh, _, en = message.partition(" / ")
        super().__init__("usage", zh=zh.strip(), en=en.strip())


APP_NAME = "TownshipCountyReceiver"     # cli.APP_NAME (not imported: no import cycle)


def _data_dir(args: Any) -> Path:
    if args.data_dir is not None:
        return Path(args.data_dir)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def add_parsers(csub: Any, common: argparse.ArgumentParser) -> None:
    """Our verbs, and ``--user`` on ``common`` (call before the other verbs are built)."""
    common.add_argument("--user", metavar="NAME",
                        help="log in as this county account (needed once the county has "
                             f"accounts; password from ${PASSWORD_ENV} or asked for)")
    us = csub.add_parser("users", parents=[common], help="county accounts (管理员/经办人/部门)")
    us.add_argument("users_action", choices=("setup", "list", "add", "passwd", "deactivate",
                                             "activate"), metavar="setup|list|add|passwd|"
                                                                  "deactivate|activate")
    us.add_argument("--username", metavar="NAME", help="the account's login name")
    us.add_argument("--name", help="the account's display name (add, setup)")
    us.add_argument("--role", choices=ROLES, help="add: admin, officer or department")
    us.add_argument("--department", default="", metavar="CODE",
                    help="add: the department code of a department account")
    au = csub.add_parser("audit", parents=[common], help="the county's own audit trail")
    au.add_argument("audit_action", choices=("verify", "list"), metavar="verify|list")
    au.add_argument("--last", type=int, default=50, metavar="N", help="list: the newest N events")
    fo = csub.add_parser("ingest-folder", parents=[common],
                         help="ingest every .twpkg of a folder (USB stick) in order per township")
    fo.add_argument("folder", type=Path, metavar="FOLDER")
    st = csub.add_parser("status", parents=[common],
                         help="per township: last package, days since, unacknowledged, overdue")
    st.add_argument("--today", metavar="YYYY-MM-DD", help="the day to count from (default today)")
    tk = csub.add_parser("tasks", parents=[common],
                         help="open referred tasks of a department (applicant masked)")
    tk.add_argument("--department", metavar="CODE", help="the department (default: all; a "
                                                         "department account: its own)")
    tk.add_argument("--township", metavar="CODE")
    tk.add_argument("--today", metavar="YYYY-MM-DD")


def _secret(env: str, prompt: str, *, twice: bool = False) -> str:
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise OpsCliError(f"需要密码：请设置环境变量 {env} 或在终端中运行 / a password is needed: "
                          f"set {env} or run in a terminal")
    import getpass

    first = getpass.getpass(prompt)
    if twice and getpass.getpass("再输入一次 / again: ") != first:
        raise OpsCliError("两次输入的密码不一致 / the passwords differ")
    return first


def _today(text: str | None) -> date:
    if not text:
        return date.today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise OpsCliError(f"--today 不是日期（YYYY-MM-DD）/ not a date: {text}") from None


def login(args: Any, county: Any, accounts: acc.Accounts) -> acc.CountyActor:
    """The actor of this command: ``system`` while the county has no accounts, else the
    ``--user`` logged in with their password (lockout and audit as in the GUI)."""
    from . import accounts as acc

    user = getattr(args, "user", None)
    if not accounts.has_accounts():
        if user:
            raise OpsCliError("本县尚未设置账户（county-receiver users setup），不需要 --user / "
                              "the county has no accounts yet")
        return acc.SYSTEM
    if not user:
        raise OpsCliError("本县已设置账户：请用 --user 登录 / the county has accounts: log in "
                          "with --user NAME")
    return accounts.login(user, _secret(PASSWORD_ENV, f"{user} 的密码 / password: "), via="cli")


def run(args: Any, county: Any) -> int | None:
    """Log in and bind the audited writes for every verb; run ours (None: not ours)."""
    action = args.county_command
    if action in NO_LOGIN:
        return None
    from . import accounts as acc
    from . import ops

    accounts = acc.Accounts(county)
    if action == "users" and args.users_action == "setup":
        return _setup(args, accounts)
    actor = login(args, county, accounts)
    args.county_actor = actor
    need = VERB_PERMISSIONS.get(action)
    if need is not None:
        actor.require(need)
    if action not in OUR_ACTIONS:
        ops.audit_county(county, actor)
        return None
    if action == "users":
        return _users(args, accounts, actor)
    if action == "audit":
        return _audit(args, county)
    if action == "status":
        rows = ops.township_status(county, _today(args.today), actor)
        if not rows:
            print("尚未登记任何乡镇 / no township registered")
        for t in rows:
            since = "-" if t.days_since is None else f"{t.days_since} 天"
            print(f"{t.code}\t{t.name}\t{t.fingerprint_short}\t最后一包 第 {t.last_package_seq} 号"
                  f"（{since}前）\t未确认 {t.unacknowledged}\t待发回执 {t.feedback_to_send}\t"
                  f"最后返回包 {t.last_return_seq}\t格式 {t.format_version or '-'}\t"
                  f"超期转办 {t.overdue_referrals}" + ("\t逾期未报" if t.late else ""))
        return 0
    if action == "tasks":
        tasks = ops.open_tasks(county, actor, _today(args.today), department=args.department,
                               township=args.township)
        for k in tasks:
            print(f"{k.township_code}\t{k.application_number}\t{k.item_code}\t{k.department}\t"
                  f"{k.task_status}\t转办 {k.referred_on}\t期限 {k.due_date}\t"
                  f"{k.applicant_masked}\t{k.task_uuid}"
                  + (f"\t超期 {k.days_overdue} 天" if k.days_overdue else "")
                  + ("\t回执待发" if k.feedback_recorded else ""))
        print(f"共 {len(tasks)} 项 / {len(tasks)} open task(s)")
        return 0
    return _ingest_folder(args, county, actor)


def _setup(args: Any, accounts: acc.Accounts) -> int:
    if not accounts.needs_setup():
        raise OpsCliError("已有管理员，首位管理员只能设置一次 / an administrator exists already")
    if not args.username or not args.name:
        raise OpsCliError("users setup 需要 --username 和 --name / needs --username and --name")
    password = _secret(NEW_PASSWORD_ENV, "新密码 / new password: ", twice=True)
    actor = accounts.create_first_admin(args.username, args.name, password)
    log.info("users setup: administrator %s", actor.user_id)
    print(f"已设置首位管理员 {actor.username} / first administrator set up")
    return 0


def _users(args: Any, accounts: acc.Accounts, actor: acc.CountyActor) -> int:
    what = args.users_action
    if what == "list":
        for u in accounts.users(actor):
            state = "启用" if u.active else "停用"
            if u.locked_until is not None:
                state += "（锁定）"
            print(f"{u.username}\t{u.name}\t{u.role_label}\t{u.department_code or '-'}\t{state}")
        return 0
    if not args.username:
        raise OpsCliError(f"users {what} 需要 --username / needs --username")
    if what == "add":
        if not args.name or not args.role:
            raise OpsCliError("users add 需要 --name 和 --role / needs --name and --role")
        password = _secret(NEW_PASSWORD_ENV, "新密码 / new password: ", twice=True)
        info = accounts.add_user(actor, args.username, args.name, args.role, password,
                                 args.department)
        log.info("users add: user %s role %s", info.id, info.role)
        print(f"已添加账户 {info.username}（{info.role_label}） / account added")
    elif what == "passwd":
        password = _secret(NEW_PASSWORD_ENV, "新密码 / new password: ", twice=True)
        accounts.set_password(actor, args.username, password)
        log.info("users passwd: by %s", actor.user_id)
        print(f"已设置 {args.username} 的新密码 / password set")
    elif what == "deactivate":
        accounts.deactivate(actor, args.username)
        print(f"已停用账户 {args.username} / account deactivated")
    else:
        accounts.activate(actor, args.username)
        print(f"已启用账户 {args.username} / account activated")
    return 0


def _audit(args: Any, county: Any) -> int:
    from . import audit

    if args.audit_action == "verify":
        report = audit.verify_chain(county.engine)
        log.info("audit verify: %s events, %s", report.events,
                 "intact" if report.ok else f"broken at {report.broken_at}")
        print(report.message)
        return 0 if report.ok else 1
    for e in audit.entries(county.engine, last=max(1, args.last)):
        print(f"{e.seq}\t{e.at}\t{e.actor}\t{e.action}\t"
              + ", ".join(f"{k}={v}" for k, v in sorted(e.detail.items())))
    return 0


def _ingest_folder(args: Any, county: Any, actor: acc.CountyActor) -> int:
    from . import ops
    from .workdir import WorkDir

    data = _data_dir(args)
    try:
        work = WorkDir(data)
    except OSError as exc:
        from sync_contract.faults import fault
        raise fault(exc, data, "ingest", outcome="nothing_changed") from None
    county.work_dir = work.path
    try:
        report = ops.ingest_folder(county, args.folder, actor)
    finally:
        work.close()
    for item in report.items:
        where = f"{item.township_code} 第 {item.package_seq} 号包" if item.township_code else ""
        print(f"{item.file.name}\t{where}\t{item.status_label}\t{item.message_zh}")
    print(report.summary_zh)
    log.info("ingest-folder: %d package(s): %d ingested, %d already, %d refused, %d skipped",
             len(report.items), report.count(ops.INGESTED), report.count(ops.ALREADY),
             report.count(ops.REFUSED), report.count(ops.SKIPPED))
    return 0 if report.ok else 1


__all__ = ["NEW_PASSWORD_ENV", "OUR_ACTIONS", "PASSWORD_ENV", "OpsCliError", "add_parsers",
           "login", "run"]
