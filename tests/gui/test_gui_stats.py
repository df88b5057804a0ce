"""统计 tab (统计与档案, issue 16): a period typed and a breakdown chosen show the figures
of ``services.stats``; a cell (double-click or Enter) or a bar drills down to exactly the
applications ``services.stats.drill`` names, Enter opens one; 打印报表… records the
统计报表 and opens it."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from desktop_app.core.models import ListDocument
from desktop_app.core.rules.periods import parse_period
from desktop_app.core.services.stats_report import value_text
from desktop_app.gui.kit.charts import BarChart, LineChart
from desktop_app.gui.reports import screen as reports
from desktop_app.gui.reports.stats import StatsTab
from desktop_app.gui.reports.stats_model import wrapped
from tests.helpers.gui import actor_for, choose, click, pdf_text, type_text
from tests.helpers.stats_demo import stats_demo

pytestmark = pytest.mark.gui

POPULATED = {"demo": stats_demo}


@pytest.fixture
def demo(populated_template, data_dir):
    return populated_template(stats_demo, data_dir)[1]


@pytest.fixture
def opened():
    return []


@pytest.fixture
def tab(qtbot, services, demo, tasks, opened):
    actor = actor_for(services, "clerk1")
    page = StatsTab(services, tasks, lambda: actor, opener=opened.append)
    qtbot.addWidget(page)
    page.resize(1366, 700)
    page.show()
    qtbot.waitExposed(page)
    return page


def _type_period(qtbot, tab, text: str) -> None:
    tab.period_edit.clear()
    type_text(qtbot, tab.period_edit, text)
    qtbot.keyClick(tab.period_edit, Qt.Key.Key_Return)


def _column(tab, code: str) -> int:
    return 1 + [f.code for f in tab.model.figures].index(code)


def _row(tab, label: str) -> int:
    for r in range(tab.model.rowCount()):
        if tab.model.row_at(r).label == label:
            return r
    raise AssertionError(f"no row {label}")


def _cell_text(tab, row: int, col: int) -> str:
    return tab.model.data(tab.model.index(row, col))


def test_the_tab_is_on_the_reports_screen(qtbot, services, demo, tasks):
    assert ("reports.stats:StatsTab", "Statistics") in reports.TABS
    screen = reports.ReportsScreen(services, tasks, lambda: actor_for(services, "clerk1"))
    qtbot.addWidget(screen)
    assert isinstance(screen.pages["StatsTab"], StatsTab)
    assert screen.tabs.tabText(0) == "统计"


def test_a_typed_period_and_a_breakdown_show_the_figures(qtbot, services, tab):
    _type_period(qtbot, tab, "2026-Q4")
    assert tab.period_label.text() == "2026年第四季度"
    assert tab.kind.currentData() == "quarter"
    choose(tab.by, data="item")
    expected = services.stats.report(parse_period("2026-Q4"), "item")
    assert tab.model.rowCount() == len(expected.rows) + 1
    rows = [*expected.rows, expected.total]
    for r, stats_row in enumerate(rows):
        assert _cell_text(tab, r, 0) == (stats_row.label if r < len(expected.rows) else "合计")
        for c, fig in enumerate(expected.figures, 1):
            assert _cell_text(tab, r, c) == value_text(fig.kind, stats_row.values[fig.code])
    assert tab.model.headerData(0, Qt.Orientation.Horizontal) == "救助事项"
    # the chart: 受理登记 by item, and the months begun so far as a line
    assert [p.label for p in tab.bars.points] == [r.label for r in expected.rows]
    assert [p.value for p in tab.bars.points] == [r.values["received"] for r in expected.rows]
    assert tab.line.isVisible() and [p.label for p in tab.line.points] == ["10月", "11月"]
    # another figure charted: 办结率 in percent
    choose(tab.figure, data="completion_rate")
    assert tab.bars.title == "各救助事项办结率（%）"
    assert [p.value for p in tab.bars.points] == [
        None if r.values["completion_rate"] is None else pytest.approx(
            100 * r.values["completion_rate"]) for r in expected.rows]


def test_the_kind_and_the_arrows_move_the_period(qtbot, tab):
    _type_period(qtbot, tab, "2026-11")
    assert tab.period_label.text() == "2026年11月" and not tab.line.isVisible()
    choose(tab.kind, data="year")
    assert tab.period_edit.text() == "2026" and tab.period_label.text() == "2026年"
    click(qtbot, tab.previous)
    assert tab.period_edit.text() == "2025"
    choose(tab.kind, data="quarter")
    click(qtbot, tab.following)
    assert tab.period_edit.text() == "2025-Q2" and tab.period_label.text() == "2025年第二季度"
    _type_period(qtbot, tab, "2026-11-03..2026-11-20")
    assert tab.kind.currentData() == "custom"
    click(qtbot, tab.following)
    assert tab.period_edit.text() == "2026-11-21..2026-12-08"


def test_a_bad_period_is_said_and_no_figures_stand(qtbot, tab):
    _type_period(qtbot, tab, "2026-11")
    assert tab.model.rowCount() > 1
    _type_period(qtbot, tab, "2026-13")
    assert tab.error.isVisible() and "统计期间格式不正确" in tab.error.text()
    assert tab.model.rowCount() == 0 and tab.bars.points == [] and tab.period_label.text() == ""
    _type_period(qtbot, tab, "2026-11")
    assert not tab.error.isVisible() and tab.model.rowCount() > 1


def _double_click(qtbot, view, index) -> None:
    view.scrollTo(index)
    centre = view.visualRect(index).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=centre)


def test_a_double_clicked_cell_lists_its_applications_and_enter_opens_one(qtbot, services, tab):
    _type_period(qtbot, tab, "2026-Q4")
    choose(tab.by, data="village")
    period = parse_period("2026-Q4")
    report = services.stats.report(period, "village")
    busiest = max(report.rows, key=lambda r: r.values["received"])
    row, col = _row(tab, busiest.label), _column(tab, "received")
    _double_click(qtbot, tab.table, tab.model.index(row, col))
    assert tab.stack.currentIndex() == 1
    ids = services.stats.drill(period, "village", busiest.key, "received")
    assert tab.drill_model.ids() == ids and len(ids) == busiest.values["received"] > 0
    assert busiest.label in tab.drill_title.text() and "受理登记" in tab.drill_title.text()
    # the rows are the applications list's: the first one's number and applicant
    first = services.queries.rows(ids[:1])[0]
    assert tab.drill_model.data(tab.drill_model.index(0, 0)) == first.number
    with qtbot.waitSignal(tab.openApplication) as opened:
        qtbot.keyClick(tab.drill_view, Qt.Key.Key_Return)
    assert opened.args == [ids[0]]
    qtbot.keyClick(tab.drill_view, Qt.Key.Key_Escape)
    assert tab.stack.currentIndex() == 0


def test_enter_on_the_total_drills_the_whole_period(qtbot, services, tab):
    _type_period(qtbot, tab, "2026-Q4")
    choose(tab.by, data="department")
    total = tab.model.rowCount() - 1
    index = tab.model.index(total, _column(tab, "referred"))
    tab.table.setFocus()
    tab.table.setCurrentIndex(index)
    qtbot.keyClick(tab.table, Qt.Key.Key_Return)
    ids = services.stats.drill(parse_period("2026-Q4"), "department", None, "referred")
    assert tab.stack.currentIndex() == 1 and tab.drill_model.ids() == ids
    assert len(ids) == services.stats.report(parse_period("2026-Q4"),
                                             "department").total.values["referred"]
    click(qtbot, tab.back)
    assert tab.stack.currentIndex() == 0


def test_a_clicked_bar_drills_down(qtbot, services, tab):
    _type_period(qtbot, tab, "2026-Q4")
    choose(tab.by, data="village")
    choose(tab.figure, data="accepted")
    bar = 1
    rect = tab.bars.bar_rect(bar)
    qtbot.mouseClick(tab.bars, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    key = tab.report.rows[bar].key
    assert tab.stack.currentIndex() == 1
    assert tab.drill_model.ids() == services.stats.drill(parse_period("2026-Q4"), "village",
                                                         key, "accepted")


def test_print_report_records_and_opens_the_pdf(qtbot, services, tab, opened):
    _type_period(qtbot, tab, "2026-11")
    choose(tab.by, data="village")
    assert not tab.document.print_button.isEnabled()
    click(qtbot, tab.issue_button)
    with services.ctx.db.read() as s:
        docs = list(s.scalars(select(ListDocument).where(ListDocument.kind == "stats_report")))
    assert len(docs) == 1 and docs[0].number in tab.status.text()
    assert opened and opened[-1].name == f"{docs[0].number}-stats_report.pdf"
    assert tab.document.print_button.isEnabled() and tab.document.path == opened[-1]
    text = pdf_text(opened[-1])
    report = services.stats.report(parse_period("2026-11"), "village")
    assert "2026年11月" in text and docs[0].number in text
    for row in report.rows:
        assert row.label in text


# -- the chart widgets -----------------------------------------------------------------------

@pytest.mark.parametrize(("label", "header"), [
    ("受理", "受理"), ("受理登记", "受理登记"), ("一次性告知", "一次性\n告知"),
    ("先行救助次数", "先行救助\n次数"), ("办结天数中位数", "办结天数\n中位数")])
def test_long_headers_break_in_two(label, header):
    assert wrapped(label) == header


@pytest.fixture
def bars(qtbot):
    chart = BarChart()
    qtbot.addWidget(chart)
    chart.resize(800, 320)
    chart.show()
    qtbot.waitExposed(chart)
    return chart


def test_short_labels_stand_under_their_bars_long_ones_slant(bars):
    bars.set_data("各村（社区）受理登记", [("东村", 3), ("西村", 5), ("南村", None)])
    _plot, lines, _length = bars.plot_rect()
    assert lines == [["东村"], ["西村"], ["南村"]]
    assert bars.bar_rect(2).isEmpty() and not bars.bar_rect(1).isEmpty()
    assert bars.bar_rect(1).height() > bars.bar_rect(0).height()
    many = [(f"新华村民委员会第{i}居民小组", i) for i in range(40)]
    bars.set_data("t", many)
    plot, lines, length = bars.plot_rect()
    assert lines is None and 0 < length
    # slanted labels keep inside the widget: the plot starts far enough right
    assert plot.left() >= length / 2 ** 0.5 - plot.width() / 40 / 2
    assert plot.bottom() < bars.height() and plot.top() > 0


def test_a_bar_is_found_by_position_and_activated_by_keys(qtbot, bars):
    bars.set_data("t", [("东村", 3), ("西村", 5), ("南村", 1)])
    centre = bars.bar_rect(1).center()
    assert bars.index_at(centre.x(), centre.y()) == 1
    assert bars.index_at(1, 1) is None
    bars.setFocus()
    with qtbot.waitSignal(bars.barActivated) as activated:
        qtbot.keyClick(bars, Qt.Key.Key_Right)
        qtbot.keyClick(bars, Qt.Key.Key_Right)
        qtbot.keyClick(bars, Qt.Key.Key_Return)
    assert activated.args == [1]
    with qtbot.waitSignal(bars.barActivated) as clicked:
        qtbot.mouseClick(bars, Qt.MouseButton.LeftButton,
                         pos=bars.bar_rect(2).center().toPoint())
    assert clicked.args == [2]


def test_the_line_paints_with_a_gap(qtbot):
    line = LineChart()
    qtbot.addWidget(line)
    line.resize(500, 260)
    line.set_data("逐月", [("10月", 4), ("11月", None), ("12月", 7)])
    image = line.grab().toImage()
    assert not image.isNull()
    # something red (the line's points) is painted at the first point
    plot = line.plot_rect()[0]
    x = int(line.slot_of(0, plot).center().x())
    y = int(line.y_of(4, plot))
    colour = image.pixelColor(QPoint(x, y))
    assert colour.red() > 150 and colour.blue() < 120
    QApplication.processEvents()
