"""The state-code enums of core/vocab.py: members are their stored strings.

The database and the sync packages hold the strings; these tests pin that a member is
interchangeable with its string (equality, hashing, JSON, formatting, SQLite binding)
and that the enums, the ``(code, label)`` tuples and the published JSON Schemas agree.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from desktop_app.core import vocab
from desktop_app.core.rules import handling
from desktop_app.core.vocab import (
    ApplicationStatus,
    Decision,
    ItemStatus,
    MaterialStatus,
    StrValue,
    TaskStatus,
)

ENUMS = [ApplicationStatus, Decision, ItemStatus, TaskStatus, MaterialStatus]
ROOT = Path(__file__).resolve().parents[2]
#: Where the published sync schemas live (the contract package, or its former home).
SCHEMA_DIRS = [ROOT / "sync_contract" / "schemas", ROOT / "desktop_app" / "sync" / "schemas"]


def _schema(name: str) -> dict:
    found = [d / name for d in SCHEMA_DIRS if (d / name).is_file()]
    assert found, name
    return json.loads(found[0].read_text(encoding="utf-8"))


@pytest.mark.parametrize("enum", ENUMS, ids=lambda e: e.__name__)
def test_members_behave_as_their_strings(enum: type[StrValue]) -> None:
    for member in enum:
        value = member.value
        assert type(value) is str and isinstance(member, str)
        assert member == value and hash(member) == hash(value)
        assert {value: 1}[member] == 1 and {member: 1}[value] == 1
        # every formatting path on purpose: %-format and str.format as well as f-strings
        assert str(member) == f"{member}" == "%s" % member == "{}".format(member) == value  # noqa: UP031, UP032
        assert f"{member:>20}" == f"{value:>20}"
        assert json.dumps({"s": member, "l": [member]}) == json.dumps({"s": value, "l": [value]})
        assert enum(value) is member
        with sqlite3.connect(":memory:") as conn:
            assert conn.execute("SELECT ?, typeof(?)", (member, member)).fetchone() == (value, "text")


def test_vocab_tuples_match_the_enums_and_hold_plain_strings() -> None:
    assert [c for c, _ in vocab.STATUSES] == [s.value for s in ApplicationStatus]
    assert list(vocab.DECISIONS) == [d.value for d in Decision] == ["accept", "notice", "reject"]
    assert [c for c, _ in vocab.TASK_STATUSES] == [s.value for s in TaskStatus]
    assert [c for c, _ in vocab.MATERIAL_STATUSES] == [s.value for s in MaterialStatus]
    assert set(vocab.OPEN_TASK_STATUSES) | set(vocab.FINAL_TASK_STATUSES) == set(TaskStatus)
    assert vocab.FINAL_TASK_STATUSES == ("done", "refused")
    assert vocab.TASK_RESULTS == (("done", "已办结"), ("refused", "不予办理"), ("returned", "退回"))
    codes = [c for c, _ in (*vocab.STATUSES, *vocab.TASK_STATUSES, *vocab.MATERIAL_STATUSES,
                            *vocab.TASK_RESULTS)] + [*vocab.DECISIONS, *vocab.OPEN_TASK_STATUSES,
                                                     *vocab.FINAL_TASK_STATUSES]
    assert all(type(c) is str for c in codes)


def test_task_rules_speak_the_task_enum() -> None:
    for allowed, result in handling.TRANSITIONS.values():
        assert set(allowed) <= set(TaskStatus) and (result is None or result in set(TaskStatus))
    assert handling.next_status("to_refer", "refer") == TaskStatus.REFERRED
    assert set(handling.STATUS_LABELS) == set(TaskStatus)
    assert handling.STATUS_LABELS == vocab.TASK_STATUS_LABELS


def test_published_schemas_enumerate_the_same_values() -> None:
    feedback = _schema("county-return.feedback.schema.json")
    assert feedback["properties"]["result"]["enum"] == [c for c, _ in vocab.TASK_RESULTS]
    item = _schema("township-export.requested_item.schema.json")
    material = item["properties"]["materials"]["items"]["properties"]["status"]
    assert material["enum"] == [s.value for s in MaterialStatus]
