"""Local eligibility rules for the needs assessment, dated by effective day.

The amounts (低保标准, 1.5×, 1.3×, employment deduction %, …) are the ``standards``
setting, which the county sends (sync contract, :mod:`sync_contract.standards`).
Everything else the assessment compares against is here, in the township setting
``eligibility``: a list of complete entries, each in force from its
``effective_from`` day until the next entry's (like the standards). Add an entry,
never rewrite one: an application is assessed with the entry in force on its intake
day. The township edits it (设置 → 救助需求评估规则) and the county can send it (sync
format 2: county-return type ``eligibility``, whose schema mirrors :func:`parse_entry`;
docs/eligibility.md, docs/sync-format.md §11).

Every default below names its source: a seed (``../shared/seeds``, file and quote), a
national document (民发〔2021〕57号 最低生活保障审核确认办法, 民发〔2021〕43号
特困人员认定办法, 民发〔2019〕62号 事实无人抚养儿童), or says plainly that no seed gives
a figure and the value is ours, to be set from the local rule. docs/eligibility.md
has the full table. Pure; no I/O.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from datetime import date
from typing import Any

from ..errors import ValidationError
from ..vocab import DISABILITY_CATEGORIES, EMPLOYMENT, INCOME_CATEGORIES, SELF_CARE

SETTING_KEY = "eligibility"
INCOME_CODES = tuple(code for code, _label in INCOME_CATEGORIES)
BASES = ("hukou", "village")          # which urban/rural standard applies
TEKUN_BASES = ("household", "urban")  # 1.3 × which standard
ROUNDINGS = ("fen", "yuan_up", "yuan_half_up")  # of the 低保 补差 amount
LIVING_SCOPES = ("dibao", "dibao_edge", "low_income")


@dataclass(frozen=True)
class Policy:
    """The local rules in force from ``effective_from`` (defaults: see DEFAULT_ENTRY)."""

    effective_from: date
    # -- income (57号: income not counted is a local list) ---------------------------
    excluded_incomes: tuple[str, ...] = ("allowance", "basic_pension", "assistance",
                                         "disability_subsidy", "reward")
    deduction_incomes: tuple[str, ...] = ("wage",)
    deduction_employments: tuple[str, ...] = ("在职", "灵活就业")
    topup_rounding: str = "fen"
    # -- property (every seed: "且财产符合相关规定"; figures are local) -----------------
    deposit_months_per_person: int = 24   # deposits ≤ n × 24 × monthly standard; 0 = no limit
    max_vehicles: int = 1                 # -1 = no limit
    max_houses: int = 1                   # houses / flats owned; -1 = no limit
    max_housing_m2_per_person: int = 0    # 0 = no limit
    business_allowed: bool = False
    # -- which standard -------------------------------------------------------------
    standard_basis: str = "hukou"
    tekun_base: str = "household"
    # -- people ----------------------------------------------------------------------
    elderly_age: int = 60
    adult_age: int = 18
    #: highest disability grade (1 = most severe) that means no capacity to work (43号)
    incapable_grades: tuple[tuple[str, int], ...] = (
        ("智力", 3), ("精神", 3), ("肢体", 2), ("多重", 2), ("视力", 1))
    #: 单人户: grades 1–2 of any category, grade ≤ 3 of 智力/精神 (seed 001 汉中)
    single_grade_any: int = 2
    single_grade_mental: int = 3
    # -- 两项补贴 ---------------------------------------------------------------------
    care_grade_any: int = 2
    care_grade_mental: int = 4
    living_subsidy_scope: str = "dibao_edge"
    # -- others ----------------------------------------------------------------------
    education_age_min: int = 6
    education_age_max: int = 30
    housing_rural_only: bool = True
    # -- 刚性支出困难 (issue 12): how long a recognition holds (months); no seed gives a
    # figure — ours, equal to the 12-month window the spending is measured over.
    rigid_validity_months: int = 12
    # -- 护理补贴 需长期照护 (issue 12, format 2): the self-care states (vocab.SELF_CARE) a
    # member must have besides the grade; () = no condition (the grade alone, as before).
    # 国发〔2015〕52号: "护理补贴对象为残疾等级被评定为一级、二级且需要长期照护的重度残疾人".
    care_self_care: tuple[str, ...] = ()

    def incapable_grade(self, category: str) -> int:
        return dict(self.incapable_grades).get(category, 0)

    def to_json(self) -> dict[str, Any]:
        out = asdict(self)
        out["effective_from"] = self.effective_from.isoformat()
        out["incapable_grades"] = dict(self.incapable_grades)
        for k in ("excluded_incomes", "deduction_incomes", "deduction_employments", "care_self_care"):
            out[k] = list(out[k])
        return out


DEFAULT_ENTRY: dict[str, Any] = Policy(effective_from=date(2021, 1, 1)).to_json()

_CHOICES = {"topup_rounding": ROUNDINGS, "standard_basis": BASES, "tekun_base": TEKUN_BASES,
            "living_subsidy_scope": LIVING_SCOPES}
_LISTS = {"excluded_incomes": INCOME_CODES, "deduction_incomes": INCOME_CODES,
          "deduction_employments": tuple(e for e in EMPLOYMENT if e),
          "care_self_care": tuple(c for c in SELF_CARE if c)}
_INTS = {"deposit_months_per_person": (0, 240), "max_vehicles": (-1, 20), "max_houses": (-1, 10),
         "max_housing_m2_per_person": (0, 1000), "elderly_age": (50, 80), "adult_age": (16, 20),
         "single_grade_any": (0, 4), "single_grade_mental": (0, 4), "care_grade_any": (0, 4),
         "care_grade_mental": (0, 4), "education_age_min": (3, 10),
         "education_age_max": (16, 40), "rigid_validity_months": (1, 36)}
_BOOLS = ("business_allowed", "housing_rural_only")


#: Chinese names of the fields, told in the messages.
LABELS = {
    "effective_from": "生效日期", "excluded_incomes": "不计入家庭收入的收入类别",
    "deduction_incomes": "可扣减就业成本的收入类别", "deduction_employments": "可扣减就业成本的就业状况",
    "topup_rounding": "补差取整方式", "deposit_months_per_person": "人均存款限额（月低保标准的倍数）",
    "max_vehicles": "机动车限额（辆）", "max_houses": "住房限额（套）",
    "max_housing_m2_per_person": "人均住房面积限额（平方米）",
    "business_allowed": "是否允许拥有经营实体", "standard_basis": "城乡标准依据",
    "tekun_base": "特困供养标准的计算基数", "elderly_age": "老年人年龄",
    "adult_age": "成年年龄", "incapable_grades": "视为无劳动能力的残疾等级",
    "single_grade_any": "单人户残疾等级", "single_grade_mental": "单人户智力精神残疾等级",
    "care_grade_any": "护理补贴残疾等级", "care_grade_mental": "护理补贴智力精神残疾等级",
    "living_subsidy_scope": "生活补贴家庭范围", "education_age_min": "教育救助最低年龄",
    "education_age_max": "教育救助最高年龄", "housing_rural_only": "住房救助仅限农村",
    "rigid_validity_months": "刚性支出困难认定有效期（月）",
    "care_self_care": "护理补贴需长期照护的自理状况",
}

#: Entry format versions: 1 = the first (2026-12, issue 12 rules), 2 = household
#: economics (issue 12: 刚性支出 validity, the care subsidy's 需长期照护). Entries stored before a field came in lack
#: it; :func:`parse_entry` gives such a field its default. Every other field is
#: required, and unknown fields are refused as before.
FORMAT_VERSION = 2
ADDED_LATER: dict[str, int] = {"rigid_validity_months": 2, "care_self_care": 2, "max_houses": 2}


def _bad(entry: int, name: str) -> ValidationError:
    return ValidationError(SETTING_KEY, "invalid", key="setting.eligibility.invalid",
                           params={"entry": entry, "name": LABELS.get(name, "未知项目")})


def parse_entry(rec: Any, entry: int = 1) -> Policy:
    """One entry from its JSON form; raises :class:`ValidationError` (field
    ``eligibility``) naming the entry and the field."""
    if not isinstance(rec, dict):
        raise _bad(entry, "effective_from")
    known = {f.name for f in fields(Policy)}
    for name in rec:
        if name not in known:
            raise _bad(entry, str(name)[:40])
    missing = [n for n in known if n not in rec and n not in ADDED_LATER]
    if missing:
        raise _bad(entry, sorted(missing)[0])
    rec = {**{n: DEFAULT_ENTRY[n] for n in ADDED_LATER if n not in rec}, **rec}
    raw = rec["effective_from"]
    try:
        day = date.fromisoformat(raw) if isinstance(raw, str) else None
    except ValueError:
        day = None
    if day is None or day.isoformat() != raw:
        raise _bad(entry, "effective_from")
    values: dict[str, Any] = {"effective_from": day}
    for name, allowed in _CHOICES.items():
        if rec[name] not in allowed:
            raise _bad(entry, name)
        values[name] = rec[name]
    for name, allowed in _LISTS.items():
        v = rec[name]
        if not isinstance(v, list) or any(x not in allowed for x in v) or len(set(v)) != len(v):
            raise _bad(entry, name)
        values[name] = tuple(v)
    for name, (lo, hi) in _INTS.items():
        v = rec[name]
        if isinstance(v, bool) or not isinstance(v, int) or not lo <= v <= hi:
            raise _bad(entry, name)
        values[name] = v
    for name in _BOOLS:
        if not isinstance(rec[name], bool):
            raise _bad(entry, name)
        values[name] = rec[name]
    values["incapable_grades"] = _grades(entry, rec["incapable_grades"])
    return Policy(**values)


def _grades(entry: int, grades: Any) -> tuple[tuple[str, int], ...]:
    if (not isinstance(grades, dict)
            or any(k not in DISABILITY_CATEGORIES or not k for k in grades)
            or any(isinstance(g, bool) or not isinstance(g, int) or not 0 <= g <= 4
                   for g in grades.values())):
        raise _bad(entry, "incapable_grades")
    return tuple(sorted(grades.items()))


def parse_entries(value: Any) -> list[Policy]:
    """A whole list, sorted by day; at least one entry, days unique."""
    if not isinstance(value, list) or not value:
        raise _bad(1, "effective_from")
    out = sorted((parse_entry(rec, i) for i, rec in enumerate(value, 1)),
                 key=lambda p: p.effective_from)
    for a, b in zip(out, out[1:]):
        if a.effective_from == b.effective_from:
            raise ValidationError(SETTING_KEY, "duplicate", key="setting.eligibility.duplicate",
                                  params={"day": a.effective_from.isoformat()})
    return out


def validate_setting(key: str, value: Any) -> list[dict[str, Any]]:
    """Settings validator: the normalised (sorted) JSON list to store."""
    return [p.to_json() for p in parse_entries(value)]


def policy_on(value: Any, day: date) -> Policy:
    """The entry in force on ``day``; before the first entry, the first entry (the
    rules themselves are older than any application the app holds)."""
    entries = parse_entries(value) if value else [parse_entry(DEFAULT_ENTRY)]
    current = entries[0]
    for p in entries:
        if p.effective_from <= day:
            current = p
    return current
