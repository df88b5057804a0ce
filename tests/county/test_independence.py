"""The county receiver and the sync contract stand on their own: neither imports the
township's ``desktop_app`` (nor Qt), and the contract imports nothing of the county."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _imports(package: str) -> dict[str, set[str]]:
    """Top-level module names each file of ``package`` imports (absolute imports; relative
    ones stay inside the package by construction)."""
    found: dict[str, set[str]] = {}
    for path in sorted((ROOT / package).rglob("*.py")):
        names: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                names.update(a.name.split(".")[0] for a in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                names.add(node.module.split(".")[0])
        found[str(path.relative_to(ROOT))] = names
    return found


def test_county_receiver_imports_only_the_contract():
    bad = {f: sorted(n & {"desktop_app", "PySide6", "shiboken6"})
           for f, n in _imports("county_receiver").items() if n & {"desktop_app", "PySide6", "shiboken6"}}
    assert bad == {}


def test_sync_contract_imports_neither_end():
    ends = {"desktop_app", "county_receiver", "PySide6", "shiboken6", "sqlalchemy", "alembic"}
    bad = {f: sorted(n & ends) for f, n in _imports("sync_contract").items() if n & ends}
    assert bad == {}


def test_running_the_receiver_loads_no_township_module(tmp_path):
    code = (
        "import json, sys\n"
        "from county_receiver.cli import main\n"
        f"rc = main(['--data-dir', {str(tmp_path / 'data')!r}, 'townships', '--db', "
        f"{'sqlite:///' + str(tmp_path / 'c.sqlite3')!r}, '--keys', {str(tmp_path / 'k')!r}])\n"
        "print(json.dumps([rc, sorted(m for m in sys.modules if m.split('.')[0] in "
        "('desktop_app', 'PySide6'))]))\n")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True)
    assert json.loads(out.stdout.strip().splitlines()[-1]) == [0, []]


def test_sync_contract_modules_form_no_cycle():
    """e.g. keys no longer imports the envelope's private helpers (the envelope imports keys)."""
    graph: dict[str, set[str]] = {}
    for path in (ROOT / "sync_contract").glob("*.py"):
        deps: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                if node.level == 1:
                    deps.update([node.module] if node.module else [a.name for a in node.names])
                elif (node.module or "").startswith("sync_contract."):
                    deps.add(node.module.split(".")[1])
        graph[path.stem] = deps - {path.stem}
    state: dict[str, int] = {}

    def visit(name: str, trail: tuple[str, ...]) -> None:
        if state.get(name) == 2:
            return
        assert state.get(name) != 1, f"import cycle: {' -> '.join((*trail, name))}"
        state[name] = 1
        for dep in sorted(graph.get(name, ())):
            visit(dep, (*trail, name))
        state[name] = 2

    for name in sorted(graph):
        visit(name, ())
    assert graph["keys"] >= {"errors", "fs", "validation"} and "envelope" not in graph["keys"]
