"""The township's sync use cases (Qt-free): export packages to the county, re-export one
from the log, import county return packages, manage keys (docs/sync-format.md).

``Services.sync`` is a :class:`SyncService`. Long operations take ``progress(stage,
done, total)`` and a ``threading.Event`` to cancel; a cancelled export leaves no file
and no log entry. Errors are :class:`PackageError` (one line, Chinese / English) or
``ExportsPaused`` after a restore.
"""

from __future__ import annotations

import json
import threading
import time
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from sqlalchemy import func, select
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.orm import Session

from sync_contract import envelope as env
from sync_contract.envelope import COUNTY_RETURN, TOWNSHIP_EXPORT, Cancelled, PackageError, Progress
from sync_contract.keys import COUNTY_FILE, KeyStore, PublicKeys, short_fingerprint, write_secret
from sync_contract.seqs import seq_range

from ... import vocab
from ...errors import ValidationError
from ...models import RequestedItem, SyncExport, SyncImport, Township, Village, utcnow
from ...rules import handling as rules
from ...rules.settings import validate_setting
from ...vocab import TaskStatus
from .. import auth
from ..auth import ActorRef
from ..backups import ExportsPaused
from ..context import Changes, Outcome, ServiceContext
from ..events import record_event
from . import county_keys
from . import export as exp
from .county_keys import CountyKeysPreview

if TYPE_CHECKING:
    from ..handling import HandlingService


@dataclass(frozen=True)
class ExportResult:
    package_seq: int
    path: Path
    digest: str
    counts: dict[str, int]
    change_seq_from: int
    change_seq_to: int
    seconds: float
    reexport: bool = False
    #: An export writes the export log (a re-export its audit event): the sync screen's
    #: log and status change.
    changes: Changes = field(default_factory=lambda: Changes(exports=True))

    @property
    def records(self) -> int:
        return sum(self.counts.values())


@dataclass(frozen=True)
class ExportLogRow:
    package_seq: int
    created_at: datetime          # UTC
    counts: dict[str, int]
    records: int
    digest: str
    change_seq_from: int
    change_seq_to: int
    file_name: str
    acknowledged_at: datetime | None


@dataclass(frozen=True)
class ImportResult:
    package_seq: int
    digest: str
    already_applied: bool
    counts: dict[str, int]
    applied: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)

    @property
    def message(self) -> str:
        if self.already_applied:
            return (f"返回包 {self.package_seq} 已导入过，未作任何改动 / "
                    f"return package {self.package_seq} already applied, nothing changed")
        parts = ", ".join(f"{k} {v}" for k, v in self.applied.items() if v)
        return f"已导入返回包 {self.package_seq} / imported return package {self.package_seq}: {parts}"


@dataclass(frozen=True)
class SyncStatus:
    township_fingerprint: str | None     # full hex; None before keys exist
    county: PublicKeys | None
    paused: dict[str, Any] | None
    last_export: ExportLogRow | None
    pending_changes: int                 # change sequences not yet exported


