"""一户一档 (issue 16 item 4), the 统计与档案 tab: a household found by its 办件编号 (typed)
or its name (an input-method commit) shows every application, the members over time and
the documents; the export writes one PDF off the GUI thread (cancel leaves nothing); the
detail window's 一户一档 opens the tab on the application's household."""

from __future__ import annotations

import subprocess
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from tests.helpers.drafts import draft, resident_id
from tests.helpers.gui import click, commit_text, type_text

pytestmark = pytest.mark.gui

SAME = resident_id(date(1957, 6, 7), seed=51)
SPOUSE = resident_id(date(1959, 2, 3), male=False, seed=52)
GRANDCHILD = resident_id(date(2015, 8, 9), seed=53)


def _member(name: str, relation: str, id_number: str):
    from desktop_app.core.services import MemberInput

    return MemberInput(name=name, relation=relation, id_number=id_number)


def _household(services, _clock):
    """钱同户's household: two applications (the grandchild joined for the second), and
    another applicant who must not show. Built once per session (``POPULATED``)."""
    from desktop_app.core.services.demo import create_demo_township

    township = create_demo_township(services)   # as the ``township`` fixture does
    first = services.intake.decide(draft(services, name="钱同户", items=("DIBAO",), id_number=SAME,
                                         members=[_member("孙秀英", "配偶", SPOUSE)]),
                                   "accept", township)
    second = services.intake.decide(draft(services, name="钱同户", items=("MEDICAL",),
                                          id_number=SAME,
                                          members=[_member("孙秀英", "配偶", SPOUSE),
                                                   _member("钱小宝", "孙子", GRANDCHILD)]),
                                    "accept", township)
    services.intake.decide(draft(services, name="赵别家", id_number=resident_id(seed=77)),
                           "accept", township)
    ids = [first.application_id, second.application_id]
    numbers = [services.queries.detail(i).row.number for i in ids]
    return ids, numbers


POPULATED = {"household": _household}


@pytest.fixture
def household(populated_template, data_dir, services, township):
    """The applications of :func:`_household`, already in ``data_dir``'s database."""
    return populated_template(_household, data_dir)[1]


@pytest.fixture
def tab(window):
    screen = window.show_reports()
    page = screen.pages["HouseholdTab"]
    screen.tabs.setCurrentWidget(page)
    assert screen.tabs.currentWidget() is page
    return page


def _column(model, col: int) -> list[str]:
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_an_application_number_typed_finds_the_household_with_its_applications_and_members(
        qtbot, tab, household, services):
    ids, numbers = household
    type_text(qtbot, tab.search, numbers[1])
    qtbot.keyClick(tab.search, Qt.Key.Key_Return)
    assert tab.found_model.rowCount() == 1
    assert tab.found_model.index(0, 0).data() == "钱同户"
    assert tab.found_model.index(0, 2).data() == "2"
    assert SAME not in tab.found_model.index(0, 1).data()   # masked
    # the household shown: both applications, nobody else's
    assert sorted(_column(tab.apps_model, 0)) == sorted(numbers)
    assert "钱同户" in tab.heading.text()
    members = _column(tab.members_model, 0)
    assert {"钱同户", "孙秀英", "钱小宝"} <= set(members)
    assert "赵别家" not in members
    # the grandchild only from the second application on
    row = members.index("钱小宝")
    assert numbers[1] in tab.members_model.index(row, 3).data()
    assert numbers[0] not in tab.members_model.index(row, 3).data()
    # every document of both applications, each verified against its record
    expected = {d.number for i in ids for d in services.documents.for_application(i)}
    assert set(_column(tab.docs_model, 1)) == expected and expected
    assert set(_column(tab.docs_model, 4)) == {"已核对"}
    assert tab.export_button.isEnabled()


def test_a_name_typed_with_the_input_method_finds_the_household(qtbot, tab, household):
    _ids, numbers = household
    commit_text(tab.search, "钱同户")
    click(qtbot, tab.search_button)
    assert _column(tab.found_model, 0) == ["钱同户"]
    assert sorted(_column(tab.apps_model, 0)) == sorted(numbers)


