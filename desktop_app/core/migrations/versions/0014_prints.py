"""Print counts that count prints (issue 14).

Until now ``document.print_count`` started at 1 when a document was issued and grew
by one with each 补打, and ``list_document.print_count`` was always 1 — though no
print was ever recorded: the window only produced PDFs and opened them. From now
on the count is the number of times the window sent the document (or a 补打 of it)
to a printer (``document.print`` events); issuing, opening or saving a PDF is not a
print.

Existing rows, kept honest:

* a document counts its recorded 补打 (``document_print`` rows with ``reprint``):
  each was an explicit request, by a named clerk at a recorded time, for a paper
  copy — the closest thing to a print the old data holds. The issue itself is not
  a print (the PDF was opened in a viewer; nobody knows whether it was printed), so
  a document never reprinted gets 0.
* a list document (转办清单, 公示名单, 报批名单, 备用金 lists) has no reprint: 0.

Rows whose count changes get a new ``version`` and ``change_seq`` (from the one
counter, as the ``before_flush`` hook would), so the next export sends the county
the corrected figure (same field, same type: no format bump; docs/sync-format.md).

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-07 15:30:00
"""
from alembic import op

revision = '0014'
down_revision = '0013'
branch_labels = None
depends_on = None

# (table, the honest count of a row ``t``)
_COUNTS = (
    ("document", "(SELECT count(*) FROM document_print p "
                 "WHERE p.document_id = t.id AND p.reprint)"),
    ("list_document", "0"),
)


def _recount(table: str, count_sql: str) -> None:
    op.execute("DROP TABLE IF EXISTS _recount")
    op.execute(
        f"CREATE TEMP TABLE _recount AS SELECT id, new_count, "
        f"ROW_NUMBER() OVER (ORDER BY id) AS n FROM "
        f"(SELECT t.id AS id, {count_sql} AS new_count, t.print_count AS old FROM {table} t) "
        f"WHERE new_count != old")
    op.execute(
        f"UPDATE {table} SET print_count = r.new_count, version = {table}.version + 1, "
        f"change_seq = (SELECT value FROM change_counter WHERE id = 1) + r.n "
        f"FROM _recount r WHERE {table}.id = r.id")
    op.execute("UPDATE change_counter SET value = value + (SELECT count(*) FROM _recount) "
               "WHERE id = 1")
    op.execute("DROP TABLE _recount")


def upgrade() -> None:
    for table, count_sql in _COUNTS:
        _recount(table, count_sql)


def downgrade() -> None:
    # The old meaning: 1 for the issue + one per 补打 (list documents: 1).
    _recount("document", "(SELECT 1 + count(*) FROM document_print p "
                         "WHERE p.document_id = t.id AND p.reprint)")
    _recount("list_document", "1")
