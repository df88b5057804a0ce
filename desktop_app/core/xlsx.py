"""Write .xlsx workbooks (台账, statistics tables, rejected-rows files) — issue 16.

One function, :func:`write_xlsx`, for every spreadsheet the township writes:

* **streamed**: XlsxWriter in ``constant_memory`` mode writes each row as it comes, so
  a 500,000-row ledger needs a few MB of memory;
* **atomic**: everything (XlsxWriter's own scratch files included) is written in a
  hidden folder beside the target (``.<name>.<random>.tmp``), the finished file is
  fsync'd and renamed over the final name; on an error or a cancel the scratch folder
  is removed and nothing appears under the final name — no personal data is left in
  the system's temp folder;
* **typed columns** (:class:`Column` ``kind``): ``text``, ``id`` (always a string cell
  with the text format, so an ID number never becomes ``1.2E+17`` nor loses its last
  digits), ``date`` (a real date cell shown ``yyyy-mm-dd``; a string is kept as text),
  ``money`` (integer 分 → a number of 元 shown with 2 decimals), ``int``;
  strings are always written as strings (a value beginning with ``=`` is never a
  formula);
* **printable**: title (and subtitle) above a frozen header row, A4 landscape, fit to
  the page width, the title and header repeated on every printed page, page numbers in
  the footer; the font is 宋体 (SimSun), which Windows links to SimSun-ExtB for 生僻字
  (CJK Extension B) — a viewer without either substitutes its own CJK font.

Faults (full disk, read-only folder, …) are raised as
:class:`~sync_contract.faults.FileFault` (action ``write_xlsx``); a cancel as
:class:`Cancelled`. Import of XlsxWriter is lazy (start-up time).
"""

from __future__ import annotations

import errno
import functools
import re
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sync_contract.errors import Cancelled as _ContractCancelled
from sync_contract.faults import fault
from sync_contract.fs import replace_durably

from .errors import ValidationError

#: Column kinds (see the module docstring).
KINDS = ("text", "id", "date", "money", "int")
#: Excel's limits.
MAX_ROWS = 1_048_576
MAX_SHEET_NAME = 31
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
#: Progress is reported (and the cancel checked) every this many rows.
STEP = 500
#: The font of every cell (see the module docstring).
FONT = "宋体"


class Cancelled(_ContractCancelled):
    """The caller's ``cancelled()`` said stop; nothing was written under the final name."""


@dataclass(frozen=True)
class Column:
    """One column: its header text, width (Excel characters) and kind (:data:`KINDS`)."""

    header: str
    width: float = 12.0
    kind: str = "text"

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown column kind {self.kind!r}")


@dataclass
class Sheet:
    """One worksheet. ``rows``: any iterable (a generator is consumed once, in order);
    each row has one value per column. ``total``: the number of rows if known (for the
    progress fraction). ``title``/``subtitle``: lines above the header (optional)."""

    name: str
    columns: Sequence[Column]
    rows: Iterable[Sequence[object]]
    title: str = ""
    subtitle: str = ""
    total: int | None = None


def sheet_name(name: str, taken: set[str] | None = None) -> str:
    """``name`` made a valid, unique Excel sheet name (≤ 31 characters, none of
    ``[]:*?/\\``, not empty)."""
    clean = _BAD_SHEET_CHARS.sub("_", name).strip("'") or "Sheet"
    clean = clean[:MAX_SHEET_NAME]
    taken = taken if taken is not None else set()
    candidate, n = clean, 1
    while candidate.lower() in taken:
        n += 1
        suffix = f"({n})"
        candidate = clean[:MAX_SHEET_NAME - len(suffix)] + suffix
    taken.add(candidate.lower())
    return candidate


