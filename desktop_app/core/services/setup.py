"""First run: the township's identity, its villages, the first administrator and the
administrator recovery code."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import ParamSpec, TypeVar

from sqlalchemy import func, select

from ..errors import ValidationError, ValidationErrors, collect
from ..messages import Message
from ..models import Staff, Township, Village
from ..rules import division, passwords, values
from . import auth
from .accounts import new_recovery_code, normalize_recovery_code, store_recovery_code
from .auth import ActorRef
from .context import Changes, Outcome, ServiceContext
from .events import record_event


def _line_error(n: int, code: str, problem: Message | str, *,
                line: int | None = None) -> ValidationError:
    """A problem with the ``n``-th village typed in the setup's village list."""
    return ValidationError("villages", code, key="setup.village.line",
                           params={"line": n, "problem": problem}, line=line)


_P = ParamSpec("_P")
_T = TypeVar("_T")


@dataclass
class SetupInput:
    township_name: str
    township_code: str
    window_phone: str
    supervision_phone: str
    admin_name: str
    villages: list[tuple[str, str]] = field(default_factory=list)  # (code, name)
    office_name: str = ""
    #: The first administrator's login. With ``admin_password`` None the account is
    #: created without a password and ``AccountService.needs_first_password()`` asks the
    #: GUI to have one set before anyone can log in.
    admin_username: str = "admin"
    admin_password: str | None = None


@dataclass(frozen=True)
class SetupResult:
    """What :meth:`SetupService.initialize` did: its changes and the first administrator
    recovery code — shown once by the setup screen, to be printed or written down and
    kept apart from the computer (only its salted hash is stored; docs/roles.md)."""

    changes: Changes
    recovery_code: str


@dataclass(frozen=True)
class TownshipInfo:
    code: str
    name: str
    office_name: str
    window_phone: str
    supervision_phone: str


@dataclass(frozen=True)
class VillageInfo:
    id: int
    code: str
    name: str


@dataclass(frozen=True)
class StaffInfo:
    id: int
    name: str
    role: str


