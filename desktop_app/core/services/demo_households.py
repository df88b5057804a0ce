"""Demo households with several applications (issue 16, 一户一档): the ``--demo``
applications all have different applicants, so the household file would show one
application each. Three households come back over the demo's two years — a 低保
household asking later for 医疗救助 and then 教育救助 for a child who joined, an elderly
applicant with 特困 then 临时救助, a family whose adult son moved out between its
applications — recorded like the other demo applications (``record_batch``: documents
rendered when first opened) and moved on by the same task steps.

Called by ``demo.fill_demo(showcase=True)`` with its own generator, so the rest of the
demo is drawn exactly as before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from ..vocab import Decision, MaterialStatus
from .drafts import ItemInput

if TYPE_CHECKING:
    import random

    from . import Services

#: Per household: (days before today, items) of each application, oldest first, and
#: what changes in the household before each later one ("" / "child" / "leave").
PLANS: tuple[tuple[tuple[int, tuple[str, ...], str], ...], ...] = (
    ((690, ("DIBAO",), ""), (400, ("MEDICAL",), ""), (60, ("EDUCATION",), "child")),
    ((560, ("TEKUN",), ""), (120, ("LINSHI_EXPENSE",), "")),
    ((450, ("DIBAO_EDGE",), ""), (200, ("MEDICAL", "HOUSING"), "leave")),
)


def add_demo_households(services: Services, maker: Any, clerk: int,
                        advance: Callable[[Services, list[int], random.Random], None]) -> int:
    """Add the :data:`PLANS` households; returns the applications added."""
    today = services.ctx.today()
    entries: list[tuple[Any, str, list[str], datetime]] = []
    for plan in PLANS:
        first = datetime.combine(today - timedelta(days=plan[0][0]), time(9, 40))
        base, _decision, _reasons = maker.draft(first)
        base.urgent = False
        for days, items, change in plan:
            when = datetime.combine(today - timedelta(days=days), time(10, 15))
            if change == "child":
                kid = maker.person(when.date(), 7, True, "子", base.applicant.name[0])
                base = replace(base, members=[*base.members, kid])
            elif change == "leave" and base.members:
                base = replace(base, members=base.members[:-1])
            draft = replace(base, intake_date=when.date(), items=[
                ItemInput(code, {m.code: MaterialStatus.RECEIVED
                                 for m in maker.catalog.item(code).materials})
                for code in items])
            entries.append((draft, Decision.ACCEPT, [], when))
    ids = services.intake.record_batch(entries, clerk).value
    advance(services, ids, maker.rng)
    return len(ids)
