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
    from desktop_app.gui.kit.tasks import TaskRunner

    return TaskRunner(synchronous=True)


def actor_for(services, username: str):
    """The account's :class:`Actor` as ``login`` returns it, without the ~0.2 s of
    scrypt (the services re-read the role from the database anyway)."""
    from desktop_app.core.services import Actor

    info = services.accounts.find(username)
    return Actor(info.id, info.name, info.role, info.username)


@pytest.fixture
def admin(services, township):
    return actor_for(services, "admin")


def make_window(qtbot, services, actor, opener=None, data_dir=None, **kw):
    from desktop_app.gui.app import build_main_window

    win = build_main_window(services, actor, data_dir=data_dir, synchronous=True, opener=opener,
                            **kw)
    win.ask = lambda *a: True  # questions answered "yes" unless a test says otherwise
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


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
