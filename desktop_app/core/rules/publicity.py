"""What may never be publicised (公示) about an application — issue 12 point 6, read
by the 公示 step of the 审核确认 procedure (issue 13).

* A **minor applicant**: nothing of the application is publicised (DOMAIN §9: "公示
  never for minors, orphans, 事实无人抚养儿童"; the minor's guardian applies and signs
  for them).
* An item whose catalogue rule is ``publicity: "forbidden"`` (孤儿、事实无人抚养儿童
  基本生活费 — 民发〔2019〕62号 protects these children's privacy) is never publicised,
  whoever applies.
* **Minor members** of an adult applicant's household are never named on a 公示 list
  (the household size may be given; their names are withheld).

Pure; the adult age is the ``eligibility`` setting's ``adult_age`` (default 18).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from .assessment import age_on


@dataclass(frozen=True)
class PersonFacts:
    name: str
    relation: str
    birth_date: date | None


@dataclass(frozen=True)
class PublicityLimits:
    withheld_items: tuple[str, ...]   # item codes never publicised
    omitted_names: tuple[str, ...]    # names never printed on a 公示 list
    reasons: tuple[str, ...]          # plain Chinese, one per limit

    @property
    def any(self) -> bool:
        return bool(self.withheld_items or self.omitted_names)

    def text(self) -> str:
        return "；".join(self.reasons)


def publicity_limits(members: Sequence[PersonFacts], day: date,
                     item_publicity: Mapping[str, str], adult_age: int = 18) -> PublicityLimits:
    """``members[0]`` is the applicant; ``item_publicity``: each requested item's code →
    its catalogue rule ("required" / "none" / "forbidden"), in request order."""
    reasons: list[str] = []
    withheld: list[str] = []
    omitted: list[str] = []
    applicant = members[0] if members else None
    applicant_age = age_on(applicant.birth_date, day) if applicant else None
    if applicant is not None and applicant_age is not None and applicant_age < adult_age:
        withheld = list(item_publicity)
        omitted = [m.name for m in members]
        reasons.append(f"申请人为未成年人（{applicant_age} 岁），本申请各事项均不予公示")
    else:
        forbidden = [code for code, rule in item_publicity.items() if rule == "forbidden"]
        if forbidden:
            withheld = forbidden
            reasons.append("孤儿、事实无人抚养儿童相关事项不予公示")
        for m in members[1:]:
            age = age_on(m.birth_date, day)
            if age is not None and age < adult_age:
                omitted.append(m.name)
        if omitted:
            reasons.append("公示时不列出未成年家庭成员姓名：" + "、".join(omitted))
    return PublicityLimits(tuple(withheld), tuple(omitted), tuple(reasons))


__all__ = ["PersonFacts", "PublicityLimits", "publicity_limits"]
