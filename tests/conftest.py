"""Shared fixtures: a migrated template database copied per test (fast and real)."""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from tests.helpers.clock import Clock

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def _template_dir(tmp_path_factory) -> Path:
    from desktop_app.core.db import open_database

    folder = tmp_path_factory.mktemp("template")
    open_database(folder).close()
    return folder


@pytest.fixture
def data_dir(tmp_path, _template_dir) -> Path:
    """A data folder holding a database built by the real migrations."""
    folder = tmp_path / "data"
    shutil.copytree(_template_dir, folder)
    return folder


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 11, 24, 10, 0))


@pytest.fixture
def services(data_dir, clock):
    from desktop_app.core.services import Services

    svc = Services.open(data_dir, clock=clock)
    yield svc
    svc.close()


@pytest.fixture
def township(services):
    """The demo township set up; returns the administrator's staff id."""
    from desktop_app.core.services.demo import create_demo_township

    return create_demo_township(services)


def pytest_collection_modifyitems(items):
    """Every test on the real PostgreSQL server (the county receiver) is ``slow``: the
    server is installed/started for the session and each test gets a fresh database."""
    for item in items:
        if "pg_server" in getattr(item, "fixturenames", ()):
            item.add_marker(pytest.mark.slow)
