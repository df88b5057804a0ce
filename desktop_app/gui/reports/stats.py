"""统计 (统计与档案 tab, issue 16): the figures of a period by a breakdown, charted, each
cell drilled down to the applications behind it, and the printed 统计报表.

* **Period**: the kind (month, quarter, year, custom) and the period typed as the
  command line takes it (``2026-11``, ``2026-Q4``, ``2026``, ``2026-11-03..2026-11-20``;
  ``rules/periods.py parse_period``), ◀ / ▶ for the previous / next one; the Chinese
  label says what was understood. **Breakdown**: 救助事项, 村（社区）, 部门, 经办人, 发现来源.
* **Table** (``services.stats.report`` on the read lane): a row per key present in the
  period and 合计 (distinct counts: an application with several items counts once).
* **Chart** (``gui/kit/charts.py``, QPainter): the chosen figure by breakdown as bars;
  for a period of more than one month, the figure month by month as a line
  (``services.stats.series``).
* **Drill-down**: double-click or Enter on a cell (or a click on a bar) lists the
  applications behind it (``services.stats.drill``, the applications list's model and
  columns); Enter or a double-click opens one (``openApplication``), Esc or 返回统计 goes
  back.
* **打印报表…**: ``services.stats_reports.issue`` on the write lane (a list document
  ``stats_report``), then opened; 打印… / 预览 / 打开PDF / 另存为… act on it like on
  every list document (prints counted).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...core.services.stats_report import DEFAULT_FIGURE, chart_value, elapsed, value_text
from ..applications.screen import ApplicationsModel, IdRole
from ..kit.charts import BarChart, LineChart, Point
from ..kit.errors import present
from ..kit.fmt import fmt
from ..kit.print_actions import DocumentActions, open_pdf, print_recorder
from ..kit.tasks import READ, TaskRunner
from ..kit.widgets import ErrorLabel, row_table
from .stats_model import KINDS, FigureRole, StatsModel, chart_text, code_of, month_text

if TYPE_CHECKING:
    from ...core.rules.periods import Period
    from ...core.services import Services

class StatsTab(QWidget):
    """统计: period, breakdown, the figures, their chart, drill-down, the printed report."""

    openApplication = Signal(int)

    def __init__(self, services: Services, tasks: TaskRunner, current_actor: Callable[[], Any], *,
                 opener: Callable[[Path], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from ...core.services import stats as stats_module

        self.setObjectName("statsTab")
        self.services = services
        self.tasks = tasks
        self.current_actor = current_actor
        self.opener: Callable[[Path], object] = opener or (lambda p: open_pdf(p, parent=self))
        self.breakdowns = dict(stats_module.BREAKDOWNS)
        self.figure_defs = {f.code: f for f in stats_module.FIGURES}
        self.report: Any = None
        self.period: Period | None = None
        self.series: list[tuple[Any, Any]] = []
        self.drilled: tuple[str | None, str] | None = None  # (key, figure) listed

        self.kind = QComboBox()
        self.kind.setObjectName("periodKind")
        for code, label in zip(KINDS, (self.tr("Month"), self.tr("Quarter"), self.tr("Year"),
                                       self.tr("Custom")), strict=True):
            self.kind.addItem(label, code)
        self.period_edit = QLineEdit()
        self.period_edit.setObjectName("periodEdit")
        self.period_edit.setPlaceholderText(self.tr("e.g. 2026-11, 2026-Q4, 2026, "
                                                    "2026-11-03..2026-11-20"))
        self.period_edit.setMinimumWidth(190)
        self.previous = QPushButton(self.tr("◀ Previous"))
        self.previous.setObjectName("periodPrevious")
        self.following = QPushButton(self.tr("Next ▶"))
        self.following.setObjectName("periodNext")
        self.period_label = QLabel()
        self.period_label.setObjectName("periodLabel")
        self.by = QComboBox()
        self.by.setObjectName("breakdown")
        for code, label in stats_module.BREAKDOWNS:
            self.by.addItem(label, code)
        self.by.setCurrentIndex(max(self.by.findData("village"), 0))
        self.figure = QComboBox()
        self.figure.setObjectName("chartFigure")
        for f in stats_module.FIGURES:
            self.figure.addItem(f.label, f.code)
        self.figure.setCurrentIndex(max(self.figure.findData(DEFAULT_FIGURE), 0))
        self.run_button = QPushButton(self.tr("Show"))
        self.run_button.setObjectName("runStats")
        self.issue_button = QPushButton(self.tr("Print report…"))
        self.issue_button.setObjectName("issueReport")

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period")))
        top.addWidget(self.kind)
        top.addWidget(self.period_edit)
        top.addWidget(self.previous)
        top.addWidget(self.following)
        top.addWidget(self.period_label)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("By")))
        top.addWidget(self.by)
        top.addSpacing(12)
        top.addWidget(QLabel(self.tr("Chart")))
        top.addWidget(self.figure)
        top.addStretch(1)
        top.addWidget(self.run_button)
        top.addWidget(self.issue_button)

        self.error = ErrorLabel()
        self.error.setObjectName("statsError")
        self.status = QLabel()
        self.status.setObjectName("statsStatus")
        self.document = DocumentActions(opener=self.opener)
        self.document.setObjectName("statsReportActions")
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.document)

        self.model = StatsModel(self)
        self.table = QTableView()
        self.table.setObjectName("statsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        self.table.activated.connect(self._cell_activated)

        self.bars = BarChart()
        self.bars.setObjectName("statsBars")
        self.bars.barActivated.connect(self._bar_activated)
        self.line = LineChart()
        self.line.setObjectName("statsLine")
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.bars)
        charts.addWidget(self.line)
        charts.setStretchFactor(0, 3)
        charts.setStretchFactor(1, 2)
        figures_page = self.figures_page = QSplitter(Qt.Orientation.Vertical)
        figures_page.setObjectName("statsFigures")
        figures_page.addWidget(self.table)
        figures_page.addWidget(charts)
        figures_page.setStretchFactor(0, 1)
        figures_page.setStretchFactor(1, 1)

        self.drill_title = QLabel()
        self.drill_title.setObjectName("drillTitle")
        self.drill_title.setWordWrap(True)
        self.drill_title.setStyleSheet("font-weight: bold;")
        self.back = QPushButton(self.tr("Back to the figures"))
        self.back.setObjectName("drillBack")
        self.back.clicked.connect(self.back_to_figures)
        self.drill_model = ApplicationsModel(services.queries, self)
        self.drill_view = row_table(self.drill_model, "drillView", alternating=True)
        self.drill_view.verticalHeader().setVisible(True)
        drill_header = self.drill_view.horizontalHeader()
        for col, width in ((0, 220), (1, 100), (2, 120), (3, 180), (4, 110), (6, 90)):
            drill_header.resizeSection(col, width)
        drill_header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        self.drill_view.activated.connect(self._drill_activated)
        drill_top = QHBoxLayout()
        drill_top.addWidget(self.back)
        drill_top.addWidget(self.drill_title, 1)
        drill_page = QWidget()
        drill_layout = QVBoxLayout(drill_page)
        drill_layout.setContentsMargins(0, 0, 0, 0)
        drill_layout.addLayout(drill_top)
        drill_layout.addWidget(self.drill_view, 1)
        self.stack = QStackedWidget()
        self.stack.setObjectName("statsStack")
        self.stack.addWidget(figures_page)
        self.stack.addWidget(drill_page)
        escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), drill_page)
        escape.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        escape.activated.connect(self.back_to_figures)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(top)
        layout.addWidget(self.error)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)

        today = services.ctx.today()
        self.period_edit.setText(f"{today.year:04d}-{today.month:02d}")
        self.kind.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.period_edit.returnPressed.connect(self.refresh)
        self.previous.clicked.connect(lambda: self.step(-1))
        self.following.clicked.connect(lambda: self.step(1))
        self.by.currentIndexChanged.connect(lambda _i: self.refresh())
        self.figure.currentIndexChanged.connect(lambda _i: self._figure_changed())
        self.run_button.clicked.connect(self.refresh)
        self.issue_button.clicked.connect(self.issue_report)
        tasks.bus.changed.connect(self._on_changes)
        self.refresh()  # this month's figures (read lane): the tab opens with them

    # -- the period ------------------------------------------------------------------------
    def parsed_period(self) -> Period | None:
        """The period typed (its label shown), or None with the Chinese message."""
        from ...core.rules.periods import parse_period

        try:
            period = parse_period(self.period_edit.text())
        except Exception as exc:  # ValidationError: said on the label, nothing read
            self.period_label.setText("")
            present(self, exc, label=self.error)
            return None
        self.period_label.setText(period.label)
        index = self.kind.findData(period.kind)
        if index >= 0 and index != self.kind.currentIndex():
            self.kind.blockSignals(True)
            self.kind.setCurrentIndex(index)
            self.kind.blockSignals(False)
        return period

    def _kind_changed(self) -> None:
        """Another kind: the period of that kind holding the current one's first day."""
        from ...core.rules.periods import parse_period

        try:
            start = parse_period(self.period_edit.text()).start
        except Exception:
            start = self.services.ctx.today()
        kind = self.kind.currentData()
        self.period_edit.setText(code_of(kind, start, self.services.ctx.today()))
        self.refresh()

    def step(self, direction: int) -> None:
        """◀ / ▶: the previous or next period of the same kind (and length)."""
        period = self.parsed_period()
        if period is None:
            return
        if period.kind == "custom":
            length = (period.end - period.start).days + 1
            start = period.start + timedelta(days=direction * length)
            end = period.end + timedelta(days=direction * length)
            self.period_edit.setText(f"{start.isoformat()}..{end.isoformat()}")
        else:
            day = period.end + timedelta(days=1) if direction > 0 \
                else period.start - timedelta(days=1)
            self.period_edit.setText(code_of(period.kind, day, day))
        self.refresh()

    # -- the figures -----------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the figures of the period typed on the read lane (a year takes ~2 s on
        the largest database)."""
        period = self.parsed_period()
        if period is None:  # figures of another period must not stand under this one
            self._clear(self.tr("No figures: the period is not understood."))
            return
        by, figure = self.by.currentData(), self.figure.currentData()
        stats = self.services.stats
        multi = (period.start.year, period.start.month) != (period.end.year, period.end.month)

        today = self.services.ctx.today()

        def work() -> tuple[Any, list[Any]]:
            series = elapsed(stats.series(period, figure), today) if multi else []
            return stats.report(period, by), series

        self.status.setText(self.tr("Counting…"))
        self.tasks.run(work, lambda result: self._loaded(period, figure, result),
                       self._failed, owner=self, lane=READ)

    def _loaded(self, period: Period, figure: str, result: tuple[Any, list[Any]]) -> None:
        report, series = result
        self.error.clear_message()
        self.report, self.period, self.series = report, period, series
        self.model.set_report(report, self.breakdowns.get(report.by, report.by))
        self.back_to_figures()
        self._fit_table()
        total = report.total.values
        self.status.setText(fmt(self.tr("%1 by %2: %3 row(s); %4 application(s) received, "
                                        "%5 closed."), period.label,
                                self.breakdowns.get(report.by, report.by),
                                str(len(report.rows)), str(total.get("received", 0)),
                                str(total.get("closed", 0))))
        self._show_charts(figure)

    def _fit_table(self) -> None:
        """The table as tall as its rows (every row seen without scrolling), at most 60 %
        of the page: the chart takes the rest."""
        view = self.table
        need = view.horizontalHeader().sizeHint().height() + 2 * view.frameWidth() + 2 + sum(
            view.rowHeight(r) for r in range(self.model.rowCount()))
        if view.horizontalScrollBar().isVisible():
            need += view.horizontalScrollBar().height()
        total = sum(self.figures_page.sizes()) or self.figures_page.height()
        table = min(need, int(total * 0.6))
        self.figures_page.setSizes([table, max(total - table, 1)])

    def _clear(self, status: str) -> None:
        self.report, self.period, self.series = None, None, []
        self.model.set_report(None, "")
        self.back_to_figures()
        self._show_charts(self.figure.currentData())
        self.status.setText(status)

    def _failed(self, error: BaseException) -> None:
        self._clear(self.tr("The figures could not be read."))
        present(self, error, label=self.error)  # a failed query is never an empty table

    def _figure_changed(self) -> None:
        if self.period is not None and (self.period.start.year, self.period.start.month) != \
                (self.period.end.year, self.period.end.month):
            self.refresh()  # the line needs the new figure's months
        else:
            self._show_charts(self.figure.currentData())

    def _show_charts(self, figure: str) -> None:
        fig = self.figure_defs.get(figure)
        if self.report is None or fig is None:
            self.bars.set_data("", [], empty_text=self.tr("No figures"))
            self.line.set_data("", [])
            self.line.setVisible(False)
            return
        by_label = self.breakdowns.get(self.report.by, self.report.by)
        texts = {"money": self.tr("%1 (yuan)"), "ratio": self.tr("%1 (%)")}

        def title(text: str) -> str:
            return fmt(texts[fig.kind], text) if fig.kind in texts else text

        self.bars.set_data(
            title(fmt(self.tr("%1 by %2"), fig.label, by_label)),
            [Point(r.label, chart_value(fig.kind, r.values.get(figure))) for r in self.report.rows],
            value_text=lambda v: chart_text(fig.kind, v),
            empty_text=self.tr("Nothing in this period"))
        self.line.setVisible(len(self.series) > 1)
        years = {p.start.year for p, _v in self.series}
        self.line.set_data(
            title(fmt(self.tr("%1 month by month"), fig.label)),
            [Point(month_text(p.start, len(years) > 1), chart_value(fig.kind, v))
             for p, v in self.series],
            value_text=lambda v: chart_text(fig.kind, v))

    def _on_changes(self, changes: Any, origin: Any) -> None:
        if origin is self or not self.isVisible():
            return
        if changes.applications or changes.everything:
            self.refresh()

    # -- drill-down ------------------------------------------------------------------------
    def _cell_activated(self, index: QModelIndex) -> None:
        figure = self.model.data(index, FigureRole) or self.figure.currentData()
        self.drill(self.model.key_at(index.row()), figure)

    def _bar_activated(self, bar: int) -> None:
        if self.report is not None and 0 <= bar < len(self.report.rows):
            self.drill(self.report.rows[bar].key, self.figure.currentData())

    def drill(self, key: str | None, figure: str) -> None:
        """List the applications behind the cell (``key`` None: 合计) on the read lane."""
        if self.report is None or self.period is None:
            return
        period, by, stats = self.period, self.report.by, self.services.stats
        label = self.report.row(key).label
        fig = self.figure_defs[figure]
        self.tasks.run(lambda: stats.drill(period, by, key, figure),
                       lambda ids: self._show_drill(key, fig, label, period, ids),
                       lambda e: present(self, e, label=self.error), owner=self, lane=READ)

    def _show_drill(self, key: str | None, fig: Any, label: str, period: Period,
                    ids: list[int]) -> None:
        self.drilled = (key, fig.code)
        self.drill_model.set_ids(ids)
        distinct = len(set(ids))
        value = value_text(fig.kind, self.report.row(key).values.get(fig.code))
        if distinct == len(ids):
            count = fmt(self.tr("%1 application(s)"), str(len(ids)))
        else:
            count = fmt(self.tr("%1 row(s), %2 application(s)"), str(len(ids)), str(distinct))
        self.drill_title.setText(fmt(self.tr("%1 · %2 · %3 = %4: %5. Enter or double-click "
                                             "opens an application, Esc goes back."),
                                     period.label, label, fig.label, value, count))
        self.stack.setCurrentIndex(1)
        if ids:
            self.drill_view.setCurrentIndex(self.drill_model.index(0, 2))
            self.drill_view.selectRow(0)
        self.drill_view.setFocus()

    def _drill_activated(self, index: QModelIndex) -> None:
        app_id = self.drill_model.data(index, IdRole)
        if app_id is not None:
            self.openApplication.emit(int(app_id))

    def back_to_figures(self) -> None:
        if self.stack.currentIndex() != 0:
            self.stack.setCurrentIndex(0)
            self.table.setFocus()

    # -- the printed report ------------------------------------------------------------------
    def issue_report(self) -> None:
        """打印报表…: record and open the 统计报表 of the period, breakdown and chart shown."""
        period = self.parsed_period()
        actor = self.current_actor()
        if period is None:
            return
        if actor is None:
            self.error.show_messages([self.tr("Log in first.")])
            return
        by, figure = self.by.currentData(), self.figure.currentData()
        reports = self.services.stats_reports

        def done(outcome: Any) -> None:
            info = outcome.value
            self.error.clear_message()
            self.document.set_document(info.path, info.number, record=print_recorder(
                self.services, self.tasks, self.current_actor, owner=self, lists=[info.id]))
            self.status.setText(fmt(self.tr("Report %1 recorded: %2 by %3."), info.number,
                                    period.label, self.breakdowns.get(by, by)))
            self.opener(Path(info.path))

        self.status.setText(self.tr("Printing the report…"))
        self.tasks.run(lambda: reports.issue(period, by, actor, figure=figure), done,
                       lambda e: present(self, e, label=self.error), owner=self)


__all__ = ["StatsTab"]
