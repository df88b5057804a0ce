"""The command line (DESIGN §6). ``desktop-app`` with no command opens the GUI.

Commands share the GUI's services. Exit codes: 0 ok, 1 failure (one-line reason on
stderr), 2 usage.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

APP_NAME = "TownshipServiceWindow"
DOC_KINDS = {"receipt": "receipt", "notice-missing": "notice_missing",
             "notice-reject": "notice_reject", "commitment": "commitment",
             "referral": "referral", "result-notice": "result_notice",
             "emergency-record": "emergency_record"}


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
                   help="check this copy: open a database in a temp folder, render a receipt, "
                        "load the translation and the GUI offscreen; exit 0 or 1")
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

    sub.add_parser("check", help="verify the database, the audit chain and document hashes")

    o = sub.add_parser("overdue", help="handling tasks past their due date (跟踪督办), a plain "
                                       "list for the supervisor")
    o.add_argument("--date", help="as of this day, YYYY-MM-DD (default: today)")
    o.add_argument("--department", help="only this department code (e.g. HEALTHCARE)")
    o.add_argument("--soon", action="store_true",
                   help="also list tasks due within the due-soon setting (临期)")

    sub.add_parser("backup", help="back up the database now (into <data>/backups and the mirror)")
    sub.add_parser("backups", help="list the backups with their date and counts")
    r = sub.add_parser("restore", help="replace the database with a backup (the current one is "
                                       "backed up first; exports pause until confirmed)")
    r.add_argument("file", help="a backup file, or its name in <data>/backups")
    r.add_argument("--yes", action="store_true", help="really replace the database")
    sub.add_parser("confirm-exports", help="after a restore: the data is current, resume exports")

    ex = sub.add_parser("export", help="export everything changed since the last package to "
                                       "the county (an encrypted, signed .twpkg file)")
    ex.add_argument("--out", type=Path, required=True, help="folder to write the package into")
    ex.add_argument("--reexport", type=int, metavar="SEQ",
                    help="produce package SEQ again from the export log (same content)")
    sub.add_parser("exports", help="the export log: number, time, counts, digest, acknowledged")
    im = sub.add_parser("import", help="import a county return package (.twret)")
    im.add_argument("file", type=Path)
    k = sub.add_parser("keys", help="sync keys: show | import-county FILE | export FILE")
    ksub = k.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    ksub.add_parser("show", help="this township's signing key fingerprint and the county's keys")
    ki = ksub.add_parser("import-county", help="import the county's public key file")
    ki.add_argument("file", type=Path)
    ke = ksub.add_parser("export", help="write this township's public key file for the county")
    ke.add_argument("file", type=Path)

    u = sub.add_parser("users", help="accounts: list, add, reset-password")
    usub = u.add_subparsers(dest="users_command", metavar="ACTION", required=True)
    usub.add_parser("list", help="list accounts")
    ua = usub.add_parser("add", help="add an account (password read from stdin or prompted)")
    ua.add_argument("name")
    ua.add_argument("username")
    ua.add_argument("--role", choices=("clerk", "supervisor", "admin"), default="clerk")
    ua.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    ur = usub.add_parser("reset-password", help="set a forgotten password (logged); the user "
                                                "must change it at the next login")
    ur.add_argument("username")
    ur.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
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


def cmd_overdue(args) -> int:
    from datetime import date

    from .core.services import TaskFilter

    try:
        today = date.fromisoformat(args.date) if args.date else None
    except ValueError:
        raise CliError(f"--date: not a date (YYYY-MM-DD): {args.date}") from None
    services = _services(args)
    try:
        if args.department and args.department not in {
                d.code for d in services.ctx.catalog.departments}:
            raise CliError(f"unknown department {args.department!r}")
        rows = services.handling.tasks(TaskFilter(department=args.department), today=today)
        wanted = ("overdue", "due_soon") if args.soon else ("overdue",)
        rows = [r for r in rows if r.state in wanted]
        as_of = today or services.ctx.today()
    finally:
        services.close()
    print("\t".join(("受理编号", "申请人", "村（社区）", "事项", "办理部门", "状态", "办结期限",
                     "逾期（工作日）", "经办人")))
    for r in rows:
        due = r.due_date.isoformat() if r.due_date else ""
        if r.due_provisional:
            due += "（暂定）"
        late = str(-r.workdays_left) if r.state == "overdue" else f"临期，剩 {r.workdays_left}"
        print("\t".join((r.number, r.applicant, r.village, r.item_name, r.handler_name,
                         r.status_label, due, late, r.clerk)))
    overdue = sum(1 for r in rows if r.state == "overdue")
    print(f"{as_of.isoformat()}：逾期 {overdue} 项" +
          (f"，临期 {len(rows) - overdue} 项" if args.soon else ""), file=sys.stderr)
    return 0


def _data_dir(args) -> Path:
    return args.data_dir or default_data_dir()


def cmd_check(args) -> int:
    from .core.startup import check_data_folder

    problem = check_data_folder(_data_dir(args))
    if problem is not None:
        raise CliError(problem.message)
    services = _services(args)
    try:
        report = services.audit.check()
    finally:
        services.close()
    for p in report.problems:
        print(p, file=sys.stderr)
    if report.problems:
        raise CliError(report.problems[0])
    print(f"ok: quick_check ok, audit chain intact ({report.events} events), "
          f"{report.documents_checked} document files verified, "
          f"{report.documents_missing} to re-render, {report.documents_pending} not yet rendered")
    return 0


def cmd_backup(args) -> int:
    from .core.services.auth import SYSTEM

    services = _services(args)
    try:
        report = services.backups.backup_now(SYSTEM)
    finally:
        services.close()
    print(report.path)
    if report.mirror_error:
        print(f"desktop-app: warning: {report.mirror_error}", file=sys.stderr)
    return 0


def _describe(b) -> str:
    counts = (f"{b.applications} applications, {b.documents} documents, {b.events} events"
              if b.applications is not None else f"unreadable: {b.error}")
    return f"{b.name}\t{b.created:%Y-%m-%d %H:%M:%S}\t{b.kind}\t{b.size} bytes\t{counts}"


def cmd_backups(args) -> int:
    from .core import backup as files

    for b in files.list_backups(_data_dir(args) / files.BACKUP_DIRNAME):
        print(_describe(b))
    return 0


def cmd_restore(args) -> int:
    from .core import backup as files
    from .core.services.auth import SYSTEM
    from .core.startup import check_data_folder, restore_for_startup

    data = _data_dir(args)
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
        services = _services(args)
        try:
            result = services.backups.restore(path, SYSTEM)
        finally:
            services.close()
        kept = result.pre_restore
    print(f"restored {info.name}; the previous database is kept as {kept}; "
          "exports are paused until `desktop-app confirm-exports`")
    return 0


def cmd_confirm_exports(args) -> int:
    from .core.services.auth import SYSTEM

    services = _services(args)
    try:
        changes = services.backups.confirm_exports(SYSTEM)
    finally:
        services.close()
    print("exports resumed" if changes else "exports were not paused")
    return 0


def _sync_error(exc) -> CliError:
    return CliError(str(exc).splitlines()[0])


def cmd_export(args) -> int:
    from sync_contract.envelope import PackageError

    from .core.services.auth import SYSTEM
    from .core.services.sync.service import ExportsPaused

    services = _services(args)
    try:
        if args.reexport is not None:
            result = services.sync.reexport(args.reexport, args.out, SYSTEM)
        else:
            result = services.sync.export(args.out, SYSTEM)
    except (PackageError, ExportsPaused) as exc:
        raise _sync_error(exc) from None
    finally:
        services.close()
    if result is None:
        print("nothing to export (no changes since the last package)")
        return 0
    counts = ", ".join(f"{k} {v}" for k, v in result.counts.items() if v)
    print(f"{'re-exported' if result.reexport else 'exported'} package {result.package_seq}: "
          f"{result.path} (changes {result.change_seq_from}–{result.change_seq_to}; {counts}; "
          f"sha256 {result.digest[:16]}; {result.seconds:.2f} s)")
    return 0


def cmd_exports(args) -> int:
    services = _services(args)
    try:
        rows = services.sync.log()
    finally:
        services.close()
    for r in rows:
        ack = r.acknowledged_at.strftime("%Y-%m-%d %H:%M") if r.acknowledged_at else "-"
        print(f"{r.package_seq:6d}  {r.created_at:%Y-%m-%d %H:%M}Z  {r.records:8d} records  "
              f"changes {r.change_seq_from}-{r.change_seq_to}  {r.digest[:16]}  ack {ack}")
    return 0


def cmd_import(args) -> int:
    from sync_contract.envelope import PackageError

    from .core.services.auth import SYSTEM

    services = _services(args)
    try:
        result = services.sync.import_package(args.file, SYSTEM)
    except PackageError as exc:
        raise _sync_error(exc) from None
    finally:
        services.close()
    print(result.message)
    for note in result.skipped:
        print(f"  skipped: {note}")
    return 0


def cmd_keys(args) -> int:
    from sync_contract.envelope import PackageError
    from sync_contract.keys import public_key_b64, short_fingerprint

    from .core.services.auth import SYSTEM

    services = _services(args)
    try:
        if args.keys_command == "import-county":
            keys = services.sync.import_county_keys(args.file, SYSTEM).value
            print(f"county keys imported: {keys.code} {keys.name} signing key "
                  f"{short_fingerprint(keys.fingerprint)}; age {', '.join(keys.age_recipients)}")
            return 0
        if args.keys_command == "export":
            pub = services.sync.export_public_keys(args.file)
            print(f"wrote {args.file}: township {pub.code} signing key "
                  f"{short_fingerprint(pub.fingerprint)}")
            return 0
        pub = services.sync.township_keys()
        county = services.sync.status().county
    except PackageError as exc:
        raise _sync_error(exc) from None
    finally:
        services.close()
    print(f"township {pub.code} {pub.name}")
    print(f"  signing key fingerprint: {short_fingerprint(pub.fingerprint)}  ({pub.fingerprint})")
    print(f"  signing public key: {public_key_b64(pub.ed25519)}")
    print(f"  age recipient: {pub.age_recipients[0]}")
    print(f"  device id: {pub.device_id}")
    if county is None:
        print("county keys: not imported (desktop-app keys import-county FILE)")
    else:
        print(f"county {county.code} {county.name}")
        print(f"  signing key fingerprint: {short_fingerprint(county.fingerprint)}  "
              f"({county.fingerprint})")
        print(f"  age recipients: {', '.join(county.age_recipients)}")
    return 0


def _read_password(args) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    import getpass

    first = getpass.getpass("password: ")
    if getpass.getpass("again: ") != first:
        raise CliError("the two passwords differ")
    return first


def cmd_users(args) -> int:
    from .core.services.auth import SYSTEM

    services = _services(args)
    try:
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
    finally:
        services.close()
    return 0


def self_test() -> int:
    """Check an installed copy (the bundle above all) headless; see ``selftest``."""
    from .selftest import run

    return run()


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


COMMANDS = {"demo": cmd_demo, "print": cmd_print, "search": cmd_search, "check": cmd_check,
            "backup": cmd_backup, "backups": cmd_backups, "restore": cmd_restore,
            "confirm-exports": cmd_confirm_exports, "users": cmd_users, "overdue": cmd_overdue,
            "export": cmd_export, "exports": cmd_exports, "import": cmd_import, "keys": cmd_keys}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.self_test:
            return self_test()
        if args.command is None:
            return run_gui(args)
        from .core.logs import setup_logging

        setup_logging(_data_dir(args))
        return COMMANDS[args.command](args)
    except CliError as exc:
        print(f"desktop-app: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # one line for the user; never a traceback with personal data
        from .core.errors import DatabaseError, PermissionDenied, ValidationError, ValidationErrors
        from .core.logs import crash_report, scrub

        if isinstance(exc, (ValidationError, ValidationErrors, DatabaseError, PermissionDenied)):
            print(f"desktop-app: {str(exc).splitlines()[0]}", file=sys.stderr)
            return 1
        import logging

        logging.getLogger("desktop_app.cli").error("unexpected error\n%s", crash_report(exc))
        print(f"desktop-app: unexpected error {type(exc).__name__}: "
              f"{scrub(str(exc)).splitlines()[0] if str(exc) else ''} (details in the log folder)",
              file=sys.stderr)
        return 1
