"""A minimal IPP client (Get-Jobs) for the print-queue test: the job's state, title
and page count straight from the scheduler, without pycups."""

from __future__ import annotations

import http.client
import struct
from typing import Any

JOB_COMPLETED, JOB_CANCELED, JOB_ABORTED = 9, 7, 8
_INTEGER_TAGS = {0x21, 0x23}  # integer, enum


def _attr(tag: int, name: str, value: str) -> bytes:
    n, v = name.encode(), value.encode()
    return bytes([tag]) + struct.pack(">H", len(n)) + n + struct.pack(">H", len(v)) + v


def _parse(body: bytes) -> tuple[int, list[dict[str, Any]]]:
    """Status code and the job-attribute groups of an IPP response."""
    status = struct.unpack(">H", body[2:4])[0]
    i, groups, current, name = 8, [], None, ""
    while i < len(body):
        tag = body[i]
        i += 1
        if tag < 0x10:  # delimiter
            if tag == 0x03:
                break
            current = {} if tag == 0x02 else None
            if current is not None:
                groups.append(current)
            continue
        name_len = struct.unpack(">H", body[i:i + 2])[0]
        i += 2
        if name_len:
            name = body[i:i + name_len].decode()
        i += name_len
        value_len = struct.unpack(">H", body[i:i + 2])[0]
        i += 2
        raw = body[i:i + value_len]
        i += value_len
        if current is None:
            continue
        value: Any = struct.unpack(">i", raw)[0] if tag in _INTEGER_TAGS else \
            raw.decode(errors="replace")
        if name_len or name not in current:
            current[name] = value
    return status, groups


def get_jobs(printer: str, *, host: str = "localhost", port: int = 631,
             timeout: float = 10) -> list[dict[str, Any]]:
    """All jobs (pending and completed) of ``printer``: job-id, job-name, job-state,
    job-impressions-completed."""
    req = struct.pack(">hhi", 0x0200, 0x000A, 1) + b"\x01"
    req += _attr(0x47, "attributes-charset", "utf-8")
    req += _attr(0x48, "attributes-natural-language", "en")
    req += _attr(0x45, "printer-uri", f"ipp://localhost/printers/{printer}")
    req += _attr(0x42, "requesting-user-name", "root")
    req += _attr(0x44, "which-jobs", "all")
    req += _attr(0x44, "requested-attributes", "job-id")
    for extra in ("job-name", "job-state", "job-impressions-completed", "job-state-reasons"):
        req += _attr(0x44, "", extra)
    req += b"\x03"
    conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        conn.request("POST", f"/printers/{printer}", body=req,
                     headers={"Content-Type": "application/ipp"})
        resp = conn.getresponse()
        body = resp.read()
    finally:
        conn.close()
    if resp.status != 200:
        raise RuntimeError(f"IPP HTTP {resp.status}")
    status, groups = _parse(body)
    if status >= 0x0400 and status != 0x0406:  # 0x0406 not-found: no jobs yet
        raise RuntimeError(f"IPP status 0x{status:04x}")
    return [g for g in groups if "job-id" in g]
