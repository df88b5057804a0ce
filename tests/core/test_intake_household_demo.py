"""The demo shows the household records (issue 12) without changing the rest of it."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import datetime

from desktop_app.core.services.demo import _Maker


def _drafts(services, with_household: bool, n: int = 150):
    maker = _Maker(services, random.Random(3))
    if not with_household:
        maker.household = lambda draft, today: None
    return [maker.draft(datetime(2026, 11, 2, 9, 0))[0] for _ in range(n)]


def _plain(d):
    members = [replace(m, counted=True, counted_reason="") for m in d.members]
    return replace(d, members=members, related=[], residence_kind="hukou", residence_address="",
                   residence_permit_no="")


def test_demo_households_carry_the_new_records_and_stay_otherwise_the_same(services, township):
    plain = _drafts(services, False)
    rich = _drafts(services, True)
    assert [_plain(d) for d in rich] == plain          # the main generator's draws are untouched
    related = [p for d in rich for p in d.related]
    assert {(p.relation, p.able) for p in related} == {("子", True), ("女", False)}
    assert all(p.unable_reason for p in related if p.able is False)
    assert any(m.counted_reason == "prison" and not m.counted for d in rich for m in d.members)
    assert any(d.residence_kind == "permit" and d.residence_permit_no for d in rich)
    for d in rich:
        assert services.intake.validate(d) == [], d.applicant.name
