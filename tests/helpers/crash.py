"""The rounds of the crash test (``tests/core/test_crash.py``): a fork server
(``tests/core/crash_writer.py``) saves applications through the real service and is
SIGKILLed at random moments, hundreds of times.

The kills are timed from the writer's own reports, not from the wall clock, so they
land at the same places on an idle or a loaded machine: a few rounds while the writer
opens the folder; the others after its "open" handshake and 0 or 1 reported saves, a
random fraction (0-110 %) of a save's measured duration later — inside the
transaction, in the commit, between the commit and the PDF files, while writing a
file, and between saves. Only rounds killed after the handshake count towards
``CRASH_ROUNDS`` (default 220); the total is bounded (twice that).

The rounds mostly wait for the writer, so they run on a thread: ``tests/conftest.py``
starts them when the session begins (if the crash test is selected) and runs the test
last; the test waits for them and checks the folder. Run alone, the test starts them
itself. The thread touches no library state of the test process (no SQLAlchemy, no
Alembic, no Qt): it only writes to and reads from the writer's pipes and sends signals.
"""

from __future__ import annotations

import os
import queue
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WRITER = ROOT / "tests" / "core" / "crash_writer.py"
ROUNDS = int(os.environ.get("CRASH_ROUNDS", "220"))
EARLY = 0.1  # share of rounds killed while the writer opens the folder (before the handshake)
WAIT = 120.0  # seconds to wait for one report before calling the writer stuck


class WriterFailed(AssertionError):
    """The writer did something other than being killed (its stderr attached)."""


def _township(data: Path) -> None:
    from desktop_app.core.services import Services
    from desktop_app.core.services.demo import create_demo_township

    services = Services.open(data)
    try:
        create_demo_township(services)
    finally:
        services.close()  # releases the folder's lock for the writers


class Estimate:
    """A running estimate of how long a phase takes (mean of the recent observations)."""

    def __init__(self, first: float) -> None:
        self.value = first

    def add(self, seconds: float) -> None:
        self.value = 0.8 * self.value + 0.2 * seconds


