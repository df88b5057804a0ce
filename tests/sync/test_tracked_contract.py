"""Every Tracked table travels to the county (issue 15, docs/sync-format.md §13): a model
with ``uuid`` / ``version`` / ``change_seq`` (the ``Tracked`` mixin) gets ``change_seq``
numbers and makes a package worth sending, so it must have

* an export entry in ``desktop_app/core/services/sync/export.py`` (``_SPEC``) reading
  that table, under a record type of the current format (a type new in format 4 listed
  in ``sync_contract.versions.ADDED_IN_4``);
* the schema ``sync_contract/schemas/township-export.<type>.schema.json`` naming the
  current version in its ``$id``, whose properties are exactly the exported fields
  (no field the schema does not know, no schema field never exported);
* ``uuid``, ``version``, ``change_seq``, ``local_id``; ``application_uuid`` when the
  table has ``application_id``; ``item_uuid`` when it has ``item_id``; a ``<name>_uuid``
  for every other foreign key ``<name>_id`` to a Tracked table.

A helper who adds a Tracked model and forgets one of these fails here, naming the
table and what is missing. Model modules are found by walking the package, so a new
``desktop_app/core/models/<x>.py`` counts even when ``models/__init__`` does not import
it."""

from __future__ import annotations

import importlib
import json
import pkgutil

import pytest

import desktop_app.core.models as models_pkg
from desktop_app.core.models import Base, Tracked
from desktop_app.core.services.sync import export as exp
from sync_contract import versions
from sync_contract.validation import SCHEMA_DIR

# A Tracked table deliberately kept at the township: table -> why. (None today.)
LOCAL_ONLY: dict[str, str] = {}
# Foreign keys exported under another name, or deliberately not exported:
# (table, column) -> the field that carries it, or "" (not exported, say why in a comment).
FK_EXCEPTIONS: dict[tuple[str, str], str] = {}


def _tracked_tables() -> dict[str, type]:
    for mod in pkgutil.walk_packages(models_pkg.__path__, models_pkg.__name__ + "."):
        importlib.import_module(mod.name)
    out = {}
    for mapper in Base.registry.mappers:
        cls = mapper.class_
        if issubclass(cls, Tracked):
            out[cls.__table__.name] = cls
    return out


TRACKED = _tracked_tables()
TYPE_OF_TABLE = {table: type_ for type_, table in exp._TABLES.items()}


def _spec_fields(type_: str) -> list[str]:
    fields = [f for f, _, _ in exp._SPEC[type_][3]]
    nested = exp._NESTED.get(type_)
    if nested is not None:
        fields.append(nested[0])
    return fields


def test_the_walk_finds_the_known_tracked_tables():
    """(Guard: the test sees the tables it must see, so it can fail.)"""
    assert {"application", "requested_item", "task_stage", "reserve_entry", "event",
            "staff"} <= set(TRACKED)
    assert "income" not in TRACKED and "intake_draft" not in TRACKED


@pytest.mark.parametrize("table", sorted(TRACKED))
def test_every_tracked_table_has_an_export_entry_and_a_schema(table):
    if table in LOCAL_ONLY:
        pytest.skip(LOCAL_ONLY[table])
    assert table in TYPE_OF_TABLE, (
        f"Tracked table {table!r} has no export entry in "
        "desktop_app/core/services/sync/export.py _SPEC (docs/sync-format.md §13)")
    type_ = TYPE_OF_TABLE[table]
    assert type_ in versions.types_of(versions.TOWNSHIP_EXPORT), (
        f"export type {type_!r} is not a township-export type of format "
        f"{versions.FORMAT_VERSION}: add it to sync_contract/versions.py ADDED_IN_4")
    path = SCHEMA_DIR / versions.schema_name(versions.TOWNSHIP_EXPORT, type_)
    assert path.is_file(), f"no schema {path.name} for Tracked table {table!r}"
    schema = json.loads(path.read_text("utf-8"))
    assert schema["$id"].endswith(f"/sync/v{versions.FORMAT_VERSION}/{path.name}"), path.name
    fields = _spec_fields(type_)
    props = set(schema["properties"])
    assert not set(fields) - props, (
        f"{type_}: exported fields missing from {path.name}: {sorted(set(fields) - props)}")
    assert not props - set(fields), (
        f"{type_}: schema fields never exported: {sorted(props - set(fields))}")
    assert set(schema.get("required", ())) <= props


@pytest.mark.parametrize("table", sorted(TRACKED))
def test_every_tracked_record_carries_its_identity_and_its_parents(table):
    if table in LOCAL_ONLY or table not in TYPE_OF_TABLE:
        pytest.skip("covered by the test above")
    fields = set(_spec_fields(TYPE_OF_TABLE[table]))
    missing = {"uuid", "version", "change_seq", "local_id"} - fields
    assert not missing, f"{table}: the export lacks {sorted(missing)}"
    for col in TRACKED[table].__table__.columns:
        fks = [fk for fk in col.foreign_keys if fk.column.table.name in TRACKED]
        if not fks or not col.name.endswith("_id"):
            continue
        want = FK_EXCEPTIONS.get((table, col.name), col.name[:-3] + "_uuid")
        if want:
            assert want in fields, (
                f"{table}.{col.name} (a row of {fks[0].column.table.name}) is exported "
                f"without {want!r} — the county cannot attach it")


def test_the_types_new_in_format_4_are_listed_sorted_and_have_schemas():
    new = versions.ADDED_IN_4[versions.TOWNSHIP_EXPORT]
    assert list(new) == sorted(new) and len(set(new)) == len(new)
    assert not set(new) & set(versions.types_of(versions.TOWNSHIP_EXPORT, 3))
    for type_ in new:
        assert type_ in exp._SPEC, f"{type_} in ADDED_IN_4 without an export entry"
        assert (SCHEMA_DIR / f"township-export.{type_}.schema.json").is_file()
        assert not (SCHEMA_DIR / "v3" / f"township-export.{type_}.schema.json").exists()
    for type_ in versions.ADDED_IN_4[versions.COUNTY_RETURN]:
        assert (SCHEMA_DIR / f"county-return.{type_}.schema.json").is_file()
    # every export entry is a type of the format (no entry the county would never get)
    assert set(exp._SPEC) == set(versions.types_of(versions.TOWNSHIP_EXPORT))


def test_a_forgotten_table_is_caught(monkeypatch):
    """(The check can fail: a Tracked table with no entry is reported.)"""
    monkeypatch.delitem(TYPE_OF_TABLE, "task_stage")
    with pytest.raises(AssertionError, match="no export entry"):
        test_every_tracked_table_has_an_export_entry_and_a_schema("task_stage")


def test_a_foreign_key_exported_without_its_uuid_is_caught(monkeypatch):
    spec = exp._SPEC["task_stage"]
    fields = [f for f in spec[3] if f[0] != "replaces_uuid"]
    monkeypatch.setitem(exp._SPEC, "task_stage", (*spec[:3], fields))
    with pytest.raises(AssertionError, match="replaces_id"):
        test_every_tracked_record_carries_its_identity_and_its_parents("task_stage")
