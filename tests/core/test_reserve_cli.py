"""``desktop-app reserve …``: the 备用金 ledger on the command line (issue 13)."""

from __future__ import annotations

import subprocess

import pytest

from desktop_app.cli import main
from tests.helpers.cli import as_user


@pytest.mark.slow  # ~9 s: a dozen logins (scrypt) and services opened per command
def test_receive_balance_ledger_and_statement(tmp_path, capsys, monkeypatch):
    data = tmp_path / "d"
    assert main(["--data-dir", str(data), "demo", "--applications", "0"]) == 0
    capsys.readouterr()
    # not kept yet: refused in one line
    assert main(as_user(monkeypatch, data, "supervisor") + [
        "reserve", "receive", "20000", "--text", "县民政局拨付备用金"]) == 1
    assert "未启用临时救助备用金台账" in capsys.readouterr().err
    assert main(as_user(monkeypatch, data, "supervisor") + [
        "reserve", "setting", "--enabled", "yes"]) == 1  # administrators only
    assert "只有管理员可以修改设置" in capsys.readouterr().err
    assert main(as_user(monkeypatch, data, "admin") + [
        "reserve", "setting", "--enabled", "yes"]) == 0
    assert "备用金台账：启用；先行救助从备用金支付：是" in capsys.readouterr().out
    # a clerk may not record money in
    assert main(as_user(monkeypatch, data, "clerk1") + [
        "reserve", "receive", "20000", "--text", "县民政局拨付备用金"]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "只有负责人或管理员" in err
    assert main(as_user(monkeypatch, data, "supervisor") + [
        "reserve", "receive", "20,000", "--text", "县民政局拨付备用金"]) == 0
    out = capsys.readouterr().out
    assert "拨入 20,000.00 元" in out and "余额 20,000.00 元" in out
    # bad amount: the Chinese message, exit 1, nothing written
    assert main(as_user(monkeypatch, data, "supervisor") + [
        "reserve", "receive", "-5", "--text", "x"]) == 1
    assert capsys.readouterr().err.startswith("desktop-app: ")
    assert main(as_user(monkeypatch, data, "clerk1") + ["reserve", "balance"]) == 0
    assert "余额 20,000.00 元" in capsys.readouterr().out
    assert main(as_user(monkeypatch, data, "clerk1") + ["reserve", "ledger"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 3 and "县民政局拨付备用金" in out[2] and out[2].endswith("20,000.00")
    pdf = tmp_path / "statement.pdf"
    assert main(as_user(monkeypatch, data, "clerk1") + [
        "reserve", "statement", "--out", str(pdf)]) == 0
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    assert "临时救助备用金月度收支明细" in text and "20,000.00" in text
    assert main(as_user(monkeypatch, data, "clerk1") + ["reserve", "ledger", "--month",
                                                        "2026-99"]) == 1
    assert "月份格式" in capsys.readouterr().err
