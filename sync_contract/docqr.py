"""The signed QR code of an issued document (issue 17; docs/verification.md, "Format").

A document's QR code carries a compact signed payload: a CBOR map ::

    {"v": 1, "kind": "receipt", "no": "<document number>", "date": "2026-11-24",
     "tw": "<township code>", "nm": "张*", "h": <32-byte content digest>,
     "kid": <first 8 bytes of the signer's key fingerprint>}

signed with the township's Ed25519 key (the one that signs its sync packages); the
printed text is ``"TW1:" + base45(cbor([payload_bytes, signature]))`` — the same
CBOR + base45 pair as the EU digital COVID certificate, short enough for a 22 mm code.
The signature covers ``b"TW1\\0" + payload_bytes``.

``h`` is the *content digest* (:func:`content_digest`), not the SHA-256 of the PDF file: a
file cannot contain its own hash. It is the SHA-256 over every page's content stream as
written, up to the marker line :data:`MARKER` after which the QR code itself is drawn
(confined to its box by a clip, checked by :func:`check_suffix`). A verifier recomputes it
from the PDF (:func:`pdf_content_digest`); one changed character on any page changes it.

No trust decision here beyond the signature: :func:`verify` takes the known keys and voids
from its caller (the township's own key, the county's signer list). Qt-free; cbor2,
base45 and cryptography are imported on first use.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from .lazy import lazy_module
from .messages import TEMPLATES

if TYPE_CHECKING:
    import base45
    import cbor2
    from cryptography.hazmat.primitives.asymmetric import ed25519 as _ed
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
else:  # imported on first use (sync_contract/lazy.py): not at the program's start
    cbor2 = lazy_module("cbor2")
    base45 = lazy_module("base45")
    _ed = lazy_module("cryptography.hazmat.primitives.asymmetric.ed25519")

PREFIX = "TW1:"
FORMAT = 1
_SIG_CONTEXT = b"TW1\x00"
#: the comment line in a page's content stream after which only the QR code is drawn
MARKER = b"% twqr"
#: a line in the HASHED part of a page naming the box its QR code may draw in
SLOT = b"% twqr-slot"
_DIGEST_CONTEXT = b"TWQR-CONTENT-1\x00"
KID_BYTES = 8

# Verdicts (stable codes; the Chinese text: ``VERDICT_TEXT`` / message key ``docqr.<code>``)
GENUINE, ALTERED, UNKNOWN_SIGNER, VOIDED, NOT_OURS, MALFORMED = (
    "genuine", "altered", "unknown_signer", "voided", "not_ours", "malformed")
VERDICTS = (GENUINE, ALTERED, UNKNOWN_SIGNER, VOIDED, NOT_OURS, MALFORMED)
#: verdict (and the verifier's "no code" / "unreadable file") -> its message key
#: (sync_contract/messages.py; English sources in the GUI kit)
VERDICT_MESSAGE_KEYS = {
    GENUINE: "docqr.genuine", ALTERED: "docqr.altered", UNKNOWN_SIGNER: "docqr.unknown_signer",
    VOIDED: "docqr.voided", NOT_OURS: "docqr.not_ours", MALFORMED: "docqr.malformed",
    "no_code": "docqr.no_code", "unreadable": "docqr.unreadable",
}
#: the Chinese text of each verdict
VERDICT_TEXT = {v: TEMPLATES[VERDICT_MESSAGE_KEYS[v]] for v in VERDICTS}


class DocQrError(ValueError):
    """A text that is not a readable TW1 payload; ``verdict`` is NOT_OURS or MALFORMED."""

    def __init__(self, verdict: str, detail: str) -> None:
        super().__init__(detail)
        self.verdict = verdict


@dataclass(frozen=True)
class Payload:
    kind: str
    no: str
    date: str
    tw: str
    nm: str
    h: bytes
    kid: bytes = b""
    v: int = FORMAT

    def as_map(self) -> dict[str, Any]:
        return {"v": self.v, "kind": self.kind, "no": self.no, "date": self.date,
                "tw": self.tw, "nm": self.nm, "h": self.h, "kid": self.kid}


@dataclass(frozen=True)
class Decoded:
    """A parsed TW1 text: its payload, the signed bytes and the signature."""

    payload: Payload
    signed: bytes
    signature: bytes

    @property
    def kid(self) -> str:
        return self.payload.kid.hex()


@dataclass(frozen=True)
class Verdict:
    status: str
    payload: Payload | None = None
    detail: str = ""  # for logs/tests (English, no personal data)

    @property
    def genuine(self) -> bool:
        return self.status == GENUINE

    @property
    def key(self) -> str:
        """The message key of the verdict (``docqr.genuine`` …)."""
        return VERDICT_MESSAGE_KEYS[self.status]

    @property
    def text(self) -> str:
        return VERDICT_TEXT[self.status]


# -- keys ------------------------------------------------------------------------------
def _raw_public(key: Ed25519PublicKey | Ed25519PrivateKey | bytes | str) -> bytes:
    if isinstance(key, str):  # base64 as in the key exchange files
        import base64

        return base64.b64decode(key)
    if isinstance(key, (bytes, bytearray)):
        return bytes(key)
    from cryptography.hazmat.primitives import serialization

    if isinstance(key, _ed.Ed25519PrivateKey):
        key = key.public_key()
    return key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def key_id(key: Ed25519PublicKey | Ed25519PrivateKey | bytes | str) -> str:
    """The short key id carried in a payload: the first 16 hex digits of the key's
    fingerprint (SHA-256 of the raw public key) — the digits read aloud at registration."""
    return hashlib.sha256(_raw_public(key)).hexdigest()[:2 * KID_BYTES]


def mask_name(name: str) -> str:
    """张三 -> 张*, 欧阳娜娜 -> 欧***: the first character only (the QR is readable by anyone)."""
    name = (name or "").strip()
    return name[:1] + "*" * (len(name) - 1) if name else ""


# -- encode / decode / verify ----------------------------------------------------------
def encode(payload: Payload, signing_key: Ed25519PrivateKey) -> str:
    """The QR text of ``payload`` signed with ``signing_key`` (its ``kid`` is set from the
    key). Deterministic: the same payload and key give the same text (Ed25519)."""
    kid = bytes.fromhex(key_id(signing_key))
    body = cbor2.dumps({**payload.as_map(), "kid": kid}, canonical=True)
    sig = signing_key.sign(_SIG_CONTEXT + body)
    return PREFIX + base45.b45encode(cbor2.dumps([body, sig])).decode("ascii")


def _need(m: Mapping[Any, Any], name: str, kind: type) -> Any:
    value = m.get(name)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise DocQrError(MALFORMED, f"field {name!r} missing or of the wrong type")
    return value


def decode(text: str) -> Decoded:
    """Parse a QR text (no trust decision); raises :class:`DocQrError` (NOT_OURS when it
    is not a TW1 code at all, MALFORMED when it is one but cannot be read)."""
    text = (text or "").strip()
    if not text.upper().startswith(PREFIX):
        raise DocQrError(NOT_OURS, "no TW1 prefix")
    try:
        raw = base45.b45decode(text[len(PREFIX):].upper())
        outer = cbor2.loads(raw)
    except Exception as exc:  # base45/cbor2 raise several types for broken input
        raise DocQrError(MALFORMED, f"not base45/CBOR ({type(exc).__name__})") from None
    if (not isinstance(outer, list) or len(outer) != 2
            or not all(isinstance(x, bytes) for x in outer) or len(outer[1]) != 64):
        raise DocQrError(MALFORMED, "not [payload, signature]")
    body, sig = outer
    try:
        m = cbor2.loads(body)
    except Exception as exc:
        raise DocQrError(MALFORMED, f"payload not CBOR ({type(exc).__name__})") from None
    if not isinstance(m, dict):
        raise DocQrError(MALFORMED, "payload not a map")
    v = _need(m, "v", int)
    if v != FORMAT:
        raise DocQrError(MALFORMED, f"unknown payload version {v}")
    payload = Payload(kind=_need(m, "kind", str), no=_need(m, "no", str),
                      date=_need(m, "date", str), tw=_need(m, "tw", str),
                      nm=_need(m, "nm", str), h=_need(m, "h", bytes),
                      kid=_need(m, "kid", bytes), v=v)
    if len(payload.h) != 32 or len(payload.kid) != KID_BYTES:
        raise DocQrError(MALFORMED, "digest or key id of the wrong length")
    return Decoded(payload, body, sig)


def verify(text: str, keys: Mapping[str, Ed25519PublicKey | bytes | str], *,
           voided: Collection[tuple[str, str]] | Callable[[Payload], bool] = (),
           content_digest: bytes | None = None) -> Verdict:
    """The verdict on a QR text.

    ``keys``: short key id (:func:`key_id`) -> public key of every signer the caller trusts.
    ``voided``: (township code, document number) pairs known voided, or a predicate.
    ``content_digest``: the digest recomputed from the PDF (:func:`pdf_content_digest`);
    ``None`` for a scan of paper, where only the signature can be checked.
    Order: unreadable → not ours / malformed; unknown key → unknown signer; bad signature
    or digest → altered; voided → voided; else genuine.
    """
    try:
        dec = decode(text)
    except DocQrError as exc:
        return Verdict(exc.verdict, None, str(exc))
    p = dec.payload
    key = keys.get(dec.kid)
    if key is None:
        return Verdict(UNKNOWN_SIGNER, p, f"key id {dec.kid} not known")
    try:
        pub = _ed.Ed25519PublicKey.from_public_bytes(_raw_public(key))
        pub.verify(dec.signature, _SIG_CONTEXT + dec.signed)
    except Exception:  # InvalidSignature, or a broken key in the caller's list
        return Verdict(ALTERED, p, "signature does not verify")
    if content_digest is not None and content_digest != p.h:
        return Verdict(ALTERED, p, "content digest differs")
    is_void = voided(p) if callable(voided) else (p.tw, p.no) in voided
    if is_void:
        return Verdict(VOIDED, p, "voided")
    return Verdict(GENUINE, p, "")


# -- the content digest ------------------------------------------------------------------
def content_digest(prefixes: Iterable[bytes]) -> bytes:
    """SHA-256 over every page's content up to the marker (length-framed, in page order)."""
    h = hashlib.sha256(_DIGEST_CONTEXT)
    for part in prefixes:
        h.update(len(part).to_bytes(8, "big"))
        h.update(part)
    return h.digest()