class CrashRun:
    """One crash run in ``folder``: ``data/`` (the township), ``success.txt`` (the saves
    the writer reported, fsynced) and the writer's stderr."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.data, self.success = folder / "data", folder / "success.txt"
        self.stderr = folder / "writer-stderr.txt"
        self.outcomes: Counter[str] = Counter()
        self.piped: list[int] = []  # saves the writer reported on the pipe (after fsyncing them)
        self.rounds = 0
        self.elapsed = 0.0
        self.error: BaseException | None = None
        self._server: subprocess.Popen | None = None
        self._pid: int | None = None  # the writer being killed this round
        self._lines: queue.Queue[tuple[float, str]] = queue.Queue()
        self._thread = threading.Thread(target=self._run, name="crash-rounds", daemon=True)

    def start(self) -> CrashRun:
        # The township is set up here, on the calling thread: the thread below only talks
        # to the writer processes (two Alembic runs at once in one process crash it).
        _township(self.data)
        self._thread.start()
        return self

    def wait(self) -> CrashRun:
        """Wait for the rounds; a writer failure is raised here."""
        self._thread.join()
        if self.error is not None:
            raise self.error
        return self

    def stop(self) -> None:
        """End a run that is still going (the session is ending early)."""
        if not self._thread.is_alive():
            return
        for pid in (self._pid, self._server.pid if self._server else None):
            if pid is not None:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass

    def _run(self) -> None:
        try:
            self._rounds()
        except BaseException as exc:  # handed to the test by wait()
            self.error = exc

    def _fail(self, what: str) -> WriterFailed:
        return WriterFailed(f"{what}:\n" + self.stderr.read_text()[-3000:])

    def _read(self) -> None:
        assert self._server is not None and self._server.stdout is not None
        for line in self._server.stdout:
            self._lines.put((time.perf_counter(), line.strip()))
        self._lines.put((time.perf_counter(), "eof"))

    def _next(self) -> tuple[float, str, str]:
        try:
            at, line = self._lines.get(timeout=WAIT)
        except queue.Empty:
            raise self._fail(f"no report from the writer in {WAIT:.0f} s") from None
        if line == "eof":
            raise self._fail("the writer's server ended")
        tag, _, arg = line.partition(" ")
        return at, tag, arg

    def _rounds(self) -> None:  # noqa: C901 - one loop, read top to bottom
        with open(self.stderr, "w") as errors:
            self._server = server = subprocess.Popen(
                [sys.executable, str(WRITER), str(self.data), str(self.success)],
                stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=errors, text=True, cwd=ROOT)
            threading.Thread(target=self._read, daemon=True).start()
            rng = random.Random(20261124)
            started = time.perf_counter()
            try:
                _, tag, arg = self._next()
                if tag != "ready":
                    raise self._fail(f"writer said {tag} {arg} instead of ready")
                save, opening = Estimate(float(arg)), Estimate(float(arg) / 4)
                while self.outcomes["counted"] < ROUNDS and self.rounds < 2 * ROUNDS:
                    server.stdin.write(f"go {self.rounds * 10_000}\n")
                    server.stdin.flush()
                    self.rounds += 1
                    early = rng.random() < EARLY
                    saves_first = 1 if rng.random() < 0.2 else 0
                    pid = forked = opened = last = None
                    seen = 0
                    while True:  # the writer's reports up to the kill point of this round
                        at, tag, arg = self._next()
                        if tag == "pid":
                            self._pid = pid = int(arg)
                            forked = at
                        elif tag == "open":
                            opened = last = at
                        elif tag == "saved":
                            self.piped.append(int(arg))
                            save.add(at - last)
                            last, seen = at, seen + 1
                        elif tag == "status":
                            raise self._fail(f"writer ended before it was killed (status {arg})")
                        if pid is None:
                            continue
                        if opened is None and early:
                            kill_at = forked + rng.uniform(0, opening.value)
                            break
                        if opened is not None and seen >= saves_first:
                            if forked is not None and seen == 0:
                                opening.add(opened - forked)
                            kill_at = last + rng.uniform(0, 1.1 * save.value)
                            break
                    time.sleep(max(0.0, kill_at - time.perf_counter()))
                    os.kill(pid, signal.SIGKILL)
                    handshake = opened is not None
                    while True:  # everything the child wrote comes before the server's status
                        _, tag, arg = self._next()
                        if tag == "open":
                            handshake = True
                        elif tag == "saved":
                            self.piped.append(int(arg))
                        elif tag == "status":
                            status = int(arg)
                            break
                    self._pid = None
                    if not (os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL):
                        errors.flush()  # the writer failed by itself (e.g. could not open the folder)
                        raise self._fail(f"writer exited with status {status}")
                    self.outcomes["killed"] += 1
                    # A round killed before the writer's handshake is extra, not one of ROUNDS.
                    self.outcomes["counted" if handshake else "early"] += 1
            finally:
                server.stdin.close()
                try:
                    server.wait(timeout=30)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait()
                self.elapsed = time.perf_counter() - started


_background: CrashRun | None = None


def start_in_background() -> CrashRun:
    """Start the rounds now, in a folder of their own beside the session's tmp_path folders
    (the test removes it once passed)."""
    global _background
    root = os.environ.get("PYTEST_DEBUG_TEMPROOT") or tempfile.gettempdir()  # as tmp_path's
    _background = CrashRun(Path(tempfile.mkdtemp(prefix="pytest-crash-", dir=root))).start()
    return _background


def take_background() -> CrashRun | None:
    """The run started by :func:`start_in_background`, once (``None`` if there is none)."""
    global _background
    run, _background = _background, None
    return run


def stop_background() -> None:
    if _background is not None:
        _background.stop()
        shutil.rmtree(_background.folder, ignore_errors=True)
