"""Households for the eligibility rule tests (tests/core/test_eligibility_*.py).

Sources cited by the tests: the seeds in ../shared/seeds (000 national 十四五 plan
excerpt, 001 汉中 30条措施, 002 铜仁 十三五 规划, 004 重庆 十四五 规划) and the national
documents 民发〔2021〕57号 (最低生活保障审核确认办法), 民发〔2021〕43号 (特困人员认定办法),
民发〔2019〕62号 (事实无人抚养儿童保障).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from desktop_app.core.rules.assessment import HouseholdFacts, MemberFacts
from desktop_app.core.rules.eligibility import Policy
from desktop_app.core.rules.standards import Standards

DAY = date(2026, 11, 24)
ST = Standards(effective_from=date(2025, 1, 1), urban_dibao_fen=80000, rural_dibao_fen=60000,
               edge_percent=150, tekun_percent=130, rigid_share_percent=80,
               urban_disposable_income_fen=4200000, rural_disposable_income_fen=1800000,
               employment_deduction_percent=30)
POLICY = Policy(effective_from=date(2021, 1, 1))


def policy(**kw) -> Policy:
    return replace(POLICY, **kw)


def born(age: int, *, days_before_birthday: int = 0) -> date:
    """A birth date giving ``age`` full years on DAY (or turning age+1 in N days)."""
    b = date(DAY.year - age, DAY.month, DAY.day)
    if days_before_birthday:
        b = date(DAY.year - age - 1, DAY.month, DAY.day + days_before_birthday)
    return b


def person(name: str, relation: str, age: int | None, **kw) -> MemberFacts:
    return MemberFacts(name=name, relation=relation,
                       birth_date=born(age) if age is not None else None, **kw)


def adult(name="张三", relation="本人", **kw) -> MemberFacts:
    kw.setdefault("birth_date", born(45))
    return MemberFacts(name=name, relation=relation, **kw)


def hh(per_capita_yuan: float | None = None, n: int = 2, hukou: str = "农村", members=None,
       incomes=None, **kw) -> HouseholdFacts:
    """``n`` adults of 45 with ``per_capita_yuan`` a head as counted pension, unless
    ``members`` / ``incomes`` are given."""
    if members is None:
        members = [adult("张三", hukou_type=hukou)] + [
            adult(f"成员{i}", "配偶" if i == 1 else "其他", hukou_type=hukou) for i in range(1, n)]
    if incomes is None:
        incomes = {"pension": round((per_capita_yuan or 0) * 100 * len(members))}
    return HouseholdFacts(members=tuple(members), incomes_fen=incomes, **kw)


def by_rule(suggestions, rule):
    found = [s for s in suggestions if s.rule_id == rule]
    return found[0] if found else None
