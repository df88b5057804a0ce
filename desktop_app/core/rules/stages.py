"""The 审核确认 procedure of a township-handled task (issue 13) — pure rules.

Sources (the catalogue's ``stages`` groups carry the limits; see docs/coordination.md
"审核确认程序"):

* 低保 — 民发〔2021〕57号《最低生活保障审核确认办法》: 入户调查 by at least two people,
  信息核对, 民主评议 where the investigation is disputed, the township's 初审意见
  publicised for 7 days in the village, 审核确认 (by the county, or by the township where
  the power is delegated — 审核确认权限下放, seed 000 "审核确认权限下放"), all within
  30 working days of acceptance, "特殊情况下，可以延长至45个工作日" (+15, the
  catalogue's ``extension_workdays``); a refusal is notified in writing within 3
  working days of the decision.
* 特困 — 民发〔2021〕43号《特困人员认定办法》: investigation and 初审意见 within 15
  working days of acceptance, 公示 7 days, 审核确认 within 10 working days — three
  groups chained, the 7 days being **calendar** days (DOMAIN §9: "not 32 working days").

Counting (both follow the project's :class:`~.workdays.WorkCalendar`):

* working days: the start day is not counted (``add_workdays``: "受理后N个工作日");
* calendar days (公示 7 日): a group of N calendar days that follows another ends N days
  after it (民法典 第二百零一条 "开始的当日不计入，自下一日开始计算"); a 公示 posted on
  day S counts S as its first day and ends on S + N - 1 (the notice is up from that day;
  printed as "S至E", 7 days) — the same day the chain gives when S is the day after the
  previous group. When that last day is not a working day (weekend or official holiday)
  the period ends on the next working day (民法典 第二百零三条 "期间的最后一日是法定休假日
  的，以法定休假日结束的次日为期间的最后一日") — so a 公示 ending in the Spring Festival
  holiday lasts until the first working day after it and the village can still object.
  A local rule in working days (5 个工作日) counts the posting day if it is a working day.

Groups are chained: the first starts on the acceptance day; each next one on the
**actual** end of the previous group once all its steps are recorded (else on the
previous group's computed due). The *promise* (the receipt's date, ``due_date``) is the
chain computed from acceptance alone plus any extension.

Order: a step cannot be recorded before the steps before it (no skipping), not on a day
before the previous step ended (no back-dating; after a 公示 only the day after its last
day), and not in the future. ``review`` (民主评议) is optional unless a dispute is
recorded (a step's ``details["dispute"]``) or the item's township actions name a village
评议 (受灾); ``publicity`` is skipped where the item is never publicised or the
publicity limits withhold it (minor applicant, 孤儿 — :mod:`.publicity`). Where the
township decides (``decider_code == "TOWNSHIP"``) ``first_review``/``report``/``county``
give way to ``decision``; otherwise ``decision`` is dropped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from desktop_app.core.errors import ValidationError
from sync_contract.catalog import Stage

from .workdays import Due, WorkCalendar

WORKDAYS = "workdays"
CALENDAR_DAYS = "days"
#: Steps that record the task's result (approved / refused) when recorded.
RESULT_STEPS = ("decision", "county")
#: Steps given way to when the township decides (审核确认权限下放).
COUNTY_STEPS = ("first_review", "report", "county")
#: Working days within which a refusal is notified in writing (民发〔2021〕57号, 43号).
REFUSAL_NOTICE_WORKDAYS = 3
#: Steps that may be recorded as begun and completed later (核对 result, 公示 end).
TWO_PHASE = ("check", "publicity")

#: The message keys this module raises or answers with (desktop_app/core/messages.py).
_STAGE_MESSAGE_KEYS = (
    "stage.not_in_procedure", "stage.already_recorded", "stage.done_on_required",
    "stage.publicity_running", "stage.after_publicity", "stage.publicity_not_ended",
    "stage.done_before_start", "stage.future", "stage.out_of_order", "stage.before_previous",
    "stage.before_acceptance", "stage.unfinished_due", "stage.unfinished",
    "stage.publicity_days.invalid", "stage.publicity_first",
)

#: Setting ``publicity_days`` (entries with effective dates): how long a 公示 lasts.
#: Default 7 calendar days — 民发〔2021〕57号 and 43号 "公示期为7天" (DOMAIN §3 "公示: 7
#: days in the village"); a local rule may say e.g. 5 working days (DOMAIN §3 "local: 5
#: working days"): ``{"days": 5, "unit": "workdays"}``.
DEFAULT_PUBLICITY: dict[str, Any] = {"effective_from": "2000-01-01", "days": 7, "unit": CALENDAR_DAYS}
PUBLICITY_DAYS_MAX = 30

LABELS = {
    "visit": "入户调查", "check": "信息核对", "review": "民主评议", "publicity": "公示",
    "first_review": "初审", "report": "报县", "county": "县级审核确认", "decision": "审核确认",
}


def cn_date(d: date) -> str:
    """``2026年12月15日``."""
    return f"{d.year}年{d.month}月{d.day}日"


@dataclass(frozen=True)
class Group:
    """A catalogue stage group: a limit and the steps done within it."""

    name: str
    days: int
    unit: str = WORKDAYS
    steps: tuple[str, ...] = ()


@dataclass(frozen=True)
class Step:
    """A step of one task's procedure. ``skipped``: not needed (公示 withheld);
    ``optional``: may be recorded or left out (民主评议 without a dispute)."""

    code: str
    group: int
    optional: bool = False
    skipped: bool = False

    @property
    def active(self) -> bool:
        return not self.skipped


@dataclass(frozen=True)
class Done:
    """A recorded step (the newest row of its code)."""

    code: str
    started_on: date
    done_on: date | None = None
    ends_on: date | None = None
    outcome: str = ""

    @property
    def finished(self) -> bool:
        return self.done_on is not None

    @property
    def end(self) -> date:
        """The day the step ended, for what follows: a 公示's last day, else the day it
        was done (or began, while it runs)."""
        if self.code == "publicity" and self.ends_on is not None:
            return self.ends_on
        return self.done_on or self.started_on


@dataclass(frozen=True)
class StepState:
    code: str
    state: str          # done / running / current / pending / skipped / optional
    due: Due | None     # the due date of its group (chained, with actual ends)
    record: Done | None


@dataclass(frozen=True)
class Blocked:
    """Why the task's result cannot be recorded yet (a message key + params)."""

    key: str
    params: Mapping[str, object]
    day: date | None = None


