"""The county's cross-township views (county_receiver/views.py) over the derived tables
(county_receiver/derived.py): overdue referrals, monthly figures, duplicates — table-driven,
on SQLite and on a real PostgreSQL (``slow``). Records are fed to ``derive`` as ingest does;
tests/county/test_views_ingest.py checks ingest and the migration's backfill feed it the
same rows."""

from __future__ import annotations

import uuid
from datetime import date

import pytest
from sqlalchemy import create_engine, insert, select

from county_receiver import db as county_db
from county_receiver import views
from county_receiver.derived import APP, CANDIDATE, PERSON, TASK, derive
from county_receiver.models import RegisteredTownship
from county_receiver.receiver import normalise_url
from sync_contract.errors import PackageError

TODAY = date(2026, 11, 24)
TOWNSHIPS = (("522201100000", "甲镇"), ("522201101000", "乙镇"), ("522201102000", "丙乡"))
ID_A = "11010519491231002X"
ID_B = "110105194912310037"


def _u() -> str:
    return str(uuid.uuid4())


class Builder:
    """Township records in the export's shape, fed to ``derive`` like ingest does."""

    def __init__(self, engine):
        self.engine = engine
        self.tw: dict[str, int] = {}
        with engine.begin() as conn:
            for code, name in TOWNSHIPS:
                self.tw[code] = conn.execute(insert(RegisteredTownship.__table__).values(
                    code=code, name=name, ed25519_public_key="A" * 44, fingerprint=code * 5,
                    age_recipients=[], device_id="").returning(
                        RegisteredTownship.__table__.c.id)).scalar_one()

    def feed(self, code: str, type_: str, *records: dict) -> None:
        with self.engine.begin() as conn:
            derive(conn, self.tw[code], type_, list(records))

    def application(self, code: str, *, status="accepted", decision="accept",
                    intake="2026-11-02", closed=None, number=None, version=1,
                    app_uuid=None, id_number=ID_A, members=(), items=()) -> str:
        """An application with its applicant (position 0), other ``members`` (ID numbers)
        and ``items`` (dicts of requested_item fields); returns its uuid."""
        app = app_uuid or _u()
        self.feed(code, "application", {
            "uuid": app, "version": version, "number": number or f"N-{app[:8]}",
            "status": status, "decision": decision, "intake_date": intake, "closed_on": closed,
            "village_uuid": None})
        self.feed(code, "household_member", *[
            {"uuid": _u(), "version": 1, "application_uuid": app, "position": pos,
             "id_number": number_}
            for pos, number_ in enumerate((id_number, *members))])
        for item in items:
            self.task(code, app, **item)
        return app

    def task(self, code: str, app: str, *, item="DIBAO", handler="MZJ", status="accepted",
             task_status="referred", referred="2026-11-03", due="2026-11-17", result=None,
             version=1, task_uuid=None) -> str:
        t = task_uuid or _u()
        self.feed(code, "requested_item", {
            "uuid": t, "version": version, "application_uuid": app, "item_code": item,
            "handler_code": handler, "status": status, "task_status": task_status,
            "referred_on": referred, "due_date": due, "result_on": result})
        return t


@pytest.fixture
def build(county_url):
    engine = create_engine(normalise_url(county_url))
    county_db.migrate(engine)
    try:
        yield Builder(engine)
    finally:
        engine.dispose()


A, B, C = (code for code, _ in TOWNSHIPS)

# -- overdue ------------------------------------------------------------------------------
#: (case = the task's department code, application fields, task fields, counted on TODAY)
OVERDUE_CASES = [
    ("REFERRED", {}, {"task_status": "referred", "due": "2026-11-17"}, True),
    ("SIGNED", {}, {"task_status": "signed", "due": "2026-11-23"}, True),
    ("INPROG", {}, {"task_status": "in_progress", "due": "2026-11-01"}, True),
    ("DUE_TODAY", {}, {"task_status": "referred", "due": "2026-11-24"}, False),
    ("NOT_DUE", {}, {"task_status": "referred", "due": "2026-12-01"}, False),
    ("NO_DUE", {}, {"task_status": "referred", "due": None}, False),
    ("DONE", {}, {"task_status": "done", "due": "2026-11-10", "result": "2026-11-20"}, False),
    ("REFUSED", {}, {"task_status": "refused", "due": "2026-11-10"}, False),
    ("RETURNED", {}, {"task_status": "returned", "due": "2026-11-10"}, False),
    ("TO_REFER", {}, {"task_status": "to_refer", "due": "2026-11-10"}, False),
    ("VOIDED", {"status": "voided"}, {"task_status": "referred", "due": "2026-11-10"}, False),
    ("WITHDRAWN", {"status": "withdrawn"}, {"task_status": "referred", "due": "2026-11-10"},
     False),
    ("PENDING", {"status": "pending_materials"},
     {"task_status": "referred", "due": "2026-11-10"}, True),
]


