"""The bundled fonts are mapped, not read into memory, and their glyph table is sliced in
place, not copied per subset (printing/fontfile.py); every document prints
byte-identical to fonts read as ``bytes`` (recorded hashes stay true)."""

from __future__ import annotations

import json
import mmap
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

RENDER_ALL = """
import hashlib, json, sys
from desktop_app import printing
from desktop_app.printing import fonts
from desktop_app.printing.samples import sample
if sys.argv[1] == "bytes":  # the way before: ReportLab reads the file, copies the tables
    from reportlab.pdfbase.ttfonts import TTFont
    from desktop_app.printing import fontfile
    fontfile.mapped_ttfont = lambda name, path, index: TTFont(name, str(path), subfontIndex=index)
fonts.register_fonts()
out = {kind: hashlib.sha256(printing.render_document(kind, sample(kind))).hexdigest()
       for kind in printing.DOCUMENT_KINDS}
print(json.dumps(out))
"""


def hashes(mode: str) -> dict[str, str]:
    done = subprocess.run([sys.executable, "-c", RENDER_ALL, mode], capture_output=True,
                          text=True, timeout=300, cwd=ROOT)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_registered_fonts_keep_a_mapping_not_a_copy():
    from reportlab.pdfbase import pdfmetrics

    from desktop_app.printing import fontfile, fonts

    fonts.register_fonts()
    fonts._ensure_registered(fonts.FALLBACK_FONT)  # the rare-character fallback: on first need
    for spec in fonts.ALL_FONTS:
        face = pdfmetrics.getFont(spec.reportlab_name).face
        assert isinstance(face._ttf_data, mmap.mmap), spec.file_name
        assert face.filename == str(spec.path)
        glyf = face.get_table("glyf")
        assert isinstance(glyf, fontfile.TableWindow)  # sliced in place, not copied
        pos, length = face.get_table_pos("glyf")
        assert len(glyf) == length and glyf[10:30] == face._ttf_data[pos + 10:pos + 30]
        assert glyf[length - 4:length + 10] == face._ttf_data[pos + length - 4:pos + length]
        assert face.get_table("head") == bytes(face._ttf_data[slice(*_span(face, "head"))])


def _span(face, tag: str) -> tuple[int, int]:
    pos, length = face.get_table_pos(tag)
    return pos, pos + length


def test_every_document_prints_the_same_bytes_as_with_fonts_read_into_memory():
    mapped, read = hashes("mapped"), hashes("bytes")
    assert len(mapped) >= 5
    assert mapped == read
