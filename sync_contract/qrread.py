"""Reading QR codes from a scan, a photo or a PDF (issue 17): the texts only, no trust
decision (that is :func:`sync_contract.docqr.verify` with the caller's keys). Shared by
the township's verifier and the county's. zxing-cpp, Pillow and pypdfium2 are imported
on first use. Qt-free.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

#: Rendering resolution of a PDF page for reading its QR code (the code is ≥ 20 mm).
PDF_DPI = 200
PDF_SUFFIXES = (".pdf",)
IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".bmp", ".tif", ".tiff", ".gif", ".webp")


def texts_in_image(path: Path) -> list[str]:
    """The texts of the QR codes in an image file (``OSError``/``ValueError`` for a file
    that is not a readable image)."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(path) as img:
            img.load()
            return texts_in_pil(img)
    except UnidentifiedImageError as exc:
        raise ValueError("not a readable image") from exc


def texts_in_pil(image: Any) -> list[str]:
    """The texts of the valid QR codes zxing-cpp finds in a PIL image (QR format only: a
    bar code on the same paper is not read; a photo may hold two — both copies of a
    receipt — and the same text once); a colour photo with none is tried once more in
    grey."""
    import zxingcpp

    found = zxingcpp.read_barcodes(
        image, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode))
    texts = _unique(code.text for code in found if code.valid)
    if not texts and image.mode != "L":
        return texts_in_pil(image.convert("L"))
    return texts


def texts_in_pdf(data: bytes) -> list[str]:
    """The texts of the QR codes on a PDF's pages (each page rendered at :data:`PDF_DPI`;
    ``ValueError`` for a file that is not a readable PDF). Every page is read — not only
    up to the first with a code — so a code on any page is checked (against the digest
    of the whole document) by the caller."""
    import pypdfium2 as pdfium

    try:
        doc = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as exc:
        raise ValueError("not a readable PDF") from exc
    texts: list[str] = []
    try:
        for i in range(len(doc)):
            page = doc[i]
            img = page.render(scale=PDF_DPI / 72, grayscale=True).to_pil()
            texts += texts_in_pil(img)
            page.close()
    finally:
        doc.close()
    return _unique(texts)


def _unique(texts: object) -> list[str]:
    out: list[str] = []
    for t in texts:  # type: ignore[attr-defined]
        if t and t not in out:
            out.append(t)
    return out


def is_pdf(path: Path) -> bool:
    """A PDF by its first bytes (a renamed file is still recognised)."""
    try:
        with open(path, "rb") as fh:
            return fh.read(5) == b"%PDF-"
    except OSError:
        return False


__all__ = ["IMAGE_SUFFIXES", "PDF_DPI", "PDF_SUFFIXES", "is_pdf", "texts_in_image", "texts_in_pdf",
           "texts_in_pil"]