@dataclass(frozen=True)
class Evaluation:
    steps: tuple[StepState, ...]
    current: str | None         # next step to record (or complete)
    stage_due: Due | None       # due of the current step's group
    promise: Due | None         # the receipt's date (from acceptance; + extension)
    group_dues: tuple[Due, ...]
    blocked: Blocked | None     # None: the result may be recorded

    @property
    def closable(self) -> bool:
        return self.blocked is None

    def state(self, code: str) -> StepState | None:
        return next((s for s in self.steps if s.code == code), None)


def groups_of(stages: Sequence[Stage]) -> tuple[Group, ...]:
    """The catalogue's stage groups of an item.

    Empty when no group lists steps (an older catalogue): the item has no procedure."""
    groups = tuple(Group(s.name, s.days, s.unit, tuple(s.steps)) for s in stages)
    return groups if any(g.steps for g in groups) else ()


def procedure(groups: Sequence[Group], *, township_decides: bool, publicity_rule: str = "required",
              publicity_withheld: bool = False, review_always: bool = False,
              dispute: bool = False) -> tuple[Step, ...]:
    """The steps of one task, in order (see the module doc for the branches)."""
    out: list[Step] = []
    for gi, group in enumerate(groups):
        for code in group.steps:
            if township_decides and code in COUNTY_STEPS:
                continue
            if not township_decides and code == "decision":
                continue
            if code == "review":
                out.append(Step(code, gi, optional=not (review_always or dispute)))
            elif code == "publicity":
                out.append(Step(code, gi, skipped=publicity_rule != "required" or publicity_withheld))
            else:
                out.append(Step(code, gi))
    return tuple(out)


