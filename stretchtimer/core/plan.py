"""Routine -> timeline: ordered segments with exact start offsets and lengths.

Per exercise: prepare (first exercise) or next (later ones), then each hold, with a
switch between holds on different sides and a rest between holds on the same side.
The timeline ends with a zero-length done segment, so lengths sum to the total.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Callable, Mapping

from stretchtimer.core.phrases import ENGLISH, Phrases, exercise_cue
from stretchtimer.core.phrases import current as current_phrases
from stretchtimer.core.routine import Exercise, Routine
from stretchtimer.core.speech_time import (DEFAULT_RATE_WPM, MAX_RATE_WPM, MIN_RATE_WPM,
                                           spoken_length, time_to_say)

BREATH_LEAD_S = 1.0  # the first breath starts after the hold cue has been said
SETTLE_S = 1.0  # a moment of quiet between the last setup line and "hold"


class Kind(StrEnum):
    PREPARE = "prepare"
    HOLD = "hold"
    REST = "rest"
    SWITCH = "switch"
    NEXT = "next"
    DONE = "done"


@dataclass(frozen=True)
class Segment:
    index: int
    kind: Kind
    start: float
    length: float
    exercise_index: int | None  # None for done
    side: str | None  # "right" / "left" / None; for rest, switch and prepare: the coming hold's
    rep: int  # the hold's rep on this side (1-based); for non-holds, the coming hold's
    reps: int
    hold_index: int = -1  # which hold of this exercise (0-based), counted over both sides

    @property
    def end(self) -> float:
        return self.start + self.length


@dataclass(frozen=True)
class Plan:
    routine: Routine
    segments: tuple[Segment, ...]
    holds_s: tuple[int, ...]  # the hold length used for each exercise
    rate_wpm: int = DEFAULT_RATE_WPM  # the voice rate the prepare lengths were fitted to
    # Real spoken lengths of phrases already rendered (seconds of speech); the estimate
    # from the voice rate stands in for the rest.
    measured: Mapping[str, float] = field(default_factory=dict)
    phrases: Phrases = ENGLISH  # the fixed spoken words, in the UI's language

    def say_time(self, text: str) -> float:
        return say_time(text, self.rate_wpm, self.measured)

    @property
    def total(self) -> float:
        return self.segments[-1].end

    def exercise(self, segment: Segment) -> Exercise | None:
        if segment.exercise_index is None:
            return None
        return self.routine.exercises[segment.exercise_index]

    def segment_at(self, offset: float) -> Segment:
        """The segment running at `offset` (a boundary belongs to the segment it starts)."""
        for seg in self.segments:
            if seg.start <= offset < seg.end:
                return seg
        return self.segments[-1]


def hold_sequence(ex: Exercise) -> list[tuple[str | None, int]]:
    """(side, rep) of each hold in the order they are done."""
    reps = range(1, ex.reps + 1)
    if ex.sides != "left_right":
        return [(None, r) for r in reps]
    if ex.side_order == "alternate":
        return [(side, r) for r in reps for side in ("right", "left")]
    return [("right", r) for r in reps] + [("left", r) for r in reps]


def intro_lines(routine: Routine, ex_index: int, phrases: Phrases = ENGLISH) -> list[str]:
    """What is said before an exercise: its name (as "Next: ..." after the first), every
    setup line, and, before the first exercise, the routine's first safety line ("" if none)."""
    ex = routine.exercises[ex_index]
    first = ex_index == 0
    title = ex.name if first else phrases.next.format(name=ex.name)
    safety = routine.safety[0] if first and routine.safety else ""
    return [title, *ex.setup, safety]


def spoken_lines(plan: Plan, segment: Segment) -> list[str]:
    assert segment.exercise_index is not None
    return intro_lines(plan.routine, segment.exercise_index, plan.phrases)


def switch_line(side: str | None, phrases: Phrases = ENGLISH) -> str:
    return {"left": phrases.switch_left, "right": phrases.switch_right}.get(side or "",
                                                                            phrases.switch)


def localized(routine: Routine, phrases: Phrases) -> Routine:
    """The routine with the default Hold / Release / Rest cues in the phrases' language
    (an exercise's own cue words are kept)."""
    if phrases == ENGLISH:
        return routine
    exercises = tuple(replace(
        ex, start_cue=exercise_cue(ex.start_cue, ENGLISH.hold, phrases.hold),
        end_cue=exercise_cue(ex.end_cue, ENGLISH.release, phrases.release),
        rest_cue=exercise_cue(ex.rest_cue, ENGLISH.rest, phrases.rest)) for ex in routine.exercises)
    closing = exercise_cue(routine.closing, ENGLISH.closing, phrases.closing)
    return replace(routine, exercises=exercises, closing=closing)


