"""Materials per stage and 待低保认定 (issue 13): the catalogue's rules and the pure
functions that read them, table-driven."""

from __future__ import annotations

import copy
import json

import pytest

from desktop_app.core.catalog import CatalogError, default_catalog_path, load_catalog, parse_catalog
from desktop_app.core.rules import dependents as rules
from sync_contract.catalog import Material

CATALOG = load_catalog()

# -- which materials at which stage ------------------------------------------------------

#: (item, material) → stage; every other material of the bundled catalogue is at intake.
AT_DECISION = {
    ("DIBAO", "BANK_ACCOUNT"), ("TEKUN", "BANK_ACCOUNT"), ("MEDICAL", "BANK_ACCOUNT"),
    ("DISASTER", "BANK_ACCOUNT"), ("DISABILITY", "BANK_ACCOUNT"), ("ORPHAN", "BANK_ACCOUNT"),
}
#: (item, material) → depends_on; none elsewhere.
DEPENDS = {
    ("MEDICAL", "ASSISTANCE_STATUS"): ("DIBAO", "TEKUN"),
    ("EDUCATION", "ASSISTANCE_STATUS"): ("DIBAO", "TEKUN"),
    ("HOUSING", "ASSISTANCE_STATUS"): ("DIBAO", "TEKUN"),
    ("EMPLOYMENT", "ASSISTANCE_STATUS"): ("DIBAO", "TEKUN"),
    ("FUNERAL", "ASSISTANCE_STATUS"): ("DIBAO", "TEKUN"),
}


@pytest.mark.parametrize("item", CATALOG.item_codes)
def test_bundled_catalogue_stage_and_dependency_of_every_material(item):
    for mat in CATALOG.item(item).materials:
        key = (item, mat.code)
        assert mat.at == ("decision" if key in AT_DECISION else "intake"), key
        assert mat.at_decision == (key in AT_DECISION)
        assert mat.depends_on == DEPENDS.get(key, ()), key
    assert CATALOG.item(item).materials_at("decision") == tuple(
        m for m in CATALOG.item(item).materials if (item, m.code) in AT_DECISION)


def _mat(depends=(), at="intake", required=True) -> Material:
    return Material("X", "某材料", required=required, at=at, depends_on=tuple(depends))


@pytest.mark.parametrize(("depends", "requested", "pending", "expected"), [
    (("DIBAO", "TEKUN"), ["DIBAO", "MEDICAL"], [], "DIBAO"),
    (("DIBAO", "TEKUN"), ["TEKUN", "MEDICAL"], [], "TEKUN"),
    (("DIBAO", "TEKUN"), ["MEDICAL"], ["TEKUN"], "TEKUN"),        # pending elsewhere
    (("DIBAO", "TEKUN"), ["TEKUN"], ["DIBAO"], "TEKUN"),          # this intake first
    (("DIBAO", "TEKUN"), ["MEDICAL"], [], None),                  # nothing to wait for
    (("DIBAO", "TEKUN"), ["DIBAO_EDGE", "MEDICAL"], ["RIGID"], None),
    ((), ["DIBAO", "MEDICAL"], ["DIBAO"], None),                  # proves no status
])
def test_awaiting_allowed_only_while_a_dependency_is_requested_or_pending(
        depends, requested, pending, expected):
    assert rules.awaitable_for(_mat(depends), requested, pending) == expected


@pytest.mark.parametrize(("at", "status", "missing_at_intake"), [
    ("intake", "missing", True),
    ("decision", "missing", False),     # asked for at 审核确认
    ("intake", "awaiting", False),      # 待低保认定 is not missing
    ("intake", "received", False),
    ("decision", "received", False),
    ("intake", "na", False),
])
def test_what_is_missing_at_intake(at, status, missing_at_intake):
    assert rules.demanded_at_intake(_mat(at=at), status) is missing_at_intake


@pytest.mark.parametrize(("item", "code", "status", "label"), [
    ("DIBAO", "BANK_ACCOUNT", "missing", "审核确认时提供"),
    ("DIBAO", "BANK_ACCOUNT", "received", "已收取"),
    ("DIBAO", "INCOME_PROOF", "missing", "缺少"),
    ("MEDICAL", "ASSISTANCE_STATUS", "awaiting", "待低保认定"),
    ("NOPE", "BANK_ACCOUNT", "missing", "缺少"),
])
def test_material_label(item, code, status, label):
    assert rules.material_label(CATALOG, item, code, status) == label


@pytest.mark.parametrize(("code", "short", "label"), [
    ("DIBAO", None, "待低保认定"), ("TEKUN", None, "待特困认定"), ("DIBAO", "低保", "待低保认定"),
])
def test_awaiting_label_names_the_item(code, short, label):
    assert rules.awaiting_label(code, short) == label


def test_older_catalogue_objects_without_the_fields_read_as_intake():
    class Old:   # a material as an older catalogue (or a test double) gives it
        code, required = "X", True
    assert not rules.at_decision(Old())
    assert rules.demanded_at_intake(Old(), "missing")
    assert rules.awaitable_for(Old(), ["DIBAO"], []) is None


# -- parsing ------------------------------------------------------------------------------


@pytest.fixture()
def raw() -> dict:
    return json.loads(default_catalog_path().read_text(encoding="utf-8"))


def _item_material(doc, item, code):
    it = next(i for i in doc["items"] if i["code"] == item)
    return next(m for m in it["materials"] if m["code"] == code)


def test_a_catalogue_without_the_new_fields_still_parses(raw):
    old = copy.deepcopy(raw)
    for it in old["items"]:
        for m in it["materials"]:
            m.pop("at", None)
            m.pop("depends_on", None)
    cat = parse_catalog(old)
    assert all(m.at == "intake" and m.depends_on == () for i in cat.items for m in i.materials)


@pytest.mark.parametrize(("change", "problem"), [
    ({"at": "payment"}, "未知的材料提交环节“payment”"),
    ({"at": 1}, "字段“at”类型错误"),
    ({"depends_on": "DIBAO"}, "字段“depends_on”类型错误"),
    ({"depends_on": ["dibao"]}, "“depends_on”应为事项代码列表"),
    ({"depends_on": ["NOPE"]}, "“depends_on”引用了未知或自身的事项“NOPE”"),
    ({"depends_on": ["MEDICAL"]}, "“depends_on”引用了未知或自身的事项“MEDICAL”"),
])
def test_bad_stage_or_dependency_is_refused_with_its_place(raw, change, problem):
    _item_material(raw, "MEDICAL", "ASSISTANCE_STATUS").update(change)
    with pytest.raises(CatalogError) as err:
        parse_catalog(raw)
    assert any(problem in p and "MEDICAL" in p for p in err.value.problems), err.value.problems
