"""The county's warning list reaches the township's monitoring list (issue 15 item 4):
a real return package made by the county receiver (``add_warnings`` as ``county-receiver
warning add`` stores them; ``make_return`` signs and age-encrypts), imported by the
township, adds its people to the monitoring list — joined to a household the township
knows by ID number — and a later withdrawal takes them off."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import func, select

from desktop_app.core.models import CountyWarning
from desktop_app.core.services import demo_monitor
from tests.helpers.county_return import county_for


def _planted(services, clock):
    from desktop_app.core.services.demo import create_demo_township

    admin = create_demo_township(services)
    demo_monitor.add_cases(services, admin)
    return admin, demo_monitor.planted(services)


POPULATED = {"planted": _planted}


@pytest.fixture
def planted(populated_template, data_dir):
    return populated_template(_planted, data_dir)[1]


def _row(services, *, application_id=None, name=None):
    for r in services.monitor.rows():
        if (application_id is not None and r.application_id == application_id) or r.name == name:
            return r
    return None


def test_a_county_warning_list_in_a_return_package_adds_to_the_monitoring_list(
        services, planted, tmp_path):
    admin, cases = planted
    code = services.setup.township().code
    ids = demo_monitor.case_ids(code[:6])
    assert _row(services, application_id=cases["refused_far"]) is None   # not near the line
    county = county_for(services, tmp_path / "county")
    try:
        usb = tmp_path / "usb"
        usb.mkdir()
        services.sync.export(usb, admin)
        for path in sorted(services.sync.sent_dir.glob("*.twpkg")):
            county.ingest(path)
        village = code[:9] + "202"
        listed = county.add_warnings(code, [
            {"list_no": "预警〔2026〕9号", "listed_on": "2026-11-20", "village_code": village,
             "name": "石宏伟", "id_number": ids["refused_far"],
             "reason": "就业部门比对：本人失业超过六个月", "risk": "high",
             "source": "县民政局低收入人口动态监测平台", "withdrawn": False},
            {"list_no": "预警〔2026〕9号", "listed_on": "2026-11-20", "village_code": village,
             "name": "欧阳春花", "id_number": "", "reason": "独居高龄老人，子女在外务工",
             "risk": "medium", "source": "县民政局低收入人口动态监测平台", "withdrawn": False}])
        assert listed.added == 2
        out = tmp_path / "returns"
        out.mkdir()
        made = county.make_return(code, out)
        assert made is not None and made.format_version >= 4 and made.counts["warning"] == 2
        result = services.sync.import_package(made.path, admin)
        assert result.applied["warning"] == 2 and result.changes.monitor
        known = _row(services, application_id=cases["refused_far"])
        assert known is not None and [r.code for r in known.reasons] == ["warning"]
        assert known.risk == "high" and "失业" in known.reasons[0].text
        assert known.next_visit_on == date(2026, 11, 27)     # listed + 7 days (high risk)
        new = _row(services, name="欧阳春花")
        assert new is not None and new.application_id is None and new.village == "杉树村"
        # withdrawn by the county: off the list at the next return
        with services.ctx.db.read() as s:
            uuid = s.scalar(select(CountyWarning.uuid).where(CountyWarning.name == "欧阳春花"))
        withdrawal = {"uuid": uuid, "list_no": "预警〔2026〕9号", "listed_on": "2026-11-20",
                      "village_code": village, "name": "欧阳春花", "id_number": "",
                      "reason": "独居高龄老人，子女在外务工", "risk": "medium",
                      "source": "县民政局低收入人口动态监测平台", "withdrawn": True}
        county.add_warnings(code, [withdrawal])
        again = county.make_return(code, out)
        assert again is not None
        services.sync.import_package(again.path, admin)
        assert _row(services, name="欧阳春花") is None
        assert _row(services, application_id=cases["refused_far"]) is not None
        with services.ctx.db.read() as s:
            assert s.scalar(select(func.count()).select_from(CountyWarning)) == 2 + 2  # + demo's
    finally:
        county.close()