def fitted_length(least_s: int, lines: list[str], say: Callable[[str], float],
                  after: str = "") -> int:
    """A segment's length: at least `least_s`, grown to whole seconds until its lines fit
    at the voice rate, after `after` (the release said at its very start) and before a
    moment of quiet."""
    needed = time_to_say([line for line in [after, *lines] if line], say) + SETTLE_S
    return max(least_s, math.ceil(needed))


def intro_length(routine: Routine, ex_index: int, say: Callable[[str], float],
                 phrases: Phrases = ENGLISH) -> int:
    """prepare_s is the least time to get into position; every intro line is said."""
    after = routine.exercises[ex_index - 1].end_cue if ex_index else ""
    return fitted_length(routine.exercises[ex_index].prepare_s,
                         intro_lines(routine, ex_index, phrases), say, after)


def say_time(text: str, rate_wpm: int, measured: Mapping[str, float]) -> float:
    """Seconds to say `text`: its rendered length when known, else the estimate."""
    return measured.get(text) or spoken_length(text, rate_wpm)


def build_plan(routine: Routine, holds: Mapping[str, int] | None = None,
               rate_wpm: int = DEFAULT_RATE_WPM,
               measured: Mapping[str, float] | None = None,
               phrases: Phrases | None = None) -> Plan:
    """`holds` overrides hold_s per exercise id (the progression's chosen level);
    `rate_wpm` is the voice rate and `measured` the real lengths of rendered phrases,
    which together set how long the intros take to say. `phrases`: the fixed spoken
    words (default: the current language's)."""
    phrases = phrases or current_phrases()
    routine = localized(routine, phrases)
    if not MIN_RATE_WPM <= rate_wpm <= MAX_RATE_WPM:
        raise ValueError(f"rate_wpm: expected {MIN_RATE_WPM} to {MAX_RATE_WPM}, got {rate_wpm}")
    measured = dict(measured or {})

    def say(text: str) -> float:  # as the finished plan will measure it (Plan.say_time)
        return say_time(text, rate_wpm, measured)

    segments: list[Segment] = []
    t = 0.0
    holds_s: list[int] = []

    def add(kind: Kind, length: float, ex_i: int | None, side: str | None, rep: int,
            reps: int, hold_i: int = -1) -> None:
        nonlocal t
        segments.append(Segment(len(segments), kind, t, float(length), ex_i, side, rep, reps,
                                hold_i))
        t += length

    for ex_i, ex in enumerate(routine.exercises):
        hold_s = (holds or {}).get(ex.id, ex.hold_s)
        holds_s.append(hold_s)
        sequence = hold_sequence(ex)
        first_side, _ = sequence[0]
        add(Kind.PREPARE if ex_i == 0 else Kind.NEXT, intro_length(routine, ex_i, say, phrases),
            ex_i, first_side, 1, ex.reps)
        for hold_i, (side, rep) in enumerate(sequence):
            if hold_i:
                if side != sequence[hold_i - 1][0]:
                    length = fitted_length(ex.switch_s, [switch_line(side, phrases)], say,
                                           ex.end_cue)
                    add(Kind.SWITCH, length, ex_i, side, rep, ex.reps)
                elif ex.rest_s:
                    add(Kind.REST, ex.rest_s, ex_i, side, rep, ex.reps)
            add(Kind.HOLD, hold_s, ex_i, side, rep, ex.reps, hold_i)
    add(Kind.DONE, 0, None, None, 0, 0)
    return Plan(routine, tuple(segments), tuple(holds_s), rate_wpm, measured, phrases)


def breath_phases(plan: Plan, segment: Segment) -> list[tuple[float, str, float]]:
    """(start, "in" / "out", length) of each paced breath in a hold, from the exercise's
    breathing seconds; the last phase may be cut short by the end of the hold. The
    breathing pacer and the spoken breathing cues both follow this."""
    ex = plan.exercise(segment)
    if segment.kind != Kind.HOLD or ex is None or ex.breathing is None:
        return []
    phases = []
    t = segment.start + BREATH_LEAD_S
    while t < segment.end:
        for name, length in (("in", ex.breathing.in_s), ("out", ex.breathing.out_s)):
            if t >= segment.end:
                break
            phases.append((t, name, min(float(length), segment.end - t)))
            t += length
    return phases


def format_clock(seconds: float) -> str:
    """m:ss, rounded to the nearest second."""
    s = int(round(seconds))
    return f"{s // 60}:{s % 60:02d}"
