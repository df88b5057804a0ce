"""``desktop-app ledger``: lists the templates, writes a ledger as a logged-in user,
refuses full IDs to a clerk and bad input in one Chinese line (exit 1, nothing written)."""

from __future__ import annotations

import openpyxl
import pytest

from desktop_app.cli import main as cli_main
from tests.helpers.cli import as_user
from tests.ledgers.test_ledgers import _demo

POPULATED = {"demo": _demo}


@pytest.fixture
def demo(populated_template, data_dir):
    return populated_template(_demo, data_dir)[1]


def test_ledger_verb(services, demo, data_dir, monkeypatch, capsys, tmp_path):
    services.close()

    def main(user: str, *argv: str) -> int:
        return cli_main(as_user(monkeypatch, data_dir, user) + list(argv))

    capsys.readouterr()
    assert main("clerk1", "ledger", "--list") == 0
    listed = [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()]
    assert listed == ["acceptance", "referral", "temporary", "roster"]

    out = tmp_path / "out" / "受理登记台账.xlsx"
    assert main("clerk1", "ledger", "acceptance", "--from", "2026-10-01", "--to", "2026-10-31",
                "--out", str(out)) == 0
    said = capsys.readouterr().out.strip()
    assert said.startswith("社会救助受理登记台账：") and "证件号码已遮盖" in said and str(out) in said
    ws = openpyxl.load_workbook(out).active
    assert ws["A2"].value.endswith("2026年10月1日至2026年10月31日")

    full = tmp_path / "out" / "full.xlsx"
    assert main("clerk1", "ledger", "roster", "--from", "2026-10-01", "--to", "2026-10-31",
                "--out", str(full), "--full-ids") == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "完整证件号码" in err[0] and not full.exists()
    assert main("supervisor", "ledger", "roster", "--from", "2026-10-01", "--to", "2026-10-31",
                "--out", str(full), "--full-ids") == 0
    assert "完整证件号码" in capsys.readouterr().out and full.exists()

    for argv, words in [
        (("ledger", "nosuch", "--from", "2026-10-01", "--to", "2026-10-31", "--out", "x.xlsx"),
         "没有名为“nosuch”的台账模板"),
        (("ledger", "acceptance", "--from", "2026/10/01", "--to", "2026-10-31", "--out", "x.xlsx"),
         "--from 的日期格式不正确"),
        (("ledger", "acceptance", "--from", "2026-10-31", "--to", "2026-10-01", "--out", "x.xlsx"),
         "开始日期不能晚于结束日期"),
        (("ledger", "acceptance", "--from", "2026-10-01", "--to", "2026-10-31"), "--out"),
        (("ledger",), "ledger --list"),
    ]:
        assert main("clerk1", *argv) == 1
        err = capsys.readouterr().err.strip().splitlines()
        assert len(err) == 1 and words in err[0], err
    assert not (tmp_path / "x.xlsx").exists()
