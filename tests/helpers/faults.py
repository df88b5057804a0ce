"""Fault-test helpers (issue #11): a small tmpfs and a read-only bind mount (root only),
filling a file system, the one-Chinese-line check of a command's stderr, the seeded
personal data of a township and the scan of log files for it."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CJK = re.compile(r"[\u4e00-\u9fff]")
NEEDS_ROOT = "mounting a tmpfs or a read-only bind mount needs root (CI runs as root)"


def require_root() -> None:
    if os.geteuid() != 0:
        pytest.skip(NEEDS_ROOT)


def _mount(*args: str) -> None:
    r = subprocess.run(["mount", *args], capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount here ({r.stderr.strip()[:80]})")


def _umount(path: Path) -> None:
    subprocess.run(["umount", "-l", str(path)], check=False, capture_output=True)


@contextmanager
def tmpfs(path: Path, size: str = "2m") -> Iterator[Path]:
    """A ``size`` tmpfs mounted on ``path`` (created), unmounted at the end."""
    require_root()
    path.mkdir(parents=True, exist_ok=True)
    _mount("-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path))
    try:
        yield path
    finally:
        _umount(path)


@contextmanager
def read_only(src: Path, dst: Path) -> Iterator[Path]:
    """``src`` bind-mounted read-only on ``dst`` (created), unmounted at the end."""
    require_root()
    dst.mkdir(parents=True, exist_ok=True)
    _mount("--bind", str(src), str(dst))
    try:
        r = subprocess.run(["mount", "-o", "remount,bind,ro", str(dst)], capture_output=True)
        if r.returncode != 0:
            pytest.skip("cannot remount the bind mount read-only here")
        yield dst
    finally:
        _umount(dst)


def fill(folder: Path, leave: int) -> Path:
    """Fill the file system of ``folder`` until about ``leave`` bytes stay free."""
    st = os.statvfs(folder)
    free = st.f_bavail * st.f_frsize
    filler = folder / "filler.bin"
    with open(filler, "wb") as fh:
        fh.write(b"\0" * max(0, free - leave))
    return filler


def listing(folder: Path) -> list[str]:
    """Every file below ``folder`` (relative paths, sorted)."""
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*") if p.is_file())


def assert_one_chinese_line(stderr: str, *words: str) -> str:
    """The command said one line, in Chinese, with no traceback, errno or English-only
    exception text; returns it."""
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    assert len(lines) == 1, stderr
    line = lines[0]
    assert CJK.search(line), line
    for bad in ("Traceback", "Errno", "OSError", "Error:", "unexpected error", "[Err"):
        assert bad not in line, line
    for word in words:
        assert word in line, (word, line)
    return line


def no_parts(*folders: Path) -> None:
    """No temporary (``.part``) file anywhere below ``folders``."""
    for folder in folders:
        left = [p for p in Path(folder).rglob("*") if ".part" in p.name]
        assert not left, left


def seeded_secrets(db: Path) -> set[str]:
    """The names and ID numbers of every household member in the township database."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = con.execute("SELECT name, id_number FROM household_member").fetchall()
    finally:
        con.close()
    return {v for row in rows for v in row if v and len(v) >= 2}


def assert_logs_clean(folders: Iterable[Path], secrets: set[str]) -> int:
    """No log file below ``folders`` mentions a seeded name or ID number; returns how
    many log files were read (the scan must have read something to mean anything)."""
    read = 0
    for folder in folders:
        for path in Path(folder).rglob("*.log*"):
            text = path.read_text(encoding="utf-8", errors="replace")
            read += 1
            found = sorted(s for s in secrets if s in text)
            assert not found, (path, found)
    return read


def cli_login() -> list[str]:
    """``--user admin --password-stdin`` when this command line asks who you are (the
    demo township's administrator), else nothing."""
    from desktop_app.cli import build_parser

    return ["--user", "admin", "--password-stdin"] if "--user" in build_parser().format_help() \
        else []


def desktop_app(data: Path, *args: str, login: bool = True) -> subprocess.CompletedProcess:
    """``desktop-app --data-dir DATA ARGS…`` in a child process (as the demo admin)."""
    extra = cli_login() if login else []
    return subprocess.run([sys.executable, "-m", "desktop_app", "--data-dir", str(data), *extra,
                           *args], capture_output=True, text=True, timeout=300, cwd=ROOT,
                          input="guanli2026\n" if extra else None)


def county_receiver(data: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    """``county-receiver --data-dir DATA ARGS…`` in a child process."""
    return subprocess.run([sys.executable, "-m", "county_receiver", "--data-dir", str(data),
                           *args], capture_output=True, text=True, timeout=300, cwd=cwd)
