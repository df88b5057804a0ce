"""One helper for work off the GUI thread (Anki ``CollectionOp``, Picard ``run_task``).

* Database writes (and the PDF rendering that goes with them) run on **one** worker
  thread: SQLite has one writer, and a single-thread executor keeps writes in order.
* The result — or the exception — comes back on the GUI thread through a queued
  signal, so callbacks may touch widgets.
* An exception is logged and, unless the caller handles it, shown to the clerk.
* Tests build the runner with ``synchronous=True`` (Picard's ``FakeThreadPool``):
  the function and its callback run immediately, in order, on the calling thread.
"""

from __future__ import annotations

import itertools
import logging
import traceback
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]


class TaskRunner(QObject):
    """Runs callables on a single worker thread and reports back on the GUI thread."""

    # True while at least one task is queued or running (screens disable buttons).
    busyChanged = Signal(bool)
    _finished = Signal(int, object, object)  # token, result, exception

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self._executor: ThreadPoolExecutor | None = None
        self._tokens = itertools.count(1)
        self._pending: dict[int, tuple[Callback | None, ErrorCallback | None]] = {}
        self._finished.connect(self._deliver)

    # -- public -----------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def run(self, fn: Callable[[], Any], on_done: Callback | None = None,
            on_error: ErrorCallback | None = None) -> None:
        """Run ``fn()`` off the GUI thread; then ``on_done(result)`` or ``on_error(exc)``.

        Without ``on_error`` an exception is shown in a message box.
        """
        token = next(self._tokens)
        was_busy = self.busy
        self._pending[token] = (on_done, on_error)
        if not was_busy:
            self.busyChanged.emit(True)
        if self.synchronous:
            try:
                result, error = fn(), None
            except Exception as exc:
                result, error = None, exc
            self._deliver(token, result, error)
            return
        if self._executor is None:
            self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db-writer")
        future = self._executor.submit(fn)
        future.add_done_callback(lambda f, t=token: self._emit(t, f))

    def shutdown(self, wait: bool = True) -> None:
        """Finish queued work (the clerk's last save must not be lost) and stop."""
        if self._executor is not None:
            self._executor.shutdown(wait=wait)
            self._executor = None

    # -- internals ----------------------------------------------------------------------
    def _emit(self, token: int, future: Future) -> None:
        # Worker thread: the signal is queued to the GUI thread (receiver affinity).
        error = future.exception()
        self._finished.emit(token, None if error else future.result(), error)

    @Slot(int, object, object)
    def _deliver(self, token: int, result: Any, error: BaseException | None) -> None:
        on_done, on_error = self._pending.pop(token, (None, None))
        try:
            if error is not None:
                if on_error is not None:
                    on_error(error)
                else:
                    show_error(None, error)
            elif on_done is not None:
                on_done(result)
        finally:
            if not self._pending:
                self.busyChanged.emit(False)


def show_error(parent: QWidget | None, error: BaseException) -> None:
    """Tell the user why an operation failed.

    A refusal by the services (:class:`~desktop_app.core.errors.PermissionDenied`)
    shows its own Chinese message; anything else is logged and reported in plain words.
    """
    from PySide6.QtCore import QCoreApplication

    from ..core.errors import PermissionDenied

    if isinstance(error, PermissionDenied):
        show_denied(parent, error)
        return
    log.error("task failed: %s", "".join(traceback.format_exception(error)))
    title = QCoreApplication.translate("TaskRunner", "Operation failed")
    text = QCoreApplication.translate(
        "TaskRunner", "The operation could not be completed. Try again; if it keeps failing, "
        "tell the administrator and keep the details below.")
    box = QMessageBox(QMessageBox.Icon.Critical, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setDetailedText(str(error) or type(error).__name__)
    box.exec()


def show_denied(parent: QWidget | None, error: BaseException) -> None:
    """The services refused: the account's role does not allow it (no crash, no details)."""
    from PySide6.QtCore import QCoreApplication

    log.info("refused: %s", getattr(error, "permission", ""))
    QMessageBox.warning(parent, QCoreApplication.translate("TaskRunner", "Not allowed"),
                        str(getattr(error, "message", "") or error))


def show_failure(parent: QWidget, label, error: BaseException) -> None:
    """A task's failure on a screen with one message ``label`` (an ``ErrorLabel``): the
    services' validation messages and refusals go there, anything else to ``show_error``."""
    from ..core.errors import PermissionDenied, ValidationError, ValidationErrors

    if isinstance(error, ValidationErrors):
        label.show_messages(e.message for e in error.errors)
    elif isinstance(error, ValidationError):
        label.show_messages([error.message])
    elif isinstance(error, PermissionDenied):
        label.show_messages([error.message])
        show_denied(parent, error)
    else:
        show_error(parent, error)
