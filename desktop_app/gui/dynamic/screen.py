"""动态管理 (issue 15): the screen of what follows a decision — re-checks and change
reports, 渐退, leads found before anyone applies (主动发现), the local monitoring list,
特困 care. One tab per part.

The tabs are listed in :data:`TABS` as ``("module:Class", title)`` and imported when
the screen is first shown (the window opens without them). A tab class is built as
``Tab(services, tasks, current_actor, opener=opener, parent=screen)`` and has a
``refresh()`` method and an ``openApplication(int)`` signal; it uses the runner, the
change bus and the error presenter like every screen (docs/architecture.md).
"""

from __future__ import annotations

import importlib
import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from ..kit.labels import QT_TRANSLATE_NOOP  # marks the tab titles (lupdate)
from ..kit.tasks import TaskRunner

if TYPE_CHECKING:
    from ...core.services import Services

log = logging.getLogger(__name__)


#: The tabs in order: (``"package.module:Class"`` relative to ``desktop_app.gui``, the
#: English title marked for translation in the context ``DynamicScreen``).
TABS: list[tuple[str, str]] = [
    ("dynamic.rechecks:RechecksTab", QT_TRANSLATE_NOOP("DynamicScreen", "Re-checks")),
    ("dynamic.leads:LeadsTab", QT_TRANSLATE_NOOP("DynamicScreen", "Leads")),  # 主动发现
    ("dynamic.monitor:MonitorTab", QT_TRANSLATE_NOOP("DynamicScreen", "Monitoring")),
    ("dynamic.care:CareTab", QT_TRANSLATE_NOOP("DynamicScreen", "Care (extreme poverty)")),
]


class DynamicScreen(QWidget):
    """动态管理: a tab per part (:data:`TABS`); the current tab is refreshed on every visit."""

    openApplication = Signal(int)

    def __init__(self, services: Services, tasks: TaskRunner,
                 current_actor: Callable[[], Any], *,
                 opener: Callable[[Path], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("dynamicScreen")
        self.services = services
        self.tasks = tasks
        self.current_actor = current_actor
        self.tabs = QTabWidget()
        self.tabs.setObjectName("dynamicTabs")
        self.pages: dict[str, QWidget] = {}
        for path, title in TABS:
            module_name, _, class_name = path.partition(":")
            module = importlib.import_module(f"desktop_app.gui.{module_name}")
            page = getattr(module, class_name)(services, tasks, current_actor, opener=opener,
                                               parent=self)
            page.openApplication.connect(self.openApplication)
            self.pages[class_name] = page
            self.tabs.addTab(page, QCoreApplication.translate("DynamicScreen", title))
        self.tabs.currentChanged.connect(self._tab_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

    def refresh(self) -> None:
        """Refresh the tab shown (the others refresh when they are shown)."""
        page = self.tabs.currentWidget()
        if page is not None:
            page.refresh()  # type: ignore[attr-defined]

    def _tab_changed(self, _index: int) -> None:
        self.refresh()

    def focus_current(self) -> None:
        page = self.tabs.currentWidget()
        (page or self.tabs).setFocus()
