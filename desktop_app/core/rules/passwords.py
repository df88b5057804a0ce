"""Passwords and usernames: policy, scrypt hashing, lockout back-off. Pure; stdlib only.

* **Policy** (:func:`check_password`): 8–64 characters of printable ASCII (a password
  field switches the input method off, so nothing else can be typed reliably), at
  least one letter and one digit, not the username, not one repeated character or a
  run such as ``12345678``/``abcdefgh``, and not on a short list of passwords seen
  everywhere. Returns every problem, each a :class:`ValidationError` on ``password``.
* **Hashing** (:func:`hash_password`): ``hashlib.scrypt`` (memory-hard) with a random
  16-byte salt; the stored text ``scrypt$<log2 N>$<r>$<p>$<salt>$<key>`` (base64)
  carries its own parameters, so stronger settings later still verify old hashes and
  :func:`needs_rehash` tells when to upgrade one at the next login.
* **Lockout** (:func:`lockout_delay`): after :data:`LOCK_AFTER` consecutive failures
  the account is locked for one minute, doubling with every further failure up to
  :data:`MAX_LOCK`.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import itertools
import os
import re
from dataclasses import dataclass
from datetime import timedelta

from desktop_app.core.errors import ValidationError

FIELD = "password"
MIN_LENGTH = 8
MAX_LENGTH = 64

#: scrypt cost: N = 2**15, r = 8, p = 1 uses 32 MiB and ~0.2 s on the 2-core test
#: machine — slow for a guesser, unnoticeable at a login.
@dataclass(frozen=True)
class ScryptCost:
    log2_n: int = 15
    r: int = 8
    p: int = 1

    def __post_init__(self) -> None:
        if not (1 <= self.log2_n <= 20 and 1 <= self.r <= 16 and 1 <= self.p <= 4):
            raise ValueError("scrypt cost out of range")


DEFAULT_COST = ScryptCost()
SALT_BYTES = 16
KEY_BYTES = 32

LOCK_AFTER = 5
FIRST_LOCK = timedelta(minutes=1)
MAX_LOCK = timedelta(hours=1)

_COMMON = frozenset({
    "12345678", "123456789", "1234567890", "password", "password1", "password123",
    "qwerty123", "qwertyuiop", "1qaz2wsx", "1q2w3e4r", "1q2w3e4r5t", "a1234567",
    "a12345678", "abc12345", "abcd1234", "admin123", "admin1234", "administrator",
    "iloveyou", "woaini1314", "5201314520", "88888888", "11111111", "00000000",
    "zxcvbnm123", "asdf1234", "qazwsx123", "p@ssw0rd", "passw0rd", "abc123456",
    "aa123456", "a123456789", "qq123456", "1234qwer", "qwer1234", "test1234",
})
_USERNAME = re.compile(r"[a-z][a-z0-9._-]{1,31}")


def _err(code: str, *, key: str, params: dict[str, object] | None = None) -> ValidationError:
    return ValidationError(FIELD, code, key=key, params=params)


def _is_run(text: str) -> bool:
    """``12345678``, ``87654321``, ``abcdefgh``: each character one step from the last."""
    if len(text) < 2:
        return False
    steps = {ord(b) - ord(a) for a, b in itertools.pairwise(text)}
    return steps in ({1}, {-1})


def check_password(password: object, username: str = "") -> list[ValidationError]:
    """Every reason ``password`` is not acceptable (empty list: acceptable)."""
    if not isinstance(password, str):
        return [_err("invalid", key="password.invalid")]
    errors: list[ValidationError] = []
    if not password:
        return [_err("required", key="password.required")]
    if any(not (" " <= ch <= "~") for ch in password):
        errors.append(_err("charset", key="password.charset"))
    if len(password) < MIN_LENGTH:
        errors.append(_err("too_short", key="password.too_short", params={"min": MIN_LENGTH}))
    elif len(password) > MAX_LENGTH:
        errors.append(_err("too_long", key="password.too_long", params={"max": MAX_LENGTH}))
    if password != password.strip():
        errors.append(_err("spaces", key="password.spaces"))
    if not any(ch.isascii() and ch.isalpha() for ch in password) or not any(
            ch.isascii() and ch.isdigit() for ch in password):
        errors.append(_err("classes", key="password.classes"))
    lowered = password.lower()
    if len(set(password)) == 1 or _is_run(lowered):
        errors.append(_err("trivial", key="password.trivial"))
    elif lowered in _COMMON:
        errors.append(_err("common", key="password.common"))
    user = username.strip().lower()
    if len(user) >= 3 and user in lowered:
        errors.append(_err("username", key="password.contains_username"))
    return errors


def validate_password(password: object, username: str = "") -> str:
    """Return ``password`` unchanged if acceptable; raise the first problem otherwise."""
    errors = check_password(password, username)
    if errors:
        raise errors[0]
    return password  # type: ignore[return-value]


def validate_username(text: object, field: str = "username") -> str:
    """Login name: 2–32 of ``a-z 0-9 . _ -``, starting with a letter; case-folded."""
    if not isinstance(text, str):
        raise ValidationError(field, "invalid", key="username.invalid")
    name = text.strip().lower()
    if not name:
        raise ValidationError(field, "required", key="username.required")
    if not _USERNAME.fullmatch(name):
        raise ValidationError(field, "invalid", key="username.format")
    return name


# ---------------------------------------------------------------------------- hashing

def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)


def _derive(password: str, salt: bytes, cost: ScryptCost) -> bytes:
    n = 1 << cost.log2_n
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=cost.r, p=cost.p,
                          maxmem=256 * cost.r * (n + cost.p + 2), dklen=KEY_BYTES)


def hash_password(password: str, *, cost: ScryptCost = DEFAULT_COST,
                  salt: bytes | None = None) -> str:
    salt = os.urandom(SALT_BYTES) if salt is None else salt
    key = _derive(password, salt, cost)
    return f"scrypt${cost.log2_n}${cost.r}${cost.p}${_b64(salt)}${_b64(key)}"


@dataclass(frozen=True)
class ParsedHash:
    cost: ScryptCost
    salt: bytes
    key: bytes


def parse_hash(stored: object) -> ParsedHash:
    """Parse a stored hash; raises :class:`ValueError` for anything malformed."""
    if not isinstance(stored, str):
        raise ValueError("hash is not text")
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        raise ValueError("not an scrypt hash")
    try:
        if not all(p.isascii() and p.isdigit() and len(p) <= 2 for p in parts[1:4]):
            raise ValueError("bad cost")
        cost = ScryptCost(int(parts[1]), int(parts[2]), int(parts[3]))
        salt, key = _unb64(parts[4]), _unb64(parts[5])
    except (binascii.Error, ValueError) as exc:
        raise ValueError(f"malformed hash: {exc}") from None
    if len(salt) < 8 or len(key) != KEY_BYTES:
        raise ValueError("malformed hash: lengths")
    return ParsedHash(cost, salt, key)


def verify_password(password: str, stored: str) -> bool:
    """Constant-time comparison; a malformed or empty hash never verifies."""
    try:
        parsed = parse_hash(stored)
    except ValueError:
        return False
    return hmac.compare_digest(_derive(password, parsed.salt, parsed.cost), parsed.key)


def needs_rehash(stored: str, cost: ScryptCost = DEFAULT_COST) -> bool:
    try:
        have = parse_hash(stored).cost
    except ValueError:
        return True
    return (have.log2_n, have.r, have.p) < (cost.log2_n, cost.r, cost.p)


# ---------------------------------------------------------------------------- lockout

def lockout_delay(failures: int) -> timedelta:
    """How long an account stays locked after ``failures`` consecutive failures."""
    if failures < LOCK_AFTER:
        return timedelta(0)
    exponent = min(failures - LOCK_AFTER, 16)
    delay: timedelta = min(FIRST_LOCK * (2**exponent), MAX_LOCK)
    return delay
