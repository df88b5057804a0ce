"""Kept only for tests/sync/county (moving to tests/county): use :mod:`tests.helpers.drafts`."""

from tests.helpers.drafts import all_received, draft, resident_id  # noqa: F401
