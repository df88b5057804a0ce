"""Household snapshots of a benefit task (issue 15): the application's own facts are
snapshot 0; every change report or re-check records the household as found
(``HouseholdReview.household``, ``draft_to_json``), so older states stay readable."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...models import Application, HouseholdReview
from ...rules.values import format_yuan
from ..drafts import ApplicationDraft, MemberInput, PersonInput, draft_from_json

#: Draft fields that are the household (what a review records); everything else of a
#: draft (items, materials, source, hardship reason …) belongs to the application.
HOUSEHOLD_FIELDS = ("applicant", "members", "incomes", "housing_area", "house_rating",
                    "vehicles", "houses", "deposits", "business", "medical_spending",
                    "education_spending", "supporters_able", "related", "residence_kind",
                    "residence_address", "residence_permit_no", "medical_reimbursed")
#: Validation error fields of the intake form that belong to the household parts.
HOUSEHOLD_ERROR_PREFIXES = ("applicant", "members", "income", "related", "housing_area",
                            "house_rating", "vehicles", "houses", "deposits", "business",
                            "medical_spending", "education_spending", "medical_reimbursed",
                            "supporters_able", "residence")


def _yuan(fen: int | None) -> str:
    return format_yuan(fen, drop_zero_cents=True, grouping=False) if fen else ""


def draft_from_application(app: Application) -> ApplicationDraft:
    """The household parts of a saved application as a draft (snapshot 0)."""
    def member(m) -> MemberInput:  # type: ignore[no-untyped-def]
        return MemberInput(
            name=m.name_typed or m.name, relation=m.relation, id_type=m.id_type,
            id_number=m.id_number, no_id_reason=m.no_id_reason, phone=m.phone,
            hukou_type=m.hukou_type or "农村", hukou_address=m.hukou_address,
            education=m.education, marital=m.marital, health=m.health or "健康",
            disability_category=m.disability_category,
            disability_grade=m.disability_grade if m.disability_category else None,
            employment=m.employment, self_care=m.self_care, counted=bool(m.counted),
            counted_reason=m.counted_reason, guardian=bool(m.guardian))

    members = [member(m) for m in app.members]
    related = [PersonInput(
        name=p.name_typed or p.name, relation=p.relation, id_type=p.id_type,
        id_number=p.id_number, no_id_reason=p.no_id_reason, phone=p.phone, address=p.address,
        supporter=bool(p.supporter), guardian=bool(p.guardian),
        household_size=str(p.household_size) if p.household_size else "",
        monthly_income=_yuan(p.monthly_income_fen) if p.monthly_income_fen is not None else "",
        able=p.able, unable_reason=p.unable_reason, note=p.note) for p in app.related]
    return ApplicationDraft(
        applicant=members[0] if members else MemberInput(), members=members[1:],
        village_id=app.village_id,
        incomes={i.category: _yuan(i.monthly_fen) for i in app.incomes if i.monthly_fen},
        housing_area=str(app.housing_area_m2) if app.housing_area_m2 else "",
        house_rating=app.house_rating, vehicles=str(app.vehicles) if app.vehicles else "",
        houses="" if app.houses is None else str(app.houses),
        deposits=_yuan(app.deposits_fen), business=app.business,
        medical_spending=_yuan(app.medical_spending_fen),
        education_spending=_yuan(app.education_spending_fen),
        intake_date=app.intake_date, supporters_able=app.supporters_able,
        related=related, residence_kind=app.residence_kind or "hukou",
        residence_address=app.residence_address, residence_permit_no=app.residence_permit_no,
        medical_reimbursed=_yuan(app.medical_reimbursed_fen))


def household_only(draft: ApplicationDraft, app: Application) -> ApplicationDraft:
    """``draft``'s household parts on the application's other facts (village, source)."""
    base = draft_from_application(app)
    for name in HOUSEHOLD_FIELDS:
        setattr(base, name, getattr(draft, name))
    return base


def current_review(s: Session, item_id: int) -> HouseholdReview | None:
    """The newest review in force (not replaced by a correction) of a task."""
    rows = list(s.scalars(select(HouseholdReview).where(HouseholdReview.item_id == item_id)
                          .order_by(HouseholdReview.id)))
    replaced = {r.replaces_id for r in rows if r.replaces_id is not None}
    live = [r for r in rows if r.id not in replaced]
    return live[-1] if live else None


def reviews_in_force(s: Session, item_id: int) -> list[HouseholdReview]:
    rows = list(s.scalars(select(HouseholdReview).where(HouseholdReview.item_id == item_id)
                          .order_by(HouseholdReview.id)))
    replaced = {r.replaces_id for r in rows if r.replaces_id is not None}
    return [r for r in rows if r.id not in replaced]


def household_of(s: Session, app: Application, item_id: int) -> tuple[ApplicationDraft, int]:
    """The household as last recorded for a task and its snapshot number."""
    review = current_review(s, item_id)
    if review is None:
        return draft_from_application(app), 0
    return household_only(draft_from_json(review.household), app), review.snapshot_no


def snapshot_no_next(s: Session, application_id: int) -> int:
    """Snapshots are numbered per application (all its tasks share one household)."""
    numbers = s.scalars(select(HouseholdReview.snapshot_no)
                        .where(HouseholdReview.application_id == application_id))
    return int(max([0, *numbers])) + 1


__all__ = ["HOUSEHOLD_ERROR_PREFIXES", "HOUSEHOLD_FIELDS", "current_review",
           "draft_from_application", "household_of", "household_only", "reviews_in_force",
           "snapshot_no_next"]
