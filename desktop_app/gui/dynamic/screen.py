"""动态管理 (issue 15): the screen of what follows a decision — re-checks and change
reports, 渐退, leads found before anyone applies (主动发现), the local monitoring list,
特困 care. One tab per part, listed in :data:`TABS` (see :class:`~..kit.tabbed.TabbedScreen`
for what a tab class provides).
"""

from __future__ import annotations

from ..kit.labels import QT_TRANSLATE_NOOP  # marks the tab titles (lupdate)
from ..kit.tabbed import TabbedScreen

#: The tabs in order: (``"package.module:Class"`` relative to ``desktop_app.gui``, the
#: English title marked for translation in the context ``DynamicScreen``).
TABS: list[tuple[str, str]] = [
    ("dynamic.rechecks:RechecksTab", QT_TRANSLATE_NOOP("DynamicScreen", "Re-checks")),
    ("dynamic.leads:LeadsTab", QT_TRANSLATE_NOOP("DynamicScreen", "Leads")),  # 主动发现
    ("dynamic.monitor:MonitorTab", QT_TRANSLATE_NOOP("DynamicScreen", "Monitoring")),
    ("dynamic.care:CareTab", QT_TRANSLATE_NOOP("DynamicScreen", "Care (extreme poverty)")),
]


class DynamicScreen(TabbedScreen):
    """动态管理: a tab per part (:data:`TABS`); the current tab is refreshed on every visit."""

    TABS = TABS
    CONTEXT = "DynamicScreen"
    OBJECT_NAME = "dynamicScreen"
