"""Upload when online (issue 17, docs/upload.md): the township sends its export packages
to the county's HTTP receiver and downloads its return packages — the same ``.twpkg`` /
``.twret`` bytes a USB stick carries, so every check on either side applies.

* :class:`CountyLink` — the HTTP client (httpx): resumable PUT (``HEAD`` → the bytes the
  county holds, then ``Content-Range`` from there), retry with back-off on network faults
  and 5xx, :class:`UploadOffline` when the county cannot be reached (its message tells
  the clerk to use 导出到U盘 instead).
* :class:`UploadService` — over :class:`~.service.SyncService`: the settings (county
  address in ``<data>/sync/upload.json``; the token in the key folder,
  ``<data>/keys/upload-token``, 0600 — never in a log or a message), ``upload`` (export
  what changed, then send every package the county does not hold yet, in order) and
  ``download_returns`` (fetch and import, through the ordinary import path, every return
  package the township has not applied yet).

Nothing personal goes into a URL (township code and sequence numbers only); the packages
are age-encrypted for the county.
"""

from __future__ import annotations

import json
import logging
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from sqlalchemy import func, select

from sync_contract.envelope import COUNTY_RETURN, Cancelled, PackageError, Progress, package_name
from sync_contract.faults import fault
from sync_contract.fs import atomic_write
from sync_contract.keys import write_secret

from ...models import SyncImport
from .. import auth
from ..auth import ActorRef

if TYPE_CHECKING:
    import httpx

    from .service import ImportResult, SyncService

log = logging.getLogger(__name__)

SETTINGS_FILE = "upload.json"
TOKEN_FILE = "upload-token"
OFFLINE_ZH = "无法连接县级接收端（网络不通或县级服务未开），本次未上传；请改用“导出到U盘”"
CHUNK = 1 << 20


class UploadOffline(PackageError):
    """The county's receiver could not be reached (after the retries)."""

    def __init__(self, detail: str = "") -> None:
        super().__init__("offline", detail, zh=OFFLINE_ZH,
                         en="the county receiver cannot be reached; use 导出到U盘 (USB) instead")


def _refused(body: Any, status: int) -> PackageError:
    """The county's refusal (``{reason, message_zh, message}``) as a PackageError."""
    if isinstance(body, dict) and body.get("reason"):
        return PackageError(str(body["reason"]), zh=str(body.get("message_zh") or body["reason"]),
                            en=str(body.get("message") or body["reason"]))
    return PackageError("upload_refused", f"HTTP {status}",
                        zh=f"县级接收端拒绝了请求（HTTP {status}），本次未上传",
                        en="the county receiver refused the request")


def _json(resp: httpx.Response) -> Any:
    try:
        return resp.json()
    except ValueError:
        return None


