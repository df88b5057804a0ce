"""低收入人口动态监测, the township's part (issue 15 item 4).

* ``county_warning``: the county's warning list (预警名单), received in return packages
  (county-return type ``warning``, sync format 4); empty.
* ``monitor_visit``: monitoring visits (监测走访) to households on the monitoring list;
  Tracked (township-export type ``monitor_visit``); empty.

Revision ID: 0019
Revises: 0018
Create Date: 2026-12-07 18:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0019'
down_revision = '0018'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'county_warning',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('uuid', sa.String(36), nullable=False),
        sa.Column('list_no', sa.String(40), nullable=False),
        sa.Column('listed_on', sa.Date(), nullable=False),
        sa.Column('village_code', sa.String(12), nullable=False),
        sa.Column('name', sa.String(30), nullable=False),
        sa.Column('id_number', sa.String(40), nullable=False),
        sa.Column('reason', sa.String(200), nullable=False),
        sa.Column('risk', sa.String(8), nullable=False),
        sa.Column('source', sa.String(60), nullable=False),
        sa.Column('withdrawn', sa.Boolean(), nullable=False),
        sa.Column('return_seq', sa.Integer(), nullable=True),
        sa.Column('received_at', sa.DateTime(), nullable=False),
        sa.Column('updated_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_county_warning'),
        sa.UniqueConstraint('uuid', name='uq_county_warning_uuid'),
    )
    op.create_index('ix_county_warning_listed_on', 'county_warning', ['listed_on'])
    op.create_index('ix_county_warning_id_number', 'county_warning', ['id_number'])
    op.create_table(
        'monitor_visit',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=True),
        sa.Column('warning_id', sa.Integer(), nullable=True),
        sa.Column('visited_on', sa.Date(), nullable=False),
        sa.Column('visitors', sa.Text(), nullable=False),
        sa.Column('findings', sa.Text(), nullable=False),
        sa.Column('reasons', sa.Text(), nullable=False),
        sa.Column('outcome', sa.String(16), nullable=False),
        sa.Column('next_visit_on', sa.Date(), nullable=True),
        sa.Column('lead_ref', sa.String(60), nullable=False),
        sa.Column('recorded_by_id', sa.Integer(), nullable=True),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('uuid', sa.String(36), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('change_seq', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['application_id'], ['application.id'],
                                name='fk_monitor_visit_application_id_application'),
        sa.ForeignKeyConstraint(['warning_id'], ['county_warning.id'],
                                name='fk_monitor_visit_warning_id_county_warning'),
        sa.ForeignKeyConstraint(['recorded_by_id'], ['staff.id'],
                                name='fk_monitor_visit_recorded_by_id_staff'),
        sa.PrimaryKeyConstraint('id', name='pk_monitor_visit'),
        sa.UniqueConstraint('uuid', name='uq_monitor_visit_uuid'),
    )
    op.create_index('ix_monitor_visit_application_id', 'monitor_visit', ['application_id'])
    op.create_index('ix_monitor_visit_warning_id', 'monitor_visit', ['warning_id'])
    op.create_index('ix_monitor_visit_visited_on', 'monitor_visit', ['visited_on'])
    op.create_index('ix_monitor_visit_change_seq', 'monitor_visit', ['change_seq'])


def downgrade() -> None:
    op.drop_table('monitor_visit')
    op.drop_table('county_warning')
