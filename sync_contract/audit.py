"""The audit chain both ends compute (docs/sync-format.md, ``event`` records).

Every township event carries ``hash = SHA-256(JSON [prev_hash, seq, at, actor_id,
action, application_id, detail])`` with ``prev_hash`` the previous event's hash
(:data:`GENESIS` for the first). The township writes events with :func:`event_hash`
(``desktop_app.core.services.events``) and the county re-checks the exported records
with :func:`record_hash`: one function, so the two cannot diverge.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from datetime import datetime
from typing import Any

GENESIS = "0" * 64


def event_hash(prev_hash: str, seq: int, at: datetime | str, actor_id: int | None, action: str,
               application_id: int | None, detail: str) -> str:
    """The hash of one event. ``at``: the event time, or its ISO text as exported
    (``isoformat(timespec="microseconds")``)."""
    if isinstance(at, datetime):
        at = at.isoformat(timespec="microseconds")
    payload = json.dumps([prev_hash, seq, at, actor_id, action, application_id, detail],
                         ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def record_hash(rec: Mapping[str, Any]) -> str:
    """The hash an exported ``event`` record must carry."""
    return event_hash(rec["prev_hash"], rec["seq"], rec["at"], rec["actor_id"], rec["action"],
                      rec["application_id"], rec["detail"])


__all__ = ["GENESIS", "event_hash", "record_hash"]
