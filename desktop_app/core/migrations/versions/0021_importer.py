"""Legacy ledger import bookkeeping (issue 16, importer): local tables, not exported
(the sync format stays 4).

* ``import_batch``: one committed import;
* ``import_row``: one imported ledger row, its fingerprint UNIQUE (a second import of
  the same file adds nothing);
* ``import_mapping``: the column mapping saved per file layout.

Revision ID: 0021
Revises: 0020
Create Date: 2026-12-07 21:15:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0021'
down_revision = '0020'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'import_batch',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('file_name', sa.String(200), nullable=False),
        sa.Column('layout_key', sa.String(32), nullable=False),
        sa.Column('rows', sa.Integer(), nullable=False),
        sa.Column('imported', sa.Integer(), nullable=False),
        sa.Column('rejected', sa.Integer(), nullable=False),
        sa.Column('duplicates', sa.Integer(), nullable=False),
        sa.Column('imported_before', sa.Integer(), nullable=False),
        sa.Column('by_id', sa.Integer(), nullable=True),
        sa.Column('at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['by_id'], ['staff.id'], name='fk_import_batch_by_id_staff'),
        sa.PrimaryKeyConstraint('id', name='pk_import_batch'),
    )
    op.create_table(
        'import_row',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('batch_id', sa.Integer(), nullable=False),
        sa.Column('fingerprint', sa.String(64), nullable=False),
        sa.Column('row_no', sa.Integer(), nullable=False),
        sa.Column('application_id', sa.Integer(), nullable=False),
        sa.Column('ledger_number', sa.String(60), nullable=False),
        sa.ForeignKeyConstraint(['batch_id'], ['import_batch.id'],
                                name='fk_import_row_batch_id_import_batch'),
        sa.ForeignKeyConstraint(['application_id'], ['application.id'],
                                name='fk_import_row_application_id_application'),
        sa.PrimaryKeyConstraint('id', name='pk_import_row'),
        sa.UniqueConstraint('fingerprint', name='uq_import_row_fingerprint'),
    )
    op.create_index('ix_import_row_batch_id', 'import_row', ['batch_id'])
    op.create_index('ix_import_row_application_id', 'import_row', ['application_id'])
    op.create_table(
        'import_mapping',
        sa.Column('layout_key', sa.String(32), nullable=False),
        sa.Column('headers', sa.Text(), nullable=False),
        sa.Column('mapping', sa.Text(), nullable=False),
        sa.Column('saved_by_id', sa.Integer(), nullable=True),
        sa.Column('saved_at', sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(['saved_by_id'], ['staff.id'],
                                name='fk_import_mapping_saved_by_id_staff'),
        sa.PrimaryKeyConstraint('layout_key', name='pk_import_mapping'),
    )


def downgrade() -> None:
    op.drop_table('import_mapping')
    op.drop_index('ix_import_row_application_id', 'import_row')
    op.drop_index('ix_import_row_batch_id', 'import_row')
    op.drop_table('import_row')
    op.drop_table('import_batch')
