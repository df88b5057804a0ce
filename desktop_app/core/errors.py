"""Error types shared by the core layer.

Validators raise :class:`ValidationError` for one bad field and
:class:`ValidationErrors` when they check many things at once (a whole form, an
imported CSV file) and want to report every problem in one go.

Both derive from :class:`ValueError`, so code that only cares "was the input
bad?" can catch ``ValueError``.  Messages are in Chinese: the GUI shows them next
to the field named by ``field``.  An error raised with a message ``key`` (and
``params``) gets its Chinese text from the table in :mod:`desktop_app.core.messages`;
the GUI translates the key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import ParamSpec, TypeVar

# One class for both ends: the contract's record rules (catalogue, standards, holiday
# years, task transitions) raise it and the township catches it.
from sync_contract.errors import ValidationError as ValidationError  # re-exported

# The township's message table is registered with the contract's before any validator
# raises ``ValidationError(…, key=…)`` (they all import it from here).
from . import messages as _messages  # noqa: F401


class ValidationErrors(ValueError):
    """Several invalid values reported together (never empty).

    ``errors`` keeps the order in which the problems were found (for files: line
    order).  ``str()`` joins the messages with newlines.
    """

    def __init__(self, errors: Iterable[ValidationError]):
        self.errors: list[ValidationError] = list(errors)
        if not self.errors:
            raise ValueError("ValidationErrors needs at least one error")
        super().__init__("\n".join(e.message for e in self.errors))

    def __iter__(self) -> Iterator[ValidationError]:
        return iter(self.errors)

    def __len__(self) -> int:
        return len(self.errors)

    def by_field(self) -> dict[str, list[ValidationError]]:
        """Group the errors by field name (for showing them next to widgets)."""
        grouped: dict[str, list[ValidationError]] = {}
        for err in self.errors:
            grouped.setdefault(err.field, []).append(err)
        return grouped

    def __repr__(self) -> str:
        return f"ValidationErrors({self.errors!r})"


def raise_if_any(errors: Iterable[ValidationError]) -> None:
    """Raise :class:`ValidationErrors` if ``errors`` is not empty."""
    collected = list(errors)
    if collected:
        raise ValidationErrors(collected)


class DatabaseError(RuntimeError):
    """The database cannot be opened or is damaged; the message names the folder and file."""


class PermissionDenied(PermissionError):
    """The acting user's role does not allow this; checked by the services, not the screens.

    :param permission: the machine name of the missing permission (e.g. ``"document.void"``).
    :param message: Chinese text for the user, e.g. "只有负责人可以作废文书".
    """

    def __init__(self, permission: str, message: str) -> None:
        super().__init__(message)
        self.permission = permission
        self.message = message

    def __str__(self) -> str:
        return self.message


_P = ParamSpec("_P")
_T = TypeVar("_T")


def collect(
    errors: list[ValidationError], fn: Callable[_P, _T], *args: _P.args, **kwargs: _P.kwargs
) -> _T | None:
    """Call validator ``fn``; on failure add its error(s) to ``errors`` and return None.

    Lets a service check a whole form and report every problem at once.
    """
    try:
        return fn(*args, **kwargs)
    except ValidationError as exc:
        errors.append(exc)
    except ValidationErrors as exc:
        errors.extend(exc.errors)
    return None
