"""Pieces the county's analysis tabs share: the tab base (the township's TabbedScreen
contract: ``Tab(context, tasks, current_actor, *, parent=None)`` and ``refresh()``),
the department scope of the logged-in account, and small formatting helpers.

A tab reads on the runner's read lane (the views grow with the county: twenty
townships) and shows a failed query as a failure on its message label, never as an
empty list. Writes (部门回执) go through the write lane.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QDateEdit, QWidget

from desktop_app.gui.kit.errors import present
from desktop_app.gui.kit.tasks import READ, TaskRunner
from desktop_app.gui.kit.widgets import ErrorLabel

#: A dash for a missing value (a date not set, a ratio without a denominator).
NONE = "—"


def department_of(actor: Any) -> str | None:
    """The department code a ``department`` account is limited to, else ``None``
    (an administrator or an officer sees every department)."""
    if actor is None or getattr(actor, "role", None) != "department":
        return None
    return getattr(actor, "department_code", None) or ""


def is_department(actor: Any) -> bool:
    return actor is not None and getattr(actor, "role", None) == "department"


def day_text(value: date | None) -> str:
    return value.isoformat() if value else NONE


def date_edit(value: date, name: str) -> QDateEdit:
    edit = QDateEdit(QDate(value.year, value.month, value.day))
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    return edit


def date_of(edit: QDateEdit) -> date:
    d = edit.date()
    return date(d.year(), d.month(), d.day())


class ViewTab(QWidget):
    """A county tab: context, runner, the current account; reads on the read lane."""

    #: a township tab's signal (the county has no application window: never emitted)
    openApplication = Signal(int)

    def __init__(self, context: Any, tasks: TaskRunner, current_actor: Callable[[], Any], *,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.tasks = tasks
        self.current_actor = current_actor
        self.error = ErrorLabel()
        self.loaded = False

    @property
    def county(self) -> Any:
        return getattr(self.context, "county", self.context)

    def today(self) -> date:
        today = getattr(self.context, "today", None)
        return today() if callable(today) else date.today()

    def department(self) -> str | None:
        return department_of(self.current_actor())

    def read(self, fn: Callable[[], Any], on_done: Callable[[Any], None]) -> None:
        """``fn()`` on the read lane, ``on_done(result)`` back here; a failure said on
        the tab's message label."""
        def failed(error: BaseException) -> None:
            self.loaded = False
            present(self, error, label=self.error)
            self.failed(error)

        def done(result: Any) -> None:
            self.error.clear_message()
            self.loaded = True
            on_done(result)

        self.tasks.run(fn, done, failed, owner=self, lane=READ)

    def failed(self, error: BaseException) -> None:
        """Called after a failed read (a subclass empties its views)."""

    def refresh(self) -> None:  # pragma: no cover - every tab overrides it
        raise NotImplementedError


__all__ = ["NONE", "ViewTab", "date_edit", "date_of", "day_text", "department_of",
           "is_department"]
