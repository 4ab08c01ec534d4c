"""The journal's record formats, checked and typed in one place: every reader (the
tally, the history list, the export) takes its records from read(), so a damaged date or
a number of the wrong type is a skipped, counted record, never an exception later in a
view, and what the views get are the dataclasses below, not the journal's dicts.

- {"type": "session", "id", "routine_id", "routine_name", "started", "ended" (ISO 8601
  with the UTC offset of the moment), "completed", "held": [{"exercise_id", "side",
  "seconds", "muscles"}]}
- {"type": "checkin", "id", "session_id", "rating": "easy|good|strong|painful|nerve"}
- {"type": "reminder", "id", "action": "offered|started|snoozed|skipped", "at"}
Records of other types (from a later version) pass and are ignored by the readers.
The journal keeps the words; the enums below are what they read as.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, NamedTuple, TypeVar

from stretchtimer.core.routine import Side


class Rating(StrEnum):
    """How a routine felt, from the check-in after it (in the order the bar offers them)."""

    EASY = "easy"
    GOOD = "good"
    STRONG = "strong"
    PAINFUL = "painful"
    NERVE = "nerve"  # tingling, numbness or shooting pain: the stretch is paused


class ReminderAction(StrEnum):
    """A reminder offered, or what the user did with it."""

    OFFERED = "offered"
    STARTED = "started"
    SNOOZED = "snoozed"
    SKIPPED = "skipped"


E = TypeVar("E", bound=StrEnum)


def one_of(enum: type[E], value: Any, what: str) -> E:
    """`value` as a member of `enum`, or ValueError naming the field and what it may be."""
    try:
        return enum(value)
    except ValueError:
        raise ValueError(f"{what}: expected one of {', '.join(enum)}, got {value!r}") from None


_RATINGS = {r.value: r for r in Rating}
_ACTIONS = {a.value: a for a in ReminderAction}
_SIDES = {s.value: s for s in Side}
MAX_TEXT = 200
MAX_HELD = 1000


class Held(NamedTuple):  # a NamedTuple: ten years of history makes 80,000 of these
    exercise_id: str
    side: Side | None  # None: an exercise without sides (BOTH where the journal says so)
    seconds: float
    muscles: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class SessionRecord:
    id: str
    routine_id: str
    routine_name: str
    started: datetime  # with the UTC offset it was recorded with
    ended: datetime
    completed: bool
    held: tuple[Held, ...]

    @property
    def day(self) -> str:
        """The local date it was recorded on, "YYYY-MM-DD" (where it counts)."""
        return self.started.date().isoformat()


@dataclass(frozen=True, slots=True)
class CheckIn:
    id: str
    session_id: str
    rating: Rating


@dataclass(frozen=True, slots=True)
class ReminderNote:
    id: str
    action: ReminderAction
    at: datetime


Record = SessionRecord | CheckIn | ReminderNote


class BadRecord(ValueError):
    """A journal record of a known type that cannot be read (skipped and counted)."""


def _text(v: Any) -> bool:
    return isinstance(v, str) and 0 < len(v) <= MAX_TEXT


def _moment(v: Any) -> datetime | None:
    """An ISO 8601 time with its UTC offset, whose date part is a real day."""
    if not isinstance(v, str) or len(v) > 40:
        return None
    try:
        t = datetime.fromisoformat(v)
    except ValueError:
        return None
    return t if t.utcoffset() is not None else None


def _word(words: dict[str, E], v: Any) -> E | None:
    return words.get(v) if isinstance(v, str) else None


def _held(h: Any) -> Held | None:
    if not isinstance(h, dict) or not _text(h.get("exercise_id")):
        return None
    side = h.get("side")
    if side is not None:
        side = _word(_SIDES, side)
        if side is None:
            return None
    secs = h.get("seconds")
    if not isinstance(secs, (int, float)) or isinstance(secs, bool) or \
            not 0 <= secs <= 86400:  # compared, not made a float: 1e400 as an int; NaN fails
        return None
    muscles = h.get("muscles", [])
    if not isinstance(muscles, list) or not all(_text(m) for m in muscles):
        return None
    return Held(h["exercise_id"], side, float(secs), tuple(muscles))


def read(rec: Any) -> Record | None:
    """A journal record as its dataclass; None for a record of a type this version does
    not know (from a later one: kept on disk, ignored). BadRecord says what is wrong."""
    if not isinstance(rec, dict) or not _text(rec.get("id")):
        raise BadRecord("not a record with an id")
    kind = rec.get("type")
    if kind == "session":
        name = rec.get("routine_name", rec.get("routine_id"))
        if not (_text(rec.get("routine_id")) and isinstance(name, str) and _text(name)):
            raise BadRecord("session: routine id or name")
        started, ended = _moment(rec.get("started")), _moment(rec.get("ended"))
        if started is None or ended is None:
            raise BadRecord("session: start or end time")
        if not isinstance(rec.get("completed"), bool):
            raise BadRecord("session: completed")
        raw = rec.get("held", [])
        held = [_held(h) for h in raw] if isinstance(raw, list) and len(raw) <= MAX_HELD else [None]
        if None in held:
            raise BadRecord("session: seconds held")
        return SessionRecord(rec["id"], rec["routine_id"], name, started, ended,
                             rec["completed"], tuple(h for h in held if h is not None))
    if kind == "checkin":
        rating = _word(_RATINGS, rec.get("rating"))
        if not _text(rec.get("session_id")) or rating is None:
            raise BadRecord("check-in: session or rating")
        return CheckIn(rec["id"], rec["session_id"], rating)
    if kind == "reminder":
        action, at = _word(_ACTIONS, rec.get("action")), _moment(rec.get("at"))
        if action is None or at is None:
            raise BadRecord("reminder: action or time")
        return ReminderNote(rec["id"], action, at)
    return None

