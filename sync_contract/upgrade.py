"""Records of an older format version lifted to the current shape (docs/sync-format.md
§11.3), so a receiver stores one shape whatever version a package had.

The county stores every township-export record in the version-2 shape: a version-1
record gains the version-2 fields with the values the township's own migration 0008
gives a row recorded before them — so a version-1 record upgraded here equals the
version-2 record the township exports for the same row version:

* ``application``: the income calculation ``counted_members`` … ``eligibility_from``
  null ("recorded before the calculation was stored"), ``medical_reimbursed_fen`` 0,
  ``residence_kind`` "hukou", ``residence_address`` / ``residence_permit_no`` "";
  each ``incomes[]`` line ``counted`` null;
* ``household_member``: ``counted`` true (everyone was counted before),
  ``guardian`` false, ``counted_reason`` "applicant" for position 0, "spouse" for a
  member whose relation is 配偶, else "" (not given);
* every other type is unchanged (version 2 added no field to them; ``related_person``
  and ``eligibility`` do not exist in version 1).

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
    if type_ == "application":
        for name, value in APPLICATION_V2_DEFAULTS.items():
            out.setdefault(name, value)
        out["incomes"] = [{**line, "counted": line.get("counted")}
                          for line in record.get("incomes") or []]
    elif type_ == "household_member":
        out.setdefault("counted", True)
        out.setdefault("counted_reason", _member_reason(record))
        out.setdefault("guardian", False)
    return out


__all__ = ["APPLICATION_V2_DEFAULTS", "upgrade_record"]