def split_stream(stream: bytes) -> tuple[bytes, bytes]:
    """(hashed part, QR part) of a decompressed page stream: split before the LAST marker
    line (everything before it is hashed, so a second marker cannot hide anything); a page
    without a marker is hashed whole."""
    at = stream.rfind(b"\n" + MARKER + b"\n")
    if at < 0:
        return stream, b""
    return stream[:at + 1], stream[at + 1:]


_NUM = re.compile(rb"^-?(\d+\.?\d*|\.\d+)$")
#: operators a QR drawing uses (inside its clipped box): no text, images or XObjects
_QR_OPS = {b"re", b"f", b"g", b"rg", b"cm"}


def slot_line(x: float, y: float, side: float) -> str:
    """The hashed line declaring a QR box (written before the marker)."""
    return f"{SLOT.decode()} {_fmt(x)} {_fmt(y)} {_fmt(side)} {_fmt(side)}"


def slot_boxes(head: bytes) -> set[tuple[bytes, ...]]:
    """The QR boxes declared in the hashed part of a page."""
    return {tuple(m.groups()) for m in re.finditer(
        rb"^% twqr-slot (\S+) (\S+) (\S+) (\S+)$", head, re.MULTILINE)}


def check_suffix(suffix: bytes, boxes: Collection[tuple[bytes, ...]]) -> bool:
    """Whether what follows the marker is only QR drawings, each confined by a clip to a
    box declared in the hashed part (``boxes``, :func:`slot_boxes`):
    ``q x y w h re W n … Q`` with rectangles and fills inside, and nothing else."""
    lines = suffix.split(b"\n", 1)
    if lines[0] != MARKER:
        return False
    tokens = (lines[1] if len(lines) > 1 else b"").split()
    i, n = 0, len(tokens)
    while i < n:
        head = tokens[i:i + 8]
        if (len(head) < 8 or head[0] != b"q" or head[5:8] != [b"re", b"W", b"n"]
                or tuple(head[1:5]) not in boxes):
            return False
        i += 8
        operands = 0
        while i < n and tokens[i] != b"Q":
            t = tokens[i]
            if _NUM.match(t):
                operands += 1
            elif t in _QR_OPS:
                operands = 0
            else:
                return False
            i += 1
        if i >= n or operands:
            return False
        i += 1  # the group's Q
    return True