class CountyLink:
    """The HTTP client of one township for the county receiver at ``base_url``."""

    def __init__(self, base_url: str, token: str, *, retries: int = 4, backoff: float = 0.5,
                 timeout: float = 30.0, chunk: int = CHUNK,
                 sleep: Callable[[float], None] = time.sleep,
                 transport: httpx.BaseTransport | None = None) -> None:
        import httpx

        self.base = base_url.rstrip("/")
        self.retries, self.backoff, self.chunk, self.sleep = retries, backoff, chunk, sleep
        self.client = httpx.Client(headers={"Authorization": f"Bearer {token}"},
                                   timeout=httpx.Timeout(timeout), transport=transport,
                                   follow_redirects=False)

    def close(self) -> None:
        self.client.close()

    def __enter__(self) -> CountyLink:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # the retry loop ----------------------------------------------------------------
    def _call(self, attempt: Callable[[], httpx.Response],
              cancel: threading.Event | None = None) -> httpx.Response:
        """``attempt()`` with back-off on network faults and 5xx; :class:`UploadOffline`
        when every try failed that way."""
        import httpx

        last = ""
        for n in range(self.retries + 1):
            if cancel is not None and cancel.is_set():
                raise Cancelled()
            if n:
                self.sleep(self.backoff * (2 ** (n - 1)))
            try:
                resp = attempt()
            except httpx.TransportError as exc:
                last = type(exc).__name__
                log.info("county link: %s (try %d of %d)", last, n + 1, self.retries + 1)
                continue
            if resp.status_code >= 500:
                last = f"HTTP {resp.status_code}"
                log.info("county link: %s (try %d of %d)", last, n + 1, self.retries + 1)
                continue
            return resp
        raise UploadOffline(last)

    def _url(self, *parts: object) -> str:
        return self.base + "/v1/" + "/".join(str(p) for p in parts)

    # the protocol ------------------------------------------------------------------
    def last_seq(self, code: str) -> int:
        resp = self._call(lambda: self.client.get(self._url("packages", code)))
        if resp.status_code != 200:
            raise _refused(_json(resp), resp.status_code)
        return int(resp.json()["last_seq"])

    def offset(self, code: str, seq: int) -> tuple[int, bool]:
        """(bytes of package ``seq`` the county holds, whether it has received it)."""
        resp = self._call(lambda: self.client.head(self._url("packages", code, seq)))
        if resp.status_code == 401:
            raise _refused({"reason": "unauthorized",
                            "message_zh": "上传凭证无效或已撤销，请向县级索取新的上传凭证"}, 401)
        if resp.headers.get("Package-Status") == "received":
            return 0, True
        return int(resp.headers.get("Upload-Offset", "0") or 0), False

    def put(self, code: str, seq: int, path: Path, *, progress: Progress | None = None,
            cancel: threading.Event | None = None) -> dict[str, Any]:
        """Send package ``seq`` (the file ``path``), resuming at the bytes the county
        holds after an interruption; the county's answer (``status`` ingested /
        already_received). A refusal raises :class:`PackageError` with its reason."""
        total = path.stat().st_size
        first = [True]

        def attempt() -> httpx.Response:
            start = 0
            if not first[0]:
                start, _ = self.offset(code, seq)
                start = start if 0 < start < total else 0
            first[0] = False
            headers = {"Upload-Length": str(total), "Content-Type": "application/octet-stream"}
            if start:
                headers["Content-Range"] = f"bytes {start}-{total - 1}/{total}"
            return self.client.put(self._url("packages", code, seq),
                                   content=self._body(path, start, total, progress, cancel),
                                   headers=headers)

        resp = self._call(attempt, cancel)
        body = _json(resp)
        if resp.status_code == 202:   # the county holds part of it: send the rest
            resp = self._call(attempt, cancel)
            body = _json(resp)
        if resp.status_code != 200:
            raise _refused(body, resp.status_code)
        return dict(body or {})

    def _body(self, path: Path, start: int, total: int, progress: Progress | None,
              cancel: threading.Event | None) -> Iterator[bytes]:
        with open(path, "rb") as fh:
            fh.seek(start)
            done = start
            while chunk := fh.read(self.chunk):
                if cancel is not None and cancel.is_set():
                    raise Cancelled()
                done += len(chunk)
                yield chunk
                if progress is not None:
                    progress("upload", done, total)

    def next_return(self, code: str, after: int) -> tuple[int, bytes] | None:
        resp = self._call(lambda: self.client.get(self._url("returns", code),
                                                  params={"after": after}))
        if resp.status_code == 204:
            return None
        if resp.status_code != 200:
            raise _refused(_json(resp), resp.status_code)
        return int(resp.headers["Package-Seq"]), resp.content


# -- the township side ----------------------------------------------------------------
@dataclass(frozen=True)
class UploadSettings:
    county_url: str
    has_token: bool

    @property
    def ready(self) -> bool:
        return bool(self.county_url) and self.has_token


@dataclass(frozen=True)
class UploadReport:
    exported: int | None                           # the new package made for this upload
    sent: list[tuple[int, str]] = field(default_factory=list)   # (seq, status)

    @property
    def message(self) -> str:
        fresh = [n for n, st in self.sent if st == "ingested"]
        if not self.sent:
            return "县级已收到全部同步包，没有需要上传的 / the county holds every package"
        text = ("已上传第 " + "、".join(str(n) for n in fresh) + " 号包，县级已接收") if fresh else \
            "县级已收到这些同步包"
        return text + " / uploaded: " + ", ".join(f"{n} {st}" for n, st in self.sent)


def check_url(url: str) -> str:
    """A county address ``https://host[:port]`` (``http://`` only for this machine)."""
    url = url.strip().rstrip("/")
    parts = urlsplit(url)
    local = parts.hostname in ("127.0.0.1", "localhost", "::1")
    if parts.scheme not in ("https", "http") or not parts.hostname or \
            (parts.scheme == "http" and not local) or parts.query or parts.fragment:
        raise PackageError("upload_url", url[:80],
                           zh="县级接收端地址无效：须为 https://主机[:端口]（http 只用于本机）",
                           en="county address must be https://host[:port]")
    return url


