"""Progression from comfort check-ins (../shared/PROTOCOL.md "Progression").

Per exercise with levels (longer holds, or harder variants such as the towel held closer
to the leg): two check-ins in a row rated easy or good move the hold
up one level, at most once a week and never past the last level (the source's ceiling);
"painful" moves it down one level at once. The rated sessions (core/tally.py's Rated:
day, rating, exercise ids) are replayed in order, so the result depends only on history."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from stretchtimer.core.records import Rating
from stretchtimer.core.routine import Exercise
from stretchtimer.core.tally import Rated

STEP_UP_AFTER = 2  # easy-or-good check-ins in a row
MIN_DAYS_BETWEEN_STEPS = 7


@dataclass(frozen=True)
class Hold:
    seconds: int
    was: int | None = None  # the hold before the last change, to show "(was 15 s)"
    level: int = 0  # index into the exercise's levels


def progression(exercises: list[Exercise], rated: Iterable[Rated]) -> dict[str, Hold]:
    out: dict[str, Hold] = {}
    for ex in exercises:
        levels = list(ex.hold_levels_s)
        if not levels:
            continue
        level = ex.start_level()
        previous, in_a_row, changed_at = None, 0, None
        for day, rating, exercise_ids in rated:
            if ex.id not in exercise_ids:
                continue
            if rating == Rating.PAINFUL:
                if level > 0:
                    previous, level, changed_at = level, level - 1, day
                in_a_row = 0
            elif rating in (Rating.EASY, Rating.GOOD):
                in_a_row += 1
                week_passed = changed_at is None or \
                    (day - changed_at).days >= MIN_DAYS_BETWEEN_STEPS
                if in_a_row >= STEP_UP_AFTER and week_passed and level < len(levels) - 1:
                    previous, level, changed_at, in_a_row = level, level + 1, day, 0
            else:
                in_a_row = 0  # "strong" (or nerve, which also pauses the stretch): hold steady
        out[ex.id] = Hold(levels[level], levels[previous] if previous is not None else None,
                          level)
    return out
