"""The typed values of a procedure step (:class:`.stage_types.StageInput`) checked and
parsed, what each step needs, and the one-line summaries of recorded steps."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from typing import Any

from ... import vocab
from ...errors import ValidationError, ValidationErrors
from ...messages import Message
from ...models import TaskStage
from ...rules import stages as rules
from ...rules.values import format_yuan, parse_amount, validate_name, validate_text
from ...vocab import TaskStatus
from .base import collect_error, day_value
from .stage_types import StageInput

#: The message keys raised here and by the stage verbs (desktop_app/core/messages.py).
_STAGE_INPUT_MESSAGE_KEYS = (
    "stage.unknown", "stage.label.date", "stage.outcome_invalid",
    "stage.source_invalid", "stage.details_invalid", "stage.visit_people",
    "stage.visit_findings", "stage.check_outcome", "stage.check_discrepancy",
    "stage.publicity_outcome", "stage.publicity_objection", "stage.reason_required",
    "stage.extension_reason", "stage.conference_people", "stage.amount_unexpected",
    "stage.task_final", "stage.no_procedure", "stage.publicity_too_short",
    "stage.no_extension", "stage.already_extended", "stage.extension_late",
)

#: Side records: not sequential, recorded on any accepted task.
SIDE_STAGES = ("paperwork", "conference", "followup", "extension")
#: Outcome codes each step accepts ("" = none asked).
OUTCOMES: dict[str, tuple[str, ...]] = {
    "visit": ("",),
    "check": ("", "match", "discrepancy"),
    "review": ("", "approved", "refused"),
    "publicity": ("", "no_objection", "objection_resolved", "objection_upheld"),
    "first_review": ("approved", "refused"),
    "report": ("",),
    "county": ("approved", "refused"),
    "decision": ("approved", "refused"),
    "paperwork": ("",),
    "conference": ("", "approved", "refused", "escalate"),
    "followup": ("", "approved", "refused"),
    "extension": ("",),
}
OUTCOME_LABELS = {
    "match": "一致", "discrepancy": "有差异", "approved": "同意", "refused": "不同意",
    "no_objection": "无异议", "objection_resolved": "有异议，已核实处理",
    "objection_upheld": "异议成立", "escalate": "报县审批",
}
#: The minimum investigators of a 入户调查 (57号/43号: 调查人员不少于2人; DOMAIN §3).
MIN_INVESTIGATORS = 2
TEXT_MAX = 500
RESULT = {"approved": TaskStatus.DONE, "refused": TaskStatus.REFUSED}
#: Fields of a 回执 named as StageInput's (a decision step is checked like a 回执).
FEEDBACK_FIELDS = {"result": "outcome", "result_on": "started_on", "result_text": "text"}


@dataclass(frozen=True)
class Clean:
    """A :class:`StageInput` with its values parsed."""

    stage: str
    started_on: date
    done_on: date | None
    ends_on: date | None
    people: tuple[str, ...]
    outcome: str
    text: str
    ref: str
    amount: int | None
    period_from: date | None
    period_to: date | None
    village_id: int | None
    details: dict[str, Any]
    source: str


def err(field: str, code: str, key: str, **params: object) -> ValidationError:
    return ValidationError(field, code, key=key, params=params)


def label(code: str) -> str:
    return vocab.STAGE_LABELS.get(code, code)


def parse(data: StageInput) -> Clean:
    """Every typed value checked; problems reported together, keyed by field."""
    errors: list[ValidationError] = []
    if data.stage not in vocab.STAGE_LABELS:
        raise ValidationErrors([err("stage", "unknown", "stage.unknown")])
    date_label = Message("stage.label.date")

    def day(value: object, field: str) -> date | None:
        if value in (None, ""):
            return None
        return collect_error(errors, lambda: day_value(value, field, date_label, today=date.max))

    started = day(data.started_on, "started_on")
    if data.started_on in (None, ""):
        errors.append(err("started_on", "required", "date.required"))
    done, ends = day(data.done_on, "done_on"), day(data.ends_on, "ends_on")
    p_from, p_to = day(data.period_from, "period_from"), day(data.period_to, "period_to")
    people: list[str] = []
    for name in data.people:
        if str(name).strip():
            clean = collect_error(errors, lambda n=name: validate_name(n, "people"))  # type: ignore[misc]
            if clean is not None and clean not in people:
                people.append(clean)
    outcome = (data.outcome or "").strip()
    if outcome not in OUTCOMES.get(data.stage, ("",)):
        errors.append(err("outcome", "invalid", "stage.outcome_invalid", label=label(data.stage)))
    text = collect_error(errors, lambda: validate_text(data.text, "text", TEXT_MAX)) or ""
    ref = collect_error(errors, lambda: validate_text(data.ref, "ref", 60)) or ""
    amount: int | None = None
    if data.amount not in (None, ""):
        amount = (data.amount if isinstance(data.amount, int) and not isinstance(data.amount, bool)
                  else collect_error(errors, lambda: parse_amount(data.amount, "amount")))
    if data.source not in dict(vocab.STAGE_SOURCES):
        errors.append(err("source", "invalid", "stage.source_invalid"))
    try:
        details = json.loads(json.dumps(dict(data.details), ensure_ascii=False))
    except (TypeError, ValueError):
        details = {}
        errors.append(err("details", "invalid", "stage.details_invalid"))
    if errors:
        raise ValidationErrors(errors)
    assert started is not None
    source = data.source
    if data.stage == "county" and source == "township":
        source = "paper"  # typed at the township from the county's paper reply
    return Clean(data.stage, started, done, ends, tuple(people), outcome, text, ref, amount,
                  p_from, p_to, data.village_id, details, source)


def step_errors(c: Clean, completing: bool) -> list[ValidationError]:
    """What each step needs (StageInput's docstring)."""
    errors: list[ValidationError] = []
    if c.stage == "visit" and len(c.people) < MIN_INVESTIGATORS:
        errors.append(err("people", "too_few", "stage.visit_people", min=MIN_INVESTIGATORS))
    if c.stage == "visit" and not c.text:
        errors.append(err("text", "required", "stage.visit_findings"))
    if c.stage == "check" and c.done_on is not None and not c.outcome:
        errors.append(err("outcome", "required", "stage.check_outcome"))
    if c.stage == "check" and c.outcome == "discrepancy" and not c.text:
        errors.append(err("text", "required", "stage.check_discrepancy"))
    if c.stage == "publicity" and (completing or c.done_on) and not c.outcome:
        errors.append(err("outcome", "required", "stage.publicity_outcome"))
    if c.stage == "publicity" and c.outcome.startswith("objection") and not c.text:
        errors.append(err("text", "required", "stage.publicity_objection"))
    if c.stage in ("first_review", "county", "decision", "conference") and c.outcome == "refused" \
            and not c.text:
        errors.append(err("text", "required", "stage.reason_required"))
    if c.stage == "extension" and not c.text:
        errors.append(err("text", "required", "stage.extension_reason"))
    if c.stage == "conference" and not c.people:
        errors.append(err("people", "required", "stage.conference_people"))
    if c.amount and c.stage not in ("county", "decision", "conference"):
        errors.append(err("amount", "unexpected", "stage.amount_unexpected"))
    return errors


def summary(row: TaskStage) -> str:
    """One Chinese line of what a row records (names of the staff, never ID numbers)."""
    people = "、".join(json.loads(row.people or "[]"))
    outcome = OUTCOME_LABELS.get(row.outcome, "")
    parts: list[str] = []
    if row.stage == "publicity" and row.ends_on:
        parts.append(f"{rules.cn_date(row.started_on)}至{rules.cn_date(row.ends_on)}")
    else:
        parts.append(rules.cn_date(row.started_on))
    if row.stage == "check" and row.done_on is None:
        parts.append("待核对结果")
    if people:
        parts.append(people)
    if row.ref:
        parts.append(row.ref)
    if outcome:
        parts.append(outcome)
    if row.amount_fen:
        parts.append(f"{format_yuan(row.amount_fen)}元")
    if row.text:
        parts.append(row.text[:40])
    return "，".join(parts)


def next_action(code: str | None, running: bool) -> str:
    if code is None:
        return ""
    if running:
        return {"check": "录入核对结果", "publicity": "结束公示"}.get(code, f"完成{label(code)}")
    return f"录入{label(code)}"


__all__ = ["FEEDBACK_FIELDS", "MIN_INVESTIGATORS", "OUTCOMES", "OUTCOME_LABELS", "RESULT",
           "SIDE_STAGES", "Clean", "err", "label", "next_action", "parse", "step_errors",
           "summary"]
