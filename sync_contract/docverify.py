"""The verifier of document QR codes with a trust list (issue 17): which keys sign for
which township and until when, and which documents are voided — the one rule shared by
the township's verifier (its own key + the county's ``signer`` / ``voided_document``
lists, sync format 5) and the county's (every registered key, every void it received).

The signature, payload and content digest are :mod:`sync_contract.docqr`'s; reading codes
from files is :mod:`sync_contract.qrread`'s. Qt-free.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .docqr import Payload, Verdict

#: The kid of a key: the first 16 hex digits of its fingerprint (``docqr.key_id``).
KID_HEX = 16


@dataclass(frozen=True)
class TrustedKey:
    township_code: str
    public_key: str              # base64 of the raw 32 bytes
    fingerprint: str             # full hex
    valid_to: date | None = None  # a replaced key: documents dated after it are not its


@dataclass(frozen=True)
class Checked:
    """One QR code checked: its verdict (``docqr.Verdict``: status, payload, text)."""

    verdict: Verdict
    source: str                  # "text" | "image" | "pdf"

    @property
    def status(self) -> str:
        return self.verdict.status


@dataclass
class TrustList:
    keys: dict[str, TrustedKey] = field(default_factory=dict)       # kid -> key
    voided: set[tuple[str, str]] = field(default_factory=set)       # (township, number)
    is_voided: Callable[[Payload], bool] | None = None               # extra (e.g. the db)

    def add_key(self, key: TrustedKey) -> None:
        kid = key.fingerprint[:KID_HEX]
        old = self.keys.get(kid)
        if old is None or (old.valid_to is not None and (key.valid_to is None
                                                          or key.valid_to > old.valid_to)):
            self.keys[kid] = key

    def _void(self, p: Payload) -> bool:
        return (p.tw, p.no) in self.voided or bool(self.is_voided and self.is_voided(p))

    def verify_text(self, text: str, *, content_digest: bytes | None = None) -> Verdict:
        """The verdict on a QR text: signed by a key of the township the payload names
        (a key of another township, or a document dated after its key was replaced:
        unknown signer), unaltered, not voided."""
        from . import docqr

        try:
            dec = docqr.decode(text)
        except docqr.DocQrError as exc:
            return docqr.Verdict(exc.verdict, None, str(exc))
        key = self.keys.get(dec.kid)
        usable: dict[str, str] = {}
        if key is not None and key.township_code == dec.payload.tw and (
                key.valid_to is None or dec.payload.date[:10] <= key.valid_to.isoformat()):
            usable[dec.kid] = key.public_key
        return docqr.verify(text, usable, voided=self._void, content_digest=content_digest)

    def verify_pdf_bytes(self, data: bytes) -> list[Checked]:
        """Every QR code of a PDF, checked against the PDF's content digest (one changed
        character on any page: altered; something laid over the page: altered)."""
        from . import docqr, qrread

        texts = qrread.texts_in_pdf(data)
        try:
            content = docqr.pdf_content_digest(data)
        except ValueError:
            content = None
        out = []
        for text in texts:
            verdict = self.verify_text(text, content_digest=content.digest if content else b"")
            if verdict.status == docqr.GENUINE and content is not None and not content.intact:
                verdict = docqr.Verdict(docqr.ALTERED, verdict.payload,
                                        "something drawn over the page after issue")
            out.append(Checked(verdict, "pdf"))
        return out

    def verify_image(self, path: Path) -> list[Checked]:
        """Every QR code in a scan or photo (the signature only: a picture of paper has no
        content digest — the reader compares the printed text with the verdict's)."""
        from . import qrread

        return [Checked(self.verify_text(t), "image") for t in qrread.texts_in_image(Path(path))]

    def verify_path(self, path: Path) -> list[Checked]:
        """A PDF (by its first bytes) or an image."""
        from . import qrread

        path = Path(path)
        if qrread.is_pdf(path):
            return self.verify_pdf_bytes(path.read_bytes())
        return self.verify_image(path)

    def verify_any(self, arg: str) -> list[Checked]:
        """A command line's argument: an existing file (PDF or image), else the QR text."""
        p = Path(arg)
        try:
            is_file = len(arg) < 1024 and p.is_file()
        except OSError:
            is_file = False
        if is_file:
            return self.verify_path(p)
        return [Checked(self.verify_text(arg), "text")]


__all__ = ["Checked", "KID_HEX", "TrustList", "TrustedKey"]
