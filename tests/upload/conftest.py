"""The township's upload client uses the county fixtures (a demo township with the
county's keys, its real packages; PostgreSQL)."""

from tests.county.conftest import pg_server, pg_url, world  # noqa: F401 - fixtures
