"""统计报表 (issue 16): the figures of :mod:`.stats` for one period and breakdown, printed
(``forms/stats_report.json``) and recorded like every list document.

``issue(period, by, actor, figure=…)`` reads the report (``services.stats.report``) and,
for a period of more than one month, the chosen figure month by month
(``services.stats.series``); numbers the document ``<code9>-<YYYYMMDD>-TJ<nn>``; renders
it with ReportLab's charts (a bar chart of the figure by breakdown, a line over the
months); records a :class:`~..models.ListDocument` of kind ``stats_report`` (data
snapshot, template version, SHA-256, ``document.issue``) and the audit event
``stats.report`` (period, breakdown, figure, number — counts only, nobody's data); and
writes the PDF atomically after the commit. Window staff may print it (``task.handle``,
like the other lists).

:func:`report_data` is the document's data (``printing/samples.py`` ``stats_report``
has its shape): every value as printed — counts as integers, money (fen) as 元 with two
decimals, ratios as percentages with one decimal, days with at most one decimal, and
"—" where a figure has no value (a rate without a denominator).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select

from ..errors import ValidationError, ValidationErrors
from ..models import ListDocument, Township
from ..rules import numbering
from ..rules.values import format_yuan
from . import auth
from .auth import ActorRef
from .clock import ensure_clock_allows_issue
from .context import Changes, Outcome, ServiceContext
from .documents import DocumentService, atomic_write
from .events import record_event
from .handling.base import government_name
from .handling.handover import ListInfo

if TYPE_CHECKING:
    from ..rules.periods import Period

KIND = "stats_report"
#: The figure charted when none is chosen: 受理登记.
DEFAULT_FIGURE = "received"
#: What the 说明 line of the report says about the 合计 row.
DEFINITIONS = ("合计为不重复计数：一件申请含多个救助事项（或涉及多个部门、多名经办人）时，"
               "在各分组行分别计入，合计只计一次；“—”表示该项无可计算的数值。")
GAP = "—"


def value_text(kind: str, value: float | int | None) -> str:
    """A figure's value as printed and shown: ``count`` 12, ``money`` (fen) 1,234.50,
    ``ratio`` 85.7%, ``days`` 9 or 9.5; ``None`` → "—"."""
    if value is None:
        return GAP
    if kind == "money":
        return format_yuan(int(value))
    if kind == "ratio":
        return f"{float(value):.1%}"
    if kind == "days":
        return f"{round(float(value), 1):g}"
    return str(int(value))


def chart_value(kind: str, value: float | int | None) -> float | None:
    """The value a chart plots: 元 for money, percent for a ratio."""
    if value is None:
        return None
    if kind == "money":
        return int(value) / 100
    if kind == "ratio":
        return float(value) * 100
    return float(value)


def elapsed(series: list[tuple[Period, Any]], today: date) -> list[tuple[Period, Any]]:
    """The months of ``series`` begun by ``today`` (a month still to come is not a 0)."""
    return [(p, v) for p, v in series if p.start <= today]


def _figure_defs(report: Any) -> dict[str, Any]:
    return {f.code: f for f in report.figures}


def _row(row: Any, defs: dict[str, Any], *, total: bool) -> dict[str, Any]:
    out: dict[str, Any] = {"key": "" if total else row.key, "label": row.label,
                           "total": total}
    for code, fig in defs.items():
        out[code] = value_text(fig.kind, row.values.get(code))
    return out


def _month_label(period: Period, multi_year: bool) -> str:
    start = period.start
    return f"{start.year}年{start.month}月" if multi_year else f"{start.month}月"


def report_data(report: Any, series: list[tuple[Period, float | int | None]], figure: str, *,
                breakdown_label: str, number: str, today: date, clerk: str, town: Township,
                generated_at: datetime) -> dict[str, Any]:
    """The data of the 统计报表 (forms/stats_report.json) for ``report`` (a
    ``services.stats.report`` result) and the monthly ``series`` of ``figure``."""
    defs = _figure_defs(report)
    fig = defs[figure]
    period = report.period
    rows = [_row(r, defs, total=False) for r in report.rows]
    rows.append(_row(report.total, defs, total=True) | {"label": "合计"})
    multi_year = len({p.start.year for p, _v in series}) > 1
    return {
        "number": number, "reprint": False, "issued_date": today.isoformat(), "clerk": clerk,
        "township": {"name": town.name, "code": town.code, "office": town.office_name,
                     "window_phone": town.window_phone,
                     "supervision_phone": town.supervision_phone},
        "derived": {"government": government_name(town.name)},
        "count": len(report.rows),
        "stats": {
            "period": period.label, "period_from": period.start.isoformat(),
            "period_to": period.end.isoformat(), "by": breakdown_label, "figure": fig.label,
            "generated_at": f"{generated_at.year}年{generated_at.month}月{generated_at.day}日 "
                            f"{generated_at:%H:%M}",
            "months": len(series), "multi_month": len(series) > 1, "rows": len(report.rows),
            "definitions": DEFINITIONS,
        },
        "stat_rows": rows,
        "charts": {
            "bars": [{"label": r.label, "value": chart_value(fig.kind, r.values.get(figure)),
                      "text": value_text(fig.kind, r.values.get(figure))} for r in report.rows],
            "line": [{"label": _month_label(p, multi_year), "value": chart_value(fig.kind, v),
                      "text": value_text(fig.kind, v)} for p, v in series],
        },
    }


class StatsReportService:
    """``services.stats_reports``: the printed 统计报表."""

    def __init__(self, ctx: ServiceContext, documents: DocumentService,
                 stats: Callable[[], Any]) -> None:
        self.ctx = ctx
        self.documents = documents
        self._stats = stats  # ``services.stats``, looked up when a report is printed

    @property
    def stats(self) -> Any:
        return self._stats()

    def issue(self, period: Period, by: str, by_actor: ActorRef, *,
              figure: str = DEFAULT_FIGURE) -> Outcome[ListInfo]:
        """Print the report of ``period`` by ``by`` (a ``stats.BREAKDOWNS`` code), charting
        ``figure``; bad ``by``/``figure`` → ``ValidationErrors``, nothing recorded."""
        from . import stats as stats_module

        breakdowns = dict(stats_module.BREAKDOWNS)
        if by not in breakdowns:
            raise ValidationErrors([ValidationError("by", "unknown", key="stats.by.unknown",
                                                    params={"by": by})])
        if figure not in {f.code for f in stats_module.FIGURES}:
            raise ValidationErrors([ValidationError("figure", "unknown",
                                                    key="stats.figure.unknown",
                                                    params={"figure": figure})])
        with self.ctx.db.read() as s:  # refuse before the work (the figures take ~1 s)
            auth.require(s, by_actor, auth.HANDLE)
        report = self.stats.report(period, by)
        today = self.ctx.today()
        series = elapsed(self.stats.series(period, figure), today) \
            if (period.start.year, period.start.month) != (period.end.year, period.end.month) \
            else []
        with self.ctx.db.transaction() as s:
            actor, staff = auth.require(s, by_actor, auth.HANDLE)
            ensure_clock_allows_issue(self.ctx, s)
            town = s.scalars(select(Township)).one()
            n = 1 + (s.scalar(select(func.count()).select_from(ListDocument).where(
                ListDocument.kind == KIND, ListDocument.day == today)) or 0)
            number = numbering.list_number(town.code, numbering.STATS_REPORT, today, n)
            clerk = staff.name if staff is not None else actor.name
            data = report_data(report, series, figure, breakdown_label=breakdowns[by],
                               number=number, today=today, clerk=clerk, town=town,
                               generated_at=_generated_at(report, self.ctx))
            doc, path, pdf = self.documents.record_list(s, KIND, number, data, staff, today)
            staff_id = staff.id if staff else None
            record_event(s, "stats.report", actor_id=staff_id, list_document_id=doc.id,
                         number=number, period=period.code, by=by, figure=figure,
                         rows=len(report.rows), **auth.event_actor(actor))
            info = ListInfo(doc.id, KIND, number, "", today, len(report.rows), path)
        atomic_write(path, pdf)
        return Outcome(info, Changes(lists={info.id}))


def _generated_at(report: Any, ctx: ServiceContext) -> datetime:
    at = getattr(report, "generated_at", None)
    return at if isinstance(at, datetime) else ctx.clock()


__all__ = ["DEFAULT_FIGURE", "DEFINITIONS", "KIND", "StatsReportService", "chart_value", "elapsed",
           "report_data", "value_text"]
