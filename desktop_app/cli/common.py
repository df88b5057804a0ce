"""What every verb of the command line shares: the data folder, the services opened on
it, the one-line failure (exit code 1) and the table entry that names a verb."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..core.services import Services

APP_NAME = "TownshipServiceWindow"


class CliError(Exception):
    """A failure to report as one line on stderr with exit code 1."""


@dataclass(frozen=True)
class Verb:
    """One command: its name and help in ``desktop-app --help``, the arguments it adds to
    its own sub-parser and the function that runs it (returning the exit code)."""

    name: str
    help: str
    run: Callable[[argparse.Namespace], int]
    arguments: Callable[[argparse.ArgumentParser], None] | None = None


def default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def data_dir(args: argparse.Namespace) -> Path:
    """``--data-dir``, or the user's data folder."""
    chosen: Path | None = args.data_dir
    return chosen if chosen is not None else default_data_dir()


@contextmanager
def open_services(args: argparse.Namespace) -> Iterator[Services]:
    """The services on the data folder, closed when the block ends (however it ends)."""
    from ..core.services import Services

    services = Services.open(data_dir(args))
    try:
        yield services
    finally:
        services.close()


def first_line(exc: BaseException) -> CliError:
    """A sync or package error as a one-line failure (its first line)."""
    return CliError(str(exc).splitlines()[0])
