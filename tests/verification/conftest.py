"""Fixtures of the verification tests: the county's keys and a township that has them
(as tests/sync/conftest.py)."""

from tests.sync.conftest import county, synced  # noqa: F401 - fixtures
