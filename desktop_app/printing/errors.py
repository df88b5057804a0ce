"""Exceptions raised by the printing package (no third-party imports)."""

from __future__ import annotations


class PrintingError(Exception):
    """Base class for every error the printing package raises on purpose."""


class TemplateError(PrintingError, ValueError):
    """A form template in ``forms/`` is malformed.

    The message always names the template file and, where it applies, the block
    (``blocks[3] (table)``) so a county administrator can find the mistake.
    """

    def __init__(self, message: str, *, path: str = "", where: str = "") -> None:
        self.path = path
        self.where = where
        self.detail = message
        prefix = path or "<template>"
        if where:
            prefix = f"{prefix}: {where}"
        super().__init__(f"{prefix}: {message}")


class MissingDataError(PrintingError, KeyError):
    """The data dict lacks a key that the template needs.

    A ``KeyError`` subclass, so callers catching ``KeyError`` still work; ``key``
    is the dotted path (``applicant.phone``), ``location`` names the template
    file and block.
    """

    def __init__(self, key: str, location: str = "") -> None:
        self.key = key
        self.location = location
        super().__init__(key)

    def __str__(self) -> str:  # KeyError would repr() the message; keep it readable
        where = f" (needed by {self.location})" if self.location else ""
        return f"document data is missing key {self.key!r}{where}"
