"""One helper for work off the GUI thread (Anki ``CollectionOp``/``QueryOp``, Picard
``run_task``) and the change bus the screens listen to (Anki ``OpChanges``).

* **Write lane**: every database write (and the PDF rendering that goes with it) runs
  on **one** worker thread — SQLite has one writer, and a single-thread executor
  keeps writes in order (DESIGN §3).
* **Read lane**: a second thread for long reads and checks (the deferred integrity
  check, a big export's preparation) so saves never queue behind them.
* The result — or the exception — comes back on the GUI thread through a queued
  signal, so callbacks may touch widgets. With an ``owner`` widget the callbacks are
  skipped once it was deleted (a user switch drops screens while a job runs).
* Errors are presented by default (:func:`desktop_app.gui.kit.errors.present`).
* **Change bus**: a write verb returns a result carrying ``.changes``
  (:class:`~desktop_app.core.services.context.Changes`); after the caller's callback
  the runner publishes them as ``bus.changed(changes, origin)`` — ``origin`` is the
  operation's owner, so a screen skips what it did itself.
* Long jobs are plain functions taking a :class:`Job` (``job.progress(fraction,
  message)``, ``job.cancel`` an Event); :meth:`TaskRunner.run_job` delivers progress
  to the owner on the GUI thread, or shows a progress dialog if the job lasts more
  than half a second.
* Tests build the runner with ``synchronous=True`` (Picard's ``FakeThreadPool``):
  the function and its callback run immediately, in order, on the calling thread —
  inside a *write-lane context* the write guard accepts (see :func:`on_write_lane`).
"""

from __future__ import annotations

import functools
import itertools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QEventLoop, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QProgressDialog, QWidget

from .errors import present

log = logging.getLogger(__name__)

T = TypeVar("T")
Callback = Callable[[Any], None]
ErrorCallback = Callable[[BaseException], None]
ProgressCallback = Callable[[float, Any], None]

WRITE = "write"
READ = "read"
#: A job shows the default progress dialog only if it runs longer than this.
PROGRESS_DELAY_MS = 500

_lane = threading.local()


def on_write_lane() -> bool:
    """True on the writer thread, or inside a synchronous runner's write op (tests)."""
    return bool(getattr(_lane, "write", False))


def _as_writer(fn: Callable[[], Any]) -> Any:
    previous = getattr(_lane, "write", False)
    _lane.write = True
    try:
        return fn()
    finally:
        _lane.write = previous


def _mark_writer() -> None:
    _lane.write = True


class ChangeBus(QObject):
    """``changed(changes, origin)`` after every completed write operation."""

    changed = Signal(object, object)

    def publish(self, changes: Any, origin: Any = None) -> None:
        if changes:
            self.changed.emit(changes, origin)


def changes_of(result: Any) -> Any:
    """The ``Changes`` a write verb's result carries (``None`` if it carries none)."""
    return getattr(result, "changes", None)


class JobSignals(QObject):
    progressed = Signal(object, object)  # fraction (0..1, or None: unknown), message


@dataclass
class Job:
    """Handed to a long job's function: report progress, check for cancellation.

    ``progress`` may be called from the worker thread; the owner's callback runs on
    the GUI thread."""

    cancel: threading.Event = field(default_factory=threading.Event)
    signals: JobSignals = field(default_factory=JobSignals)
    done: bool = False

    def progress(self, fraction: float | None, message: Any = "") -> None:
        self.signals.progressed.emit(fraction, message)

    @property
    def cancelled(self) -> bool:
        return self.cancel.is_set()

    def request_cancel(self) -> None:
        self.cancel.set()


@dataclass
class _Pending:
    on_done: Callback | None
    on_error: ErrorCallback | None
    owner: QObject | None
    has_owner: bool
    origin: Any
    publish: bool
    job: Job | None = None
    quiet: bool = False   # not counted in ``busy`` (an autosave: buttons stay enabled)


def call_on_writer(tasks: TaskRunner | None, fn: Callable[[], T]) -> T:
    """``tasks.call(fn)`` on the write lane — a modal step that needs the answer (log
    in, confirm, first-run setup). Without a runner (a dialog tested on its own) the
    call runs here; the app always passes one."""
    return tasks.call(fn) if tasks is not None else fn()