def calendar_end(start: date, days: int, cal: WorkCalendar) -> Due:
    """The last day of a period of ``days`` calendar days beginning after ``start``
    (民法典 第二百零一条), moved past non-working days (第二百零三条)."""
    end = start + timedelta(days=days)
    provisional = not cal.is_known(end)
    while not cal.is_workday(end):
        end += timedelta(days=1)
        provisional = provisional or not cal.is_known(end)
    years = (end.year,) if provisional else ()
    return Due(end, provisional, years)


def publicity_ends(started_on: date, days: int, unit: str, cal: WorkCalendar) -> Due:
    """The last day of a 公示 posted on ``started_on`` (its first day; setting
    ``publicity_days``: 7 calendar days by default; a local rule may say 5 working days)."""
    if unit == WORKDAYS:
        return cal.add_workdays(started_on, days - 1 if cal.is_workday(started_on) else days)
    return calendar_end(started_on - timedelta(days=1), days, cal)


def publicity_on(entries: Sequence[Mapping[str, Any]], day: date) -> tuple[int, str]:
    """``(days, unit)`` of the ``publicity_days`` entry in force on ``day``."""
    ordered = sorted(entries, key=lambda e: str(e["effective_from"])) or [DEFAULT_PUBLICITY]
    found = ordered[0]
    for e in ordered:
        if str(e["effective_from"]) <= day.isoformat():
            found = e
    return int(found["days"]), str(found["unit"])


def validate_publicity_days(key: str, value: Any) -> list[dict[str, Any]]:
    """Setting ``publicity_days``: a non-empty list of ``{"effective_from": "YYYY-MM-DD",
    "days": 1..30, "unit": "days" | "workdays"}``, one per day."""
    def bad() -> ValidationError:
        return ValidationError(key, "invalid", key="stage.publicity_days.invalid",
                               params={"max": PUBLICITY_DAYS_MAX})
    if not isinstance(value, list) or not value:
        raise bad()
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for e in value:
        if not isinstance(e, dict) or set(e) != {"effective_from", "days", "unit"} \
                or isinstance(e["days"], bool) or not isinstance(e["days"], int) \
                or not 1 <= e["days"] <= PUBLICITY_DAYS_MAX or e["unit"] not in (WORKDAYS, CALENDAR_DAYS):
            raise bad()
        try:
            day = date.fromisoformat(str(e["effective_from"])).isoformat()
        except ValueError:
            raise bad() from None
        if day in seen:
            raise bad()
        seen.add(day)
        out.append({"effective_from": day, "days": e["days"], "unit": e["unit"]})
    return sorted(out, key=lambda e: e["effective_from"])


def refusal_notice_due(decided_on: date, cal: WorkCalendar) -> Due:
    """The refusal notice: within 3 working days of the decision (民发〔2021〕57号)."""
    return cal.add_workdays(decided_on, REFUSAL_NOTICE_WORKDAYS)


def _merge(a: Due, b: Due, day: date) -> Due:
    provisional = a.provisional or b.provisional
    years = tuple(sorted(set(a.unknown_years) | set(b.unknown_years)))
    return Due(day, provisional, years)


def _group_due(start: date, group: Group, cal: WorkCalendar) -> Due:
    if group.unit == CALENDAR_DAYS:
        return calendar_end(start, group.days, cal)
    return cal.add_workdays(start, group.days)


