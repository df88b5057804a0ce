"""验证文书: the township's verifier of document QR codes (issue 17; docs/verification.md,
"Surfaces").

Whom the township trusts:

* its own document-signing key (the Ed25519 key of ``keys/`` that signs its sync
  packages and its documents' QR codes) — always, for its own township code;
* the keys the county sent in return packages (county-return ``signer``, sync format 5;
  table ``trusted_signer``) — for the township each names, up to its ``valid_to``;

and which documents are voided: its own (``document.voided``) and those the county sent
(county-return ``voided_document``; table ``known_void``).

A verdict is one of genuine / altered / unknown signer / voided / not ours / malformed
(:mod:`sync_contract.docqr`). A PDF is checked against its content digest (one changed
character: altered); a scan or photo by its signature only. Read only: nothing written,
nothing personal logged (the masked name of the QR is shown, never stored).

The import of a return package stores the two lists with :func:`store_signer` and
:func:`store_void` inside its transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from sync_contract.docverify import NO_CODE, UNREADABLE, Checked, TrustedKey, TrustList
from sync_contract.keys import fingerprint, load_public_key_b64, public_key_b64

from ..errors import ValidationError, ValidationErrors
from ..models import Document, KnownVoid, ListDocument, Township, TrustedSigner, utcnow
from .context import ServiceContext


@dataclass(frozen=True)
class Finding:
    """One QR code checked, for the screen and the command line (no personal data but
    the QR's own masked name)."""

    status: str          # docqr verdict code
    text: str            # the verdict in Chinese
    kind: str = ""       # the document kind named in the code ("" = unreadable)
    number: str = ""
    date: str = ""
    township: str = ""
    masked_name: str = ""
    source: str = ""     # "text" | "image" | "pdf"

    @property
    def genuine(self) -> bool:
        return self.status == "genuine"

    def line(self) -> str:
        """One line: the verdict, then what the code says (the reader compares it with
        the paper)."""
        if not self.number:
            return self.text
        return (f"{self.text}｜文书编号 {self.number}｜种类 {self.kind}｜日期 {self.date}"
                f"｜乡镇 {self.township}｜姓名 {self.masked_name}")


@dataclass(frozen=True)
class VerifyReport:
    """Every code found, the one that counts first (``docverify.worst_first``); ``status``
    is its verdict, or ``no_code`` when none was found."""

    findings: tuple[Finding, ...]
    status: str = NO_CODE

    @property
    def found(self) -> bool:
        return bool(self.findings)

    @property
    def all_genuine(self) -> bool:
        """The file is genuine: the verdict that counts is (several codes of one file
        must all be genuine and name one document)."""
        return self.status == "genuine"


def _finding(c: Checked) -> Finding:
    v, p = c.verdict, c.verdict.payload
    if p is None:
        return Finding(v.status, v.text, source=c.source)
    return Finding(v.status, v.text, p.kind, p.no, p.date, p.tw, p.nm, c.source)


class VerificationService:
    """Verifies QR codes with the township's trust list (read only)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def _own_key(self) -> str | None:
        from sync_contract.keys import KeyStore

        ks = KeyStore(self.ctx.db.data_dir / "keys")
        if not ks.exists():
            return None
        try:
            return public_key_b64(ks.signing_key)
        except (OSError, ValueError):
            return None

    def trust_list(self) -> TrustList:
        """What this township trusts now (its own key, the county's lists, every void)."""
        out = TrustList()
        with self.ctx.db.read() as s:
            code = s.scalar(select(Township.code)) or ""
            for row in s.scalars(select(TrustedSigner).order_by(TrustedSigner.id)):
                out.add_key(TrustedKey(row.township_code, row.public_key, row.fingerprint,
                                       row.valid_to))
            own = self._own_key()
            if own is not None and code:
                fp = fingerprint(load_public_key_b64(own))
                out.keys[fp[:16]] = TrustedKey(code, own, fp, None)
            out.voided = {(c, n) for c, n in s.execute(
                select(KnownVoid.township_code, KnownVoid.number))}
            if code:
                for number in s.scalars(select(Document.number).where(Document.voided.is_(True))):
                    out.voided.add((code, number))
                if hasattr(ListDocument, "voided"):
                    for number in s.scalars(select(ListDocument.number).where(
                            ListDocument.voided.is_(True))):
                        out.voided.add((code, number))
        return out

    def verify_text(self, text: str) -> VerifyReport:
        """The QR text as read by a hand scanner (or typed)."""
        text = (text or "").strip()
        if not text:
            raise ValidationErrors([ValidationError("qr_text", "required",
                                                    key="verify.text_required")])
        verdict = self.trust_list().verify_text(text)
        return VerifyReport((_finding(Checked(verdict, "text")),), verdict.status)

    def verify_file(self, path: Path) -> VerifyReport:
        """A PDF (checked against its content) or a scan/photo (its signature)."""
        path = Path(path)
        if not path.is_file():
            raise ValidationErrors([ValidationError("file", "missing",
                                                    key="verify.file_missing")])
        result = self.trust_list().check_file(path)
        if result.status == UNREADABLE:
            raise ValidationErrors([ValidationError("file", "unreadable",
                                                    key="verify.file_unreadable")])
        return VerifyReport(tuple(_finding(c) for c in result.checked), result.status)

    def verify_any(self, arg: str) -> VerifyReport:
        """The command line's argument: a file if one exists by that name, else the text."""
        try:
            is_file = len(arg) < 1024 and Path(arg).is_file()
        except OSError:
            is_file = False
        return self.verify_file(Path(arg)) if is_file else self.verify_text(arg)

    def counts(self) -> tuple[int, int]:
        """(keys the county sent, voids the county sent) — for the dialog's footer."""
        from sqlalchemy import func

        with self.ctx.db.read() as s:
            return (s.scalar(select(func.count()).select_from(TrustedSigner)) or 0,
                    s.scalar(select(func.count()).select_from(KnownVoid)) or 0)


# -- the import of a return package (format 5) -------------------------------------------
def store_signer(s: Session, rec: dict[str, Any], return_seq: int) -> str:
    """Store one ``signer`` record of a verified return package (inside the import's
    transaction): a new fingerprint is added, a known one updated. The key must match its
    fingerprint (``ValueError`` otherwise: the caller refuses the package). Returns
    "new", "updated" or "same"."""
    try:
        key = load_public_key_b64(rec["public_key"])
    except Exception:
        raise ValueError("public_key is not an Ed25519 key") from None
    if fingerprint(key) != rec["fingerprint"]:
        raise ValueError("fingerprint does not match public_key")
    values = {"township_code": rec["township_code"], "name": rec["name"],
              "public_key": rec["public_key"],
              "valid_from": date.fromisoformat(rec["valid_from"]),
              "valid_to": date.fromisoformat(rec["valid_to"]) if rec["valid_to"] else None}
    row = s.scalar(select(TrustedSigner).where(TrustedSigner.fingerprint == rec["fingerprint"]))
    if row is None:
        s.add(TrustedSigner(fingerprint=rec["fingerprint"], return_seq=return_seq, **values))
        return "new"
    if all(getattr(row, k) == v for k, v in values.items()):
        return "same"
    for k, v in values.items():
        setattr(row, k, v)
    row.return_seq, row.received_at = return_seq, utcnow()
    return "updated"


def store_void(s: Session, rec: dict[str, Any], return_seq: int) -> str:
    """Store one ``voided_document`` record (a void is never undone: a known one keeps
    its first day). Returns "new" or "same"."""
    row = s.scalar(select(KnownVoid).where(KnownVoid.township_code == rec["township_code"],
                                           KnownVoid.number == rec["number"]))
    if row is not None:
        return "same"
    s.add(KnownVoid(township_code=rec["township_code"], number=rec["number"],
                    kind=rec["kind"], voided_on=date.fromisoformat(rec["voided_on"]),
                    return_seq=return_seq))
    return "new"


__all__ = ["Finding", "VerificationService", "VerifyReport", "store_signer", "store_void"]
