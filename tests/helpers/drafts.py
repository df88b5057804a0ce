"""Builders for valid drafts used by the service tests."""

from __future__ import annotations

import random
from datetime import date

from desktop_app.core.services import ApplicationDraft, ItemInput, MemberInput
from desktop_app.core.services.demo import make_id


def resident_id(birth: date = date(1960, 5, 17), male: bool = True, seed: int = 1,
                region: str = "522201") -> str:
    return make_id(random.Random(seed), region, birth, male)


def all_received(services, code: str) -> ItemInput:
    item = services.ctx.catalog.item(code)
    return ItemInput(code, {m.code: "received" for m in item.materials})


def draft(services, name: str = "张三", items=("DIBAO",), **kw) -> ApplicationDraft:
    village = services.setup.villages()[0].id
    applicant = MemberInput(name=name, id_number=kw.pop("id_number", resident_id()),
                            phone="13800000000", hukou_address="贵州省铜仁市碧江区清水镇石桥村12号")
    return ApplicationDraft(
        applicant=applicant,
        members=kw.pop("members", [MemberInput(name="李四", relation="配偶",
                                               id_number=resident_id(date(1962, 3, 1), False, 2))]),
        village_id=village,
        incomes=kw.pop("incomes", {"wage": "600", "farming": "200"}),
        items=[all_received(services, c) for c in items],
        **kw,
    )