class UploadService:
    """Upload / download for the township of ``sync``'s data folder."""

    def __init__(self, sync: SyncService, *, link: Callable[[str, str], CountyLink] | None = None
                 ) -> None:
        self.sync = sync
        self._link = link or (lambda url, token: CountyLink(url, token))

    # settings ----------------------------------------------------------------------
    @property
    def _settings_path(self) -> Path:
        return self.sync.folder / SETTINGS_FILE

    @property
    def _token_path(self) -> Path:
        return self.sync.keys.folder / TOKEN_FILE

    def settings(self) -> UploadSettings:
        try:
            url = str(json.loads(self._settings_path.read_text("utf-8")).get("county_url", ""))
        except (OSError, ValueError, AttributeError):
            url = ""
        return UploadSettings(url, self._token_path.is_file())

    def configure(self, county_url: str, token: str | None, by: ActorRef) -> UploadSettings:
        """Set the county address and (when given) the upload token: administrators."""
        with self.sync.ctx.db.read() as s:
            auth.require(s, by, auth.KEYS)
        url = check_url(county_url)
        if token is not None:
            token = token.strip()
            if not token or any(c.isspace() for c in token) or len(token) > 200:
                raise PackageError("upload_token", zh="上传凭证无效（请原样粘贴县级给出的凭证）",
                                   en="upload token malformed")
            try:
                write_secret(self._token_path, token.encode("ascii", "strict"))
            except UnicodeEncodeError:
                raise PackageError("upload_token", zh="上传凭证无效（请原样粘贴县级给出的凭证）",
                                   en="upload token malformed") from None
            except OSError as exc:
                raise fault(exc, self._token_path.parent, "keys") from None
        try:
            atomic_write(self._settings_path, json.dumps({"county_url": url}).encode("utf-8"))
        except OSError as exc:
            raise fault(exc, self._settings_path.parent, "keys") from None
        return self.settings()

    def _open_link(self) -> CountyLink:
        st = self.settings()
        if not st.ready:
            raise PackageError("upload_not_configured", zh="尚未设置县级接收端地址和上传凭证"
                               "（同步 → 上传设置，或 desktop-app upload-settings --url … --token-file …）",
                               en="county address or upload token not set")
        token = self._token_path.read_text("ascii").strip()
        return self._link(st.county_url, token)

    def _code(self) -> str:
        with self.sync.ctx.db.read() as s:
            return self.sync._township_code(s)

    # upload ------------------------------------------------------------------------
    def upload(self, by: ActorRef, *, progress: Progress | None = None,
               cancel: threading.Event | None = None) -> UploadReport:
        """Export what changed (as 导出 does, into ``<data>/sync/outbox``), then send
        every logged package the county does not hold yet, oldest first."""
        with self.sync.ctx.db.read() as s:
            auth.require(s, by, auth.SYNC)
        code = self._code()
        with self._open_link() as link:
            county_last = link.last_seq(code)       # offline: nothing exported either
            outbox = self.sync.folder / "outbox"
            try:
                outbox.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise fault(exc, self.sync.folder, "export") from None
            made = None
            if self.sync.has_changes():
                res = self.sync.export(outbox, by, progress=progress, cancel=cancel)
                made = res.package_seq if res is not None else None
            rows = sorted((r for r in self.sync.log() if r.package_seq > county_last),
                          key=lambda r: r.package_seq)
            sent: list[tuple[int, str]] = []
            for row in rows:
                path = self.sync._verify_kept(code, row)
                got = link.put(code, row.package_seq, path, progress=progress, cancel=cancel)
                sent.append((row.package_seq, str(got.get("status", ""))))
                (outbox / row.file_name).unlink(missing_ok=True)
                log.info("upload: package %s %s", row.package_seq, got.get("status"))
        return UploadReport(made, sent)

    # download ----------------------------------------------------------------------
    def download_returns(self, by: ActorRef, *, limit: int = 50) -> list[ImportResult]:
        """Fetch and import every return package after the last one applied (through
        :meth:`SyncService.import_package`: the same checks as from a USB stick)."""
        with self.sync.ctx.db.read() as s:
            auth.require(s, by, auth.SYNC)
            after = int(s.scalar(select(func.max(SyncImport.package_seq))) or 0)
        code = self._code()
        done: list[ImportResult] = []
        with self._open_link() as link:
            for _ in range(limit):
                got = link.next_return(code, after)
                if got is None:
                    break
                seq, data = got
                folder = self.sync._work_dir()
                path = folder / package_name(code, seq, COUNTY_RETURN)
                try:
                    try:
                        atomic_write(path, data, mode=0o600)
                    except OSError as exc:
                        raise fault(exc, folder, "import", outcome="nothing_changed") from None
                    result = self.sync.import_package(path, by)
                finally:
                    path.unlink(missing_ok=True)
                done.append(result)
                log.info("download: return package %s %s", seq,
                         "already applied" if result.already_applied else "imported")
                if seq <= after:
                    break
                after = seq
        return done


def upload_service(services: Any) -> UploadService:
    """The upload service of opened :class:`~desktop_app.core.services.Services`."""
    return UploadService(services.sync)


__all__ = ["OFFLINE_ZH", "CountyLink", "UploadOffline", "UploadReport", "UploadService",
           "UploadSettings", "check_url", "upload_service"]
