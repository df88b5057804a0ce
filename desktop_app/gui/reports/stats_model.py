"""The 统计 tab's table model and small helpers (issue 16; the tab: ``stats.py``)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

from ...core.services.stats_report import value_text
from ..kit.fmt import fmt

KINDS = ("month", "quarter", "year", "custom")
#: A role answering the figure code of a cell (None for the label column).
FigureRole = Qt.ItemDataRole.UserRole + 11


def wrapped(label: str) -> str:
    """A figure's header on two lines when longer than four characters
    (办结天数中位数 → 办结天数\\n中位数), so fourteen columns fit at 1366 pixels."""
    if len(label) <= 4:
        return label
    cut = 4 if len(label) >= 6 else (len(label) + 1) // 2
    return f"{label[:cut]}\n{label[cut:]}"


class StatsModel(QAbstractTableModel):
    """A row per breakdown key and 合计 last; column 0 the key's label, then a column
    per figure (values formatted like the printed report)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report: Any = None
        self.by_label = ""

    def set_report(self, report: Any, by_label: str) -> None:
        self.beginResetModel()
        self.report, self.by_label = report, by_label
        self.endResetModel()

    @property
    def figures(self) -> list[Any]:
        return list(self.report.figures) if self.report is not None else []

    def row_at(self, row: int) -> Any:
        """The ``StatsRow`` of a table row (the total last)."""
        if self.report is None:
            return None
        rows = self.report.rows
        return rows[row] if row < len(rows) else self.report.total

    def is_total(self, row: int) -> bool:
        return self.report is not None and row == len(self.report.rows)

    def key_at(self, row: int) -> str | None:
        """The drill-down key of a row (None: the total)."""
        return None if self.is_total(row) else self.row_at(row).key

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() or self.report is None:
            return 0
        return len(self.report.rows) + 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self.figures)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if section == 0:
                return self.by_label
            figures = self.figures
            return wrapped(figures[section - 1].label) if section <= len(figures) else None
        if role == Qt.ItemDataRole.ToolTipRole and 0 < section <= len(self.figures):
            return self.figures[section - 1].label
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.report is None:
            return None
        row, col = index.row(), index.column()
        stats_row = self.row_at(row)
        figure = self.figures[col - 1] if col > 0 else None
        if role == FigureRole:
            return figure.code if figure is not None else None
        if role == Qt.ItemDataRole.DisplayRole:
            if figure is None:
                return stats_row.label
            return value_text(figure.kind, stats_row.values.get(figure.code))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            horizontal = Qt.AlignmentFlag.AlignLeft if figure is None \
                else Qt.AlignmentFlag.AlignRight
            return int(horizontal | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and self.is_total(row):
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole and figure is not None:
            return fmt(self.tr("%1 — %2: %3 (double-click or Enter: the applications)"),
                       stats_row.label, figure.label,
                       value_text(figure.kind, stats_row.values.get(figure.code)))
        return None


def code_of(kind: str, day: date, today: date) -> str:
    """The text of the period of ``kind`` holding ``day`` (custom: ``day`` to today, or
    the month of ``day`` when today is earlier)."""
    if kind == "quarter":
        return f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}"
    if kind == "year":
        return f"{day.year:04d}"
    if kind == "custom":
        end = today if today >= day else date(day.year + (day.month == 12), day.month % 12 + 1,
                                                1) - timedelta(days=1)
        return f"{day.isoformat()}..{end.isoformat()}"
    return f"{day.year:04d}-{day.month:02d}"


def month_text(day: date, with_year: bool) -> str:
    return f"{day.year}年{day.month}月" if with_year else f"{day.month}月"


def chart_text(kind: str, value: float | None) -> str:
    """A chart's value label (already in 元 or %): 12, 1,234.50, 85.7%, 9.5."""
    if value is None:
        return "—"
    if kind == "money":
        return f"{value:,.2f}"
    if kind == "ratio":
        return f"{value:.1f}%"
    return f"{round(value, 1):g}"


__all__ = ["KINDS", "FigureRole", "StatsModel", "chart_text", "code_of", "month_text", "wrapped"]
