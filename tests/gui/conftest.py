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


class PrintBoxes:
    """The print path's boxes (a failed print, a PDF no viewer opens) answered without a
    modal loop: ``shown`` records (title, text); ``answer`` is the button pressed
    (``"save"``, ``"preview"``, ``"open"`` or None)."""

    def __init__(self) -> None:
        self.shown: list[tuple[str, str]] = []
        self.answer: str | None = None
        self.printed: Path | None = None   # where the test printer's jobs land


TEST_PRINTER = "测试打印机"


@pytest.fixture(autouse=True)
def print_boxes(monkeypatch, tmp_path) -> PrintBoxes:
    """No GUI test reaches a printer of the machine (a CUPS queue of the slow tests may
    be up) or blocks on a box: the one installed printer is ``TEST_PRINTER``, remembered,
    whose jobs are painted into PDF files under ``tmp_path/printed`` (``printed``); a
    test may say there is none (``available_printers`` -> []). The print path's boxes
    are answered by ``answer``."""
    from PySide6.QtCore import QSettings
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QMessageBox

    from desktop_app.gui.kit import print_failure, print_pdf

    boxes = PrintBoxes()
    original_exec = QMessageBox.exec
    real_make_printer = print_pdf.make_printer
    out = tmp_path / "printed"
    out.mkdir()
    boxes.printed = out
    settings = QSettings(str(tmp_path / "print-settings.ini"), QSettings.Format.IniFormat)
    settings.setValue(print_pdf.SETTINGS_KEY, TEST_PRINTER)

    def choose(box, buttons):
        boxes.shown.append((box.windowTitle(), box.text()))
        if QMessageBox.exec is not original_exec:  # the ``messages`` fixture records it too
            box.exec()
        return boxes.answer

    def make_printer(title, **kw):
        # Always a PDF file: with a CUPS scheduler up on this machine (another run's
        # slow tests) a native printer would reach a real queue.
        printer = real_make_printer(title, **kw)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out / f"job-{len(list(out.iterdir())) + 1}.pdf"))
        return printer

    monkeypatch.setattr(print_pdf, "available_printers", lambda: [TEST_PRINTER])
    monkeypatch.setattr(print_pdf, "settings_store", lambda: settings)
    monkeypatch.setattr(print_pdf, "make_printer", make_printer)
    monkeypatch.setattr(print_failure, "choose", choose)
    return boxes


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
