"""Assistance beyond cash (issue 15 item 5): the directory of providers and the same
转办单 + 回执 loop to a 社工站 as to a department, through the real services."""

from __future__ import annotations

import json
import subprocess
from datetime import date, datetime

import pytest
from sqlalchemy import select

from desktop_app.core.errors import PermissionDenied, ValidationErrors
from desktop_app.core.models import Document, Event, ListDocument, RequestedItem
from desktop_app.core.services import Feedback
from desktop_app.core.services.demo import DEMO_PASSWORDS
from desktop_app.core.services.providers import ProviderInput
from tests.helpers.drafts import draft

STATION = ProviderInput(name="铺镇社会工作服务站", kind="social_work",
                        services=("SVC_CARE", "SVC_VISIT"), contact="周社工",
                        phone="0916-2512345", address="铺镇人民政府院内便民服务中心二楼")


def pdf_text(path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def task_of(services, app_id, code):
    return next(t for t in services.handling.tasks_for_application(app_id) if t.item_code == code)


def fields(err: ValidationErrors) -> dict[str, str]:
    return {e.field: e.key for e in err.errors}


def test_the_catalogue_has_service_items_handled_by_providers_and_stays_valid(services):
    from desktop_app.core.catalog import load_catalog
    from sync_contract.catalog import parse_catalog

    cat = services.ctx.catalog
    service = [i for i in cat.items if i.category == "service"]
    assert {i.short_name for i in service} == {"访视", "照料", "心理疏导", "社会融入", "资源链接"}
    assert all(i.handler == "SOCIAL" and i.referred for i in service)
    # The county may send this catalogue back (county-return ``catalogue``): it parses.
    from pathlib import Path

    doc = json.loads((Path(__file__).parents[2] / "resources/catalog/items.json").read_text())
    assert parse_catalog(doc).item("SVC_CARE").category == "service"
    assert load_catalog().category_label("service").startswith("社会救助服务")


def test_directory_add_change_validate_and_audit(services, township):
    pid = services.providers.save(None, STATION, township).value
    row = services.providers.provider(pid)
    assert (row.kind_label, row.service_names, row.in_force) == ("社工站", "照料、访视", True)
    # every problem at once, nothing written
    with pytest.raises(ValidationErrors) as err:
        services.providers.save(None, ProviderInput(
            name="", kind="church", services=("DIBAO",), phone="12",
            valid_from="2027-01-01", valid_to="2026-01-01"), township)
    assert fields(err.value) == {"name": "text.required", "kind": "provider.kind_unknown",
                                 "services": "provider.service_unknown",
                                 "phone": fields(err.value)["phone"],
                                 "valid_to": "provider.dates_order"}
    with pytest.raises(ValidationErrors) as err:   # the same name twice
        services.providers.save(None, STATION, township)
    assert fields(err.value) == {"name": "provider.duplicate"}
    assert len(services.providers.providers()) == 1
    services.providers.save(pid, ProviderInput(**{**STATION.__dict__, "active": False}), township)
    assert not services.providers.provider(pid).in_force
    with services.ctx.db.read() as s:
        events = [(e.action, json.loads(e.detail)) for e in s.scalars(
            select(Event).where(Event.action.like("provider.%")).order_by(Event.seq))]
    assert [a for a, _d in events] == ["provider.add", "provider.change"]
    assert events[1][1]["fields"] == ["active"]
    # no contact data in the audit trail
    assert all("周社工" not in json.dumps(d, ensure_ascii=False) and "2512345" not in
               json.dumps(d) for _a, d in events)
    # a clerk reads the directory but does not change it
    clerk = services.accounts.login("clerk1", DEMO_PASSWORDS["clerk1"])
    with pytest.raises(PermissionDenied):
        services.providers.save(None, ProviderInput(name="志愿服务队", kind="volunteer",
                                                    services=("SVC_VISIT",)), clerk)


def test_referral_to_a_social_work_station_prints_a_slip_and_records_its_receipt(
        services, township, clock):
    pid = services.providers.save(None, STATION, township).value
    r = services.intake.decide(draft(services, items=("MEDICAL", "SVC_CARE")), "accept", township)
    care = task_of(services, r.application_id, "SVC_CARE")
    # accepted, waiting for its provider: no slip yet, not on any department's list
    assert care.status == "to_refer" and care.provider_id is None
    assert services.handling.departments_to_refer() == {"HEALTHCARE": 1}
    assert services.providers.to_choose() == 1
    with services.ctx.db.read() as s:
        slips = [d.number for d in s.scalars(select(Document).where(Document.kind == "referral"))]
    assert slips == [f"{r.number}-Z1"]          # the 医保局's slip only
    assert [p.id for p in services.providers.candidates(care.task_id)] == [pid]

    # choosing the 社工站 issues the 转办单 naming it
    out = services.providers.assign(care.task_id, pid, township)
    slip = out.value
    assert slip is not None and slip.number == f"{r.number}-Z2"
    assert r.application_id in out.changes.applications and slip.id in out.changes.documents
    text = pdf_text(slip.path)
    assert "社会救助事项转办单" in text and "铺镇社会工作服务站" in text
    assert "照料服务" in text and "社工站" in text and "0916-2512345" in text
    assert "医疗救助" not in text                # only the provider's items
    row = task_of(services, r.application_id, "SVC_CARE")
    assert (row.provider_id, row.handler_name) == (pid, "铺镇社会工作服务站")
    with pytest.raises(ValidationErrors):        # chosen already: no second slip
        services.providers.assign(care.task_id, pid, township)

    # the provider's 转办清单 names it and lists its slip; the department's does not
    assert [(w.provider_id, w.count) for w in services.providers.waiting()] == [(pid, 1)]
    assert services.handling.departments_to_refer() == {"HEALTHCARE": 1}
    info = services.handling.issue_handover_list("SOCIAL", township, provider_id=pid).value
    assert info.recipient == "铺镇社会工作服务站" and info.count == 1
    listed = pdf_text(info.path)
    assert "社会救助事项转办清单" in listed and "铺镇社会工作服务站" in listed
    assert f"{r.number}-Z2" in listed
    assert [d.number for d in services.handling.list_slips(info.id)] == [f"{r.number}-Z2"]
    assert services.providers.waiting() == []
    assert task_of(services, r.application_id, "SVC_CARE").status == "referred"

    # the 回执 comes back like a department's: signed, then the result
    clock.now = datetime(2026, 11, 26, 9, 0)
    services.handling.record_signed(care.task_id, "周社工", "2026-11-25", township)
    assert task_of(services, r.application_id, "SVC_CARE").status == "signed"
    clock.now = datetime(2026, 12, 4, 9, 0)
    res = services.handling.record_feedback(care.task_id, Feedback(
        "done", "2026-12-03", "已安排每周两次上门照料"), township)
    assert res.task_status == "done" and not res.closed   # 医疗救助 still open
    t = task_of(services, r.application_id, "SVC_CARE")
    assert (t.signed_by, t.signed_on, t.result_on) == ("周社工", date(2026, 11, 25),
                                                        date(2026, 12, 3))
    with services.ctx.db.read() as s:
        actions = [(e.action, json.loads(e.detail)) for e in s.scalars(
            select(Event).where(Event.application_id == r.application_id).order_by(Event.seq))]
        lists = s.scalars(select(ListDocument)).all()
    assert [d.department for d in lists] == ["SOCIAL"]
    provider_events = [(a, d.get("provider_id")) for a, d in actions
                       if a in ("task.provider", "task.refer")]
    assert provider_events == [("task.provider", pid), ("task.refer", pid)]
    # the timeline tells it
    lines = " ".join(e.text for e in services.handling.timeline(r.application_id))
    assert "选择服务机构" in lines and "铺镇社会工作服务站" in lines


def test_a_returned_service_task_goes_to_another_provider_with_a_new_slip(
        services, township):
    first = services.providers.save(None, STATION, township).value
    second = services.providers.save(None, ProviderInput(
        name="汉台区阳光志愿服务队", kind="volunteer", services=("SVC_CARE",)), township).value
    r = services.intake.decide(draft(services, items=("SVC_CARE",)), "accept", township)
    care = task_of(services, r.application_id, "SVC_CARE")
    services.providers.assign(care.task_id, first, township)
    services.handling.issue_handover_list("SOCIAL", township, provider_id=first)
    services.handling.record_feedback(care.task_id, Feedback(
        "returned", "2026-11-24", "人手不足，无法承接"), township)
    # another provider for the returned task; 再次转办 issues its slip
    assert services.providers.assign(care.task_id, second, township).value is None
    slip = services.handling.re_refer(care.task_id, township).value
    assert slip.number == f"{r.number}-Z2"
    text = pdf_text(slip.path)
    assert "汉台区阳光志愿服务队" in text and "铺镇社会工作服务站" not in text
    assert [(w.provider_id, w.count) for w in services.providers.waiting()] == [(second, 1)]


def test_only_service_tasks_in_force_providers_offering_the_item(services, township):
    pid = services.providers.save(None, STATION, township).value
    other = services.providers.save(None, ProviderInput(
        name="心理咨询志愿队", kind="volunteer", services=("SVC_COUNSEL",)), township).value
    r = services.intake.decide(draft(services, items=("MEDICAL", "SVC_CARE")), "accept", township)
    med = task_of(services, r.application_id, "MEDICAL")
    care = task_of(services, r.application_id, "SVC_CARE")
    for task, provider, key in ((med.task_id, pid, "provider.not_service"),
                                (care.task_id, other, "provider.not_offered")):
        with pytest.raises(ValidationErrors) as err:
            services.providers.assign(task, provider, township)
        assert [e.key for e in err.value.errors] == [key]
    services.providers.save(pid, ProviderInput(**{**STATION.__dict__,
                                                  "valid_to": "2026-11-01"}), township)
    with pytest.raises(ValidationErrors) as err:
        services.providers.assign(care.task_id, pid, township)
    assert [e.key for e in err.value.errors] == ["provider.inactive"]
    with services.ctx.db.read() as s:   # nothing written
        assert s.get_one(RequestedItem, care.task_id).provider_id is None


def test_department_slips_issued_before_keep_their_bytes():
    """The 转办单's v3 (a provider block) keeps v2 for slips issued before: the sample
    rendered with v2 is byte for byte what main rendered before issue 15."""
    import hashlib

    from desktop_app.printing import load_template, render_document
    from desktop_app.printing.samples import referral

    assert load_template("referral").version == 4  # v4: the signed QR code (issue 17)
    assert hashlib.sha256(render_document("referral", referral(), 2)).hexdigest()[:16] == \
        "5f6b8c17b3909916"


def test_the_directory_and_the_choice_travel_in_format_4(services, township):
    """``provider`` records (no contact person, no note) and ``requested_item.provider_uuid``,
    valid against the version-4 schemas."""
    import sqlite3

    from desktop_app.core.services.sync import export as exp
    from sync_contract.validation import schema_error, validator

    pid = services.providers.save(None, ProviderInput(**{**STATION.__dict__,
                                                         "note": "周二、周四上门"}), township).value
    r = services.intake.decide(draft(services, items=("MEDICAL", "SVC_CARE")), "accept", township)
    care = task_of(services, r.application_id, "SVC_CARE")
    services.providers.assign(care.task_id, pid, township)
    con = sqlite3.connect(services.ctx.db.path)
    try:
        hi = exp.change_counter(con)
        providers = list(exp.iter_record_dicts(con, "provider", 1, hi))
        items = list(exp.iter_record_dicts(con, "requested_item", 1, hi))
    finally:
        con.close()
    assert len(providers) == 1
    p = providers[0]
    assert (p["name"], p["kind"], p["services"], p["active"]) == (
        "铺镇社会工作服务站", "social_work", ["SVC_CARE", "SVC_VISIT"], True)
    assert "contact" not in p and "note" not in p
    assert schema_error(validator("township-export.provider.schema.json"), p) is None
    by_code = {i["item_code"]: i for i in items}
    assert by_code["SVC_CARE"]["provider_uuid"] == services.providers.provider(pid).uuid
    assert by_code["MEDICAL"]["provider_uuid"] is None
    for i in items:
        assert schema_error(validator("township-export.requested_item.schema.json"), i) is None
