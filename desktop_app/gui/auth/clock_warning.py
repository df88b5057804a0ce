"""The start-up clock warning (issue 11): a PC clock earlier than the newest record, or
far in the future, is shown before anyone logs in — a modal the clerk must answer —
and recorded in the audit trail (``system.clock_warning``, ``ClockService.acknowledge``).

What the clock says, what the newest record says and what to do (correct the Windows
clock). *Behind*: the program still opens for looking things up, but every document is
refused until the clock is right (``clock.behind``, core/services/clock.py). *Far ahead*:
the clerk may continue when the date really is right (a long closure).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from ..kit.fmt import fmt
from ..kit.tasks import TaskRunner, call_on_writer

if TYPE_CHECKING:
    from ...core.services import Services
    from ...core.services.clock import ClockStatus

def _when(t) -> str:
    return t.strftime("%Y-%m-%d %H:%M") if t is not None else "—"


def gap_text(gap: timedelta) -> str:
    """How far off the clock is, in days and hours, or minutes under an hour."""
    minutes = int(gap.total_seconds() // 60)
    days, rest = divmod(minutes, 24 * 60)
    hours, mins = divmod(rest, 60)
    if days and hours:
        return fmt(QCoreApplication.translate("ClockWarning", "%1 days %2 hours"), days, hours)
    if days:
        return fmt(QCoreApplication.translate("ClockWarning", "%1 days"), days)
    if hours and mins:
        return fmt(QCoreApplication.translate("ClockWarning", "%1 hours %2 minutes"), hours, mins)
    if hours:
        return fmt(QCoreApplication.translate("ClockWarning", "%1 hours"), hours)
    return fmt(QCoreApplication.translate("ClockWarning", "%1 minutes"), mins)


def warning_text(status: ClockStatus) -> tuple[str, str]:
    """The box's title and text for ``status`` (behind or ahead)."""
    if status.behind:
        title = QCoreApplication.translate("ClockWarning", "The computer clock is behind")
        text = QCoreApplication.translate(
            "ClockWarning",
            "The computer clock says %1, but the newest record in this program is from %2: "
            "the clock is %3 behind.\n\n"
            "While the clock is behind, no receipt or other document can be issued: it would "
            "be dated before documents already issued.\n\n"
            "What to do: quit, set the Windows clock to the correct Beijing time (right-click "
            "the time on the taskbar, then “Adjust date/time”), and start the program again.\n\n"
            "This warning is recorded in the audit log.")
        return title, fmt(text, _when(status.clock), _when(status.newest), gap_text(status.gap))
    if status.newest is not None:
        newest = fmt(QCoreApplication.translate(
            "ClockWarning", "the newest record in this program is from %1"), _when(status.newest))
    else:
        newest = QCoreApplication.translate("ClockWarning", "this program holds no records yet")
    title = QCoreApplication.translate("ClockWarning", "The computer clock is far ahead")
    text = QCoreApplication.translate(
        "ClockWarning",
        "The computer clock says %1; %2, and this program was released long before. The "
        "clock is %3 ahead.\n\n"
        "If the date is wrong, every receipt and document issued now carries the wrong "
        "date.\n\n"
        "What to do: if the date is wrong, quit and set the Windows clock to the correct "
        "Beijing time (right-click the time on the taskbar, then “Adjust date/time”). If the "
        "date is right (for example after a long closure), continue.\n\n"
        "This warning is recorded in the audit log.")
    return title, fmt(text, _when(status.clock), newest, gap_text(status.gap))


def warning_box(parent: QWidget | None, status: ClockStatus) -> QMessageBox:
    """The modal: Quit and correct the clock (the default) or continue."""
    title, text = warning_text(status)
    box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    box.setObjectName("clockWarning")
    quit_button = box.addButton(
        QCoreApplication.translate("ClockWarning", "Quit and correct the clock"),
        QMessageBox.ButtonRole.RejectRole)
    quit_button.setObjectName("clockQuitButton")
    if status.behind:
        label = QCoreApplication.translate("ClockWarning", "Continue (look-up only)")
    else:
        label = QCoreApplication.translate("ClockWarning", "The date is right, continue")
    go = box.addButton(label, QMessageBox.ButtonRole.AcceptRole)
    go.setObjectName("clockContinueButton")
    box.setDefaultButton(quit_button)
    box.setEscapeButton(quit_button)
    return box


def ask_clock(parent: QWidget | None, status: ClockStatus) -> str:
    """Show the modal; ``"continue"`` or ``"quit"``."""
    box = warning_box(parent, status)
    try:
        box.exec()
        clicked = box.clickedButton()
        chosen = clicked is not None and clicked.objectName() == "clockContinueButton"
        return "continue" if chosen else "quit"
    finally:
        box.deleteLater()


def check_clock_at_startup(parent: QWidget | None, services: Services, tasks: TaskRunner | None,
                           ask: Callable[[QWidget | None, ClockStatus], str] = ask_clock) -> bool:
    """Warn about a wrong clock and record the answer; False = the clerk chose to quit."""
    status = services.clock.status()
    if status.ok:
        return True
    choice = ask(parent, status)
    call_on_writer(tasks, lambda: services.clock.acknowledge(status, choice))
    return choice == "continue"


__all__ = ["ask_clock", "check_clock_at_startup", "gap_text", "warning_box", "warning_text"]
