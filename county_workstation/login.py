"""Who works at the county workstation: the first administrator is created on the first
start, then every user logs in (``county_receiver.accounts``, docs/county-accounts.md)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from desktop_app.gui.kit.tasks import TaskRunner

from .context import CountyContext


def ask_actor(context: CountyContext, tasks: TaskRunner, parent: QWidget | None = None, *,
              hint: str = "") -> Any:
    """The logged-in ``CountyActor``, or ``None`` when the user gave up."""
    from .login_dialog import login_or_setup

    return login_or_setup(context.accounts(), tasks, parent, hint=hint)
