"""Settings validators: any input gives a normalised value or a ValidationError."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop_app.core.errors import ValidationError
from desktop_app.core.rules.settings import (
    BACKUP_KEEP_LIMITS,
    IDLE_LOCK_MAX,
    IDLE_LOCK_MIN,
    VALIDATORS,
    validate_setting,
)
from desktop_app.core.services.context import DEFAULT_SETTINGS

JSONISH = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12)


@given(st.sampled_from(sorted(VALIDATORS)) | st.text(max_size=20), JSONISH)
def test_validators_never_raise_anything_but_validation_error(key, value):
    try:
        clean = validate_setting(key, value)
    except ValidationError as exc:
        assert exc.message and exc.code
        return
    # What is accepted is stored as JSON and is a fixed point of the validator.
    assert validate_setting(key, json.loads(json.dumps(clean))) == clean


@pytest.mark.parametrize("key", sorted(VALIDATORS))
def test_defaults_are_valid(key):
    assert validate_setting(key, DEFAULT_SETTINGS[key]) == DEFAULT_SETTINGS[key]


@given(st.integers(min_value=-1000, max_value=1000))
def test_idle_lock_minutes_range(n):
    ok = IDLE_LOCK_MIN <= n <= IDLE_LOCK_MAX
    for value in (n, str(n)):
        try:
            assert validate_setting("idle_lock_minutes", value) == n and ok
        except ValidationError:
            assert not ok or isinstance(value, str) and value.startswith("-")


def test_idle_lock_rejects_bool_and_float():
    for bad in (True, 1.5, "10分钟", "", None):
        with pytest.raises(ValidationError):
            validate_setting("idle_lock_minutes", bad)


@given(st.fixed_dictionaries({k: st.integers(-5, 200) for k in BACKUP_KEEP_LIMITS}))
def test_backup_keep_bounds(policy):
    ok = all(lo <= policy[k] <= hi for k, (lo, hi) in BACKUP_KEEP_LIMITS.items())
    try:
        assert validate_setting("backup_keep", policy) == policy and ok
    except ValidationError:
        assert not ok


@pytest.mark.parametrize("value,ok", [
    ("", True), ("   ", True), ("/media/usb/备份", True), ("E:\\备份", True), ("E:/backup", True),
    ("backup", False), ("..\\x", False), ("\\\\server\\share", True), ("/a\x00b", False),
    ("/" + "a" * 300, False), (5, False),
])
def test_mirror_dir(value, ok):
    try:
        clean = validate_setting("backup_mirror_dir", value)
    except ValidationError:
        assert not ok
    else:
        assert ok and clean == value.strip()


def test_holiday_years_and_overrides():
    good = {"2027": {"holidays": ["2027-01-01"], "workdays": ["2027-02-07"]}}
    assert validate_setting("holiday_years", good) == good
    for bad in ({"27": {}}, {"2027": {"holidays": ["2028-01-01"]}},
                {"2027": {"holidays": ["2027-01-01"], "workdays": ["2027-01-01"]}},
                {"2027": {"holidays": ["2027-1-1"]}}):
        with pytest.raises(ValidationError):
            validate_setting("holiday_years", bad)
    assert validate_setting("workday_overrides", {"2026-12-31": False}) == {"2026-12-31": False}
    with pytest.raises(ValidationError):
        validate_setting("workday_overrides", {"2026-12-31": "no"})


def test_reserved_and_unknown_keys_are_refused():
    for key in ("exports_paused", "last_restore", "nonsense"):
        with pytest.raises(ValidationError):
            validate_setting(key, None)
