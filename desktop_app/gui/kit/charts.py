"""Small charts drawn with QPainter (issue 16): bars by category and a line over months.

Our charts show at most ~40 points, so a hundred lines of painting beat a plotting
library (pyqtgraph brings numpy, ~40 MB in the bundle; QtCharts is deprecated and must
match the pinned Qt exactly — docs/interfaces of issue 16). What they do:

* a value axis from 0 with "nice" ticks (``printing.charts.nice_scale``: the same
  ticks as the printed report), grid lines, the value
  above each bar or point (formatted by the caller: counts, 元, %, days);
* category labels under the axis, on one or two lines when they fit, else slanted and elided
  (the full label and value in the tooltip) — Chinese village names never overlap;
* ``None`` values (a ratio without a denominator) are drawn as a gap and said "—";
* :class:`BarChart` emits ``barActivated(index)`` on a click or Enter on the current
  bar (the statistics tab drills down from it); arrow keys move the current bar.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPainterPath,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ...printing.charts import label_lines, nice_scale
from ...printing.charts import tick_text as plain_number

BAR = QColor("#3f6fb5")
BAR_CURRENT = QColor("#1f4f95")
LINE = QColor("#c0504d")
GRID = QColor("#d9d9d9")
AXIS = QColor("#555555")
TEXT = QColor("#222222")
GAP = "—"


@dataclass(frozen=True)
class Point:
    """One category (a village, an item, a month) and its value (``None``: no value)."""

    label: str
    value: float | None


class _Chart(QWidget):
    """Layout shared by the bar and the line chart: title, value axis, category slots."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = ""
        self.points: list[Point] = []
        self.value_text: Callable[[float | None], str] = _default_text
        self.tick_text: Callable[[float], str] = plain_number
        self.empty_text = ""
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, False)

    def minimumSizeHint(self) -> QSize:
        return QSize(240, 180)

    def sizeHint(self) -> QSize:
        return QSize(640, 300)

    def set_data(self, title: str, points: Sequence[Point | tuple[str, float | None]], *,
                 value_text: Callable[[float | None], str] | None = None,
                 tick_text: Callable[[float], str] | None = None,
                 empty_text: str = "") -> None:
        """Show ``points`` under ``title``; ``value_text`` formats a value (default: a
        plain number, "—" for ``None``), ``tick_text`` an axis tick."""
        self.title = title
        self.points = [p if isinstance(p, Point) else Point(p[0], p[1]) for p in points]
        self.value_text = value_text or _default_text
        self.tick_text = tick_text or plain_number
        self.empty_text = empty_text
        self.updateGeometry()
        self.update()

    # -- geometry ------------------------------------------------------------------------
    def _fonts(self) -> tuple[QFont, QFont, QFont]:
        base = QFont(self.font())
        small = QFont(base)
        small.setPointSizeF(max(base.pointSizeF() * 0.9, 7.0))
        bold = QFont(base)
        bold.setBold(True)
        return base, small, bold

    def scale(self) -> list[float]:
        values = [p.value for p in self.points if p.value is not None]
        return nice_scale(max(values, default=0.0))

    def plot_rect(self) -> tuple[QRectF, list[list[str]] | None, float]:
        """The plotting area, the category labels' lines (``None``: slanted labels) and
        the slanted labels' length."""
        _base, small, bold = self._fonts()
        fm, fm_bold = QFontMetricsF(small), QFontMetricsF(bold)
        ticks = self.scale()
        left = 8 + max(fm.horizontalAdvance(self.tick_text(t)) for t in ticks)
        top = 8 + (fm_bold.height() + 6 if self.title else 0) + fm.height() + 2
        right = 12
        n = max(len(self.points), 1)
        width = max(self.width() - left - right, 10)
        lines = label_lines([p.label for p in self.points], fm.horizontalAdvance,
                            width / n - 4)
        widest = max((fm.horizontalAdvance(p.label) for p in self.points), default=0.0)
        length = min(widest, self.height() * 0.32 * math.sqrt(2))
        if lines is None:  # 45°: the label's height on the screen is its length / √2
            bottom = 6 + fm.height() + length / math.sqrt(2)
            # the first label runs down to the left of its bar: keep it inside
            shift = length / math.sqrt(2) - width / n / 2 + 4 - left
            if shift > 0:
                left, width = left + shift, max(width - shift, 10)
        else:
            bottom = 6 + fm.height() * max((len(x) for x in lines), default=1) + 4
        height = max(self.height() - top - bottom, 10)
        return QRectF(left, top, width, height), lines, length

    def slot_of(self, index: int, plot: QRectF) -> QRectF:
        slot = plot.width() / max(len(self.points), 1)
        return QRectF(plot.left() + index * slot, plot.top(), slot, plot.height())

    def y_of(self, value: float, plot: QRectF) -> float:
        top = self.scale()[-1] or 1.0
        return plot.bottom() - plot.height() * max(value, 0.0) / top

    def index_at(self, x: float, y: float) -> int | None:
        plot = self.plot_rect()[0]
        if not self.points or not plot.left() <= x <= plot.right() or y < plot.top():
            return None
        index = int((x - plot.left()) / (plot.width() / len(self.points)))
        return min(index, len(self.points) - 1)

    # -- painting ------------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        try:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), self.palette().base())
            self._paint(painter)
        finally:
            painter.end()

    def _paint(self, painter: QPainter) -> None:
        base, small, bold = self._fonts()
        plot, lines, length = self.plot_rect()
        fm = QFontMetricsF(small)
        if self.title:
            painter.setFont(bold)
            painter.setPen(TEXT)
            painter.drawText(QRectF(0, 4, self.width(), QFontMetricsF(bold).height() + 4),
                             Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                             self.title)
        if not self.points:
            painter.setFont(base)
            painter.setPen(AXIS)
            painter.drawText(plot, Qt.AlignmentFlag.AlignCenter, self.empty_text)
            return
        painter.setFont(small)
        for tick in self.scale():
            y = self.y_of(tick, plot)
            painter.setPen(QPen(GRID, 1))
            painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
            painter.setPen(AXIS)
            painter.drawText(QRectF(0, y - fm.height() / 2, plot.left() - 5, fm.height()),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             self.tick_text(tick))
        painter.setPen(QPen(AXIS, 1))
        painter.drawLine(QPointF(plot.left(), plot.bottom()), plot.bottomRight())
        painter.drawLine(plot.topLeft(), QPointF(plot.left(), plot.bottom()))
        self._paint_values(painter, plot, fm)
        painter.setPen(TEXT)
        for i, p in enumerate(self.points):
            slot = self.slot_of(i, plot)
            if lines is None:
                text = fm.elidedText(p.label, Qt.TextElideMode.ElideRight, length)
                painter.save()
                painter.translate(slot.center().x() + fm.height() / 3, plot.bottom() + 6)
                painter.rotate(-45)
                painter.drawText(QPointF(-fm.horizontalAdvance(text), 0), text)
                painter.restore()
                continue
            for n, line in enumerate(lines[i]):
                painter.drawText(QRectF(slot.left(), plot.bottom() + 4 + n * fm.height(),
                                        slot.width(), fm.height() + 2),
                                 Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                                 line)

    def _paint_values(self, painter: QPainter, plot: QRectF, fm: QFontMetricsF) -> None:
        raise NotImplementedError

    def _value_label(self, painter: QPainter, slot: QRectF, y: float, value: float | None,
                     fm: QFontMetricsF) -> None:
        text = self.value_text(value)
        if fm.horizontalAdvance(text) > slot.width() + 6 and len(self.points) > 1:
            return  # too narrow: the tooltip says it
        painter.setPen(TEXT)
        painter.drawText(QRectF(slot.center().x() - 60, y - fm.height() - 2, 120, fm.height()),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom, text)

    # -- tooltips ------------------------------------------------------------------------
    def event(self, e: QEvent) -> bool:
        if isinstance(e, QHelpEvent):
            index = self.index_at(e.pos().x(), e.pos().y())
            if index is None:
                QToolTip.hideText()
            else:
                p = self.points[index]
                QToolTip.showText(e.globalPos(), f"{p.label}：{self.value_text(p.value)}", self)
            return True
        return super().event(e)


