"""同步检查 (sync doctor): explains the township's sync state in Chinese and fixes what
can be fixed safely (docs/sync-format.md §8a). Qt-free; the CLI's ``sync-doctor`` and the
sync screen's 同步检查 button call :meth:`SyncService.doctor`.

Checked: the township's and the county's keys, paused exports, the export log (numbers
without gaps, acknowledged), each package's kept copy (present, SHA-256 as logged),
packages whose copy never completed (re-offered), kept records the log lacks, stray
temporary files, plaintext inner ZIPs of earlier versions, changes waiting.
Fixed (unless ``fix=False``): stray temporary files removed, unfinished kept copies
removed, records adopted into the log, earlier versions' inner ZIPs encrypted and
removed (all through :meth:`SyncService.recover`), and — given a folder — the
undelivered packages copied there again.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from sync_contract.envelope import PackageError, Progress
from sync_contract.keys import short_fingerprint

from ...models import SyncExport
from .. import auth
from ..auth import ActorRef
from ..context import Changes
from .kept import sha256_file, verify_zip_members

#: ``SyncService`` and its ``ExportLogRow`` (not imported: the service imports this module)
SyncService = Any
ExportLogRow = Any

OK, INFO, WARN, ERROR = "ok", "info", "warn", "error"


@dataclass(frozen=True)
class Finding:
    level: str          # ok / info / warn / error
    text: str           # one Chinese sentence


@dataclass
class DoctorReport:
    findings: list[Finding] = field(default_factory=list)
    fixed: list[str] = field(default_factory=list)      # what was fixed (Chinese)
    undelivered: list[int] = field(default_factory=list)  # still to hand over after this run

    @property
    def changes(self) -> Changes:
        """The sync screen's log and status may have changed (rows adopted, delivered)."""
        return Changes(exports=True)

    @property
    def ok(self) -> bool:
        return not any(f.level in (WARN, ERROR) for f in self.findings)

    def add(self, level: str, text: str) -> None:
        self.findings.append(Finding(level, text))

    def lines(self) -> list[str]:
        marks = {OK: "✓", INFO: "·", WARN: "！", ERROR: "✗"}
        out = [f"{marks[f.level]} {f.text}" for f in self.findings]
        out += [f"✓ 已修复：{t}" for t in self.fixed]
        return out


def run(svc: SyncService, by: ActorRef, *, fix: bool = True, out_dir: Path | None = None,
        progress: Progress | None = None,
        cancel: threading.Event | None = None) -> DoctorReport:
    report = DoctorReport()
    with svc.ctx.db.read() as s:
        actor, _ = auth.require(s, by, auth.SYNC)
    code = svc._code_or_none()
    if code is None:
        report.add(ERROR, "尚未完成乡镇初始设置，无法同步")
        return report
    _keys(svc, report)
    with svc.ctx.db.read() as s:
        paused = svc.ctx.get_setting(s, "exports_paused")
        holds = svc.ctx.get_setting(s, "county_holds") or {}
        last = s.scalar(select(func.max(SyncExport.package_seq))) or 0
    if paused:
        report.add(WARN, "恢复备份后导出已暂停：需管理员确认“恢复导出”后才能导出")
    if int(holds.get("package_seq", 0)) > last:
        report.add(ERROR, f"县级已收到第 {holds['package_seq']} 号同步包（见第 {holds.get('return_seq')} 号"
                          f"回执包），但本机的导出记录只到第 {last} 号：可能恢复了较早的备份或换了电脑。"
                          "导出已暂停，以免县级拒收；请与县级联系，核对本乡镇在县级的记录后再处理")
    kept = svc.kept
    _recover(svc, actor, report, fix)
    with svc.ctx.db.read() as s:
        rows = [svc._row(r) for r in s.scalars(select(SyncExport)
                                                .order_by(SyncExport.package_seq))]
    _log(report, rows)
    bad = 0
    for row in rows:
        _check(cancel)
        problem = _kept_problem(svc, code, row)
        if problem:
            bad += 1
            report.add(ERROR, problem)
    if rows and not bad:
        report.add(OK, f"全部 {len(rows)} 个包的留存副本完整（与导出记录的校验值一致）")
    logged = {r.package_seq for r in rows}
    orphans = sorted(n for n, rec in kept.records().items() if rec and n not in logged)
    if orphans:
        report.add(WARN, "有留存的包不在导出记录中（检查并修复时补记）：" + _seqs(orphans))
    legacy = sorted(kept.files("zip"))
    if legacy:
        report.add(WARN, "旧版本留存的明文包仍在数据目录中：" + _seqs(legacy)
                   + "（检查并修复时加密保存）")
    undelivered = svc.undelivered()
    if undelivered and out_dir is not None and fix and not paused:
        undelivered = _reoffer(svc, code, actor, undelivered, Path(out_dir), report,
                               progress, cancel)
    where = {r.package_seq: r.out_dir for r in rows}
    for n in undelivered:
        was = f"（上次写往 {where[n]}）" if where.get(n) else ""
        report.add(WARN, f"第 {n} 号包未完成写出{was}，下次导出时会自动重新生成，请交给县级")
    report.undelivered = undelivered
    pending = svc.status().pending_changes
    if pending:
        report.add(INFO, f"有 {pending} 项更改等待导出")
    else:
        report.add(OK, "没有需要导出的更改")
    strays = kept.strays()
    if fix and not strays:
        report.add(OK, "数据目录中没有遗留的临时文件")
    return report


