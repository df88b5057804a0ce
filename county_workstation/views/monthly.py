"""月度统计: a month's figures across townships, like the township's 统计 tab.

* **Period**: a month typed as ``2026-11`` (◀ / ▶ for the previous / next month), or any
  period the county's views take (``2026-Q4``, ``2026``, ``2026-11-03..2026-11-20``); the
  label says what was understood (``2026年11月``). A bad period is said on the tab,
  nothing read.
* **Breakdown**: 乡镇, 事项, 部门 (``county_receiver.views.monthly(…, by=…)``).
* **Table**: a row per key and 合计; the figures the county can compute from what the
  townships sent (registered, referred, fed back, done, overdue, done rate …).
* **Chart** (``desktop_app.gui.kit.charts.BarChart``, QPainter): the chosen figure by
  breakdown; a click on a bar selects its row.

The query runs on the read lane.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from desktop_app.gui.kit.charts import BarChart
from desktop_app.gui.kit.fmt import fmt
from desktop_app.gui.kit.tasks import TaskRunner
from desktop_app.gui.kit.widgets import ListTableModel, row_table

from . import data
from .common import NONE, ViewTab

MONTH = re.compile(r"^\s*(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?\s*$")


def parse_month(text: str) -> date | None:
    """``2026-11`` / ``2026年11月`` / ``2026.11`` → the month's first day, else ``None``."""
    match = MONTH.match(text)
    if not match:
        return None
    year, month = int(match.group(1)), int(match.group(2))
    if not (1 <= month <= 12 and 2000 <= year <= 2100):
        return None
    return date(year, month, 1)


