"""Alembic migrations of the county database (``county_receiver.db.migrate`` runs them)."""