def _recover(svc: SyncService, actor: auth.Actor, report: DoctorReport, fix: bool) -> None:
    if not fix:
        strays = svc.kept.strays()
        if strays:
            report.add(WARN, f"有 {len(strays)} 个崩溃遗留的临时文件（可清除）")
        return
    rec = svc.recover(actor)
    if rec.swept:
        report.fixed.append(f"清除了崩溃遗留的 {rec.swept} 个临时文件")
    if rec.removed_unfinished:
        report.fixed.append("删除了未完成（从未写出）的包副本：" + _seqs(rec.removed_unfinished))
    if rec.adopted:
        report.fixed.append("已将留存的包补记入导出记录：" + _seqs(rec.adopted))
    if rec.converted:
        report.fixed.append("已将旧版本留存的明文包加密保存并删除明文：" + _seqs(rec.converted))


def _reoffer(svc: SyncService, code: str, actor: auth.Actor, seqs: list[int], out_dir: Path,
             report: DoctorReport, progress: Progress | None,
             cancel: threading.Event | None) -> list[int]:
    for n in seqs:
        try:
            svc._deliver(code, n, out_dir, actor, progress=progress, cancel=cancel,
                         event={"reoffered": True, "doctor": True})
        except (PackageError, OSError) as exc:
            report.add(ERROR, str(exc).split(" / ")[0])
            continue
        report.fixed.append(f"第 {n} 号包已重新写出到 {out_dir}，请交给县级")
    left: list[int] = svc.undelivered()
    return left


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        from sync_contract.envelope import Cancelled
        raise Cancelled()


def _seqs(seqs: list[int]) -> str:
    return "、".join(f"第 {n} 号" for n in seqs)


def _keys(svc: SyncService, report: DoctorReport) -> None:
    ks = svc.keys
    if ks.exists():
        report.add(OK, f"本乡镇签名密钥：{short_fingerprint(ks.fingerprint)}")
    else:
        report.add(INFO, "本乡镇尚未生成密钥（首次导出时生成）")
    try:
        county = ks.county()
    except PackageError:
        county = None
        report.add(ERROR, "县级公钥文件无法读取，请重新导入（设置 → 密钥）")
        return
    if county is None:
        report.add(ERROR, "尚未导入县级公钥，不能导出（设置 → 密钥）")
    else:
        report.add(OK, f"县级公钥：{county.code} {county.name}，签名密钥 "
                       f"{short_fingerprint(county.fingerprint)}")


def _log(report: DoctorReport, rows: list[ExportLogRow]) -> None:
    if not rows:
        report.add(INFO, "导出记录为空：尚未导出过同步包")
        return
    seqs = [r.package_seq for r in rows]
    acked = sum(1 for r in rows if r.acknowledged_at is not None)
    span = f"第 {seqs[0]} 号" if len(seqs) == 1 else f"第 {seqs[0]}–{seqs[-1]} 号"
    report.add(OK, f"导出记录：共 {len(rows)} 个包（{span}），县级已确认 {acked} 个")
    missing = sorted(set(range(1, seqs[-1] + 1)) - set(seqs))
    if missing:
        report.add(WARN, "导出记录缺少：" + _seqs(missing) + "（恢复备份后可能出现；县级若已收到则无碍）")


def _kept_problem(svc: SyncService, code: str, row: ExportLogRow) -> str | None:
    n = row.package_seq
    if row.package_sha256 is None:
        path = svc.kept.legacy_inner(code, n)
        if not path.exists():
            return f"第 {n} 号包的留存副本缺失：不能重新导出（县级若已收到则无碍）"
        if not verify_zip_members(path):
            return f"第 {n} 号包的留存副本已损坏：不能重新导出（县级若已收到则无碍）"
        return None
    path = svc.kept.package(code, n)
    if not path.exists():
        return f"第 {n} 号包的留存副本缺失：不能重新导出（县级若已收到则无碍）"
    try:
        sha, size = sha256_file(path)
    except OSError:
        return f"第 {n} 号包的留存副本无法读取"
    if sha != row.package_sha256 or (row.package_bytes is not None and size != row.package_bytes):
        return f"第 {n} 号包的留存副本已损坏（校验值与导出记录不符）：不能重新导出（县级若已收到则无碍）"
    return None


__all__ = ["ERROR", "INFO", "OK", "WARN", "DoctorReport", "Finding", "run"]
