"""状态: one line per registered township (``county_receiver.ops.township_status``) — its
last package and when it came, days since, packages not yet acknowledged by a return
package, feedback and confirmations waiting to be sent, its last return package, the
overdue referrals — late townships highlighted (nothing received for more than
``ops.LATE_AFTER_DAYS`` days, or nothing at all)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timezone
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from county_receiver import ops
from desktop_app.gui.kit.fmt import fmt
from desktop_app.gui.kit.tasks import TaskRunner

from .common import MarkedRowsModel, Notice, error_text, table
from .context import CountyContext


def is_late(status: ops.TownshipStatus) -> bool:
    return status.days_since is None or status.days_since > ops.LATE_AFTER_DAYS


def _local(when: datetime) -> str:
    if when.tzinfo is None:             # SQLite hands back UTC without its zone
        when = when.replace(tzinfo=timezone.utc)
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def _actor_or_none(actor: Any) -> Any:
    return actor if hasattr(actor, "require") else None


class StatusTab(QWidget):
    def __init__(self, context: CountyContext, tasks: TaskRunner,
                 current_actor: Callable[[], Any], *, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusTab")
        self.context, self.tasks, self.current_actor = context, tasks, current_actor
        self.summary = QLabel()
        self.summary.setObjectName("statusSummary")
        self.summary.setWordWrap(True)
        self.reload = QPushButton(self.tr("Refresh"))
        self.reload.setObjectName("statusRefresh")
        self.reload.clicked.connect(self.refresh)
        self.message = Notice("statusMessage")
        self.headers = [self.tr("Code"), self.tr("Township"), self.tr("Last package"),
                        self.tr("Received"), self.tr("Days since"), self.tr("Not acknowledged"),
                        self.tr("Feedback to send"), self.tr("Confirmations to send"),
                        self.tr("Last return package"), self.tr("Overdue referrals"),
                        self.tr("Format"), self.tr("Key fingerprint")]
        self.model = MarkedRowsModel(self.headers, parent=self)
        self.table = table("statusTable", self.model)
        self.lines: list[ops.TownshipStatus] = []
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.reload)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.table, 1)

    def refresh(self) -> None:
        county, today = self.context.county, self.context.today()
        actor = _actor_or_none(self.current_actor())
        self.tasks.run(lambda: ops.township_status(county, today, actor), self._show,
                       self._failed, owner=self, lane="read")

    def _failed(self, error: BaseException) -> None:
        self.message.error(error_text(error))

    def _show(self, lines: Sequence[ops.TownshipStatus]) -> None:
        self.message.clear_message()
        self.lines = list(lines)
        rows, late = [], set()
        for i, s in enumerate(self.lines):
            if is_late(s):
                late.add(i)
            rows.append((
                s.code, s.name, s.last_package_seq or "—",
                _local(s.last_received_at) if s.last_received_at else self.tr("never"),
                "—" if s.days_since is None else s.days_since,
                s.unacknowledged, s.feedback_to_send, s.confirmations_to_send,
                s.last_return_seq or "—", s.overdue_referrals, s.format_version or "—",
                s.fingerprint_short))
        self.model.set_marked_rows(rows, late)
        self.summary.setText(fmt(self.tr(
            "%1 townships; %2 late (nothing received for more than %3 days, shown in red)."),
            len(self.lines), len(late), ops.LATE_AFTER_DAYS))
