"""Issue 17 (cross-township views): the derived tables the county's views read.

* ``county_application``, ``county_task``, ``county_person`` (``county_receiver/derived.py``)
  with the indexes of the views (超期转办, 月度统计, 重复申请);
* ``county_duplicate_candidate``: the ID numbers members of two or more townships hold;
* backfilled from the ``application``, ``household_member`` and ``requested_item``
  records already in ``county_record``.

The backfill calls ``county_receiver.derived.backfill`` (the same code as ingest): a later
revision that changes these tables must copy the backfill here as it is today.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-08
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

_WAITING = "task_status IN ('referred', 'signed', 'in_progress') AND app_open"
_APPLICANT = ("app_open AND applicant_id_number <> '' "
              "AND item_status NOT IN ('rejected', 'withdrawn') "
              "AND (task_status IS NULL OR task_status <> 'refused')")
_HAS_ID = "id_number <> ''"


def upgrade() -> None:
    op.create_table('county_application',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('township_id', sa.Integer(), nullable=False),
    sa.Column('application_uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('number', sa.String(length=32), nullable=True),
    sa.Column('status', sa.String(length=24), nullable=False),
    sa.Column('decision', sa.String(length=16), nullable=True),
    sa.Column('open', sa.Boolean(), nullable=False),
    sa.Column('intake_date', sa.Date(), nullable=True),
    sa.Column('closed_on', sa.Date(), nullable=True),
    sa.Column('village_uuid', sa.String(length=36), nullable=True),
    sa.Column('applicant_id_number', sa.String(length=40), nullable=False),
    sa.ForeignKeyConstraint(['township_id'], ['county_township.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('township_id', 'application_uuid', name='uq_county_application_uuid')
    )
    with op.batch_alter_table('county_application', schema=None) as batch_op:
        batch_op.create_index('ix_county_application_intake', ['intake_date', 'township_id'],
                              unique=False)
        batch_op.create_index('ix_county_application_closed', ['closed_on', 'township_id'],
                              unique=False)

    op.create_table('county_task',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('township_id', sa.Integer(), nullable=False),
    sa.Column('task_uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('application_uuid', sa.String(length=36), nullable=False),
    sa.Column('item_code', sa.String(length=24), nullable=False),
    sa.Column('handler_code', sa.String(length=16), nullable=False),
    sa.Column('item_status', sa.String(length=16), nullable=False),
    sa.Column('task_status', sa.String(length=16), nullable=True),
    sa.Column('referred_on', sa.Date(), nullable=True),
    sa.Column('due_date', sa.Date(), nullable=True),
    sa.Column('result_on', sa.Date(), nullable=True),
    sa.Column('application_number', sa.String(length=32), nullable=True),
    sa.Column('registered_on', sa.Date(), nullable=True),
    sa.Column('village_uuid', sa.String(length=36), nullable=True),
    sa.Column('applicant_id_number', sa.String(length=40), nullable=False),
    sa.Column('app_open', sa.Boolean(), nullable=False),
    sa.Column('app_status', sa.String(length=24), nullable=False),
    sa.Column('app_decision', sa.String(length=16), nullable=True),
    sa.Column('app_closed_on', sa.Date(), nullable=True),
    sa.ForeignKeyConstraint(['township_id'], ['county_township.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('township_id', 'task_uuid', name='uq_county_task_uuid')
    )
    with op.batch_alter_table('county_task', schema=None) as batch_op:
        batch_op.create_index('ix_county_task_application', ['township_id', 'application_uuid'],
                              unique=False)
        batch_op.create_index('ix_county_task_waiting', ['due_date', 'handler_code', 'township_id'],
                              unique=False, postgresql_where=sa.text(_WAITING),
                              sqlite_where=sa.text(_WAITING))
        batch_op.create_index('ix_county_task_referred', ['referred_on', 'township_id'],
                              unique=False)
        batch_op.create_index('ix_county_task_result', ['result_on', 'township_id'], unique=False)
        batch_op.create_index('ix_county_task_due', ['due_date', 'township_id'], unique=False)
        batch_op.create_index('ix_county_task_registered', ['registered_on', 'township_id'],
                              unique=False)
        batch_op.create_index('ix_county_task_closed', ['app_closed_on', 'township_id'],
                              unique=False)
        batch_op.create_index('ix_county_task_applicant',
                              ['applicant_id_number', 'item_code', 'township_id'], unique=False,
                              postgresql_where=sa.text(_APPLICANT),
                              sqlite_where=sa.text(_APPLICANT))

    op.create_table('county_person',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('township_id', sa.Integer(), nullable=False),
    sa.Column('member_uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('application_uuid', sa.String(length=36), nullable=False),
    sa.Column('id_number', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('role', sa.String(length=12), nullable=False),
    sa.Column('open', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['township_id'], ['county_township.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('township_id', 'member_uuid', name='uq_county_person_uuid')
    )
    with op.batch_alter_table('county_person', schema=None) as batch_op:
        batch_op.create_index('ix_county_person_application', ['township_id', 'application_uuid'],
                              unique=False)
        batch_op.create_index('ix_county_person_id', ['id_number', 'township_id'],
                              unique=False, postgresql_where=sa.text(_HAS_ID),
                              sqlite_where=sa.text(_HAS_ID))

    op.create_table('county_duplicate_candidate',
    sa.Column('id_number', sa.String(length=40), nullable=False),
    sa.PrimaryKeyConstraint('id_number')
    )

    from county_receiver.derived import backfill
    backfill(op.get_bind())


def downgrade() -> None:
    op.drop_table('county_duplicate_candidate')
    for table, indexes in (
            ('county_person', ('ix_county_person_id', 'ix_county_person_application')),
            ('county_task', ('ix_county_task_closed', 'ix_county_task_registered',
                             'ix_county_task_applicant', 'ix_county_task_due',
                             'ix_county_task_result', 'ix_county_task_referred',
                             'ix_county_task_waiting', 'ix_county_task_application')),
            ('county_application', ('ix_county_application_closed',
                                    'ix_county_application_intake'))):
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name in indexes:
                batch_op.drop_index(name)
        op.drop_table(table)
