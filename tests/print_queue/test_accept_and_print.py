""""受理并打印回执" prints (issue 14): the intake screen, driven like a clerk, sends the
receipt to a real CUPS queue (cups-pdf) — the first time through the print dialog, whose
choice is remembered; the next time straight to that queue — the queue completes a job
titled with the receipt's number, the screen says "已发送到打印机 PDF：…" and the
receipt's print count becomes 1 (the other documents stay at 0)."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtPrintSupport import QPrintDialog

from desktop_app.gui.kit import print_pdf
from tests.helpers.gui import actor_for, click, fill_valid, make_id, make_window

from .ipp import JOB_ABORTED, JOB_CANCELED, JOB_COMPLETED, get_jobs


def _job(queue: str, known: set[int], number: str, seconds: float = 120) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for job in get_jobs(queue):
            if job["job-id"] not in known and job.get("job-state") in (
                    JOB_COMPLETED, JOB_CANCELED, JOB_ABORTED):
                assert number in job["job-name"], job
                return job
        time.sleep(0.3)
    pytest.fail(f"no finished job for {number} on {queue} after {seconds:.0f} s")


def _receipt(services, name: str):
    app_id = services.queries.search_ids(name)[0]
    docs = services.documents.for_application(app_id)
    return next(d for d in docs if d.kind == "receipt"), docs


@pytest.mark.slow
def test_accept_and_print_sends_the_receipt_to_the_queue_and_counts_it(
        qapp, qtbot, cups_queue, services, township, data_dir, monkeypatch, tmp_path):
    from desktop_app.gui.app import install_translators, register_fonts

    register_fonts(qapp)
    install_translators(qapp, "zh_CN")
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    monkeypatch.setattr(print_pdf, "settings_store", lambda: settings)
    assert cups_queue.name in print_pdf.available_printers()
    chosen = []

    def dialog_exec(self):   # the clerk picks the queue in the print dialog and prints
        chosen.append(1)
        self.printer().setPrinterName(cups_queue.name)
        return QPrintDialog.DialogCode.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", dialog_exec)
    window = make_window(qtbot, services, actor_for(services, "clerk1"), data_dir=data_dir,
                         opener=lambda path: pytest.fail(f"opened {path} instead of printing"))
    intake = window.intake

    known = {j["job-id"] for j in get_jobs(cups_queue.name)}
    fill_valid(qtbot, intake)
    click(qtbot, intake.accept_button)
    receipt, docs = _receipt(services, "张三")
    job = _job(cups_queue.name, known, receipt.number)
    assert job["job-state"] == JOB_COMPLETED, job
    assert chosen == [1] and settings.value(print_pdf.SETTINGS_KEY) == cups_queue.name
    assert intake.result.sent.text() == (
        f"已发送到打印机 {cups_queue.name}：{receipt.title} {receipt.number}")
    assert receipt.print_count == 1
    assert {d.print_count for d in docs if d.kind != "receipt"} == {0}

    # The next applicant: straight to the remembered queue, no dialog.
    monkeypatch.setattr(QPrintDialog, "exec", lambda self: pytest.fail("asked again"))
    click(qtbot, intake.result.new_button)
    known = {j["job-id"] for j in get_jobs(cups_queue.name)}
    fill_valid(qtbot, intake, name="王小明", id_number=make_id("19710809", 7))
    click(qtbot, intake.accept_button)
    second, _docs = _receipt(services, "王小明")
    assert _job(cups_queue.name, known, second.number)["job-state"] == JOB_COMPLETED
    assert second.print_count == 1
