"""Small pieces shared by the screens: error labels, a field-error registry,
a read-only table model, money formatting and opening files."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QUrl,
)
from PySide6.QtGui import QDesktopServices, QInputMethodEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDateEdit,
    QLabel,
    QSizePolicy,
    QTableView,
    QWidget,
)

from .messages import text_of

log = logging.getLogger(__name__)

ERROR_STYLE = "color: #c62828;"
ERROR_FIELD_STYLE = "border: 1px solid #c62828;"


class ErrorLabel(QLabel):
    """A red message shown next to a field; hidden while empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setVisible(False)

    def show_messages(self, messages: Iterable[str]) -> None:
        text = "\n".join(dict.fromkeys(m for m in messages if m))
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.setText("")
        self.setVisible(False)


@dataclass
class _Slot:
    widget: QWidget | None
    label: ErrorLabel


class FieldErrors:
    """Maps service field paths ("applicant.name", "members.1.id_number", "items")
    to the widget to focus and the label that shows the message.

    Register fields in form order: the first bad one (in that order) gets focus.
    An error whose path is not registered falls back to its parent path
    ("materials.DIBAO.hukou" → "materials.DIBAO" → "materials") and finally to the
    general label.
    """

    def __init__(self, general: ErrorLabel) -> None:
        self.general = general
        self._slots: dict[str, _Slot] = {}
        self._order: list[str] = []
        self._marked: list[QWidget] = []

    def register(self, path: str, widget: QWidget | None, label: ErrorLabel) -> None:
        if path not in self._slots:
            self._order.append(path)
        self._slots[path] = _Slot(widget, label)

    def unregister_prefix(self, prefix: str) -> None:
        for path in [p for p in self._order if p == prefix or p.startswith(prefix + ".")]:
            self._order.remove(path)
            del self._slots[path]

    def _resolve(self, path: str) -> str | None:
        parts = path.split(".")
        while parts:
            candidate = ".".join(parts)
            if candidate in self._slots:
                return candidate
            parts.pop()
        return None

    def clear(self) -> None:
        for slot in self._slots.values():
            try:
                slot.label.clear_message()
            except RuntimeError:  # pragma: no cover - label of a removed row
                pass
        for widget in self._marked:
            try:
                widget.setStyleSheet("")
            except RuntimeError:  # widget already deleted (member row removed)
                pass
        self._marked.clear()
        self.general.clear_message()

    def _group(self, errors: Sequence[Any]
               ) -> tuple[dict[int, tuple[ErrorLabel, list[str]]], set[str], list[str]]:
        """The messages of ``errors`` per error label (keyed by ``id``), the field paths
        they name, and the messages no field owns."""
        by_label: dict[int, tuple[ErrorLabel, list[str]]] = {}
        bad_paths: set[str] = set()
        general: list[str] = []
        for err in errors:
            path = self._resolve(err.field)
            if path is None:
                general.append(text_of(err))
                continue
            slot = self._slots[path]
            bad_paths.add(path)
            by_label.setdefault(id(slot.label), (slot.label, []))[1].append(text_of(err))
        return by_label, bad_paths, general

    def show(self, errors: Sequence[Any]) -> QWidget | None:
        """Show every error next to its field; focus and return the first bad field."""
        self.clear()
        by_label, bad_paths, general = self._group(errors)
        for label, messages in by_label.values():
            label.show_messages(messages)
        self.general.show_messages(general)
        first: QWidget | None = None
        for path in self._order:
            if path in bad_paths:
                widget = self._slots[path].widget
                if widget is None:
                    continue
                if widget.inherits("QLineEdit") or widget.inherits("QPlainTextEdit"):
                    widget.setStyleSheet(ERROR_FIELD_STYLE)
                    self._marked.append(widget)
                if first is None:
                    first = widget
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        return first


class ListTableModel(QAbstractTableModel):
    """A read-only table over a list of row objects under fixed column headers.

    Subclasses answer ``data``; ``set_rows`` replaces the rows (a model reset)."""

    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal
                and 0 <= section < len(self._headers)):
            return self._headers[section]
        return None


class RowsModel(ListTableModel):
    """Read-only table over a small list of already-formatted rows (detail views)."""

    def __init__(self, headers: Sequence[str], rows: Sequence[Sequence[Any]] = (),
                 parent: QWidget | None = None) -> None:
        super().__init__(headers, parent)
        self._rows = [list(r) for r in rows]

    def set_rows(self, rows: Sequence[Sequence[Any]]) -> None:
        super().set_rows([list(r) for r in rows])

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        try:
            value = self._rows[index.row()][index.column()]
        except IndexError:
            return None
        return "" if value is None else str(value)


# -- money -------------------------------------------------------------------------------
def yuan(value: Decimal | int | None, *, fen: bool = False) -> str:
    """``1234.5`` → ``"1,234.50"``; with ``fen=True`` the value is in fen."""
    if value is None:
        return "—"
    amount = Decimal(value) / 100 if fen else Decimal(value)
    return f"{amount:,.2f}"


# -- files -----------------------------------------------------------------------------------
def open_file(path: Path) -> bool:
    """Open a PDF (or folder) with the system viewer."""
    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))


FileOpener = Callable[[Path], Any]


# -- dialogs that paint before they work --------------------------------------------------------
def paint_now(widget: QWidget, timeout_ms: int = 500) -> bool:
    """Show ``widget`` and let it paint before the caller starts working on the GUI
    thread (a progress dialog blank for 1.5 s looks like a hang; issue 14). Returns
    whether the window was exposed and painted within ``timeout_ms``."""
    from PySide6.QtCore import QDeadlineTimer, QEventLoop

    widget.show()
    widget.raise_()
    deadline = QDeadlineTimer(timeout_ms)
    handle = widget.windowHandle()
    while not deadline.hasExpired():
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        handle = handle or widget.windowHandle()
        if handle is not None and handle.isExposed():
            break
    exposed = handle is not None and handle.isExposed()
    if exposed:
        widget.repaint()  # synchronous: the pixels are there before the work starts
    QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    return exposed


# -- input helpers (also used by tests and the screenshot script) ----------------------------
def commit_text(widget: QWidget, text: str) -> None:
    """Deliver ``text`` as an input-method commit (how Chinese arrives from an IME)."""
    widget.setFocus()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)


def date_range_edits(start: QDate, end: QDate, names: tuple[str, str]) -> tuple[QDateEdit, QDateEdit]:
    """A from/to pair of date edits for a filter bar: calendar pop-up, ISO format,
    disabled until the filter's checkbox turns them on."""
    edits = (QDateEdit(start), QDateEdit(end))
    for edit, name in zip(edits, names, strict=True):
        edit.setObjectName(name)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.setEnabled(False)
    return edits


def row_table(model, name: str, *, alternating: bool = False,
              cls: type[QTableView] = QTableView) -> QTableView:
    """A read-only table that selects one whole row at a time, over ``model`` (a
    ``cls`` view: a subclass that adds keys or drawing)."""
    view = cls()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(alternating)
    view.verticalHeader().setVisible(False)
    return view
