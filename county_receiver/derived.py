"""Derived tables of the county database: the cross-township views' own rows (issue 17).

``county_record`` keeps every township record as JSON — right for ingest and return
packages, too slow to query across 20 townships × 100,000 applications. The views
(:mod:`.views`) read three narrow tables kept up to date from the records as they are
stored, with indexes made for their queries (migration ``0006_views``):

* ``county_application`` — one row per application (``application`` records): number,
  status, decision, intake day, closed day, village, the applicant's ID number
  (``household_member`` at position 0) and ``open`` (status accepted / pending_materials);
* ``county_task`` — one row per requested item (``requested_item`` records): item,
  department (``handler_code``), item and task status, the days (referred, due, result)
  and copies of its application's number, intake day, village, applicant ID, status,
  decision, closed day and ``app_open`` so the views read one table;
* ``county_person`` — one row per household member (``household_member`` records): ID
  number (upper case, "" when none), position, role ``applicant`` (position 0) or
  ``member``, and ``open`` (its application's).

:func:`derive` takes a batch of stored records of one type (what ingest has just written,
new or updated) and upserts the rows in a few set-based Core statements on the caller's
connection (its transaction). Each row keeps the record's ``version`` and a row is only
replaced by a version not older, so calling it again, or in another order, is harmless:
the copies between the tables are refreshed from whichever side arrives last.

Qt-free; imports nothing of the township's program.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any, cast

from sqlalchemy import (
    Boolean,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Table,
    UniqueConstraint,
    and_,
    func,
    select,
    text,
    update,
)
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Mapped, mapped_column

from .models import CountyBase

#: The record types :func:`derive` reads; others are ignored.
DERIVED_TYPES = ("application", "household_member", "requested_item")
#: Application statuses of an open application (its household is being assisted or decided).
OPEN_STATUSES = ("accepted", "pending_materials")
#: Task statuses of a referral a department still owes an answer for.
WAITING_STATUSES = ("referred", "signed", "in_progress")
#: ``handler_code`` of a task the township handles itself (not a referral).
TOWNSHIP_HANDLER = "TOWNSHIP"
#: Rows per statement.
CHUNK = 1000

#: A task whose item is still sought by an open application with an applicant ID
#: (duplicates; the predicate of ``ix_county_task_applicant``, used as is by the view).
SOUGHT_SQL = ("app_open AND applicant_id_number <> '' "
              "AND item_status NOT IN ('rejected', 'withdrawn') "
              "AND (task_status IS NULL OR task_status <> 'refused')")
_OPEN_SQL = "(" + ", ".join(f"'{s}'" for s in OPEN_STATUSES) + ")"
_WAITING_SQL = "(" + ", ".join(f"'{s}'" for s in WAITING_STATUSES) + ")"


class CountyApplication(CountyBase):
    """One application of a township (derived from ``application`` records)."""

    __tablename__ = "county_application"
    __table_args__ = (
        UniqueConstraint("township_id", "application_uuid",
                         name="uq_county_application_uuid"),
        Index("ix_county_application_intake", "intake_date", "township_id"),
        Index("ix_county_application_closed", "closed_on", "township_id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    township_id: Mapped[int] = mapped_column(ForeignKey("county_township.id"))
    application_uuid: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    number: Mapped[str | None] = mapped_column(String(32), nullable=True)
    status: Mapped[str] = mapped_column(String(24))
    decision: Mapped[str | None] = mapped_column(String(16), nullable=True)
    open: Mapped[bool] = mapped_column(Boolean)
    intake_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    village_uuid: Mapped[str | None] = mapped_column(String(36), nullable=True)
    applicant_id_number: Mapped[str] = mapped_column(String(40), default="")


class CountyTask(CountyBase):
    """One requested item / handling task of a township (``requested_item`` records),
    with copies of its application's fields (refreshed by :func:`derive`)."""

    __tablename__ = "county_task"
    __table_args__ = (
        UniqueConstraint("township_id", "task_uuid", name="uq_county_task_uuid"),
        Index("ix_county_task_application", "township_id", "application_uuid"),
        # 超期转办: the referrals still waiting for a department, by due day
        Index("ix_county_task_waiting", "due_date", "handler_code", "township_id",
              postgresql_where=text(f"task_status IN {_WAITING_SQL} AND app_open"),
              sqlite_where=text(f"task_status IN {_WAITING_SQL} AND app_open")),
        Index("ix_county_task_referred", "referred_on", "township_id"),
        Index("ix_county_task_result", "result_on", "township_id"),
        Index("ix_county_task_due", "due_date", "township_id"),
        # monthly figures of applications by item / department, from the copies
        Index("ix_county_task_registered", "registered_on", "township_id"),
        Index("ix_county_task_closed", "app_closed_on", "township_id"),
        # duplicates: the same applicant with open applications for the same item (the
        # whole condition in the predicate: the view reads the index only)
        Index("ix_county_task_applicant", "applicant_id_number", "item_code", "township_id",
              postgresql_where=text(SOUGHT_SQL), sqlite_where=text(SOUGHT_SQL)),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    township_id: Mapped[int] = mapped_column(ForeignKey("county_township.id"))
    task_uuid: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    application_uuid: Mapped[str] = mapped_column(String(36))
    item_code: Mapped[str] = mapped_column(String(24))
    handler_code: Mapped[str] = mapped_column(String(16))
    item_status: Mapped[str] = mapped_column(String(16))
    task_status: Mapped[str | None] = mapped_column(String(16), nullable=True)
    referred_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    due_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    result_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    # copies of the application's fields
    application_number: Mapped[str | None] = mapped_column(String(32), nullable=True)
    registered_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    village_uuid: Mapped[str | None] = mapped_column(String(36), nullable=True)
    applicant_id_number: Mapped[str] = mapped_column(String(40), default="")
    app_open: Mapped[bool] = mapped_column(Boolean, default=False)
    app_status: Mapped[str] = mapped_column(String(24), default="")
    app_decision: Mapped[str | None] = mapped_column(String(16), nullable=True)
    app_closed_on: Mapped[date | None] = mapped_column(Date, nullable=True)


class CountyPerson(CountyBase):
    """One household member of an application (``household_member`` records)."""

    __tablename__ = "county_person"
    __table_args__ = (
        UniqueConstraint("township_id", "member_uuid", name="uq_county_person_uuid"),
        Index("ix_county_person_application", "township_id", "application_uuid"),
        # duplicates: a person in open households of two townships; and derive()'s
        # look-up of an ID number in other townships (any status)
        Index("ix_county_person_id", "id_number", "township_id",
              postgresql_where=text("id_number <> ''"),
              sqlite_where=text("id_number <> ''")),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    township_id: Mapped[int] = mapped_column(ForeignKey("county_township.id"))
    member_uuid: Mapped[str] = mapped_column(String(36))
    version: Mapped[int] = mapped_column(Integer)
    application_uuid: Mapped[str] = mapped_column(String(36))
    id_number: Mapped[str] = mapped_column(String(40), default="")
    position: Mapped[int] = mapped_column(Integer)
    role: Mapped[str] = mapped_column(String(12))       # 'applicant' | 'member'
    open: Mapped[bool] = mapped_column(Boolean, default=False)


class CountyDuplicateCandidate(CountyBase):
    """An ID number held by household members (any status, any position) of two or
    more townships: the only ID numbers the duplicates view has to look at. Kept by
    :func:`derive` as members arrive and never removed (a superset: the view applies the
    full conditions), so the view reads a few hundred keys instead of grouping every
    member and task of the county."""

    __tablename__ = "county_duplicate_candidate"

    id_number: Mapped[str] = mapped_column(String(40), primary_key=True)


APP: Table = cast(Table, CountyApplication.__table__)
TASK: Table = cast(Table, CountyTask.__table__)
PERSON: Table = cast(Table, CountyPerson.__table__)
CANDIDATE: Table = cast(Table, CountyDuplicateCandidate.__table__)
DERIVED_TABLES = ("county_application", "county_task", "county_person")


# -- record -> row ----------------------------------------------------------------------
def _day(value: Any) -> date | None:
    if isinstance(value, date):
        return value
    if isinstance(value, str) and value:
        return date.fromisoformat(value[:10])
    return None


def normalise_id(number: Any) -> str:
    """An ID number as the views compare it: no whitespace, upper case ("" = none)."""
    return "".join(str(number or "").split()).upper()[:40]


def _application_row(tw: int, rec: Mapping[str, Any]) -> dict[str, Any]:
    status = str(rec.get("status") or "")
    return {"township_id": tw, "application_uuid": rec["uuid"], "version": rec["version"],
            "number": rec.get("number") or None, "status": status,
            "decision": rec.get("decision") or None, "open": status in OPEN_STATUSES,
            "intake_date": _day(rec.get("intake_date")), "closed_on": _day(rec.get("closed_on")),
            "village_uuid": rec.get("village_uuid") or None, "applicant_id_number": ""}


def _task_row(tw: int, rec: Mapping[str, Any]) -> dict[str, Any]:
    return {"township_id": tw, "task_uuid": rec["uuid"], "version": rec["version"],
            "application_uuid": rec["application_uuid"], "item_code": rec.get("item_code") or "",
            "handler_code": rec.get("handler_code") or "",
            "item_status": rec.get("status") or "", "task_status": rec.get("task_status") or None,
            "referred_on": _day(rec.get("referred_on")), "due_date": _day(rec.get("due_date")),
            "result_on": _day(rec.get("result_on")), "application_number": None,
            "registered_on": None, "village_uuid": None, "applicant_id_number": "",
            "app_open": False, "app_status": "", "app_decision": None, "app_closed_on": None}


def _person_row(tw: int, rec: Mapping[str, Any]) -> dict[str, Any]:
    position = int(rec.get("position") or 0)
    return {"township_id": tw, "member_uuid": rec["uuid"], "version": rec["version"],
            "application_uuid": rec["application_uuid"], "id_number": normalise_id(
                rec.get("id_number")), "position": position,
            "role": "applicant" if position == 0 else "member", "open": False}


# -- statements -------------------------------------------------------------------------
def _insert(conn: Connection, table: Any) -> Any:
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects import postgresql
        return postgresql.insert(table)
    from sqlalchemy.dialects import sqlite
    return sqlite.insert(table)


def _upsert(conn: Connection, table: Any, key: str, rows: Sequence[dict[str, Any]],
            keep: Sequence[str] = ()) -> None:
    """Insert or replace rows by (township_id, ``key``) when the incoming version is not
    older; the columns in ``keep`` (copies another record type fills) stay as they are."""
    stmt = _insert(conn, table)
    cols = [c for c in rows[0] if c not in ("township_id", key, *keep)]
    stmt = stmt.on_conflict_do_update(
        index_elements=["township_id", key],
        set_={c: stmt.excluded[c] for c in cols},
        where=table.c.version <= stmt.excluded.version)
    conn.execute(stmt, list(rows))


def _refresh_applicant(conn: Connection, tw: int, apps: Sequence[str]) -> None:
    """county_application.applicant_id_number from its member at position 0."""
    sub = (select(PERSON.c.id_number)
           .where(PERSON.c.township_id == APP.c.township_id,
                  PERSON.c.application_uuid == APP.c.application_uuid,
                  PERSON.c.position == 0)
           .order_by(PERSON.c.id).limit(1).scalar_subquery())
    conn.execute(update(APP).where(APP.c.township_id == tw, APP.c.application_uuid.in_(apps))
                 .values(applicant_id_number=func.coalesce(sub, "")))


def _refresh_persons(conn: Connection, tw: int, apps: Sequence[str]) -> None:
    """county_person.open from its application's."""
    conn.execute(update(PERSON).where(
        PERSON.c.township_id == tw, PERSON.c.application_uuid.in_(apps),
        APP.c.township_id == PERSON.c.township_id,
        APP.c.application_uuid == PERSON.c.application_uuid,
    ).values(open=APP.c.open))


def _refresh_tasks(conn: Connection, tw: int, *, apps: Sequence[str] = (),
                   tasks: Sequence[str] = ()) -> None:
    """county_task's copies of its application's fields (for the tasks of ``apps`` or
    the tasks ``tasks``)."""
    which = (TASK.c.application_uuid.in_(apps) if apps else TASK.c.task_uuid.in_(tasks))
    conn.execute(update(TASK).where(
        TASK.c.township_id == tw, which,
        and_(APP.c.township_id == TASK.c.township_id,
             APP.c.application_uuid == TASK.c.application_uuid),
    ).values(application_number=APP.c.number, registered_on=APP.c.intake_date,
             village_uuid=APP.c.village_uuid, applicant_id_number=APP.c.applicant_id_number,
             app_open=APP.c.open, app_status=APP.c.status, app_decision=APP.c.decision,
             app_closed_on=APP.c.closed_on))


#: pg_advisory_xact_lock key serialising the candidate look-up of concurrent ingests
CANDIDATE_LOCK = 0x17D0B1E


def _mark_candidates(conn: Connection, tw: int, members: Sequence[str]) -> None:
    """Add the ID numbers of the members ``members`` of township ``tw`` that members
    of another township hold too (after their upsert, same transaction).

    Every application's applicant ID is its position-0 member's, so the members cover
    both kinds of duplicates. On PostgreSQL the look-up takes a transaction-wide
    advisory lock: of two concurrent ingests that bring the same ID from two townships,
    the second waits for the first to commit and then sees its rows (READ COMMITTED:
    each statement reads what is committed when it starts). SQLite has one writer."""
    if conn.dialect.name == "postgresql":
        conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": CANDIDATE_LOCK})
    other = PERSON.alias("other")
    found = (select(PERSON.c.id_number).distinct()
             .where(PERSON.c.township_id == tw, PERSON.c.member_uuid.in_(members),
                    PERSON.c.id_number != "")
             .where(select(other.c.id).where(other.c.id_number == PERSON.c.id_number,
                                             other.c.id_number != "",
                                             other.c.township_id != tw).exists()))
    stmt = _insert(conn, CANDIDATE).from_select(["id_number"], found)
    conn.execute(stmt.on_conflict_do_nothing(index_elements=["id_number"]))


def derive(conn: Connection, township_id: int, type_: str,
           rows: Iterable[Mapping[str, Any]]) -> int:
    """Upsert the derived rows of a batch of stored records of ``type_`` (in the
    current format's shape) of township ``township_id``, on ``conn`` (the caller's
    transaction). Types other than :data:`DERIVED_TYPES` are ignored. Returns the number
    of records read."""
    if type_ not in DERIVED_TYPES:
        return 0
    done = 0
    batch: list[Mapping[str, Any]] = []
    for rec in rows:
        batch.append(rec)
        if len(batch) >= CHUNK:
            done += _derive_chunk(conn, township_id, type_, batch)
            batch = []
    if batch:
        done += _derive_chunk(conn, township_id, type_, batch)
    return done


def _derive_chunk(conn: Connection, tw: int, type_: str,
                  recs: Sequence[Mapping[str, Any]]) -> int:
    # the newest version of each uuid in the batch (one row per key per statement)
    newest: dict[str, Mapping[str, Any]] = {}
    for rec in recs:
        cur = newest.get(rec["uuid"])
        if cur is None or rec["version"] >= cur["version"]:
            newest[rec["uuid"]] = rec
    if type_ == "application":
        rows = [_application_row(tw, r) for r in newest.values()]
        _upsert(conn, APP, "application_uuid", rows, keep=("applicant_id_number",))
        apps = sorted(newest)
        _refresh_applicant(conn, tw, apps)
        _refresh_persons(conn, tw, apps)
        _refresh_tasks(conn, tw, apps=apps)
    elif type_ == "household_member":
        rows = [_person_row(tw, r) for r in newest.values()]
        _upsert(conn, PERSON, "member_uuid", rows, keep=("open",))
        _mark_candidates(conn, tw, sorted(newest))
        apps = sorted({r["application_uuid"] for r in rows})
        _refresh_persons(conn, tw, apps)
        _refresh_applicant(conn, tw, apps)
        _refresh_tasks(conn, tw, apps=apps)
    else:
        rows = [_task_row(tw, r) for r in newest.values()]
        _upsert(conn, TASK, "task_uuid", rows,
                keep=("application_number", "registered_on", "village_uuid",
                      "applicant_id_number", "app_open", "app_status", "app_decision",
                      "app_closed_on"))
        _refresh_tasks(conn, tw, tasks=sorted(newest))
    return len(recs)


def backfill(conn: Connection, *, chunk: int = CHUNK) -> int:
    """Derive every stored ``county_record`` of :data:`DERIVED_TYPES` (migration
    0006_views; ``county-receiver`` after restoring a database). Reads the records in
    key order, a chunk at a time. Returns the number of records read."""
    rec = text("SELECT id, township_id, data FROM county_record WHERE type = :t AND id > :after "
               "ORDER BY id LIMIT :n")
    total = 0
    for type_ in DERIVED_TYPES:
        after = 0
        while True:
            got = conn.execute(rec, {"t": type_, "after": after, "n": chunk}).all()
            if not got:
                break
            after = got[-1][0]
            by_tw: dict[int, list[Mapping[str, Any]]] = {}
            for _id, tw, data in got:
                if isinstance(data, str):
                    data = json.loads(data)
                by_tw.setdefault(tw, []).append(data)
            for tw, recs in by_tw.items():
                total += derive(conn, tw, type_, recs)
    return total


__all__ = ["APP", "CANDIDATE", "CANDIDATE_LOCK", "CHUNK", "DERIVED_TABLES", "DERIVED_TYPES",
           "OPEN_STATUSES", "PERSON", "SOUGHT_SQL", "TASK", "TOWNSHIP_HANDLER",
           "WAITING_STATUSES", "CountyApplication", "CountyDuplicateCandidate", "CountyPerson",
           "CountyTask", "backfill", "derive", "normalise_id"]
