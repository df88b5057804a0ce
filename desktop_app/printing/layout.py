"""Turn a validated template plus document data into PDF bytes (ReportLab platypus).

Each template block becomes one or more flowables; every piece of text goes
through :func:`flowables.markup` / :func:`flowables.draw_text`, which pick the
font per character and refuse characters no bundled font can draw.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    PageBreak,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

import desktop_app
from desktop_app.printing import flowables as fl
from desktop_app.printing import fonts as glyphs
from desktop_app.printing import placeholders as ph
from desktop_app.printing.context import build_context
from desktop_app.printing.errors import MissingDataError
from desktop_app.printing.fonts import BODY_FONT, HEADING_FONT, register_fonts, string_width
from desktop_app.printing.templates import Template

PAD_H, PAD_V = 3.0, 1.9  # table cell padding, points
RULE = 0.6  # table rule width, points
#: From this many rows on, a list's bullet column is as wide as its widest bullet (一百一十一、
#: is wider than 一百二十、); below it, as before: the last row's bullet (issued documents
#: re-render byte for byte — lists that long could not be printed before issue 14).
WIDEST_BULLET_FROM = 100
#: issue 17: side of a signed QR code (≈ 300 characters: 57 modules + quiet zone, 0.36 mm
#: each); it takes the bare number's 18 mm in the layout (``QrSlot``)
SIGNED_QR_MM = 22


def _bullet(numbering: str, i: int) -> str:
    # GB/T 9704 numbering styles: "一、", "（一）", "1.", "（1）"
    if numbering == "arabic":
        return f"{i}."
    if numbering == "chinese":
        return f"{ph.chinese_number(i)}、"
    if numbering == "paren":
        return f"（{i}）"
    return ""


class _Builder:
    def __init__(self, template: Template, ctx: dict[str, Any]) -> None:
        self.t, self.ctx = template, ctx
        st = template.style
        self.body = st.get("body_size", 11.0)
        self.cell = st.get("table_size", 10.5)
        self.title_size = st.get("title_size", 18.0)
        self.copy_name: str | None = None
        #: issue 17 — a signed template is rendered with a key (issued) or as a preview
        self.signing = False
        self.signed = False  # the template has a signed QR code

    # -- helpers ---------------------------------------------------------------
    def loc(self, where: str) -> str:
        return f"{self.t.path.name} {where}"

    def text(self, value: str, where: str, row: Any = ph._MISSING, index: int = 0) -> str:
        return ph.render(ph.parse(value), self.ctx, self.loc(where), row=row, index=index)

    def value(self, path: str, where: str) -> Any:
        try:
            found = ph.lookup(self.ctx, tuple(path.split(".")))
        except MissingDataError as exc:
            raise MissingDataError(exc.key, self.loc(where)) from None
        if found is ph._MISSING or found is None:
            raise MissingDataError(path, self.loc(where))
        return found

    def wanted(self, block: dict[str, Any]) -> bool:
        if "only" in block and self.copy_name not in block["only"]:
            return False
        cond = block.get("when")
        if cond is None:
            return True
        try:
            found = ph.resolve(self.ctx, cond.lstrip("!"))
        except MissingDataError:
            found = None
        return bool(found) != bool(cond.startswith("!"))

    def grid_style(self, extra: list[Any] | None = None, rules: bool = True) -> TableStyle:
        # FONTNAME matters even for flowable cells: Table calls setFont for each cell,
        # and the default (Helvetica) would put a non-embedded font into the PDF.
        cmds: list[tuple[Any, ...]] = [
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("FONTNAME", (0, 0), (-1, -1), BODY_FONT),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD_H), ("RIGHTPADDING", (0, 0), (-1, -1), PAD_H),
            ("TOPPADDING", (0, 0), (-1, -1), PAD_V),
            ("BOTTOMPADDING", (0, 0), (-1, -1), PAD_V + 1)]
        if rules:
            cmds += [("GRID", (0, 0), (-1, -1), RULE, "black"),
                     ("BOX", (0, 0), (-1, -1), RULE * 1.8, "black")]
        return TableStyle(cmds + (extra or []))

    # -- blocks ------------------------------------------------------------------
    def blocks(self, blocks: list[dict[str, Any]], width: float, where: str) -> list[Any]:
        out: list[Any] = []
        for i, block in enumerate(blocks):
            w = f"{where}[{i}] ({block['kind']})"
            if self.wanted(block):
                out.extend(getattr(self, "b_" + block["kind"])(block, width, w))
        return out

    def b_title(self, b: dict[str, Any], width: float, w: str) -> list[Any]:
        heading = fl.TitleLine(self.text(b.get("text", self.t.title), w),
                               b.get("size", self.title_size))
        sub_style = fl.style("subtitle", self.body + 1, align="center", leading=1.3)
        head: list[Any] = [heading]
        if b.get("subtitle"):
            head.append(fl.paragraph(self.text(b["subtitle"], w), sub_style))
        note = None
        if b.get("note"):
            note_st = fl.style("note", self.cell, align="left", leading=1.3)
            note = fl.paragraph(self.text(b["note"], w), note_st)
        if not b.get("qr"):
            return head + ([note] if note else []) + [Spacer(1, 1.5 * mm)]
        # Three columns keep the heading centred on the page: [blank | heading | QR];
        # the note (document number) runs under the heading, beside the QR code.
        side = 18 * mm
        qr: Any
        if b.get("signed"):
            # issue 17: the signed payload, drawn at save (QrSlot); a preview has none
            self.signed = True
            qr = fl.QrSlot(side, SIGNED_QR_MM * mm) if self.signing else fl.VoidQr(side)
        else:
            qr = fl.qr_drawing(self.text(b["qr"], w), side)
        table = Table([["", head, qr], [note or "", "", ""]],
                      colWidths=[side, width - 2 * side, side])
        table.setStyle(self.grid_style([("SPAN", (2, 0), (2, 1)), ("SPAN", (0, 1), (1, 1)),
                                        ("VALIGN", (0, 1), (1, 1), "BOTTOM"),
                                        ("LEFTPADDING", (0, 0), (-1, -1), 0),
                                        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                                        ("BOTTOMPADDING", (0, 0), (-1, -1), 1)], rules=False))
        return [table, Spacer(1, 1.5 * mm)]

    def b_paragraph(self, b: dict[str, Any], width: float, w: str) -> list[Any]:
        size = b.get("size", self.body)
        font = HEADING_FONT if b.get("font") == "heading" else BODY_FONT
        st = fl.style("para", size, font=font, align=b.get("align", "justify"), leading=1.6,
                      first_indent=2 * size if b.get("indent", True) else 0,
                      spaceBefore=b.get("space_before", 0) * mm,
                      spaceAfter=b.get("space_after", 1.2) * mm,
                      # opt-in (a section heading kept with its table): templates
                      # without it lay out exactly as before, byte for byte
                      keepWithNext=1 if b.get("keep_with_next") else 0)
        return [fl.paragraph(self.text(b["text"], w), st)]

    def b_fields(self, b: dict[str, Any], width: float, w: str) -> list[Any]:
        cols = b.get("columns", 2)
        label_w = b.get("label_width_mm", 24) * mm
        value_w = (width - cols * label_w) / cols
        label_st = fl.style("label", self.cell, align="center", leading=1.3)
        value_st = fl.style("value", self.cell, align="left", leading=1.35)
        rows: list[list[tuple[dict[str, Any], int, int]]] = [[]]
        used = 0
        for i, item in enumerate(b["items"]):
            span = min(item.get("span", 1), cols)
            if used + span > cols:
                rows.append([])
                used = 0
            rows[-1].append((item, span, i))
            used += span
        data, spans = [], []
        for r, row in enumerate(rows):
            cells: list[Any] = [""] * (2 * cols)
            pos = 0
            for n, (item, span, i) in enumerate(row):
                if n == len(row) - 1:  # the last field of a row takes what is left
                    span = cols - pos
                iw = f"{w}.items[{i}]"
                span_w = span * value_w + (span - 1) * label_w
                cells[2 * pos] = fl.fitted(self.text(item["label"], iw), label_st,
                                           label_w - 2 * PAD_H, 2)
                # ``wrap`` (names, addresses of the household forms): never cut.
                lines = None if item.get("wrap") else item.get("max_lines",
                                                              b.get("max_lines", 3))
                cells[2 * pos + 1] = fl.fitted(self.text(item["value"], iw), value_st,
                                               span_w - 2 * PAD_H, lines)
                if span > 1:
                    spans.append(("SPAN", (2 * pos + 1, r), (2 * pos + 2 * span - 1, r)))
                pos += span
            data.append(cells)
        table = Table(data, colWidths=[label_w, value_w] * cols)
        table.setStyle(self.grid_style(spans))
        return [table, Spacer(1, 2 * mm)]

    def b_table(self, b: dict[str, Any], width: float, w: str) -> list[Any]:
        cols = b["columns"]
        total = sum(c.get("width", 1) for c in cols)
        widths = [width * c.get("width", 1) / total for c in cols]
        head_st = fl.style("th", self.cell, font=HEADING_FONT, align="center", leading=1.3)
        rows = self.value(b["source"], w)
        if not isinstance(rows, list):
            raise TypeError(f"{self.loc(w)}: data {b['source']!r} must be a list")
        data = [[fl.fitted(self.text(c["header"], f"{w}.columns[{j}]"), head_st, cw - 2 * PAD_H, 3)
                 for j, (c, cw) in enumerate(zip(cols, widths))]]
        max_lines = b.get("max_lines", 3)
        for i, row in enumerate(rows, 1):
            cells = []
            for j, (c, cw) in enumerate(zip(cols, widths)):
                st = fl.style(f"td{j}", self.cell, align=c.get("align", "center"), leading=1.3)
                text = self.text(c["value"], f"{w}.columns[{j}]", row=row, index=i)
                # ``wrap``: never set smaller or cut (names): the text wraps, the row grows.
                cells.append(fl.fitted(text, st, cw - 2 * PAD_H,
                                       None if c.get("wrap") else max_lines))
            data.append(cells)
        extra = []
        if not rows and b.get("empty_text"):
            st = fl.style("empty", self.cell, align="center")
            data.append([fl.paragraph(self.text(b["empty_text"], w), st)] + [""] * (len(cols) - 1))
            extra.append(("SPAN", (0, 1), (-1, 1)))
        data += [[""] * len(cols) for _ in range(b.get("min_rows", 0) - (len(data) - 1))]
        data += [[""] * len(cols) for _ in range(b.get("blank_rows", 0))]
        heights = None
        if b.get("row_height_mm"):
            heights = [None] + [b["row_height_mm"] * mm] * (len(data) - 1)
            for r, row_cells in enumerate(data[1:], 1):
                need = max((c.wrap(cw - 2 * PAD_H, 1e6)[1] for c, cw in zip(row_cells, widths)
                            if isinstance(c, Paragraph)), default=0)
                heights[r] = max(heights[r], need + 2 * PAD_V + 2)
        table = Table(data, colWidths=widths, rowHeights=heights, repeatRows=1)
        table.setStyle(self.grid_style(extra))
        return [table, Spacer(1, 2 * mm)]

    def b_list(self, b: dict[str, Any], width: float, w: str) -> list[Any]:
        rows = self.value(b["source"], w)
        if not isinstance(rows, list):
            raise TypeError(f"{self.loc(w)}: data {b['source']!r} must be a list")
        numbering = b.get("numbering", "arabic")
        size = self.body
        indent = 2 * size
        if len(rows) >= WIDEST_BULLET_FROM:
            # ReportLab keeps 0.6 em after a bullet: with it every row's text starts
            # at the same place
            widest_w = max(string_width(_bullet(numbering, i), size)
                           for i in range(1, len(rows) + 1))
            label_w = widest_w + 0.6 * size if widest_w else 0
        else:
            widest = _bullet(numbering, max(len(rows), 1))
            label_w = string_width(widest, size) + 0.35 * size if widest else 0
        st = fl.style("li", size, leading=1.6, leftIndent=indent + label_w, bulletIndent=indent,
                      bulletFontName=BODY_FONT, bulletFontSize=size, spaceAfter=0.8 * mm)
        out = []
        for i, row in enumerate(rows, 1):
            text = self.text(b["item"], f"{w}.item", row=row, index=i)
            para = fl.fitted(text, st, width - indent - label_w, b.get("max_lines"))
            para.bulletText = _bullet(numbering, i) or None
            out.append(para)
        if not rows and b.get("empty_text"):
            st = fl.style("li0", size, leftIndent=indent)
            out.append(fl.paragraph(self.text(b["empty_text"], w), st))
        out.append(Spacer(1, 1.5 * mm))
        return out

    def b_chart(self, b: dict[str, Any], width: float, w: str) -> list[Any]:
        from desktop_app.printing.charts import chart_flowable

        points = self.value(b["source"], w)
        if not isinstance(points, list):
            raise TypeError(f"{self.loc(w)}: data {b['source']!r} must be a list")
        title = self.text(b.get("title", ""), w)
        height = b.get("height_mm", 70) * mm
        return [chart_flowable(b["type"], title, points, width, height, b.get("size", self.cell)),
                Spacer(1, 2 * mm)]

    def b_signatures(self, b: dict[str, Any], width: float, w: str) -> list[Any]:
        items = b["items"]
        total = sum(i.get("width", 1) for i in items)
        widths = [width * i.get("width", 1) / total for i in items]
        cells = [fl.SignatureLine(self.text(i["label"], f"{w}.items[{n}]"),
                                  self.text(i.get("value", ""), f"{w}.items[{n}]"), self.body,
                                  fit=bool(b.get("fit")))
                 for n, i in enumerate(items)]
        table = Table([cells], colWidths=widths)
        table.setStyle(self.grid_style(rules=False))
        return [Spacer(1, b.get("space_before", 0) * mm), table]

    def b_seal(self, b: dict[str, Any], width: float, w: str) -> list[Any]:
        lines = [self.text(line, f"{w}.lines[{n}]") for n, line in enumerate(b.get("lines", []))]
        return [fl.SealArea(self.text(b["text"], w), lines, self.body,
                            b.get("width_mm", 75) * mm, b.get("height_mm", 34) * mm)]

    def b_cut_line(self, b: dict[str, Any], width: float, w: str) -> list[Any]:
        return [fl.CutLine(self.text(b.get("text", "（沿此线剪开）"), w))]

    def b_spacer(self, b: dict[str, Any], width: float, w: str) -> list[Any]:
        return [Spacer(1, b["height_mm"] * mm)]

    def b_page_break(self, b: dict[str, Any], width: float, w: str) -> list[Any]:
        return [PageBreak()]

    def b_keep_together(self, b: dict[str, Any], width: float, w: str) -> list[Any]:
        # A detachable part (回执, 送达回证): moved whole to the next page when it does not
        # fit below what comes before it (split only if it is longer than a page).
        return [fl.KeepWhole(self.blocks(b["blocks"], width, f"{w}.blocks"))]

    def b_columns(self, b: dict[str, Any], width: float, w: str) -> list[Any]:
        weights = b.get("widths", [1] * len(b["columns"]))
        widths = [width * x / sum(weights) for x in weights]
        cells = [self.blocks(col, cw - 4, f"{w}.columns[{n}]")
                 for n, (col, cw) in enumerate(zip(b["columns"], widths))]
        table = Table([cells], colWidths=widths)
        table.setStyle(self.grid_style([("VALIGN", (0, 0), (-1, -1), "TOP"),
                                        ("LEFTPADDING", (0, 0), (-1, -1), 2),
                                        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                                        ("TOPPADDING", (0, 0), (-1, -1), 0),
                                        ("BOTTOMPADDING", (0, 0), (-1, -1), 0)], rules=False))
        return [table]


def _decorator(title: str, number: str, reprint: bool, margins: list[float],
               void: bool = False) -> Callable[[Any, int, int], None]:
    page_w, page_h = A4

    def decorate(canv: Any, page: int, count: int) -> None:
        if void:  # issue 17: a preview of a signed document
            fl.void_mark(canv, page_w, page_h)
        footer = f"{title}　编号：{number}　　第 {page} 页／共 {count} 页"
        fl.draw_text(canv, page_w / 2, margins[2] * mm * 0.45, footer, 8, align="center")
        if glyphs.substituted_chars():  # a character no font has was printed as □
            fl.draw_text(canv, margins[3] * mm, margins[2] * mm * 0.45 + 11, glyphs.MISSING_NOTE, 9)
        if reprint:
            box_w, box_h = 18 * mm, 8.5 * mm
            x = page_w - margins[1] * mm - box_w
            y = page_h - 4 * mm - box_h
            canv.saveState()
            canv.setLineWidth(1.2)
            canv.rect(x, y, box_w, box_h)
            canv.restoreState()
            fl.draw_text(canv, x + box_w / 2, y + 2.4 * mm, "补打", 13, prefer=HEADING_FONT,
                         align="center", bold=True)

    return decorate


def _signer(template: Template, ctx: dict[str, Any], number: str,
            signing_key: Any) -> Callable[[bytes], str]:
    """content digest -> the document's QR text, signed (sync_contract/docqr.py)."""
    from sync_contract import docqr

    township = ctx.get("township") or {}
    applicant = ctx.get("applicant") or {}
    day = next((ctx[k] for k in ("issued_date", "date", "day") if ctx.get(k)), "")

    def sign(digest: bytes) -> str:
        payload = docqr.Payload(kind=template.kind, no=number, date=str(day)[:10],
                                tw=str(township.get("code") or ""),
                                nm=docqr.mask_name(str(applicant.get("name") or "")),
                                h=digest)
        return docqr.encode(payload, signing_key)

    return sign


