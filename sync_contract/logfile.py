"""A log file that never stops the program (both ends, issue #11).

:class:`FallbackFileHandler` is a rotating log file that, when the file cannot be
written — a read-only or full disk, a removed drive — falls back to stderr for good:
one line saying why (the fault vocabulary, :mod:`.faults`), then each warning as one
line (level, logger, the first line of the message), never a traceback of its own
failure and never an exception's text (which may quote a record's values).
:func:`writable` says up front whether a log file can be opened, so a program can log
to the console from the start instead (:class:`ConsoleHandler`) and its messages need
not point the user at a log folder that holds nothing.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
from pathlib import Path
from typing import TextIO

from .faults import fault


def first_line(record: logging.LogRecord) -> str:
    """The record as one console line: level, logger and the first line of the message
    (formatted with its arguments); never the traceback."""
    try:
        message = record.getMessage()
    except Exception:
        message = str(record.msg)
    lines = message.strip().splitlines()
    return f"{record.levelname} {record.name}: {lines[0] if lines else ''}"


def _write_line(stream: TextIO | None, text: str) -> None:
    try:
        if stream is not None:
            stream.write(text + "\n")
            stream.flush()
    except (OSError, ValueError, AttributeError):
        pass  # no console either (a windowed app): nowhere to log


class FallbackFileHandler(logging.handlers.RotatingFileHandler):
    """A rotating log file that falls back to stderr when it cannot be written."""

    stream_fallback: TextIO | None = None

    def emit(self, record: logging.LogRecord) -> None:
        if self.stream_fallback is not None:
            self._to_console(record)
            return
        super().emit(record)  # a failure lands in handleError

    def handleError(self, record: logging.LogRecord) -> None:
        exc = sys.exc_info()[1]
        if not isinstance(exc, OSError):
            return  # a record that cannot be formatted is dropped, silently
        self.stream_fallback = sys.stderr
        try:
            if self.stream is not None:
                self.stream.close()
        except OSError:
            pass
        self.stream = None
        _write_line(self.stream_fallback, str(fault(exc, Path(self.baseFilename).parent, "log")))
        self._to_console(record)

    def _to_console(self, record: logging.LogRecord) -> None:
        if record.levelno >= logging.WARNING:
            _write_line(self.stream_fallback, first_line(record))

    @property
    def folder(self) -> Path | None:
        """The log folder, ``None`` once the handler fell back to the console."""
        return None if self.stream_fallback is not None else Path(self.baseFilename).parent


class ConsoleHandler(logging.Handler):
    """Warnings as one line each on stderr: the log when the folder cannot be written."""

    def __init__(self, level: int = logging.WARNING) -> None:
        super().__init__(level)

    def emit(self, record: logging.LogRecord) -> None:
        _write_line(sys.stderr, first_line(record))


def writable(path: Path) -> bool:
    """Whether the log file ``path`` can be opened for appending (folder and file are
    created if missing)."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with open(path, "a", encoding="utf-8"):
            pass
    except OSError:
        return False
    return True


__all__ = ["ConsoleHandler", "FallbackFileHandler", "first_line", "writable"]
