"""Intake drafts (issue 14): the form autosaved while it is typed.

* ``intake_draft``: one row per unsaved intake form (who, kind ``new`` / ``supplement``
  of an application, created / updated, number of autosaves, the form as JSON). Local
  to the township: never exported (not a tracked row). Existing databases start empty.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07 15:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0012'
down_revision = '0011'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'intake_draft',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('staff_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(16), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.Column('saves', sa.Integer(), nullable=False),
        sa.Column('state', sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(['staff_id'], ['staff.id'], name='fk_intake_draft_staff_id_staff'),
        sa.ForeignKeyConstraint(['application_id'], ['application.id'],
                                name='fk_intake_draft_application_id_application'),
        sa.PrimaryKeyConstraint('id', name='pk_intake_draft'),
    )
    op.create_index('ix_intake_draft_staff_id', 'intake_draft', ['staff_id'])


def downgrade() -> None:
    op.drop_index('ix_intake_draft_staff_id', table_name='intake_draft')
    op.drop_table('intake_draft')
