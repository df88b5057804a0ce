"""Issued documents carry the signed code; the one verifier reads it back from text, a
rendered page image (zxing-cpp) and the PDF (content digest) — sync_contract/docverify.py."""

from __future__ import annotations

import hashlib

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from desktop_app.printing import render_document
from desktop_app.printing.samples import sample
from sync_contract import docqr
from sync_contract.docqr import Payload, Verdict
from sync_contract.docverify import NO_CODE, UNREADABLE, Checked, TrustedKey, TrustList, worst_first
from sync_contract.keys import fingerprint, public_key_b64
from tests.helpers.docqr import change_one_character, page_stream, with_page_stream

KEY = Ed25519PrivateKey.from_private_bytes(b"\x05" * 32)
STRANGER = Ed25519PrivateKey.from_private_bytes(b"\x06" * 32)
RECEIPT = sample("receipt")
TOWNSHIP = RECEIPT["township"]["code"]


def trust_of(key: Ed25519PrivateKey, township: str = TOWNSHIP, voided=()) -> TrustList:
    out = TrustList(voided=set(voided))
    out.add_key(TrustedKey(township, public_key_b64(key), fingerprint(key.public_key())))
    return out


TRUST = trust_of(KEY)


@pytest.fixture(scope="module")
def receipt() -> bytes:
    return render_document("receipt", RECEIPT, signing_key=KEY)


def _png(pdf: bytes, path, dpi: int = 150):
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(pdf)
    doc[0].render(scale=dpi / 72).to_pil().save(path)
    doc.close()
    return path


def _write(tmp_path, pdf: bytes, name: str = "doc.pdf"):
    path = tmp_path / name
    path.write_bytes(pdf)
    return path


def test_receipt_png_decoded_by_zxing_is_genuine(receipt, tmp_path):
    report = TRUST.check_file(_png(receipt, tmp_path / "receipt.png"))
    assert report.status == docqr.GENUINE, report
    assert report.codes == 1  # both copies carry the same code
    p = report.payload
    assert (p.kind, p.no, p.date, p.tw, p.nm) == (
        "receipt", RECEIPT["number"], RECEIPT["issued_date"], RECEIPT["township"]["code"],
        docqr.mask_name(RECEIPT["applicant"]["name"]))


def test_pdf_is_genuine_and_its_digest_is_the_signed_one(receipt, tmp_path):
    report = TRUST.check_file(_write(tmp_path, receipt))
    assert report.status == docqr.GENUINE and report.checked[0].source == "pdf"
    assert report.payload.h == docqr.pdf_content_digest(receipt).digest
    # the QR holds the content digest, not the file's SHA-256 (which it cannot contain)
    assert report.payload.h != hashlib.sha256(receipt).digest()


def test_one_changed_character_is_altered(receipt, tmp_path):
    changed = change_one_character(receipt)
    assert changed != receipt
    report = TRUST.check_file(_write(tmp_path, changed))
    assert report.status == docqr.ALTERED, report
    # the same rewrite without the change is still genuine: it is the character that counts
    same = with_page_stream(receipt, page_stream(receipt))
    assert TRUST.check_file(_write(tmp_path, same, "same.pdf")).status == docqr.GENUINE


@pytest.mark.parametrize("extra", [
    b"q 0 0 595 842 re W n 1 g 100 700 50 10 re f Q\n",  # a white box over the text
    b"BT /F1+0 12 Tf 100 700 Td (\\001) Tj ET\n",  # text added after the code
])
def test_anything_drawn_after_the_code_is_altered(receipt, tmp_path, extra):
    stream = page_stream(receipt)
    report = TRUST.check_file(_write(tmp_path, with_page_stream(receipt, stream + extra)))
    assert report.status == docqr.ALTERED, report


def test_a_damaged_file_byte_is_never_genuine(receipt, tmp_path):
    import io

    from pypdf import PdfReader

    obj = PdfReader(io.BytesIO(receipt)).pages[0].raw_get("/Contents").idnum
    at = receipt.index(b"stream", receipt.index(b"\n%d 0 obj" % obj)) + 40
    broken = receipt[:at] + bytes([receipt[at] ^ 0x01]) + receipt[at + 1:]
    assert TRUST.check_file(_write(tmp_path, broken)).status != docqr.GENUINE


