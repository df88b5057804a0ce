"""Alembic environment: run against the connection handed in by ``county_receiver.db``."""

from alembic import context

from county_receiver import derived as _derived  # noqa: F401 - its tables on the metadata
from county_receiver.db import VERSION_TABLE
from county_receiver.models import CountyBase

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - the receiver always passes a connection
    raise RuntimeError("run migrations through county_receiver.db.migrate")

context.configure(
    connection=connection,
    target_metadata=CountyBase.metadata,
    version_table=VERSION_TABLE,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
