"""Small county CLI items of issue 11: ``make-return --out`` into a folder that does not
exist is one Chinese line and no file (never a file named like the folder), and the
county's log goes to its own data folder — never the township's — also by default."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from county_receiver import cli


@pytest.fixture
def isolated(tmp_path, monkeypatch):
    """A working folder and per-user data folders of our own; the log handler removed after."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    yield tmp_path
    root = logging.getLogger()
    for h in [h for h in root.handlers if isinstance(h, cli._Handler)]:
        root.removeHandler(h)
        h.close()


def _files(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")
            if "xdg" not in p.parts and "logs" not in p.parts}


@pytest.mark.parametrize("out", ["missing/folder", "missing/folder/", "newfolder", "newfolder/",
                                 "new.zip", "missing/R1.twret"])
def test_make_return_into_a_missing_folder_is_one_chinese_line_and_no_file(isolated, capsys, out):
    before = _files(isolated)
    code = cli.main(["--data-dir", str(isolated / "logs"), "make-return", "--township",
                     "110101001000", "--out", out])
    err = capsys.readouterr().err
    assert code == 1
    assert err.count("\n") == 1 and err.startswith("county-receiver: 文件夹 ")
    assert "不存在，未写入任何文件" in err and "Traceback" not in err
    assert _files(isolated) == before            # no package, no folder, not even a database
    assert not (isolated / "newfolder").exists() and not (isolated / "missing").exists()


def test_make_return_to_a_twret_name_in_an_existing_folder_passes_the_check(isolated, capsys):
    """A file name is accepted; here the county has no keys yet, so nothing is written either."""
    code = cli.main(["--data-dir", str(isolated / "logs"), "make-return", "--township",
                     "110101001000", "--out", str(isolated / "ret.twret")])
    err = capsys.readouterr().err
    assert code == 1 and "没有县级密钥" in err and "文件夹" not in err
    assert not (isolated / "ret.twret").exists()


def test_county_logs_into_its_own_folder_by_default(isolated, capsys):
    """No --data-dir: the log is under the receiver's own per-user folder
    (TownshipCountyReceiver), and the township's (TownshipServiceWindow) is not touched."""
    assert cli.main(["townships"]) == 0
    own = cli.default_data_dir()
    assert own.is_relative_to(isolated / "xdg") and own.name == cli.APP_NAME
    log = own / "logs" / "county-receiver.log"
    assert log.exists()
    township = isolated / "xdg" / "TownshipServiceWindow"
    assert not township.exists()
    assert not list(isolated.glob("**/app.log"))  # the township's log file name, nowhere
