"""Printed documents: ``forms/<kind>.json`` templates rendered to PDF with ReportLab.

No Qt here, ever.  Importing this package is cheap: ReportLab and the fonts are
loaded on the first :func:`render_document` (or :func:`warm_up`, which the GUI may
call from a worker thread at start-up).

    pdf = render_document("receipt", data)   # bytes of an A4 PDF

``data`` is a plain dict produced by the core; see ``samples.py`` for complete
examples of every kind.  Dates are ISO strings (``"2026-11-24"``) and print as
``2026年11月24日``.  Keys a kind does not use may be absent; a key the template
needs raises :class:`MissingDataError` (a ``KeyError``) naming it.
``data["reprint"]`` true prints a "补打" mark on every page.

The PDF is what gets printed (render its pages for the printer, never a second
hand-drawn layout).  Fonts are embedded and subset; the PDF title is the Chinese
document title plus the number; output is byte-for-byte deterministic for the
same data and template.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from desktop_app.printing.errors import (
    MissingDataError,
    PrintingError,
    TemplateError,
)

if TYPE_CHECKING:
    from desktop_app.printing.templates import Template

#: document kind -> Chinese title (the template's own ``title`` is what prints)
DOCUMENT_KINDS: dict[str, str] = {
    "receipt": "社会救助申请受理回执",
    "notice_missing": "社会救助申请材料补正一次性告知书",
    "notice_reject": "社会救助申请不予受理通知书",
    "commitment": "社会救助申请诚信承诺书及家庭经济状况核对授权书",
    "referral": "社会救助事项转办单",
    "result_notice": "社会救助事项办理结果告知书",
    "handover_list": "社会救助事项转办清单",
    "emergency_record": "临时救助先行救助记录",
    "application_form": "社会救助申请书",
    "declaration": "家庭经济状况申报表",
    "calculation": "家庭经济状况核算表",
    # issue 13 — the 审核确认 procedure (core/services/casework_forms.py)
    "visit_form": "入户调查表",
    "decision_form": "审核确认表／初审意见表",
    "extension_notice": "社会救助事项延期办理告知书",
    "publicity_list": "社会救助公示名单",
    "report_list": "社会救助审核确认上报清单",
    # issue 13 — reserve
    "reserve_statement": "临时救助备用金月度收支明细",
    "reserve_batch": "临时救助备用金报账单",
    "material_checklist": "临时救助补齐材料清单",  # issue 13 — 补齐手续
    # issue 15 — reviews (core/services/dynamic/forms.py)
    "recheck_form": "社会救助对象复核核查表",
    "review_notice": "社会救助变更告知书",
    "taper_list": "低保渐退期满名单",
    # issue 15 — care (core/services/care_forms.py)
    "care_agreement": "特困人员委托照料服务协议",
    "self_care_assessment": "特困人员生活自理能力评估表",
    # issue 15 — leads (core/services/leads.py)
    "lead_slip": "主动发现线索登记单",
    "hotline_reply": "12345热线工单办理回复单",
    "lead_visit_list": "主动发现线索走访名单",
    # issue 16 — the statistics report (core/services/stats_report.py)
    "stats_report": "社会救助一门受理统计报表",
    # issue 16 — household: the index of a household file (core/services/household_pdf.py)
    "household_file": "一户一档 档案目录",
    # issue 17 — qrcheck: the issuance register (core/services/issuance_register.py)
    "issuance_register": "发文登记簿",
}

__all__ = [
    "DOCUMENT_KINDS",
    "MissingDataError",
    "PrintingError",
    "TemplateError",
    "load_template",
    "render_document",
    "template_version",
    "unprintable_chars",
    "warm_up",
]


def _check_kind(kind: str) -> None:
    if kind not in DOCUMENT_KINDS:
        raise ValueError(f"unknown document kind {kind!r} (known: {', '.join(DOCUMENT_KINDS)})")


def load_template(kind: str, version: int | None = None) -> Template:
    """The validated template for ``kind`` (raises :class:`TemplateError`); with
    ``version``, that earlier revision (``forms/archive/<kind>.v<N>.json``)."""
    from desktop_app.printing.templates import load_template as _load

    _check_kind(kind)
    return _load(kind, version=version)


def template_version(kind: str) -> int:
    """Version of the template in use, to record with each printed document."""
    return load_template(kind).version


def render_document(kind: str, data: dict[str, Any], version: int | None = None, *,
                    signing_key: Any = None) -> bytes:
    """Render document ``kind`` filled with ``data``; returns PDF bytes.

    ``version``: the template revision a document was issued with (its
    ``template_version``); re-rendering an issued document with it gives the same
    bytes after the current template changed. Default: the current template.

    Raises :class:`TemplateError` (bad template) or :class:`MissingDataError`
    (a needed key is absent).  A character that no bundled font can print is never
    silently blank: it prints as □ and every page carries a note asking for the
    character to be written in by hand (:mod:`desktop_app.printing.fonts`).

    ``signing_key`` (issue 17): the township's Ed25519 key. A template whose title block
    is ``signed`` then carries the document's signed QR code (``sync_contract.docqr``);
    rendered without it, the same template is a preview: 无效 on every page, no code.
    """
    from desktop_app.printing.fonts import glyph_substitutions
    from desktop_app.printing.layout import render

    with glyph_substitutions():
        return render(load_template(kind, version), data, signing_key)


def unprintable_chars(text: str) -> list[str]:
    """Characters of ``text`` that cannot be printed (for warnings at data entry)."""
    from desktop_app.printing.fonts import unprintable_chars as _check

    return _check(text)


def warm_up() -> None:
    """Import ReportLab, register the fonts and load all templates (~0.5 s)."""
    from desktop_app.printing import layout  # noqa: F401  (imports ReportLab)
    from desktop_app.printing.fonts import register_fonts

    register_fonts()
    for kind in DOCUMENT_KINDS:
        load_template(kind)