class TaskRunner(QObject):
    """Runs callables on the write lane (one thread) or the read lane and reports back
    on the GUI thread; publishes the changes of write operations on :attr:`bus`."""

    # True while at least one task is queued or running (screens disable buttons).
    busyChanged = Signal(bool)
    _finished = Signal(int, object, object)  # token, result, exception

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self.bus = ChangeBus(self)
        self._executors: dict[str, ThreadPoolExecutor] = {}
        self._tokens = itertools.count(1)
        self._pending: dict[int, _Pending] = {}
        self._finished.connect(self._deliver)

    # -- public -----------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        return any(not p.quiet for p in self._pending.values())

    def run(self, fn: Callable[[], Any], on_done: Callback | None = None,
            on_error: ErrorCallback | None = None, *, owner: QObject | None = None,
            lane: str = WRITE, origin: Any = None, publish: bool = True,
            quiet: bool = False) -> None:
        """Run ``fn()`` off the GUI thread; then ``on_done(result)`` or ``on_error(exc)``
        on the GUI thread — neither once ``owner`` was deleted.

        Without ``on_error`` the error is presented (:func:`errors.present`, parented
        to ``owner``). A write's ``result.changes`` are published on :attr:`bus` with
        ``origin`` (default: ``owner``) after ``on_done``. A ``quiet`` task (a draft's
        autosave) still runs in order on its lane but does not make the runner
        :attr:`busy`: screens keep their buttons while it runs.
        """
        self._submit(fn, on_done, on_error, owner, lane, origin, publish, None, quiet)

    def run_job(self, fn: Callable[[Job], Any], on_done: Callback | None = None,
                on_error: ErrorCallback | None = None, *, owner: QObject | None = None,
                lane: str = WRITE, on_progress: ProgressCallback | None = None,
                title: str = "", origin: Any = None, publish: bool = True,
                job: Job | None = None) -> Job:
        """A long job: ``fn(job)`` may call ``job.progress(fraction, message)`` and must
        stop when ``job.cancel`` is set. ``on_progress(fraction, message)`` runs on the
        GUI thread; without it a progress dialog (titled ``title``, with 取消) appears
        if the job is still running after half a second. Returns the :class:`Job` (or
        uses ``job``, made beforehand so a 取消 button can hold it)."""
        job = job if job is not None else Job()
        if on_progress is not None:
            guard = owner

            def relay(fraction: Any, message: Any) -> None:
                if guard is None or shiboken6.isValid(guard):
                    on_progress(fraction, message)
            job.signals.progressed.connect(relay)
        elif not self.synchronous:
            self._progress_dialog(job, owner, title)
        self._submit(lambda: fn(job), on_done, on_error, owner, lane, origin, publish, job)
        return job

    def call(self, fn: Callable[[], T], *, lane: str = WRITE) -> T:
        """Run ``fn()`` on a lane and wait for it, the GUI still painting (a modal
        step: log in, first-run setup). Returns its value or raises its error; the
        changes are published as for :meth:`run`."""
        box: dict[str, Any] = {}
        loop = QEventLoop()

        def done(value: Any) -> None:
            box["value"] = value
            loop.quit()

        def failed(error: BaseException) -> None:
            box["error"] = error
            loop.quit()

        self.run(fn, done, failed, lane=lane)
        if not box:
            loop.exec()
        if "error" in box:
            raise box["error"]
        return box["value"]

    def shutdown(self, wait: bool = True) -> None:
        """Finish queued work (the clerk's last save must not be lost) and stop."""
        executors, self._executors = self._executors, {}
        for executor in executors.values():
            executor.shutdown(wait=wait)

    # -- internals ----------------------------------------------------------------------
    def _submit(self, fn: Callable[[], Any], on_done: Callback | None,
                on_error: ErrorCallback | None, owner: QObject | None, lane: str,
                origin: Any, publish: bool, job: Job | None, quiet: bool = False) -> None:
        token = next(self._tokens)
        was_busy = self.busy
        self._pending[token] = _Pending(on_done, on_error, owner, owner is not None,
                                        owner if origin is None else origin,
                                        publish and lane == WRITE, job, quiet)
        if not was_busy and self.busy:
            self.busyChanged.emit(True)
        if self.synchronous:
            try:
                result, error = (_as_writer(fn) if lane == WRITE else fn()), None
            except Exception as exc:
                result, error = None, exc
            self._deliver(token, result, error)
            return
        future = self._executor(lane).submit(fn)
        future.add_done_callback(functools.partial(self._emit, token))

    def _executor(self, lane: str) -> ThreadPoolExecutor:
        executor = self._executors.get(lane)
        if executor is None:
            if lane == WRITE:
                executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db-writer",
                                              initializer=_mark_writer)
            else:
                executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="db-reader")
            self._executors[lane] = executor
        return executor

    def _emit(self, token: int, future: Future) -> None:
        # Worker thread: the signal is queued to the GUI thread (receiver affinity).
        error = future.exception()
        self._finished.emit(token, None if error else future.result(), error)

    @Slot(int, object, object)
    def _deliver(self, token: int, result: Any, error: BaseException | None) -> None:
        was_busy = self.busy
        pending = self._pending.pop(token, None)
        try:
            if pending is None:
                return
            if pending.job is not None:
                pending.job.done = True
            alive = not pending.has_owner or shiboken6.isValid(pending.owner)
            if not alive:
                if error is not None:
                    log.info("owner gone; the operation ended with %r", error)
            elif error is not None:
                if pending.on_error is not None:
                    pending.on_error(error)
                else:
                    parent = pending.owner if isinstance(pending.owner, QWidget) else None
                    present(parent, error)
            elif pending.on_done is not None:
                pending.on_done(result)
            if error is None and pending.publish:
                self.bus.publish(changes_of(result), pending.origin)
        finally:
            if was_busy and not self.busy:
                self.busyChanged.emit(False)

    def _progress_dialog(self, job: Job, owner: QObject | None, title: str) -> None:
        parent = owner if isinstance(owner, QWidget) else None

        def show() -> None:
            if job.done or (parent is not None and not shiboken6.isValid(parent)):
                return
            dialog = QProgressDialog(title, self.tr("Cancel"), 0, 0, parent)
            dialog.setWindowTitle(title)
            dialog.setMinimumDuration(0)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.canceled.connect(job.request_cancel)

            def progressed(fraction: Any, message: Any) -> None:
                if not shiboken6.isValid(dialog):
                    return
                if fraction is not None:
                    dialog.setRange(0, 100)
                    dialog.setValue(int(100 * min(max(float(fraction), 0.0), 1.0)))
                if isinstance(message, str) and message:
                    dialog.setLabelText(message)

            job.signals.progressed.connect(progressed)
            finished = QTimer(dialog)
            finished.setInterval(100)
            finished.timeout.connect(lambda: job.done and dialog.close())
            finished.start()
            dialog.show()

        QTimer.singleShot(PROGRESS_DELAY_MS, show)



__all__ = ["READ", "WRITE", "ChangeBus", "Job", "TaskRunner", "call_on_writer", "changes_of",
           "on_write_lane"]
