"""Fixtures for the county receiver: a real PostgreSQL server (Debian's ``postgresql``,
installed and started here when running as root), one fresh database per test, and a
demo township whose real export packages the tests ingest.

PostgreSQL: as root the session installs ``postgresql`` if missing (apt-get), starts
``<version>/main`` with ``pg_ctlcluster`` (version from /etc/postgresql), creates a test
role and, per test, a database that is dropped afterwards; the cluster is stopped at the
end if this session started it (and no other test session still uses it). Not root:
``COUNTY_TEST_PG_ADMIN_URL`` (a role that may create databases) or a server reachable on
the local socket as the current user; otherwise the PostgreSQL tests are skipped with
the reason.
"""

from __future__ import annotations

import fcntl
import os
import secrets
import shutil
import subprocess
import uuid
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

APT_PACKAGES = (Path(__file__).with_name("APT_PACKAGES").read_text().split())
ETC = Path("/etc/postgresql")
STATE = Path("/tmp/twsync-county-pg")        # users of a cluster started by test sessions


def _run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    return subprocess.run(cmd, capture_output=True, text=True, timeout=600, **kw)


def _version() -> str | None:
    if not ETC.is_dir():
        return None
    versions = sorted((p.name for p in ETC.iterdir() if p.name.isdigit() and (p / "main").is_dir()),
                      key=int)
    return versions[-1] if versions else None


def _installed() -> bool:
    return shutil.which("pg_ctlcluster") is not None and _version() is not None


def _apt_install() -> None:
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    _run(["apt-get", "update", "-qq"], env=env)
    r = _run(["apt-get", "install", "-y", "-qq", "--no-install-recommends", *APT_PACKAGES], env=env)
    if r.returncode != 0:
        pytest.fail(f"apt-get install {' '.join(APT_PACKAGES)} failed: "
                    f"{(r.stderr or r.stdout).strip().splitlines()[-1:]}")


@contextmanager
def _state_lock():
    STATE.mkdir(exist_ok=True)
    with open(STATE / "lock", "w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _psql_admin(sql: str) -> str:
    r = _run(["su", "postgres", "-c", "psql -v ON_ERROR_STOP=1 -qAt -d postgres"], input=sql)
    if r.returncode != 0:
        raise RuntimeError(f"psql failed: {r.stderr.strip()}")
    return r.stdout


@dataclass
class PgServer:
    host: str
    port: int
    user: str
    password: str
    admin: object          # callable(sql) running SQL as a superuser / database creator

    def url(self, db: str) -> str:
        return f"postgresql+psycopg://{self.user}:{self.password}@{self.host}:{self.port}/{db}"


def _root_server():
    if not _installed():
        _apt_install()
    ver = _version()
    if ver is None:
        pytest.fail("postgresql installed but no cluster under /etc/postgresql/<version>/main")
    me = STATE / f"user-{os.getpid()}"
    with _state_lock():
        status = _run(["pg_ctlcluster", ver, "main", "status"])
        if status.returncode != 0:
            r = _run(["pg_ctlcluster", ver, "main", "start"])
            if r.returncode != 0:
                pytest.fail(f"pg_ctlcluster {ver} main start failed: {r.stderr.strip()}")
            (STATE / "started-by-tests").write_text(ver)
        me.write_text(ver)
    port = 5432
    for line in _run(["pg_lsclusters", "--no-header"]).stdout.splitlines():
        parts = line.split()
        if parts[:2] == [ver, "main"]:
            port = int(parts[2])
    user, password = f"county_test_{os.getpid()}", secrets.token_hex(12)
    _psql_admin(f"DROP ROLE IF EXISTS {user}; CREATE ROLE {user} LOGIN PASSWORD '{password}';")
    try:
        yield PgServer("127.0.0.1", port, user, password, _psql_admin)
    finally:
        try:
            _psql_admin(f"DROP ROLE IF EXISTS {user};")
        finally:
            with _state_lock():
                me.unlink(missing_ok=True)
                others = [p for p in STATE.glob("user-*")
                          if p.name[5:].isdigit() and _alive(int(p.name[5:]))]
                marker = STATE / "started-by-tests"
                if not others and marker.exists():
                    _run(["pg_ctlcluster", ver, "main", "stop"])
                    marker.unlink(missing_ok=True)


def _user_server():
    import psycopg

    admin_url = os.environ.get("COUNTY_TEST_PG_ADMIN_URL")
    try:
        con = psycopg.connect(admin_url or "dbname=postgres", autocommit=True, connect_timeout=5)
    except Exception as exc:
        pytest.skip("PostgreSQL tests need root (to install and start Debian's postgresql) or a "
                    "reachable server (COUNTY_TEST_PG_ADMIN_URL); none here: "
                    f"{str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__}")
    info = con.info

    def admin(sql: str) -> str:
        for stmt in (x for x in sql.split(";") if x.strip()):
            con.execute(stmt)
        return ""

    user, password = f"county_test_{os.getpid()}", secrets.token_hex(12)
    try:
        admin(f"DROP ROLE IF EXISTS {user}; CREATE ROLE {user} LOGIN PASSWORD '{password}'")
    except Exception as exc:
        con.close()
        pytest.skip(f"PostgreSQL reachable but the role cannot create roles: {exc}")
    try:
        host = "127.0.0.1" if info.host.startswith("/") else info.host
        yield PgServer(host, info.port, user, password, admin)
    finally:
        admin(f"DROP ROLE IF EXISTS {user}")
        con.close()


@pytest.fixture(scope="session")
def pg_server():
    gen = _root_server() if os.geteuid() == 0 and not os.environ.get(
        "COUNTY_TEST_PG_ADMIN_URL") else _user_server()
    yield from gen


@pytest.fixture
def pg_url(pg_server):
    """A fresh PostgreSQL database for one test (dropped afterwards)."""
    name = f"county_{uuid.uuid4().hex[:12]}"
    pg_server.admin(f"CREATE DATABASE {name} OWNER {pg_server.user};")
    try:
        yield pg_server.url(name)
    finally:
        pg_server.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE);")


