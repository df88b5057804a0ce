"""Bundled fonts, per-character fallback, missing glyphs and the ToUnicode fix."""

from __future__ import annotations

import pytest

from desktop_app.printing import cmap_fix, fonts, render_document, unprintable_chars
from desktop_app.printing.font_coverage import FontFormatError, covered_code_points
from desktop_app.printing.samples import sample
from tests.helpers.printing import squash

EXT_B = "\U000201D4"  # 𠇔, CJK Extension B: only in AR PL UMing
ONLY_IN_WQY = "\u2020"  # † : in WenQuanYi Micro Hei, not in UMing
PLANE_15 = "\U000F0000"  # supplementary private use: in no bundled font
EXT_G = "\U00030000"  # 𰀀, CJK Extension G (plane 3): only in BabelStone Han
EXT_I = "\U0002EBF0"  # CJK Extension I (Unicode 15.1): in no bundled font


@pytest.fixture(scope="module")
def coverage():
    return fonts.register_fonts()


def test_font_files_and_licences_are_bundled():
    for spec in fonts.ALL_FONTS:
        assert spec.path.is_file() and spec.path.stat().st_size > 1_000_000, spec
    folder = fonts.fonts_dir()
    assert (folder / "ARPHICPL.TXT").read_text(encoding="utf-8").startswith("ARPHIC PUBLIC LICENSE")
    assert "Apache" in (folder / "WQY-MICROHEI-LICENSE.txt").read_text(encoding="utf-8")
    babelstone = (folder / "BABELSTONE-HAN-LICENSE.txt").read_text(encoding="utf-8")
    assert "Upstream-Name: BabelStoneHan" in babelstone and "ARPHIC PUBLIC LICENSE" in babelstone
    assert "fonts-babelstone-han" in (folder / "README.md").read_text(encoding="utf-8")
    assert fonts.font_paths() == [fonts.BODY.path, fonts.HEADING.path, fonts.FALLBACK.path]
    assert fonts.BODY.family == "AR PL UMing CN" and fonts.HEADING.family == "WenQuanYi Micro Hei"
    assert fonts.FALLBACK.family == "BabelStone Han"


@pytest.mark.parametrize("spec", fonts.ALL_FONTS, ids=lambda spec: spec.file_name)
def test_cmap_reader_agrees_with_reportlab(spec):
    """The cheap coverage (cmap table only) is exactly what ReportLab will draw."""
    from reportlab.pdfbase.ttfonts import TTFont

    face = TTFont("probe-" + spec.reportlab_name, str(spec.path), subfontIndex=spec.subfont_index).face
    assert covered_code_points(spec.path, spec.subfont_index) == frozenset(
        code for code, glyph in face.charToGlyph.items() if glyph and code)


def test_cmap_reader_refuses_what_is_not_a_font(tmp_path):
    bad = tmp_path / "x.ttf"
    bad.write_bytes(b"not a font at all")
    with pytest.raises(FontFormatError):
        covered_code_points(bad)
    with pytest.raises(FontFormatError):
        covered_code_points(fonts.BODY.path, subfont_index=99)


def test_preconditions_of_the_fallback_tests(coverage):
    body, heading = coverage[fonts.BODY_FONT], coverage[fonts.HEADING_FONT]
    assert ord(EXT_B) in body and ord(EXT_B) not in heading
    assert ord(ONLY_IN_WQY) in heading and ord(ONLY_IN_WQY) not in body
    assert 0 not in body  # .notdef mappings are not counted as coverage
    fallback = coverage[fonts.FALLBACK_FONT]
    assert ord(EXT_G) in fallback and ord(EXT_G) not in body | heading
    assert not any(ord(EXT_I) in cov or ord(PLANE_15) in cov for cov in coverage.values())
    assert list(coverage) == [fonts.BODY_FONT, fonts.HEADING_FONT, fonts.FALLBACK_FONT]


def test_split_runs_prefers_body_then_falls_back(coverage):
    runs = fonts.split_runs(f"张三{ONLY_IN_WQY}王{EXT_B} A1")
    assert runs == [(fonts.BODY_FONT, "张三"), (fonts.HEADING_FONT, ONLY_IN_WQY),
                    (fonts.BODY_FONT, f"王{EXT_B} A1")]
    # a heading prefers WenQuanYi but still finds the Ext-B character in UMing
    assert fonts.split_runs(f"王{EXT_B}", prefer=fonts.HEADING_FONT) == [
        (fonts.HEADING_FONT, "王"), (fonts.BODY_FONT, EXT_B)]


def test_split_runs_keeps_text_intact(coverage):
    text = f"甲 乙\n丙{ONLY_IN_WQY}\t丁"
    assert "".join(run for _, run in fonts.split_runs(text)) == "甲 乙\n丙† 丁"


def test_split_runs_falls_back_to_babelstone_last(coverage):
    assert fonts.split_runs(f"王{EXT_G}{EXT_B}") == [
        (fonts.BODY_FONT, "王"), (fonts.FALLBACK_FONT, EXT_G), (fonts.BODY_FONT, EXT_B)]
    assert fonts.is_registered(fonts.FALLBACK_FONT)  # registered when first needed


