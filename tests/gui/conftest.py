"""GUI test fixtures: offscreen Qt, the bundled fonts and the zh_CN translation,
real services on a temporary data folder, screens built with a synchronous task
runner and a recording file opener (no viewer is launched)."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path

import pytest

from tests.helpers.gui import actor_for, make_window


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
    from desktop_app.gui.kit.tasks import TaskRunner

    return TaskRunner(synchronous=True)


@pytest.fixture
def admin(services, township):
    return actor_for(services, "admin")


@pytest.fixture
def window(qtbot, services, admin, opener, data_dir):
    return make_window(qtbot, services, admin, opener, data_dir)


@pytest.fixture
def clerk_window(qtbot, services, township, opener, data_dir):
    return make_window(qtbot, services, actor_for(services, "clerk1"), opener, data_dir)


class Messages:
    """Message boxes answered without a modal loop; ``shown`` records (title, text)."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []
        self.answer_yes = True

    def texts(self) -> str:
        return "\n".join(f"{t}: {x}" for t, x in self.shown)


@pytest.fixture
def messages(monkeypatch) -> Messages:
    from PySide6.QtWidgets import QMessageBox

    box = Messages()

    def static(kind):
        def show(parent, title, text, *args, **kwargs):
            box.shown.append((title, text))
            if kind == "question":
                return (QMessageBox.StandardButton.Yes if box.answer_yes
                        else QMessageBox.StandardButton.No)
            return QMessageBox.StandardButton.Ok
        return staticmethod(show)

    for kind in ("warning", "critical", "information", "question"):
        monkeypatch.setattr(QMessageBox, kind, static(kind))

    def exec_(self):
        box.shown.append((self.windowTitle(), self.text()))
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return box


@pytest.fixture
def intake(window):
    return window.intake


@pytest.fixture(scope="session", autouse=True)
def _own_qsettings(tmp_path_factory):
    """Window geometry and remembered folders/printers go to a throwaway INI file, not the
    user's configuration (and no test sees what another one remembered)."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield
