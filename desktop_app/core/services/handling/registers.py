"""单独登记备案: applications of relatives of staff or village cadres."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from ... import vocab
from ...models import Application, Village
from .. import auth
from ..auth import ActorRef
from .base import HandlingBase


@dataclass(frozen=True)
class FlaggedRow:
    """An application on the separately registered list (单独登记备案)."""

    application_id: int
    number: str
    applicant: str
    village: str
    intake_date: date
    items: str
    note: str
    status: str


class Registers(HandlingBase):
    """The separately registered list (单独登记备案)."""

    # -- 单独登记备案 ----------------------------------------------------------------------
    def staff_relatives(self, by: ActorRef) -> list[FlaggedRow]:
        """Applications of relatives of staff or village cadres (supervisors only)."""
        with self.ctx.db.read() as s:
            auth.require(s, by, auth.SEPARATE_LIST)
            villages: dict[int | None, str] = {v.id: v.name for v in s.scalars(select(Village))}
            apps = s.scalars(select(Application).where(Application.staff_relative.is_(True))
                             .order_by(Application.intake_date.desc(), Application.id.desc()))
            return [FlaggedRow(a.id, a.number or "", a.applicant.name,
                               villages.get(a.village_id, ""), a.intake_date,
                               "、".join(self.ctx.catalog.item(r.item_code).name for r in a.items),
                               a.staff_relative_note,
                               vocab.STATUS_LABELS.get(a.status, a.status))
                    for a in apps]