def test_a_character_no_font_has_prints_as_a_box_and_is_collected(coverage):
    with fonts.glyph_substitutions() as found:
        runs = fonts.split_runs(f"张{PLANE_15}三{EXT_I}{PLANE_15}")
    assert "".join(run for _, run in runs) == "张□三□□"
    assert found == [PLANE_15, EXT_I]
    assert fonts.substituted_chars() == []  # outside a document nothing is collected
    assert unprintable_chars(f"张{PLANE_15}三{EXT_I}") == [PLANE_15, EXT_I]
    assert unprintable_chars(f"王{EXT_B}{EXT_G} 三\u3000") == []


def test_document_with_unprintable_name_prints_a_box_and_the_note(poppler):
    data = sample("receipt")
    data["applicant"]["name"] = f"张{EXT_I}"
    pages = poppler.text(render_document("receipt", data)).split("\f")[:-1]
    assert pages and all(fonts.MISSING_NOTE in squash(page) for page in pages)
    assert "张□" in pages[0]
    # the note belongs to that document only
    assert fonts.MISSING_NOTE not in squash(poppler.text(render_document("receipt", sample("receipt"))))


def test_ext_g_name_round_trips_and_the_fallback_is_embedded(poppler):
    data = sample("receipt")
    data["applicant"]["name"] = f"王{EXT_G}"
    pdf = render_document("receipt", data)
    assert f"王{EXT_G}" in poppler.text(pdf)
    rows = {row["name"].split("+")[-1]: row for row in poppler.fonts(pdf)}
    assert (rows["BabelStoneHan"]["emb"], rows["BabelStoneHan"]["uni"]) == ("yes", "yes")


def test_character_only_in_heading_font_is_printed(poppler):
    data = sample("notice_missing")
    data["applicant"]["name"] = f"张{ONLY_IN_WQY}"
    assert f"张{ONLY_IN_WQY}" in poppler.text(render_document("notice_missing", data))


def test_ext_b_name_round_trips_through_pdftotext(poppler):
    data = sample("receipt")
    data["applicant"]["name"] = f"王{EXT_B}"
    text = poppler.text(render_document("receipt", data))
    assert f"王{EXT_B}" in text
    assert "\u201D" not in text.replace("”", "")  # the old bug produced U+201D
    # the other text is unaffected
    assert "社会救助申请受理回执" in text and "330102101-20261124-0001" in text


def test_ext_b_alone_extracts_exactly(poppler):
    data = sample("notice_missing")
    data["applicant"]["name"] = EXT_B
    lines = [line.strip() for line in poppler.text(render_document("notice_missing", data),
                                                   "-layout").splitlines()]
    assert f"{EXT_B}：" in lines  # the salutation line: exactly the one code point
    assert [c for c in squash("".join(lines)) if ord(c) > 0xFFFF] == [EXT_B] * 2


def test_cmap_fix_rewrites_only_non_bmp_entries():
    cmap = "2 beginbfchar\n<01> <5F20>\n<02> <201D4>\nendbfchar"
    assert cmap_fix.fix_cmap_text(cmap) == "2 beginbfchar\n<01> <5F20>\n<02> <D840DDD4>\nendbfchar"
    assert cmap_fix.utf16_hex(0x201D4) == "D840DDD4"
    assert cmap_fix.utf16_hex(0x5F20) == "5F20"


def test_cmap_fix_is_installed_once_and_wraps_reportlab():
    from reportlab.pdfbase import ttfonts

    fonts.register_fonts()
    assert cmap_fix.is_installed()
    patched = ttfonts.makeToUnicodeCMap
    cmap_fix.install()
    assert ttfonts.makeToUnicodeCMap is patched  # idempotent
    original = patched.__wrapped__
    # ReportLab's own output is the broken one; ours is the fixed one
    assert "<01> <201D4>" in original("X", [0, 0x201D4])
    assert "<01> <D840DDD4>" in patched("X", [0, 0x201D4])
    assert "<01> <D880DC00>" in patched("X", [0, 0x30000])  # Ext-G, plane 3


def test_registered_fonts_are_mapped_and_the_glyph_table_is_not_copied(coverage):
    import mmap

    from reportlab.pdfbase import pdfmetrics

    for spec in fonts.EAGER_FONTS:
        face = pdfmetrics.getFont(spec.reportlab_name).face
        assert isinstance(face._ttf_data, mmap.mmap)
        start, length = face.get_table_pos("glyf")
        window = face.get_table("glyf")
        assert not isinstance(window, bytes) and len(window) == length
        raw = spec.path.read_bytes()
        assert window[100:164] == raw[start + 100:start + 164]
        assert window[length - 8:] == raw[start + length - 8:start + length]
        assert face.get_table("head") == raw[slice(*_span(face, "head"))]  # others: plain bytes


def _span(face, tag):
    start, length = face.get_table_pos(tag)
    return start, start + length
