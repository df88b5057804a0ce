"""Issue 14 item 9 on screen: rare characters render with the bundled fallback font, the
name fields warn (naming the code point) about a character no bundled font has, and such
a person is still registered -- printed with □ and a note to correct by hand."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import QApplication

from desktop_app.gui.kit.glyphs import GlyphWarning, warning_of
from desktop_app.printing import fonts
from tests.helpers.gui import click, fill_valid, pdf_text, type_text

pytestmark = pytest.mark.gui

RARE = ["\U0002a6a5", "\U0002b5ae", "\U0002cc56", "\U00030000"]  # Ext-B, C, E, G
NO_FONT = "\U0002ebf0"  # CJK Ext-I: in no bundled font


def _warnings(intake) -> list[GlyphWarning]:
    """The warnings on show (a row's own visibility aside: the members section may be
    folded away)."""
    return [w for w in intake.findChildren(GlyphWarning) if not w.isHidden()]


def _drawn(text: str, font: QFont) -> QImage:
    image = QImage(80, 60, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(font)
    painter.setPen(QColor("black"))
    painter.drawText(image.rect(), Qt.AlignmentFlag.AlignCenter, text)
    painter.end()
    return image


def test_the_screen_draws_ext_b_to_h_with_the_bundled_fallback(qapp):
    from desktop_app.gui.app import UI_FAMILIES

    assert UI_FAMILIES[-1] == fonts.FALLBACK.family
    app_font = QFont(QApplication.font())
    assert app_font.families()[-1] == fonts.FALLBACK.family
    babelstone = QFont(fonts.FALLBACK.family)
    babelstone.setPointSizeF(app_font.pointSizeF())
    tofu = _drawn("\U000F0000", app_font)  # private use, plane 15: no font has it
    for ch in RARE:
        drawn = _drawn(ch, app_font)
        assert drawn == _drawn(ch, babelstone), f"U+{ord(ch):X} not drawn from BabelStone Han"
        assert drawn != tofu


@pytest.mark.parametrize("ch", RARE, ids=lambda c: f"U+{ord(c):X}")
def test_covered_rare_names_show_no_warning(qtbot, intake, ch):
    type_text(qtbot, intake.applicant.name, f"王{ch}")
    assert intake.applicant.name.text() == f"王{ch}"
    assert not _warnings(intake)


def test_a_character_no_font_has_is_named_at_each_name_field(qtbot, intake):
    a = intake.applicant
    type_text(qtbot, a.name, f"李{NO_FONT}")
    warning = warning_of(a.name)
    assert warning is not None and warning.isVisible()
    assert "U+2EBF0" in warning.text() and "□" in warning.text() and "手写" in warning.text()
    assert _warnings(intake) == [warning]
    a.name.setText("李明")
    assert warning.isHidden() and not _warnings(intake)

    member = intake.members.add_member()
    type_text(qtbot, member.name, f"王{NO_FONT}{NO_FONT}\U000F0000")
    shown = warning_of(member.name)
    assert shown is not None and shown in _warnings(intake)
    assert "U+2EBF0、U+F0000" in shown.text()  # each character once, in order

    related = intake.related.rows[0][0] if intake.related.rows else None
    if related is None:
        click(qtbot, intake.related.add_button)
        related = intake.related.rows[0][0]
    type_text(qtbot, related.name, f"赵{NO_FONT}")
    assert warning_of(related.name) in _warnings(intake)
    assert "U+2EBF0" in warning_of(related.name).text()


def test_rare_name_accepted_through_the_window_prints_the_same_code_points(
        qtbot, intake, services):
    name = f"王{RARE[3]}{RARE[0]}"
    fill_valid(qtbot, intake, name=name)
    click(qtbot, intake.accept_button)
    assert intake.stack.currentWidget() is intake.result, intake.general_error.text()
    row = services.queries.search(name)[0]
    assert row.name == name
    receipt = next(d for d in services.documents.for_application(row.id) if d.kind == "receipt")
    assert name in pdf_text(services.documents.original_pdf(receipt.id))


def test_a_person_whose_name_no_font_has_is_still_registered(qtbot, intake, services):
    name = f"李{NO_FONT}"
    fill_valid(qtbot, intake, name=name)
    assert _warnings(intake)  # told while typing, not stopped
    click(qtbot, intake.accept_button)
    assert intake.stack.currentWidget() is intake.result, intake.general_error.text()
    row = services.queries.search(name)[0]
    assert row.name == name  # the record keeps the character itself
    receipt = next(d for d in services.documents.for_application(row.id) if d.kind == "receipt")
    text = "".join(pdf_text(services.documents.original_pdf(receipt.id)).split())
    assert "李□" in text and fonts.MISSING_NOTE in text
