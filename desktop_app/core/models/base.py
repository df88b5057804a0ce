"""Declarative base, shared column types and the change-tracking mixin.

Every row that will later travel to the county carries a ``uuid``, a ``version``
and a ``change_seq`` (DESIGN §2). ``change_seq`` comes from one monotonic counter
(``change_counter``) and is assigned by a ``before_flush`` hook in the same
transaction as the change, so an export can take "everything after N" without
any service having to remember it.
"""

from __future__ import annotations

import uuid as _uuid
from datetime import datetime

from sqlalchemy import Integer, MetaData, String, event, text
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column

from sync_contract.canonical import utcnow as _contract_utcnow

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def new_uuid() -> str:
    return str(_uuid.uuid4())


def utcnow() -> datetime:
    """Naive UTC timestamp (SQLite has no time zones; all stored times are UTC): the
    contract's clock (:func:`sync_contract.canonical.utcnow`) without its zone."""
    return _contract_utcnow().replace(tzinfo=None)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Tracked:
    """Mixin for rows that are exported: uuid, version and change sequence."""

    uuid: Mapped[str] = mapped_column(String(36), unique=True, default=new_uuid)
    version: Mapped[int] = mapped_column(Integer, default=0)
    change_seq: Mapped[int] = mapped_column(Integer, default=0, index=True)


def _reserve_change_seqs(session: Session, n: int) -> int:
    """Reserve ``n`` consecutive sequence numbers; returns the first."""
    row = session.connection().execute(
        text("UPDATE change_counter SET value = value + :n WHERE id = 1 RETURNING value"),
        {"n": n},
    ).first()
    if row is None:  # pragma: no cover - the migration inserts the row
        raise RuntimeError("change_counter row missing; database not migrated")
    return int(row[0]) - n + 1


@event.listens_for(Session, "before_flush")
def _assign_change_sequence(session: Session, _ctx: object, _instances: object) -> None:
    changed = [o for o in session.new if isinstance(o, Tracked)]
    changed += [
        o for o in session.dirty
        if isinstance(o, Tracked) and session.is_modified(o, include_collections=False)
    ]
    if not changed:
        return
    first = _reserve_change_seqs(session, len(changed))
    for offset, obj in enumerate(changed):
        if obj.uuid is None:
            obj.uuid = new_uuid()
        obj.version = (obj.version or 0) + 1
        obj.change_seq = first + offset
