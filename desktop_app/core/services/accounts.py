"""Accounts: first password, login with lockout, idle-lock unlock, supervisor
confirmation, and the administrator's user management. Every outcome is audited.

Password hashing (scrypt, ~0.2 s) always runs *outside* the write transaction, so a
login never holds the database's single write lock while it hashes.

Audit actions written here: ``auth.password_set`` (first password), ``auth.login``,
``auth.login_failed`` (``reason``: unknown_user / inactive / no_password / password /
locked), ``auth.logout``, ``auth.unlock``, ``auth.confirm`` / ``auth.confirm_failed``,
``auth.password_change``, ``auth.password_reset`` (by an administrator),
``staff.add``, ``staff.change`` (old and new values), and for the forgotten
administrator password ``auth.recovery_code_issued``, ``auth.recovery_used``,
``auth.recovery_failed`` (``reason``: unknown_user / locked / no_code / code). A failed login with an unknown
username records only the length of what was typed: people type their password into
the username box, and the audit trail must not keep it.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any, NoReturn

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from ..errors import PermissionDenied, ValidationError, ValidationErrors
from ..models import AdminRecovery, Staff
from ..rules import passwords, values
from . import auth
from .auth import ADMIN, ROLE_LABELS, ROLES, Actor, ActorRef
from .context import Changes, Outcome, ServiceContext
from .events import diff, record_event

#: Settings key of the idle auto-lock (minutes; bounds in ``rules/settings.py``).
IDLE_LOCK_KEY = "idle_lock_minutes"
GENERIC_FAILURE = "用户名或密码错误"


class LoginFailed(Exception):
    """A login, unlock or confirmation was refused.

    ``code``: ``bad_credentials`` | ``locked`` | ``no_password``;
    ``locked_until`` is set when the account is (now) locked.
    """

    def __init__(self, code: str, message: str, locked_until: datetime | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.locked_until = locked_until

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class UserInfo:
    id: int
    name: str
    username: str
    role: str
    role_label: str
    active: bool
    has_password: bool
    must_change_password: bool
    failed_logins: int
    locked_until: datetime | None
    last_login_at: datetime | None


def _info(p: Staff) -> UserInfo:
    return UserInfo(p.id, p.name, p.username or "", p.role, ROLE_LABELS.get(p.role, p.role),
                    bool(p.active), bool(p.password_hash), bool(p.must_change_password),
                    int(p.failed_logins or 0), p.locked_until, p.last_login_at)


def _errors(*errs: ValidationError) -> ValidationErrors:
    return ValidationErrors(list(errs))


class AccountService:
    def __init__(self, ctx: ServiceContext, *,
                 cost: passwords.ScryptCost = passwords.DEFAULT_COST) -> None:
        self.ctx = ctx
        self.cost = cost
        self._dummy_hash: str | None = None

    # -- reads -------------------------------------------------------------------------
    def login_names(self) -> list[tuple[str, str]]:
        """(username, name) of the accounts that can log in, for the login screen."""
        with self.ctx.db.read() as s:
            rows = s.execute(select(Staff.username, Staff.name).where(
                Staff.active, Staff.password_hash != "").order_by(Staff.id))
            return [(u or "", n) for u, n in rows]

    def needs_first_password(self) -> UserInfo | None:
        """The administrator who must set a password before anyone can log in (first
        run), or ``None`` once any active administrator has one."""
        with self.ctx.db.read() as s:
            if self._admin_with_password_exists(s):
                return None
            p = s.scalars(select(Staff).where(Staff.role == ADMIN, Staff.active)
                          .order_by(Staff.id)).first()
            return _info(p) if p is not None else None

    def users(self, by: ActorRef) -> list[UserInfo]:
        with self.ctx.db.read() as s:
            auth.require(s, by, auth.USERS)
            return [_info(p) for p in s.scalars(select(Staff).order_by(Staff.id))]

    def idle_lock_minutes(self) -> int:
        """Minutes without input after which the GUI locks its screen (keeping the open
        screen and its unsaved input); an administrator changes it in the settings."""
        with self.ctx.db.read() as s:
            return int(self.ctx.get_setting(s, IDLE_LOCK_KEY))

    # -- first run -----------------------------------------------------------------------
    def set_first_password(self, staff_id: int, password: str) -> Outcome[Actor]:
        """The first administrator chooses their password at first run; logs them in.

        Refused once any active administrator has a password (from then on only an
        administrator can give an account a password).
        """
        with self.ctx.db.read() as s:
            p = s.get(Staff, staff_id)
            if p is None or p.role != ADMIN or not p.active or p.password_hash:
                raise PermissionDenied(auth.USERS, "只能为尚未设置密码的首位管理员设置初始密码")
            username = p.username or ""
        self._check_policy(password, username)
        hashed = passwords.hash_password(password, cost=self.cost)
        now = self.ctx.clock()
        with self.ctx.db.transaction() as s:
            if self._admin_with_password_exists(s):
                raise PermissionDenied(auth.USERS, "管理员密码已设置")
            p = s.get_one(Staff, staff_id)
            p.password_hash, p.password_changed_at = hashed, now
            p.must_change_password, p.last_login_at = False, now
            record_event(s, "auth.password_set", actor_id=p.id, staff_id=p.id)
            record_event(s, "auth.login", actor_id=p.id)
            return Outcome(auth.actor_from_staff(p), Changes(accounts=True))

    # -- login, unlock, confirmation -------------------------------------------------------
    def login(self, username: str, password: str, *, via: str = "") -> Outcome[Actor]:
        """Check the password; raises :class:`LoginFailed`. The returned actor's
        ``must_change_password`` asks the GUI to make them choose a new one now.

        ``via="cli"``: the command line logs in the same way (same lockout, same
        events, which then say ``"via": "cli"``); the actor carries it."""
        extra: dict[str, Any] = {"via": via} if via else {}
        staff = self._authenticate(username, password, "auth.login_failed", **extra)
        with self.ctx.db.transaction() as s:
            p = s.get_one(Staff, staff.id)
            p.last_login_at = self.ctx.clock()
            record_event(s, "auth.login", actor_id=p.id, **extra)
            actor = auth.actor_from_staff(p)
            if via:
                actor = replace(actor, via=via)
            return Outcome(actor, Changes(accounts=True))  # last login

    def logout(self, actor: Actor) -> Outcome[None]:
        """Recorded in the audit trail only (no screen shows it: no changes)."""
        if actor.staff_id is not None:
            with self.ctx.db.transaction() as s:
                record_event(s, "auth.logout", actor_id=actor.staff_id)
        return Outcome(None)

    def unlock(self, actor: Actor, password: str) -> Outcome[Actor]:
        """Unlock the screen after the idle lock: the same user's password again."""
        staff = self._authenticate(actor.username, password, "auth.unlock_failed")
        with self.ctx.db.transaction() as s:
            record_event(s, "auth.unlock", actor_id=staff.id)
            return Outcome(auth.actor_from_staff(s.get_one(Staff, staff.id)))  # audit only

    def confirm(self, username: str, password: str, permission: str = auth.VOID
                ) -> Outcome[Actor]:
        """A supervisor confirms at the clerk's screen (e.g. a void): their own
        username and password; failures count towards their lockout."""
        staff = self._authenticate(username, password, "auth.confirm_failed")
        actor = auth.actor_from_staff(staff)
        with self.ctx.db.transaction() as s:
            if not actor.can(permission):
                record_event(s, "auth.confirm_failed", actor_id=staff.id, reason="role",
                             permission=permission)
            else:
                record_event(s, "auth.confirm", actor_id=staff.id, permission=permission)
        actor.require(permission)
        return Outcome(actor)  # audit only

    def _authenticate(self, username: str, password: str, fail_action: str,
                      **detail: Any) -> Staff:
        name = (username or "").strip().lower()
        now = self.ctx.clock()
        with self.ctx.db.read() as s:
            staff = s.scalars(select(Staff).where(Staff.username == name)).first() if name else None
        if staff is None or not staff.active:
            self._dummy_verify(password)
            with self.ctx.db.transaction() as s:
                if staff is None:
                    record_event(s, fail_action, actor_id=None, reason="unknown_user",
                                 typed_length=len(username or ""), **detail)
                else:
                    record_event(s, fail_action, actor_id=staff.id, reason="inactive", **detail)
            raise LoginFailed("bad_credentials", GENERIC_FAILURE)
        self._refuse_if_locked(staff, fail_action, now, **detail)
        if not staff.password_hash:
            with self.ctx.db.transaction() as s:
                record_event(s, fail_action, actor_id=staff.id, reason="no_password", **detail)
            raise LoginFailed("no_password", "该账户尚未设置密码，请联系管理员设置")
        if not passwords.verify_password(password or "", staff.password_hash):
            self._count_failure(staff.id, fail_action, now, GENERIC_FAILURE, reason="password",
                                **detail)
        rehash = passwords.needs_rehash(staff.password_hash, self.cost)
        new_hash = passwords.hash_password(password, cost=self.cost) if rehash else None
        if staff.failed_logins or staff.locked_until or new_hash:
            with self.ctx.db.transaction() as s:
                p = s.get_one(Staff, staff.id)
                p.failed_logins, p.locked_until = 0, None
                if new_hash:
                    p.password_hash = new_hash
        return staff

    def _refuse_if_locked(self, staff: Staff, fail_action: str, now: datetime,
                          **detail: Any) -> None:
        if staff.locked_until is not None and staff.locked_until > now:
            with self.ctx.db.transaction() as s:
                record_event(s, fail_action, actor_id=staff.id, reason="locked", **detail)
            raise LoginFailed("locked", _locked_message(staff.locked_until), staff.locked_until)

    def _count_failure(self, staff_id: int, fail_action: str, now: datetime, message: str,
                       **detail: Any) -> NoReturn:
        """One more failure of this account (a wrong password, or a wrong recovery code):
        the lockout with back-off of ``passwords.lockout_delay``; always raises."""
        with self.ctx.db.transaction() as s:
            s.execute(update(Staff).where(Staff.id == staff_id)
                      .values(failed_logins=Staff.failed_logins + 1))
            p = s.get_one(Staff, staff_id)
            s.refresh(p)
            delay = passwords.lockout_delay(p.failed_logins)
            p.locked_until = now + delay if delay else None
            record_event(s, fail_action, actor_id=staff_id, failures=p.failed_logins,
                         locked_until=p.locked_until, **detail)
            failures, locked_until = p.failed_logins, p.locked_until
        if locked_until is not None:
            raise LoginFailed("locked", _locked_message(locked_until), locked_until)
        left = passwords.LOCK_AFTER - failures
        hint = f"（再错 {left} 次将暂时锁定）" if 0 < left <= 2 else ""
        raise LoginFailed("bad_credentials", message + hint)

    def _dummy_verify(self, password: str) -> None:
        """Spend as long on an unknown username as on a known one."""
        if self._dummy_hash is None:
            self._dummy_hash = passwords.hash_password("dummy-password-0", cost=self.cost)
        passwords.verify_password(password or "", self._dummy_hash)

    # -- own password --------------------------------------------------------------------
    def change_password(self, actor: Actor, old_password: str, new_password: str
                        ) -> Outcome[Actor]:
        staff = self._authenticate(actor.username, old_password, "auth.password_change_failed")
        self._check_policy(new_password, staff.username or "")
        if new_password == old_password:
            raise _errors(ValidationError("password", "same", key="staff.password_same"))
        hashed = passwords.hash_password(new_password, cost=self.cost)
        with self.ctx.db.transaction() as s:
            p = s.get_one(Staff, staff.id)
            p.password_hash, p.password_changed_at = hashed, self.ctx.clock()
            p.must_change_password = False
            record_event(s, "auth.password_change", actor_id=p.id)
            return Outcome(auth.actor_from_staff(p), Changes(accounts=True))

    # -- forgotten administrator password: the one-time recovery code ---------------------
    def recovery_code_issued(self) -> datetime | None:
        """When the valid recovery code was issued, or ``None`` when there is none (a
        database from before recovery codes, or one whose code was never shown)."""
        with self.ctx.db.read() as s:
            row = _valid_code(s)
            return row.created_at if row is not None else None

    def recovery_accounts(self) -> list[tuple[str, str]]:
        """(username, name) of the active administrators: whose password the recovery
        code can set (the login screen's "forgot the administrator password")."""
        with self.ctx.db.read() as s:
            rows = s.execute(select(Staff.username, Staff.name).where(
                Staff.role == ADMIN, Staff.active).order_by(Staff.id))
            return [(u or "", n) for u, n in rows]

    def issue_recovery_code(self, by: ActorRef) -> Outcome[str]:
        """A new recovery code (administrators): the previous one stops working. Returns
        the code itself — shown once, to be printed or written down; only its salted
        scrypt hash is stored. Logged as ``auth.recovery_code_issued``."""
        with self.ctx.db.read() as s:
            auth.require(s, by, auth.USERS)
        code = new_recovery_code()
        hashed = passwords.hash_password(normalize_recovery_code(code), cost=self.cost)
        with self.ctx.db.transaction() as s:
            actor, _ = auth.require(s, by, auth.USERS)
            store_recovery_code(s, hashed, self.ctx.clock(), actor.staff_id,
                                **auth.event_actor(actor))
        return Outcome(code)

    def recover_admin(self, code: str, new_password: str, username: str | None = None,
                      *, via: str = "") -> Outcome[Recovery]:
        """Set a forgotten administrator password with the one-time recovery code.

        ``username``: the administrator account (optional when there is exactly one
        active administrator). The new password's policy is checked first (a weak one
        costs no attempt). A wrong code counts as a failed login of that account
        (``auth.recovery_failed``, same lockout); a locked account is refused like a
        login. Success sets the password (no change demanded: they chose it), lifts
        the lockout, retires the code and issues a new one, all in one transaction:
        ``auth.recovery_used`` and ``auth.recovery_code_issued``.
        """
        extra: dict[str, Any] = {"via": via} if via else {}
        fail = "auth.recovery_failed"
        now = self.ctx.clock()
        with self.ctx.db.read() as s:
            admins = list(s.scalars(select(Staff).where(Staff.role == ADMIN, Staff.active)
                                    .order_by(Staff.id)))
            name = (username or "").strip().lower()
            if name:
                staff = next((p for p in admins if (p.username or "") == name), None)
            else:
                staff = admins[0] if len(admins) == 1 else None
                if len(admins) > 1:
                    raise _errors(ValidationError("username", "which_admin",
                                                  key="recovery.which_admin",
                                                  params={"option": "--user"}))
            has_code = _valid_code(s) is not None
        if staff is None:
            self._dummy_verify(code)
            with self.ctx.db.transaction() as s:
                record_event(s, fail, actor_id=None, reason="unknown_user",
                             typed_length=len(username or ""), **extra)
            raise LoginFailed("bad_credentials", RECOVERY_FAILURE)
        self._check_policy(new_password, staff.username or "")
        self._refuse_if_locked(staff, fail, now, **extra)
        if not has_code:
            with self.ctx.db.transaction() as s:
                record_event(s, fail, actor_id=staff.id, reason="no_code", **extra)
            raise LoginFailed("no_code", "本机没有有效的管理员恢复码：请另一位管理员重置密码，"
                                         "或恢复一个记得管理员密码的备份")
        with self.ctx.db.read() as s:
            row = _valid_code(s)
            stored, row_id = (row.code_hash, row.id) if row is not None else ("", 0)
        clean = normalize_recovery_code(code)
        if not clean or not stored or not passwords.verify_password(clean, stored):
            self._count_failure(staff.id, fail, now, RECOVERY_FAILURE, reason="code", **extra)
        hashed = passwords.hash_password(new_password, cost=self.cost)
        new_code = new_recovery_code()
        new_hash = passwords.hash_password(normalize_recovery_code(new_code), cost=self.cost)
        with self.ctx.db.transaction() as s:
            row = _valid_code(s)
            if row is not None and row.id == row_id:
                row.retired_at, row.retired_why = now, "used"
                p = s.get_one(Staff, staff.id)
                p.password_hash, p.password_changed_at = hashed, now
                p.must_change_password = False
                p.failed_logins, p.locked_until = 0, None
                record_event(s, "auth.recovery_used", actor_id=p.id, staff_id=p.id, **extra)
                store_recovery_code(s, new_hash, now, p.id, **extra)
                actor = auth.actor_from_staff(p)
                if via:
                    actor = replace(actor, via=via)
                return Outcome(Recovery(actor, new_code), Changes(accounts=True))
        # used or replaced between the check and now (another window): refused, recorded
        with self.ctx.db.transaction() as s:
            record_event(s, fail, actor_id=staff.id, reason="code_changed", **extra)
        raise LoginFailed("bad_credentials", RECOVERY_FAILURE)

    # -- administration ------------------------------------------------------------------
    def add_user(self, name: str, username: str, role: str, password: str | None,
                 by: ActorRef) -> Outcome[UserInfo]:
        """A new account. With a password the user must change it at first login; without
        one the account cannot log in until an administrator resets it."""
        errors: list[ValidationError] = []
        clean_name = clean_user = ""
        try:
            clean_name = values.validate_name(name, "name")
        except ValidationError as exc:
            errors.append(exc)
        try:
            clean_user = passwords.validate_username(username)
        except ValidationError as exc:
            errors.append(exc)
        if role not in ROLES:
            errors.append(ValidationError("role", "invalid", key="staff.role_unknown"))
        if password is not None:
            errors += passwords.check_password(password, clean_user)
        with self.ctx.db.read() as s:
            auth.require(s, by, auth.USERS)
            if clean_user and s.scalar(select(Staff.id).where(Staff.username == clean_user)):
                errors.append(ValidationError("username", "exists", key="staff.username_taken"))
        if errors:
            raise ValidationErrors(errors)
        hashed = passwords.hash_password(password, cost=self.cost) if password else ""
        with self.ctx.db.transaction() as s:
            actor, _ = auth.require(s, by, auth.USERS)
            person = Staff(name=clean_name, username=clean_user, role=role, password_hash=hashed,
                           must_change_password=bool(hashed),
                           password_changed_at=self.ctx.clock() if hashed else None)
            s.add(person)
            s.flush()
            record_event(s, "staff.add", actor_id=actor.staff_id, staff_id=person.id, role=role,
                         name=clean_name, username=clean_user, **auth.event_actor(actor))
            return Outcome(_info(person), Changes(accounts=True))

    def reset_password(self, staff_id: int, new_password: str, by: ActorRef
                       ) -> Outcome[UserInfo]:
        """An administrator sets a forgotten password; the user must change it at their
        next login. Also lifts a lockout. Logged with who reset whose password."""
        with self.ctx.db.read() as s:
            auth.require(s, by, auth.USERS)
            target = s.get(Staff, staff_id)
            if target is None:
                raise LookupError(f"staff {staff_id} not found")
            username = target.username or ""
        self._check_policy(new_password, username)
        hashed = passwords.hash_password(new_password, cost=self.cost)
        with self.ctx.db.transaction() as s:
            actor, _ = auth.require(s, by, auth.USERS)
            p = s.get_one(Staff, staff_id)
            p.password_hash, p.password_changed_at = hashed, self.ctx.clock()
            p.must_change_password = actor.staff_id != p.id
            p.failed_logins, p.locked_until = 0, None
            record_event(s, "auth.password_reset", actor_id=actor.staff_id, staff_id=p.id,
                         **auth.event_actor(actor))
            return Outcome(_info(p), Changes(accounts=True))

    def find(self, username: str) -> UserInfo:
        with self.ctx.db.read() as s:
            p = s.scalars(select(Staff).where(Staff.username == username.strip().lower())).first()
            if p is None:
                raise LookupError(f"没有用户名为 {username} 的账户")
            return _info(p)

    def update_user(self, staff_id: int, by: ActorRef, *, role: str | None = None,
                    active: bool | None = None, name: str | None = None
                    ) -> Outcome[UserInfo]:
        """Change a role, (de)activate, rename. The last active administrator with a
        password can be neither demoted nor deactivated. Logged with old and new values."""
        if role is not None and role not in ROLES:
            raise _errors(ValidationError("role", "invalid", key="staff.role_unknown"))
        clean_name = values.validate_name(name, "name") if name is not None else None
        with self.ctx.db.transaction() as s:
            actor, _ = auth.require(s, by, auth.USERS)
            p = s.get(Staff, staff_id)
            if p is None:
                raise LookupError(f"staff {staff_id} not found")
            old = {"role": p.role, "active": bool(p.active), "name": p.name}
            new_role = role if role is not None else p.role
            new_active = bool(active) if active is not None else bool(p.active)
            new_name = clean_name if clean_name is not None else p.name
            new = {"role": new_role, "active": new_active, "name": new_name}
            changes = diff(old, new)
            if not changes:
                return Outcome(_info(p))
            if actor.staff_id == p.id and not new["active"]:
                raise _errors(ValidationError("active", "self", key="staff.deactivate_self"))
            loses_admin = old["role"] == ADMIN and old["active"] and (
                new["role"] != ADMIN or not new["active"])
            if loses_admin and p.password_hash:
                others = s.scalar(select(func.count()).select_from(Staff).where(
                    Staff.role == ADMIN, Staff.active, Staff.password_hash != "",
                    Staff.id != p.id))
                if not others:
                    raise _errors(ValidationError("role", "last_admin", key="staff.last_admin"))
            p.role, p.active, p.name = new_role, new_active, new_name
            record_event(s, "staff.change", actor_id=actor.staff_id, staff_id=p.id,
                         changes=changes, **auth.event_actor(actor))
            return Outcome(_info(p), Changes(accounts=True))

    # -- helpers -------------------------------------------------------------------------
    @staticmethod
    def _check_policy(password: str, username: str) -> None:
        errors = passwords.check_password(password, username)
        if errors:
            raise ValidationErrors(errors)

    @staticmethod
    def _admin_with_password_exists(s: Session) -> bool:
        return bool(s.scalar(select(func.count()).select_from(Staff).where(
            Staff.role == ADMIN, Staff.active, Staff.password_hash != "")))


