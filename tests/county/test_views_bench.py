"""The county views benchmark's generator and measurement still work against the current
schema and views (tests/bench/bench_county_views.py), at a small size on the real
PostgreSQL fixture; the generated county answers like a real one (planted duplicates are
found, the overdue table agrees with its drill-down)."""

from __future__ import annotations

from datetime import date

import pytest

from county_receiver import views
from tests.bench import bench_county_views as bench

pytestmark = pytest.mark.slow


def test_bench_generates_and_measures_a_small_county(pg_url):
    got = bench.run(pg_url, 3, 3000, 1, date(2026, 11, 24))
    assert got["rows_county_application"] == 9000
    assert got["rows_county_task"] == 9000 + 4500
    assert got["rows_county_person"] == 18000
    assert got["overdue_total"] > 0 and got["overdue_cells"] == 3 * bench.DEPARTMENTS
    # every 1,000th applicant asks for DIBAO in all three townships (the open ones), every
    # 1,000th + 500 household has a member in all three
    assert got["duplicates_found"] > 0
    assert all(got[k]["median"] < 5 for k in ("overdue", "monthly_township", "duplicates"))
    from sqlalchemy import create_engine
    engine = create_engine(pg_url)
    try:
        table = views.overdue(engine, date(2026, 11, 24))
        assert table.total == got["overdue_total"] == len(views.overdue_list(engine,
                                                                          date(2026, 11, 24)))
        dups = views.duplicates(engine, date(2026, 11, 24))
        kinds = {d.kind for d in dups}
        assert kinds == {views.SAME_ITEM, views.TWO_HOUSEHOLDS}
        assert all(len(d.township_codes) == 3 for d in dups)
        assert bench.run(pg_url, 3, 3000, 1, date(2026, 11, 24))["generated_s"] is None  # kept
    finally:
        engine.dispose()
