"""The ``--demo`` 特困 care cases (issue 15, demo_care.py): on the confirmed 特困 tasks, in
order — an agreement ending soon, one expired, 集中供养, 分散 without agreement, one in
force — and the last confirmed person left without an assessment."""

from __future__ import annotations

import random
from datetime import date

import pytest

from desktop_app.core.services.demo_care import add_demo_care
from tests.helpers.care import tekun_task


@pytest.mark.slow  # six accepted applications: ~4 s here
def test_demo_care_cases(services, township):
    names = ["甲一", "乙二", "丙三", "丁四", "戊五", "己六"]
    tasks = [tekun_task(services, township, name="王" + n, seed=40 + i)[1]
             for i, n in enumerate(names)]
    assert add_demo_care(services, random.Random(1)) == 5
    soon = services.care.ending_soon()
    assert [(r.task_id, r.ends_on) for r in soon] == [(tasks[0], date(2026, 12, 6))]
    missing = {r.task_id: r.problem for r in services.care.without_agreement()}
    assert missing == {tasks[1]: "expired", tasks[3]: "no_agreement", tasks[5]: "no_assessment"}
    assert services.care.current(tasks[2]).institution == "清水镇敬老院"
    view = services.care.current(tasks[4])
    assert view.has_agreement and view.ends_on >= date(2026, 11, 24)
    # the demo's documents open: rendered on first use, with the recorded data
    doc = next(d for d in services.documents.for_application(view.application_id)
               if d.kind == "care_agreement")
    assert services.documents.original_pdf(doc.id).read_bytes().startswith(b"%PDF")
