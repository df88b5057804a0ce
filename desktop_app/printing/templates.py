"""Load and validate form templates (``forms/<kind>.json``); no ReportLab here.

The format is documented in ``forms/README.md``.  Validation happens at load
time so that a county's wording change with a typo fails when the template is
read, with a message naming the file and the block, not halfway through a print.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop_app import forms_dir
from desktop_app.printing import placeholders as ph
from desktop_app.printing.errors import TemplateError

FORMAT_VERSION = 1  # the template *format* this code understands

# Data the core provides (see printing/__init__.py).  None = any sub-key allowed.
_MEMBER = {"name", "relation", "id_number", "id_number_masked", "adult", "role",
           # the household forms (issue 12): members and supporters in detail
           "id_type", "sex", "health", "employment", "disability", "counted",
           "counted_reason", "guardian", "phone", "household_size", "income", "able",
           "unable_reason",
           "age"}  # issue 13: the 入户调查表
_INCOME_LINE = {"category", "amount", "counted"}
ROOT_SCHEMA: dict[str, set[str] | None] = {
    "number": None, "reprint": None, "issued_date": None, "clerk": None, "title": None,
    "township": {"name", "code", "office", "window_phone", "supervision_phone"},
    "applicant": {"name", "id_type", "id_number", "id_number_masked", "phone",
                  "hukou_address", "current_address"},
    "appeal": {"review_days", "reconsideration_days", "litigation_months"},
    "items": None, "materials": None, "missing": None, "reasons": None,
    "members": None, "supporters": None,
    "application_number": None,
    "department": {"code", "name"},
    "referral": {"pass_on_date", "feedback_date", "provisional"},
    # issue 15: the provider of a service task (转办单, 转办清单)
    "provider": {"uuid", "name", "kind", "contact", "phone", "address"},
    # result_notice
    "intake_date": None, "results": None, "has_refusal": None,
    # handover_list
    "count": None, "rows": None,
    # emergency_record
    "aid": {"amount", "amount_upper", "method", "cause", "paid_date", "paperwork_due",
            "provisional", "ceiling", "cumulative"},
    "previous": None, "year_count": None, "year_total": None, "hardship_reason": None,
    # material_checklist (issue 13 — 补齐手续)
    "checklist": {"items", "accepted_on", "complete", "missing_count", "last_date"},
    "material_rows": None, "paperwork": None,
    # application_form, declaration, calculation (and the commitment's guardian)
    "guardian": {"name", "relation", "id_type", "id_number", "phone", "in_household"},
    "residence": {"kind", "label", "address", "permit_no", "summary"},
    "incomes": None, "income_total": None,
    "property": {"housing_area", "house_rating", "vehicles", "houses", "deposits", "business"},
    "spending": {"medical", "medical_reimbursed", "medical_net", "education"},
    "calc": {"available", "standard", "basis", "basis_why", "edge_standard", "edge_times",
             "members_all", "members_counted", "excluded_members", "lines", "gross",
             "gross_per_capita", "excluded_lines", "excluded_total", "excluded_text", "counted_income",
             "deduction", "deduction_note", "net", "net_per_capita", "comparison", "topup",
             "topup_text", "property", "property_result", "standards_from",
             "eligibility_from", "intake_date"},
    "derived": {"item_names", "has_provisional", "provisional_years", "government",
                "adult_members", "signers", "material_count", "applicant_minor",
                "guardian_candidates", "guardian_names", "guardian_needed", "authorisers",
                "guardian", "guardian_choices", "guardian_choice_names", "declarants",
                "own_number"},
    "copy": None,  # checked against the template's own copies
    # issue 13 — the 审核确认 procedure: visit_form, decision_form, extension_notice,
    # publicity_list, report_list (core/services/casework_forms.py)
    "task": {"item", "code", "intake_date", "due_date", "due_provisional", "decider",
             "township_decides", "extended_days"},
    "visit": {"recorded", "date", "people", "investigator1", "investigator2", "findings"},
    "figures": {"available", "members_all", "members_counted", "gross", "excluded",
                "deduction", "net", "net_per_capita", "standard", "basis", "comparison",
                "topup", "standards_from"},
    "steps": None,
    "opinion": {"recorded", "label", "outcome", "text", "amount", "period", "date"},
    "county": {"recorded", "blank", "outcome", "text", "amount", "period", "date", "ref",
               "source"},
    "extension": {"date", "days", "due_before", "due_after", "provisional", "reason"},
    "village": {"name", "code"},
    "publicity": {"start", "end", "days", "phone", "address", "basis"},
    "entries": None,
    "reports": None,
    # issue 13 — reserve_statement (services/reserve.py statement_data)
    "reserve": {"month", "period_from", "period_to", "partial", "opening", "closing",
                "receipts", "payments", "refunds", "income"},
    "batch": {"number", "up_to", "payments", "refunds", "total", "total_upper", "text"},
    # issue 15 — reviews: recheck_form, review_notice, taper_list (core/services/dynamic/forms.py)
    "review": None, "household": {"members", "incomes", "deposits", "vehicles", "houses",
                                  "housing_area", "business", "medical", "education"},
    "notice": {"adjust", "taper", "stop"}, "month": None, "tapers": None,
    # issue 15 — care: care_agreement, self_care_assessment (core/services/care_forms.py)
    "person": {"name", "sex", "age", "id_number_masked", "hukou_address", "phone"},
    "assessment": {"date", "rows", "failed_count", "level", "reason", "assessors",
                   "assessor_rows", "setting_from", "recorder"},
    "care": None, "care_duties": {"township", "caretaker", "person"},
    # issue 15 — leads (services/leads.py lead_data, visit_list_data)
    "lead": {"number", "source", "reported_on", "ticket_no", "origin_ref", "reporter",
             "reporter_phone", "subject", "id_number_masked", "phone", "village", "address",
             "situation", "assignee", "visit_due", "reply_due", "replied", "replied_on",
             "reply_text", "status", "outcome", "outcome_text"},
    "visits": None, "leads": None,
    # issue 16 — stats_report (core/services/stats_report.py report_data)
    "stats": {"period", "period_from", "period_to", "by", "figure", "generated_at", "months",
              "multi_month", "rows", "definitions"},
    "stat_rows": None, "charts": {"bars", "line"},
    # issue 16 — household: the index of the household file (core/services/household_pdf.py)
    "household_file": {"applications", "documents", "pages", "index_pages", "withheld"},
    "household_apps": None, "files": None,
    # issue 17 — qrcheck: issuance_register (core/services/issuance_register.py)
    "register": {"period", "period_from", "period_to", "total", "voided", "valid"},
    "register_rows": None,
}
ROW_SCHEMA: dict[str, set[str] | None] = {
    "items": {"code", "name", "handler", "limit_days", "due_date", "provisional", "waiting"},
    "materials": {"item", "name", "status"},
    "missing": {"item", "name", "note"},
    "reasons": set(),  # plain strings: use {.}
    "members": _MEMBER, "supporters": _MEMBER,
    "derived.adult_members": _MEMBER, "derived.signers": _MEMBER,
    "derived.guardian_candidates": _MEMBER, "derived.authorisers": _MEMBER,
    "derived.guardian_choices": _MEMBER, "derived.declarants": _MEMBER,
    "incomes": _INCOME_LINE, "calc.lines": _INCOME_LINE,
    "calc.excluded_lines": {"category", "amount"},
    "calc.excluded_members": {"name", "reason"},
    "calc.property": {"text", "result"},
    "results": {"name", "department", "outcome", "result", "amount", "period", "date", "note"},
    "rows": {"referral_number", "application_number", "applicant", "items", "materials",
             "feedback_date"},
    "previous": {"date", "item", "amount", "cause"},
    # issue 13 — the 审核确认 procedure
    "steps": {"stage", "date", "people", "outcome", "text", "ref"},
    # issue 15 — care
    "assessment.rows": {"name", "met", "mark_yes", "mark_no"},
    "assessment.assessor_rows": {"name"},
    "care_duties.township": set(), "care_duties.caretaker": set(), "care_duties.person": set(),
    # (publicity_list rows; reserve_statement rows below share the key "entries")
    "entries": {"applicant", "members", "household_size", "items",
                "number", "date", "kind", "application_number", "application",
                "text", "income", "expense", "balance", "amount"},
    "reports": {"application_number", "applicant", "village", "item", "opinion",
                "household_size", "amount", "intake_date"},
    "material_rows": {"name", "status", "done"},
    "paperwork": {"date", "changes", "note"},
    # issue 15 — reviews
    "household.members": {"name", "relation", "id_number", "health", "employment",
                          "disability", "counted"},
    "household.incomes": {"label", "amount"},
    "tapers": {"application_number", "applicant", "village", "item", "from", "ends_on",
               "amount"},
    # issue 15 — leads
    "visits": {"date", "people", "findings"},
    "leads": {"number", "source", "reported_on", "subject", "id_number_masked", "address",
              "situation", "assignee", "visit_due"},
    # issue 16 — stats_report: one row per breakdown key, then 合计 (values as printed)
    "stat_rows": {"key", "label", "total", "received", "accepted", "notices", "refusals",
                  "referred", "answered", "overdue", "closed", "completion_rate",
                  "median_days", "emergency_count", "emergency_fen", "rechecks_due",
                  "rechecks_done"},
    "charts.bars": {"label", "value", "text"}, "charts.line": {"label", "value", "text"},
    # issue 16 — household
    "household_apps": {"number", "intake_date", "items", "status"},
    "files": {"title", "number", "date", "application_number", "page", "pages", "note"},
    # issue 17 — qrcheck: issuance_register
    "register_rows": {"seq", "number", "title", "date", "application_number", "clerk",
                      "prints", "status"},
}

_COMMON = {"kind", "when", "only", "comment"}
# kind -> (required keys, optional keys, root-context text keys)
BLOCKS: dict[str, tuple[set[str], set[str], set[str]]] = {
    # issue 17: ``signed`` (true) — the QR carries the document's signed payload
    "title": (set(), {"text", "subtitle", "qr", "note", "size", "signed"},
              {"text", "subtitle", "qr", "note"}),
    "paragraph": ({"text"}, {"indent", "align", "size", "font", "space_before", "space_after",
                             "keep_with_next"},
                  {"text"}),
    "fields": ({"items"}, {"columns", "label_width_mm", "max_lines"}, set()),
    "table": ({"source", "columns"}, {"empty_text", "max_lines", "row_height_mm", "min_rows",
                                      "blank_rows"},
              {"empty_text"}),
    "list": ({"source", "item"}, {"numbering", "empty_text", "max_lines"}, {"empty_text"}),
    "signatures": ({"items"}, {"space_before", "fit"}, set()),
    "seal": ({"text"}, {"lines", "height_mm", "width_mm"}, {"text"}),
    "cut_line": (set(), {"text"}, {"text"}),
    "spacer": ({"height_mm"}, set(), set()),
    "page_break": (set(), set(), set()),
    "columns": ({"columns"}, {"widths"}, set()),
    # issue 14: a detachable part (回执, 送达回证) kept whole on one sheet
    "keep_together": ({"blocks"}, set(), set()),
    # issue 16: a chart (printing/charts.py) of a list of {label, value, text}
    "chart": ({"source", "type"}, {"title", "height_mm", "size"}, {"title"}),
}
NUMBERINGS = ("arabic", "chinese", "paren", "none")
TOP_REQUIRED = {"version", "kind", "title", "blocks"}
TOP_OPTIONAL = {"format", "page", "style", "copies", "copy_separator", "cut_line_text", "comment",
                "keep_copies_whole"}


@dataclass(frozen=True)
class Template:
    kind: str
    path: Path
    version: int
    title: str
    blocks: list[dict[str, Any]]
    copies: list[dict[str, Any]]
    copy_separator: str
    cut_line_text: str
    page: dict[str, Any]
    style: dict[str, Any]
    raw: dict[str, Any]


class _Checker:
    """Walks a template dict; every error names the file and the block."""

    def __init__(self, path: Path, copies: list[dict[str, Any]]) -> None:
        self.path = path
        self.copy_names = {c["name"] for c in copies}
        # {copy.x} must be defined by every copy
        self.copy_vars: set[str] = set()
        if copies:
            self.copy_vars = set.intersection(*(set(c.get("vars", {})) for c in copies))
            self.copy_vars |= {"name", "label"}

    def fail(self, where: str, message: str) -> TemplateError:
        return TemplateError(message, path=str(self.path), where=where)

    def text(self, where: str, value: Any, row_source: str | None = None) -> None:
        try:
            parsed = ph.parse(value)
        except ValueError as exc:
            raise self.fail(where, str(exc)) from None
        for p in ph.placeholders(parsed):
            self.path_ok(where, p.path, row_source)

    def path_ok(self, where: str, path: tuple[str, ...], row_source: str | None = None) -> None:
        dotted = ".".join(path)
        if row_source is not None:
            keys = ROW_SCHEMA.get(row_source)
            if path[0] in ("#", ".") or keys is None or path[0] in keys:
                return
            raise self.fail(where, f"unknown row field {{{dotted}}} for rows of {row_source!r}"
                                   f" (known: {', '.join(sorted(keys)) or 'only {.} and {#}'})")
        if path[0] in ("#", "."):
            raise self.fail(where, f"{{{dotted}}} is only allowed in table/list rows")
        if path[0] not in ROOT_SCHEMA:
            raise self.fail(where, f"unknown data key {{{dotted}}} "
                                   f"(known: {', '.join(sorted(ROOT_SCHEMA))})")
        sub = ROOT_SCHEMA[path[0]]
        if path[0] == "copy":
            if not self.copy_vars:
                raise self.fail(where, f"{{{dotted}}} used but the template defines no copies")
            sub = self.copy_vars
        if sub is not None and len(path) > 1 and path[1] not in sub:
            raise self.fail(where, f"unknown data key {{{dotted}}} (known under {path[0]!r}: "
                                   f"{', '.join(sorted(sub))})")

    def keys(self, where: str, obj: Any, required: set[str], optional: set[str]) -> None:
        if not isinstance(obj, dict):
            raise self.fail(where, f"expected an object, got {type(obj).__name__}")
        missing = sorted(required - obj.keys())
        if missing:
            raise self.fail(where, f"missing key(s): {', '.join(missing)}")
        unknown = sorted(obj.keys() - required - optional)
        if unknown:
            raise self.fail(where, f"unknown key(s): {', '.join(unknown)} "
                                   f"(allowed: {', '.join(sorted(required | optional))})")

    def number(self, where: str, obj: dict[str, Any], key: str, lo: float, hi: float) -> None:
        if key in obj:
            v = obj[key]
            if isinstance(v, bool) or not isinstance(v, (int, float)) or not lo <= v <= hi:
                raise self.fail(where, f"{key!r} must be a number from {lo} to {hi}, got {v!r}")

    def blocks(self, where: str, blocks: Any, nested: str = "") -> None:
        """``nested``: "" at the top, "columns" inside a column, "keep" inside a
        ``keep_together``."""
        if not isinstance(blocks, list):
            raise self.fail(where, "'blocks' must be a list")
        for i, block in enumerate(blocks):
            self.block(f"{where}[{i}]", block, nested)

    def block(self, where: str, block: Any, nested: str) -> None:
        if not isinstance(block, dict) or "kind" not in block:
            raise self.fail(where, "a block must be an object with a 'kind'")
        kind = block["kind"]
        if kind not in BLOCKS:
            raise self.fail(where, f"unknown block kind {kind!r} (known: {', '.join(BLOCKS)})")
        where = f"{where} ({kind})"
        required, optional, texts = BLOCKS[kind]
        self.keys(where, block, required, optional | _COMMON)
        if nested == "columns" and kind in ("columns", "page_break", "cut_line", "table",
                                            "keep_together"):
            raise self.fail(where, f"a {kind!r} block cannot be nested inside 'columns'")
        if nested == "keep" and kind in ("page_break", "keep_together"):
            raise self.fail(where, f"a {kind!r} block cannot be inside 'keep_together'")
        for key in texts & block.keys():
            self.text(f"{where}.{key}", block[key])
        if "when" in block:
            cond = block["when"]
            if not isinstance(cond, str) or not cond.lstrip("!"):
                raise self.fail(where, "'when' must be a dotted data path, "
                                       "optionally starting with '!'")
            try:
                parsed = ph.parse("{" + cond.lstrip("!") + "}")
            except ValueError as exc:
                raise self.fail(f"{where}.when", str(exc)) from None
            self.path_ok(f"{where}.when", ph.placeholders(parsed)[0].path)
        if "only" in block:
            only = block["only"]
            if not isinstance(only, list) or not set(only) <= self.copy_names or not only:
                raise self.fail(where, "'only' must list copy names from "
                                       f"{sorted(self.copy_names)}")
        for key in ("size",):
            self.number(where, block, key, 6, 40)
        for key in ("height_mm", "width_mm", "row_height_mm", "label_width_mm", "space_before",
                    "space_after"):
            self.number(where, block, key, 0, 250)
        self.number(where, block, "max_lines", 1, 100)
        self.number(where, block, "min_rows", 0, 100)
        self.number(where, block, "blank_rows", 0, 100)
        if kind == "fields":
            self.number(where, block, "columns", 1, 4)
        getattr(self, f"_{kind}", lambda w, b: None)(where, block)

    def _fields(self, where: str, block: dict[str, Any]) -> None:
        items = block["items"]
        if not isinstance(items, list) or not items:
            raise self.fail(where, "'items' must be a non-empty list of {label, value}")
        cols = block.get("columns", 2)
        for i, item in enumerate(items):
            w = f"{where}.items[{i}]"
            self.keys(w, item, {"label", "value"}, {"span", "max_lines", "wrap"})
            if not isinstance(item.get("wrap", False), bool):
                raise self.fail(w, "'wrap' must be true or false")
            self.number(w, item, "span", 1, cols)
            self.text(w + ".label", item["label"])
            self.text(w + ".value", item["value"])

    def _source(self, where: str, block: dict[str, Any]) -> str:
        source = block["source"]
        if not isinstance(source, str):
            raise self.fail(where, "'source' must be a dotted data path")
        self.path_ok(f"{where}.source", tuple(source.split(".")))
        return source

    def _table(self, where: str, block: dict[str, Any]) -> None:
        source = self._source(where, block)
        cols = block["columns"]
        if not isinstance(cols, list) or not cols:
            raise self.fail(where, "'columns' must be a non-empty list of {header, value}")
        for i, col in enumerate(cols):
            w = f"{where}.columns[{i}]"
            self.keys(w, col, {"header", "value"}, {"width", "align", "wrap"})
            if not isinstance(col.get("wrap", False), bool):
                raise self.fail(w, "'wrap' must be true or false")
            self.number(w, col, "width", 0.1, 100)
            if col.get("align", "center") not in ("left", "center", "right"):
                raise self.fail(w, "'align' must be left, center or right")
            self.text(w + ".header", col["header"])
            self.text(w + ".value", col["value"], row_source=source)

    def _list(self, where: str, block: dict[str, Any]) -> None:
        source = self._source(where, block)
        self.text(f"{where}.item", block["item"], row_source=source)
        if block.get("numbering", "arabic") not in NUMBERINGS:
            raise self.fail(where, f"'numbering' must be one of {', '.join(NUMBERINGS)}")

    def _paragraph(self, where: str, block: dict[str, Any]) -> None:
        if block.get("align", "justify") not in ("left", "center", "right", "justify"):
            raise self.fail(where, "'align' must be left, center, right or justify")
        if block.get("font", "body") not in ("body", "heading"):
            raise self.fail(where, "'font' must be 'body' or 'heading'")
        if not isinstance(block.get("keep_with_next", False), bool):
            raise self.fail(where, "'keep_with_next' must be true or false")

    def _chart(self, where: str, block: dict[str, Any]) -> None:
        from desktop_app.printing.charts import TYPES

        self._source(where, block)
        if block["type"] not in TYPES:
            raise self.fail(where, f"'type' must be one of {', '.join(TYPES)}")

    def _keep_together(self, where: str, block: dict[str, Any]) -> None:
        if not isinstance(block["blocks"], list) or not block["blocks"]:
            raise self.fail(where, "'blocks' must be a non-empty list of blocks")
        self.blocks(f"{where}.blocks", block["blocks"], nested="keep")

    def _signatures(self, where: str, block: dict[str, Any]) -> None:
        if not isinstance(block.get("fit", False), bool):
            raise self.fail(where, "'fit' must be true or false")
        items = block["items"]
        if not isinstance(items, list) or not items:
            raise self.fail(where, "'items' must be a non-empty list of {label}")
        for i, item in enumerate(items):
            w = f"{where}.items[{i}]"
            self.keys(w, item, {"label"}, {"value", "width"})
            self.number(w, item, "width", 0.1, 100)
            self.text(w + ".label", item["label"])
            self.text(w + ".value", item.get("value", ""))

    def _seal(self, where: str, block: dict[str, Any]) -> None:
        lines = block.get("lines", [])
        if not isinstance(lines, list):
            raise self.fail(where, "'lines' must be a list of texts")
        for i, line in enumerate(lines):
            self.text(f"{where}.lines[{i}]", line)

    def _columns(self, where: str, block: dict[str, Any]) -> None:
        cols = block["columns"]
        if not isinstance(cols, list) or len(cols) < 2:
            raise self.fail(where, "'columns' must be a list of at least two block lists")
        widths = block.get("widths", [1] * len(cols))
        if not isinstance(widths, list) or len(widths) != len(cols) or not all(
            isinstance(w, (int, float)) and not isinstance(w, bool) and w > 0 for w in widths
        ):
            raise self.fail(where, "'widths' must list one positive number per column")
        for i, col in enumerate(cols):
            self.blocks(f"{where}.columns[{i}]", col, nested="columns")


def _check_top(path: Path, kind: str, raw: Any) -> list[dict[str, Any]]:  # noqa: C901 - one check per template key
    def fail(msg: str) -> TemplateError:
        return TemplateError(msg, path=str(path))

    if not isinstance(raw, dict):
        raise fail("the template must be a JSON object")
    missing = sorted(TOP_REQUIRED - raw.keys())
    if missing:
        raise fail(f"missing key(s): {', '.join(missing)}")
    unknown = sorted(raw.keys() - TOP_REQUIRED - TOP_OPTIONAL)
    if unknown:
        raise fail(f"unknown top-level key(s): {', '.join(unknown)}")
    if raw["kind"] != kind:
        raise fail(f"'kind' is {raw['kind']!r} but the file is for {kind!r}")
    fmt = raw.get("format", FORMAT_VERSION)
    if fmt != FORMAT_VERSION:
        raise fail(f"template format {fmt!r} is not supported "
                   f"(this app reads format {FORMAT_VERSION})")
    version = raw["version"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        raise fail(f"'version' must be a positive integer, got {version!r}")
    if not isinstance(raw["title"], str) or not raw["title"].strip():
        raise fail("'title' must be non-empty text")
    copies = raw.get("copies", [])
    if not isinstance(copies, list):
        raise fail("'copies' must be a list")
    for i, copy in enumerate(copies):
        if not isinstance(copy, dict) or not {"name", "label"} <= copy.keys():
            raise fail(f"copies[{i}] must be an object with 'name' and 'label'")
        if not set(copy) <= {"name", "label", "vars"} or not isinstance(copy.get("vars", {}), dict):
            raise fail(f"copies[{i}] allows only 'name', 'label' and a 'vars' object")
    if not isinstance(raw.get("keep_copies_whole", False), bool):
        raise fail("'keep_copies_whole' must be true or false")
    if raw.get("copy_separator", "cut_line") not in ("cut_line", "page_break"):
        raise fail("'copy_separator' must be 'cut_line' or 'page_break'")
    for key, allowed in (("page", {"margins_mm"}), ("style", {"body_size", "title_size", "table_size"})):
        value = raw.get(key, {})
        if not isinstance(value, dict) or not set(value) <= allowed:
            raise fail(f"'{key}' must be an object with only {', '.join(sorted(allowed))}")
    margins = raw.get("page", {}).get("margins_mm", [18, 18, 18, 18])
    if not (isinstance(margins, list) and len(margins) == 4
            and all(isinstance(m, (int, float)) and 5 <= m <= 50 for m in margins)):
        raise fail("'page.margins_mm' must be four numbers (top, right, bottom, left) from 5 to 50")
    return copies


def parse_template(raw: Any, path: Path, kind: str) -> Template:
    """Validate an already-decoded template; raises :class:`TemplateError`."""
    copies = _check_top(path, kind, raw)
    checker = _Checker(path, copies)
    for i, copy in enumerate(copies):
        for key, text in copy.get("vars", {}).items():
            checker.text(f"copies[{i}].vars.{key}", text)
    checker.text("cut_line_text", raw.get("cut_line_text", ""))
    checker.blocks("blocks", raw["blocks"])
    style = raw.get("style", {})
    for key, lo, hi in (("body_size", 8, 16), ("title_size", 12, 30), ("table_size", 7, 16)):
        checker.number("style", style, key, lo, hi)
    return Template(kind=kind, path=path, version=raw["version"], title=raw["title"],
                    blocks=raw["blocks"], copies=copies,
                    copy_separator=raw.get("copy_separator", "cut_line"),
                    cut_line_text=raw.get("cut_line_text", "（沿此线剪开）"),
                    page=raw.get("page", {}), style=style, raw=raw)


_cache: dict[Path, tuple[int, Template]] = {}
_cache_lock = threading.Lock()


def template_path(kind: str, directory: Path | None = None) -> Path:
    return (directory or forms_dir()) / f"{kind}.json"


def archived_path(kind: str, version: int, directory: Path | None = None) -> Path:
    """Where an earlier version of a template is kept: ``forms/archive/<kind>.v<N>.json``."""
    return (directory or forms_dir()) / "archive" / f"{kind}.v{version}.json"


def load_template(kind: str, directory: Path | None = None, version: int | None = None) -> Template:
    """Read and validate ``forms/<kind>.json`` (cached until the file changes).

    With ``version``: that revision of the template -- the current file if it has
    that version, else ``forms/archive/<kind>.v<version>.json``. A document is
    re-rendered with the version it was issued with, so its bytes (and hash) stay
    the same after the template changed.
    """
    current = _load(kind, template_path(kind, directory))
    if version is None or version == current.version:
        return current
    old = _load(kind, archived_path(kind, version, directory))
    if old.version != version:
        raise TemplateError(f"'version' is {old.version} but the file is for version {version}",
                            path=str(old.path))
    return old


def _load(kind: str, path: Path) -> Template:
    try:
        stamp = path.stat().st_mtime_ns
    except FileNotFoundError:
        raise TemplateError("template file not found", path=str(path)) from None
    with _cache_lock:
        hit = _cache.get(path)
        if hit and hit[0] == stamp:
            return hit[1]
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise TemplateError(f"invalid JSON: {exc}", path=str(path)) from None
    template = parse_template(raw, path, kind)
    with _cache_lock:
        _cache[path] = (stamp, template)
    return template
