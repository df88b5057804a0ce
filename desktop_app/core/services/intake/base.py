"""What every part of the intake service shares: the context, the document service,
the deciding clerk, a validated draft and the material and routing helpers."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from sync_contract.catalog import Material as CatalogMaterial

from ...catalog import TOWNSHIP
from ...errors import PermissionDenied, ValidationError, ValidationErrors
from ...models import Application, Staff
from ...rules import identity
from ...vocab import SERVICE_HANDLER, ItemStatus, MaterialStatus
from .. import auth
from ..auth import ActorRef
from ..context import ServiceContext
from ..documents import DocumentService
from ..drafts import ItemInput, MemberInput, PersonInput


def material_status(item: ItemInput, material: CatalogMaterial) -> str:
    """The status given for ``material``; unset means missing, or not applicable for a
    conditional material (e.g. 残疾人证 only when a member is disabled)."""
    return item.materials.get(material.code, MaterialStatus.MISSING if material.required else MaterialStatus.NA)


@dataclass
class CleanDraft:
    """A validated draft, ready to write."""

    members: list[tuple[MemberInput, identity.IdInfo | None]]
    incomes: dict[str, int]
    monthly_total: int
    numbers: dict[str, int]
    items: list[ItemInput]
    #: Legal supporters / an outside guardian, with their ID and parsed figures.
    related: list[CleanPerson] = field(default_factory=list)
    #: Residence kind, current address and 居住证 number as stored (validated text).
    residence: tuple[str, str, str] = ("hukou", "", "")


@dataclass(frozen=True)
class CleanPerson:
    """A validated :class:`~..drafts.PersonInput`: texts cleaned, numbers parsed."""

    person: PersonInput
    info: identity.IdInfo | None
    name: str
    phone: str
    address: str
    household_size: int | None
    monthly_income_fen: int | None
    note: str


def referral_departments(app: Application) -> list[str]:
    """County departments the accepted ``app``'s items are referred to, in item order
    (an item waiting for the household's 低保/特困 status gets its 转办单 when released)."""
    return list(dict.fromkeys(r.handler_code for r in app.items
                              if r.status == ItemStatus.ACCEPTED and r.handler_code != TOWNSHIP
                              and not r.waiting_for
                              # issue 15: a service task's slip names its provider, issued
                              # when the provider is chosen (services/providers.py)
                              and r.handler_code != SERVICE_HANDLER))


class IntakeBase:
    """The state the intake verbs share; :class:`~.IntakeService` composes the parts."""

    def __init__(self, ctx: ServiceContext, documents: DocumentService) -> None:
        self.ctx = ctx
        self.documents = documents

    @staticmethod
    def _clerk(s: Session, clerk_id: ActorRef) -> Staff:
        if isinstance(clerk_id, auth.Actor) and clerk_id.system:
            raise PermissionDenied(auth.DECIDE, auth.MESSAGES[auth.DECIDE])
        staff_id = clerk_id.staff_id if isinstance(clerk_id, auth.Actor) else clerk_id
        clerk = s.get(Staff, staff_id) if isinstance(staff_id, int) else None
        if clerk is None or not clerk.active:
            raise ValidationErrors([ValidationError("clerk", "unknown", key="intake.clerk_unknown")])
        auth.actor_from_staff(clerk).require(auth.DECIDE)
        return clerk
