"""救助标准 (the ``standards`` setting): a table of entries, each in force from its
effective date until the next one's.

An administrator adds an entry (e.g. next year's 低保标准) and edits or removes
entries not yet in force; entries already in force (today's and earlier ones) are
shown locked, since applications assessed on those days keep their standards.
Amounts are entered in yuan and stored in fen; ratios are whole percentages. The
list is saved with the other settings (``SettingsService.update("standards", …)``).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any, cast

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import ValidationError, ValidationErrors
from ...core.rules import values
from ...core.rules.standards import FIELDS, SETTING_KEY
from ..kit.fmt import fmt
from ..kit.messages import text_of

HINT_STYLE = "color: #757575;"
LOCKED_COLOUR = QColor("#616161")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")

#: Columns after the date, in the order of ``FIELDS``: amounts in fen are shown in yuan.
KEYS = list(FIELDS)


class StandardsEditor(QWidget):
    """``changed`` after the admin edits, adds or removes an entry."""

    changed = Signal()

    def __init__(self, today: Callable[[], date], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("standardsEditor")
        self.today = today
        self.rows: list[dict[str, Any]] = []  # per table row: {"entry": dict | None, "locked": bool}
        self._filling = False

        self.in_force = QLabel()
        self.in_force.setObjectName("standardsInForce")
        self.in_force.setWordWrap(True)
        self.table = QTableWidget(0, len(KEYS) + 2)
        self.table.setObjectName("standardsTable")
        self.table.setHorizontalHeaderLabels(self._headers())
        for col, tip in enumerate(self._header_tips()):
            cast(QTableWidgetItem, self.table.horizontalHeaderItem(col)).setToolTip(tip)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed
                                   | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        header.setStretchLastSection(True)
        self.table.setMinimumHeight(150)
        self.table.setMaximumHeight(240)
        self.table.itemChanged.connect(self._item_changed)
        self.table.itemSelectionChanged.connect(self._selection_changed)

        self.add_button = QPushButton(self.tr("Add entry"))
        self.add_button.setObjectName("addStandards")
        self.add_button.setToolTip(self.tr("A new entry from a later date (e.g. next year's "
                                           "standards), starting from the latest values"))
        self.add_button.clicked.connect(self.add_entry)
        self.remove_button = QPushButton(self.tr("Remove entry"))
        self.remove_button.setObjectName("removeStandards")
        self.remove_button.setToolTip(self.tr("Only entries not yet in force can be removed"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.remove_button.setEnabled(False)
        hint = QLabel(self.tr("Amounts in yuan, ratios in percent. Entries already in force are "
                              "locked: applications keep the standards of their day. To change "
                              "a standard, add an entry from the day it applies."))
        hint.setWordWrap(True)
        hint.setStyleSheet(HINT_STYLE)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.in_force)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        layout.addWidget(hint)

    def _headers(self) -> list[str]:
        return [self.tr("Effective from"),
                self.tr("Urban\nstandard\n(yuan/month)"), self.tr("Rural\nstandard\n(yuan/month)"),
                self.tr("Low-income\nedge (%)"), self.tr("Extreme\npoverty (%)"),
                self.tr("Essential\nspending (%)"),
                self.tr("Urban disposable\nincome\n(yuan/year)"),
                self.tr("Rural disposable\nincome\n(yuan/year)"),
                self.tr("Employment\ndeduction (%)"), self.tr("Status")]

    def _header_tips(self) -> list[str]:
        return [self.tr("The first day the entry applies (YYYY-MM-DD)"),
                self.tr("Urban subsistence allowance standard (低保标准), yuan per person a month"),
                self.tr("Rural subsistence allowance standard (低保标准), yuan per person a month"),
                self.tr("Low-income edge household (低保边缘): income below this percentage "
                        "of the standard"),
                self.tr("Extreme-poverty basic support (特困): at least this percentage of the "
                        "standard"),
                self.tr("Essential-spending hardship (刚性支出): medical and education spending "
                        "above this percentage of the household's annual income"),
                self.tr("Last year's urban per-capita disposable income, yuan per year"),
                self.tr("Last year's rural per-capita disposable income, yuan per year"),
                self.tr("Employment cost deduction per working member, percentage of the "
                        "standard"),
                self.tr("Superseded, in force today, or not yet in force")]

    # -- filling ---------------------------------------------------------------------------
    def set_entries(self, entries: list[dict[str, Any]]) -> None:
        """Show the stored entries (JSON form, amounts in fen)."""
        today = self.today()
        self._filling = True
        try:
            self.table.setRowCount(0)
            self.rows = []
            for entry in sorted(entries, key=lambda e: e["effective_from"]):
                locked = date.fromisoformat(entry["effective_from"]) <= today
                self._append(self._texts(entry), entry=entry, locked=locked)
        finally:
            self._filling = False
        self._update_status()
        self.remove_button.setEnabled(False)

    @staticmethod
    def _texts(entry: dict[str, Any]) -> list[str]:
        out = [str(entry.get("effective_from", ""))]
        for key in KEYS:
            value = entry.get(key, "")
            out.append(values.format_yuan(value, drop_zero_cents=True, grouping=False)
                       if key.endswith("_fen") and isinstance(value, int) else str(value))
        return out

    def _append(self, texts: list[str], *, entry: dict[str, Any] | None, locked: bool) -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.rows.append({"entry": entry, "locked": locked})
        for col, text in enumerate([*texts, ""]):
            item = QTableWidgetItem(text)
            flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
            if not locked and col <= len(KEYS):
                flags |= Qt.ItemFlag.ItemIsEditable
            item.setFlags(flags)
            if 0 < col <= len(KEYS):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if locked:
                item.setForeground(QBrush(LOCKED_COLOUR))
            self.table.setItem(row, col, item)
        return row

    def _update_status(self) -> None:
        """The status column and the in-force line, from the rows as they stand."""
        today = self.today()
        dated = []
        for row in range(self.table.rowCount()):
            text = cast(QTableWidgetItem, self.table.item(row, 0)).text().strip()
            try:
                day = date.fromisoformat(text) if _DAY.fullmatch(text) else None
            except ValueError:
                day = None
            dated.append(day)
        current = max((d for d in dated if d is not None and d <= today), default=None)
        self._filling = True
        try:
            for row, day in enumerate(dated):
                new = self.rows[row]["entry"] is None
                if day is None:
                    status = self.tr("New") if new else ""
                elif day > today:
                    status = fmt(self.tr("New, from %1"), day.isoformat()) if new \
                        else self.tr("Not yet in force")
                elif day == current:
                    status = self.tr("In force today")
                else:
                    status = self.tr("Superseded")
                item = cast(QTableWidgetItem, self.table.item(row, len(KEYS) + 1))
                item.setText(status)
                font = QFont(item.font())
                font.setBold(day is not None and day == current)
                for col in range(self.table.columnCount()):
                    cast(QTableWidgetItem, self.table.item(row, col)).setFont(font)
        finally:
            self._filling = False
        if current is None:
            self.in_force.setText(fmt(self.tr("Today (%1) no entry is in force: the needs assessment "
                                          "cannot run until one is added."), today.isoformat()))
            self.in_force.setStyleSheet("color: #c62828;")
        else:
            self.in_force.setText(fmt(self.tr("Today (%1) the entry in force from %2 applies."), today.isoformat(),
                                      current.isoformat()))
            self.in_force.setStyleSheet("font-weight: bold;")

    def _item_changed(self, item: QTableWidgetItem) -> None:
        if self._filling:
            return
        if item.column() == 0:
            self._update_status()
        self.changed.emit()

    def _selection_changed(self) -> None:
        row = self.table.currentRow()
        selected = bool(self.table.selectionModel().selectedRows())
        self.remove_button.setEnabled(selected and 0 <= row < len(self.rows)
                                      and not self.rows[row]["locked"])

    # -- editing ---------------------------------------------------------------------------
    def add_entry(self) -> int:
        """A new row copying the latest entry, dated 1 January after today and after it."""
        today = self.today()
        texts = None
        latest = today
        if self.table.rowCount():
            last = self.table.rowCount() - 1
            texts = [cast(QTableWidgetItem, self.table.item(last, c)).text() for c in range(len(KEYS) + 1)]
            try:
                latest = max(today, date.fromisoformat(texts[0].strip()))
            except ValueError:
                pass
        if texts is None:
            texts = [""] * (len(KEYS) + 1)
        texts[0] = date(latest.year + 1, 1, 1).isoformat()
        self._filling = True
        try:
            row = self._append(texts, entry=None, locked=False)
        finally:
            self._filling = False
        self._update_status()
        self.table.setCurrentCell(row, 0)
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)
        self.changed.emit()
        return row

    def remove_selected(self) -> None:
        row = self.table.currentRow()
        if not 0 <= row < len(self.rows) or self.rows[row]["locked"]:
            return
        self.table.removeRow(row)
        del self.rows[row]
        self._update_status()
        self.remove_button.setEnabled(False)
        self.changed.emit()

    # -- reading ---------------------------------------------------------------------------
    def entries(self) -> list[dict[str, Any]]:
        """The entries to store (JSON form, sorted by date); raises ``ValidationErrors``
        (field ``standards``) for cells that do not read as a date, an amount or a
        whole percentage, and for an edited entry dated before today."""
        today = self.today()
        errors: list[ValidationError] = []
        out: list[dict[str, Any]] = []
        headers = [h.replace("\n", "") for h in self._headers()]
        for row, meta in enumerate(self.rows):
            if meta["locked"] and meta["entry"] is not None:
                out.append(dict(meta["entry"]))
                continue
            where = fmt(self.tr("Row %1"), str(row + 1))
            texts = [cast(QTableWidgetItem, self.table.item(row, c)).text().strip()
                     for c in range(len(KEYS) + 1)]
            entry: dict[str, Any] = {}
            day = None
            try:
                day = date.fromisoformat(texts[0]) if _DAY.fullmatch(texts[0]) else None
            except ValueError:
                day = None
            if day is None:
                errors.append(ValidationError(SETTING_KEY, "date", fmt(self.tr(
                    "%1, %2: write the date as YYYY-MM-DD, e.g. 2027-01-01"), where, headers[0])))
            elif day < today:
                errors.append(ValidationError(SETTING_KEY, "past", fmt(self.tr(
                    "%1: a new or changed entry cannot apply before today (%2)"), where, today.isoformat())))
            else:
                entry["effective_from"] = day.isoformat()
            for col, key in enumerate(KEYS, 1):
                text = texts[col]
                label = headers[col]
                if key.endswith("_fen"):
                    try:
                        entry[key] = values.parse_amount(text, SETTING_KEY)
                    except ValidationError as exc:
                        errors.append(ValidationError(SETTING_KEY, exc.code, fmt(self.tr(
                            "%1, %2: %3"), where, label, text_of(exc))))
                elif text.isascii() and text.isdigit():
                    entry[key] = int(text)
                else:
                    errors.append(ValidationError(SETTING_KEY, "percent", fmt(self.tr(
                        "%1, %2: enter a whole number of percent"), where, label)))
            out.append(entry)
        if errors:
            raise ValidationErrors(errors)
        return sorted(out, key=lambda e: e["effective_from"])
