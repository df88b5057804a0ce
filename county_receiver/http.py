"""The county's HTTP receiver (issue 17, docs/upload.md): township packages uploaded when
online, return packages downloaded. A Starlette ASGI app served by uvicorn
(``county-receiver serve``); Qt-free.

Protocol (``v1``; every request carries ``Authorization: Bearer <token>``, the token the
county issued to that township with ``county-receiver token issue``)::

    PUT  /v1/packages/{township_code}/{package_seq}   body: the exact .twpkg bytes
         Upload-Length: N                    the whole package's size
         Content-Range: bytes a-b/N          only when resuming at offset a
    HEAD /v1/packages/{township_code}/{package_seq}   -> Upload-Offset (bytes held)
    GET  /v1/packages/{township_code}                 -> {"last_seq": n}
    GET  /v1/returns/{township_code}?after=SEQ        -> the next return package (204: none)

When the last byte arrives the package goes through the same :meth:`County.ingest` as a
package from a USB stick: every check (signature, chain, sequence, schemas) applies. 200
``{"status": "ingested"|"already_received", …}``; a refusal 4xx ``{"reason",
"message_zh", "message"}`` with the receiver's reason codes. The package sequence is the
idempotency key: a repeat of a received package answers ``already_received`` and changes
nothing. Partial uploads live in ``<data>/uploads/`` (0700) as ``*.part`` — never under a
final name — and are removed on ingest, refusal or expiry.

Nothing personal reaches a URL or a log line: township codes, sequence numbers, sizes and
reason codes only (the packages themselves are age-encrypted on the wire and at rest here).
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import re
import secrets
import shutil
import sys
import tempfile
from collections.abc import Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from sync_contract.envelope import COUNTY_RETURN, PackageError, package_name
from sync_contract.faults import FileFault

from .models import (
    ReceivedPackage,
    RegisteredTownship,
    ReturnPackage,
    UploadSession,
    UploadToken,
    utcnow,
)
from .receiver import County

log = logging.getLogger("county_receiver.http")

API = "/v1"
UPLOADS_DIRNAME = "uploads"
#: An upload not finished within this time is dropped (its bytes removed).
SESSION_TTL = timedelta(hours=24)
TOKEN_PREFIX = "twup_"
_CODE_RE = re.compile(r"^\d{12}$")
_RANGE_RE = re.compile(r"^bytes (\d+)-(\d+)/(\d+)$")


# -- tokens ---------------------------------------------------------------------------
def token_hash(token: str) -> str:
    return hashlib.sha256(token.strip().encode("utf-8")).hexdigest()


def issue_token(county: County, code: str) -> str:
    """A new upload token for township ``code`` (earlier ones are revoked); only its
    SHA-256 is stored — the token is returned once, to be printed."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    with Session(county.engine) as s, s.begin():
        tw = county._township(s, code)
        s.execute(update(UploadToken).where(UploadToken.township_id == tw.id,
                                            UploadToken.revoked_at.is_(None))
                  .values(revoked_at=utcnow()))
        s.add(UploadToken(township_id=tw.id, token_sha256=token_hash(token)))
    return token


def revoke_tokens(county: County, code: str) -> int:
    """Revoke every upload token of township ``code``; returns how many."""
    with Session(county.engine) as s, s.begin():
        tw = county._township(s, code)
        res = s.execute(update(UploadToken).where(UploadToken.township_id == tw.id,
                                                  UploadToken.revoked_at.is_(None))
                        .values(revoked_at=utcnow()))
        return int(getattr(res, "rowcount", 0) or 0)


# -- the upload folder ----------------------------------------------------------------
def uploads_dir(data_dir: Path) -> Path:
    folder = Path(data_dir) / UPLOADS_DIRNAME
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    if sys.platform != "win32":
        os.chmod(folder, 0o700)
    return folder


def _part_name(code: str, seq: int) -> str:
    return f"{code}-{seq:06d}.part"


