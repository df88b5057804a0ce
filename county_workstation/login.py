"""Who works at the county workstation.

With county user accounts (``county_receiver.accounts``) the user logs in (the first
administrator is created on the first start); without them — as the ``county-receiver``
command line — the person at the machine works as :class:`~.context.LocalActor`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from desktop_app.gui.kit.tasks import TaskRunner

from .common import optional_module
from .context import CountyContext, LocalActor


def accounts_of(context: CountyContext) -> Any | None:
    """The county's accounts (``None`` while the county has no accounts module)."""
    module = optional_module("county_receiver.accounts")
    return None if module is None else module.Accounts(context.county)


def ask_actor(context: CountyContext, tasks: TaskRunner, parent: QWidget | None = None) -> Any:
    """The logged-in actor, or ``None`` when the user gave up."""
    accounts = accounts_of(context)
    if accounts is None:
        return LocalActor()
    from .login_dialog import login_or_setup

    return login_or_setup(accounts, tasks, parent)
