"""Clock sanity: the PC's clock against the newest record in the database.

The services' clock (``ServiceContext.clock``, local time) dates receipts, decisions and
documents and — through ``Database.clock`` — stamps the audit events, so one clock is
compared with what it wrote before. The newest record is the later of the newest audit
event (every decision, document, login and change writes one) and the start of the
newest day of the receipt number series (kept across a restore, so an old backup does not
hide the numbers already handed out).

* :meth:`ClockService.status` — ok / behind / ahead (``core/rules/clock.py``), for the
  start-up warning;
* :meth:`ClockService.acknowledge` — the clerk saw the warning: ``system.clock_warning``
  in the audit trail (what the clock said, the newest record, the choice);
* :meth:`ClockService.confirm` — an administrator states that the clock is right and the
  newer records are the wrong ones (documents issued while the clock was far ahead):
  ``system.clock_confirmed`` with both times; from then on the newest record is measured
  from that event, so the window can issue documents again (audited; docs/trust.md);
* :func:`ensure_clock_allows_issue` — inside a transaction that is about to number or
  date a document: a clock *behind* the newest record is refused (``clock.behind``), so
  no receipt is dated before one already issued. A clock far *ahead* is not refused
  (docs/trust.md, "The clock": a long closure looks the same).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..errors import ValidationError, ValidationErrors
from ..models import Event, NumberSeries
from ..rules import clock as rules
from . import auth
from .auth import ActorRef
from .context import Changes, ServiceContext
from .events import record_event, to_utc

CLOCK_EVENT = "system.clock_warning"
#: An administrator confirmed the clock while it was behind the newest record.
CONFIRM_EVENT = "system.clock_confirmed"
#: What the clerk chose in the start-up warning.
CHOICES = ("continue", "quit")


@dataclass(frozen=True)
class ClockStatus:
    """``state``: ok | behind | ahead. ``clock``: what the PC's clock says (local time);
    ``newest``: the newest record (local time; None in an empty database); ``gap``: how
    far off the clock is."""

    state: str
    clock: datetime
    newest: datetime | None
    gap: timedelta = timedelta(0)

    @property
    def ok(self) -> bool:
        return self.state == rules.OK

    @property
    def behind(self) -> bool:
        return self.state == rules.BEHIND


def _local(utc: datetime) -> datetime:
    return utc.replace(tzinfo=timezone.utc).astimezone().replace(tzinfo=None)


def _minute(t: datetime) -> str:
    return t.strftime("%Y-%m-%d %H:%M")


def newest_record(s: Session) -> datetime | None:
    """The newest record's time, naive UTC: the newest audit event or the start of the
    newest day of the receipt numbers, whichever is later.

    After an administrator's :meth:`ClockService.confirm` only what came after it counts:
    the events from the confirmation on, and number days after the (wrong) newest record
    it set aside — the days numbered while the clock was ahead stay in the series (their
    numbers are never handed out again), they just no longer stop the window."""
    confirmed = s.execute(select(Event.seq, Event.detail).where(Event.action == CONFIRM_EVENT)
                          .order_by(Event.seq.desc()).limit(1)).first()
    events = select(func.max(Event.at))
    days = select(func.max(NumberSeries.day))
    if confirmed is not None:
        events = events.where(Event.seq >= confirmed[0])
        set_aside = _set_aside(confirmed[1])
        if set_aside is not None:
            days = days.where(NumberSeries.day > _local(set_aside).date())
    newest = s.scalar(events)
    day = s.scalar(days)
    if day is not None:
        start = to_utc(datetime.combine(day, time.min))
        if newest is None or start > newest:
            newest = start
    return newest


def _set_aside(detail: str | None) -> datetime | None:
    """The newest record (naive UTC) a confirmation set aside, from its event detail."""
    import json

    try:
        value = json.loads(detail or "{}").get("newest_utc")
        return datetime.fromisoformat(value) if value else None
    except (ValueError, TypeError, AttributeError):
        return None


def limits(ctx: ServiceContext, s: Session) -> rules.ClockLimits:
    return rules.ClockLimits.of(ctx.get_setting(s, "clock_check"))


def program_date() -> date | None:
    """The program's date: its release date (``resources/release.json``), or the day its
    files were written when that is later (a fresh install or checkout is never an "old
    program"); None when neither is known. The data file's own date is used: it is a real
    file in a checkout and in the bundle alike (this module is not, inside the bundle)."""
    released = rules.release_date()
    try:
        written: date | None = datetime.fromtimestamp(rules.release_path().stat().st_mtime).date()
    except (OSError, ValueError, OverflowError):
        written = None
    known = [d for d in (released, written) if d is not None]
    return max(known) if known else None


def status_in(ctx: ServiceContext, s: Session) -> ClockStatus:
    """The clock's state, read inside ``s``."""
    local_now = ctx.clock()
    verdict = rules.judge(to_utc(local_now), newest_record(s), limits(ctx, s),
                          released=program_date())
    return ClockStatus(verdict.state, local_now.replace(tzinfo=None),
                       _local(verdict.newest) if verdict.newest is not None else None, verdict.gap)


def ensure_clock_allows_issue(ctx: ServiceContext, s: Session) -> None:
    """Refuse to number or date a document when the clock is behind the newest record
    (``ValidationErrors`` with ``clock.behind``); once per transaction."""
    if s.info.get("clock_checked"):
        return
    st = status_in(ctx, s)
    if st.behind and st.newest is not None:
        raise ValidationErrors([ValidationError(
            "clock", "behind", key="clock.behind",
            params={"clock": _minute(st.clock), "newest": _minute(st.newest)})])
    s.info["clock_checked"] = True


class ClockService:
    def __init__(self, ctx: ServiceContext) -> None:
        self.ctx = ctx

    def status(self) -> ClockStatus:
        """Two indexed look-ups (newest event, newest number day): fine on the GUI thread."""
        with self.ctx.db.read() as s:
            return status_in(self.ctx, s)

    def acknowledge(self, seen: ClockStatus, choice: str, by: ActorRef | None = None) -> Changes:
        """Record that the start-up warning ``seen`` was shown and what was chosen
        (``continue`` / ``quit``). ``by``: the user, when one is logged in (the warning
        comes before the login: the clock is the PC's, not a user's)."""
        if choice not in CHOICES:
            raise ValueError(f"unknown choice {choice!r}")
        with self.ctx.db.transaction() as s:
            actor_id = None
            extra: dict[str, Any] = {}
            if by is not None:
                actor, _ = auth.resolve(s, by)
                actor_id, extra = actor.staff_id, auth.event_actor(actor)
            record_event(s, CLOCK_EVENT, actor_id=actor_id, state=seen.state,
                         clock=seen.clock.isoformat(timespec="seconds"),
                         newest=seen.newest.isoformat(timespec="seconds") if seen.newest else None,
                         gap_minutes=int(seen.gap.total_seconds() // 60), choice=choice, **extra)
        return Changes()

    def confirm(self, by: ActorRef) -> Changes:
        """An administrator confirms that the PC's clock is right although it is behind
        the newest record (the newer records were dated by a clock that ran ahead).

        Refused unless the clock is behind now (``clock.not_behind``: nothing to confirm)
        and for anyone but an administrator. Recorded as ``system.clock_confirmed`` with
        the clock, the newest record set aside and the gap; documents may be issued again
        from then on. The audit trail keeps the backward step (``check`` reports it as a
        note, not a problem)."""
        with self.ctx.db.transaction() as s:
            actor, _ = auth.require(s, by, auth.SETTINGS)
            st = status_in(self.ctx, s)
            if not st.behind or st.newest is None:
                raise ValidationErrors([ValidationError("clock", "not_behind",
                                                        key="clock.not_behind")])
            record_event(s, CONFIRM_EVENT, actor_id=actor.staff_id,
                         clock=st.clock.isoformat(timespec="seconds"),
                         newest=st.newest.isoformat(timespec="seconds"),
                         newest_utc=to_utc(st.newest).isoformat(timespec="seconds"),
                         gap_minutes=int(st.gap.total_seconds() // 60),
                         **auth.event_actor(actor))
        return Changes(settings=True)


__all__ = ["CHOICES", "CLOCK_EVENT", "CONFIRM_EVENT", "ClockService", "ClockStatus", "ensure_clock_allows_issue",
           "newest_record", "status_in"]