def chain(groups: Sequence[Group], steps: Sequence[Step], accepted: date, cal: WorkCalendar, *,
          extension_workdays: int = 0,
          actual_ends: Mapping[int, date] | None = None) -> tuple[Due, ...]:
    """Each group's due date. A group whose steps are all skipped takes no time; the
    extension is added (in working days) to the last group. ``actual_ends``: group index
    → the day its last step ended (the next group counts from there)."""
    ends = actual_ends or {}
    live = {s.group for s in steps if s.active}
    dues: list[Due] = []
    start, start_due = accepted, Due(accepted)
    last = len(groups) - 1
    for gi, group in enumerate(groups):
        raw = _group_due(start, group, cal) if gi in live else Due(start)
        due = _merge(start_due, raw, raw.date)
        if gi == last and extension_workdays:
            ext = cal.add_workdays(due.date, extension_workdays)
            due = _merge(due, ext, ext.date)
        dues.append(due)
        if gi in ends:
            start, start_due = ends[gi], Due(ends[gi])
        else:
            start, start_due = due.date, due
    return tuple(dues)


def promise(groups: Sequence[Group], steps: Sequence[Step], accepted: date, cal: WorkCalendar,
            extension_workdays: int = 0) -> Due | None:
    """The promised date of the whole procedure, from acceptance (None: no groups)."""
    dues = chain(groups, steps, accepted, cal, extension_workdays=extension_workdays)
    return dues[-1] if dues else None


def evaluate(groups: Sequence[Group], steps: Sequence[Step], records: Mapping[str, Done], *,
             accepted: date, today: date, cal: WorkCalendar,
             extension_workdays: int = 0) -> Evaluation:
    """Where a task stands: each step's state and due, the current step, whether the
    result may be recorded (``blocked`` says why not, with the date)."""
    actual: dict[int, date] = {}
    prev_end = accepted
    for gi in range(len(groups)):
        mine = [s for s in steps if s.group == gi and s.active]
        needed = [s for s in mine if not s.optional or s.code in records]
        if not all(s.code in records and records[s.code].finished for s in needed):
            break
        prev_end = actual[gi] = max((records[s.code].end for s in needed), default=prev_end)
    dues = chain(groups, steps, accepted, cal, extension_workdays=extension_workdays,
                 actual_ends=actual)
    current: str | None = None
    states: list[StepState] = []
    for st in steps:
        rec = records.get(st.code)
        due = dues[st.group] if dues else None
        if st.skipped:
            state = "skipped"
        elif rec is not None:
            state = "done" if rec.finished else "running"
            if current is None and not rec.finished:
                current = st.code
        elif current is None and st.optional:
            later = [s for s in steps if steps.index(s) > steps.index(st) and s.code in records]
            state = "skipped" if later else "optional"
        elif current is None:
            state, current = "current", st.code
        else:
            state = "pending"
        states.append(StepState(st.code, state, due, rec))
    cur = next((s for s in states if s.code == current), None)
    stage_due = cur.due if cur is not None else None
    blocked = _blocked(states, today)
    prom = promise(groups, steps, accepted, cal, extension_workdays)
    return Evaluation(tuple(states), current, stage_due, prom, dues, blocked)


def _blocked(states: Sequence[StepState], today: date) -> Blocked | None:
    for s in states:
        if s.code in RESULT_STEPS or s.state in ("done", "skipped", "optional"):
            continue
        if s.code == "publicity" and s.record is not None and s.record.ends_on is not None \
                and s.record.ends_on >= today:
            return _publicity_block(s.record.ends_on)
        params: dict[str, object] = {"label": LABELS.get(s.code, s.code)}
        if s.due is not None:
            params["day"] = cn_date(s.due.date)
            return Blocked("stage.unfinished_due", params, s.due.date)
        return Blocked("stage.unfinished", params)
    return None


def _publicity_block(ends_on: date) -> Blocked:
    return Blocked("stage.publicity_running", {"day": cn_date(ends_on)}, ends_on)


def _err(field: str, code: str, key: str, **params: object) -> ValidationError:
    return ValidationError(field, code, key=key, params=params)


