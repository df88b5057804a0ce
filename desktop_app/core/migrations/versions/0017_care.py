"""特困 care (issue 15 item 5, helper ``care``): the ``care_plan`` table — self-care
assessments (生活自理能力评估), 集中 / 分散供养 and 委托照料协议. Empty on existing databases.

Revision ID: 0017
Revises: 0016
Create Date: 2026-12-07 18:20:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0017'
down_revision = '0016'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'care_plan',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=False),
        sa.Column('item_id', sa.Integer(), nullable=False),
        sa.Column('member_id', sa.Integer(), nullable=False),
        sa.Column('assessed_on', sa.Date(), nullable=False),
        sa.Column('assessors', sa.Text(), nullable=False),
        sa.Column('indicators', sa.Text(), nullable=False),
        sa.Column('failed_count', sa.Integer(), nullable=False),
        sa.Column('level', sa.String(8), nullable=False),
        sa.Column('setting_from', sa.Date(), nullable=False),
        sa.Column('mode', sa.String(12), nullable=False),
        sa.Column('institution', sa.String(60), nullable=False),
        sa.Column('caretaker_kind', sa.String(16), nullable=False),
        sa.Column('caretaker_name', sa.String(60), nullable=False),
        sa.Column('caretaker_relation', sa.String(16), nullable=False),
        sa.Column('caretaker_phone', sa.String(30), nullable=False),
        sa.Column('caretaker_address', sa.String(200), nullable=False),
        sa.Column('services', sa.Text(), nullable=False),
        sa.Column('agreement_no', sa.String(40), nullable=False),
        sa.Column('starts_on', sa.Date(), nullable=True),
        sa.Column('ends_on', sa.Date(), nullable=True),
        sa.Column('amount_fen', sa.Integer(), nullable=True),
        sa.Column('signed_on', sa.Date(), nullable=True),
        sa.Column('ended_on', sa.Date(), nullable=True),
        sa.Column('end_reason', sa.String(200), nullable=False),
        sa.Column('note', sa.String(200), nullable=False),
        sa.Column('replaces_id', sa.Integer(), nullable=True),
        sa.Column('recorded_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('uuid', sa.String(36), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('change_seq', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['application_id'], ['application.id'],
                                name='fk_care_plan_application_id_application'),
        sa.ForeignKeyConstraint(['item_id'], ['requested_item.id'],
                                name='fk_care_plan_item_id_requested_item'),
        sa.ForeignKeyConstraint(['member_id'], ['household_member.id'],
                                name='fk_care_plan_member_id_household_member'),
        sa.ForeignKeyConstraint(['replaces_id'], ['care_plan.id'],
                                name='fk_care_plan_replaces_id_care_plan'),
        sa.ForeignKeyConstraint(['recorded_by_id'], ['staff.id'],
                                name='fk_care_plan_recorded_by_id_staff'),
        sa.PrimaryKeyConstraint('id', name='pk_care_plan'),
        sa.UniqueConstraint('uuid', name='uq_care_plan_uuid'),
    )
    op.create_index('ix_care_plan_application_id', 'care_plan', ['application_id'])
    op.create_index('ix_care_plan_item_id', 'care_plan', ['item_id'])
    op.create_index('ix_care_plan_ends_on', 'care_plan', ['ends_on'])
    op.create_index('ix_care_plan_change_seq', 'care_plan', ['change_seq'])


def downgrade() -> None:
    op.drop_table('care_plan')
