"""协同办理: follow every accepted item to its result (跟踪督办).

Each accepted requested item is a handling task (see ``rules/handling.py`` for its
statuses). This service records what happens to it — the day's 转办清单 handed to the
courier (已转办), the department's signed 回执 (已签收), its result (已办结 / 不予办理 /
退回) — closes the application when every task has its final result, prints the
办理结果告知书, records 先行救助 payments (急难型临时救助) within the township's ceiling,
and keeps the re-check (动态管理) due list. Every step is an event in the audit log,
which is also the application's timeline.

The service is composed of one part per responsibility:

* :mod:`.tasks` — the task list and its filters (跟踪督办);
* :mod:`.handover` — the day's 转办清单 per department;
* :mod:`.results` — the 回执: signature, result, closing, re-referral;
* :mod:`.notices` — the 办理结果告知书;
* :mod:`.emergency` — 先行救助 and escalation to the county;
* :mod:`.reviews` — 动态管理 re-checks;
* :mod:`.registers` — the separately registered list (单独登记备案);
* :mod:`.timeline` — an application's steps;
* :mod:`.stages` — the 审核确认 procedure (入户调查 … 审核确认 / 报县), issue 13.

:class:`HandlingService` (``services.handling``) joins them; the read models and inputs
are importable from here as before.
"""

from __future__ import annotations

from .base import HandlingBase
from .emergency import EmergencyAidVerbs, EmergencyInput, EmergencyResult
from .handover import HandoverLists, ListInfo
from .notices import ResultNotices
from .registers import FlaggedRow, Registers
from .results import Feedback, FeedbackResult, TaskResults
from .reviews import ReviewRow, Reviews
from .stage_lists import StageLists
from .stage_types import StageInput, StagePlan, StageView
from .tasks import TaskFilter, TaskQueries, TaskRow
from .timeline import STEP_TEXTS, Step, Timeline


class HandlingService(TaskQueries, HandoverLists, TaskResults, ResultNotices,
                      EmergencyAidVerbs, Reviews, Registers, Timeline, StageLists, HandlingBase):
    """协同办理: every verb and query of the handling of accepted items."""


__all__ = [
    "STEP_TEXTS", "EmergencyInput", "EmergencyResult", "Feedback", "FeedbackResult",
    "FlaggedRow", "HandlingService", "ListInfo", "ReviewRow", "StageInput", "StagePlan",
    "StageView", "Step", "TaskFilter", "TaskRow",
]
