"""The local monitoring list (低收入人口动态监测, issue 15 item 4) on demo data with known
answers (services/demo_monitor.py), monitoring visits and the dated ``monitoring``
setting."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from desktop_app.core.errors import ValidationError, ValidationErrors
from desktop_app.core.models import Event, MonitorVisit
from desktop_app.core.rules import monitor as rules
from desktop_app.core.services import demo_monitor
from desktop_app.core.services.dynamic_monitor import VisitInput


def _planted(services, clock):
    from desktop_app.core.services.demo import create_demo_township, fill_demo

    admin = create_demo_township(services)
    fill_demo(services, 30, seed=3)                 # random households around the cases
    demo_monitor.add_cases(services, admin)
    return admin, demo_monitor.planted(services)


POPULATED = {"planted": _planted}


@pytest.fixture
def planted(populated_template, data_dir):
    return populated_template(_planted, data_dir)[1]


def _by_case(rows, cases):
    out = {}
    for case, ident in cases.items():
        hit = [r for r in rows if (r.application_id == ident if case != "warning_only"
                                   else ident in r.warning_ids)]
        assert len(hit) <= 1
        out[case] = hit[0] if hit else None
    return out


def test_known_cases_are_on_the_list_with_their_reasons(services, planted, clock):
    _admin, cases = planted
    assert set(cases) == set(demo_monitor.EXPECTED)
    rows = services.monitor.rows()
    found = _by_case(rows, cases)
    for case, expected in demo_monitor.EXPECTED.items():
        row = found[case]
        got = None if row is None else frozenset(r.code for r in row.reasons)
        assert got == expected, case
    today = clock.now.date()
    # the next visit due: set by the last visit (rigid: 20 days ago + 180), else the
    # reason's start + its interval (a high-risk county warning: listed + 7 days)
    assert found["rigid"].next_visit_on == today - timedelta(days=20) + timedelta(days=180)
    assert found["rigid"].last_outcome == "keep"
    assert found["warning_only"].next_visit_on == today - timedelta(days=3) + timedelta(days=7)
    assert found["warning_only"].risk == "high" and found["warning_only"].application_id is None
    edge = found["edge"]
    assert edge.risk == "medium" and len(edge.warning_ids) == 1
    # the warning (10 days ago, medium: 30 days) is due before the edge (60 days ago + 180)
    assert edge.next_visit_on == today - timedelta(days=10) + timedelta(days=30)
    refused = found["refused_near"]
    assert "低于农村低保标准" in refused.reasons[0].text
    # no personal data in the reasons' texts (names, ID numbers)
    for row in rows:
        for reason in row.reasons:
            assert row.name not in reason.text
    # most pressing first: warnings lead the list
    assert rows[0].reasons[0].code == "warning"
    # the closed household is there when asked for
    closed = _by_case(services.monitor.rows(include_closed=True), {"closed": cases["closed"]})
    assert closed["closed"].closed


def test_the_dated_setting_moves_the_refusal_line(services, planted, clock):
    admin, cases = planted
    entry = dict(rules.DEFAULT_ENTRY)
    later = {**entry, "effective_from": (clock.now.date() - timedelta(days=1)).isoformat(),
             "refusal_ratio_percent": 110, "source": "县民政局2026年通知（测试）"}
    services.settings.update("monitoring", [entry, later], admin)
    found = _by_case(services.monitor.rows(), {"refused_near": cases["refused_near"]})
    assert found["refused_near"] is None       # 700 yuan is not below 1.1 × 600


@pytest.mark.parametrize("value", [
    [], [{**rules.DEFAULT_ENTRY, "refusal_ratio_percent": 90}],
    [{**rules.DEFAULT_ENTRY, "source": ""}],
    [{**rules.DEFAULT_ENTRY, "visit_days": {**rules.DEFAULT_ENTRY["visit_days"], "edge": 0}}],
    [rules.DEFAULT_ENTRY, dict(rules.DEFAULT_ENTRY)],
    [{k: v for k, v in rules.DEFAULT_ENTRY.items() if k != "taper_days"}],
])
def test_bad_monitoring_settings_are_refused(value):
    with pytest.raises(ValidationError) as err:
        rules.validate_setting("monitoring", value)
    assert err.value.key == "monitor.setting_invalid"


def _visits(services):
    with services.ctx.db.read() as s:
        return (s.scalar(select(func.count()).select_from(MonitorVisit)),
                s.scalar(select(func.count()).select_from(Event)))


def test_a_visit_sets_the_next_due_and_bad_input_writes_nothing(services, planted, clock):
    admin, cases = planted
    today = clock.now.date()
    before = _visits(services)
    bad = VisitInput(application_id=cases["temporary"], visited_on="2099-01-01", visitors=[],
                     findings=" ", outcome="maybe")
    with pytest.raises(ValidationErrors) as err:
        services.monitor.record_visit(bad, admin)
    assert {e.field for e in err.value.errors} == {"visited_on", "visitors", "findings", "outcome"}
    with pytest.raises(ValidationErrors) as err:     # not a 低保/特困 household
        services.monitor.record_visit(VisitInput(
            application_id=cases["temporary"], visited_on=today, visitors=["李秀英"],
            findings="家庭收入减少", outcome="change"), admin)
    assert err.value.errors[0].key == "monitor.change_needs_recipient"
    assert _visits(services) == before
    result = services.monitor.record_visit(VisitInput(
        application_id=cases["temporary"], visited_on=today.isoformat(),
        visitors=["李秀英", "村委会杨光明"], findings="子女已就业，继续观察", outcome="keep"), admin)
    assert result.next_visit_on == today + timedelta(days=90)       # temporary: 90 days
    assert result.changes.monitor and result.changes.applications == {cases["temporary"]}
    steps = [st.text for st in services.handling.timeline(cases["temporary"])]
    assert f"监测走访（{today.isoformat()}）：继续监测" in steps     # the household's timeline
    row = _by_case(services.monitor.rows(), {"temporary": cases["temporary"]})["temporary"]
    assert row.last_visit_on == today and row.next_visit_on == today + timedelta(days=90)
    # a lead is asked for: the result says so (services.leads takes it on at merge)
    lead = services.monitor.record_visit(VisitInput(
        warning_id=cases["warning_only"], visited_on=today, visitors=["陈晓红"],
        findings="新增重度残疾，需申请救助", outcome="lead"), admin)
    assert lead.follow_up == "lead"
    with services.ctx.db.read() as s:
        ev = s.scalars(select(Event).where(Event.action == "monitor.visit")
                       .order_by(Event.id.desc())).first()
        assert "需申请救助" not in (ev.detail or "") and "罗永福" not in (ev.detail or "")
    # taken off the list
    services.monitor.record_visit(VisitInput(
        application_id=cases["temporary"], visited_on=today, visitors=["李秀英"],
        findings="已稳定", outcome="close"), admin)
    assert _by_case(services.monitor.rows(), {"temporary": cases["temporary"]})["temporary"] is None
    assert len(services.monitor.visits(application_id=cases["temporary"])) == 2


def _insert_review(s, **values) -> None:
    """A ``household_review`` row (helper ``reviews``' table) with ``values``; every other
    required column filled by its type — so the monitoring list is tested against the
    columns it reads whether or not that helper's migration is on this branch (without
    it, the table is made here with just those columns)."""
    import uuid as uuidlib

    from sqlalchemy import text
    cols = s.execute(text("PRAGMA table_info(household_review)")).all()
    if not cols:
        s.execute(text("CREATE TABLE household_review (id INTEGER PRIMARY KEY, "
                       "application_id INTEGER NOT NULL, item_id INTEGER NOT NULL, "
                       "outcome VARCHAR(16) NOT NULL, taper_ends_on DATE)"))
        cols = s.execute(text("PRAGMA table_info(household_review)")).all()
    row = dict(values)
    for _cid, name, type_, notnull, default, pk in cols:
        if name in row or pk or not notnull or default is not None:
            continue
        t = str(type_).upper()
        row[name] = (str(uuidlib.uuid4()) if name == "uuid" else 0 if "INT" in t
                     else "2026-11-01" if "DATE" in t else "[]" if "TEXT" in t else "")
    names = ", ".join(f'"{k}"' for k in row)
    s.execute(text(f"INSERT INTO household_review ({names}) VALUES "
                   f"({', '.join(':' + k for k in row)})"), row)


def test_a_taper_ending_puts_the_household_on_the_list(services, planted, clock):
    """渐退 (民发〔2021〕57号; 重庆 6 months): the newest review of a task ends its taper
    within ``taper_days`` (60) — on the list; one ending later, or followed by a newer
    review, is not."""
    _admin, cases = planted
    today = clock.now.date()
    from desktop_app.core.models import Application
    with services.ctx.db.transaction() as s:
        near = s.get(Application, cases["refused_far"])       # (not on the list otherwise)
        far = s.get(Application, cases["temporary_old"])
        _insert_review(s, application_id=near.id, item_id=near.items[0].id, outcome="taper",
                       taper_ends_on=(today + timedelta(days=20)).isoformat())
        _insert_review(s, application_id=far.id, item_id=far.items[0].id, outcome="taper",
                       taper_ends_on=(today + timedelta(days=120)).isoformat())
    found = _by_case(services.monitor.rows(), {"near": cases["refused_far"],
                                               "far": cases["temporary_old"]})
    assert found["far"] is None
    reasons = found["near"].reasons
    assert [r.code for r in reasons] == ["taper"] and "结束" in reasons[0].text
    # visit due: (end − 60 days, at most today) + 30 days
    assert found["near"].next_visit_on == min(today + timedelta(days=20 - 60), today) \
        + timedelta(days=30)
    with services.ctx.db.transaction() as s:                  # re-checked again: stop
        near = s.get(Application, cases["refused_far"])
        _insert_review(s, application_id=near.id, item_id=near.items[0].id, outcome="stop",
                       taper_ends_on=None)
    assert _by_case(services.monitor.rows(), {"near": cases["refused_far"]})["near"] is None


def test_a_lead_from_a_visit_starts_with_the_household_and_is_linked_back(services, planted,
                                                                       clock):
    admin, cases = planted
    today = clock.now.date()
    result = services.monitor.record_visit(VisitInput(
        warning_id=cases["warning_only"], visited_on=today, visitors=["陈晓红"],
        findings="新增重度残疾，需申请救助", outcome="lead"), admin)
    facts = services.monitor.lead_facts(result.visit_id)
    ids = demo_monitor.case_ids(services.setup.township().code[:6])
    assert facts["source"] == "county_warning" and facts["subject_name"] == "罗永福"
    assert facts["subject_id_number"] == ids["warning_only"]
    assert facts["situation"] == "新增重度残疾，需申请救助" and facts["reported_on"] == today
    assert facts["village_id"] is not None and "预警" in facts["origin_ref"]
    changes = services.monitor.link_lead(result.visit_id, "ZD-2026-0001", admin)
    assert changes.monitor
    visit = services.monitor.visits(warning_id=cases["warning_only"])[0]
    assert visit.lead_ref == "ZD-2026-0001"
