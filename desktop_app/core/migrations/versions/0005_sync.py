"""sync: the export log and the applied return packages

* ``sync_export``: one row per township package (number, time, change range, counts,
  digest = SHA-256 of manifest.json, file name, acknowledged).
* ``sync_import``: one row per county return package applied (number, digest).

Plain create_table (no batch mode: existing tables have FKs and no-delete triggers).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02 10:00:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'sync_export',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('package_seq', sa.Integer(), nullable=False),
        sa.Column('created_at', sa.DateTime(), nullable=False),
        sa.Column('manifest_created', sa.String(20), nullable=False),
        sa.Column('change_seq_from', sa.Integer(), nullable=False),
        sa.Column('change_seq_to', sa.Integer(), nullable=False),
        sa.Column('counts', sa.Text(), nullable=False),
        sa.Column('records', sa.Integer(), nullable=False),
        sa.Column('digest', sa.String(64), nullable=False),
        sa.Column('file_name', sa.String(80), nullable=False),
        sa.Column('by_id', sa.Integer(), nullable=True),
        sa.Column('acknowledged_at', sa.DateTime(), nullable=True),
        sa.Column('ack_return_seq', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['by_id'], ['staff.id'], name='fk_sync_export_by_id_staff'),
        sa.PrimaryKeyConstraint('id', name='pk_sync_export'),
        sa.UniqueConstraint('package_seq', name='uq_sync_export_package_seq'),
    )
    op.create_table(
        'sync_import',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('package_seq', sa.Integer(), nullable=False),
        sa.Column('digest', sa.String(64), nullable=False),
        sa.Column('applied_at', sa.DateTime(), nullable=False),
        sa.Column('signer_fingerprint', sa.String(64), nullable=False),
        sa.Column('counts', sa.Text(), nullable=False),
        sa.Column('summary', sa.Text(), nullable=False),
        sa.Column('by_id', sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(['by_id'], ['staff.id'], name='fk_sync_import_by_id_staff'),
        sa.PrimaryKeyConstraint('id', name='pk_sync_import'),
        sa.UniqueConstraint('package_seq', name='uq_sync_import_package_seq'),
    )
    op.execute("CREATE TRIGGER sync_export_no_delete BEFORE DELETE ON sync_export "
               "BEGIN SELECT RAISE(ABORT, 'the export log is never deleted'); END")


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS sync_export_no_delete")
    op.drop_table('sync_import')
    op.drop_table('sync_export')
