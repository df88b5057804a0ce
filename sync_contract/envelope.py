"""The sync package envelope (format ``twsync`` v2, reading v1 too; docs/sync-format.md).

Shared by the township (export / import of return packages) and the county receiver.
Qt-free; no database access. Errors, canonical JSON, schemas and keys live in their own
modules of :mod:`sync_contract` and are re-exported here for callers of the envelope.

Writing is streamed: records (dicts, or lines already encoded as :class:`Chunk`) are
hashed and DEFLATE-compressed on a second thread into temporary streams while the next
records are produced, the streams are assembled into a deterministic ZIP behind the
signed manifest, and the ZIP is streamed through age (``pyrage.encrypt_io``), so memory
stays flat whatever the number of records.
Reading decrypts (streamed) into a temporary file and checks everything — ZIP structure
and limits, manifest, signature, every member's size, hash, line count, JSON and schema —
before :func:`open_package` returns.
"""

from __future__ import annotations

import hashlib
import io
import json
import queue
import re
import shutil
import stat
import struct
import tempfile
import threading
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from . import keys as _keys
from .canonical import canonical_json, utc_stamp
from .errors import MESSAGES, Cancelled, PackageError
from .faults import FileFault, fault
from .fs import replace_durably, temp_beside
from .lazy import lazy_module
from .validation import SCHEMA_DIR, Problem, schema_error, validator
from .versions import (
    COUNTY_RETURN,
    FORMAT,
    FORMAT_VERSION,
    SUPPORTED_VERSIONS,
    TOWNSHIP_EXPORT,
    TYPES,
    TYPES_BY_VERSION,
    schema_name,
    types_of,
)

if TYPE_CHECKING:
    import pyrage
    from cryptography import exceptions as _crypto_errors
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
    from pyrage import x25519
else:  # imported on first use (sync_contract/lazy.py): not at the program's start
    pyrage = lazy_module("pyrage")
    x25519 = lazy_module("pyrage.x25519")
    _crypto_errors = lazy_module("cryptography.exceptions")

EXTENSIONS = {TOWNSHIP_EXPORT: ".twpkg", COUNTY_RETURN: ".twret"}
MANIFEST, SIGNATURE = "manifest.json", "manifest.sig"
ZIP_DATE = (1980, 1, 1, 0, 0, 0)
GENERATOR = "township-service-window 0.1.0"
_MEMBER_RE = re.compile(r"^data/([a-z_]+)\.jsonl$")
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Limits:
    max_package_bytes: int = 2 << 30
    max_entries: int = 64
    max_manifest_bytes: int = 1 << 20
    max_member_bytes: int = 1 << 30
    max_total_bytes: int = 2 << 30
    max_ratio: int = 100
    max_line_bytes: int = 16 << 20


# -- canonical forms ------------------------------------------------------------------
class Chunk:
    """Records already encoded: ``lines`` = their canonical JSON lines (UTF-8, without
    the ``\n``), ``count`` = how many. A member's iterable may yield these instead of
    record dicts (the township export builds its lines in SQL); the lines are joined on
    the compression thread."""

    __slots__ = ("lines", "count")

    def __init__(self, lines: list[bytes]) -> None:
        self.lines, self.count = lines, len(lines)


def package_name(township_code: str, seq: int, kind: str = TOWNSHIP_EXPORT) -> str:
    if kind == COUNTY_RETURN:
        return f"{township_code}-R{seq:06d}.twret"
    return f"{township_code}-{seq:06d}.twpkg"


def member_name(type_: str) -> str:
    return f"data/{type_}.jsonl"


# -- schemas ---------------------------------------------------------------------------
def _record_error(problem: Problem, type_: str, line: int | None = None) -> PackageError:
    """The refusal of one record: its type, number (= line) and field, and the rule
    broken — never the value."""
    base_zh, base_en = MESSAGES[problem.reason]
    if line is None:
        return PackageError(problem.reason, f"{type_} record, field {problem}",
                            zh=f"{base_zh}：{type_} 记录的字段 {problem.where}{problem.zh}")
    return PackageError(problem.reason, f"{type_} record {line} (line {line}), field {problem}",
                        zh=f"{base_zh}：{type_} 第 {line} 条记录（第 {line} 行）的字段 "
                           f"{problem.where}{problem.zh}")


def validate_record(kind: str, type_: str, record: Any, version: int = FORMAT_VERSION) -> None:
    """The text rule and the schema of ``kind``/``type_`` in format ``version``;
    :class:`PackageError` (``text_invalid`` / ``schema_invalid``) naming the field
    otherwise."""
    problem = validator(schema_name(kind, type_, version)).problem(record)
    if problem:
        raise _record_error(problem, type_)


