"""The assistance catalogue (事项目录): items, departments, materials (DOMAIN §2).

The document format and its parser are part of the sync contract
(:mod:`sync_contract.catalog`, re-exported here): the county sends newer catalogues in
return packages. This module adds the township's files: :func:`load_catalog` reads a
file (by default the bundled ``resources/catalog/items.json``, parsed once and cached).
"""

from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

from sync_contract.catalog import (
    DEPARTMENT_LEVELS,
    FORMAT,
    PUBLICITY,
    STAGE_UNITS,
    TOWNSHIP,
    Catalog,
    CatalogError,
    Department,
    Item,
    Material,
    Stage,
    parse_catalog,
)


def default_catalog_path() -> Path:
    """``resources/catalog/items.json`` of the running installation."""
    from desktop_app import resources_dir

    return resources_dir() / "catalog" / "items.json"


def read_catalog_file(path: Path | str) -> Catalog:
    """Read and parse a catalogue file (UTF-8 JSON, BOM tolerated)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise CatalogError([f"无法读取文件：{exc}"], str(path)) from None
    try:
        doc = json.loads(text)
    except json.JSONDecodeError as exc:
        raise CatalogError(
            [f"JSON格式错误（第{exc.lineno}行第{exc.colno}列）：{exc.msg}"], str(path)
        ) from None
    return parse_catalog(doc, str(path))


@lru_cache(maxsize=1)
def _default_catalog() -> Catalog:
    return read_catalog_file(default_catalog_path())


def load_catalog(path: Path | str | None = None) -> Catalog:
    """The catalogue at ``path``, or the bundled default (parsed once and cached)."""
    if path is None:
        return _default_catalog()
    return read_catalog_file(path)


__all__ = [
    "DEPARTMENT_LEVELS", "FORMAT", "PUBLICITY", "STAGE_UNITS", "TOWNSHIP", "Catalog", "CatalogError",
    "Department", "Item", "Material", "Stage", "default_catalog_path", "load_catalog",
    "parse_catalog", "read_catalog_file",
]
