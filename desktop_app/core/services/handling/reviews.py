"""动态管理 on the tracking screen: the re-check due list and the old two-outcome verb.

Both moved to ``services.rechecks`` (core/services/dynamic, issue 15): the due list now
covers 低保, 特困, 低保边缘 and 刚性支出 and says which households are in 渐退, and a
re-check recomputes the household with the standards in force. ``reviews_due`` is kept
for the tracking screen; ``record_review`` is a thin adapter kept only until the
tracking screen's old dialog is replaced by the 复核 worksheet (helper ``reviewgui``) —
it records a re-check of the household as recorded (continue, or stop with the note as
the reason) through ``services.rechecks``.
"""

from __future__ import annotations

from datetime import date

from ..auth import ActorRef
from ..context import Changes
from ..dynamic.schedule import DueRow, due
from .base import HandlingBase

#: The tracking screen's row (issue 15: :class:`~..dynamic.schedule.DueRow`).
ReviewRow = DueRow


class Reviews(HandlingBase):
    """动态管理: the re-check list (and the old verb, see the module)."""

    def reviews_due(self, *, within_days: int = 30, today: date | None = None) -> list[DueRow]:
        """Recipient households whose re-check (or 渐退 end) is due within ``within_days``
        (or late) — ``services.rechecks.due``."""
        return due(self.ctx, within_days=within_days, today=today)

    def record_review(self, task_id: int, on: date | str, outcome: str, note: str,
                      by: ActorRef, *, review_class: str = "") -> Changes:
        """A re-check of the household as recorded: ``continue`` or ``stop`` (``note``
        is the reason). Deprecated: use ``services.rechecks.record``."""
        # imported here: dynamic.reviews imports intake validation, which imports handling
        from ..dynamic.reviews import RecheckService, ReviewInput

        stop = outcome == "stop"
        return RecheckService(self.ctx, self.documents).record(task_id, ReviewInput(
            on=on, outcome=outcome, stop_reason=note if stop else "",
            findings="" if stop else note, review_class=review_class), by).changes
