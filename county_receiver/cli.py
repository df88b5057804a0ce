"""The county receiver's command line: ``county-receiver ACTION …`` (docs/county.md).

Exit codes: 0 ok, 1 failure (one-line reason on stderr), 2 usage. Logs go to the
receiver's own folder (``--data-dir``, default the user's data folder of
``TownshipCountyReceiver``), ``logs/county-receiver.log``: actions, township codes,
sequence numbers, counts and reason codes only — never record content or names.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from sync_contract.logfile import ConsoleHandler, FallbackFileHandler, writable

from . import cli_views

APP_NAME = "TownshipCountyReceiver"
PROG = "county-receiver"
LOG_DIRNAME, LOG_FILENAME = "logs", "county-receiver.log"
log = logging.getLogger("county_receiver")


class CliError(Exception):
    """A failure to report as one line on stderr with exit code 1."""


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


class _Handler(FallbackFileHandler):
    """Our file handler (a second setup replaces it instead of adding another); it falls
    back to stderr when the file cannot be written (``sync_contract/logfile.py``)."""


class _Console(ConsoleHandler):
    """Our console handler, when the log folder cannot be written at all."""


class _NoTracebacks(logging.Filter):
    """The county logs actions, codes, sequence numbers, counts and reason codes: never a
    traceback or an exception's text (a database error quotes the values it refused —
    PostgreSQL's DETAIL and CONTEXT lines name the household member)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.exc_info, record.exc_text, record.stack_info = None, None, None
        return True


def setup_logging(data_dir: Path, level: int = logging.INFO) -> Path | None:
    """Log to ``<data>/logs/county-receiver.log`` (1 MB × 5, rotating); idempotent. A
    folder that cannot be written logs warnings to stderr, one line each (the command
    still runs); returns ``None`` then."""
    root = logging.getLogger()
    for h in [h for h in root.handlers if isinstance(h, _Handler | _Console)]:
        root.removeHandler(h)
        h.close()
    path = Path(data_dir) / LOG_DIRNAME / LOG_FILENAME
    handler: logging.Handler
    if writable(path):
        handler = _Handler(path, maxBytes=1_000_000, backupCount=5, encoding="utf-8", delay=True)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    else:
        handler = _Console()
    handler.addFilter(_NoTracebacks())
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return path if isinstance(handler, _Handler) else None


