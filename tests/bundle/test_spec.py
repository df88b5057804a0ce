"""build.spec's own logic, without PyInstaller: which package files ship as data and
which Qt plugins/translations the trim keeps — with Windows-style paths too, since
the Windows build cannot run here. The bundle itself is built and self-tested by
``bash dev.sh bundle`` (CI)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = (ROOT / "build.spec").read_text(encoding="utf-8")


def _section(start: str, end: str) -> dict:
    """Execute the part of build.spec from ``start`` up to ``end`` (plain Python)."""
    code = SPEC[SPEC.index(start):SPEC.index(end)]
    here = str(ROOT)
    namespace = {"os": os, "HERE": here, "src": lambda *p: os.path.join(here, *p)}
    exec(compile(code, "build.spec", "exec"), namespace)
    return namespace


@pytest.fixture(scope="module")
def keep():
    return _section("KEEP_PLATFORMS =", "a.binaries = ")["keep"]


def test_package_data_ships_translations_schemas_and_migration_scripts():
    found = _section("def package_data", "datas += package_data()")["package_data"]()
    dests = {(Path(dest) / Path(source).name).as_posix() for source, dest in found}
    assert "desktop_app/gui/i18n/zh_CN.qm" in dests
    assert "desktop_app/core/migrations/env.py" in dests
    contract = _section("def package_data", "datas += package_data()")["package_data"]("sync_contract")
    schemas = {(Path(dest) / Path(source).name).as_posix() for source, dest in contract}
    assert "sync_contract/schemas/manifest.schema.json" in schemas
    assert not any(d.endswith(".py") for d in schemas)    # the contract's modules go into the PYZ
    versions = {p.name for p in (ROOT / "desktop_app/core/migrations/versions").glob("0*.py")}
    assert versions and {f"desktop_app/core/migrations/versions/{v}" for v in versions} <= dests
    # sources and helpers stay out; ordinary modules go into the PYZ, not as files
    assert not any(d.endswith((".ts", ".sh", ".pyc")) for d in dests)
    assert "desktop_app/cli/__init__.py" not in dests and "desktop_app/gui/app.py" not in dests


@pytest.mark.parametrize("sep", ["/", "\\"])
@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", False),
    ("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so", True),
    ("PySide6/plugins/imageformats/qjpeg.dll", True),
    ("PySide6/plugins/imageformats/qtiff.dll", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/sqldrivers/libqsqlite.so", False),
    ("PySide6/translations/qtbase_zh_CN.qm", True),
    ("PySide6/Qt/translations/qt_zh_CN.qm", True),
    ("PySide6/Qt/translations/qtbase_de.qm", False),
    ("PySide6/Qt/translations/qt_help_zh_CN.qm", False),
    ("desktop_app/gui/i18n/zh_CN.qm", True),
    ("resources/fonts/uming.ttc", True),
    ("resources/fonts/BabelStoneHan.ttf", True),
])
def test_qt_trim(keep, sep, dest, kept):
    assert keep((dest.replace("/", sep), "/src/" + dest, "BINARY")) is kept


def test_the_township_bundle_has_no_county_code():
    """build.spec excludes the county receiver and what only it uses; it ships the
    contract's schemas; and nothing the township analyses imports the county (so the
    exclusion removes nothing the app needs)."""
    import ast

    excludes = _section("COUNTY_ONLY =", "a = Analysis(")["excludes"]
    assert {"county_receiver", "county_workstation", "psycopg"} <= set(excludes)
    analysis = SPEC[SPEC.index("a = Analysis("):SPEC.index("# --- trim Qt")]
    assert 'src("desktop_app", "__main__.py")' in analysis and "county" not in analysis
    hidden = SPEC[SPEC.index("hidden = ("):SPEC.index("for optional in (")]
    assert "county" not in hidden and "psycopg" not in hidden
    datas = SPEC[SPEC.index("datas += package_data()"):SPEC.index("# --- modules imported")]
    assert 'package_data("sync_contract")' in datas and "county" not in datas
    for path in [*(ROOT / "desktop_app").rglob("*.py"), *(ROOT / "sync_contract").rglob("*.py")]:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import) else
                     [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0
                     else [])
            assert not [n for n in names if n.split(".")[0] in excludes], path
