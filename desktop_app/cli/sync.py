"""The sync verbs (docs/sync-format.md): ``export`` / ``exports`` (packages for the
county and their log), ``sync-doctor`` (同步检查), ``import`` (a county return package)
and ``keys``. Each ``*_command`` takes the opened services and the acting user."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.services import auth
from .common import OPEN, Verb, first_line, interactive, open_services

if TYPE_CHECKING:
    from ..core.services import Services
    from ..core.services.auth import ActorRef


def _export_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", type=Path, required=True, help="folder to write the package into")
    p.add_argument("--reexport", type=int, metavar="SEQ",
                   help="produce package SEQ again from the export log (same content)")


def cmd_export(args: argparse.Namespace) -> int:
    with open_services(args) as services:
        return export_command(services, args, args.actor)


def export_command(services: Services, args: argparse.Namespace, actor: ActorRef) -> int:
    """``export --out F [--reexport N]``: package(s) into F; first every package whose
    earlier copy never completed (told as "第 N 号包未完成写出，已重新生成，请交给县级")."""
    from sync_contract.envelope import PackageError
    from sync_contract.faults import FileFault

    from ..core.services.sync.service import ExportResult, ExportsPaused

    result: ExportResult | None
    try:
        if args.reexport is not None:
            result = services.sync.reexport(args.reexport, args.out, actor)
        else:
            result = services.sync.export(args.out, actor)
    except (PackageError, ExportsPaused, FileFault) as exc:
        raise first_line(exc) from None
    if result is None:
        print("没有需要导出的更改 / nothing to export (no changes since the last package)")
        return 0
    for seq in result.reoffered:
        print(f"{services.sync.undelivered_message([seq])} / package {seq} was not written "
              f"completely before; written again: {args.out}")
    if result.reoffered and result.package_seq in result.reoffered:
        print("没有新的更改 / no new changes since the last package")
        return 0
    counts = ", ".join(f"{k} {v}" for k, v in result.counts.items() if v)
    print(f"{'re-exported' if result.reexport else 'exported'} package {result.package_seq}: "
          f"{result.path} (changes {result.change_seq_from}–{result.change_seq_to}; {counts}; "
          f"sha256 {result.digest[:16]}; {result.seconds:.2f} s)")
    return 0


def cmd_exports(args: argparse.Namespace) -> int:
    from ..core.services.auth import SYSTEM

    with open_services(args) as services:
        return exports_command(services, args, SYSTEM)


def exports_command(services: Services, args: argparse.Namespace, actor: ActorRef) -> int:
    """``exports``: the export log, one line per package, and the packages to hand over."""
    from ..core.services.sync.service import PREPARED

    rows = services.sync.log()
    for r in rows:
        ack = r.acknowledged_at.strftime("%Y-%m-%d %H:%M") if r.acknowledged_at else "-"
        state = "  NOT DELIVERED" if r.state == PREPARED else ""
        print(f"{r.package_seq:6d}  {r.created_at:%Y-%m-%d %H:%M}Z  {r.records:8d} records  "
              f"changes {r.change_seq_from}-{r.change_seq_to}  {r.digest[:16]}  ack {ack}{state}")
    undelivered = services.sync.undelivered()
    if undelivered:
        print(f"{services.sync.undelivered_message(undelivered)} "
              "(desktop-app export --out FOLDER)")
    return 0


def _doctor_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", type=Path, metavar="FOLDER",
                   help="also write every package whose copy never completed into FOLDER")
    p.add_argument("--dry-run", action="store_true",
                   help="only explain; change nothing (no temp files swept, nothing adopted)")


def cmd_doctor(args: argparse.Namespace) -> int:
    with open_services(args) as services:
        return doctor_command(services, args, args.actor)


def doctor_command(services: Services, args: argparse.Namespace, actor: ActorRef) -> int:
    """``sync-doctor``: the sync state in Chinese, safe fixes applied; exit 0 when all is
    well, 2 when something needs the clerk (printed), 1 on failure."""
    from sync_contract.envelope import PackageError
    from sync_contract.faults import FileFault

    try:
        report = services.sync.doctor(actor, fix=not args.dry_run, out_dir=args.out)
    except (PackageError, FileFault) as exc:
        raise first_line(exc) from None
    for line in report.lines():
        print(line)
    return 0 if report.ok else 2


def _import_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path)


def cmd_import(args: argparse.Namespace) -> int:
    from sync_contract.envelope import PackageError

    with open_services(args) as services:
        try:
            result = services.sync.import_package(args.file, args.actor)
        except PackageError as exc:
            raise first_line(exc) from None
    print(result.message)
    for note in result.skipped:
        print(f"  skipped: {note}")
    for notice in result.notices:
        print(f"注意：{notice}")
    return 0


def _keys_arguments(p: argparse.ArgumentParser) -> None:
    actions = p.add_subparsers(dest="keys_command", metavar="ACTION", required=True)
    actions.add_parser("show", help="this township's signing key fingerprint and the county's keys")
    imp = actions.add_parser("import-county", help="import the county's public key file: shows "
                                                   "its county and fingerprint, then asks")
    imp.add_argument("file", type=Path)
    imp.add_argument("--yes", action="store_true",
                     help="import after showing it, without asking (the fingerprint was checked "
                          "with the county)")
    exp = actions.add_parser("export", help="write this township's public key file for the county")
    exp.add_argument("file", type=Path)


def cmd_keys(args: argparse.Namespace) -> int:
    from sync_contract.envelope import PackageError
    from sync_contract.keys import public_key_b64, short_fingerprint

    actor = args.actor
    with open_services(args) as services:
        try:
            if args.keys_command == "import-county":
                return _import_county(args, services)
            if args.keys_command == "export":
                pub = services.sync.export_public_keys(args.file)
                print(f"wrote {args.file}: township {pub.code} signing key "
                      f"{short_fingerprint(pub.fingerprint)}")
                return 0
            pub = services.sync.township_keys(actor)
            county = services.sync.status().county
        except PackageError as exc:
            raise first_line(exc) from None
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


def _import_county(args: argparse.Namespace, services: Services) -> int:
    """Show whose keys they are and their fingerprint, then ask (or ``--yes``)."""
    from sync_contract.keys import short_fingerprint

    seen = services.sync.preview_county_keys(args.file, args.actor)
    keys = seen.keys
    print(f"县级公钥文件：{keys.code} {keys.name}（本乡镇 {seen.township_code} 属于该县）")
    print(f"  密钥指纹（签名+加密公钥，请电话核对）：{short_fingerprint(seen.fingerprint)}  "
          f"({seen.fingerprint})")
    print(f"  签名公钥指纹：{short_fingerprint(keys.fingerprint)}")
    print(f"  加密公钥：{', '.join(keys.age_recipients)}")
    if seen.replaces and seen.previous is not None:
        print(f"注意：将替换已导入的县级公钥（指纹 {short_fingerprint(seen.previous.key_set_fingerprint)}，"
              f"{seen.previous.code} {seen.previous.name}）。今后导出的同步包将加密给新的密钥，"
              "只有新密钥的持有者能够解密。")
    elif seen.unchanged:
        print("与已导入的县级公钥相同。")
    print("请与县级电话核对上面的指纹后再导入。")
    if not args.yes:
        if getattr(args, "password_stdin", False) or not interactive():
            print("desktop-app: 尚未导入；核对指纹后加 --yes 导入", file=sys.stderr)
            return 2
        answer = input("确认导入？输入 yes 确认：").strip().lower()
        if answer not in ("yes", "y", "是"):
            print("desktop-app: 未导入", file=sys.stderr)
            return 2
    services.sync.import_county_keys(args.file, args.actor, expect_fingerprint=seen.fingerprint)
    print(f"county keys imported: {keys.code} {keys.name} signing key "
          f"{short_fingerprint(keys.fingerprint)}; age {', '.join(keys.age_recipients)}")
    return 0


def _settle_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("package_seq", type=int, help="the package whose kept copy is missing/damaged")
    p.add_argument("--county-has", choices=("yes", "no"), required=True,
                   help="what the county said: it received the package (yes) or not (no)")


def cmd_settle(args: argparse.Namespace) -> int:
    """``sync-settle N --county-has yes|no``: an undelivered package whose kept copy is
    gone — marked delivered (the county has it) or made again from the same changes."""
    from sync_contract.envelope import PackageError
    from sync_contract.faults import FileFault

    with open_services(args) as services:
        try:
            services.sync.settle_undelivered(args.package_seq, args.county_has == "yes",
                                             args.actor)
        except (PackageError, FileFault) as exc:
            raise first_line(exc) from None
    if args.county_has == "yes":
        print(f"第 {args.package_seq} 号包已按县级已收到处理 / package {args.package_seq} "
              "marked delivered")
    else:
        print(f"第 {args.package_seq} 号包已重新生成，下次导出时写出，请交给县级 / package "
              f"{args.package_seq} made again; the next export writes it")
    return 0


EXPORT = Verb("export", "export everything changed since the last package to the county (an "
                        "encrypted, signed .twpkg file)", cmd_export, _export_arguments,
              access=auth.SYNC)
EXPORTS = Verb("exports", "the export log: number, time, counts, digest, acknowledged", cmd_exports,
               access=OPEN)
SETTLE = Verb("sync-settle", "administrators: settle a package whose kept copy is missing or "
                             "damaged, after asking the county (--county-has yes|no)",
              cmd_settle, _settle_arguments, access=auth.KEYS)
DOCTOR = Verb("sync-doctor", "explain the sync state (export log, kept copies, packages not "
                             "written completely, temp files, keys) and fix what is safe",
              cmd_doctor, _doctor_arguments, access=auth.SYNC)
IMPORT = Verb("import", "import a county return package (.twret)", cmd_import, _import_arguments,
              access=auth.SYNC)
KEYS = Verb("keys", "sync keys (administrators): show | import-county FILE [--yes] | export FILE",
            cmd_keys, _keys_arguments, access=auth.KEYS)
