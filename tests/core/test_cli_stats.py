"""``stats`` from the command line (issue 16): the plain table equals the service's
report, ``--xlsx`` writes the same table, a bad period or file is one Chinese line and
exit code 1 with nothing written."""

from __future__ import annotations

from pathlib import Path

import openpyxl

from desktop_app.cli import main as cli_main
from desktop_app.core.rules.periods import parse_period
from desktop_app.core.services.stats import FIGURES, format_value
from tests.helpers.cli import as_user


def test_stats_verb(services, township, monkeypatch, capsys, tmp_path: Path) -> None:
    from tests.bench.bulk import generate

    generate(services, 60, seed=5, days=90)
    report = services.stats.report(parse_period("2026-10"), "village")
    assert report.total.values["received"]  # the table has something to show
    folder = services.ctx.db.data_dir
    services.close()

    def main(*argv: str) -> int:
        return cli_main(as_user(monkeypatch, folder, "clerk1") + list(argv))

    capsys.readouterr()
    out = tmp_path / "out" / "统计.xlsx"
    assert main("stats", "--period", "2026-10", "--by", "village", "--xlsx", str(out)) == 0
    lines = [line.split("\t") for line in capsys.readouterr().out.splitlines()]
    assert lines[0] == ["村（社区）", *(f.label for f in FIGURES)]
    assert [row[0] for row in lines[1:]] == [r.label for r in report.rows] + ["合计"]
    for row, expected in zip(lines[1:], [*report.rows, report.total], strict=True):
        assert row[1:] == [format_value(f, expected.values[f.code]) for f in FIGURES]
    # the same table in Excel: counts as numbers, money in 元
    sheet = openpyxl.load_workbook(out, read_only=True).active
    cells = [[c for c in row] for row in sheet.iter_rows(values_only=True)]
    header = next(i for i, row in enumerate(cells) if row[0] == "村（社区）")
    assert list(cells[header][1:]) == [f.label for f in FIGURES]
    total = cells[header + 1 + len(report.rows)]
    assert total[0] == "合计"
    assert total[1] == report.total.values["received"]
    assert [p.name for p in out.parent.iterdir()] == ["统计.xlsx"]  # no scratch left


def test_stats_verb_refuses_bad_input(services, township, monkeypatch, capsys,
                                      tmp_path: Path) -> None:
    folder = services.ctx.db.data_dir
    services.close()

    def main(*argv: str) -> int:
        return cli_main(as_user(monkeypatch, folder, "clerk1") + list(argv))

    capsys.readouterr()
    assert main("stats", "--period", "2026-13") == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "统计期间格式不正确" in err
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main("stats", "--period", "2026-11", "--xlsx", str(blocker / "t.xlsx")) == 1
    err = capsys.readouterr().err.strip()
    # the fault's one Chinese line, naming the folder (no traceback)
    assert len(err.splitlines()) == 1 and str(blocker) in err
    assert any("\u4e00" <= ch <= "\u9fff" for ch in err)
    assert not (blocker / "t.xlsx").exists()
