"""Running ``desktop-app`` commands in tests as a logged-in demo user.

Every command that reads personal data or changes anything needs ``--user NAME``; tests
pass the password on stdin (``--password-stdin``), as scripts do::

    assert main(as_user(monkeypatch, data, "admin") + ["users", "list"]) == 0

``as_user`` puts the demo password (plus any ``more`` lines: a new password, a recovery
code) on ``sys.stdin`` for the next call and returns the argv prefix.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from desktop_app.core.services.demo import DEMO_PASSWORDS


def feed(monkeypatch, *lines: str) -> None:
    """The next lines ``--password-stdin`` reads."""
    monkeypatch.setattr(sys, "stdin", io.StringIO("".join(f"{line}\n" for line in lines)))


def as_user(monkeypatch, data_dir: Path | str, user: str = "admin", *more: str,
            password: str | None = None) -> list[str]:
    feed(monkeypatch, DEMO_PASSWORDS[user] if password is None else password, *more)
    return ["--data-dir", str(data_dir), "--user", user, "--password-stdin"]


def login_argv(user: str = "admin") -> tuple[list[str], str]:
    """For a subprocess: the login options and the stdin text (``input=``)."""
    return ["--user", user, "--password-stdin"], DEMO_PASSWORDS[user] + "\n"
