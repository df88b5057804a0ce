"""The township's casework (issue 13): procedure steps, their clocks, the 备用金 ledger.

* ``requested_item.stage`` / ``stage_due`` / ``stage_due_provisional``: NULL / False on
  existing rows — tasks accepted before the procedure was recorded have no current
  step; ``extended_days`` = 0, ``first_aid_due_at`` / ``notice_due`` NULL,
  ``waiting_for`` = "".
* ``task_stage``: the steps recorded (入户调查 … 县级审核确认) and side records
  (补齐手续, 个案会商, 跟进救助, 延期); existing tasks have none.
* ``reserve_batch`` / ``reserve_entry``: the 临时救助备用金 ledger, empty.

Plain ALTER TABLE ADD COLUMN (see 0003 for why no batch).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-07 12:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0010'
down_revision = '0009'
branch_labels = None
depends_on = None


def _tracked() -> list[sa.Column]:
    return [sa.Column('uuid', sa.String(36), nullable=False),
            sa.Column('version', sa.Integer(), nullable=False),
            sa.Column('change_seq', sa.Integer(), nullable=False)]


def upgrade() -> None:
    op.add_column('requested_item', sa.Column('stage', sa.String(16), nullable=True))
    op.add_column('requested_item', sa.Column('stage_due', sa.Date(), nullable=True))
    op.add_column('requested_item', sa.Column('stage_due_provisional', sa.Boolean(),
                                              nullable=False, server_default=sa.false()))
    op.add_column('requested_item', sa.Column('extended_days', sa.Integer(), nullable=False,
                                              server_default='0'))
    op.add_column('requested_item', sa.Column('first_aid_due_at', sa.DateTime(), nullable=True))
    op.add_column('requested_item', sa.Column('notice_due', sa.Date(), nullable=True))
    op.add_column('requested_item', sa.Column('waiting_for', sa.String(24), nullable=False,
                                              server_default=''))
    op.create_index('ix_requested_item_stage_due', 'requested_item', ['stage_due'])
    op.create_table(
        'task_stage',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=False),
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('stage', sa.String(16), nullable=False),
        sa.Column('started_on', sa.Date(), nullable=False),
        sa.Column('done_on', sa.Date(), nullable=True),
        sa.Column('ends_on', sa.Date(), nullable=True),
        sa.Column('due_date', sa.Date(), nullable=True),
        sa.Column('outcome', sa.String(24), nullable=False),
        sa.Column('amount_fen', sa.Integer(), nullable=True),
        sa.Column('people', sa.Text(), nullable=False),
        sa.Column('text', sa.Text(), nullable=False),
        sa.Column('ref', sa.String(60), nullable=False),
        sa.Column('village_id', sa.Integer(), nullable=True),
        sa.Column('details', sa.Text(), nullable=False),
        sa.Column('source', sa.String(16), nullable=False),
        sa.Column('replaces_id', sa.Integer(), nullable=True),
        sa.Column('recorded_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(['application_id'], ['application.id'],
                                name='fk_task_stage_application_id_application'),
        sa.ForeignKeyConstraint(['item_id'], ['requested_item.id'],
                                name='fk_task_stage_item_id_requested_item'),
        sa.ForeignKeyConstraint(['village_id'], ['village.id'],
                                name='fk_task_stage_village_id_village'),
        sa.ForeignKeyConstraint(['replaces_id'], ['task_stage.id'],
                                name='fk_task_stage_replaces_id_task_stage'),
        sa.ForeignKeyConstraint(['recorded_by_id'], ['staff.id'],
                                name='fk_task_stage_recorded_by_id_staff'),
        sa.PrimaryKeyConstraint('id', name='pk_task_stage'),
        sa.UniqueConstraint('uuid', name='uq_task_stage_uuid'),
    )
    op.create_index('ix_task_stage_application_id', 'task_stage', ['application_id'])
    op.create_index('ix_task_stage_item_id', 'task_stage', ['item_id'])
    op.create_index('ix_task_stage_change_seq', 'task_stage', ['change_seq'])
    op.create_table(
        'reserve_batch',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('number', sa.String(40), nullable=False),
        sa.Column('submitted_on', sa.Date(), nullable=False),
        sa.Column('total_fen', sa.Integer(), nullable=False),
        sa.Column('reimbursed_on', sa.Date(), nullable=True),
        sa.Column('reimbursed_fen', sa.Integer(), nullable=True),
        sa.Column('text', sa.String(200), nullable=False),
        sa.Column('recorded_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(['recorded_by_id'], ['staff.id'],
                                name='fk_reserve_batch_recorded_by_id_staff'),
        sa.PrimaryKeyConstraint('id', name='pk_reserve_batch'),
        sa.UniqueConstraint('number', name='uq_reserve_batch_number'),
        sa.UniqueConstraint('uuid', name='uq_reserve_batch_uuid'),
    )
    op.create_index('ix_reserve_batch_submitted_on', 'reserve_batch', ['submitted_on'])
    op.create_index('ix_reserve_batch_change_seq', 'reserve_batch', ['change_seq'])
    op.create_table(
        'reserve_entry',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('number', sa.String(40), nullable=False),
        sa.Column('kind', sa.String(16), nullable=False),
        sa.Column('amount_fen', sa.Integer(), nullable=False),
        sa.Column('on', sa.Date(), nullable=False),
        sa.Column('text', sa.String(200), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=True),
        sa.Column('item_id', sa.Integer(), nullable=True),
        sa.Column('emergency_aid_id', sa.Integer(), nullable=True),
        sa.Column('batch_id', sa.Integer(), nullable=True),
        sa.Column('recorded_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(['application_id'], ['application.id'],
                                name='fk_reserve_entry_application_id_application'),
        sa.ForeignKeyConstraint(['item_id'], ['requested_item.id'],
                                name='fk_reserve_entry_item_id_requested_item'),
        sa.ForeignKeyConstraint(['emergency_aid_id'], ['emergency_aid.id'],
                                name='fk_reserve_entry_emergency_aid_id_emergency_aid'),
        sa.ForeignKeyConstraint(['batch_id'], ['reserve_batch.id'],
                                name='fk_reserve_entry_batch_id_reserve_batch'),
        sa.ForeignKeyConstraint(['recorded_by_id'], ['staff.id'],
                                name='fk_reserve_entry_recorded_by_id_staff'),
        sa.PrimaryKeyConstraint('id', name='pk_reserve_entry'),
        sa.UniqueConstraint('number', name='uq_reserve_entry_number'),
        sa.UniqueConstraint('uuid', name='uq_reserve_entry_uuid'),
    )
    op.create_index('ix_reserve_entry_on', 'reserve_entry', ['on'])
    op.create_index('ix_reserve_entry_application_id', 'reserve_entry', ['application_id'])
    op.create_index('ix_reserve_entry_batch_id', 'reserve_entry', ['batch_id'])
    op.create_index('ix_reserve_entry_change_seq', 'reserve_entry', ['change_seq'])


def downgrade() -> None:
    for table in ('reserve_entry', 'reserve_batch', 'task_stage'):
        op.drop_table(table)
    op.drop_index('ix_requested_item_stage_due', 'requested_item')
    for name in ('stage', 'stage_due', 'stage_due_provisional', 'extended_days',
                 'first_aid_due_at', 'notice_due', 'waiting_for'):
        op.drop_column('requested_item', name)
