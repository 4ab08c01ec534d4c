"""A running summary of the history journal: what the statistics and the progression
need, folded record by record, so ten years of sessions never have to be held (or even
parsed, with storage/history_store.py's snapshot) at once.

A session counts on the local date it was recorded with (the date part of its ISO time,
written with the offset of that moment): stretching on Monday evening in Berlin stays
Monday after a flight to New York, and no time zone conversion is needed per session.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

from stretchtimer.core import records

RECENT = 200  # sessions kept whole: the history list and late check-ins look them up


@dataclass
class Tally:
    per_day: dict[str, int] = field(default_factory=dict)  # "YYYY-MM-DD" -> sessions
    seconds: dict[str, dict[str, dict[str, float]]] = field(default_factory=dict)
    # day -> muscle -> side ("left" / "right" / "both") -> seconds held
    recent: list[dict[str, Any]] = field(default_factory=list)  # last RECENT sessions
    rated: list[list[Any]] = field(default_factory=list)  # [day, rating, [exercise ids]]
    reminders: dict[str, dict[str, int]] = field(default_factory=dict)  # day -> action -> n
    total: int = 0
    completed: int = 0
    duplicates: int = 0
    unreadable_lines: int = 0  # damaged lines the journal skipped
    newer_records: int = 0  # records from a newer stretchtimer, kept on disk, not read
    invalid_records: int = 0  # records that are JSON but not readable ones: kept, skipped

    def fold(self, rec: dict[str, Any]) -> None:
        """Add one journal record; one that core.records finds wrong is counted and left
        out, so nothing later (a view, the progression) meets a bad value."""
        if records.problem(rec) is not None:
            self.invalid_records += 1
            return
        if rec.get("type") == "session":
            self._session(rec)
        elif rec.get("type") == "checkin":
            self._checkin(rec["session_id"], rec["rating"])
        elif rec.get("type") == "reminder":
            day = self.reminders.setdefault(rec["at"][:10], {})
            day[rec["action"]] = day.get(rec["action"], 0) + 1

    def _session(self, rec: dict[str, Any]) -> None:
        if any(s["id"] == rec["id"] for s in self.recent):
            self.duplicates += 1
            return
        day = rec["started"][:10]
        held = [(h["exercise_id"], h.get("side") or "both", float(h["seconds"]),
                 h.get("muscles") or ["other"]) for h in rec.get("held", ())]
        self.per_day[day] = self.per_day.get(day, 0) + 1
        by_muscle = self.seconds.setdefault(day, {})
        for _, side, secs, muscles in held:
            for muscle in muscles:
                sides = by_muscle.setdefault(muscle, {})
                sides[side] = sides.get(side, 0.0) + secs
        self.total += 1
        self.completed += bool(rec["completed"])
        keep = {k: rec[k] for k in ("id", "routine_id", "started", "ended", "completed")}
        keep["routine_name"] = rec.get("routine_name", rec["routine_id"])
        keep["exercises"] = sorted({h[0] for h in held})
        keep["rating"] = None
        self.recent.append(keep)
        del self.recent[:-RECENT]

    def _checkin(self, session_id: str, rating: str) -> None:
        for s in reversed(self.recent):
            if s["id"] == session_id:
                s["rating"] = rating
                self.rated.append([s["started"][:10], rating, s["exercises"]])
                return

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Tally:
        return cls(**{k: data[k] for k in cls.__dataclass_fields__})


def tally_of(records: Iterable[dict[str, Any]]) -> Tally:
    tally = Tally()
    for rec in records:
        tally.fold(rec)
    return tally
