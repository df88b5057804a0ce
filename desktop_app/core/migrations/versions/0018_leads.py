"""The lead register (主动发现, issue 15 item 3): ``lead`` and ``lead_visit``, empty.

Revision ID: 0018
Revises: 0017
Create Date: 2026-12-07 18:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0018'
down_revision = '0017'
branch_labels = None
depends_on = None


def _tracked() -> list[sa.Column]:
    return [sa.Column('uuid', sa.String(36), nullable=False),
            sa.Column('version', sa.Integer(), nullable=False),
            sa.Column('change_seq', sa.Integer(), nullable=False)]


def upgrade() -> None:
    op.create_table(
        'lead',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('number', sa.String(24), nullable=False),
        sa.Column('source', sa.String(24), nullable=False),
        sa.Column('reported_on', sa.Date(), nullable=False),
        sa.Column('ticket_no', sa.String(40), nullable=False),
        sa.Column('origin_ref', sa.String(60), nullable=False),
        sa.Column('reporter_name', sa.String(30), nullable=False),
        sa.Column('reporter_phone', sa.String(24), nullable=False),
        sa.Column('subject_name', sa.String(30), nullable=False),
        sa.Column('subject_id_number', sa.String(24), nullable=False),
        sa.Column('subject_phone', sa.String(24), nullable=False),
        sa.Column('village_id', sa.Integer(), nullable=True),
        sa.Column('address', sa.String(100), nullable=False),
        sa.Column('situation', sa.Text(), nullable=False),
        sa.Column('reply_due', sa.Date(), nullable=True),
        sa.Column('replied_on', sa.Date(), nullable=True),
        sa.Column('reply_text', sa.Text(), nullable=False),
        sa.Column('assignee', sa.String(30), nullable=False),
        sa.Column('assigned_on', sa.Date(), nullable=True),
        sa.Column('visit_due', sa.Date(), nullable=True),
        sa.Column('status', sa.String(16), nullable=False),
        sa.Column('outcome', sa.String(16), nullable=False),
        sa.Column('outcome_text', sa.Text(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=True),
        sa.Column('closed_on', sa.Date(), nullable=True),
        sa.Column('recorded_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(['village_id'], ['village.id'],
                                name='fk_lead_village_id_village'),
        sa.ForeignKeyConstraint(['application_id'], ['application.id'],
                                name='fk_lead_application_id_application'),
        sa.ForeignKeyConstraint(['recorded_by_id'], ['staff.id'],
                                name='fk_lead_recorded_by_id_staff'),
        sa.PrimaryKeyConstraint('id', name='pk_lead'),
        sa.UniqueConstraint('uuid', name='uq_lead_uuid'),
        sa.UniqueConstraint('number', name='uq_lead_number'),
    )
    op.create_index('ix_lead_reported_on', 'lead', ['reported_on'])
    op.create_index('ix_lead_village_id', 'lead', ['village_id'])
    op.create_index('ix_lead_status', 'lead', ['status'])
    op.create_index('ix_lead_application_id', 'lead', ['application_id'])
    op.create_index('ix_lead_change_seq', 'lead', ['change_seq'])
    op.create_table(
        'lead_visit',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('lead_id', sa.Integer(), nullable=False),
        sa.Column('visited_on', sa.Date(), nullable=False),
        sa.Column('visitors', sa.Text(), nullable=False),
        sa.Column('findings', sa.Text(), nullable=False),
        sa.Column('recorded_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        *_tracked(),
        sa.ForeignKeyConstraint(['lead_id'], ['lead.id'], name='fk_lead_visit_lead_id_lead'),
        sa.ForeignKeyConstraint(['recorded_by_id'], ['staff.id'],
                                name='fk_lead_visit_recorded_by_id_staff'),
        sa.PrimaryKeyConstraint('id', name='pk_lead_visit'),
        sa.UniqueConstraint('uuid', name='uq_lead_visit_uuid'),
    )
    op.create_index('ix_lead_visit_lead_id', 'lead_visit', ['lead_id'])
    op.create_index('ix_lead_visit_change_seq', 'lead_visit', ['change_seq'])


def downgrade() -> None:
    op.drop_table('lead_visit')
    op.drop_table('lead')
