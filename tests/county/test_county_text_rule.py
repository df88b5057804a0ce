"""Issue #11: one text rule at both ends — the county side.

Every string field of every township-export record type (from the schemas) × every bad
text (lone surrogate, NUL, another C0 control, a leading combining mark, 1 MB, non-NFC,
a line break): a signed, encrypted package carrying it is refused with ``text_invalid``
by a SQLite county and by a PostgreSQL county (slow), with the same reason the shared
reader gives the township, the field named and the value never quoted; every county row
stays as it was. The packages are built once per session and shared by both databases.
"""

from __future__ import annotations

import logging
import uuid
from pathlib import Path

import pytest

from sync_contract import envelope as env
from sync_contract.envelope import PackageError
from sync_contract.keys import KeyStore, read_public_keys
from tests.county.helpers import export_manifest, new_county, read_package
from tests.helpers.sync import craft
from tests.helpers.text_rule import BAD, SENTINEL, expected, field_id, inject, line, string_fields

KIND = env.TOWNSHIP_EXPORT
UUID = "5b7c1d2e-3f40-4a5b-8c6d-7e8f9a0b1c2d"
#: Types the demo packages do not carry: a valid record made by hand.
MADE: dict[str, dict] = {
    "emergency_aid": {
        "uuid": UUID, "version": 1, "change_seq": 1, "local_id": 1, "application_uuid": UUID,
        "item_uuid": UUID, "number": "临救〔2026〕1号", "amount_fen": 50000, "method": "cash",
        "cause": "火灾", "paid_on": "2026-11-24", "paperwork_due": "2026-12-01",
        "paperwork_provisional": False, "recorded_by_uuid": None,
        "created_at": "2026-11-24T02:00:00.000000"},
    "list_document": {
        "uuid": UUID, "version": 1, "change_seq": 1, "local_id": 1, "kind": "handover",
        "number": "转〔2026〕1号", "department": "HEALTHCARE", "day": "2026-11-24",
        "template_version": "1", "sha256": "0" * 64, "created_by_uuid": None,
        "created_at": "2026-11-24T02:00:00.000000", "print_count": 0},
    "related_person": {
        "uuid": UUID, "version": 1, "change_seq": 1, "local_id": 1, "application_uuid": UUID,
        "position": 0, "name": "王大山", "relation": "子", "id_type": "RESIDENT_ID",
        "id_number": "110101198001010016", "no_id_reason": "", "phone": "13800000000",
        "address": "某村", "supporter": True, "guardian": False, "household_size": 3,
        "monthly_income_fen": 150000, "able": False, "unable_reason": "low_income",
        "note": "在外务工"},
    # format 3 (issue 13)
    "task_stage": {
        "uuid": UUID, "version": 1, "change_seq": 1, "local_id": 1, "application_uuid": UUID,
        "item_uuid": UUID, "stage": "visit", "started_on": "2026-11-24", "done_on": "2026-11-24",
        "ends_on": None, "due_date": "2026-12-15", "outcome": "", "amount_fen": None,
        "people": ["李四", "王五"], "text": "家中无劳动力", "ref": "", "village_uuid": None,
        "details": "{}", "source": "township", "replaces_uuid": None, "recorded_by_uuid": None,
        "created_at": "2026-11-24T02:00:00.000000"},
    "reserve_batch": {
        "uuid": UUID, "version": 1, "change_seq": 1, "local_id": 1, "number": "BZ-2026-1",
        "submitted_on": "2026-11-24", "total_fen": 50000, "reimbursed_on": None,
        "reimbursed_fen": None, "text": "十一月报账", "recorded_by_uuid": None,
        "created_at": "2026-11-24T02:00:00.000000"},
    "reserve_entry": {
        "uuid": UUID, "version": 1, "change_seq": 1, "local_id": 1, "number": "BY-2026-1",
        "kind": "payment", "amount_fen": 50000, "on": "2026-11-24", "text": "先行救助",
        "application_uuid": UUID, "item_uuid": UUID, "emergency_aid_uuid": UUID,
        "batch_uuid": None, "recorded_by_uuid": None,
        "created_at": "2026-11-24T02:00:00.000000"},
    # format 4 (issue 15 — reviews)
    "household_review": {
        "uuid": UUID, "version": 1, "change_seq": 1, "local_id": 1, "application_uuid": UUID,
        "item_uuid": UUID, "kind": "change", "on": "2027-03-05", "change_kinds": ["income"],
        "snapshot_no": 1, "counted_members": 2, "net_income_fen": 140000,
        "net_per_capita_fen": 70000, "topup_fen": 0, "standards_from": "2026-01-01",
        "eligibility_from": "2021-01-01", "review_class": "C",
        "class_reason": "有劳动能力的家庭成员 1 人，收入来源不固定", "suggested": "taper",
        "outcome": "taper", "amount_fen": 60000, "effective_month": "2027-04-01",
        "taper_ends_on": "2027-09-30", "stop_reason": "", "investigators": ["王五", "赵六"],
        "findings": "配偶在县城务工", "next_review_on": "2027-09-30", "replaces_uuid": None,
        "recorded_by_uuid": None, "created_at": "2027-03-05T02:00:00.000000"},
    # format 4 (issue 15 — providers)
    "provider": {
        "uuid": UUID, "version": 1, "change_seq": 1, "local_id": 1, "name": "城关镇社会工作服务站",
        "kind": "social_work", "services": ["SVC_VISIT", "SVC_CARE"], "phone": "0571-12345601",
        "address": "城关镇便民服务中心二楼", "active": True, "valid_from": None, "valid_to": None,
        "recorded_by_uuid": None, "created_at": "2026-11-24T02:00:00.000000",
        "updated_at": "2026-11-24T02:00:00.000000"},
    # format 4 (issue 15 — care)
    "care_plan": {
        "uuid": UUID, "version": 1, "change_seq": 1, "local_id": 1, "application_uuid": UUID,
        "item_uuid": UUID, "member_uuid": UUID, "assessed_on": "2026-11-24",
        "assessors": ["李四", "赵六"], "indicators": '{"bath": false, "dress": true}',
        "failed_count": 1, "level": "partial", "setting_from": "2021-01-01",
        "mode": "dispersed", "institution": "", "caretaker_kind": "relative",
        "caretaker_name": "王建国", "caretaker_relation": "侄子",
        "caretaker_phone": "13900000001", "caretaker_address": "石桥村四组",
        "services": ["watch", "daily"], "agreement_no": "522201101-20261124-0001-W1",
        "starts_on": "2026-12-01", "ends_on": "2027-11-30", "amount_fen": 40000,
        "signed_on": "2026-11-24", "ended_on": None, "end_reason": "", "note": "每周探视",
        "replaces_uuid": None, "recorded_by_uuid": None,
        "created_at": "2026-11-24T02:00:00.000000"},
    # format 4 (issue 15 — leads)
    "lead": {
        "uuid": UUID, "version": 1, "change_seq": 1, "local_id": 1, "number": "XS2026-0001",
        "source": "hotline", "reported_on": "2026-11-20", "ticket_no": "GD1", "origin_ref": "",
        "subject_name": "欧阳秀兰", "subject_id_number": "", "subject_phone": "",
        "village_uuid": None, "address": "三组", "situation": "老人独居\n取暖困难",
        "reply_due": "2026-11-27", "replied_on": None, "reply_text": "", "assignee": "赵协理",
        "assigned_on": "2026-11-20", "visit_due": "2026-11-27", "status": "assigned",
        "outcome": "", "outcome_text": "", "application_uuid": None, "closed_on": None,
        "recorded_by_uuid": None, "created_at": "2026-11-20T02:00:00.000000"},
    "lead_visit": {
        "uuid": UUID, "version": 1, "change_seq": 1, "local_id": 1, "lead_uuid": UUID,
        "visited_on": "2026-11-21", "visitors": ["赵协理"], "findings": "独居",
        "recorded_by_uuid": None, "created_at": "2026-11-21T02:00:00.000000"},
    # format 4 (issue 15 — monitor)
    "monitor_visit": {
        "uuid": UUID, "version": 1, "change_seq": 1, "local_id": 1, "application_uuid": UUID,
        "warning_uuid": None, "visited_on": "2026-11-24", "visitors": ["李秀英"],
        "findings": "子女已就业，继续观察", "reasons": ["edge"], "outcome": "keep",
        "next_visit_on": "2027-05-23", "lead_ref": "", "recorded_by_uuid": None,
        "created_at": "2026-11-24T02:00:00.000000"},
}
CASES = [(t, c) for t in env.TYPES[KIND] for c in BAD]


