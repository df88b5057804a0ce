"""The county receiver (docs/county.md, docs/sync-format.md): Qt-free.

A county database through SQLAlchemy — SQLite by default (``sqlite:///county.sqlite3``),
PostgreSQL with a ``postgresql+psycopg://…`` URL. It registers townships (their Ed25519
verify key and age recipient), ingests their export packages (decrypt, verify, validate,
upsert every record by (township, type, uuid) keeping the newest version, all in one
transaction), records department feedback for referred tasks and builds the return
package for one township (acknowledgements, feedback, updates).

Every refusal is a :class:`~sync_contract.errors.PackageError` (one line, Chinese /
English) and leaves the database unchanged. The envelope (age, ZIP, signature, limits,
schemas) is :mod:`sync_contract.envelope`; nothing here touches crypto or ZIP bytes. The
rules the township applies to what the county sends (task transitions, holiday years,
standards, catalogue) come from :mod:`sync_contract` too: this package imports nothing
of the township's program. The schema is migrated at open (:mod:`.db`, Alembic).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import islice
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from pyrage import x25519
from sqlalchemy import create_engine, delete, event, func, inspect, select, update
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    IntegrityError,
    OperationalError,
    SQLAlchemyError,
)
from sqlalchemy.orm import Session

from sync_contract import envelope as env
from sync_contract.audit import GENESIS
from sync_contract.audit import record_hash as _event_hash
from sync_contract.catalog import CatalogError, parse_catalog
from sync_contract.eligibility import entry_problems as _eligibility_problems
from sync_contract.envelope import COUNTY_RETURN, TOWNSHIP_EXPORT, PackageError
from sync_contract.errors import ValidationError
from sync_contract.faults import FileFault, fault, is_fault
from sync_contract.fs import replace_durably, temp_beside
from sync_contract.holidays import holiday_years as _check_holiday_years
from sync_contract.keys import (
    COUNTY_FILE,
    KeyStore,
    PublicKeys,
    fingerprint,
    load_public_key_b64,
    public_key_b64,
    read_public_keys,
    short_fingerprint,
    write_secret,
)
from sync_contract.seqs import seq_range
from sync_contract.standards import validate_setting as _check_standards
from sync_contract.tasks import FEEDBACK_RESULTS, FINAL_TASK_STATUSES, transition_problem
from sync_contract.text import describe, text_problem
from sync_contract.upgrade import upgrade_record
from sync_contract.validation import pointer, validator
from sync_contract.versions import ADDED_IN_4, FORMAT_VERSION, types_of

from .bulk import OnRows, RecordWriter
from .db import NewerSchema, migrate
from .derived import derive
from .models import (
    CountyBase,
    CountyConfirmation,
    CountyRecord,
    CountyWarning,
    DepartmentFeedback,
    QueuedUpdate,
    ReceivedPackage,
    RegisteredTownship,
    ReturnPackage,
    SentUpdate,
    utcnow,
)

DEFAULT_URL = "sqlite:///county.sqlite3"
#: Record types that belong to one task (their ``item_uuid``; county_record.task_uuid).
#: From format 4 on the rule is generic (:func:`task_of`): any type new in format 4 whose
#: record carries ``item_uuid`` belongs to that task, listed here or not.
TASK_PARTS = ("task_stage", "reserve_entry")
#: The township-export types of format 3 (their attachment rules are fixed: a format-3
#: ``emergency_aid`` keeps task_uuid NULL, as the rows stored before).
_FORMAT3_TYPES = frozenset(types_of(TOWNSHIP_EXPORT, 3))
#: The issue-15 types (dynamic management) counted by ``townships``.
DYNAMIC_TYPES: tuple[str, ...] = ADDED_IN_4[TOWNSHIP_EXPORT]


def task_of(type_: str, rec: dict[str, Any]) -> str | None:
    """The task (``requested_item.uuid``) a record belongs to: the task itself; the
    ``item_uuid`` of a task part (:data:`TASK_PARTS`) or of any record of a type new in
    format 4; else None."""
    if type_ == "requested_item":
        return str(rec["uuid"])
    if type_ in TASK_PARTS or type_ not in _FORMAT3_TYPES:
        item = rec.get("item_uuid")
        return item if isinstance(item, str) and item else None
    return None


def application_of(type_: str, rec: dict[str, Any]) -> str | None:
    """The application a record belongs to: the application itself, else the record's
    ``application_uuid`` (any type, old or new: a record of a later type with that field
    is attached to its application without a change here)."""
    if type_ == "application":
        return str(rec["uuid"])
    app = rec.get("application_uuid")
    return app if isinstance(app, str) and app else None
def record_columns(type_: str, rec: dict[str, Any]) -> dict[str, Any]:
    """The columns of ``county_record`` derived from a record (besides its key)."""
    return {"application_uuid": application_of(type_, rec),
            "application_number": rec.get("number") if type_ == "application" else None,
            "event_seq": rec.get("seq") if type_ == "event" else None,
            "task_uuid": task_of(type_, rec)}


#: The fields of a ``confirmation`` record (docs/sync-format.md §12).
CONFIRMATION_FIELDS = ("task_uuid", "outcome", "decided_on", "amount_fen", "period_from",
                       "period_to", "document_number", "text")
BATCH = 500
#: Events whose stored hashes are looked up in one query (the audit chain check).
CHAIN_BATCH = 2000
UPDATE_TYPES = ("catalogue", "eligibility", "holiday_year", "standards", "village")
UPDATE_KEYS = {"catalogue": "version", "eligibility": "effective_from", "holiday_year": "year",
               "standards": "effective_from", "village": "code"}
#: The format version of returns to a township that has sent no package yet: the oldest
#: this program writes (a township not yet updated reads it; a new one reads every version).
FIRST_RETURN_VERSION = 1
_CODE12 = re.compile(r"^[0-9]{12}$")


def _fail(reason: str, en: str, zh: str) -> PackageError:
    return PackageError(reason, zh=zh, en=en)


def _check_name(name: str | None, what: str) -> None:
    """A name typed at the county (township, county) follows the contract's text rule
    (it travels in key files); ``keys_invalid`` naming the rule, never the value."""
    code = text_problem(name) if name else None
    if code is not None:
        zh, en = describe(code)
        raise _fail("keys_invalid", f"{what}: {en}", f"{what}：{zh}")


# -- results --------------------------------------------------------------------------
@dataclass(frozen=True)
class IngestResult:
    township_code: str
    package_seq: int
    digest: str
    already_received: bool
    applied: dict[str, dict[str, int]] = field(default_factory=dict)
    conflicts: int = 0
    #: The format version the package was written in (its records are stored in the
    #: current version's shape, ``sync_contract.upgrade.upgrade_record``).
    format_version: int = FORMAT_VERSION

    @property
    def message(self) -> str:
        tag = f"{self.township_code} package {self.package_seq}"
        if self.already_received:
            return (f"{self.township_code} 第 {self.package_seq} 号包已接收过，未作任何改动 / "
                    f"{tag} already received, nothing changed")
        tag += f" (format {self.format_version})"
        parts = []
        for type_, st in self.applied.items():
            bits = [f"{v} {k}" for k, v in st.items() if v]
            if bits:
                parts.append(f"{type_} " + "/".join(bits))
        text = (f"已接收 {self.township_code} 第 {self.package_seq} 号包（格式版本 "
                f"{self.format_version}） / ingested {tag}: ") + (
            "; ".join(parts) or "no records")
        if self.conflicts:
            text += f"; {self.conflicts} conflicting record(s) kept aside (county_conflict)"
        return text


@dataclass(frozen=True)
class FeedbackResult:
    township_code: str
    task_uuid: str
    record: dict[str, Any]
    replaced: bool
    already_sent: int | None = None     # identical feedback already sent in this return


@dataclass(frozen=True)
class ConfirmationResult:
    township_code: str
    task_uuid: str
    record: dict[str, Any]
    replaced: bool       # an unsent confirmation of the task was corrected


@dataclass(frozen=True)
class WarningResult:
    township_code: str
    added: int
    replaced: int       # an unsent record with the same uuid was corrected


@dataclass(frozen=True)
class ReturnResult:
    township_code: str
    package_seq: int
    path: Path
    digest: str
    counts: dict[str, int]
    reexport: bool = False
    #: The format version written: the township's last package's (docs/county.md).
    format_version: int = FORMAT_VERSION
    #: Update records left queued because this version cannot carry their type.
    queued: dict[str, int] = field(default_factory=dict)

    @property
    def message(self) -> str:
        counts = ", ".join(f"{k} {v}" for k, v in self.counts.items() if v) or "empty"
        verb = "re-made" if self.reexport else "made"
        text = (f"{verb} return package {self.package_seq} (format {self.format_version}) for "
                f"{self.township_code}: {self.path} ({counts}; sha256 {self.digest[:16]})")
        if self.queued:
            kept = ", ".join(f"{k} {v}" for k, v in self.queued.items())
            text += (f"; still queued ({kept}): the township writes format "
                     f"{self.format_version}, which cannot carry them — they go once it sends "
                     "a package of a newer format")
        return text


@dataclass(frozen=True)
class TownshipInfo:
    code: str
    name: str
    fingerprint: str
    age_recipients: tuple[str, ...]
    last_package: int
    unacknowledged: int
    pending_feedback: int
    last_return: int
    #: Format version of the township's last package (None: none received yet).
    format_version: int | None = None
    #: Update records queued for its next return.
    queued_updates: int = 0
    #: County confirmations (审核确认, format 3) not sent yet.
    pending_confirmations: int = 0
    #: Records held per issue-15 type (format 4, :data:`DYNAMIC_TYPES`; 0 when none).
    dynamic_records: dict[str, int] = field(default_factory=dict)


# -- helpers --------------------------------------------------------------------------
def normalise_url(url: str) -> str:
    """``postgresql://`` / ``postgres://`` use psycopg 3 (the driver we ship)."""
    for prefix in ("postgresql://", "postgres://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix):]
    return url


def _chunks(it: Iterable[Any], n: int) -> Iterator[list[Any]]:
    it = iter(it)
    while True:
        chunk = list(islice(it, n))
        if not chunk:
            return
        yield chunk


def _parse_verify_key(text: str) -> Ed25519PublicKey:
    """base64 of the raw 32 bytes, or a PEM ``PUBLIC KEY``."""
    text = text.strip()
    if text.startswith("-----BEGIN"):
        key = serialization.load_pem_public_key(text.encode("ascii"))
        if not isinstance(key, Ed25519PublicKey):
            raise ValueError("not an Ed25519 public key")
        return key
    return load_public_key_b64(text)


def _day(value: Any, what: str, reason: str = "feedback_invalid") -> date | None:
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise _fail(reason, f"{what}: not a date (YYYY-MM-DD): {value}",
                    f"{what} 不是日期（YYYY-MM-DD）：{value}") from None


def row_digest(engine: Engine) -> str:
    """SHA-256 over every row of every county table (order-independent within a table).
    Empty tables, the tables and columns of a later revision the database does not have
    yet, and NULL values add nothing: a migration that only adds a table, or a column
    left NULL, keeps the digest. The county's audit trail and accounts are not data
    received or sent (``info={"digest": False}``): left out."""
    h = hashlib.sha256()
    with engine.connect() as con:
        insp = inspect(con)
        present = set(insp.get_table_names())
        for table in CountyBase.metadata.sorted_tables:
            if table.name not in present or not table.info.get("digest", True):
                continue        # the county's own log and accounts (models: info digest=False)
            have = {c["name"] for c in insp.get_columns(table.name)}
            cols = [c for c in table.columns if c.name in have]
            rows = sorted(repr(sorted((k, v) for k, v in r._mapping.items() if v is not None))
                          for r in con.execute(select(*cols)))
            if rows:
                h.update(table.name.encode())
            for r in rows:
                h.update(r.encode())
    return h.hexdigest()


def db_problem(exc: BaseException) -> str:
    """A database error by the driver's class and SQLSTATE, never its text (PostgreSQL's
    message, DETAIL and CONTEXT lines quote the values it refused)."""
    orig = getattr(exc, "orig", None) or exc
    state = getattr(orig, "sqlstate", None) or getattr(getattr(orig, "diag", None), "sqlstate", None)
    return type(orig).__name__ + (f" (SQLSTATE {state})" if state else "")


def _write_fault(exc: BaseException, folder: Path) -> BaseException:
    """A failed package write as the fault vocabulary's sentence naming the folder (a
    ``PackageError`` or anything that is not a file fault stays as it is)."""
    if isinstance(exc, PackageError | FileFault) or not is_fault(exc):
        return exc
    return fault(exc, folder, "make_return")


# -- the receiver ---------------------------------------------------------------------
def _stage_beside(built: Path, final: Path) -> Path:
    """A durable copy of ``built`` next to ``final`` under a temporary name (removed on
    failure); renamed to ``final`` only once the return is recorded."""
    part = temp_beside(final)
    try:
        with open(built, "rb") as src, open(part, "wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
            dst.flush()
            os.fsync(dst.fileno())
    except BaseException:
        part.unlink(missing_ok=True)
        raise
    return part


class County:
    """The county receiver on one database URL with the key folder ``keys_dir``."""

    def __init__(self, url: str = DEFAULT_URL, keys_dir: Path | str = "county-keys", *,
                 limits: env.Limits | None = None, work_dir: Path | None = None) -> None:
        self.url = normalise_url(url)
        self.keys = KeyStore(Path(keys_dir))
        self.limits = limits if limits is not None else env.Limits()
        self.work_dir = work_dir
        self._engine: Engine | None = None
        #: Called with (connection, type, records) for every batch of new and updated
        #: records of an ingest, in its transaction (the derived tables of the views).
        self.on_rows: OnRows | None = None

    # database ----------------------------------------------------------------------
    @property
    def engine(self) -> Engine:
        if self._engine is None:
            self._engine = self._open()
        return self._engine

    def _open(self) -> Engine:
        try:
            url = make_url(self.url)
        except ArgumentError:
            raise _fail("db_error", f"not a database URL: {self.url}",
                        f"数据库地址无效：{self.url}") from None
        try:
            engine = create_engine(url)
        except Exception as exc:  # unknown dialect or missing driver
            raise _fail("db_error", f"cannot use {url.render_as_string(hide_password=True)}: "
                        f"{exc}", "无法使用该数据库地址") from None
        if engine.dialect.name == "sqlite":
            @event.listens_for(engine, "connect")
            def _pragmas(dbapi_con, _record):  # pragma: no cover - trivial
                cur = dbapi_con.cursor()
                cur.execute("PRAGMA foreign_keys=ON")
                cur.execute("PRAGMA busy_timeout=10000")
                cur.close()
        try:
            migrate(engine)
        except NewerSchema as exc:
            engine.dispose()
            raise _fail("db_error", str(exc), "县级数据库版本比本程序新") from None
        except (OperationalError, SQLAlchemyError) as exc:
            engine.dispose()
            first = str(getattr(exc, "orig", exc) or exc).strip().splitlines()
            raise _fail("db_error", f"cannot open the county database "
                        f"{url.render_as_string(hide_password=True)}: "
                        f"{first[0] if first else type(exc).__name__}",
                        "无法打开县级数据库") from None
        return engine

    def close(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
            self._engine = None

    def __enter__(self) -> County:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def digest(self) -> str:
        return row_digest(self.engine)

    # keys --------------------------------------------------------------------------
    def keygen(self, code: str | None = None, name: str | None = None) -> tuple[PublicKeys, bool]:
        """Create the county's keys (never replaces existing ones) and write the public key
        file townships import (``<keys>/county.json``). Returns (keys, created)."""
        created = not self.keys.exists()
        pub_file = self.keys.folder / COUNTY_FILE
        old = None
        if pub_file.exists():
            try:
                old = read_public_keys(pub_file, "county")
            except PackageError:
                old = None
        code = code or (old.code if old else None)
        if not code or not re.fullmatch(r"[0-9]{6,12}", code):
            raise _fail("keys_invalid", "give the county's division code (--code, 6 digits)",
                        "请提供县级行政区划代码（--code，6 位数字）")
        name = name if name is not None else (old.name if old else "")
        _check_name(name, "name")
        self.keys.ensure()
        pub = self.keys.public_keys("county", code, name)
        write_secret(pub_file, (json.dumps(pub.to_json(), ensure_ascii=False, indent=2) + "\n")
                     .encode("utf-8"))
        return pub, created

    def public_keys(self) -> PublicKeys:
        pub_file = self.keys.folder / COUNTY_FILE
        if not self.keys.exists() or not pub_file.exists():
            raise _fail("keys_missing", f"no county keys in {self.keys.folder} "
                        "(county-receiver keygen)", f"{self.keys.folder} 中没有县级密钥")
        return read_public_keys(pub_file, "county")

    def _own_keys(self) -> KeyStore:
        if not self.keys.exists():
            raise _fail("keys_missing", f"no county keys in {self.keys.folder} "
                        "(county-receiver keygen)", f"{self.keys.folder} 中没有县级密钥")
        return self.keys

    # townships ---------------------------------------------------------------------
    def register(self, code: str, verify_key: str | Path, *, name: str | None = None,  # noqa: C901 - one check per registration fault
                 age_recipients: Sequence[str] = (), expect_fingerprint: str | None = None,
                 replace: bool = False) -> RegisteredTownship:
        """Register a township's public signing key: a public key file (``desktop-app keys
        export FILE`` at the township), or the key itself (base64 raw / PEM) with
        ``age_recipients`` for return packages. ``expect_fingerprint``: the fingerprint as
        read over the phone (short or full), checked against the key."""
        if not _CODE12.match(code or ""):
            raise _fail("keys_invalid", "township code must be 12 digits",
                        "乡镇代码应为 12 位数字")
        _check_name(name, "name")
        recipients = list(age_recipients)
        device_id = ""
        text = str(verify_key)
        path = Path(text) if len(text) < 4096 and "\n" not in text else None
        if path is not None and path.is_file():
            content = path.read_text(encoding="utf-8", errors="replace")
            if content.lstrip().startswith("{"):
                pub = read_public_keys(path, "township")
                if pub.code != code:
                    raise _fail("keys_invalid", f"{path.name} is the key file of township "
                                f"{pub.code}, not {code}", f"公钥文件属于乡镇 {pub.code}，不是 {code}")
                key = pub.ed25519
                recipients = recipients or list(pub.age_recipients)
                name = name if name is not None else pub.name
                device_id = pub.device_id
            else:
                text = content
                path = None
        if path is None or not path.is_file():
            try:
                key = _parse_verify_key(text)
            except Exception:
                raise _fail("keys_invalid", "the verify key is neither a public key file nor a "
                            "base64 Ed25519 public key", "验签公钥无效（应为公钥文件或 base64 公钥）"
                            ) from None
        for r in recipients:
            try:
                x25519.Recipient.from_str(r.strip())
            except Exception:
                raise _fail("keys_invalid", f"not an age recipient: {r[:20]}",
                            "age 接收方公钥无效") from None
        fp = fingerprint(key)
        if expect_fingerprint:
            want = re.sub(r"[^0-9a-f]", "", expect_fingerprint.lower())
            if len(want) < 16 or not fp.startswith(want):
                raise _fail("keys_invalid", f"fingerprint {short_fingerprint(fp)} does not match "
                            f"{expect_fingerprint}", f"指纹不符：公钥为 {short_fingerprint(fp)}")
        with Session(self.engine, expire_on_commit=False) as s, s.begin():
            other = s.scalar(select(RegisteredTownship).where(
                RegisteredTownship.fingerprint == fp, RegisteredTownship.code != code))
            if other is not None:
                raise _fail("keys_invalid", f"this key is already registered for township "
                            f"{other.code}", f"该公钥已登记给乡镇 {other.code}")
            tw = s.scalar(select(RegisteredTownship).where(RegisteredTownship.code == code))
            if tw is None:
                tw = RegisteredTownship(code=code, name=name or "", ed25519_public_key=public_key_b64(key),
                                        fingerprint=fp, age_recipients=[r.strip() for r in recipients],
                                        device_id=device_id)
                s.add(tw)
            elif tw.fingerprint != fp and not replace:
                raise _fail("keys_invalid", f"township {code} is registered with another key "
                            f"({short_fingerprint(tw.fingerprint)}); add --replace to change it",
                            f"乡镇 {code} 已登记其他公钥，如需更换请加 --replace")
            else:
                tw.ed25519_public_key, tw.fingerprint = public_key_b64(key), fp
                if name is not None:
                    tw.name = name
                if recipients:
                    tw.age_recipients = [r.strip() for r in recipients]
                if device_id:
                    tw.device_id = device_id
        return tw

    def townships(self) -> list[TownshipInfo]:
        out = []
        with Session(self.engine) as s:
            for tw in s.scalars(select(RegisteredTownship).order_by(RegisteredTownship.code)):
                last = s.scalar(select(func.max(ReceivedPackage.package_seq)).where(
                    ReceivedPackage.township_id == tw.id)) or 0
                unacked = s.scalar(select(func.count()).select_from(ReceivedPackage).where(
                    ReceivedPackage.township_id == tw.id, ReceivedPackage.ack_return_seq.is_(None)))
                pending = s.scalar(select(func.count()).select_from(DepartmentFeedback).where(
                    DepartmentFeedback.township_id == tw.id,
                    DepartmentFeedback.return_seq.is_(None)))
                ret = s.scalar(select(func.max(ReturnPackage.package_seq)).where(
                    ReturnPackage.township_id == tw.id)) or 0
                queued = s.scalar(select(func.count()).select_from(QueuedUpdate).where(
                    QueuedUpdate.township_id == tw.id, QueuedUpdate.return_seq.is_(None)))
                confirms = s.scalar(select(func.count()).select_from(CountyConfirmation).where(
                    CountyConfirmation.township_id == tw.id,
                    CountyConfirmation.return_seq.is_(None)))
                dynamic: dict[str, int] = {}
                if DYNAMIC_TYPES:       # index ix_county_record_type (township, type, …)
                    dynamic = {str(t): int(n) for t, n in s.execute(
                        select(CountyRecord.type, func.count()).where(
                            CountyRecord.township_id == tw.id,
                            CountyRecord.type.in_(DYNAMIC_TYPES)).group_by(CountyRecord.type))}
                out.append(TownshipInfo(tw.code, tw.name, tw.fingerprint,
                                        tuple(tw.age_recipients or ()), last, unacked or 0, pending or 0,
                                        ret, self._last_version(s, tw.id), queued or 0,
                                        confirms or 0,
                                        {t: dynamic.get(t, 0) for t in DYNAMIC_TYPES}))
        return out

    # ingest ------------------------------------------------------------------------
    def ingest(self, path: Path | str) -> IngestResult:
        """Verify one township export package completely, then apply it in one transaction
        (docs/sync-format.md §8, §9). ``PackageError`` otherwise; nothing is changed."""
        ks = self._own_keys()
        with Session(self.engine) as s:
            trusted = {tw.fingerprint: load_public_key_b64(tw.ed25519_public_key)
                       for tw in s.scalars(select(RegisteredTownship))}
        with env.open_package(Path(path), [ks.age_identity], trusted, kind=TOWNSHIP_EXPORT,
                              limits=self.limits, work_dir=self.work_dir) as pkg:
            man = pkg.manifest
            code, n, digest = man["township_code"], man["package_seq"], pkg.digest
            inner_sha = hashlib.sha256()
            with open(pkg.inner_path, "rb") as fh:
                for chunk in iter(lambda: fh.read(1 << 20), b""):
                    inner_sha.update(chunk)
            try:
                with Session(self.engine) as s, s.begin():
                    tw = s.scalar(select(RegisteredTownship).where(RegisteredTownship.code == code)
                                  .with_for_update())
                    if tw is None:
                        raise _fail("unknown_signer", f"township {code} is not registered",
                                    f"乡镇 {code} 未在县级登记")
                    if tw.fingerprint != pkg.signer_fingerprint:
                        raise _fail("unknown_signer", f"signer {short_fingerprint(pkg.signer_fingerprint)}"
                                    f" is not the key registered for township {code}",
                                    f"签名者不是乡镇 {code} 登记的密钥")
                    done = s.scalar(select(ReceivedPackage).where(
                        ReceivedPackage.township_id == tw.id, ReceivedPackage.package_seq == n))
                    if done is not None:
                        if done.digest == digest:
                            return IngestResult(code, n, digest, True,
                                                format_version=pkg.version)
                        raise _fail("sequence_conflict", f"package {n} of {code} was already "
                                    "received with other content",
                                    f"{code} 第 {n} 号包已接收过，但内容不同（冲突），未接收")
                    last = s.scalar(select(func.max(ReceivedPackage.package_seq)).where(
                        ReceivedPackage.township_id == tw.id)) or 0
                    if n != last + 1:
                        missing = seq_range(last + 1, n - 1)
                        raise _fail("sequence_gap", f"expected package {last + 1} of {code}, got "
                                    f"{n}: missing {missing}",
                                    f"缺少 {code} 第 {missing} 号包，请先接收")
                    self._check_chain(s, tw, pkg)
                    applied, conflicts = {}, 0
                    version = pkg.version
                    writer = RecordWriter(s.connection(), tw.id, n, record_columns,
                                          on_rows=self._rows_written(tw.id))
                    for type_ in types_of(TOWNSHIP_EXPORT, version):   # v1: no related_person
                        records = (upgrade_record(type_, r, version)
                                   for r in pkg.iter_records(type_))
                        stats, c = writer.upsert(type_, records)
                        applied[type_] = stats
                        conflicts += c
                    s.add(ReceivedPackage(
                        township_id=tw.id, package_seq=n, digest=digest,
                        inner_sha256=inner_sha.hexdigest(), manifest=man,
                        change_seq_from=man["change_seq_from"], change_seq_to=man["change_seq_to"],
                        file_name=Path(path).name[:200], applied=applied))
                    if man["device_id"] != tw.device_id and not tw.device_id:
                        tw.device_id = man["device_id"]
            except IntegrityError:
                raise _fail("sequence_conflict", f"package {n} of {code} was received at the "
                            "same time by another process", f"{code} 第 {n} 号包正被同时接收") from None
            except DBAPIError as exc:  # told by class and SQLSTATE: its text quotes values
                raise _fail("db_error", f"database error: {db_problem(exc)}",
                            "数据库错误，未接收") from None
        return IngestResult(code, n, digest, False, applied, conflicts, version)

    def _check_chain(self, s: Session, tw: RegisteredTownship,  # noqa: C901 - one check per chain fault
                     pkg: env.OpenedPackage) -> None:
        """The audit chain: every event's hash recomputes, links to its predecessor (in the
        package or already at the county), and the manifest's audit_head is among them."""
        def broken(detail: str, zh: str) -> PackageError:
            return _fail("audit_chain_broken", f"audit chain broken: {detail}",
                         f"审计链断裂：{zh}")

        def stored_hash(seq: int) -> str | None:
            data = s.scalar(select(CountyRecord.data).where(
                CountyRecord.township_id == tw.id, CountyRecord.type == "event",
                CountyRecord.event_seq == seq))
            return data["hash"] if data else None

        def stored_hashes(seqs: list[int]) -> dict[int, str]:
            """The hashes of the stored events among ``seqs`` (one query per batch)."""
            return {int(q): d["hash"] for q, d in s.execute(
                select(CountyRecord.event_seq, CountyRecord.data).where(
                    CountyRecord.township_id == tw.id, CountyRecord.type == "event",
                    CountyRecord.event_seq.in_(seqs)))}

        max_stored = s.scalar(select(func.max(CountyRecord.event_seq)).where(
            CountyRecord.township_id == tw.id, CountyRecord.type == "event")) or 0
        prev: tuple[int, str] | None = None
        def follows(rec: dict[str, Any], prev: tuple[int, str] | None,
                    before: dict[int, str]) -> tuple[int, str]:
            seq = rec["seq"]
            if _event_hash(rec) != rec["hash"]:
                raise broken(f"event {seq}: hash does not match its content",
                             f"第 {seq} 条事件的哈希与内容不符")
            if prev is None:
                want = GENESIS if seq == 1 else stored_hash(seq - 1)
                if want is None:
                    raise broken(f"event {seq - 1} was never received",
                                 f"未收到第 {seq - 1} 条事件")
            else:
                if seq != prev[0] + 1:
                    raise broken(f"event {prev[0] + 1} missing", f"缺少第 {prev[0] + 1} 条事件")
                want = prev[1]
            if rec["prev_hash"] != want:
                raise broken(f"event {seq} does not follow event {seq - 1}",
                             f"第 {seq} 条事件与前一条不衔接")
            old = before.get(seq)
            if old is not None and old != rec["hash"]:
                raise broken(f"event {seq} differs from the one received before "
                             "(log rewritten)", f"第 {seq} 条事件与以前收到的不同（日志被改写）")
            return seq, rec["hash"]

        for batch in _chunks(pkg.iter_records("event"), CHAIN_BATCH):
            overlap = [r["seq"] for r in batch if r["seq"] <= max_stored]
            before = stored_hashes(overlap) if overlap else {}
            for rec in batch:
                prev = follows(rec, prev, before)
        head = pkg.manifest.get("audit_head")
        if head:
            if prev is not None and head["seq"] == prev[0]:
                have = prev[1]
            elif prev is not None and head["seq"] > prev[0]:
                have = None
            else:
                have = stored_hash(head["seq"])
            if have != head["hash"]:
                raise broken(f"audit head {head['seq']} does not match the events received",
                             f"审计链头（第 {head['seq']} 条）与收到的事件不符")

    def _upsert(self, s: Session, tw: RegisteredTownship, package_seq: int, type_: str,
                records: Iterable[dict]) -> tuple[dict[str, int], int]:
        """Apply records of one type in batches (:class:`~.bulk.RecordWriter`)."""
        return RecordWriter(s.connection(), tw.id, package_seq, record_columns,
                            on_rows=self._rows_written(tw.id)).upsert(type_, records)

    @staticmethod
    def _fill(row: CountyRecord, type_: str, rec: dict, package_seq: int) -> None:
        """Set a ``CountyRecord``'s columns from a record (the batched ingest writes the
        same columns with :func:`record_columns`)."""
        row.version, row.change_seq, row.data, row.package_seq = (
            rec["version"], rec["change_seq"], rec, package_seq)
        for name, value in record_columns(type_, rec).items():
            setattr(row, name, value)

    def _rows_written(self, township_id: int) -> OnRows:
        """What happens to every batch of new and updated records, in the ingest's
        transaction: the views' derived tables (:func:`.derived.derive`), then
        :attr:`on_rows` if set."""
        def written(conn: Connection, type_: str, rows: list[dict[str, Any]]) -> None:
            derive(conn, township_id, type_, rows)
            if self.on_rows is not None:
                self.on_rows(conn, type_, rows)
        return written

    # feedback ----------------------------------------------------------------------
    def record_feedback(self, task_uuid: str, result: str, result_on: date | str, *,
                        text: str = "", amount_fen: int | None = None,
                        department: str | None = None, signed_by: str = "",
                        signed_on: date | str | None = None, period_from: date | str | None = None,
                        period_to: date | str | None = None) -> FeedbackResult:
        """Record department feedback for a referred task (sent with the next return)."""
        with Session(self.engine, expire_on_commit=False) as s, s.begin():
            return self._add_feedback(s, dict(
                task_uuid=task_uuid, result=result, result_on=result_on, result_text=text,
                amount_fen=amount_fen, department=department, signed_by=signed_by,
                signed_on=signed_on, period_from=period_from, period_to=period_to))

    def load_feedback(self, items: Sequence[Mapping[str, Any]]) -> list[FeedbackResult]:
        """Record feedback records (the ``feedback`` record layout; optional fields may be
        left out) — all or none."""
        if not isinstance(items, Sequence) or isinstance(items, (str, bytes)):
            raise _fail("feedback_invalid", "the feedback file must hold a JSON list",
                        "反馈文件应为 JSON 列表")
        out = []
        with Session(self.engine, expire_on_commit=False) as s, s.begin():
            for i, item in enumerate(items, 1):
                if not isinstance(item, Mapping):
                    raise _fail("feedback_invalid", f"feedback {i}: not an object",
                                f"第 {i} 条反馈不是对象")
                try:
                    out.append(self._add_feedback(s, dict(item)))
                except PackageError as exc:
                    raise _fail(exc.reason, f"feedback {i}: " + exc.message.split(" / ", 1)[-1],
                                f"第 {i} 条反馈：" + exc.message.split(" / ", 1)[0]) from None
        return out

    def _add_feedback(self, s: Session, item: dict[str, Any]) -> FeedbackResult:  # noqa: C901 - one check per feedback fault
        def invalid(en: str, zh: str) -> PackageError:
            return _fail("feedback_invalid", en, zh)

        known = {"task_uuid", "result", "result_on", "result_text", "amount_fen", "period_from",
                 "period_to", "signed_by", "signed_on", "department"}
        extra = set(item) - known
        if extra:
            names = sorted(pointer([k])[1:] for k in extra)    # odd names shown as "?"
            raise invalid(f"unknown field(s) {names}", f"未知字段 {names}")
        task_uuid, task, tw = _received_task(s, item, "county-return.feedback.schema.json")
        data = task.data
        handler = data.get("handler_code") or ""
        if handler in ("", "TOWNSHIP"):
            raise invalid(f"task {task_uuid} is handled at the township, not referred to a "
                          "department", "该事项由乡镇自办，未转办到部门")
        status = data.get("task_status")
        if status in FINAL_TASK_STATUSES:
            raise invalid(f"task {task_uuid} is already {status} at the township",
                          f"该事项在乡镇已是最终状态（{status}）")
        result = item.get("result")
        if result not in FEEDBACK_RESULTS:
            raise invalid(f"result must be done, refused or returned, not {result!r}",
                          "办理结果应为 done / refused / returned")
        department = (item.get("department") or handler).strip()
        if department != handler:
            raise invalid(f"task {task_uuid} is referred to {handler}, not {department}",
                          f"该事项转办给 {handler}，不是 {department}")
        result_on = _day(item.get("result_on"), "result_on")
        if result_on is None:
            raise invalid("result_on is required", "缺少办理结果日期")
        text = str(item.get("result_text") or "").strip()
        amount = item.get("amount_fen")
        signed_by = str(item.get("signed_by") or "").strip()
        signed_on = _day(item.get("signed_on"), "signed_on")
        p_from, p_to = _day(item.get("period_from"), "period_from"), _day(item.get("period_to"),
                                                                          "period_to")
        problems: list[str] = []
        if result in ("refused", "returned") and not text:
            problems.append("result_text required for refused/returned")
        if result != "done" and (amount or p_from or p_to):
            problems.append("amount and period only with done")
        if amount is not None and (not isinstance(amount, int) or isinstance(amount, bool)
                                   or amount < 0):
            problems.append("amount_fen must be a whole number of fen ≥ 0")
        if p_from and p_to and p_to < p_from:
            problems.append("period_to before period_from")
        referred_on = _day(data.get("referred_on"), "referred_on")
        if referred_on and result_on < referred_on:
            problems.append(f"result_on before the referral ({referred_on})")
        if signed_by and signed_on and referred_on and signed_on < referred_on:
            problems.append(f"signed_on before the referral ({referred_on})")
        st = status
        problem = None
        if st == "referred" and signed_by:
            problem = transition_problem(st, "sign")
            st = "signed"
        problem = problem or transition_problem(st, result)
        if problem:
            problems.append(f"task status {status}: {problem.splitlines()[0]}")
        if problems:
            raise invalid(f"task {task_uuid}: " + "; ".join(problems), "；".join(problems))
        rec = {"task_uuid": task_uuid, "result": result, "result_on": result_on.isoformat(),
               "result_text": text, "amount_fen": amount if result == "done" else None,
               "period_from": p_from.isoformat() if p_from else None,
               "period_to": p_to.isoformat() if p_to else None,
               "signed_by": signed_by,
               "signed_on": (signed_on or result_on).isoformat() if signed_by else None,
               "department": department}
        try:
            env.validate_record(COUNTY_RETURN, "feedback", rec)
        except PackageError as exc:
            raise invalid(exc.message.split(" / ", 1)[-1], "反馈不符合格式规范") from None
        for sent in s.scalars(select(DepartmentFeedback).where(
                DepartmentFeedback.task_uuid == task_uuid,
                DepartmentFeedback.return_seq.is_not(None))):
            if self._feedback_record(sent) == rec:   # the same feedback again: nothing to do
                return FeedbackResult(tw.code, task_uuid, rec, False, sent.return_seq)
        row = s.scalar(select(DepartmentFeedback).where(
            DepartmentFeedback.task_uuid == task_uuid, DepartmentFeedback.return_seq.is_(None)))
        replaced = row is not None
        if row is None:
            row = DepartmentFeedback(township_id=tw.id, task_uuid=task_uuid)
            s.add(row)
        row.result, row.result_on, row.result_text = result, result_on, text
        row.amount_fen, row.period_from, row.period_to = rec["amount_fen"], p_from, p_to
        row.signed_by, row.signed_on = signed_by, _day(rec["signed_on"], "signed_on")
        row.department, row.recorded_at = department, utcnow()
        s.flush()
        return FeedbackResult(tw.code, task_uuid, rec, replaced)

    @staticmethod
    def _feedback_record(row: DepartmentFeedback) -> dict[str, Any]:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {"task_uuid": row.task_uuid, "result": row.result,
                "result_on": row.result_on.isoformat(), "result_text": row.result_text,
                "amount_fen": row.amount_fen, "period_from": iso(row.period_from),
                "period_to": iso(row.period_to), "signed_by": row.signed_by,
                "signed_on": iso(row.signed_on), "department": row.department}

    # confirmations (审核确认 of reported tasks, format 3) --------------------------------
    def record_confirmation(self, task_uuid: str, outcome: str, decided_on: date | str, *,
                            amount_fen: int | None = None, period_from: date | str | None = None,
                            period_to: date | str | None = None, document_number: str = "",
                            text: str = "") -> ConfirmationResult:
        """Record the county's 审核确认 of a task the township reported (报县); it goes to
        the township in the next return package (a ``confirmation`` record). Checked as
        the township will check it: the task's ``report`` step must have been received,
        the task not decided yet (a confirmation sent before, a ``county`` / ``decision``
        step, or a final status at the township), ``approved`` / ``refused``, the day not
        before the report, amount and period only when approved, a reason when refused.
        A second confirmation of a task before the first was sent replaces it."""
        with Session(self.engine, expire_on_commit=False) as s, s.begin():
            return self._add_confirmation(s, dict(
                task_uuid=task_uuid, outcome=outcome, decided_on=decided_on,
                amount_fen=amount_fen, period_from=period_from, period_to=period_to,
                document_number=document_number, text=text))

    def _add_confirmation(self, s: Session, item: dict[str, Any]) -> ConfirmationResult:
        def invalid(en: str, zh: str) -> PackageError:
            return _fail("confirmation_invalid", en, zh)

        task_uuid, task, tw = _received_task(s, item, "county-return.confirmation.schema.json")
        steps = [r.data for r in s.scalars(select(CountyRecord).where(
            CountyRecord.township_id == tw.id, CountyRecord.task_uuid == task_uuid,
            CountyRecord.type == "task_stage"))]
        replaced_ids = {d.get("replaces_uuid") for d in steps}
        current = [d for d in steps if d["uuid"] not in replaced_ids]
        reports = sorted(d["started_on"] for d in current if d.get("stage") == "report")
        if not reports:
            raise invalid(f"task {task_uuid} was not reported to the county (no report step "
                          "received)", "乡镇尚未报县该事项（县级未收到其报县环节），不能审核确认")
        decided = [d for d in current if d.get("stage") in ("county", "decision")]
        status = task.data.get("task_status")
        if decided or status in FINAL_TASK_STATUSES:
            raise invalid(f"task {task_uuid} is already decided at the township",
                          "该事项在乡镇已有审核确认结果，不能再次确认")
        sent = s.scalar(select(CountyConfirmation.return_seq).where(
            CountyConfirmation.task_uuid == task_uuid, CountyConfirmation.return_seq.is_not(None))
            .limit(1))
        if sent is not None:
            raise invalid(f"task {task_uuid} was already confirmed (return package {sent})",
                          f"县级已确认过该事项（第 {sent} 号返回包），不能再次确认")
        outcome = item.get("outcome")
        if outcome not in ("approved", "refused"):
            raise invalid(f"outcome must be approved or refused, not {outcome!r}",
                          "审核确认结果应为 approved（确认）或 refused（不予确认）")
        decided_on = _day(item.get("decided_on"), "decided_on", "confirmation_invalid")
        if decided_on is None:
            raise invalid("decided_on is required", "缺少审核确认日期")
        p_from = _day(item.get("period_from"), "period_from", "confirmation_invalid")
        p_to = _day(item.get("period_to"), "period_to", "confirmation_invalid")
        text = str(item.get("text") or "").strip()
        number = str(item.get("document_number") or "").strip()
        amount = item.get("amount_fen")
        problems: list[tuple[str, str]] = []
        if outcome == "refused" and not text:
            problems.append(("text (the reason) required for refused", "不予确认须写明理由"))
        if outcome != "approved" and (amount is not None or p_from or p_to):
            problems.append(("amount and period only with approved", "金额和期限只用于确认给予"))
        if amount is not None and (not isinstance(amount, int) or isinstance(amount, bool)
                                   or amount < 0):
            problems.append(("amount_fen must be a whole number of fen ≥ 0",
                             "金额应为不小于 0 的整数（分）"))
        if p_from and p_to and p_to < p_from:
            problems.append(("period_to before period_from", "期限止日早于起日"))
        reported = date.fromisoformat(reports[-1])
        if decided_on < reported:
            problems.append((f"decided_on before the report ({reported})",
                             f"审核确认日期早于报县日期（{reported}）"))
        if problems:
            raise invalid(f"task {task_uuid}: " + "; ".join(en for en, _ in problems),
                          "；".join(zh for _, zh in problems))
        rec = {"task_uuid": task_uuid, "outcome": outcome, "decided_on": decided_on.isoformat(),
               "amount_fen": amount if outcome == "approved" else None,
               "period_from": p_from.isoformat() if p_from else None,
               "period_to": p_to.isoformat() if p_to else None,
               "document_number": number, "text": text}
        try:
            env.validate_record(COUNTY_RETURN, "confirmation", rec)
        except PackageError as exc:
            raise invalid(exc.message.split(" / ", 1)[-1], "审核确认不符合格式规范") from None
        row = s.scalar(select(CountyConfirmation).where(
            CountyConfirmation.task_uuid == task_uuid, CountyConfirmation.return_seq.is_(None)))
        replaced = row is not None
        if row is None:
            row = CountyConfirmation(township_id=tw.id, task_uuid=task_uuid)
            s.add(row)
        row.outcome, row.decided_on, row.text, row.document_number = (
            outcome, decided_on, text, number)
        row.amount_fen, row.period_from, row.period_to = rec["amount_fen"], p_from, p_to
        row.recorded_at = utcnow()
        s.flush()
        return ConfirmationResult(tw.code, task_uuid, rec, replaced)

    @staticmethod
    def _confirmation_record(row: CountyConfirmation) -> dict[str, Any]:
        iso = lambda d: d.isoformat() if d else None  # noqa: E731
        return {"task_uuid": row.task_uuid, "outcome": row.outcome,
                "decided_on": row.decided_on.isoformat(), "amount_fen": row.amount_fen,
                "period_from": iso(row.period_from), "period_to": iso(row.period_to),
                "document_number": row.document_number, "text": row.text}

    # the warning list (预警名单, format 4) ------------------------------------------------
    def add_warnings(self, code: str, records: Sequence[Mapping[str, Any]]) -> WarningResult:
        """Record people on township ``code``'s warning list (``county-receiver warning
        add``); they go to the township in its next return package (``warning``
        records, format 4) and are marked sent then. Every record is checked first, as
        the township will check it (:func:`warning_record`): one bad record refuses the
        whole list, nothing stored. A record without ``uuid`` gets a stable one from the
        township, list number and person (adding the same list again changes nothing
        new); a record whose uuid is waiting unsent replaces it."""
        with Session(self.engine, expire_on_commit=False) as s, s.begin():
            tw = self._township(s, code)
            clean = [warning_record(code, rec, n) for n, rec in enumerate(records, 1)]
            added = replaced = 0
            for rec in clean:
                row = s.scalar(select(CountyWarning).where(
                    CountyWarning.township_id == tw.id, CountyWarning.uuid == rec["uuid"],
                    CountyWarning.return_seq.is_(None)))
                if row is None:
                    row = CountyWarning(township_id=tw.id, uuid=rec["uuid"])
                    s.add(row)
                    added += 1
                else:
                    replaced += 1
                row.list_no, row.listed_on = rec["list_no"], date.fromisoformat(rec["listed_on"])
                row.village_code, row.name, row.id_number = (
                    rec["village_code"], rec["name"], rec["id_number"])
                row.reason, row.risk, row.source, row.withdrawn = (
                    rec["reason"], rec["risk"], rec["source"], rec["withdrawn"])
                row.recorded_at = utcnow()
            s.flush()
            return WarningResult(tw.code, added, replaced)

    @classmethod
    def _pending_warnings(cls, s: Session, tw_id: int, carried: set[str],
                          queued_later: dict[str, int]) -> tuple[list[dict[str, Any]], list[int]]:
        """The warning records not sent yet and their row ids; none (counted in
        ``queued_later``) for a township on a format before 4, which cannot take them."""
        rows = s.scalars(select(CountyWarning).where(
            CountyWarning.township_id == tw_id,
            CountyWarning.return_seq.is_(None)).order_by(CountyWarning.id)).all()
        if "warning" not in carried:
            if rows:
                queued_later["warning"] = len(rows)
            return [], []
        return [cls._warning_record(r) for r in rows], [r.id for r in rows]

    @staticmethod
    def _warning_record(row: CountyWarning) -> dict[str, Any]:
        return {"uuid": row.uuid, "list_no": row.list_no, "listed_on": row.listed_on.isoformat(),
                "village_code": row.village_code, "name": row.name, "id_number": row.id_number,
                "reason": row.reason, "risk": row.risk, "source": row.source,
                "withdrawn": bool(row.withdrawn)}

    # updates -----------------------------------------------------------------------
    def check_updates(self, code: str, updates: Mapping[str, Any]) -> dict[str, list[dict]]:  # noqa: C901 - one check per update kind
        """Validate update records (``catalogue``, ``eligibility``, ``holiday_year``,
        ``standards``, ``village``; the current format's schemas) as the township will: a
        bad update would make it refuse the whole return package."""
        def bad(en: str, zh: str) -> PackageError:
            return _fail("update_invalid", en, f"更新无效：{zh}")

        if not isinstance(updates, Mapping):
            raise bad("the updates file must hold a JSON object {type: [records]}",
                      "更新文件应为 JSON 对象")
        out: dict[str, list[dict]] = {}
        for type_, recs in updates.items():
            if type_ not in UPDATE_TYPES:
                raise bad(f"unknown update type {type_!r} (one of {', '.join(UPDATE_TYPES)})",
                          f"未知的更新类型 {type_}")
            if not isinstance(recs, list):
                raise bad(f"{type_}: a list of records expected", f"{type_} 应为列表")
            for rec in recs:
                try:
                    env.validate_record(COUNTY_RETURN, type_, rec)
                except PackageError as exc:
                    raise bad(exc.message.split(" / ", 1)[-1], f"{type_} 不符合格式规范") from None
            out[type_] = list(recs)
        try:
            if out.get("holiday_year"):
                _check_holiday_years("holiday_years", {str(r["year"]): {
                    "holidays": r["holidays"], "workdays": r["workdays"]}
                    for r in out["holiday_year"]})
            if out.get("standards"):
                _check_standards("standards", [{**r["entry"], "effective_from": r["effective_from"]}
                                               for r in out["standards"]])
        except ValidationError as exc:
            raise bad(str(exc).splitlines()[0], str(exc).splitlines()[0]) from None
        problems = _eligibility_problems(out.get("eligibility", []))
        if problems:    # the township's strict parser would refuse the whole return
            raise bad("; ".join(problems), "eligibility 条目的生效日期无效或重复")
        for rec in out.get("village", []):
            if rec["code"][:9] != code[:9]:
                raise bad(f"village {rec['code']} is not in township {code}",
                          f"村（居）委会 {rec['code']} 不属于乡镇 {code}")
        if len(out.get("catalogue", [])) > 1:
            raise bad("at most one catalogue", "事项目录最多一份")
        for rec in out.get("catalogue", []):
            try:
                parse_catalog(rec["document"], "county updates")
            except CatalogError as exc:
                raise bad(f"catalogue: {str(exc).splitlines()[0]}", "事项目录无效") from None
        return out

    @staticmethod
    def holiday_year_from_calendar(year: int) -> dict[str, Any]:
        """The ``holiday_year`` record of ``year`` from chinesecalendar (the years it knows)."""
        import chinese_calendar as cc
        holidays = sorted(d for d in cc.holidays if d.year == year and d.weekday() < 5)
        workdays = sorted(d for d in cc.workdays if d.year == year and d.weekday() >= 5)
        if not holidays:
            raise _fail("update_invalid", f"chinesecalendar does not know {year}; give the year's "
                        "holidays in --updates FILE", f"chinesecalendar 没有 {year} 年的节假日安排，"
                        "请在 --updates 文件中提供")
        return {"year": year, "holidays": [d.isoformat() for d in holidays],
                "workdays": [d.isoformat() for d in workdays]}

    def queue_updates(self, code: str, updates: Mapping[str, Any]) -> dict[str, int]:
        """Queue update records for township ``code``'s next return (``county-receiver
        update``): checked as :meth:`check_updates` does, stored until a return of a
        format version that carries their type takes them. A record queued again with
        the same key (``effective_from``, ``year``, ``code``, ``version``) before it was
        sent replaces the first. Returns records queued per type."""
        checked = self.check_updates(code, updates)
        out: dict[str, int] = {}
        with Session(self.engine) as s, s.begin():
            tw = self._township(s, code)
            for type_, recs in checked.items():
                for rec in recs:
                    key = str(rec[UPDATE_KEYS[type_]])
                    s.execute(delete(QueuedUpdate).where(
                        QueuedUpdate.township_id == tw.id, QueuedUpdate.type == type_,
                        QueuedUpdate.key == key, QueuedUpdate.return_seq.is_(None)))
                    s.add(QueuedUpdate(township_id=tw.id, type=type_, key=key, data=dict(rec)))
                    out[type_] = out.get(type_, 0) + 1
        return out

    # return packages ---------------------------------------------------------------
    @staticmethod
    def _last_version(s: Session, township_id: int) -> int | None:
        """The format version of the township's last received package (None: none)."""
        man = s.scalar(select(ReceivedPackage.manifest).where(
            ReceivedPackage.township_id == township_id)
            .order_by(ReceivedPackage.package_seq.desc()).limit(1))
        return int(man["format_version"]) if man else None

    def return_version(self, code: str) -> int:
        """The format version of the next return to township ``code``: that of its last
        package (it reads what it writes), :data:`FIRST_RETURN_VERSION` before any."""
        with Session(self.engine) as s:
            tw = self._township(s, code)
            return self._last_version(s, tw.id) or FIRST_RETURN_VERSION

    def _township(self, s: Session, code: str) -> RegisteredTownship:
        tw = s.scalar(select(RegisteredTownship).where(RegisteredTownship.code == code))
        if tw is None:
            raise _fail("unknown_township", f"township {code} is not registered "
                        "(county-receiver register)", f"乡镇 {code} 未登记")
        return tw

    @staticmethod
    def _out_path(out: Path, code: str, seq: int) -> Path:
        out = Path(out)
        if out.is_dir():
            return out / env.package_name(code, seq, COUNTY_RETURN)
        if not out.parent.is_dir():
            raise _fail("io_error", f"folder {out.parent} does not exist",
                        f"文件夹 {out.parent} 不存在")
        return out

    def make_return(self, code: str, out: Path | str, *,
                    updates: Mapping[str, Any] | None = None,
                    feedback: Sequence[Mapping[str, Any]] | None = None,
                    created_at: str | None = None) -> ReturnResult | None:
        """Build the next return package for township ``code``: acknowledgements of every
        received package not acknowledged yet, the department feedback not sent yet,
        the queued updates and ``updates``. ``None`` when there is nothing to send.
        ``out``: a file or a folder.

        Written in the format version of the township's last package
        (:meth:`return_version`): updates of a type that version cannot carry
        (``eligibility`` for a version-1 township) are queued instead, and go with the
        first return after the township sends a newer package."""
        ks = self._own_keys()
        if feedback:
            self.load_feedback(feedback)
        version = self.return_version(code)
        carried = set(types_of(COUNTY_RETURN, version))
        checked_all = self.check_updates(code, updates or {})
        later = {t: recs for t, recs in checked_all.items() if t not in carried and recs}
        if later:
            self.queue_updates(code, later)
        with Session(self.engine) as s:
            tw = self._township(s, code)
            recipients = list(tw.age_recipients or ())
            if not recipients:
                raise _fail("keys_missing", f"no age recipient registered for township {code} "
                            "(register it with its public key file or --age-recipient)",
                            f"乡镇 {code} 未登记 age 接收方公钥")
            checked = {t: list(recs) for t, recs in checked_all.items() if t in carried}
            queued_ids, queued_later = self._add_queued(s, tw.id, checked, carried)
            acks = s.execute(select(ReceivedPackage.id, ReceivedPackage.package_seq,
                                    ReceivedPackage.digest)
                             .where(ReceivedPackage.township_id == tw.id,
                                    ReceivedPackage.ack_return_seq.is_(None))
                             .order_by(ReceivedPackage.package_seq)).all()
            fb_rows = s.scalars(select(DepartmentFeedback).where(
                DepartmentFeedback.township_id == tw.id, DepartmentFeedback.return_seq.is_(None))
                .order_by(DepartmentFeedback.id)).all()
            fb = [self._feedback_record(r) for r in fb_rows]
            fb_ids = [r.id for r in fb_rows]
            # confirmations (format 3): a township on an older format cannot take them —
            # they wait, like eligibility updates, and are named in the result
            cf_rows = s.scalars(select(CountyConfirmation).where(
                CountyConfirmation.township_id == tw.id,
                CountyConfirmation.return_seq.is_(None)).order_by(CountyConfirmation.id)).all()
            if "confirmation" not in carried:
                if cf_rows:
                    queued_later["confirmation"] = len(cf_rows)
                cf_rows = []
            cf = [self._confirmation_record(r) for r in cf_rows]
            cf_ids = [r.id for r in cf_rows]
            wr, wr_ids = self._pending_warnings(s, tw.id, carried, queued_later)
            # the trust lists of the document verifier (format 5; issue 17 — qrcheck)
            from .verify import unsent_lists
            trust, trust_sent = unsent_lists(s, tw.id, carried)
            seq = (s.scalar(select(func.max(ReturnPackage.package_seq)).where(
                ReturnPackage.township_id == tw.id)) or 0) + 1
            tw_id = tw.id
            sent = self._drop_sent(s, tw_id, checked)
            sent += trust_sent
        if (not acks and not fb and not cf and not wr and not any(checked.values())
                and not any(trust.values())):
            return None
        checked = {t: recs for t, recs in checked.items() if recs}
        members = {"ack": [{"package_seq": a.package_seq, "sha256": a.digest} for a in acks],
                   "feedback": fb, **checked}
        if cf:
            members["confirmation"] = cf
        if wr:
            members["warning"] = wr
        members.update(trust)
        path = self._out_path(Path(out), code, seq)
        manifest = {"kind": COUNTY_RETURN, "township_code": code, "device_id": ks.device_id,
                    "package_seq": seq}
        if created_at:
            manifest["created_at"] = created_at
        try:
            tmpdir = tempfile.mkdtemp(prefix="twsync-ret-", dir=self.work_dir)
        except OSError as exc:
            raise fault(exc, self.work_dir or tempfile.gettempdir(), "make_return") from None
        try:
            inner = Path(tmpdir) / "inner.zip"
            built_at = Path(tmpdir) / path.name
            try:
                # Built in our own work folder, then copied next to the final name under a
                # temporary one: the final name appears only once the return is recorded
                # (the township's order, docs/sync-format.md §8a) — a crash before the
                # commit leaves no return N on the stick that the county has no record of.
                built = env.build_package(built_at, members, manifest, ks.signing_key,
                                          recipients, keep_inner=inner, work_dir=self.work_dir,
                                          validate=True, version=version)
                part = _stage_beside(built_at, path)
            except Exception as exc:  # a full or read-only folder: nothing under the final name
                raise _write_fault(exc, path.parent) from None
            try:
                self._record_return(tw_id, seq, built, inner, path, [a.id for a in acks], sent,
                                    fb_ids, queued_ids, cf_ids, wr_ids)
            except BaseException as exc:
                part.unlink(missing_ok=True)  # only our own temporary copy, never the final name
                if isinstance(exc, IntegrityError):
                    raise _fail("sequence_conflict", f"return package {seq} for {code} was made "
                                "at the same time by another process; run again",
                                f"第 {seq} 号返回包正被同时生成，请重试") from None
                raise
            try:
                replace_durably(part, path)
            except OSError as exc:
                # Recorded: `remake-return` writes it again (the inner ZIP is kept).
                part.unlink(missing_ok=True)
                raise _write_fault(exc, path.parent) from None
        finally:
            shutil.rmtree(tmpdir, ignore_errors=True)
        return ReturnResult(code, seq, path, built.digest, dict(built.counts),
                            format_version=version, queued=queued_later)

    @staticmethod
    def _add_queued(s: Session, tw_id: int, checked: dict[str, list[dict]],
                    carried: set[str]) -> tuple[list[int], dict[str, int]]:
        """Add the township's queued updates of the ``carried`` types to ``checked`` (an
        update given now with the same key wins). Returns (the queued rows taken, the
        number left queued per type)."""
        taken: list[int] = []
        left: dict[str, int] = {}
        for row in s.scalars(select(QueuedUpdate).where(
                QueuedUpdate.township_id == tw_id, QueuedUpdate.return_seq.is_(None))
                .order_by(QueuedUpdate.id)):
            if row.type not in carried:
                left[row.type] = left.get(row.type, 0) + 1
                continue
            taken.append(row.id)
            given = checked.setdefault(row.type, [])
            if all(str(r[UPDATE_KEYS[row.type]]) != row.key for r in given):
                given.append(dict(row.data))
        return taken, left

    @staticmethod
    def _drop_sent(s: Session, tw_id: int,
                   checked: dict[str, list[dict]]) -> list[tuple[str, str, str]]:
        """Remove from ``checked`` the updates identical to the last sent with their key;
        returns (type, key, sha256) of the rest (recorded as sent with the return)."""
        sent: list[tuple[str, str, str]] = []
        for type_ in list(checked):
            keep = []
            for rec in checked[type_]:
                key = str(rec[UPDATE_KEYS[type_]])
                h = hashlib.sha256(env.canonical_json(rec)).hexdigest()
                last = s.scalar(select(SentUpdate.sha256).where(
                    SentUpdate.township_id == tw_id, SentUpdate.type == type_,
                    SentUpdate.key == key).order_by(SentUpdate.return_seq.desc()).limit(1))
                if last != h:        # never sent, or sent with other content
                    keep.append(rec)
                    sent.append((type_, key, h))
            checked[type_] = keep
        return sent

    def _record_return(self, tw_id: int, seq: int, built: env.BuiltPackage, inner: Path,
                       path: Path, ack_ids: list[int], sent: list[tuple[str, str, str]],
                       fb_ids: list[int], queued_ids: Sequence[int] = (),
                       cf_ids: Sequence[int] = (), wr_ids: Sequence[int] = ()) -> None:
        """Record return ``seq`` (its inner ZIP kept for ``remake-return``), the packages
        it acknowledges, the updates and the feedback it carries — one transaction."""
        with Session(self.engine) as s, s.begin():
            s.add(ReturnPackage(township_id=tw_id, package_seq=seq, digest=built.digest,
                                manifest=built.manifest, inner_zip=inner.read_bytes(),
                                file_name=path.name[:200]))
            if ack_ids:
                s.execute(update(ReceivedPackage).where(ReceivedPackage.id.in_(ack_ids))
                          .values(ack_return_seq=seq))
            for type_, key, h in sent:
                s.add(SentUpdate(township_id=tw_id, type=type_, key=key, sha256=h,
                                 return_seq=seq))
            if fb_ids:
                s.execute(update(DepartmentFeedback).where(DepartmentFeedback.id.in_(fb_ids))
                          .values(return_seq=seq))
            if cf_ids:
                s.execute(update(CountyConfirmation).where(
                    CountyConfirmation.id.in_(list(cf_ids))).values(return_seq=seq))
            if wr_ids:
                s.execute(update(CountyWarning).where(
                    CountyWarning.id.in_(list(wr_ids))).values(return_seq=seq))
            if queued_ids:   # carried (or identical to what was sent before: not repeated)
                s.execute(update(QueuedUpdate).where(QueuedUpdate.id.in_(list(queued_ids)))
                          .values(return_seq=seq))

    def remake_return(self, code: str, seq: int, out: Path | str) -> ReturnResult:
        """Produce return package ``seq`` again (same content, encrypted afresh)."""
        with Session(self.engine) as s:
            tw = self._township(s, code)
            row = s.scalar(select(ReturnPackage).where(ReturnPackage.township_id == tw.id,
                                                       ReturnPackage.package_seq == seq))
            if row is None:
                raise _fail("io_error", f"no return package {seq} for {code}",
                            f"没有 {code} 的第 {seq} 号返回包")
            recipients, data = list(tw.age_recipients or ()), row.inner_zip
            digest, counts = row.digest, dict(row.manifest["counts"])
            version = int(row.manifest["format_version"])
        if not recipients:
            raise _fail("keys_missing", f"no age recipient registered for township {code}",
                        f"乡镇 {code} 未登记 age 接收方公钥")
        path = self._out_path(Path(out), code, seq)
        try:
            tmpdir = tempfile.mkdtemp(prefix="twsync-ret-", dir=self.work_dir)
        except OSError as exc:
            raise fault(exc, self.work_dir or tempfile.gettempdir(), "make_return") from None
        try:
            inner = Path(tmpdir) / "inner.zip"
            try:
                inner.write_bytes(data)
            except OSError as exc:
                raise fault(exc, Path(tmpdir).parent, "make_return") from None
            try:
                env.encrypt_inner(inner, path, recipients)
            except Exception as exc:
                raise _write_fault(exc, path.parent) from None
        finally:
            shutil.rmtree(tmpdir, ignore_errors=True)
        return ReturnResult(code, seq, path, digest, counts, reexport=True,
                            format_version=version)


__all__ = ["DEFAULT_URL", "ConfirmationResult", "County", "FeedbackResult", "IngestResult",
           "ReturnResult", "TownshipInfo", "WarningResult", "db_problem", "normalise_url",
           "row_digest", "warning_record", "warnings_from_file"]


def _received_task(s: Session, item: dict[str, Any],
                   schema: str) -> tuple[str, CountyRecord, RegisteredTownship]:
    """The task a county entry (feedback, confirmation) is about: its text checked against
    ``schema`` before any query (PostgreSQL refuses NUL and surrogates), then the task
    received from a township and that township; refused when not received."""
    bad = validator(schema).text_problem(item)
    if bad is not None:
        raise _fail("text_invalid", f"field {bad}", f"字段 {bad.where}{bad.zh}")
    task_uuid = str(item.get("task_uuid") or "").strip().lower()
    task = s.scalar(select(CountyRecord).where(CountyRecord.type == "requested_item",
                                               CountyRecord.uuid == task_uuid))
    if task is None:
        raise _fail("unknown_task", f"task {task_uuid} has not been received from any "
                    "township", f"县级尚未收到事项 {task_uuid}")
    tw = s.get(RegisteredTownship, task.township_id)
    assert tw is not None  # a received record always belongs to a registered township (FK)
    return task_uuid, task, tw


# -- the warning list (预警名单, format 4) --------------------------------------------------
WARNING_FIELDS = ("uuid", "list_no", "listed_on", "village_code", "name", "id_number", "reason",
                  "risk", "source", "withdrawn")
#: Column headings a county office may use in its CSV (Chinese) -> field.
WARNING_HEADINGS = {"名单编号": "list_no", "列入日期": "listed_on", "村（居）代码": "village_code",
                    "村居代码": "village_code", "姓名": "name", "身份证号": "id_number",
                    "身份证号码": "id_number", "预警原因": "reason", "风险等级": "risk",
                    "来源": "source", "撤销": "withdrawn", "编号": "uuid"}
_RISK_WORDS = {"high": "high", "medium": "medium", "low": "low", "高": "high", "中": "medium",
               "低": "low"}
_YES = {"true", "1", "yes", "是", "y"}
_NO = {"false", "0", "no", "否", "n", ""}
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")
_ID18 = re.compile(r"^[0-9]{17}[0-9X]$")
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_WARNING_LIMITS = {"list_no": 40, "name": 30, "reason": 200, "source": 60}


def _id_ok(number: str) -> bool:
    if not _ID18.match(number):
        return False
    total = sum(int(c) * w for c, w in zip(number[:17], _ID_WEIGHTS, strict=True))
    return _ID_CHECK[total % 11] == number[17]


def _warning_texts(code: str, item: Mapping[str, Any], bad: Any) -> dict[str, Any]:
    """The text fields of a warning record, checked (text rule, lengths, the name given,
    the ID number's check digit, the village in the township)."""
    rec: dict[str, Any] = {}
    for f in ("list_no", "village_code", "name", "id_number", "reason", "source"):
        value = item.get(f)
        value = "" if value is None else str(value)
        value = " ".join(value.split()) if f != "reason" else value.strip()
        problem = text_problem(value) if value else None
        if problem is not None:
            raise bad(f, describe(problem)[1], describe(problem)[0])
        if len(value) > _WARNING_LIMITS.get(f, 18 if f == "id_number" else 12):
            raise bad(f, "too long", "过长")
        rec[f] = value
    for f, zh in (("name", "姓名"), ("list_no", "名单编号"), ("village_code", "村（居）代码")):
        if not rec[f]:
            raise bad(f, "required", f"{zh}不能为空")
    rec["id_number"] = rec["id_number"].upper()
    if rec["id_number"] and not _id_ok(rec["id_number"]):
        raise bad("id_number", "not a valid 18-digit ID number", "身份证号码无效")
    if not _CODE12.match(rec["village_code"]) or rec["village_code"][:9] != code[:9]:
        raise bad("village_code", f"not a village of township {code}", f"不是乡镇 {code} 的村（居）")
    return rec


def warning_record(code: str, item: Mapping[str, Any], line: int = 1) -> dict[str, Any]:
    """One ``warning`` record for township ``code`` from what the county typed (a CSV row
    or a JSON object): checked (dates, the village in the township, the ID number's check
    digit, risk, text lengths and the contract's text rule, the schema when the format
    has it) and normalised. ``warning_invalid`` naming the record and field, never the
    value."""
    def bad(field_: str, en: str, zh: str) -> PackageError:
        return _fail("warning_invalid", f"record {line}, {field_}: {en}",
                     f"第 {line} 条的{field_}：{zh}")

    unknown = set(item) - set(WARNING_FIELDS)
    if unknown:
        raise bad(sorted(unknown)[0], "unknown field", "未知字段")
    rec = _warning_texts(code, item, bad)
    try:
        listed = _day(item.get("listed_on"), "listed_on", "warning_invalid")
    except PackageError:
        raise bad("listed_on", "not a date (YYYY-MM-DD)", "不是日期（YYYY-MM-DD）") from None
    if listed is None:
        raise bad("listed_on", "required", "列入日期不能为空")
    rec["listed_on"] = listed.isoformat()
    risk = _RISK_WORDS.get(str(item.get("risk") or "medium").strip().lower())
    if risk is None:
        raise bad("risk", "high, medium or low", "风险等级应为高、中或低")
    rec["risk"] = risk
    withdrawn = item.get("withdrawn", False)
    if not isinstance(withdrawn, bool):
        word = str(withdrawn).strip().lower()
        if word not in _YES | _NO:
            raise bad("withdrawn", "true or false", "撤销应为是或否")
        withdrawn = word in _YES
    rec["withdrawn"] = withdrawn
    uuid_ = str(item.get("uuid") or "").strip().lower()
    if not uuid_:
        import uuid as _uuidmod
        who = rec["id_number"] or f"{rec['name']}|{rec['village_code']}"
        uuid_ = str(_uuidmod.uuid5(_uuidmod.NAMESPACE_URL,
                                   f"twsync-warning:{code}|{rec['list_no']}|{who}"))
    if not _UUID.match(uuid_):
        raise bad("uuid", "not a uuid", "编号格式不正确")
    rec = {"uuid": uuid_, **{f: rec[f] for f in WARNING_FIELDS if f != "uuid"}}
    if "warning" in types_of(COUNTY_RETURN):
        try:
            env.validate_record(COUNTY_RETURN, "warning", rec)
        except PackageError as exc:
            raise _fail("warning_invalid", f"record {line}: " + exc.message.split(" / ", 1)[-1],
                        f"第 {line} 条不符合格式规范") from None
    return rec


def warnings_from_file(path: Path) -> list[dict[str, Any]]:
    """The records of a warning list file: ``.json`` (a list of objects, or one object)
    or ``.csv`` (UTF-8, with or without BOM; a heading row of field names or the Chinese
    headings of :data:`WARNING_HEADINGS`)."""
    import csv

    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        if isinstance(exc, OSError):
            raise fault(exc, path.parent, "import", outcome="nothing_changed") from None
        raise _fail("warning_invalid", f"{path.name}: not UTF-8 text",
                    f"{path.name} 不是 UTF-8 文本") from None
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(raw)
        except ValueError:
            raise _fail("warning_invalid", f"{path.name}: not JSON",
                        f"{path.name} 不是有效的 JSON") from None
        data = [data] if isinstance(data, dict) else data
        if not isinstance(data, list) or not all(isinstance(r, dict) for r in data):
            raise _fail("warning_invalid", f"{path.name}: a JSON list of objects expected",
                        f"{path.name} 应为 JSON 对象列表")
        return data
    if path.suffix.lower() != ".csv":
        raise _fail("warning_invalid", f"{path.name}: .csv or .json expected",
                    f"{path.name} 应为 .csv 或 .json 文件")
    rows = list(csv.reader(raw.splitlines()))
    if not rows:
        return []
    heads = [WARNING_HEADINGS.get(h.strip(), h.strip()) for h in rows[0]]
    return [{h: v for h, v in zip(heads, r, strict=False) if h}
            for r in rows[1:] if any(c.strip() for c in r)]