def write_xlsx(path: Path, sheets: Sequence[Sheet], *,
               progress: Callable[[int, int | None], None] | None = None,
               cancelled: Callable[[], bool] | None = None) -> int:
    """Write ``sheets`` to ``path`` (an .xlsx file) atomically; returns the number of
    data rows written (all sheets).

    ``progress(done, total)``: rows written so far and the total if every sheet knows
    its ``total`` (else ``None``), every :data:`STEP` rows and at the end.
    ``cancelled()``: checked as often; when true, :class:`Cancelled` is raised and
    nothing is left behind. A fault of the folder raises a ``FileFault``; a sheet with
    more rows than Excel allows raises ``ValidationError("rows", "too_many")``.
    """
    import xlsxwriter  # type: ignore[import-untyped]  # lazy: start-up time

    path = Path(path)
    folder = path.parent
    totals = [s.total for s in sheets]
    grand_total = sum(t for t in totals if t is not None) if all(
        t is not None for t in totals) else None
    try:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except FileExistsError:  # a file where the folder should be
            raise NotADirectoryError(errno.ENOTDIR, "not a folder") from None
        scratch = Path(tempfile.mkdtemp(prefix=f".{path.name}.", suffix=".tmp", dir=str(folder)))
    except OSError as exc:
        raise fault(exc, folder, "write_xlsx") from None
    out = scratch / "book.xlsx"
    workbook: Any = None
    try:
        workbook = xlsxwriter.Workbook(str(out), {
            "constant_memory": True, "tmpdir": str(scratch), "strings_to_formulas": False,
            "strings_to_urls": False, "strings_to_numbers": False,
        })
        formats = _formats(workbook)
        written = 0
        taken: set[str] = set()
        for sheet in sheets:
            written = _write_sheet(workbook, formats, sheet, sheet_name(sheet.name, taken),
                                   written, grand_total, progress, cancelled)
        if cancelled is not None and cancelled():
            raise Cancelled()
        try:
            workbook.close()
        except xlsxwriter.exceptions.FileCreateError as exc:
            inner = exc.args[0] if exc.args and isinstance(exc.args[0], BaseException) else exc
            raise fault(inner, folder, "write_xlsx") from None
        replace_durably(out, path)
        if progress is not None:
            progress(written, grand_total)
        return written
    except OSError as exc:
        raise fault(exc, folder, "write_xlsx") from None
    finally:
        _discard(workbook, scratch)


def _discard(workbook: Any, scratch: Path) -> None:
    """Close XlsxWriter's open row files (Windows cannot delete an open file) and
    remove the scratch folder with whatever is left in it."""
    if workbook is not None:
        for ws in workbook.worksheets():
            fh = getattr(ws, "row_data_fh", None)
            if fh is not None and not fh.closed:
                try:
                    fh.close()
                except OSError:
                    pass
    shutil.rmtree(scratch, ignore_errors=True)


def _formats(workbook: Any) -> dict[str, Any]:
    base = {"font_name": FONT, "font_size": 10, "valign": "vcenter"}
    cell = {**base, "border": 1}
    return {
        "title": workbook.add_format({**base, "font_size": 16, "bold": True, "align": "center"}),
        "subtitle": workbook.add_format({**base, "align": "center"}),
        "header": workbook.add_format({**cell, "bold": True, "align": "center",
                                       "text_wrap": True, "bg_color": "#E8EEF4"}),
        "text": workbook.add_format({**cell, "text_wrap": False}),
        "id": workbook.add_format({**cell, "num_format": "@"}),
        "date": workbook.add_format({**cell, "num_format": "yyyy-mm-dd", "align": "center"}),
        "money": workbook.add_format({**cell, "num_format": "#,##0.00"}),
        "int": workbook.add_format({**cell, "num_format": "0"}),
    }