@dataclass(frozen=True)
class Recovery:
    """A successful recovery: the administrator (logged in) and their next code."""

    actor: Actor
    new_code: str


RECOVERY_FAILURE = "恢复码错误或账户不符"
#: Crockford's base32 (no I, L, O, U): read off paper without confusion.
RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_GROUPS, RECOVERY_GROUP = 5, 4   # 20 characters = 100 bits


def new_recovery_code() -> str:
    """``7K3Q-MX2D-…`` (five groups of four)."""
    chars = "".join(secrets.choice(RECOVERY_ALPHABET)
                    for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP))
    return "-".join(chars[i:i + RECOVERY_GROUP] for i in range(0, len(chars), RECOVERY_GROUP))


def normalize_recovery_code(text: str) -> str:
    """What was typed, as stored: upper case, no spaces or hyphens, O→0 and I/L→1;
    ``""`` when it cannot be a code (wrong length or characters)."""
    clean = "".join(ch for ch in (text or "").upper() if ch not in " -\t")
    clean = clean.translate(str.maketrans("OIL", "011"))
    if len(clean) != RECOVERY_GROUPS * RECOVERY_GROUP or any(
            ch not in RECOVERY_ALPHABET for ch in clean):
        return ""
    return clean


def _valid_code(s: Session) -> AdminRecovery | None:
    return s.scalars(select(AdminRecovery).where(AdminRecovery.retired_at.is_(None))
                     .order_by(AdminRecovery.id.desc())).first()


def store_recovery_code(s: Session, code_hash: str, now: datetime, by_id: int | None,
                        **detail: Any) -> None:
    """Retire the valid code (``replaced``) and store ``code_hash`` as the new one, in
    the caller's transaction; logged as ``auth.recovery_code_issued``."""
    for old in s.scalars(select(AdminRecovery).where(AdminRecovery.retired_at.is_(None))):
        old.retired_at, old.retired_why = now, "replaced"
    s.add(AdminRecovery(code_hash=code_hash, created_at=now, created_by=by_id))
    s.flush()
    record_event(s, "auth.recovery_code_issued", actor_id=by_id, **detail)


def _locked_message(until: datetime) -> str:
    return f"连续输错密码次数过多，账户已锁定，请于 {until:%H:%M} 后再试，或请管理员重置密码"


__all__ = ["AccountService", "LoginFailed", "Recovery", "UserInfo", "new_recovery_code",
           "normalize_recovery_code", "store_recovery_code"]
