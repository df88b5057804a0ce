"""When paper or a viewer is not reached (split from ``print_pdf``, issue 14): a print
that failed, a PDF no program on this computer opens. Each says why in plain Chinese,
that the document is saved, and offers the ways on: 另存为… (a USB stick, a shared
folder), the built-in 预览 (from where it prints), or 打开PDF."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from .print_raster import PrintError
from .widgets import open_file

log = logging.getLogger(__name__)
translate = QCoreApplication.translate

SAVE, PREVIEW, OPEN = "save", "preview", "open"


def choose(box: QMessageBox, buttons: dict[str, Any]) -> str | None:
    """Show ``box``; which of ``buttons`` (choice -> button) the clerk pressed. Tests
    replace this (no modal loop)."""
    box.exec()
    clicked = box.clickedButton()
    return next((c for c, b in buttons.items() if b is clicked), None)


def _box(parent: QWidget | None, title: str, lines: Sequence[str], detail: str,
         offers: Sequence[str]) -> str | None:
    box = QMessageBox(QMessageBox.Icon.Warning, title, "\n\n".join(lines),
                      QMessageBox.StandardButton.Close, parent)
    if detail:
        box.setDetailedText(detail)
    labels = {SAVE: translate("PrintPdf", "Save as…"),
              PREVIEW: translate("PrintPdf", "Preview"),
              OPEN: translate("PrintPdf", "Open PDF")}
    buttons = {c: box.addButton(labels[c], QMessageBox.ButtonRole.ActionRole) for c in offers}
    try:
        return choose(box, buttons)
    finally:
        box.setParent(None)  # gone from the screen's children at once
        box.deleteLater()


def _follow(parent: QWidget | None, choice: str | None, path: Path, *,
            opener: Callable[[Path], Any], preview: Callable[[Path], Any] | None) -> None:
    if choice == SAVE:
        save_pdf_as(parent, path)
    elif choice == PREVIEW and preview is not None:
        preview(path)
    elif choice == OPEN:
        opener(path)


def show_print_failure(parent: QWidget | None, error: PrintError, path: Path | str | None,
                       opener: Callable[[Path], Any] = open_file, *,
                       preview: Callable[[Path], Any] | None = None) -> None:
    """Say why printing failed and that the document is saved; offer 另存为… and
    打开PDF (a single file; a folder of a batch: only 打开)."""
    log.warning("printing failed: %s", error.kind)
    lines = [error.reason()]
    if path is not None:
        lines.append(translate("PrintPdf", "The document is saved; nothing is lost:") + f"\n{path}")
    lines.append(translate(
        "PrintPdf",
        "Check the printer and print again, save the PDF elsewhere (another computer, a USB "
        "stick) or open it and print it from the PDF viewer."))
    offers: list[str] = []
    if path is not None:
        is_file = Path(path).suffix.lower() == ".pdf"
        offers = [SAVE, OPEN] if is_file else [OPEN]
    choice = _box(parent, translate("PrintPdf", "Printing failed"), lines, error.detail, offers)
    if path is not None:
        _follow(parent, choice, Path(path), opener=opener, preview=preview)


def explain_open_failure(parent: QWidget | None, path: Path | str, *,
                         preview: Callable[[Path], Any] | None = None) -> str | None:
    """No program opened the PDF (no viewer installed, or it refused): say so, that the
    document is saved, and offer 另存为… and the built-in 预览. Returns the choice."""
    path = Path(path)
    log.warning("no program opened a %s file", path.suffix or "document")
    lines = [translate("PrintPdf", "No program on this computer could open the PDF (is a PDF "
                                   "viewer installed?)."),
             translate("PrintPdf", "The document is saved; nothing is lost:") + f"\n{path}",
             translate("PrintPdf", "Preview it here and print from the preview, or save it "
                                   "elsewhere (another computer, a USB stick).")]
    offers = [PREVIEW, SAVE] if preview is not None else [SAVE]
    choice = _box(parent, translate("PrintPdf", "The PDF could not be opened"), lines, "",
                  offers)
    _follow(parent, choice, path, opener=lambda p: None, preview=preview)
    return choice


def save_pdf_as(parent: QWidget | None, path: Path | str, *,
                ask_path: Callable[[QWidget | None, Path], Path | None] | None = None,
                ) -> Path | None:
    """Copy the saved PDF where the clerk chooses (USB stick, shared folder)."""
    path = Path(path)
    ask_path = ask_path or ask_save_path
    target = ask_path(parent, path)
    if target is None:
        return None
    target = Path(target)
    if target.suffix.lower() != ".pdf":
        target = target.with_suffix(".pdf")
    from ...printing.output import copy_pdf
    from .messages import text_of

    try:
        copy_pdf(path, target)  # atomic: a full or write-protected stick leaves no half file
    except OSError as exc:  # a FileFault: one sentence naming the folder, translated by key
        log.warning("save as failed: %s", getattr(exc, "kind", type(exc).__name__))
        QMessageBox.warning(parent, translate("PrintPdf", "Save failed"), text_of(exc))
        return None
    return target


def ask_save_path(parent: QWidget | None, path: Path) -> Path | None:
    chosen, _ = QFileDialog.getSaveFileName(parent, translate("PrintPdf", "Save PDF as"),
                                            str(Path.home() / path.name), "PDF (*.pdf)")
    return Path(chosen) if chosen else None


__all__ = ["ask_save_path", "choose", "explain_open_failure", "save_pdf_as",
           "show_print_failure"]