def qr_matrix(text: str) -> list[list[bool]]:
    """The modules of ``text``'s QR code (error correction M), True = dark; zxing-cpp's
    encoder (fast), ReportLab's where zxing-cpp has no writer."""
    try:
        import zxingcpp

        code = zxingcpp.create_barcode(text, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
        view = memoryview(code.to_image(scale=1, add_quiet_zones=False))  # type: ignore[arg-type]
        rows, cols = view.shape or (0, 0)
        data = view.tobytes()
        return [[data[r * cols + c] < 128 for c in range(cols)] for r in range(rows)]
    except (ImportError, AttributeError):
        from reportlab.graphics.barcode import qrencoder

        q = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        q.addData(text)
        q.make()
        count = q.getModuleCount()
        return [[bool(q.isDark(r, c)) for c in range(count)] for r in range(count)]


def _fmt(x: float) -> str:
    s = f"{x:.4f}".rstrip("0").rstrip(".")
    return s if s not in ("", "-0") else "0"


def qr_ops(text: str, x: float, y: float, side: float) -> str:
    """PDF operators drawing ``text``'s QR code in the square (x, y, side) — bottom-left
    corner in page coordinates — clipped to it, with a quiet zone of two modules:
    one ``q … Q`` group that :func:`check_suffix` accepts."""
    m = qr_matrix(text)
    count = len(m)
    quiet = 2
    unit = side / (count + 2 * quiet)
    out = [f"q {_fmt(x)} {_fmt(y)} {_fmt(side)} {_fmt(side)} re W n",
           f"1 g {_fmt(x)} {_fmt(y)} {_fmt(side)} {_fmt(side)} re f",
           f"{_fmt(unit)} 0 0 {_fmt(unit)} {_fmt(x)} {_fmt(y)} cm 0 g"]
    for r, row in enumerate(m):
        yy = count + quiet - 1 - r  # row 0 at the top
        c = 0
        while c < count:
            if row[c]:
                start = c
                while c < count and row[c]:
                    c += 1
                out.append(f"{start + quiet} {yy} {c - start} 1 re")
            else:
                c += 1
    out.append("f Q")
    return "\n".join(out)


# -- reading a PDF -----------------------------------------------------------------------
@dataclass(frozen=True)
class PdfContent:
    digest: bytes
    intact: bool  # every QR part is only clipped QR drawings, no annotations added
    marked_pages: int


def pdf_content_digest(pdf: bytes) -> PdfContent:
    """Recompute the content digest of a PDF (pypdf, decompressing each page's content);
    raises ``ValueError`` for a file that is not a readable PDF."""
    import io

    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(pdf), strict=False)
        pages = list(reader.pages)
    except Exception as exc:  # pypdf raises many types for a broken file
        raise ValueError(f"not a readable PDF ({type(exc).__name__})") from None
    prefixes, intact, marked = [], True, 0
    for page in pages:
        try:
            contents = page.get_contents()
            stream = contents.get_data() if contents is not None else b""
            annotated = bool(page.get("/Annots"))  # something laid over the page after issue
        except Exception:  # a damaged stream (a changed byte in compressed data)
            prefixes.append(b"")
            intact = False
            continue
        head, tail = split_stream(stream)
        prefixes.append(head)
        if tail:
            marked += 1
            intact = intact and check_suffix(tail, slot_boxes(head))
        intact = intact and not annotated
    return PdfContent(content_digest(prefixes), intact, marked)


__all__ = [
    "ALTERED", "GENUINE", "MALFORMED", "MARKER", "NOT_OURS", "PREFIX", "UNKNOWN_SIGNER",
    "VERDICTS", "VERDICT_MESSAGE_KEYS", "VERDICT_TEXT", "VOIDED", "DocQrError", "Decoded", "Payload", "PdfContent",
    "Verdict", "check_suffix", "content_digest", "decode", "encode", "key_id", "mask_name",
    "pdf_content_digest", "qr_matrix", "qr_ops", "slot_boxes", "slot_line", "split_stream",
    "verify",
]
