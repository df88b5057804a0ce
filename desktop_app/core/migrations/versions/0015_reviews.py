"""动态管理 (issue 15, helper ``reviews``): the table ``household_review`` — change
reports (变更申报) and re-checks (复核) of a benefit task with the household snapshot
found, the figures recomputed and the outcome (continue / adjust / 渐退 / stop).

Existing tasks have none: their household is the application's own (snapshot 0).

Revision ID: 0015
Revises: 0014
Create Date: 2026-12-07 18:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0015'
down_revision = '0014'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'household_review',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=False),
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('kind', sa.String(16), nullable=False),
        sa.Column('on', sa.Date(), nullable=False),
        sa.Column('change_kinds', sa.Text(), nullable=False),
        sa.Column('snapshot_no', sa.Integer(), nullable=False),
        sa.Column('household', sa.Text(), nullable=False),
        sa.Column('counted_members', sa.Integer(), nullable=False),
        sa.Column('net_income_fen', sa.Integer(), nullable=False),
        sa.Column('net_per_capita_fen', sa.Integer(), nullable=False),
        sa.Column('topup_fen', sa.Integer(), nullable=True),
        sa.Column('standards_from', sa.Date(), nullable=True),
        sa.Column('eligibility_from', sa.Date(), nullable=True),
        sa.Column('review_class', sa.String(8), nullable=False),
        sa.Column('class_reason', sa.String(300), nullable=False),
        sa.Column('outcome', sa.String(16), nullable=False),
        sa.Column('amount_fen', sa.Integer(), nullable=True),
        sa.Column('effective_month', sa.Date(), nullable=False),
        sa.Column('taper_ends_on', sa.Date(), nullable=True),
        sa.Column('stop_reason', sa.String(300), nullable=False),
        sa.Column('investigators', sa.Text(), nullable=False),
        sa.Column('findings', sa.Text(), nullable=False),
        sa.Column('suggested', sa.String(16), nullable=False),
        sa.Column('suggestion_reason', sa.Text(), nullable=False),
        sa.Column('next_review_on', sa.Date(), nullable=True),
        sa.Column('recorded_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('replaces_id', sa.Integer(), nullable=True),
        sa.Column('uuid', sa.String(36), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('change_seq', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['application_id'], ['application.id'],
                                name='fk_household_review_application_id_application'),
        sa.ForeignKeyConstraint(['item_id'], ['requested_item.id'],
                                name='fk_household_review_item_id_requested_item'),
        sa.ForeignKeyConstraint(['recorded_by_id'], ['staff.id'],
                                name='fk_household_review_recorded_by_id_staff'),
        sa.ForeignKeyConstraint(['replaces_id'], ['household_review.id'],
                                name='fk_household_review_replaces_id_household_review'),
        sa.PrimaryKeyConstraint('id', name='pk_household_review'),
        sa.UniqueConstraint('uuid', name='uq_household_review_uuid'),
    )
    for col in ('application_id', 'item_id', 'on', 'taper_ends_on', 'change_seq'):
        op.create_index(f'ix_household_review_{col}', 'household_review', [col])


def downgrade() -> None:
    op.drop_table('household_review')
