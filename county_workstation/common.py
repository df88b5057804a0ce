"""Small pieces the county tabs share: the Chinese text of a county refusal, fingerprints
grouped for reading aloud, table helpers, the last folder chosen."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QWidget

from desktop_app.gui.kit.errors import describe, is_cancelled, message_of
from desktop_app.gui.kit.widgets import RowsModel, row_table

from .context import CountyContext

FINGERPRINT_STYLE = "font-family: monospace; font-size: 15pt; font-weight: bold; letter-spacing: 1px;"
OK_STYLE = "color: #1b5e20;"
WARN_STYLE = "color: #b00020;"
LATE_BACKGROUND = "#fde2e1"
LAST_FOLDER = "last_folder"


def chinese(text: str) -> str:
    """The Chinese half of a county message (``"中文 / English"``)."""
    return text.split(" / ", 1)[0].strip()


def error_text(error: BaseException) -> str:
    """One Chinese line for a failed county operation (a refusal's own text; anything
    else is logged, scrubbed, by the kit's presenter and named in plain words)."""
    if is_cancelled(error):
        return QCoreApplication.translate("CountyCommon", "Cancelled.")
    zh = getattr(error, "message_zh", None)
    if zh:
        return str(zh)
    text = message_of(error)
    return chinese(text) if text is not None else describe(error)


def grouped(fp: str) -> str:
    """The first 16 hex digits in groups of four, as fingerprints are read aloud."""
    from sync_contract.keys import short_fingerprint

    return short_fingerprint(fp)


def full_groups(fp: str) -> str:
    """The whole fingerprint in groups of four, two lines of eight groups."""
    groups = [fp[i:i + 4] for i in range(0, len(fp), 4)]
    return "\n".join(" ".join(groups[i:i + 8]) for i in range(0, len(groups), 8))


def table(name: str, model: Any) -> QTableView:
    """The kit's read-only row table, columns sized to their contents."""
    view = row_table(model, name, alternating=True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    return view


class MarkedRowsModel(RowsModel):
    """Rows with a background colour for the marked ones (late townships, refusals)."""

    def __init__(self, headers: Sequence[str], parent: QWidget | None = None) -> None:
        super().__init__(headers, (), parent)
        self.marked: set[int] = set()

    def set_marked_rows(self, rows: Sequence[Sequence[Any]], marked: set[int]) -> None:
        self.marked = set(marked)
        self.set_rows(rows)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.BackgroundRole and index.isValid():
            return QColor(LATE_BACKGROUND) if index.row() in self.marked else None
        return super().data(index, role)


class Notice(QLabel):
    """A tab's one message line: green when something was done, red when refused."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setVisible(False)

    def ok(self, text: str) -> None:
        self.setStyleSheet(OK_STYLE)
        self.setText(text)
        self.setVisible(bool(text))

    def error(self, text: str) -> None:
        self.setStyleSheet(WARN_STYLE)
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.setText("")
        self.setVisible(False)


def last_folder(context: CountyContext) -> str:
    return str(context.extra.get(LAST_FOLDER) or context.data_dir)


def remember_folder(context: CountyContext, folder: str) -> None:
    context.extra[LAST_FOLDER] = folder


def allowed(actor: Any, roles: Sequence[str]) -> bool:
    return actor is not None and getattr(actor, "role", None) in roles


__all__ = ["FINGERPRINT_STYLE", "LATE_BACKGROUND", "OK_STYLE", "WARN_STYLE", "MarkedRowsModel",
           "Notice",
           "allowed", "chinese", "error_text", "full_groups", "grouped", "last_folder",
           "remember_folder", "table"]
