"""Houses owned (issue 12, property test "houses beyond the first")

* ``application.houses``: number of houses / flats the household owns; NULL on existing
  rows = not recorded (the property test says so rather than assuming none).

Plain ALTER TABLE ADD COLUMN (see 0003 for why no batch).

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-07 11:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0009'
down_revision = '0008'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('application', sa.Column('houses', sa.Integer(), nullable=True))


def downgrade() -> None:
    op.drop_column('application', 'houses')
