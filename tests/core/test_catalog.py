"""The assistance catalogue: bundled defaults per DOMAIN §2 and load-time validation."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import pytest

from desktop_app.core.catalog import (
    Catalog,
    CatalogError,
    default_catalog_path,
    load_catalog,
    parse_catalog,
)

DOMAIN_TABLE = {
    # code: (handler, decider, time limit in working days)
    "DIBAO": ("TOWNSHIP", "MCA", 30),
    "TEKUN": ("TOWNSHIP", "MCA", 32),
    "DIBAO_EDGE": ("TOWNSHIP", "MCA", 30),
    "RIGID": ("TOWNSHIP", "MCA", 30),
    "LINSHI_URGENT": ("TOWNSHIP", "TOWNSHIP", 5),
    "LINSHI_EXPENSE": ("TOWNSHIP", "TOWNSHIP", 20),
    "MEDICAL": ("HEALTHCARE", "HEALTHCARE", 20),
    "EDUCATION": ("EDUCATION", "EDUCATION", 20),
    "HOUSING": ("HOUSING", "HOUSING", 30),
    "EMPLOYMENT": ("HRSS", "HRSS", 20),
    "DISASTER": ("TOWNSHIP", "EMERGENCY", 10),
    "DISABILITY": ("TOWNSHIP", "DPF", 20),
    "ORPHAN": ("TOWNSHIP", "MCA", 15),
    "LEGAL_AID": ("JUSTICE", "JUSTICE", 7),
    "FUNERAL": ("MCA", "MCA", 10),
    "VAGRANT": ("RESCUE", "RESCUE", 0),
    # issue 15: service-type items, referred to a provider chosen by the window (our
    # limits: the seeds set none)
    "SVC_VISIT": ("SOCIAL", "SOCIAL", 5),
    "SVC_CARE": ("SOCIAL", "SOCIAL", 10),
    "SVC_COUNSEL": ("SOCIAL", "SOCIAL", 10),
    "SVC_INTEGRATION": ("SOCIAL", "SOCIAL", 20),
    "SVC_RESOURCE": ("SOCIAL", "SOCIAL", 10),
}

DEPARTMENTS = {
    "TOWNSHIP": "乡镇（街道）",
    "MCA": "县民政局",
    "HEALTHCARE": "县医保局",
    "EDUCATION": "县教育局",
    "HOUSING": "县住建局",
    "HRSS": "县人社局",
    "DPF": "县残联",
    "EMERGENCY": "县应急管理局",
    "JUSTICE": "县司法局法律援助中心",
    "RESCUE": "县救助管理站",
    "SOCIAL": "社会力量（服务机构）",   # issue 15: the providers' items
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return load_catalog()


@pytest.fixture()
def raw() -> dict:
    return json.loads(default_catalog_path().read_text(encoding="utf-8"))


def test_default_is_cached(catalog: Catalog) -> None:
    assert load_catalog() is catalog
    assert catalog.version and catalog.format == 1


def test_departments(catalog: Catalog) -> None:
    assert {d.code: d.name for d in catalog.departments} == DEPARTMENTS
    assert catalog.department("TOWNSHIP").is_township
    assert not catalog.department("MCA").is_township


def test_items_match_domain_table(catalog: Catalog) -> None:
    assert list(catalog.item_codes) == list(DOMAIN_TABLE)
    for code, (handler, decider, limit) in DOMAIN_TABLE.items():
        item = catalog.item(code)
        assert (item.handler, item.decider, item.time_limit_workdays) == (
            handler,
            decider,
            limit,
        ), code
        assert item.limit_days == limit
        assert item.name and item.short_name and item.township_actions
        assert catalog.department(item.handler) and catalog.department(item.decider)


def test_item_specifics(catalog: Catalog) -> None:
    dibao = catalog.item("DIBAO")
    assert dibao.short_name == "低保" and dibao.extension_workdays == 15 and dibao.delegable
    assert not dibao.referred
    tekun = catalog.item("TEKUN")
    assert [(s.days, s.unit) for s in tekun.stages] == [
        (15, "workdays"),
        (7, "days"),
        (10, "workdays"),
    ]
    urgent = catalog.item("LINSHI_URGENT")
    assert urgent.first_aid_hours == 24 and urgent.escalation == "MCA"
    assert urgent.param("township_ceiling_yuan") == 3000 and urgent.param("nope", 1) == 1
    assert catalog.item("ORPHAN").publicity_forbidden
    assert (
        catalog.item("DISABILITY").cross_province
        and catalog.item("DISABILITY").confirmed_by == "MCA"
    )
    assert catalog.item("MEDICAL").referred and catalog.item("VAGRANT").referred
    assert catalog.referral_pass_on_workdays == 1
    assert {i.code for i in catalog.items_handled_by("TOWNSHIP")} >= {"DIBAO", "TEKUN", "DISASTER"}
    assert catalog.category_label(dibao.category) == "基本生活救助"


def test_materials_are_realistic(catalog: Catalog) -> None:
    dibao = catalog.item("DIBAO")
    names = {m.name for m in dibao.materials}
    assert {
        "社会救助申请书",
        "申请人身份证件",
        "户口簿",
        "家庭经济状况核对授权书",
        "诚信承诺书",
    } <= names
    assert dibao.material("HOUSEHOLD_REGISTER").data_shared
    assert dibao.material("INCOME_PROOF").commitment_allowed
    assert not dibao.material("CHECK_AUTHORIZATION").waivable
    assert (
        not dibao.material("DISABILITY_CERT").required
        and dibao.material("DISABILITY_CERT").condition
    )
    assert dibao.material("DISABILITY_CERT").data_shared
    assert dibao.material("DISABILITY_CERT") not in dibao.required_materials
    assert catalog.item("FUNERAL").material("DEATH_CERT").data_shared
    assert "残疾人证" in {m.name for m in catalog.item("DISABILITY").required_materials}
    assert any("医疗费用" in m.name for m in catalog.item("MEDICAL").materials)
    assert any("学籍" in m.name for m in catalog.item("EDUCATION").materials)
    assert any("房屋安全鉴定" in m.name for m in catalog.item("HOUSING").materials)
    assert any("受灾情况" in m.name for m in catalog.item("DISASTER").materials)
    # A person without ID can still be helped.
    assert not catalog.item("VAGRANT").material("APPLICANT_ID").required
    for item in catalog.items:
        assert item.materials, item.code
        assert len({m.code for m in item.materials}) == len(item.materials)
    with pytest.raises(KeyError):
        dibao.material("NOPE")


def test_unknown_lookups(catalog: Catalog) -> None:
    with pytest.raises(KeyError, match="NOPE"):
        catalog.item("NOPE")
    with pytest.raises(KeyError):
        catalog.department("NOPE")
    assert not catalog.has_item("NOPE") and catalog.has_item("DIBAO")


def test_catalog_objects_are_frozen_and_hashable(catalog: Catalog) -> None:
    item = catalog.item("DIBAO")
    with pytest.raises(AttributeError):
        item.time_limit_workdays = 1  # type: ignore[misc]
    assert hash(item) == hash(catalog.item("DIBAO"))


def _problems(doc: object) -> list[str]:
    with pytest.raises(CatalogError) as exc:
        parse_catalog(doc, "test.json")
    assert "test.json" in str(exc.value)
    return exc.value.problems


def test_round_trip_of_raw(raw: dict, catalog: Catalog) -> None:
    assert parse_catalog(copy.deepcopy(raw)) == catalog


def test_duplicate_codes(raw: dict) -> None:
    raw["items"].append(copy.deepcopy(raw["items"][0]))
    raw["departments"].append({"code": "MCA", "name": "又一个民政局"})
    raw["materials"].append(copy.deepcopy(raw["materials"][0]))
    raw["items"][1]["materials"].append({"code": raw["items"][1]["materials"][0]["code"]})
    problems = _problems(raw)
    assert any("事项代码“DIBAO”重复" in p for p in problems)
    assert any("部门代码“MCA”重复" in p for p in problems)
    assert any("材料代码“APPLICATION”重复" in p for p in problems)
    assert any(p.startswith("items[1](TEKUN).materials") and "重复" in p for p in problems)


def test_unknown_department_and_material(raw: dict) -> None:
    raw["items"][0]["handler"] = "POLICE"
    raw["items"][2]["escalation"] = "NOWHERE"
    raw["items"][3]["materials"].append({"code": "MAGIC_PAPER"})
    problems = _problems(raw)
    assert any(p.startswith("items[0](DIBAO)") and "未知部门“POLICE”" in p for p in problems)
    assert any("NOWHERE" in p for p in problems)
    assert any("MAGIC_PAPER" in p for p in problems)


def test_negative_and_wrongly_typed_limits(raw: dict) -> None:
    raw["items"][0]["time_limit_workdays"] = -1
    raw["items"][1]["extension_workdays"] = "15"
    raw["items"][2]["time_limit_workdays"] = True
    raw["items"][3]["stages"] = [{"name": "公示", "days": -7, "unit": "weeks"}]
    del raw["items"][4]["time_limit_workdays"]
    problems = _problems(raw)
    assert any("items[0](DIBAO)" in p and "不能为负数" in p for p in problems)
    assert any("items[1](TEKUN)" in p and "extension_workdays" in p for p in problems)
    assert any("items[2]" in p and "time_limit_workdays" in p for p in problems)
    assert any("items[3](RIGID).stages[0]" in p and "weeks" in p for p in problems)
    assert any("items[4]" in p and "缺少字段“time_limit_workdays”" in p for p in problems)


def test_all_problems_reported_together(raw: dict) -> None:
    raw["version"] = ""
    raw["items"][0]["publicity"] = "sometimes"
    raw["items"][1]["category"] = "unknown_category"
    raw["items"][2]["code"] = "lower case"
    raw["departments"][0]["level"] = "province"
    raw["materials"][1]["data_shared"] = "yes"
    raw["items"][5]["params"] = {"ceiling": [1]}
    assert len(_problems(raw)) >= 7


@pytest.mark.parametrize(
    "doc",
    [
        None,
        [],
        {},
        {"format": 2},
        {"format": 1, "version": "x", "departments": [], "materials": [], "items": []},
        {"format": 1, "version": "x", "departments": [1], "materials": [[]], "items": ["DIBAO"]},
        {
            "format": 1,
            "version": "x",
            "departments": [{"code": ["A"]}],
            "materials": [{"code": {}}],
            "items": [{"code": None}],
        },
    ],
)
def test_malformed_documents_give_catalog_error(doc: object) -> None:
    assert _problems(doc)


def test_township_department_required(raw: dict) -> None:
    raw["departments"] = [d for d in raw["departments"] if d["code"] != "TOWNSHIP"]
    assert any("TOWNSHIP" in p for p in _problems(raw))


def test_unknown_keys_are_ignored(raw: dict) -> None:
    raw["future_field"] = 1
    raw["items"][0]["future_flag"] = True
    assert parse_catalog(raw).item("DIBAO").code == "DIBAO"


def test_load_from_path_and_file_errors(tmp_path: Path, raw: dict) -> None:
    raw["version"] = "county-2026.1"
    path = tmp_path / "items.json"
    path.write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8-sig")
    assert load_catalog(path).version == "county-2026.1"
    assert load_catalog(str(path)).version == "county-2026.1"
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": 1,\n  "version": }', encoding="utf-8")
    with pytest.raises(CatalogError, match="第2行"):
        load_catalog(bad)
    with pytest.raises(CatalogError, match="无法读取"):
        load_catalog(tmp_path / "missing.json")
    gbk = tmp_path / "gbk.json"
    gbk.write_bytes('{"描述": "县"}'.encode("gbk"))
    with pytest.raises(CatalogError):
        load_catalog(gbk)


def test_stage_steps(raw: dict, catalog: Catalog) -> None:
    """Issue 13: stage groups list their steps; 特困 = 15 wd + 7 calendar days + 10 wd."""
    tekun = catalog.item("TEKUN")
    assert [s.steps for s in tekun.stages] == [
        ("visit", "check", "review", "first_review"), ("publicity",),
        ("report", "county", "decision")]
    assert "32个工作日" not in tekun.notes or "不折算" in tekun.notes
    assert [(s.days, s.steps[-1]) for s in catalog.item("DIBAO").stages] == [(30, "decision")]
    # An older catalogue without steps still parses (the groups then only state limits).
    for item in raw["items"]:
        for group in item.get("stages", []):
            group.pop("steps", None)
    assert all(not s.steps for i in parse_catalog(raw).items for s in i.stages)


def test_stage_steps_are_checked(raw: dict) -> None:
    raw["items"][0]["stages"] = [{"name": "调查", "days": 15, "steps": ["visit", "teleport"]}]
    raw["items"][1]["stages"][0]["steps"] = "visit"
    raw["items"][2]["stages"] = [{"name": "调查", "days": 15, "steps": ["visit"]},
                                 {"name": "确认", "days": 10, "steps": ["visit"]}]
    problems = _problems(raw)
    assert any("items[0](DIBAO).stages[0]" in p and "未知的环节“teleport”" in p for p in problems)
    assert any("items[2](DIBAO_EDGE).stages" in p and "环节代码“visit”重复" in p for p in problems)
    assert any("items[1](TEKUN).stages[0]" in p and "steps" in p for p in problems)
