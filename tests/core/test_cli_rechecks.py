"""动态管理 from the command line (issue 15): ``rechecks`` lists the re-checks due,
``recheck`` records one and prints its documents, ``taper-list`` prints the month's
渐退期满名单; a problem is one Chinese line and exit code 1."""

from __future__ import annotations

from desktop_app.cli import main as cli_main
from tests.core.test_rechecks import ELDERLY, pdf_text, recipient
from tests.helpers.cli import as_user


def test_recheck_verbs(services, township, clock, monkeypatch, capsys):
    task = recipient(services, township, members=ELDERLY, incomes={"pension": "150"})
    folder = services.ctx.db.data_dir
    services.close()

    def main(*argv: str) -> int:
        return cli_main(as_user(monkeypatch, folder, "admin") + list(argv))

    capsys.readouterr()
    assert main("rechecks", "--within", "400") == 0
    lines = capsys.readouterr().out.rstrip("\n").splitlines()
    row = dict(zip(lines[0].split("\t"), lines[1].split("\t"), strict=True))
    assert (row["任务号"], row["分类"], row["复核日期"]) == (str(task), "A", "2027-11-24")
    # a stop without its reason: refused, nothing written
    assert main("recheck", str(task), "stop", "--on", "2026-11-24") == 1
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "请填写停止原因" in err
    assert main("recheck", str(task), "taper", "--on", "2026-11-24", "--month", "2026-12",
                "--investigators", "王五，赵六") == 0
    out = capsys.readouterr().out
    assert "recheck_form" in out and "review_notice" in out
    # the 6-month 渐退 from 2026-12 ends on 2027-05-31: on May's list
    assert main("taper-list", "2027-05") == 0
    path = capsys.readouterr().out.strip()
    assert path.endswith("-taper_list.pdf") and "张三" in pdf_text(path)
    assert main("taper-list", "2027/05") == 1
    assert "月份格式不正确" in capsys.readouterr().err
