"""Sync format 4 (issue 15): the county's warning list (预警名单, 低收入人口动态监测).

* ``county_warning``: people on a township's warning list recorded with
  ``county-receiver warning add``, sent to the township in ``warning`` records of its
  next return (``return_seq``).

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('county_warning',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('township_id', sa.Integer(), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('list_no', sa.String(length=40), nullable=False),
    sa.Column('listed_on', sa.Date(), nullable=False),
    sa.Column('village_code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=30), nullable=False),
    sa.Column('id_number', sa.String(length=18), nullable=False),
    sa.Column('reason', sa.String(length=200), nullable=False),
    sa.Column('risk', sa.String(length=8), nullable=False),
    sa.Column('source', sa.String(length=60), nullable=False),
    sa.Column('withdrawn', sa.Boolean(), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('return_seq', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['township_id'], ['county_township.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('county_warning', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_county_warning_uuid'), ['uuid'], unique=False)
        batch_op.create_index('ix_county_warning_pending', ['township_id', 'return_seq'],
                              unique=False)


def downgrade() -> None:
    with op.batch_alter_table('county_warning', schema=None) as batch_op:
        batch_op.drop_index('ix_county_warning_pending')
        batch_op.drop_index(batch_op.f('ix_county_warning_uuid'))
    op.drop_table('county_warning')
