"""Keys for sync packages: Ed25519 signing keys, age X25519 identities, fingerprints and
the public key exchange file (docs/sync-format.md §7).

Imports only the contract's errors, schemas and fs helpers (no cycle with the envelope).
Private key files are written atomically with mode 0600 in a 0700 folder (on Windows the
file is created in the user's data folder; POSIX modes are not enforced there).
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .canonical import canonical_json
from .errors import PackageError
from .fs import atomic_write
from .lazy import lazy_module
from .validation import schema_error, validator

if TYPE_CHECKING:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric import ed25519 as _ed
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
    from pyrage import x25519
else:  # imported on first use (sync_contract/lazy.py): not at the program's start
    serialization = lazy_module("cryptography.hazmat.primitives.serialization")
    _ed = lazy_module("cryptography.hazmat.primitives.asymmetric.ed25519")
    x25519 = lazy_module("pyrage.x25519")

SIGNING_FILE, AGE_FILE, DEVICE_FILE, COUNTY_FILE = (
    "signing.key", "age.key", "device.json", "county.json")


def _raw(public_key: Ed25519PublicKey | bytes) -> bytes:
    if isinstance(public_key, (bytes, bytearray)):
        return bytes(public_key)
    return public_key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)


def fingerprint(public_key: Ed25519PublicKey | bytes) -> str:
    """Lowercase hex SHA-256 of the raw 32-byte public key."""
    return hashlib.sha256(_raw(public_key)).hexdigest()


def short_fingerprint(fp: str) -> str:
    """First 16 hex digits in groups of four, for reading aloud: ``3f2a 9c01 be77 0d45``."""
    head = fp[:16]
    return " ".join(head[i:i + 4] for i in range(0, len(head), 4))


def public_key_b64(key: Ed25519PublicKey | Ed25519PrivateKey) -> str:
    if isinstance(key, _ed.Ed25519PrivateKey):
        key = key.public_key()
    return base64.b64encode(_raw(key)).decode("ascii")


def load_public_key_b64(text: str) -> Ed25519PublicKey:
    raw = base64.b64decode(text.strip(), validate=True)
    return _ed.Ed25519PublicKey.from_public_bytes(raw)


def write_secret(path: Path, data: bytes) -> None:
    """Write ``data`` atomically with mode 0600 (folder 0700)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.chmod(path.parent, 0o700)
    except OSError:  # pragma: no cover - e.g. a folder owned by someone else
        pass
    atomic_write(path, data, mode=0o600)


def save_signing_key(path: Path, key: Ed25519PrivateKey) -> None:
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                            serialization.NoEncryption())
    write_secret(path, pem)


def load_signing_key(path: Path) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(Path(path).read_bytes(), password=None)
    if not isinstance(key, _ed.Ed25519PrivateKey):
        raise ValueError(f"{path} is not an Ed25519 private key")
    return key


def save_age_identity(path: Path, identity: x25519.Identity) -> None:
    text = (f"# public key: {identity.to_public()}\n{identity}\n")
    write_secret(path, text.encode("ascii"))


def load_age_identity(path: Path) -> x25519.Identity:
    for line in Path(path).read_text(encoding="ascii").splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            return x25519.Identity.from_str(line)
    raise ValueError(f"{path}: no age identity")


