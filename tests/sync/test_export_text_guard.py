"""Issue #11 review finding: one pasted tab must never block sync. What the window stores
is the cleaned text (tabs, CR, NEL folded to spaces, NFC), so the county's own validator
accepts every record of the package; and a record stored some other way (before the text
rule, or through a path that did not clean it) stops the export with the record and field
named, before a package number is taken — a package the county refuses would block every
later one."""

from __future__ import annotations

import json
import zipfile

import pytest
from sqlalchemy import text

from sync_contract.envelope import TOWNSHIP_EXPORT, PackageError, validate_record
from tests.helpers.drafts import draft, resident_id
from tests.helpers.sync import db_digest

from .test_export import age_decrypt


def test_pasted_tabs_and_line_breaks_are_stored_clean_and_the_county_accepts_them(
        services, synced, county, tmp_path):
    d = draft(services, name="王\t五", id_number=resident_id(seed=3), business="商铺一间\t月租500",
              hardship_reason="丈夫去年\r\n病故\x85无收入")
    d.applicant.hukou_address = "清水镇\t石桥村\r12号"
    services.intake.decide(d, "accept", synced)
    services.intake.decide(draft(services, name="李\t六", id_number=resident_id(seed=5)),
                           "reject", synced, reject_reasons=["材料\t不全"])
    out = tmp_path / "usb"
    out.mkdir()
    res = services.sync.export(out, synced)
    inner = age_decrypt(county.folder / "age.key", res.path, tmp_path / "inner.zip")
    checked = 0
    with zipfile.ZipFile(inner) as zf:
        for name in zf.namelist():
            if not name.endswith(".jsonl"):
                continue
            type_ = name.rsplit("/", 1)[-1].removesuffix(".jsonl")
            for line in zf.read(name).splitlines():
                validate_record(TOWNSHIP_EXPORT, type_, json.loads(line))  # the county's check
                checked += 1
                assert b"\\t" not in line and b"\\r" not in line
    assert checked > 10
    with services.ctx.db.read() as s:
        stored = s.execute(text("SELECT business, hardship_reason FROM application "
                                "WHERE business != ''")).one()
    assert stored == ("商铺一间 月租500", "丈夫去年 病故 无收入")


def test_a_record_stored_without_the_rule_stops_the_export_naming_it(services, synced, tmp_path):
    services.intake.decide(draft(services, id_number=resident_id(seed=3)), "accept", synced)
    with services.ctx.db.transaction() as s:  # as an older version could have stored it
        s.execute(text("UPDATE application SET business = '商铺' || char(9) || '一间'"))
    data = services.ctx.db.data_dir
    before = db_digest(data)
    out = tmp_path / "usb"
    out.mkdir()
    with pytest.raises(PackageError) as caught:
        services.sync.export(out, synced)
    err = caught.value
    assert err.reason == "text_invalid"
    assert "导出已停止，未生成同步包" in err.message and "/business" in err.message
    assert "商铺" not in err.message  # the field is named, never its value
    assert list(out.iterdir()) == [] and services.sync.log() == []
    assert db_digest(data) == before
