"""The export's JSON lines are built by SQLite (export.iter_records); they must be
byte-identical to canonical_json of the records built in Python (iter_record_dicts),
including for values SQLite would render differently (those rows go to the Python
reference). And the hand-assembled inner ZIP equals what ``zipfile`` writes."""

from __future__ import annotations

import io
import sqlite3
import zipfile
import zlib

from desktop_app.core.services.sync import export as exp
from sync_contract import envelope as env
from tests.helpers.sync import fill

TYPES = env.TYPES[env.TOWNSHIP_EXPORT]


def _db(services) -> str:
    return str(services.ctx.db.data_dir / "township.sqlite3")


def _compare(path: str) -> dict[str, int]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        hi = exp.change_counter(con)
        counts = {}
        for type_ in TYPES:
            fast = b"".join(b"".join(line + b"\n" for line in chunk.lines)
                            for chunk in exp.iter_records(con, type_, 1, hi))
            ref = b"".join(env.canonical_json(r) + b"\n"
                           for r in exp.iter_record_dicts(con, type_, 1, hi))
            assert fast == ref, type_
            counts[type_] = ref.count(b"\n")
            # and a range in the middle
            mid = hi // 2
            fast = [line for chunk in exp.iter_records(con, type_, mid, hi)
                    for line in chunk.lines]
            ref = [env.canonical_json(r) for r in exp.iter_record_dicts(con, type_, mid, hi)]
            assert fast == ref, type_
        return counts
    finally:
        con.close()


def test_sql_lines_equal_the_python_reference(services, synced):
    fill(services, synced, 6)
    counts = _compare(_db(services))
    assert counts["application"] == 6 and counts["event"] > 6
    assert counts["requested_item"] > 0 and counts["document"] > 0


ODD = "引号\"反斜杠\\ 控制\x00\x01\x08\t\n\x0b\x0c\r\x1f\x7f 行分隔\u2028\u2029 😀 é '单引号' </script>"


def test_sql_lines_equal_the_reference_for_odd_values(services, synced):
    fill(services, synced, 4)
    path = _db(services)
    con = sqlite3.connect(path)
    with con:
        ids = [r[0] for r in con.execute("SELECT id FROM application ORDER BY id")]
        a1, a2, a3, a4 = ids[:4]
        con.execute("UPDATE application SET hardship_reason = ?, business = ?, "
                    "reject_reasons = ? WHERE id = ?",
                    (ODD, "x" * 5000, '["甲", "乙\\"丙", "\\u4e01"]', a1))
        con.execute("UPDATE application SET housing_area_m2 = 0.1 + 0.2, vehicles = 1e20, "
                    "reject_reasons = '[\"原因一\", \"原因二\"]' WHERE id = ?", (a2,))
        con.execute("UPDATE application SET urgent = 'yes', decided_at = '2026-11-24', "
                    "reject_reasons = 'not json' WHERE id = ?", (a3,))
        con.execute("UPDATE application SET supporters_able = 2, updated_at = "
                    "'2026-11-24 10:00:00', created_at = '20261124T100000', "
                    "reject_reasons = '[1, true, null]' WHERE id = ?", (a4,))
        con.execute("UPDATE household_member SET name = ?, birth_date = 19900101 "
                    "WHERE application_id = ?", (ODD, a1))
        con.execute("UPDATE income SET monthly_fen = 12.5 WHERE application_id = ?", (a2,))
        con.execute("UPDATE material SET name = ? WHERE id = (SELECT min(id) FROM material)",
                    (ODD,))
        con.execute("UPDATE material SET position = 1.5 WHERE id = (SELECT max(id) FROM material)")
        # positions against id order: the children must still come in position order
        item = con.execute("SELECT item_id FROM material GROUP BY item_id "
                           "HAVING count(*) > 2 LIMIT 1").fetchone()[0]
        con.execute("UPDATE material SET position = 100 - position WHERE item_id = ?", (item,))
        con.execute("UPDATE requested_item SET result_text = ?, due_provisional = 7 "
                    "WHERE application_id = ?", (ODD, a1))
        con.execute("UPDATE document SET void_reason = ?, voided = 1, "
                    "voided_at = '2026-11-24 10:00:00.5' WHERE application_id = ?", (ODD, a1))
    con.close()
    _compare(path)


def test_hand_assembled_zip_equals_zipfile(tmp_path, county):
    recs = {"village": [{"code": f"{i:03d}", "name": ODD, "uuid": str(i)} for i in range(3000)],
            "ack": [env.Chunk([b'{"a":1}', b'{"a":2}'])],
            "feedback": []}
    manifest = {"kind": env.COUNTY_RETURN, "township_code": "420106001000",
                "device_id": "0d6c3e55-5f0a-4c57-9a3e-2c1f6b1f3a10", "package_seq": 3,
                "created_at": "2026-11-24T02:00:00Z"}
    built = env.write_inner(tmp_path / "inner.zip", recs, manifest, county.signing_key)
    assert built.counts == {"ack": 2, "catalogue": 0, "confirmation": 0, "eligibility": 0,
                            "feedback": 0, "holiday_year": 0, "signer": 0, "standards": 0,
                            "village": 3000, "voided_document": 0, "warning": 0}
    data = {"ack": b'{"a":1}\n{"a":2}\n',
            "village": b"".join(env.canonical_json(r) + b"\n" for r in recs["village"])}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        entries = [(env.MANIFEST, built.manifest_bytes),
                   (env.SIGNATURE, county.signing_key.sign(built.manifest_bytes))]
        entries += [(env.member_name(t), data.get(t, b"")) for t in env.TYPES[env.COUNTY_RETURN]]
        for name, payload in entries:
            zi = zipfile.ZipInfo(name, date_time=env.ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.create_system = 3
            zi.external_attr = (0o100644) << 16
            zf.writestr(zi, payload, compresslevel=1)
    assert (tmp_path / "inner.zip").read_bytes() == buf.getvalue()
    with zipfile.ZipFile(tmp_path / "inner.zip") as zf:
        assert zf.testzip() is None
        assert zf.read("data/village.jsonl") == data["village"]
        assert zf.getinfo("data/village.jsonl").compress_size == len(
            zlib.compress(data["village"], 1)) - 6   # raw DEFLATE, level 1
