"""The read models and inputs of the 审核确认 procedure (issue 13), shared by the
service (:mod:`.stages`), the screens (stage bar, stage dialogs, tracking columns) and
the printed forms. Plain data; no I/O.

A township-handled task's steps come from the catalogue: each ``stages`` group of an
item has a time limit (working or calendar days) and lists the steps done within it
(vocab.SEQUENTIAL_STAGES codes). :class:`StagePlan` is where one task stands.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class StageInput:
    """What a stage dialog (or the command line) records for one step of a task.

    Dates may be given as typed text (``"2026-12-01"``); ``people`` are names (from the
    accounts or typed); ``amount`` as typed yuan text or fen (int). Which fields a step
    needs is the service's business (it answers with field-keyed Chinese messages):

    * ``visit``: started_on, people (≥ 2 investigators), text (findings);
    * ``check``: started_on (request day), done_on (result day, may come later), ref
      (核对报告编号), outcome (``match`` / ``discrepancy``), text (discrepancies explained);
    * ``review`` (only when disputed): started_on, people, outcome, text;
    * ``publicity``: village_id, started_on, ends_on (computed from the setting when
      empty), done_on (concluded), details ``objections`` / ``resolution``, outcome;
    * ``first_review``: started_on, outcome (``approved`` / ``refused``), text (opinion);
    * ``report``: started_on, ref (上报清单 number — given by the service);
    * ``county``: started_on, outcome, amount, period_from/period_to, ref, text, source;
    * ``decision``: started_on, outcome, amount, period_from/period_to, text;
    * ``extension``: started_on, text (reason) — days from the catalogue;
    * ``paperwork``: started_on, details ``materials`` {code: status};
    * ``conference``: started_on, people (participants), outcome, amount, text;
    * ``followup``: started_on, text, outcome.
    """

    stage: str
    started_on: date | str
    done_on: date | str | None = None
    ends_on: date | str | None = None
    people: tuple[str, ...] = ()
    outcome: str = ""
    text: str = ""
    ref: str = ""
    amount: str | int | None = None
    period_from: date | str | None = None
    period_to: date | str | None = None
    village_id: int | None = None
    details: dict[str, object] = field(default_factory=dict)
    source: str = "township"
    #: material statuses recorded with the step ({code: status}) — the materials asked
    #: for at 审核确认 (catalogue ``"at": "decision"``, e.g. the bank account)
    materials: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class StageView:
    """One step of a task as the stage bar shows it.

    ``state``: ``done``, ``running`` (started, not ended — 公示 under way, 核对 awaiting
    its result), ``current`` (the next step to record), ``pending``, ``skipped`` (not
    needed: 民主评议 without a dispute, 公示 where forbidden) or ``optional``.
    ``summary``: one Chinese line of what was recorded (no ID numbers).
    """

    code: str
    label: str
    state: str
    started_on: date | None = None
    done_on: date | None = None
    ends_on: date | None = None
    due_date: date | None = None
    due_provisional: bool = False
    summary: str = ""
    record_id: int | None = None


@dataclass(frozen=True)
class StagePlan:
    """Where one task stands in its procedure.

    ``current``: the code of the next step to record (None: nothing left / no steps);
    ``next_action``: its Chinese button text (e.g. "录入入户调查");
    ``closable``: may the task's result be recorded now, else ``blocked_reason``
    (Chinese, with the date — e.g. "公示期至2026年12月15日，期满后方可办结");
    ``side``: side records (补齐手续, 个案会商, 跟进救助, 延期) in order.
    """

    task_id: int
    item_code: str
    steps: tuple[StageView, ...]
    current: str | None
    next_action: str
    due_date: date | None
    due_provisional: bool
    extended_days: int
    can_extend: bool
    closable: bool
    blocked_reason: str = ""
    side: tuple[StageView, ...] = ()