def test_overdue_counts_exactly_the_waiting_referrals_past_their_due_day(build):
    for dept, app_fields, task_fields, _ in OVERDUE_CASES:
        build.application(A, **app_fields, items=[{"handler": dept, **task_fields}])
    # the township's own task, overdue, is not a referral
    build.application(A, items=[{"handler": "TOWNSHIP", "task_status": "in_progress",
                                 "due": "2026-11-01"}])
    table = views.overdue(build.engine, TODAY)
    for dept, _, _, counted in OVERDUE_CASES:
        assert table.count(dept) == (1 if counted else 0), dept
    assert table.total == sum(1 for *_, c in OVERDUE_CASES if c)
    assert "TOWNSHIP" not in table.departments
    rows = views.overdue_list(build.engine, TODAY)
    assert sorted(r.department for r in rows) == sorted(d for d, *_, c in OVERDUE_CASES if c)
    by = {r.department: r for r in rows}
    assert by["REFERRED"].days_overdue == 7 and by["SIGNED"].days_overdue == 1
    assert by["REFERRED"].due_date == date(2026, 11, 17)
    assert by["REFERRED"].referred_on == date(2026, 11, 3)
    assert [r.due_date for r in rows] == sorted(r.due_date for r in rows)  # most overdue first


def test_overdue_by_department_and_township_with_drill_down(build):
    for code, dept, n in ((A, "MZJ", 2), (A, "YBJ", 1), (B, "MZJ", 3), (C, "RSJ", 1)):
        for _ in range(n):
            build.application(code, items=[{"handler": dept}])
    table = views.overdue(build.engine, TODAY)
    assert table.departments == ("MZJ", "RSJ", "YBJ")
    assert [t.code for t in table.townships] == [A, B, C]
    assert table.counts == {("MZJ", A): 2, ("YBJ", A): 1, ("MZJ", B): 3, ("RSJ", C): 1}
    assert table.count("MZJ") == 5 and table.count(township=A) == 3 and table.total == 7
    cell = views.overdue_list(build.engine, TODAY, department="MZJ", township=B)
    assert len(cell) == 3 and {(r.township_code, r.township_name) for r in cell} == {(B, "乙镇")}
    assert all(r.application_number.startswith("N-") and r.item_code == "DIBAO" for r in cell)
    # a department's login: only its own department
    own = views.overdue(build.engine, TODAY, department="YBJ")
    assert own.counts == {("YBJ", A): 1} and own.departments == ("YBJ",)
    assert views.overdue(build.engine, TODAY, township=C).counts == {("RSJ", C): 1}
    assert views.overdue_list(build.engine, TODAY, limit=2).__len__() == 2


def test_a_later_version_of_the_application_or_task_moves_it_in_and_out(build):
    app = build.application(A, items=[])
    t = build.task(A, app, due="2026-11-10")
    assert views.overdue(build.engine, TODAY).total == 1
    build.task(A, app, task_uuid=t, version=2, task_status="done", due="2026-11-10",
               result="2026-11-20")
    assert views.overdue(build.engine, TODAY).total == 0
    build.task(A, app, task_uuid=t, version=1, due="2026-11-10")     # older: ignored
    assert views.overdue(build.engine, TODAY).total == 0
    other = build.application(A, items=[{"due": "2026-11-10"}])
    assert views.overdue(build.engine, TODAY).total == 1
    build.application(A, app_uuid=other, version=2, status="voided")  # voided afterwards
    assert views.overdue(build.engine, TODAY).total == 0