def shift_month(first: date, step: int) -> date:
    n = first.year * 12 + first.month - 1 + step
    return date(n // 12, n % 12 + 1, 1)


class MonthlyModel(ListTableModel):
    """The figures: a key a row, a figure a column, 合计 last (``data.MonthlyRow``)."""

    def __init__(self, headers: list[str], parent: QWidget) -> None:
        super().__init__(headers, parent)
        self.figures: list[data.Figure] = []

    def set_figures(self, figures: list[data.Figure], headers: list[str],
                    rows: list[data.MonthlyRow]) -> None:
        self.figures = figures
        self._headers = headers
        self.set_rows(rows)

    def data(self, index: QModelIndex | QPersistentModelIndex,
             role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.FontRole and row.total:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if col == 0:
            return row.label
        figure = self.figures[col - 1]
        return value_text(figure, row.values.get(figure.code))


def value_text(figure: data.Figure, value: float | None) -> str:
    if value is None:
        return NONE
    if figure.percent:
        return f"{value:.1f}%"
    if figure.days:
        return f"{value:.1f}"
    return str(int(value))


class MonthlyTab(ViewTab):
    """月度统计: month, breakdown, the figures table and a bar chart of one figure."""

    def __init__(self, context: Any, tasks: TaskRunner, current_actor: Callable[[], Any], *,
                 parent: QWidget | None = None) -> None:
        super().__init__(context, tasks, current_actor, parent=parent)
        self.setObjectName("monthlyTab")
        self.error.setObjectName("monthlyError")
        self.result: data.Monthly | None = None
        today = self.today()
        self.month = date(today.year, today.month, 1)

        self.month_edit = QLineEdit(f"{self.month:%Y-%m}")
        self.month_edit.setObjectName("monthEdit")
        self.month_edit.setPlaceholderText(self.tr("e.g. 2026-11"))
        self.month_edit.setMaximumWidth(110)
        self.previous = QPushButton(self.tr("◀ Previous"))
        self.previous.setObjectName("monthPrevious")
        self.following = QPushButton(self.tr("Next ▶"))
        self.following.setObjectName("monthNext")
        self.month_label = QLabel()
        self.month_label.setObjectName("monthLabel")
        self.by = QComboBox()
        self.by.setObjectName("monthlyBy")
        for code, label in (("township", self.tr("Township")), ("item", self.tr("Item")),
                            ("department", self.tr("Department"))):
            self.by.addItem(label, code)
        self.figure = QComboBox()
        self.figure.setObjectName("monthlyFigure")
        self.show_button = QPushButton(self.tr("Show"))
        self.show_button.setObjectName("monthlyShow")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period")))
        top.addWidget(self.month_edit)
        top.addWidget(self.previous)
        top.addWidget(self.following)
        top.addWidget(self.month_label)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("By")))
        top.addWidget(self.by)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Chart")))
        top.addWidget(self.figure)
        top.addStretch(1)
        top.addWidget(self.show_button)

        self.model = MonthlyModel([self.tr("Township")], self)
        self.view = row_table(self.model, "monthlyTable", alternating=True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setMinimumSectionSize(64)
        self.chart = BarChart()
        self.chart.setObjectName("monthlyChart")
        self.chart.barActivated.connect(self._bar_activated)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.view)
        split.addWidget(self.chart)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(split, 1)

        self.month_edit.returnPressed.connect(self.refresh)
        self.show_button.clicked.connect(self.refresh)
        self.previous.clicked.connect(lambda: self._step(-1))
        self.following.clicked.connect(lambda: self._step(1))
        self.by.activated.connect(lambda _i: self.refresh())
        self.figure.activated.connect(lambda _i: self._chart())
        self._label()

    def _label(self, text: str = "") -> None:
        self.month_label.setText(text or fmt(self.tr("month %2 of %1"), str(self.month.year),
                                             str(self.month.month)))

    def _step(self, step: int) -> None:
        first = parse_month(self.month_edit.text()) or self.month
        self.month_edit.setText(f"{shift_month(first, step):%Y-%m}")
        self.refresh()

    def period(self) -> Any:
        """The period typed (``views.Period``), or ``None`` with the problem said."""
        from county_receiver.views import parse_period

        text = self.month_edit.text().strip()
        first = parse_month(text)
        if first is not None:
            text = f"{first:%Y-%m}"
        try:
            return parse_period(text)
        except Exception:  # PackageError: a bad period, said here in the tab's words
            return None

    # -- content -------------------------------------------------------------------------
    def refresh(self) -> None:
        period = self.period()
        if period is None:
            self.error.show_messages([self.tr("Type the month as 2026-11 (or a quarter "
                                              "2026-Q4, a year 2026, days "
                                              "2026-11-03..2026-11-20).")])
            self.month_edit.setFocus()
            return
        self.month = date(period.start.year, period.start.month, 1)
        self._label(period.label)
        county, by, department, today = (self.county, self.by.currentData(),
                                         self.department(), self.today())
        self.read(lambda: data.monthly(county, period, by=by, today=today,
                                       department=department), self._loaded)

    def _loaded(self, result: data.Monthly) -> None:
        self.result = result
        chosen = self.figure.currentData()
        self.figure.clear()
        for f in result.figures:
            self.figure.addItem(f.label, f.code)
        self.figure.setCurrentIndex(max(self.figure.findData(chosen or result.default), 0))
        headers = [self.by.currentText()] + [f.label for f in result.figures]
        self.model.set_figures(result.figures, headers, [*result.rows, result.total])
        self.view.resizeColumnsToContents()
        self._chart()

    def failed(self, error: BaseException) -> None:
        self.result = None
        self.model.set_rows([])
        self.chart.set_data("", [], empty_text=self.tr("The query failed."))

    def _chart(self) -> None:
        result = self.result
        if result is None:
            return
        code = self.figure.currentData()
        figure = next((f for f in result.figures if f.code == code), None)
        if figure is None:
            return
        title = fmt(self.tr("%1, %2 by %3"), figure.label, self.month_label.text(),
                    self.by.currentText())
        self.chart.set_data(title, [(r.label, r.values.get(code)) for r in result.rows],
                            value_text=lambda v: value_text(figure, v),
                            empty_text=self.tr("Nothing in this month."))

    def _bar_activated(self, index: int) -> None:
        self.view.selectRow(index)


__all__ = ["MonthlyModel", "MonthlyTab", "parse_month", "shift_month"]
