"""The program's release date is data (resources/release.json), not a constant buried in
core/rules/clock.py (issue #14): the clock check's "far ahead" is measured from it."""

from __future__ import annotations

import json
import os
import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

import desktop_app
from desktop_app.core.rules import clock as rules
from desktop_app.core.services import clock as service

ROOT = Path(__file__).resolve().parents[2]
T0 = datetime(2026, 11, 24, 10, 0)
DAY = timedelta(days=1)


def test_the_bundled_release_matches_the_package_version() -> None:
    doc = json.loads(rules.release_path().read_text(encoding="utf-8"))
    version, released = rules.parse_release(doc)
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    project_version = re.search(r'^version = "([^"]+)"$', pyproject, re.M)
    assert project_version is not None
    # a release bumps the version: the test then asks for release.json (and its date) too
    assert version == project_version[1] == desktop_app.__version__
    assert rules.release_date() == released
    assert not hasattr(rules, "RELEASE_DATE")


@pytest.mark.parametrize("doc", [
    None, [], {"format": 2, "version": "0.1.0", "released": "2026-12-07"},
    {"format": 1, "released": "2026-12-07"},
    {"format": 1, "version": "", "released": "2026-12-07"},
    {"format": 1, "version": "0.1.0"},
    {"format": 1, "version": "0.1.0", "released": 20261207},
    {"format": 1, "version": "0.1.0", "released": "2026-13-07"},
    {"format": 1, "version": "0.1.0", "released": "2026-12-07T00:00"},
])
def test_a_bad_release_file_is_refused(doc: object) -> None:
    with pytest.raises(ValueError):
        rules.parse_release(doc)


def _use_release(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str | None,
                 written: datetime | None = None) -> None:
    path = tmp_path / "release.json"
    if text is not None:
        path.write_text(text, encoding="utf-8")
        if written is not None:
            os.utime(path, (written.timestamp(), written.timestamp()))
    monkeypatch.setattr(rules, "release_path", lambda: path)
    rules.release_date.cache_clear()


@pytest.fixture(autouse=True)
def _fresh_cache():
    rules.release_date.cache_clear()
    yield
    rules.release_date.cache_clear()


@pytest.mark.parametrize("released,written,expected", [
    ("2027-03-01", datetime(2026, 1, 1), date(2027, 3, 1)),   # the data decides
    ("2026-01-01", datetime(2027, 5, 2, 12), date(2027, 5, 2)),  # a newer install's files
])
def test_the_program_date_follows_the_data(tmp_path, monkeypatch, released, written, expected):
    doc = {"format": 1, "version": "0.1.0", "released": released}
    _use_release(tmp_path, monkeypatch, json.dumps(doc), written)
    assert service.program_date() == expected


def test_no_release_file_measures_from_the_newest_record(tmp_path, monkeypatch):
    _use_release(tmp_path, monkeypatch, None)
    assert rules.release_date() is None and service.program_date() is None
    assert rules.judge(T0 + 400 * DAY, None, released=None).ok     # nothing to compare
    assert rules.judge(T0 + 60 * DAY, T0, released=None).ok
    assert rules.judge(T0 + 61 * DAY, T0, released=None).state == rules.AHEAD


@pytest.mark.parametrize("released,now,state", [
    (date(2026, 12, 7), datetime(2027, 2, 5), rules.OK),       # 60 days after the release
    (date(2026, 12, 7), datetime(2027, 2, 6, 0, 1), rules.AHEAD),
    (date(2027, 6, 1), datetime(2027, 7, 1), rules.OK),        # a later release moves it
])
def test_far_ahead_is_measured_from_the_release(released, now, state):
    assert rules.judge(now, T0, released=released).state == state