def test_a_task_received_before_its_application_gets_its_fields(build):
    app = _u()
    build.task(A, app, due="2026-11-10")                 # the application comes later
    assert views.overdue(build.engine, TODAY).total == 0  # not known open yet
    build.feed(A, "household_member", {"uuid": _u(), "version": 1, "application_uuid": app,
                                       "position": 0, "id_number": " 11010519491231002x "})
    build.feed(A, "application", {"uuid": app, "version": 1, "number": "2026-0001",
                                  "status": "accepted", "decision": "accept",
                                  "intake_date": "2026-11-02", "closed_on": None,
                                  "village_uuid": None})
    [row] = views.overdue_list(build.engine, TODAY)
    assert row.application_number == "2026-0001"
    with build.engine.connect() as conn:
        assert conn.execute(select(TASK.c.applicant_id_number, TASK.c.registered_on)).one() == (
            ID_A, date(2026, 11, 2))
        assert conn.execute(select(APP.c.applicant_id_number)).scalar() == ID_A
        assert conn.execute(select(PERSON.c.open, PERSON.c.role)).one() == (True, "applicant")


# -- monthly ------------------------------------------------------------------------------
def test_monthly_figures_by_township_item_and_department(build):
    nov = {"intake": "2026-11-05"}
    # A: accepted with DIBAO (referred 11-06, done 11-20) and MEDICAL (overdue)
    build.application(A, **nov, closed="2026-11-21", status="closed", items=[
        {"item": "DIBAO", "handler": "MZJ", "referred": "2026-11-06", "due": "2026-11-19",
         "task_status": "done", "result": "2026-11-18"},
        {"item": "MEDICAL", "handler": "YBJ", "referred": "2026-11-06", "due": "2026-11-19"}])
    build.application(A, **nov, decision="reject", status="rejected", items=[
        {"item": "DIBAO", "status": "rejected", "task_status": None, "referred": None,
         "due": None}])
    build.application(A, **nov, status="voided", items=[])          # not counted
    # B: one accepted in November (not closed), one in October closed in November
    build.application(B, **nov, items=[{"item": "DIBAO", "handler": "MZJ",
                                        "referred": "2026-11-07", "due": "2026-12-05"}])
    build.application(B, intake="2026-10-20", closed="2026-11-03", status="closed", items=[
        {"item": "LINSHI", "handler": "TOWNSHIP", "task_status": "done", "referred": None,
         "due": "2026-10-30", "result": "2026-11-02"}])
    rep = views.monthly(build.engine, "2026-11", "township", today=TODAY)
    assert rep.period.label == "2026年11月" and rep.by_label == "乡镇"
    a, b = rep.row(A), rep.row(B)
    assert a.label == "甲镇"
    assert (a.values["received"], a.values["accepted"], a.values["refusals"]) == (2, 1, 1)
    assert (a.values["referred"], a.values["answered"], a.values["overdue"]) == (2, 1, 1)
    assert (a.values["closed"], a.values["completion_rate"]) == (1, 1.0)
    assert (b.values["received"], b.values["closed"], b.values["completion_rate"]) == (1, 1, 0.0)
    assert b.values["answered"] == 1 and b.values["overdue"] == 0
    assert rep.total.values["received"] == 3 and rep.total.values["closed"] == 2
    assert rep.total.values["completion_rate"] == 0.5
    with pytest.raises(KeyError):
        rep.row(C)                                          # nothing in C: no row
    by_item = views.monthly(build.engine, "2026-11", "item", today=TODAY)
    assert by_item.row("DIBAO").values["received"] == 3     # A's two + B's one
    assert by_item.row("MEDICAL").values["received"] == 1
    assert by_item.total.values["received"] == 3            # each application once
    assert by_item.row("DIBAO").values["referred"] == 2
    by_dept = views.monthly(build.engine, "2026-11", "department", today=TODAY)
    assert by_dept.row("YBJ").values["overdue"] == 1 and by_dept.row("MZJ").values["overdue"] == 0
    # a department's own figures; one township's
    own = views.monthly(build.engine, "2026-11", "township", today=TODAY, department="YBJ")
    assert own.total.values["referred"] == 1 and own.total.values["received"] == 1
    assert views.monthly(build.engine, "2026-Q4", "township", today=TODAY,
                         township=B).total.values["received"] == 2
    header, body = views.report_table(rep)
    assert header[:3] == ["乡镇", "受理登记", "受理"] and body[-1][0] == "合计"
    assert body[-1][-1] == "50.0%"


