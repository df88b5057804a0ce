"""The assistance catalogue (事项目录): items, departments, materials (DOMAIN §2).

Part of the sync contract: the county sends a newer catalogue in a return package
(``catalogue`` record) and the township refuses a document :func:`parse_catalog`
rejects, so both ends parse it here. :func:`parse_catalog` checks a decoded JSON
document thoroughly and reports *every* problem at once (:class:`CatalogError`).
The township reads its bundled default (``resources/catalog/items.json``) with
``desktop_app.core.catalog.load_catalog``.

JSON layout (``"format": 1``)::

    {"format": 1, "version": "...", "description": "...",
     "categories": {"basic": "基本生活救助", ...},
     "defaults": {"referral_pass_on_workdays": 1},
     "departments": [{"code": "MCA", "name": "县民政局", "level": "county"}, ...],
     "materials": [{"code": "HOUSEHOLD_REGISTER", "name": "户口簿",
                    "commitment_allowed": false, "data_shared": true, "note": "..."}, ...],
     "items": [{"code": "DIBAO", "name": "最低生活保障", "short_name": "低保",
                "category": "basic", "handler": "TOWNSHIP", "decider": "MCA",
                "escalation": null, "confirmed_by": null, "delegable": true,
                "cross_province": false, "township_actions": ["受理", ...],
                "time_limit_workdays": 30, "extension_workdays": 15,
                "first_aid_hours": null,
                "stages": [{"name": "公示", "days": 7, "unit": "days", "steps": ["publicity"]}],
                "publicity": "required" | "none" | "forbidden", "params": {...},
                "notes": "...", "materials": [{"code": "APPLICATION", "required": true,
                                               "condition": "..."}]}, ...]}

Unknown keys are ignored (newer county catalogues may add fields); a different
``format`` number is rejected.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

FORMAT = 1
TOWNSHIP = "TOWNSHIP"
DEPARTMENT_LEVELS = ("township", "county")
PUBLICITY = ("required", "none", "forbidden")
STAGE_UNITS = ("workdays", "days")
#: The sequential procedure steps a stage group may list (``stages[].steps``); the same
#: codes as ``desktop_app.core.vocab.SEQUENTIAL_STAGES`` (a test keeps them equal).
STEP_CODES = ("visit", "check", "review", "publicity", "first_review", "report", "county",
              "decision")

_RE_CODE = re.compile(r"[A-Z][A-Z0-9_]{0,39}")


class CatalogError(ValueError):
    """The catalogue is unusable; ``problems`` lists every issue found (Chinese)."""

    def __init__(self, problems: Iterable[str], source: str = ""):
        self.problems = list(problems)
        self.source = source
        where = f"事项目录 {source}" if source else "事项目录"
        super().__init__(f"{where}有{len(self.problems)}处错误：\n" + "\n".join(self.problems))


# ------------------------------------------------------------------ data types


@dataclass(frozen=True)
class Department:
    """A handling or deciding body (the township itself or a county department)."""

    code: str
    name: str
    level: str = "county"

    @property
    def is_township(self) -> bool:
        return self.level == "township"


@dataclass(frozen=True)
class Material:
    """A required (or conditional) material of an item.

    ``commitment_allowed``: the applicant's signed commitment (告知承诺) may
    replace it.  ``data_shared``: obtainable through information sharing, so it
    must not be demanded (免提交).  ``required`` false means only when
    ``condition`` applies.
    """

    code: str
    name: str
    commitment_allowed: bool = False
    data_shared: bool = False
    required: bool = True
    condition: str = ""
    note: str = ""

    @property
    def waivable(self) -> bool:
        """True if the paper itself may be absent (commitment or data sharing)."""
        return self.commitment_allowed or self.data_shared


@dataclass(frozen=True)
class Stage:
    """A group of procedure steps with its own limit (``unit``: workdays or calendar
    days). ``steps``: the :data:`STEP_CODES` done within it, in order (empty in older
    catalogues: the group then only states a limit)."""

    name: str
    days: int
    unit: str = "workdays"
    steps: tuple[str, ...] = ()


@dataclass(frozen=True)
class Item:
    """An assistance item (事项) with its handler, decider, limits and materials."""

    code: str
    name: str
    short_name: str
    category: str
    handler: str
    decider: str
    township_actions: tuple[str, ...]
    time_limit_workdays: int
    materials: tuple[Material, ...] = ()
    escalation: str | None = None
    confirmed_by: str | None = None
    delegable: bool = False
    cross_province: bool = False
    extension_workdays: int = 0
    first_aid_hours: int | None = None
    stages: tuple[Stage, ...] = ()
    publicity: str = "none"
    params: tuple[tuple[str, Any], ...] = ()
    notes: str = ""

    @property
    def limit_days(self) -> int:
        """Alias of :attr:`time_limit_workdays` (working days)."""
        return self.time_limit_workdays

    @property
    def referred(self) -> bool:
        """True if the window refers (转办) the task to a county department."""
        return self.handler != TOWNSHIP

    @property
    def publicity_forbidden(self) -> bool:
        return self.publicity == "forbidden"

    def param(self, name: str, default: Any = None) -> Any:
        """A local default carried by the item (e.g. ``township_ceiling_yuan``)."""
        return dict(self.params).get(name, default)

    def material(self, code: str) -> Material:
        for mat in self.materials:
            if mat.code == code:
                return mat
        raise KeyError(f"事项{self.code}没有材料{code}")

    @property
    def required_materials(self) -> tuple[Material, ...]:
        return tuple(m for m in self.materials if m.required)


@dataclass(frozen=True)
class Catalog:
    """The whole catalogue with lookups by code."""

    version: str
    departments: tuple[Department, ...]
    items: tuple[Item, ...]
    materials: tuple[Material, ...] = ()
    categories: tuple[tuple[str, str], ...] = ()
    referral_pass_on_workdays: int = 1
    description: str = ""
    format: int = FORMAT
    _items: Mapping[str, Item] = field(init=False, repr=False, compare=False)
    _departments: Mapping[str, Department] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_items", {i.code: i for i in self.items})
        object.__setattr__(self, "_departments", {d.code: d for d in self.departments})

    def item(self, code: str) -> Item:
        """The item with ``code``; :class:`KeyError` if unknown."""
        try:
            return self._items[code]
        except KeyError:
            raise KeyError(f"未知的救助事项代码：{code}") from None

    def department(self, code: str) -> Department:
        """The department with ``code``; :class:`KeyError` if unknown."""
        try:
            return self._departments[code]
        except KeyError:
            raise KeyError(f"未知的部门代码：{code}") from None

    def has_item(self, code: str) -> bool:
        return code in self._items

    @property
    def item_codes(self) -> tuple[str, ...]:
        return tuple(i.code for i in self.items)

    def items_handled_by(self, department_code: str) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.handler == department_code)

    def category_label(self, code: str) -> str:
        return dict(self.categories).get(code, code)


# ------------------------------------------------------------------ parsing


class _Problems:
    """Collects problems with a path prefix like ``items[3](MEDICAL)``."""

    def __init__(self) -> None:
        self.items: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.items.append(f"{where}：{message}" if where else message)


@dataclass
class _Context:
    """What items may refer to: department codes, the material library, categories."""

    departments: set[str]
    materials: dict[str, Material]
    categories: dict[str, str]


def _get(
    obj: Mapping[str, Any],
    key: str,
    kind: type | tuple[type, ...],
    where: str,
    problems: _Problems,
    default: Any = ...,
    *,
    nullable: bool = False,
) -> Any:
    """Typed field access; records a problem and returns ``None`` on failure."""
    if key not in obj or (nullable and obj[key] is None):
        if default is ...:
            problems.add(where, f"缺少字段“{key}”")
            return None
        return default
    value = obj[key]
    if isinstance(value, bool) and kind in (int, (int, float)):
        problems.add(where, f"字段“{key}”应为数字")
        return None
    if not isinstance(value, kind):
        problems.add(where, f"字段“{key}”类型错误")
        return None
    return value


def _text(
    obj: Mapping[str, Any], key: str, where: str, problems: _Problems, default: Any = ...
) -> str | None:
    value: str | None = _get(obj, key, str, where, problems, default)
    if value is not None and default is ... and not value.strip():
        problems.add(where, f"字段“{key}”不能为空")
        return None
    return value


def _code(obj: Mapping[str, Any], where: str, problems: _Problems) -> str | None:
    code: str | None = _get(obj, "code", str, where, problems)
    if code is not None and not _RE_CODE.fullmatch(code):
        problems.add(where, f"代码“{code}”格式错误（应为大写字母、数字、下划线）")
        return None
    return code


def _count(
    obj: Mapping[str, Any], key: str, where: str, problems: _Problems, default: Any = ...
) -> int | None:
    value: int | None = _get(obj, key, int, where, problems, default, nullable=default is None)
    if value is not None and value < 0:
        problems.add(where, f"“{key}”不能为负数（{value}）")
        return None
    return value


def _records(
    doc: Mapping[str, Any], key: str, problems: _Problems
) -> list[tuple[str, Mapping[str, Any]]]:
    raw = doc.get(key)
    if not isinstance(raw, list) or not raw:
        problems.add("", f"“{key}”应为非空列表")
        return []
    out: list[tuple[str, Mapping[str, Any]]] = []
    for i, rec in enumerate(raw):
        where = f"{key}[{i}]"
        if isinstance(rec, dict):
            code = rec.get("code")
            out.append((f"{where}({code})" if isinstance(code, str) else where, rec))
        else:
            problems.add(where, "应为对象")
    return out


def _check_unique(codes: list[tuple[str, str | None]], what: str, problems: _Problems) -> None:
    seen: set[str] = set()
    for where, code in codes:
        if not isinstance(code, str):
            continue
        if code in seen:
            problems.add(where, f"{what}代码“{code}”重复")
        seen.add(code)


def _parse_department(where: str, rec: Mapping[str, Any], problems: _Problems) -> Department | None:
    code, name = _code(rec, where, problems), _text(rec, "name", where, problems)
    level = _get(rec, "level", str, where, problems, "county")
    if level is not None and level not in DEPARTMENT_LEVELS:
        problems.add(where, f"未知的层级“{level}”")
        return None
    if code is None or name is None or level is None:
        return None
    return Department(code, name, level)


def _parse_material(where: str, rec: Mapping[str, Any], problems: _Problems) -> Material | None:
    code, name = _code(rec, where, problems), _text(rec, "name", where, problems)
    commitment = _get(rec, "commitment_allowed", bool, where, problems, False)
    shared = _get(rec, "data_shared", bool, where, problems, False)
    note = _get(rec, "note", str, where, problems, "")
    if code is None or name is None or None in (commitment, shared, note):
        return None
    return Material(code, name, commitment, shared, note=note)


def _parse_stage(where: str, rec: Any, problems: _Problems) -> Stage | None:
    if not isinstance(rec, dict):
        problems.add(where, "应为对象")
        return None
    name, days = _text(rec, "name", where, problems), _count(rec, "days", where, problems)
    unit = _get(rec, "unit", str, where, problems, "workdays")
    if unit is not None and unit not in STAGE_UNITS:
        problems.add(where, f"未知的时限单位“{unit}”")
        return None
    steps = _parse_list(rec, "steps", where, problems)
    bad = [st for st in steps if not isinstance(st, str) or st not in STEP_CODES]
    for st in bad:
        problems.add(where, f"未知的环节“{st}”")
    if name is None or days is None or unit is None or bad:
        return None
    return Stage(name, days, unit, tuple(steps))


def _parse_item_material(
    where: str, rec: Any, library: Mapping[str, Material], problems: _Problems
) -> Material | None:
    if not isinstance(rec, dict):
        problems.add(where, "应为对象")
        return None
    code = _get(rec, "code", str, where, problems)
    required = _get(rec, "required", bool, where, problems, True)
    condition = _get(rec, "condition", str, where, problems, "")
    if code is not None and code not in library:
        problems.add(where, f"未知的材料代码“{code}”")
        return None
    if code is None or required is None or condition is None:
        return None
    base = library[code]
    return Material(
        base.code,
        base.name,
        base.commitment_allowed,
        base.data_shared,
        required,
        condition,
        base.note,
    )


def _parse_list(rec: Mapping[str, Any], key: str, where: str, problems: _Problems) -> list[Any]:
    value = _get(rec, key, list, where, problems, [])
    return value if value is not None else []


def _parse_params(
    rec: Mapping[str, Any], where: str, problems: _Problems
) -> tuple[tuple[str, Any], ...]:
    params = _get(rec, "params", dict, where, problems, {}) or {}
    out = []
    for key, value in params.items():
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            problems.add(where, f"参数“{key}”应为数字或文字")
            continue
        out.append((key, value))
    return tuple(sorted(out))


def _check_department_refs(
    where: str, rec: Mapping[str, Any], departments: set[str], problems: _Problems
) -> dict[str, str | None]:
    refs: dict[str, str | None] = {}
    for key, optional in (
        ("handler", False),
        ("decider", False),
        ("escalation", True),
        ("confirmed_by", True),
    ):
        value = _get(rec, key, str, where, problems, None if optional else ..., nullable=optional)
        if value is not None and value not in departments:
            problems.add(where, f"“{key}”引用了未知部门“{value}”")
        refs[key] = value
    return refs


def _parse_item(
    where: str, rec: Mapping[str, Any], ctx: _Context, problems: _Problems
) -> Item | None:
    n_before = len(problems.items)
    code = _code(rec, where, problems)
    name, short = _text(rec, "name", where, problems), _text(rec, "short_name", where, problems)
    category = _get(rec, "category", str, where, problems, "other")
    if category is not None and ctx.categories and category not in ctx.categories:
        problems.add(where, f"未知的类别“{category}”")
    refs = _check_department_refs(where, rec, ctx.departments, problems)
    actions = _parse_list(rec, "township_actions", where, problems)
    if not all(isinstance(a, str) and a.strip() for a in actions):
        problems.add(where, "“township_actions”应为文字列表")
    limit = _count(rec, "time_limit_workdays", where, problems)
    extension = _count(rec, "extension_workdays", where, problems, 0)
    first_aid = _count(rec, "first_aid_hours", where, problems, None)
    publicity = _get(rec, "publicity", str, where, problems, "none")
    if publicity is not None and publicity not in PUBLICITY:
        problems.add(where, f"未知的公示规则“{publicity}”")
    stages = [
        _parse_stage(f"{where}.stages[{i}]", s, problems)
        for i, s in enumerate(_parse_list(rec, "stages", where, problems))
    ]
    mats = [
        _parse_item_material(f"{where}.materials[{i}]", m, ctx.materials, problems)
        for i, m in enumerate(_parse_list(rec, "materials", where, problems))
    ]
    _check_unique([(f"{where}.materials", m.code) for m in mats if m], "材料", problems)
    _check_unique([(f"{where}.stages", code) for st in stages if st for code in st.steps],
                  "环节", problems)
    params = _parse_params(rec, where, problems)
    notes = _get(rec, "notes", str, where, problems, "")
    flags = {k: _get(rec, k, bool, where, problems, False) for k in ("delegable", "cross_province")}
    if len(problems.items) > n_before:
        return None
    # Every helper above records a problem whenever it returns None for a required field.
    assert code is not None and name is not None and short is not None
    assert refs["handler"] is not None and refs["decider"] is not None
    assert limit is not None and extension is not None
    return Item(
        code=code,
        name=name,
        short_name=short,
        category=category,
        handler=refs["handler"],
        decider=refs["decider"],
        township_actions=tuple(actions),
        time_limit_workdays=limit,
        materials=tuple(m for m in mats if m is not None),
        escalation=refs["escalation"],
        confirmed_by=refs["confirmed_by"],
        delegable=flags["delegable"],
        cross_province=flags["cross_province"],
        extension_workdays=extension,
        first_aid_hours=first_aid,
        stages=tuple(st for st in stages if st is not None),
        publicity=publicity,
        params=params,
        notes=notes,
    )


def _parse_header(doc: Mapping[str, Any], problems: _Problems) -> tuple[Any, ...]:
    """``(version, categories, referral_pass_on_workdays, description)``."""
    fmt = doc.get("format")
    if fmt != FORMAT:
        problems.add("", f"不支持的目录格式版本“{fmt}”（本程序支持 {FORMAT}）")
    version = _text(doc, "version", "", problems)
    categories = _get(doc, "categories", dict, "", problems, {}) or {}
    if not all(isinstance(v, str) for v in categories.values()):
        problems.add("categories", "类别名称应为文字")
    defaults = _get(doc, "defaults", dict, "", problems, {}) or {}
    referral = _count(defaults, "referral_pass_on_workdays", "defaults", problems, 1)
    description = _get(doc, "description", str, "", problems, "")
    return version, categories, referral, description


def parse_catalog(doc: Any, source: str = "") -> Catalog:
    """Build a :class:`Catalog` from a decoded JSON document, or raise :class:`CatalogError`."""
    problems = _Problems()
    if not isinstance(doc, dict):
        raise CatalogError(["顶层应为JSON对象"], source)
    version, categories, referral, description = _parse_header(doc, problems)
    dep_recs = _records(doc, "departments", problems)
    departments = [_parse_department(w, r, problems) for w, r in dep_recs]
    _check_unique([(w, r.get("code")) for w, r in dep_recs], "部门", problems)
    dep_codes = {d.code for d in departments if d}
    if dep_recs and TOWNSHIP not in dep_codes:
        problems.add("departments", f"缺少乡镇（街道）本级部门“{TOWNSHIP}”")
    mat_recs = _records(doc, "materials", problems)
    materials = [_parse_material(w, r, problems) for w, r in mat_recs]
    _check_unique([(w, r.get("code")) for w, r in mat_recs], "材料", problems)
    ctx = _Context(dep_codes, {m.code: m for m in materials if m}, categories)
    item_recs = _records(doc, "items", problems)
    items = [_parse_item(w, r, ctx, problems) for w, r in item_recs]
    _check_unique([(w, r.get("code")) for w, r in item_recs], "事项", problems)
    if problems.items:
        raise CatalogError(problems.items, source)
    # No problems: every record parsed (the parsers return None only after recording one).
    return Catalog(
        version=version,
        departments=tuple(d for d in departments if d is not None),
        items=tuple(i for i in items if i is not None),
        materials=tuple(m for m in materials if m is not None),
        categories=tuple(categories.items()),
        referral_pass_on_workdays=referral,
        description=description,
    )
