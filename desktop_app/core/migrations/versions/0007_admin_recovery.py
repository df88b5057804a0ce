"""The administrator recovery code (issue 11, CLI authentication)

* ``admin_recovery``: one row per recovery code issued (salted scrypt hash only); the
  row whose ``retired_at`` is NULL is the valid one. Existing databases start without
  a code: an administrator issues one (``desktop-app --user NAME recovery-code``).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07 08:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'admin_recovery',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('code_hash', sa.String(200), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('created_by', sa.Integer(), nullable=True),
        sa.Column('retired_at', sa.DateTime(), nullable=True),
        sa.Column('retired_why', sa.String(16), nullable=True),
        sa.ForeignKeyConstraint(['created_by'], ['staff.id'],
                                name='fk_admin_recovery_created_by_staff'),
        sa.PrimaryKeyConstraint('id', name='pk_admin_recovery'),
    )


def downgrade() -> None:
    op.drop_table('admin_recovery')
