"""The done-when test of issue 17's verifier (qrcheck): a receipt printed through the
cups-pdf queue with the window's own print path, the printed page rendered to PNG
(``pdftoppm``), its QR code decoded from the image by the township's verifier → genuine;
the same PDF with one changed character → altered; a voided document → voided; a QR code
signed by an unregistered key → unknown signer. Needs root (CUPS) and poppler-utils."""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from sync_contract import docqr
from tests.helpers.gui import actor_for
from tests.helpers.sync import fill
from tests.print_queue.conftest import cups_queue  # noqa: F401 - fixture
from tests.print_queue.ipp import JOB_ABORTED, JOB_CANCELED, JOB_COMPLETED, get_jobs

from .helpers import change_one_character, foreign_receipt, pdf_of, receipts


def _printed(queue, known: set[int], number: str, seconds: float = 120) -> Path:
    """The cups-pdf output of the job titled ``number`` (once the job completed)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        for job in get_jobs(queue.name):
            if job["job-id"] in known or job.get("job-state") not in (
                    JOB_COMPLETED, JOB_CANCELED, JOB_ABORTED):
                continue
            assert job["job-state"] == JOB_COMPLETED, job
            out = sorted(queue.out_dir.glob(f"*job_{job['job-id']}.pdf"))
            if out and out[0].stat().st_size:
                return out[0]
        time.sleep(0.3)
    pytest.fail(f"no printed PDF for {number} after {seconds:.0f} s")


def _png(pdf: Path, out: Path, dpi: int = 150) -> Path:
    subprocess.run(["pdftoppm", "-r", str(dpi), "-png", "-f", "1", "-l", "1", "-singlefile",
                    str(pdf), str(out.with_suffix(""))], check=True, timeout=120)
    return out


@pytest.mark.slow
def test_a_receipt_printed_through_cups_verifies_and_tampering_is_caught(
        qapp, cups_queue, services, township, tmp_path):  # noqa: F811 - fixture
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    from desktop_app.gui.kit.print_pdf import make_printer, paint_pdfs

    fill(services, township, n=2)
    receipt, other = receipts(services)[:2]
    pdf = pdf_of(services, receipt)

    # printed through the queue exactly as the window prints (QPrinter + pdfium pages)
    known = {j["job-id"] for j in get_jobs(cups_queue.name)}
    printer = make_printer(receipt.number, printer_name=cups_queue.name)
    assert paint_pdfs(printer, [pdf]) >= 1
    printed = _printed(cups_queue, known, receipt.number)
    png = _png(printed, tmp_path / "printed.png")
    report = services.verification.verify_file(png)
    assert [f.status for f in report.findings] == [docqr.GENUINE], report
    f = report.findings[0]
    assert (f.kind, f.number) == ("receipt", receipt.number)

    # the same PDF with one changed character
    altered = tmp_path / "altered.pdf"
    altered.write_bytes(change_one_character(pdf.read_bytes()))
    assert [f.status for f in services.verification.verify_file(altered).findings] == [
        docqr.ALTERED]
    assert [f.status for f in services.verification.verify_file(pdf).findings] == [
        docqr.GENUINE]

    # a voided document (its printed page: the QR still verifies, but voided)
    services.documents.void(other.id, "填写错误", actor_for(services, "supervisor"))
    other_png = _png(pdf_of(services, other), tmp_path / "voided.png")
    assert [f.status for f in services.verification.verify_file(other_png).findings] == [
        docqr.VOIDED]

    # signed by a key nobody registered
    forged = foreign_receipt(services, Ed25519PrivateKey.generate(),
                             services.sync.township_keys().code, "522201101-20261124-0777")
    (tmp_path / "forged.pdf").write_bytes(forged)
    forged_png = _png(tmp_path / "forged.pdf", tmp_path / "forged.png")
    assert [f.status for f in services.verification.verify_file(forged_png).findings] == [
        docqr.UNKNOWN_SIGNER]
