"""``desktop-app import-ledger`` (issue 16): dry run writes nothing, a mapping file by
header text, the rejects file, the commit refused for a clerk, the county list."""

from __future__ import annotations

import json

import pytest

from desktop_app.cli import main
from desktop_app.core.db import open_database
from tests.helpers.cli import as_user
from tests.ledger_import.ledgers import make_rows, write_xlsx

VILLAGES = ["石桥村", "杉树村"]


def _imported(data) -> int:
    db = open_database(data)
    try:
        from sqlalchemy import text

        with db.read() as s:
            return int(s.execute(text("SELECT count(*) FROM application WHERE source='import'"))
                       .scalar_one())
    finally:
        db.close()


@pytest.mark.slow  # ~6 s: logins (scrypt) and the services opened per command
def test_import_ledger_command(tmp_path, capsys, monkeypatch):
    data = tmp_path / "d"
    assert main(["--data-dir", str(data), "demo", "--applications", "0"]) == 0
    led = make_rows(VILLAGES, 60, bad_share=0.05)
    ledger = write_xlsx(tmp_path / "台账.xlsx", led)
    capsys.readouterr()
    # dry run: every problem row by number, nothing written
    assert main(as_user(monkeypatch, data, "clerk1") + [
        "import-ledger", str(ledger), "--dry-run", "--rejects", str(tmp_path / "r.xlsx")]) == 0
    out = capsys.readouterr().out
    assert "第3行为表头" in out and "试导入（未写入）" in out and f"可导入{led.good}行" in out
    for row_no in led.bad:
        assert f"第{row_no}行（" in out
    assert led.rows[0][2] not in out            # no ID number printed
    assert (tmp_path / "r.xlsx").exists() and _imported(data) == 0
    # a clerk may check but not import
    assert main(as_user(monkeypatch, data, "clerk1") + ["import-ledger", str(ledger)]) == 1
    assert "只有负责人或管理员可以导入原有台账" in capsys.readouterr().err
    assert _imported(data) == 0
    # a mapping file by header text; the supervisor imports; again: nothing added
    mapping = tmp_path / "m.json"
    mapping.write_text(json.dumps({"户主姓名": "name", "身份证号码": "id_number", "4": "village",
                                   "救助类别": "救助事项", "申请日期": "intake_date",
                                   "审批结果": "result", "月保障金额（元）": "amount"},
                                  ensure_ascii=False), encoding="utf-8")
    assert main(as_user(monkeypatch, data, "supervisor") + [
        "import-ledger", str(ledger), "--mapping", str(mapping)]) == 0
    assert f"已导入{led.good}行" in capsys.readouterr().out
    assert _imported(data) == led.good
    assert main(as_user(monkeypatch, data, "supervisor") + [
        "import-ledger", str(ledger), "--mapping", str(mapping)]) == 0
    assert "已导入0行" in capsys.readouterr().out and _imported(data) == led.good
    # a bad mapping file: one Chinese line, exit 1
    mapping.write_text(json.dumps({"不存在的列": "name"}, ensure_ascii=False), encoding="utf-8")
    assert main(as_user(monkeypatch, data, "supervisor") + [
        "import-ledger", str(ledger), "--mapping", str(mapping)]) == 1
    assert "表格中没有表头为“不存在的列”的列" in capsys.readouterr().err
    # the county list: matched by ID and name
    assert main(as_user(monkeypatch, data, "clerk1") + [
        "import-ledger", str(ledger), "--county-list"]) == 0
    out = capsys.readouterr().out
    assert "已匹配" in out and led.rows[0][2] not in out
