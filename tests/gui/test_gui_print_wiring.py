"""The print path is reachable from the screens: a document in the detail view, and a
department's handover list with its referral slips as one job from the tracking screen."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QPushButton

from desktop_app.gui.kit.print_pdf import PrintReport
from tests.helpers.drafts import draft


def test_detail_prints_the_saved_pdf_of_a_document(qtbot, services, admin, tasks, opener):
    from desktop_app.gui.applications.detail import DetailView

    result = services.intake.decide(draft(services, items=("MEDICAL",)), "accept", admin)
    calls = []
    dialog = DetailView(services, tasks, result.application_id, lambda: admin, opener=opener)
    qtbot.addWidget(dialog)
    dialog.print_pdf = lambda parent, path, title, **kw: calls.append((Path(path), title)) or \
        PrintReport("PDF", 1, 1, title)
    button = dialog.findChild(QPushButton, "printDocument0")
    assert button is not None and button.isEnabled()
    button.click()
    doc = services.documents.for_application(result.application_id)[0]
    assert calls == [(services.documents.original_pdf(doc.id), doc.number)]


def test_tracking_prints_the_list_and_its_slips_as_one_job(qtbot, services, admin, tasks,
                                                           opener):
    from desktop_app.gui.tracking.screen import TrackingScreen

    a = services.intake.decide(draft(services, items=("MEDICAL",)), "accept", admin)
    screen = TrackingScreen(services, tasks, lambda: admin, opener=opener)
    qtbot.addWidget(screen)
    screen.refresh()
    jobs = []
    screen.print_batch = lambda parent, paths, title, **kw: jobs.append(
        ([Path(p).name for p in paths], title)) or PrintReport("PDF", len(paths), 1, title)
    assert not screen.batch_button.isEnabled()
    screen.handover_button.click()   # prints the list itself (issue 14)
    assert screen.batch_button.isEnabled()
    screen.batch_button.click()
    _list_alone, (names, title) = jobs
    assert title == screen.last_list.number
    assert names[0].endswith("handover_list.pdf") and names[1] == f"{a.number}-Z1-referral.pdf"


def test_intake_result_page_prints_each_issued_document(qtbot, services, admin, opener):
    from desktop_app.gui.intake.result import ResultPage

    result = services.intake.decide(draft(services, items=("MEDICAL",)), "accept", admin)
    page = ResultPage(opener)
    qtbot.addWidget(page)
    calls = []
    page.print_pdf = lambda parent, path, title, **kw: calls.append((Path(path), title)) or \
        PrintReport("PDF", 1, 1, title)
    page.show_result(result, services.queries.detail(result.application_id))
    page.findChild(QPushButton, "printDocument0").click()
    first = result.documents[0]
    assert calls == [(Path(first.path), first.number)] and first.kind == "receipt"
