"""打印发文登记簿: the 台账 tab's button (issue 17 — qrcheck). The register of the tab's
period (a whole month prints as that month, a whole year as that year, else the days
chosen) is issued on the write lane (``services.issuance_register.issue``: a list
document ``issuance_register``) and then shown in the tab's result line with 打开."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QPushButton

from ..kit.errors import present
from ..kit.fmt import fmt


def period_of(start: date, end: date) -> Any:
    """The register's period for the tab's days: a whole month or year by its name."""
    from ...core.rules import periods

    if start.day == 1 and (end + timedelta(days=1)).day == 1 and (start.year, start.month) == (
            end.year, end.month):
        return periods.month(start.year, start.month)
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and start.year == end.year:
        return periods.year(start.year)
    return periods.custom(start, end)


def register_button(tab: Any) -> QPushButton:
    """The button, wired to ``tab`` (a LedgersTab: ``period()``, ``result``, ``error``,
    ``last_path``, ``open_button``, ``tasks``, ``services``, ``current_actor``)."""
    button = QPushButton(QCoreApplication.translate("Verify", "Print issuance &register"))
    button.setObjectName("issuanceRegisterButton")
    button.setToolTip(QCoreApplication.translate("Verify", "The register (发文登记簿) of every document issued in the "
                                   "period: number, kind, day, clerk, prints, voided"))
    button.clicked.connect(lambda _c=False: print_register(tab, button))
    return button


def print_register(tab: Any, button: QPushButton) -> None:
    tab.error.clear_message()
    try:
        period = period_of(*tab.period())
    except ValueError as exc:
        present(tab, exc, label=tab.error)
        return
    actor = tab.current_actor()
    button.setEnabled(False)

    def done(outcome: Any) -> None:
        button.setEnabled(True)
        info = outcome.value
        tab.last_path = info.path
        text = QCoreApplication.translate(
            "Verify", "Printed the issuance register %1 (%2 documents): %3")
        tab.result.setText(fmt(text, info.number, info.count, str(info.path)))
        tab.open_button.setVisible(tab.opener is not None)

    def failed(error: BaseException) -> None:
        button.setEnabled(True)
        present(tab, error, label=tab.error)

    tab.tasks.run(lambda: tab.services.issuance_register.issue(period, actor), done, failed,
                  owner=tab)


__all__ = ["period_of", "print_register", "register_button"]
