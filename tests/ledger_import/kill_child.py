"""A child process for the SIGKILL test: commits a ledger import and, once the first
chunk of rows is written inside the transaction, says so and waits to be killed."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from sqlalchemy import select


def main(data: str, ledger: str) -> None:
    from desktop_app.core.models import Staff
    from desktop_app.core.services import Services

    services = Services.open(Path(data))
    svc = services.ledger_import
    with services.ctx.db.read() as s:
        staff = s.scalars(select(Staff.id).where(Staff.username == "supervisor")).one()

    def progress(done: int, total: int | None) -> None:
        if done and done < (total or 0):
            print("WRITING", flush=True)
            time.sleep(120)

    svc.commit(Path(ledger), svc.suggest(svc.read(Path(ledger))), staff, progress=progress)
    print("COMMITTED", flush=True)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
