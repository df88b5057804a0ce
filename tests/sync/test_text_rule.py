"""Issue #11: one text rule at both ends — the rule itself, the township side, the reader.

* The rule (``sync_contract/text.py``) as a table.
* Every string field of every county-return record type (from the schemas) × every bad
  text: a county-signed return carrying it is refused by the township import with
  ``text_invalid`` naming record, line and field, never the value; no row changes.
* Fields the township takes from a return and exports again follow the same rule in
  both directions (so a return can never plant what the county then refuses).
* The reader: a damaged manifest is ``not_zip`` (not "unexpected error BadZipFile"), an
  over-long line is ``line_too_long`` (not ``count_mismatch``).
"""

from __future__ import annotations

import io
import json
import logging
import shutil
import zipfile
from datetime import datetime
from pathlib import Path

import pyrage
import pytest

from desktop_app.core.rules.eligibility import DEFAULT_ENTRY
from sync_contract import envelope as env
from sync_contract.envelope import PackageError
from sync_contract.keys import KeyStore
from sync_contract.text import DEFAULT, MAX_CHARS, TextRule, find_problem, text_problem
from tests.helpers.sync import all_members, craft, db_digest, return_manifest, township_code
from tests.helpers.text_rule import (
    BAD,
    SENTINEL,
    expected,
    field_id,
    inject,
    line,
    rule_of,
    string_fields,
)

KIND = env.COUNTY_RETURN
ML = TextRule(multiline=True)
VERBATIM = TextRule(verbatim=True, max_chars=262_144)


# -- the rule -------------------------------------------------------------------------
@pytest.mark.parametrize(("value", "rule", "code"), [
    ("", DEFAULT, None),
    ("张三", DEFAULT, None),
    ("阿依古丽·买买提", DEFAULT, None),
    ("Café", DEFAULT, None),                      # composed é: NFC
    ("𠀀𪚥", DEFAULT, None),                      # Ext-B: astral scalar values are fine
    ("a" * MAX_CHARS, DEFAULT, None),
    ("a" * (MAX_CHARS + 1), DEFAULT, "too_long"),
    ("a" * 300_000, VERBATIM, "too_long"),
    ("\ud800", DEFAULT, "surrogate"),            # JSON "\ud800" decodes to this
    ("a\udfffb", ML, "surrogate"),
    ("a\x00b", DEFAULT, "control_char"),
    ("a\x00b", ML, "control_char"),
    ("\x07", DEFAULT, "control_char"),
    ("a\rb", ML, "control_char"),                # lines end with LF only
    ("\x7f", DEFAULT, "control_char"),           # DEL
    ("\x85", DEFAULT, "control_char"),           # C1 (NEL)
    ("a\nb", DEFAULT, "line_break"),
    ("a\tb", DEFAULT, "line_break"),
    ("a\nb\tc", ML, None),
    ("\u0301a", DEFAULT, "combining_start"),
    ("a\n\u0301b", ML, "combining_start"),       # a line of a multi-line text
    ("e\u0301", DEFAULT, "not_nfc"),
    ("e\u0301", VERBATIM, None),                 # hashed bytes: never re-normalised
    ("a\x85\x7fb", VERBATIM, None),              # nor DEL/C1 (written before the rule)
    ("a\x00b", VERBATIM, "control_char"),         # but nothing a receiver cannot store
    ("\ud800", VERBATIM, "surrogate"),
    ("\uf900", DEFAULT, "not_nfc"),              # CJK compatibility ideograph
    ("\u200b", DEFAULT, None),                   # format characters are not the wire's business
])
def test_text_rule_table(value, rule, code):
    """Issue #11: scalar values only, no C0/DEL/C1 (TAB/LF only where allowed), NFC, no
    leading combining mark, bounded length."""
    assert text_problem(value, rule) == code


def test_find_problem_walks_values_keys_and_arrays():
    rules = {("notes", "*"): ML}
    assert find_problem({"a": ["x", {"b": "ok"}], "notes": ["a\nb"]}, rules) is None
    found = find_problem({"a": ["x", {"b": "ok\x00"}]}, rules)
    assert found is not None and found.path == ("a", 1, "b") and found.code == "control_char"
    found = find_problem({"a": {"k\x00": 1}})
    assert found is not None and found.path == ("a",) and found.key
    assert find_problem({"notes": ["a\nb"]}) is not None          # not multi-line by default