def _check_completion(code: str, rec: Done, done_on: date | None,
                      today: date) -> list[ValidationError]:
    """Completing a running step (核对 result, 公示 concluded)."""
    if done_on is None:
        return [_err("done_on", "required", "stage.done_on_required", label=LABELS.get(code, code))]
    errors: list[ValidationError] = []
    if code == "publicity" and rec.ends_on is not None and done_on <= rec.ends_on:
        errors.append(_err("done_on", "publicity_running", "stage.publicity_not_ended",
                           day=cn_date(rec.ends_on)))
    elif done_on < rec.started_on:
        errors.append(_err("done_on", "before_start", "stage.done_before_start",
                           day=cn_date(rec.started_on)))
    if done_on > today:
        errors.append(_err("done_on", "future", "stage.future", day=cn_date(today)))
    return errors


def _previous(ev: Evaluation, order: Sequence[str], idx: int) -> StepState | None:
    """The last recorded step before position ``idx``."""
    for c in reversed(order[:idx]):
        st = ev.state(c)
        if st is not None and st.record is not None:
            return st
    return None


def check_record(ev: Evaluation, steps: Sequence[Step], code: str, *, started_on: date,
                 done_on: date | None, accepted: date, today: date) -> list[ValidationError]:
    """May step ``code`` be recorded (or, if it runs, completed) with these days?

    Field names are :class:`~desktop_app.core.services.handling.stage_types.StageInput`'s."""
    label = LABELS.get(code, code)
    order = [s.code for s in steps]
    if code not in order or next(s for s in steps if s.code == code).skipped:
        return [_err("stage", "not_in_procedure", "stage.not_in_procedure", label=label)]
    mine = ev.state(code)
    assert mine is not None
    errors: list[ValidationError] = []
    if mine.state == "done":
        return [_err("stage", "already_recorded", "stage.already_recorded", label=label)]
    if mine.state == "running":
        assert mine.record is not None
        return _check_completion(code, mine.record, done_on, today)
    if mine.state not in ("current", "optional"):
        first = ev.current or code
        running = ev.state(first)
        if first == "publicity" and running is not None and running.record is not None \
                and running.record.ends_on is not None:
            return [_err("stage", "out_of_order", "stage.publicity_first", label=label,
                         day=cn_date(running.record.ends_on))]
        return [_err("stage", "out_of_order", "stage.out_of_order", label=label,
                     first=LABELS.get(first, first))]
    # No back-dating: on or after the end of the last recorded step before it.
    idx = order.index(code)
    prev = _previous(ev, order, idx)
    if prev is not None and prev.record is not None:
        floor = prev.record.end
        if prev.code == "publicity" and prev.record.ends_on is not None:
            if started_on <= floor:
                errors.append(_err("started_on", "publicity_running", "stage.after_publicity",
                                   day=cn_date(floor)))
        elif started_on < floor:
            errors.append(_err("started_on", "before_previous", "stage.before_previous",
                               day=cn_date(floor), previous=LABELS.get(prev.code, prev.code)))
    elif started_on < accepted:
        errors.append(_err("started_on", "before_acceptance", "stage.before_acceptance",
                           day=cn_date(accepted)))
    if started_on > today:
        errors.append(_err("started_on", "future", "stage.future", day=cn_date(today)))
    if done_on is not None:
        if done_on < started_on:
            errors.append(_err("done_on", "before_start", "stage.done_before_start",
                               day=cn_date(started_on)))
        if done_on > today:
            errors.append(_err("done_on", "future", "stage.future", day=cn_date(today)))
    return errors


__all__ = ["CALENDAR_DAYS", "COUNTY_STEPS", "LABELS", "REFUSAL_NOTICE_WORKDAYS", "RESULT_STEPS",
           "TWO_PHASE", "WORKDAYS", "Blocked", "Done", "Evaluation", "Group", "Step",
           "StepState", "calendar_end", "chain", "check_record", "cn_date", "evaluate",
           "groups_of", "procedure", "promise", "publicity_ends", "publicity_on",
           "refusal_notice_due", "validate_publicity_days"]
