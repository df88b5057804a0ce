"""Clock sanity: is the PC's clock believable next to what the database already holds?

Pure functions (no I/O). All times are naive UTC, as the audit trail stores them.

* :func:`judge` — the clock against the newest record: ``ok``, ``behind`` (earlier than
  the newest record by more than the tolerance: a receipt now would be dated before one
  already issued) or ``ahead`` (far in the future: more than ``ahead_days`` after the
  newest record *and* after the program's release date).
* :func:`all_backwards` — each audit event whose time is earlier than an earlier event's
  (beyond the tolerance): the trail ran backwards there.

The limits are the setting ``clock_check`` (``DEFAULT_LIMITS``; decided 2026-12-07):

* ``tolerance_minutes`` = 10. A PC's clock drifts a few seconds a day and Windows
  corrects it about once a week, and a clerk who fixes a wrong clock by hand moves it
  by minutes; 10 minutes absorbs both, while backdating by hours or days — the case that
  matters (a receipt dated before an issued one, a number series going back a day) —
  is caught.
* ``ahead_days`` = 60. Township offices close for the Spring Festival (7–10 days, a
  couple of weeks with leave) and a spare PC may stay off for a season; 60 days of
  silence after the newest record is unusual but possible, so "far ahead" also needs the
  clock to be that far past the program's release date (a program is updated at least
  once a year). "Far ahead" warns; it does not refuse (docs/trust.md, "The clock").

The release date is data, not a constant here: ``resources/release.json`` (``version``,
``released``), updated with every release; :func:`release_date` reads it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from pathlib import Path
from typing import Any

from desktop_app.core.errors import ValidationError
from desktop_app.core.messages import Message

#: The format of ``resources/release.json`` this code reads.
RELEASE_FORMAT = 1

OK, BEHIND, AHEAD = "ok", "behind", "ahead"

#: The setting ``clock_check``'s default (reasoning in the module docstring).
DEFAULT_LIMITS: dict[str, int] = {"tolerance_minutes": 10, "ahead_days": 60}
#: What an administrator may set: tolerance 1–60 minutes, "far ahead" after 14–730 days.
LIMITS_RANGE: dict[str, tuple[int, int]] = {"tolerance_minutes": (1, 60), "ahead_days": (14, 730)}


@dataclass(frozen=True)
class ClockLimits:
    tolerance: timedelta
    ahead: timedelta

    @classmethod
    def of(cls, value: Any) -> ClockLimits:
        """The limits of a stored setting; an invalid one falls back to the default."""
        try:
            clean = validate_limits("clock_check", value)
        except ValidationError:
            clean = dict(DEFAULT_LIMITS)
        return cls(timedelta(minutes=clean["tolerance_minutes"]), timedelta(days=clean["ahead_days"]))


DEFAULT = ClockLimits(timedelta(minutes=DEFAULT_LIMITS["tolerance_minutes"]),
                      timedelta(days=DEFAULT_LIMITS["ahead_days"]))


@dataclass(frozen=True)
class Verdict:
    """``state``: ok | behind | ahead; ``now``/``newest`` naive UTC (``newest`` None for
    an empty database); ``gap``: how far the clock is off (behind: newest − now; ahead:
    now − the later of the newest record and the release date)."""

    state: str
    now: datetime
    newest: datetime | None
    gap: timedelta = timedelta(0)

    @property
    def ok(self) -> bool:
        return self.state == OK


def judge(now: datetime, newest: datetime | None, limits: ClockLimits = DEFAULT, *,
          released: date | None) -> Verdict:
    """The clock ``now`` against the newest record ``newest`` (both naive UTC) and the
    program's date ``released`` (None: unknown — only the newest record counts)."""
    if newest is not None and now < newest - limits.tolerance:
        return Verdict(BEHIND, now, newest, newest - now)
    reference = datetime.combine(released, datetime.min.time()) if released else None
    if newest is not None and (reference is None or newest > reference):
        reference = newest
    if reference is not None and now > reference + limits.ahead:
        return Verdict(AHEAD, now, newest, now - reference)
    return Verdict(OK, now, newest)


