"""办件查询 and 办件详情: search, the list model, the detail with its timeline and
the document actions (打开 / 补打 / 作废)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from desktop_app.gui.applications.screen import COL_ID, COL_NAME, COL_NUMBER, IdRole, RowRole
from tests.helpers.gui import click, decide, fill_valid, make_id, pdf_text, type_text
from tests.helpers.printing import squash

pytestmark = pytest.mark.gui


def _people(services, clock):
    from desktop_app.core.services.demo import create_demo_township

    township = create_demo_township(services)  # as the ``township`` fixture does
    return [
        decide(services, township, "张三", make_id("19600512", 31)),
        decide(services, township, "李四", make_id("19710203", 52), "notice"),
        decide(services, township, "张三丰", make_id("19450101", 11), "reject", ["不属于本乡镇"]),
    ]


POPULATED = {"people": _people}  # built once per session (tests/conftest.py)


@pytest.fixture
def people(populated_template, data_dir, services, township):
    return populated_template(_people, data_dir)[1]


def test_list_model_passes_qmodeltester(qtmodeltester, window, people):
    screen = window.applications
    screen.run_search()
    assert screen.model.rowCount() == 3
    qtmodeltester.check(screen.model, force_py=True)


def test_search_by_pinyin_initials_finds_zhang_san(qtbot, window, people):
    window.show_applications()
    screen = window.applications
    type_text(qtbot, screen.search, "zs")
    qtbot.waitUntil(lambda: not screen.timer.isActive(), timeout=2000)
    names = [screen.model.index(r, COL_NAME).data() for r in range(screen.model.rowCount())]
    assert "张三" in names and "张三丰" in names and "李四" not in names
    masked = screen.model.index(names.index("张三"), COL_ID).data()
    assert "*" in masked and masked.endswith(make_id("19600512", 31)[-4:])
    assert "2" in screen.count.text()


def test_search_by_number_and_id_fragment(qtbot, window, people):
    screen = window.applications
    screen.search.setText(people[1].number)
    screen.run_search()
    assert [screen.model.index(r, COL_NAME).data() for r in range(screen.model.rowCount())] == ["李四"]
    screen.search.setText("19710203")
    screen.run_search()
    assert screen.model.rowCount() == 1


def test_status_filter(window, people):
    screen = window.applications
    screen.status.setCurrentIndex(screen.status.findData("pending_materials"))
    assert screen.model.rowCount() == 1
    assert screen.model.index(0, COL_NAME).data(RowRole).status == "pending_materials"


def test_new_decision_appears_in_an_open_list(qtbot, window, services, people):
    screen = window.applications
    window.show_applications()
    assert screen.model.rowCount() == 3
    window.show_intake()
    fill_valid(qtbot, window.intake, name="王五", id_number=make_id("19800808", 71))
    click(qtbot, window.intake.accept_button)
    assert screen.model.rowCount() == 4  # the change notice re-ran the search


def test_double_click_opens_detail_with_events(qtbot, window, services, people, opener):
    screen = window.applications
    window.show_applications()
    row = next(r for r in range(screen.model.rowCount())
               if screen.model.index(r, COL_NAME).data() == "张三")
    index = screen.model.index(row, COL_NUMBER)
    rect = screen.view.visualRect(index)
    qtbot.mouseClick(screen.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(screen.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    app_id = screen.model.data(index, IdRole)
    dialog = window.details[app_id]
    view = dialog.view
    actions = [view.events_model.index(r, 2).data() for r in range(view.events_model.rowCount())]
    assert actions[:2] == ["登记", "受理"]
    assert "出具文书" in actions
    by = {view.events_model.index(r, 1).data() for r in range(view.events_model.rowCount())}
    assert by == {"王建国"}
    assert "张三" in view.heading.text() and people[0].number in view.heading.text()
    due = view.findChild(QWidget, "itemDue0").text()
    assert services.queries.detail(app_id).items[0].due_date.isoformat() in due

    # 打开 / 补打 / 作废
    click(qtbot, view.findChild(QWidget, "openDocument0"))
    assert opener.opened[-1].exists()
    printed = []
    view.print_pdf = lambda parent, path, title, **kw: printed.append(Path(path).name)
    click(qtbot, view.findChild(QWidget, "reprintDocument0"))   # 补打 goes to the printer
    assert "补打" in printed[-1]
    assert services.documents.for_application(app_id)[0].print_count == 0  # not printed
    view.ask_reason = lambda parent: "打印错误"
    click(qtbot, view.findChild(QWidget, "voidDocument0"))
    docs = services.documents.for_application(app_id)
    assert docs[0].voided and docs[0].void_reason == "打印错误"
    assert not view.findChild(QWidget, "reprintDocument0").isEnabled()
    actions = [view.events_model.index(r, 2).data() for r in range(view.events_model.rowCount())]
    assert actions[-2:] == ["补打文书", "作废文书"]
    # The list heard about it too.
    assert services.queries.detail(app_id).row.status_label in {
        screen.model.index(r, 6).data() for r in range(screen.model.rowCount())}


def test_model_data_never_raises(window, people, monkeypatch):
    screen = window.applications
    model = screen.model
    model.set_ids(model.ids())

    def broken(ids):
        raise RuntimeError("database went away")

    monkeypatch.setattr(model.queries, "rows", broken)
    assert model.index(0, COL_NAME).data() is None  # logged, not raised into Qt


def test_supplement_after_notice_then_accept(qtbot, window, services, people, opener):
    """补正: 李四 got a one-time notice; he brings the material and is accepted."""
    app_id = people[1].application_id
    dialog = window.open_application(app_id)
    view = dialog.view
    button = view.findChild(QWidget, "supplementButton")
    assert button.isVisibleTo(view)
    supplement = view.open_supplement()
    qtbot.addWidget(supplement)
    item = services.ctx.catalog.item("DIBAO")
    missing = item.materials[0]
    box = supplement.findChild(QWidget, f"material.DIBAO.{missing.code}")
    assert box.currentData() == "missing"

    click(qtbot, supplement.accept_button)  # still missing: refused, message shown
    assert "材料不齐" in supplement.materials.error.text()
    assert services.queries.detail(app_id).row.status == "pending_materials"

    box.setCurrentIndex(box.findData("received"))
    click(qtbot, supplement.accept_button)
    assert services.queries.detail(app_id).row.status == "accepted"
    receipt = next(d for d in services.documents.for_application(app_id) if d.kind == "receipt")
    assert receipt.print_count == 1   # printed ("受理并打印回执", issue 14), not opened
    assert not view.supplement_button.isVisibleTo(view)
    actions = [view.events_model.index(r, 2).data() for r in range(view.events_model.rowCount())]
    assert "补正材料" in actions and actions.count("受理") == 1


def test_supplement_shows_another_notice_before_issuing_it(qtbot, window, services, people,
                                                          opener, tmp_path):
    """补正 → 再次一次性告知 (issue 14): the notice is shown as it will print and issued
    only on 确认开具; cancelling the preview records nothing and uses no number."""
    app_id = people[1].application_id
    view = window.open_application(app_id).view
    supplement = view.open_supplement()
    qtbot.addWidget(supplement)

    def notices() -> list:
        return [d for d in services.documents.for_application(app_id)
                if d.kind == "notice_missing"]

    before = len(notices())
    shown: list[bytes] = []
    supplement.confirm_notice = lambda parent, pdf: shown.append(pdf) or False
    click(qtbot, supplement.notice_button)
    assert len(shown) == 1 and shown[0].startswith(b"%PDF")
    (tmp_path / "shown.pdf").write_bytes(shown[0])
    assert "一次性告知书" in squash(pdf_text(tmp_path / "shown.pdf"))
    assert len(notices()) == before   # cancelled: nothing issued
    assert services.queries.detail(app_id).row.status == "pending_materials"

    supplement.confirm_notice = lambda parent, pdf: True
    click(qtbot, supplement.notice_button)
    qtbot.waitUntil(lambda: len(notices()) == before + 1)
