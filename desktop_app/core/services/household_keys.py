"""The household key (issue 16): the applicant's ID number, or ``app:<id>`` for an
applicant without one — and the applications of a key. Other parts import
:func:`household_key` from ``services.households`` (re-exported there)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Application, HouseholdMember

#: The prefix of the key of a household whose applicant has no ID number.
APP_KEY_PREFIX = "app:"


def household_key(applicant_id_number: str, application_id: int) -> str:
    """The household key: the applicant's ID number, or ``app:<id>`` without one."""
    return applicant_id_number if applicant_id_number else f"{APP_KEY_PREFIX}{application_id}"


def application_ids(s: Session, key: str) -> list[int]:
    """The applications of household ``key``, oldest first (ids ascending)."""
    if key.startswith(APP_KEY_PREFIX):
        try:
            app_id = int(key[len(APP_KEY_PREFIX):])
        except ValueError:
            return []
        return [app_id] if s.get(Application, app_id) is not None else []
    return sorted(s.scalars(select(HouseholdMember.application_id).where(
        HouseholdMember.id_number == key, HouseholdMember.position == 0)))
