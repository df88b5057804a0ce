"""``county-receiver overdue | monthly | duplicates``: Chinese tables on stdout, ID numbers
masked, counts only in the log, bad input one line on stderr (exit 1)."""

from __future__ import annotations

import pytest
from sqlalchemy import create_engine

from county_receiver import cli
from county_receiver import db as county_db
from tests.county.test_views import ID_A, Builder

A, B = "522201100000", "522201101000"


@pytest.fixture
def county(tmp_path):
    url = f"sqlite:///{tmp_path / 'county.sqlite3'}"
    engine = create_engine(url)
    county_db.migrate(engine)
    build = Builder(engine)
    build.application(A, number="2026-0001", items=[{"handler": "MZJ", "due": "2026-11-17"}])
    build.application(B, number="2026-0107", items=[{"handler": "MZJ", "due": "2026-11-20"},
                                                    {"item": "MEDICAL", "handler": "YBJ",
                                                     "due": "2026-11-23"}])
    engine.dispose()
    return url, tmp_path


def _run(county, capsys, *argv):
    url, tmp = county
    code = cli.main(["--data-dir", str(tmp / "data"), argv[0], "--db", url,
                     "--keys", str(tmp / "keys"), *argv[1:]])
    out, err = capsys.readouterr()
    log = (tmp / "data" / "logs" / "county-receiver.log")
    return code, out, err, log.read_text(encoding="utf-8") if log.exists() else ""


def test_overdue_table_and_list(county, capsys):
    code, out, _, log = _run(county, capsys, "overdue", "--today", "2026-11-24")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "超期转办（截至 2026-11-24）"
    assert lines[1] == "部门\t甲镇\t乙镇\t合计"
    assert lines[2:] == ["MZJ\t1\t1\t2", "YBJ\t0\t1\t1", "合计\t1\t2\t3"]
    assert "overdue: 3 referrals" in log
    code, out, _, _ = _run(county, capsys, "overdue", "--today", "2026-11-24", "--list",
                           "--department", "MZJ")
    rows = out.splitlines()
    assert rows[0].startswith("乡镇代码\t乡镇\t办件编号") and len(rows) == 3
    assert rows[1].split("\t")[2:] == ["2026-0001", "DIBAO", "MZJ", "referred", "2026-11-03",
                                       "2026-11-17", "7"]


def test_monthly_and_duplicates(county, capsys):
    code, out, _, _ = _run(county, capsys, "monthly", "--period", "2026-11", "--by", "item",
                           "--today", "2026-11-24")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "月度统计（2026年11月，按救助事项）"
    assert lines[1].split("\t")[:4] == ["救助事项", "受理登记", "受理", "不予受理"]
    assert lines[2].split("\t")[:2] == ["DIBAO", "2"] and lines[-1].split("\t")[:2] == ["合计", "2"]
    code, out, _, log = _run(county, capsys, "duplicates", "--today", "2026-11-24")
    assert code == 0
    assert "同一事项在两个乡镇均有未办结申请\t身份证号 110105********002X\t事项 DIBAO" in out
    assert "2026-0001" in out and "2026-0107" in out
    assert ID_A not in out and ID_A not in log and "duplicates: 2 found" in log


@pytest.mark.parametrize("argv, words", [
    (("monthly", "--period", "2026-13"), "统计期间应为"),
    (("overdue", "--today", "24/11/2026"), "不是日期"),
    (("overdue", "--township", "999999999999"), "未在县级登记"),
])
def test_bad_input_is_one_line_on_stderr(county, capsys, argv, words):
    code, out, err, _ = _run(county, capsys, *argv)
    assert code == 1 and out == ""
    assert len(err.strip().splitlines()) == 1 and words in err
