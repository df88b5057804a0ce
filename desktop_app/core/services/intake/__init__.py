"""受理登记: validate an application draft and record the window's decision.

The GUI passes raw field text; validation happens here and returns every problem
keyed by a field path ("applicant.id_number", "members.1.name", "income.wage",
"items"), so the screen can show each message next to its field. Nothing is written
unless the whole draft is valid.

The service is composed of one part per responsibility:

* :mod:`.validation` — the draft's fields and a decision's rules;
* :mod:`.household` — its household-economics parts: counted members, legal supporters
  and guardians, where the applicant applies (issue 12);
* :mod:`.duplicates` — warnings before deciding (duplicates, conflicts of interest);
* :mod:`.registration` — writing the application, its household and search keys;
* :mod:`.decision` — the decision, its number and documents (and bulk recording);
* :mod:`.supplements` — 补正 after a one-time notice;
* :mod:`.preview` — the applicant's document of a decision before it is made (issue 14);
* :mod:`.withdrawal` — 撤回 and 作废.

:class:`IntakeService` (``services.intake``) joins them; the inputs and results are
importable from here as before.
"""

from __future__ import annotations

from ..drafts import ApplicationDraft, ItemInput, MemberInput  # the inputs, importable from here as before
from .base import IntakeBase, material_status, referral_departments
from .decision import DecisionResult
from .duplicates import IntakeWarning, IntakeWarnings
from .preview import DecisionPreviews
from .supplements import Supplements
from .withdrawal import Withdrawals


class IntakeService(Supplements, DecisionPreviews, IntakeWarnings, Withdrawals, IntakeBase):
    """受理登记: validate, warn, record and decide; supplements, withdrawals and voids."""


__all__ = [
    "ApplicationDraft", "DecisionResult", "IntakeService", "IntakeWarning", "ItemInput",
    "MemberInput", "material_status", "referral_departments",
]
