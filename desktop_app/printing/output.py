"""PDF files written where the user chose (print to file, save a copy as…): atomic, in
the one fault vocabulary (issue #11).

A full USB stick, a write-protected card, a folder that vanished: one Chinese sentence
naming the folder (:class:`~sync_contract.faults.FileFault`), and nothing under the
final name — the file is written under a temporary name next to it, fsync'd and renamed
(:func:`sync_contract.fs.atomic_write`), the temporary removed on any failure.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from sync_contract.faults import fault
from sync_contract.fs import atomic_writer


def write_pdf(target: Path | str, data: bytes, *, action: str = "print_to_file") -> Path:
    """Write the PDF bytes ``data`` to ``target`` atomically; raises ``FileFault``."""
    target = Path(target)
    try:
        with atomic_writer(target) as fh:
            fh.write(data)
    except OSError as exc:
        raise fault(exc, target.parent, action) from None
    return target


def copy_pdf(source: Path | str, target: Path | str, *, action: str = "save_pdf") -> Path:
    """Copy a saved PDF to ``target`` atomically; raises ``FileFault`` (a source that
    cannot be read names the source's folder)."""
    source, target = Path(source), Path(target)
    try:
        src = open(source, "rb")  # noqa: SIM115 - closed by the with below
    except OSError as exc:
        raise fault(exc, source.parent, action) from None
    try:
        with src, atomic_writer(target) as fh:
            shutil.copyfileobj(src, fh, 1 << 20)
    except OSError as exc:
        raise fault(exc, target.parent, action) from None
    return target


__all__ = ["copy_pdf", "write_pdf"]
