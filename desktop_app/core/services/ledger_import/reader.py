"""Reading a ledger file: .xlsx / .xls (and .xlsb / .ods) with python-calamine, .csv in
UTF-8 or GBK (GB18030) — every cell as text, the header row found under a title row."""

from __future__ import annotations

import csv
import hashlib
import io
import unicodedata
from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sync_contract.faults import fault

from ...errors import ValidationError
from .types import SourceTable

SPREADSHEETS = (".xlsx", ".xlsm", ".xls", ".xlsb", ".ods")
CSV = (".csv", ".txt")
#: Rows looked at for the header (a title and a blank row or two may come first).
HEADER_SCAN = 20
#: A float this large is an ID number Excel stored as a number (its last digits lost).
_BIG = 1e15


def cell_text(value: object) -> str:
    """A cell as the clerk sees it: dates as ``2026-11-24``, whole numbers without
    ``.0``, text stripped."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e18:
            return str(int(value))
        return repr(value)
    if isinstance(value, time | timedelta):
        return str(value)
    return str(value).strip()


def normal_header(text: str) -> str:
    """A header as compared for suggestions and layouts: NFKC, no spaces or line breaks."""
    return "".join(unicodedata.normalize("NFKC", text).split())


def layout_key(headers: Sequence[str]) -> str:
    """The layout of a file: its header texts (normalised), in order."""
    body = "\x1f".join(normal_header(h) for h in headers)
    return hashlib.sha256(body.encode("utf-8")).hexdigest()[:32]


def _unreadable(path: Path) -> ValidationError:
    return ValidationError("file", "unreadable", key="import.file_unreadable",
                           params={"name": path.name})


def _spreadsheet_rows(path: Path) -> tuple[str, Sequence[Sequence[object]]]:
    from python_calamine import CalamineError, SheetVisibleEnum, load_workbook

    try:
        with path.open("rb") as fh:
            wb = load_workbook(fh)
            names = [s.name for s in wb.sheets_metadata
                     if s.visible == SheetVisibleEnum.Visible] or wb.sheet_names
            if not names:
                raise _unreadable(path)
            sheet = wb.get_sheet_by_name(names[0])
            return names[0], list(sheet.to_python(skip_empty_area=False))
    except OSError as exc:
        raise fault(exc, path.parent, "read_ledger") from exc
    except (CalamineError, ValueError, KeyError) as exc:
        if isinstance(exc, ValidationError):
            raise
        raise _unreadable(path) from None


def decode_csv(data: bytes) -> str:
    """UTF-8 (with or without BOM), else GB18030 (a superset of GBK, what Excel in a
    Chinese Windows saves as CSV)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("gb18030")


def _csv_rows(path: Path) -> tuple[str, Sequence[Sequence[object]]]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise fault(exc, path.parent, "read_ledger") from exc
    try:
        text = decode_csv(data)
    except UnicodeDecodeError:
        raise _unreadable(path) from None
    head = text[:4096]
    delimiter = max(",\t;", key=head.count) if head else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return path.stem, [list(r) for r in reader]


def _header_index(rows: list[list[str]]) -> int | None:
    counts = [sum(1 for c in r if c) for r in rows[:HEADER_SCAN]]
    most = max(counts, default=0)
    if most == 0:
        return None
    need = max(2, -(-most * 3 // 5)) if most >= 2 else 1
    for i, n in enumerate(counts):
        if n >= need:
            return i
    return None


def read(path: Path) -> SourceTable:
    """The first visible sheet of ``path`` (or the CSV file) as text rows under its
    header. Bad file → ValidationError (Chinese, naming the file); an OS fault →
    :class:`~sync_contract.faults.FileFault`."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in SPREADSHEETS:
        sheet, raw = _spreadsheet_rows(path)
    elif suffix in CSV:
        sheet, raw = _csv_rows(path)
    else:
        raise ValidationError("file", "format", key="import.file_format",
                              params={"name": path.name})
    rows = [[cell_text(c) for c in r] for r in raw]
    at = _header_index(rows)
    if at is None:
        raise ValidationError("file", "empty", key="import.file_empty", params={"name": path.name})
    header = rows[at]
    width = max(len(header), max((len(r) for r in rows[at + 1:]), default=0))
    while width and not header[width - 1:width] and all(
            len(r) < width or not r[width - 1] for r in rows[at + 1:]):
        width -= 1
    headers = [(header[i] if i < len(header) else "") or f"第{i + 1}列" for i in range(width)]
    data: list[list[str]] = []
    numbers: list[int] = []
    for offset, r in enumerate(rows[at + 1:], start=at + 2):
        if not any(r):
            continue
        cells = (r + [""] * width)[:width]
        data.append(cells)
        numbers.append(offset)
    return SourceTable(path, sheet, at + 1, headers, data, numbers, layout_key(headers))
