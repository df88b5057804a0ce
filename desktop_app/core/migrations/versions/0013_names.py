"""Canonical names and phones (issue 14, item 10; DESIGN §9 "one text rule at both ends").

* ``household_member.name_typed``, ``related_person.name_typed``: the name as typed when
  it differs from the stored canonical ``name`` (NULL when the same). Local to the
  township, never exported.
* Existing rows: every name is brought to its canonical form
  (:func:`sync_contract.text.canonical_name`: middle-dot look-alikes → ·, spaces next to
  an ideograph and zero-width characters removed, full-width letters folded, NFC); a
  name that changes keeps its stored original in ``name_typed``. Every phone is stored
  as :func:`desktop_app.core.rules.values.validate_phone` normalises it (a phone that no
  longer passes the check is left as it is — never lost). A changed row gets a new
  ``version`` and ``change_seq`` (from ``change_counter``, as the flush hook does), so
  the next export sends the county the canonical name.
* ``search_key``: the name keys of the changed applications follow the canonical names
  (the raw name's key removed, the canonical one added) and a name with the middle dot
  is also found without it (the keys ``Registration._index`` writes). Pinyin keys do not
  change: pinyin reads the same letters from both forms.

Downgrade puts the typed names back (``name = name_typed`` where set) and drops the
columns; the normalised phones and the added search keys stay (both are valid before
this revision too).

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-07 15:30:00
"""
from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op
from sqlalchemy.engine import Connection

from desktop_app.core.errors import ValidationError
from desktop_app.core.rules.values import validate_phone
from sync_contract.text import MIDDLE_DOT, canonical_name

revision = '0013'
down_revision = '0012'
branch_labels = None
depends_on = None

_TABLES = ('household_member', 'related_person')


_MOBILE = re.compile(r'1[3-9][0-9]{9}')


def _phone(value: str) -> str:
    if not value or _MOBILE.fullmatch(value):
        return value        # empty or a mobile number as stored since the start: ~1 µs
    try:
        return validate_phone(value, 'phone')
    except ValidationError:
        return value


def _name_keys(name: str) -> set[str]:
    keys = {name, name.replace(MIDDLE_DOT, '')}
    return {k for k in keys if k}


def _canonicalise(conn: Connection, table: str) -> dict[int, str]:
    """Canonical names and normalised phones in ``table``; returns {row id: old name}
    of the rows whose name changed."""
    renamed: dict[int, str] = {}
    changes: list[tuple[int, str, str | None, str]] = []
    for row_id, name, phone in conn.exec_driver_sql(f'SELECT id, name, phone FROM {table} ORDER BY id'):
        name, phone = name or '', phone or ''
        canon = canonical_name(name) or name
        new_phone = _phone(phone)
        if canon == name and new_phone == phone:
            continue
        if canon != name:
            renamed[row_id] = name
        changes.append((row_id, canon, name if canon != name else None, new_phone))
    if not changes:
        return renamed
    last = conn.execute(sa.text('UPDATE change_counter SET value = value + :n WHERE id = 1 RETURNING value'),
                        {'n': len(changes)}).scalar_one()
    first = int(last) - len(changes) + 1
    conn.exec_driver_sql(
        f'UPDATE {table} SET name = ?, name_typed = ?, phone = ?, '
        'version = COALESCE(version, 0) + 1, change_seq = ? WHERE id = ?',
        [(canon, typed, phone, first + offset, row_id)
         for offset, (row_id, canon, typed, phone) in enumerate(changes)])
    return renamed


def _reindex(conn: Connection, old_names: dict[int, set[str]]) -> None:
    """Search keys of applications whose member names changed, and the dot-less key of
    every name with the middle dot."""
    keys: dict[int, set[str]] = {app_id: set() for app_id in old_names}
    for app_id, name in conn.execute(sa.text(
            'SELECT application_id, name FROM household_member WHERE instr(name, :dot) > 0'),
            {'dot': MIDDLE_DOT}):
        keys.setdefault(app_id, set()).update(_name_keys(name))
    ids = sorted(old_names)
    for start in range(0, len(ids), 500):
        chunk = ', '.join(str(i) for i in ids[start:start + 500])
        for app_id, name in conn.execute(sa.text(
                f'SELECT application_id, name FROM household_member WHERE application_id IN ({chunk})')):
            keys[app_id].update(_name_keys(name))
    stale = [(app_id, old) for app_id, olds in old_names.items() for old in olds - keys[app_id]]
    if stale:
        conn.exec_driver_sql('DELETE FROM search_key WHERE application_id = ? AND "key" = ?', stale)
    fresh = [(key, app_id) for app_id in sorted(keys) for key in sorted(keys[app_id])]
    if fresh:
        conn.exec_driver_sql('INSERT OR IGNORE INTO search_key ("key", application_id) VALUES (?, ?)', fresh)


def upgrade() -> None:
    for table in _TABLES:
        op.add_column(table, sa.Column('name_typed', sa.String(length=60), nullable=True))
    conn = op.get_bind()
    renamed = _canonicalise(conn, 'household_member')
    _canonicalise(conn, 'related_person')
    old_names: dict[int, set[str]] = {}
    if renamed:
        ids = sorted(renamed)
        for start in range(0, len(ids), 500):
            chunk = ids[start:start + 500]
            rows = conn.execute(sa.text('SELECT id, application_id FROM household_member WHERE id IN '
                                        f'({", ".join(str(i) for i in chunk)})'))
            for member_id, app_id in rows:
                old_names.setdefault(app_id, set()).add(renamed[member_id])
    _reindex(conn, old_names)


def downgrade() -> None:
    conn = op.get_bind()
    for table in _TABLES:
        conn.execute(sa.text(f'UPDATE {table} SET name = name_typed WHERE name_typed IS NOT NULL'))
        op.drop_column(table, 'name_typed')
