"""A count table with totals: rows × columns (department × township), 合计 last.

The cell under the cursor names its (row key, column key); ``None`` stands for 合计
(every row or every column), so a drill-down asks for exactly what the cell counts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

HOT = QColor("#b00020")
KeyRole = Qt.ItemDataRole.UserRole + 1


class CountMatrixModel(QAbstractTableModel):
    """Counts by (row key, column key) under labelled rows and columns, with 合计."""

    def __init__(self, total_label: str, corner: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.total_label = total_label
        self.corner = corner
        self.rows: list[tuple[str, str]] = []      # (key, label)
        self.cols: list[tuple[str, str]] = []
        self.counts: dict[tuple[str, str], int] = {}

    def set_counts(self, rows: Sequence[tuple[str, str]], cols: Sequence[tuple[str, str]],
                   counts: Mapping[tuple[str, str], int]) -> None:
        self.beginResetModel()
        self.rows, self.cols, self.counts = list(rows), list(cols), dict(counts)
        self.endResetModel()

    # -- keys and totals -----------------------------------------------------------------
    def keys_at(self, row: int, col: int) -> tuple[str | None, str | None]:
        """(row key, column key) of a cell; ``None`` for the 合计 row / column."""
        r = self.rows[row][0] if 0 <= row < len(self.rows) else None
        c = self.cols[col - 1][0] if 1 <= col <= len(self.cols) else None
        return r, c

    def count(self, row_key: str | None, col_key: str | None) -> int:
        return sum(n for (r, c), n in self.counts.items()
                   if (row_key is None or r == row_key) and (col_key is None or c == col_key))

    def cell_of(self, row_key: str | None, col_key: str | None) -> QModelIndex:
        row = next((i for i, (k, _) in enumerate(self.rows) if k == row_key), len(self.rows))
        col = next((i + 1 for i, (k, _) in enumerate(self.cols) if k == col_key),
                   len(self.cols) + 1)
        return self.index(row, col)

    # -- Qt ------------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() or not self.rows else len(self.rows) + 1

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.cols) + 2

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role != Qt.ItemDataRole.DisplayRole or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return self.corner
        if section <= len(self.cols):
            return self.cols[section - 1][1]
        return self.total_label

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = index.row(), index.column()
        total_row, total_col = row >= len(self.rows), col > len(self.cols)
        if col == 0:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.total_label if total_row else self.rows[row][1]
            if role == Qt.ItemDataRole.FontRole and total_row:
                return _bold()
            return None
        row_key, col_key = self.keys_at(row, col)
        n = self.count(row_key, col_key)
        if role == Qt.ItemDataRole.DisplayRole:
            return str(n) if n else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and n and not (total_row or total_col):
            return QBrush(HOT)
        if role == Qt.ItemDataRole.FontRole and (total_row or total_col):
            return _bold()
        if role == KeyRole:
            return row_key, col_key
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{self.rows[row][1] if not total_row else self.total_label} · " \
                   f"{self.cols[col - 1][1] if not total_col else self.total_label}：{n}"
        return None


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


__all__ = ["CountMatrixModel", "KeyRole"]