@pytest.mark.parametrize("text, kind, start, end", [
    ("2026-11", "month", date(2026, 11, 1), date(2026, 11, 30)),
    ("2026-2", "month", date(2026, 2, 1), date(2026, 2, 28)),
    ("2026-12", "month", date(2026, 12, 1), date(2026, 12, 31)),
    ("2026-Q4", "quarter", date(2026, 10, 1), date(2026, 12, 31)),
    ("2026q1", "quarter", date(2026, 1, 1), date(2026, 3, 31)),
    ("2026", "year", date(2026, 1, 1), date(2026, 12, 31)),
    ("2026-11-03..2026-11-20", "custom", date(2026, 11, 3), date(2026, 11, 20)),
    ("2026-11-03 至 2026-11-03", "custom", date(2026, 11, 3), date(2026, 11, 3)),
])
def test_periods(text, kind, start, end):
    p = views.parse_period(text)
    assert (p.kind, p.start, p.end) == (kind, start, end)


@pytest.mark.parametrize("text", ["", "2026-13", "2026-Q5", "26-11", "2026-11-20..2026-11-03",
                                  "2026-02-30..2026-03-01", "11/2026"])
def test_bad_periods_are_refused_in_chinese(text):
    with pytest.raises(PackageError) as err:
        views.parse_period(text)
    assert "统计期间应为" in str(err.value)


def test_bad_input_is_refused(tmp_path):
    url = f"sqlite:///{tmp_path / 'c.sqlite3'}"
    engine = create_engine(url)
    county_db.migrate(engine)
    with pytest.raises(PackageError, match="统计口径"):
        views.monthly(engine, "2026-11", "village")
    with pytest.raises(PackageError, match="不是日期"):
        views.overdue(engine, "24.11.2026")
    with pytest.raises(PackageError, match="未在县级登记"):
        views.overdue(engine, TODAY, township="999999999999")
    assert views.overdue(engine, TODAY).total == 0 and views.duplicates(engine) == []
    engine.dispose()


# -- duplicates ---------------------------------------------------------------------------
def test_duplicates_same_item_in_two_townships(build):
    build.application(A, id_number=ID_A, items=[{"item": "DIBAO"}])
    build.application(B, id_number=ID_A.lower(), items=[{"item": "DIBAO", "handler": "TOWNSHIP",
                                                         "task_status": "to_refer"}])
    build.application(C, id_number=ID_A, items=[{"item": "TEKUN"}])      # another item
    build.application(A, id_number=ID_B, items=[{"item": "DIBAO"}])      # same township twice
    build.application(A, id_number=ID_B, items=[{"item": "DIBAO"}])
    build.application(A, id_number="", items=[{"item": "DIBAO"}])        # no ID: never matched
    build.application(B, id_number="", items=[{"item": "DIBAO"}])
    found = [d for d in views.duplicates(build.engine, TODAY) if d.kind == views.SAME_ITEM]
    assert len(found) == 1
    [dup] = found
    assert dup.item_code == "DIBAO" and dup.township_codes == (A, B)
    assert dup.id_masked == "110105********002X" and ID_A not in repr(dup)
    assert {e.role for e in dup.entries} == {"applicant"}
    assert all(e.application_number.startswith("N-") for e in dup.entries)
    assert views.reveal_id(build.engine, dup) == ID_A


#: (case, second application in township B: fields, its item fields; duplicate found?)
SAME_ITEM_CASES = [
    ("open", {}, {}, True),
    ("pending materials", {"status": "pending_materials"}, {}, True),
    ("done item of an open application", {}, {"task_status": "done"}, True),
    ("voided", {"status": "voided"}, {}, False),
    ("withdrawn", {"status": "withdrawn"}, {}, False),
    ("rejected application", {"status": "rejected", "decision": "reject"}, {}, False),
    ("closed", {"status": "closed", "closed": "2026-11-20"}, {}, False),
    ("item rejected", {}, {"status": "rejected", "task_status": None}, False),
    ("item withdrawn", {}, {"status": "withdrawn", "task_status": None}, False),
    ("task refused", {}, {"task_status": "refused"}, False),
]


@pytest.mark.parametrize("case, app_fields, item_fields, found", SAME_ITEM_CASES,
                         ids=[c[0] for c in SAME_ITEM_CASES])