def _version_seen(manifest: Mapping[str, Any]) -> str:
    """What a package says its format is — only when it is short and printable: the
    manifest is not checked yet (no schema, no signature), so its text is never echoed."""
    fmt, version = manifest.get("format"), manifest.get("format_version")
    shown_fmt = fmt if isinstance(fmt, str) and len(fmt) <= 20 and fmt.isascii() \
        and fmt.isprintable() else "(absent or invalid)"
    shown_version = version if isinstance(version, int) and not isinstance(version, bool) \
        and abs(version) < 10**6 else "(absent or invalid)"
    *first, last = (str(v) for v in SUPPORTED_VERSIONS)
    readable = f"{', '.join(first)} and {last}" if first else last
    return f"format {shown_fmt}, version {shown_version}; this program reads {FORMAT} {readable}"


def validate_manifest(manifest: Any) -> None:
    problem = schema_error(validator("manifest.schema.json"), manifest)
    if problem:
        raise PackageError("manifest_invalid", problem)


# -- writing --------------------------------------------------------------------------
@dataclass(frozen=True)
class BuiltPackage:
    path: Path | None           # the encrypted package (None when only the inner ZIP was made)
    digest: str                 # SHA-256 of manifest.json
    manifest: dict
    manifest_bytes: bytes
    counts: dict[str, int]


Progress = Callable[[str, int, int], None]   # (stage, done, total); total 0 = unknown


def _check(cancel: threading.Event | None) -> None:
    if cancel is not None and cancel.is_set():
        raise Cancelled()


def _unlink(path: Path | None) -> None:
    if path is not None:
        try:
            path.unlink()
        except FileNotFoundError:
            pass
        except OSError:  # pragma: no cover - best effort cleanup
            pass


class _Member:
    """One data member being written: SHA-256, CRC-32, size, line count, and the raw
    DEFLATE stream in a temporary file."""

    def __init__(self, path: Path, level: int) -> None:
        self.path, self.sha, self.crc, self.size, self.count = path, hashlib.sha256(), 0, 0, 0
        self.compressed = 0
        self._z = zlib.compressobj(level, zlib.DEFLATED, -15)
        self._fh = open(path, "wb")  # noqa: SIM115 - closed by finish()/abort(), kept across calls

    def add(self, data: bytes) -> None:
        # hashlib, zlib.crc32 and deflate release the GIL on buffers this size
        self.sha.update(data)
        self.crc = zlib.crc32(data, self.crc)
        self.size += len(data)
        out = self._z.compress(data)
        if out:
            self._fh.write(out)
            self.compressed += len(out)

    def finish(self) -> None:
        out = self._z.flush()
        self._fh.write(out)
        self.compressed += len(out)
        self._fh.close()

    def close(self) -> None:
        if not self._fh.closed:
            self._fh.close()


class _Compressor(threading.Thread):
    """Hashes and compresses member data on a second thread while the caller produces
    the next records (the expensive parts release the GIL). Bounded queue: memory stays
    flat; a failure is kept in ``error`` and everything after it is discarded."""

    def __init__(self) -> None:
        super().__init__(name="twsync-compress", daemon=True)
        self.queue: queue.Queue = queue.Queue(maxsize=4)
        self.error: BaseException | None = None

    def run(self) -> None:
        while True:
            item = self.queue.get()
            if item is None:
                return
            if self.error is not None:
                continue
            member, data = item
            try:
                if isinstance(data, list):   # a Chunk's lines
                    data.append(b"")
                    data = b"\n".join(data)
                if data is None:
                    member.finish()
                else:
                    member.add(data)
            except BaseException as exc:  # reported to the producer
                self.error = exc

    def put(self, member: _Member, data: bytes | list[bytes] | None) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put((member, data))


