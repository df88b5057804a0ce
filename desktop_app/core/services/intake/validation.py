"""Validation of an application draft: every problem keyed by its field path, and the
rules a decision (受理 / 一次性告知 / 不予受理) must meet."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ParamSpec, TypeVar

from ... import vocab
from ...errors import ValidationError, collect
from ...rules import identity, values
from ...rules.assessment import age_on
from ...vocab import Decision, MaterialStatus
from ..context import ServiceContext
from ..drafts import ApplicationDraft, ItemInput, MemberInput, PersonInput
from .base import CleanDraft, CleanPerson, IntakeBase, material_status

#: The longest reason for not accepting an application (characters).
REJECT_REASON_MAX_LEN = 500
#: Age of majority (民法典): a younger applicant needs a guardian (监护人) who signs.
ADULT_AGE = 18
#: A legal supporter's own household (persons).
HOUSEHOLD_SIZE_MAX = 30
#: The catalogue category of 临时救助 items — the only ones an applicant without a
#: local hukou or 居住证 may request where the emergency happened (急难发生地).
TEMPORARY_CATEGORY = "urgent"

_P = ParamSpec("_P")
_T = TypeVar("_T")


class DraftValidation(IntakeBase):
    """Field-by-field validation of a draft and the rules of a decision."""

    # -- validation --------------------------------------------------------------
    def validate(self, draft: ApplicationDraft) -> list[ValidationError]:
        errors, _ = self._validate(draft)
        return errors

    def _validate(self, draft: ApplicationDraft) -> tuple[list[ValidationError], CleanDraft]:  # noqa: C901 - field-by-field validation, one check per field
        errors: list[ValidationError] = []
        today = self.ctx.today()

        def check(fn: Callable[_P, _T], *args: _P.args, **kw: _P.kwargs) -> _T | None:
            return collect(errors, fn, *args, **kw)

        members: list[tuple[MemberInput, identity.IdInfo | None]] = []
        seen_ids: dict[str, str] = {}
        for idx, m in enumerate([draft.applicant, *draft.members]):
            prefix = "applicant" if idx == 0 else f"members.{idx}"
            check(values.validate_name, m.name, f"{prefix}.name")
            if idx > 0 and m.relation not in vocab.RELATIONS:
                errors.append(ValidationError(f"{prefix}.relation", "invalid",
                                              key="intake.relation_required"))
            info = self._check_id(m, prefix, today, errors)
            if info is not None and info.normalized:
                if info.normalized in seen_ids:
                    errors.append(ValidationError(
                        f"{prefix}.id_number", "duplicate", key="intake.duplicate_id",
                        params={"name": seen_ids[info.normalized]}))
                seen_ids[info.normalized] = m.name.strip()
            check(values.validate_phone, m.phone, f"{prefix}.phone", required=(idx == 0))
            check(values.validate_text, m.hukou_address, f"{prefix}.hukou_address", 200,
                  required=(idx == 0))
            check(values.validate_text, m.no_id_reason, f"{prefix}.no_id_reason", 100)
            for attr, allowed in (("hukou_type", vocab.HUKOU_TYPES), ("health", vocab.HEALTH),
                                  ("education", vocab.EDUCATION), ("marital", vocab.MARITAL),
                                  ("employment", vocab.EMPLOYMENT), ("self_care", vocab.SELF_CARE),
                                  ("disability_category", vocab.DISABILITY_CATEGORIES)):
                if getattr(m, attr) not in allowed:
                    errors.append(ValidationError(f"{prefix}.{attr}", "invalid",
                                                  key="intake.value_invalid"))
            if m.disability_category and m.disability_grade not in vocab.DISABILITY_GRADES:
                errors.append(ValidationError(f"{prefix}.disability_grade", "required",
                                              key="intake.disability_grade_required"))
            errors += self._counted_errors(m, prefix, applicant=(idx == 0))
            members.append((m, info))

        incomes: dict[str, int] = {}
        for code, raw in draft.incomes.items():
            if code not in vocab.INCOME_LABELS:
                errors.append(ValidationError(f"income.{code}", "invalid", key="intake.income_unknown"))
                continue
            fen = check(values.parse_amount, raw, f"income.{code}", allow_empty=True)
            if fen:
                incomes[code] = fen

        related = [self._check_person(p, idx, today, errors, seen_ids)
                   for idx, p in enumerate(draft.related)]
        errors += self._guardian_errors(draft, members, related, draft.intake_date or today)

        numbers: dict[str, int] = {}
        for attr in ("deposits", "medical_spending", "education_spending", "medical_reimbursed"):
            fen = check(values.parse_amount, getattr(draft, attr), attr, allow_empty=True)
            numbers[attr] = fen or 0
        if numbers["medical_reimbursed"] > numbers["medical_spending"]:
            errors.append(ValidationError("medical_reimbursed", "too_large",
                                          key="intake.medical_reimbursed.over"))
        residence = self._residence(draft, errors)
        for attr, limit in (("housing_area", 100_000), ("vehicles", 100)):
            raw = getattr(draft, attr).strip()
            if not raw:
                numbers[attr] = 0
            elif not raw.isdigit() or not raw.isascii() or int(raw) > limit:
                errors.append(ValidationError(attr, "invalid", key="intake.number_between",
                                              params={"limit": limit}))
            else:
                numbers[attr] = int(raw)
        if draft.house_rating not in vocab.HOUSE_RATINGS:
            errors.append(ValidationError("house_rating", "invalid", key="intake.house_rating"))
        check(values.validate_text, draft.business, "business", 200)
        check(values.validate_text, draft.hardship_reason, "hardship_reason", 500)
        if draft.hardship_cause and draft.hardship_cause not in vocab.HARDSHIP_CAUSE_LABELS:
            errors.append(ValidationError("hardship_cause", "invalid",
                                          key="intake.hardship_cause_required"))
        if draft.staff_relative and not draft.staff_relative_note.strip():
            errors.append(ValidationError("staff_relative_note", "required",
                                          key="intake.staff_relative_note_required"))
        check(values.validate_text, draft.staff_relative_note, "staff_relative_note", 200)
        if draft.supporters_able not in (None, True, False):
            errors.append(ValidationError("supporters_able", "invalid",
                                          key="intake.supporters_able_required"))
        if draft.source not in vocab.SOURCE_LABELS:
            errors.append(ValidationError("source", "invalid", key="intake.source_required"))
        if draft.village_id is None:
            errors.append(ValidationError("village", "required", key="intake.village_required"))

        if not draft.items:
            errors.append(ValidationError("items", "required", key="intake.items_required"))
        seen_items: set[str] = set()
        for it in draft.items:
            try:
                item = self.ctx.catalog.item(it.item_code)
            except KeyError:
                errors.append(ValidationError("items", "unknown", key="intake.item_unknown",
                                              params={"code": it.item_code}))
                continue
            if it.item_code in seen_items:
                errors.append(ValidationError("items", "duplicate", key="intake.item_duplicate",
                                              params={"name": item.name}))
            seen_items.add(it.item_code)
            if residence[0] == "incident" and item.category != TEMPORARY_CATEGORY:
                errors.append(ValidationError("items", "not_temporary",
                                              key="intake.residence.incident_item",
                                              params={"name": item.name}))
            for mat in item.materials:
                status = material_status(it, mat)
                if status not in vocab.MATERIAL_LABELS:
                    errors.append(ValidationError(f"materials.{it.item_code}.{mat.code}", "invalid",
                                                  key="intake.material.status_invalid"))
                elif status == MaterialStatus.COMMITTED and not mat.commitment_allowed:
                    errors.append(ValidationError(f"materials.{it.item_code}.{mat.code}", "no_commitment",
                                                  key="intake.material.no_commitment",
                                                  params={"name": mat.name}))
                elif status == MaterialStatus.NA and mat.required:
                    errors.append(ValidationError(f"materials.{it.item_code}.{mat.code}", "required",
                                                  key="intake.material.required",
                                                  params={"name": mat.name}))
                elif status == MaterialStatus.SHARED and not mat.data_shared:
                    errors.append(ValidationError(f"materials.{it.item_code}.{mat.code}", "not_shared",
                                                  key="intake.material.not_shared",
                                                  params={"name": mat.name}))

        total = sum(incomes.values())
        return errors, CleanDraft(members, incomes, total, numbers, list(draft.items),
                                  [p for p in related if p is not None], residence)

    # -- household economics (issue 12) --------------------------------------------
    @staticmethod
    def _counted_errors(m: MemberInput, prefix: str, *, applicant: bool) -> list[ValidationError]:
        """Counted in the household (民发〔2021〕57号) and the reason agree; a member not
        counted says why; the applicant is always counted."""
        if m.counted not in (True, False):
            return [ValidationError(f"{prefix}.counted", "invalid", key="intake.value_invalid")]
        if applicant and not m.counted:
            return [ValidationError(f"{prefix}.counted", "applicant",
                                    key="intake.counted.applicant")]
        reason = m.counted_reason
        if reason and reason not in vocab.COUNTED_REASON_LABELS:
            return [ValidationError(f"{prefix}.counted_reason", "invalid", key="intake.value_invalid")]
        if reason == "applicant" and not applicant:
            return [ValidationError(f"{prefix}.counted_reason", "applicant_only",
                                    key="intake.counted.applicant_only")]
        if reason and vocab.COUNTED_REASON_COUNTS[reason] != m.counted:
            return [ValidationError(f"{prefix}.counted_reason", "mismatch",
                                    key="intake.counted.reason_mismatch")]
        if not m.counted and not reason:
            return [ValidationError(f"{prefix}.counted_reason", "required",
                                    key="intake.counted.reason_required")]
        return []

    def _check_person(self, p: PersonInput, idx: int, today: date, errors: list[ValidationError],
                      seen_ids: dict[str, str]) -> CleanPerson | None:
        """One legal supporter / outside guardian (``related.N.*``); None when invalid."""
        prefix = f"related.{idx}"
        before = len(errors)

        def check(fn: Callable[_P, _T], *args: _P.args, **kw: _P.kwargs) -> _T | None:
            return collect(errors, fn, *args, **kw)

        name = check(values.validate_name, p.name, f"{prefix}.name")
        if p.relation not in vocab.SUPPORTER_RELATIONS:
            errors.append(ValidationError(f"{prefix}.relation", "invalid",
                                          key="intake.relation_required"))
        info = self._check_id(p, prefix, today, errors)
        if info is not None and info.normalized:
            if info.normalized in seen_ids:
                errors.append(ValidationError(
                    f"{prefix}.id_number", "duplicate", key="intake.related.duplicate_id",
                    params={"name": seen_ids[info.normalized]}))
            seen_ids[info.normalized] = p.name.strip()
        phone = check(values.validate_phone, p.phone, f"{prefix}.phone")
        address = check(values.validate_text, p.address, f"{prefix}.address", 200)
        note = check(values.validate_text, p.note, f"{prefix}.note", 200)
        if p.supporter not in (True, False) or p.guardian not in (True, False):
            errors.append(ValidationError(f"{prefix}.supporter", "invalid", key="intake.value_invalid"))
        elif not (p.supporter or p.guardian):
            errors.append(ValidationError(f"{prefix}.supporter", "required",
                                          key="intake.related.role_required"))
        size_text = p.household_size.strip()
        size: int | None = None
        if size_text:
            if size_text.isascii() and size_text.isdigit() and 1 <= int(size_text) <= HOUSEHOLD_SIZE_MAX:
                size = int(size_text)
            else:
                errors.append(ValidationError(f"{prefix}.household_size", "invalid",
                                              key="intake.related.household_size",
                                              params={"max": HOUSEHOLD_SIZE_MAX}))
        income: int | None = None
        if p.monthly_income.strip():
            income = check(values.parse_amount, p.monthly_income, f"{prefix}.monthly_income")
        if p.able not in (None, True, False):
            errors.append(ValidationError(f"{prefix}.able", "invalid", key="intake.related.able_invalid"))
        elif p.unable_reason not in vocab.UNABLE_REASON_LABELS:
            errors.append(ValidationError(f"{prefix}.unable_reason", "invalid",
                                          key="intake.value_invalid"))
        elif p.able is False and not p.unable_reason:
            errors.append(ValidationError(f"{prefix}.unable_reason", "required",
                                          key="intake.related.unable_reason_required"))
        elif p.able is not False and p.unable_reason:
            errors.append(ValidationError(f"{prefix}.unable_reason", "unexpected",
                                          key="intake.related.unable_reason_unexpected"))
        if len(errors) > before or name is None:
            return None
        return CleanPerson(p, info, name, phone or "", address or "", size, income, note or "")

    @staticmethod
    def _guardian_errors(draft: ApplicationDraft,
                         members: list[tuple[MemberInput, identity.IdInfo | None]],
                         related: list[CleanPerson | None], day: date) -> list[ValidationError]:
        """A minor applicant has exactly one guardian (an adult member or a person
        outside the household) who signs for them; nobody is a guardian otherwise.
        An applicant without a birth date (no ID) may have one, need not."""
        errors: list[ValidationError] = []
        applicant_age = age_on(members[0][1].birth_date if members[0][1] else None, day)
        minor = applicant_age is not None and applicant_age < ADULT_AGE
        guardians: list[str] = []
        people: list[tuple[str, bool, identity.IdInfo | None]] = [
            (f"members.{idx}", m.guardian, info) for idx, (m, info) in enumerate(members)]
        people[0] = ("applicant", draft.applicant.guardian, members[0][1])
        for idx, (p, clean) in enumerate(zip(draft.related, related, strict=True)):
            people.append((f"related.{idx}", p.guardian, clean.info if clean else None))
        for prefix, guardian, info in people:
            if guardian is not True:
                continue
            field = f"{prefix}.guardian"
            age = age_on(info.birth_date if info else None, day)
            if prefix == "applicant":
                errors.append(ValidationError(field, "self", key="intake.guardian.self"))
            elif applicant_age is not None and not minor:
                errors.append(ValidationError(field, "not_minor", key="intake.guardian.not_minor",
                                              params={"age": ADULT_AGE}))
            elif age is not None and age < ADULT_AGE:
                errors.append(ValidationError(field, "minor", key="intake.guardian.minor",
                                              params={"age": ADULT_AGE}))
            else:
                guardians.append(prefix)
        if minor and not guardians and not errors:
            errors.append(ValidationError("guardian", "required", key="intake.guardian.required",
                                          params={"age": ADULT_AGE}))
        elif minor and len(guardians) > 1:
            errors.append(ValidationError("guardian", "too_many", key="intake.guardian.too_many",
                                          params={"count": len(guardians)}))
        return errors

    @staticmethod
    def _residence(draft: ApplicationDraft, errors: list[ValidationError]) -> tuple[str, str, str]:
        """Where the applicant applies: (kind, current address, 居住证 number) as stored."""
        kind = draft.residence_kind
        if kind not in vocab.RESIDENCE_LABELS:
            errors.append(ValidationError("residence_kind", "invalid",
                                          key="intake.residence.kind_required"))
            return ("hukou", "", "")
        address = collect(errors, values.validate_text, draft.residence_address,
                          "residence_address", 200)
        if kind != "hukou" and address == "":
            errors.append(ValidationError("residence_address", "required",
                                          key="intake.residence.address_required"))
        permit = ""
        if kind == "permit":
            raw = collect(errors, values.plain_text, draft.residence_permit_no, "residence_permit_no")
            if raw is not None and not raw:
                errors.append(ValidationError("residence_permit_no", "required",
                                              key="intake.residence.permit_required"))
            elif raw is not None and len(raw) > 40:
                errors.append(ValidationError("residence_permit_no", "too_long", key="text.too_long",
                                              params={"max": 40, "length": len(raw)}))
            permit = raw or ""
        return (kind, address or "", permit)

    @staticmethod
    def _check_id(m: MemberInput | PersonInput, prefix: str, today: date,
                  errors: list[ValidationError]) -> identity.IdInfo | None:
        try:
            id_type = identity.IdType[m.id_type]
        except KeyError:
            errors.append(ValidationError(f"{prefix}.id_type", "invalid",
                                          key="intake.id_type_required"))
            return None
        try:
            return identity.validate_id(id_type, m.id_number, today,
                                        reason=m.no_id_reason if id_type is identity.IdType.NONE else None)
        except ValidationError as exc:
            where = "no_id_reason" if exc.field == identity.REASON_FIELD else "id_number"
            errors.append(exc.with_field(f"{prefix}.{where}"))
            return None

    @staticmethod
    def missing_materials(ctx: ServiceContext, items: list[ItemInput]) -> list[tuple[str, str]]:
        """Every (item name, material name) not received, committed or data-shared."""
        out = []
        for it in items:
            item = ctx.catalog.item(it.item_code)
            for mat in item.materials:
                if material_status(it, mat) == MaterialStatus.MISSING:
                    out.append((item.name, mat.name))
        return out

    def _decision_errors(self, decision: str, items: list[ItemInput], urgent: bool,
                         reasons: list[str]) -> list[ValidationError]:
        if decision not in vocab.DECISIONS:
            return [ValidationError("decision", "invalid", key="intake.decision.unknown")]
        missing = self.missing_materials(self.ctx, items) if items else []
        if decision == Decision.ACCEPT and missing and not urgent:
            names = "、".join(m for _, m in missing[:5])
            return [ValidationError("materials", "incomplete",
                                    key="intake.decision.materials_missing",
                                    params={"names": names})]
        if decision == Decision.NOTICE and not missing:
            return [ValidationError("materials", "complete", key="intake.decision.materials_complete")]
        if decision == Decision.REJECT:
            if not reasons:
                return [ValidationError("reject_reasons", "required",
                                    key="intake.decision.reasons_required")]
            for reason in reasons:      # the sync contract's text rule (issue 11)
                try:
                    values.plain_text(reason, "reject_reasons")
                except ValidationError as exc:
                    return [exc]
            if any(len(r) > REJECT_REASON_MAX_LEN for r in reasons):
                return [ValidationError("reject_reasons", "too_long",
                                        key="intake.decision.reason_too_long",
                                        params={"max": REJECT_REASON_MAX_LEN})]
        return []