def test_schema_annotations():
    """Multi-line: the free prose fields; the event detail keeps its exact bytes."""
    exp = env.TOWNSHIP_EXPORT
    assert rule_of(exp, "application", ("hardship_reason",)) == ML
    assert rule_of(exp, "requested_item", ("result_text",)) == ML
    assert rule_of(KIND, "feedback", ("result_text",)) == ML
    assert rule_of(exp, "event", ("detail",)) == VERBATIM
    assert rule_of(exp, "household_member", ("name",)) == DEFAULT
    assert rule_of(exp, "household_member", ("hukou_address",)) == DEFAULT


#: county-return field -> the township-export field the township stores it in
RETURNED = [
    (("feedback", "result_text"), ("requested_item", "result_text")),
    (("feedback", "signed_by"), ("requested_item", "signed_by")),
    (("feedback", "department"), ("list_document", "department")),
    (("village", "name"), ("village", "name")),
    (("village", "code"), ("village", "code")),
    # format 3: the county's confirmation becomes the task's `county` step and result
    (("confirmation", "text"), ("task_stage", "text")),
    (("confirmation", "text"), ("requested_item", "result_text")),
    (("confirmation", "document_number"), ("task_stage", "ref")),
]


@pytest.mark.parametrize(("ret", "exp"), RETURNED)
def test_what_a_return_brings_can_be_exported_again(ret, exp):
    """The bug of issue #11: a return planted text the county then refused in every later
    package. A field copied from a return into an exported field has the same rule."""
    assert rule_of(KIND, ret[0], ret[1:]) == rule_of(env.TOWNSHIP_EXPORT, exp[0], exp[1:])


# -- the township import --------------------------------------------------------------
TASK = "5b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d"


def _base_records(code: str) -> dict[str, dict]:
    catalogue = json.loads((Path(__file__).resolve().parents[2] / "resources" / "catalog"
                            / "items.json").read_text("utf-8"))
    return {
        "ack": {"package_seq": 1, "sha256": "0" * 64},
        "catalogue": {"version": str(catalogue.get("version", "1")), "document": catalogue},
        "eligibility": {**DEFAULT_ENTRY, "effective_from": "2027-01-01"},
        "confirmation": {"task_uuid": TASK, "outcome": "approved", "decided_on": "2026-11-24",
                         "amount_fen": 60000, "period_from": "2026-12-01",
                         "period_to": "2027-11-30", "document_number": "某民审〔2026〕12号",
                         "text": "同意纳入低保"},
        "feedback": {"task_uuid": TASK, "result": "done", "result_on": "2026-11-24",
                     "result_text": "已报销", "amount_fen": 60000, "period_from": None,
                     "period_to": None, "signed_by": "王医保", "signed_on": "2026-11-24",
                     "department": "HEALTHCARE"},
        "holiday_year": {"year": 2027, "holidays": ["2027-01-01"], "workdays": ["2027-02-07"]},
        "standards": {"effective_from": "2027-01-01", "entry": {"rural_dibao_fen": 60000}},
        "village": {"code": code[:9] + "999", "name": "新村", "valid_from": None,
                    "valid_to": None},
        "warning": {"uuid": "6c8d2e3f-4a51-4b6c-9d7e-8f9a0b1c2d3e", "list_no": "YJ-2026-11",
                    "listed_on": "2026-11-20", "village_code": code[:9] + "001",
                    "name": "张预警", "id_number": "", "reason": "因病支出骤增",
                    "risk": "high", "source": "县民政局低收入人口动态监测平台",
                    "withdrawn": False},
        # format 5 (issue 17 — qrcheck): the document verifier's trust lists
        "signer": {"township_code": code, "name": "某某镇",
                   "public_key": "A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg=",
                   "fingerprint": "56475aa75463474c0285df5dbf2bcab73da651358839e9b77481b2eab107708c",
                   "valid_from": "2026-11-01", "valid_to": None},
        "voided_document": {"township_code": code, "number": "SL-20261120-0001",
                            "kind": "receipt", "voided_on": "2026-11-21"},
    }


