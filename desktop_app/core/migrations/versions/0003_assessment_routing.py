"""needs assessment input and routing: supporters' ability, who confirms each item

* ``application.supporters_able``: whether a legal supporter (赡养/抚养/扶养义务人) can
  support the household — an input of the needs assessment (特困). NULL = not recorded.
* ``requested_item.decider_code``: who decides (审核确认) the item, fixed at acceptance
  from the catalogue and the ``township_confirms`` setting (审核确认权下放). NULL for
  items recorded before this revision and for items not (yet) accepted.

Plain ALTER TABLE ADD COLUMN, not a batch: both tables are referenced by foreign keys
and carry no-delete triggers (see 0002); a batch copy would break on a populated
database with foreign_keys=ON.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24 20:15:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('application', sa.Column('supporters_able', sa.Boolean(), nullable=True))
    op.add_column('requested_item', sa.Column('decider_code', sa.String(length=16), nullable=True))


def downgrade() -> None:
    op.drop_column('requested_item', 'decider_code')
    op.drop_column('application', 'supporters_able')
