"""Dependent items on the screens (issue 13): the intake's materials offer 待低保认定
only where it is allowed, with a tooltip; the bank account reads 审核确认时提供; an
item accepted waiting shows 待低保认定 on the tracking screen and in the detail."""

from __future__ import annotations

import re

import pytest
from PySide6.QtWidgets import QComboBox, QWidget

from desktop_app.core.models import RequestedItem
from desktop_app.core.services import Feedback
from desktop_app.gui.tracking.model import COL_DUE, COL_LEFT, COL_STATUS, RowRole
from tests.helpers.drafts import draft
from tests.helpers.gui import choose, click, fill_valid, make_id, pdf_text

pytestmark = pytest.mark.gui

STATUS = "material.MEDICAL.ASSISTANCE_STATUS"


def combo(intake, name) -> QComboBox:
    box = intake.materials.findChild(QComboBox, name)
    assert box is not None, name
    return box


def entries(box: QComboBox) -> list[tuple[str, str]]:
    return [(box.itemData(i), box.itemText(i)) for i in range(box.count())]


def test_awaiting_is_offered_only_while_dibao_is_ticked(qtbot, intake):
    fill_valid(qtbot, intake, items=("MEDICAL",), all_received=False)
    box = combo(intake, STATUS)
    assert "awaiting" not in dict(entries(box))
    assert box.currentData() == "shared"        # the catalogue's default (data sharing)
    assert "低保" in box.toolTip() and "特困" in box.toolTip()
    # ticking 低保 in the same intake: offered, chosen (the status is being applied for)
    intake.items.boxes["DIBAO"].setChecked(True)
    box = combo(intake, STATUS)
    assert dict(entries(box))["awaiting"] == "待低保认定"
    assert box.currentData() == "awaiting"
    assert "低保" in box.toolTip() and "认定" in box.toolTip()
    index = box.findData("awaiting")
    assert box.itemData(index, 3) == box.toolTip()     # Qt.ToolTipRole on the entry too
    # the bank account is asked for at 审核确认: its "missing" reads so, and is not missing
    bank = combo(intake, "material.DIBAO.BANK_ACCOUNT")
    assert dict(entries(bank))["missing"] == "审核确认时提供"
    click(qtbot, intake.materials.findChild(QWidget, "allReceived.DIBAO"))
    choose(bank, text="审核确认时提供")
    assert "审核确认时提供" not in " ".join(intake.materials.missing())
    assert "本人银行账户" not in " ".join(intake.materials.missing())
    # unticking 低保 withdraws the choice: back to the default, no fake left behind
    intake.items.boxes["DIBAO"].setChecked(False)
    box = combo(intake, STATUS)
    assert "awaiting" not in dict(entries(box)) and box.currentData() == "shared"


def test_a_pending_status_elsewhere_allows_awaiting(qtbot, intake, services, township):
    services.intake.decide(draft(services, items=("TEKUN",), id_number=make_id("19600512", 31)),
                           "accept", township)
    fill_valid(qtbot, intake, items=("MEDICAL",), all_received=False)
    intake.refresh_assessment()   # (the refresh the form runs after the clerk stops typing)
    box = combo(intake, STATUS)
    assert dict(entries(box))["awaiting"] == "待特困认定"
    assert box.currentData() == "awaiting"


def test_accepted_waiting_item_shows_on_tracking_and_detail(qtbot, window, intake, services,
                                                            township, opener):
    fill_valid(qtbot, intake, items=("DIBAO", "MEDICAL"))
    choose(combo(intake, STATUS), text="待低保认定")
    choose(combo(intake, "material.DIBAO.BANK_ACCOUNT"), text="审核确认时提供")
    click(qtbot, intake.accept_button)
    assert intake.stack.currentWidget() is intake.result, intake.general_error.text()
    app_id = services.queries.search_ids("张三")[0]
    receipt = [d for d in services.documents.for_application(app_id) if d.kind == "receipt"][0]
    text = re.sub(r"\s+", "", pdf_text(receipt.path))
    assert "待低保认定，认定后起算" in text and "审核确认时提供" in text

    tracking = window.show_tracking()
    tracking.refresh()
    m = tracking.model
    row = next(r for r in range(m.rowCount()) if m.index(r, 0).data(RowRole).item_code == "MEDICAL")
    assert m.index(row, COL_STATUS).data() == "待转办"
    assert m.index(row, COL_DUE).data() == "待低保认定"
    assert m.index(row, COL_LEFT).data() == "—"

    # refused: the row says so and asks the clerk to decide
    dibao = next(t for t in services.handling.tasks_for_application(app_id) if t.item_code == "DIBAO")
    with services.ctx.db.transaction() as s:  # as accepted before the procedure existed:
        s.get_one(RequestedItem, dibao.task_id).stage = None  # the result may come at once
    services.handling.record_feedback(dibao.task_id, Feedback("refused", "2026-11-24", "不符合条件"),
                                      township)
    tracking.refresh()
    row = next(r for r in range(m.rowCount()) if m.index(r, 0).data(RowRole).item_code == "MEDICAL")
    assert m.index(row, COL_LEFT).data() == "未获认定，请决定"
    assert m.index(row, COL_DUE).data() == "待低保认定"

    detail = window.open_application(app_id)
    qtbot.addWidget(detail)
    shown = " ".join(w.text() for w in detail.findChildren(QWidget)
                     if hasattr(w, "text") and isinstance(w.text(), str))
    assert "待低保认定" in shown and "审核确认时提供" in shown
