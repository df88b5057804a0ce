"""A real CUPS print queue for the print tests.

Run as root (CI and ``bash dev.sh test`` as root), the ``cups_queue`` fixture
installs the Debian packages in ``APT_PACKAGES`` when they are missing, starts
``cupsd`` directly in the foreground (no systemd) unless a scheduler is already
running, adds the cups-pdf queue ``PDF`` (output lands in root's ``~/PDF/``),
waits until it accepts jobs, and stops the scheduler it started at the end.
Not root, or no ``apt-get`` for the missing packages: the tests are skipped with
the reason. As root, a failed install or a scheduler that does not come up fails.
"""

from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from .ipp import get_jobs

HERE = Path(__file__).parent
QUEUE = "PDF"
PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
CUPSD = Path("/usr/sbin/cupsd")


@dataclass(frozen=True)
class Queue:
    name: str
    out_dir: Path  # where cups-pdf writes the printed PDFs


def _packages() -> list[str]:
    return [line.strip() for line in (HERE / "APT_PACKAGES").read_text().splitlines()
            if line.strip() and not line.startswith("#")]


def _missing(packages: list[str]) -> list[str]:
    if shutil.which("dpkg-query") is None:
        return packages
    missing = []
    for name in packages:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Status}", name],
                             capture_output=True, text=True)
        if "install ok installed" not in out.stdout:
            missing.append(name)
    return missing


def _install() -> None:
    missing = _missing(_packages())
    if not missing:
        return
    if shutil.which("apt-get") is None:
        pytest.skip(f"CUPS test needs the Debian packages {' '.join(missing)} and there is "
                    "no apt-get to install them")
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    for cmd in (["apt-get", "update", "-qq"],
                ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing]):
        run = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=900)
        if run.returncode != 0:
            pytest.fail(f"{' '.join(cmd)} failed:\n{run.stdout[-2000:]}\n{run.stderr[-2000:]}")


def _scheduler_running() -> bool:
    try:
        get_jobs(QUEUE, timeout=2)
        return True
    except OSError:
        return False
    except Exception:
        return True


def _wait(predicate, seconds: float, what: str) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    pytest.fail(f"timed out after {seconds:.0f} s waiting for {what}")


def _run(*cmd: str) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=60)


def _accepting() -> bool:
    out = _run("lpstat", "-a", QUEUE)
    return out.returncode == 0 and "accepting requests" in out.stdout \
        and "not accepting" not in out.stdout


@pytest.fixture(scope="session")
def cups_queue():
    if os.geteuid() != 0:
        pytest.skip("the CUPS print-queue test runs as root (it installs and starts cupsd)")
    _install()
    started: subprocess.Popen | None = None
    if not _scheduler_running():
        started = subprocess.Popen([str(CUPSD), "-f"], stdout=subprocess.DEVNULL,
                                   stderr=subprocess.PIPE)
        try:
            _wait(lambda: started.poll() is not None or _scheduler_running(), 30,
                  "cupsd to answer on localhost:631")
        except BaseException:
            started.kill()
            raise
        if started.poll() is not None:
            pytest.fail(f"cupsd exited with {started.returncode}: "
                        f"{started.stderr.read().decode(errors='replace')[-2000:]}")
    try:
        if _run("lpstat", "-p", QUEUE).returncode != 0:
            added = _run("lpadmin", "-p", QUEUE, "-v", "cups-pdf:/", "-E", "-P", str(PPD))
            if added.returncode != 0:
                pytest.fail(f"lpadmin failed: {added.stderr}")
        _run("cupsenable", QUEUE)
        _run("cupsaccept", QUEUE)
        _wait(_accepting, 30, f"queue {QUEUE} to accept jobs")
        home = Path(pwd.getpwuid(os.geteuid()).pw_dir)
        yield Queue(QUEUE, home / "PDF")
    finally:
        if started is not None:
            started.terminate()
            try:
                started.wait(timeout=20)
            except subprocess.TimeoutExpired:
                started.kill()
                started.wait()
