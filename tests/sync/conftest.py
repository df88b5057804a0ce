"""Fixtures for sync tests: a township with county keys and a county key store (the
helpers to craft packages live in :mod:`tests.helpers.sync`)."""

from __future__ import annotations

import pytest

from sync_contract.keys import KeyStore


@pytest.fixture
def county(tmp_path) -> KeyStore:
    ks = KeyStore(tmp_path / "county-keys").ensure()
    ks.public_keys("county", "522201", "测试县民政局").write(tmp_path / "county-public.json")
    return ks


@pytest.fixture
def synced(services, township, county, tmp_path):
    """The demo township with the county's public keys imported; returns the admin id."""
    from desktop_app.core.services.auth import SYSTEM

    services.sync.import_county_keys(tmp_path / "county-public.json", SYSTEM)
    return township
