"""Format 4, the lead register (issue 15 — leads): ``lead`` and ``lead_visit`` records in a
real package (age-encrypted, signed) validate against their schemas, name the
application a lead became, and carry nothing of the reporter (township-only)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from jsonschema import Draft202012Validator

from desktop_app.core.services.leads import LeadInput, VisitInput
from tests.helpers.drafts import all_received, resident_id
from tests.helpers.gui import actor_for
from tests.sync.test_export import age_decrypt

SCHEMAS = Path(__file__).resolve().parents[2] / "sync_contract" / "schemas"


def test_leads_travel_without_the_reporter(services, synced, county, tmp_path):
    clerk = actor_for(services, "clerk1")
    village = services.setup.villages()[0]
    leads = services.leads
    hotline = leads.create(clerk, LeadInput(
        source="hotline", reported_on="2026-11-20", subject_name="欧阳秀兰",
        village_id=village.id, situation="老人独居\n取暖困难", reporter_name="王大明",
        reporter_phone="13700001111", ticket_no="GD1")).value
    leads.record_visit(clerk, hotline, VisitInput("2026-11-21", ["赵协理", "李四"], "独居"))
    draft = services.drafts.load_draft(clerk, leads.help_apply(clerk, hotline).value).draft
    draft.items, draft.incomes = [all_received(services, "DIBAO")], {"wage": "300"}
    draft.applicant.id_number, draft.applicant.phone = resident_id(), "13912345678"
    draft.applicant.hukou_address = "石桥村三组47号"
    app = services.intake.decide(draft, "accept", clerk)
    leads.create(clerk, LeadInput(source="cadre", address="二组", situation="生活困难"))

    res = services.sync.export(tmp_path, synced)
    inner = age_decrypt(county.folder / "age.key", res.path, tmp_path / "inner.zip")
    with zipfile.ZipFile(inner) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert manifest["format_version"] >= 4
        assert manifest["counts"]["lead"] == 2 and manifest["counts"]["lead_visit"] == 1
        records = {}
        for type_ in ("lead", "lead_visit"):
            schema = json.loads((SCHEMAS / f"township-export.{type_}.schema.json").read_text())
            validator = Draft202012Validator(schema)
            records[type_] = [json.loads(x) for x in zf.read(f"data/{type_}.jsonl").splitlines()]
            for r in records[type_]:
                validator.validate(r)
        raw = zf.read("data/lead.jsonl").decode("utf-8")
        apps = {json.loads(x)["local_id"]: json.loads(x)["uuid"]
                for x in zf.read("data/application.jsonl").splitlines()}
    by_source = {r["source"]: r for r in records["lead"]}
    linked = by_source["hotline"]
    assert linked["status"] == "closed" and linked["application_uuid"] == apps[app.application_id]
    assert linked["village_uuid"] is not None and by_source["cadre"]["village_uuid"] is None
    assert linked["situation"] == "老人独居\n取暖困难"
    assert by_source["cadre"]["application_uuid"] is None
    assert "王大明" not in raw and "13700001111" not in raw
    assert "reporter_name" not in linked and "reporter_phone" not in linked
    [visit] = records["lead_visit"]
    assert visit["lead_uuid"] == linked["uuid"] and visit["visitors"] == ["赵协理", "李四"]
