"""What every county tab is built with (the tab-class contract, docs/county-workstation.md).

A tab listed in :data:`county_workstation.main_window.TABS` is a ``QWidget`` built as
``Tab(context, tasks, current_actor, parent=window)``:

* ``context`` — this :class:`CountyContext` (the ``County`` over its database, the data
  folder, ``today()``, demo mode);
* ``tasks`` — the one :class:`desktop_app.gui.kit.tasks.TaskRunner` of the program (database
  work on ``lane="write"``, long work with ``run_job`` and a 取消; errors go to the kit's
  presenter, ``desktop_app.gui.kit.errors.present``);
* ``current_actor`` — a callable returning who is logged in, a
  ``county_receiver.accounts.CountyActor`` (``username``, ``name``, ``role`` — ``"admin"``,
  ``"officer"`` or ``"department"`` —, ``department_code``, ``department`` (``None``
  unless limited to one), ``can(permission)``, ``require(permission)``). The county's
  writes are checked and audited as this actor (``ops.audit_county`` is bound on
  ``context.county`` at login; ``ops.*`` functions take the actor).

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
from typing import TYPE_CHECKING, Any, cast

if TYPE_CHECKING:
    from county_receiver.accounts import Accounts
    from county_receiver.receiver import County

@dataclass
class CountyContext:
    county: County
    data_dir: Path
    demo: bool = False
    today: Callable[[], date] = field(default=date.today)
    #: Anything a tab wants to share with another one (e.g. the last folder chosen).
    extra: dict[str, Any] = field(default_factory=dict)
    #: The password hashing cost of the accounts (tests pass a cheap one).
    accounts_cost: Any = None

    def accounts(self) -> Accounts:
        """The county's user accounts (docs/county-accounts.md)."""
        from county_receiver.accounts import Accounts

        kwargs = {"cost": self.accounts_cost} if self.accounts_cost is not None else {}
        return Accounts(cast(Any, self.county), **kwargs)  # duck-typed: it needs .engine

    @property
    def keys_dir(self) -> Path:
        return self.county.keys.folder
