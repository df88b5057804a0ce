"""County accounts and roles (docs/county-accounts.md). Qt-free; imports only
``sync_contract``.

Three roles:

* ``admin`` (管理员) — everything, including accounts, keys, township registration and
  upload tokens;
* ``officer`` (民政局经办人) — receiving packages, views, feedback, confirmations,
  return packages, warning lists and updates;
* ``department`` (部门) — only its own department (``department_code``): the views
  filtered to it and feedback (回执) for the tasks referred to it.

The password policy and the lockout are the township's (``desktop_app/core/rules/
passwords.py``, which the county cannot import): 8–64 printable ASCII characters with a
letter and a digit, not trivial, not common, not containing the username; scrypt
hashes in the same ``scrypt$…`` text; after 5 wrong passwords in a row the account is
locked for one minute, doubling per further failure up to an hour. Hashing runs outside
the write transaction. Every outcome is audited (:mod:`.audit`): ``user.setup``,
``user.add``, ``user.password``, ``user.deactivate``, ``user.activate``, ``auth.login``,
``auth.login_failed`` (``reason``: unknown_user / inactive / password / locked /
no_password; for an unknown username only the length typed — people type their
password into that box).

Refusals are :class:`CountyRefused` — a :class:`~sync_contract.errors.PackageError`, so
every caller that reports a county refusal already reports these (one line, Chinese /
English, a stable ``reason``).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import itertools
import os
import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from sync_contract.errors import PackageError

from . import audit
from .models import CountyUser

ADMIN, OFFICER, DEPARTMENT = "admin", "officer", "department"
ROLES = (ADMIN, OFFICER, DEPARTMENT)
ROLE_LABELS = {ADMIN: "管理员", OFFICER: "经办人", DEPARTMENT: "部门"}

# permissions -----------------------------------------------------------------------
USERS = "users"            # accounts
KEYS = "keys"              # county keys, township registration
TOKENS = "tokens"          # upload tokens
INGEST = "ingest"          # receive packages (USB folder, upload)
VIEWS = "views"            # cross-township views, status (a department: its own only)
FEEDBACK = "feedback"      # department 回执 (a department: its own tasks only)
CONFIRM = "confirm"        # 审核确认
RETURNS = "returns"        # return packages
WARNINGS = "warnings"      # 预警名单
UPDATES = "updates"        # catalogue / standards / holiday / village updates
AUDIT = "audit"            # read and verify the county audit trail

PERMISSIONS: dict[str, frozenset[str]] = {
    ADMIN: frozenset({USERS, KEYS, TOKENS, INGEST, VIEWS, FEEDBACK, CONFIRM, RETURNS,
                      WARNINGS, UPDATES, AUDIT}),
    OFFICER: frozenset({INGEST, VIEWS, FEEDBACK, CONFIRM, RETURNS, WARNINGS, UPDATES, AUDIT}),
    DEPARTMENT: frozenset({VIEWS, FEEDBACK}),
}
PERMISSION_LABELS = {USERS: "管理账户", KEYS: "管理密钥和乡镇登记", TOKENS: "管理上传令牌",
                     INGEST: "接收同步包", VIEWS: "查看汇总", FEEDBACK: "登记部门回执",
                     CONFIRM: "审核确认", RETURNS: "制作返回包", WARNINGS: "登记预警名单",
                     UPDATES: "下发更新", AUDIT: "查看审计日志"}

# password policy (the township's, core/rules/passwords.py) -----------------------------
MIN_LENGTH, MAX_LENGTH = 8, 64
LOCK_AFTER = 5
FIRST_LOCK = timedelta(minutes=1)
MAX_LOCK = timedelta(hours=1)
GENERIC_FAILURE = "用户名或密码错误"
_COMMON = frozenset({
    "12345678", "123456789", "1234567890", "password", "password1", "password123",
    "qwerty123", "qwertyuiop", "1qaz2wsx", "1q2w3e4r", "1q2w3e4r5t", "a1234567",
    "a12345678", "abc12345", "abcd1234", "admin123", "admin1234", "administrator",
    "iloveyou", "woaini1314", "5201314520", "88888888", "11111111", "00000000",
    "zxcvbnm123", "asdf1234", "qazwsx123", "p@ssw0rd", "passw0rd", "abc123456",
    "aa123456", "a123456789", "qq123456", "1234qwer", "qwer1234", "test1234",
})
_USERNAME = re.compile(r"[a-z][a-z0-9._-]{1,31}")
_DEPARTMENT = re.compile(r"[A-Za-z0-9_]{1,16}")


@dataclass(frozen=True)
class ScryptCost:
    log2_n: int = 15
    r: int = 8
    p: int = 1


DEFAULT_COST = ScryptCost()
#: Tests use this (a fraction of a millisecond); never in production.
FAST_COST = ScryptCost(log2_n=4, r=1, p=1)


class CountyRefused(PackageError):
    """A county action refused: ``reason`` (stable code), ``message_zh`` (Chinese, one
    line), ``message`` = ``"中文 / English"`` like every PackageError. ``locked_until`` is
    set when a login is refused because the account is locked."""

    def __init__(self, reason: str, message_zh: str, en: str = "", *,
                 locked_until: datetime | None = None) -> None:
        super().__init__(reason, zh=message_zh, en=en or reason.replace("_", " "))
        self.message_zh = message_zh
        self.locked_until = locked_until


@dataclass(frozen=True)
class CountyActor:
    """Who acts at the county. ``user_id`` None: the county without accounts yet (the
    command line before the first administrator is set up) — allowed everything except
    ``department`` scoping."""

    user_id: int | None
    username: str
    name: str
    role: str
    department_code: str = ""

    @property
    def role_label(self) -> str:
        return ROLE_LABELS.get(self.role, self.role)

    def can(self, permission: str) -> bool:
        return permission in PERMISSIONS.get(self.role, frozenset())

    def require(self, permission: str) -> None:
        if not self.can(permission):
            label = PERMISSION_LABELS.get(permission, permission)
            raise CountyRefused("forbidden", f"当前账户（{self.role_label}）无权{label}",
                                f"role {self.role} may not {permission}")

    @property
    def department(self) -> str | None:
        """The department this actor is limited to (None: not limited)."""
        return self.department_code if self.role == DEPARTMENT else None


#: The actor of a county that has no accounts yet (CLI set-up stage).
SYSTEM = CountyActor(None, audit.SYSTEM_ACTOR, "", ADMIN)


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    name: str
    role: str
    role_label: str
    department_code: str
    active: bool
    has_password: bool
    failed_logins: int
    locked_until: datetime | None
    last_login_at: datetime | None


def _info(u: CountyUser) -> UserInfo:
    return UserInfo(u.id, u.username, u.name, u.role, ROLE_LABELS.get(u.role, u.role),
                    u.department_code, bool(u.active), bool(u.password_hash),
                    int(u.failed_logins or 0), _aware(u.locked_until), _aware(u.last_login_at))


def _actor(u: CountyUser) -> CountyActor:
    return CountyActor(u.id, u.username, u.name, u.role, u.department_code)


def _aware(value: datetime | None) -> datetime | None:
    """SQLite gives back naive datetimes: they were stored in timezone.utc."""
    if value is not None and value.tzinfo is None:
        return value.replace(tzinfo=timezone.utc)
    return value


# -- policy -------------------------------------------------------------------------
def _is_run(text: str) -> bool:
    if len(text) < 2:
        return False
    steps = {ord(b) - ord(a) for a, b in itertools.pairwise(text)}
    return steps in ({1}, {-1})


def password_problems(password: object, username: str = "") -> list[str]:
    """Every reason ``password`` is not acceptable, in Chinese (empty: acceptable)."""
    if not isinstance(password, str) or not password:
        return ["请输入密码"]
    out = []
    if any(not (" " <= ch <= "~") for ch in password):
        out.append("密码只能使用英文字母、数字和常用符号")
    if len(password) < MIN_LENGTH:
        out.append(f"密码至少 {MIN_LENGTH} 位")
    elif len(password) > MAX_LENGTH:
        out.append(f"密码最多 {MAX_LENGTH} 位")
    if password != password.strip():
        out.append("密码首尾不能有空格")
    if not any(ch.isascii() and ch.isalpha() for ch in password) or not any(
            ch.isascii() and ch.isdigit() for ch in password):
        out.append("密码须同时包含字母和数字")
    lowered = password.lower()
    if len(set(password)) == 1 or _is_run(lowered):
        out.append("密码过于简单（重复或连续的字符）")
    elif lowered in _COMMON:
        out.append("密码过于常见，请换一个")
    user = username.strip().lower()
    if len(user) >= 3 and user in lowered:
        out.append("密码不能包含用户名")
    return out


def check_password(password: object, username: str = "") -> None:
    problems = password_problems(password, username)
    if problems:
        raise CountyRefused("password_policy", "；".join(problems), "password rejected by policy")


def check_username(text: object) -> str:
    name = text.strip().lower() if isinstance(text, str) else ""
    if not _USERNAME.fullmatch(name):
        raise CountyRefused("user_invalid", "用户名应为 2–32 位小写字母、数字或 . _ -，以字母开头",
                            "username: 2-32 of a-z 0-9 . _ -, starting with a letter")
    return name


def _check_display_name(name: object) -> str:
    from sync_contract.text import describe, text_problem

    text = name.strip() if isinstance(name, str) else ""
    if not text or len(text) > 40:
        raise CountyRefused("user_invalid", "姓名（账户名称）应为 1–40 个字", "name: 1-40 characters")
    code = text_problem(text)
    if code is not None:
        zh, en = describe(code)
        raise CountyRefused("user_invalid", f"姓名：{zh}", f"name: {en}")
    return text


def _check_role(role: object, department: object) -> tuple[str, str]:
    if role not in ROLES:
        raise CountyRefused("user_invalid", "角色应为 管理员 / 经办人 / 部门",
                            "role must be admin, officer or department")
    dept = department.strip() if isinstance(department, str) else ""
    if role == DEPARTMENT:
        if not _DEPARTMENT.fullmatch(dept):
            raise CountyRefused("user_invalid", "部门账户须填写部门代码（1–16 位字母、数字或 _）",
                                "a department account needs its department code")
    elif dept:
        raise CountyRefused("user_invalid", "只有部门账户填写部门代码",
                            "only a department account has a department code")
    return str(role), dept


# -- hashing ------------------------------------------------------------------------
def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.b64decode(text + "=" * (-len(text) % 4), validate=True)


def _derive(password: str, salt: bytes, cost: ScryptCost) -> bytes:
    n = 1 << cost.log2_n
    return hashlib.scrypt(password.encode("utf-8"), salt=salt, n=n, r=cost.r, p=cost.p,
                          maxmem=256 * cost.r * (n + cost.p + 2), dklen=32)


def hash_password(password: str, cost: ScryptCost = DEFAULT_COST) -> str:
    salt = os.urandom(16)
    return f"scrypt${cost.log2_n}${cost.r}${cost.p}${_b64(salt)}${_b64(_derive(password, salt, cost))}"


def verify_password(password: str, stored: str) -> bool:
    parts = (stored or "").split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return False
    try:
        if not all(p.isascii() and p.isdigit() and len(p) <= 2 for p in parts[1:4]):
            return False
        cost = ScryptCost(int(parts[1]), int(parts[2]), int(parts[3]))
        if not (1 <= cost.log2_n <= 20 and 1 <= cost.r <= 16 and 1 <= cost.p <= 4):
            return False
        salt, key = _unb64(parts[4]), _unb64(parts[5])
    except (binascii.Error, ValueError):
        return False
    return hmac.compare_digest(_derive(password or "", salt, cost), key)


def lockout_delay(failures: int) -> timedelta:
    if failures < LOCK_AFTER:
        return timedelta(0)
    delay: timedelta = min(FIRST_LOCK * (2 ** min(failures - LOCK_AFTER, 16)), MAX_LOCK)
    return delay


def _locked_message(until: datetime) -> str:
    local = until.astimezone()
    return f"连续输错密码次数过多，账户已锁定，请于 {local:%H:%M} 后再试，或请管理员重置密码"


class _HasEngine:  # what Accounts needs of a County (duck-typed: County, tests)
    engine: Any


class Accounts:
    """The accounts of one county (``Accounts(county)``; ``county.engine`` is used)."""

    def __init__(self, county: _HasEngine, *, cost: ScryptCost = DEFAULT_COST,
                 clock: Callable[[], datetime] | None = None) -> None:
        self.county = county
        self.cost = cost
        self.clock = clock or (lambda: datetime.now(timezone.utc))
        self._dummy: str | None = None

    @property
    def engine(self):
        return self.county.engine

    # reads ---------------------------------------------------------------------------
    def needs_setup(self) -> bool:
        """True while no active administrator with a password exists (first run)."""
        with Session(self.engine) as s:
            return not s.scalar(select(func.count()).select_from(CountyUser).where(
                CountyUser.role == ADMIN, CountyUser.active, CountyUser.password_hash != ""))

    def has_accounts(self) -> bool:
        with Session(self.engine) as s:
            return bool(s.scalar(select(func.count()).select_from(CountyUser)))

    def users(self, by: CountyActor) -> list[UserInfo]:
        by.require(USERS)
        with Session(self.engine) as s:
            return [_info(u) for u in s.scalars(select(CountyUser).order_by(CountyUser.id))]

    def login_names(self) -> list[tuple[str, str]]:
        """(username, name) of the accounts that can log in (the login screen's list)."""
        with Session(self.engine) as s:
            return [(u, n) for u, n in s.execute(
                select(CountyUser.username, CountyUser.name).where(
                    CountyUser.active, CountyUser.password_hash != "").order_by(CountyUser.id))]

    # first run -----------------------------------------------------------------------
    def create_first_admin(self, username: str, name: str, password: str) -> CountyActor:
        """The first administrator (first run); refused once one exists. Logs them in."""
        username = check_username(username)
        name = _check_display_name(name)
        check_password(password, username)
        hashed = hash_password(password, self.cost)
        now = self.clock()
        with Session(self.engine, expire_on_commit=False) as s, s.begin():
            audit.lock(s)
            if s.scalar(select(func.count()).select_from(CountyUser).where(
                    CountyUser.role == ADMIN, CountyUser.active,
                    CountyUser.password_hash != "")):
                raise CountyRefused("forbidden", "已有管理员，首位管理员只能设置一次",
                                    "an administrator exists already")
            if s.scalar(select(CountyUser.id).where(CountyUser.username == username)):
                raise CountyRefused("user_exists", f"用户名 {username} 已存在",
                                    f"username {username} exists")
            u = CountyUser(username=username, name=name, role=ADMIN, department_code="",
                           password_hash=hashed, active=True, failed_logins=0,
                           created_at=now, last_login_at=now, password_changed_at=now)
            s.add(u)
            s.flush()
            actor = _actor(u)
            audit.record(s, "user.setup", actor, user_id=u.id, role=ADMIN)
            audit.record(s, "auth.login", actor)
        return actor

    # login ---------------------------------------------------------------------------
    def login(self, username: str, password: str, *, via: str = "") -> CountyActor:
        """Check the password; raises :class:`CountyRefused` (``bad_credentials``,
        ``locked``, ``no_password``). Failures count towards the lockout and are audited."""
        extra: dict[str, Any] = {"via": via} if via else {}
        name = (username or "").strip().lower()
        now = self.clock()
        with Session(self.engine) as s:
            u = s.scalar(select(CountyUser).where(CountyUser.username == name)) if name else None
            if u is not None:
                s.expunge(u)
        if u is None or not u.active:
            self._dummy_verify(password)
            if u is None:
                audit.record_now(self.engine, "auth.login_failed", None, reason="unknown_user",
                                 typed_length=len(username or ""), **extra)
            else:
                audit.record_now(self.engine, "auth.login_failed", _actor(u), reason="inactive",
                                 **extra)
            raise CountyRefused("bad_credentials", GENERIC_FAILURE, "wrong username or password")
        locked = _aware(u.locked_until)
        if locked is not None and locked > now:
            audit.record_now(self.engine, "auth.login_failed", _actor(u), reason="locked", **extra)
            raise CountyRefused("locked", _locked_message(locked), "account locked",
                                locked_until=locked)
        if not u.password_hash:
            audit.record_now(self.engine, "auth.login_failed", _actor(u), reason="no_password",
                             **extra)
            raise CountyRefused("no_password", "该账户尚未设置密码，请联系管理员设置",
                                "no password set")
        if not verify_password(password or "", u.password_hash):
            self._count_failure(u, now, **extra)
        with Session(self.engine) as s, s.begin():
            row = s.get_one(CountyUser, u.id)
            row.failed_logins, row.locked_until, row.last_login_at = 0, None, now
            audit.record(s, "auth.login", _actor(row), **extra)
            return _actor(row)

    def _count_failure(self, u: CountyUser, now: datetime, **extra: Any) -> None:
        with Session(self.engine) as s, s.begin():
            s.execute(update(CountyUser).where(CountyUser.id == u.id)
                      .values(failed_logins=CountyUser.failed_logins + 1))
            row = s.get_one(CountyUser, u.id)
            s.refresh(row)
            failures = int(row.failed_logins)
            delay = lockout_delay(failures)
            until = now + delay if delay else None
            row.locked_until = until
            audit.record(s, "auth.login_failed", _actor(row), reason="password",
                         failures=failures, locked=until is not None, **extra)
        if until is not None:
            raise CountyRefused("locked", _locked_message(until), "account locked",
                                locked_until=until)
        left = LOCK_AFTER - failures
        hint = f"（再错 {left} 次将暂时锁定）" if 0 < left <= 2 else ""
        raise CountyRefused("bad_credentials", GENERIC_FAILURE + hint, "wrong username or password")

    def _dummy_verify(self, password: str) -> None:
        """Spend as long on an unknown username as on a known one."""
        if self._dummy is None:
            self._dummy = hash_password("dummy-password-0", self.cost)
        verify_password(password or "", self._dummy)

    # administration ------------------------------------------------------------------
    def add_user(self, by: CountyActor, username: str, name: str, role: str, password: str,
                 department_code: str = "") -> UserInfo:
        by.require(USERS)
        username = check_username(username)
        name = _check_display_name(name)
        role, dept = _check_role(role, department_code)
        check_password(password, username)
        hashed = hash_password(password, self.cost)
        now = self.clock()
        with Session(self.engine, expire_on_commit=False) as s, s.begin():
            if s.scalar(select(CountyUser.id).where(CountyUser.username == username)):
                raise CountyRefused("user_exists", f"用户名 {username} 已存在",
                                    f"username {username} exists")
            u = CountyUser(username=username, name=name, role=role, department_code=dept,
                           password_hash=hashed, active=True, failed_logins=0, created_at=now,
                           password_changed_at=now)
            s.add(u)
            s.flush()
            audit.record(s, "user.add", by, user_id=u.id, role=role,
                         department_code=dept or None)
            return _info(u)

    def _find(self, s: Session, username: str) -> CountyUser:
        u = s.scalar(select(CountyUser).where(CountyUser.username == (username or "").strip()
                                              .lower()))
        if u is None:
            raise CountyRefused("unknown_user", f"没有用户 {username}", f"no user {username}")
        return u

    def set_password(self, by: CountyActor, username: str, new_password: str, *,
                     old_password: str | None = None) -> None:
        """An administrator sets anyone's password (and unlocks them); anyone changes
        their own with ``old_password``."""
        own = by.user_id is not None and by.username == (username or "").strip().lower()
        if not own:
            by.require(USERS)
        elif old_password is not None or not by.can(USERS):
            self.login(username, old_password or "", via="password_change")
        name = check_username(username)
        check_password(new_password, name)
        hashed = hash_password(new_password, self.cost)
        with Session(self.engine) as s, s.begin():
            u = self._find(s, name)
            u.password_hash, u.password_changed_at = hashed, self.clock()
            u.failed_logins, u.locked_until = 0, None
            audit.record(s, "user.password", by, user_id=u.id, own=own)

    def deactivate(self, by: CountyActor, username: str) -> None:
        by.require(USERS)
        with Session(self.engine) as s, s.begin():
            u = self._find(s, username)
            if u.id == by.user_id:
                raise CountyRefused("forbidden", "不能停用自己的账户", "cannot deactivate yourself")
            if u.role == ADMIN and u.active and not s.scalar(
                    select(func.count()).select_from(CountyUser).where(
                        CountyUser.role == ADMIN, CountyUser.active, CountyUser.id != u.id,
                        CountyUser.password_hash != "")):
                raise CountyRefused("forbidden", "不能停用最后一位管理员",
                                    "cannot deactivate the last administrator")
            u.active = False
            audit.record(s, "user.deactivate", by, user_id=u.id)

    def activate(self, by: CountyActor, username: str) -> None:
        by.require(USERS)
        with Session(self.engine) as s, s.begin():
            u = self._find(s, username)
            u.active, u.failed_logins, u.locked_until = True, 0, None
            audit.record(s, "user.activate", by, user_id=u.id)


__all__ = ["ADMIN", "AUDIT", "Accounts", "CONFIRM", "CountyActor", "CountyRefused", "DEPARTMENT",
           "DEFAULT_COST", "FAST_COST", "FEEDBACK", "INGEST", "KEYS", "OFFICER", "PERMISSIONS",
           "RETURNS", "ROLES", "ROLE_LABELS", "SYSTEM", "ScryptCost", "TOKENS", "UPDATES",
           "USERS", "UserInfo", "VIEWS", "WARNINGS", "check_password", "check_username",
           "hash_password", "lockout_delay", "password_problems", "verify_password"]
