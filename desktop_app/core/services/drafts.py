"""What the window types before anything is saved: the application draft and its parts.

Both the intake use case (which validates and saves a draft) and the needs assessment
(which suggests items for a draft being edited) read these, so they live apart from
either service (no import cycle between them).
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields
from datetime import date
from typing import Any, TypeVar

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
    # Counted among the household's 共同生活的家庭成员 (民发〔2021〕57号), and why
    # (vocab.COUNTED_REASONS code; "" = not given). Only counted members enter the
    # per-capita income and the 补差; the applicant is always counted.
    counted: bool = True
    counted_reason: str = ""
    # This member is the minor applicant's guardian (监护人) and signs for them.
    guardian: bool = False


@dataclass
class PersonInput:
    """Someone outside the household the application records: a legal supporter
    (赡养/抚养/扶养义务人,民发〔2021〕57号 and 43号) and/or the guardian (监护人) of a
    minor applicant. Printed on the 申报表 and on the 核对授权书, where each signs."""

    name: str = ""
    relation: str = ""              # to the applicant: vocab.SUPPORTER_RELATIONS
    id_type: str = identity.IdType.RESIDENT_ID.name
    id_number: str = ""
    no_id_reason: str = ""
    phone: str = ""
    address: str = ""
    supporter: bool = True          # a legal supporter (义务人)
    guardian: bool = False          # the minor applicant's guardian
    household_size: str = ""        # the supporter's own household (persons), text
    monthly_income: str = ""        # the supporter's household income, yuan per month, text
    able: bool | None = None        # able to support? None = not checked yet
    unable_reason: str = ""         # vocab.UNABLE_REASONS code when ``able is False``
    note: str = ""


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
    houses: str = ""      # houses / flats owned; "" = not recorded
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
    # Legal supporters and an outside guardian (see PersonInput), in the order entered.
    related: list[PersonInput] = field(default_factory=list)
    # Where the applicant applies (vocab.RESIDENCE_KINDS) and the current address
    # (required unless "hukou"); 居住证 number when "permit".
    residence_kind: str = "hukou"
    residence_address: str = ""
    residence_permit_no: str = ""
    # Of ``medical_spending``: what medical insurance / commercial insurance repaid
    # (yuan, last 12 months). 刚性支出 is measured net of it.
    medical_reimbursed: str = ""
    # issue 15 — leads: the lead (主动发现) this draft was opened from; the decision links
    # the application to it (services/leads.py ``link_decided``). None = not from a lead.
    lead_id: int | None = None


# -- the draft as JSON (issue 14: autosaved drafts, ``intake_draft.state``) -------------------

DRAFT_FORMAT = 1
_T = TypeVar("_T")


def draft_to_json(draft: ApplicationDraft) -> str:
    """The form as canonical JSON (dates as ISO text); read back by :func:`draft_from_json`."""
    body = asdict(draft)
    body["intake_date"] = draft.intake_date.isoformat() if draft.intake_date else None
    return json.dumps({"format": DRAFT_FORMAT, "draft": body}, ensure_ascii=False,
                      sort_keys=True)


def _build(cls: type[_T], data: Any) -> _T:
    """``cls`` from a dict, keeping only the fields it knows (a draft saved by an older
    or newer version loses what this one does not have, never the rest)."""
    if not isinstance(data, dict):
        raise ValueError(f"{cls.__name__}: not an object")
    known = {f.name for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**{k: v for k, v in data.items() if k in known})


def draft_from_json(text: str) -> ApplicationDraft:
    """The :class:`ApplicationDraft` saved by :func:`draft_to_json`.

    :raises ValueError: not a draft (the row is unreadable; the caller discards it).
    """
    try:
        body = json.loads(text)["draft"]
        values = dict(body)
        values["applicant"] = _build(MemberInput, body.get("applicant") or {})
        values["members"] = [_build(MemberInput, m) for m in body.get("members") or []]
        values["related"] = [_build(PersonInput, p) for p in body.get("related") or []]
        values["items"] = [_build(ItemInput, i) for i in body.get("items") or []]
        raw_date = body.get("intake_date")
        values["intake_date"] = date.fromisoformat(raw_date) if raw_date else None
        return _build(ApplicationDraft, values)
    except (KeyError, TypeError, json.JSONDecodeError) as exc:
        raise ValueError("not a saved draft") from exc


def draft_counts(draft: ApplicationDraft) -> dict[str, int]:
    """What an audit event may say of a draft: counts only, never a value."""
    return {"member_count": len(draft.members), "related_count": len(draft.related),
            "item_count": len(draft.items)}


__all__ = ["ApplicationDraft", "ItemInput", "MemberInput", "PersonInput", "draft_counts",
           "draft_from_json", "draft_to_json"]
