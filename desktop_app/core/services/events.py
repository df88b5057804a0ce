"""The audit trail: append events to the hash-chained log inside the caller's
transaction, and verify the chain.

Each row's ``hash`` is SHA-256 over (previous hash, seq, time, actor, action,
application, detail); ``seq`` runs 1, 2, 3… without gaps. Triggers make the table
append-only (no UPDATE, no DELETE) and mirror the newest row into ``audit_head``.
:func:`verify_log` then finds the first bad row exactly:

* a row whose content was edited → its own hash no longer matches (``edited``);
* a row edited *and* re-hashed → the next row's ``prev_hash`` no longer matches it
  (``rewritten``), or for the newest row, ``audit_head`` no longer matches it;
* a deleted row → a gap in ``seq`` (``missing``); the newest rows deleted → the
  chain ends before ``audit_head`` (``missing``);
* rows added behind the app's back with the trigger dropped → ``unanchored``.

``detail`` is JSON. For changes it holds the old and new values
(``{"changes": {"role": ["clerk", "supervisor"]}}``) — personal data may appear
there because the audit table lives inside the database, which is the protected
store; log *files* never receive event details (see ``core/logs.py``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from sync_contract.audit import GENESIS, event_hash

from ..models import Event, utcnow

#: Triggers created by migration 0002; ``check`` reports any that are missing.
APPEND_ONLY_TRIGGERS = (
    "event_no_update", "event_no_delete", "event_track_head", "audit_head_no_delete",
    "application_no_delete", "document_no_delete", "document_print_no_delete",
    "staff_no_delete", "emergency_aid_no_delete", "list_document_no_delete",
)


def record_event(session: Session, action: str, *, actor_id: int | None,
                 application_id: int | None = None, **detail: Any) -> Event:
    """Append one event in the caller's transaction; ``detail`` must be JSON-serialisable."""
    # The chain head is remembered for the rest of this transaction (one writer).
    head = session.info.get("event_head")
    if head is None:
        with session.no_autoflush:
            head = session.execute(
                select(Event.seq, Event.hash).order_by(Event.seq.desc()).limit(1)).first()
        head = tuple(head) if head else (0, GENESIS)
    seq, prev = head[0] + 1, head[1]
    at = event_time(session)
    body = json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)
    ev = Event(
        at=at, actor_id=actor_id, action=action, application_id=application_id, detail=body,
        prev_hash=prev, seq=seq,
        hash=event_hash(prev, seq, at, actor_id, action, application_id, body),
    )
    session.add(ev)
    session.info["event_head"] = (seq, ev.hash)
    return ev


def event_time(session: Session) -> datetime:
    """Now for an event, naive UTC: the services' clock when the session carries it
    (``Database.clock``, one injectable clock for records and events), else the wall clock."""
    clock = session.info.get("clock")
    if clock is None:
        return utcnow()
    return to_utc(clock())


def to_utc(local: datetime) -> datetime:
    """A local naive (or aware) time as naive UTC, as events store it."""
    return local.astimezone(timezone.utc).replace(tzinfo=None)


def diff(old: dict[str, Any], new: dict[str, Any]) -> dict[str, list[Any]]:
    """``{field: [old, new]}`` for every field whose value changed."""
    return {k: [old.get(k), new.get(k)] for k in sorted(set(old) | set(new))
            if old.get(k) != new.get(k)}


@dataclass(frozen=True)
class ChainProblem:
    """The first bad row of the audit log."""

    seq: int
    kind: str  # edited | rewritten | missing | unanchored | no_head
    message: str

    def __str__(self) -> str:
        return self.message


_KIND_TEXT = {
    "edited": "内容被修改",
    "rewritten": "被改写（哈希被重算）",
    "missing": "缺失（被删除）",
    "unanchored": "不是由本程序写入",
    "no_head": "链头记录缺失",
}


def _problem(seq: int, kind: str) -> ChainProblem:
    return ChainProblem(seq, kind, f"audit chain broken at seq {seq}: "
                                   f"操作日志第 {seq} 条{_KIND_TEXT[kind]}")


def verify_log(session: Session) -> ChainProblem | None:
    """The first broken link of the audit log, or ``None`` when it is intact."""
    rows = session.execute(
        select(Event.seq, Event.at, Event.actor_id, Event.action, Event.application_id,
               Event.detail, Event.prev_hash, Event.hash).order_by(Event.seq))
    prev, expected = GENESIS, 1
    last_seq, last_hash = 0, ""
    for seq, at, actor_id, action, app_id, detail, prev_hash, stored in rows:
        if seq != expected:
            return _problem(expected, "missing")
        own_ok = stored == event_hash(prev_hash, seq, at, actor_id, action, app_id, detail)
        if not own_ok:
            return _problem(seq, "edited")
        if prev_hash != prev:
            # This row is intact and recorded another hash for its predecessor: the
            # predecessor was edited and re-hashed.
            return _problem(seq - 1, "rewritten")
        prev, expected = stored, seq + 1
        last_seq, last_hash = seq, stored
    try:
        head = session.execute(text("SELECT seq, hash FROM audit_head WHERE id = 1")).first()
    except Exception:
        head = None
    if head is None:
        return _problem(last_seq + 1, "no_head")
    head_seq, head_hash = int(head[0]), str(head[1])
    if head_seq > last_seq:
        return _problem(last_seq + 1, "missing")
    if head_seq < last_seq:
        return _problem(head_seq + 1, "unanchored")
    if last_seq and head_hash != last_hash:
        return _problem(last_seq, "rewritten")
    return None


def verify_chain(session: Session) -> int | None:
    """Return the ``seq`` of the first broken link, or ``None`` when intact."""
    problem = verify_log(session)
    return None if problem is None else problem.seq


def missing_triggers(session: Session) -> list[str]:
    have = set(session.execute(text(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'")).scalars())
    return [t for t in APPEND_ONLY_TRIGGERS if t not in have]


def chain_head(session: Session) -> tuple[int, str]:
    row = session.execute(select(Event.seq, Event.hash).order_by(Event.seq.desc()).limit(1)).first()
    return (int(row[0]), str(row[1])) if row else (0, GENESIS)
