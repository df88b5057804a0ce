"""Records of an older format version lifted to the current shape (docs/sync-format.md
§11.3), so a receiver stores one shape whatever version a package had.

The county stores every township-export record in the current (version-4) shape: an
older record gains the fields of each later version with the values the township's own
migrations give a row recorded before them (0008 for version 2, 0010 for version 3,
0016 for version 4) — so
an older record upgraded here equals the current record the township exports for the
same row version.

Version 1 → 2:

* ``application``: the income calculation ``counted_members`` … ``eligibility_from``
  null ("recorded before the calculation was stored"), ``medical_reimbursed_fen`` 0,
  ``residence_kind`` "hukou", ``residence_address`` / ``residence_permit_no`` "";
  each ``incomes[]`` line ``counted`` null;
* ``household_member``: ``counted`` true (everyone was counted before),
  ``guardian`` false, ``counted_reason`` "applicant" for position 0, "spouse" for a
  member whose relation is 配偶, else "" (not given);
* every other type is unchanged (version 2 added no field to them; ``related_person``
  and ``eligibility`` do not exist in version 1).

Version 2 → 3:

* ``requested_item``: ``stage``, ``stage_due``, ``first_aid_due_at``, ``notice_due``
  null (no procedure step recorded), ``stage_due_provisional`` false,
  ``extended_days`` 0, ``waiting_for`` "" (not waiting), ``waiting_refused_on`` null —
  migrations 0010/0011's values;
* every other type is unchanged (``task_stage``, ``reserve_entry``, ``reserve_batch``
  and ``confirmation`` do not exist before version 3).

Version 3 → 4 (issue 15), by the table :data:`V4_NEW_FIELDS` (type → field → value):

* ``requested_item``: ``provider_uuid`` null (not referred to a non-government
  provider — no provider existed before);
* each issue-15 part that adds a field to an existing type adds its line there; the new
  types of :data:`~sync_contract.versions.ADDED_IN_4` and ``warning`` do not exist
  before version 4.

Pure; the input is not modified.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from .versions import FORMAT_VERSION, SUPPORTED_VERSIONS

#: The version-2 application fields a version-1 record lacks, with their values.
APPLICATION_V2_DEFAULTS: dict[str, Any] = {
    "counted_members": None, "excluded_income_fen": None, "deduction_fen": None,
    "net_income_fen": None, "net_per_capita_fen": None, "topup_fen": None,
    "standards_from": None, "eligibility_from": None, "medical_reimbursed_fen": 0,
    "residence_kind": "hukou", "residence_address": "", "residence_permit_no": "",
    "houses": None,
}
#: The version-3 requested_item fields an older record lacks, with their values.
REQUESTED_ITEM_V3_DEFAULTS: dict[str, Any] = {
    "stage": None, "stage_due": None, "stage_due_provisional": False, "extended_days": 0,
    "first_aid_due_at": None, "notice_due": None, "waiting_for": "",
    "waiting_refused_on": None,
}
#: The version-4 fields of existing types an older record lacks (type -> field -> value:
#: what migration 0016 gives a row recorded before it).
V4_NEW_FIELDS: dict[str, dict[str, Any]] = {
    "requested_item": {"provider_uuid": None},
}
#: The relation of a spouse (the township's household vocabulary).
SPOUSE = "配偶"


def _member_reason(record: Mapping[str, Any]) -> str:
    if record.get("position") == 0:
        return "applicant"
    return "spouse" if record.get("relation") == SPOUSE else ""


def upgrade_record(type_: str, record: Mapping[str, Any], from_version: int) -> dict[str, Any]:
    """``record`` of township-export type ``type_`` written in format ``from_version``,
    in the shape of :data:`~sync_contract.versions.FORMAT_VERSION` (a new dict; the
    current version's records come back as an equal copy). ``ValueError`` for a version
    this program does not read."""
    if from_version not in SUPPORTED_VERSIONS:
        raise ValueError(f"format version {from_version} is not one this program reads")
    out = dict(record)
    if from_version >= FORMAT_VERSION:
        return out
    if from_version < 2:
        _to_2(type_, record, out)
    if from_version < 3 and type_ == "requested_item":
        for name, value in REQUESTED_ITEM_V3_DEFAULTS.items():
            out.setdefault(name, value)
    if from_version < 4:
        for name, value in V4_NEW_FIELDS.get(type_, {}).items():
            out.setdefault(name, value)
    return out


def _to_2(type_: str, record: Mapping[str, Any], out: dict[str, Any]) -> None:
    """The version-2 fields of a version-1 record (into ``out``)."""
    if type_ == "application":
        for name, value in APPLICATION_V2_DEFAULTS.items():
            out.setdefault(name, value)
        out["incomes"] = [{**line, "counted": line.get("counted")}
                          for line in record.get("incomes") or []]
    elif type_ == "household_member":
        out.setdefault("counted", True)
        out.setdefault("counted_reason", _member_reason(record))
        out.setdefault("guardian", False)


__all__ = ["APPLICATION_V2_DEFAULTS", "REQUESTED_ITEM_V3_DEFAULTS", "V4_NEW_FIELDS", "upgrade_record"]