@pytest.fixture(scope="session")
def text_packages(world, tmp_path_factory):
    """``build(type, field, case)`` → (path, expected code); base records: one valid
    record per type (with non-empty arrays), from the world's real packages."""
    folder = tmp_path_factory.mktemp("text-rule-packages")
    base: dict[str, dict] = dict(MADE)
    for path in world.packages:
        _, recs = read_package(world, path)
        for type_, rows in recs.items():
            for rec in rows:
                if type_ not in base or (type_ == "document" and rec["prints"]):
                    base[type_] = rec
    built: dict[tuple, tuple[Path, str | None]] = {}
    key, rcpt = world.township_keys.signing_key, world.county_recipient

    def package(type_: str, rec: dict, name: str) -> Path:
        members = {env.member_name(t): b"" for t in env.TYPES[KIND]}
        members[env.member_name(type_)] = line(rec)
        man = export_manifest(world, 2, members, lo=10_000, hi=10_000)
        return craft(folder / f"{name}.twpkg", man, members, signing_key=key, recipient=rcpt)

    def build(type_: str, field: tuple[str, ...], case: str) -> tuple[Path, str | None]:
        if (type_, field, case) not in built:
            rec = inject(base[type_], field, BAD[case][0])
            name = f"{type_}-{field_id(field).replace('/', '.')}-{case}"
            built[type_, field, case] = (package(type_, rec, name), expected(KIND, type_, field, case))
        return built[type_, field, case]

    build.base = base                                  # type: ignore[attr-defined]
    build.package = package                            # type: ignore[attr-defined]
    return build


