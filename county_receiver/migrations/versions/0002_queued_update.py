"""Queued updates (sync format 2, issue 12): update records waiting for a township's
next return — given with ``county-receiver update``, or of a type the township's format
version cannot carry yet (``eligibility`` for a township still writing format 1).

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0002'
down_revision = '0001'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('county_queued_update',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('township_id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=24), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('data', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('queued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('return_seq', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['township_id'], ['county_township.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('county_queued_update', schema=None) as batch_op:
        batch_op.create_index('ix_county_queued_update', ['township_id', 'return_seq'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('county_queued_update', schema=None) as batch_op:
        batch_op.drop_index('ix_county_queued_update')
    op.drop_table('county_queued_update')
