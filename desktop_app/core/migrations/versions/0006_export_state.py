"""sync export two-phase commit: the export log row's state and its kept copy

* ``state``: ``prepared`` (the package is made, kept in ``<data>/sync/sent/`` and
  logged, but its copy in the chosen folder is not known to be complete) or
  ``delivered`` (the copy there was completed). Existing rows: ``delivered``.
* ``package_sha256`` / ``package_bytes``: the kept encrypted package (``.twpkg``)
  that a re-export copies byte for byte; NULL for packages made before this revision
  (those are re-encrypted from the kept inner ZIP and then converted, see
  ``SyncService.recover``).
* ``delivered_at``, ``out_dir``: when and where the copy was completed (or tried).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-07 07:30:00
"""
import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column('sync_export', sa.Column('state', sa.String(12), nullable=False,
                                           server_default='delivered'))
    op.add_column('sync_export', sa.Column('package_sha256', sa.String(64), nullable=True))
    op.add_column('sync_export', sa.Column('package_bytes', sa.Integer(), nullable=True))
    op.add_column('sync_export', sa.Column('delivered_at', sa.DateTime(), nullable=True))
    op.add_column('sync_export', sa.Column('out_dir', sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('sync_export') as batch:
        for col in ('out_dir', 'delivered_at', 'package_bytes', 'package_sha256', 'state'):
            batch.drop_column(col)
