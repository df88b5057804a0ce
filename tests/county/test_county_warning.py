"""The county's warning list (预警名单, 低收入人口动态监测; sync format 4, issue 15 item 4):
``county-receiver warning add FILE --township CODE`` checks every record as the township
will, stores the list (revision 0004), sends it once in the township's next return of
format 4 and marks it sent — on SQLite and on a real PostgreSQL (``slow``)."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session

from county_receiver import cli
from county_receiver.models import CountyWarning
from county_receiver.receiver import warning_record, warnings_from_file
from desktop_app.core.rules.identity import check_char
from sync_contract import envelope as env
from sync_contract.envelope import PackageError
from sync_contract.keys import KeyStore
from sync_contract.versions import COUNTY_RETURN, types_of
from tests.county.helpers import new_county


def _id(birth: str, seq: int) -> str:
    body = f"522201{birth}{seq:03d}"
    return body + check_char(body)


CSV_HEAD = "名单编号,列入日期,村（居）代码,姓名,身份证号,预警原因,风险等级,来源,撤销\n"


def _csv(tmp_path, world, rows: list[str], name: str = "list.csv"):
    path = tmp_path / name
    path.write_text(CSV_HEAD + "".join(r + "\n" for r in rows), encoding="utf-8-sig")
    return path


def _rows(world) -> list[str]:
    village = world.code[:9] + "201"
    return [f"预警〔2026〕7号,2026-11-20,{village},田秀梅,{_id('19680512', 22)},"
            "医保系统提示：近三个月自付医疗费用较高,中,县民政局低收入人口动态监测平台,否",
            f"预警〔2026〕7号,2026-11-20,{village},罗永福,{_id('19581201', 31)},"
            "残联数据比对：新增重度残疾人,高,县残联,否"]


@pytest.mark.parametrize(("field", "value", "words"), [
    ("id_number", "522201196805120000", "身份证号码无效"),
    ("village_code", "110101001201", "不是乡镇"),
    ("risk", "极高", "风险等级"),
    ("listed_on", "2026-02-30", "不是日期"),
    ("name", "", "姓名不能为空"),
    ("reason", "很长" * 101, "过长"),
    ("withdrawn", "也许", "撤销"),
    ("colour", "red", "未知字段"),
])
def test_a_bad_warning_record_is_named_without_its_value(world, field, value, words):
    good = {"list_no": "预警〔2026〕7号", "listed_on": "2026-11-20",
            "village_code": world.code[:9] + "201", "name": "田秀梅",
            "id_number": _id("19680512", 22), "reason": "自付医疗费用较高", "risk": "medium",
            "source": "县民政局", "withdrawn": False}
    assert warning_record(world.code, good)["risk"] == "medium"
    with pytest.raises(PackageError) as err:
        warning_record(world.code, {**good, field: value}, 3)
    assert err.value.reason == "warning_invalid" and words in err.value.message
    assert "第 3 条" in err.value.message
    if value and field not in ("colour",):
        assert value not in err.value.message


def test_the_list_is_stored_and_sent_once_in_the_next_return(world, county_url, tmp_path):
    county = new_county(county_url, world)
    try:
        county.ingest(world.packages[0])
        county.ingest(world.packages[1])
        before = county.digest()
        bad = _csv(tmp_path, world, [*_rows(world), "x,2026-11-20,,,,,,,"], "bad.csv")
        with pytest.raises(PackageError) as err:            # one bad record: nothing stored
            county.add_warnings(world.code, warnings_from_file(bad))
        assert "第 3 条" in err.value.message and county.digest() == before
        path = _csv(tmp_path, world, _rows(world))
        got = county.add_warnings(world.code, warnings_from_file(path))
        assert (got.added, got.replaced) == (2, 0)
        again = county.add_warnings(world.code, warnings_from_file(path))
        assert (again.added, again.replaced) == (0, 2)       # the same list: same uuids
        with Session(county.engine) as s:
            rows = s.scalars(select(CountyWarning).order_by(CountyWarning.id)).all()
            assert [(r.name, r.risk, r.withdrawn, r.return_seq) for r in rows] == [
                ("田秀梅", "medium", False, None), ("罗永福", "high", False, None)]
        out = tmp_path / "out"
        out.mkdir()
        ret = county.make_return(world.code, out)
        assert ret is not None and ret.format_version >= 4
        assert "warning" in types_of(COUNTY_RETURN, 4) and ret.counts["warning"] == 2
        county_key = KeyStore(world.county_keys).signing_key.public_key()
        with env.open_package(ret.path, [world.township_keys.age_identity], [county_key],
                              kind=env.COUNTY_RETURN, township_code=world.code) as pkg:
            sent = list(pkg.iter_records("warning"))
        assert [(r["name"], r["risk"]) for r in sent] == [("田秀梅", "medium"), ("罗永福", "high")]
        assert sent[0]["uuid"] == rows[0].uuid
        # sent once: the next return has nothing to carry
        assert county.make_return(world.code, out) is None
        # withdrawn later: the same uuid again, in a later return
        withdrawn = dict(sent[1], withdrawn=True)
        file = tmp_path / "withdraw.json"
        file.write_text(json.dumps([withdrawn], ensure_ascii=False), encoding="utf-8")
        assert county.add_warnings(world.code, warnings_from_file(file)).added == 1
        ret2 = county.make_return(world.code, out)
        assert ret2 is not None and ret2.counts["warning"] == 1
    finally:
        county.close()


def test_cli_warning_add(world, tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    county = new_county(db, world)
    try:
        county.ingest(world.packages[0])
    finally:
        county.close()
    common = ["--db", db, "--keys", str(world.county_keys)]
    logs = ["--data-dir", str(tmp_path / "logs")]
    bad = _csv(tmp_path, world, ["x,2026-11-20,110101001201,张三,,原因,中,县,否"], "bad.csv")
    assert cli.main([*logs, "warning", *common, "add", str(bad), "--township", world.code]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "不是乡镇" in err
    path = _csv(tmp_path, world, _rows(world))
    assert cli.main([*logs, "warning", *common, "add", str(path), "--township", world.code]) == 0
    assert "recorded 2 warning(s)" in capsys.readouterr().out
    log = (tmp_path / "logs" / "logs" / "county-receiver.log").read_text(encoding="utf-8")
    assert "田秀梅" not in log and _id("19680512", 22) not in log
