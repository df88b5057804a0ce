"""办件详情's history (issue 15): the dynamic-management steps of the household's other
applications (same applicant ID number) are put in among this application's events by
time, labelled 同户办件 and that application's 办件编号; this application's own steps keep
their words."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop_app.core.models import Application
from desktop_app.core.services.events import record_event
from tests.gui.test_gui_detail_timeline import make_view, timeline
from tests.helpers.drafts import draft, resident_id

pytestmark = pytest.mark.gui

SAME = resident_id(date(1957, 6, 7), seed=51)


def test_the_household_s_re_check_shows_in_the_other_application_s_history(
        qtbot, services, township, tasks, opener, clock):
    first = services.intake.decide(draft(services, name="钱同户", items=("MEDICAL",),
                                         id_number=SAME), "accept", township).application_id
    second = services.intake.decide(draft(services, name="钱同户", items=("DIBAO",),
                                          id_number=SAME), "accept", township).application_id
    clock.now = datetime(2026, 11, 26, 9, 0)
    with services.ctx.db.transaction() as s:
        record_event(s, "review.record", actor_id=township, application_id=second,
                     item="DIBAO")
        record_event(s, "application.void", actor_id=township, application_id=second)
        number = s.scalar(select(Application.number).where(Application.id == second))
    view = make_view(qtbot, services, tasks, opener, first)
    lines = timeline(view)
    household = [x for x in lines if "同户办件" in x]
    assert len(household) == 1, lines
    assert f"同户办件 {number}" in household[0]
    assert lines[-1] == household[0]            # the newest, after this one's acceptance
    assert any(" 受理" in x for x in lines[:-1])
    assert not any("作废" in x for x in lines)  # not a dynamic-management step
