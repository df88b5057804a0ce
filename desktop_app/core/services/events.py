"""Append events to the hash-chained log inside the caller's transaction."""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Event, utcnow

GENESIS = "0" * 64


def event_hash(prev_hash: str, seq: int, at: datetime, actor_id: int | None, action: str,
               application_id: int | None, detail: str) -> str:
    payload = json.dumps(
        [prev_hash, seq, at.isoformat(timespec="microseconds"), actor_id, action,
         application_id, detail],
        ensure_ascii=False, separators=(",", ":"),
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record_event(session: Session, action: str, *, actor_id: int | None,
                 application_id: int | None = None, **detail: Any) -> Event:
    """Append one event; ``detail`` must be JSON-serialisable (no personal data)."""
    # The chain head is remembered for the rest of this transaction (one writer).
    head = session.info.get("event_head")
    if head is None:
        with session.no_autoflush:
            head = session.execute(
                select(Event.seq, Event.hash).order_by(Event.seq.desc()).limit(1)).first()
        head = tuple(head) if head else (0, GENESIS)
    seq, prev = head[0] + 1, head[1]
    at = utcnow()
    text = json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str)
    ev = Event(
        at=at, actor_id=actor_id, action=action, application_id=application_id, detail=text,
        prev_hash=prev, seq=seq,
        hash=event_hash(prev, seq, at, actor_id, action, application_id, text),
    )
    session.add(ev)
    session.info["event_head"] = (seq, ev.hash)
    return ev


def verify_chain(session: Session) -> int | None:
    """Return the ``seq`` of the first broken link, or ``None`` when intact."""
    prev, expected_seq = GENESIS, 1
    for ev in session.scalars(select(Event).order_by(Event.seq)):
        if ev.seq != expected_seq or ev.prev_hash != prev or ev.hash != event_hash(
            prev, ev.seq, ev.at, ev.actor_id, ev.action, ev.application_id, ev.detail
        ):
            return expected_seq
        prev, expected_seq = ev.hash, ev.seq + 1
    return None
