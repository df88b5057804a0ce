"""状态: one line per registered township — its last package and when it came, days
since, packages not yet acknowledged by a return package, feedback waiting to be sent, its
last return package — late townships highlighted (no package for more than
:data:`LATE_DAYS` days, or none at all)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timezone
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_app.gui.kit.fmt import fmt
from desktop_app.gui.kit.tasks import TaskRunner

from .common import MarkedRowsModel, Notice, error_text, grouped, optional_module, table
from .context import CountyContext

#: A township that sent nothing for longer than this is late (townships send at least weekly).
LATE_DAYS = 7


@dataclass(frozen=True)
class StatusLine:
    """What the tab shows of one township (from ``county_receiver.ops.township_status``
    when the county has it, else from ``County.townships()``)."""

    code: str
    name: str
    fingerprint: str
    last_package: int
    received_at: datetime | None
    days_since: int | None
    unacknowledged: int
    pending_feedback: int
    last_return: int
    format_version: int | None
    overdue: int | None = None

    @property
    def late(self) -> bool:
        return self.days_since is None or self.days_since > LATE_DAYS


def read_status(context: CountyContext) -> list[StatusLine]:
    """Per-township status on ``context.today()``."""
    today = context.today()
    ops = optional_module("county_receiver.ops")  # countyops' status (with overdue referrals)
    if ops is not None and hasattr(ops, "township_status"):
        return [_line(s, today) for s in ops.township_status(context.county, today)]
    return _from_townships(context, today)


def _days(received: datetime | None, today: date) -> int | None:
    return None if received is None else (today - received.date()).days


def _line(s: Any, today: date) -> StatusLine:
    received = getattr(s, "received_at", None) or getattr(s, "last_received_at", None)
    days = getattr(s, "days_since", None)
    if days is None:
        days = _days(received, today)
    return StatusLine(
        s.code, s.name, getattr(s, "fingerprint", "") or getattr(s, "fingerprint_short", ""),
        getattr(s, "last_package", None) or getattr(s, "last_package_seq", 0) or 0,
        received, days,
        getattr(s, "unacknowledged", None) or getattr(s, "packages_unacknowledged", 0) or 0,
        getattr(s, "pending_feedback", None) or getattr(s, "feedback_to_send", 0) or 0,
        getattr(s, "last_return", 0) or 0, getattr(s, "format_version", None),
        getattr(s, "overdue", None) if hasattr(s, "overdue") else getattr(s, "overdue_referrals", None))


def _from_townships(context: CountyContext, today: date) -> list[StatusLine]:
    from sqlalchemy import func, select
    from sqlalchemy.orm import Session

    from county_receiver.models import ReceivedPackage, RegisteredTownship

    county = context.county
    with Session(county.engine) as s:
        received = dict(s.execute(
            select(RegisteredTownship.code, func.max(ReceivedPackage.received_at))
            .join(ReceivedPackage, ReceivedPackage.township_id == RegisteredTownship.id)
            .group_by(RegisteredTownship.code)).all())
    return [StatusLine(t.code, t.name, t.fingerprint, t.last_package, received.get(t.code),
                       _days(received.get(t.code), today), t.unacknowledged, t.pending_feedback,
                       t.last_return, t.format_version) for t in county.townships()]


def _local(when: datetime) -> str:
    if when.tzinfo is None:             # SQLite hands back UTC without its zone
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


class StatusTab(QWidget):
    ROLES = frozenset({"admin", "officer"})

    def __init__(self, context: CountyContext, tasks: TaskRunner,
                 current_actor: Callable[[], Any], *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusTab")
        self.context, self.tasks, self.current_actor = context, tasks, current_actor
        self.summary = QLabel()
        self.summary.setObjectName("statusSummary")
        self.reload = QPushButton(self.tr("Refresh"))
        self.reload.setObjectName("statusRefresh")
        self.reload.clicked.connect(self.refresh)
        self.message = Notice("statusMessage")
        self.headers = [self.tr("Code"), self.tr("Township"), self.tr("Last package"),
                        self.tr("Received"), self.tr("Days since"), self.tr("Not acknowledged"),
                        self.tr("Feedback to send"), self.tr("Last return package"),
                        self.tr("Overdue referrals"), self.tr("Format"), self.tr("Key fingerprint")]
        self.model = MarkedRowsModel(self.headers, parent=self)
        self.table = table("statusTable", self.model)
        self.lines: list[StatusLine] = []
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.reload)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        self.tasks.run(lambda: read_status(self.context), self._show, self._failed, owner=self,
                       lane="read")

    def _failed(self, error: BaseException) -> None:
        self.message.error(error_text(error))

    def _show(self, lines: Sequence[StatusLine]) -> None:
        self.message.clear_message()
        self.lines = list(lines)
        rows, late = [], set()
        for i, line in enumerate(self.lines):
            if line.late:
                late.add(i)
            rows.append((
                line.code, line.name, line.last_package or "—",
                _local(line.received_at) if line.received_at else self.tr("never"),
                "—" if line.days_since is None else line.days_since,
                line.unacknowledged, line.pending_feedback, line.last_return or "—",
                "—" if line.overdue is None else line.overdue,
                line.format_version or "—", grouped(line.fingerprint)))
        self.model.set_marked_rows(rows, late)
        self.summary.setText(fmt(self.tr(
            "%1 townships; %2 late (nothing received for more than %3 days, shown in red)."),
            len(self.lines), len(late), LATE_DAYS))
