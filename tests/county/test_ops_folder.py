"""``ops.ingest_folder``: a USB folder of packages ingested in order per township, gaps
and refusals explained in Chinese, a refused township's later packages skipped with the
reason while other townships go on, cancel between packages, and one audit event per
package applied (docs/county-accounts.md)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from county_receiver import audit, ops
from county_receiver.accounts import CountyActor, CountyRefused
from county_receiver.models import CountyAuditEvent
from sync_contract.keys import public_key_b64
from tests.county.helpers import build_export, new_county

OFFICER = CountyActor(7, "officer1", "经办人甲", "officer")
DEPT = CountyActor(8, "dept1", "卫健局", "department", "HEALTHCARE")
OTHER_CODE = "522201102000"


def _folder(tmp_path: Path, files: dict[str, Path]) -> Path:
    usb = tmp_path / "usb"
    for rel, src in files.items():
        (usb / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, usb / rel)
    return usb


def _events(county, action: str | None = None) -> list[CountyAuditEvent]:
    with Session(county.engine) as s:
        q = select(CountyAuditEvent).order_by(CountyAuditEvent.seq)
        if action:
            q = q.where(CountyAuditEvent.action == action)
        return list(s.scalars(q))


@pytest.fixture
def county(tmp_path, world):
    c = new_county(f"sqlite:///{tmp_path / 'county.sqlite3'}", world)
    yield c
    c.close()


@pytest.fixture
def other(tmp_path, world, county):
    """A second registered township with two (empty) packages of its own."""
    key = Ed25519PrivateKey.generate()
    county.register(OTHER_CODE, public_key_b64(key.public_key()))
    out = tmp_path / "other"
    out.mkdir()
    return [build_export(out / f"{OTHER_CODE}-{n:06d}.twpkg", world, n, {}, lo=n, hi=n,
                         signing_key=key, code=OTHER_CODE) for n in (1, 2)]


def test_packages_ingested_in_order_from_folder_and_subfolder(tmp_path, world, county):
    p1, p2 = world.packages
    usb = _folder(tmp_path, {f"b/{p2.name}": p2, p1.name: p1, f"._{p1.name}": p1,
                             "notes.txt": p1})
    steps: list[tuple[int, int, str]] = []
    report = ops.ingest_folder(county, usb, OFFICER,
                               progress=lambda d, t, text: steps.append((d, t, text)))
    assert [(i.package_seq, i.status) for i in report.items] == [(1, ops.INGESTED),
                                                                 (2, ops.INGESTED)]
    assert report.ok and report.gaps == {} and not report.cancelled
    assert all(i.records > 0 and "已接收" in i.message_zh for i in report.items)
    assert steps[-1] == (2, 2, "完成") and all(t == 2 for _, t, _ in steps)
    assert [d for d, _, _ in steps] == sorted(d for d, _, _ in steps)
    ingests = _events(county, "ingest")
    assert [json.loads(e.detail)["package_seq"] for e in ingests] == [1, 2]
    assert {e.actor for e in ingests} == {"officer1"}
    assert audit.verify_chain(county.engine).ok

    again = ops.ingest_folder(county, usb, OFFICER)        # the same stick once more
    assert [i.status for i in again.items] == [ops.ALREADY, ops.ALREADY] and again.ok
    assert len(_events(county, "ingest")) == 2             # nothing applied: no event
    assert "以前已接收 2 个" in again.summary_zh


def test_gap_is_named_and_later_packages_wait(tmp_path, world, county):
    p1, p2 = world.packages
    report = ops.ingest_folder(county, _folder(tmp_path / "a", {p2.name: p2}), OFFICER)
    (item,) = report.items
    assert item.status == ops.REFUSED and item.reason == "sequence_gap"
    assert item.message_zh == "缺少第 1 号包，请先接收缺少的包"
    assert report.gaps == {world.code: [1]} and not report.ok
    assert f"{world.code} 缺少 第 1 号包" in report.summary_zh
    assert _events(county, "ingest") == []
    assert json.loads(_events(county, "ingest.refused")[0].detail)["reason"] == "sequence_gap"

    report = ops.ingest_folder(county, _folder(tmp_path / "b", {p1.name: p1, p2.name: p2}),
                               OFFICER)
    assert [i.status for i in report.items] == [ops.INGESTED, ops.INGESTED]


def test_refused_township_stops_but_others_go_on(tmp_path, world, county, other):
    p1, p2 = world.packages
    broken = tmp_path / p1.name
    broken.write_bytes(p1.read_bytes()[:-200])              # truncated on the stick
    usb = _folder(tmp_path, {p1.name: broken, p2.name: p2, other[1].name: other[1],
                             other[0].name: other[0]})
    digest = county.digest()
    report = ops.ingest_folder(county, usb, OFFICER)
    by = {(i.township_code, i.package_seq): i for i in report.items}
    assert by[(world.code, 1)].status == ops.REFUSED
    assert by[(world.code, 1)].message_zh and " / " not in by[(world.code, 1)].message_zh
    skipped = by[(world.code, 2)]
    assert skipped.status == ops.SKIPPED and "第 1 号包被拒收" in skipped.message_zh
    assert by[(OTHER_CODE, 1)].status == ops.INGESTED and by[(OTHER_CODE, 2)].status == ops.INGESTED
    assert [i.township_code for i in report.items] == sorted(i.township_code for i in report.items)
    assert county.digest() != digest
    statuses = {t.code: t.last_package_seq for t in ops.township_status(county, _today())}
    assert statuses == {world.code: 0, OTHER_CODE: 2}


def test_cancel_between_packages(tmp_path, world, county, other):
    p1, p2 = world.packages
    usb = _folder(tmp_path, {p1.name: p1, p2.name: p2, other[0].name: other[0]})
    asked: list[int] = []

    def cancelled() -> bool:
        asked.append(1)
        return len(asked) > 1                               # after the first package
    report = ops.ingest_folder(county, usb, OFFICER, cancelled=cancelled)
    assert report.cancelled and not report.ok
    assert [i.status for i in report.items] == [ops.INGESTED, ops.CANCELLED, ops.CANCELLED]
    assert {t.code: t.last_package_seq for t in ops.township_status(county, _today())} == {
        world.code: 1, OTHER_CODE: 0}
    assert "因取消未处理 2 个" in report.summary_zh


def test_a_name_that_does_not_parse_is_read_from_the_package(tmp_path, world, county):
    usb = _folder(tmp_path, {"拷贝 package.twpkg": world.packages[0]})
    (item,) = ops.ingest_folder(county, usb, OFFICER).items
    assert (item.township_code, item.package_seq, item.status) == (world.code, 1, ops.INGESTED)


def test_unreadable_unnamed_file_is_refused_with_reason(tmp_path, world, county):
    usb = tmp_path / "usb"
    usb.mkdir()
    (usb / "garbage.twpkg").write_bytes(b"not a package")
    report = ops.ingest_folder(county, usb, OFFICER)
    (item,) = report.items
    assert item.status == ops.REFUSED and item.township_code == "" and item.reason == "not_age"
    assert item.message_zh.startswith("无法识别该包：")


def test_department_may_not_ingest_and_nothing_changes(tmp_path, world, county):
    usb = _folder(tmp_path, {world.packages[0].name: world.packages[0]})
    digest = county.digest()
    with pytest.raises(CountyRefused) as err:
        ops.ingest_folder(county, usb, DEPT)
    assert err.value.reason == "forbidden" and "无权接收同步包" in err.value.message_zh
    assert county.digest() == digest and _events(county) == []


def test_missing_folder_is_a_file_fault(tmp_path, county):
    from sync_contract.faults import FileFault

    with pytest.raises(FileFault):
        ops.ingest_folder(county, tmp_path / "no-such-stick", OFFICER)


def test_empty_folder_reports_no_packages(tmp_path, county):
    report = ops.ingest_folder(county, tmp_path, OFFICER)
    assert report.items == [] and "没有同步包" in report.summary_zh


def _today():
    from datetime import date
    return date(2026, 11, 24)
