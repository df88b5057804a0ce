"""Writing a validated draft: the application, its household, legal supporters, incomes,
requested items and materials, the stored income calculation, the search index and the
logged needs assessment."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from ...errors import ValidationError, ValidationErrors
from ...models import (
    Application,
    HouseholdMember,
    Income,
    Material,
    RelatedPerson,
    RequestedItem,
    SearchKey,
    Staff,
    Village,
)
from ...rules import identity, pinyin, values
from ...rules.assessment import Assessment, evaluate
from ...rules.chars import MIDDLE_DOT
from ...rules.eligibility import Policy, policy_on
from ...rules.standards import Standards, standards_on
from ...vocab import ItemStatus
from ..drafts import ApplicationDraft, MemberInput
from ..events import record_event
from .base import CleanDraft, CleanPerson, IntakeBase, material_status


@dataclass(frozen=True)
class Calculation:
    """The needs assessment at intake: the entries in force on the intake day and the
    result — stored on the application and logged, from one evaluation."""

    standards: Standards
    policy: Policy
    assessment: Assessment


def supporters_able(draft: ApplicationDraft, related: list[CleanPerson]) -> bool | None:
    """The household flag from the recorded legal supporters: any able → True, all
    recorded unable → False, some not checked yet (and none able) → None (unknown, as
    the 特困 rule reads it); none recorded → the draft's flag."""
    ables = [p.person.able for p in related if p.person.supporter]
    if any(a is True for a in ables):
        return True
    if ables:
        return False if all(a is False for a in ables) else None
    return draft.supporters_able


def name_keys(name: str) -> set[str]:
    """The search keys of a canonical name beside its pinyin: the name itself and, for a
    name with the middle dot, the name without it ("阿依古丽·买买提" is also found by
    "阿依古丽买买提", as many clerks type it). Migration 0013 adds the same keys to existing rows."""
    keys = {name}
    if MIDDLE_DOT in name:
        keys.add(name.replace(MIDDLE_DOT, ""))
    return {k for k in keys if k}


