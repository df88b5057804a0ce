"""``desktop-app`` without a command (the GUI, ``--demo``) and ``--self-test``. Qt and the
GUI are imported here only once chosen: the other verbs never load them."""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from .common import data_dir


def self_test() -> int:
    """Check an installed copy (the bundle above all) headless; see ``selftest``."""
    from ..selftest import run

    return run()


def run_gui(args: argparse.Namespace) -> int:
    from ..gui.app import run_gui as _run

    if args.demo:
        from ..core.services import Services
        from ..core.services.demo import fill_demo

        chosen: Path | None = args.data_dir
        folder = chosen or Path(tempfile.mkdtemp(prefix="township-demo-"))
        print(f"演示模式：数据目录 {folder}（演示数据，可随意操作）", file=sys.stderr)
        services = Services.open(folder)
        if services.queries.count() == 0:
            fill_demo(services, 300, seed=2026, showcase=True)
        services.close()
        return _run(folder, demo=True)
    return _run(data_dir(args))
