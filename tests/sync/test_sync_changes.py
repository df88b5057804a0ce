"""What the sync verbs report as changed (the GUI's change bus publishes it): an export
and a re-export change the export log; importing the county's keys changes them; a return
package's acknowledgements change the export log and its standards or holiday calendars
change the settings."""

from __future__ import annotations

from desktop_app.core.services.auth import SYSTEM
from desktop_app.core.services.context import Changes, Outcome
from tests.helpers.sync import make_return, referred_task, township_code


def test_export_reexport_and_key_import_report_the_export_log(services, synced, tmp_path):
    referred_task(services, synced)
    first = services.sync.export(tmp_path, synced)
    assert first.changes == Changes(exports=True)
    assert services.sync.reexport(1, tmp_path, synced).changes == Changes(exports=True)
    out = services.sync.import_county_keys(tmp_path / "county-public.json", SYSTEM)
    assert isinstance(out, Outcome) and out.changes == Changes(exports=True)
    assert out.value.fingerprint


def test_return_package_reports_acks_and_settings(services, synced, county, tmp_path):
    referred_task(services, synced)
    exported = services.sync.export(tmp_path, synced)
    code = township_code(services)
    assert code
    ret = make_return(tmp_path / "r1.twret", services, county, 1, {
        "ack": [{"package_seq": 1, "sha256": exported.digest}],
        "holiday_year": [{"year": 2027, "holidays": ["2027-01-01"], "workdays": []}],
    })
    res = services.sync.import_package(ret, SYSTEM)
    assert res.changes.exports and res.changes.settings
    empty = make_return(tmp_path / "r2.twret", services, county, 2, {})
    res2 = services.sync.import_package(empty, SYSTEM)
    assert not res2.changes.exports and not res2.changes.settings
