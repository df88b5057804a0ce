"""The document verifier's trust lists from the county (issue 17, sync format 5): local
tables, not exported.

* ``trusted_signer``: township document-signing keys (county-return ``signer``);
* ``known_void``: voided documents of the county's townships (county-return
  ``voided_document``).

Revision ID: 0022
Revises: 0021
Create Date: 2026-12-08 00:10:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0022'
down_revision = '0021'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        'trusted_signer',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('fingerprint', sa.String(64), nullable=False),
        sa.Column('township_code', sa.String(12), nullable=False),
        sa.Column('name', sa.String(80), nullable=False),
        sa.Column('public_key', sa.String(64), nullable=False),
        sa.Column('valid_from', sa.Date(), nullable=False),
        sa.Column('valid_to', sa.Date(), nullable=True),
        sa.Column('return_seq', sa.Integer(), nullable=True),
        sa.Column('received_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_trusted_signer'),
        sa.UniqueConstraint('fingerprint', name='uq_trusted_signer_fingerprint'),
    )
    op.create_index('ix_trusted_signer_township_code', 'trusted_signer', ['township_code'])
    op.create_table(
        'known_void',
        sa.Column('id', sa.Integer(), nullable=False),
        sa.Column('township_code', sa.String(12), nullable=False),
        sa.Column('number', sa.String(40), nullable=False),
        sa.Column('kind', sa.String(24), nullable=False),
        sa.Column('voided_on', sa.Date(), nullable=False),
        sa.Column('return_seq', sa.Integer(), nullable=True),
        sa.Column('received_at', sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint('id', name='pk_known_void'),
        sa.UniqueConstraint('township_code', 'number', name='uq_known_void_township_code'),
    )


def downgrade() -> None:
    op.drop_table('known_void')
    op.drop_index('ix_trusted_signer_township_code', table_name='trusted_signer')
    op.drop_table('trusted_signer')
