"""Assistance beyond cash (issue 15 item 5): the directory of providers.

* ``provider``: 社工站, charities, volunteer teams, other social organisations (and
  government bodies) that take on service-type items; empty on existing databases.
* ``requested_item.provider_id``: the provider a task is referred to; NULL on existing
  rows (referred to the catalogue's department, as before).

Plain ALTER TABLE ADD COLUMN (see 0003 for why no batch); SQLite accepts a REFERENCES
clause on an added column whose default is NULL.

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-07 18:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0016'
down_revision = '0015'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'provider',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(100), nullable=False),
        sa.Column('kind', sa.String(16), nullable=False),
        sa.Column('services', sa.Text(), nullable=False),
        sa.Column('contact', sa.String(30), nullable=False),
        sa.Column('phone', sa.String(30), nullable=False),
        sa.Column('address', sa.String(200), nullable=False),
        sa.Column('note', sa.String(200), nullable=False),
        sa.Column('active', sa.Boolean(), nullable=False),
        sa.Column('valid_from', sa.Date(), nullable=True),
        sa.Column('valid_to', sa.Date(), nullable=True),
        sa.Column('recorded_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('uuid', sa.String(36), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('change_seq', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['recorded_by_id'], ['staff.id'],
                                name='fk_provider_recorded_by_id_staff'),
        sa.PrimaryKeyConstraint('id', name='pk_provider'),
        sa.UniqueConstraint('name', name='uq_provider_name'),
        sa.UniqueConstraint('uuid', name='uq_provider_uuid'),
    )
    op.create_index('ix_provider_change_seq', 'provider', ['change_seq'])
    # (alembic's add_column would ALTER the constraint separately, which SQLite lacks)
    op.execute("ALTER TABLE requested_item ADD COLUMN provider_id INTEGER "
               "CONSTRAINT fk_requested_item_provider_id_provider REFERENCES provider (id)")
    op.create_index('ix_requested_item_provider_id', 'requested_item', ['provider_id'])


def downgrade() -> None:
    op.drop_index('ix_requested_item_provider_id', 'requested_item')
    op.drop_column('requested_item', 'provider_id')
    op.drop_index('ix_provider_change_seq', 'provider')
    op.drop_table('provider')
