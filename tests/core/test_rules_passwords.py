"""Password policy, usernames, scrypt hashes and lockout back-off (property-based)."""

from __future__ import annotations

import string
from datetime import timedelta

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from desktop_app.core.errors import ValidationError
from desktop_app.core.rules import passwords as pw

CHEAP = pw.ScryptCost(log2_n=4, r=1, p=1)
PRINTABLE = st.characters(min_codepoint=0x20, max_codepoint=0x7E)


@given(st.one_of(st.text(), st.binary(), st.integers(), st.none()), st.text(max_size=40))
def test_check_password_never_raises_and_reports_on_password_field(value, username):
    errors = pw.check_password(value, username)
    assert all(isinstance(e, ValidationError) and e.field == "password" and e.message
               for e in errors)


@given(st.text(max_size=80), st.text(max_size=20))
def test_accepted_passwords_satisfy_every_rule(password, username):
    if pw.check_password(password, username):
        return
    assert pw.MIN_LENGTH <= len(password) <= pw.MAX_LENGTH
    assert all(" " <= ch <= "~" for ch in password)
    assert any(ch.isalpha() for ch in password) and any(ch.isdigit() for ch in password)
    assert password == password.strip()
    assert password.lower() not in pw._COMMON
    assert len(set(password)) > 1
    user = username.strip().lower()
    assert not (len(user) >= 3 and user in password.lower())


@given(st.text(alphabet=PRINTABLE, max_size=pw.MIN_LENGTH - 1))
def test_short_passwords_are_refused(password):
    assert "too_short" in {e.code for e in pw.check_password(password)} or password == ""


@given(st.text(min_size=1).filter(lambda t: any(not (" " <= c <= "~") for c in t)))
def test_non_ascii_is_refused(password):
    assert "charset" in {e.code for e in pw.check_password(password)}


@given(st.text(alphabet=string.ascii_letters, min_size=4, max_size=20),
       st.text(alphabet=string.digits, min_size=4, max_size=20))
def test_letters_and_digits_of_length_8_plus_are_accepted_unless_trivial(letters, digits):
    password = letters + digits
    assume(password.lower() not in pw._COMMON and len(password) <= pw.MAX_LENGTH)
    assert pw.check_password(password) == []


@pytest.mark.parametrize("password,code", [
    ("", "required"), ("abc123", "too_short"), ("abcdefghij", "classes"),
    ("1234567890", "classes"), ("password123", "common"), ("12345678", "classes"),
    ("密码mima2026", "charset"), ("ｍｉｍａ２０２６ab", "charset"), (" mima2026", "spaces"),
    ("wangjianguo2026", "username"),
])
def test_examples(password, code):
    assert code in {e.code for e in pw.check_password(password, "wangjianguo")}


@given(st.text(max_size=40))
def test_username_validator_returns_canonical_or_raises_validation_error(text):
    try:
        name = pw.validate_username(text)
    except ValidationError as exc:
        assert exc.field == "username"
        return
    assert name == name.lower() == name.strip() and 2 <= len(name) <= 32
    assert name[0].isalpha() and name.isascii()
    assert pw.validate_username(name) == name


@settings(max_examples=30, deadline=None)
@given(st.text(alphabet=PRINTABLE, max_size=30), st.text(alphabet=PRINTABLE, max_size=30))
def test_hash_verifies_only_its_own_password(a, b):
    stored = pw.hash_password(a, cost=CHEAP)
    assert pw.verify_password(a, stored)
    assert pw.verify_password(b, stored) == (a == b)
    assert pw.parse_hash(stored).cost == CHEAP


def test_hashes_are_salted_and_default_cost_is_memory_hard():
    a, b = pw.hash_password("mima2026x", cost=CHEAP), pw.hash_password("mima2026x", cost=CHEAP)
    assert a != b
    assert pw.DEFAULT_COST.log2_n >= 15 and pw.DEFAULT_COST.r >= 8  # >= 32 MiB per guess
    assert pw.needs_rehash(a) and not pw.needs_rehash(a, CHEAP)


@given(st.one_of(st.text(max_size=200), st.none(), st.integers()))
def test_parse_hash_raises_only_value_error_and_verify_never_raises(text):
    try:
        pw.parse_hash(text)
    except ValueError:
        pass
    if isinstance(text, str):
        assert pw.verify_password("anything1", text) in (True, False)


@given(st.builds(lambda parts: "$".join(parts),
                 st.lists(st.text(alphabet="scrypt0123456789$=+/AZaz", max_size=12),
                          min_size=6, max_size=6)))
def test_malformed_structured_hashes_never_verify(text):
    assert pw.verify_password("mima2026x", text) is False


@given(st.integers(min_value=-5, max_value=10_000))
def test_lockout_delay_is_monotone_and_capped(n):
    d, nxt = pw.lockout_delay(n), pw.lockout_delay(n + 1)
    assert timedelta(0) <= d <= nxt <= pw.MAX_LOCK
    assert (d == timedelta(0)) == (n < pw.LOCK_AFTER)


def test_lockout_schedule():
    assert [pw.lockout_delay(n).total_seconds() / 60 for n in range(4, 9)] == [0, 1, 2, 4, 8]
    assert pw.lockout_delay(100) == pw.MAX_LOCK
