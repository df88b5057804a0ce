"""Writer for the crash test (``test_crash.py``): a fork server.

    python tests/core/crash_writer.py DATA_DIR SUCCESS_FILE

Imports the app and warms the PDF renderer once, then for every ``go N`` line on
stdin forks a child that opens the data folder and saves applications through the
real intake service in a loop, numbering them N, N+1, … (``hardship_reason`` =
``crash-<n>``). After ``decide()`` returns — the transaction committed and the PDFs
written — the child appends ``n`` to SUCCESS_FILE and fsyncs it: only then has the
save "reported success".

Everything the test needs to time its kills arrives on stdout, one short line each
(a single ``write`` below PIPE_BUF, so lines from the server and its child never mix):

- ``ready S``   the server is warm; S = seconds one save took during the warm-up
- ``pid P``     a child was forked
- ``open``      the child opened the folder (the handshake: it is about to save)
- ``saved N``   save N is committed, its PDFs written and N fsynced to SUCCESS_FILE
- ``status S``  the child is gone (S = the raw wait status); every line the child
                wrote is before this one in the pipe

The test kills children relative to these reports, so where a kill lands does not
depend on how loaded the machine is. Forking keeps each round at a few milliseconds
instead of a second of imports.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def say(line: str) -> None:
    """One line to the test, in a single unbuffered write (atomic on a pipe)."""
    os.write(1, f"{line}\n".encode())


def child(data_dir: Path, success: Path, first: int) -> None:
    from desktop_app.core.services import Services
    from tests.helpers.drafts import draft, resident_id

    services = Services.open(data_dir)
    clerk = services.setup.staff()[0].id
    fd = os.open(success, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    say("open")
    n = first
    while True:
        d = draft(services, id_number=resident_id(seed=n), hardship_reason=f"crash-{n}")
        if n % 2:
            services.intake.decide(d, "reject", clerk, ["户籍不在本乡镇"])
        else:
            services.intake.decide(d, "accept", clerk)
        os.write(fd, f"{n}\n".encode())
        os.fsync(fd)
        say(f"saved {n}")
        n += 1


def warm_up(data_dir: Path) -> float:
    """One accept and one reject on a scratch copy, so every child starts warm (SQLAlchemy
    and ReportLab first-use costs are paid here, not in each of hundreds of children).
    Returns the seconds a warm save took (the test's first estimate of a save)."""
    import shutil
    import tempfile

    from desktop_app.core.db import DB_FILENAME, backup_sqlite
    from desktop_app.core.services import Services
    from tests.helpers.drafts import draft, resident_id

    scratch = Path(tempfile.mkdtemp(prefix="crash-warm-"))
    try:
        backup_sqlite(data_dir / DB_FILENAME, scratch / DB_FILENAME)
        services = Services.open(scratch)
        clerk = services.setup.staff()[0].id
        services.intake.decide(draft(services, id_number=resident_id(seed=-1)), "accept", clerk)
        started = time.perf_counter()
        services.intake.decide(draft(services, id_number=resident_id(seed=-2)), "reject", clerk,
                               ["x"])
        services.intake.decide(draft(services, id_number=resident_id(seed=-3)), "accept", clerk)
        seconds = (time.perf_counter() - started) / 2
        services.close()
        return seconds
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def main() -> int:
    data_dir, success = Path(sys.argv[1]), Path(sys.argv[2])
    from desktop_app import printing
    from desktop_app.core.rules import pinyin
    from desktop_app.core.services import Services  # noqa: F401 - imported before forking
    from tests.helpers import drafts  # noqa: F401

    printing.warm_up()
    pinyin.search_keys("张三")  # imports pypinyin (0.5 s) once, before forking
    say(f"ready {warm_up(data_dir):.4f}")
    for line in sys.stdin:
        cmd, _, arg = line.strip().partition(" ")
        if cmd != "go":
            break
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                child(data_dir, success, int(arg))
            except BaseException:
                traceback.print_exc()
                code = 3
            finally:
                os._exit(code)
        say(f"pid {pid}")
        _, status = os.waitpid(pid, 0)
        say(f"status {status}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
