"""Sync format 3 (issue 13): the county's 审核确认 of reported tasks and the task a
record belongs to.

* ``county_confirmation``: confirmations recorded with ``county-receiver confirm``,
  sent to the township in a ``confirmation`` record of its next return (``return_seq``);
* ``county_record.task_uuid``: the task (``requested_item.uuid``) of a record — the task
  itself, its ``task_stage`` steps, its ``reserve_entry`` lines — so the county finds a
  task's 报县 step without a JSON query; filled for the requested items already held.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('county_confirmation',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('township_id', sa.Integer(), nullable=False),
    sa.Column('task_uuid', sa.String(length=36), nullable=False),
    sa.Column('outcome', sa.String(length=16), nullable=False),
    sa.Column('decided_on', sa.Date(), nullable=False),
    sa.Column('amount_fen', sa.BigInteger(), nullable=True),
    sa.Column('period_from', sa.Date(), nullable=True),
    sa.Column('period_to', sa.Date(), nullable=True),
    sa.Column('document_number', sa.String(length=60), nullable=False),
    sa.Column('text', sa.String(length=200), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('return_seq', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['township_id'], ['county_township.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('county_confirmation', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_county_confirmation_task_uuid'), ['task_uuid'],
                              unique=False)
    # plain ADD COLUMN (no table copy: county_record can be millions of rows)
    op.add_column('county_record', sa.Column('task_uuid', sa.String(length=36), nullable=True))
    op.create_index('ix_county_record_task', 'county_record', ['township_id', 'task_uuid'],
                    unique=False)
    op.execute("UPDATE county_record SET task_uuid = uuid WHERE type = 'requested_item'")


def downgrade() -> None:
    op.drop_index('ix_county_record_task', table_name='county_record')
    with op.batch_alter_table('county_record', schema=None) as batch_op:
        batch_op.drop_column('task_uuid')
    with op.batch_alter_table('county_confirmation', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_county_confirmation_task_uuid'))
    op.drop_table('county_confirmation')
