"""The key that signs the QR code of every issued document (issue 17): the township's
Ed25519 device key, the one that signs its sync packages (``<data>/keys/signing.key``,
:class:`sync_contract.keys.KeyStore`), created on first use like the sync keys.

Every issuing path passes ``signing_key=document_key(ctx)`` to
:func:`desktop_app.printing.render_document`; without it a signed template renders as a
preview (无效, no code). Re-rendering an issued document with the same key gives the same
bytes: Ed25519 signatures are deterministic.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import TYPE_CHECKING

from sync_contract.keys import KeyStore

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from .context import ServiceContext

_lock = threading.Lock()
_cache: dict[tuple[Path, int], Ed25519PrivateKey] = {}


def key_folder(ctx: ServiceContext) -> Path:
    return ctx.db.data_dir / "keys"


def document_key(ctx: ServiceContext) -> Ed25519PrivateKey:
    """The township's signing key (generated if the installation has none yet)."""
    folder = key_folder(ctx)
    path = folder / "signing.key"
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        stamp = -1
    with _lock:
        key = _cache.get((folder, stamp))
        if key is None:
            store = KeyStore(folder).ensure()
            key = store.signing_key
            _cache.clear()
            _cache[(folder, path.stat().st_mtime_ns)] = key
        return key


__all__ = ["document_key", "key_folder"]
