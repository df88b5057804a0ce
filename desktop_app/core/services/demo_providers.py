"""The ``--demo`` window's providers (issue 15 item 5): a township 社工站 (汉中 seed
001: 镇级社工站), a charity, a volunteer team and an inactive social organisation, and
two service cases — a 照料 task referred to the 社工站 (its 转办单 issued, waiting for
the provider's 转办清单) and a 访视 task still waiting for its provider to be chosen.

Written through :class:`~desktop_app.core.services.providers.ProviderService` as the
administrator and a clerk would (audited like theirs); the two cases are accepted with
the demo's own drafts (``record_batch``, no PDFs at acceptance)."""

from __future__ import annotations

import random
from datetime import datetime, time, timedelta
from typing import TYPE_CHECKING, Any

from ..vocab import Decision, MaterialStatus
from .drafts import ItemInput
from .providers import ProviderInput

if TYPE_CHECKING:
    from . import Services

#: (name, kind, services, contact, phone, address, active)
PROVIDERS = (
    ("城关镇社会工作服务站", "social_work",
     ("SVC_VISIT", "SVC_CARE", "SVC_COUNSEL", "SVC_INTEGRATION", "SVC_RESOURCE"),
     "周晓梅", "0571-12345601", "城关镇人民政府便民服务中心二楼", True),
    ("县慈善总会", "charity", ("SVC_RESOURCE",), "何建平", "0571-12345602",
     "县民政局办公楼一楼", True),
    ("城关镇阳光志愿服务队", "volunteer", ("SVC_VISIT", "SVC_INTEGRATION"), "吴敏",
     "13800001234", "城关镇新时代文明实践所", True),
    ("心语心理咨询中心", "social_org", ("SVC_COUNSEL",), "", "0571-12345603",
     "", False),
)
#: The two service cases: (item, hours before now accepted); the first goes to the 社工站.
CASES = (("SVC_CARE", 30), ("SVC_VISIT", 3))


def add_demo_providers(services: Services, admin: int, clerk: int, maker: Any,
                       rng: random.Random) -> int:
    """The directory and the two service cases; returns the applications added."""
    ids = [services.providers.save(None, ProviderInput(
        name=name, kind=kind, services=codes, contact=contact, phone=phone, address=address,
        active=active), admin).value
        for name, kind, codes, contact, phone, address, active in PROVIDERS]
    now = services.ctx.clock()
    entries: list[tuple[Any, str, list[str], datetime]] = []
    for code, hours in CASES:
        when = now - timedelta(hours=hours)
        when = datetime.combine(when.date(), time(9, 30)) if hours > 24 else when
        draft, _decision, _reasons = maker.draft(when)
        draft.items = [ItemInput(code, {m.code: MaterialStatus.RECEIVED
                                        for m in maker.catalog.item(code).materials})]
        draft.urgent = False
        entries.append((draft, Decision.ACCEPT, [], when))
    apps = services.intake.record_batch(entries, clerk).value
    care = next(t for t in services.handling.tasks_for_application(apps[0])
                if t.item_code == "SVC_CARE")
    services.providers.assign(care.task_id, ids[0], clerk)
    return len(apps)
