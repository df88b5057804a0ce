"""Driving the screens as a clerk would: Chinese arrives as an input-method commit
(``qtbot.keyClicks`` aborts on non-ASCII), ASCII is typed key by key; the main window
built for an account as the app builds it."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QWidget

from desktop_app.core.rules.identity import check_char
from desktop_app.gui.kit.widgets import commit_text

REGION = "522201"  # the demo township's county


def make_id(birth: str, seq: int) -> str:
    """A valid resident ID: ``birth`` as YYYYMMDD; odd ``seq`` = male, even = female."""
    body = f"{REGION}{birth}{seq:03d}"
    return body + check_char(body)


def type_text(qtbot, widget: QWidget, text: str) -> None:
    """Type into a line edit: key clicks for ASCII, an IME commit for anything else."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    else:
        commit_text(widget, text)


def choose(combo: QComboBox, *, data=None, text: str | None = None) -> None:
    index = combo.findText(text) if text is not None else combo.findData(data)
    assert index >= 0, f"{combo.objectName()}: no entry {text if text is not None else data!r}"
    combo.setCurrentIndex(index)


def click(qtbot, button) -> None:
    """Click like a person: only once the button is laid out, visible and enabled."""
    assert button is not None
    qtbot.waitUntil(lambda: button.isVisible() and button.height() > 0, timeout=2000)
    assert button.isEnabled(), f"{button.objectName()} is disabled"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def village_named(intake, name: str) -> None:
    choose(intake.village, text=name)


def fill_valid(qtbot, intake, *, name: str = "张三", id_number: str | None = None,
               items: tuple[str, ...] = ("DIBAO",), all_received: bool = True,
               spouse: bool = True) -> None:
    """A complete, valid application as a clerk would enter it."""
    a = intake.applicant
    type_text(qtbot, a.name, name)
    type_text(qtbot, a.id_number, id_number or make_id("19600512", 31))
    type_text(qtbot, a.phone, "13812345678")
    type_text(qtbot, a.hukou_address, "贵州省铜仁市碧江区清水镇石桥村12号")
    village_named(intake, "石桥村")
    choose(a.health, data="多病")
    if spouse:
        member = intake.members.add_member()
        choose(member.relation, data="配偶")
        type_text(qtbot, member.name, "李秀英")
        type_text(qtbot, member.id_number, make_id("19620303", 42))
    type_text(qtbot, intake.incomes["wage"], "800")
    type_text(qtbot, intake.incomes["farming"], "150.50")
    type_text(qtbot, intake.property_fields["housing_area"], "60")
    choose(intake.house_rating, data="C")
    type_text(qtbot, intake.hardship, "因病致贫")
    for code in items:
        intake.items.boxes[code].setChecked(True)
        if all_received:
            click(qtbot, intake.materials.findChild(QWidget, f"allReceived.{code}"))


def pdf_text(path: Path) -> str:
    """The PDF's text as ``pdftotext`` extracts it (what a copy-paste would give)."""
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                         capture_output=True, text=True)
    return out.stdout


def decide(services, township, name: str, id_number: str, decision: str = "accept",
           reasons: list[str] | None = None):
    """Record an application through the service, as the intake screen does."""
    from desktop_app.core.services import ApplicationDraft, ItemInput, MemberInput

    item = services.ctx.catalog.item("DIBAO")
    materials = {m.code: "received" for m in item.materials}
    if decision == "notice":
        materials[item.materials[0].code] = "missing"
    village = services.setup.villages()[0]
    draft = ApplicationDraft(
        applicant=MemberInput(name=name, id_number=id_number, phone="13812345678",
                              hukou_address="清水镇石桥村1号"),
        village_id=village.id, incomes={"wage": "600"}, items=[ItemInput("DIBAO", materials)],
    )
    return services.intake.decide(draft, decision, township, reasons)


def actor_for(services, username: str):
    """The account's :class:`Actor` as ``login`` returns it, without the ~0.2 s of
    scrypt (the services re-read the role from the database anyway)."""
    from desktop_app.core.services import Actor

    info = services.accounts.find(username)
    return Actor(info.id, info.name, info.role, info.username)


def make_window(qtbot, services, actor, opener=None, data_dir=None, **kw):
    from desktop_app.gui.app import build_main_window

    win = build_main_window(services, actor, data_dir=data_dir, synchronous=True, opener=opener,
                            **kw)
    win.ask = lambda *a: True  # questions answered "yes" unless a test says otherwise
    win.intake.ask_close = lambda _parent: "discard"  # closing at teardown: nothing kept
    win.intake.ask_restore = lambda _parent, _draft: "later"
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win
