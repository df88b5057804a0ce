"""GUI test fixtures: offscreen Qt, the bundled fonts and the zh_CN translation,
real services on a temporary data folder, screens built with a synchronous task
runner and a recording file opener (no viewer is launched)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest


@pytest.fixture(scope="session", autouse=True)
def _qt_language(qapp):
    """Fonts and the Chinese translation, as the app installs them."""
    from desktop_app.gui.app import install_translators, register_fonts

    register_fonts(qapp)
    assert install_translators(qapp, "zh_CN"), "zh_CN.qm missing: run desktop_app/gui/i18n/update.sh"
    yield


class Opener:
    """Records the files the GUI asked the system to open."""

    def __init__(self) -> None:
        self.opened: list[Path] = []

    def __call__(self, path) -> bool:
        self.opened.append(Path(path))
        return True


@pytest.fixture
def opener() -> Opener:
    return Opener()


@pytest.fixture
def tasks(qtbot):
    from desktop_app.gui.tasks import TaskRunner

    return TaskRunner(synchronous=True)


@pytest.fixture
def window(qtbot, services, township, opener, data_dir):
    from desktop_app.gui.app import build_main_window

    win = build_main_window(services, data_dir=data_dir, synchronous=True, opener=opener)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


@pytest.fixture
def intake(window):
    return window.intake
