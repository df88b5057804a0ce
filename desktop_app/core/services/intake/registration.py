"""Writing a validated draft: the application, its household, incomes, requested items
and materials, the search index and the logged needs assessment."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import text
from sqlalchemy.orm import Session

from ...errors import ValidationError, ValidationErrors
from ...models import Application, HouseholdMember, Income, Material, RequestedItem, SearchKey, Staff, Village
from ...rules import identity, pinyin, values
from ...vocab import ItemStatus
from ..drafts import ApplicationDraft, MemberInput
from ..events import record_event
from .base import CleanDraft, IntakeBase, material_status


class Registration(IntakeBase):
    """Writing a validated draft and its search keys."""

    def _create(self, s: Session, draft: ApplicationDraft, clean: CleanDraft, clerk: Staff,
                now: datetime) -> Application:
        if s.get(Village, draft.village_id) is None:
            raise ValidationErrors([ValidationError("village", "unknown", key="intake.village_unknown")])
        app = Application(
            status="draft", intake_date=draft.intake_date or now.date(),
            village_id=draft.village_id, source=draft.source, urgent=draft.urgent,
            hardship_reason=values.validate_text(draft.hardship_reason, "hardship_reason", 500),
            housing_area_m2=clean.numbers["housing_area"], house_rating=draft.house_rating,
            vehicles=clean.numbers["vehicles"], deposits_fen=clean.numbers["deposits"],
            business=values.validate_text(draft.business, "business", 200),
            medical_spending_fen=clean.numbers["medical_spending"],
            education_spending_fen=clean.numbers["education_spending"],
            monthly_income_fen=clean.monthly_total,
            per_capita_income_fen=values.per_capita_monthly(clean.monthly_total, len(clean.members)),
            supporters_able=draft.supporters_able,
            hardship_cause=draft.hardship_cause,
            staff_relative=bool(draft.staff_relative),
            staff_relative_note=(values.validate_text(draft.staff_relative_note,
                                                      "staff_relative_note", 200)
                                 if draft.staff_relative else ""),
            created_by_id=clerk.id,
        )
        for pos, (m, info) in enumerate(clean.members):
            app.members.append(self._member(pos, m, info))
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
        s.add(app)
        s.flush()
        record_event(s, "application.create", actor_id=clerk.id, application_id=app.id,
                     items=[i.item_code for i in clean.items], urgent=draft.urgent,
                     **({"staff_relative": True} if draft.staff_relative else {}))
        self._index(s, app)
        return app

    def _record_assessment(self, s: Session, app: Application, clerk: Staff) -> None:
        """Log the needs assessment as the clerk saw it: each suggestion with its reason,
        which suggested items were requested (adopted) and which were not (dismissed).
        Skipped when no standards are in force on the intake date."""
        from ...rules.assessment import assess
        from ...rules.eligibility import policy_on
        from ...rules.standards import standards_on
        from ..assessment import AssessmentService, village_code_of

        try:
            st = standards_on(self.ctx.get_setting(s, "standards"), app.intake_date)
            policy = policy_on(self.ctx.get_setting(s, "eligibility"), app.intake_date)
        except ValidationError:
            return
        facts = AssessmentService.facts_from_application(app, village_code_of(s, app.village_id))
        suggestions = assess(facts, st, app.intake_date, policy)
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
    def _member(pos: int, m: MemberInput, info: identity.IdInfo | None) -> HouseholdMember:
        return HouseholdMember(
            position=pos, relation="本人" if pos == 0 else m.relation, name=values.plain_text(m.name, "name"),
            id_type=m.id_type, id_number=info.normalized if info else "",
            no_id_reason=values.validate_text(m.no_id_reason, "no_id_reason", 100),
            sex=(info.sex or "") if info else "",
            birth_date=info.birth_date if info else None, phone=m.phone.strip(),
            hukou_type=m.hukou_type, hukou_address=values.validate_text(m.hukou_address, "hukou_address", 200),
            education=m.education, marital=m.marital, health=m.health,
            disability_category=m.disability_category,
            disability_grade=m.disability_grade if m.disability_category else None,
            employment=m.employment, self_care=m.self_care,
        )

    @staticmethod
    def _index(s: Session, app: Application) -> None:
        keys: set[str] = set()
        for m in app.members:
            keys.add(m.name)
            keys.update(pinyin.search_keys(m.name))
            full = pinyin.full(m.name)
            if full:
                keys.add(full)
            if m.id_number:
                s.execute(text("INSERT INTO id_fts(rowid, id_number) VALUES (:r, :n)"),
                          {"r": m.id, "n": m.id_number})
        s.add_all(SearchKey(key=k, application_id=app.id) for k in keys if k)
