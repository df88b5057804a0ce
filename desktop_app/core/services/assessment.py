"""救助需求综合评估 as a use case: suggestions for a draft or a saved application.

The intake screen calls :meth:`AssessmentService.assess` with the
:class:`~.drafts.ApplicationDraft` it is editing (nothing is saved; a field that does
not parse yet — a half-typed ID number or amount — is simply left out), and the detail
screen with a saved application's id. The standards are those in force on the
application's intake date (the draft's ``intake_date``, else today), from the
``standards`` setting (defaults in ``resources/standards.json``), and so are the local
rules (``eligibility`` setting, :mod:`..rules.eligibility`). :meth:`evaluate` gives the
whole :class:`~..rules.assessment.Assessment` (income figures, property test,
suggestions) the intake panel shows; :meth:`assess` only the suggestions.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy.orm import Session

from ..errors import ValidationError, ValidationErrors
from ..models import Application, Village
from ..rules import assessment, identity, values
from ..rules.assessment import Assessment, HouseholdFacts, MemberFacts, Suggestion, SupporterFacts
from ..rules.eligibility import Policy, policy_on
from ..rules.standards import Standards, standards_on
from .context import ServiceContext
from .drafts import ApplicationDraft, MemberInput, PersonInput


class AssessmentService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def standards_on(self, day: date) -> Standards:
        """The standards in force on ``day`` (raises ``ValidationErrors`` if none)."""
        with self.ctx.db.read() as s:
            return self._standards(s, day)

    def assess(self, source: ApplicationDraft | int) -> list[Suggestion]:
        """Suggestions for a draft (before saving) or a saved application's id.

        Raises :class:`LookupError` for an unknown id and ``ValidationErrors``
        (field ``standards``) when no standards are in force on the intake date.
        """
        return self.evaluate(source).suggestions

    def evaluate(self, source: ApplicationDraft | int) -> Assessment:
        """The whole assessment (income figures, property test, suggestions)."""
        with self.ctx.db.read() as s:
            if isinstance(source, ApplicationDraft):
                day = source.intake_date or self.ctx.today()
                facts = self.facts_from_draft(source, day, village_code_of(s, source.village_id))
            else:
                app = s.get(Application, source)
                if app is None:
                    raise LookupError(f"application {source} not found")
                day = app.intake_date
                facts = self.facts_from_application(app, village_code_of(s, app.village_id))
            st = self._standards(s, day)
            policy = self._policy(s, day)
        return assessment.evaluate(facts, st, day, policy)

    def policy_on(self, day: date) -> Policy:
        """The local eligibility rules in force on ``day``."""
        with self.ctx.db.read() as s:
            return self._policy(s, day)

    def _policy(self, s: Session, day: date) -> Policy:
        try:
            return policy_on(self.ctx.get_setting(s, "eligibility"), day)
        except ValidationError as exc:
            raise ValidationErrors([exc]) from None

    def _standards(self, s: Session, day: date) -> Standards:
        try:
            return standards_on(self.ctx.get_setting(s, "standards"), day)
        except ValidationError as exc:
            raise ValidationErrors([exc]) from None

    # -- facts ---------------------------------------------------------------------
    @staticmethod
    def _member_from_input(m: MemberInput, relation: str, day: date) -> MemberFacts:
        birth = None
        try:
            info = identity.validate_id(identity.IdType[m.id_type], m.id_number, day,
                                        reason=m.no_id_reason or None)
            birth = info.birth_date
        except (KeyError, ValidationError):
            pass
        return MemberFacts(
            name=m.name.strip(), birth_date=birth, relation=relation, hukou_type=m.hukou_type,
            health=m.health, disability_category=m.disability_category,
            disability_grade=m.disability_grade if m.disability_category else None,
            employment=m.employment, education=m.education, self_care=m.self_care,
            counted=m.counted is not False or relation == "本人", counted_reason=m.counted_reason)

    @classmethod
    def facts_from_draft(cls, d: ApplicationDraft, day: date,
                         village_code: str = "") -> HouseholdFacts:
        members = [cls._member_from_input(d.applicant, "本人", day)]
        members += [cls._member_from_input(m, m.relation, day) for m in d.members]
        return HouseholdFacts(
            members=tuple(members),
            incomes_fen={k: v for k, v in ((k, _amount(t)) for k, t in d.incomes.items()) if v},
            house_rating=d.house_rating if d.house_rating in ("A", "B", "C", "D") else "",
            medical_spending_fen=_amount(d.medical_spending),
            education_spending_fen=_amount(d.education_spending),
            supporters_able=d.supporters_able,
            housing_area_m2=_count(d.housing_area), vehicles=_count(d.vehicles),
            houses=_count(d.houses) if d.houses.strip() else None,
            deposits_fen=_amount(d.deposits), business=d.business.strip(),
            village_code=village_code,
            supporters=tuple(_supporter_from_input(p) for p in d.related if p.supporter is True),
            residence_kind=d.residence_kind,
            medical_reimbursed_fen=_amount(d.medical_reimbursed),
        )

    @staticmethod
    def facts_from_application(app: Application, village_code: str = "") -> HouseholdFacts:
        return HouseholdFacts(
            members=tuple(MemberFacts(
                name=m.name, birth_date=m.birth_date, relation=m.relation,
                hukou_type=m.hukou_type, health=m.health,
                disability_category=m.disability_category,
                disability_grade=m.disability_grade, employment=m.employment,
                education=m.education, self_care=m.self_care, counted=m.counted,
                counted_reason=m.counted_reason)
                for m in app.members),
            incomes_fen={i.category: i.monthly_fen for i in app.incomes},
            house_rating=app.house_rating,
            medical_spending_fen=app.medical_spending_fen,
            education_spending_fen=app.education_spending_fen,
            supporters_able=app.supporters_able,
            housing_area_m2=app.housing_area_m2, vehicles=app.vehicles, houses=app.houses,
            deposits_fen=app.deposits_fen, business=app.business,
            village_code=village_code,
            supporters=tuple(SupporterFacts(
                name=p.name, relation=p.relation, able=p.able, unable_reason=p.unable_reason,
                household_size=p.household_size, monthly_income_fen=p.monthly_income_fen)
                for p in app.related if p.supporter),
            residence_kind=app.residence_kind,
            medical_reimbursed_fen=app.medical_reimbursed_fen,
        )


def village_code_of(s: Session, village_id: int | None) -> str:
    """The 12-digit code of the application's village ("" without one)."""
    if village_id is None:
        return ""
    village = s.get(Village, village_id)
    return village.code if village is not None else ""


def _supporter_from_input(p: PersonInput) -> SupporterFacts:
    """A supporter being typed: what does not parse yet is left out."""
    size = _count(p.household_size)
    income = _amount(p.monthly_income) if p.monthly_income.strip() else None
    return SupporterFacts(
        name=p.name.strip(), relation=p.relation,
        able=p.able if p.able in (True, False) else None,
        unable_reason=p.unable_reason if p.able is False else "",
        household_size=size or None, monthly_income_fen=income)


def _count(text: str) -> int:
    raw = text.strip()
    return int(raw) if raw.isascii() and raw.isdigit() and len(raw) <= 6 else 0


def _amount(text: str) -> int:
    try:
        return values.parse_amount(text, "amount", allow_empty=True)
    except ValidationError:
        return 0
