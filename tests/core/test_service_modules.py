"""The handling and intake services are packages of one responsibility each, joined by
``HandlingService`` / ``IntakeService`` at the paths callers always used (issue #10)."""

from __future__ import annotations

import importlib
import sqlite3
from pathlib import Path

import pytest

import desktop_app.core.services as services_pkg
from desktop_app.core.db import DB_FILENAME
from desktop_app.core.services.context import Changes, Outcome

HANDLING_VERBS = (
    "tasks", "overdue", "tasks_for_application", "departments_to_refer", "issue_handover_list",
    "lists", "list_pdf", "list_slips", "record_signed", "record_feedback", "re_refer",
    "issue_result_notice", "emergency_ceiling", "year_aid", "record_emergency", "escalate",
    "reviews_due", "record_review", "staff_relatives", "timeline", "_close_if_done",
    # issue 13 — the 审核确认 procedure (interfaces-13.md)
    "stage_plan", "record_stage", "start_publicity", "report_to_county", "print_visit_form",
)
INTAKE_VERBS = (
    "validate", "warnings", "missing_materials", "decide", "record_batch", "decide_existing",
    "withdraw", "void_application",
)


def test_the_services_keep_every_verb_at_their_old_paths():
    from desktop_app.core.services.handling import HandlingService
    from desktop_app.core.services.intake import IntakeService

    for name in HANDLING_VERBS:
        assert callable(getattr(HandlingService, name)), name
    for name in INTAKE_VERBS:
        assert callable(getattr(IntakeService, name)), name


@pytest.mark.parametrize("module, names", [
    ("desktop_app.core.services.handling",
     ("EmergencyInput", "EmergencyResult", "Feedback", "FeedbackResult", "FlaggedRow",
      "HandlingService", "ListInfo", "ReviewRow", "STEP_TEXTS", "Step", "TaskFilter", "TaskRow")),
    ("desktop_app.core.services.intake",
     ("ApplicationDraft", "DecisionResult", "IntakeService", "IntakeWarning", "ItemInput",
      "MemberInput", "material_status", "referral_departments")),
])
def test_the_read_models_and_inputs_import_from_the_package(module, names):
    mod = importlib.import_module(module)
    for name in names:
        assert name in mod.__all__ and getattr(mod, name) is not None, name


@pytest.mark.parametrize("package", ["handling", "intake"])
def test_each_part_stays_small(package):
    folder = Path(services_pkg.__file__).parent / package
    sizes = {p.name: len(p.read_text(encoding="utf-8").splitlines()) for p in folder.glob("*.py")}
    assert len(sizes) >= 6
    assert max(sizes.values()) <= 300, sizes


def test_outcome_and_results_are_exported_lazily():
    assert services_pkg.Outcome is Outcome
    out: Outcome[int] = Outcome(1, Changes(exports=True))
    assert out.changes.exports and out.value == 1
    for name in ("EmergencyResult", "ListInfo", "ExportResult", "ImportResult", "SyncService"):
        assert name in services_pkg.__all__ and getattr(services_pkg, name) is not None


def test_status_enums_are_stored_as_their_plain_strings(services, township):
    """The services write enum members; the database holds the same text as before, and
    what is read back compares equal to both."""
    from desktop_app.core.vocab import ApplicationStatus, ItemStatus, TaskStatus
    from tests.helpers.drafts import draft

    result = services.intake.decide(draft(services), "accept", township)
    assert result.status == ApplicationStatus.ACCEPTED == "accepted"
    con = sqlite3.connect(services.ctx.db.data_dir / DB_FILENAME)
    try:
        app = con.execute("SELECT typeof(status), status, decision FROM application").fetchone()
        items = con.execute("SELECT DISTINCT typeof(status), status, task_status "
                            "FROM requested_item").fetchall()
    finally:
        con.close()
    assert app == ("text", "accepted", "accept")
    assert {(t, s) for t, s, _ in items} == {("text", ItemStatus.ACCEPTED.value)}
    assert {ts for *_, ts in items} <= {TaskStatus.TO_REFER.value, TaskStatus.IN_PROGRESS.value}