def _write_sheet(workbook: Any, formats: dict[str, Any], sheet: Sheet, name: str,
                 written: int, grand_total: int | None,
                 progress: Callable[[int, int | None], None] | None,
                 cancelled: Callable[[], bool] | None) -> int:
    ws = workbook.add_worksheet(name)
    columns = list(sheet.columns)
    ncol = max(len(columns), 1)
    for c, col in enumerate(columns):
        ws.set_column(c, c, col.width)
    row = 0
    # constant_memory: rows must be written top to bottom, and each row complete.
    for text, fmt in ((sheet.title, "title"), (sheet.subtitle, "subtitle")):
        if text:
            ws.set_row(row, 24 if fmt == "title" else 16)
            if ncol > 1:
                ws.merge_range(row, 0, row, ncol - 1, text, formats[fmt])
            else:
                ws.write_string(row, 0, text, formats[fmt])
            row += 1
    header_row = row
    ws.set_row(header_row, 30)
    for c, col in enumerate(columns):
        ws.write_string(header_row, c, col.header, formats["header"])
    row += 1
    ws.freeze_panes(row, 0)
    ws.repeat_rows(0, header_row)
    ws.set_landscape()
    ws.set_paper(9)  # A4
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.4, right=0.4, top=0.6, bottom=0.6)
    ws.set_footer("&C第 &P 页，共 &N 页")
    writers = [_writer(ws, formats, col.kind) for col in columns]
    count = 0
    for values in sheet.rows:
        if row >= MAX_ROWS:
            raise ValidationError("rows", "too_many", key="xlsx.too_many_rows",
                                  params={"sheet": name, "max": MAX_ROWS - header_row - 1})
        if len(values) != len(columns):
            raise ValueError(f"row {count + 1} of sheet {name!r} has {len(values)} values "
                             f"for {len(columns)} columns")
        for c, value in enumerate(values):
            if value is not None and value != "":
                writers[c](row, c, value)
            else:
                ws.write_blank(row, c, None, formats[columns[c].kind])
        row += 1
        count += 1
        if count % STEP == 0:
            if cancelled is not None and cancelled():
                raise Cancelled()
            if progress is not None:
                progress(written + count, grand_total)
    if columns:
        ws.autofilter(header_row, 0, max(row - 1, header_row), len(columns) - 1)
    return written + count


def _write_id(ws: Any, formats: dict[str, Any], r: int, c: int, v: object) -> None:
    ws.write_string(r, c, str(v), formats["id"])


def _write_date(ws: Any, formats: dict[str, Any], r: int, c: int, v: object) -> None:
    if isinstance(v, datetime):
        ws.write_datetime(r, c, v.replace(tzinfo=None), formats["date"])
    elif isinstance(v, date):
        ws.write_datetime(r, c, datetime(v.year, v.month, v.day), formats["date"])
    else:
        ws.write_string(r, c, str(v), formats["date"])


def _write_money(ws: Any, formats: dict[str, Any], r: int, c: int, v: object) -> None:
    if isinstance(v, int) and not isinstance(v, bool):
        ws.write_number(r, c, v / 100, formats["money"])  # 分 -> 元
    else:
        ws.write_string(r, c, str(v), formats["text"])


def _write_int(ws: Any, formats: dict[str, Any], r: int, c: int, v: object) -> None:
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        ws.write_number(r, c, v, formats["int"])
    else:
        ws.write_string(r, c, str(v), formats["text"])


def _write_text(ws: Any, formats: dict[str, Any], r: int, c: int, v: object) -> None:
    if isinstance(v, bool):
        v = "是" if v else "否"
    elif isinstance(v, datetime):
        v = v.strftime("%Y-%m-%d %H:%M")
    elif isinstance(v, date):
        v = v.isoformat()
    ws.write_string(r, c, str(v), formats["text"])


_WRITERS = {"id": _write_id, "date": _write_date, "money": _write_money, "int": _write_int,
            "text": _write_text}


def _writer(ws: Any, formats: dict[str, Any], kind: str) -> Callable[[int, int, object], None]:
    return functools.partial(_WRITERS[kind], ws, formats)


__all__ = ["FONT", "KINDS", "MAX_ROWS", "Cancelled", "Column", "Sheet", "sheet_name",
           "write_xlsx"]