@dataclass(frozen=True)
class PublicKeys:
    """The public key exchange file (``public-keys.schema.json``)."""

    role: str
    code: str
    name: str
    device_id: str
    ed25519: Ed25519PublicKey
    age_recipients: tuple[str, ...]

    @property
    def fingerprint(self) -> str:
        """The signing key's fingerprint (what a township registers at the county)."""
        return fingerprint(self.ed25519)

    @property
    def key_set_fingerprint(self) -> str:
        """SHA-256 over everything a package's safety depends on: the role, the code,
        the signing key *and* the encryption recipients (sorted). The county key file is
        checked by this one on the phone — a file whose age recipients were swapped keeps
        the signing key's fingerprint but not this one (issue #11 review)."""
        body = canonical_json({"format": "twsync-key-set", "role": self.role, "code": self.code,
                               "ed25519_public_key": public_key_b64(self.ed25519),
                               "age_recipients": sorted(self.age_recipients)})
        return hashlib.sha256(body).hexdigest()

    def to_json(self) -> dict[str, Any]:
        return {"format": "twsync-keys", "format_version": 1, "role": self.role,
                "code": self.code, "name": self.name, "device_id": self.device_id,
                "ed25519_public_key": public_key_b64(self.ed25519),
                "fingerprint": self.fingerprint, "age_recipients": list(self.age_recipients)}

    @classmethod
    def from_json(cls, doc: Any, role: str | None = None) -> PublicKeys:
        problem = schema_error(validator("public-keys.schema.json"), doc)
        if problem:
            raise PackageError("keys_invalid", problem)
        if role is not None and doc["role"] != role:
            raise PackageError("keys_invalid", f"role {doc['role']}, expected {role}")
        try:
            key = load_public_key_b64(doc["ed25519_public_key"])
            for r in doc["age_recipients"]:
                x25519.Recipient.from_str(r)
        except Exception as exc:
            raise PackageError("keys_invalid", str(exc)) from None
        if fingerprint(key) != doc["fingerprint"]:
            raise PackageError("keys_invalid", "fingerprint does not match the key")
        return cls(doc["role"], doc["code"], doc.get("name", ""), doc["device_id"], key,
                   tuple(doc["age_recipients"]))

    def write(self, path: Path) -> None:
        atomic_write(path, (json.dumps(self.to_json(), ensure_ascii=False, indent=2) + "\n")
                     .encode("utf-8"))


def read_public_keys(path: Path, role: str | None = None) -> PublicKeys:
    try:
        doc = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise PackageError("keys_invalid", f"{Path(path).name}: {exc}") from None
    return PublicKeys.from_json(doc, role)


class KeyStore:
    """This installation's keys in ``folder``: ``signing.key`` (Ed25519, PKCS#8 PEM),
    ``age.key`` (age identity), ``device.json`` (device id); plus an imported
    ``county.json`` (the county's public keys) on a township."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self._signing: Ed25519PrivateKey | None = None
        self._age: x25519.Identity | None = None
        self._device: str | None = None

    def exists(self) -> bool:
        return all((self.folder / n).exists() for n in (SIGNING_FILE, AGE_FILE, DEVICE_FILE))

    def ensure(self) -> KeyStore:
        """Generate whatever key is missing (never replaces an existing one)."""
        if not (self.folder / SIGNING_FILE).exists():
            save_signing_key(self.folder / SIGNING_FILE, _ed.Ed25519PrivateKey.generate())
        if not (self.folder / AGE_FILE).exists():
            save_age_identity(self.folder / AGE_FILE, x25519.Identity.generate())
        if not (self.folder / DEVICE_FILE).exists():
            write_secret(self.folder / DEVICE_FILE,
                         json.dumps({"device_id": str(uuid.uuid4())}).encode("ascii"))
        return self

    @property
    def signing_key(self) -> Ed25519PrivateKey:
        if self._signing is None:
            self._signing = load_signing_key(self.folder / SIGNING_FILE)
        return self._signing

    @property
    def age_identity(self) -> x25519.Identity:
        if self._age is None:
            self._age = load_age_identity(self.folder / AGE_FILE)
        return self._age

    @property
    def age_recipient(self) -> str:
        return str(self.age_identity.to_public())

    @property
    def device_id(self) -> str:
        if self._device is None:
            self._device = json.loads((self.folder / DEVICE_FILE).read_text())["device_id"]
        return self._device

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing_key.public_key())

    def public_keys(self, role: str, code: str, name: str = "") -> PublicKeys:
        return PublicKeys(role, code, name, self.device_id, self.signing_key.public_key(),
                          (self.age_recipient,))

    # -- the county's public keys (township side) ---------------------------------------
    def county(self) -> PublicKeys | None:
        path = self.folder / COUNTY_FILE
        return read_public_keys(path, "county") if path.exists() else None

    def import_county(self, source: Path) -> PublicKeys:
        keys = read_public_keys(source, "county")
        write_secret(self.folder / COUNTY_FILE,
                     (json.dumps(keys.to_json(), ensure_ascii=False, indent=2) + "\n")
                     .encode("utf-8"))
        return keys


__all__ = [
    "KeyStore", "PublicKeys", "fingerprint", "load_age_identity", "load_public_key_b64",
    "load_signing_key", "public_key_b64", "read_public_keys", "save_age_identity",
    "save_signing_key", "short_fingerprint", "write_secret",
]