class SetupService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def is_initialized(self) -> bool:
        with self.ctx.db.read() as s:
            return bool(s.scalar(select(func.count()).select_from(Township)))

    def validate(self, inp: SetupInput) -> list[ValidationError]:
        errors: list[ValidationError] = []

        def check(fn: Callable[_P, _T], *args: _P.args, **kw: _P.kwargs) -> _T | None:
            return collect(errors, fn, *args, **kw)

        check(values.validate_text, inp.township_name, "township_name", 60, required=True)
        code_ok = check(division.validate_township_code, inp.township_code.strip()) is not None
        check(values.validate_phone, inp.window_phone, "window_phone", required=True)
        check(values.validate_phone, inp.supervision_phone, "supervision_phone", required=True,
              allow_service=True)
        check(values.validate_name, inp.admin_name, "admin_name")
        user = check(passwords.validate_username, inp.admin_username, "admin_username")
        if inp.admin_password is not None:
            for err in passwords.check_password(inp.admin_password, user or ""):
                errors.append(err.with_field("admin_password"))
        check(values.validate_text, inp.office_name, "office_name", 80)
        seen_codes: set[str] = set()
        seen_names: set[str] = set()
        for n, (code, name) in enumerate(inp.villages, start=1):
            code, name = code.strip(), name.strip()
            if code_ok:
                try:
                    division.validate_village_code(code, inp.township_code.strip())
                except ValidationError as exc:
                    errors.append(_line_error(n, exc.code, exc.problem(), line=n))
            if not name:
                errors.append(_line_error(n, "village_name", Message("setup.village.name_required")))
            else:
                try:  # the text rule both ends share (it goes to the county in every package)
                    name = values.validate_text(name, "villages", 60)
                except ValidationError as exc:
                    errors.append(_line_error(n, exc.code, exc.problem(), line=n))
            if code in seen_codes:
                errors.append(_line_error(n, "duplicate_code", Message(
                    "setup.village.duplicate_code", {"code": code})))
            if name in seen_names:
                errors.append(_line_error(n, "duplicate_name", Message(
                    "setup.village.duplicate_name", {"name": name})))
            seen_codes.add(code)
            seen_names.add(name)
        if not inp.villages:
            errors.append(ValidationError("villages", "required", key="setup.villages_required"))
        return errors

    def initialize(self, inp: SetupInput) -> SetupResult:
        errors = self.validate(inp)
        if errors:
            raise ValidationErrors(errors)
        hashed = passwords.hash_password(inp.admin_password) if inp.admin_password else ""
        recovery_code = new_recovery_code()
        code_hash = passwords.hash_password(normalize_recovery_code(recovery_code))
        with self.ctx.db.transaction() as s:
            if s.scalar(select(func.count()).select_from(Township)):
                raise ValidationErrors([ValidationError("township_code", "exists",
                                                        key="setup.already_done")])
            # stored as validated: trimmed, NFC (the text rule the county checks too)
            name = values.validate_text(inp.township_name, "township_name", 60, required=True)
            office = values.validate_text(inp.office_name, "office_name", 80)
            s.add(Township(
                code=inp.township_code.strip(), name=name,
                office_name=office or f"{name}社会救助服务窗口",
                window_phone=inp.window_phone.strip(), supervision_phone=inp.supervision_phone.strip(),
            ))
            admin = Staff(name=values.validate_name(inp.admin_name, "admin_name"), role="admin",
                          username=passwords.validate_username(inp.admin_username),
                          password_hash=hashed,
                          password_changed_at=self.ctx.clock() if hashed else None)
            s.add(admin)
            for code, vname in inp.villages:
                s.add(Village(code=code.strip(), name=values.validate_text(vname, "villages", 60),
                              valid_from=self.ctx.today()))
            s.flush()
            record_event(s, "setup", actor_id=admin.id, township_code=inp.township_code.strip(),
                         villages=len(inp.villages))
            if hashed:
                record_event(s, "auth.password_set", actor_id=admin.id, staff_id=admin.id)
            store_recovery_code(s, code_hash, self.ctx.clock(), admin.id)
        return SetupResult(Changes(settings=True, accounts=True, everything=True), recovery_code)

    # -- reads -----------------------------------------------------------------
    def township(self) -> TownshipInfo:
        with self.ctx.db.read() as s:
            t = s.scalars(select(Township)).first()
            if t is None:
                raise LookupError("township not initialised")
            return TownshipInfo(t.code, t.name, t.office_name, t.window_phone, t.supervision_phone)

    def villages(self) -> list[VillageInfo]:
        with self.ctx.db.read() as s:
            rows = s.scalars(select(Village).where(Village.valid_to.is_(None)).order_by(Village.code))
            return [VillageInfo(v.id, v.code, v.name) for v in rows]

    def staff(self) -> list[StaffInfo]:
        with self.ctx.db.read() as s:
            rows = s.scalars(select(Staff).where(Staff.active).order_by(Staff.id))
            return [StaffInfo(p.id, p.name, p.role) for p in rows]

    def add_staff(self, name: str, role: str, by: ActorRef) -> Outcome[StaffInfo]:
        """A person without a password (username ``user<id>``); administrators only.
        ``AccountService.add_user`` is the full version (username and password)."""
        name = values.validate_name(name, "name")
        if role not in auth.ROLES:
            raise ValidationErrors([ValidationError("role", "invalid", key="staff.role_unknown")])
        with self.ctx.db.transaction() as s:
            actor, _ = auth.require(s, by, auth.USERS)
            person = Staff(name=name, role=role)
            s.add(person)
            s.flush()
            username = f"user{person.id}"
            while s.scalar(select(Staff.id).where(Staff.username == username)):
                username += "x"
            person.username = username
            record_event(s, "staff.add", actor_id=actor.staff_id, staff_id=person.id, role=role,
                         name=name, username=person.username, **auth.event_actor(actor))
            return Outcome(StaffInfo(person.id, person.name, person.role), Changes(accounts=True))
