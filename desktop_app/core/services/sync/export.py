"""Township export records: every tracked row with ``change_seq`` in a range, as the
records of docs/sync-format.md §5, streamed from one read snapshot.

Raw SQL on the DB-API connection (not the ORM): 100,000 applications (≈ 1.5 M records)
must export in seconds with flat memory. Each record's canonical JSON line (§4: sorted
keys, ``ensure_ascii=False``, separators ``,`` ``:``) is built by SQLite itself
(``json_object`` with the keys in sorted order, nested lists by a correlated
``json_group_array`` over the ordered children) and fetched in batches that
:mod:`.envelope` writes as :class:`~.envelope.Chunk` objects; Python never builds a
dict for an ordinary row.

The lines are byte-identical to ``canonical_json`` of the records built in Python
(:func:`iter_record_dicts`, the reference, kept for that purpose and tested against the
SQL lines). Where SQLite's rendering could differ from Python's ``json`` — a REAL or
BLOB in a numeric column (float formatting), a non-integer in a Boolean column, a
datetime whose first space is not at position 11, a ``reject_reasons`` text that is not
a list of strings exactly as ``json.dumps`` stores it — the SQL yields NULL for that row and the row is
built by the Python reference instead, so the output is identical for any data.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy.engine.interfaces import DBAPIConnection

from sync_contract.envelope import Chunk, canonical_json

BATCH = 1000


def _dt(value: Any) -> str | None:
    """A stored DateTime ('YYYY-MM-DD HH:MM:SS[.ffffff]') as 'YYYY-MM-DDTHH:MM:SS.ffffff'."""
    if value is None:
        return None
    text = str(value).replace(" ", "T", 1)
    if len(text) == 19:
        text += ".000000"
    return text


def _d(value: Any) -> str | None:
    return None if value is None else str(value)[:10]


def _b(value: Any) -> bool:
    return bool(value)


def _nb(value: Any) -> bool | None:
    return None if value is None else bool(value)


def _list(value: Any) -> list[str]:
    try:
        out = json.loads(value or "[]")
    except ValueError:
        return [str(value)]
    return [str(x) for x in out] if isinstance(out, list) else [str(out)]


_CONV = {"dt": _dt, "d": _d, "b": _b, "nb": _nb, "list": _list}

# type -> (FROM clause, table alias, ORDER BY, [(field, SQL expression, conversion)]).
# conversion: None = the value as stored; "dt" datetime, "d" date, "b" Boolean,
# "nb" nullable Boolean, "list" JSON list of strings; "t" = a text column (as stored,
# never a number: no REAL check needed).
_SPEC: dict[str, tuple[str, str, str, list[tuple[str, str, str | None]]]] = {
    "application": (
        "application a LEFT JOIN staff sd ON sd.id = a.decided_by_id "
        "LEFT JOIN staff sc ON sc.id = a.created_by_id LEFT JOIN village v ON v.id = a.village_id",
        "a", "a.change_seq",
        [("uuid", "a.uuid", "t"), ("version", "a.version", None),
         ("change_seq", "a.change_seq", None), ("local_id", "a.id", None),
         ("number", "a.number", "t"), ("status", "a.status", "t"),
         ("decision", "a.decision", "t"), ("decided_by_uuid", "sd.uuid", "t"),
         ("decided_at", "a.decided_at", "dt"), ("intake_date", "a.intake_date", "d"),
         ("village_uuid", "v.uuid", "t"), ("source", "a.source", "t"),
         ("urgent", "a.urgent", "b"), ("hardship_reason", "a.hardship_reason", "t"),
         ("reject_reasons", "a.reject_reasons", "list"), ("void_reason", "a.void_reason", "t"),
         ("housing_area_m2", "a.housing_area_m2", None), ("house_rating", "a.house_rating", "t"),
         ("vehicles", "a.vehicles", None), ("deposits_fen", "a.deposits_fen", None),
         ("business", "a.business", "t"), ("medical_spending_fen", "a.medical_spending_fen", None),
         ("education_spending_fen", "a.education_spending_fen", None),
         ("monthly_income_fen", "a.monthly_income_fen", None),
         ("per_capita_income_fen", "a.per_capita_income_fen", None),
         ("supporters_able", "a.supporters_able", "nb"),
         ("hardship_cause", "a.hardship_cause", "t"), ("staff_relative", "a.staff_relative", "b"),
         ("staff_relative_note", "a.staff_relative_note", "t"), ("closed_on", "a.closed_on", "d"),
         ("created_by_uuid", "sc.uuid", "t"), ("created_at", "a.created_at", "dt"),
         ("updated_at", "a.updated_at", "dt"),
         # format 2 (issue 12): the income calculation as stored (NULL = recorded before
         # it was stored), residence; copied as they are
         ("counted_members", "a.counted_members", None),
         ("excluded_income_fen", "a.excluded_income_fen", None),
         ("deduction_fen", "a.deduction_fen", None), ("net_income_fen", "a.net_income_fen", None),
         ("net_per_capita_fen", "a.net_per_capita_fen", None), ("topup_fen", "a.topup_fen", None),
         ("standards_from", "a.standards_from", "d"),
         ("eligibility_from", "a.eligibility_from", "d"),
         ("medical_reimbursed_fen", "a.medical_reimbursed_fen", None),
         ("residence_kind", "a.residence_kind", "t"),
         ("residence_address", "a.residence_address", "t"),
         ("residence_permit_no", "a.residence_permit_no", "t"),
         ("houses", "a.houses", None)]),
    "household_member": (
        "household_member m JOIN application a ON a.id = m.application_id", "m", "m.change_seq",
        [("uuid", "m.uuid", "t"), ("version", "m.version", None),
         ("change_seq", "m.change_seq", None), ("local_id", "m.id", None),
         ("application_uuid", "a.uuid", "t"), ("position", "m.position", None),
         ("relation", "m.relation", "t"), ("name", "m.name", "t"), ("id_type", "m.id_type", "t"),
         ("id_number", "m.id_number", "t"), ("no_id_reason", "m.no_id_reason", "t"),
         ("sex", "m.sex", "t"), ("birth_date", "m.birth_date", "d"), ("phone", "m.phone", "t"),
         ("hukou_type", "m.hukou_type", "t"), ("hukou_address", "m.hukou_address", "t"),
         ("education", "m.education", "t"), ("marital", "m.marital", "t"),
         ("health", "m.health", "t"), ("disability_category", "m.disability_category", "t"),
         ("disability_grade", "m.disability_grade", None),
         ("employment", "m.employment", "t"), ("self_care", "m.self_care", "t"),
         ("counted", "m.counted", "b"), ("counted_reason", "m.counted_reason", "t"),
         ("guardian", "m.guardian", "b")]),
    # format 2 (issue 12): legal supporters and outside guardians, full ID like members
    "related_person": (
        "related_person p JOIN application a ON a.id = p.application_id", "p", "p.change_seq",
        [("uuid", "p.uuid", "t"), ("version", "p.version", None),
         ("change_seq", "p.change_seq", None), ("local_id", "p.id", None),
         ("application_uuid", "a.uuid", "t"), ("position", "p.position", None),
         ("name", "p.name", "t"), ("relation", "p.relation", "t"), ("id_type", "p.id_type", "t"),
         ("id_number", "p.id_number", "t"), ("no_id_reason", "p.no_id_reason", "t"),
         ("phone", "p.phone", "t"), ("address", "p.address", "t"),
         ("supporter", "p.supporter", "b"), ("guardian", "p.guardian", "b"),
         ("household_size", "p.household_size", None),
         ("monthly_income_fen", "p.monthly_income_fen", None), ("able", "p.able", "nb"),
         ("unable_reason", "p.unable_reason", "t"), ("note", "p.note", "t")]),
    "requested_item": (
        "requested_item r JOIN application a ON a.id = r.application_id "
        "LEFT JOIN staff s ON s.id = r.result_by_id", "r", "r.change_seq",
        [("uuid", "r.uuid", "t"), ("version", "r.version", None),
         ("change_seq", "r.change_seq", None), ("local_id", "r.id", None),
         ("application_uuid", "a.uuid", "t"), ("position", "r.position", None),
         ("item_code", "r.item_code", "t"), ("handler_code", "r.handler_code", "t"),
         ("decider_code", "r.decider_code", "t"), ("limit_days", "r.limit_days", None),
         ("due_date", "r.due_date", "d"), ("due_provisional", "r.due_provisional", "b"),
         ("status", "r.status", "t"), ("task_status", "r.task_status", "t"),
         ("referred_on", "r.referred_on", "d"), ("signed_on", "r.signed_on", "d"),
         ("signed_by", "r.signed_by", "t"), ("result_on", "r.result_on", "d"),
         ("result_text", "r.result_text", "t"), ("amount_fen", "r.amount_fen", None),
         ("period_from", "r.period_from", "d"), ("period_to", "r.period_to", "d"),
         ("result_by_uuid", "s.uuid", "t"), ("review_class", "r.review_class", "t"),
         ("next_review_on", "r.next_review_on", "d"),
         # format 3 (issue 13): the procedure's clocks
         ("stage", "r.stage", "t"), ("stage_due", "r.stage_due", "d"),
         ("stage_due_provisional", "r.stage_due_provisional", "b"),
         ("extended_days", "r.extended_days", None),
         ("first_aid_due_at", "r.first_aid_due_at", "dt"), ("notice_due", "r.notice_due", "d"),
         ("waiting_for", "r.waiting_for", "t"),
         ("waiting_refused_on", "r.waiting_refused_on", "d"),
         # format 4 (issue 15): the provider a task is referred to — NULL until the
         # `providers` part adds requested_item.provider_id (then: LEFT JOIN provider)
         ("provider_uuid", "NULL", "t")]),
    # format 3 (issue 13): the procedure steps and the 备用金 ledger
    "task_stage": (
        "task_stage g JOIN application a ON a.id = g.application_id "
        "JOIN requested_item r ON r.id = g.item_id LEFT JOIN village v ON v.id = g.village_id "
        "LEFT JOIN task_stage p ON p.id = g.replaces_id "
        "LEFT JOIN staff s ON s.id = g.recorded_by_id", "g", "g.change_seq",
        [("uuid", "g.uuid", "t"), ("version", "g.version", None),
         ("change_seq", "g.change_seq", None), ("local_id", "g.id", None),
         ("application_uuid", "a.uuid", "t"), ("item_uuid", "r.uuid", "t"),
         ("stage", "g.stage", "t"), ("started_on", "g.started_on", "d"),
         ("done_on", "g.done_on", "d"), ("ends_on", "g.ends_on", "d"),
         ("due_date", "g.due_date", "d"), ("outcome", "g.outcome", "t"),
         ("amount_fen", "g.amount_fen", None), ("people", "g.people", "list"),
         ("text", "g.text", "t"), ("ref", "g.ref", "t"), ("village_uuid", "v.uuid", "t"),
         ("details", "g.details", "t"), ("source", "g.source", "t"),
         ("replaces_uuid", "p.uuid", "t"), ("recorded_by_uuid", "s.uuid", "t"),
         ("created_at", "g.created_at", "dt")]),
    # format 4 (issue 15 — reviews): re-checks and change reports of a benefit task. The
    # household snapshot (``household``: the facts as typed, names as typed) and the
    # suggestion's text stay at the township (docs/sync-format.md §13); the figures,
    # class, decision and dates travel.
    "household_review": (
        "household_review h JOIN application a ON a.id = h.application_id "
        "JOIN requested_item r ON r.id = h.item_id "
        "LEFT JOIN household_review p ON p.id = h.replaces_id "
        "LEFT JOIN staff s ON s.id = h.recorded_by_id", "h", "h.change_seq",
        [("uuid", "h.uuid", "t"), ("version", "h.version", None),
         ("change_seq", "h.change_seq", None), ("local_id", "h.id", None),
         ("application_uuid", "a.uuid", "t"), ("item_uuid", "r.uuid", "t"),
         ("kind", "h.kind", "t"), ("on", "h.\"on\"", "d"),
         ("change_kinds", "h.change_kinds", "list"), ("snapshot_no", "h.snapshot_no", None),
         ("counted_members", "h.counted_members", None),
         ("net_income_fen", "h.net_income_fen", None),
         ("net_per_capita_fen", "h.net_per_capita_fen", None),
         ("topup_fen", "h.topup_fen", None), ("standards_from", "h.standards_from", "d"),
         ("eligibility_from", "h.eligibility_from", "d"),
         ("review_class", "h.review_class", "t"), ("class_reason", "h.class_reason", "t"),
         ("suggested", "h.suggested", "t"), ("outcome", "h.outcome", "t"),
         ("amount_fen", "h.amount_fen", None), ("effective_month", "h.effective_month", "d"),
         ("taper_ends_on", "h.taper_ends_on", "d"), ("stop_reason", "h.stop_reason", "t"),
         ("investigators", "h.investigators", "list"), ("findings", "h.findings", "t"),
         ("next_review_on", "h.next_review_on", "d"), ("replaces_uuid", "p.uuid", "t"),
         ("recorded_by_uuid", "s.uuid", "t"), ("created_at", "h.created_at", "dt")]),
    "reserve_batch": (
        "reserve_batch b LEFT JOIN staff s ON s.id = b.recorded_by_id", "b", "b.change_seq",
        [("uuid", "b.uuid", "t"), ("version", "b.version", None),
         ("change_seq", "b.change_seq", None), ("local_id", "b.id", None),
         ("number", "b.number", "t"), ("submitted_on", "b.submitted_on", "d"),
         ("total_fen", "b.total_fen", None), ("reimbursed_on", "b.reimbursed_on", "d"),
         ("reimbursed_fen", "b.reimbursed_fen", None), ("text", "b.text", "t"),
         ("recorded_by_uuid", "s.uuid", "t"), ("created_at", "b.created_at", "dt")]),
    "reserve_entry": (
        "reserve_entry n LEFT JOIN application a ON a.id = n.application_id "
        "LEFT JOIN requested_item r ON r.id = n.item_id "
        "LEFT JOIN emergency_aid e ON e.id = n.emergency_aid_id "
        "LEFT JOIN reserve_batch b ON b.id = n.batch_id "
        "LEFT JOIN staff s ON s.id = n.recorded_by_id", "n", "n.change_seq",
        [("uuid", "n.uuid", "t"), ("version", "n.version", None),
         ("change_seq", "n.change_seq", None), ("local_id", "n.id", None),
         ("number", "n.number", "t"), ("kind", "n.kind", "t"),
         ("amount_fen", "n.amount_fen", None), ("on", "n.\"on\"", "d"),
         ("text", "n.text", "t"), ("application_uuid", "a.uuid", "t"),
         ("item_uuid", "r.uuid", "t"), ("emergency_aid_uuid", "e.uuid", "t"),
         ("batch_uuid", "b.uuid", "t"), ("recorded_by_uuid", "s.uuid", "t"),
         ("created_at", "n.created_at", "dt")]),
    "document": (
        "document d JOIN application a ON a.id = d.application_id "
        "LEFT JOIN staff sc ON sc.id = d.created_by_id LEFT JOIN staff sv ON sv.id = d.voided_by_id",
        "d", "d.change_seq",
        [("uuid", "d.uuid", "t"), ("version", "d.version", None),
         ("change_seq", "d.change_seq", None), ("local_id", "d.id", None),
         ("application_uuid", "a.uuid", "t"), ("kind", "d.kind", "t"),
         ("number", "d.number", "t"), ("template_version", "d.template_version", "t"),
         ("sha256", "d.sha256", "t"), ("created_by_uuid", "sc.uuid", "t"),
         ("created_at", "d.created_at", "dt"), ("print_count", "d.print_count", None),
         ("voided", "d.voided", "b"), ("void_reason", "d.void_reason", "t"),
         ("voided_by_uuid", "sv.uuid", "t"), ("voided_at", "d.voided_at", "dt")]),
    "emergency_aid": (
        "emergency_aid e JOIN application a ON a.id = e.application_id "
        "JOIN requested_item r ON r.id = e.item_id LEFT JOIN staff s ON s.id = e.recorded_by_id",
        "e", "e.change_seq",
        [("uuid", "e.uuid", "t"), ("version", "e.version", None),
         ("change_seq", "e.change_seq", None), ("local_id", "e.id", None),
         ("application_uuid", "a.uuid", "t"), ("item_uuid", "r.uuid", "t"),
         ("number", "e.number", "t"), ("amount_fen", "e.amount_fen", None),
         ("method", "e.method", "t"), ("cause", "e.cause", "t"), ("paid_on", "e.paid_on", "d"),
         ("paperwork_due", "e.paperwork_due", "d"),
         ("paperwork_provisional", "e.paperwork_provisional", "b"),
         ("recorded_by_uuid", "s.uuid", "t"), ("created_at", "e.created_at", "dt")]),
    "list_document": (
        "list_document l LEFT JOIN staff s ON s.id = l.created_by_id", "l", "l.change_seq",
        [("uuid", "l.uuid", "t"), ("version", "l.version", None),
         ("change_seq", "l.change_seq", None), ("local_id", "l.id", None),
         ("kind", "l.kind", "t"), ("number", "l.number", "t"),
         ("department", "l.department", "t"), ("day", "l.day", "d"),
         ("template_version", "l.template_version", "t"), ("sha256", "l.sha256", "t"),
         ("created_by_uuid", "s.uuid", "t"), ("created_at", "l.created_at", "dt"),
         ("print_count", "l.print_count", None)]),
    "event": (
        "event e LEFT JOIN staff s ON s.id = e.actor_id "
        "LEFT JOIN application a ON a.id = e.application_id", "e", "e.seq",
        [("uuid", "e.uuid", "t"), ("version", "e.version", None),
         ("change_seq", "e.change_seq", None), ("local_id", "e.id", None),
         ("seq", "e.seq", None), ("at", "e.at", "dt"), ("actor_id", "e.actor_id", None),
         ("actor_uuid", "s.uuid", "t"), ("action", "e.action", "t"),
         ("application_id", "e.application_id", None), ("application_uuid", "a.uuid", "t"),
         ("detail", "e.detail", "t"), ("prev_hash", "e.prev_hash", "t"),
         ("hash", "e.hash", "t")]),
    "village": (
        "village v", "v", "v.change_seq",
        [("uuid", "v.uuid", "t"), ("version", "v.version", None),
         ("change_seq", "v.change_seq", None), ("local_id", "v.id", None),
         ("code", "v.code", "t"), ("name", "v.name", "t"), ("valid_from", "v.valid_from", "d"),
         ("valid_to", "v.valid_to", "d")]),
    "staff": (
        "staff s", "s", "s.change_seq",
        [("uuid", "s.uuid", "t"), ("version", "s.version", None),
         ("change_seq", "s.change_seq", None), ("local_id", "s.id", None),
         ("name", "s.name", "t"), ("role", "s.role", "t")]),
    "township": (
        "township t", "t", "t.change_seq",
        [("uuid", "t.uuid", "t"), ("version", "t.version", None),
         ("change_seq", "t.change_seq", None), ("local_id", "t.id", None),
         ("code", "t.code", "t"), ("name", "t.name", "t"), ("office_name", "t.office_name", "t"),
         ("window_phone", "t.window_phone", "t"),
         ("supervision_phone", "t.supervision_phone", "t"),
         ("created_at", "t.created_at", "dt")]),
}

# Nested lists: type -> (field, FROM clause (child alias c; may join), parent-id column,
# ORDER BY within one parent, [(field, SQL expression, conversion)]).
_NESTED: dict[str, tuple[str, str, str, str, list[tuple[str, str, str | None]]]] = {
    "application": ("incomes", "income c", "c.application_id", "c.category, c.id",
                    [("category", "c.category", "t"), ("monthly_fen", "c.monthly_fen", None),
                     ("counted", "c.counted", "nb")]),
    "requested_item": ("materials", "material c", "c.item_id", "c.position, c.id",
                       [("position", "c.position", None), ("code", "c.code", "t"),
                        ("name", "c.name", "t"), ("status", "c.status", "t")]),
    "document": ("prints", "document_print c LEFT JOIN staff s ON s.id = c.by_id",
                 "c.document_id", "c.id",
                 [("reprint", "c.reprint", "b"), ("sha256", "c.sha256", "t"),
                  ("by_uuid", "s.uuid", "t"), ("at", "c.at", "dt")]),
}

_TABLES = {type_: spec[0].split(" ", 1)[0] for type_, spec in _SPEC.items()}


def count_changes(dbapi_conn: DBAPIConnection, lo: int, hi: int) -> dict[str, int]:
    cur = dbapi_conn.cursor()
    out = {}
    for type_, table in _TABLES.items():
        out[type_] = cur.execute(
            f"SELECT count(*) FROM {table} WHERE change_seq BETWEEN ? AND ?", (lo, hi)
        ).fetchone()[0]
    return out


#: Audit actions that are sync bookkeeping, not changes: an export's (or re-export's)
#: own ``export`` event and an ``import`` event alone never make a package worth
#: carrying (they travel with the next real change).
BOOKKEEPING_ACTIONS = ("export", "import")


def count_real_changes(dbapi_conn: DBAPIConnection, lo: int, hi: int) -> int:
    """Tracked rows with change_seq in [lo, hi] other than sync bookkeeping events."""
    if hi < lo:
        return 0
    cur = dbapi_conn.cursor()
    n = 0
    for type_, table in _TABLES.items():
        if type_ == "event":
            marks = ",".join("?" * len(BOOKKEEPING_ACTIONS))
            n += cur.execute(f"SELECT count(*) FROM event WHERE change_seq BETWEEN ? AND ? "
                             f"AND action NOT IN ({marks})",
                             (lo, hi, *BOOKKEEPING_ACTIONS)).fetchone()[0]
        else:
            n += cur.execute(f"SELECT count(*) FROM {table} WHERE change_seq BETWEEN ? AND ?",
                             (lo, hi)).fetchone()[0]
    return int(n)


# -- the Python reference: records as dicts ---------------------------------------------
def _where(type_: str) -> str:
    """The change_seq range (parameters ?1, ?2) and the export order."""
    from_, alias, order, _ = _SPEC[type_]
    if type_ == "event":
        # Events are appended with both seq and change_seq increasing: walking the seq
        # index from the range's smallest seq (filtering on change_seq) yields the same
        # rows already in seq order, without sorting ~0.5 GB of lines; still exact (the
        # ORDER BY stays) if the two ever disagreed.
        return ("e.seq >= (SELECT min(seq) FROM event WHERE change_seq BETWEEN ?1 AND ?2) "
                "AND +e.change_seq BETWEEN ?1 AND ?2{extra} ORDER BY e.seq")
    return f"{alias}.change_seq BETWEEN ?1 AND ?2{{extra}} ORDER BY {order}"


def _record_sql(type_: str, extra: str = "") -> str:
    from_, alias, order, fields = _SPEC[type_]
    cols = ", ".join(f'{expr} AS "{name}"' for name, expr, _ in fields)
    return f"SELECT {cols} FROM {from_} WHERE " + _where(type_).format(extra=extra)


def _children(dbapi_conn: DBAPIConnection, type_: str, ids: list[int]) -> dict[int, list[dict[str, Any]]]:
    field, from_, parent, order, fields = _NESTED[type_]
    cols = ", ".join(expr for _, expr, _ in fields)
    convs = [(name, _CONV.get(conv or "")) for name, _, conv in fields]
    out: dict[int, list[dict[str, Any]]] = {}
    cur = dbapi_conn.cursor()
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        cur.execute(f"SELECT {parent}, {cols} FROM {from_} WHERE {parent} IN "
                    f"({','.join('?' * len(part))}) ORDER BY {parent}, {order}", part)
        for r in cur.fetchall():
            out.setdefault(r[0], []).append(
                {n: (c(v) if c else v) for (n, c), v in zip(convs, r[1:])})
    return out


def _dicts(dbapi_conn: DBAPIConnection, type_: str, rows: Sequence[Sequence[Any]]) -> Iterator[dict[str, Any]]:
    fields = _SPEC[type_][3]
    names = [f[0] for f in fields]
    convs = [_CONV.get(f[2] or "") for f in fields]
    nested = _NESTED.get(type_)
    children = _children(dbapi_conn, type_, [r[3] for r in rows]) if nested else {}
    for row in rows:
        rec: dict[str, Any] = {n: (c(v) if c else v) for n, c, v in zip(names, convs, row)}
        if nested:
            rec[nested[0]] = children.get(rec["local_id"], [])
        yield rec


def iter_record_dicts(dbapi_conn: DBAPIConnection, type_: str, lo: int, hi: int) -> Iterator[dict[str, Any]]:
    """The records of ``type_`` with change_seq in [lo, hi], in export order, as dicts
    built in Python (the reference for the SQL-built lines of :func:`iter_records`)."""
    cur = dbapi_conn.cursor()
    cur.execute(_record_sql(type_), (lo, hi))
    while True:
        rows = cur.fetchmany(BATCH)
        if not rows:
            return
        yield from _dicts(dbapi_conn, type_, rows)


# -- the fast path: canonical JSON lines built by SQLite ----------------------------------
def _value_sql(expr: str, conv: str | None) -> tuple[str, object]:
    """(SQL for the JSON value as a json_object argument, SQL condition under which
    SQLite's rendering could differ from Python's → the row goes to the reference)."""
    if conv == "t":
        return expr, None
    if conv is None:
        return expr, _NUMERIC
    if conv == "d":
        return f"substr(CAST({expr} AS TEXT), 1, 10)", f"typeof({expr}) = 'real'"
    if conv == "dt":
        # Python: str(v).replace(" ", "T", 1), then ".000000" appended to 19 characters;
        # exact here for text whose first space is the 11th character (every stored value).
        return (f"CASE WHEN length({expr}) = 19 "
                f"THEN substr({expr}, 1, 10) || 'T' || substr({expr}, 12) || '.000000' "
                f"ELSE substr({expr}, 1, 10) || 'T' || substr({expr}, 12) END",
                f"({expr} IS NOT NULL AND (typeof({expr}) <> 'text' OR instr({expr}, ' ') <> 11))")
    if conv == "b":
        return (f"json(CASE WHEN {expr} THEN 'true' ELSE 'false' END)",
                f"typeof({expr}) NOT IN ('integer','null')")
    if conv == "nb":
        return (f"json(CASE WHEN {expr} IS NULL THEN 'null' WHEN {expr} THEN 'true' "
                f"ELSE 'false' END)", f"typeof({expr}) NOT IN ('integer','null')")
    if conv == "list":
        # Python: [str(x) for x in json.loads(v or "[]")]. Here only for '' / '[]' and for a
        # list of strings stored exactly as json.dumps(list, ensure_ascii=False) writes it
        # (checked by writing it again); anything else → the reference.
        return (f"CASE WHEN {expr} IN ('[]', '') THEN json('[]') ELSE "
                f"json((SELECT json_group_array(value) FROM json_each({expr}))) END",
                f"CASE WHEN typeof({expr}) <> 'text' THEN 1 WHEN {expr} IN ('[]', '') THEN 0 "
                f"WHEN NOT json_valid({expr}) THEN 1 WHEN json_type({expr}) <> 'array' THEN 1 "
                f"WHEN {expr} = (SELECT '[' || group_concat(CASE WHEN type = 'text' "
                f"THEN json_quote(value) END, ', ') || ']' FROM json_each({expr})) THEN 0 "
                f"ELSE 1 END")
    raise ValueError(conv)


_NUMERIC = object()   # marker: a column that must not hold a REAL (see _object_sql)


def _object_sql(fields: list[tuple[str, str, str | None]]) -> tuple[str, list[str]]:
    """json_object(...) over ``fields`` in sorted key order, and the fallback conditions.

    The REAL check of the integer columns is one expression: a sum is REAL when any
    term is (or on overflow, or for text that reads as a real: a harmless fallback);
    one typeof() call per row instead of one per column. (A BLOB fails in both paths:
    json_object refuses it as ``json.dumps`` does.)"""
    args: list[str] = []
    flags: list[str] = []
    numeric: list[str] = []
    for name, expr, conv in sorted(fields):
        value, flag = _value_sql(expr, conv)
        args.append(f"'{name}', {value}")
        if flag is _NUMERIC:
            numeric.append(f"coalesce({expr}, 0)")
        elif isinstance(flag, str) and flag:
            flags.append(flag)
    if numeric:
        flags.insert(0, f"typeof({' + '.join(numeric)}) = 'real'")
    return f"json_object({', '.join(args)})", flags


def _line_sql(type_: str) -> str:
    """SELECT local_id, line: the canonical JSON of each record, NULL where the
    Python reference must build it."""
    from_, alias, order, fields = _SPEC[type_]
    nested = _NESTED.get(type_)
    if not nested:
        obj, flags = _object_sql(fields)
        line = obj
    else:
        field, cfrom, parent, corder, cfields = nested
        before = [f for f in fields if f[0] < field]
        after = [f for f in fields if f[0] > field]
        assert before and after, type_
        obj1, flags = _object_sql(before)
        obj2, flags2 = _object_sql(after)
        flags += flags2
        ccols = ", ".join(f"{expr} AS {name}" for name, expr, _ in cfields)
        cobj, cflags = _object_sql([(name, f"k.{name}", conv) for name, _, conv in cfields])
        cflag = " OR ".join(cflags) or "0"
        # Children in their order: SQLite keeps a FROM-subquery's ORDER BY when the outer
        # query uses an aggregate other than count/min/max (json_group_array), and the
        # aggregate sees the rows in that order; no children → '[]'. NULL (→ the whole
        # line NULL → the reference) when a child value needs the reference.
        kids = (f"(SELECT CASE WHEN max({cflag}) THEN NULL ELSE json_group_array({cobj}) END "
                f"FROM (SELECT {ccols} FROM {cfrom} WHERE {parent} = {alias}.id "
                f"ORDER BY {corder}) AS k)")
        # obj1 ends with a scalar value then '}', obj2 starts with '{"': one brace each.
        line = f"rtrim({obj1}, '}}') || ',\"{field}\":' || {kids} || ',' || ltrim({obj2}, '{{')"
    cond = " OR ".join(flags) or "0"
    # CAST AS BLOB: the UTF-8 bytes as stored, no decoding into str and encoding back
    return (f"SELECT {alias}.id, CASE WHEN {cond} THEN NULL ELSE CAST({line} AS BLOB) END "
            f"FROM {from_} WHERE " + _where(type_).format(extra=""))


def iter_records(dbapi_conn: DBAPIConnection, type_: str, lo: int, hi: int) -> Iterator[Chunk]:
    """The records of ``type_`` with change_seq in [lo, hi], in export order, as
    :class:`~.envelope.Chunk` objects: a batch of canonical JSON lines (each ending in
    ``\\n``), UTF-8, with the number of records."""
    from_, alias, order, fields = _SPEC[type_]
    cur = dbapi_conn.cursor()
    cur.execute(_line_sql(type_), (lo, hi))
    while True:
        rows = cur.fetchmany(BATCH)
        if not rows:
            return
        lines = [r[1] for r in rows]
        if None in lines:
            # rows SQLite must not render (see the module docstring): the reference
            pending = {r[0]: i for i, r in enumerate(rows) if r[1] is None}
            ids = list(pending)
            ref = dbapi_conn.cursor()
            for start in range(0, len(ids), 500):
                part = ids[start:start + 500]
                ref.execute(_record_sql(type_, f" AND {alias}.id IN ({','.join('?' * len(part))})"),
                            (lo, hi, *part))
                for rec in _dicts(dbapi_conn, type_, ref.fetchall()):
                    lines[pending[rec["local_id"]]] = canonical_json(rec)
        yield Chunk(lines)


def audit_head(dbapi_conn: DBAPIConnection) -> dict[str, Any] | None:
    row = dbapi_conn.cursor().execute("SELECT seq, hash FROM audit_head ORDER BY id LIMIT 1").fetchone()
    if row is None or not row[0]:
        return None
    return {"seq": int(row[0]), "hash": row[1]}


def audit_head_within(dbapi_conn: DBAPIConnection, hi: int) -> dict[str, Any] | None:
    """The audit head as a package of the changes up to ``hi`` saw it: the newest event
    with a change sequence not above ``hi`` (a package made again later must not name a
    head beyond its own events — the county checks the head against them)."""
    row = dbapi_conn.cursor().execute(
        "SELECT seq, hash FROM event WHERE change_seq <= ? ORDER BY seq DESC LIMIT 1",
        (hi,)).fetchone()
    if row is None:
        return None
    return {"seq": int(row[0]), "hash": row[1]}


def change_counter(dbapi_conn: DBAPIConnection) -> int:
    row = dbapi_conn.cursor().execute("SELECT value FROM change_counter WHERE id = 1").fetchone()
    return int(row[0]) if row else 0


# -- the text rule before a package is made (issue #11) -------------------------------------
#: JSON escapes of characters the wire's text rule refuses in most fields (controls: the
#: canonical JSON escapes nothing else) and DEL — a line holding one is parsed and checked;
#: so is one that is not NFC, holds a C1 control or a string starting with a combining
#: mark, or is long enough to hold an over-long string (about 4 µs a line).
_ESCAPES = re.compile(rb"\\[utnrbf]|\x7f")
_C1 = re.compile("[\x80-\x9f]")
_FOUR_BYTE = re.compile(rb"[\xf0-\xf4]")    # a character outside the BMP (UTF-8 lead byte)
_LONG_LINE = 10_000


def _mark_class(lo: int, hi: int) -> str:
    """A regex class of every combining mark (Unicode category M) in ``lo``–``hi``."""
    parts: list[str] = []
    start = prev = -2
    for cp in range(lo, hi):
        if unicodedata.category(chr(cp)).startswith("M"):
            if cp != prev + 1:
                if start >= 0:
                    parts.append(f"{re.escape(chr(start))}-{re.escape(chr(prev))}")
                start = cp
            prev = cp
    if start >= 0:
        parts.append(f"{re.escape(chr(start))}-{re.escape(chr(prev))}")
    return "".join(parts)


@functools.lru_cache(maxsize=1)
def _mark_after_quote() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``"`` followed by a combining mark — a string that starts with one: the BMP's
    marks (compiled to a bitmap: fast) and the others (checked only when the line has a
    character outside the BMP). Built once per process (about 0.2 s)."""
    return (re.compile('"[' + _mark_class(0, 0x10000) + "]"),
            re.compile('"[' + _mark_class(0x10000, 0x110000) + "]"))