def test_unknown_signer_and_voided(receipt, tmp_path):
    path = _write(tmp_path, receipt)
    stranger = trust_of(STRANGER)
    assert stranger.check_file(path).status == docqr.UNKNOWN_SIGNER
    # our key, but registered for another township: not a signer of this document
    assert trust_of(KEY, "999999999").check_file(path).status == docqr.UNKNOWN_SIGNER
    voided = trust_of(KEY, voided={(TOWNSHIP, RECEIPT["number"])})
    assert voided.check_file(path).status == docqr.VOIDED


def test_tampered_signature_in_text_is_altered(receipt, tmp_path):
    text = TRUST.check_file(_png(receipt, tmp_path / "r.png")).verdict
    assert text is not None
    import zxingcpp
    from PIL import Image

    code = zxingcpp.read_barcodes(Image.open(tmp_path / "r.png"))[0].text
    assert TRUST.verify_text(code).status == docqr.GENUINE
    # one base45 character of the signature changed
    forged = code[:-3] + ("0" if code[-3] != "0" else "1") + code[-2:]
    assert TRUST.verify_text(forged).status in (docqr.ALTERED, docqr.MALFORMED)


def test_preview_prints_void_and_has_no_code(tmp_path):
    pdf = render_document("receipt", RECEIPT)  # no key: a preview
    from tests.helpers.printing import POPPLER, Poppler

    if POPPLER:
        assert "无效" in Poppler(tmp_path).text(pdf)
    assert docqr.MARKER not in page_stream(pdf)
    assert TRUST.check_file(_png(pdf, tmp_path / "p.png")).status == NO_CODE
    assert TRUST.check_file(_write(tmp_path, pdf)).status == NO_CODE


def test_not_a_file_we_can_read(tmp_path):
    junk = _write(tmp_path, b"not a pdf", "x.pdf")
    assert TRUST.check_file(junk).status == UNREADABLE
    assert TRUST.check_file(_write(tmp_path, b"not an image", "x.png")).status == UNREADABLE
    assert TRUST.check_file(tmp_path / "missing.pdf").status == UNREADABLE


def _checked(status: str, no: str = "R1", h: bytes = b"h" * 16) -> Checked:
    payload = Payload("receipt", no, "2026-12-01", TOWNSHIP, "张*", h) if status not in (
        docqr.NOT_OURS, docqr.MALFORMED) else None
    return Checked(Verdict(status, payload), "image")


G, A, V, U, M, N = (docqr.GENUINE, docqr.ALTERED, docqr.VOIDED, docqr.UNKNOWN_SIGNER,
                    docqr.MALFORMED, docqr.NOT_OURS)


@pytest.mark.parametrize(("codes", "counts"), [
    ([_checked(G)], G),
    ([_checked(G), _checked(A)], A),          # a genuine copy beside an altered one
    ([_checked(V), _checked(G)], V),
    ([_checked(G), _checked(U)], U),
    ([_checked(G), _checked(M)], M),
    ([_checked(N), _checked(G)], G),          # another QR code on the paper never outweighs ours
    ([_checked(N)], N),
    ([_checked(G, "R1"), _checked(G, "R2")], A),                      # two documents
    ([_checked(G, h=b"a" * 16), _checked(G, h=b"b" * 16)], A),        # two contents
])
def test_the_worst_verdict_of_a_files_codes_counts(codes, counts):
    ordered = worst_first(codes)
    assert ordered[0].status == counts
    assert len(ordered) == len(codes)


def test_rendering_is_deterministic_with_the_key(receipt):
    # original_pdf re-renders a lost file and checks its recorded hash
    assert render_document("receipt", RECEIPT, signing_key=KEY) == receipt


