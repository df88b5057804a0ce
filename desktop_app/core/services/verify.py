"""Verifying a document's signed QR code (issue 17; docs/verification.md).

The core the verification surfaces build on (``verification.py``, ``desktop-app verify``,
the county's verifier): it reads the code from a text, a scan or photo (zxing-cpp +
Pillow) or a PDF (the code read from the rendered page, the content digest recomputed
from the page streams) and returns a :class:`~sync_contract.docqr.Verdict` — genuine /
altered / unknown signer / voided / not ours / malformed — plus, for images and PDFs,
``no_code`` when no QR code at all is found (a preview has none).

Which keys are trusted and which documents are voided is the caller's: :class:`Trust`
(the township's own key and its voided documents: :func:`own_trust`; qrcheck adds the
county's signer list and known voids). Nothing here writes or logs personal data.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from sync_contract import docqr
from sync_contract.docqr import Payload, Verdict
from sync_contract.messages import TEMPLATES

if TYPE_CHECKING:
    from .context import ServiceContext

#: no QR code found in an image or PDF (not a docqr verdict: there is no text to judge)
NO_CODE = "no_code"
#: a file that is neither a readable image nor a PDF
UNREADABLE = "unreadable"
NO_CODE_TEXT = TEMPLATES[docqr.VERDICT_MESSAGE_KEYS[NO_CODE]]
UNREADABLE_TEXT = TEMPLATES[docqr.VERDICT_MESSAGE_KEYS[UNREADABLE]]

#: the resolution a PDF page is rendered at to read its code (the 22 mm code needs ≥ 150)
PDF_DPI = 200


@dataclass(frozen=True)
class Trust:
    """Keys (short key id -> Ed25519 public key, raw or base64) and voided documents
    ((township code, number) pairs, or a predicate over the payload)."""

    keys: Mapping[str, Any] = field(default_factory=dict)
    voided: Collection[tuple[str, str]] | Callable[[Payload], bool] = ()


@dataclass(frozen=True)
class Report:
    """The verdict on one source. ``status``: a docqr verdict, ``no_code`` or
    ``unreadable``; ``codes``: how many TW1 codes were found (a receipt has two copies)."""

    status: str
    verdict: Verdict | None = None
    codes: int = 0
    text_zh: str = ""
    checked_content: bool = False  # the PDF's content digest was recomputed

    @property
    def key(self) -> str:
        """Message key of the verdict (``docqr.genuine`` …, ``docqr.no_code``)."""
        return docqr.VERDICT_MESSAGE_KEYS[self.status]

    @property
    def payload(self) -> Payload | None:
        return self.verdict.payload if self.verdict else None

    @property
    def genuine(self) -> bool:
        return self.status == docqr.GENUINE


def _report(verdict: Verdict, codes: int = 1, checked: bool = False) -> Report:
    return Report(verdict.status, verdict, codes, verdict.text, checked)


def verify_text(text: str, trust: Trust) -> Report:
    """The verdict on a QR code's text (typed in, or from a hand scanner)."""
    return _report(docqr.verify(text, trust.keys, voided=trust.voided))


def _decode_image(image: Any) -> list[str]:
    """Texts of every QR code zxing-cpp finds in a PIL image (a photo may hold two: both
    copies of a receipt)."""
    import zxingcpp

    found = zxingcpp.read_barcodes(image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode))
    texts: list[str] = []
    for code in found:
        if code.valid and code.text and code.text not in texts:
            texts.append(code.text)
    if not texts and image.mode != "L":  # a colour photo: try once more in grey
        return _decode_image(image.convert("L"))
    return texts


