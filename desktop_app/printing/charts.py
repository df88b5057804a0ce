"""Charts on paper (issue 16): the ``chart`` block of a template — bars by category or
a line over months — drawn with ReportLab's own ``reportlab.graphics.charts``.

ReportLab draws the bars, the line, the axes and the grid; every piece of text (the
chart's title, category labels, values, ticks) is drawn with
:func:`~desktop_app.printing.flowables.draw_text`, so a village or a clerk's name with a
rare character falls back to another bundled font like the rest of the document (□
and the note when no font has it), never a blank.

:func:`nice_scale` is shared with the screen's QPainter charts
(``desktop_app/gui/kit/charts.py``): the same ticks on screen and on paper.

Data of a chart: a list of ``{"label": str, "value": number | None, "text": str}`` —
``text`` the value as printed ("12", "1,234.50", "85.7%", "—").
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any, cast

BAR_COLOUR = "#3f6fb5"
LINE_COLOUR = "#c0504d"
GRID_COLOUR = "#cccccc"
TYPES = ("bar", "line")


def nice_scale(maximum: float, ticks: int = 5) -> list[float]:
    """Tick values from 0 to at least ``maximum`` in steps of 1, 2 or 5 × 10ⁿ:
    ``nice_scale(87)`` → ``[0, 20, 40, 60, 80, 100]``; nothing to show (0, negative,
    not finite) gives ``[0, 1]``."""
    if not maximum or maximum <= 0 or not math.isfinite(maximum):
        return [0.0, 1.0]
    raw = maximum / max(ticks, 1)
    power = 10 ** math.floor(math.log10(raw))
    step = next(m * power for m in (1, 2, 5, 10) if m * power >= raw)
    count = math.ceil(maximum / step - 1e-9)
    return [round(i * step, 10) for i in range(count + 1)]


def tick_text(value: float) -> str:
    """``3.0`` → ``"3"``, ``2.5`` → ``"2.5"``, ``12000.0`` → ``"12000"``."""
    return f"{value:g}" if abs(value) < 1e15 else f"{value:.3g}"


def wrap_label(text: str, width_of: Callable[[str], float], width: float,
               max_lines: int = 2) -> list[str] | None:
    """``text`` broken into at most ``max_lines`` lines no wider than ``width`` (character
    by character: Chinese has no spaces), or ``None`` when it needs more lines."""
    lines: list[str] = []
    current = ""
    for ch in text:
        if current and width_of(current + ch) > width:
            lines.append(current)
            current = ch
            if len(lines) == max_lines:
                return None
        else:
            current += ch
    if current:
        lines.append(current)
    return lines if len(lines) <= max_lines else None


def label_lines(labels: list[str], width_of: Callable[[str], float], slot: float,
                max_lines: int = 2) -> list[list[str]] | None:
    """Every label wrapped under its bar (see :func:`wrap_label`), or ``None`` when one
    does not fit: the labels are then slanted."""
    out = []
    for label in labels:
        lines = wrap_label(label, width_of, slot, max_lines)
        if lines is None:
            return None
        out.append(lines)
    return out


def _flowable_base() -> type:
    from reportlab.platypus import Flowable  # ReportLab only when a chart prints

    return cast(type, Flowable)


def chart_flowable(kind: str, title: str, points: list[dict[str, Any]], width: float,
                   height: float, size: float) -> Any:
    """A flowable drawing ``points`` as bars (``kind="bar"``) or a line (``"line"``)
    ``width`` × ``height`` points, text at ``size`` points."""

    class ChartFlowable(_flowable_base()):  # type: ignore[misc]
        def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
            return width, height

        def draw(self) -> None:
            _draw_chart(self.canv, kind, title, points, width, height, size)

    return ChartFlowable()


def _layout(title: str, labels: list[str], ticks: list[float], width: float, height: float,
            size: float) -> tuple[float, float, float, float, list[list[str]] | None, float]:
    """Plot area (x, y, w, h), the labels' lines (``None``: slanted) and the slanted
    labels' length."""
    from desktop_app.printing.fonts import string_width

    left = 4 + max(string_width(tick_text(t), size) for t in ticks)
    top = (size * 1.3 + 4 if title else 0) + size * 1.4
    slot = (width - left - 4) / max(len(labels), 1)
    lines = label_lines(labels, lambda t: string_width(t, size), slot - 2, max_lines=3)
    widest = max((string_width(label, size) for label in labels), default=0.0)
    length = min(widest, height * 0.35 * math.sqrt(2))
    if lines is None:
        bottom = 4 + size + length / math.sqrt(2)
    else:
        bottom = 4 + size * 1.25 * max((len(x) for x in lines), default=1) + size * 0.2
    return left, bottom, width - left - 4, height - top - bottom, lines, length


