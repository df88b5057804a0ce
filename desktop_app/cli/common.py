"""What every verb of the command line shares: the data folder, the services opened on
it, the login (``--user NAME``, the password from the terminal or ``--password-stdin``),
the one-line failure (exit code 1) and the table entry that names a verb.

Who may run which verb is the verb's ``access`` (docs/roles.md, "The command line"):
``OPEN`` verbs touch nothing personal and change nothing; every other verb logs a user
in through ``AccountService.login`` — the same call, lockout and audit events as the
window — and acts as that user (``Actor.via == "cli"``) through the same services and
permission checks.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core.services import Services
    from ..core.services.auth import Actor

APP_NAME = "TownshipServiceWindow"

#: ``Verb.access``: no login (nothing personal, nothing changed).
OPEN = ""
#: ``Verb.access``: any logged-in user.
ANY_USER = "*"
#: ``Verb.access``: the verb decides itself whether and how to log in (``demo`` into an
#: empty folder, ``restore`` of a database that cannot be opened, ``passwd``,
#: ``recover-admin``).
OWN = "own"


class CliError(Exception):
    """A failure to report as one line on stderr with exit code 1."""


@dataclass(frozen=True)
class Verb:
    """One command: its name and help in ``desktop-app --help``, the arguments it adds to
    its own sub-parser, the function that runs it (returning the exit code) and who may
    run it: :data:`OPEN`, :data:`ANY_USER`, a permission of ``core/services/auth.py``
    (e.g. ``"users.manage"``) or :data:`OWN`."""

    name: str
    help: str
    run: Callable[[argparse.Namespace], int]
    arguments: Callable[[argparse.ArgumentParser], None] | None = None
    access: str = ANY_USER


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def data_dir(args: argparse.Namespace) -> Path:
    """``--data-dir``, or the user's data folder."""
    chosen: Path | None = args.data_dir
    return chosen if chosen is not None else default_data_dir()


def add_login_options(p: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``--user`` and ``--password-stdin``, accepted before the command (``top``) and
    after it (a sub-parser leaves the value given before it alone)."""
    keep = argparse.SUPPRESS
    p.add_argument("--user", metavar="NAME", default=None if top else keep,
                   help="log in as this user (the commands that read personal data or change "
                        "anything need one; docs/roles.md)")
    p.add_argument("--password-stdin", action="store_true", default=False if top else keep,
                   help="read passwords from standard input, one per line (the login password "
                        "first, then a new password if the command asks for one) instead of "
                        "the terminal")


@contextmanager
def open_services(args: argparse.Namespace) -> Iterator[Services]:
    """The services on the data folder, closed when the block ends (however it ends).
    Inside the block that logged the user in (``main``), the same services again."""
    held: Services | None = getattr(args, "services", None)
    if held is not None:
        yield held
        return
    from ..core.services import Services

    services = Services.open(data_dir(args))
    args.services = services
    try:
        yield services
    finally:
        args.services = None
        services.close()


def interactive() -> bool:
    """A terminal to type into (not a pipe, not the windowed bundle without a console)."""
    try:
        return sys.stdin is not None and sys.stdin.isatty()
    except (AttributeError, OSError, ValueError):
        return False


def read_secret(args: argparse.Namespace, prompt: str, *, confirm: bool = False) -> str:
    """A password (or recovery code): the next line of stdin with ``--password-stdin``,
    else typed at the terminal without echo (twice with ``confirm``)."""
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline()
        if not line:
            raise CliError("--password-stdin：标准输入中没有更多的密码行")
        return line.rstrip("\r\n")
    if not interactive():
        raise CliError("没有可以输入密码的终端：请在命令行窗口中运行，或用 --password-stdin "
                       "从标准输入读取密码")
    import getpass

    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("再输入一次：") != first:
        raise CliError("两次输入的密码不一致，未作任何改动")
    return first


def require_setup(services: Services) -> None:
    if not services.setup.is_initialized():
        raise CliError(f"{services.ctx.db.data_dir} 中还没有数据（尚未完成首次设置）：请先运行 "
                       "desktop-app 完成设置，或用 desktop-app --data-dir 文件夹 demo 生成演示数据")


def log_in(args: argparse.Namespace, services: Services) -> tuple[Actor, str]:
    """Log ``--user`` in with the password read now (``AccountService.login``: failures
    count towards the lockout exactly as at the window); the actor and that password."""
    from ..core.services.accounts import LoginFailed

    require_setup(services)
    username = getattr(args, "user", None)
    if not username:
        raise CliError("此命令需要登录：请加 --user 用户名（密码在终端输入，或用 --password-stdin "
                       "从标准输入读取）")
    password = read_secret(args, f"{username} 的密码：")
    try:
        actor = services.accounts.login(username, password, via="cli").value
    except LoginFailed as exc:
        raise CliError(exc.message) from None
    return actor, password


def sign_in(args: argparse.Namespace, services: Services, access: str = ANY_USER) -> Actor:
    """:func:`log_in`, then refuse a password that must be changed first and check
    ``access``; sets and returns ``args.actor``. Refusals raise :class:`CliError` or
    ``PermissionDenied`` (one line, exit code 1)."""
    actor, _ = log_in(args, services)
    if actor.must_change_password:
        raise CliError(f"账户 {actor.username} 的密码须先修改：desktop-app --user "
                       f"{actor.username} passwd（或在窗口程序登录时修改）")
    if access not in (OPEN, ANY_USER, OWN):
        actor.require(access)
    args.actor = actor
    return actor


def first_line(exc: BaseException) -> CliError:
    """A sync or package error as a one-line failure (its first line)."""
    return CliError(str(exc).splitlines()[0])
