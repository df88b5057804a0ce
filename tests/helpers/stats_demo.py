"""A populated template for the statistics screen and report tests (issue 16): the demo
township with 80 decided applications over the 120 days before the tests' clock
(2026-11-24), so 2026-Q4 has two months with figures and a third still to come."""

from __future__ import annotations

from typing import Any


def stats_demo(services: Any, clock: Any) -> None:
    from desktop_app.core.services.demo import fill_demo

    fill_demo(services, 80, seed=7, days=120)
