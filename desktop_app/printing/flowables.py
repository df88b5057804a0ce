"""ReportLab building blocks: text with font fallback, custom flowables, page canvas.

Imported only from :mod:`desktop_app.printing.layout` (never at package import),
so ReportLab is loaded on the first print, not at application start.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph

from desktop_app.printing.fonts import BODY_FONT, HEADING_FONT, split_runs, string_width

ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}
ELLIPSIS = "……"


def markup(text: str, prefer: str = BODY_FONT) -> str:
    """Paragraph markup for ``text``: every run wrapped in the font that has its glyphs."""
    parts = []
    for font, run in split_runs(text, prefer):
        # Paragraph collapses U+3000 like any whitespace; no-break spaces survive.
        body = "<br/>".join(escape(line).replace("\u3000", "\xa0\xa0") for line in run.split("\n"))
        parts.append(f'<font face="{font}">{body}</font>')
    return "".join(parts)


def style(name: str, size: float, *, font: str = BODY_FONT, align: str = "left",
          leading: float = 1.45, first_indent: float = 0.0, **extra: Any) -> ParagraphStyle:
    """A CJK paragraph style (line breaks allowed between any two characters)."""
    return ParagraphStyle(name, fontName=font, fontSize=size, leading=size * leading,
                          alignment=ALIGN[align], wordWrap="CJK", firstLineIndent=first_indent,
                          **extra)


def paragraph(text: str, st: ParagraphStyle, **kw: Any) -> Paragraph:
    return Paragraph(markup(text, st.fontName), st, **kw)


def fitted(text: str, st: ParagraphStyle, width: float, max_lines: int | None,
           min_size: float = 7.0) -> Paragraph:
    """A paragraph that never exceeds ``max_lines`` lines of ``st`` in ``width``.

    Too-long text is first set smaller (down to ``min_size``), then cut with
    "……".  This keeps table rows shorter than a page: a 10,000-character
    address must not break the form.
    """
    para = paragraph(text, st)
    if not max_lines:
        return para
    limit = max_lines * st.leading + 0.5
    # No glyph is narrower than ~0.15 em: beyond ``cap`` characters the text cannot
    # fit even at ``min_size``, so skip straight to cutting (keeps huge input fast).
    cap = int(max_lines * width / (min_size * 0.15)) + 1
    if len(text) <= cap and para.wrap(width, 1e6)[1] <= limit:
        return para
    size = st.fontSize if len(text) <= cap else min_size
    small = ParagraphStyle(f"{st.name}-{size}", parent=st, fontSize=size,
                           leading=size * st.leading / st.fontSize)
    text = text[:cap]
    while size > min_size:
        size = max(min_size, size - 0.5)
        small = ParagraphStyle(f"{st.name}-{size}", parent=st, fontSize=size,
                               leading=size * st.leading / st.fontSize)
        para = paragraph(text, small)
        if para.wrap(width, 1e6)[1] <= limit:
            return para
    lo, hi = 0, len(text)  # longest prefix that fits, found by bisection
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if paragraph(text[:mid] + ELLIPSIS, small).wrap(width, 1e6)[1] <= limit:
            lo = mid
        else:
            hi = mid - 1
    return paragraph(text[:lo] + ELLIPSIS, small)


def draw_text(canv: Canvas, x: float, y: float, text: str, size: float, *,
              prefer: str = BODY_FONT, align: str = "left", bold: bool = False) -> float:
    """Draw one line with per-character font fallback; returns its width.

    ``bold`` fakes a bold face (the bundled fonts have none) by stroking the
    glyph outlines as well as filling them.
    """
    runs = split_runs(text.replace("\n", " "), prefer)
    from reportlab.pdfbase.pdfmetrics import stringWidth

    width: float = sum(stringWidth(run, font, size) for font, run in runs)
    if align == "center":
        x -= width / 2
    elif align == "right":
        x -= width
    canv.saveState()  # the text render mode and line width must not leak
    t = canv.beginText(x, y)
    if bold:
        t.setTextRenderMode(2)
        canv.setLineWidth(size * 0.035)
    for font, run in runs:
        t.setFont(font, size)
        t.textOut(run)
    canv.drawText(t)
    canv.restoreState()
    return width


class TitleLine(Flowable):
    """Centered document heading in the heading font, shrunk to fit the width."""

    def __init__(self, text: str, size: float) -> None:
        super().__init__()
        self.text, self.size = text, size
        string_width(text, size, HEADING_FONT)  # fail early on missing glyphs

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = avail_width
        natural = string_width(self.text, self.size, HEADING_FONT) * 1.02
        self.draw_size = self.size if natural <= avail_width else self.size * avail_width / natural
        self.height = self.draw_size * 1.6
        return self.width, self.height

    def draw(self) -> None:
        draw_text(self.canv, self.width / 2, self.draw_size * 0.45, self.text, self.draw_size,
                  prefer=HEADING_FONT, align="center", bold=True)


class CutLine(Flowable):
    """Dashed cut line across the frame with a centered hint such as （沿此线剪开）."""

    def __init__(self, text: str, size: float = 9) -> None:
        super().__init__()
        self.text, self.size = text, size

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, 9 * mm
        return self.width, self.height

    def draw(self) -> None:
        c, mid = self.canv, self.height / 2
        c.saveState()
        c.setDash(4, 3)
        c.setLineWidth(0.7)
        gap = string_width(self.text, self.size) / 2 + 3 if self.text else 0
        c.line(-8 * mm, mid, self.width / 2 - gap, mid)  # reaches into the margins
        c.line(self.width / 2 + gap, mid, self.width + 8 * mm, mid)
        c.restoreState()
        if self.text:
            draw_text(c, self.width / 2, mid - self.size * 0.35, self.text, self.size,
                      align="center")


class SignatureLine(Flowable):
    """``label`` followed by a ruled blank (or a pre-filled value) to sign on.

    ``fit``: a pre-filled value (a name) longer than its line is set smaller, down to
    :data:`MIN_VALUE_SIZE`, and below that wraps onto more lines: never cut, never
    over the next cell. Without it (templates before issue 14) a long value runs on.
    """

    MIN_VALUE_SIZE = 6.5

    def __init__(self, label: str, value: str, size: float, height: float = 11 * mm, *,
                 fit: bool = False) -> None:
        super().__init__()
        self.label, self.value, self.size, self.line_height = label, value, size, height
        self.fit = fit
        self.value_size, self.value_lines = size, [value]
        string_width(label + value, size)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width, self.height = avail_width, self.line_height
        if self.fit and self.value:
            room = self.width - 4 * mm - (string_width(self.label, self.size) + 1.5 + 2 * mm)
            natural = string_width(self.value, self.size)
            self.value_size, self.value_lines = self.size, [self.value]
            if natural > room > 0:
                self.value_size = max(self.MIN_VALUE_SIZE, self.size * room / natural)
                self.value_lines = _split_to_width(self.value, self.value_size, room)
                self.height += (len(self.value_lines) - 1) * self.value_size * 1.25
        return self.width, self.height

    def draw(self) -> None:
        c, base = self.canv, 2.5 * mm
        label_w = draw_text(c, 0, base, self.label, self.size)
        start, end = label_w + 1.5, self.width - 4 * mm
        if end - start > 10 * mm:
            c.setLineWidth(0.6)
            c.line(start, base - 1.8, end, base - 1.8)
        if self.value and not self.fit:
            draw_text(c, start + 2 * mm, base, self.value, self.size)
        elif self.value:  # the last line on the rule, the ones before above it
            for n, line in enumerate(reversed(self.value_lines)):
                draw_text(c, start + 2 * mm, base + n * self.value_size * 1.25, line,
                          self.value_size)


def _split_to_width(text: str, size: float, width: float) -> list[str]:
    """``text`` in lines no wider than ``width`` at ``size`` (breaks between any two
    characters, as CJK text does); at least one character per line."""
    lines, line = [], ""
    for ch in text:
        if line and string_width(line + ch, size) > width:
            lines.append(line)
            line = ""
        line += ch
    return [*lines, line]


class SealArea(Flowable):
    """Room for the township's round seal: hint, then issuing office and date.

    Chinese practice stamps the seal over the office name and date, so those lines
    sit in the middle of a box at least as tall as a 42 mm seal needs.
    """

    def __init__(self, hint: str, lines: list[str], size: float, width: float,
                 height: float) -> None:
        super().__init__()
        self.hint, self.lines, self.size = hint, lines, size
        self.box_width, self.height = width, height
        self.hAlign = "RIGHT"
        for text in [hint, *lines]:
            string_width(text, size)

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = min(self.box_width, avail_width)
        return self.width, self.height

    def draw(self) -> None:
        c, cx = self.canv, self.width / 2
        leading = self.size * 1.8
        y = self.height / 2 + (len(self.lines) - 1) * leading / 2 - self.size * 0.2
        for line in self.lines:
            draw_text(c, cx, y, line, self.size, align="center")
            y -= leading
        if self.hint:
            draw_text(c, cx, self.height - self.size * 1.4, self.hint, self.size * 0.85,
                      align="center")


class KeepWhole(KeepTogether):
    """A detachable part (回执, 送达回证, a receipt's copy) kept whole on one sheet: moved
    to the next page when it does not fit below what comes before it. A part taller
    than a whole page cannot be whole anyway: it is not moved (no page left blank),
    it simply runs on."""

    def split(self, aW: float, aH: float) -> list[Flowable]:
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        frame = getattr(self, "_frame", None)
        if frame is not None and self._H > frame._height - frame._topPadding - frame._bottomPadding:
            return list(self._content)
        return list(super().split(aW, aH))


class _QrWidget(QrCodeWidget):
    """ReportLab's QR widget builds its code (``qr.make()``: eight mask patterns tried)
    once for ``getBounds`` and again when drawn; the shapes are the same, so build them
    once. The PDF is byte-identical."""

    _groups: dict[tuple[Any, ...], object] = {}  # the same number on both copies of a receipt

    def draw(self) -> Any:
        key = (self.value, self.barLevel, self.x, self.y, self.barWidth, self.barHeight,
               self.barBorder, self.qrVersion)
        group = self._groups.get(key)
        if group is None:
            if len(self._groups) > 32:
                self._groups.clear()
            group = self._groups[key] = super().draw()
        return group


def qr_drawing(value: str, size: float) -> Drawing:
    """QR code (error correction M) carrying ``value``, ``size`` points square."""
    widget = _QrWidget(value, barLevel="M")
    x1, y1, x2, y2 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x2 - x1), 0, 0, size / (y2 - y1), 0, 0],
                      initialFontName=BODY_FONT)  # else renderPDF picks Helvetica (not embedded)
    drawing.add(widget)
    return drawing


class QrSlot(Flowable):
    """The place of a signed QR code (issue 17): draws nothing while the page is laid out,
    only notes where it is; the code is drawn at ``save()`` once the content digest of
    every page is known (:func:`numbered_canvas`, :mod:`sync_contract.docqr`)."""

    def __init__(self, footprint: float, side: float) -> None:
        super().__init__()
        self.footprint, self.side = footprint, side

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = self.height = self.footprint
        return self.footprint, self.footprint

    def draw(self) -> None:
        # A code larger than the place it takes in the layout (the bare number's 18 mm
        # code): it reaches up and left from the bottom-right corner, so every form keeps
        # its pagination while the longer payload stays readable from a 150 dpi scan.
        grow = self.side - self.footprint
        x, y = self.canv.absolutePosition(-grow, 0)
        self.canv._qr_slots.append((x, y, self.side))


class VoidQr(Flowable):
    """Where a draft or preview would carry its QR code: a ruled box saying it is not valid
    (no code at all, so nothing can be scanned from it)."""

    TEXT = ("预览件", "无效")

    def __init__(self, side: float) -> None:
        super().__init__()
        self.side = side

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self.width = self.height = self.side
        return self.side, self.side

    def draw(self) -> None:
        c, s = self.canv, self.side
        c.saveState()
        c.setDash(2, 2)
        c.setLineWidth(0.8)
        c.rect(0, 0, s, s)
        c.restoreState()
        draw_text(c, s / 2, s * 0.58, self.TEXT[0], 8, align="center")
        draw_text(c, s / 2, s * 0.22, self.TEXT[1], 14, prefer=HEADING_FONT, align="center",
                  bold=True)


def void_mark(canv: Canvas, page_w: float, page_h: float) -> None:
    """无效 across the page of a draft or preview (light grey, diagonal)."""
    canv.saveState()
    canv.setFillGray(0.55)
    canv.setStrokeGray(0.55)
    canv.setFillAlpha(0.35)
    canv.setStrokeAlpha(0.35)
    canv.translate(page_w / 2, page_h / 2)
    canv.rotate(35)
    draw_text(canv, 0, -40, "无效", 150, prefer=HEADING_FONT, align="center", bold=True)
    draw_text(canv, 0, -90, "预览件，不作为正式文书使用", 20, align="center")
    canv.restoreState()


def numbered_canvas(decorate: Callable[[Any, int, int], None],
                    sign: Callable[[bytes], str] | None = None) -> type[Canvas]:
    """A Canvas class that calls ``decorate(canvas, page, page_count)`` on every page.

    Pages are held until ``save()`` so that "第 1 页／共 2 页" and the reprint mark
    can be drawn with the final page count (the usual two-pass ReportLab recipe).

    ``sign(content_digest) -> QR text`` (issue 17): pages that hold a :class:`QrSlot` get
    their box declared in the content, then, after every page is decorated, the content
    digest of all pages (:func:`sync_contract.docqr.content_digest`) is signed; every page
    gets the marker line, and the QR code is drawn after it where a slot is — still one
    render pass.
    """

    class _NumberedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._held_pages: list[dict[str, Any]] = []
            self._qr_slots: list[tuple[float, float, float]] = []

        def showPage(self) -> None:
            self._held_pages.append(dict(self.__dict__))
            self._startPage()
            self._qr_slots = []

        def _stream_head(self) -> bytes:
            # the page stream as ``Canvas.showPage`` / ``PDFPage.setStream`` write it, up to
            # the line that comes next (the marker)
            lines = [*self._psCommandsBeforePage, self._preamble, *self._code]
            return ("\n".join(lines) + "\n").encode("latin-1")

        def save(self) -> None:
            count = len(self._held_pages)
            signing = sign is not None and any(p["_qr_slots"] for p in self._held_pages)
            heads = []
            for page in self._held_pages:
                self.__dict__.update(page)
                decorate(self, self._pageNumber, count)
                if signing:
                    from sync_contract import docqr

                    for slot in self._qr_slots:
                        self._code.append(docqr.slot_line(*slot))
                    heads.append(self._stream_head())
                page.update(self.__dict__)
            text = None
            if signing and sign is not None:
                from sync_contract import docqr

                text = sign(docqr.content_digest(heads))
            for page in self._held_pages:
                self.__dict__.update(page)
                if text is not None:  # every page: its hashed part ends at the marker
                    self._code.append(docqr.MARKER.decode())
                    self._code.extend(docqr.qr_ops(text, *slot) for slot in self._qr_slots)
                super().showPage()
            super().save()

    return _NumberedCanvas