def _judge(texts: Iterable[str], trust: Trust, digest: bytes | None) -> Report:
    """One report for the codes found: a TW1 code wins over others; several TW1 codes
    (the copies of one receipt) must agree."""
    texts = list(texts)
    if not texts:
        return Report(NO_CODE, None, 0, NO_CODE_TEXT)
    ours = [t for t in texts if t.strip().upper().startswith(docqr.PREFIX)]
    if not ours:
        return _report(docqr.verify(texts[0], trust.keys, voided=trust.voided), 0)
    verdicts = [docqr.verify(t, trust.keys, voided=trust.voided, content_digest=digest)
                for t in ours]
    # the worst verdict counts (a genuine copy beside an altered one is not genuine)
    order = [docqr.ALTERED, docqr.MALFORMED, docqr.UNKNOWN_SIGNER, docqr.VOIDED,
             docqr.NOT_OURS, docqr.GENUINE]
    worst = min(verdicts, key=lambda v: order.index(v.status))
    payloads = {(v.payload.tw, v.payload.no, v.payload.h) for v in verdicts if v.payload}
    if len(payloads) > 1 and worst.status == docqr.GENUINE:
        worst = Verdict(docqr.ALTERED, worst.payload, "codes of different documents")
    return _report(worst, len(ours), digest is not None)


def verify_image(path: Path | str, trust: Trust) -> Report:
    """The verdict on a scan or photo (PNG, JPEG …) of a printed document. Only the
    signature can be checked from paper: a genuine verdict means the printed number,
    date, township and masked name match the code — compare them with the paper."""
    try:
        from PIL import Image

        with Image.open(path) as img:
            img.load()
            texts = _decode_image(img)
    except OSError:
        return Report(UNREADABLE, None, 0, UNREADABLE_TEXT)
    return _judge(texts, trust, None)


def verify_pdf(path: Path | str, trust: Trust) -> Report:
    """The verdict on a PDF file: the code read from the rendered page(s) (PDFium), the
    content digest recomputed from the page streams; one changed character on any page,
    or anything drawn over it, gives ``altered``."""
    try:
        data = Path(path).read_bytes()
        content = docqr.pdf_content_digest(data)
    except (OSError, ValueError):
        return Report(UNREADABLE, None, 0, UNREADABLE_TEXT)
    texts: list[str] = []
    try:
        import pypdfium2 as pdfium

        doc = pdfium.PdfDocument(data)
        try:
            for index in range(len(doc)):
                page = doc[index]
                image = page.render(scale=PDF_DPI / 72, grayscale=True).to_pil()
                texts += [t for t in _decode_image(image) if t not in texts]
                if texts:
                    break  # the code is on the first page that has one
        finally:
            doc.close()
    except Exception:  # PDFium refuses a damaged file pypdf could still read
        return Report(UNREADABLE, None, 0, UNREADABLE_TEXT)
    report = _judge(texts, trust, content.digest)
    if report.verdict and report.status == docqr.GENUINE and not content.intact:
        altered = Verdict(docqr.ALTERED, report.payload, "content added after the code")
        return _report(altered, report.codes, True)
    return report


# -- the township's own trust --------------------------------------------------------------
def own_trust(ctx: ServiceContext, extra_keys: Mapping[str, Any] | None = None,
              extra_voids: Iterable[tuple[str, str]] = ()) -> Trust:
    """The township's own key and its own voided documents (``document.voided``), plus
    whatever the caller knows besides (the county's signer list, its known voids)."""
    from ..models import Document, ListDocument, Township
    from .docsign import document_key

    key = document_key(ctx)
    keys: dict[str, Any] = {docqr.key_id(key): key.public_key()}
    keys.update(extra_keys or {})
    voids = set(extra_voids)
    with ctx.db.read() as s:
        code = s.scalar(select(Township.code).limit(1)) or ""
        voids.update((code, n) for n in s.scalars(
            select(Document.number).where(Document.voided.is_(True))))
        voided_lists = getattr(ListDocument, "voided", None)
        if voided_lists is not None:
            voids.update((code, n) for n in s.scalars(
                select(ListDocument.number).where(voided_lists.is_(True))))
    return Trust(keys, frozenset(voids))


__all__ = ["NO_CODE", "NO_CODE_TEXT", "PDF_DPI", "UNREADABLE", "UNREADABLE_TEXT", "Report",
           "Trust", "own_trust", "verify_image", "verify_pdf", "verify_text"]
