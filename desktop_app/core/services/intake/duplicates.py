"""What the clerk should know before deciding: duplicates and conflicts of interest
(DOMAIN §3–§4). Warnings never block the decision."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ... import vocab
from ...models import Application, HouseholdMember
from ...rules import identity
from ...vocab import ApplicationStatus, ItemStatus, TaskStatus
from ..drafts import ApplicationDraft
from .base import IntakeBase


@dataclass(frozen=True)
class IntakeWarning:
    """Something the clerk should know before deciding; never blocks the decision.

    ``code``: ``open_task`` (the same ID number already has an open task for the same
    item), ``other_household`` (the ID number is in another application's household),
    ``temporary_same_cause`` (temporary assistance for the same cause this year) or
    ``staff_relative`` (flagged as a relative of staff or village cadres).
    """

    code: str
    message: str
    application_number: str = ""
    application_id: int | None = None


class IntakeWarnings(IntakeBase):
    """Warnings before deciding (duplicates, conflicts of interest)."""

    # -- warnings (duplicates, conflicts of interest) ---------------------------------
    def warnings(self, draft: ApplicationDraft, *, exclude_application_id: int | None = None
                 ) -> list[IntakeWarning]:
        """What the clerk should know before deciding (DOMAIN §3–§4): the same person
        with an open task for the same item, in another household, or given temporary
        assistance for the same cause this year; a flagged relative of staff."""
        people = [(m.name.strip(), identity.normalize_number(m.id_number))
                  for m in [draft.applicant, *draft.members]]
        people = [(n, i) for n, i in people if i]
        applicant_id = identity.normalize_number(draft.applicant.id_number)
        codes = {it.item_code for it in draft.items}
        out: list[IntakeWarning] = []
        if draft.staff_relative:
            out.append(IntakeWarning("staff_relative", "申请人家庭为经办人员或村（居）干部近亲属，"
                                     "将单独登记备案，由县级部门核查"))
        if not people:
            return out
        ids = [i for _, i in people]
        names = dict((i, n) for n, i in people)
        cat = self.ctx.catalog
        year = (draft.intake_date or self.ctx.today()).year
        live = (ApplicationStatus.ACCEPTED, ApplicationStatus.PENDING_MATERIALS, ApplicationStatus.CLOSED)
        with self.ctx.db.read() as s:
            q = (select(HouseholdMember, Application)
                 .join(Application, Application.id == HouseholdMember.application_id)
                 .where(HouseholdMember.id_number.in_(ids), Application.status.in_(live))
                 .order_by(Application.id.desc()))
            if exclude_application_id is not None:
                q = q.where(Application.id != exclude_application_id)
            seen_household: set[str] = set()
            seen_task: set[tuple[int, str]] = set()
            seen_temp: set[str | None] = set()
            for member, app in s.execute(q):
                who = f"{names[member.id_number]}（{identity.mask_id(member.id_number)}）"
                other_applicant = app.applicant
                number = app.number or ""
                for req in app.items:
                    key = (app.id, req.item_code)  # one warning per application and item
                    open_task = ((req.status == ItemStatus.ACCEPTED
                                  and req.task_status in vocab.OPEN_TASK_STATUSES
                                  and app.status == ApplicationStatus.ACCEPTED)
                                 or (req.status == ItemStatus.REQUESTED
                                     and app.status == ApplicationStatus.PENDING_MATERIALS))
                    if req.item_code in codes and open_task and key not in seen_task:
                        seen_task.add(key)
                        out.append(IntakeWarning(
                            "open_task", f"{who}已有未办结的“{cat.item(req.item_code).name}”"
                            f"（办件编号 {number}，{app.intake_date.isoformat()}）",
                            number, app.id))
                if other_applicant.id_number != applicant_id and member.id_number not in seen_household:
                    seen_household.add(member.id_number)
                    out.append(IntakeWarning(
                        "other_household", f"{who}已登记在 {other_applicant.name} 的家庭中"
                        f"（办件编号 {number}），请核实是否重复申请",
                        number, app.id))
                if (draft.hardship_cause and app.hardship_cause == draft.hardship_cause
                        and codes & {"LINSHI_URGENT", "LINSHI_EXPENSE"}
                        and app.intake_date.year == year
                        and app.status in (ApplicationStatus.ACCEPTED, ApplicationStatus.CLOSED)
                        and app.number not in seen_temp
                        and any(r.item_code in ("LINSHI_URGENT", "LINSHI_EXPENSE")
                                and r.status == ItemStatus.ACCEPTED and r.task_status != TaskStatus.REFUSED
                                for r in app.items)):
                    seen_temp.add(app.number)
                    cause = vocab.HARDSHIP_CAUSE_LABELS[app.hardship_cause]
                    out.append(IntakeWarning(
                        "temporary_same_cause",
                        f"{who}本年度已因同一原因（{cause}）申请临时救助（办件编号 {number}，"
                        f"{app.intake_date.isoformat()}），同一原因原则上一年一次",
                        number, app.id))
        return out
