"""Township export records: every tracked row with ``change_seq`` in a range, as the
records of docs/sync-format.md §5, streamed from one read snapshot.

Raw SQL on the DB-API connection (not the ORM): 100,000 applications must export in
seconds with flat memory. Rows are fetched in batches; nested lists (incomes,
materials, prints) are fetched per batch of parents; references are resolved to uuids
by joins in SQL.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

BATCH = 2000

_TRACKED = ("uuid", "version", "change_seq", "local_id")


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


# type -> (SQL with :lo/:hi placeholders as ?, ?, {column: converter}); the SQL's
# column names are the record's field names.
_SQL: dict[str, tuple[str, dict[str, Any]]] = {
    "application": ("""
        SELECT a.uuid, a.version, a.change_seq, a.id AS local_id, a.number, a.status,
               a.decision, sd.uuid AS decided_by_uuid, a.decided_at, a.intake_date,
               v.uuid AS village_uuid, a.source, a.urgent, a.hardship_reason,
               a.reject_reasons, a.void_reason, a.housing_area_m2, a.house_rating,
               a.vehicles, a.deposits_fen, a.business, a.medical_spending_fen,
               a.education_spending_fen, a.monthly_income_fen, a.per_capita_income_fen,
               a.supporters_able, a.hardship_cause, a.staff_relative,
               a.staff_relative_note, a.closed_on, sc.uuid AS created_by_uuid,
               a.created_at, a.updated_at
        FROM application a
        LEFT JOIN staff sd ON sd.id = a.decided_by_id
        LEFT JOIN staff sc ON sc.id = a.created_by_id
        LEFT JOIN village v ON v.id = a.village_id
        WHERE a.change_seq BETWEEN ? AND ? ORDER BY a.change_seq""",
                    {"decided_at": _dt, "intake_date": _d, "urgent": _b,
                     "reject_reasons": _list, "supporters_able": _nb, "staff_relative": _b,
                     "closed_on": _d, "created_at": _dt, "updated_at": _dt}),
    "household_member": ("""
        SELECT m.uuid, m.version, m.change_seq, m.id AS local_id, a.uuid AS application_uuid,
               m.position, m.relation, m.name, m.id_type, m.id_number, m.no_id_reason, m.sex,
               m.birth_date, m.phone, m.hukou_type, m.hukou_address, m.education, m.marital,
               m.health, m.disability_category, m.disability_grade, m.employment, m.self_care
        FROM household_member m JOIN application a ON a.id = m.application_id
        WHERE m.change_seq BETWEEN ? AND ? ORDER BY m.change_seq""",
                         {"birth_date": _d}),
    "requested_item": ("""
        SELECT r.uuid, r.version, r.change_seq, r.id AS local_id, a.uuid AS application_uuid,
               r.position, r.item_code, r.handler_code, r.decider_code, r.limit_days,
               r.due_date, r.due_provisional, r.status, r.task_status, r.referred_on,
               r.signed_on, r.signed_by, r.result_on, r.result_text, r.amount_fen,
               r.period_from, r.period_to, s.uuid AS result_by_uuid, r.review_class,
               r.next_review_on
        FROM requested_item r JOIN application a ON a.id = r.application_id
        LEFT JOIN staff s ON s.id = r.result_by_id
        WHERE r.change_seq BETWEEN ? AND ? ORDER BY r.change_seq""",
                       {"due_date": _d, "due_provisional": _b, "referred_on": _d,
                        "signed_on": _d, "result_on": _d, "period_from": _d, "period_to": _d,
                        "next_review_on": _d}),
    "document": ("""
        SELECT d.uuid, d.version, d.change_seq, d.id AS local_id, a.uuid AS application_uuid,
               d.kind, d.number, d.template_version, d.sha256, sc.uuid AS created_by_uuid,
               d.created_at, d.print_count, d.voided, d.void_reason,
               sv.uuid AS voided_by_uuid, d.voided_at
        FROM document d JOIN application a ON a.id = d.application_id
        LEFT JOIN staff sc ON sc.id = d.created_by_id
        LEFT JOIN staff sv ON sv.id = d.voided_by_id
        WHERE d.change_seq BETWEEN ? AND ? ORDER BY d.change_seq""",
                 {"created_at": _dt, "voided": _b, "voided_at": _dt}),
    "emergency_aid": ("""
        SELECT e.uuid, e.version, e.change_seq, e.id AS local_id, a.uuid AS application_uuid,
               r.uuid AS item_uuid, e.number, e.amount_fen, e.method, e.cause, e.paid_on,
               e.paperwork_due, e.paperwork_provisional, s.uuid AS recorded_by_uuid,
               e.created_at
        FROM emergency_aid e JOIN application a ON a.id = e.application_id
        JOIN requested_item r ON r.id = e.item_id
        LEFT JOIN staff s ON s.id = e.recorded_by_id
        WHERE e.change_seq BETWEEN ? AND ? ORDER BY e.change_seq""",
                      {"paid_on": _d, "paperwork_due": _d, "paperwork_provisional": _b,
                       "created_at": _dt}),
    "list_document": ("""
        SELECT l.uuid, l.version, l.change_seq, l.id AS local_id, l.kind, l.number,
               l.department, l.day, l.template_version, l.sha256,
               s.uuid AS created_by_uuid, l.created_at, l.print_count
        FROM list_document l LEFT JOIN staff s ON s.id = l.created_by_id
        WHERE l.change_seq BETWEEN ? AND ? ORDER BY l.change_seq""",
                      {"day": _d, "created_at": _dt}),
    "event": ("""
        SELECT e.uuid, e.version, e.change_seq, e.id AS local_id, e.seq, e.at,
               e.actor_id, s.uuid AS actor_uuid, e.action, e.application_id,
               a.uuid AS application_uuid, e.detail, e.prev_hash, e.hash
        FROM event e LEFT JOIN staff s ON s.id = e.actor_id
        LEFT JOIN application a ON a.id = e.application_id
        WHERE e.change_seq BETWEEN ? AND ? ORDER BY e.seq""",
              {"at": _dt}),
    "village": ("""
        SELECT uuid, version, change_seq, id AS local_id, code, name, valid_from, valid_to
        FROM village WHERE change_seq BETWEEN ? AND ? ORDER BY change_seq""",
                {"valid_from": _d, "valid_to": _d}),
    "staff": ("""
        SELECT uuid, version, change_seq, id AS local_id, name, role
        FROM staff WHERE change_seq BETWEEN ? AND ? ORDER BY change_seq""", {}),
    "township": ("""
        SELECT uuid, version, change_seq, id AS local_id, code, name, office_name,
               window_phone, supervision_phone, created_at
        FROM township WHERE change_seq BETWEEN ? AND ? ORDER BY change_seq""",
                 {"created_at": _dt}),
}

_TABLES = {"application": "application", "household_member": "household_member",
           "requested_item": "requested_item", "document": "document",
           "emergency_aid": "emergency_aid", "list_document": "list_document",
           "event": "event", "village": "village", "staff": "staff", "township": "township"}

# Nested lists: type -> (field, SQL selecting (parent_id, …) for "IN (...)", row -> dict)
_NESTED = {
    "application": ("incomes",
                    "SELECT application_id, category, monthly_fen FROM income "
                    "WHERE application_id IN ({}) ORDER BY application_id, category, id",
                    lambda r: {"category": r[1], "monthly_fen": r[2]}),
    "requested_item": ("materials",
                       "SELECT item_id, position, code, name, status FROM material "
                       "WHERE item_id IN ({}) ORDER BY item_id, position, id",
                       lambda r: {"position": r[1], "code": r[2], "name": r[3], "status": r[4]}),
    "document": ("prints",
                 "SELECT p.document_id, p.reprint, p.sha256, s.uuid, p.at FROM document_print p "
                 "LEFT JOIN staff s ON s.id = p.by_id WHERE p.document_id IN ({}) "
                 "ORDER BY p.document_id, p.id",
                 lambda r: {"reprint": bool(r[1]), "sha256": r[2], "by_uuid": r[3],
                            "at": _dt(r[4])}),
}


def count_changes(dbapi_conn, lo: int, hi: int) -> dict[str, int]:
    cur = dbapi_conn.cursor()
    out = {}
    for type_, table in _TABLES.items():
        out[type_] = cur.execute(
            f"SELECT count(*) FROM {table} WHERE change_seq BETWEEN ? AND ?", (lo, hi)
        ).fetchone()[0]
    return out


def iter_records(dbapi_conn, type_: str, lo: int, hi: int) -> Iterator[dict[str, Any]]:
    """The records of ``type_`` with change_seq in [lo, hi], in export order."""
    sql, conv = _SQL[type_]
    nested = _NESTED.get(type_)
    cur = dbapi_conn.cursor()
    cur.execute(sql, (lo, hi))
    names = [c[0] for c in cur.description]
    convs = [conv.get(n) for n in names]
    while True:
        rows = cur.fetchmany(BATCH)
        if not rows:
            return
        children: dict[int, list] = {}
        if nested:
            field, child_sql, child_fn = nested
            ids = [r[3] for r in rows]  # local_id is the 4th column
            ccur = dbapi_conn.cursor()
            for start in range(0, len(ids), 500):
                part = ids[start:start + 500]
                ccur.execute(child_sql.format(",".join("?" * len(part))), part)
                for r in ccur:
                    children.setdefault(r[0], []).append(child_fn(r))
        for row in rows:
            rec = {n: (c(v) if c else v) for n, c, v in zip(names, convs, row)}
            if nested:
                rec[nested[0]] = children.get(rec["local_id"], [])
            yield rec


def audit_head(dbapi_conn) -> dict[str, Any] | None:
    row = dbapi_conn.cursor().execute("SELECT seq, hash FROM audit_head ORDER BY id LIMIT 1").fetchone()
    if row is None or not row[0]:
        return None
    return {"seq": int(row[0]), "hash": row[1]}


def change_counter(dbapi_conn) -> int:
    row = dbapi_conn.cursor().execute("SELECT value FROM change_counter WHERE id = 1").fetchone()
    return int(row[0]) if row else 0
