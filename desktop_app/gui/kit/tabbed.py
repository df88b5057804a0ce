"""A screen made of tabs listed as data (动态管理, 统计与档案 …).

A subclass sets :attr:`TabbedScreen.TABS` to ``("package.module:Class", title)`` entries
(module relative to ``desktop_app.gui``; the English title marked with
``QT_TRANSLATE_NOOP`` in the context named by :attr:`TabbedScreen.CONTEXT`). The tabs are
imported when the screen is first built (the window opens without them). A tab class is
built as ``Tab(services, tasks, current_actor, opener=opener, parent=screen)``, has a
``refresh()`` method and an ``openApplication(int)`` signal, and uses the runner, the
change bus and the error presenter like every screen (docs/architecture.md).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from .tasks import TaskRunner

if TYPE_CHECKING:
    from ...core.services import Services


class TabbedScreen(QWidget):
    """A tab per entry of :attr:`TABS`; the current tab is refreshed on every visit."""

    #: ``("package.module:Class", English title)`` in order.
    TABS: ClassVar[list[tuple[str, str]]] = []
    #: The translation context of the titles (the subclass's name, for lupdate).
    CONTEXT: ClassVar[str] = ""
    #: Object names of the screen and of its tab widget (tests find them).
    OBJECT_NAME: ClassVar[str] = ""

    openApplication = Signal(int)

    def __init__(self, services: Services, tasks: TaskRunner,
                 current_actor: Callable[[], Any], *,
                 opener: Callable[[Path], object] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(self.OBJECT_NAME)
        self.services = services
        self.tasks = tasks
        self.current_actor = current_actor
        self.tabs = QTabWidget()
        self.tabs.setObjectName(f"{self.OBJECT_NAME.removesuffix('Screen')}Tabs")
        self.pages: dict[str, QWidget] = {}
        for path, title in self.TABS:
            module_name, _, class_name = path.partition(":")
            module = importlib.import_module(f"desktop_app.gui.{module_name}")
            page = getattr(module, class_name)(services, tasks, current_actor, opener=opener,
                                               parent=self)
            page.openApplication.connect(self.openApplication)
            self.pages[class_name] = page
            self.tabs.addTab(page, QCoreApplication.translate(self.CONTEXT, title))
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

    def shutdown(self) -> None:
        """The window closes or the user changes: every tab with a long job running
        (an export, an import) cancels it — a cancelled job leaves nothing behind."""
        for page in self.pages.values():
            shutdown = getattr(page, "shutdown", None)
            if shutdown is not None:
                shutdown()

    def focus_current(self) -> None:
        page = self.tabs.currentWidget()
        (page or self.tabs).setFocus()