@pytest.fixture(scope="module")
def town(tmp_path_factory, _template_dir):
    """A demo township with the county's keys (one per module: every case is refused,
    so none changes it — checked by the digest)."""
    from desktop_app.core.services import Services
    from desktop_app.core.services.auth import SYSTEM
    from desktop_app.core.services.demo import create_demo_township
    from tests.helpers.clock import Clock

    root = tmp_path_factory.mktemp("text-township")
    data = root / "data"
    shutil.copytree(_template_dir, data)
    svc = Services.open(data, clock=Clock(datetime(2026, 11, 24, 10, 0)))
    admin = create_demo_township(svc)
    county = KeyStore(root / "county-keys").ensure()
    county.public_keys("county", "522201", "测试县民政局").write(root / "county-public.json")
    svc.sync.import_county_keys(root / "county-public.json", SYSTEM)
    svc.sync.keys.ensure()
    base = _base_records(township_code(svc))
    try:
        yield svc, admin, county, data, base, root
    finally:
        svc.close()


def _return(town, type_: str, rec: dict, name: str) -> Path:
    svc, _, county, _, _, root = town
    members = all_members({env.member_name(type_): line(rec)})
    man = return_manifest(svc, county, 1, members)
    return craft(root / f"{name}.twret", man, members, signing_key=county.signing_key,
                 recipient=svc.sync.keys.age_recipient)


def _open(town, path: Path) -> None:
    svc, _, county, *_ = town
    with env.open_package(path, [svc.sync.keys.age_identity], [county.signing_key.public_key()]):
        pass


def test_return_base_records_are_valid(town):
    for type_, rec in town[4].items():
        env.validate_record(KIND, type_, rec)
        _open(town, _return(town, type_, rec, f"base-{type_}"))


CASES = [(t, c) for t in env.TYPES[KIND] for c in BAD]


@pytest.mark.parametrize(("type_", "case"), CASES, ids=[f"{t}-{c}" for t, c in CASES])
def test_bad_text_in_every_return_field_is_refused_and_nothing_changes(town, type_, case,
                                                                        caplog):
    svc, admin, _, data, base, _ = town
    before = db_digest(data)
    caplog.set_level(logging.DEBUG)
    fields = string_fields(KIND, type_)
    if type_ == "catalogue":            # the document is free JSON: its texts too
        fields = [*fields, ("document", "note")]
    for field in fields:
        path = _return(town, type_, inject(base[type_], field, BAD[case][0]),
                       f"{type_}-{field_id(field).replace('/', '.')}-{case}")
        code = expected(KIND, type_, field, case) if field[0] != "document" else BAD[case][1]
        if code is None:
            _open(town, path)          # allowed here (a multi-line field)
            continue
        with pytest.raises(PackageError) as exc:
            svc.sync.import_package(path, admin)
        err = exc.value
        where = "/" + field_id(field).replace("*", "0")
        assert err.reason == "text_invalid", (field, case, err.message)
        assert f"{type_} record 1 (line 1), field {where}: " in err.message, err.message
        assert "\n" not in err.message and SENTINEL not in err.message
    assert db_digest(data) == before
    assert SENTINEL not in caplog.text


def test_county_signed_nul_in_a_village_name_is_refused(town):
    """The case of issue #11: it used to be stored and re-exported, and a PostgreSQL
    county then refused every later package of the township."""
    svc, admin, _, data, base, _ = town
    before = db_digest(data)
    path = _return(town, "village", dict(base["village"], name="新\u0000村"), "nul-village")
    with pytest.raises(PackageError) as exc:
        svc.sync.import_package(path, admin)
    assert exc.value.message == (
        "记录中的文字不符合文本规则：village 第 1 条记录（第 1 行）的字段 /name含有控制字符 / "
        "record text breaks the text rule: village record 1 (line 1), field /name: contains "
        "a control character")
    assert db_digest(data) == before