class SyncService:
    def __init__(self, ctx: ServiceContext, handling: HandlingService | None = None) -> None:
        self.ctx = ctx
        self.handling = handling
        self.limits = env.Limits()
        self._lock = threading.Lock()

    # -- places ------------------------------------------------------------------------
    @property
    def folder(self) -> Path:
        return self.ctx.db.data_dir / "sync"

    @property
    def sent_dir(self) -> Path:
        return self.folder / "sent"

    @property
    def keys(self) -> KeyStore:
        return KeyStore(self.ctx.db.data_dir / "keys")

    def _work_dir(self) -> Path:
        work = self.folder / "tmp"
        work.mkdir(parents=True, exist_ok=True)
        return work

    def _township_code(self, s: Session) -> str:
        code: str | None = s.scalar(select(Township.code).limit(1))
        if not code:
            raise PackageError("keys_missing", "township not set up", zh="尚未完成乡镇初始设置")
        return code

    # -- keys ------------------------------------------------------------------------
    def township_keys(self, by: ActorRef | None = None) -> PublicKeys:
        """This township's public keys (created on first use) for registering at the county."""
        with self.ctx.db.read() as s:
            code = self._township_code(s)
            name = s.scalar(select(Township.name).limit(1)) or ""
        return self.keys.ensure().public_keys("township", code, name)

    def export_public_keys(self, path: Path) -> PublicKeys:
        pub = self.township_keys()
        pub.write(Path(path))
        return pub

    def preview_county_keys(self, source: Path, by: ActorRef) -> CountyKeysPreview:
        """Read and check the county's public key file without writing anything: its
        code, name and fingerprint, the key it would replace (shown for confirmation).
        Administrators only; refuses another county's keys (``county_keys.py``)."""
        with self.ctx.db.read() as s:
            auth.require(s, by, auth.KEYS)
            township = self._township_code(s)
        return county_keys.preview(self.keys, Path(source), township)

    def import_county_keys(self, source: Path, by: ActorRef, *,
                           expect_fingerprint: str | None = None) -> Outcome[PublicKeys]:
        """Register the county's public keys (its signing key and age recipients): every
        future package is encrypted to them. Administrators only; the file must name
        this township's county (``county_keys.check_county``). ``expect_fingerprint``:
        the fingerprint the administrator confirmed on the screen — a file changed since
        is refused. Audited (``settings.change``, key ``county_keys``) with the old and
        new fingerprints and the county's code."""
        with self.ctx.db.transaction() as s:
            actor, _ = auth.require(s, by, auth.KEYS)
            seen = county_keys.preview(self.keys, Path(source), self._township_code(s))
            new = seen.keys
            if expect_fingerprint is not None and new.fingerprint != expect_fingerprint:
                raise ValidationError(county_keys.FIELD, "changed", key="county_keys.changed")
            old = seen.previous
            record_event(s, "settings.change", actor_id=actor.staff_id, key="county_keys",
                         old=old.fingerprint if old else None, new=new.fingerprint,
                         county_code=seen.county_code, replaced=seen.replaces,
                         **auth.event_actor(actor))
            # Last: a failed write rolls the event back; the file is replaced atomically.
            write_secret(self.keys.folder / COUNTY_FILE,
                         (json.dumps(new.to_json(), ensure_ascii=False, indent=2) + "\n")
                         .encode("utf-8"))
        return Outcome(new, Changes(exports=True))

    def status(self) -> SyncStatus:
        ks = self.keys
        with self.ctx.db.read() as s:
            paused = self.ctx.get_setting(s, "exports_paused")
            last = s.scalar(select(SyncExport).order_by(SyncExport.package_seq.desc()).limit(1))
            counter = exp.change_counter(_dbapi(s))
            _, last_to = self._last_exported(s)
        county = None
        try:
            county = ks.county()
        except PackageError:
            county = None
        return SyncStatus(ks.fingerprint if ks.exists() else None, county, paused,
                          self._row(last) if last else None, max(0, counter - last_to))

    @staticmethod
    def short(fp: str) -> str:
        return short_fingerprint(fp)

    # -- export log --------------------------------------------------------------------
    @staticmethod
    def _row(r: SyncExport) -> ExportLogRow:
        return ExportLogRow(r.package_seq, r.created_at, json.loads(r.counts), r.records,
                            r.digest, r.change_seq_from, r.change_seq_to, r.file_name,
                            r.acknowledged_at)

    def log(self) -> list[ExportLogRow]:
        with self.ctx.db.read() as s:
            rows = s.scalars(select(SyncExport).order_by(SyncExport.package_seq.desc())).all()
            return [self._row(r) for r in rows]

    def _sent_manifest(self, path: Path) -> dict[str, Any] | None:
        try:
            with zipfile.ZipFile(path) as zf:
                manifest: dict[str, Any] = json.loads(zf.read(env.MANIFEST))
                return manifest
        except (OSError, zipfile.BadZipFile, KeyError, ValueError):
            return None

    def _last_exported(self, s: Session) -> tuple[int, int]:
        """(last package_seq, last change_seq_to) from the log *and* the kept inner ZIPs
        (after a restore the log may be older than what the county already has)."""
        row = s.execute(select(func.max(SyncExport.package_seq),
                               func.max(SyncExport.change_seq_to))).one()
        seq, to = int(row[0] or 0), int(row[1] or 0)
        if self.sent_dir.is_dir():
            for path in self.sent_dir.glob("*.zip"):
                stem = path.stem.rsplit("-", 1)[-1]
                if not stem.isdigit() or int(stem) <= seq:
                    continue
                man = self._sent_manifest(path)
                if man and man.get("kind") == TOWNSHIP_EXPORT:
                    seq = max(seq, int(man["package_seq"]))
                    to = max(to, int(man.get("change_seq_to") or 0))
        return seq, to

    def _inner_path(self, code: str, seq: int) -> Path:
        return self.sent_dir / f"{code}-{seq:06d}.zip"

    def _ensure_allowed(self) -> None:
        with self.ctx.db.read() as s:
            info = self.ctx.get_setting(s, "exports_paused")
        if info:
            raise ExportsPaused(info)

    def _county_recipients(self) -> list[str]:
        county = self.keys.county()
        if county is None:
            raise PackageError("keys_missing", "import the county's public keys first "
                               "(desktop-app keys import-county FILE)",
                               zh="尚未导入县级公钥（设置 → 密钥）")
        return list(county.age_recipients)

    # -- export ------------------------------------------------------------------------
    def export(self, out_dir: Path, by: ActorRef, *, progress: Progress | None = None,
               cancel: threading.Event | None = None) -> ExportResult | None:
        """Export everything changed since the last package into ``out_dir``.
        ``None`` when there is nothing to export."""
        started = time.perf_counter()
        out_dir = Path(out_dir)
        if not self._lock.acquire(blocking=False):
            raise PackageError("io_error", "another export is running", zh="另一个导出正在进行")
        try:
            self._ensure_allowed()
            with self.ctx.db.read() as s:
                actor, _ = auth.require(s, by, auth.SYNC)
            recipients = self._county_recipients()
            ks = self.keys.ensure()
            with self.ctx.db.read() as s:
                raw = _dbapi(s)   # one snapshot from here
                code = self._township_code(s)
                last_seq, last_to = self._last_exported(s)
                hi = exp.change_counter(raw)
                lo = last_to + 1
                if hi < lo:
                    return None
                counts = exp.count_changes(raw, lo, hi)
                total = sum(counts.values())
                if total == 0:
                    return None
                seq = last_seq + 1
                name = env.package_name(code, seq)
                self.sent_dir.mkdir(parents=True, exist_ok=True)
                inner = self._inner_path(code, seq)
                manifest = {"kind": TOWNSHIP_EXPORT, "township_code": code,
                            "device_id": ks.device_id, "package_seq": seq,
                            "change_seq_from": lo, "change_seq_to": hi,
                            "audit_head": exp.audit_head(raw)}
                members: dict[str, Iterable[Any]] = {
                    t: exp.iter_records(raw, t, lo, hi) for t in env.TYPES[TOWNSHIP_EXPORT]}
                built = env.build_package(out_dir / name, members, manifest, ks.signing_key,
                                          recipients, keep_inner=inner,
                                          work_dir=self._work_dir(), progress=progress,
                                          cancel=cancel, expected_total=total)
            try:
                with self.ctx.db.transaction() as s:
                    s.add(SyncExport(
                        package_seq=seq, manifest_created=built.manifest["created_at"],
                        change_seq_from=lo, change_seq_to=hi,
                        counts=json.dumps(built.counts, sort_keys=True),
                        records=sum(built.counts.values()), digest=built.digest,
                        file_name=name, by_id=actor.staff_id))
                    record_event(s, "export", actor_id=actor.staff_id, package_seq=seq,
                                 digest=built.digest, change_seq=[lo, hi], counts=built.counts,
                                 **auth.event_actor(actor))
            except BaseException:
                env._unlink(out_dir / name)
                env._unlink(inner)
                raise
            return ExportResult(seq, out_dir / name, built.digest, built.counts, lo, hi,
                                time.perf_counter() - started)
        finally:
            self._lock.release()

    def reexport(self, package_seq: int, out_dir: Path, by: ActorRef, *,
                 progress: Progress | None = None,
                 cancel: threading.Event | None = None) -> ExportResult:
        """Produce package ``package_seq`` again: same manifest and data (byte for byte),
        encrypted afresh to the county's current recipients."""
        started = time.perf_counter()
        out_dir = Path(out_dir)
        self._ensure_allowed()
        with self.ctx.db.read() as s:
            actor, _ = auth.require(s, by, auth.SYNC)
            code = self._township_code(s)
            row = s.scalar(select(SyncExport).where(SyncExport.package_seq == package_seq))
        recipients = self._county_recipients()
        inner = self._inner_path(code, package_seq)
        man = self._sent_manifest(inner) if inner.exists() else None
        if man is None:
            raise PackageError("io_error", f"package {package_seq} is not in the export log",
                               zh=f"导出记录中没有第 {package_seq} 号包")
        with zipfile.ZipFile(inner) as zf:
            import hashlib
            digest = hashlib.sha256(zf.read(env.MANIFEST)).hexdigest()
        if row is not None and row.digest != digest:
            raise PackageError("hash_mismatch", f"kept copy of package {package_seq} differs "
                               "from the log", zh=f"第 {package_seq} 号包的留存副本与导出记录不符")
        name = env.package_name(code, package_seq)
        env.encrypt_inner(inner, out_dir / name, recipients, progress=progress, cancel=cancel)
        with self.ctx.db.transaction() as s:
            record_event(s, "export", actor_id=actor.staff_id, package_seq=package_seq,
                         digest=digest, reexport=True, **auth.event_actor(actor))
        return ExportResult(package_seq, out_dir / name, digest, dict(man["counts"]),
                            man["change_seq_from"], man["change_seq_to"],
                            time.perf_counter() - started, reexport=True)

    # -- import (county return packages) ------------------------------------------------
    def import_package(self, path: Path, by: ActorRef) -> ImportResult:
        """Verify and apply a county return package in one transaction (or nothing)."""
        county = self.keys.county()
        if county is None or not self.keys.exists():
            raise PackageError("keys_missing", "county keys or township keys missing",
                               zh="尚未导入县级公钥或尚未生成本乡镇密钥")
        with self.ctx.db.read() as s:
            code = self._township_code(s)
        ks = self.keys
        with env.open_package(Path(path), [ks.age_identity], [county.ed25519],
                              kind=COUNTY_RETURN, township_code=code, limits=self.limits,
                              work_dir=self._work_dir()) as pkg:
            n, digest = pkg.manifest["package_seq"], pkg.digest
            with self.ctx.db.transaction() as s:
                actor, _ = auth.require(s, by, auth.SYNC)
                done = s.scalar(select(SyncImport).where(SyncImport.package_seq == n))
                if done is not None:
                    if done.digest == digest:
                        return ImportResult(n, digest, True, dict(pkg.counts))
                    raise PackageError(
                        "sequence_conflict", f"return package {n} was already applied with "
                        "other content", zh=f"第 {n} 号返回包已导入过，但内容不同（冲突），未导入")
                last = s.scalar(select(func.max(SyncImport.package_seq))) or 0
                if n != last + 1:
                    missing = seq_range(last + 1, n - 1)
                    raise PackageError(
                        "sequence_gap", f"expected return package {last + 1}, got {n}: "
                        f"missing {missing}", zh=f"缺少第 {missing} 号返回包，请先导入")
                applier = _Applier(self, s, actor, code, n)
                applier.run(pkg)
                s.add(SyncImport(package_seq=n, digest=digest,
                                 signer_fingerprint=pkg.signer_fingerprint,
                                 counts=json.dumps(pkg.counts, sort_keys=True),
                                 summary=json.dumps({"applied": applier.applied,
                                                     "skipped": applier.skipped},
                                                    ensure_ascii=False),
                                 by_id=actor.staff_id))
                record_event(s, "import", actor_id=actor.staff_id, package_seq=n, digest=digest,
                             counts=pkg.counts, applied=applier.applied,
                             skipped=applier.skipped, **auth.event_actor(actor))
        return ImportResult(n, digest, False, dict(pkg.counts), applier.applied,
                            applier.skipped,
                            Changes(applications=applier.applications,
                                    settings=applier.settings_changed
                                    or bool(applier.applied["standards"]
                                            or applier.applied["holiday_year"]),
                                    exports=bool(applier.applied["ack"])))


