"""History: session records (as stored in the journal) and the statistics that show
whether someone is being consistent. Pure Python; days are local calendar days.

The journal keeps plain JSON records (core/records.py describes them and reads each into
its dataclass; a record that fails is skipped here and counted by the tally).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from stretchtimer.core import records
from stretchtimer.core.records import (
    CheckIn,
    Held,
    Rating,
    ReminderAction,
    SessionRecord,
    one_of,
)
from stretchtimer.core.routine import Side
from stretchtimer.core.tally import Tally

HEATMAP_WEEKS = 12
BALANCE_DAYS = 28


@dataclass(slots=True)
class Session:
    id: str
    routine_id: str
    routine_name: str
    started: datetime
    ended: datetime
    completed: bool
    held: tuple[Held, ...]
    rating: Rating | None = None


def session_record(summary: Any, routine: Any, tz: tzinfo | None = None) -> dict[str, Any]:
    """A finished SessionMachine summary as a journal record (timestamps keep the UTC
    offset of their moment, so a later time zone or DST change reads them right)."""
    muscles = {ex.id: list(ex.muscles) for ex in routine.exercises}

    def stamp(wall: float) -> str:
        return datetime.fromtimestamp(wall, tz).astimezone(tz).isoformat(timespec="seconds")

    return {
        "type": "session", "routine_id": routine.id, "routine_name": routine.name,
        "started": stamp(summary.started_wall), "ended": stamp(summary.ended_wall),
        "completed": summary.completed,
        "held": [{"exercise_id": h.exercise_id,
                  "side": None if h.side is None else Side(h.side).value,  # the word
                  "seconds": h.seconds, "muscles": muscles.get(h.exercise_id, [])}
                 for h in summary.held],
    }


def reminder_record(action: ReminderAction | str, wall: float, tz: tzinfo | None = None
                    ) -> dict[str, Any]:
    """A reminder offered, or what the user did with it: started, snoozed, skipped (a
    ReminderAction; its word is taken too, and anything else refused)."""
    action = one_of(ReminderAction, action, "action")
    at = datetime.fromtimestamp(wall, tz).astimezone(tz).isoformat(timespec="seconds")
    return {"type": "reminder", "action": action.value, "at": at}


def checkin_record(session_id: str, rating: Rating | str) -> dict[str, Any]:
    """A check-in: a Rating (or its word; anything else is refused)."""
    rating = one_of(Rating, rating, "rating")
    return {"type": "checkin", "session_id": session_id, "rating": rating.value}


def sessions_from(all_records: Iterable[dict[str, Any]]) -> list[Session]:
    """Sessions in time order, each with its (latest) check-in. A record that does not
    fit is skipped: history written by a future version must not stop the view."""
    sessions: dict[str, Session] = {}
    ratings: dict[str, Rating] = {}
    for rec in all_records:
        try:
            typed = records.read(rec)
        except records.BadRecord:
            continue
        if isinstance(typed, SessionRecord):
            sessions[typed.id] = Session(typed.id, typed.routine_id, typed.routine_name,
                                         typed.started, typed.ended, typed.completed, typed.held)
        elif isinstance(typed, CheckIn):
            ratings[typed.session_id] = typed.rating
    for sid, rating in ratings.items():
        if sid in sessions:
            sessions[sid].rating = rating
    return sorted(sessions.values(), key=lambda s: (s.started, s.id))  # the same on any computer


def forgiving_streak(active: set[date], today: date, rest_weekdays: frozenset[int] = frozenset()
                     ) -> int:
    """Calendar days from the first to the last active day of the run that reaches today
    (or yesterday: today is not over), where one missed day in any seven is forgiven.
    Rest days (weekdays, 0 = Monday, outside the user's work week) are never missed."""
    first = last = None
    last_miss: date | None = None
    earliest = min(active, default=today)
    day = today
    while day >= earliest:
        if day in active:
            last = last or day
            first = day
        elif day != today and day.weekday() not in rest_weekdays:
            if last_miss is not None and (last_miss - day).days < 7:
                break  # a second miss within a week ends the run
            last_miss = day
        day -= timedelta(days=1)
    if first is None or last is None:
        return 0
    return (last - first).days + 1


@dataclass
class Stats:
    today: date
    week_start: date
    week_days: list[date]  # this week's days with at least one session
    days_goal: int
    streak: int
    heatmap_start: date  # the Monday of the first of the 12 weeks
    heatmap: list[int]  # sessions per day, HEATMAP_WEEKS * 7 days from heatmap_start
    per_day: list[tuple[date, int]]  # the last 7 days
    sessions_goal: int
    balance: dict[str, dict[str, float]] = field(default_factory=dict)  # muscle -> side -> s
    total_sessions: int = 0
    completed_sessions: int = 0
    reminders: dict[ReminderAction, int] = field(default_factory=dict)  # this week


def compute_stats(tally: Tally, today: date, days_goal: int = 5, sessions_goal: int = 2,
                  rest_weekdays: frozenset[int] = frozenset()) -> Stats:
    per_date = {date.fromisoformat(d): n for d, n in tally.per_day.items()}
    week_start = today - timedelta(days=today.weekday())
    heat_start = week_start - timedelta(weeks=HEATMAP_WEEKS - 1)
    balance: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for i in range(BALANCE_DAYS):
        for muscle, sides in tally.seconds.get((today - timedelta(days=i)).isoformat(), {}).items():
            for side, secs in sides.items():
                balance[muscle][side] += secs
    return Stats(
        today=today, week_start=week_start,
        week_days=sorted(d for d in per_date if week_start <= d <= today),
        days_goal=days_goal, streak=forgiving_streak(set(per_date), today, rest_weekdays),
        heatmap_start=heat_start,
        heatmap=[per_date.get(heat_start + timedelta(days=i), 0)
                 for i in range(HEATMAP_WEEKS * 7)],
        per_day=[(today - timedelta(days=i), per_date.get(today - timedelta(days=i), 0))
                 for i in range(6, -1, -1)],
        sessions_goal=sessions_goal,
        balance={m: dict(sides) for m, sides in balance.items()},
        total_sessions=tally.total,
        completed_sessions=tally.completed,
        reminders={a: sum(tally.reminders.get((week_start + timedelta(days=i)).isoformat(), {})
                          .get(a, 0) for i in range(7)) for a in ReminderAction},
    )
