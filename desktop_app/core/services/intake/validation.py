"""Validation of an application draft: every problem keyed by its field path, and the
rules a decision (受理 / 一次性告知 / 不予受理) must meet."""

from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec, TypeVar

from ... import vocab
from ...errors import ValidationError, collect
from ...models import Application
from ...rules import dependents as dependent_rules
from ...rules import identity, values
from ...vocab import Decision, MaterialStatus
from ..context import ServiceContext
from ..drafts import ApplicationDraft, ItemInput, MemberInput
from ..handling.dependents import household_pending
from ..handling.task_materials import awaiting_error
from .base import CleanDraft, material_status
from .household import TEMPORARY_CATEGORY, HouseholdValidation

#: The longest reason for not accepting an application (characters).
REJECT_REASON_MAX_LEN = 500

_P = ParamSpec("_P")
_T = TypeVar("_T")


class DraftValidation(HouseholdValidation):
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
        for attr, limit in (("housing_area", 100_000), ("vehicles", 100), ("houses", 100)):
            raw = getattr(draft, attr).strip()
            if not raw:
                if attr != "houses":       # houses left blank: not recorded (None)
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
        if draft.source not in vocab.SOURCE_LABELS or draft.source == vocab.IMPORT_SOURCE:
            errors.append(ValidationError("source", "invalid", key="intake.source_required"))
        if draft.village_id is None:
            errors.append(ValidationError("village", "required", key="intake.village_required"))

        if not draft.items:
            errors.append(ValidationError("items", "required", key="intake.items_required"))
        seen_items: set[str] = set()
        draft_codes = [it.item_code for it in draft.items]
        pending: list[str] | None = None   # read once, only when a material is 待认定
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
                elif status == MaterialStatus.AWAITING:
                    if pending is None:
                        pending = self.pending_status_items(draft.applicant.id_number)
                    if dependent_rules.awaitable_for(mat, draft_codes, pending) is None:
                        errors.append(awaiting_error(self.ctx.catalog,
                                                     f"materials.{it.item_code}.{mat.code}", mat))

        total = sum(incomes.values())
        return errors, CleanDraft(members, incomes, total, numbers, list(draft.items),
                                  [p for p in related if p is not None], residence)

    def pending_status_items(self, id_number: str, *, exclude_application_id: int | None = None
                             ) -> list[str]:
        """Items still pending for the applicant with ``id_number`` in open applications
        (requested awaiting 补正, or an open task): a material proving one of them may be
        marked 待低保认定 (``rules/dependents.py``). The screen asks it as the ID is typed."""
        number = identity.normalize_number(id_number or "")
        if not number:
            return []
        with self.ctx.db.read() as s:
            return household_pending(s, number, exclude_application_id=exclude_application_id)

    def pending_for_application(self, application_id: int) -> list[str]:
        """:meth:`pending_status_items` for the applicant of ``application_id``, in the
        other open applications (the 补正 dialog)."""
        with self.ctx.db.read() as s:
            app = s.get(Application, application_id)
            if app is None:
                return []
            return household_pending(s, app.applicant.id_number,
                                     exclude_application_id=application_id)

    @staticmethod
    def missing_materials(ctx: ServiceContext, items: list[ItemInput]) -> list[tuple[str, str]]:
        """Every (item name, material name) missing at 受理: not received, committed,
        data-shared or 待认定 — a material asked for at 审核确认 (catalogue ``"at":
        "decision"``, the bank account) is not missing yet."""
        out = []
        for it in items:
            item = ctx.catalog.item(it.item_code)
            for mat in item.materials:
                if dependent_rules.demanded_at_intake(mat, material_status(it, mat)):
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
