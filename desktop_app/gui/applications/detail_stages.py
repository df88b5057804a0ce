"""The stage bar of the application detail (issue 13): per township-handled task, its
procedure steps as chips — done ✓ with the date, running, the current one highlighted
with its due date, pending, skipped greyed — the side records (补齐手续, 个案会商,
跟进救助, 延期) listed, why the task cannot be closed yet, and the next action as a
button (keyboard reachable: the buttons are in the tab order, the first next action
also on Ctrl+Enter)."""

from __future__ import annotations

from collections.abc import Callable
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from ..kit.fmt import fmt
from ..kit.labels import due_text
from .detail_tables import DONE_COLOR, OVERDUE_COLOR

if TYPE_CHECKING:  # the handling package loads SQLAlchemy: not before the first paint
    from ...core.services.handling.stage_types import StagePlan, StageView

#: state -> (border, background, text colour, bold)
CHIP_STYLES = {
    "done": (DONE_COLOR, "#e8f5e9", DONE_COLOR, False),
    "running": ("#1565c0", "#e3f2fd", "#0d47a1", True),
    "current": ("#e65100", "#fff3e0", "#8a4b00", True),
    "pending": ("#9e9e9e", "#ffffff", "#424242", False),
    "optional": ("#bdbdbd", "#fafafa", "#757575", False),
    "skipped": ("#e0e0e0", "#f5f5f5", "#9e9e9e", False),
}