def _fit(text: str, size: float, length: float) -> str:
    from desktop_app.printing.fonts import string_width

    if string_width(text, size) <= length:
        return text
    while text and string_width(text + "…", size) > length:
        text = text[:-1]
    return text + "…"


def _draw_chart(canv: Any, kind: str, title: str, points: list[dict[str, Any]], width: float,
                height: float, size: float) -> None:
    from reportlab.graphics import renderPDF
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    from desktop_app.printing.flowables import draw_text
    from desktop_app.printing.fonts import BODY_FONT, HEADING_FONT

    labels = [str(p.get("label", "")) for p in points]
    values = [p.get("value") for p in points]
    ticks = nice_scale(max((float(v) for v in values if v is not None), default=0.0))
    x, y, w, h, lines, length = _layout(title, labels, ticks, width, height, size)
    if title:
        draw_text(canv, width / 2, height - size * 1.2, title, size * 1.15,
                  prefer=HEADING_FONT, align="center")
    if not points:
        draw_text(canv, width / 2, y + h / 2, "无数据", size, align="center")
        return
    # the drawing's default font would put a non-embedded Helvetica into the PDF
    drawing = Drawing(width, height, initialFontName=BODY_FONT)
    chart = _bar_chart(values) if kind == "bar" else _line_chart(values)
    chart.x, chart.y, chart.width, chart.height = x, y, w, h
    chart.valueAxis.valueMin, chart.valueAxis.valueMax = 0, ticks[-1]
    chart.valueAxis.valueStep = ticks[1] - ticks[0]
    chart.valueAxis.visibleLabels = 0
    chart.valueAxis.visibleGrid = 1
    chart.valueAxis.gridStrokeColor = colors.HexColor(GRID_COLOUR)
    chart.valueAxis.gridStrokeWidth = 0.4
    chart.categoryAxis.categoryNames = [""] * len(points)
    chart.categoryAxis.visibleLabels = 0
    chart.categoryAxis.visibleTicks = 0
    drawing.add(chart)
    renderPDF.draw(drawing, canv, 0, 0)
    top = ticks[-1] or 1.0
    for t in ticks:
        draw_text(canv, x - 3, y + h * t / top - size * 0.35, tick_text(t), size * 0.9,
                  align="right")
    slot = w / len(points)
    for i, p in enumerate(points):
        cx = x + slot * (i + 0.5)
        value = values[i]
        vy = y + h * (float(value) / top if value is not None else 0.0)
        text = str(p.get("text", "—" if value is None else tick_text(float(value))))
        if len(points) == 1 or _fits(text, size * 0.85, slot + 4):
            draw_text(canv, cx, vy + 2.5, text, size * 0.85, align="center")
        if lines is None:
            canv.saveState()
            canv.translate(cx + size / 3, y - 3)
            canv.rotate(45)
            draw_text(canv, 0, 0, _fit(labels[i], size, length), size, align="right")
            canv.restoreState()
            continue
        for n, line in enumerate(lines[i]):
            draw_text(canv, cx, y - size * (1.15 + 1.25 * n), line, size, align="center")


def _fits(text: str, size: float, width: float) -> bool:
    from desktop_app.printing.fonts import string_width

    return string_width(text, size) <= width


def _bar_chart(values: list[Any]) -> Any:
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.lib import colors

    chart = VerticalBarChart()
    chart.data = [[float(v) if v is not None else None for v in values]]
    chart.bars[0].fillColor = colors.HexColor(BAR_COLOUR)
    chart.bars[0].strokeColor = None
    chart.barWidth = 10
    chart.groupSpacing = 10 if len(values) > 12 else 16
    chart.barSpacing = 0
    return chart


def _line_chart(values: list[Any]) -> Any:
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.widgets.markers import makeMarker
    from reportlab.lib import colors

    chart = HorizontalLineChart()
    chart.data = [[float(v) if v is not None else None for v in values]]
    chart.lines[0].strokeColor = colors.HexColor(LINE_COLOUR)
    chart.lines[0].strokeWidth = 1.5
    chart.lines[0].symbol = makeMarker("FilledCircle", size=3.5,
                                       fillColor=colors.HexColor(LINE_COLOUR))
    chart.joinedLines = 1
    return chart


__all__ = ["TYPES", "chart_flowable", "label_lines", "nice_scale", "tick_text", "wrap_label"]
