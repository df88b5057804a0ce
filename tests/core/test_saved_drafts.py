"""Autosaved intake drafts (issue 14): saved, listed per clerk, restored, discarded,
audited with ids and counts only, never exported."""

from __future__ import annotations

import json
from datetime import date

import pytest
from sqlalchemy import select, text

from desktop_app.core.errors import ValidationError
from desktop_app.core.models import Event, IntakeDraft
from desktop_app.core.services import ApplicationDraft, ItemInput, MemberInput, PersonInput
from desktop_app.core.services.drafts import draft_from_json, draft_to_json
from tests.helpers.gui import actor_for


def _draft(name: str = "王小明") -> ApplicationDraft:
    return ApplicationDraft(
        applicant=MemberInput(name=name, id_number="52220119600512031X", phone="13812345678",
                              health="重病", disability_category="肢体", disability_grade=2),
        members=[MemberInput(name="李秀英", relation="配偶", counted=False,
                             counted_reason="prison")],
        village_id=3, incomes={"wage": "1200元", "farming": "150.50"}, housing_area="60",
        items=[ItemInput("DIBAO", {"APPLICATION": "received", "MARRIAGE_PROOF": "shared"})],
        urgent=True, source="visit", hardship_reason="因病致贫", intake_date=date(2026, 11, 24),
        supporters_able=False, related=[PersonInput(name="王大", relation="子女", able=False,
                                                    unable_reason="disabled")],
        residence_kind="permit", residence_permit_no="X1",
    )


def test_json_round_trip_keeps_every_field() -> None:
    draft = _draft()
    assert draft_from_json(draft_to_json(draft)) == draft


def test_json_of_another_version_keeps_what_it_knows() -> None:
    body = json.loads(draft_to_json(_draft()))
    body["draft"]["future_field"] = 1
    body["draft"]["applicant"]["future_member_field"] = "x"
    del body["draft"]["hardship_cause"]
    back = draft_from_json(json.dumps(body))
    assert back.applicant.name == "王小明" and back.hardship_cause == ""


@pytest.mark.parametrize("bad", ["", "[]", "{}", '{"draft": 3}', '{"draft": {"applicant": 1}}'])
def test_unreadable_json_is_a_value_error(bad: str) -> None:
    with pytest.raises(ValueError):
        draft_from_json(bad)


def test_save_update_list_restore_discard(services, township) -> None:
    clerk, other = actor_for(services, "clerk1"), actor_for(services, "clerk2")
    drafts = services.drafts
    first = drafts.save_draft(clerk, _draft()).value
    again = drafts.save_draft(clerk, _draft("王小明明"), draft_id=first).value
    assert again == first
    pending = drafts.pending_drafts(clerk)
    assert [(d.id, d.applicant_name, d.items) for d in pending] == [(first, "王小明明", 1)]
    assert drafts.pending_drafts(other) == []   # a clerk sees only their own drafts
    with pytest.raises(ValidationError) as caught:
        drafts.load_draft(other, first)
    assert caught.value.key == "draft.not_found"

    restored = drafts.restore_draft(clerk, first).value
    assert restored.draft == _draft("王小明明") and restored.kind == "new"

    drafts.discard_draft(other, first, "abandoned")   # not theirs: nothing happens
    assert len(drafts.pending_drafts(clerk)) == 1
    drafts.discard_draft(clerk, first, "decided")
    assert drafts.pending_drafts(clerk) == []
    drafts.discard_draft(clerk, first, "decided")   # gone already: fine


def test_events_carry_ids_and_counts_only(services, township) -> None:
    clerk = actor_for(services, "clerk1")
    draft_id = services.drafts.save_draft(clerk, _draft()).value
    for _ in range(3):
        services.drafts.save_draft(clerk, _draft(), draft_id=draft_id)
    services.drafts.restore_draft(clerk, draft_id)
    services.drafts.discard_draft(clerk, draft_id, "cleared")
    with services.ctx.db.read() as s:
        events = s.scalars(select(Event).where(Event.action.like("draft.%")).order_by(Event.seq)).all()
        assert [e.action for e in events] == ["draft.save", "draft.restore", "draft.discard"]
        for e in events:
            for value in ("王小明", "李秀英", "52220119600512031X", "13812345678", "1200", "因病"):
                assert value not in e.detail
        assert json.loads(events[-1].detail)["saves"] == 4
        assert json.loads(events[0].detail)["member_count"] == 1
        assert all(e.application_id is None for e in events)
        assert s.scalar(select(IntakeDraft.id)) is None


def test_an_unreadable_row_is_listed_and_refused_on_load(services, township) -> None:
    clerk = actor_for(services, "clerk1")
    draft_id = services.drafts.save_draft(clerk, _draft()).value
    with services.ctx.db.transaction() as s:
        s.execute(text("UPDATE intake_draft SET state = 'garbage' WHERE id = :i"), {"i": draft_id})
    assert [d.applicant_name for d in services.drafts.pending_drafts(clerk)] == [""]
    with pytest.raises(ValidationError) as caught:
        services.drafts.load_draft(clerk, draft_id)
    assert caught.value.key == "draft.unreadable"


def test_only_a_window_clerk_saves_drafts(services, township) -> None:
    from desktop_app.core.errors import PermissionDenied
    from desktop_app.core.services import SYSTEM

    with pytest.raises(PermissionDenied):
        services.drafts.save_draft(SYSTEM, _draft())
    with pytest.raises(PermissionDenied):
        services.drafts.save_draft(None, _draft())  # type: ignore[arg-type]
    with services.ctx.db.read() as s:
        assert s.scalar(select(IntakeDraft.id)) is None


def test_drafts_never_leave_in_a_sync_package() -> None:
    from pathlib import Path

    import desktop_app.core.services.sync.export as export

    source = Path(export.__file__).read_text(encoding="utf-8")
    assert "intake_draft" not in source
    assert not issubclass(IntakeDraft, __import__("desktop_app.core.models", fromlist=["Tracked"]).Tracked)