#: SHA-256 (first 16 hex digits) of each sample rendered with the template in force before
#: issue 17 (recorded from main at 8d2c6e5): documents issued before the signed QR code
#: re-render byte for byte with their archived template version.
BEFORE_ISSUE_17 = {
    "care_agreement": (1, "931101de0c327490"), "decision_form": (2, "58742ef4e1700f91"),
    "emergency_record": (3, "915aea2ee9467fc3"), "extension_notice": (2, "79c691a69f045f89"),
    "handover_list": (2, "9bab0420e1c9ba2a"), "hotline_reply": (1, "650cd7d3a26a6792"),
    "lead_slip": (1, "6ce0606f4c14c26c"), "lead_visit_list": (1, "a09aac44befa33c5"),
    "material_checklist": (2, "25753bd0b7993438"), "notice_missing": (2, "e6fecd4cd1ec5370"),
    "notice_reject": (2, "1df6c7f8ebee53a5"), "receipt": (3, "01fd1d622175f176"),
    "recheck_form": (1, "a8c4aca45ed2ab14"), "referral": (3, "91c90a8cb62af4a2"),
    "report_list": (2, "01d6a9e9f05b2b71"), "reserve_batch": (2, "96c0afc9171a13b6"),
    "reserve_statement": (2, "8a9e95e54440629a"), "result_notice": (2, "a122f8b55e685037"),
    "review_notice": (1, "3d771f72beec5482"), "self_care_assessment": (1, "53c6f371862dadcd"),
    "stats_report": (1, "f08f28429e24fbc2"), "taper_list": (1, "00a8c4aa1220e20b"),
    "visit_form": (2, "891e7a796004d273"),
}


@pytest.mark.parametrize("kind", sorted(BEFORE_ISSUE_17))
def test_documents_issued_before_keep_their_bytes(kind):
    from desktop_app.printing import load_template

    version, digest = BEFORE_ISSUE_17[kind]
    assert load_template(kind).version == version + 1
    # with or without a key: an unsigned template revision ignores it
    for key in (None, KEY):
        pdf = render_document(kind, sample(kind), version, signing_key=key)
        assert hashlib.sha256(pdf).hexdigest()[:16] == digest


@pytest.mark.parametrize("kind", sorted(BEFORE_ISSUE_17))
def test_every_signed_kind_verifies(kind, tmp_path):
    pdf = render_document(kind, sample(kind), signing_key=KEY)
    report = TRUST.check_file(_write(tmp_path, pdf))
    assert report.status == docqr.GENUINE, (kind, report)
    assert report.payload.kind == kind and report.payload.no == sample(kind)["number"]


def test_a_bar_code_beside_the_qr_code_is_not_read(receipt, tmp_path):
    """Only QR codes count: a bar code on the same paper (a parcel label, an ID card's
    back) is neither a second code nor a reason to refuse."""
    import zxingcpp
    from PIL import Image

    page = Image.open(_png(receipt, tmp_path / "page.png")).convert("RGB")
    drawn = memoryview(zxingcpp.write_barcode_to_image(
        zxingcpp.create_barcode("1234567890", zxingcpp.BarcodeFormat.Code128), scale=3))
    bars = Image.frombytes("L", (drawn.shape[1], drawn.shape[0]), drawn.tobytes())
    page.paste(bars.convert("RGB"), (40, 40))
    page.save(tmp_path / "with-bars.png")
    assert [r.format for r in zxingcpp.read_barcodes(bars)] == [zxingcpp.BarcodeFormat.Code128]
    report = TRUST.check_file(tmp_path / "with-bars.png")
    assert report.status == docqr.GENUINE and report.codes == 1, report


def test_every_page_of_a_pdf_is_read(receipt, tmp_path):
    """A code on any page is read and judged (not only the first page with one): a receipt
    with another document's page appended has two codes and is not genuine."""
    import io

    from pypdf import PdfReader, PdfWriter

    other = render_document("receipt", {**RECEIPT, "number": RECEIPT["number"][:-1] + "9"},
                            signing_key=KEY)
    writer = PdfWriter()
    for pdf in (receipt, other):
        writer.add_page(PdfReader(io.BytesIO(pdf)).pages[0])
    out = io.BytesIO()
    writer.write(out)
    report = TRUST.check_file(_write(tmp_path, out.getvalue(), "two.pdf"))
    assert report.codes == 2, report
    assert report.status == docqr.ALTERED
