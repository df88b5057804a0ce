"""Validation of the household-economics parts of a draft (issue 12): members counted
in the household, legal supporters and an outside guardian (``related.N.*``), the
minor applicant's one guardian, where the applicant applies — and the ID check the
members and the related persons share."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import ParamSpec, TypeVar

from ... import vocab
from ...errors import ValidationError, collect
from ...rules import identity, values
from ...rules.assessment import age_on
from ..drafts import ApplicationDraft, MemberInput, PersonInput
from .base import CleanPerson, IntakeBase

#: Age of majority (民法典): a younger applicant needs a guardian (监护人) who signs.
ADULT_AGE = 18
#: A legal supporter's own household (persons).
HOUSEHOLD_SIZE_MAX = 30
#: The catalogue category of 临时救助 items — the only ones an applicant without a
#: local hukou or 居住证 may request where the emergency happened (急难发生地).
TEMPORARY_CATEGORY = "urgent"

_P = ParamSpec("_P")
_T = TypeVar("_T")


class HouseholdValidation(IntakeBase):
    """The household checks :class:`~.validation.DraftValidation` runs."""

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
        check(values.validate_text, p.no_id_reason, f"{prefix}.no_id_reason", 100)
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
