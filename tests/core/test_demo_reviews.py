"""The ``--demo`` cases of 动态管理 (issue 15, helper ``reviews``): re-checks due in the
coming days and one 低保 household whose 6-month 渐退 ends this month."""

from __future__ import annotations

from datetime import timedelta

import pytest

from desktop_app.core.services.demo import fill_demo


@pytest.mark.slow  # the demo fill takes ~6 s
def test_demo_has_rechecks_due_and_a_taper_ending_this_month(services, clock):
    fill_demo(services, 50, seed=7, days=730, showcase=True)
    today = services.ctx.today()
    tapers = services.rechecks.tapers_ending(today)
    assert len(tapers) == 1
    taper = tapers[0]
    assert taper.taper_ends_on.month == today.month and taper.amount_fen
    # the reminder of its end is on the due list, marked 渐退
    due = services.rechecks.due(within_days=30)
    assert any(d.task_id == taper.task_id and d.status == "taper" for d in due)
    soon = [d for d in due if d.status == "active"
            and today < d.next_review_on <= today + timedelta(days=30)]
    assert {d.item_code for d in soon} >= {"DIBAO", "TEKUN"}
    assert any(d.item_code == "DIBAO" and d.review_class == "C" for d in soon)
    # the snapshot of the change report is readable and differs from the application's
    hist = services.rechecks.history(taper.task_id)
    assert [r.outcome for r in hist] == ["taper"]
    assert "wage" in services.rechecks.snapshot(hist[0].id).incomes
