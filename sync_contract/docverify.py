"""The verifier of document QR codes with a trust list (issue 17): which keys sign for
which township and until when, and which documents are voided — the one rule shared by
the township's verifier (its own key + the county's ``signer`` / ``voided_document``
lists, sync format 5) and the county's (every registered key, every void it received).

The signature, payload and content digest are :mod:`sync_contract.docqr`'s; reading codes
from files is :mod:`sync_contract.qrread`'s. Qt-free.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .docqr import Payload, Verdict

#: The kid of a key: the first 16 hex digits of its fingerprint (``docqr.key_id``).
KID_HEX = 16

#: a file's status when it holds no QR code at all (a preview, a draft) — not a docqr
#: verdict: there is no text to judge (message key ``docqr.no_code``)
NO_CODE = "no_code"
#: a file that is neither a readable image nor a readable PDF (``docqr.unreadable``)
UNREADABLE = "unreadable"

#: worst first: the verdict that counts when a file holds several codes
SEVERITY = ("altered", "malformed", "unknown_signer", "voided", "not_ours", "genuine")


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


def worst_first(checked: Iterable[Checked]) -> list[Checked]:
    """The codes of one file, the one that counts first: the worst verdict of the
    document's own codes (a genuine copy beside an altered one is not genuine), then any
    other QR code found on the paper (``not_ours``, which never outweighs ours). Several
    of our codes must name one document: all genuine but for different documents (or
    different contents) gives ``altered``."""
    from . import docqr

    items = list(checked)
    ours = [c for c in items if c.status != docqr.NOT_OURS]
    rank = {s: i for i, s in enumerate(SEVERITY)}
    ordered = sorted(ours, key=lambda c: rank.get(c.status, 0)) + [
        c for c in items if c.status == docqr.NOT_OURS]
    docs = {(c.verdict.payload.tw, c.verdict.payload.no, c.verdict.payload.h)
            for c in ours if c.verdict.payload is not None}
    if ordered and len(docs) > 1 and ordered[0].status == docqr.GENUINE:
        first = ordered[0]
        ordered[0] = Checked(docqr.Verdict(docqr.ALTERED, first.verdict.payload,
                                           "codes of different documents"), first.source)
    return ordered


@dataclass(frozen=True)
class FileCheck:
    """The verdict on one file: ``status`` is the verdict that counts (a docqr verdict),
    or :data:`NO_CODE` / :data:`UNREADABLE`; ``checked`` every code, worst first."""

    status: str
    checked: tuple[Checked, ...] = ()

    @property
    def verdict(self) -> Verdict | None:
        return self.checked[0].verdict if self.checked else None

    @property
    def payload(self) -> Payload | None:
        return self.verdict.payload if self.verdict else None

    @property
    def codes(self) -> int:
        return len(self.checked)


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

    def check_file(self, path: Path | str) -> FileCheck:
        """A file's verdict (never raises for a bad file): :data:`UNREADABLE` for a
        missing or unreadable file, :data:`NO_CODE` when it holds no QR code, else the
        worst verdict of its codes (:func:`worst_first`)."""
        try:
            checked = self.verify_path(Path(path))
        except (OSError, ValueError):
            return FileCheck(UNREADABLE)
        if not checked:
            return FileCheck(NO_CODE)
        ordered = worst_first(checked)
        return FileCheck(ordered[0].status, tuple(ordered))

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


__all__ = ["NO_CODE", "SEVERITY", "UNREADABLE", "Checked", "FileCheck", "KID_HEX", "TrustList",
           "TrustedKey", "worst_first"]
