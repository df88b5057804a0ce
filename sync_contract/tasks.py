"""Referred-task statuses and transitions the sync records rely on.

``requested_item`` records carry ``task_status``; the county accepts department
feedback (``feedback`` records: done / refused / returned) only for a task that can
take it, and the township applies it with the same table. Shared here so both ends
agree: the township's ``core.rules.handling`` uses these tables.
"""

from __future__ import annotations

from .messages import Message

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


#: The status label of a task not accepted (no status yet).
NOT_ACCEPTED_LABEL = "未受理"


def transition_message(status: str | None, action: str) -> Message | None:
    """``None`` if ``action`` applies to a task in ``status``, else why not, by key."""
    if action not in TRANSITIONS:
        return Message("tasks.unknown_action")
    allowed, _ = TRANSITIONS[action]
    if status not in allowed:
        return Message("tasks.not_allowed", {
            "status": STATUS_LABELS.get(status or "", NOT_ACCEPTED_LABEL),
            "action": ACTION_LABELS[action]})
    return None


def transition_problem(status: str | None, action: str) -> str | None:
    """``None`` if ``action`` applies to a task in ``status``, else why not (Chinese)."""
    message = transition_message(status, action)
    return None if message is None else str(message)


__all__ = ["ACTION_LABELS", "FEEDBACK_RESULTS", "FINAL_TASK_STATUSES", "STATUS_LABELS",
           "TRANSITIONS", "transition_message", "transition_problem"]
