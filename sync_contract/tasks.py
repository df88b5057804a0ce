"""Referred-task statuses and transitions the sync records rely on.

``requested_item`` records carry ``task_status``; the county accepts department
feedback (``feedback`` records: done / refused / returned) only for a task that can
take it, and the township applies it with the same table. Shared here so both ends
agree: the township's ``core.rules.handling`` uses these tables.
"""

from __future__ import annotations

#: action -> (statuses it may start from, resulting status)
TRANSITIONS: dict[str, tuple[frozenset[str], str | None]] = {
    "refer": (frozenset({"to_refer"}), "referred"),
    "sign": (frozenset({"referred"}), "signed"),
    # Feedback may come back with the signature on the same 回执 (referred → result).
    "done": (frozenset({"referred", "signed", "in_progress"}), "done"),
    "refused": (frozenset({"referred", "signed", "in_progress"}), "refused"),
    "returned": (frozenset({"referred", "signed"}), "returned"),
    "re_refer": (frozenset({"returned"}), "to_refer"),
}

ACTION_LABELS = {"refer": "转办", "sign": "签收", "done": "办结", "refused": "不予办理",
                 "returned": "退回", "re_refer": "重新转办"}
STATUS_LABELS = {"to_refer": "待转办", "referred": "已转办", "signed": "已签收",
                 "in_progress": "办理中", "returned": "退回", "done": "已办结",
                 "refused": "不予办理"}

#: statuses no feedback can change any more
FINAL_TASK_STATUSES = ("done", "refused")
#: the results a department can send back (``feedback.result``)
FEEDBACK_RESULTS = ("done", "refused", "returned")


def transition_problem(status: str | None, action: str) -> str | None:
    """``None`` if ``action`` applies to a task in ``status``, else why not (Chinese)."""
    if action not in TRANSITIONS:
        return "未知的办理操作"
    allowed, _ = TRANSITIONS[action]
    if status not in allowed:
        label = STATUS_LABELS.get(status or "", "未受理")
        return f"该事项当前为“{label}”，不能{ACTION_LABELS[action]}"
    return None


__all__ = ["ACTION_LABELS", "FEEDBACK_RESULTS", "FINAL_TASK_STATUSES", "STATUS_LABELS",
           "TRANSITIONS", "transition_problem"]