def _suspicious(line: bytes) -> bool:
    if len(line) > _LONG_LINE or _ESCAPES.search(line):
        return True
    if line.isascii():
        return False
    try:
        text = line.decode("utf-8")
    except UnicodeDecodeError:
        return True
    if not unicodedata.is_normalized("NFC", text) or _C1.search(text):
        return True
    bmp, astral = _mark_after_quote()
    return bool(bmp.search(text) or (_FOUR_BYTE.search(line) and astral.search(text)))


def guard_text(type_: str, chunks: Iterator[Chunk]) -> Iterator[Chunk]:
    """``chunks`` unchanged, after checking every record that could break the sync
    contract's text rule (:mod:`sync_contract.text`) with the county's own validator: a
    record stored before the rule, or through a path that did not clean its text, must
    stop this export with the record and field named — a package the county refuses
    would block every later one (a package number is never reused)."""
    from sync_contract.envelope import TOWNSHIP_EXPORT, validate_record
    from sync_contract.errors import PackageError

    for chunk in chunks:
        for line in chunk.lines:
            if not _suspicious(line):
                continue
            try:
                record = json.loads(line)
            except (UnicodeDecodeError, ValueError):
                raise PackageError("text_invalid", f"{type_} record is not valid UTF-8 text",
                                   zh=f"导出已停止，未生成同步包：{type_} 记录含有无效的文字编码，"
                                      "请告诉管理员") from None
            try:
                validate_record(TOWNSHIP_EXPORT, type_, record)
            except PackageError as exc:
                if exc.reason != "text_invalid":
                    raise
                uuid = record.get("uuid", "?") if isinstance(record, dict) else "?"
                raise PackageError(
                    "text_invalid", f"{type_} {uuid}: {exc.message}",
                    zh=f"导出已停止，未生成同步包：{type_} 记录 {uuid} 的文字不符合同步文本规则"
                       f"（{exc.message.split(' / ')[0]}），县级会拒收。请告诉管理员修正该记录后再导出"
                ) from None
        yield chunk