def test_nothing_found_says_so(qtbot, tab, household):
    commit_text(tab.search, "查无此人")
    click(qtbot, tab.search_button)
    assert tab.found_model.rowCount() == 0
    assert tab.found_label.text() == "未找到家庭。"
    assert not tab.export_button.isEnabled()


def test_double_click_and_enter_open_the_application(qtbot, window, tab, household):
    ids, numbers = household
    type_text(qtbot, tab.search, numbers[0])
    click(qtbot, tab.search_button)
    row = _column(tab.apps_model, 0).index(numbers[0])
    tab.apps_view.selectRow(row)
    opened: list[int] = []
    tab.openApplication.connect(opened.append)
    rect = tab.apps_view.visualRect(tab.apps_model.index(row, 0))
    qtbot.mouseClick(tab.apps_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.apps_view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [ids[0]]
    assert ids[0] in window.details   # the main window opened its detail
    window.details[ids[0]].close()
    qtbot.waitUntil(lambda: ids[0] not in window.details)
    tab.apps_view.setFocus()
    qtbot.keyClick(tab.apps_view, Qt.Key.Key_Return)
    assert opened == [ids[0], ids[0]] and ids[0] in window.details


def test_export_writes_the_household_file_and_opens_it(qtbot, tab, household, tmp_path, opener,
                                                        services):
    ids, numbers = household
    type_text(qtbot, tab.search, numbers[0])
    click(qtbot, tab.search_button)
    out = tmp_path / "out" / "一户一档.pdf"
    out.parent.mkdir()
    asked: list[Path] = []
    tab.ask_save_path = lambda _parent, _title, suggested: (asked.append(suggested), out)[1]
    click(qtbot, tab.export_button)
    assert asked and asked[0].suffix == ".pdf"
    assert out.is_file() and out.read_bytes().startswith(b"%PDF")
    assert [p.name for p in out.parent.iterdir()] == [out.name]   # no temp file left
    text = tab.result_label.text()
    assert str(out) in text and "已写入" in text
    docs = {d.number for i in ids for d in services.documents.for_application(i)}
    if _has_pdftotext():
        pdf_text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True,
                                  check=True).stdout
        for number in docs:
            assert number in pdf_text
    click(qtbot, tab.open_export_button)
    assert opener.opened[-1] == out
    assert not tab.progress.isVisible() and not tab.cancel_button.isVisible()
    assert tab.export_button.isEnabled()


def test_cancel_during_the_export_leaves_no_file(qtbot, tab, household, tmp_path):
    _ids, numbers = household
    type_text(qtbot, tab.search, numbers[0])
    click(qtbot, tab.search_button)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "一户一档.pdf"
    tab.ask_save_path = lambda *_a: out
    original = tab._progress
    seen: list[object] = []

    def progress_then_cancel(fraction, message):
        original(fraction, message)
        seen.append(message)
        if len(seen) == 2:   # the clerk presses 取消 while it runs
            assert tab.progress.isVisible() and tab.cancel_button.isVisible()
            click(qtbot, tab.cancel_button)

    tab._progress = progress_then_cancel
    click(qtbot, tab.export_button)
    assert len(seen) >= 2
    assert not out.exists()
    assert list(folder.iterdir()) == []
    assert "已取消" in tab.result_label.text()
    assert tab.export_button.isEnabled()


def test_the_detail_window_opens_the_household_file(qtbot, window, household):
    ids, numbers = household
    dialog = window.open_application(ids[1])
    click(qtbot, dialog.view.household_button)
    screen = window.reports_screen
    assert window.stack.currentWidget() is screen
    page = screen.tabs.currentWidget()
    assert page is screen.pages["HouseholdTab"]
    assert "钱同户" in page.heading.text()
    assert sorted(_column(page.apps_model, 0)) == sorted(numbers)
    dialog.close()


