"""What every county tab is built with (the tab-class contract, docs/county-workstation.md).

A tab listed in :data:`county_workstation.main_window.TABS` is a ``QWidget`` built as
``Tab(context, tasks, current_actor, parent=window)``:

* ``context`` — this :class:`CountyContext` (the ``County`` over its database, the data
  folder, ``today()``, demo mode);
* ``tasks`` — the one :class:`desktop_app.gui.kit.tasks.TaskRunner` of the program (database
  work on ``lane="write"``, long work with ``run_job`` and a 取消; errors go to the kit's
  presenter, ``desktop_app.gui.kit.errors.present``);
* ``current_actor`` — a callable returning who is logged in (an object with ``username``,
  ``role`` — ``"admin"``, ``"officer"`` or ``"department"`` — and ``department_code``).

It has ``refresh()`` (called every time the tab is shown, and after a write elsewhere),
optionally ``shutdown()`` (the window closes or the user logs out: cancel a running job)
and optionally the class attribute ``ROLES`` (a set of the roles that see the tab; absent:
every role).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from county_receiver.receiver import County

ROLES = ("admin", "officer", "department")


class Actor(Protocol):
    username: str
    role: str
    department_code: str | None


@dataclass(frozen=True)
class LocalActor:
    """Who works when the county has no user accounts yet (as the ``county-receiver``
    command line does): the person at this machine, allowed everything."""

    username: str = "local"
    name: str = ""
    role: str = "admin"
    department_code: str | None = None


@dataclass
class CountyContext:
    county: County
    data_dir: Path
    demo: bool = False
    today: Callable[[], date] = field(default=date.today)
    #: Anything a tab wants to share with another one (e.g. the last folder chosen).
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def keys_dir(self) -> Path:
        return self.county.keys.folder