def _where(exc: BaseException) -> str:
    """Where ``exc`` was raised (file:line of the innermost frames), for the log."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)[-3:]
    return " < ".join(f"{Path(f.filename).name}:{f.lineno}" for f in reversed(frames))


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog=PROG,
        description="县级接收端 (county receiver of the township sync packages)")
    p.add_argument("--data-dir", type=Path,
                   help="the receiver's own folder for its logs (default: the user's data folder "
                        f"of {APP_NAME})")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--db", default=None, metavar="URL",
                        help="county database URL (default sqlite:///county.sqlite3; "
                             "PostgreSQL: postgresql+psycopg://user:pw@host/db)")
    common.add_argument("--keys", type=Path, default=Path("county-keys"), metavar="DIR",
                        help="the county's key folder (default ./county-keys)")
    csub = p.add_subparsers(dest="county_command", metavar="ACTION", required=True)
    kg = csub.add_parser("keygen", parents=[common],
                         help="create the county's keys and the public key file for townships")
    kg.add_argument("--code", help="the county's division code (6 digits); needed the first time")
    kg.add_argument("--name", help="the county office's name")
    kg.add_argument("--out", type=Path, help="also write the public key file here")
    rg = csub.add_parser("register", parents=[common],
                         help="register a township's public signing key")
    rg.add_argument("--township", required=True, metavar="CODE", help="12-digit township code")
    rg.add_argument("--name", help="township name (default: from the key file)")
    rg.add_argument("--verify-key", required=True, metavar="FILE|TEXT",
                    help="the township's public key file (desktop-app keys export FILE), or its "
                         "Ed25519 public key as base64 / PEM")
    rg.add_argument("--age-recipient", action="append", default=[], metavar="AGE1…",
                    help="the township's age recipient for return packages (when not in a file)")
    rg.add_argument("--fingerprint", help="fingerprint read out by the township (keys show); "
                                          "checked against the key")
    rg.add_argument("--replace", action="store_true", help="replace a registered key")
    csub.add_parser("townships", parents=[common],
                    help="registered townships: last package, unacknowledged, pending feedback")
    ig = csub.add_parser("ingest", parents=[common],
                         help="verify and apply township export packages (.twpkg)")
    ig.add_argument("packages", nargs="+", type=Path, metavar="PACKAGE")
    fb = csub.add_parser("feedback", parents=[common],
                         help="record department feedback (回执 result) for a referred task")
    fb.add_argument("--task", required=True, metavar="UUID", help="the task's requested_item uuid")
    fb.add_argument("--result", required=True, choices=("done", "refused", "returned"))
    fb.add_argument("--date", required=True, help="result day, YYYY-MM-DD")
    fb.add_argument("--amount", metavar="YUAN", help="amount granted (done only)")
    fb.add_argument("--text", default="", help="result text (required for refused/returned)")
    fb.add_argument("--department", help="department code (default: the task's department)")
    fb.add_argument("--signed-by", default="", help="签收人 when the task is not signed yet")
    fb.add_argument("--signed-on", help="签收 day (default: the result day)")
    fb.add_argument("--period-from", help="assistance period start (done only)")
    fb.add_argument("--period-to", help="assistance period end (done only)")
    cf = csub.add_parser("confirm", parents=[common],
                         help="record the county's 审核确认 of a task the township reported (报县)")
    cf.add_argument("--task", required=True, metavar="UUID", help="the task's requested_item uuid")
    cf.add_argument("--outcome", required=True, choices=("approved", "refused"),
                    help="approved (确认给予) or refused (不予确认)")
    cf.add_argument("--date", required=True, help="the county's decision day, YYYY-MM-DD")
    cf.add_argument("--amount", metavar="YUAN", help="amount granted (approved only)")
    cf.add_argument("--period-from", help="assistance period start (approved only)")
    cf.add_argument("--period-to", help="assistance period end (approved only)")
    cf.add_argument("--document-number", default="", metavar="文号",
                    help="the county's document number")
    cf.add_argument("--text", default="", help="decision text (the reason, required for refused)")
    mr = csub.add_parser("make-return", parents=[common],
                         help="build the return package (.twret) for one township")
    mr.add_argument("--township", required=True, metavar="CODE")
    mr.add_argument("--out", required=True, metavar="FILE",
                    help="the package file (…/NAME.twret), or an existing folder to write it into")
    mr.add_argument("--feedback", type=Path, metavar="FILE.json",
                    help="record these feedback records first (a JSON list)")
    mr.add_argument("--updates", type=Path, metavar="FILE.json",
                    help='updates to send: {"holiday_year": [...], "standards": [...], '
                         '"village": [...], "catalogue": [...]}')
    mr.add_argument("--holiday-year", type=int, action="append", default=[], metavar="YEAR",
                    help="send YEAR's holiday calendar from chinesecalendar")
    mr.add_argument("--reexport", type=int, metavar="SEQ",
                    help="produce return package SEQ again (same content)")
    up = csub.add_parser("update", parents=[common],
                         help="queue update records for a township's next return package")
    up.add_argument("--township", required=True, metavar="CODE")
    up.add_argument("type", choices=UPDATE_TYPE_CHOICES, metavar="TYPE",
                    help="record type: " + ", ".join(UPDATE_TYPE_CHOICES))
    up.add_argument("file", type=Path, metavar="FILE.json",
                    help="the records (a JSON list, or one record) in the layout of "
                         "docs/sync-format.md §6")
    wl = csub.add_parser("warning", parents=[common],
                         help="the county's warning list (预警名单) for a township's next return")
    wl.add_argument("warning_action", choices=("add",), metavar="add",
                    help="add: record the people of FILE on the township's warning list")
    wl.add_argument("file", type=Path, metavar="FILE.csv|FILE.json",
                    help="the list: CSV (heading row: field names of docs/sync-format.md §13 "
                         "or 名单编号,列入日期,村（居）代码,姓名,身份证号,预警原因,风险等级,来源,撤销) "
                         "or a JSON list")
    wl.add_argument("--township", required=True, metavar="CODE")
    cli_views.add_parsers(csub, common)
    return p


def _yuan_to_fen(text: str) -> int:
    from decimal import Decimal, InvalidOperation

    try:
        value = Decimal(text.strip())
    except InvalidOperation:
        raise CliError(f"--amount: not an amount in yuan: {text}") from None
    fen = value * 100
    if value < 0 or fen != fen.to_integral_value():
        raise CliError(f"--amount: yuan with at most two decimals, ≥ 0: {text}")
    return int(fen)


def _dynamic_counts(counts: dict[str, int]) -> str:
    """``townships``: the records held of the issue-15 types (format 4), one field."""
    if not counts:
        return ""
    return (f"\tdynamic-management records {sum(counts.values())} ("
            + ", ".join(f"{t} {n}" for t, n in counts.items()) + ")")


def _read_json(path: Path, what: str):
    import json

    try:
        return json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise CliError(f"{what} {path}: {str(exc).splitlines()[0]}") from None


RETURN_SUFFIX = ".twret"
#: ``update TYPE``: the update record types (county_receiver.receiver.UPDATE_TYPES).
UPDATE_TYPE_CHOICES = ("catalogue", "eligibility", "holiday_year", "standards", "village")


def return_target(raw: str) -> Path:
    """``make-return --out``: an existing folder, or a file whose name ends in ``.twret``
    in an existing folder. A folder that does not exist (``--out new/`` or ``--out new``)
    is refused — never written as a file named like the folder."""
    out = Path(raw)
    if out.is_dir():
        return out
    looks_like_folder = raw.endswith(("/", "\\")) or out.suffix.lower() != RETURN_SUFFIX
    if looks_like_folder:
        raise CliError(f"文件夹 {out} 不存在，未写入任何文件（要写成文件，文件名须以 {RETURN_SUFFIX} 结尾）"
                       f" / folder {out} does not exist; nothing written (a file name must end "
                       f"in {RETURN_SUFFIX})")
    if not out.parent.is_dir():
        raise CliError(f"文件夹 {out.parent} 不存在，未写入任何文件 / folder {out.parent} does not "
                       "exist; nothing written")
    return out


def run(args) -> int:  # noqa: C901 - one branch per action
    from sync_contract.errors import PackageError
    from sync_contract.faults import FileFault, fault
    from sync_contract.keys import short_fingerprint

    from .receiver import DEFAULT_URL, County
    from .workdir import WorkDir

    action = args.county_command
    out = return_target(args.out) if action == "make-return" else Path()  # before any file
    work = None
    if action in ("ingest", "make-return"):  # decrypted packages: in our own 0700 folder
        data = args.data_dir or default_data_dir()
        try:
            work = WorkDir(data)
        except OSError as exc:
            raise fault(exc, data, "ingest" if action == "ingest" else "make_return",
                        outcome="nothing_changed") from None
        if work.swept:
            log.info("work folder: removed %d left by an interrupted command", len(work.swept))
    county = County(args.db or DEFAULT_URL, args.keys, work_dir=work.path if work else None)
    try:
        if (done := cli_views.run(args, county)) is not None:
            return done
        if action == "keygen":
            pub, created = county.keygen(args.code, args.name)
            if args.out:
                pub.write(args.out)
            log.info("keygen: %s county keys, fingerprint %s", "created" if created else "kept",
                     short_fingerprint(pub.fingerprint))
            print(f"{'created' if created else 'kept the existing'} county keys in {args.keys}")
            print(f"public key file for townships (desktop-app keys import-county FILE): "
                  f"{args.keys / 'county.json'}" + (f" and {args.out}" if args.out else ""))
            print(f"  county {pub.code} {pub.name}")
            print(f"  age recipient: {pub.age_recipients[0]}")
            print(f"  ed25519 verify key: {pub.to_json()['ed25519_public_key']}")
            print(f"  fingerprint: {short_fingerprint(pub.fingerprint)}  ({pub.fingerprint})")
            print(f"  key set fingerprint (read this to the townships; 密钥指纹，签名+加密公钥): "
                  f"{short_fingerprint(pub.key_set_fingerprint)}  ({pub.key_set_fingerprint})")
            return 0
        if action == "register":
            tw = county.register(args.township, args.verify_key, name=args.name,
                                 age_recipients=args.age_recipient,
                                 expect_fingerprint=args.fingerprint, replace=args.replace)
            log.info("register: township %s, key %s", tw.code, short_fingerprint(tw.fingerprint))
            print(f"registered township {tw.code} {tw.name}: signing key "
                  f"{short_fingerprint(tw.fingerprint)}; age "
                  f"{', '.join(tw.age_recipients) or '(none: no return packages until given)'}")
            return 0
        if action == "townships":
            for t in county.townships():
                fmt = t.format_version if t.format_version is not None else "-"
                print(f"{t.code}\t{t.name}\t{short_fingerprint(t.fingerprint)}\t"
                      f"last package {t.last_package} (format {fmt})\t"
                      f"unacknowledged {t.unacknowledged}\t"
                      f"feedback to send {t.pending_feedback}\tlast return {t.last_return}\t"
                      f"queued updates {t.queued_updates}\t"
                      f"confirmations to send {t.pending_confirmations}"
                      + _dynamic_counts(t.dynamic_records))
            return 0
        if action == "ingest":
            failed = 0
            for path in args.packages:
                try:
                    got = county.ingest(path)
                except PackageError as exc:
                    failed += 1
                    log.warning("ingest refused: %s", exc.reason)
                    print(f"{PROG}: {path.name}: {str(exc).splitlines()[0]}", file=sys.stderr)
                    continue
                except FileFault as exc:  # unreadable package, full work folder: one sentence
                    failed += 1
                    log.warning("ingest refused: io_error (%s)", exc.kind)
                    print(f"{PROG}: {path.name}: {exc}", file=sys.stderr)
                    continue
                log.info("ingest: township %s package %s%s", got.township_code, got.package_seq,
                         " (already received)" if got.already_received else "")
                print(got.message)
            return 1 if failed else 0
        if action == "feedback":
            res = county.record_feedback(
                args.task, args.result, args.date, text=args.text,
                amount_fen=_yuan_to_fen(args.amount) if args.amount else None,
                department=args.department, signed_by=args.signed_by, signed_on=args.signed_on,
                period_from=args.period_from, period_to=args.period_to)
            log.info("feedback: township %s, result %s", res.township_code, res.record["result"])
            if res.already_sent:
                print(f"the same feedback for task {res.task_uuid} was already sent in return "
                      f"package {res.already_sent}; nothing changed")
                return 0
            print(f"{'replaced' if res.replaced else 'recorded'} feedback {res.record['result']} "
                  f"for task {res.task_uuid} of {res.township_code}; it goes with the next "
                  "return package")
            return 0
        if action == "confirm":
            conf = county.record_confirmation(
                args.task, args.outcome, args.date,
                amount_fen=_yuan_to_fen(args.amount) if args.amount else None,
                period_from=args.period_from, period_to=args.period_to,
                document_number=args.document_number, text=args.text)
            log.info("confirm: township %s, outcome %s", conf.township_code, conf.record["outcome"])
            version = county.return_version(conf.township_code)
            print(f"{'replaced' if conf.replaced else 'recorded'} confirmation "
                  f"{conf.record['outcome']} for task {conf.task_uuid} of {conf.township_code}; "
                  "it goes with the next return package"
                  + ("" if version >= 3 else f" once the township sends a package of format 3 "
                                             f"(its last is format {version})"))
            return 0
        if action == "update":
            records = _read_json(args.file, args.type)
            if isinstance(records, dict):
                records = [records]
            queued = county.queue_updates(args.township, {args.type: records})
            version = county.return_version(args.township)
            log.info("update: township %s, queued %s", args.township, queued)
            print(f"queued {queued.get(args.type, 0)} {args.type} record(s) for {args.township}; "
                  f"they go with the next return package (make-return)"
                  + ("" if args.type != "eligibility" or version >= 2 else
                     f" once the township sends a package of format 2 (its last is format "
                     f"{version})"))
            return 0
        if action == "warning":
            from .receiver import warnings_from_file
            listed = county.add_warnings(args.township, warnings_from_file(args.file))
            version = county.return_version(args.township)
            log.info("warning add: township %s, added %d, replaced %d", listed.township_code,
                     listed.added, listed.replaced)
            print(f"recorded {listed.added} warning(s) ({listed.replaced} unsent replaced) for "
                  f"{listed.township_code}; they go with the next return package (make-return)"
                  + ("" if version >= 4 else f" once the township sends a package of format 4 "
                                             f"(its last is format {version})"))
            return 0
        # make-return
        if args.reexport is not None:
            made = county.remake_return(args.township, args.reexport, out)
            log.info("make-return: township %s return %s again", made.township_code,
                     made.package_seq)
            print(made.message)
            return 0
        updates = _read_json(args.updates, "--updates") if args.updates else {}
        if args.holiday_year:
            if not isinstance(updates, dict):
                raise CliError("--updates: a JSON object expected")
            updates = dict(updates)
            updates["holiday_year"] = list(updates.get("holiday_year", [])) + [
                county.holiday_year_from_calendar(y) for y in args.holiday_year]
        feedback = _read_json(args.feedback, "--feedback") if args.feedback else None
        result = county.make_return(args.township, out, updates=updates, feedback=feedback)
        if result:
            log.info("make-return: township %s return %s, counts %s", result.township_code,
                     result.package_seq, result.counts)
        print(result.message if result else
              f"nothing to return to {args.township} (no new acknowledgements, feedback or updates)")
        return 0
    except PackageError as exc:
        log.warning("%s refused: %s", action, exc.reason)
        raise CliError(str(exc).splitlines()[0]) from None
    except FileFault as exc:
        log.warning("%s failed: io_error (%s)", action, exc.kind)
        raise CliError(str(exc)) from None
    finally:
        county.close()
        if work is not None:
            work.close()


def main(argv: list[str] | None = None) -> int:
    """Run one action; every failure is one line on stderr (exit code 1), never a
    traceback, and the log gets reason codes only."""
    from sqlalchemy.exc import DBAPIError

    from sync_contract.faults import FileFault, fault

    from .receiver import db_problem

    args = build_parser().parse_args(argv)
    try:
        setup_logging(args.data_dir or default_data_dir())
        return run(args)
    except CliError as exc:
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 1
    except FileFault as exc:
        log.warning("%s failed: io_error (%s)", args.county_command, exc.kind)
        print(f"{PROG}: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:  # e.g. keygen --out onto a write-protected stick
        where = Path(exc.filename).parent if isinstance(exc.filename, str) else \
            (args.data_dir or default_data_dir())
        problem = fault(exc, where, "write_file")
        log.warning("%s failed: io_error (%s)", args.county_command, problem.kind)
        print(f"{PROG}: {problem}", file=sys.stderr)
        return 1
    except DBAPIError as exc:
        log.error("%s failed: database error %s at %s", args.county_command, db_problem(exc),
                  _where(exc))
        print(f"{PROG}: 数据库错误（{db_problem(exc)}），本次操作未完成 / database error "
              f"{db_problem(exc)}", file=sys.stderr)
        return 1
    except Exception as exc:  # one line, no traceback: its text may quote a record's values
        log.error("%s failed: unexpected %s at %s", args.county_command, type(exc).__name__,
                  _where(exc))
        print(f"{PROG}: 意外错误（{type(exc).__name__}），请告诉管理员 / unexpected error "
              f"{type(exc).__name__}", file=sys.stderr)
        return 1


__all__ = ["APP_NAME", "main", "run"]
