"""Load what the first save needs before the clerk presses the button.

The first decision of a session otherwise pays for importing pypinyin (~0.5 s),
ReportLab and parsing the CJK fonts (~0.5 s). Two steps, both off the GUI thread:

* :func:`warm_up_login` (pypinyin) while the clerk types the password;
* :func:`warm_up_printing` (ReportLab, the fonts, one receipt rendered) once the main
  window is usable — *after* the login, whose scrypt hash takes 32 MiB for a moment:
  loading the fonts (~60 MB) during the typing put both in memory at once and the
  peak at 258 MB (DESIGN §8: ≤ 200 MB). :data:`printing_ready` is set when done.
  Then the heap built so far — the program's modules, SQLAlchemy's mappers, ReportLab's
  fonts, ~190,000 objects that live as long as the process — is moved out of the cyclic
  garbage collector's sight (``gc.freeze``): a full collection walked all of them, ~0.1 s
  that landed inside one save in twenty (the save's p95, DESIGN §8: ≤ 150 ms).

:func:`warm_up` does both (scripts, the save benchmark).
"""

from __future__ import annotations

import gc
import threading

#: Set once :func:`warm_up_printing` has run (whether or not it succeeded).
printing_ready = threading.Event()


def warm_up_login() -> None:
    from .rules import pinyin

    pinyin.initials("张三")


def warm_up_printing() -> None:
    try:
        from .. import printing

        printing.warm_up()
        # Render once so ReportLab's lazily built tables and the font subsets are ready.
        # issue 17: signed, with a throwaway key, so the signing path (cryptography, cbor2,
        # base45, the QR encoder) is loaded too and the first real save does not pay for it
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        from ..printing.samples import sample

        printing.render_document("receipt", sample("receipt"),
                                 signing_key=Ed25519PrivateKey.generate())
        freeze_heap()
    finally:
        printing_ready.set()


def freeze_heap() -> None:
    """Collect once, then keep every surviving object out of later collections (objects
    freed by reference counting are still freed; only cycles among them would stay)."""
    gc.collect()
    gc.freeze()


def warm_up() -> None:
    warm_up_login()
    warm_up_printing()