def test_which_applications_count_as_open(tmp_path, case, app_fields, item_fields, found):
    engine = create_engine(f"sqlite:///{tmp_path / 'c.sqlite3'}")
    county_db.migrate(engine)
    build = Builder(engine)
    build.application(A, items=[{"item": "DIBAO"}])
    build.application(B, **app_fields, items=[{"item": "DIBAO", **item_fields}])
    kinds = [d.kind for d in views.duplicates(engine, TODAY)]
    assert (views.SAME_ITEM in kinds) is found
    # the household check follows the application's status only
    assert (views.TWO_HOUSEHOLDS in kinds) is (app_fields.get("status", "accepted")
                                               in ("accepted", "pending_materials"))
    engine.dispose()


def test_duplicates_a_member_of_households_in_two_townships(build):
    build.application(A, id_number=ID_B, members=(ID_A,), items=[{"item": "DIBAO"}])
    build.application(B, id_number="", members=("", ID_A), items=[{"item": "TEKUN"}])
    build.application(C, id_number=ID_A, status="closed", items=[{"item": "LINSHI"}])  # closed
    dups = views.duplicates(build.engine, TODAY)
    assert [d.kind for d in dups] == [views.TWO_HOUSEHOLDS]
    [dup] = dups
    assert dup.township_codes == (A, B) and dup.id_masked == views.mask_id(ID_A)
    assert sorted(e.role for e in dup.entries) == ["member", "member"]
    assert dup.item_code == "" and views.reveal_id(build.engine, dup) == ID_A
    assert dup.label == "同一人是两个乡镇在办申请的家庭成员"


def _candidates(engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.execute(select(CANDIDATE.c.id_number)).scalars())


#: (case, [(township, applicant ID, other members' IDs)], candidate ID numbers)
CANDIDATE_CASES = [
    ("applicants in two townships", [(A, ID_A, ()), (B, ID_A, ())], {ID_A}),
    ("member and applicant", [(A, ID_B, (ID_A,)), (C, ID_A, ())], {ID_A}),
    ("same township twice", [(A, ID_A, ()), (A, ID_A, (ID_B,))], set()),
    ("no ID", [(A, "", ()), (B, "", ("",))], set()),
    ("closed still a candidate", [(A, ID_A, ()), (B, ID_A, ())], {ID_A}),
    ("lower case / blanks", [(A, ID_A.lower(), ()), (B, " " + ID_A, ())], {ID_A}),
]


@pytest.mark.parametrize("case, apps, want", CANDIDATE_CASES, ids=[c[0] for c in CANDIDATE_CASES])
def test_derive_keeps_the_ids_held_in_two_townships(build, case, apps, want):
    for i, (code, applicant, members) in enumerate(apps):
        closed = case.startswith("closed") and i == 1
        build.application(code, id_number=applicant, members=members,
                          status="closed" if closed else "accepted",
                          items=[{"item": "DIBAO"}])
    assert _candidates(build.engine) == want


def test_a_member_whose_id_changes_to_another_townships_becomes_a_duplicate(build):
    build.application(A, id_number=ID_A, items=[{"item": "DIBAO"}])
    app = build.application(B, id_number=ID_B, items=[{"item": "DIBAO"}])
    assert views.duplicates(build.engine, TODAY) == [] and _candidates(build.engine) == set()
    with build.engine.connect() as conn:          # the applicant's record, corrected later
        member = conn.execute(select(PERSON.c.member_uuid).where(
            PERSON.c.application_uuid == app)).scalar_one()
    build.feed(B, "household_member", {"uuid": member, "version": 2, "application_uuid": app,
                                       "position": 0, "id_number": ID_A})
    assert _candidates(build.engine) == {ID_A}
    kinds = sorted(d.kind for d in views.duplicates(build.engine, TODAY))
    assert kinds == [views.SAME_ITEM, views.TWO_HOUSEHOLDS]


@pytest.mark.parametrize("number, masked", [
    ("11010519491231002X", "110105********002X"), ("12345678901", "123456*8901"),
    ("1234567", "*****67"), ("12", "**"), ("", ""), (" 110105 19491231002X ", "110105********002X"),
])
def test_mask_id(number, masked):
    assert views.mask_id(number) == masked