@dataclass(frozen=True)
class _Refusal:
    status: int
    reason: str
    message_zh: str
    message: str
    extra: dict[str, Any] | None = None

    def body(self) -> dict[str, Any]:
        out = {"reason": self.reason, "message_zh": self.message_zh, "message": self.message}
        out.update(self.extra or {})
        return out


def _refusal(status: int, reason: str, zh: str, en: str, **extra: Any) -> _Refusal:
    return _Refusal(status, reason, zh, en, extra or None)


#: HTTP status of a refused package by reason (others: 422).
_STATUS = {"sequence_gap": 409, "sequence_conflict": 409, "unknown_signer": 403,
           "db_error": 503, "io_error": 503}


def _from_package_error(exc: PackageError, expected: int | None) -> _Refusal:
    zh, _, en = exc.message.partition(" / ")
    extra = {"expected": expected} if exc.reason == "sequence_gap" and expected else {}
    return _Refusal(_STATUS.get(exc.reason, 422), exc.reason, zh, en or zh, extra or None)


UNAUTHORIZED = _refusal(401, "unauthorized", "上传凭证无效或已撤销，请向县级索取新的上传凭证",
                        "upload token missing, unknown or revoked")


class Receiver:
    """The blocking side of the app (database, files, ingest): run in worker threads."""

    def __init__(self, county: County, upload_dir: Path, *, max_bytes: int,
                 ttl: timedelta = SESSION_TTL, now: Callable[[], datetime] = utcnow) -> None:
        self.county, self.dir, self.max_bytes, self.ttl, self.now = (
            county, Path(upload_dir), max_bytes, ttl, now)

    # auth -------------------------------------------------------------------------
    def township_for(self, code: str, authorization: str | None) -> int | None:
        """The township id when ``authorization`` carries a live token of ``code``."""
        if not authorization or not _CODE_RE.match(code):
            return None
        scheme, _, token = authorization.partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            return None
        with Session(self.county.engine) as s:
            row = s.execute(select(UploadToken.township_id, RegisteredTownship.code)
                            .join(RegisteredTownship,
                                  RegisteredTownship.id == UploadToken.township_id)
                            .where(UploadToken.token_sha256 == token_hash(token),
                                   UploadToken.revoked_at.is_(None))).first()
        if row is None or not secrets.compare_digest(row[1], code):
            return None
        return int(row[0])

    # sessions ---------------------------------------------------------------------
    def sweep(self) -> int:
        """Remove expired sessions and ``.part`` files no session owns."""
        cutoff = self.now() - self.ttl
        with Session(self.county.engine) as s, s.begin():
            old = s.execute(select(UploadSession.id, RegisteredTownship.code,
                                   UploadSession.package_seq)
                            .join(RegisteredTownship,
                                  RegisteredTownship.id == UploadSession.township_id)
                            .where(UploadSession.updated_at < cutoff)).all()
            if old:
                s.execute(delete(UploadSession).where(UploadSession.id.in_([r[0] for r in old])))
            live = {_part_name(c, n) for c, n in s.execute(
                select(RegisteredTownship.code, UploadSession.package_seq)
                .join(RegisteredTownship, RegisteredTownship.id == UploadSession.township_id))}
        removed = 0
        for entry in self.dir.iterdir():
            if entry.name not in live:
                if entry.is_dir():
                    shutil.rmtree(entry, ignore_errors=True)
                else:
                    entry.unlink(missing_ok=True)
                removed += 1
        return removed

    def received(self, tw_id: int, seq: int) -> bool:
        with Session(self.county.engine) as s:
            return s.scalar(select(ReceivedPackage.id).where(
                ReceivedPackage.township_id == tw_id, ReceivedPackage.package_seq == seq)) is not None

    def last_seq(self, tw_id: int) -> int:
        from sqlalchemy import func
        with Session(self.county.engine) as s:
            return int(s.scalar(select(func.max(ReceivedPackage.package_seq)).where(
                ReceivedPackage.township_id == tw_id)) or 0)

    def held(self, tw_id: int, code: str, seq: int) -> tuple[int, int | None]:
        """(bytes held, declared length) of the upload of ``seq`` (0, None: none)."""
        with Session(self.county.engine) as s:
            row = s.scalar(select(UploadSession).where(UploadSession.township_id == tw_id,
                                                       UploadSession.package_seq == seq))
            if row is None:
                return 0, None
            length = row.length
        part = self.dir / _part_name(code, seq)
        try:
            size = part.stat().st_size
        except FileNotFoundError:
            size = 0
        return size, length

    def begin(self, tw_id: int, code: str, seq: int, length: int,
              start: int) -> tuple[Path, _Refusal | None]:
        """Open (start = 0: restart) or continue (start = bytes held) an upload."""
        part = self.dir / _part_name(code, seq)
        now = self.now()
        with Session(self.county.engine) as s, s.begin():
            row = s.scalar(select(UploadSession).where(UploadSession.township_id == tw_id,
                                                       UploadSession.package_seq == seq))
            if start == 0:
                if row is None:
                    s.add(UploadSession(township_id=tw_id, package_seq=seq, length=length,
                                        received=0, started_at=now, updated_at=now))
                else:
                    row.length, row.received, row.started_at, row.updated_at = length, 0, now, now
                with open(part, "wb"):
                    pass
                return part, None
            have = part.stat().st_size if row is not None and part.exists() else 0
            if row is None or row.length != length or have != start:
                return part, _refusal(409, "offset_mismatch",
                                      f"续传位置不符（县级已收到 {have} 字节），请重新上传",
                                      f"resume offset {start} does not match the {have} bytes held",
                                      offset=have)
            row.updated_at = now
        return part, None

    def note(self, tw_id: int, seq: int, received: int) -> None:
        with Session(self.county.engine) as s, s.begin():
            s.execute(update(UploadSession).where(UploadSession.township_id == tw_id,
                                                  UploadSession.package_seq == seq)
                      .values(received=received, updated_at=self.now()))

    def drop(self, tw_id: int, code: str, seq: int) -> None:
        with Session(self.county.engine) as s, s.begin():
            s.execute(delete(UploadSession).where(UploadSession.township_id == tw_id,
                                                  UploadSession.package_seq == seq))
        (self.dir / _part_name(code, seq)).unlink(missing_ok=True)

    def finish(self, tw_id: int, code: str, seq: int, part: Path) -> tuple[int, dict[str, Any]]:
        """The whole package is held: ingest it as a USB package would be (under its
        package name, in a private folder), then drop the upload either way."""
        stage = Path(tempfile.mkdtemp(prefix="in-", dir=self.dir))
        try:
            with open(part, "rb+") as fh:
                os.fsync(fh.fileno())
            pkg = stage / package_name(code, seq)
            os.replace(part, pkg)
            try:
                got = self.county.ingest(pkg)
            except PackageError as exc:
                expected = self.last_seq(tw_id) + 1 if exc.reason == "sequence_gap" else None
                refusal = _from_package_error(exc, expected)
                log.warning("upload: township %s package %s refused: %s", code, seq, exc.reason)
                return refusal.status, refusal.body()
            except FileFault as exc:    # the county's work folder (full, unwritable): retry later
                log.warning("upload: township %s package %s failed: io_error (%s)", code, seq,
                            exc.kind)
                return 503, _refusal(503, "io_error", "县级接收端暂时无法处理（磁盘或文件夹问题），"
                                     "请稍后再试", "county work folder fault").body()
            log.info("upload: township %s package %s %s", code, seq,
                     "already received" if got.already_received else "ingested")
            return 200, {"status": "already_received" if got.already_received else "ingested",
                         "township_code": got.township_code, "package_seq": got.package_seq,
                         "digest": got.digest, "applied": got.applied,
                         "conflicts": got.conflicts, "format_version": got.format_version}
        finally:
            shutil.rmtree(stage, ignore_errors=True)
            self.drop(tw_id, code, seq)

    # returns ----------------------------------------------------------------------
    def next_return(self, tw_id: int, code: str, after: int) -> tuple[int, bytes] | None:
        """Return package ``after + 1``: made before (produced again, same content), or
        made now from what is pending; ``None`` when there is nothing to send."""
        with Session(self.county.engine) as s:
            have = s.scalar(select(ReturnPackage.package_seq).where(
                ReturnPackage.township_id == tw_id, ReturnPackage.package_seq > after)
                .order_by(ReturnPackage.package_seq).limit(1))
        stage = Path(tempfile.mkdtemp(prefix="ret-", dir=self.dir))
        try:
            if have is not None:
                made = self.county.remake_return(code, have, stage)
            else:
                fresh = self.county.make_return(code, stage)
                if fresh is None:
                    return None
                made = fresh
            log.info("download: township %s return %s", code, made.package_seq)
            return made.package_seq, made.path.read_bytes()
        finally:
            shutil.rmtree(stage, ignore_errors=True)


