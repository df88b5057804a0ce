"""Read PDFs with poppler-utils (pdftotext, pdffonts, pdfinfo) in printing tests."""

from __future__ import annotations

import contextlib
import re
import shutil
import subprocess
from pathlib import Path

import pytest

POPPLER = all(shutil.which(tool) for tool in ("pdftotext", "pdffonts", "pdfinfo"))
requires_poppler = pytest.mark.skipif(not POPPLER, reason="poppler-utils not installed")


def _run(tool: str, pdf: bytes, *args: str, tmp: Path) -> str:
    path = tmp / "doc.pdf"
    path.write_bytes(pdf)
    done = subprocess.run([tool, *args, str(path), *(["-"] if tool == "pdftotext" else [])],
                          capture_output=True, text=True, encoding="utf-8", timeout=60, check=True)
    return done.stdout


class Poppler:
    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp

    def text(self, pdf: bytes, *args: str) -> str:
        return _run("pdftotext", pdf, *args, tmp=self.tmp)

    def fonts(self, pdf: bytes) -> list[dict[str, str]]:
        """Rows of ``pdffonts``: name, type, emb, sub, uni."""
        lines = _run("pdffonts", pdf, tmp=self.tmp).splitlines()[2:]
        rows = []
        for line in lines:
            parts = line.split()
            # name type... encoding emb sub uni object-id gen
            rows.append({"name": parts[0], "emb": parts[-5], "sub": parts[-4], "uni": parts[-3]})
        return rows

    def info(self, pdf: bytes) -> dict[str, str]:
        out = _run("pdfinfo", pdf, tmp=self.tmp)
        pairs = (line.partition(":") for line in out.splitlines())
        return {k.strip(): v.strip() for k, _, v in pairs}

    def words(self, pdf: bytes) -> tuple[list[tuple[float, float]], list[tuple]]:
        """Page sizes and every word with its box and page number (``pdftotext -bbox``)."""
        html = self.text(pdf, "-bbox")
        pages, words = [], []
        for n, page in enumerate(re.split(r"<page ", html)[1:]):
            w, h = re.match(r'width="([\d.]+)" height="([\d.]+)"', page).groups()
            pages.append((float(w), float(h)))
            for m in re.finditer(r'<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" '
                                 r'yMax="([\d.-]+)">(.*?)</word>', page):
                x0, y0, x1, y1 = map(float, m.groups()[:4])
                words.append((m.group(5), x0, y0, x1, y1, n))
        return pages, words


def squash(text: str) -> str:
    """Text without any whitespace (pdftotext may split or join lines and cells)."""
    return re.sub(r"\s+", "", text)


# -- issue 17: signed documents ---------------------------------------------------------
_TEST_KEY = None


def test_signing_key():
    """One Ed25519 key for the whole test run (a township's document key)."""
    global _TEST_KEY
    if _TEST_KEY is None:
        from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

        _TEST_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
    return _TEST_KEY


@contextlib.contextmanager
def signed_by_default():
    """``render_document`` without ``signing_key`` signs with :func:`test_signing_key`
    (tests that look at issued documents, not previews)."""
    import pytest

    from desktop_app.printing import layout

    real = layout.render

    def render(template, data, signing_key=None):
        return real(template, data, signing_key if signing_key is not None else test_signing_key())

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(layout, "render", render)
        yield
