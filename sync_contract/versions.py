"""The format versions of ``twsync`` (docs/sync-format.md §11): what each version's
packages hold, and where its JSON Schemas are.

* **1** — the first format (issue #6 … #11). Its schemas are kept unchanged in
  ``schemas/v1/`` (``$id`` ``…/sync/v1/…``).
* **2** — issue #12 (household economics): ``application`` gains the stored income
  calculation and the residence fields, ``incomes[].counted``; ``household_member``
  gains ``counted`` / ``counted_reason`` / ``guardian``; the new township-export type
  ``related_person``; the new county-return type ``eligibility``. Schemas in
  ``schemas/v2/`` (``$id`` ``…/sync/v2/…``).
* **3** — issue #13 (the township's casework): the new township-export types
  ``task_stage`` (procedure steps), ``reserve_entry`` and ``reserve_batch`` (the
  临时救助备用金 ledger); ``requested_item`` gains the procedure's clocks (``stage``,
  ``stage_due``, ``stage_due_provisional``, ``extended_days``, ``first_aid_due_at``,
  ``notice_due``, ``waiting_for``) and the material status ``awaiting``; the new
  county-return type ``confirmation`` (the county's 审核确认 of a reported task).
  Schemas in ``schemas/v3/`` (``$id`` ``…/sync/v3/…``).
* **4** — issue #15 (dynamic management): the new township-export types of
  :data:`ADDED_IN_4` (re-checks and change reports, leads, monitoring visits,
  providers, 特困 care …; each issue-15 part appends its own); ``requested_item`` gains
  ``provider_uuid`` (the non-government provider a task is referred to); the new
  county-return type ``warning`` (the county's 预警名单). Older records are lifted by
  :data:`sync_contract.upgrade.V4_NEW_FIELDS`. Schemas in ``schemas/v4/`` (``$id``
  ``…/sync/v4/…``; archived unchanged in ``schemas/v4/``).
* **5** — issue #17 (documents anyone can verify): the new county-return types of
  :data:`ADDED_IN_5` — ``signer`` (the county's list of township document-signing keys)
  and ``voided_document`` (the documents the townships voided); the township export is
  unchanged but for the version number. Schemas in ``schemas/`` (``$id``
  ``…/sync/v5/…``).

The township writes :data:`FORMAT_VERSION`; both ends read every version of
:data:`SUPPORTED_VERSIONS`. The county answers a township in the version of the
township's last package (a township that has not been updated yet gets version-1
returns). Records of an older version are lifted to the current shape by
:func:`sync_contract.upgrade.upgrade_record`.
"""

from __future__ import annotations

FORMAT = "twsync"
#: The version this program writes (the township always; the county for a township
#: whose last package had it).
FORMAT_VERSION = 5
#: The versions this program reads.
SUPPORTED_VERSIONS = (1, 2, 3, 4, 5)
TOWNSHIP_EXPORT, COUNTY_RETURN = "township-export", "county-return"

_V1: dict[str, tuple[str, ...]] = {
    TOWNSHIP_EXPORT: ("application", "document", "emergency_aid", "event", "household_member",
                      "list_document", "requested_item", "staff", "township", "village"),
    COUNTY_RETURN: ("ack", "catalogue", "feedback", "holiday_year", "standards", "village"),
}
#: Types added by version 2.
ADDED_IN_2: dict[str, tuple[str, ...]] = {TOWNSHIP_EXPORT: ("related_person",),
                                          COUNTY_RETURN: ("eligibility",)}
#: Types added by version 3.
ADDED_IN_3: dict[str, tuple[str, ...]] = {
    TOWNSHIP_EXPORT: ("reserve_batch", "reserve_entry", "task_stage"),
    COUNTY_RETURN: ("confirmation",)}
#: Types added by version 4 (issue 15). Each new Tracked table of issue 15 appends its
#: export type to the township-export tuple (kept sorted); tests/sync/test_tracked_contract.py
#: fails for a Tracked table without an export entry and a schema.
ADDED_IN_4: dict[str, tuple[str, ...]] = {
    TOWNSHIP_EXPORT: ("care_plan", "household_review", "lead", "lead_visit", "monitor_visit", "provider"),
    COUNTY_RETURN: ("warning",)}
#: Types added by version 5 (issue 17): the county's trust lists for the verifier of
#: documents (docs/sync-format.md §14). The township export gains nothing.
ADDED_IN_5: dict[str, tuple[str, ...]] = {TOWNSHIP_EXPORT: (),
                                          COUNTY_RETURN: ("signer", "voided_document")}
_V2: dict[str, tuple[str, ...]] = {kind: tuple(sorted(types + ADDED_IN_2[kind]))
                                   for kind, types in _V1.items()}

#: version -> kind -> record types (sorted; the members of a package of that version).
TYPES_BY_VERSION: dict[int, dict[str, tuple[str, ...]]] = {
    1: _V1,
    2: _V2,
    3: {kind: tuple(sorted(types + ADDED_IN_3[kind])) for kind, types in _V2.items()},
}
TYPES_BY_VERSION[4] = {kind: tuple(sorted(types + ADDED_IN_4[kind]))
                       for kind, types in TYPES_BY_VERSION[3].items()}
TYPES_BY_VERSION[5] = {kind: tuple(sorted(types + ADDED_IN_5[kind]))
                       for kind, types in TYPES_BY_VERSION[4].items()}
#: kind -> record types of :data:`FORMAT_VERSION`.
TYPES: dict[str, tuple[str, ...]] = TYPES_BY_VERSION[FORMAT_VERSION]


def types_of(kind: str, version: int = FORMAT_VERSION) -> tuple[str, ...]:
    """The record types of ``kind`` in format ``version`` (``KeyError`` if unknown)."""
    return TYPES_BY_VERSION[version][kind]


def schema_name(kind: str, type_: str, version: int = FORMAT_VERSION) -> str:
    """The schema file (relative to ``schemas/``) of one record type in ``version``:
    the current version's at the top, older versions' in ``v<N>/``."""
    name = f"{kind}.{type_}.schema.json"
    return name if version == FORMAT_VERSION else f"v{version}/{name}"


__all__ = ["ADDED_IN_2", "ADDED_IN_3", "ADDED_IN_4", "ADDED_IN_5", "COUNTY_RETURN", "FORMAT", "FORMAT_VERSION",
           "SUPPORTED_VERSIONS",
           "TOWNSHIP_EXPORT", "TYPES", "TYPES_BY_VERSION", "schema_name", "types_of"]