@pytest.fixture(params=["sqlite", "postgresql"])
def county_url(request, tmp_path):
    """Both database kinds the county supports."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'county.sqlite3'}"
    return request.getfixturevalue("pg_url")


# -- a demo township and its real packages ----------------------------------------------
@dataclass
class World:
    """A demo township (closed) with the county's keys imported, two real export packages
    (``packages[0]`` = 1, ``packages[1]`` = 2) and the keys to craft more."""

    data_dir: Path
    code: str
    county_keys: Path
    township_public: Path
    packages: list[Path]
    inner: list[Path]

    @property
    def township_keys(self):
        from sync_contract.keys import KeyStore
        return KeyStore(self.data_dir / "keys")

    @property
    def county_recipient(self) -> str:
        from sync_contract.keys import KeyStore
        return KeyStore(self.county_keys).age_recipient


@pytest.fixture(scope="session")
def world(tmp_path_factory, _template_dir) -> World:
    from datetime import datetime

    from county_receiver.receiver import County
    from desktop_app.core.services import Services
    from desktop_app.core.services.auth import SYSTEM
    from desktop_app.core.services.demo import create_demo_township, fill_demo
    from tests.helpers.clock import Clock
    from tests.helpers.drafts import draft, resident_id

    root = tmp_path_factory.mktemp("county-world")
    data = root / "township"
    shutil.copytree(_template_dir, data)
    County("sqlite://", root / "county-keys").keygen("522201", "测试县民政局")
    svc = Services.open(data, clock=Clock(datetime(2026, 11, 24, 10, 0)))
    try:
        fill_demo(svc, 25, seed=11)
        svc.sync.import_county_keys(root / "county-keys" / "county.json", SYSTEM)
        pub = svc.sync.export_public_keys(root / "township-public.json")
        out = root / "usb"
        out.mkdir()
        first = svc.sync.export(out, SYSTEM)
        admin = create_demo_township(svc)
        svc.intake.decide(draft(svc, name="李四", items=("MEDICAL",),
                                id_number=resident_id(seed=77)), "accept", admin)
        second = svc.sync.export(out, SYSTEM)
    finally:
        svc.close()
    # the inner ZIPs (the township keeps only the encrypted packages): decrypted here
    import pyrage

    from sync_contract.keys import KeyStore
    ident = KeyStore(root / "county-keys").age_identity
    inner = []
    for n, pkg in ((1, first.path), (2, second.path)):
        target = root / f"inner-{n}.zip"
        target.write_bytes(pyrage.decrypt(pkg.read_bytes(), [ident]))
        inner.append(target)
    return World(data, pub.code, root / "county-keys", root / "township-public.json",
                 [first.path, second.path], inner)
