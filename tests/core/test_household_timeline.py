"""The household's timeline (issue 15 item 6): an application's timeline shows the
dynamic-management steps (``review.*``, ``lead.*``, ``monitor.*``, ``care.*``,
``provider.*``) of every application of the same household — the same applicant ID
number — marked with that application's 办件编号; other steps of those applications,
and applications of other households, stay out. Both look-ups use an index."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import event as sa_event
from sqlalchemy import select, text

from desktop_app.core.models import Application
from desktop_app.core.services.events import record_event
from desktop_app.core.services.handling.timeline import HOUSEHOLD_FAMILIES, _step_text
from tests.helpers.drafts import draft, resident_id

SAME = resident_id(date(1958, 2, 3), seed=41)
OTHER = resident_id(date(1959, 4, 5), seed=42)


@pytest.fixture
def township(services):
    from desktop_app.core.services.demo import create_demo_township

    return create_demo_township(services)


def _accept(services, township, id_number, items=("DIBAO",), name="王同户"):
    return services.intake.decide(draft(services, name=name, items=items,
                                        id_number=id_number), "accept", township).application_id


def _record(services, app_id, *actions):
    with services.ctx.db.transaction() as s:
        for action in actions:
            record_event(s, action, actor_id=None, application_id=app_id, item="DIBAO")


def _number(services, app_id) -> str:
    with services.ctx.db.read() as s:
        return s.scalar(select(Application.number).where(Application.id == app_id)) or ""


@pytest.fixture
def household(services, township):
    first = _accept(services, township, SAME)
    second = _accept(services, township, SAME, items=("MEDICAL",))
    stranger = _accept(services, township, OTHER, name="赵别户")
    _record(services, second, "review.record", "lead.close", "monitor.visit", "care.agreement",
            "provider.referral", "task.review", "application.void")
    _record(services, stranger, "review.record")
    _record(services, first, "review.record")
    return first, second, stranger


def test_the_household_s_dynamic_steps_show_in_each_of_its_applications(services, household):
    first, second, stranger = household
    steps = services.handling.timeline(first)
    others = [st for st in steps if st.other_application(first)]
    assert [st.action for st in others] == ["review.record", "lead.close", "monitor.visit",
                                            "care.agreement", "provider.referral"]
    assert {st.application_id for st in others} == {second}
    assert {st.application_number for st in others} == {_number(services, second)}
    assert all(st.text for st in others)
    # worded by the part's own line (``_step_text``), else by the family's name
    cat = services.ctx.catalog
    for st in others:
        assert st.text == (_step_text(cat, st.action, {"item": "DIBAO"})
                           or HOUSEHOLD_FAMILIES[st.action.split(".")[0]])
    own = [st for st in steps if not st.other_application(first)]
    assert own[0].action == "application.accept" and own[-1].action == "review.record"
    assert all(st.application_id == first for st in own)
    # oldest first, all applications together
    assert [st.at for st in steps] == sorted(st.at for st in steps)
    # the other application's own timeline is unchanged, and shows the first's review
    second_steps = services.handling.timeline(second)
    assert [st.action for st in second_steps if st.other_application(second)] == ["review.record"]
    assert "task.review" in [st.action for st in second_steps]
    # another household's steps never show
    assert not [st for st in services.handling.timeline(stranger) if st.other_application(stranger)]
    assert stranger not in {st.application_id for st in steps}


def test_an_applicant_without_an_id_number_has_only_its_own_steps(services, township):
    from desktop_app.core.models import HouseholdMember

    a = _accept(services, township, SAME)
    b = _accept(services, township, SAME, items=("MEDICAL",))
    _record(services, b, "review.record")
    with services.ctx.db.transaction() as s:      # as a record made without an ID number
        for app in (a, b):
            s.scalars(select(HouseholdMember).where(HouseholdMember.application_id == app,
                                                    HouseholdMember.position == 0)).one(
            ).id_number = ""
    assert not [st for st in services.handling.timeline(a) if st.other_application(a)]


def test_the_household_look_ups_use_indexes(services, household):
    """Every statement the timeline runs on household_member and event searches an
    index (SQLite's plan says SEARCH, never SCAN of those tables)."""
    first = household[0]
    seen: list[tuple[str, object]] = []
    engine = services.ctx.db.engine

    def grab(_conn, _cur, statement, params, _ctx, _many):
        if "household_member" in statement or "FROM event" in statement:
            seen.append((statement, params))

    sa_event.listen(engine, "before_cursor_execute", grab)
    try:
        services.handling.timeline(first)
    finally:
        sa_event.remove(engine, "before_cursor_execute", grab)
    assert len(seen) >= 2
    with engine.connect() as con:
        for statement, params in seen:
            plan = " | ".join(str(r[-1]) for r in con.exec_driver_sql(
                "EXPLAIN QUERY PLAN " + statement, params))
            for table in ("household_member", "event"):
                assert f"SCAN {table}" not in plan, (statement, plan)
            assert "USING INDEX" in plan or "USING COVERING INDEX" in plan, (statement, plan)
    with engine.connect() as con:      # (the check can fail: a scan is named SCAN)
        plan = " ".join(str(r[-1]) for r in con.execute(text(
            "EXPLAIN QUERY PLAN SELECT * FROM event WHERE detail = '{}'")))
        assert "SCAN event" in plan