def _zip_header(name: bytes, crc: int, csize: int, size: int) -> bytes:
    """The local file header exactly as ``zipfile`` writes it for our ZipInfo."""
    dosdate = (ZIP_DATE[0] - 1980) << 9 | ZIP_DATE[1] << 5 | ZIP_DATE[2]
    dostime = ZIP_DATE[3] << 11 | ZIP_DATE[4] << 5 | (ZIP_DATE[5] // 2)
    return struct.pack("<4s2B4HL2L2H", b"PK\003\004", 20, 0, 0, zipfile.ZIP_DEFLATED,
                       dostime, dosdate, crc, csize, size, len(name), 0) + name


def _zip_central(entries: list[tuple[bytes, int, int, int, int]], start: int) -> bytes:
    """Central directory and end record, as ``zipfile`` writes them (no ZIP64: members
    are limited to 1 GiB and the archive stays far below 4 GiB; checked)."""
    dosdate = (ZIP_DATE[0] - 1980) << 9 | ZIP_DATE[1] << 5 | ZIP_DATE[2]
    dostime = ZIP_DATE[3] << 11 | ZIP_DATE[4] << 5 | (ZIP_DATE[5] // 2)
    out = []
    for name, crc, csize, size, offset in entries:
        if max(csize, size, offset) >= zipfile.ZIP64_LIMIT:
            raise PackageError("member_too_large", name.decode())
        out.append(struct.pack("<4s4B4HL2L5H2L", b"PK\001\002", 20, 3, 20, 0, 0,
                               zipfile.ZIP_DEFLATED, dostime, dosdate, crc, csize, size,
                               len(name), 0, 0, 0, 0, (stat.S_IFREG | 0o644) << 16, offset))
        out.append(name)
    cdir = b"".join(out)
    if start + len(cdir) >= zipfile.ZIP64_LIMIT:
        raise PackageError("total_too_large", "archive over 4 GiB")
    return cdir + struct.pack("<4s4H2LH", b"PK\005\006", 0, 0, len(entries), len(entries),
                              len(cdir), start, 0)


def write_inner(out: Path, members: Mapping[str, Iterable[Mapping[str, Any] | Chunk]],  # noqa: C901 - streams each member in order; splitting hides the ZIP layout
                manifest: dict, signing_key: Ed25519PrivateKey, *, work_dir: Path | None = None,
                progress: Progress | None = None, cancel: threading.Event | None = None,
                expected_total: int = 0, validate: bool = False,
                compresslevel: int = 1, version: int | None = None) -> BuiltPackage:
    """Write the (unencrypted) inner ZIP to ``out`` atomically; see :func:`build_package`.

    ``version``: the format version to write (default the manifest's ``format_version``,
    else :data:`FORMAT_VERSION`); its record types and schemas apply (the county writes
    a return in the version of the township's last package; tests write version 1).

    A member's records may come as dicts or as :class:`Chunk` objects (lines already in
    canonical form). Each member is hashed and DEFLATE-compressed on a second thread
    while the next records are produced; the ZIP is then assembled from the compressed
    streams behind the signed manifest (same bytes as ``zipfile`` would write)."""
    kind = manifest.get("kind")
    if kind not in TYPES:
        raise ValueError(f"unknown package kind {kind!r}")
    version = int(version or manifest.get("format_version") or FORMAT_VERSION)
    if version not in SUPPORTED_VERSIONS:
        raise ValueError(f"format version {version} is not one this program writes")
    kind_types = types_of(kind, version)
    unknown = set(members) - set(kind_types)
    if unknown:
        raise ValueError(f"record types not in {kind} version {version}: {sorted(unknown)}")
    out = Path(out)
    tmp_inner = None
    with tempfile.TemporaryDirectory(prefix="twsync-", dir=work_dir) as tdir:
        worker = _Compressor()
        worker.start()
        done_members: dict[str, _Member] = {}
        try:
            done = 0
            next_report = 1000
            for type_ in kind_types:
                member = _Member(Path(tdir) / f"{type_}.deflate", compresslevel)
                done_members[type_] = member
                buf: list[bytes] = []
                buffered = 0
                for rec in members.get(type_, ()):
                    if isinstance(rec, Chunk):
                        if validate:
                            for line in rec.lines:
                                validate_record(kind, type_, json.loads(line), version)
                        if buf:
                            worker.put(member, b"".join(buf))
                            buf, buffered = [], 0
                        worker.put(member, rec.lines)
                        member.count += rec.count
                        done += rec.count
                    else:
                        if validate:
                            validate_record(kind, type_, rec, version)
                        line = canonical_json(rec) + b"\n"
                        buf.append(line)
                        buffered += len(line)
                        member.count += 1
                        done += 1
                        if buffered >= _CHUNK:
                            worker.put(member, b"".join(buf))
                            buf, buffered = [], 0
                    if done >= next_report:
                        next_report = done + 1000
                        _check(cancel)
                        if progress:
                            progress("records", done, expected_total)
                if buf:
                    worker.put(member, b"".join(buf))
                worker.put(member, None)
            worker.queue.put(None)
            worker.join()
            if worker.error is not None:
                raise worker.error
            _check(cancel)
            if progress:
                progress("records", done, expected_total or done)
            counts = {t: done_members[t].count for t in kind_types}
            sums = {member_name(t): {"sha256": done_members[t].sha.hexdigest(),
                                     "size": done_members[t].size} for t in kind_types}
            pub = signing_key.public_key()
            full = dict(manifest)
            full.update({
                "format": FORMAT, "format_version": version,
                "previous_seq": int(manifest["package_seq"]) - 1,
                "created_at": manifest.get("created_at") or utc_stamp(),
                "generator": manifest.get("generator") or GENERATOR,
                "counts": counts, "members": sums,
                "signer_public_key": _keys.public_key_b64(pub),
                "signer_fingerprint": _keys.fingerprint(pub),
            })
            full.setdefault("change_seq_from", None)
            full.setdefault("change_seq_to", None)
            full.setdefault("audit_head", None)
            validate_manifest(full)
            mbytes = canonical_json(full)
            sig = signing_key.sign(mbytes)
            out.parent.mkdir(parents=True, exist_ok=True)
            tmp_inner = temp_beside(out)
            total_bytes = sum(m.compressed for m in done_members.values())
            written = 0
            entries: list[tuple[bytes, int, int, int, int]] = []
            with open(tmp_inner, "wb") as raw:
                for head, data in ((MANIFEST, mbytes), (SIGNATURE, sig)):
                    z = zlib.compressobj(compresslevel, zlib.DEFLATED, -15)
                    comp = z.compress(data) + z.flush()
                    crc = zlib.crc32(data)
                    entries.append((head.encode(), crc, len(comp), len(data), raw.tell()))
                    raw.write(_zip_header(head.encode(), crc, len(comp), len(data)))
                    raw.write(comp)
                for type_ in kind_types:
                    m = done_members[type_]
                    name = member_name(type_).encode()
                    entries.append((name, m.crc, m.compressed, m.size, raw.tell()))
                    raw.write(_zip_header(name, m.crc, m.compressed, m.size))
                    with open(m.path, "rb") as src:
                        while True:
                            chunk = src.read(_CHUNK)
                            if not chunk:
                                break
                            raw.write(chunk)
                            written += len(chunk)
                            _check(cancel)
                            if progress:
                                progress("compress", written, total_bytes)
                raw.write(_zip_central(entries, raw.tell()))
            _check(cancel)
            replace_durably(tmp_inner, out)
            tmp_inner = None
        finally:
            if worker.is_alive():
                worker.error = worker.error or Cancelled()
                worker.queue.put(None)
                worker.join()
            for m in done_members.values():
                m.close()
            _unlink(tmp_inner)
    return BuiltPackage(None, hashlib.sha256(mbytes).hexdigest(), full, mbytes, counts)


class _CancellableReader(io.RawIOBase):
    def __init__(self, fh: BinaryIO, cancel: threading.Event | None,
                 progress: Progress | None, total: int) -> None:
        self.fh, self.cancel, self.progress, self.total, self.done = fh, cancel, progress, total, 0

    def readable(self) -> bool:
        return True

    def readinto(self, buf) -> int:
        _check(self.cancel)
        data = self.fh.read(len(buf))
        n = len(data)
        buf[:n] = data
        self.done += n
        if self.progress and n:
            self.progress("encrypt", self.done, self.total)
        return n


def encrypt_inner(inner_zip: Path, out_path: Path, recipients: Sequence[str | x25519.Recipient],
                  *, progress: Progress | None = None,
                  cancel: threading.Event | None = None) -> Path:
    """age-encrypt ``inner_zip`` to ``out_path`` atomically (streamed)."""
    if not recipients:
        raise PackageError("keys_missing", "no age recipient")
    recips = [r if isinstance(r, x25519.Recipient) else x25519.Recipient.from_str(r.strip())
              for r in recipients]
    out_path = Path(out_path)
    if not out_path.parent.is_dir():
        raise PackageError("io_error", f"folder {out_path.parent} does not exist",
                           zh=f"文件夹 {out_path.parent} 不存在")
    tmp = temp_beside(out_path)
    leftover: Path | None = tmp  # removed unless renamed into place
    try:
        total = Path(inner_zip).stat().st_size
        with open(inner_zip, "rb") as src, open(tmp, "wb") as dst:
            reader = io.BufferedReader(_CancellableReader(src, cancel, progress, total), _CHUNK)
            try:
                pyrage.encrypt_io(reader, dst, recips)
            except Exception:
                _check(cancel)
                raise
        _check(cancel)
        replace_durably(tmp, out_path)
        leftover = None
    finally:
        _unlink(leftover)
    return out_path


def build_package(out_path: Path, members: Mapping[str, Iterable[Mapping[str, Any]]],
                  manifest: dict, signing_key: Ed25519PrivateKey,
                  recipients: Sequence[str | x25519.Recipient], *,
                  keep_inner: Path | None = None, work_dir: Path | None = None,
                  progress: Progress | None = None, cancel: threading.Event | None = None,
                  expected_total: int = 0, validate: bool = False,
                  version: int | None = None) -> BuiltPackage:
    """Build, sign and encrypt one package; write it atomically to ``out_path``.

    ``version``: the format version written (default :data:`FORMAT_VERSION`, or the
    manifest's ``format_version``); see :func:`write_inner`.

    ``members``: record type → records (consumed once). ``manifest``: ``kind``,
    ``township_code``, ``device_id``, ``package_seq`` and for exports
    ``change_seq_from``/``change_seq_to``/``audit_head``; optional ``created_at``.
    ``keep_inner``: also keep the inner ZIP there (atomically). A cancel or an error
    leaves neither file.
    """
    out_path = Path(out_path)
    inner = Path(keep_inner) if keep_inner else None
    own_inner = inner is None
    tmpdir = None
    if own_inner:
        tmpdir = tempfile.mkdtemp(prefix="twsync-", dir=work_dir)
        inner = Path(tmpdir) / "inner.zip"
    assert inner is not None
    try:
        built = write_inner(inner, members, manifest, signing_key, work_dir=work_dir,
                            progress=progress, cancel=cancel, expected_total=expected_total,
                            validate=validate, version=version)
        try:
            encrypt_inner(inner, out_path, recipients, progress=progress, cancel=cancel)
        except BaseException:
            if not own_inner:
                _unlink(inner)
            raise
    finally:
        if tmpdir:
            shutil.rmtree(tmpdir, ignore_errors=True)
    return BuiltPackage(out_path, built.digest, built.manifest, built.manifest_bytes,
                        built.counts)


# -- reading --------------------------------------------------------------------------
class _CappedWriter(io.RawIOBase):
    """The decrypted inner ZIP's temporary file: at most ``cap`` bytes; a write the disk
    refuses is the fault vocabulary's sentence naming the work folder (issue #11)."""

    def __init__(self, fh: BinaryIO, cap: int, folder: Path | None = None) -> None:
        self.fh, self.cap, self.n, self.folder = fh, cap, 0, folder
        self.fault: FileFault | None = None  # what failed, whatever pyrage wraps it in

    def writable(self) -> bool:
        return True

    def write(self, b) -> int:
        self.n += len(b)
        if self.n > self.cap:
            raise PackageError("file_too_large", f"more than {self.cap} bytes decrypted")
        try:
            return self.fh.write(b)
        except OSError as exc:
            self.fault = fault(exc, self.folder or Path(tempfile.gettempdir()), "import",
                               outcome="nothing_changed")
            raise self.fault from None


class _Source(io.RawIOBase):
    """The package file as the decryption reads it: an OS error (a USB stick pulled out
    mid-read, an unreadable sector) is the fault vocabulary's sentence naming the file."""

    def __init__(self, fh: BinaryIO, path: Path) -> None:
        self.fh, self.path = fh, path
        self.fault: FileFault | None = None  # what failed, whatever pyrage wraps it in

    def readable(self) -> bool:
        return True

    def _failed(self, exc: OSError) -> FileFault:
        self.fault = fault(exc, self.path, "import", outcome="nothing_changed")
        return self.fault

    def readinto(self, b) -> int:
        try:
            return self.fh.readinto(b)  # type: ignore[attr-defined]
        except OSError as exc:
            raise self._failed(exc) from None

    def read(self, n: int = -1) -> bytes:
        try:
            return self.fh.read(n)
        except OSError as exc:
            raise self._failed(exc) from None


def _unsafe(name: str) -> bool:
    if not name or "\\" in name or name.startswith("/") or re.match(r"^[A-Za-z]:", name):
        return True
    return any(part in ("..", "") for part in name.split("/")) or "\x00" in name


#: What ``zipfile`` raises reading a damaged member (bad CRC-32, bad local header,
#: corrupt or truncated DEFLATE data).
_DAMAGED = (zipfile.BadZipFile, zlib.error, EOFError)


def _read_capped(zf: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int) -> bytes:
    """A small member (manifest, signature) read whole; a damaged one is ``not_zip``."""
    try:
        with zf.open(info) as fh:
            data = fh.read(cap + 1)
    except _DAMAGED as exc:
        raise PackageError("not_zip", f"{info.filename[:80]} is damaged: "
                           f"{type(exc).__name__}: {str(exc)[:80]}") from None
    if len(data) > cap:
        raise PackageError("member_too_large", info.filename)
    return data


def _trusted_map(trusted: Mapping[str, Ed25519PublicKey] | Iterable[Ed25519PublicKey]
                 ) -> dict[str, Ed25519PublicKey]:
    if isinstance(trusted, Mapping):
        items = list(trusted.values())
    else:
        items = list(trusted)
    return {_keys.fingerprint(k): k for k in items}


class OpenedPackage:
    """A fully verified package. Use as a context manager; records are streamed from a
    temporary copy of the decrypted ZIP that :meth:`close` removes."""

    def __init__(self, tmpdir: str, inner: Path, manifest: dict, manifest_bytes: bytes,
                 limits: Limits) -> None:
        self._tmpdir, self._inner, self._limits = tmpdir, inner, limits
        self.manifest, self.manifest_bytes = manifest, manifest_bytes
        self.digest = hashlib.sha256(manifest_bytes).hexdigest()
        self.signer_fingerprint = manifest["signer_fingerprint"]
        self.kind = manifest["kind"]
        #: The format version the package was written in (1 or 2): its records have the
        #: shape of that version (``sync_contract.upgrade.upgrade_record`` lifts them).
        self.version: int = int(manifest["format_version"])
        self.counts: dict[str, int] = dict(manifest["counts"])

    @property
    def inner_path(self) -> Path:
        return self._inner

    def iter_records(self, type_: str) -> Iterator[dict]:
        """The records of ``type_`` as the package holds them (the shape of
        :attr:`version`). A type of this program's format the package's older version
        does not have (``related_person`` in a version-1 export, ``eligibility`` in a
        version-1 return) yields nothing; an unknown type is a ``KeyError``."""
        if type_ not in TYPES[self.kind]:
            raise KeyError(type_)
        if type_ not in types_of(self.kind, self.version):
            return
        with zipfile.ZipFile(self._inner) as zf, zf.open(member_name(type_)) as fh:
            for line in fh:
                yield json.loads(line)

    def close(self) -> None:
        shutil.rmtree(self._tmpdir, ignore_errors=True)

    def __enter__(self) -> OpenedPackage:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def _decrypt(path: Path, out: Path, identities: Sequence[str | x25519.Identity],
             limits: Limits) -> None:
    idents = []
    for ident in identities:
        if isinstance(ident, str):
            ident = x25519.Identity.from_str(ident.strip())
        idents.append(ident)
    if not idents:
        raise PackageError("keys_missing", "no age identity")
    try:
        src_fh = open(path, "rb")  # noqa: SIM115 - closed below
    except OSError as exc:
        raise fault(exc, path, "import", outcome="nothing_changed") from None
    source, sink = _Source(src_fh, path), None
    try:
        with src_fh, open(out, "wb") as dst:
            sink = _CappedWriter(dst, limits.max_package_bytes, out.parent)
            pyrage.decrypt_io(source, sink, idents)
    except (PackageError, FileFault):
        raise
    except Exception as exc:
        failed = source.fault or (sink.fault if sink is not None else None)
        if failed is not None:  # pyrage wrapped our read/write error in its own
            raise failed from None
        raise _decrypt_error(exc, out) from None


def _decrypt_error(exc: Exception, out: Path) -> PackageError | FileFault:
    """The error to raise for pyrage's failure ``exc``."""
    if isinstance(exc, pyrage.DecryptError):
        text = str(exc)
        return PackageError("wrong_recipient") if "No matching keys" in text \
            else PackageError("not_age", text)
    if isinstance(exc, OSError):
        if isinstance(exc.__context__, PackageError | FileFault):
            return exc.__context__
        if exc.errno is not None:  # the temporary inner ZIP (opening or closing it)
            return fault(exc, out.parent, "import", outcome="nothing_changed")
        return PackageError("decrypt_failed")
    return PackageError("decrypt_failed", type(exc).__name__)  # pyrage's generic errors


def _check_entries(zf: zipfile.ZipFile, limits: Limits) -> dict[str, zipfile.ZipInfo]:
    infos = zf.infolist()
    if len(infos) > limits.max_entries:
        raise PackageError("too_many_entries", f"{len(infos)} > {limits.max_entries}")
    by_name: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for info in infos:
        name = info.filename
        if _unsafe(name) or _unsafe(info.orig_filename):
            raise PackageError("unsafe_path", repr(name[:80]))
        mode = info.external_attr >> 16
        if info.is_dir() or stat.S_IFMT(mode) not in (0, stat.S_IFREG):
            raise PackageError("bad_entry", f"{name[:80]}: not a regular file")
        if info.flag_bits & 0x1:
            raise PackageError("bad_entry", f"{name[:80]}: encrypted entry")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise PackageError("bad_entry", f"{name[:80]}: compression {info.compress_type}")
        if name in by_name:
            raise PackageError("bad_entry", f"{name[:80]}: duplicate")
        if name not in (MANIFEST, SIGNATURE) and not _MEMBER_RE.match(name):
            raise PackageError("bad_entry", name[:80])
        if info.file_size > limits.max_member_bytes:
            raise PackageError("member_too_large", f"{name}: {info.file_size} bytes")
        if (info.file_size > (1 << 20)
                and info.file_size > limits.max_ratio * max(info.compress_size, 1)):
            raise PackageError("zip_bomb", f"{name}: {info.file_size} / {info.compress_size}")
        total += info.file_size
        if total > limits.max_total_bytes:
            raise PackageError("total_too_large", f"> {limits.max_total_bytes} bytes")
        by_name[name] = info
    return by_name


def _check_member(zf: zipfile.ZipFile, info: zipfile.ZipInfo, kind: str, type_: str,  # noqa: C901 - one check per member fault
                  expect: Mapping[str, Any], count: int, limits: Limits, validate: bool,
                  version: int = FORMAT_VERSION) -> None:
    """Size, SHA-256, line count, line length, JSON, text rule and schema of one member
    (in this order of reporting; the whole member is read before the first is told)."""
    if info.file_size != expect["size"]:
        raise PackageError("size_mismatch", f"{info.filename}: {info.file_size} != {expect['size']}")
    h, size, n = hashlib.sha256(), 0, 0
    long_line: int | None = None        # the first line longer than the limit
    in_long_line = False                # reading the rest of that line
    unterminated = False
    bad_json: tuple[int, str] | None = None
    problem: tuple[int, Problem] | None = None
    checker = validator(schema_name(kind, type_, version)) if validate else None
    try:
        with zf.open(info) as fh:
            while True:
                line = fh.readline(limits.max_line_bytes + 1)
                if not line:
                    break
                size += len(line)
                if size > expect["size"] or size > limits.max_member_bytes:
                    raise PackageError("size_mismatch", f"{info.filename}: more bytes than declared")
                h.update(line)
                if in_long_line:                   # the rest of an over-long line
                    in_long_line = not line.endswith(b"\n")
                    continue
                n += 1
                if len(line) > limits.max_line_bytes:
                    long_line = long_line or n
                    in_long_line = not line.endswith(b"\n")
                    continue
                if not line.endswith(b"\n"):
                    unterminated = True
                    continue
                if bad_json or problem or long_line:
                    continue
                try:
                    rec = json.loads(line.decode("utf-8"))
                except UnicodeDecodeError as exc:
                    bad_json = (n, f"not UTF-8 (byte {exc.start + 1})")
                    continue
                except (ValueError, RecursionError) as exc:   # the message quotes no value
                    bad_json = (n, f"{getattr(exc, 'msg', type(exc).__name__)} "
                                   f"(column {getattr(exc, 'colno', '?')})")
                    continue
                if checker is not None:
                    found = checker.problem(rec)
                    if found:
                        problem = (n, found)
    except _DAMAGED as exc:
        raise PackageError("hash_mismatch", f"{info.filename}: damaged: {type(exc).__name__}: "
                           f"{str(exc)[:80]}") from None
    if size != expect["size"]:
        raise PackageError("size_mismatch", f"{info.filename}: {size} != {expect['size']}")
    if h.hexdigest() != expect["sha256"]:
        raise PackageError("hash_mismatch", info.filename)
    if long_line is not None:
        raise PackageError("line_too_long", f"{type_} record {long_line} (line {long_line}): "
                           f"more than {limits.max_line_bytes} bytes",
                           zh=f"{MESSAGES['line_too_long'][0]}：{type_} 第 {long_line} 行超过 "
                              f"{limits.max_line_bytes} 字节")
    if n != count:
        raise PackageError("count_mismatch", f"{type_}: {n} lines, manifest says {count}")
    if unterminated:
        raise PackageError("malformed_record", f"{type_}: last line not newline-terminated")
    if bad_json:
        raise PackageError("malformed_record", f"{type_} record {bad_json[0]} "
                           f"(line {bad_json[0]}): {bad_json[1]}",
                           zh=f"{MESSAGES['malformed_record'][0]}：{type_} 第 {bad_json[0]} 行")
    if problem:
        raise _record_error(problem[1], type_, problem[0])


def open_package(path: Path, identities: Sequence[str | x25519.Identity],  # noqa: C901 - the verification order of DESIGN §4, step by step
                 trusted_keys: Mapping[str, Ed25519PublicKey] | Iterable[Ed25519PublicKey], *,
                 kind: str | None = None, township_code: str | None = None,
                 limits: Limits = Limits(), validate: bool = True,
                 work_dir: Path | None = None) -> OpenedPackage:
    """Decrypt and verify a package completely (docs/sync-format.md §9 order).

    Raises :class:`PackageError`, or a :class:`~sync_contract.faults.FileFault` (outcome
    "nothing changed") when the package file cannot be read — a USB stick pulled out, a
    missing or unreadable file — or the work folder cannot be written. On success the
    caller must :meth:`~OpenedPackage.close` the result (or use ``with``). The decrypted
    inner ZIP lives in a new 0700 folder under ``work_dir`` (the system's temp folder
    when ``None``), removed on every failure and by ``close``.
    """
    path = Path(path)
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise fault(exc, path, "import", outcome="nothing_changed") from None
    if size > limits.max_package_bytes:
        raise PackageError("file_too_large", f"{size} bytes")
    try:
        tmpdir = tempfile.mkdtemp(prefix="twsync-in-", dir=work_dir)  # mode 0700
    except OSError as exc:
        raise fault(exc, work_dir or tempfile.gettempdir(), "import",
                    outcome="nothing_changed") from None
    try:
        inner = Path(tmpdir) / "inner.zip"
        _decrypt(path, inner, identities, limits)
        try:
            zf = zipfile.ZipFile(inner)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise PackageError("not_zip", str(exc)) from None
        with zf:
            entries = _check_entries(zf, limits)
            if MANIFEST not in entries:
                raise PackageError("manifest_invalid", "manifest.json missing")
            if SIGNATURE not in entries:
                raise PackageError("bad_signature", "manifest.sig missing")
            mbytes = _read_capped(zf, entries[MANIFEST], limits.max_manifest_bytes)
            try:
                manifest = json.loads(mbytes.decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as exc:
                raise PackageError("manifest_invalid", f"not JSON: {exc}") from None
            if not isinstance(manifest, dict):
                raise PackageError("manifest_invalid", "not an object")
            version = manifest.get("format_version")
            if (manifest.get("format") != FORMAT or type(version) is not int
                    or version not in SUPPORTED_VERSIONS):
                raise PackageError("unsupported_version", _version_seen(manifest))
            validate_manifest(manifest)
            sig = _read_capped(zf, entries[SIGNATURE], 64)
            trusted = _trusted_map(trusted_keys)
            key = trusted.get(manifest["signer_fingerprint"])
            if key is None:
                raise PackageError("unknown_signer",
                                   _keys.short_fingerprint(manifest["signer_fingerprint"]))
            try:
                key.verify(sig, mbytes)
            except _crypto_errors.InvalidSignature:
                raise PackageError("bad_signature") from None
            mkind = manifest["kind"]
            if kind is not None and mkind != kind:
                raise PackageError("wrong_kind", f"{mkind}, expected {kind}")
            if township_code is not None and manifest["township_code"] != township_code:
                raise PackageError("wrong_township", manifest["township_code"])
            if manifest["previous_seq"] != manifest["package_seq"] - 1:
                raise PackageError("manifest_invalid", "previous_seq != package_seq - 1")
            if mkind == TOWNSHIP_EXPORT:
                lo, hi = manifest["change_seq_from"], manifest["change_seq_to"]
                if lo is None or hi is None or lo > hi:
                    raise PackageError("manifest_invalid", "change_seq range")
            kind_types = types_of(mkind, version)
            want = {member_name(t) for t in kind_types}
            if set(manifest["counts"]) != set(kind_types) or set(manifest["members"]) != want:
                raise PackageError("manifest_invalid", "types differ from the kind's types")
            missing = want - set(entries)
            if missing:
                raise PackageError("missing_member", ", ".join(sorted(missing)))
            extra = set(entries) - want - {MANIFEST, SIGNATURE}
            if extra:
                raise PackageError("bad_entry", ", ".join(sorted(extra))[:80])
            for type_ in kind_types:
                name = member_name(type_)
                _check_member(zf, entries[name], mkind, type_, manifest["members"][name],
                              manifest["counts"][type_], limits, validate, version)
        return OpenedPackage(tmpdir, inner, manifest, mbytes, limits)
    except BaseException:
        shutil.rmtree(tmpdir, ignore_errors=True)
        raise


__all__ = [
    "COUNTY_RETURN", "FORMAT", "FORMAT_VERSION", "SCHEMA_DIR", "SUPPORTED_VERSIONS", "TOWNSHIP_EXPORT",
    "TYPES", "TYPES_BY_VERSION", "BuiltPackage", "schema_name", "types_of",
    "Cancelled", "Limits", "OpenedPackage", "PackageError", "build_package", "canonical_json",
    "encrypt_inner", "member_name", "open_package", "package_name", "utc_stamp",
    "validate_manifest", "validate_record", "write_inner",
]
