"""What the window types before anything is saved: the application draft and its parts.

Both the intake use case (which validates and saves a draft) and the needs assessment
(which suggests items for a draft being edited) read these, so they live apart from
either service (no import cycle between them).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from ..rules import identity


@dataclass
class MemberInput:
    name: str = ""
    relation: str = "本人"
    id_type: str = identity.IdType.RESIDENT_ID.name
    id_number: str = ""
    no_id_reason: str = ""
    phone: str = ""
    hukou_type: str = "农村"
    hukou_address: str = ""
    education: str = ""
    marital: str = ""
    health: str = "健康"
    disability_category: str = ""
    disability_grade: int | None = None
    employment: str = ""
    self_care: str = ""


@dataclass
class ItemInput:
    item_code: str
    materials: dict[str, str] = field(default_factory=dict)  # material code -> status


@dataclass
class ApplicationDraft:
    applicant: MemberInput
    members: list[MemberInput] = field(default_factory=list)  # everyone but the applicant
    village_id: int | None = None
    incomes: dict[str, str] = field(default_factory=dict)  # category -> yuan per month (text)
    housing_area: str = ""
    house_rating: str = ""
    vehicles: str = ""
    deposits: str = ""
    business: str = ""
    medical_spending: str = ""
    education_spending: str = ""
    items: list[ItemInput] = field(default_factory=list)
    urgent: bool = False
    source: str = "walk_in"
    hardship_reason: str = ""
    intake_date: date | None = None
    # Can a legal supporter (赡养/抚养/扶养义务人) support the household? None = not asked.
    supporters_able: bool | None = None
    # 求助原因 category (vocab.HARDSHIP_CAUSES), "" = not given.
    hardship_cause: str = ""
    # 经办人员或村（居）干部近亲属 (单独登记备案) and who they are related to.
    staff_relative: bool = False
    staff_relative_note: str = ""


__all__ = ["ApplicationDraft", "ItemInput", "MemberInput"]
