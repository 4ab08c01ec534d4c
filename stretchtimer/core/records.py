"""The journal's record formats, checked in one place: every reader (the tally, the
history list, the export) takes only records that pass, so a damaged date or a number
of the wrong type is a skipped, counted record, never an exception later in a view.

- {"type": "session", "id", "routine_id", "routine_name", "started", "ended" (ISO 8601
  with the UTC offset of the moment), "completed", "held": [{"exercise_id", "side",
  "seconds", "muscles"}]}
- {"type": "checkin", "id", "session_id", "rating": "easy|good|strong|painful|nerve"}
- {"type": "reminder", "id", "action": "offered|started|snoozed|skipped", "at"}
Records of other types (from a later version) pass and are ignored by the readers.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Any, TypeVar

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


_RATINGS = tuple(r.value for r in Rating)  # plain values: any JSON value compares with them
_ACTIONS = tuple(a.value for a in ReminderAction)
_SIDES = (*(s.value for s in Side), None)  # None: a hold without sides
MAX_TEXT = 200


def _text(v: Any) -> bool:
    return isinstance(v, str) and 0 < len(v) <= MAX_TEXT


def _moment(v: Any) -> bool:
    """An ISO 8601 time with its UTC offset, whose date part is a real day."""
    if not isinstance(v, str) or len(v) > 40:
        return False
    try:
        return datetime.fromisoformat(v).utcoffset() is not None
    except ValueError:
        return False


def _held(h: Any) -> bool:
    return (isinstance(h, dict) and _text(h.get("exercise_id")) and h.get("side") in _SIDES
            and isinstance(h.get("seconds"), (int, float)) and not isinstance(h["seconds"], bool)
            and 0 <= h["seconds"] <= 86400  # compared, not made a float: 1e400 as an int
            and isinstance(h.get("muscles", []), list)
            and all(_text(m) for m in h.get("muscles", [])))


def problem(rec: Any) -> str | None:
    """What is wrong with a journal record, or None when it can be read."""
    if not isinstance(rec, dict) or not _text(rec.get("id")):
        return "not a record with an id"
    kind = rec.get("type")
    if kind == "session":
        if not (_text(rec.get("routine_id")) and _text(rec.get("routine_name", "x"))):
            return "session: routine id or name"
        if not (_moment(rec.get("started")) and _moment(rec.get("ended"))):
            return "session: start or end time"
        if not isinstance(rec.get("completed"), bool):
            return "session: completed"
        held = rec.get("held", [])
        if not isinstance(held, list) or len(held) > 1000 or not all(map(_held, held)):
            return "session: seconds held"
    elif kind == "checkin":
        if not (_text(rec.get("session_id")) and rec.get("rating") in _RATINGS):
            return "check-in: session or rating"
    elif kind == "reminder" and not (rec.get("action") in _ACTIONS
                                     and _moment(rec.get("at"))):
        return "reminder: action or time"
    return None
