"""services.stats_reports (issue 16): the printed 统计报表 recorded as a list document of
kind ``stats_report`` — numbered, hashed, audited, written atomically; a bad request
writes nothing."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from datetime import date

import pytest
from sqlalchemy import func, select

from desktop_app.core.errors import PermissionDenied, ValidationErrors
from desktop_app.core.models import Event, ListDocument
from desktop_app.core.rules.periods import parse_period
from desktop_app.core.services import SYSTEM
from desktop_app.core.services.stats_report import chart_value, elapsed, value_text
from tests.helpers.printing import squash
from tests.helpers.stats_demo import stats_demo

POPULATED = {"demo": stats_demo}


@pytest.fixture
def demo(populated_template, data_dir):
    return populated_template(stats_demo, data_dir)[1]


def _clerk(services) -> int:
    return next(p.id for p in services.setup.staff() if p.role == "clerk")


def _lists(services) -> list[ListDocument]:
    with services.ctx.db.read() as s:
        return list(s.scalars(select(ListDocument).where(ListDocument.kind == "stats_report")
                              .order_by(ListDocument.id)))


def _events(services, action: str) -> list[dict]:
    with services.ctx.db.read() as s:
        return [json.loads(d) for d in s.scalars(select(Event.detail).where(
            Event.action == action).order_by(Event.seq))]


def _pdf_text(path) -> str:
    if not shutil.which("pdftotext"):
        pytest.skip("poppler-utils not installed")
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout


@pytest.mark.parametrize(("kind", "value", "text"), [
    ("count", 12, "12"), ("count", 0, "0"), ("count", None, "—"),
    ("money", 123450, "1,234.50"), ("money", 0, "0.00"),
    ("ratio", 0.857142, "85.7%"), ("ratio", 1.0, "100.0%"), ("ratio", None, "—"),
    ("days", 9.0, "9"), ("days", 19.5, "19.5"), ("days", 12.25, "12.2"), ("days", None, "—"),
])
def test_value_text(kind, value, text):
    assert value_text(kind, value) == text


@pytest.mark.parametrize(("kind", "value", "plotted"), [
    ("count", 7, 7.0), ("money", 150000, 1500.0), ("ratio", 0.25, 25.0), ("days", None, None),
])
def test_chart_value(kind, value, plotted):
    assert chart_value(kind, value) == plotted


def test_elapsed_drops_months_to_come():
    months = [(parse_period(f"2026-{m:02d}"), m) for m in (10, 11, 12)]
    assert [v for _p, v in elapsed(months, date(2026, 11, 24))] == [10, 11]
    assert [v for _p, v in elapsed(months, date(2026, 12, 1))] == [10, 11, 12]


def test_issue_records_numbers_hashes_and_audits(services, demo):
    period = parse_period("2026-Q4")
    expected = services.stats.report(period, "village")
    first = services.stats_reports.issue(period, "village", _clerk(services)).value
    second = services.stats_reports.issue(period, "item", _clerk(services),
                                          figure="closed").value
    docs = _lists(services)
    assert [d.id for d in docs] == [first.id, second.id]
    assert first.number.endswith("-20261124-TJ01") and second.number.endswith("-TJ02")
    assert first.count == len(expected.rows) and first.day == date(2026, 11, 24)
    pdf = first.path.read_bytes()
    assert docs[0].sha256 == hashlib.sha256(pdf).hexdigest() and docs[0].template_version == "2"  # v2: signed QR
    assert not list(first.path.parent.glob("*.tmp*"))  # nothing half-written left
    # the snapshot is what was printed: every row's figures as formatted
    data = json.loads(docs[0].data)
    assert [r["label"] for r in data["stat_rows"]] == [r.label for r in expected.rows] + ["合计"]
    assert data["stat_rows"][-1]["received"] == str(expected.total.values["received"])
    assert data["stats"]["multi_month"] is True
    assert [p["label"] for p in data["charts"]["line"]] == ["10月", "11月"]  # December to come
    # audited: the document issued and what was reported (no personal data)
    issued = [e for e in _events(services, "document.issue") if e.get("kind") == "stats_report"]
    assert [e["number"] for e in issued] == [first.number, second.number]
    reported = _events(services, "stats.report")
    assert [(e["period"], e["by"], e["figure"]) for e in reported] == [
        ("2026-Q4", "village", "received"), ("2026-Q4", "item", "closed")]
    # the PDF shows the figures
    text = squash(_pdf_text(first.path))
    assert "2026年第四季度" in text and first.number in text
    for row in expected.rows:
        assert row.label in text
    assert f"合计{expected.total.values['received']}{expected.total.values['accepted']}" in text


def test_a_month_prints_without_the_monthly_line(services, demo):
    info = services.stats_reports.issue(parse_period("2026-11"), "source",
                                        _clerk(services)).value
    data = json.loads(_lists(services)[0].data)
    assert info.number.endswith("TJ01")
    assert data["stats"]["multi_month"] is False and data["charts"]["line"] == []
    assert data["stats"]["by"] == "发现来源"


@pytest.mark.parametrize(("by", "figure", "field"), [
    ("town", "received", "by"), ("village", "happiness", "figure")])
def test_a_bad_request_writes_nothing(services, demo, by, figure, field):
    with pytest.raises(ValidationErrors) as info:
        services.stats_reports.issue(parse_period("2026-11"), by, _clerk(services),
                                     figure=figure)
    assert [e.field for e in info.value.errors] == [field]
    assert "未知" in info.value.errors[0].message
    assert _lists(services) == [] and _events(services, "stats.report") == []
    assert not (services.documents.folder / "202611").exists()


def test_the_command_line_user_may_not_print_it(services, demo):
    with pytest.raises(PermissionDenied):
        services.stats_reports.issue(parse_period("2026-11"), "village", SYSTEM)
    with services.ctx.db.read() as s:
        assert s.scalar(select(func.count()).select_from(ListDocument)) == 0
