"""The county's own audit trail: one hash-chained event per county write
(docs/county-accounts.md). Qt-free.

``record(s, action, actor, **detail)`` appends an event in the caller's transaction
(so the event commits or rolls back with the write it describes). Every event carries
``hash = event_hash(prev_hash, seq, at, actor_id, action, None, [actor, detail])`` —
the contract's own audit hash (:mod:`sync_contract.audit`), the one the township's
events use — so a changed, removed or re-ordered row breaks the chain and
:func:`verify_chain` names the first broken event.

The detail holds ids, codes, sequence numbers, reason codes and counts only: keys that
name personal data (names, ID numbers, phones, passwords …) are refused outright.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from typing import Any, Protocol

from sqlalchemy import select, text
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session

from sync_contract.audit import GENESIS, event_hash

from .models import CountyAuditEvent

#: Detail keys never accepted (personal data, secrets): the audit keeps codes and counts.
FORBIDDEN_KEYS = frozenset({"name", "id_number", "applicant", "applicant_name", "phone",
                            "address", "password", "token", "secret", "birth_date"})
#: Actor text of writes made without a logged-in user (a county without accounts yet).
SYSTEM_ACTOR = "system"
_PG_LOCK = 0x7477_6175          # pg_advisory_xact_lock key ("twau"): one appender at a time
_PAGE = 2000


class ActorLike(Protocol):
    @property
    def user_id(self) -> int | None: ...

    @property
    def username(self) -> str: ...


def _now_text() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="microseconds")


def _detail_text(detail: dict[str, Any]) -> str:
    bad = sorted(k for k in detail if k.lower() in FORBIDDEN_KEYS)
    if bad:
        raise ValueError(f"audit detail may not hold personal data: {bad}")
    return json.dumps(detail, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      default=str)


def compute_hash(prev_hash: str, seq: int, at: str, actor_id: int | None, actor: str,
                 action: str, detail: str) -> str:
    """The hash a county audit event must carry."""
    payload = json.dumps([actor, detail], ensure_ascii=False, separators=(",", ":"))
    return event_hash(prev_hash, seq, at, actor_id, action, None, payload)


def _actor_parts(actor: ActorLike | str | None) -> tuple[int | None, str]:
    if actor is None:
        return None, SYSTEM_ACTOR
    if isinstance(actor, str):
        return None, actor[:40]
    return actor.user_id, actor.username[:40]


def lock(s: Session) -> None:
    """Serialise appenders (PostgreSQL: an advisory transaction lock; SQLite has one
    writer anyway)."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text(f"SELECT pg_advisory_xact_lock({_PG_LOCK})"))


def record(s: Session, action: str, actor: ActorLike | str | None = None,
           **detail: Any) -> CountyAuditEvent:
    """Append one event in ``s``'s transaction and return it (flushed)."""
    text_detail = _detail_text(detail)
    lock(s)
    last = s.execute(select(CountyAuditEvent.seq, CountyAuditEvent.hash)
                     .order_by(CountyAuditEvent.seq.desc()).limit(1)).first()
    seq, prev = (last[0] + 1, last[1]) if last else (1, GENESIS)
    actor_id, actor_text = _actor_parts(actor)
    at = _now_text()
    row = CountyAuditEvent(seq=seq, at=at, actor_id=actor_id, actor=actor_text,
                           action=action[:40], detail=text_detail, prev_hash=prev,
                           hash=compute_hash(prev, seq, at, actor_id, actor_text, action[:40],
                                             text_detail))
    s.add(row)
    s.flush()
    return row


def record_now(engine: Engine, action: str, actor: ActorLike | str | None = None,
               **detail: Any) -> None:
    """:func:`record` in a transaction of its own (after a write that owns its own)."""
    with Session(engine) as s, s.begin():
        record(s, action, actor, **detail)


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: str
    actor: str
    action: str
    detail: dict[str, Any]


@dataclass(frozen=True)
class ChainReport:
    ok: bool
    events: int
    #: The first event that does not verify (None when ``ok``).
    broken_at: int | None = None
    reason: str = ""            # hash / link / gap

    @property
    def message(self) -> str:
        if self.ok:
            return f"县级审计链完整（共 {self.events} 条事件） / county audit chain intact " \
                   f"({self.events} events)"
        zh = {"hash": "哈希与内容不符（被改动）", "link": "与前一条不衔接",
              "gap": "序号不连续（有事件被删除）"}.get(self.reason, self.reason)
        return (f"县级审计链在第 {self.broken_at} 条事件处断裂：{zh} / county audit chain "
                f"broken at event {self.broken_at}: {self.reason}")


def _rows(engine: Engine) -> Iterator[CountyAuditEvent]:
    after = 0
    with Session(engine) as s:
        while True:
            page = list(s.scalars(select(CountyAuditEvent).where(CountyAuditEvent.seq > after)
                                  .order_by(CountyAuditEvent.seq).limit(_PAGE)))
            if not page:
                return
            yield from page
            after = page[-1].seq
            s.expunge_all()


def verify_chain(engine: Engine) -> ChainReport:
    """Recompute every event's hash and link, in order, page by page."""
    prev, expect, count = GENESIS, 1, 0
    for row in _rows(engine):
        if row.seq != expect:
            return ChainReport(False, count, expect, "gap")
        if row.prev_hash != prev:
            return ChainReport(False, count, row.seq, "link")
        if compute_hash(row.prev_hash, row.seq, row.at, row.actor_id, row.actor, row.action,
                        row.detail) != row.hash:
            return ChainReport(False, count, row.seq, "hash")
        prev, expect, count = row.hash, row.seq + 1, count + 1
    return ChainReport(True, count)


def entries(engine: Engine, *, last: int = 50, action: str | None = None) -> list[AuditEntry]:
    """The newest ``last`` events (oldest first), optionally of one action."""
    with Session(engine) as s:
        q = select(CountyAuditEvent).order_by(CountyAuditEvent.seq.desc()).limit(last)
        if action:
            q = q.where(CountyAuditEvent.action == action)
        rows = list(s.scalars(q))
    return [AuditEntry(r.seq, r.at, r.actor, r.action, json.loads(r.detail or "{}"))
            for r in reversed(rows)]


__all__ = ["AuditEntry", "ChainReport", "FORBIDDEN_KEYS", "SYSTEM_ACTOR", "compute_hash",
           "entries", "lock", "record", "record_now", "verify_chain"]
