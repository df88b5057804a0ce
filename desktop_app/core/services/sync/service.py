"""The township's sync use cases (Qt-free): export packages to the county, re-export one
from the log, import county return packages, manage keys (docs/sync-format.md).

``Services.sync`` is a :class:`SyncService`. Long operations take ``progress(stage,
done, total)`` and a ``threading.Event`` to cancel; a cancelled export leaves no file
and no log entry. Errors are :class:`PackageError` (one line, Chinese / English),
``FileFault`` (a write fault, one Chinese line) or ``ExportsPaused`` after a restore.

An export is a two-phase commit that survives a kill at any instruction (kept encrypted
copy + record + ``prepared`` log row, then the final name in the chosen folder and
``delivered``; :meth:`SyncService.recover` reconciles after a crash; docs/sync-format.md
§8a); :meth:`SyncService.doctor` explains the state in Chinese.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import shutil
import tempfile
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from sqlalchemy import func, select, text
from sqlalchemy.engine.interfaces import DBAPIConnection
from sqlalchemy.orm import Session

from sync_contract import envelope as env
from sync_contract.envelope import COUNTY_RETURN, TOWNSHIP_EXPORT, Cancelled, PackageError, Progress
from sync_contract.faults import fault
from sync_contract.keys import COUNTY_FILE, KeyStore, PublicKeys, short_fingerprint, write_secret
from sync_contract.seqs import seq_range

from ... import vocab
from ...errors import ValidationError, ValidationErrors
from ...models import (
    RequestedItem,
    SyncExport,
    SyncImport,
    TaskStage,
    Township,
    Village,
    utcnow,
)
from ...rules import handling as rules
from ...rules.settings import validate_setting
from ...vocab import TaskStatus
from .. import auth
from ..auth import ActorRef
from ..backups import ExportsPaused
from ..context import Changes, Outcome, ServiceContext
from ..dynamic.schedule import initial_schedule
from ..events import record_event
from ..handling.dependents import release_dependents
from ..handling.stage_types import StageInput
from . import county_keys
from . import doctor as _doctor
from . import export as exp
from .county_keys import CountyKeysPreview
from .doctor import DoctorReport
from .kept import (
    KeptRecord,
    KeptStore,
    copy_part,
    crash_point,
    finish_part,
    manifest_of_zip,
    sha256_file,
    sweep_parts,
    verify_zip_members,
)

if TYPE_CHECKING:
    from ..handling import HandlingService


#: Export-log states (docs/sync-format.md §8a).
PREPARED, DELIVERED = "prepared", "delivered"


def _unlink_quiet(path: Path | None) -> None:
    if path is not None:
        with contextlib.suppress(OSError):
            path.unlink()


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
    #: packages copied again first because their earlier copy never completed
    reoffered: tuple[int, ...] = ()
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
    state: str = DELIVERED
    package_sha256: str | None = None
    package_bytes: int | None = None
    delivered_at: datetime | None = None
    out_dir: str | None = None


@dataclass
class RecoveryReport:
    """What :meth:`SyncService.recover` found and did."""

    swept: int = 0                                         # temporary files removed
    removed_unfinished: list[int] = field(default_factory=list)   # kept copies never committed
    adopted: list[int] = field(default_factory=list)       # log rows rebuilt from records
    converted: list[int] = field(default_factory=list)     # legacy inner ZIPs encrypted
    undelivered: list[int] = field(default_factory=list)   # to copy again ("prepared")
    counter_raised_to: int = 0                             # change counter moved past sent

    @property
    def changes(self) -> Changes:
        return Changes(exports=bool(self.adopted or self.converted or self.undelivered))


@dataclass(frozen=True)
class ImportResult:
    package_seq: int
    digest: str
    already_applied: bool
    counts: dict[str, int]
    applied: dict[str, int] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    changes: Changes = field(default_factory=Changes)
    #: What the clerk must know (Chinese), e.g. the county holds a package this log lacks.
    notices: list[str] = field(default_factory=list)

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
    pending_changes: int                 # changes not yet exported (sync bookkeeping excluded)
    undelivered: tuple[int, ...] = ()    # packages the next export copies again


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
        try:
            return self.kept.work_dir()
        except OSError as exc:  # reading a package needs a private folder to decrypt into
            raise fault(exc, self.kept.tmp, "import", outcome="nothing_changed") from None

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
        try:
            keys = self.keys.ensure()
        except OSError as exc:  # the data folder's keys/ cannot be written
            raise fault(exc, self.keys.folder, "keys") from None
        return keys.public_keys("township", code, name)

    def export_public_keys(self, path: Path) -> PublicKeys:
        pub = self.township_keys()
        try:
            pub.write(Path(path))
        except OSError as exc:  # a full or write-protected stick: one sentence
            raise fault(exc, Path(path).parent, "keys") from None
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
            if expect_fingerprint is not None and new.key_set_fingerprint != expect_fingerprint:
                raise ValidationError(county_keys.FIELD, "changed", key="county_keys.changed")
            old = seen.previous
            record_event(s, "settings.change", actor_id=actor.staff_id, key="county_keys",
                         old=old.key_set_fingerprint if old else None,
                         new=new.key_set_fingerprint,
                         old_signing=old.fingerprint if old else None, new_signing=new.fingerprint,
                         old_recipients=list(old.age_recipients) if old else None,
                         new_recipients=list(new.age_recipients),
                         county_code=seen.county_code, replaced=seen.replaces,
                         **auth.event_actor(actor))
            # Last: a failed write rolls the event back; the file is replaced atomically.
            try:
                write_secret(self.keys.folder / COUNTY_FILE,
                             (json.dumps(new.to_json(), ensure_ascii=False, indent=2) + "\n")
                             .encode("utf-8"))
            except OSError as exc:
                raise fault(exc, self.keys.folder, "keys") from None
        return Outcome(new, Changes(exports=True))

    def status(self) -> SyncStatus:
        ks = self.keys
        with self.ctx.db.read() as s:
            paused = self.ctx.get_setting(s, "exports_paused")
            last = s.scalar(select(SyncExport).order_by(SyncExport.package_seq.desc()).limit(1))
            raw = _dbapi(s)
            counter = exp.change_counter(raw)
            _, last_to = self._last_exported(s)
            pending = exp.count_real_changes(raw, last_to + 1, counter)
        county = None
        try:
            county = ks.county()
        except PackageError:
            county = None
        return SyncStatus(ks.fingerprint if ks.exists() else None, county, paused,
                          self._row(last) if last else None, pending,
                          tuple(self.undelivered()))

    @staticmethod
    def short(fp: str) -> str:
        return short_fingerprint(fp)

    # -- export log --------------------------------------------------------------------
    @staticmethod
    def _row(r: SyncExport) -> ExportLogRow:
        return ExportLogRow(r.package_seq, r.created_at, json.loads(r.counts), r.records,
                            r.digest, r.change_seq_from, r.change_seq_to, r.file_name,
                            r.acknowledged_at, r.state or DELIVERED, r.package_sha256,
                            r.package_bytes, r.delivered_at, r.out_dir)

    def log(self) -> list[ExportLogRow]:
        with self.ctx.db.read() as s:
            rows = s.scalars(select(SyncExport).order_by(SyncExport.package_seq.desc())).all()
            return [self._row(r) for r in rows]

    # -- the kept copies and the two-phase export (docs/sync-format.md §8a) ---------------
    @property
    def kept(self) -> KeptStore:
        return KeptStore(self.folder)

    def _last_exported(self, s: Session) -> tuple[int, int]:
        """(last package_seq, last change_seq_to) from the log *and* the kept records and
        legacy inner ZIPs (a crash or a restore may leave a package the log lacks; the
        next export adopts it, see :meth:`recover`)."""
        row = s.execute(select(func.max(SyncExport.package_seq),
                               func.max(SyncExport.change_seq_to))).one()
        seq, to = int(row[0] or 0), int(row[1] or 0)
        kept = self.kept
        for n, rec in sorted(kept.records(after=seq).items()):
            if rec is not None and n > seq:
                seq, to = n, max(to, rec.change_seq_to)
        for n, path in kept.files("zip").items():
            if n <= seq:
                continue
            found = manifest_of_zip(path)
            if found and found[0].get("kind") == TOWNSHIP_EXPORT:
                seq = max(seq, int(found[0]["package_seq"]))
                to = max(to, int(found[0].get("change_seq_to") or 0))
        return seq, to

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

    def _code_or_none(self) -> str | None:
        with self.ctx.db.read() as s:
            code: str | None = s.scalar(select(Township.code).limit(1))
        return code or None

    def recover(self, by: ActorRef | None = None) -> RecoveryReport:
        """Reconcile the export log with the kept copies after a crash (run at start-up
        and before every export; idempotent):

        * temporary files a crash left (``sync/tmp/``, ``sent/*.part``) are removed;
        * a kept ``.twpkg`` without its record (phase one never finished, the package
          never left this PC) is removed;
        * a record without a log row (killed between the record and the log commit, or a
          log restored from an older backup) is adopted into the log as ``prepared``;
        * a plaintext inner ZIP of an earlier version is encrypted into a kept
          ``.twpkg`` (verified first) and removed; one the log lacks is adopted;
        * every ``prepared`` package is reported: the next export copies it again
          ("第 N 号包未完成写出，已重新生成，请交给县级").
        """
        code = self._code_or_none()
        report = RecoveryReport()
        if code is None:
            return report
        kept = self.kept
        report.swept = len(kept.sweep())
        with self.ctx.db.read() as s:
            rows = {r.package_seq: self._row(r) for r in s.scalars(select(SyncExport))}
        records = kept.records()
        for seq, path in sorted(kept.files("twpkg").items()):
            if seq not in records and seq not in rows:
                _unlink_quiet(path)
                report.removed_unfinished.append(seq)
        adopt: list[KeptRecord] = [rec for seq, rec in sorted(records.items())
                                   if rec is not None and seq not in rows]
        for seq, path in sorted(kept.files("zip").items()):
            done = rows.get(seq)
            if done is not None and done.package_sha256 is not None:
                # converted before (killed before the plaintext was removed): keep the
                # kept .twpkg as it is (it may have been handed over already)
                if (kept.package(code, seq).exists()
                        and sha256_file(kept.package(code, seq))[0] == done.package_sha256):
                    _unlink_quiet(path)
                continue
            converted = self._convert_legacy(code, seq, path, done)
            if converted is None:
                continue
            if seq in rows:
                with self.ctx.db.transaction() as s:
                    r = s.scalar(select(SyncExport).where(SyncExport.package_seq == seq))
                    if r is not None:
                        r.package_sha256, r.package_bytes = (converted.package_sha256,
                                                             converted.package_bytes)
                report.converted.append(seq)
            elif all(a.package_seq != seq for a in adopt):
                adopt.append(converted)
                report.converted.append(seq)
            _unlink_quiet(path)
        if adopt:
            staff_id = None
            with self.ctx.db.transaction() as s:
                if by is not None:
                    actor, _ = auth.resolve(s, by)
                    staff_id = actor.staff_id
                for rec in sorted(adopt, key=lambda r: r.package_seq):
                    s.add(SyncExport(
                        package_seq=rec.package_seq, manifest_created=rec.manifest_created,
                        change_seq_from=rec.change_seq_from, change_seq_to=rec.change_seq_to,
                        counts=json.dumps(rec.counts, sort_keys=True),
                        records=sum(rec.counts.values()), digest=rec.digest,
                        file_name=rec.file_name, by_id=staff_id, state=PREPARED,
                        package_sha256=rec.package_sha256, package_bytes=rec.package_bytes))
                    record_event(s, "export", actor_id=staff_id, package_seq=rec.package_seq,
                                 digest=rec.digest, change_seq=[rec.change_seq_from,
                                                                rec.change_seq_to],
                                 counts=rec.counts, recovered=True)
                    report.adopted.append(rec.package_seq)
        report.counter_raised_to = self._raise_counter()
        with self.ctx.db.read() as s:
            report.undelivered = list(s.scalars(
                select(SyncExport.package_seq).where(SyncExport.state == PREPARED)
                .order_by(SyncExport.package_seq)))
        return report

    def _ensure_county_not_ahead(self, s: Session, last_seq: int) -> None:
        """The county holds a package above this log (an acknowledgement said so): a new
        package with a number it already has would be refused there, so exports wait
        (``county_ahead``) until an administrator and the county sort it out."""
        holds = self.ctx.get_setting(s, "county_holds") or {}
        n = int(holds.get("package_seq", 0))
        if n > last_seq:
            raise PackageError(
                "county_ahead", f"the county holds package {n}; this export log ends at {last_seq}",
                zh=f"县级已收到第 {n} 号同步包，但本机的导出记录只到第 {last_seq} 号（是否恢复了较早的备份"
                   "或换了电脑？）。为免县级拒收，暂不导出：请与县级联系核对")

    def _raise_counter(self) -> int:
        """The change counter never below the changes already packaged (export-log rows
        and kept records): a restore of an older database — with no pre-restore copy to
        carry the counter forward, e.g. a damaged one — would otherwise number new changes
        inside a range already sent, and they would never be exported. Returns the new
        value when it was raised, else 0."""
        top = self.kept.highest_change_seq()
        with self.ctx.db.transaction() as s:
            logged = s.scalar(select(func.max(SyncExport.change_seq_to))) or 0
            top = max(top, int(logged))
            result = s.execute(text("UPDATE change_counter SET value = :v "
                                    "WHERE id = 1 AND value < :v"), {"v": top})
            moved = int(getattr(result, "rowcount", 0) or 0)
        return top if moved else 0

    def _convert_legacy(self, code: str, seq: int, path: Path,
                        row: ExportLogRow | None) -> KeptRecord | None:
        """A verified legacy inner ZIP encrypted into a kept ``.twpkg`` + record."""
        found = manifest_of_zip(path)
        if found is None or not verify_zip_members(path):
            return None
        man, mbytes = found
        digest = hashlib.sha256(mbytes).hexdigest()
        if (man.get("kind") != TOWNSHIP_EXPORT or int(man.get("package_seq", -1)) != seq
                or (row is not None and row.digest != digest)):
            return None
        try:
            recipients = self._county_recipients()
        except PackageError:
            return None
        kept = self.kept
        target = kept.package(code, seq)
        try:
            env.encrypt_inner(path, target, recipients)
            sha, size = sha256_file(target)
            rec = KeptRecord(seq, env.package_name(code, seq), digest, sha, size,
                             int(man["change_seq_from"]), int(man["change_seq_to"]),
                             {str(k): int(v) for k, v in man["counts"].items()},
                             str(man["created_at"]))
            kept.write_record(code, rec)
        except (OSError, PackageError):
            _unlink_quiet(target)
            return None
        return rec

    def undelivered(self) -> list[int]:
        """Packages made and logged whose copy in the chosen folder is not known to be
        complete (the next export copies them again). Cheap."""
        with self.ctx.db.read() as s:
            seqs = set(s.scalars(select(SyncExport.package_seq)
                                 .where(SyncExport.state == PREPARED)))
            last = s.scalar(select(func.max(SyncExport.package_seq))) or 0
        # committed packages the log lacks (adopted by the next recovery)
        seqs |= {n for n, rec in self.kept.records(after=last).items() if rec}
        return sorted(seqs)

    @staticmethod
    def undelivered_message(seqs: Iterable[int]) -> str:
        """The clerk's line for packages re-offered after an unfinished export."""
        return "；".join(f"第 {n} 号包未完成写出，已重新生成，请交给县级" for n in seqs)

    def _verify_kept(self, code: str, row: SyncExport | ExportLogRow) -> Path:
        """The kept ``.twpkg`` of ``row``, checked against the log's SHA-256; a clear
        :class:`PackageError` when it is missing or damaged."""
        n = row.package_seq
        path = self.kept.package(code, n)
        if row.state == PREPARED:   # never written out completely: the county is asked
            todo = (f"请向县级核实是否收到第 {n} 号包，再由管理员处理（desktop-app sync-settle {n} "
                    "--county-has yes 或 no）")
        else:
            todo = "请运行“同步检查”；县级如仍需要此包，请与县级联系"
        if not path.exists():
            raise PackageError(
                "kept_missing", f"the kept copy of package {n} ({path.name}) is missing",
                zh=f"第 {n} 号包在导出记录中，但本机留存的副本（{path.name}）已缺失，不能重新导出；{todo}")
        try:
            sha, size = sha256_file(path)
        except OSError as exc:
            raise fault(exc, path.parent, "export", outcome="nothing_changed") from None
        if sha != row.package_sha256 or (row.package_bytes is not None
                                         and size != row.package_bytes):
            raise PackageError(
                "kept_damaged", f"the kept copy of package {n} differs from the export log",
                zh=f"第 {n} 号包的留存副本已损坏（校验值与导出记录不符），不能重新导出；{todo}")
        return path

    def _deliver(self, code: str, seq: int, out_dir: Path, actor: auth.Actor, *,
                 progress: Progress | None, cancel: threading.Event | None,
                 event: dict[str, Any] | None = None) -> Path:
        """Copy the kept package ``seq`` into ``out_dir`` (temporary + fsync + rename +
        folder fsync) and mark its log row delivered."""
        with self.ctx.db.read() as s:
            row = s.scalar(select(SyncExport).where(SyncExport.package_seq == seq))
            if row is None:
                raise PackageError("io_error", f"package {seq} is not in the export log",
                                   zh=f"导出记录中没有第 {seq} 号包")
            info = self._row(row)
        src = self._verify_kept(code, info)
        final = out_dir / info.file_name
        try:
            part = copy_part(src, final, progress=progress, cancel=cancel)
        except OSError as exc:
            raise fault(exc, out_dir, "export") from None
        crash_point("usb_part_written")
        _rename_into_place(part, final, out_dir)
        with self.ctx.db.transaction() as s:
            r = s.scalar(select(SyncExport).where(SyncExport.package_seq == seq))
            assert r is not None
            if r.state != DELIVERED:
                r.state, r.delivered_at = DELIVERED, utcnow()
            r.out_dir = str(out_dir)
            if event is not None:
                record_event(s, "export", actor_id=actor.staff_id, package_seq=seq,
                             digest=info.digest, **event, **auth.event_actor(actor))
        return final

    def doctor(self, by: ActorRef, *, fix: bool = True, out_dir: Path | None = None,
               progress: Progress | None = None,
               cancel: threading.Event | None = None) -> DoctorReport:
        """同步检查: the sync state explained in Chinese, safe fixes applied (see
        :mod:`.doctor`)."""
        if not self._lock.acquire(blocking=False):
            raise PackageError("io_error", "an export is running", zh="另一个导出正在进行")
        try:
            return _doctor.run(self, by, fix=fix, out_dir=out_dir, progress=progress,
                               cancel=cancel)
        finally:
            self._lock.release()

    # -- export ------------------------------------------------------------------------
    def has_changes(self) -> bool:
        """Anything worth a package (a cheap read; the sync screen asks before the clerk
        chooses a folder): a real change since the last package, or a package to
        re-offer."""
        return self.status().pending_changes > 0 or bool(self.undelivered())

    def export(self, out_dir: Path, by: ActorRef, *, progress: Progress | None = None,
               cancel: threading.Event | None = None) -> ExportResult | None:
        """Export everything changed since the last package into ``out_dir`` — after
        copying there again every package whose earlier copy never completed.

        Two phases (docs/sync-format.md §8a): the package is built and encrypted into
        the data folder, copied into ``out_dir`` under a temporary name and fsync'd,
        then its record and its log row are committed, then it is renamed to its final
        name and marked delivered. A kill at any point loses nothing: :meth:`recover`
        finishes or removes the half-done part. ``None`` when there is nothing to export
        and nothing to re-offer (:attr:`NOTHING_TO_EXPORT`)."""
        started = time.perf_counter()
        out_dir = Path(out_dir)
        if not self._lock.acquire(blocking=False):
            raise PackageError("io_error", "another export is running", zh="另一个导出正在进行")
        try:
            self._ensure_allowed()
            with self.ctx.db.read() as s:
                actor, _ = auth.require(s, by, auth.SYNC)
                code = self._township_code(s)
            recipients = self._county_recipients()
            try:
                ks = self.keys.ensure()
            except OSError as exc:
                raise fault(exc, self.keys.folder, "keys") from None
            if not out_dir.is_dir():
                raise fault(FileNotFoundError(errno.ENOENT, "missing"), out_dir, "export")
            recovered = self.recover(actor)
            sweep_parts(out_dir, lambda n: n.startswith(f"{code}-") and n.endswith(".twpkg"))
            reoffered: list[tuple[int, Path]] = []
            for seq in recovered.undelivered:
                path = self._deliver(code, seq, out_dir, actor, progress=progress,
                                     cancel=cancel, event={"reoffered": True})
                reoffered.append((seq, path))
            made = self._export_new(code, out_dir, actor, ks, recipients,
                                    progress=progress, cancel=cancel)
            notes = tuple(seq for seq, _ in reoffered)
            if made is None:
                if not reoffered:
                    return None
                seq, path = reoffered[-1]
                with self.ctx.db.read() as s:
                    row = s.scalar(select(SyncExport).where(SyncExport.package_seq == seq))
                    assert row is not None
                    info = self._row(row)
                return ExportResult(seq, path, info.digest, info.counts, info.change_seq_from,
                                    info.change_seq_to, time.perf_counter() - started,
                                    reexport=True, reoffered=notes)
            return ExportResult(made.package_seq, made.path, made.digest, made.counts,
                                made.change_seq_from, made.change_seq_to,
                                time.perf_counter() - started, reoffered=notes)
        finally:
            self._lock.release()

    def _export_new(self, code: str, out_dir: Path, actor: auth.Actor, ks: KeyStore,
                    recipients: list[str], *, progress: Progress | None,
                    cancel: threading.Event | None) -> ExportResult | None:
        kept = self.kept
        with self.ctx.db.read() as s:
            raw = _dbapi(s)   # one snapshot from here
            last_seq, last_to = self._last_exported(s)
            self._ensure_county_not_ahead(s, last_seq)
            hi = exp.change_counter(raw)
            lo = last_to + 1
            if hi < lo or exp.count_real_changes(raw, lo, hi) == 0:
                return None
            seq = last_seq + 1
            name = env.package_name(code, seq)
            package = kept.package(code, seq)
            built = self._build_kept(raw, code, seq, lo, hi, ks, recipients,
                                     progress=progress, cancel=cancel)
        crash_point("kept_written")
        final = out_dir / name
        part: Path | None = None
        committed = False  # the log row is durable: nothing of this package is removed
        try:
            sha, size = sha256_file(package)
            try:
                part = copy_part(package, final, progress=progress, cancel=cancel)
            except OSError as exc:
                raise fault(exc, out_dir, "export") from None
            crash_point("usb_part_written")
            rec = KeptRecord(seq, name, built.digest, sha, size, lo, hi, dict(built.counts),
                             str(built.manifest["created_at"]))
            try:
                kept.write_record(code, rec)          # the commit point of phase one
            except OSError as exc:
                raise fault(exc, kept.sent, "export") from None
            crash_point("recorded")
            try:
                with self.ctx.db.transaction() as s:
                    s.add(SyncExport(
                        package_seq=seq, manifest_created=built.manifest["created_at"],
                        change_seq_from=lo, change_seq_to=hi,
                        counts=json.dumps(built.counts, sort_keys=True),
                        records=sum(built.counts.values()), digest=built.digest,
                        file_name=name, by_id=actor.staff_id, state=PREPARED,
                        package_sha256=sha, package_bytes=size, out_dir=str(out_dir)))
                    record_event(s, "export", actor_id=actor.staff_id, package_seq=seq,
                                 digest=built.digest, change_seq=[lo, hi], counts=built.counts,
                                 **auth.event_actor(actor))
                committed = True
            except BaseException:
                if not committed:  # (a Ctrl+C after the commit keeps what is logged)
                    _unlink_quiet(kept.record_path(code, seq))
                raise
        except BaseException:
            if not committed:
                _unlink_quiet(part)
                _unlink_quiet(package)
            raise
        crash_point("logged")
        _rename_into_place(part, final, out_dir)  # failing: logged as prepared, offered again
        with self.ctx.db.transaction() as s:
            r = s.scalar(select(SyncExport).where(SyncExport.package_seq == seq))
            assert r is not None
            r.state, r.delivered_at = DELIVERED, utcnow()
        crash_point("delivered")
        return ExportResult(seq, final, built.digest, built.counts, lo, hi, 0.0)

    def _build_kept(self, raw: DBAPIConnection, code: str, seq: int, lo: int, hi: int,
                    ks: KeyStore, recipients: list[str], *, progress: Progress | None,
                    cancel: threading.Event | None, again: bool = False) -> env.BuiltPackage:
        """Package ``seq`` of the changes ``lo``–``hi`` (read from the snapshot ``raw``),
        encrypted into the kept copy ``sent/<code>-<seq>.twpkg``; the plaintext only in a
        private temporary folder, removed whatever happens."""
        kept = self.kept
        counts = exp.count_changes(raw, lo, hi)
        manifest = {"kind": TOWNSHIP_EXPORT, "township_code": code,
                    "device_id": ks.device_id, "package_seq": seq,
                    "change_seq_from": lo, "change_seq_to": hi,
                    # made again later (settle): the head its own events end at
                    "audit_head": exp.audit_head_within(raw, hi) if again else exp.audit_head(raw)}
        members: dict[str, Iterable[Any]] = {
            t: exp.guard_text(t, exp.iter_records(raw, t, lo, hi))
            for t in env.TYPES[TOWNSHIP_EXPORT]}
        package = kept.package(code, seq)
        try:
            work = Path(tempfile.mkdtemp(prefix="export-", dir=kept.work_dir()))
        except OSError as exc:
            raise fault(exc, kept.tmp, "export") from None
        try:
            inner = work / "inner.zip"
            built = env.write_inner(inner, members, manifest, ks.signing_key,
                                    work_dir=work, progress=progress, cancel=cancel,
                                    expected_total=sum(counts.values()))
            kept.sent.mkdir(parents=True, exist_ok=True)
            env.encrypt_inner(inner, package, recipients, progress=progress, cancel=cancel)
        except OSError as exc:
            _unlink_quiet(package)
            raise fault(exc, kept.sent.parent, "export") from None
        except BaseException:
            _unlink_quiet(package)
            raise
        finally:
            shutil.rmtree(work, ignore_errors=True)
        return built

    def settle_undelivered(self, package_seq: int, county_has: bool, by: ActorRef, *,
                           progress: Progress | None = None,
                           cancel: threading.Event | None = None) -> Outcome[int]:
        """An undelivered package whose kept copy is missing or damaged (an antivirus, a
        disk error, someone tidying ``sync/sent``) would stop every later export. An
        administrator asks the county and settles it:

        * ``county_has``: the county received package N — it is marked delivered;
        * otherwise package N is made again from the same change range (the records as
          they are now; the audit events are unchanged) into a new kept copy, and the next
          export writes it out — the county never had the old one, so no two different
          packages N reach it.

        Refused for a package that is delivered or whose kept copy is fine (nothing to
        settle). Audited (``export.settled``)."""
        with self.ctx.db.read() as s:
            actor, _ = auth.require(s, by, auth.KEYS)
            code = self._township_code(s)
            row = s.scalar(select(SyncExport).where(SyncExport.package_seq == package_seq))
            info = self._row(row) if row is not None else None
        if info is None or info.state != PREPARED:
            raise PackageError("io_error", f"package {package_seq} is not waiting to be written",
                               zh=f"第 {package_seq} 号包不是“未完成写出”的包，无需处理")
        try:
            self._verify_kept(code, info)
        except PackageError as exc:
            if exc.reason not in ("kept_missing", "kept_damaged"):
                raise
        else:
            raise PackageError("io_error", f"the kept copy of package {package_seq} is fine",
                               zh=f"第 {package_seq} 号包的留存副本完好，下次导出会重新写出，无需处理")
        if not self._lock.acquire(blocking=False):
            raise PackageError("io_error", "an export is running", zh="另一个导出正在进行")
        try:
            if county_has:
                with self.ctx.db.transaction() as s:
                    r = s.scalar(select(SyncExport).where(SyncExport.package_seq == package_seq))
                    assert r is not None
                    r.state, r.delivered_at = DELIVERED, utcnow()
                    record_event(s, "export.settled", actor_id=actor.staff_id,
                                 package_seq=package_seq, county_has=True,
                                 **auth.event_actor(actor))
                return Outcome(package_seq, Changes(exports=True))
            ks = self.keys.ensure()
            recipients = self._county_recipients()
            kept = self.kept
            for stale in (kept.package(code, package_seq), kept.record_path(code, package_seq)):
                _unlink_quiet(stale)
            with self.ctx.db.read() as s:
                built = self._build_kept(_dbapi(s), code, package_seq, info.change_seq_from,
                                         info.change_seq_to, ks, recipients,
                                         progress=progress, cancel=cancel, again=True)
            package = kept.package(code, package_seq)
            sha, size = sha256_file(package)
            rec = KeptRecord(package_seq, info.file_name, built.digest, sha, size,
                             info.change_seq_from, info.change_seq_to, dict(built.counts),
                             str(built.manifest["created_at"]))
            try:
                kept.write_record(code, rec)
                with self.ctx.db.transaction() as s:
                    r = s.scalar(select(SyncExport).where(SyncExport.package_seq == package_seq))
                    assert r is not None
                    r.digest, r.package_sha256, r.package_bytes = built.digest, sha, size
                    r.manifest_created = built.manifest["created_at"]
                    r.counts = json.dumps(built.counts, sort_keys=True)
                    r.records = sum(built.counts.values())
                    record_event(s, "export.settled", actor_id=actor.staff_id,
                                 package_seq=package_seq, county_has=False, digest=built.digest,
                                 **auth.event_actor(actor))
            except OSError as exc:
                raise fault(exc, kept.sent, "export") from None
            return Outcome(package_seq, Changes(exports=True))
        finally:
            self._lock.release()

    def reexport(self, package_seq: int, out_dir: Path, by: ActorRef, *,
                 progress: Progress | None = None,
                 cancel: threading.Event | None = None) -> ExportResult:
        """Produce package ``package_seq`` again: the kept encrypted package, checked
        against the export log's SHA-256 and copied byte for byte (a package from before
        the two-phase export: its kept inner ZIP, checked member by member, encrypted
        afresh). Missing or damaged: a clear :class:`PackageError` saying what to do."""
        started = time.perf_counter()
        out_dir = Path(out_dir)
        self._ensure_allowed()
        with self.ctx.db.read() as s:
            actor, _ = auth.require(s, by, auth.SYNC)
            code = self._township_code(s)
            row = s.scalar(select(SyncExport).where(SyncExport.package_seq == package_seq))
            info = self._row(row) if row is not None else None
        if info is None:
            raise PackageError("io_error", f"package {package_seq} is not in the export log",
                               zh=f"导出记录中没有第 {package_seq} 号包")
        if not out_dir.is_dir():
            raise fault(FileNotFoundError(errno.ENOENT, "missing"), out_dir, "export")
        if info.package_sha256 is not None:
            path = self._deliver(code, package_seq, out_dir, actor, progress=progress,
                                 cancel=cancel, event={"reexport": True})
        else:
            path = self._reexport_legacy(code, info, out_dir, actor, progress=progress,
                                         cancel=cancel)
        return ExportResult(package_seq, path, info.digest, dict(info.counts),
                            info.change_seq_from, info.change_seq_to,
                            time.perf_counter() - started, reexport=True)

    def _reexport_legacy(self, code: str, info: ExportLogRow, out_dir: Path,
                         actor: auth.Actor, *, progress: Progress | None,
                         cancel: threading.Event | None) -> Path:
        n = info.package_seq
        inner = self.kept.legacy_inner(code, n)
        if not inner.exists():
            raise PackageError(
                "kept_missing", f"the kept copy of package {n} is missing",
                zh=f"第 {n} 号包在导出记录中，但本机留存的副本已缺失，不能重新导出；"
                   "请运行“同步检查”，如县级尚未收到此包请联系县级")
        found = manifest_of_zip(inner)
        if (found is None or hashlib.sha256(found[1]).hexdigest() != info.digest
                or not verify_zip_members(inner)):
            raise PackageError(
                "kept_damaged", f"the kept copy of package {n} differs from the export log",
                zh=f"第 {n} 号包的留存副本已损坏（校验值与导出记录不符），不能重新导出；"
                   "请运行“同步检查”，如县级尚未收到此包请联系县级")
        recipients = self._county_recipients()
        final = out_dir / info.file_name
        try:
            env.encrypt_inner(inner, final, recipients, progress=progress, cancel=cancel)
        except OSError as exc:
            raise fault(exc, out_dir, "export") from None
        with self.ctx.db.transaction() as s:
            record_event(s, "export", actor_id=actor.staff_id, package_seq=n,
                         digest=info.digest, reexport=True, **auth.event_actor(actor))
        return final

    # -- import (county return packages) ------------------------------------------------
    def import_package(self, path: Path, by: ActorRef) -> ImportResult:
        """Verify and apply a county return package in one transaction (or nothing).

        A county confirmation (format 3) is recorded as the task's ``county`` step by the
        stage service's own check-and-write (``record_stage`` inside this transaction);
        one it refuses — or one for a task this township does not have or has decided
        already — is named in the result's notices, the rest of the package applies."""
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
                                            or applier.applied["eligibility"]
                                            or applier.applied["holiday_year"]),
                                    exports=bool(applier.applied["ack"]) or bool(applier.notices),
                                    monitor=bool(applier.applied.get("warning"))),
                            applier.notices)


def _rename_into_place(part: Path, final: Path, out_dir: Path) -> None:
    """The complete, fsync'd copy takes its final name (the package is logged already); a
    fault removes the temporary copy and says so in one sentence."""
    try:
        finish_part(part, final)
    except OSError as exc:
        _unlink_quiet(part)
        raise fault(exc, out_dir, "export") from None
    crash_point("renamed")


def _dbapi(s: Session) -> DBAPIConnection:
    """The session's SQLite connection (its transaction's snapshot), for the export's SQL."""
    raw = s.connection().connection.dbapi_connection
    assert raw is not None  # (a checked-out connection has one)
    return raw


def _date(v: str | None) -> date | None:
    return date.fromisoformat(v) if v else None


def _decided(s: Session, task_id: int) -> bool:
    """The task has a 审核确认 result step (the county's, or the township's own) that no
    later row corrects."""
    rows = s.scalars(select(TaskStage).where(TaskStage.item_id == task_id)).all()
    replaced = {r.replaces_id for r in rows if r.replaces_id is not None}
    return any(r.stage in ("county", "decision") and r.id not in replaced for r in rows)


def _task_name(ctx: ServiceContext, task: RequestedItem) -> str:
    """"办件 N 的<item>" — how the clerk finds a task (no personal data)."""
    try:
        item = ctx.catalog.item(task.item_code).name
    except (KeyError, LookupError):
        item = task.item_code
    number = task.application.number if task.application is not None else None
    return f"办件 {number} 的{item}" if number else f"{item}事项"


class _Applier:
    """Applies one verified return package inside the caller's transaction."""

    def __init__(self, svc: SyncService, s: Session, actor: auth.Actor, code: str, seq: int) -> None:
        self.svc, self.s, self.actor, self.code, self.seq = svc, s, actor, code, seq
        self.ctx = svc.ctx
        self.applied: dict[str, int] = {}
        self.skipped: list[str] = []
        self.notices: list[str] = []
        self.applications: set[int] = set()
        self.settings_changed = False
        self.today = self.ctx.today()
        self.confirmed = 0          # county confirmations recorded

    def fail(self, reason: str, detail: str, zh: str) -> NoReturn:
        raise PackageError(reason, detail, zh=zh)

    def run(self, pkg: env.OpenedPackage) -> None:
        for type_, fn in (("ack", self.ack), ("feedback", self.feedback),
                          ("confirmation", self.confirmation),
                          ("warning", self.warning),   # issue 15 — monitor (format 4)
                          ("signer", self.signer),     # issue 17 — qrcheck (format 5)
                          ("voided_document", self.voided_document),
                          ("catalogue", self.catalogue), ("standards", None),
                          ("eligibility", None), ("village", self.village),
                          ("holiday_year", None)):
            n = 0
            if fn is not None and type_ in env.TYPES[COUNTY_RETURN]:  # (warning: format 4)
                for rec in pkg.iter_records(type_):
                    fn(rec)
                    n += 1
            # confirmations: those recorded (one not recorded is in notices / skipped)
            self.applied[type_] = self.confirmed if type_ == "confirmation" else n
        self.applied["standards"] = self.standards(list(pkg.iter_records("standards")))
        # a version-1 return has none (``iter_records`` yields nothing)
        self.applied["eligibility"] = self.eligibility(list(pkg.iter_records("eligibility")))
        self.applied["holiday_year"] = self.holiday_years(list(pkg.iter_records("holiday_year")))

    # acks ---------------------------------------------------------------------------
    def ack(self, rec: dict[str, Any]) -> None:
        n = rec["package_seq"]
        row = self.s.scalar(select(SyncExport).where(SyncExport.package_seq == n))
        if row is None:
            last = self.s.scalar(select(func.max(SyncExport.package_seq))) or 0
            if n > last:
                # The county — whose signature on this return for this township was
                # verified — holds package n, which this log never recorded: an older
                # backup restored, or another PC. Never refused (that would block every
                # later return); recorded, and exports wait until it is sorted out with
                # the county (a package n again would be refused there).
                holds = self.ctx.get_setting(self.s, "county_holds") or {}
                if n > int(holds.get("package_seq", 0)):
                    self.ctx.put_setting(self.s, "county_holds",
                                         {"package_seq": n, "sha256": rec["sha256"],
                                          "return_seq": self.seq, "log_last": last},
                                         self.actor.staff_id)
                    self.settings_changed = True
                self.notices.append(
                    f"县级已收到第 {n} 号同步包，但本机的导出记录只到第 {last} 号（是否恢复了较早的备份或"
                    "换了电脑？）。已记下；导出暂停，请与县级联系核对，由管理员运行“同步检查”。")
                self.skipped.append(f"ack {n}: beyond the export log (last {last})")
                return
            # A gap in the log (restored from an older backup, kept copies gone too): the
            # county has it; noted, never a refusal that would block every later return.
            self.notices.append(f"县级确认的第 {n} 号包不在本机的导出记录中（可能恢复了较早的备份），"
                                "已记下，未作改动。")
            self.skipped.append(f"ack {n}: not in the export log")
            return
        if row.digest != rec["sha256"]:
            self.fail("ack_mismatch", f"ack for package {n} does not match our export log",
                      f"县级确认的第 {n} 号包与本乡镇导出记录不符（内容不同），请运行“同步检查”并联系县级")
        if row.state != DELIVERED:
            # the county has it: its copy was complete after all
            row.state, row.delivered_at = DELIVERED, row.delivered_at or utcnow()
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
            # issue 15: the class from the household's facts (services/dynamic/schedule.py)
            task.review_class, task.next_review_on = initial_schedule(
                self.ctx, s, task, result_on, task.review_class)
        record_event(s, "task.feedback", actor_id=self.actor.staff_id,
                     application_id=task.application_id, task_id=task.id, item=task.item_code,
                     result=result, result_on=result_on.isoformat(), text=text,
                     amount_fen=task.amount_fen, changes={"task_status": [old, new]},
                     department=rec["department"], return_package=self.seq,
                     **({"signed_by": rec["signed_by"].strip()} if rec["signed_by"].strip() else {}),
                     **auth.event_actor(self.actor))
        s.flush()
        if new in vocab.FINAL_TASK_STATUSES:
            # tasks waiting for this item's status (待低保认定) are released or flagged, as
            # when the result is typed at the window (handling/dependents.py)
            self.applications |= release_dependents(s, task.application, task.item_code,
                                                    new == TaskStatus.DONE,
                                                    self.actor.staff_id, ctx=self.ctx)
        if self.svc.handling is not None:
            self.svc.handling._close_if_done(s, task.application, self.actor.staff_id, self.today)
        self.applications.add(task.application_id)

    # county confirmations (format 3) -------------------------------------------------
    def confirmation(self, rec: dict[str, Any]) -> None:
        """The county's 审核确认 of a task this township reported (报县), recorded as the
        task's ``county`` step (source ``county_return``) by the stage service's
        check-and-write — the same checks and effects as ``record_stage`` (the task's
        result, closing the application when all its tasks are final), inside this
        transaction under a savepoint. Not recorded, the clerk told why (Chinese) and the
        rest of the return applied: a task this township does not have, one already
        decided, or one the stage service refuses (its reason, e.g. a date before the
        报县 day) — audited as ``import.confirmation_refused``."""
        uuid = rec["task_uuid"]
        s = self.s
        task = s.scalar(select(RequestedItem).where(RequestedItem.uuid == uuid))
        if task is None:
            self.skipped.append(f"confirmation {uuid}: unknown task")
            self.notices.append(f"县级审核确认未登记：返回包中的事项（{uuid[:8]}…）在本乡镇不存在，"
                                "请与县级核对。")
            return
        name = _task_name(self.ctx, task)
        if task.task_status in vocab.FINAL_TASK_STATUSES or _decided(s, task.id):
            self.skipped.append(f"confirmation {uuid}: already decided")
            self.notices.append(f"县级审核确认未登记：{name}已有审核确认结果，未重复登记。")
            return
        handling = self.svc.handling
        if handling is None:  # (Services always wires it; a bare SyncService cannot)
            raise RuntimeError("SyncService needs the handling service to record confirmations")
        data = StageInput(stage="county", started_on=rec["decided_on"], outcome=rec["outcome"],
                          amount=rec["amount_fen"], period_from=rec["period_from"],
                          period_to=rec["period_to"], ref=rec["document_number"],
                          text=rec["text"], source="county_return")
        head = s.info.get("event_head")       # the audit chain head this transaction holds
        savepoint = s.begin_nested()
        try:
            handling.record_stage_in(s, task, data, self.actor.staff_id)
            savepoint.commit()
        except (ValidationError, ValidationErrors) as exc:
            savepoint.rollback()
            if head is None:                   # events of the savepoint are gone: so is
                s.info.pop("event_head", None)  # the head they moved
            else:
                s.info["event_head"] = head
            reason = "；".join(line for line in str(exc).splitlines() if line.strip())
            record_event(s, "import.confirmation_refused", actor_id=self.actor.staff_id,
                         application_id=task.application_id, task_id=task.id,
                         item=task.item_code, outcome=rec["outcome"], return_package=self.seq,
                         reason=reason, **auth.event_actor(self.actor))
            self.skipped.append(f"confirmation {uuid}: refused by the stage rules")
            self.notices.append(f"县级审核确认未登记：{name}——{reason}")
            return
        self.confirmed += 1
        self.applications.add(task.application_id)

    # the county's warning list (format 4; issue 15 — monitor) ---------------------------
    def warning(self, rec: dict[str, Any]) -> None:
        """A person on the county's warning list (预警名单): stored for the monitoring
        list (services/dynamic_monitor.py) — a known uuid updated (a correction, or
        withdrawn)."""
        from ..dynamic_monitor import store_warning

        store_warning(self.s, rec, self.seq)

    # the document verifier's trust lists (format 5; issue 17 — qrcheck) -----------------
    def signer(self, rec: dict[str, Any]) -> None:
        """A township document-signing key the county knows (table ``trusted_signer``)."""
        from ..verification import store_signer

        try:
            store_signer(self.s, rec, self.seq)
        except ValueError as exc:
            self.fail("update_invalid", f"signer {rec.get('township_code')}: {exc}",
                      f"返回包中的签发密钥无效（乡镇 {rec.get('township_code')}）")

    def voided_document(self, rec: dict[str, Any]) -> None:
        """A document a township voided (table ``known_void``)."""
        from ..verification import store_void

        store_void(self.s, rec, self.seq)

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

    def eligibility(self, recs: list[dict[str, Any]]) -> int:
        """County-sent local eligibility entries (format 2): merged into the setting
        ``eligibility`` by ``effective_from`` exactly as ``standards`` entries are (a
        local entry with the same day is replaced); every entry must pass the township's
        strict parser, else the whole return is refused (``update_invalid``), nothing
        applied."""
        if not recs:
            return 0
        from ...rules.eligibility import parse_entry
        for i, rec in enumerate(recs, 1):
            try:
                parse_entry(rec, i)
            except ValidationError as exc:
                self.fail("update_invalid", f"eligibility record {i}: {exc}",
                          f"返回包中的更新无效（eligibility 第 {i} 条）：{exc}")
        merged = {e["effective_from"]: e for e in self.ctx.get_setting(self.s, "eligibility") or []}
        for rec in recs:
            merged[rec["effective_from"]] = dict(rec)
        self._put("eligibility", [merged[k] for k in sorted(merged)])
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


__all__ = ["DELIVERED", "PREPARED", "Cancelled", "ExportLogRow", "ExportResult", "ExportsPaused",
           "ImportResult", "PackageError", "RecoveryReport", "SyncService", "SyncStatus"]
