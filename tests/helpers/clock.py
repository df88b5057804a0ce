"""A settable clock for the services."""

from __future__ import annotations

from datetime import datetime


class Clock:
    """A settable clock for services (decisions on a given day)."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now
