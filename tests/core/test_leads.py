"""The lead register (主动发现, issue 15 item 3): registering, assigning, visits, the 12345
reply and its deadline, the three endings, the intake link, overdue leads, printing,
audit events without personal data."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, timedelta

import pytest
from sqlalchemy import select

from desktop_app.core.errors import ValidationError, ValidationErrors
from desktop_app.core.models import Event, IntakeDraft, Lead, LeadVisit, ListDocument
from desktop_app.core.rules import leads as rules
from desktop_app.core.services.drafts import draft_from_json
from desktop_app.core.services.leads import LeadInput, VisitInput
from tests.helpers.drafts import all_received, resident_id
from tests.helpers.gui import actor_for, pdf_text

SUBJECT, REPORTER, PHONE, REPORTER_PHONE = "欧阳秀兰", "王大明", "13912345678", "13700001111"
SITUATION = "老人独居，腿脚不便，冬天取暖困难"
ID_NUMBER = resident_id(date(1948, 3, 2), False, 7)


def _hotline(services, **kw) -> LeadInput:
    village = services.setup.villages()[0].id
    base = LeadInput(source="hotline", reported_on="2026-11-20", subject_name=SUBJECT,
                     subject_id_number=ID_NUMBER, subject_phone=PHONE, village_id=village,
                     address="石桥村三组47号", situation=SITUATION, reporter_name=REPORTER,
                     reporter_phone=REPORTER_PHONE, ticket_no="GD202611200153")
    return replace(base, **kw)


@pytest.fixture
def clerk(services, township):
    return actor_for(services, "clerk1")


# -- rules ----------------------------------------------------------------------------------
@pytest.mark.parametrize("kw,expected", [
    # a 12345 lead not replied after its due day: late reply
    ({"source": "hotline", "reply_due": date(2026, 11, 27), "replied_on": None,
      "today": date(2026, 11, 28)}, ["reply"]),
    ({"source": "hotline", "reply_due": date(2026, 11, 27), "replied_on": None,
      "today": date(2026, 11, 27)}, []),                        # due today: not late yet
    ({"source": "hotline", "reply_due": date(2026, 11, 27), "replied_on": date(2026, 11, 29),
      "today": date(2026, 12, 1)}, []),                         # replied (late, but done)
    ({"visit_due": date(2026, 11, 27), "today": date(2026, 11, 30)}, ["visit"]),
    ({"visit_due": date(2026, 11, 27), "visited": True, "today": date(2026, 11, 30)}, []),
    ({"visit_due": date(2026, 11, 27), "status": "applying", "today": date(2026, 11, 30)}, []),
    ({"visit_due": date(2026, 11, 27), "status": "closed", "today": date(2026, 11, 30)}, []),
    ({"source": "hotline", "reply_due": date(2026, 11, 27), "visit_due": date(2026, 11, 27),
      "today": date(2026, 11, 30)}, ["reply", "visit"]),
])
def test_overdue_reasons(kw, expected) -> None:
    args = {"status": "open", "source": "cadre", "reply_due": None, "replied_on": None,
            "visit_due": None, "visited": False, **kw}
    assert rules.overdue_reasons(**args) == expected


def test_rules_by_date_and_grid_workers_offered_only_when_used() -> None:
    entries = [dict(rules.DEFAULT_ENTRY),
               {**rules.DEFAULT_ENTRY, "effective_from": "2027-01-01", "hotline_reply_days": 3,
                "grid_workers": True}]
    old, new = rules.rules_on(entries, date(2026, 12, 31)), rules.rules_on(entries, date(2027, 1, 1))
    assert (old.hotline_reply_days, old.grid_workers) == (5, False)
    assert (new.hotline_reply_days, new.grid_workers) == (3, True)
    assert "grid_worker" not in dict(rules.sources_on(old))
    assert "grid_worker" in dict(rules.sources_on(new))


@pytest.mark.parametrize("bad", [
    [], "x", [{"effective_from": "2026-01-01"}],
    [{**rules.DEFAULT_ENTRY, "hotline_reply_days": 0}],
    [{**rules.DEFAULT_ENTRY, "visit_days": 61}],
    [{**rules.DEFAULT_ENTRY, "visit_unit": "weeks"}],
    [{**rules.DEFAULT_ENTRY, "grid_workers": "yes"}],
    [{**rules.DEFAULT_ENTRY, "effective_from": "2026-13-01"}],
    [dict(rules.DEFAULT_ENTRY), dict(rules.DEFAULT_ENTRY)],
])
def test_setting_refuses_bad_entries(bad) -> None:
    with pytest.raises(ValidationError) as caught:
        rules.validate_setting("lead_rules", bad)
    assert caught.value.key == "lead.rules.invalid"


# -- register -------------------------------------------------------------------------------
def test_hotline_lead_reply_due_in_working_days(services, clerk) -> None:
    lead_id = services.leads.create(clerk, _hotline(services)).value
    d = services.leads.detail(lead_id)
    # Fri 2026-11-20 + 5 working days = Fri 2026-11-27 (the default: ours, lead_rules)
    assert d.row.reply_due == date(2026, 11, 27)
    assert d.row.visit_due == date(2026, 11, 27)
    assert d.row.number == "XS2026-0001" and d.row.status == "open"
    assert d.ticket_no == "GD202611200153" and d.reporter_name == REPORTER
    second = services.leads.create(clerk, _hotline(services, ticket_no="GD2")).value
    assert services.leads.detail(second).row.number == "XS2026-0002"


def test_reply_due_follows_the_setting_in_force(services, clerk) -> None:
    admin = actor_for(services, "admin")
    services.settings.update("lead_rules", [
        dict(rules.DEFAULT_ENTRY),
        {**rules.DEFAULT_ENTRY, "effective_from": "2026-11-01", "hotline_reply_days": 3,
         "hotline_reply_unit": "days"}], admin)
    lead_id = services.leads.create(clerk, _hotline(services)).value
    assert services.leads.detail(lead_id).row.reply_due == date(2026, 11, 23)


def test_bad_input_names_the_fields_and_writes_nothing(services, clerk) -> None:
    bad = _hotline(services, source="grid_worker", reported_on="2026-12-01", ticket_no="",
                   subject_name="", address="", subject_id_number="110101199003070012",
                   subject_phone="12", situation="")
    with pytest.raises(ValidationErrors) as caught:
        services.leads.create(clerk, bad)
    fields = {e.field for e in caught.value.errors}
    assert {"source", "reported_on", "subject_name", "subject_id_number",
            "subject_phone", "situation"} <= fields
    assert all(e.message for e in caught.value.errors)
    with pytest.raises(ValidationErrors) as caught:   # a 12345 lead needs its ticket
        services.leads.create(clerk, _hotline(services, ticket_no=" "))
    assert [e.field for e in caught.value.errors] == ["ticket_no"]
    with services.ctx.db.read() as s:
        assert s.scalars(select(Lead)).all() == []


def test_grid_worker_accepted_where_the_county_uses_them(services, clerk) -> None:
    admin = actor_for(services, "admin")
    services.settings.update("lead_rules", [{**rules.DEFAULT_ENTRY, "grid_workers": True}], admin)
    lead_id = services.leads.create(clerk, _hotline(services, source="grid_worker",
                                                    ticket_no="")).value
    assert services.leads.detail(lead_id).row.reply_due is None   # not a 12345 lead


def test_assign_visit_reply_and_close(services, clerk) -> None:
    leads = services.leads
    lead_id = leads.create(clerk, _hotline(services)).value
    leads.assign(clerk, lead_id, "赵协理")
    assert leads.detail(lead_id).row.status == "assigned"
    with pytest.raises(ValidationErrors) as caught:
        leads.record_visit(clerk, lead_id, VisitInput("2026-11-19", [], ""))
    assert {e.field for e in caught.value.errors} == {"visited_on", "visitors", "findings"}
    leads.record_visit(clerk, lead_id, VisitInput("2026-11-22", ["赵协理", "李四"], "独居，生活困难"))
    leads.record_reply(clerk, lead_id, "2026-11-24", "已入户核实，不符合低保条件，已转介医保部门")
    with pytest.raises(ValidationError) as caught1:
        leads.close(clerk, lead_id, "not_eligible", " ")
    assert caught1.value.key == "lead.reason.required"
    leads.close(clerk, lead_id, "referred", "县医保局")
    d = leads.detail(lead_id)
    assert (d.row.status, d.row.outcome, d.outcome_text) == ("closed", "referred", "县医保局")
    assert [v.visitors for v in d.visits] == [["赵协理", "李四"]]
    assert d.row.overdue == ()
    with pytest.raises(ValidationError) as caught2:
        leads.assign(clerk, lead_id, "王五")
    assert caught2.value.key == "lead.closed"


def test_overdue_leads(services, clerk, clock) -> None:
    leads = services.leads
    late = leads.create(clerk, _hotline(services)).value
    visited = leads.create(clerk, _hotline(services, ticket_no="GD9")).value
    leads.record_visit(clerk, visited, VisitInput("2026-11-21", ["赵协理"], "已核实"))
    assert leads.overdue() == []
    clock.now = clock.now + timedelta(days=7)   # 2026-12-01
    rows = {r.id: r for r in leads.overdue()}
    assert rows[late].overdue == ("reply", "visit")
    assert rows[visited].overdue == ("reply",)
    leads.record_reply(clerk, visited, "2026-12-01", "已回复")
    assert visited not in {r.id for r in leads.overdue()}


# -- the intake link ------------------------------------------------------------------------
def test_help_apply_prefills_a_draft_and_acceptance_closes_the_lead(services, clerk) -> None:
    leads = services.leads
    lead_id = leads.create(clerk, _hotline(services)).value
    draft_id = leads.help_apply(clerk, lead_id).value
    assert leads.detail(lead_id).row.status == "applying"
    saved = services.drafts.load_draft(clerk, draft_id)
    draft = saved.draft
    assert (draft.applicant.name, draft.applicant.id_number, draft.applicant.phone) == (
        SUBJECT, ID_NUMBER, PHONE)
    assert draft.hardship_reason == SITUATION and draft.source == "hotline"
    assert draft.lead_id == lead_id and draft.village_id == services.setup.villages()[0].id
    with pytest.raises(ValidationError):
        leads.help_apply(clerk, lead_id + 99)
    # the clerk completes it at the window and accepts
    draft.items = [all_received(services, "DIBAO")]
    draft.incomes = {"wage": "300"}
    result = services.intake.decide(draft, "accept", clerk)
    d = leads.detail(lead_id)
    assert (d.row.status, d.row.outcome, d.row.application_id) == (
        "closed", "apply", result.application_id)
    assert d.row.application_number == result.number
    steps = services.handling.timeline(result.application_id)
    assert any("主动发现" in st.text and d.row.number in st.text for st in steps)
    with pytest.raises(ValidationError) as caught:
        leads.help_apply(clerk, lead_id)
    assert caught.value.key == "lead.closed"


def test_a_notice_links_but_keeps_the_lead_open(services, clerk) -> None:
    leads = services.leads
    lead_id = leads.create(clerk, _hotline(services)).value
    draft = services.drafts.load_draft(clerk, leads.help_apply(clerk, lead_id).value).draft
    item = all_received(services, "DIBAO")
    item.materials[next(iter(item.materials))] = "missing"
    draft.items, draft.incomes = [item], {"wage": "300"}
    result = services.intake.decide(draft, "notice", clerk)
    row = leads.detail(lead_id).row
    assert (row.status, row.application_id) == ("applying", result.application_id)
    # 补正: the applicant comes back with the material; the acceptance closes the lead
    services.intake.decide_existing(result.application_id, {"DIBAO": dict(
        all_received(services, "DIBAO").materials)}, "accept", clerk)
    row = leads.detail(lead_id).row
    assert (row.status, row.outcome, row.application_id) == (
        "closed", "apply", result.application_id)


# -- printing -------------------------------------------------------------------------------
def test_slip_reply_and_village_list_print(services, clerk) -> None:
    leads = services.leads
    lead_id = leads.create(clerk, _hotline(services, assignee="赵协理")).value
    leads.create(clerk, _hotline(services, source="cadre", ticket_no="", subject_name="刘芳"))
    slip = leads.print_slip(clerk, lead_id).value
    again = leads.print_slip(clerk, lead_id).value
    assert (slip.number, again.number) == ("XS2026-0001-D", "XS2026-0001-D-2")
    text = pdf_text(slip.path)
    assert "主动发现线索登记单" in text and SUBJECT in text and "GD202611200153" in text
    assert ID_NUMBER not in text and ID_NUMBER[:6] + "********" + ID_NUMBER[-4:] in text
    leads.record_reply(clerk, lead_id, "2026-11-24", "已入户核实并帮助申请")
    reply = pdf_text(leads.print_reply(clerk, lead_id).value.path)
    assert "12345热线工单办理回复单" in reply and "已入户核实并帮助申请" in reply
    village = services.setup.villages()[0]
    listing = leads.print_visit_list(clerk, village.id).value
    assert listing.count == 2
    vtext = pdf_text(listing.path)
    assert SUBJECT in vtext and "刘芳" in vtext and village.name in vtext
    with services.ctx.db.read() as s:
        kinds = sorted(d.kind for d in s.scalars(select(ListDocument)))
    assert kinds == ["hotline_reply", "lead_slip", "lead_slip", "lead_visit_list"]
    other = services.setup.villages()[1]
    with pytest.raises(ValidationError) as caught:
        leads.print_visit_list(clerk, other.id)
    assert caught.value.key == "lead.visit_list.empty"


def test_events_carry_no_personal_data(services, clerk) -> None:
    leads = services.leads
    lead_id = leads.create(clerk, _hotline(services)).value
    leads.assign(clerk, lead_id, "赵协理")
    leads.record_visit(clerk, lead_id, VisitInput("2026-11-22", ["赵协理"], "独居困难户"))
    leads.record_reply(clerk, lead_id, "2026-11-24", "已核实回复")
    leads.print_slip(clerk, lead_id)
    leads.help_apply(clerk, lead_id)
    with services.ctx.db.read() as s:
        events = [e for e in s.scalars(select(Event)) if e.action.startswith("lead.")
                  or json.loads(e.detail or "{}").get("lead_id")]
        draft_row = s.scalars(select(IntakeDraft)).one()
    assert {e.action for e in events} >= {"lead.create", "lead.assign", "lead.visit",
                                          "lead.reply", "lead.apply"}
    blob = " ".join(e.detail for e in events)
    for secret in (SUBJECT, REPORTER, PHONE, REPORTER_PHONE, ID_NUMBER, SITUATION, "赵协理",
                   "独居困难户", "已核实回复", "GD202611200153"):
        assert secret not in blob
    assert draft_from_json(draft_row.state).lead_id == lead_id


def test_refused_without_permission(services, township) -> None:
    with pytest.raises(Exception) as caught:
        services.leads.create(None, _hotline(services))
    assert type(caught.value).__name__ in ("PermissionDenied", "ValidationError")
    with services.ctx.db.read() as s:
        assert s.scalars(select(LeadVisit)).all() == []


def test_demo_leads(services) -> None:
    from desktop_app.core.services.demo import fill_demo

    fill_demo(services, 2, seed=4, days=30, showcase=True)
    rows = services.leads.find()
    assert len(rows) == 5
    assert {r.status for r in rows} == {"open", "assigned", "closed"}
    [late] = services.leads.overdue()
    assert late.source == "hotline" and late.overdue == ("reply", "visit")
