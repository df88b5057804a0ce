"""One error presenter: how a failed operation is told to the clerk.

=====================================  ==========================================
the error                              what the clerk sees
=====================================  ==========================================
``ValidationError(s)``                 the services' Chinese messages next to the
                                       fields (``fields``), on the screen's message
                                       label (``label``), or in a warning box
``PermissionDenied``                   a "not allowed" box with the refusal
a package / export refusal, a file      its message on the label (or a warning box)
fault (``PackageError``,
``ExportsPaused``, ``FileFault``)
a cancellation (``Cancelled``)         nothing: the screen says "cancelled" itself
anything else                          logged (scrubbed of personal data) and a
                                       box in plain words, the scrubbed details
                                       one click away
=====================================  ==========================================

Package errors are matched by shape (``reason`` and ``message``) and by class name,
not imported: the sync contract lives in its own package the GUI does not need to
load for this. A validation error raised with a message ``key`` is translated here
(``kit/messages.py``: the key's English source, ``%1``… filled from its ``params``); one
without a key shows the Chinese ``message`` the core wrote. Other refusals are Chinese
because the services write them in Chinese; the box titles go through the translation.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Sequence
from concurrent.futures import CancelledError
from datetime import datetime
from typing import Any, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from .fmt import fmt
from .messages import text_of

log = logging.getLogger(__name__)

#: Class names of the package/export refusals (sync contract, backups).
REFUSAL_NAMES = frozenset({"PackageError", "ExportsPaused", "FileFault"})
#: Class names of a cancelled job.
CANCELLED_NAMES = frozenset({"Cancelled", "CancelledError"})


class MessageLabel(Protocol):
    """A screen's one message label (``widgets.ErrorLabel``)."""

    def show_messages(self, messages: Iterable[str]) -> None: ...


class FieldMessages(Protocol):
    """Messages next to the fields they name (``widgets.FieldErrors``)."""

    def show(self, errors: Sequence[Any]) -> Any: ...


def _names(error: BaseException) -> set[str]:
    return {cls.__name__ for cls in type(error).__mro__}


def is_cancelled(error: BaseException) -> bool:
    return isinstance(error, CancelledError) or bool(_names(error) & CANCELLED_NAMES)


def is_refusal(error: BaseException) -> bool:
    """A package or export refused for a reason the clerk can act on."""
    return bool(_names(error) & REFUSAL_NAMES)


def validation_messages(error: BaseException) -> list[str] | None:
    """The messages of a validation failure, else ``None``: an error raised with a
    message key is translated (``messages.text_of``), one without shows its Chinese
    ``message``."""
    from ...core.errors import ValidationError, ValidationErrors

    if isinstance(error, ValidationErrors):
        return [text_of(e) for e in error.errors]
    if isinstance(error, ValidationError):
        return [text_of(error)]
    return None


def message_of(error: BaseException) -> str | None:
    """The Chinese sentence for an expected failure (validation, refusal, package, a
    refused login — lockouts say until when — or a record not found), ``None`` for a
    cancellation or an unexpected failure."""
    from ...core.errors import PermissionDenied

    until: datetime | None = getattr(error, "locked_until", None)
    if getattr(error, "code", "") == "locked" and until is not None:
        when = until.strftime("%H:%M") if until.date() == datetime.now().date() else \
            until.strftime("%Y-%m-%d %H:%M")
        return fmt(QCoreApplication.translate(
            "Login", "Too many wrong passwords: this account is locked until %1. Try again "
            "then, or ask an administrator to reset the password."), when)
    messages = validation_messages(error)
    if messages is not None:
        return "\n".join(messages)
    if is_refusal(error):
        return text_of(error)  # a file fault has a message key; a package error its text
    if isinstance(error, PermissionDenied | LookupError) or "LoginFailed" in _names(error):
        return str(getattr(error, "message", "") or error)
    return None


def describe(error: BaseException) -> str:
    """One line for a status label (a list that could not be read must not look
    empty): the expected failure's message, or — logged, scrubbed — a plain note."""
    text = message_of(error)
    if text is None:
        from ...core.logs import crash_report

        log.error("read failed: %s", crash_report(error))
        text = QCoreApplication.translate(
            "TaskRunner", "Something went wrong; the details were written to the log.")
    return text


def present(parent: QWidget | None, error: BaseException, *,
            label: MessageLabel | None = None, fields: FieldMessages | None = None) -> None:
    """Tell the clerk why an operation failed (the default of every operation).

    With ``fields`` validation errors are shown next to the fields they name. With
    ``label`` (a screen's one message label) validation messages, refusals and
    package errors go there; a permission refusal also gets its box.
    """
    from ...core.errors import PermissionDenied, ValidationError, ValidationErrors

    if is_cancelled(error):
        log.info("operation cancelled")
        return
    if fields is not None and isinstance(error, ValidationErrors | ValidationError):
        fields.show(error.errors if isinstance(error, ValidationErrors) else [error])
        return
    text = message_of(error)
    if text is not None and label is not None:
        label.show_messages(validation_messages(error) or [text])
        if isinstance(error, PermissionDenied):
            show_denied(parent, error)
        return
    if isinstance(error, PermissionDenied):
        show_denied(parent, error)
    elif text is not None:
        QMessageBox.warning(parent, QCoreApplication.translate("TaskRunner", "Operation failed"),
                            text)
    else:
        show_unexpected(parent, error)


def show_denied(parent: QWidget | None, error: BaseException) -> None:
    """The services refused: the account's role does not allow it (no crash, no details)."""
    log.info("refused: %s", getattr(error, "permission", ""))
    QMessageBox.warning(parent, QCoreApplication.translate("TaskRunner", "Not allowed"),
                        str(getattr(error, "message", "") or error))


def show_unexpected(parent: QWidget | None, error: BaseException) -> None:
    """Logged with its traceback and shown in plain words; the details (scrubbed of
    ID and phone numbers) are one click away for the administrator."""
    from ...core.logs import crash_report, scrub

    log.error("operation failed: %s", crash_report(error))
    title = QCoreApplication.translate("TaskRunner", "Operation failed")
    text = QCoreApplication.translate(
        "TaskRunner", "The operation could not be completed. Try again; if it keeps failing, "
        "tell the administrator and keep the details below.")
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setDetailedText(scrub(str(error)) or type(error).__name__)
    box.exec()


__all__ = ["describe", "is_cancelled", "is_refusal", "message_of", "present", "show_denied",
           "show_unexpected", "validation_messages"]
