"""救助需求综合评估: suggest the items a household likely qualifies for (DOMAIN §4, §9).

Suggest, never decide: :func:`evaluate` returns an :class:`Assessment` — the income
calculation, the property test and the :class:`Suggestion` s, each with a
plain-Chinese reason that quotes the numbers it compared, for the clerk to adopt or
dismiss. Pure; the amounts come in as :class:`~.standards.Standards` (county-sent)
and the local rules as :class:`~.eligibility.Policy` (township setting
``eligibility``), both the entries in force on the application's intake date.
docs/eligibility.md lists every rule with its source, settings and defaults.

* **Standard** (:func:`household_basis`): urban (城市) or rural (农村) 低保标准 by the
  applicant's hukou, or by the village code (居委会 1xx urban, 村委会 2xx rural; any
  other code falls back to the hukou), per ``standard_basis``.
* **Income** (:func:`income_figures`): every monthly line, less the lines of
  ``excluded_incomes`` (57号: social-assistance money, 两项补贴, reward-type income …
  are not counted), less the employment-cost deduction — ``employment_deduction_percent``
  of the standard per member whose employment is in ``deduction_employments``, at most
  the income of the ``deduction_incomes`` lines (铜仁: "对低保对象当年务工收入适当扣减").
  Gross (all lines) and net (counted less deduction) per capita are both given, half-up to
  the fen; comparisons are exact in fen. 补差 = standard × members − net, rounded per
  ``topup_rounding``.
* **Property** (:func:`property_test`): deposits per person, vehicles, housing area per
  person, business entities, against the local limits; 低保, 低保边缘, 单人户 and 特困 are
  only suggested when it passes; so is 刚性支出 (and with it every "低收入家庭" rule).
* **特困** (:func:`tekun_candidates`) is per person: elderly, disabled (grades per
  ``incapable_grades``) or minor, no capacity to work, household income below the
  standard, property within limits, no able legal supporter **in the household**
  (民法典: spouse, parents, children; grandparents and elder siblings of a minor;
  grandchildren — ``_SUPPORTERS`` — aged 18–59, not ill, severely disabled, unable to
  work or a student), and no able supporter outside it: the recorded supporters
  (``HouseholdFacts.supporters``) — any able one blocks it, one not checked suggests
  nothing, all unable allow it — or, none recorded, the clerk's answer
  (``supporters_able is False``; unknown suggests nothing). A person 18–59 who is only 在校 is not incapable (43号).
* **Who counts** (57号 共同生活的家庭成员): only members with ``counted`` enter the
  per-capita income, the 补差, the property limits and every rule; one left out (serving
  a sentence, missing, living apart …) is no supporter in the household and no
  candidate, and the income reason names them and why.
* **Where one applies**: a 居住证 holder (``residence_kind == "permit"``) gets the
  standard of where they live (village code, else the hukou — said in the reason); an
  applicant at the place of an emergency without a local hukou (``"incident"``) gets
  only the 临时救助（急难型）suggestion.
* **Medical spending** enters 刚性支出 and 医疗救助 net of insurance reimbursement; a
  刚性支出 recognition holds ``rigid_validity_months`` (the reason says until when).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, timedelta

from .. import vocab
from ..vocab import COUNTED_REASON_LABELS, UNABLE_REASON_LABELS
from .division import VillageKind, village_kind
from .eligibility import Policy
from .standards import Standards
from .values import format_yuan

DEFAULT_POLICY = Policy(effective_from=date(2021, 1, 1))
INCOME_LABELS = dict(vocab.INCOME_LABELS)  # the GUI panel imports it from here
_GRADES = {1: "一", 2: "二", 3: "三", 4: "四"}


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
    education: str = ""
    # Counted among the 共同生活的家庭成员 (民发〔2021〕57号) and why (vocab.COUNTED_REASONS).
    counted: bool = True
    counted_reason: str = ""
    self_care: str = ""  # vocab.SELF_CARE; "" = not recorded


@dataclass(frozen=True)
class SupporterFacts:
    """A legal supporter (赡养/抚养/扶养义务人) recorded outside the household."""

    name: str
    relation: str = ""
    able: bool | None = None            # None = not checked yet
    unable_reason: str = ""             # vocab.UNABLE_REASONS code
    household_size: int | None = None   # their own household
    monthly_income_fen: int | None = None

    def text(self) -> str:
        """``王大（子，本人为低保或特困对象；其家庭 3 人，月收入 800 元）``."""
        parts = [self.relation] if self.relation else []
        if self.able is False and self.unable_reason:
            parts.append(UNABLE_REASON_LABELS.get(self.unable_reason, self.unable_reason))
        t = "，".join(parts)
        own = []
        if self.household_size:
            own.append(f"其家庭 {self.household_size} 人")
        if self.monthly_income_fen is not None:
            own.append(f"月收入 {yuan(self.monthly_income_fen)} 元")
        if own:
            t += ("；" if t else "") + "，".join(own)
        return f"{self.name}（{t}）" if t else self.name


@dataclass(frozen=True)
class HouseholdFacts:
    """What the assessment reads; ``members[0]`` is the applicant."""

    members: tuple[MemberFacts, ...]
    incomes_fen: Mapping[str, int] = field(default_factory=dict)  # monthly, by category
    house_rating: str = ""
    medical_spending_fen: int = 0    # last 12 months
    education_spending_fen: int = 0  # last 12 months
    supporters_able: bool | None = None  # can a supporter outside the household support?
    housing_area_m2: int = 0
    vehicles: int = 0
    houses: int | None = None   # houses / flats owned; None = not recorded
    deposits_fen: int = 0
    business: str = ""
    village_code: str = ""
    # Legal supporters recorded outside the household (the 特困 test reads them first).
    supporters: tuple[SupporterFacts, ...] = ()
    # Where the applicant applies (vocab.RESIDENCE_KINDS): "hukou", "permit" (居住证
    # holder where they live), "incident" (急难发生地, no local hukou: 临时救助 only).
    residence_kind: str = "hukou"
    # Of ``medical_spending_fen``: what insurance repaid (last 12 months).
    medical_reimbursed_fen: int = 0

    @property
    def medical_net_fen(self) -> int:
        """Medical spending less the reimbursement (never below 0)."""
        return max(0, self.medical_spending_fen - self.medical_reimbursed_fen)

    def medical_text(self, label: str = "医疗支出") -> str:
        """``医疗支出 5,000 元`` or, with a reimbursement, ``医疗支出 20,000 元、已报销
        12,000 元、自付 8,000 元``."""
        if not self.medical_reimbursed_fen:
            return f"{label} {yuan(self.medical_spending_fen)} 元"
        return (f"{label} {yuan(self.medical_spending_fen)} 元、已报销 {yuan(self.medical_reimbursed_fen)} 元、"
                f"自付 {yuan(self.medical_net_fen)} 元")


@dataclass(frozen=True)
class Suggestion:
    item_code: str
    reason: str
    rule_id: str


def yuan(fen: int) -> str:
    """``42000`` → ``"420"``, ``42050`` → ``"420.50"``, thousands separated."""
    return format_yuan(fen, drop_zero_cents=True)


def _half_up(total: int, n: int) -> int:
    return (2 * total + n) // (2 * n)


def add_months(day: date, months: int) -> date:
    """``day`` ``months`` later (the last day of a shorter month: 1-31 + 1 → 2-28)."""
    y, m = divmod(day.month - 1 + months, 12)
    year, month = day.year + y, m + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise ValueError(day)  # pragma: no cover - day 28 exists in every month


def age_on(birth: date | None, day: date) -> int | None:
    if birth is None:
        return None
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def disability_text(m: MemberFacts) -> str:
    return f"{m.disability_category}{_GRADES.get(m.disability_grade or 0, '')}级残疾"


def _graded(m: MemberFacts, any_grade: int, mental_grade: int) -> bool:
    """``m``'s disability grade is at most ``any_grade`` (any category) or at most
    ``mental_grade`` (智力/精神)."""
    g = m.disability_grade
    if not m.disability_category or g is None:
        return False
    return g <= any_grade or (m.disability_category in ("智力", "精神") and g <= mental_grade)


def is_severely_disabled(m: MemberFacts, p: Policy = DEFAULT_POLICY) -> bool:
    """单人户 sense (seed 001 汉中): grades 1–2, or grade 3 智力/精神 (settings)."""
    return _graded(m, p.single_grade_any, p.single_grade_mental)


# -- the standard ---------------------------------------------------------------------
@dataclass(frozen=True)
class Basis:
    hukou_type: str   # "城镇" or "农村": which standard
    label: str        # "城市" / "农村" (as the standards are named)
    why: str          # "按申请人户籍（城镇）" / "按村（居）代码（居委会）"


def household_basis(h: HouseholdFacts, p: Policy) -> Basis:
    """Which standard (urban/rural) the household is measured against, and why.

    A 居住证 holder applying where they live gets the standard of that place (汉中
    measure 二, 重庆): the village code of the application when it tells urban/rural,
    else — said in the reason — the hukou."""
    hukou = h.members[0].hukou_type if h.members else "农村"
    if h.residence_kind == "permit":
        kind = _village_kind(h.village_code)
        if kind is VillageKind.RESIDENTS:
            return Basis("城镇", "城市", "居住证持有人，按居住地为居委会")
        if kind is VillageKind.VILLAGERS:
            return Basis("农村", "农村", "居住证持有人，按居住地为村委会")
        label = "城市" if hukou == "城镇" else "农村"
        return Basis("城镇" if hukou == "城镇" else "农村", label,
                     "居住证持有人，居住地代码不能区分城乡，按申请人户籍")
    if p.standard_basis == "village" and len(h.village_code) == 12 and h.village_code.isdigit():
        kind = village_kind(int(h.village_code[9:]))
        if kind is VillageKind.RESIDENTS:
            return Basis("城镇", "城市", "按所在地为居委会")
        if kind is VillageKind.VILLAGERS:
            return Basis("农村", "农村", "按所在地为村委会")
    if hukou == "城镇":
        return Basis("城镇", "城市", "按申请人户籍")
    return Basis("农村", "农村", "按申请人户籍")


def _village_kind(code: str) -> VillageKind | None:
    if len(code) == 12 and code.isdigit():
        return village_kind(int(code[9:]))
    return None


# -- income -----------------------------------------------------------------------------
@dataclass(frozen=True)
class IncomeFigures:
    members: int
    gross_fen: int                       # all lines
    excluded: tuple[tuple[str, int], ...]  # (category, fen) not counted
    deduction_fen: int
    deduction_workers: int
    standard_fen: int
    basis: Basis
    topup_rounding: str = "fen"
    all_members: int = 0                 # everyone recorded, counted or not
    excluded_members: tuple[tuple[str, str], ...] = ()  # (name, reason label) not counted

    @property
    def excluded_fen(self) -> int:
        return sum(v for _c, v in self.excluded)

    @property
    def counted_fen(self) -> int:
        return self.gross_fen - self.excluded_fen

    @property
    def net_fen(self) -> int:
        return self.counted_fen - self.deduction_fen

    @property
    def hukou_label(self) -> str:
        return self.basis.label

    @property
    def gross_per_capita_fen(self) -> int:
        return _half_up(self.gross_fen, self.members)

    @property
    def per_capita_fen(self) -> int:
        """Net per-capita monthly income: what is compared with the standards."""
        return _half_up(self.net_fen, self.members)

    @property
    def topup_fen(self) -> int:
        """低保 补差: standard × members − net income (≥ 0), rounded per the setting."""
        raw = max(0, self.standard_fen * self.members - self.net_fen)
        if self.topup_rounding == "yuan_up":
            return -(-raw // 100) * 100
        if self.topup_rounding == "yuan_half_up":
            return (raw + 50) // 100 * 100
        return raw

    def text(self) -> str:
        t = f"人均月收入 {yuan(self.per_capita_fen)} 元"
        parts = []
        if self.excluded_members:
            parts.append(f"按共同生活家庭成员 {self.members} 人计，未计入"
                         + "、".join(f"{n}（{r}）" for n, r in self.excluded_members))
        if self.excluded:
            parts.append("不计入" + "、".join(f"{INCOME_LABELS.get(c, c)} {yuan(v)} 元"
                                              for c, v in self.excluded))
        if self.deduction_fen:
            parts.append(f"已扣除就业成本 {yuan(self.deduction_fen)} 元")
        if parts:
            t += f"（{'，'.join(parts)}）"
        return t

    def topup_text(self) -> str:
        how = {"fen": "", "yuan_up": "，按元向上取整", "yuan_half_up": "，按元四舍五入"}
        return (f"拟补差 {yuan(self.standard_fen)} 元 × {self.members} 人 − 家庭月收入 "
                f"{yuan(self.net_fen)} 元 = {yuan(self.topup_fen)} 元/月"
                f"{how.get(self.topup_rounding, '')}")


def income_figures(h: HouseholdFacts, st: Standards, p: Policy = DEFAULT_POLICY) -> IncomeFigures:
    basis = household_basis(h, p)
    standard = st.dibao_fen(basis.hukou_type)
    lines = {c: int(v) for c, v in h.incomes_fen.items() if int(v)}
    gross = sum(lines.values())
    excluded = tuple((c, v) for c, v in lines.items() if c in p.excluded_incomes)
    deductible = sum(v for c, v in lines.items()
                     if c in p.deduction_incomes and c not in p.excluded_incomes)
    counted = counted_members(h)
    workers = sum(1 for m in counted if m.employment in p.deduction_employments)
    per_worker = standard * st.employment_deduction_percent // 100
    deduction = min(deductible, workers * per_worker)
    left_out = tuple((m.name, COUNTED_REASON_LABELS.get(m.counted_reason, "") or "未说明原因")
                     for m in h.members if not m.counted)
    return IncomeFigures(max(len(counted), 1), gross, excluded, deduction, workers if deduction else 0,
                         standard, basis, p.topup_rounding, len(h.members), left_out)


def counted_members(h: HouseholdFacts) -> tuple[MemberFacts, ...]:
    """The members counted in the household (57号 共同生活的家庭成员); the applicant
    always is."""
    return tuple(m for i, m in enumerate(h.members) if m.counted or i == 0)


# -- property -----------------------------------------------------------------------------
@dataclass(frozen=True)
class PropertyResult:
    exceeded: tuple[str, ...]  # one text per limit exceeded, with the numbers
    checked: tuple[str, ...]   # one text per limit within, with the numbers

    @property
    def ok(self) -> bool:
        return not self.exceeded

    def text(self) -> str:
        """With every limit's numbers (the panel's figures)."""
        if self.exceeded:
            return "财产超过当地规定：" + "；".join(self.exceeded)
        return "财产符合当地规定" + (f"（{'；'.join(self.checked)}）" if self.checked else "")

    def short(self) -> str:
        """For a reason: only the limits exceeded have numbers."""
        return self.text() if self.exceeded else "财产符合当地规定"


def property_test(h: HouseholdFacts, standard_fen: int, p: Policy) -> PropertyResult:
    """Deposits, vehicles, houses owned, housing area and business against the local
    limits (per counted member)."""
    n = max(len(counted_members(h)), 1)
    over: list[str] = []
    within: list[str] = []
    if p.deposit_months_per_person:
        limit = standard_fen * p.deposit_months_per_person * n
        text = (f"存款 {yuan(h.deposits_fen)} 元，限额 {yuan(standard_fen)} 元 × "
                f"{p.deposit_months_per_person} 个月 × {n} 人 = {yuan(limit)} 元")
        (over if h.deposits_fen > limit else within).append(text)
    if p.max_vehicles >= 0:
        text = f"机动车 {h.vehicles} 辆，限 {p.max_vehicles} 辆"
        (over if h.vehicles > p.max_vehicles else within).append(text)
    if p.max_houses >= 0:   # "houses beyond the first" (issue 12; figure is local)
        if h.houses is None:
            within.append(f"住房套数未登记（限 {p.max_houses} 套，请核实）")
        else:
            text = f"住房 {h.houses} 套，限 {p.max_houses} 套"
            (over if h.houses > p.max_houses else within).append(text)
    if p.max_housing_m2_per_person:
        limit_m2 = p.max_housing_m2_per_person * n
        text = (f"住房 {h.housing_area_m2} 平方米，限 {p.max_housing_m2_per_person} 平方米 × "
                f"{n} 人 = {limit_m2} 平方米")
        (over if h.housing_area_m2 > limit_m2 else within).append(text)
    if h.business.strip() and not p.business_allowed:
        over.append("登记有经营实体（当地规定不得拥有，请核实）")
    return PropertyResult(tuple(over), tuple(within))


# -- people -----------------------------------------------------------------------------
def incapacity(m: MemberFacts, day: date, p: Policy = DEFAULT_POLICY) -> str | None:
    """Why ``m`` is a 特困 subject with no capacity to work (43号), or None.

    Elderly (≥ 60), minor (< 18), disabled at the grades of ``incapable_grades``, or
    recorded 无劳动能力. A person 18–59 who is only 在校 is *not* incapable: a 特困
    minor keeps the support past 18 while in school, but that is a review of an
    existing 特困 person, not a new suggestion.
    """
    age = age_on(m.birth_date, day)
    g, cat = m.disability_grade, m.disability_category
    if cat and g is not None and g <= p.incapable_grade(cat):
        return disability_text(m)
    if age is not None and age >= p.elderly_age:
        return f"{age} 岁，为 {p.elderly_age} 周岁以上老年人"
    if age is not None and age < p.adult_age:
        return f"{age} 岁，为未满 {p.adult_age} 周岁的未成年人"
    if m.employment == "无劳动能力":
        return "登记为无劳动能力（请核实）"
    return None


#: Age under which a person is a minor (民法典 第十七条); the duties of grandparents
#: and elder siblings below are towards minors only.
_MINOR_AGE = 18

#: Relation to the applicant -> (the relations, to the applicant, of that person's legal
#: supporters (法定赡养、抚养、扶养义务人, 43号 第十条: "依照民法典负有…义务的人") who may
#: live in the household; the relations of those who are supporters only while the
#: person is a minor). Read from the relations alone; where a relation cannot tell
#: (two sons' wives are both 儿媳; 孙子 and 孙女 may be cousins) the table keeps to what
#: every such household has.
#:
#: * spouses each other (民法典 第一千零五十九条);
#: * parents their minor children and adult children who cannot live independently,
#:   adult children their parents (第一千零六十七条) — a 特困 candidate of 18+ is such a
#:   child, so parents count at any age;
#: * grandparents (祖父母、外祖父母) their minor grandchildren whose parents are dead or
#:   unable, grandchildren their grandparents whose children are dead or unable
#:   (第一千零七十四条) — an able one in the household means no 特困 either way: the
#:   parents (children) are then able, or dead/unable and the duty is theirs;
#: * elder siblings their minor siblings whose parents are dead or unable (第一千零七十五条
#:   first sentence; the second — siblings raised by an elder one — is not recorded).
#: 儿媳/女婿 owe nothing to the applicant (no such duty in the 民法典); 祖父母 is the
#: father's side (their child is 父亲), 外祖父母 the mother's (母亲).
_SUPPORTERS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "本人": (("配偶", "子", "女", "父亲", "母亲", "孙子", "孙女", "外孙子女"),
             ("祖父母", "外祖父母", "兄弟", "姐妹")),
    "配偶": (("本人", "子", "女", "孙子", "孙女", "外孙子女"), ()),
    "子": (("本人", "配偶", "儿媳", "孙子", "孙女"), ("父亲", "母亲", "子", "女")),
    "女": (("本人", "配偶", "女婿", "外孙子女"), ("父亲", "母亲", "子", "女")),
    "父亲": (("母亲", "本人", "兄弟", "姐妹", "子", "女"), ()),
    "母亲": (("父亲", "本人", "兄弟", "姐妹", "子", "女"), ()),
    "孙子": (("子", "儿媳"), ("本人", "配偶")),
    "孙女": (("子", "儿媳"), ("本人", "配偶")),
    "外孙子女": (("女", "女婿"), ("本人", "配偶")),
    "兄弟": (("父亲", "母亲"), ("本人", "兄弟", "姐妹", "祖父母", "外祖父母")),
    "姐妹": (("父亲", "母亲"), ("本人", "兄弟", "姐妹", "祖父母", "外祖父母")),
    "儿媳": (("子", "孙子", "孙女"), ()),
    "女婿": (("女", "外孙子女"), ()),
    "祖父母": (("祖父母", "父亲", "本人", "兄弟", "姐妹"), ()),
    "外祖父母": (("外祖父母", "母亲", "本人", "兄弟", "姐妹"), ()),
}


def supporter_relations(m: MemberFacts, day: date) -> tuple[str, ...]:
    """The relations (to the applicant) of ``m``'s legal supporters, by ``m``'s age on
    ``day`` (unknown age: as an adult)."""
    always, minor = _SUPPORTERS.get(m.relation, ((), ()))
    age = age_on(m.birth_date, day)
    return always + minor if age is not None and age < _MINOR_AGE else always


def able_supporter(s: MemberFacts, day: date, p: Policy) -> bool:
    """An able-bodied supporter: aged 18–59, not 重病, not severely disabled, not
    无劳动能力 and not a student."""
    age = age_on(s.birth_date, day)
    return (age is not None and p.adult_age <= age < p.elderly_age and s.health != "重病"
            and not is_severely_disabled(s, p) and s.employment not in ("无劳动能力", "在校"))


def supporters_in_household(m: MemberFacts, h: HouseholdFacts, day: date,
                            p: Policy) -> list[MemberFacts]:
    """The able legal supporters of ``m`` living in the household (counted members
    only: one serving a sentence or living apart supports nobody there)."""
    rel = supporter_relations(m, day)
    return [s for s in counted_members(h)
            if s is not m and s.relation in rel and able_supporter(s, day, p)]


def outside_supporters_able(h: HouseholdFacts) -> bool | None:
    """Can a legal supporter outside the household support? From the recorded
    supporters: any able → True; all recorded unable → False; any recorded one not
    checked yet → None (unknown: 43号 needs every supporter unable, so nothing is
    suggested until each is checked); none recorded → the clerk's household answer
    (``supporters_able``)."""
    ables = [s.able for s in h.supporters]
    if any(a is True for a in ables):
        return True
    if ables:
        return False if all(a is False for a in ables) else None
    return h.supporters_able


def tekun_candidates(h: HouseholdFacts, day: date, p: Policy) -> list[tuple[MemberFacts, str]]:
    """Counted members who are 特困 subjects and have no able supporter in the
    household, with why they cannot work. (Income, property and supporters outside are
    the caller's.)"""
    out = []
    for m in counted_members(h):
        why = incapacity(m, day, p)
        if why and not supporters_in_household(m, h, day, p):
            out.append((m, why))
    return out


# -- the assessment -------------------------------------------------------------------------
@dataclass(frozen=True)
class Assessment:
    figures: IncomeFigures
    property: PropertyResult
    suggestions: list[Suggestion]
    dibao_standard_fen: int
    edge_standard_fen: int


def assess(h: HouseholdFacts, st: Standards, day: date,
           p: Policy = DEFAULT_POLICY) -> list[Suggestion]:
    """Every item ``h`` likely qualifies for on ``day``, with reasons."""
    return evaluate(h, st, day, p).suggestions if h.members else []


def evaluate(h: HouseholdFacts, st: Standards, day: date,  # noqa: C901 - one rule per item, in policy order
             p: Policy = DEFAULT_POLICY) -> Assessment:
    """The income figures, the property test and the suggestions for ``h`` on ``day``."""
    f = income_figures(h, st, p)
    n, std = f.members, f.standard_fen
    edge_std = std * st.edge_percent // 100
    prop = property_test(h, std, p)
    out: list[Suggestion] = []
    if not h.members:
        return Assessment(f, prop, out, std, edge_std)
    if h.residence_kind == "incident":
        out.append(Suggestion(
            "LINSHI_URGENT",
            "非本地户籍，在急难发生地申请：只能申请临时救助（急难型），可先行救助、事后补充说明"
            "（汉中第十五条、泰安：由急难发生地实施临时救助）；低保、特困等请向户籍地或持居住证向"
            f"居住地申请。{f.text()}", "incident"))
        return Assessment(f, prop, out, std, edge_std)
    std_text = f"{f.hukou_label}低保标准 {yuan(std)} 元"
    below_std = f.net_fen < std * n
    below_edge = f.net_fen * 100 < std * st.edge_percent * n
    poor = prop.ok
    people = counted_members(h)
    low_income = False

    # 低保
    if below_std and poor:
        low_income = True
        out.append(Suggestion(
            "DIBAO", f"{f.text()}，低于{std_text}（{f.basis.why}）；{prop.short()}；{f.topup_text()}",
            "dibao"))
    # 低保边缘 and 单人户
    elif below_edge and poor:
        low_income = True
        out.append(Suggestion(
            "DIBAO_EDGE",
            f"{f.text()}，不低于{std_text}，但低于低保边缘标准 {yuan(edge_std)} 元"
            f"（低保标准的 {st.edge_percent / 100:g} 倍）；{prop.short()}", "dibao_edge"))
        single = [m for m in people if is_severely_disabled(m, p) or m.health == "重病"]
        if single:
            who = "、".join(f"{m.name}（{disability_text(m) if is_severely_disabled(m, p) else '患重病'}）"
                           for m in single)
            out.append(Suggestion(
                "DIBAO", f"低保边缘家庭（{f.text()}，低于 {yuan(edge_std)} 元）中，{who}"
                         "可按单人户申请纳入低保", "dibao_single"))

    # 特困 (per person)
    outside_unable = outside_supporters_able(h) is False
    tekun = tekun_candidates(h, day, p) if below_std and poor and outside_unable else []
    if tekun:
        low_income = True
        base = st.urban_dibao_fen if p.tekun_base == "urban" else std
        base_label = "城市" if p.tekun_base == "urban" else f.hukou_label
        floor = -(-base * st.tekun_percent // 100)  # "不低于": up to the fen
        who = "；".join(f"{m.name} {why}" for m, why in tekun)
        if h.supporters:
            outside = "户外义务人均无履行能力：" + "、".join(x.text() for x in h.supporters)
        else:
            outside = "登记为户外义务人无履行能力"
        out.append(Suggestion(
            "TEKUN",
            f"{who}；户内无有赡养、抚养、扶养能力的法定义务人，且{outside}；"
            f"{f.text()}，低于{std_text}。基本生活标准不低于 {yuan(floor)} 元/月"
            f"（{base_label}低保标准 {yuan(base)} 元的 {st.tekun_percent / 100:g} 倍）", "tekun"))

    # 刚性支出困难 (medical spending net of insurance reimbursement); like 低保 and
    # 边缘, only with the property within the local limits
    rigid = h.medical_net_fen + h.education_spending_fen
    if not below_edge and rigid > 0 and poor:
        hukou = f.basis.hukou_type
        disposable = st.disposable_income_fen(hukou)
        annual_total = f.net_fen * 12
        if annual_total < disposable * n and rigid * 100 > annual_total * st.rigid_share_percent:
            low_income = True
            label = "城镇" if hukou == "城镇" else "农村"
            until = add_months(day, p.rigid_validity_months) - timedelta(days=1)
            out.append(Suggestion(
                "RIGID",
                f"人均年收入 {yuan(_half_up(annual_total, n))} 元，低于上年{label}居民人均"
                f"可支配收入 {yuan(disposable)} 元；近 12 个月刚性支出 {yuan(rigid)} 元"
                f"（{h.medical_text('医疗')}；教育 {yuan(h.education_spending_fen)} 元），"
                f"超过家庭年收入 {yuan(annual_total)} 元的 {st.rigid_share_percent}%；"
                f"{prop.short()}；认定有效期 {p.rigid_validity_months} 个月，"
                f"有效期至 {until.year}年{until.month}月{until.day}日",
                "rigid"))

    # 教育救助: every student of school age, whatever the stage (not stopping at 18)
    pupils = []
    for m in people:
        age = age_on(m.birth_date, day)
        if (age is not None and p.education_age_min <= age <= p.education_age_max
                and m.employment == "在校"):
            stage = f"，{m.education}" if m.education and m.education != "学龄前" else ""
            pupils.append(f"{m.name}（{age} 岁，在校{stage}）")
    if pupils and low_income:
        out.append(Suggestion("EDUCATION", f"低收入家庭中有在校学生：{'、'.join(pupils)}", "education"))

    # 医疗救助
    ill = [m.name for m in people if m.health == "重病"]
    if ill:
        text = f"{'、'.join(ill)} 患重病"
        if h.medical_spending_fen:
            text += f"，近 12 个月{h.medical_text()}"
        out.append(Suggestion("MEDICAL", text, "medical_illness"))
    elif h.medical_net_fen and low_income:
        out.append(Suggestion("MEDICAL", f"低收入家庭近 12 个月{h.medical_text()}",
                              "medical_spending"))

    # 住房救助 (农村危房改造: rural low-income households)
    if h.house_rating in ("C", "D"):
        rural = f.basis.hukou_type == "农村"
        if not p.housing_rural_only or (rural and low_income):
            # "低收入家庭" only when the household was found so above
            who = (f"{f.basis.label}低收入家庭" if low_income
                   else "当地住房救助不限收入，请核实家庭经济状况")
            out.append(Suggestion(
                "HOUSING", f"住房安全鉴定为 {h.house_rating} 级危房；{who}", "housing"))

    # 就业救助: 零就业家庭
    out += _employment(h, day, p)

    # 残疾人两项补贴
    living_ok = {"dibao": below_std and poor, "dibao_edge": below_edge and poor,
                 "low_income": low_income}[p.living_subsidy_scope]
    disabled = [m for m in people if m.disability_category and m.disability_grade]
    if disabled and living_ok:
        scope = {"dibao": "低保家庭", "dibao_edge": "低保或低保边缘家庭",
                 "low_income": "低收入家庭"}[p.living_subsidy_scope]
        out.append(Suggestion(
            "DISABILITY", f"{'、'.join(f'{m.name}（{disability_text(m)}）' for m in disabled)}，"
                          f"家庭为{scope}，可申请困难残疾人生活补贴", "disability_living"))
    care = [m for m in disabled if _graded(m, p.care_grade_any, p.care_grade_mental)
            and (not p.care_self_care or m.self_care in p.care_self_care or not m.self_care)]
    if care:
        scope = f"一至{_GRADES.get(p.care_grade_any, p.care_grade_any)}级"
        if p.care_grade_mental > p.care_grade_any:
            scope += f"（智力、精神残疾一至{_GRADES.get(p.care_grade_mental)}级）"
        if p.care_self_care:
            scope += f"且需长期照护（{'或'.join(p.care_self_care)}）"
        out.append(Suggestion(
            "DISABILITY", f"{'、'.join(_care_text(m, p) for m in care)}，"
                          f"属护理补贴范围{scope}，可申请重度残疾人护理补贴", "disability_care"))

    # 孤儿 / 事实无人抚养儿童
    orphans = [(m, parents) for m in people if (parents := _parents_unable(m, h, day, p))]
    if orphans:
        who = "；".join(f"{m.name}（{age_on(m.birth_date, day)} 岁），父母："
                       + "、".join(_parent_text(x, p) for x in parents) for m, parents in orphans)
        out.append(Suggestion(
            "ORPHAN", f"未成年人 {who}，均不能履行抚养义务。"
                      "请核实：父母双方均死亡、失踪，或一方重残、重病、服刑、强制隔离戒毒、失联，"
                      "另一方也处于上述情形之一（民发〔2019〕62号）；父母外出务工不属于",
            "orphan"))
    return Assessment(f, prop, out, std, edge_std)


def _care_text(m: MemberFacts, p: Policy) -> str:
    """``李四（肢体一级残疾）``; with the 需长期照护 condition set, the recorded self-care
    or — not recorded — a request to check it."""
    if not p.care_self_care:
        return f"{m.name}（{disability_text(m)}）"
    care = m.self_care or "生活自理能力未登记，请核实是否需长期照护"
    return f"{m.name}（{disability_text(m)}，{care}）"


def _employment(h: HouseholdFacts, day: date, p: Policy) -> list[Suggestion]:
    """零就业家庭: counted members of working age able to work, none of them employed."""
    working_age = []
    for m in counted_members(h):
        age = age_on(m.birth_date, day)
        if age is not None and p.adult_age <= age < p.elderly_age:
            working_age.append(m)
    if any(m.employment in ("在职", "灵活就业", "务农") for m in working_age):
        return []
    seekers = [m for m in working_age if m.employment in ("登记失业", "未登记失业")
               and m.health != "重病" and not is_severely_disabled(m, p)]
    if not seekers:
        return []
    return [Suggestion("EMPLOYMENT", f"零就业家庭：法定劳动年龄内成员 {'、'.join(m.name for m in seekers)}"
                                     f"失业，户内无人就业", "employment")]


#: Relation to the applicant -> the relations (to the applicant) of that person's
#: parents: 子/女 → the applicant and spouse; 孙子/孙女 (the son's children) → 子 and 儿媳;
#: 外孙子女 (the daughter's) → 女 and 女婿; the applicant and siblings → 父亲, 母亲.
_PARENTS = {
    "子": ("本人", "配偶"), "女": ("本人", "配偶"),
    "孙子": ("子", "儿媳"), "孙女": ("子", "儿媳"), "外孙子女": ("女", "女婿"),
    "本人": ("父亲", "母亲"), "兄弟": ("父亲", "母亲"), "姐妹": ("父亲", "母亲"),
}

#: Reasons a member is not counted that 62号 names for a parent: 服刑、强制隔离戒毒, 失踪.
_PARENT_ABSENT = ("prison", "missing")


def _parent_state(x: MemberFacts, p: Policy) -> str | None:
    """The 62号 state a recorded parent is in (重残, 重病, 服刑/强制隔离戒毒, 失踪), or None."""
    if not x.counted and x.counted_reason in _PARENT_ABSENT:
        return COUNTED_REASON_LABELS[x.counted_reason]
    if is_severely_disabled(x, p):
        return disability_text(x)
    if x.health == "重病":
        return "患重病"
    return None


def _parent_text(x: MemberFacts, p: Policy) -> str:
    return f"{x.name}（{x.relation}，{_parent_state(x, p)}）"


def _parents_unable(m: MemberFacts, h: HouseholdFacts, day: date,
                    p: Policy) -> tuple[MemberFacts, ...]:
    """The recorded parents of a minor ``m`` when **both** parents are known to be in a
    62号 state — at least two recorded and every one 重残, 重病, or not counted because
    服刑/强制隔离戒毒 (``prison``) or 宣告失踪 (``missing``); else ``()``.

    62号: "父母双方均符合重残、重病、服刑在押、强制隔离戒毒、被执行其他限制人身自由的措施、
    失联情形之一…；或者父母一方死亡或失踪，另一方符合…情形之一". A single recorded parent
    is not enough: the other is most often simply not recorded (working away,
    divorced), and a minor without a parent in the household is most often left behind.
    Death is not recorded, so "one dead" is for the clerk to add by hand."""
    age = age_on(m.birth_date, day)
    if age is None or age >= p.adult_age or m.relation not in _PARENTS:
        return ()
    parents = tuple(x for x in h.members if x is not m and x.relation in _PARENTS[m.relation])
    if len(parents) >= 2 and all(_parent_state(x, p) for x in parents):
        return parents
    return ()


def suggested_items(suggestions: list[Suggestion]) -> list[str]:
    """The distinct item codes of ``suggestions``, in order."""
    return list(dict.fromkeys(s.item_code for s in suggestions))
