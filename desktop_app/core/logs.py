"""Log files without personal data.

:func:`setup_logging` sends the app's log records to a rotating file in
``<data>/logs/`` through :class:`PiiFilter`, which masks resident ID numbers (18 and
15 digits; any run of 15 or more digits, which also covers bank cards), mobile and
landline phone numbers in the message *and* in any
traceback. Names cannot be recognised by a pattern, so the rules for code are:

* log ids, codes and counts — never names, addresses or event details;
* SQL parameters never reach an exception message (the engine is created with
  ``hide_parameters=True``), and the filter also drops any ``[parameters: …]`` block;
* crash reports go through :func:`scrub` (the GUI's excepthook writes the scrubbed
  traceback to the log; nothing else is written anywhere).

A log folder that cannot be written (a read-only or full disk, a removed drive) never
stops the app: :func:`setup_logging` then logs warnings to stderr, one scrubbed line each
and never a traceback, and :func:`log_folder` returns ``None`` so no message points the
user at a log folder that holds nothing. A file that fails later (the disk fills up)
falls back the same way, with one line saying why (the fault vocabulary,
``sync_contract/faults.py``).
"""

from __future__ import annotations

import logging
import re
import traceback
from pathlib import Path

from sync_contract.logfile import ConsoleHandler, FallbackFileHandler, writable

LOG_DIRNAME = "logs"
LOG_FILENAME = "app.log"
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5

# 15 or more digits (an 18- or 15-digit resident ID, a bank card number), X allowed last.
_LONG_NUMBER = re.compile(r"(?<![0-9])[0-9]{14,}[0-9Xx](?![0-9])")
_MOBILE = re.compile(r"(?<![0-9])(?:\+?86[- ]?)?1[3-9][0-9][- ]?[0-9]{4}[- ]?[0-9]{4}(?![0-9])")
_LANDLINE = re.compile(r"(?<![0-9-])0[0-9]{2,3}-?[0-9]{7,8}(?![0-9])")
_PARAMS = re.compile(r"\[parameters: .*?\](?=\s|$)", re.DOTALL)
_FULLWIDTH_DIGITS = str.maketrans("０１２３４５６７８９Ｘｘ", "0123456789Xx")

ID_MASK = "[证件号]"
PHONE_MASK = "[电话]"


def scrub(text: str) -> str:
    """``text`` with ID numbers, phone numbers and SQL parameters masked."""
    if not text:
        return text
    text = text.translate(_FULLWIDTH_DIGITS)
    text = _PARAMS.sub("[parameters hidden]", text)
    text = _LONG_NUMBER.sub(ID_MASK, text)
    text = _MOBILE.sub(PHONE_MASK, text)
    return _LANDLINE.sub(PHONE_MASK, text)


class PiiFilter(logging.Filter):
    """Masks personal data in the record's message and traceback before any handler
    formats it. Attach it to handlers that write files."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:
            message = f"{record.msg!r} (unformattable arguments)"
        record.msg, record.args = scrub(message), None
        if record.exc_info and not record.exc_text:
            record.exc_text = "".join(traceback.format_exception(*record.exc_info)).rstrip()
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        record.exc_info = None  # formatted (and scrubbed) above; never formatted again
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True


class _Marker(FallbackFileHandler):
    """Our file handler (so a second setup replaces it instead of adding another); it
    falls back to stderr when the file cannot be written (``sync_contract/logfile.py``)."""


class _Console(ConsoleHandler):
    """Our console handler, when the log folder cannot be written at all."""


def _remove_ours(root: logging.Logger) -> None:
    for h in list(root.handlers):
        if isinstance(h, _Marker | _Console):
            root.removeHandler(h)
            h.close()


def setup_logging(data_dir: Path, level: int = logging.INFO) -> Path | None:
    """Log to ``<data>/logs/app.log`` (1 MB × 5, rotating) through :class:`PiiFilter`.

    Idempotent: calling it again (another folder, a test) replaces the handler.
    Returns the log file's path, or ``None`` when the folder cannot be written: then
    warnings go to stderr, one scrubbed line each (see the module).
    """
    folder = Path(data_dir) / LOG_DIRNAME
    path = folder / LOG_FILENAME
    root = logging.getLogger()
    _remove_ours(root)
    handler: logging.Handler
    if writable(path):
        handler = _Marker(path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8",
                          delay=True)
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    else:
        handler = _Console(logging.WARNING)
    handler.addFilter(PiiFilter())
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    return path if isinstance(handler, _Marker) else None


def log_folder() -> Path | None:
    """The folder the log is written to; ``None`` when logging fell back to stderr (or
    is not set up): messages then must not send the user to a log folder."""
    for h in logging.getLogger().handlers:
        if isinstance(h, _Marker):
            return h.folder
    return None


def teardown_logging() -> None:
    _remove_ours(logging.getLogger())


def crash_report(exc: BaseException) -> str:
    """A traceback safe to write to the log or show in a crash dialog."""
    return scrub("".join(traceback.format_exception(type(exc), exc, exc.__traceback__)))
