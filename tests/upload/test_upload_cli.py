"""``desktop-app upload-settings`` / ``upload`` / ``download-return`` against a live county
receiver (the demo township's real packages)."""

from __future__ import annotations

import shutil

from county_receiver.http import issue_token
from desktop_app.cli import main as cli_main
from tests.county.helpers import new_county
from tests.county.upload_server import live_receiver
from tests.helpers.cli import as_user


def test_upload_verbs(world, tmp_path, monkeypatch, capsys):
    data = tmp_path / "township"
    shutil.copytree(world.data_dir, data)

    def main(user: str, *argv: str) -> int:
        return cli_main(as_user(monkeypatch, data, user) + list(argv))

    county = new_county(f"sqlite:///{tmp_path / 'county.sqlite3'}", world)
    token_file = tmp_path / "token.txt"
    token_file.write_text(issue_token(county, world.code) + "\n")
    try:
        with live_receiver(county, tmp_path / "county-data") as base:
            assert main("admin", "upload") == 1
            assert "尚未设置县级接收端地址" in capsys.readouterr().err
            assert main("admin", "upload-settings", "--url", base, "--token-file",
                        str(token_file)) == 0
            out = capsys.readouterr().out
            assert base in out and "token: set" in out and token_file.read_text().strip() not in out
            assert main("admin", "upload") == 0
            assert "已上传第 1、2、3 号包" in capsys.readouterr().out   # 3: the logins
            assert main("admin", "upload") == 0     # only what is new (this login's event)
            assert "已上传第 4 号包" in capsys.readouterr().out
            assert main("admin", "download-return") == 0
            assert "已导入返回包 1" in capsys.readouterr().out
            assert main("admin", "download-return") == 0
            assert "没有新的返回包" in capsys.readouterr().out
        assert main("admin", "upload") == 1                  # the server is gone: offline
        assert "导出到U盘" in capsys.readouterr().err
    finally:
        county.close()