def _has_pdftotext() -> bool:
    from shutil import which

    return which("pdftotext") is not None


def test_a_document_opens_and_previews_from_the_household_file(qtbot, tab, household, opener,
                                                                services):
    ids, numbers = household
    type_text(qtbot, tab.search, numbers[1])
    click(qtbot, tab.search_button)
    tab.sections.setCurrentIndex(4)
    assert not tab.open_doc_button.isEnabled()      # nothing chosen yet
    row = _column(tab.docs_model, 3).index(numbers[0])   # a document of the first application
    tab.docs_view.selectRow(row)
    doc = tab.current_document()
    assert doc.info.application_id == ids[0]
    click(qtbot, tab.open_doc_button)
    assert opener.opened[-1] == doc.info.path and doc.info.path.is_file()
    previewed: list[tuple[Path, str]] = []
    tab.preview_pdf = lambda _parent, path, title: previewed.append((path, title))
    click(qtbot, tab.preview_doc_button)
    assert previewed == [(doc.info.path, doc.info.number)]


def test_a_saved_file_that_no_longer_matches_is_shown_red_with_a_note(qtbot, tab, household,
                                                                     services):
    ids, numbers = household
    doc = next(d for d in services.documents.for_application(ids[0]) if d.path.is_file())
    doc.path.write_bytes(doc.path.read_bytes() + b"\n% changed")
    type_text(qtbot, tab.search, numbers[0])
    click(qtbot, tab.search_button)
    [row] = [r for r in range(tab.docs_model.rowCount())
             if tab.docs_model.row_at(r).info.id == doc.id]
    assert tab.docs_model.index(row, 4).data() == "与登记不符"
    assert tab.docs_model.index(row, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    others = [tab.docs_model.index(r, 4).data() for r in range(tab.docs_model.rowCount()) if r != row]
    assert "与登记不符" not in others
    assert "1 份存档文件与登记不符" in tab.docs_note.text()
    assert tab.sections.tabText(4).startswith("文书")


def test_the_export_is_refused_while_a_saved_file_does_not_match(qtbot, tab, household, tmp_path,
                                                                 services):
    ids, numbers = household
    doc = next(d for d in services.documents.for_application(ids[1]) if d.path.is_file())
    doc.path.write_bytes(doc.path.read_bytes() + b"\n% changed")
    type_text(qtbot, tab.search, numbers[1])
    click(qtbot, tab.search_button)
    folder = tmp_path / "out"
    folder.mkdir()
    tab.ask_save_path = lambda *_a: folder / "一户一档.pdf"
    click(qtbot, tab.export_button)
    text = tab.result_label.text()
    assert text.startswith("未导出：") and doc.number in text, text
    assert list(folder.iterdir()) == []
    assert not tab.open_export_button.isVisible()
    assert tab.export_button.isEnabled()


def test_logging_out_during_the_export_cancels_it_and_leaves_no_file(qtbot, window, tab,
                                                                     household, tmp_path):
    """The next user must not find a half-made household file, nor the last user's file
    appearing after they left: 注销 cancels the export (统计与档案's tabs shut down)."""
    _ids, numbers = household
    type_text(qtbot, tab.search, numbers[0])
    click(qtbot, tab.search_button)
    folder = tmp_path / "out"
    folder.mkdir()
    out = folder / "一户一档.pdf"
    tab.ask_save_path = lambda *_a: out
    original = tab._progress
    seen: list[object] = []

    def progress_then_log_out(fraction, message):
        original(fraction, message)
        seen.append(message)
        if len(seen) == 2:   # the clerk logs out while it runs
            assert window.logout()

    tab._progress = progress_then_log_out
    click(qtbot, tab.export_button)
    qtbot.waitUntil(lambda: window.reports_screen is None, timeout=5000)
    window.tasks.shutdown(wait=True)
    assert len(seen) >= 2
    assert not out.exists()
    assert list(folder.iterdir()) == []
