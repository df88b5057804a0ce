"""Who is acting, and what their role allows — checked by the services themselves.

Roles (``staff.role``) and what each may do are listed in :data:`ROLE_PERMISSIONS`
and explained in ``docs/roles.md``. Roles nest: a 负责人 (supervisor) may do all a
经办人 (clerk) may, and a 管理员 (admin) all a supervisor may.

Services take the acting user as an :class:`Actor` (what ``AccountService.login``
returns) or, for backwards compatibility, as a staff id. Either way the role is read
again from the database inside the service's transaction, so a user who was
demoted or deactivated a minute ago loses the right at once, and a check never
depends on which buttons a screen showed.

:data:`SYSTEM` stands for the program itself acting without a person (tests, internal
maintenance): it may do the administrative verbs in :data:`SYSTEM_PERMISSIONS` and
nothing at the window; its events have no staff id and say ``"via": "cli"``. The
command line does **not** use it: every CLI verb that reads personal data or changes
anything logs a user in (``desktop-app --user NAME``) and acts as that user's
:class:`Actor` with ``via="cli"`` (docs/roles.md).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from ..errors import PermissionDenied

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from ..models import Staff

CLERK, SUPERVISOR, ADMIN = "clerk", "supervisor", "admin"
ROLES = (CLERK, SUPERVISOR, ADMIN)
ROLE_LABELS = {CLERK: "经办人", SUPERVISOR: "负责人", ADMIN: "管理员"}

# Permissions (machine names; messages below).
DECIDE = "application.decide"          # register an application and decide at the window
WITHDRAW = "application.withdraw"      # record the applicant's withdrawal (撤回)
REPRINT = "document.reprint"           # 补打
VOID = "document.void"                 # 作废 a document or an application
FULL_ID_OWN = "pii.full_id.own"        # full ID numbers of applications one registered
FULL_ID_ANY = "pii.full_id.any"        # full ID numbers of anyone's applications
AUDIT_VIEW = "audit.view"              # the audit trail viewer and ``check``
SEPARATE_LIST = "register.separate"    # the separately registered list (单独登记名单)
BACKUP = "backup.create"               # a manual backup (automatic ones need nobody)
USERS = "users.manage"                 # add users, roles, deactivate, reset passwords
SETTINGS = "settings.change"
KEYS = "keys.manage"                   # county keys and the device key (sync)
RESTORE = "backup.restore"
EXPORTS_CONFIRM = "exports.confirm"    # resume exports after a restore
HANDLE = "task.handle"                 # referral lists, 回执 feedback, 先行救助, re-checks
SYNC = "sync.run"                      # export packages to the county, import return packages
IMPORT = "ledger.import"                # issue 16: commit a legacy ledger import
RESERVE = "reserve.manage"             # 备用金: money in, refunds, 报账, reimbursements (issue 13)

_CLERK_PERMS = frozenset({DECIDE, WITHDRAW, REPRINT, FULL_ID_OWN, BACKUP, HANDLE, SYNC})
_SUPERVISOR_PERMS = _CLERK_PERMS | {VOID, FULL_ID_ANY, AUDIT_VIEW, SEPARATE_LIST, RESERVE, IMPORT}
_ADMIN_PERMS = _SUPERVISOR_PERMS | {USERS, SETTINGS, KEYS, RESTORE, EXPORTS_CONFIRM}
ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    CLERK: _CLERK_PERMS, SUPERVISOR: frozenset(_SUPERVISOR_PERMS), ADMIN: frozenset(_ADMIN_PERMS),
}
SYSTEM_PERMISSIONS = frozenset({BACKUP, USERS, SETTINGS, KEYS, RESTORE, EXPORTS_CONFIRM,
                                AUDIT_VIEW, SYNC})

MESSAGES = {
    DECIDE: "当前账户不能办理受理登记",
    HANDLE: "当前账户不能办理转办、反馈和先行救助",
    SYNC: "当前账户不能导出或导入同步包",
    WITHDRAW: "当前账户不能登记撤回申请",
    REPRINT: "当前账户不能补打文书",
    VOID: "只有负责人或管理员可以作废；经办人作废须由负责人确认",
    FULL_ID_OWN: "当前账户不能查看完整证件号码",
    FULL_ID_ANY: "只有负责人或管理员可以查看他人经办申请的完整证件号码",
    AUDIT_VIEW: "只有负责人或管理员可以查看操作日志",
    SEPARATE_LIST: "只有负责人或管理员可以查看单独登记名单",
    BACKUP: "当前账户不能备份数据",
    USERS: "只有管理员可以管理账户",
    SETTINGS: "只有管理员可以修改设置",
    KEYS: "只有管理员可以管理密钥",
    RESTORE: "只有管理员可以恢复备份",
    EXPORTS_CONFIRM: "只有管理员可以确认恢复后继续导出",
    RESERVE: "只有负责人或管理员可以登记备用金拨入、退回和报账",
    IMPORT: "只有负责人或管理员可以导入原有台账",
}


@dataclass(frozen=True)
class Actor:
    """The user a service acts for. Build one with ``AccountService.login``."""

    staff_id: int | None
    name: str
    role: str
    username: str = ""
    must_change_password: bool = False
    system: bool = False
    #: How the user reached the service: ``"cli"`` for the command line (its events say
    #: so), empty at the window.
    via: str = ""

    @property
    def role_label(self) -> str:
        return "命令行" if self.system else ROLE_LABELS.get(self.role, self.role)

    def can(self, permission: str) -> bool:
        if self.system:
            return permission in SYSTEM_PERMISSIONS
        return permission in ROLE_PERMISSIONS.get(self.role, frozenset())

    def require(self, permission: str) -> None:
        if not self.can(permission):
            raise PermissionDenied(permission, MESSAGES.get(permission, "当前账户无权执行此操作"))


SYSTEM = Actor(staff_id=None, name="命令行", role=ADMIN, username="", system=True)

ActorRef = Actor | int


def actor_from_staff(staff: Staff) -> Actor:
    return Actor(staff.id, staff.name, staff.role, staff.username or "",
                 bool(staff.must_change_password))


def resolve(session: Session, ref: ActorRef | None) -> tuple[Actor, Staff | None]:
    """The acting user as the database knows them now (role, active)."""
    if isinstance(ref, Actor) and ref.system:
        return ref, None
    if ref is None:
        raise PermissionDenied("login", "请先登录")
    staff_id = ref.staff_id if isinstance(ref, Actor) else ref
    if isinstance(staff_id, bool) or not isinstance(staff_id, int):
        raise PermissionDenied("login", "请先登录")
    from ..models import Staff

    staff = session.get(Staff, staff_id)
    if staff is None or not staff.active:
        raise PermissionDenied("login", "账户不存在或已停用")
    actor = actor_from_staff(staff)
    if isinstance(ref, Actor) and ref.via:
        actor = replace(actor, via=ref.via)
    return actor, staff


def require(session: Session, ref: ActorRef | None, permission: str) -> tuple[Actor, Staff | None]:
    actor, staff = resolve(session, ref)
    actor.require(permission)
    return actor, staff


def event_actor(actor: Actor) -> dict[str, Any]:
    """Extra event detail for actions done through the command line."""
    if actor.system:
        return {"via": "cli"}
    return {"via": actor.via} if actor.via else {}
