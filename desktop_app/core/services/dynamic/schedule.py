"""The schedule of re-checks (issue 15): class from the facts, next date, amounts in
force, the due list (低保, 特困, 低保边缘, 刚性支出) and the monthly 渐退 list.

Light on purpose: ``handling`` (results, the tracking screen's due list) and the sync
import call it; it imports no other service package.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...models import Application, HouseholdReview, RequestedItem, Village
from ...rules import dynamic as rules
from ...rules.eligibility import policy_on as eligibility_on
from ...vocab import ApplicationStatus, TaskStatus
from ..assessment import AssessmentService, village_code_of
from ..context import ServiceContext
from ..drafts import ApplicationDraft
from .snapshots import reviews_in_force


@dataclass(frozen=True)
class DueRow:
    """A household whose re-check is due (or whose 渐退 ends) — the tracking screen's
    row (same fields as the former ``ReviewRow``) plus its status."""

    task_id: int
    application_id: int
    number: str
    applicant: str
    village: str
    item_name: str
    review_class: str
    next_review_on: date
    days_left: int
    item_code: str = ""
    status: str = "active"            # "active" | "taper"
    taper_ends_on: date | None = None


@dataclass(frozen=True)
class TaperRow:
    task_id: int
    application_id: int
    review_id: int
    number: str
    applicant: str
    village: str
    item_name: str
    effective_month: date
    taper_ends_on: date
    amount_fen: int | None


def review_policy(ctx: ServiceContext, s: Session, day: date) -> rules.ReviewPolicy:
    return rules.policy_on(ctx.get_setting(s, "dynamic_review") or [rules.DEFAULT_ENTRY], day)


def derive_class_for(ctx: ServiceContext, s: Session, app: Application,
                     draft: ApplicationDraft | None, day: date) -> tuple[str, str]:
    """The A/B/C class of a 低保 household from its facts (``draft`` or the application's)."""
    code = village_code_of(s, app.village_id)
    facts = (AssessmentService.facts_from_draft(draft, day, code) if draft is not None
             else AssessmentService.facts_from_application(app, code))
    policy = eligibility_on(ctx.get_setting(s, "eligibility"), day)
    return rules.derive_class(facts, day, review_policy(ctx, s, day), policy)


def next_review(ctx: ServiceContext, s: Session, item_code: str, review_class: str,
                since: date) -> date | None:
    policy = eligibility_on(ctx.get_setting(s, "eligibility"), since)
    return rules.next_review_on(item_code, review_class, since,
                                ctx.get_setting(s, "review_months") or {},
                                review_policy(ctx, s, since), policy.rigid_validity_months)


def initial_schedule(ctx: ServiceContext, s: Session, task: RequestedItem, since: date,
                     given_class: str = "") -> tuple[str, date | None]:
    """Class and first re-check date of a task granted on ``since``: a 低保 class not
    given is derived from the household's facts (no longer "B" by default)."""
    cls = ""
    if task.item_code == "DIBAO":
        cls = given_class or derive_class_for(ctx, s, task.application, None, since)[0]
    return cls, next_review(ctx, s, task.item_code, cls, since)


def decisions(s: Session, item_id: int) -> list[rules.Decision]:
    return [rules.Decision(r.effective_month, r.outcome, r.amount_fen, r.taper_ends_on)
            for r in reviews_in_force(s, item_id)]


def amount_in_force(s: Session, task: RequestedItem, month: date) -> int | None:
    if task.task_status != TaskStatus.DONE:
        return None
    return rules.amount_in_force(task.amount_fen, task.period_from or task.result_on,
                                 decisions(s, task.id), month)


def due(ctx: ServiceContext, *, within_days: int = 30, today: date | None = None) -> list[DueRow]:
    """Recipient households whose re-check (or 渐退 end) is due within ``within_days``
    (or late): 低保, 特困, 低保边缘, 刚性支出."""
    today = today or ctx.today()
    limit = date.fromordinal(today.toordinal() + within_days)
    with ctx.db.read() as s:
        villages: dict[int | None, str] = {v.id: v.name for v in s.scalars(select(Village))}
        q = (select(RequestedItem, Application).join(Application)
             .where(RequestedItem.next_review_on.is_not(None),
                    RequestedItem.next_review_on <= limit,
                    RequestedItem.task_status == TaskStatus.DONE,
                    RequestedItem.item_code.in_(rules.RECHECKED_ITEMS),
                    Application.status.in_((ApplicationStatus.ACCEPTED,
                                            ApplicationStatus.CLOSED)))
             .order_by(RequestedItem.next_review_on, RequestedItem.id))
        out = []
        for r, a in s.execute(q):
            when = r.next_review_on
            assert when is not None  # the query keeps only tasks with a date
            status, ends = rules.status_of(decisions(s, r.id), today)
            out.append(DueRow(r.id, a.id, a.number or "", a.applicant.name,
                              villages.get(a.village_id, ""), ctx.catalog.item(r.item_code).name,
                              r.review_class, when, (when - today).days, r.item_code,
                              "taper" if status == "taper" else "active", ends))
        return out


def tapers_ending(ctx: ServiceContext, month: date) -> list[TaperRow]:
    """渐退 periods ending in ``month`` (the decision in force, not replaced)."""
    first, last = rules.month_start(month), rules.month_end(month)
    with ctx.db.read() as s:
        villages: dict[int | None, str] = {v.id: v.name for v in s.scalars(select(Village))}
        q = (select(HouseholdReview, RequestedItem, Application)
             .join(RequestedItem, HouseholdReview.item_id == RequestedItem.id)
             .join(Application, HouseholdReview.application_id == Application.id)
             .where(HouseholdReview.outcome == "taper",
                    HouseholdReview.taper_ends_on >= first,
                    HouseholdReview.taper_ends_on <= last)
             .order_by(HouseholdReview.taper_ends_on, HouseholdReview.id))
        out = []
        for rev, r, a in s.execute(q):
            # only if the 渐退 is still the last word on the task (no later stop/adjust)
            ids = [x.id for x in reviews_in_force(s, r.id)]
            if not ids or ids[-1] != rev.id:
                continue
            assert rev.taper_ends_on is not None
            out.append(TaperRow(r.id, a.id, rev.id, a.number or "", a.applicant.name,
                                villages.get(a.village_id, ""), ctx.catalog.item(r.item_code).name,
                                rev.effective_month, rev.taper_ends_on, rev.amount_fen))
        return out


__all__ = ["DueRow", "TaperRow", "amount_in_force", "decisions", "derive_class_for", "due",
           "initial_schedule", "next_review", "review_policy", "tapers_ending"]