@pytest.fixture(scope="module")
def sqlite_county(world, tmp_path_factory):
    county = new_county(f"sqlite:///{tmp_path_factory.mktemp('text-county') / 'c.sqlite3'}", world)
    county.ingest(world.packages[0])
    yield county
    county.close()


@pytest.fixture(scope="module")
def pg_county(world, pg_server):
    name = f"county_{uuid.uuid4().hex[:12]}"
    pg_server.admin(f"CREATE DATABASE {name} OWNER {pg_server.user};")
    county = new_county(pg_server.url(name), world)
    try:
        county.ingest(world.packages[0])
        yield county
    finally:
        county.close()
        pg_server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE);")


def _reader_reason(world, path: Path) -> str | None:
    """What the reader both ends share says (the township opens packages with it too)."""
    pub = read_public_keys(world.township_public)
    try:
        with env.open_package(path, [KeyStore(world.county_keys).age_identity], [pub.ed25519]):
            return None
    except PackageError as exc:
        return exc.reason


def test_base_records_are_valid(world, text_packages):
    """The matrix starts from valid records: each refusal comes from the injected text."""
    for type_ in env.TYPES[KIND]:
        rec = text_packages.base[type_]
        env.validate_record(KIND, type_, rec)
        assert _reader_reason(world, text_packages.package(type_, rec, f"base-{type_}")) is None


