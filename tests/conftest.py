"""Shared fixtures: a migrated template database copied per test (fast and real)."""

from __future__ import annotations

import dataclasses
import os
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from tests.helpers.clock import Clock

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# The tests' folders on tmpfs when the machine has one: every commit fsyncs (SQLite with
# synchronous=FULL), which on a shared disk costs more than many tests themselves; on
# /dev/shm an fsync returns at once. What the tests check is unchanged (durability
# against a killed process, as in the crash test, is the page cache's either way).
# An explicit --basetemp or PYTEST_DEBUG_TEMPROOT wins.
_SHM = Path("/dev/shm")
if "PYTEST_DEBUG_TEMPROOT" not in os.environ and _SHM.is_dir() and os.access(_SHM, os.W_OK):
    os.environ["PYTEST_DEBUG_TEMPROOT"] = str(_SHM)


@pytest.fixture(scope="session")
def _template_dir(tmp_path_factory) -> Path:
    from desktop_app.core.db import open_database

    folder = tmp_path_factory.mktemp("template")
    open_database(folder).close()
    return folder


@pytest.fixture
def data_dir(request, tmp_path, _template_dir, populated_template) -> Path:
    """A data folder holding a database built by the real migrations — or, when the test
    uses a fixture its module lists in ``POPULATED``, a copy of that fixture's populated
    template (see ``populated_template``)."""
    source = _template_dir
    for name, build in getattr(request.module, "POPULATED", {}).items():
        if name in request.fixturenames:
            source = populated_template(build)[0]
            break
    folder = tmp_path / "data"
    shutil.copytree(source, folder)
    return folder


@pytest.fixture(scope="session")
def populated_template(tmp_path_factory, _template_dir):
    """Populated templates, built once per session and copied per test like the migrated
    one. ``populated_template(build)`` copies the migrated template, opens it with the
    services on the tests' clock (see ``clock``), calls ``build(services, clock)`` once and
    keeps the folder and what ``build`` returned.

    A test module lists its populated fixtures, ``POPULATED = {"late": _late}``: a test
    using ``late`` gets a ``data_dir`` copied from ``_late``'s template, and the fixture
    returns ``populated_template(_late, data_dir)[1]`` instead of making the same decisions
    again (``build`` sets up the demo township itself, as the ``township`` fixture would).
    The template itself is never written to: tests get copies and relocated values."""
    from desktop_app.core.services import Services

    built: dict[object, tuple[Path, object]] = {}

    def get(build, data_dir: Path | None = None) -> tuple[Path, object]:
        """``data_dir``: the test's copy; paths into the template in the returned value
        (documents' files, …) are moved there."""
        if build not in built:
            folder = tmp_path_factory.mktemp(f"template-{build.__name__.strip('_')}") / "data"
            shutil.copytree(_template_dir, folder)
            clock = Clock(NOW)
            services = Services.open(folder, clock=clock)
            try:
                value = build(services, clock)
            finally:
                services.close()
            built[build] = (folder, value)
        folder, value = built[build]
        return folder, value if data_dir is None else _relocate(value, folder, data_dir)

    return get


def _relocate(value, old: Path, new: Path):
    """``value`` with every path under ``old`` moved under ``new`` (dataclasses, lists,
    tuples and dicts rebuilt; anything else kept)."""
    if isinstance(value, Path):
        return new / value.relative_to(old) if value.is_relative_to(old) else value
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: _relocate(getattr(value, f.name), old, new)
                                             for f in dataclasses.fields(value) if f.init})
    if isinstance(value, list):
        return [_relocate(v, old, new) for v in value]
    if type(value) is tuple:
        return tuple(_relocate(v, old, new) for v in value)
    if isinstance(value, dict):
        return {k: _relocate(v, old, new) for k, v in value.items()}
    return value


NOW = datetime(2026, 11, 24, 10, 0)  # the tests' "now" unless a test moves the clock


@pytest.fixture
def clock() -> Clock:
    return Clock(NOW)


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


#: Its rounds mostly wait for the writer processes: they run on a thread from the start of
#: the session (tests/helpers/crash.py) and the test, run last, checks what they left.
CRASH_TEST = "tests/core/test_crash.py::test_sigkilled_writer_loses_no_reported_save"


def pytest_collection_modifyitems(items):
    """Every test on the real PostgreSQL server (the county receiver) is ``slow``: the
    server is installed/started for the session and each test gets a fresh database.
    The crash test goes last (see ``CRASH_TEST``)."""
    for item in items:
        params = getattr(getattr(item, "callspec", None), "params", {})
        if "pg_server" in getattr(item, "fixturenames", ()) or params.get("county_url") == "postgresql":
            item.add_marker(pytest.mark.slow)  # (county_url asks for the server at run time)
    crash = [item for item in items if item.nodeid == CRASH_TEST]
    for item in crash:
        items.remove(item)
        items.append(item)


def pytest_collection_finish(session):
    if not session.config.option.collectonly and any(i.nodeid == CRASH_TEST for i in session.items):
        from tests.helpers import crash

        crash.start_in_background()


def pytest_sessionfinish(session):
    import sys

    crash = sys.modules.get("tests.helpers.crash")
    if crash is not None:
        crash.stop_background()  # only if the test never took its run (an early end)
