"""Dependent items (issue 13, materials): the day the awaited status was refused.

* ``requested_item.waiting_refused_on``: a task waiting for the household's 低保/特困
  (``waiting_for``) whose awaited item was refused keeps waiting, flagged for the clerk
  with this date (NULL: not flagged). Existing rows: NULL.

Plain ALTER TABLE ADD COLUMN (see 0003 for why no batch).

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-07 12:40:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0011'
down_revision = '0010'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('requested_item', sa.Column('waiting_refused_on', sa.Date(), nullable=True))


def downgrade() -> None:
    op.drop_column('requested_item', 'waiting_refused_on')
