"""The app's file opener (issue 14): the system viewer, and when nothing opens the
file (no PDF viewer installed) an explanation with 另存为… and the built-in preview
(:func:`.print_actions.open_pdf`). QtPrintSupport and PDFium load only then."""

from __future__ import annotations

from pathlib import Path

from .widgets import open_file


def open_document(path: Path | str) -> bool:
    if open_file(Path(path)):
        return True
    from .print_actions import open_pdf

    return open_pdf(path, raw=lambda _p: False)


__all__ = ["open_document"]
