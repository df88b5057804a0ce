"""Issue 17 — upload: the HTTP receiver's tokens and resumable upload sessions.

* ``county_upload_token``: a township's upload token, kept as its SHA-256 only
  (``county-receiver token issue|revoke``).
* ``county_upload``: an upload in progress (bytes held in ``<data>/uploads/*.part``).

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-08
"""
import sqlalchemy as sa
from alembic import op

revision = '0007'
down_revision = '0006'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('county_upload_token',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('township_id', sa.Integer(), nullable=False),
    sa.Column('token_sha256', sa.String(length=64), nullable=False),
    sa.Column('issued_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['township_id'], ['county_township.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('token_sha256')
    )
    with op.batch_alter_table('county_upload_token', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_county_upload_token_township_id'), ['township_id'],
                              unique=False)
    op.create_table('county_upload',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('township_id', sa.Integer(), nullable=False),
    sa.Column('package_seq', sa.Integer(), nullable=False),
    sa.Column('length', sa.BigInteger(), nullable=False),
    sa.Column('received', sa.BigInteger(), nullable=False),
    sa.Column('started_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['township_id'], ['county_township.id'], ),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('township_id', 'package_seq')
    )


def downgrade() -> None:
    op.drop_table('county_upload')
    with op.batch_alter_table('county_upload_token', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_county_upload_token_township_id'))
    op.drop_table('county_upload_token')
