"""Fixtures for printing tests: poppler wrapper, every kind rendered once."""

from __future__ import annotations

import pytest

from tests.helpers.printing import POPPLER, Poppler, signed_by_default


@pytest.fixture(scope="module", autouse=True)
def _issued_documents():
    """Printing tests look at issued documents: rendered with a (test) township key, so
    signed templates carry their QR code instead of the preview's 无效 (tests/qr/ checks
    the preview). Module scope: a session-wide default key outlived this folder and
    turned every later preview (tests/qr, run after it) into a signed document."""
    with signed_by_default():
        yield


@pytest.fixture(scope="session")
def poppler(tmp_path_factory) -> Poppler:
    if not POPPLER:
        pytest.skip("poppler-utils not installed")
    return Poppler(tmp_path_factory.mktemp("pdf"))


@pytest.fixture(scope="session")
def rendered() -> dict[str, bytes]:
    """Every document kind rendered once from the sample data."""
    from desktop_app.printing import DOCUMENT_KINDS, render_document
    from desktop_app.printing.samples import sample

    return {kind: render_document(kind, sample(kind)) for kind in DOCUMENT_KINDS}
