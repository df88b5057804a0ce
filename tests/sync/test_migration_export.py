"""Issue 12: an application recorded before migration 0008 still exports after the
upgrade — in the current format (2, now 3), its calculation null ("recorded before the calculation was
stored"), its members counted with the reasons the migration can know — and the
package is valid against the current schemas (decrypted with Debian `age`)."""

from __future__ import annotations

import json
import zipfile

from alembic import command
from alembic.config import Config
from jsonschema import Draft202012Validator

from desktop_app.core import db as dbmod
from sync_contract import envelope as env
from sync_contract.validation import SCHEMA_DIR
from tests.helpers.drafts import draft

from .test_export import age_decrypt


def _lines(zf: zipfile.ZipFile, type_: str) -> list[dict]:
    raw = zf.read(f"data/{type_}.jsonl").decode()
    return [json.loads(line) for line in raw.splitlines() if line]


def test_an_application_from_before_0008_exports_in_format_2(services, synced, county, tmp_path):
    result = services.intake.decide(draft(services), "accept", synced)
    folder, clock = services.ctx.db.data_dir, services.ctx.clock
    services.close()
    engine = dbmod.make_engine(folder / dbmod.DB_FILENAME)
    cfg = Config()
    cfg.set_main_option("script_location", str(dbmod.MIGRATIONS_DIR))
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007")
    engine.dispose()

    from desktop_app.core.services import Services

    again = Services.open(folder, clock=clock)
    try:
        out = tmp_path / "usb"
        out.mkdir()
        res = again.sync.export(out, synced)
    finally:
        again.close()
    inner = age_decrypt(county.folder / "age.key", res.path, tmp_path / "inner.zip")
    with zipfile.ZipFile(inner) as zf:
        assert json.loads(zf.read("manifest.json"))["format_version"] == env.FORMAT_VERSION
        for type_ in ("application", "household_member", "related_person"):
            schema = json.loads((SCHEMA_DIR / f"township-export.{type_}.schema.json").read_text())
            for rec in _lines(zf, type_):
                Draft202012Validator(schema).validate(rec)
        app = next(a for a in _lines(zf, "application") if a["local_id"] == result.application_id)
        members = [m for m in _lines(zf, "household_member")
                   if m["application_uuid"] == app["uuid"]]
        assert _lines(zf, "related_person") == []
    assert app["residence_kind"] == "hukou" and app["medical_reimbursed_fen"] == 0
    assert all(app[k] is None for k in ("counted_members", "net_income_fen", "topup_fen",
                                        "standards_from", "eligibility_from"))
    assert all(i["counted"] is None for i in app["incomes"])
    assert sorted((m["position"], m["counted"], m["counted_reason"]) for m in members) == [
        (0, True, "applicant"), (1, True, "spouse")]
