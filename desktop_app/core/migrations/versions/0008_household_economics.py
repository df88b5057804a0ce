"""Household economics (issue 12): who counts, supporters and guardians, where one
applies, and the income calculation stored with the application.

* ``household_member.counted`` / ``counted_reason`` / ``guardian``: existing members
  are counted (as the assessment counted everyone before); the applicant's reason is
  filled ("applicant") and a spouse's ("spouse"); other reasons stay "" (not given).
* ``related_person``: legal supporters (义务人) and outside guardians (监护人) as
  records; existing applications have none (their ``supporters_able`` flag stays).
* ``application.residence_kind`` = "hukou" for existing rows (the only kind before),
  ``residence_address`` / ``residence_permit_no`` = "", ``medical_reimbursed_fen`` = 0.
* ``application.counted_members`` … ``eligibility_from`` and ``income.counted``: NULL on
  existing rows, meaning "recorded before the calculation was stored" — the rules and
  settings that would have applied are not reconstructed; screens recompute and say so.

Plain ALTER TABLE ADD / DROP COLUMN, not a batch (see 0003: the tables are referenced by
foreign keys and carry no-delete triggers; a batch copy breaks on a populated database).

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-07 10:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0008'
down_revision = '0007'
branch_labels = None
depends_on = None

_APP_NULLABLE = ("counted_members", "excluded_income_fen", "deduction_fen", "net_income_fen",
                 "net_per_capita_fen", "topup_fen")


def upgrade() -> None:
    op.add_column('household_member', sa.Column('counted', sa.Boolean(), nullable=False,
                                                server_default=sa.true()))
    op.add_column('household_member', sa.Column('counted_reason', sa.String(16), nullable=False,
                                                server_default=''))
    op.add_column('household_member', sa.Column('guardian', sa.Boolean(), nullable=False,
                                                server_default=sa.false()))
    op.execute("UPDATE household_member SET counted_reason = 'applicant' WHERE position = 0")
    op.execute("UPDATE household_member SET counted_reason = 'spouse' "
               "WHERE position > 0 AND relation = '配偶'")
    for name in _APP_NULLABLE:
        op.add_column('application', sa.Column(name, sa.Integer(), nullable=True))
    op.add_column('application', sa.Column('standards_from', sa.Date(), nullable=True))
    op.add_column('application', sa.Column('eligibility_from', sa.Date(), nullable=True))
    op.add_column('application', sa.Column('medical_reimbursed_fen', sa.Integer(), nullable=False,
                                           server_default='0'))
    op.add_column('application', sa.Column('residence_kind', sa.String(16), nullable=False,
                                           server_default='hukou'))
    op.add_column('application', sa.Column('residence_address', sa.String(200), nullable=False,
                                           server_default=''))
    op.add_column('application', sa.Column('residence_permit_no', sa.String(40), nullable=False,
                                           server_default=''))
    op.add_column('income', sa.Column('counted', sa.Boolean(), nullable=True))
    op.create_table(
        'related_person',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=False),
        sa.Column('position', sa.Integer(), nullable=False),
        sa.Column('name', sa.String(30), nullable=False),
        sa.Column('relation', sa.String(16), nullable=False),
        sa.Column('id_type', sa.String(16), nullable=False),
        sa.Column('id_number', sa.String(40), nullable=False),
        sa.Column('no_id_reason', sa.String(100), nullable=False),
        sa.Column('phone', sa.String(30), nullable=False),
        sa.Column('address', sa.String(200), nullable=False),
        sa.Column('supporter', sa.Boolean(), nullable=False),
        sa.Column('guardian', sa.Boolean(), nullable=False),
        sa.Column('household_size', sa.Integer(), nullable=True),
        sa.Column('monthly_income_fen', sa.Integer(), nullable=True),
        sa.Column('able', sa.Boolean(), nullable=True),
        sa.Column('unable_reason', sa.String(16), nullable=False),
        sa.Column('note', sa.String(200), nullable=False),
        sa.Column('uuid', sa.String(36), nullable=False),
        sa.Column('version', sa.Integer(), nullable=False),
        sa.Column('change_seq', sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(['application_id'], ['application.id'],
                                name='fk_related_person_application_id_application'),
        sa.PrimaryKeyConstraint('id', name='pk_related_person'),
        sa.UniqueConstraint('uuid', name='uq_related_person_uuid'),
    )
    op.create_index('ix_related_person_application_id', 'related_person', ['application_id'])
    op.create_index('ix_related_person_change_seq', 'related_person', ['change_seq'])


def downgrade() -> None:
    op.drop_index('ix_related_person_change_seq', 'related_person')
    op.drop_index('ix_related_person_application_id', 'related_person')
    op.drop_table('related_person')
    op.drop_column('income', 'counted')
    for name in (*_APP_NULLABLE, 'standards_from', 'eligibility_from', 'medical_reimbursed_fen',
                 'residence_kind', 'residence_address', 'residence_permit_no'):
        op.drop_column('application', name)
    for name in ('counted', 'counted_reason', 'guardian'):
        op.drop_column('household_member', name)