def _dbapi(s: Session) -> DBAPIConnection:
    """The session's SQLite connection (its transaction's snapshot), for the export's SQL."""
    raw = s.connection().connection.dbapi_connection
    assert raw is not None  # (a checked-out connection has one)
    return raw


def _date(v: str | None) -> date | None:
    return date.fromisoformat(v) if v else None


class _Applier:
    """Applies one verified return package inside the caller's transaction."""

    def __init__(self, svc: SyncService, s: Session, actor: auth.Actor, code: str, seq: int) -> None:
        self.svc, self.s, self.actor, self.code, self.seq = svc, s, actor, code, seq
        self.ctx = svc.ctx
        self.applied: dict[str, int] = {}
        self.skipped: list[str] = []
        self.applications: set[int] = set()
        self.settings_changed = False
        self.today = self.ctx.today()

    def fail(self, reason: str, detail: str, zh: str) -> NoReturn:
        raise PackageError(reason, detail, zh=zh)

    def run(self, pkg: env.OpenedPackage) -> None:
        for type_, fn in (("ack", self.ack), ("feedback", self.feedback),
                          ("catalogue", self.catalogue), ("standards", None),
                          ("village", self.village), ("holiday_year", None)):
            n = 0
            if fn is not None:
                for rec in pkg.iter_records(type_):
                    fn(rec)
                    n += 1
            self.applied[type_] = n
        self.applied["standards"] = self.standards(list(pkg.iter_records("standards")))
        self.applied["holiday_year"] = self.holiday_years(list(pkg.iter_records("holiday_year")))

    # acks ---------------------------------------------------------------------------
    def ack(self, rec: dict[str, Any]) -> None:
        row = self.s.scalar(select(SyncExport).where(SyncExport.package_seq == rec["package_seq"]))
        if row is None or row.digest != rec["sha256"]:
            self.fail("ack_mismatch", f"ack for package {rec['package_seq']} does not match "
                      "our export log", f"县级确认的第 {rec['package_seq']} 号包与本乡镇导出记录不符")
        if row.acknowledged_at is None:
            row.acknowledged_at, row.ack_return_seq = utcnow(), self.seq

    # feedback -----------------------------------------------------------------------
    def feedback(self, rec: dict[str, Any]) -> None:
        s = self.s
        task = s.scalar(select(RequestedItem).where(RequestedItem.uuid == rec["task_uuid"]))
        if task is None:
            self.fail("unknown_task", f"task {rec['task_uuid']} not found",
                      "返回包中的反馈对应的事项在本乡镇不存在")
        if task.task_status in vocab.FINAL_TASK_STATUSES:
            self.skipped.append(f"feedback {rec['task_uuid']}: already {task.task_status}")
            return
        result, text = rec["result"], rec["result_text"].strip()
        result_on = _date(rec["result_on"])
        if result_on is None:  # (the schema requires it)
            self.fail("feedback_invalid", f"task {rec['task_uuid']}: result_on missing",
                      "返回包中的部门反馈缺少反馈时间")
        p_from, p_to = _date(rec["period_from"]), _date(rec["period_to"])
        problems: list[str] = []
        if result in (TaskStatus.REFUSED, TaskStatus.RETURNED) and not text:
            problems.append("result_text required")
        if result != TaskStatus.DONE and rec["amount_fen"]:
            problems.append("amount only with done")
        if p_from and p_to and p_to < p_from:
            problems.append("period_to before period_from")
        status = task.task_status
        new: str | None
        try:
            if status == TaskStatus.REFERRED and rec["signed_by"].strip():
                status = rules.next_status(status, "sign")
                signed_on = _date(rec["signed_on"]) or result_on
                if task.referred_on and signed_on < task.referred_on:
                    problems.append("signed_on before referral")
                task.signed_by, task.signed_on = rec["signed_by"].strip(), signed_on
            new = rules.next_status(status, result)
        except ValidationError as exc:
            problems.append(str(exc))
            new = status
        if task.referred_on and result_on < task.referred_on:
            problems.append("result_on before referral")
        if problems:
            self.fail("feedback_invalid", f"task {rec['task_uuid']}: {'; '.join(problems)}",
                      "返回包中的部门反馈不能登记：" + "；".join(problems))
        old = task.task_status
        task.task_status, task.result_on, task.result_text = new, result_on, text
        task.amount_fen = rec["amount_fen"] if new == TaskStatus.DONE else None
        task.period_from, task.period_to = (p_from, p_to) if new == TaskStatus.DONE else (None, None)
        task.result_by_id = self.actor.staff_id
        if new == TaskStatus.DONE:
            task.review_class = task.review_class or ("B" if task.item_code == "DIBAO" else "")
            months = self.ctx.get_setting(s, "review_months")
            task.next_review_on = rules.next_review(task.item_code, task.review_class,
                                                    result_on, months)
        record_event(s, "task.feedback", actor_id=self.actor.staff_id,
                     application_id=task.application_id, task_id=task.id, item=task.item_code,
                     result=result, result_on=result_on.isoformat(), text=text,
                     amount_fen=task.amount_fen, changes={"task_status": [old, new]},
                     department=rec["department"], return_package=self.seq,
                     **({"signed_by": rec["signed_by"].strip()} if rec["signed_by"].strip() else {}),
                     **auth.event_actor(self.actor))
        s.flush()
        if self.svc.handling is not None:
            self.svc.handling._close_if_done(s, task.application, self.actor.staff_id, self.today)
        self.applications.add(task.application_id)

    # settings updates ----------------------------------------------------------------
    def _put(self, key: str, value: Any) -> None:
        try:
            clean = validate_setting(key, value)
        except ValidationError as exc:
            self.fail("update_invalid", f"{key}: {exc}", f"返回包中的更新无效（{key}）：{exc}")
        old = self.ctx.get_setting(self.s, key)
        if old == clean:
            return
        self.ctx.put_setting(self.s, key, clean, self.actor.staff_id)
        record_event(self.s, "settings.change", actor_id=self.actor.staff_id, key=key, old=old,
                     new=clean, return_package=self.seq, **auth.event_actor(self.actor))
        self.settings_changed = True

    def catalogue(self, rec: dict[str, Any]) -> None:
        from ...catalog import CatalogError, parse_catalog
        try:
            parse_catalog(rec["document"], "county return package")
        except CatalogError as exc:
            self.fail("update_invalid", f"catalogue: {str(exc).splitlines()[0]}",
                      "返回包中的事项目录无效")
        old = self.ctx.get_setting(self.s, "county_catalog")
        if old != rec["document"]:
            self.ctx.put_setting(self.s, "county_catalog", rec["document"], self.actor.staff_id)
            record_event(self.s, "settings.change", actor_id=self.actor.staff_id,
                         key="county_catalog", old=(old or {}).get("version"),
                         new=rec["version"], return_package=self.seq,
                         **auth.event_actor(self.actor))
            self.settings_changed = True

    def standards(self, recs: list[dict[str, Any]]) -> int:
        if not recs:
            return 0
        merged = {e["effective_from"]: e for e in self.ctx.get_setting(self.s, "standards") or []}
        for rec in recs:
            merged[rec["effective_from"]] = {**rec["entry"], "effective_from": rec["effective_from"]}
        self._put("standards", [merged[k] for k in sorted(merged)])
        return len(recs)

    def holiday_years(self, recs: list[dict[str, Any]]) -> int:
        if not recs:
            return 0
        years = dict(self.ctx.get_setting(self.s, "holiday_years") or {})
        for rec in recs:
            years[str(rec["year"])] = {"holidays": sorted(rec["holidays"]),
                                       "workdays": sorted(rec["workdays"])}
        self._put("holiday_years", years)
        return len(recs)

    def village(self, rec: dict[str, Any]) -> None:
        if rec["code"][:9] != self.code[:9]:
            self.fail("update_invalid", f"village {rec['code']} is not in township {self.code}",
                      f"村（居）委会代码 {rec['code']} 不属于本乡镇")
        v = self.s.scalar(select(Village).where(Village.code == rec["code"]))
        new = dict(name=rec["name"], valid_from=_date(rec["valid_from"]),
                   valid_to=_date(rec["valid_to"]))
        if v is None:
            self.s.add(Village(code=rec["code"], **new))
        else:
            old = dict(name=v.name, valid_from=v.valid_from, valid_to=v.valid_to)
            if old == new:
                return
            v.name, v.valid_from, v.valid_to = new["name"], new["valid_from"], new["valid_to"]
        record_event(self.s, "settings.change", actor_id=self.actor.staff_id,
                     key="village", code=rec["code"], new=rec, return_package=self.seq,
                     **auth.event_actor(self.actor))
        self.settings_changed = True


__all__ = ["Cancelled", "ExportLogRow", "ExportResult", "ExportsPaused", "ImportResult",
           "PackageError", "SyncService", "SyncStatus"]
