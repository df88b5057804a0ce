"""救助需求综合评估: suggest the items a household likely qualifies for (DOMAIN §4).

Suggest, never decide: :func:`assess` returns :class:`Suggestion` s, each with a
plain-Chinese reason that quotes the numbers it compared, for the clerk to adopt
or dismiss. Pure; the standards come in as :class:`~.standards.Standards` (those in
force on the application's intake date).

How the figures are computed (documented choices, kept simple):

* **Household standard**: the applicant's hukou type picks the urban (城镇) or rural
  (农村) 低保标准 and disposable income.
* **Income**: the sum of the monthly income categories, less the employment cost
  deduction: ``employment_deduction_percent`` of the 低保标准 for each member who
  works (在职、灵活就业、务农), at most the household's wage, business and farming
  income. Comparisons are exact in fen (``income < standard × members``); the
  per-capita figure printed is rounded to the fen.
* **Age** is full years on the assessment day; a member without a birth date is
  never treated as a child or an elderly person.
* **Severe disability** (单人户): grade 1–2 of any category, or grade 3 智力/精神.
* **No capacity to work** (特困): employment 无劳动能力, aged 60 or over, under 18
  (or 18 and over while 在校), or disability 一至三级智力/精神、一二级肢体、一级视力、
  一二级多重.
* **低收入 household**: one that any of the 低保 / 低保边缘 / 特困 / 刚性支出 rules
  suggests; education, medical (by spending) and 残疾人生活补贴 need it.
* **孤儿/事实无人抚养**: a member under 18 none of whose parents *in the household* can
  raise them (parents absent, or all 重病 / 无劳动能力 / severely disabled). Parents are
  read from the relations to the applicant: for 子/女 the applicant and 配偶; for
  孙子/孙女/外孙子女 the 子/女/儿媳/女婿; for the applicant and 兄弟/姐妹 the
  父亲/母亲. A 孙辈 minor whose parents are not in the household is suggested too:
  the window must check whether the parents are deceased, missing, in prison… .
* 特困 is only suggested when the clerk recorded that no legal supporter can
  support (``supporters_able is False``); unknown (``None``) suggests nothing.

One item may be suggested by more than one rule (e.g. ``DISABILITY`` for the living
and the care subsidy); :func:`suggested_items` gives the distinct codes in order.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from .standards import Standards
from .values import format_yuan

ELDERLY_AGE = 60
ADULT_AGE = 18
SCHOOL_AGES = (6, 18)  # inclusive: 6- to 18-year-olds 在校 → 教育救助
WORKING = ("在职", "灵活就业", "务农")
EARNED_INCOME = ("wage", "business", "farming")


@dataclass(frozen=True)
class MemberFacts:
    name: str
    birth_date: date | None = None
    relation: str = "本人"
    hukou_type: str = "农村"
    health: str = "健康"
    disability_category: str = ""
    disability_grade: int | None = None
    employment: str = ""


@dataclass(frozen=True)
class HouseholdFacts:
    """What the assessment reads; ``members[0]`` is the applicant."""

    members: tuple[MemberFacts, ...]
    incomes_fen: Mapping[str, int] = field(default_factory=dict)  # monthly, by category
    house_rating: str = ""
    medical_spending_fen: int = 0    # last 12 months
    education_spending_fen: int = 0  # last 12 months
    supporters_able: bool | None = None  # can a legal supporter (义务人) support them?


@dataclass(frozen=True)
class Suggestion:
    item_code: str
    reason: str
    rule_id: str


def yuan(fen: int) -> str:
    """``42000`` → ``"420"``, ``42050`` → ``"420.50"``, thousands separated."""
    return format_yuan(fen, drop_zero_cents=True)


def age_on(birth: date | None, day: date) -> int | None:
    if birth is None:
        return None
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def is_severely_disabled(m: MemberFacts) -> bool:
    g = m.disability_grade
    if not m.disability_category or g is None:
        return False
    return g <= 2 or (g == 3 and m.disability_category in ("智力", "精神"))


def _disability_text(m: MemberFacts) -> str:
    grades = {1: "一", 2: "二", 3: "三", 4: "四"}
    return f"{m.disability_category}{grades.get(m.disability_grade or 0, '')}级残疾"


def incapacity(m: MemberFacts, day: date) -> str | None:
    """Why ``m`` has no capacity to work (特困 sense), or None."""
    age = age_on(m.birth_date, day)
    g, cat = m.disability_grade, m.disability_category
    if cat and g is not None and (
            (cat in ("智力", "精神") and g <= 3) or (cat in ("肢体", "多重") and g <= 2)
            or (cat == "视力" and g == 1)):
        return _disability_text(m)
    if age is not None and age >= ELDERLY_AGE:
        return f"{age} 岁，为 {ELDERLY_AGE} 周岁以上老年人"
    if age is not None and age < ADULT_AGE:
        return f"{age} 岁，为未满 {ADULT_AGE} 周岁的未成年人"
    if age is not None and m.employment == "在校":
        return f"{age} 岁，年满 {ADULT_AGE} 周岁仍在校就读"
    if m.employment == "无劳动能力":
        return "无劳动能力"
    return None


@dataclass(frozen=True)
class IncomeFigures:
    members: int
    gross_fen: int
    deduction_fen: int
    net_fen: int
    standard_fen: int
    hukou_label: str

    @property
    def per_capita_fen(self) -> int:
        return (2 * self.net_fen + self.members) // (2 * self.members)  # half-up

    def text(self) -> str:
        t = f"人均月收入 {yuan(self.per_capita_fen)} 元"
        if self.deduction_fen:
            t += f"（已扣除就业成本 {yuan(self.deduction_fen)} 元）"
        return t


def income_figures(h: HouseholdFacts, st: Standards) -> IncomeFigures:
    hukou = h.members[0].hukou_type if h.members else "农村"
    standard = st.dibao_fen(hukou)
    gross = sum(int(v) for v in h.incomes_fen.values())
    earned = sum(int(h.incomes_fen.get(c, 0)) for c in EARNED_INCOME)
    workers = sum(1 for m in h.members if m.employment in WORKING)
    per_worker = standard * st.employment_deduction_percent // 100
    deduction = min(earned, workers * per_worker)
    return IncomeFigures(max(len(h.members), 1), gross, deduction, gross - deduction, standard,
                         "城市" if hukou == "城镇" else "农村")


def assess(h: HouseholdFacts, st: Standards, day: date) -> list[Suggestion]:  # noqa: C901 - one rule per item, in policy order
    """Every item ``h`` likely qualifies for on ``day`` under ``st``, with reasons."""
    if not h.members:
        return []
    out: list[Suggestion] = []
    f = income_figures(h, st)
    n, std = f.members, f.standard_fen
    edge_std = std * st.edge_percent // 100
    std_text = f"{f.hukou_label}低保标准 {yuan(std)} 元"
    below_std = f.net_fen < std * n
    below_edge = f.net_fen * 100 < std * st.edge_percent * n
    low_income = False

    # 低保
    if below_std:
        low_income = True
        out.append(Suggestion("DIBAO", f"{f.text()}，低于{std_text}", "dibao"))
    # 低保边缘 and 单人户
    elif below_edge:
        low_income = True
        out.append(Suggestion(
            "DIBAO_EDGE",
            f"{f.text()}，不低于{std_text}，但低于低保边缘标准 {yuan(edge_std)} 元"
            f"（低保标准的 {st.edge_percent / 100:g} 倍）", "dibao_edge"))
        single = [m for m in h.members if is_severely_disabled(m) or m.health == "重病"]
        if single:
            who = "、".join(f"{m.name}（{_disability_text(m) if is_severely_disabled(m) else '患重病'}）"
                           for m in single)
            out.append(Suggestion(
                "DIBAO", f"低保边缘家庭（{f.text()}，低于 {yuan(edge_std)} 元）中，{who}"
                         "可按单人户申请纳入低保", "dibao_single"))

    # 特困
    if below_std and h.supporters_able is False:
        unable = [(m, incapacity(m, day)) for m in h.members]
        unable = [(m, why) for m, why in unable if why]
        if unable:
            low_income = True
            who = "；".join(f"{m.name} {why}" for m, why in unable)
            out.append(Suggestion(
                "TEKUN",
                f"{who}；{f.text()}，低于{std_text}；无具备赡养、抚养、扶养能力的法定义务人。"
                f"基本生活标准不低于 {yuan(std * st.tekun_percent // 100)} 元/月"
                f"（低保标准的 {st.tekun_percent / 100:g} 倍）", "tekun"))

    # 刚性支出困难
    rigid = h.medical_spending_fen + h.education_spending_fen
    if not below_edge and rigid > 0:
        hukou = h.members[0].hukou_type
        disposable = st.disposable_income_fen(hukou)
        annual_total = f.net_fen * 12
        # per-capita annual income < disposable income, compared exactly: total < d × n
        if annual_total < disposable * n and rigid * 100 > annual_total * st.rigid_share_percent:
            low_income = True
            label = "城镇" if hukou == "城镇" else "农村"
            out.append(Suggestion(
                "RIGID",
                f"人均年收入 {yuan((2 * annual_total + n) // (2 * n))} 元，低于上年{label}居民人均"
                f"可支配收入 {yuan(disposable)} 元；近 12 个月刚性支出 {yuan(rigid)} 元"
                f"（医疗 {yuan(h.medical_spending_fen)} 元、教育 {yuan(h.education_spending_fen)} 元），"
                f"超过家庭年收入 {yuan(annual_total)} 元的 {st.rigid_share_percent}%", "rigid"))

    # 教育救助
    pupils = []
    for m in h.members:
        age = age_on(m.birth_date, day)
        if age is not None and SCHOOL_AGES[0] <= age <= SCHOOL_AGES[1] and m.employment == "在校":
            pupils.append(f"{m.name}（{age} 岁，在校）")
    if pupils and low_income:
        out.append(Suggestion("EDUCATION", f"低收入家庭中有在校学生：{'、'.join(pupils)}", "education"))

    # 医疗救助
    ill = [m.name for m in h.members if m.health == "重病"]
    if ill:
        text = f"{'、'.join(ill)} 患重病"
        if h.medical_spending_fen:
            text += f"，近 12 个月医疗支出 {yuan(h.medical_spending_fen)} 元"
        out.append(Suggestion("MEDICAL", text, "medical_illness"))
    elif h.medical_spending_fen and low_income:
        out.append(Suggestion("MEDICAL", f"低收入家庭近 12 个月医疗支出 {yuan(h.medical_spending_fen)} 元",
                              "medical_spending"))

    # 住房救助
    if h.house_rating in ("C", "D"):
        out.append(Suggestion("HOUSING", f"住房安全鉴定为 {h.house_rating} 级危房", "housing"))

    # 残疾人两项补贴
    disabled = [m for m in h.members if m.disability_category and m.disability_grade]
    if disabled and low_income:
        out.append(Suggestion(
            "DISABILITY", f"{'、'.join(f'{m.name}（{_disability_text(m)}）' for m in disabled)}，"
                          "家庭为低收入家庭，可申请困难残疾人生活补贴", "disability_living"))
    severe = [m for m in disabled if (m.disability_grade or 9) <= 2]
    if severe:
        out.append(Suggestion(
            "DISABILITY", f"{'、'.join(f'{m.name}（{_disability_text(m)}）' for m in severe)}，"
                          "为一、二级重度残疾人，可申请重度残疾人护理补贴", "disability_care"))

    # 孤儿 / 事实无人抚养儿童
    orphans = [m for m in h.members if _unraised(m, h.members, day)]
    if orphans:
        who = "、".join(f"{m.name}（{age_on(m.birth_date, day)} 岁）" for m in orphans)
        out.append(Suggestion(
            "ORPHAN", f"未成年人 {who} 在本户中没有能够抚养的父母（父母不在本户，或患重病、"
                      "重度残疾、无劳动能力），请核实是否为孤儿或事实无人抚养儿童", "orphan"))
    return out


_PARENTS = {
    "子": ("本人", "配偶"), "女": ("本人", "配偶"),
    "孙子": ("子", "女", "儿媳", "女婿"), "孙女": ("子", "女", "儿媳", "女婿"),
    "外孙子女": ("子", "女", "儿媳", "女婿"),
    "本人": ("父亲", "母亲"), "兄弟": ("父亲", "母亲"), "姐妹": ("父亲", "母亲"),
}


def _able_parent(p: MemberFacts, day: date) -> bool:
    age = age_on(p.birth_date, day)
    return not (p.health == "重病" or p.employment == "无劳动能力" or is_severely_disabled(p)
                or (age is not None and age < ADULT_AGE))


def _unraised(m: MemberFacts, members: tuple[MemberFacts, ...], day: date) -> bool:
    age = age_on(m.birth_date, day)
    if age is None or age >= ADULT_AGE or m.relation not in _PARENTS:
        return False
    parents = [p for p in members if p is not m and p.relation in _PARENTS[m.relation]]
    return not any(_able_parent(p, day) for p in parents)


def suggested_items(suggestions: list[Suggestion]) -> list[str]:
    """The distinct item codes of ``suggestions``, in order."""
    return list(dict.fromkeys(s.item_code for s in suggestions))