def test_bad_property_name_is_refused_without_quoting_it(town):
    path = _return(town, "standards", {"effective_from": "2027-01-01",
                                       "entry": {SENTINEL + "\x00": 1}}, "bad-key")
    with pytest.raises(PackageError) as exc:
        _open(town, path)
    assert exc.value.reason == "text_invalid"
    assert "field /entry: a field name contains a control character" in exc.value.message
    assert SENTINEL not in exc.value.message


# -- the reader -----------------------------------------------------------------------
def _zip_with_bad_crc(town, victim: str) -> bytes:
    """A valid return package's inner ZIP with one byte of ``victim``'s data changed
    (stored, so the change survives as a CRC mismatch)."""
    svc, _, county, _, base, _ = town
    members = all_members({env.member_name("village"): line(base["village"])})
    man = return_manifest(svc, county, 1, members)
    mbytes = env.canonical_json(man)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr(env.MANIFEST, mbytes)
        zf.writestr(env.SIGNATURE, county.signing_key.sign(mbytes))
        for name, data in members.items():
            zf.writestr(name, data)
    raw = bytearray(buf.getvalue())
    needle = mbytes[:40] if victim == env.MANIFEST else line(base["village"])[:40]
    i = bytes(raw).index(needle) + 20
    raw[i] ^= 0x01
    return bytes(raw)


@pytest.mark.parametrize(("victim", "reason"), [(env.MANIFEST, "not_zip"),
                                                ("data/village.jsonl", "hash_mismatch")])
def test_damaged_member_is_a_reason_not_an_unexpected_error(town, victim, reason):
    """Issue #11 item 9: a corrupt manifest CRC gave "unexpected error BadZipFile"."""
    svc, admin, _, data, _, root = town
    path = root / f"crc-{victim.replace('/', '.')}.twret"
    path.write_bytes(pyrage.encrypt(_zip_with_bad_crc(town, victim),
                                    [pyrage.x25519.Recipient.from_str(svc.sync.keys.age_recipient)]))
    before = db_digest(data)
    with pytest.raises(PackageError) as exc:
        svc.sync.import_package(path, admin)
    assert exc.value.reason == reason, exc.value.message
    assert "\n" not in exc.value.message
    assert db_digest(data) == before


def test_over_long_line_is_line_too_long_not_count_mismatch(town):
    """Issue #11 item 9: a line over the limit used to be counted as several lines."""
    svc, _, county, *_ = town
    rec = dict(town[4]["village"], name="新村")
    long_rec = line(dict(rec, name="长" * 50))
    members = all_members({env.member_name("village"): line(rec) + long_rec + line(rec)})
    path = craft(town[5] / "long-line.twret", return_manifest(svc, county, 1, members), members,
                 signing_key=county.signing_key, recipient=svc.sync.keys.age_recipient)
    limits = env.Limits(max_line_bytes=len(long_rec) - 10)
    with pytest.raises(PackageError) as exc:
        env.open_package(path, [svc.sync.keys.age_identity], [county.signing_key.public_key()],
                         limits=limits)
    assert exc.value.reason == "line_too_long", exc.value.message
    assert f"village record 2 (line 2): more than {limits.max_line_bytes} bytes" in exc.value.message


def test_17_mib_line_with_the_default_limit(town):
    """The reported case: one 17 MiB record line (limit 16 MiB)."""
    svc, admin, county, data, base, root = town
    rec = dict(base["village"], name="x" * (17 << 20))
    members = all_members({env.member_name("village"): line(rec)})
    man = return_manifest(svc, county, 1, members)
    # STORED, so the zip-bomb ratio check does not answer first
    buf = io.BytesIO()
    mbytes = env.canonical_json(man)
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr(env.MANIFEST, mbytes)
        zf.writestr(env.SIGNATURE, county.signing_key.sign(mbytes))
        for name, blob in members.items():
            zf.writestr(name, blob)
    path = root / "17mib.twret"
    path.write_bytes(pyrage.encrypt(buf.getvalue(),
                                    [pyrage.x25519.Recipient.from_str(svc.sync.keys.age_recipient)]))
    before = db_digest(data)
    with pytest.raises(PackageError) as exc:
        svc.sync.import_package(path, admin)
    assert exc.value.reason == "line_too_long", exc.value.message
    assert db_digest(data) == before
