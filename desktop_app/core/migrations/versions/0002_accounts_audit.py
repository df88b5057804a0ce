"""accounts, append-only audit log, no hard deletes

* ``staff`` gets a login account: username, scrypt password hash, lockout state.
* ``event`` (the audit trail) becomes append-only: triggers refuse UPDATE and DELETE;
  ``audit_head`` mirrors the newest row (kept by an INSERT trigger) so removing the
  last rows is detected; indexes for the supervisor's audit viewer (person, date).
* Applications, documents, prints and staff are never deleted: DELETE triggers.

A later migration that batch-alters (copy-and-move) one of these tables drops its
triggers with the old table: it must create them again (``check`` reports a missing
one).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-26 09:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None

#: (trigger name, SQL) — also used by ``check`` to report a missing trigger.
TRIGGERS = {
    "event_no_update":
        "CREATE TRIGGER event_no_update BEFORE UPDATE ON event "
        "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
    "event_no_delete":
        "CREATE TRIGGER event_no_delete BEFORE DELETE ON event "
        "BEGIN SELECT RAISE(ABORT, 'audit log is append-only'); END",
    "event_track_head":
        "CREATE TRIGGER event_track_head AFTER INSERT ON event "
        "BEGIN UPDATE audit_head SET seq = NEW.seq, hash = NEW.hash WHERE id = 1; END",
    "audit_head_no_delete":
        "CREATE TRIGGER audit_head_no_delete BEFORE DELETE ON audit_head "
        "BEGIN SELECT RAISE(ABORT, 'audit head cannot be deleted'); END",
    "application_no_delete":
        "CREATE TRIGGER application_no_delete BEFORE DELETE ON application "
        "BEGIN SELECT RAISE(ABORT, 'applications are voided or withdrawn, never deleted'); END",
    "document_no_delete":
        "CREATE TRIGGER document_no_delete BEFORE DELETE ON document "
        "BEGIN SELECT RAISE(ABORT, 'documents are voided, never deleted'); END",
    "document_print_no_delete":
        "CREATE TRIGGER document_print_no_delete BEFORE DELETE ON document_print "
        "BEGIN SELECT RAISE(ABORT, 'prints are never deleted'); END",
    "staff_no_delete":
        "CREATE TRIGGER staff_no_delete BEFORE DELETE ON staff "
        "BEGIN SELECT RAISE(ABORT, 'staff are deactivated, never deleted'); END",
}


def upgrade() -> None:
    # Plain ALTER TABLE ADD COLUMN, not a batch: a batch would copy the staff table,
    # which every other table references (DROP TABLE staff fails the foreign keys).
    op.add_column('staff', sa.Column('username', sa.String(length=32), nullable=True))
    op.add_column('staff', sa.Column('password_hash', sa.String(length=200), nullable=False,
                                     server_default=''))
    op.add_column('staff', sa.Column('password_changed_at', sa.DateTime(), nullable=True))
    op.add_column('staff', sa.Column('must_change_password', sa.Boolean(), nullable=False,
                                     server_default=sa.false()))
    op.add_column('staff', sa.Column('failed_logins', sa.Integer(), nullable=False,
                                     server_default='0'))
    op.add_column('staff', sa.Column('locked_until', sa.DateTime(), nullable=True))
    op.add_column('staff', sa.Column('last_login_at', sa.DateTime(), nullable=True))
    # Existing people get a username: the first administrator "admin", others "user<id>".
    op.execute("UPDATE staff SET username = 'user' || id")
    op.execute("UPDATE staff SET username = 'admin' WHERE id = "
               "(SELECT min(id) FROM staff WHERE role = 'admin')")
    op.create_index(op.f('ix_staff_username'), 'staff', ['username'], unique=True)

    op.create_index(op.f('ix_event_actor_id'), 'event', ['actor_id'], unique=False)
    op.create_index(op.f('ix_event_at'), 'event', ['at'], unique=False)

    op.create_table('audit_head',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('seq', sa.Integer(), nullable=False),
    sa.Column('hash', sa.String(length=64), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_audit_head'))
    )
    op.execute("INSERT INTO audit_head (id, seq, hash) SELECT 1, coalesce(max(seq), 0), "
               "coalesce((SELECT hash FROM event ORDER BY seq DESC LIMIT 1), '') FROM event")
    for sql in TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table('audit_head')
    op.drop_index(op.f('ix_event_at'), table_name='event')
    op.drop_index(op.f('ix_event_actor_id'), table_name='event')
    op.drop_index(op.f('ix_staff_username'), table_name='staff')
    # SQLite >= 3.35 drops columns in place (no table copy).
    with op.batch_alter_table('staff', schema=None, recreate='never') as batch_op:
        batch_op.drop_column('last_login_at')
        batch_op.drop_column('locked_until')
        batch_op.drop_column('failed_logins')
        batch_op.drop_column('must_change_password')
        batch_op.drop_column('password_changed_at')
        batch_op.drop_column('password_hash')
        batch_op.drop_column('username')
