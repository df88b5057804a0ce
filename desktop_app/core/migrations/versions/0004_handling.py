"""handling tasks: referral, feedback, closing, emergencies, re-checks, flags

* ``requested_item``: the handling task of an accepted item — ``task_status``, the
  referral/sign/result dates, result text, amount and period, who recorded the
  result, and the re-check (动态管理) class and next date. Items accepted before this
  revision get a status derived from their handler (``to_refer`` / ``in_progress``).
* ``application``: ``hardship_cause`` (求助原因 category), ``staff_relative`` +
  ``staff_relative_note`` (近亲属 of staff or village cadres, 单独登记备案) and
  ``closed_on`` (办结).
* new tables ``emergency_aid`` (先行救助) and ``list_document`` (the daily 转办清单),
  both append-only like documents.

Plain ALTER TABLE ADD COLUMN for the existing tables (see 0003 for why no batch).

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29 18:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None

TRIGGERS = {
    "emergency_aid_no_delete":
        "CREATE TRIGGER emergency_aid_no_delete BEFORE DELETE ON emergency_aid "
        "BEGIN SELECT RAISE(ABORT, 'emergency aid records are never deleted'); END",
    "list_document_no_delete":
        "CREATE TRIGGER list_document_no_delete BEFORE DELETE ON list_document "
        "BEGIN SELECT RAISE(ABORT, 'documents are never deleted'); END",
}


def upgrade() -> None:
    add = op.add_column
    add('application', sa.Column('hardship_cause', sa.String(16), nullable=False, server_default=''))
    add('application', sa.Column('staff_relative', sa.Boolean(), nullable=False,
                                 server_default=sa.false()))
    add('application', sa.Column('staff_relative_note', sa.String(200), nullable=False,
                                 server_default=''))
    add('application', sa.Column('closed_on', sa.Date(), nullable=True))
    op.create_index('ix_application_staff_relative', 'application', ['staff_relative'])

    add('requested_item', sa.Column('task_status', sa.String(16), nullable=True))
    add('requested_item', sa.Column('referred_on', sa.Date(), nullable=True))
    add('requested_item', sa.Column('signed_on', sa.Date(), nullable=True))
    add('requested_item', sa.Column('signed_by', sa.String(40), nullable=False, server_default=''))
    add('requested_item', sa.Column('result_on', sa.Date(), nullable=True))
    add('requested_item', sa.Column('result_text', sa.Text(), nullable=False, server_default=''))
    add('requested_item', sa.Column('amount_fen', sa.Integer(), nullable=True))
    add('requested_item', sa.Column('period_from', sa.Date(), nullable=True))
    add('requested_item', sa.Column('period_to', sa.Date(), nullable=True))
    # A column with a REFERENCES clause: SQLite adds it in place (alembic would try a
    # separate ALTER … ADD CONSTRAINT, which SQLite does not have).
    op.execute("ALTER TABLE requested_item ADD COLUMN result_by_id INTEGER "
               "REFERENCES staff (id)")
    add('requested_item', sa.Column('review_class', sa.String(8), nullable=False, server_default=''))
    add('requested_item', sa.Column('next_review_on', sa.Date(), nullable=True))
    op.create_index('ix_requested_item_task_status', 'requested_item', ['task_status'])
    op.create_index('ix_requested_item_next_review_on', 'requested_item', ['next_review_on'])
    op.execute("UPDATE requested_item SET task_status = CASE WHEN handler_code = 'TOWNSHIP' "
               "THEN 'in_progress' ELSE 'to_refer' END WHERE status = 'accepted'")

    op.create_table(
        'emergency_aid',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=False),
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('number', sa.String(40), nullable=False),
        sa.Column('amount_fen', sa.Integer(), nullable=False),
        sa.Column('method', sa.String(16), nullable=False),
        sa.Column('cause', sa.String(200), nullable=False),
        sa.Column('paid_on', sa.Date(), nullable=False),
        sa.Column('paperwork_due', sa.Date(), nullable=False),
        sa.Column('paperwork_provisional', sa.Boolean(), nullable=False),
        sa.Column('recorded_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('uuid', sa.String(36), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('change_seq', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['application_id'], ['application.id'],
                                name='fk_emergency_aid_application_id_application'),
        sa.ForeignKeyConstraint(['item_id'], ['requested_item.id'],
                                name='fk_emergency_aid_item_id_requested_item'),
        sa.ForeignKeyConstraint(['recorded_by_id'], ['staff.id'],
                                name='fk_emergency_aid_recorded_by_id_staff'),
        sa.PrimaryKeyConstraint('id', name='pk_emergency_aid'),
        sa.UniqueConstraint('number', name='uq_emergency_aid_number'),
        sa.UniqueConstraint('uuid', name='uq_emergency_aid_uuid'),
    )
    op.create_index('ix_emergency_aid_application_id', 'emergency_aid', ['application_id'])
    op.create_index('ix_emergency_aid_item_id', 'emergency_aid', ['item_id'])
    op.create_index('ix_emergency_aid_paid_on', 'emergency_aid', ['paid_on'])
    op.create_index('ix_emergency_aid_change_seq', 'emergency_aid', ['change_seq'])

    op.create_table(
        'list_document',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(24), nullable=False),
        sa.Column('number', sa.String(40), nullable=False),
        sa.Column('department', sa.String(16), nullable=False),
        sa.Column('day', sa.Date(), nullable=False),
        sa.Column('template_version', sa.String(16), nullable=False),
        sa.Column('data', sa.Text(), nullable=False),
        sa.Column('sha256', sa.String(64), nullable=False),
        sa.Column('created_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('print_count', sa.Integer(), nullable=False),
        sa.Column('uuid', sa.String(36), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('change_seq', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['created_by_id'], ['staff.id'],
                                name='fk_list_document_created_by_id_staff'),
        sa.PrimaryKeyConstraint('id', name='pk_list_document'),
        sa.UniqueConstraint('kind', 'number', name='uq_list_document_kind_number'),
        sa.UniqueConstraint('uuid', name='uq_list_document_uuid'),
    )
    op.create_index('ix_list_document_number', 'list_document', ['number'])
    op.create_index('ix_list_document_day', 'list_document', ['day'])
    op.create_index('ix_list_document_change_seq', 'list_document', ['change_seq'])
    for sql in TRIGGERS.values():
        op.execute(sql)


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table('list_document')
    op.drop_table('emergency_aid')
    for idx in ('ix_requested_item_next_review_on', 'ix_requested_item_task_status'):
        op.drop_index(idx, 'requested_item')
    for col in ('next_review_on', 'review_class', 'result_by_id', 'period_to', 'period_from',
                'amount_fen', 'result_text', 'result_on', 'signed_by', 'signed_on',
                'referred_on', 'task_status'):
        op.drop_column('requested_item', col)
    op.drop_index('ix_application_staff_relative', 'application')
    for col in ('closed_on', 'staff_relative_note', 'staff_relative', 'hardship_cause'):
        op.drop_column('application', col)
