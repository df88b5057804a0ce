"""``import-ledger``: a legacy ledger (.xlsx / .xls / .csv) into the database (issue 16;
docs/import.md). Without ``--mapping`` the columns are mapped as suggested (the mapping
saved for the file's layout, else the header words) and the mapping used is printed.
``--dry-run`` checks every row and writes nothing; ``--rejects R.xlsx`` writes the refused
and duplicate rows with their problems; ``--county-list`` only matches a county list (ID
number + name) to the households recorded. Rows are named by their row number, never by
their values. Committing needs a supervisor or an administrator."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from .common import CliError, Verb, open_services


def _arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", type=Path, help=".xlsx, .xls or .csv (UTF-8 or GBK)")
    p.add_argument("--mapping", type=Path, metavar="M.json",
                   help='JSON {"header text or column number": "target code or label"}, '
                        'e.g. {"户主姓名": "name", "3": "id_number"}')
    p.add_argument("--dry-run", action="store_true", help="check every row, write nothing")
    p.add_argument("--rejects", type=Path, metavar="R.xlsx",
                   help="write the refused and duplicate rows with their problems")
    p.add_argument("--county-list", action="store_true",
                   help="only match a county list (ID number + name) to the households")


def read_mapping(path: Path, headers: list[str]) -> dict[int, str]:
    """A mapping file: header text (or a 1-based column number) → target code or label."""
    from ..core.services.ledger_import.reader import normal_header
    from ..core.services.ledger_import.types import TARGETS

    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise CliError(f"无法读取对应关系文件 {path.name}：{exc.strerror or exc}") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise CliError(f"对应关系文件 {path.name} 不是有效的JSON（UTF-8）") from None
    if not isinstance(raw, dict):
        raise CliError(f"对应关系文件 {path.name} 应为一个对象：{{\"表头\": \"项目\"}}")
    by_label = {t.label: t.code for t in TARGETS} | {t.code: t.code for t in TARGETS}
    columns = {normal_header(h): i for i, h in reversed(list(enumerate(headers)))}
    out: dict[int, str] = {}
    for key, value in raw.items():
        code = by_label.get(str(value).strip())
        if code is None:
            raise CliError(f"对应关系文件中“{value}”不是可导入的项目（可用：{'、'.join(by_label)}）")
        text = str(key).strip()
        if text.isdigit() and 1 <= int(text) <= len(headers):
            out[int(text) - 1] = code
        elif normal_header(text) in columns:
            out[columns[normal_header(text)]] = code
        else:
            raise CliError(f"表格中没有表头为“{text}”的列")
    return out


def cmd_import(args: argparse.Namespace) -> int:
    from ..core.services.ledger_import import MATCH_LABELS, STATUS_LABELS
    from ..core.services.ledger_import.types import TARGET_LABELS

    with open_services(args) as services:
        svc = services.ledger_import
        table = svc.read(args.file)
        mapping = read_mapping(args.mapping, table.headers) if args.mapping else svc.suggest(table)
        print(f"{args.file.name}：第{table.header_row}行为表头，{table.row_count}行数据")
        for col, code in sorted(mapping.items()):
            print(f"  第{col + 1}列“{table.headers[col]}” → {TARGET_LABELS[code]}（{code}）")
        if args.county_list:
            rows = svc.match_list(args.file, mapping)
            print("\t".join(("行号", "证件号码", "比对结果", "办件编号", "说明")))
            for m in rows:
                print("\t".join((str(m.row_no), m.masked_id, MATCH_LABELS[m.status],
                                 "、".join(m.application_numbers), m.problem)))
            counts = {label: sum(1 for m in rows if m.status == code)
                      for code, label in MATCH_LABELS.items()}
            print("；".join(f"{k}{v}行" for k, v in counts.items()))
            return 0
        preview = svc.preview(args.file, mapping)
        for r in preview.problem_rows():
            print(f"第{r.row_no}行（{STATUS_LABELS[r.status]}）：{'；'.join(r.problems)}")
        if args.rejects:
            n = svc.write_rejects(preview, args.rejects)
            print(f"问题行 {n} 行已写入 {args.rejects}")
        summary = "；".join(f"{STATUS_LABELS[k]}{v}行" for k, v in preview.counts.items())
        if args.dry_run:
            print(f"试导入（未写入）：{summary}")
            return 0
        result = svc.commit(args.file, mapping, args.actor).value
        print(f"已导入{result.imported}行；有问题{result.rejected}行、重复{result.duplicates}行、"
              f"以前已导入{result.imported_before}行未导入"
              + (f"（导入批次 {result.batch_id}）" if result.batch_id else ""))
    return 0


IMPORT_LEDGER = Verb("import-ledger", "import a legacy ledger (.xlsx/.xls/.csv) as historical "
                                      "applications marked 导入; --dry-run checks only",
                     cmd_import, _arguments)
