"""The rejected-rows file: every refused or duplicate row of a preview with its values
and its problems in Chinese, as an .xlsx written atomically."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .types import STATUS_LABELS, TARGET_LABELS, TARGETS, Preview

SHEET = "问题行"


def write_rejects(preview: Preview, out: Path, *,
                  progress: Callable[[int, int | None], None] | None = None,
                  cancelled: Callable[[], bool] | None = None) -> int:
    from ...xlsx import Column, Sheet, write_xlsx

    order = [t.code for t in TARGETS if t.code in preview.mapping.values()]
    columns = [Column("原表行号", 10, "int"),
               *(Column(TARGET_LABELS[c], 22 if c == "id_number" else 14, "id" if c == "id_number"
                        else "text") for c in order),
               Column("状态", 10), Column("问题", 60)]
    bad = preview.problem_rows()
    rows = ([r.row_no, *(r.values.get(c, "") for c in order), STATUS_LABELS[r.status],
             "；".join(r.problems)] for r in bad)
    return write_xlsx(out, [Sheet(SHEET, columns, rows, title="导入问题行",
                                  subtitle=preview.path.name, total=len(bad))],
                      progress=progress, cancelled=cancelled)