def test_every_string_field_is_in_the_matrix():
    """Derived from the schemas: a field added to a schema is covered without a test edit."""
    fields = string_fields(KIND, "household_member")
    assert ("name",) in fields and ("id_number",) in fields and ("uuid",) in fields
    assert ("materials", "*", "name") in string_fields(KIND, "requested_item")
    assert ("reject_reasons", "*") in string_fields(KIND, "application")
    assert ("detail",) in string_fields(KIND, "event")


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)])
@pytest.mark.parametrize(("type_", "case"), CASES, ids=[f"{t}-{c}" for t, c in CASES])
def test_bad_text_in_every_field_is_refused_and_nothing_changes(
        backend, type_, case, world, text_packages, request, caplog):
    county = request.getfixturevalue("sqlite_county" if backend == "sqlite" else "pg_county")
    before = county.digest()
    caplog.set_level(logging.DEBUG)
    for field in string_fields(KIND, type_):
        path, code = text_packages(type_, field, case)
        where = "/" + field_id(field).replace("*", "0")
        if code is None:        # the field allows it (multi-line text, the hashed detail)
            assert _reader_reason(world, path) is None, (field, case)
            continue
        with pytest.raises(PackageError) as exc:
            county.ingest(path)
        err = exc.value
        assert err.reason == "text_invalid", (field, case, err.message)
        if backend == "sqlite":          # the township's reader: the same function
            assert _reader_reason(world, path) == err.reason
        assert f"{type_} record 1 (line 1), field {where}: " in err.message, err.message
        assert "\n" not in err.message and SENTINEL not in err.message
    assert county.digest() == before
    assert SENTINEL not in caplog.text


def test_township_reader_names_the_record_line_and_rule(world, text_packages):
    path, _ = text_packages("household_member", ("name",), "nul")
    with pytest.raises(PackageError) as exc:
        env.open_package(path, [KeyStore(world.county_keys).age_identity],
                         [read_public_keys(world.township_public).ed25519])
    assert exc.value.message == (
        "记录中的文字不符合文本规则：household_member 第 1 条记录（第 1 行）的字段 /name含有控制字符"
        " / record text breaks the text rule: household_member record 1 (line 1), field "
        "/name: contains a control character")


def test_schema_error_names_the_field_and_never_quotes_the_value(world, text_packages):
    """A 100-character name (schema maxLength 30) used to be quoted in the message."""
    rec = dict(text_packages.base["household_member"], name=SENTINEL * 50)
    path = text_packages.package("household_member", rec, "long-name")
    with pytest.raises(PackageError) as exc:
        env.open_package(path, [KeyStore(world.county_keys).age_identity],
                         [read_public_keys(world.township_public).ed25519])
    assert exc.value.reason == "schema_invalid"
    assert "household_member record 1 (line 1), field /name: longer than 30 characters" \
        in exc.value.message
    assert SENTINEL not in exc.value.message


@pytest.mark.parametrize("backend", ["sqlite", pytest.param("postgresql", marks=pytest.mark.slow)])
def test_county_inputs_follow_the_rule_before_any_query(backend, world, request):
    """Feedback and names typed at the county: refused before they reach the database
    (PostgreSQL would refuse a NUL with an error quoting the statement)."""
    county = request.getfixturevalue("sqlite_county" if backend == "sqlite" else "pg_county")
    before = county.digest()
    for case in ("nul", "lone_surrogate", "not_nfc"):
        bad = BAD[case][0]
        with pytest.raises(PackageError) as exc:
            county.load_feedback([{"task_uuid": bad, "result": "done", "result_on": "2026-11-24"}])
        assert exc.value.reason == "text_invalid" and SENTINEL not in exc.value.message
        with pytest.raises(PackageError) as exc:
            county.check_updates(world.code, {"village": [
                {"code": world.code[:9] + "999", "name": bad, "valid_from": None,
                 "valid_to": None}]})
        assert exc.value.reason == "update_invalid" and SENTINEL not in exc.value.message
        with pytest.raises(PackageError) as exc:
            county.register(world.code, world.township_public, name=bad)
        assert exc.value.reason == "keys_invalid" and SENTINEL not in exc.value.message
    assert county.digest() == before
