"""A running summary of the history journal: what the statistics and the progression
need, folded record by record, so ten years of sessions never have to be held (or even
parsed, with storage/history_store.py's snapshot) at once.

A session counts on the local date it was recorded with (the date part of its ISO time,
written with the offset of that moment): stretching on Monday evening in Berlin stays
Monday after a flight to New York, and no time zone conversion is needed per session.
"""

from __future__ import annotations

from bisect import insort
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import date, datetime
from typing import Any, NamedTuple

from stretchtimer.core import records
from stretchtimer.core.records import (
    CheckIn,
    Rating,
    Record,
    ReminderNote,
    SessionRecord,
)
from stretchtimer.core.routine import Side

RECENT = 200  # sessions kept whole: the history list and late check-ins look them up
_RATINGS = {r.value: r for r in Rating}  # a lookup: a snapshot holds thousands of ratings


@dataclass(slots=True)
class RecentSession:
    """One of the last RECENT sessions, as the history list shows it."""

    id: str
    routine_id: str
    routine_name: str
    started: datetime
    ended: datetime
    completed: bool
    exercises: tuple[str, ...]  # the ids of the exercises held, sorted
    rating: Rating | None = None

    def to_json(self) -> dict[str, Any]:
        return {"id": self.id, "routine_id": self.routine_id, "started": self.started.isoformat(),
                "ended": self.ended.isoformat(), "completed": self.completed,
                "routine_name": self.routine_name, "exercises": list(self.exercises),
                "rating": None if self.rating is None else self.rating.value}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> RecentSession:
        rating = data["rating"]
        return cls(data["id"], data["routine_id"], data["routine_name"],
                   datetime.fromisoformat(data["started"]), datetime.fromisoformat(data["ended"]),
                   data["completed"], tuple(data["exercises"]),
                   None if rating is None else _RATINGS[rating])


class Rated(NamedTuple):  # a NamedTuple: one per check-in, ten years of them
    day: date  # the day of the session rated
    rating: Rating
    exercise_ids: tuple[str, ...]


@dataclass
class Tally:
    per_day: dict[str, int] = field(default_factory=dict)  # "YYYY-MM-DD" -> sessions
    seconds: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)
    # day -> muscle -> side ("left" / "right" / "both": Side's words) -> seconds held
    recent: list[RecentSession] = field(default_factory=list)  # the last RECENT sessions,
    # oldest first (by start: several computers' journals are folded one after another)
    rated: list[Rated] = field(default_factory=list)  # every check-in, by day rated
    reminders: dict[str, dict[str, int]] = field(default_factory=dict)  # day -> action -> n
    total: int = 0
    completed: int = 0
    duplicates: int = 0
    unreadable_lines: int = 0  # damaged lines the journal skipped
    newer_records: int = 0  # records from a newer stretchtimer, kept on disk, not read
    invalid_records: int = 0  # records that are JSON but not readable ones: kept, skipped
    # recent by id, for check-ins and duplicates (made again from recent, never stored)
    _by_id: dict[str, RecentSession] = field(default_factory=dict, repr=False,
                                             compare=False, metadata={"kept": False})

    def fold(self, rec: dict[str, Any]) -> None:
        """Add one journal record; one that core.records cannot read is counted and left
        out, so nothing later (a view, the progression) meets a bad value."""
        try:
            typed = records.read(rec)
        except records.BadRecord:
            self.invalid_records += 1
            return
        if typed is not None:
            self.add(typed)

    def add(self, rec: Record) -> None:
        if isinstance(rec, SessionRecord):
            self._session(rec)
        elif isinstance(rec, CheckIn):
            self._checkin(rec.session_id, rec.rating)
        elif isinstance(rec, ReminderNote):
            day = self.reminders.setdefault(rec.at.date().isoformat(), {})
            day[rec.action.value] = day.get(rec.action.value, 0) + 1

    def _session(self, rec: SessionRecord) -> None:
        if rec.id in self._index():
            self.duplicates += 1
            return
        day = rec.day
        self.per_day[day] = self.per_day.get(day, 0) + 1
        by_muscle = self.seconds.setdefault(day, {})
        for h in rec.held:
            side = (h.side or Side.BOTH).value
            for muscle in h.muscles or ("other",):
                sides = by_muscle.setdefault(muscle, {})
                sides[side] = sides.get(side, 0.0) + h.seconds
        self.total += 1
        self.completed += rec.completed
        recent = RecentSession(
            rec.id, rec.routine_id, rec.routine_name, rec.started, rec.ended, rec.completed,
            tuple(sorted({h.exercise_id for h in rec.held})))
        insort(self.recent, recent, key=_started)  # at the end, unless another computer's
        self._by_id[rec.id] = recent

    def _checkin(self, session_id: str, rating: Rating) -> None:
        s = self._index().get(session_id)
        if s is not None:
            s.rating = rating
            insort(self.rated, Rated(s.started.date(), rating, s.exercises), key=_day)

    def _index(self) -> dict[str, RecentSession]:
        if len(self._by_id) != len(self.recent):  # read from a snapshot, or trimmed
            self._by_id = {s.id: s for s in self.recent}
        return self._by_id

    def trim(self) -> None:
        """Keep only the last RECENT sessions. Called once the records at hand are folded,
        not after each: a check-in finds its session even when another computer's newer
        sessions were folded first."""
        del self.recent[:-RECENT]

    def to_json(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in _kept()}
        data["recent"] = [s.to_json() for s in self.recent]
        data["rated"] = [[r.day.isoformat(), r.rating.value, list(r.exercise_ids)]
                         for r in self.rated]
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Tally:
        tally = cls(**{f.name: data[f.name] for f in _kept()})
        tally.recent = [RecentSession.from_json(s) for s in data["recent"]]
        fromiso = date.fromisoformat
        tally.rated = [Rated(fromiso(day), _RATINGS[rating], tuple(ids))
                       for day, rating, ids in data["rated"]]
        return tally


def _kept() -> list[Any]:
    return [f for f in fields(Tally) if f.metadata.get("kept", True)]


def _started(s: RecentSession) -> datetime:
    return s.started


def _day(r: Rated) -> date:
    return r.day


def tally_of(all_records: Iterable[dict[str, Any]]) -> Tally:
    tally = Tally()
    for rec in all_records:
        tally.fold(rec)
    tally.trim()
    return tally
