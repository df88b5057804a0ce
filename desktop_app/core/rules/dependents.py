"""Materials per stage and items that wait for the household's status (issue 13). Pure.

Two catalogue fields of an item's material (``sync_contract.catalog.Material``):

* ``at``: ``intake`` (demanded at 受理) or ``decision`` (asked for at 审核确认, e.g. the
  bank account of 低保: it is needed to pay, and only once eligibility is known). A
  ``decision`` material left unprovided at 受理 is not missing: it is not on the
  一次性告知书 and the receipt says 审核确认时提供.
* ``depends_on``: the item codes whose status the material proves (救助对象身份证明 of
  医疗/教育/住房/就业/殡葬: DIBAO, TEKUN). While one of them is requested in the same
  intake, or pending in an open application of the same applicant, the material may be
  marked ``awaiting`` (待低保认定) instead of a paper the household cannot have yet; the
  task then waits (``RequestedItem.waiting_for``) until that status is confirmed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ..vocab import MATERIAL_LABELS, MaterialStatus

#: The status of a material once the awaited status is confirmed: the township's own
#: record proves it (救助对象身份证明 "由民政部门信息系统核验"), nothing to submit.
RELEASED_STATUS = MaterialStatus.SHARED
#: Label of the at-decision material not provided at 受理 (receipt, screens).
AT_DECISION_LABEL = "审核确认时提供"


def at_decision(material: Any) -> bool:
    """The material is asked for at 审核确认, not at 受理 (older catalogues: never)."""
    return getattr(material, "at", "intake") == "decision"


def demanded_at_intake(material: Any, status: str) -> bool:
    """``status`` of ``material`` makes it missing at 受理: a missing material needed at
    intake (an at-decision one is not missing yet; 待认定 is not missing)."""
    return status == MaterialStatus.MISSING and not at_decision(material)


def awaitable_for(material: Any, requested: Iterable[str], pending: Iterable[str]) -> str | None:
    """The item ``material`` may wait for, or None when 待认定 is not allowed.

    The first of its ``depends_on`` requested in this intake (``requested``), else the
    first pending in an open application of the same applicant (``pending``).
    """
    depends: tuple[str, ...] = tuple(getattr(material, "depends_on", ()) or ())
    requested, pending = set(requested), set(pending)
    for code in depends:
        if code in requested:
            return code
    for code in depends:
        if code in pending:
            return code
    return None


def awaiting_label(item_code: str, short_name: str | None = None) -> str:
    """``待低保认定`` / ``待特困认定``: what a task waiting for ``item_code`` shows."""
    short = short_name or {"DIBAO": "低保", "TEKUN": "特困"}.get(item_code, item_code)
    return f"待{short}认定"


def material_label(catalog: Any, item_code: str, code: str, status: str) -> str:
    """How a material of an item is provided, as screens list it: the vocabulary's
    label, but 审核确认时提供 for a missing material asked for at 审核确认."""
    if status == MaterialStatus.MISSING:
        try:
            if at_decision(catalog.item(item_code).material(code)):
                return AT_DECISION_LABEL
        except KeyError:
            pass
    return MATERIAL_LABELS.get(status, status)


def still_awaiting(statuses: Iterable[str]) -> bool:
    """Some material of a task is still 待认定."""
    return any(s == MaterialStatus.AWAITING for s in statuses)


__all__ = ["AT_DECISION_LABEL", "RELEASED_STATUS", "at_decision", "awaitable_for",
           "awaiting_label", "demanded_at_intake", "material_label", "still_awaiting"]