@dataclass(frozen=True)
class Backwards:
    """The audit trail ran backwards: event ``seq`` at ``at`` is earlier than event
    ``after_seq`` at ``after_at`` (the latest time before it)."""

    seq: int
    at: datetime
    action: str
    after_seq: int
    after_at: datetime


def all_backwards(events: Iterable[tuple[int, datetime, str]],
                  tolerance: timedelta = DEFAULT.tolerance) -> list[Backwards]:
    """Every place the trail ran backwards: each step is measured from the latest time
    before it, and after a step the clock's new (earlier) time is the reference — so a
    clock set back once gives one finding, not one per later event."""
    out: list[Backwards] = []
    latest: tuple[int, datetime] | None = None
    for seq, at, action in events:
        if latest is not None and at < latest[1] - tolerance:
            out.append(Backwards(seq, at, action, latest[0], latest[1]))
            latest = (seq, at)
        elif latest is None or at >= latest[1]:
            latest = (seq, at)
    return out


def release_path() -> Path:
    """``resources/release.json`` of the running installation."""
    from desktop_app import resources_dir

    return resources_dir() / "release.json"


def parse_release(doc: Any) -> tuple[str, date]:
    """``(version, released)`` of a ``release.json`` document (``ValueError`` if wrong)."""
    if not isinstance(doc, dict) or doc.get("format") != RELEASE_FORMAT:
        raise ValueError(f"release.json: unsupported format (expected {RELEASE_FORMAT})")
    version, released = doc.get("version"), doc.get("released")
    if not isinstance(version, str) or not version:
        raise ValueError("release.json: version missing")
    if not isinstance(released, str):
        raise ValueError("release.json: released must be YYYY-MM-DD")
    try:
        day = date.fromisoformat(released)
    except ValueError:
        raise ValueError("release.json: released must be YYYY-MM-DD") from None
    if day.isoformat() != released:
        raise ValueError("release.json: released must be YYYY-MM-DD")
    return version, day


@lru_cache(maxsize=1)
def release_date() -> date | None:
    """This release's date from ``resources/release.json``; None when the file is missing
    or unreadable (the clock check then measures from the newest record only; the
    self-test's files step reports the missing file)."""
    try:
        return parse_release(json.loads(release_path().read_text(encoding="utf-8")))[1]
    except (OSError, ValueError):
        return None


def validate_limits(key: str, value: Any) -> dict[str, int]:
    """The setting ``clock_check``: ``{"tolerance_minutes": n, "ahead_days": n}``."""
    if not isinstance(value, dict) or set(value) != set(LIMITS_RANGE):
        raise ValidationError(key, "invalid", key="setting.clock.parts")
    labels = {"tolerance_minutes": Message("setting.label.clock_tolerance"),
              "ahead_days": Message("setting.label.clock_ahead")}
    out: dict[str, int] = {}
    for part, (lo, hi) in LIMITS_RANGE.items():
        v = value[part]
        if isinstance(v, str) and v.strip().isascii() and v.strip().isdigit() and len(v.strip()) <= 6:
            v = int(v.strip())
        if isinstance(v, bool) or not isinstance(v, int):
            raise ValidationError(key, "invalid", key="setting.integer_between",
                                  params={"label": labels[part], "lo": lo, "hi": hi})
        if not lo <= v <= hi:
            raise ValidationError(key, "range", key="setting.range",
                                  params={"label": labels[part], "lo": lo, "hi": hi})
        out[part] = v
    return out


__all__ = ["AHEAD", "BEHIND", "DEFAULT", "DEFAULT_LIMITS", "OK", "RELEASE_FORMAT", "Backwards",
           "ClockLimits", "Verdict", "all_backwards", "judge", "parse_release", "release_date",
           "release_path", "validate_limits"]