def render(template: Template, data: dict[str, Any], signing_key: Any = None) -> bytes:
    """Lay out ``template`` with ``data`` on A4 and return the PDF bytes.

    ``signing_key`` (an Ed25519 private key, issue 17): a template whose title block is
    ``signed`` gets the signed QR code; without a key the same template renders as a
    preview — 无效 across every page and no code. Other templates ignore it."""
    register_fonts()
    ctx = build_context(data, template)
    number = ph.to_text(ctx.get("number")) if ctx.get("number") else None
    if not number:
        raise MissingDataError("number", template.path.name)
    margins = template.page.get("margins_mm", [18, 18, 18, 18])
    page_w, _ = A4
    width = page_w - (margins[1] + margins[3]) * mm
    builder = _Builder(template, ctx)
    builder.signing = signing_key is not None
    story: list[Any] = []
    copies: list[dict[str, Any] | None] = [*template.copies] or [None]
    whole = bool(template.raw.get("keep_copies_whole"))
    for n, copy in enumerate(copies):
        part: list[Any] = []
        if copy is not None:
            builder.copy_name = copy["name"]
            ctx["copy"] = {"name": copy["name"], "label": copy["label"]}
            ctx["copy"].update({k: builder.text(v, f"copies[{n}].vars.{k}")
                                for k, v in copy.get("vars", {}).items()})
            if n and template.copy_separator == "page_break":
                story.append(PageBreak())
            elif n:  # the cut line goes with the copy below it
                part.append(fl.CutLine(builder.text(template.cut_line_text, "cut_line_text")))
        part.extend(builder.blocks(template.blocks, width, "blocks"))
        # ``keep_copies_whole``: each detachable copy on one sheet (moved whole to the next)
        story.extend([fl.KeepWhole(part)] if whole and copy is not None else part)
    office = (ctx.get("township") or {}).get("office") or ""
    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, topMargin=margins[0] * mm, rightMargin=margins[1] * mm,
        bottomMargin=margins[2] * mm, leftMargin=margins[3] * mm,
        title=f"{ctx['title']} {number}", author=office, subject=template.kind,
        creator=f"乡镇社会救助一门受理窗口 {desktop_app.__version__}",
        keywords=f"{template.kind} template v{template.version}",
        invariant=1, initialFontName=BODY_FONT, lang="zh-CN")
    void = builder.signed and not builder.signing
    sign = _signer(template, ctx, number, signing_key) if builder.signed and builder.signing else None
    canvas_class = fl.numbered_canvas(
        _decorator(ctx["title"], number, bool(ctx.get("reprint")), margins, void), sign)
    doc.build(story, canvasmaker=canvas_class)
    return buf.getvalue()
