"""Issue 14 item 9: every name prints.

Names with characters of CJK Extension B..H (only in the bundled BabelStone Han) are
accepted, found by search, and printed with the same code points in the PDF's text
layer and the fallback font embedded. A character no bundled font has is still
registered: kept in the record, printed as □ with a note to write it in by hand.
"""

from __future__ import annotations

import subprocess

import pytest

from desktop_app.printing import fonts
from tests.helpers.drafts import draft

RARE = {
    "U+2A6A5": "\U0002a6a5",  # 𪚥 Ext-B (not in AR PL UMing)
    "U+2B5AE": "\U0002b5ae",  # 𫖮 Ext-C
    "U+2CC56": "\U0002cc56",  # 𬱖 Ext-E
    "U+30000": "\U00030000",  # 𰀀 Ext-G (plane 3)
}
NO_FONT = "\U0002ebf0"  # CJK Ext-I (Unicode 15.1): in no bundled font


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", str(path), "-"], check=True, capture_output=True,
                          text=True, encoding="utf-8").stdout


def pdf_fonts(path) -> list[tuple[str, str]]:
    """``(font name without the subset tag, emb)`` for every font of the PDF."""
    lines = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                           text=True).stdout.splitlines()[2:]
    return [(line.split()[0].partition("+")[2] or line.split()[0], line.split()[-5])
            for line in lines]


def test_preconditions_only_the_fallback_font_has_them():
    cov = fonts.coverage()
    for ch in RARE.values():
        assert ord(ch) not in cov[fonts.BODY_FONT] and ord(ch) not in cov[fonts.HEADING_FONT]
        assert ord(ch) in cov[fonts.FALLBACK_FONT]
    assert not any(ord(NO_FONT) in c for c in cov.values())


@pytest.mark.parametrize("code", list(RARE))
def test_rare_name_is_accepted_found_and_printed(services, township, code):
    ch = RARE[code]
    name = f"王{ch}明"
    result = services.intake.decide(draft(services, name=name), "accept", township)
    assert result.status == "accepted"
    assert services.queries.detail(result.application_id).row.name == name
    assert [r.id for r in services.queries.search(name)] == [result.application_id]
    assert [r.id for r in services.queries.search(f"王{ch}")] == [result.application_id]  # prefix
    receipt = result.documents[0]
    text = pdf_text(receipt.path)
    assert name in text  # the same code points back from the text layer (ToUnicode)
    assert [c for c in text if ord(c) > 0xFFFF] == [ch] * text.count(ch)
    assert fonts.MISSING_MARK not in text and "手写补正" not in text
    embedded = dict(pdf_fonts(receipt.path))
    assert embedded.get(fonts.FALLBACK_FONT) == "yes", embedded
    assert all(emb == "yes" for emb in embedded.values())


def test_name_with_a_character_no_font_has_is_registered_and_marked(services, township):
    name = f"李{NO_FONT}"
    result = services.intake.decide(draft(services, name=name), "accept", township)
    assert result.status == "accepted"
    assert services.queries.detail(result.application_id).row.name == name  # kept
    assert [r.id for r in services.queries.search(name)] == [result.application_id]
    text = pdf_text(result.documents[0].path)
    assert f"李{fonts.MISSING_MARK}" in text and NO_FONT not in text
    assert fonts.MISSING_NOTE in text.replace("\n", "")
    # the household forms print the name too: each of them carries the note
    for doc in result.documents:
        pages = pdf_text(doc.path).split("\f")[:-1]
        if any(fonts.MISSING_MARK in page for page in pages):
            assert all(fonts.MISSING_NOTE in page.replace("\n", "") for page in pages), doc.kind


def test_ordinary_documents_carry_no_note(services, township):
    result = services.intake.decide(draft(services, name="张三"), "accept", township)
    for doc in result.documents:
        assert "手写补正" not in pdf_text(doc.path), doc.kind


@pytest.mark.slow  # a fresh interpreter: ReportLab, three renders, the 51 MB font (~4 s)
def test_the_big_font_is_loaded_only_when_needed_and_mapped_not_read():
    """BabelStone Han (51 MB) is not loaded by ReportLab for ordinary text; when a name
    needs it, it is memory-mapped: the peak memory grows by far less than the file
    (reading it as bytes, as ReportLab does by itself, added ~126 MB)."""
    code = (
        "import re\n"
        "def hwm():\n"
        "    status = open('/proc/self/status').read()\n"
        "    return int(re.search(r'VmHWM:\\s+(\\d+)', status).group(1)) // 1024\n"
        "from desktop_app.printing import render_document, fonts, warm_up\n"
        "from desktop_app.printing.samples import sample\n"
        "warm_up()\n"
        "render_document('receipt', sample('receipt'))\n"
        "assert not fonts.is_registered(fonts.FALLBACK_FONT)\n"
        "before = hwm()\n"
        "d = sample('receipt'); d['applicant']['name'] = '王\\U0002a6a5'\n"
        "render_document('receipt', d)\n"
        "render_document('receipt', d)\n"
        "assert fonts.is_registered(fonts.FALLBACK_FONT)\n"
        "print(hwm() - before)\n")
    import sys

    done = subprocess.run([sys.executable, "-c", code], check=True, timeout=120,
                          capture_output=True, text=True)
    grown = int(done.stdout.split()[-1])
    assert grown < 64, f"printing a rare name raised the peak memory by {grown} MB"
