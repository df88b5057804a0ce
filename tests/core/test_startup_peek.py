"""core.startup.peek_login: the login dialog's contents with plain sqlite3, before the
services open (DESIGN §8: usable ≤ 1.0 s) — the same answers as the services give, and
``None`` whenever the ordinary start-up has something to do first."""

from __future__ import annotations

import sqlite3
import sys

import pytest

from desktop_app.core.db import DB_FILENAME
from desktop_app.core.startup import LoginPeek, peek_login


def _sql(data_dir, statement: str) -> None:
    conn = sqlite3.connect(str(data_dir / DB_FILENAME))
    with conn:
        conn.execute(statement)
    conn.close()


def test_peek_answers_what_the_services_answer(services, township, data_dir):
    expected = LoginPeek(services.setup.township().name, services.accounts.login_names())
    services.close()
    assert "sqlalchemy" in sys.modules  # (the fixture); the peek itself uses sqlite3 only
    peek = peek_login(data_dir)
    assert peek == expected
    assert len(peek.names) >= 2 and peek.township


@pytest.mark.parametrize("statement", [
    "UPDATE alembic_version SET version_num = '0010'",   # a migration would run first
    "UPDATE staff SET password_hash = '' WHERE role = 'admin'",  # first run: set a password
    "DELETE FROM alembic_version",
])
def test_peek_leaves_it_to_the_ordinary_path(services, township, data_dir, statement):
    services.close()
    assert peek_login(data_dir) is not None
    _sql(data_dir, statement)
    assert peek_login(data_dir) is None


def test_no_peek_before_the_setup_or_without_a_database(services, data_dir, tmp_path):
    services.close()
    assert peek_login(data_dir) is None  # migrated, no township yet
    assert peek_login(tmp_path / "nothing-here") is None


def test_no_peek_at_a_file_that_is_not_a_database(tmp_path):
    (tmp_path / DB_FILENAME).write_bytes(b"not a database" * 100)
    assert peek_login(tmp_path) is None