class Registration(IntakeBase):
    """Writing a validated draft and its search keys."""

    def _create(self, s: Session, draft: ApplicationDraft, clean: CleanDraft, clerk: Staff,
                now: datetime) -> tuple[Application, Calculation | None]:
        if s.get(Village, draft.village_id) is None:
            raise ValidationErrors([ValidationError("village", "unknown", key="intake.village_unknown")])
        app = Application(
            status="draft", intake_date=draft.intake_date or now.date(),
            village_id=draft.village_id, source=draft.source, urgent=draft.urgent,
            hardship_reason=values.validate_text(draft.hardship_reason, "hardship_reason", 500),
            housing_area_m2=clean.numbers["housing_area"], house_rating=draft.house_rating,
            vehicles=clean.numbers["vehicles"], deposits_fen=clean.numbers["deposits"],
            houses=clean.numbers.get("houses"),
            business=values.validate_text(draft.business, "business", 200),
            medical_spending_fen=clean.numbers["medical_spending"],
            education_spending_fen=clean.numbers["education_spending"],
            medical_reimbursed_fen=clean.numbers["medical_reimbursed"],
            residence_kind=clean.residence[0], residence_address=clean.residence[1],
            residence_permit_no=clean.residence[2],
            monthly_income_fen=clean.monthly_total,
            per_capita_income_fen=values.per_capita_monthly(clean.monthly_total, len(clean.members)),
            supporters_able=supporters_able(draft, clean.related),
            hardship_cause=draft.hardship_cause,
            staff_relative=bool(draft.staff_relative),
            staff_relative_note=(values.validate_text(draft.staff_relative_note,
                                                      "staff_relative_note", 200)
                                 if draft.staff_relative else ""),
            created_by_id=clerk.id,
        )
        for pos, (m, info) in enumerate(clean.members):
            app.members.append(self._member(pos, m, info))
        for pos, p in enumerate(clean.related):
            app.related.append(self._related(pos, p))
        for code, fen in clean.incomes.items():
            app.incomes.append(Income(category=code, monthly_fen=fen))
        for pos, it in enumerate(clean.items):
            item = self.ctx.catalog.item(it.item_code)
            req = RequestedItem(position=pos, item_code=item.code, handler_code=item.handler,
                                limit_days=item.limit_days, status=ItemStatus.REQUESTED)
            for mpos, mat in enumerate(item.materials):
                req.materials.append(Material(position=mpos, code=mat.code, name=mat.name,
                                              status=material_status(it, mat)))
            app.items.append(req)
        calc = self._calculate(s, app)
        s.add(app)
        s.flush()
        record_event(s, "application.create", actor_id=clerk.id, application_id=app.id,
                     items=[i.item_code for i in clean.items], urgent=draft.urgent,
                     **({"staff_relative": True} if draft.staff_relative else {}))
        self._index(s, app)
        return app, calc

    def _rules_on(self, s: Session, day: date) -> tuple[Standards, Policy] | None:
        """The standards and ``eligibility`` entries in force on ``day``; None when no
        standards are in force. The settings are read once per transaction."""
        cache = s.info.setdefault("intake_rules", {})
        if day not in cache:
            try:
                cache[day] = (standards_on(self.ctx.get_setting(s, "standards"), day),
                              policy_on(self.ctx.get_setting(s, "eligibility"), day))
            except ValidationError:
                cache[day] = None
        found: tuple[Standards, Policy] | None = cache[day]
        return found

    def _calculate(self, s: Session, app: Application) -> Calculation | None:
        """Evaluate the new ``app`` with the rules in force on its intake day and store
        the income calculation (counted members, excluded income, deduction, net, net
        per capita, 补差, the entries used, each line counted or not). Left NULL when
        no standards are in force (the assessment log is skipped then too)."""
        from ..assessment import AssessmentService, village_code_of

        rules = self._rules_on(s, app.intake_date)
        if rules is None:
            return None
        st, policy = rules
        facts = AssessmentService.facts_from_application(app, village_code_of(s, app.village_id))
        result = evaluate(facts, st, app.intake_date, policy)
        f = result.figures
        app.counted_members = f.members
        app.excluded_income_fen = f.excluded_fen
        app.deduction_fen = f.deduction_fen
        app.net_income_fen = f.net_fen
        app.net_per_capita_fen = f.per_capita_fen
        # One gross per-capita figure everywhere (panel, 核算表, detail, county): over
        # the counted members (民发〔2021〕57号 共同生活的家庭成员), like the net one.
        app.per_capita_income_fen = f.gross_per_capita_fen
        # A 补差 is proposed only where 低保 could be: net income below the standard AND
        # property within the local limits ("且财产符合相关规定", every seed).
        below = f.net_fen < f.standard_fen * f.members
        app.topup_fen = f.topup_fen if below and result.property.ok else None
        app.standards_from = st.effective_from
        app.eligibility_from = policy.effective_from
        excluded = {c for c, _fen in f.excluded}
        for line in app.incomes:
            line.counted = line.category not in excluded
        return Calculation(st, policy, result)

    def _record_assessment(self, s: Session, app: Application, clerk: Staff,
                           calc: Calculation | None) -> None:
        """Log the needs assessment as the clerk saw it: each suggestion with its reason,
        which suggested items were requested (adopted) and which were not (dismissed).
        Skipped when no standards are in force on the intake date."""
        if calc is None:
            return
        st, policy = calc.standards, calc.policy
        suggestions = calc.assessment.suggestions
        requested = [r.item_code for r in app.items]
        suggested = list(dict.fromkeys(x.item_code for x in suggestions))
        record_event(s, "application.assessment", actor_id=clerk.id, application_id=app.id,
                     standards_from=st.effective_from.isoformat(),
                     eligibility_from=policy.effective_from.isoformat(),
                     suggestions=[{"item": x.item_code, "rule": x.rule_id, "reason": x.reason}
                                  for x in suggestions],
                     adopted=[c for c in suggested if c in requested],
                     dismissed=[c for c in suggested if c not in requested])

    @staticmethod
    def _related(pos: int, c: CleanPerson) -> RelatedPerson:
        p = c.person
        return RelatedPerson(
            position=pos, name=c.name, name_typed=values.typed_name(p.name, c.name),
            relation=p.relation, id_type=p.id_type,
            id_number=c.info.normalized if c.info else "",
            no_id_reason=values.validate_text(p.no_id_reason, "no_id_reason", 100),
            phone=c.phone, address=c.address, supporter=p.supporter, guardian=p.guardian,
            household_size=c.household_size, monthly_income_fen=c.monthly_income_fen,
            able=p.able, unable_reason=p.unable_reason if p.able is False else "", note=c.note,
        )

    @staticmethod
    def _member(pos: int, m: MemberInput, info: identity.IdInfo | None) -> HouseholdMember:
        # Stored canonical (DESIGN §9): the name as validated, the typed original beside it
        # when it differs; the phone as normalised ("138 0013 8000" → "13800138000").
        name = values.validate_name(m.name, "name")
        return HouseholdMember(
            position=pos, relation="本人" if pos == 0 else m.relation, name=name,
            name_typed=values.typed_name(m.name, name),
            id_type=m.id_type, id_number=info.normalized if info else "",
            no_id_reason=values.validate_text(m.no_id_reason, "no_id_reason", 100),
            sex=(info.sex or "") if info else "",
            birth_date=info.birth_date if info else None,
            phone=values.validate_phone(m.phone, "phone"),
            hukou_type=m.hukou_type, hukou_address=values.validate_text(m.hukou_address, "hukou_address", 200),
            education=m.education, marital=m.marital, health=m.health,
            disability_category=m.disability_category,
            disability_grade=m.disability_grade if m.disability_category else None,
            employment=m.employment, self_care=m.self_care,
            counted=True if pos == 0 else m.counted,
            counted_reason=(m.counted_reason or "applicant") if pos == 0 else m.counted_reason,
            guardian=m.guardian if pos else False,
        )

    @staticmethod
    def _index(s: Session, app: Application) -> None:
        keys: set[str] = set()
        for m in app.members:
            keys.update(name_keys(m.name))
            keys.update(pinyin.search_keys(m.name))
            full = pinyin.full(m.name)
            if full:
                keys.add(full)
            if m.id_number:
                s.execute(text("INSERT INTO id_fts(rowid, id_number) VALUES (:r, :n)"),
                          {"r": m.id, "n": m.id_number})
        s.add_all(SearchKey(key=k, application_id=app.id) for k in keys if k)
