"""Alembic environment: run against the connection handed in by ``core.db``."""

from alembic import context

from desktop_app.core.models import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the app always passes a connection
    raise RuntimeError("run migrations through desktop_app.core.db.run_migrations")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