def _default_text(value: float | None) -> str:
    return GAP if value is None else plain_number(value)


class BarChart(_Chart):
    """Vertical bars, one per category; a click or Enter activates the current bar."""

    barActivated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.current = -1
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def set_data(self, *args: Any, **kwargs: Any) -> None:
        super().set_data(*args, **kwargs)
        self.current = min(self.current, len(self.points) - 1)

    def bar_rect(self, index: int, plot: QRectF | None = None) -> QRectF:
        """Where bar ``index`` is drawn (empty for a ``None`` value)."""
        plot = plot or self.plot_rect()[0]
        slot = self.slot_of(index, plot)
        value = self.points[index].value
        if value is None:
            return QRectF()
        width = min(slot.width() * 0.62, 56)
        y = self.y_of(value, plot)
        return QRectF(slot.center().x() - width / 2, y, width, plot.bottom() - y)

    def _paint_values(self, painter: QPainter, plot: QRectF, fm: QFontMetricsF) -> None:
        for i, p in enumerate(self.points):
            slot = self.slot_of(i, plot)
            rect = self.bar_rect(i, plot)
            if p.value is not None:
                painter.fillRect(rect, BAR_CURRENT if i == self.current else BAR)
                if i == self.current and self.hasFocus():
                    painter.setPen(QPen(TEXT, 1, Qt.PenStyle.DotLine))
                    painter.drawRect(rect.adjusted(-2, -2, 2, 0))
            self._value_label(painter, slot, rect.top() if p.value is not None
                              else plot.bottom(), p.value, fm)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.index_at(event.position().x(), event.position().y())
        if index is not None and event.button() == Qt.MouseButton.LeftButton:
            self.current = index
            self.update()
            self.barActivated.emit(index)
            return
        super().mousePressEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if self.points and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            self.current = max(0, min(len(self.points) - 1, self.current + step))
            self.update()
            return
        if self.points and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current >= 0:
            self.barActivated.emit(self.current)
            return
        super().keyPressEvent(event)


class LineChart(_Chart):
    """A line through the points (a month each); a ``None`` breaks the line."""

    def _paint_values(self, painter: QPainter, plot: QRectF, fm: QFontMetricsF) -> None:
        path = QPainterPath()
        drawing = False
        centres: list[QPointF | None] = []
        for i, p in enumerate(self.points):
            if p.value is None:
                drawing = False
                centres.append(None)
                continue
            point = QPointF(self.slot_of(i, plot).center().x(), self.y_of(p.value, plot))
            centres.append(point)
            if drawing:
                path.lineTo(point)
            else:
                path.moveTo(point)
                drawing = True
        painter.setPen(QPen(LINE, 2))
        painter.drawPath(path)
        painter.setBrush(LINE)
        for i, centre in enumerate(centres):
            slot = self.slot_of(i, plot)
            if centre is not None:
                painter.setPen(QPen(LINE, 1))
                painter.drawEllipse(centre, 3.5, 3.5)
                self._value_label(painter, slot, centre.y() - 4, self.points[i].value, fm)
            else:
                self._value_label(painter, slot, plot.bottom(), None, fm)
        painter.setBrush(Qt.BrushStyle.NoBrush)


__all__ = ["BarChart", "LineChart", "Point", "nice_scale", "plain_number"]