class StageBar(QFrame):
    """One task's procedure. ``act(stage_code)`` is called with the step to record
    (the next action, 民主评议 on a dispute, 延期)."""

    def __init__(self, task, plan: StagePlan, today, act: Callable[[object, StagePlan, str], object],
                 index: int = 0, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"stageBar{index}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.task, self.plan, self.today, self.act = task, plan, today, act
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 6, 8, 6)
        column.setSpacing(4)

        head = QLabel()
        head.setObjectName("stageHead")
        parts = [f"<b>{escape(task.item_name)}</b>"]
        if plan.due_date is not None:
            late = plan.due_date < today and plan.current is not None
            colour = f" style='color:{OVERDUE_COLOR}'" if late else ""
            parts.append(f"<span{colour}>" + escape(fmt(
                self.tr("procedure due %1"), due_text(plan.due_date, plan.due_provisional)))
                + "</span>")
        if plan.extended_days:
            parts.append(escape(fmt(self.tr("extended by %1 working day(s)"),
                                    str(plan.extended_days))))
        head.setText("　".join(parts))
        column.addWidget(head)

        chips = QHBoxLayout()
        chips.setSpacing(0)
        self.chips: list[QLabel] = []
        for n, step in enumerate(plan.steps):
            if n:
                arrow = QLabel("→")
                arrow.setStyleSheet("color: #9e9e9e; padding: 0 3px;")
                chips.addWidget(arrow)
            chip = self._chip(step)
            self.chips.append(chip)
            chips.addWidget(chip)
        chips.addStretch(1)
        column.addLayout(chips)

        if plan.side:
            side = QLabel(fmt(self.tr("Also recorded: %1"),
                              "；".join(self._side_text(s) for s in plan.side)))
            side.setObjectName("stageSide")
            side.setWordWrap(True)
            side.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            column.addWidget(side)
            self.side_label = side

        actions = QHBoxLayout()
        self.blocked = QLabel(plan.blocked_reason)
        self.blocked.setObjectName("stageBlocked")
        self.blocked.setWordWrap(True)
        self.blocked.setStyleSheet(f"color: {OVERDUE_COLOR};")
        self.blocked.setVisible(bool(plan.blocked_reason))
        actions.addWidget(self.blocked, 1)
        self.next_button = QPushButton(plan.next_action or self.tr("Record the next step…"))
        self.next_button.setObjectName("nextAction")
        self.next_button.setDefault(False)
        self.next_button.setAutoDefault(True)
        self.next_button.setVisible(plan.current is not None and bool(plan.next_action))
        self.next_button.clicked.connect(lambda: act(task, plan, plan.current or ""))
        self.dispute_button = QPushButton(self.tr("Disputed: village review…"))
        self.dispute_button.setObjectName("disputeAction")
        self.dispute_button.setToolTip(self.tr(
            "Record a dispute about the application; a village democratic review follows"))
        self.dispute_button.setVisible(can_dispute(plan))
        self.dispute_button.clicked.connect(lambda: act(task, plan, "review"))
        self.extend_button = QPushButton(self.tr("Extend…"))
        self.extend_button.setObjectName("extendAction")
        self.extend_button.setToolTip(self.tr(
            "Extend the time limit with a reason; prints the notice to the applicant"))
        self.extend_button.setVisible(plan.can_extend)
        self.extend_button.clicked.connect(lambda: act(task, plan, "extension"))
        if plan.current is None and not plan.blocked_reason:    # every step recorded
            done = QLabel(self.tr("Procedure complete"))
            done.setObjectName("stageComplete")
            done.setStyleSheet(f"color: {DONE_COLOR}; font-weight: bold;")
            actions.addWidget(done)
        for b in (self.dispute_button, self.extend_button, self.next_button):
            actions.addWidget(b)
        column.addLayout(actions)

    def _chip(self, step: StageView) -> QLabel:
        border, bg, fg, bold = CHIP_STYLES.get(step.state, CHIP_STYLES["pending"])
        lines = [step.label]
        if step.state == "done":
            lines[0] = "✓ " + step.label
            day = step.done_on or step.started_on
            lines.append(day.isoformat() if day else "")
        elif step.state == "running":
            lines[0] = "◐ " + step.label
            lines.append(fmt(self.tr("until %1"), step.ends_on.isoformat()) if step.ends_on
                         else fmt(self.tr("since %1"), step.started_on.isoformat())
                         if step.started_on else self.tr("under way"))
        elif step.state == "current":
            lines[0] = "▶ " + step.label
            lines.append(fmt(self.tr("due %1"), due_text(step.due_date, step.due_provisional))
                         if step.due_date else self.tr("next"))
        elif step.state == "skipped":
            lines.append(self.tr("not needed"))
        elif step.state == "optional":
            lines.append(self.tr("if disputed"))
        else:
            lines.append(fmt(self.tr("due %1"), due_text(step.due_date, step.due_provisional))
                         if step.due_date else "")
        chip = QLabel("\n".join(lines))
        chip.setObjectName(f"chip_{step.code}")
        chip.setProperty("state", step.state)
        chip.setAlignment(Qt.AlignmentFlag.AlignCenter)
        late = (step.state in ("current", "running") and step.due_date is not None
                and step.due_date < self.today)
        if late:
            border, fg = OVERDUE_COLOR, OVERDUE_COLOR
        chip.setStyleSheet(
            f"border: {2 if step.state == 'current' else 1}px solid {border}; background: {bg};"
            f" color: {fg}; border-radius: 4px; padding: 3px 6px;"
            + (" font-weight: bold;" if bold or late else "")
            + (" text-decoration: line-through;" if step.state == "skipped" else ""))
        chip.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        if step.summary:
            chip.setToolTip(step.summary)
        return chip

    def _side_text(self, s: StageView) -> str:
        """``延期：2026年11月13日，理由…`` (the summary starts with the date)."""
        day = s.started_on.isoformat() if s.started_on else ""
        return f"{s.label}：{s.summary or day}"


def can_dispute(plan: StagePlan) -> bool:
    """民主评议 is offered when the procedure may take it now: its steps before it are
    done and nothing after it is recorded (the stage service's state ``optional``)."""
    return any(s.code == "review" and s.state == "optional" for s in plan.steps)


__all__ = ["CHIP_STYLES", "StageBar", "can_dispute"]
