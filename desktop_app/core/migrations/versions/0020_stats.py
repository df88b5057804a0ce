"""Indexes for the statistics (issue 16, ``services.stats``).

Each figure picks its units by one date; on the 500,000-application benchmark the dates
without an index scanned whole tables, and reading the wide ``application`` and
``requested_item`` rows cost more than the counting (docs/performance.md). The indexes
carry the columns the figures read, so the queries answer from them alone:

* ``application (closed_on, …)`` — 办结 and 办结天数 (+ status, intake date, the keys);
* ``requested_item (referred_on, …)`` / ``(result_on, …)`` — 转办 and 已反馈 (+ the
  application, item and department);
* ``application (id, …)`` — the village, source, clerk, intake date and status of a
  task's application (``services.stats`` names it with ``INDEXED BY``);
* ``document (application_id, kind)`` — 一次性告知: whether an application got a notice,
  without reading the documents' JSON;
* ``requested_item (application_id, item_code, handler_code)`` — the item and
  department rows of application-level figures.

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

INDEXES = (
    ('ix_application_closed_on', 'application',
     ['closed_on', 'status', 'intake_date', 'village_id', 'source', 'created_by_id']),
    ('ix_application_stats', 'application',
     ['id', 'village_id', 'source', 'created_by_id', 'intake_date', 'status']),
    ('ix_requested_item_referred_on', 'requested_item',
     ['referred_on', 'application_id', 'item_code', 'handler_code']),
    ('ix_requested_item_result_on', 'requested_item',
     ['result_on', 'application_id', 'item_code', 'handler_code']),
    ('ix_requested_item_app_item', 'requested_item',
     ['application_id', 'item_code', 'handler_code']),
    ('ix_document_application_kind', 'document', ['application_id', 'kind']),
)


def upgrade() -> None:
    for name, table, columns in INDEXES:
        op.create_index(name, table, columns, unique=False)


def downgrade() -> None:
    for name, table, _columns in reversed(INDEXES):
        op.drop_index(name, table_name=table)
