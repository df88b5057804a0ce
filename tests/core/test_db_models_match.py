"""The ORM models and the Alembic migrations describe the same schema: a database
migrated to head differs from ``Base.metadata`` in nothing (tables, columns,
nullability, indexes). A column added to a model without a migration (or the reverse)
fails here, not on a clerk's PC."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from desktop_app.core.db import open_database
from desktop_app.core.models import Base


def _significant(diff: list) -> list:
    out = []
    for d in diff:
        ops = d if isinstance(d, list) else [d]
        for op in ops:
            # server defaults differ in spelling only (migrations fill old rows)
            if op[0] == "modify_default":
                continue
            # SQLite reports no type detail worth comparing (VARCHAR lengths are free)
            if op[0] == "modify_type":
                continue
            # the FTS5 index of ID numbers is raw SQL (virtual table and its shadows)
            if op[0] == "remove_table" and op[1].name.startswith("id_fts"):
                continue
            out.append(op)
    return out


def test_models_match_migrated_database(tmp_path):
    db = open_database(tmp_path)
    path = db.path
    db.close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": False})
        diff = _significant(compare_metadata(ctx, Base.metadata))
    engine.dispose()
    assert diff == []
