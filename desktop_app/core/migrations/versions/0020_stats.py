"""Indexes for the statistics (issue 16, ``services.stats``).

The figures pick their units by one date each; the dates without an index made the
500,000-application benchmark scan whole tables (docs/performance.md):

* ``application.closed_on`` — 办结 and 办结天数;
* ``requested_item.referred_on`` / ``result_on`` — 转办 and 已反馈;
* ``document (application_id, kind)`` — 一次性告知: whether an application got a notice,
  answered from the index without reading the documents' JSON.

Indexes only: no table, no exported column (sync format unchanged).

Revision ID: 0020
Revises: 0019
Create Date: 2026-12-07 21:00:00
"""
from alembic import op

revision = '0020'
down_revision = '0019'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index('ix_application_closed_on', 'application', ['closed_on'], unique=False)
    op.create_index('ix_requested_item_referred_on', 'requested_item', ['referred_on'],
                    unique=False)
    op.create_index('ix_requested_item_result_on', 'requested_item', ['result_on'],
                    unique=False)
    op.create_index('ix_document_application_kind', 'document', ['application_id', 'kind'],
                    unique=False)


def downgrade() -> None:
    op.drop_index('ix_document_application_kind', table_name='document')
    op.drop_index('ix_requested_item_result_on', table_name='requested_item')
    op.drop_index('ix_requested_item_referred_on', table_name='requested_item')
    op.drop_index('ix_application_closed_on', table_name='application')