def create_app(county: County, *, upload_dir: Path,  # noqa: C901 - the routes as closures
               max_bytes: int | None = None, ttl: timedelta = SESSION_TTL):
    """The ASGI app over ``county`` (opened; its ``work_dir`` set for decryption) keeping
    partial uploads in ``upload_dir`` (0700, :func:`uploads_dir`)."""
    from starlette.applications import Starlette
    from starlette.concurrency import run_in_threadpool
    from starlette.requests import ClientDisconnect, Request
    from starlette.responses import JSONResponse, Response
    from starlette.routing import Route

    limit = max_bytes if max_bytes is not None else county.limits.max_package_bytes
    rx = Receiver(county, upload_dir, max_bytes=limit, ttl=ttl)
    slot_locks: dict[tuple[str, int], asyncio.Lock] = {}
    return_locks: dict[str, asyncio.Lock] = {}

    def refuse(r: _Refusal) -> JSONResponse:
        return JSONResponse(r.body(), status_code=r.status, headers={"Cache-Control": "no-store"})

    async def authorised(request: Request) -> tuple[str, int | None]:
        code = request.path_params["code"]
        tw = await run_in_threadpool(rx.township_for, code,
                                     request.headers.get("authorization"))
        return code, tw

    async def head_package(request: Request) -> Response:
        code, tw = await authorised(request)
        if tw is None:
            return Response(status_code=401)
        seq = request.path_params["seq"]
        headers = {"Cache-Control": "no-store", "Upload-Offset": "0"}
        if await run_in_threadpool(rx.received, tw, seq):
            headers["Package-Status"] = "received"
            return Response(status_code=200, headers=headers)
        held, length = await run_in_threadpool(rx.held, tw, code, seq)
        headers["Upload-Offset"] = str(held)
        if length is not None:
            headers["Upload-Length"] = str(length)
        return Response(status_code=200 if length is not None else 404, headers=headers)

    async def status(request: Request) -> Response:
        code, tw = await authorised(request)
        if tw is None:
            return refuse(UNAUTHORIZED)
        return JSONResponse({"township_code": code,
                             "last_seq": await run_in_threadpool(rx.last_seq, tw)},
                            headers={"Cache-Control": "no-store"})

    async def put_package(request: Request) -> Response:
        code, tw = await authorised(request)
        if tw is None:
            return refuse(UNAUTHORIZED)
        seq = int(request.path_params["seq"])
        if seq < 1:
            return refuse(_refusal(400, "bad_request", "包序号无效", "package sequence must be ≥ 1"))
        try:
            length = int(request.headers["upload-length"])
        except (KeyError, ValueError):
            return refuse(_refusal(400, "bad_request", "缺少 Upload-Length", "Upload-Length missing"))
        if length < 1:
            return refuse(_refusal(400, "bad_request", "包长度无效", "Upload-Length must be ≥ 1"))
        if length > rx.max_bytes:
            return refuse(_refusal(413, "package_too_large",
                                   f"包太大（上限 {rx.max_bytes // (1 << 20)} MB），请改用U盘",
                                   f"package larger than {rx.max_bytes} bytes"))
        start = 0
        if "content-range" in request.headers:
            m = _RANGE_RE.match(request.headers["content-range"].strip())
            if not m or int(m[3]) != length or int(m[1]) > int(m[2]) or int(m[2]) >= length:
                return refuse(_refusal(400, "bad_request", "Content-Range 无效",
                                       "Content-Range must be bytes a-b/Upload-Length"))
            start = int(m[1])
        lock = slot_locks.setdefault((code, seq), asyncio.Lock())
        async with lock:
            part, bad = await run_in_threadpool(rx.begin, tw, code, seq, length, start)
            if bad is not None:
                return refuse(bad)
            have = start
            too_long = False
            try:
                with open(part, "r+b") as fh:
                    fh.seek(start)
                    async for chunk in request.stream():
                        if have + len(chunk) > length:
                            too_long = True
                            break
                        fh.write(chunk)
                        have += len(chunk)
                    fh.truncate(have)
            except ClientDisconnect:
                await run_in_threadpool(rx.note, tw, seq, have)
                log.info("upload: township %s package %s interrupted at %d of %d bytes",
                         code, seq, have, length)
                return Response(status_code=400)      # nobody is listening any more
            if too_long:
                await run_in_threadpool(rx.drop, tw, code, seq)
                return refuse(_refusal(400, "bad_request", "上传的字节数超过 Upload-Length，未接收",
                                       "more bytes than Upload-Length"))
            if have < length:
                await run_in_threadpool(rx.note, tw, seq, have)
                return JSONResponse({"status": "incomplete", "offset": have, "length": length},
                                    status_code=202, headers={"Upload-Offset": str(have),
                                                              "Cache-Control": "no-store"})
            status_code, body = await run_in_threadpool(rx.finish, tw, code, seq, part)
        return JSONResponse(body, status_code=status_code, headers={"Cache-Control": "no-store"})

    async def get_return(request: Request) -> Response:
        code, tw = await authorised(request)
        if tw is None:
            return refuse(UNAUTHORIZED)
        try:
            after = int(request.query_params.get("after", "0"))
        except ValueError:
            return refuse(_refusal(400, "bad_request", "after 参数无效", "after must be a number"))
        lock = return_locks.setdefault(code, asyncio.Lock())
        async with lock:
            try:
                got = await run_in_threadpool(rx.next_return, tw, code, max(after, 0))
            except PackageError as exc:
                log.warning("download: township %s refused: %s", code, exc.reason)
                return refuse(_from_package_error(exc, None))
        if got is None:
            return Response(status_code=204, headers={"Cache-Control": "no-store"})
        seq, data = got
        name = package_name(code, seq, COUNTY_RETURN)
        return Response(data, media_type="application/octet-stream",
                        headers={"Package-Seq": str(seq), "Cache-Control": "no-store",
                                 "Content-Disposition": f'attachment; filename="{name}"'})

    @asynccontextmanager
    async def lifespan(_app):
        removed = await run_in_threadpool(rx.sweep)
        if removed:
            log.info("uploads: removed %d expired or orphaned partial upload(s)", removed)
        yield

    app = Starlette(routes=[
        Route(API + "/packages/{code}/{seq:int}", put_package, methods=["PUT"]),
        Route(API + "/packages/{code}/{seq:int}", head_package, methods=["HEAD"]),
        Route(API + "/packages/{code}", status, methods=["GET"]),
        Route(API + "/returns/{code}", get_return, methods=["GET"]),
    ], lifespan=lifespan)
    app.state.receiver = rx
    return app


__all__ = ["API", "SESSION_TTL", "Receiver", "create_app", "issue_token",
           "revoke_tokens", "token_hash", "uploads_dir"]
