"""统计与档案 (issue 16): the supervisor's numbers and files — statistics with charts and
drill-down, 台账 to Excel in the county's layout, legacy ledger import, and one file per
household (一户一档). One tab per part, listed in :data:`TABS` (see
:class:`~..kit.tabbed.TabbedScreen` for what a tab class provides).
"""

from __future__ import annotations

from ..kit.labels import QT_TRANSLATE_NOOP  # marks the tab titles (lupdate)
from ..kit.tabbed import TabbedScreen

#: The tabs in order: (``"package.module:Class"`` relative to ``desktop_app.gui``, the
#: English title marked for translation in the context ``ReportsScreen``).
TABS: list[tuple[str, str]] = [
    ("reports.stats:StatsTab", QT_TRANSLATE_NOOP("ReportsScreen", "Statistics")),
    ("reports.ledgers:LedgersTab", QT_TRANSLATE_NOOP("ReportsScreen", "Ledgers")),
    ("reports.imports:ImportTab", QT_TRANSLATE_NOOP("ReportsScreen", "Import")),
    ("reports.household:HouseholdTab", QT_TRANSLATE_NOOP("ReportsScreen", "Household file")),
]


class ReportsScreen(TabbedScreen):
    """统计与档案: a tab per part (:data:`TABS`); the current tab is refreshed on every visit."""

    TABS = TABS
    CONTEXT = "ReportsScreen"
    OBJECT_NAME = "reportsScreen"
