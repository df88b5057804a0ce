"""The architecture holds (DESIGN §1, §9; docs/architecture.md).

* The import-linter contracts in ``.importlinter`` pass on this tree, and they are able
  to fail: a copy of the tree with one forbidden import added is refused, naming the
  contract it breaks (Qt under the core, the county receiver from the township, the
  township from the county receiver).
* No import cycle between modules: the strongly connected components of the module
  graph (grimp, the graph import-linter itself builds; imports inside functions count)
  are all single modules.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import grimp
import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("desktop_app", "sync_contract", "county_receiver", "county_workstation")
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def _lint(root: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--config", str(root / ".importlinter"), "--no-cache"],
        cwd=root, env={"PYTHONPATH": str(root), "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, timeout=300)


def _cycles(graph: grimp.ImportGraph) -> list[list[str]]:
    """Tarjan's strongly connected components with more than one module."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    counter = 0

    def visit(v: str) -> None:
        nonlocal counter
        index[v] = low[v] = counter
        counter += 1
        stack.append(v)
        on_stack.add(v)
        for w in graph.find_modules_directly_imported_by(v):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10_000))
    try:
        for module in sorted(graph.modules):
            if module not in index:
                visit(module)
    finally:
        sys.setrecursionlimit(limit)
    return found


def test_no_import_cycle_between_modules():
    graph = grimp.build_graph(*PACKAGES, cache_dir=None)
    assert _cycles(graph) == []


def test_cycle_finder_finds_a_cycle(tmp_path, monkeypatch):
    pkg = tmp_path / "cyclic"
    pkg.mkdir()
    (pkg / "__init__.py").write_text("")
    (pkg / "a.py").write_text("from . import b\n")
    (pkg / "b.py").write_text("def f():\n    from . import a\n")
    (pkg / "c.py").write_text("from . import a\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    assert _cycles(grimp.build_graph("cyclic", cache_dir=None)) == [["cyclic.a", "cyclic.b"]]


def test_import_contracts_are_kept():
    result = _lint(ROOT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-2000:]
    assert "0 broken" in result.stdout


@pytest.fixture(scope="module")
def tree_copy(tmp_path_factory):
    root = tmp_path_factory.mktemp("tree")
    shutil.copy(ROOT / ".importlinter", root)
    for name in PACKAGES:
        shutil.copytree(ROOT / name, root / name,
                        ignore=shutil.ignore_patterns("__pycache__", "*.ts", "*.qm", "*.json"))
    return root


@pytest.mark.parametrize(("module", "line", "contract"), [
    ("desktop_app/core/rules/_probe.py", "import PySide6.QtCore\n",
     "Core, printing, the sync contract and the county receiver import no Qt"),
    ("desktop_app/core/services/_probe.py", "import county_receiver.cli\n",
     "The township app never imports the county receiver"),
    ("desktop_app/gui/_probe.py", "from county_receiver import service\n",
     "The township app never imports the county receiver"),
    ("county_receiver/_probe.py", "from desktop_app.core.rules import identity\n",
     "The county receiver imports only the wire contract, never the township app"),
    ("desktop_app/core/models/_probe.py", "from desktop_app.gui import widgets\n",
     "The core and printing import neither the GUI nor the command line"),
    # issue 17 — cgui: the county workstation uses the township's GUI kit only
    ("county_workstation/_probe.py", "from desktop_app.core.services import Services\n",
     "The county workstation uses the township's GUI kit, never its services, models, "
     "database, command line or screens"),
    ("county_workstation/_probe.py", "from desktop_app.gui.sync import keys\n",
     "The county workstation uses the township's GUI kit, never its services, models, "
     "database, command line or screens"),
    ("desktop_app/gui/_probe.py", "import county_workstation.app\n",
     "The township app never imports the county receiver"),
])
def test_import_contracts_fail_on_a_forbidden_import(tree_copy, module, line, contract):
    probe = tree_copy / module
    probe.write_text(line)
    try:
        result = _lint(tree_copy)
    finally:
        probe.unlink()
    assert result.returncode != 0
    assert f"{contract} BROKEN" in " ".join(result.stdout.split())
