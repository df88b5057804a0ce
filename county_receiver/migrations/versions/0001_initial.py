"""Initial county schema: exactly the tables the receiver made with ``create_all``
before it had migrations (so such a database is stamped here, not rebuilt), plus
``county_meta.schema_version`` = 1 as it wrote.

Revision ID: 0001
Revises:
Create Date: 2026-12-07
"""
import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('county_meta',
    sa.Column('key', sa.String(length=40), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key')
    )
    op.create_table('county_township',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('code', sa.String(length=12), nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('ed25519_public_key', sa.String(length=64), nullable=False),
    sa.Column('fingerprint', sa.String(length=64), nullable=False),
    sa.Column('age_recipients', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('device_id', sa.String(length=36), nullable=False),
    sa.Column('registered_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('code')
    )
    with op.batch_alter_table('county_township', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_county_township_fingerprint'), ['fingerprint'], unique=False)

    op.create_table('county_conflict',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('township_id', sa.Integer(), nullable=False),
    sa.Column('package_seq', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=24), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('data', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('detected_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['township_id'], ['county_township.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_table('county_feedback',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('township_id', sa.Integer(), nullable=False),
    sa.Column('task_uuid', sa.String(length=36), nullable=False),
    sa.Column('result', sa.String(length=16), nullable=False),
    sa.Column('result_on', sa.Date(), nullable=False),
    sa.Column('result_text', sa.String(length=200), nullable=False),
    sa.Column('amount_fen', sa.BigInteger(), nullable=True),
    sa.Column('period_from', sa.Date(), nullable=True),
    sa.Column('period_to', sa.Date(), nullable=True),
    sa.Column('signed_by', sa.String(length=40), nullable=False),
    sa.Column('signed_on', sa.Date(), nullable=True),
    sa.Column('department', sa.String(length=16), nullable=False),
    sa.Column('recorded_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('return_seq', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['township_id'], ['county_township.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('county_feedback', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_county_feedback_task_uuid'), ['task_uuid'], unique=False)

    op.create_table('county_package',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('township_id', sa.Integer(), nullable=False),
    sa.Column('package_seq', sa.Integer(), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('inner_sha256', sa.String(length=64), nullable=False),
    sa.Column('manifest', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('change_seq_from', sa.BigInteger(), nullable=False),
    sa.Column('change_seq_to', sa.BigInteger(), nullable=False),
    sa.Column('file_name', sa.String(length=200), nullable=False),
    sa.Column('received_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('applied', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('ack_return_seq', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['township_id'], ['county_township.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('township_id', 'package_seq')
    )
    op.create_table('county_record',
    sa.Column('id', sa.BigInteger().with_variant(sa.Integer(), 'sqlite'), nullable=False),
    sa.Column('township_id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=24), nullable=False),
    sa.Column('uuid', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('change_seq', sa.BigInteger(), nullable=False),
    sa.Column('application_uuid', sa.String(length=36), nullable=True),
    sa.Column('application_number', sa.String(length=32), nullable=True),
    sa.Column('event_seq', sa.BigInteger(), nullable=True),
    sa.Column('package_seq', sa.Integer(), nullable=False),
    sa.Column('data', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.ForeignKeyConstraint(['township_id'], ['county_township.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('township_id', 'type', 'uuid')
    )
    with op.batch_alter_table('county_record', schema=None) as batch_op:
        batch_op.create_index('ix_county_record_application', ['township_id', 'application_uuid'], unique=False)
        batch_op.create_index('ix_county_record_event_seq', ['township_id', 'event_seq'], unique=False)
        batch_op.create_index('ix_county_record_number', ['application_number'], unique=False)
        batch_op.create_index('ix_county_record_type', ['township_id', 'type', 'change_seq'], unique=False)

    op.create_table('county_return',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('township_id', sa.Integer(), nullable=False),
    sa.Column('package_seq', sa.Integer(), nullable=False),
    sa.Column('digest', sa.String(length=64), nullable=False),
    sa.Column('manifest', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('inner_zip', sa.LargeBinary(), nullable=False),
    sa.Column('file_name', sa.String(length=200), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['township_id'], ['county_township.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('township_id', 'package_seq')
    )
    op.create_table('county_sent_update',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('township_id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=24), nullable=False),
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('return_seq', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['township_id'], ['county_township.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('county_sent_update', schema=None) as batch_op:
        batch_op.create_index('ix_county_sent_update', ['township_id', 'type', 'key'], unique=False)

    op.bulk_insert(sa.table('county_meta', sa.column('key', sa.String), sa.column('value', sa.Text)),
                   [{'key': 'schema_version', 'value': '1'}])


def downgrade() -> None:
    with op.batch_alter_table('county_sent_update', schema=None) as batch_op:
        batch_op.drop_index('ix_county_sent_update')

    op.drop_table('county_sent_update')
    op.drop_table('county_return')
    with op.batch_alter_table('county_record', schema=None) as batch_op:
        batch_op.drop_index('ix_county_record_type')
        batch_op.drop_index('ix_county_record_number')
        batch_op.drop_index('ix_county_record_event_seq')
        batch_op.drop_index('ix_county_record_application')

    op.drop_table('county_record')
    op.drop_table('county_package')
    with op.batch_alter_table('county_feedback', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_county_feedback_task_uuid'))

    op.drop_table('county_feedback')
    op.drop_table('county_conflict')
    with op.batch_alter_table('county_township', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_county_township_fingerprint'))

    op.drop_table('county_township')
    op.drop_table('county_meta')
