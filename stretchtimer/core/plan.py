"""Routine -> timeline: ordered segments with exact start offsets and lengths.

Per exercise: prepare (first exercise) or next (later ones), then each hold, with a
switch between holds on different sides and a rest between holds on the same side.
The timeline ends with a zero-length done segment, so lengths sum to the total.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from stretchtimer.core.phrases import ENGLISH, Phrases, exercise_cue
from stretchtimer.core.routine import Exercise, Routine, Side, SideOrder, Sides
from stretchtimer.core.speech_time import (
    DEFAULT_RATE_WPM,
    GAP_S,
    MAX_RATE_WPM,
    MIN_RATE_WPM,
    spoken_length,
    time_to_say,
)

BREATH_LEAD_S = 1.0  # the first breath starts after the hold cue has been said
COUNTDOWN_S = 3  # "3", "2", "1" take a hold's last three seconds
MIN_PHASE_S = 2.0  # no breath is begun that the countdown would cut shorter than this


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
    side: Side | None  # RIGHT / LEFT / None; for rest, switch and prepare: the coming hold's
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
    level_names: tuple[str, ...] = ()  # per exercise, the name of its level ("" if none)

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


FIRST_SIDE, SECOND_SIDE = Side.RIGHT, Side.LEFT  # (the figures are drawn for the first)


def hold_sequence(ex: Exercise) -> list[tuple[Side | None, int]]:
    """(side, rep) of each hold in the order they are done."""
    reps = range(1, ex.reps + 1)
    if ex.sides != Sides.LEFT_RIGHT:
        return [(None, r) for r in reps]
    sides: tuple[Side | None, Side | None] = (FIRST_SIDE, SECOND_SIDE)
    if ex.side_order == SideOrder.ALTERNATE:
        return [(side, r) for r in reps for side in sides]
    return [(sides[0], r) for r in reps] + [(sides[1], r) for r in reps]


def safety_line(routine: Routine, phrases: Phrases = ENGLISH) -> str:
    """The stop rule said before the first hold: the routine's first safety line, or the
    default one when it has none."""
    return routine.safety[0] if routine.safety else phrases.stop_rule


def intro_lines(routine: Routine, ex_index: int, phrases: Phrases = ENGLISH) -> list[str]:
    """What is said before an exercise: its name (as "Next: ..." after the first), before
    the first exercise the stop rule, then every setup line."""
    ex = routine.exercises[ex_index]
    if ex_index == 0:
        return [ex.name, safety_line(routine, phrases), *ex.setup]
    return [phrases.next.format(name=ex.name), *ex.setup]


def switch_lines(ex: Exercise, side: Side | None, other: Side | None,
                 phrases: Phrases = ENGLISH) -> list[str]:
    """What is said when changing to `side` from `other`: "Now the left leg", then the
    exercise's own lines for getting there."""
    words = {"side": phrases.side_word(side), "other": phrases.side_word(other)}
    return [phrases.switch_to(side, ex.side_label),
            *(line.format_map(words) for line in ex.switch_setup)]


def rest_lines(ex: Exercise) -> list[str]:
    """What is said in a rest: its cue, and near its end the line that gets you ready."""
    return [ex.rest_cue, *([ex.ready_cue] if ex.ready_cue else [])]


def position_lines(plan: Plan, segment: Segment) -> list[str]:
    """How to be in position for a segment, as the screen shows it: the setup lines, or
    on a side reached by a switch, that switch's own lines (when the exercise has them)."""
    ex = plan.exercise(segment)
    if ex is None:
        return []
    for seg in reversed(plan.segments[:segment.index + 1]):
        if seg.exercise_index != segment.exercise_index or seg.kind in (Kind.PREPARE, Kind.NEXT):
            break
        if seg.kind == Kind.SWITCH and ex.switch_setup:
            return segment_lines(plan, seg)[1:]  # without "Now the left leg"
    return list(ex.setup)


def segment_lines(plan: Plan, segment: Segment) -> list[str]:
    """The lines said in a prepare, next, switch or rest segment, in order."""
    ex = plan.exercise(segment)
    assert ex is not None and segment.exercise_index is not None
    if segment.kind in (Kind.PREPARE, Kind.NEXT):
        return intro_lines(plan.routine, segment.exercise_index, plan.phrases)
    if segment.kind == Kind.SWITCH:
        before = plan.segments[segment.index - 1].side  # the hold just done
        return switch_lines(ex, segment.side, before, plan.phrases)
    if segment.kind == Kind.REST:
        return rest_lines(ex)
    return []


def localized(routine: Routine, phrases: Phrases) -> Routine:
    """The routine with the default Hold / Release / Rest cues in the phrases' language
    (an exercise's own cue words are kept)."""
    if phrases == ENGLISH:
        return routine
    exercises = tuple(replace(
        ex, start_cue=exercise_cue(ex.start_cue, ENGLISH.hold, phrases.hold),
        end_cue=exercise_cue(ex.end_cue, ENGLISH.release, phrases.release),
        rest_cue=exercise_cue(ex.rest_cue, ENGLISH.rest, phrases.rest),
        halfway_cue=exercise_cue(ex.halfway_cue, ENGLISH.halfway, phrases.halfway))
        for ex in routine.exercises)
    closing = exercise_cue(routine.closing, ENGLISH.closing, phrases.closing)
    return replace(routine, exercises=exercises, closing=closing)


def fitted_length(least_s: int, lines: list[str], say: Callable[[str], float],
                  after: str = "", settle_s: float = 0) -> int:
    """A segment's length: at least `least_s`, grown to whole seconds until its lines fit
    at the voice rate, after `after` (the release said at its very start) and before
    `settle_s` of quiet to get into position."""
    needed = time_to_say([line for line in [after, *lines] if line], say) + settle_s
    return max(least_s, math.ceil(needed))


def say_time(text: str, rate_wpm: int, measured: Mapping[str, float]) -> float:
    """Seconds to say `text`: its rendered length when known, else the estimate."""
    return measured.get(text) or spoken_length(text, rate_wpm)


def chosen_levels(routine: Routine, levels: Mapping[str, int] | None) -> list[int]:
    """Each exercise's progression level (exercise id -> level index; an exercise not
    named starts where its hold_s is), within its levels."""
    levels = levels or {}
    return [max(0, min(levels.get(ex.id, ex.start_level()), len(ex.levels) - 1))
            for ex in routine.exercises]


def build_plan(routine: Routine, levels: Mapping[str, int] | None = None,
               rate_wpm: int = DEFAULT_RATE_WPM,
               measured: Mapping[str, float] | None = None,
               phrases: Phrases = ENGLISH) -> Plan:
    """`levels` picks each exercise's progression level by id (its hold and texts);
    `rate_wpm` is the voice rate and `measured` the real lengths of rendered phrases,
    which together set how long the spoken parts take. `phrases`: the fixed spoken
    words in the UI's language. Each part before a hold lasts at least its
    least time (prepare_s, switch_s, rest_s) and grows until its lines are said with the
    exercise's settle_s of quiet after them."""
    chosen = chosen_levels(routine, levels)
    names = tuple(ex.levels[i].name if ex.levels else "" for ex, i in zip(routine.exercises,
                                                                          chosen))
    routine = localized(replace(routine, exercises=tuple(
        ex.at_level(i) for ex, i in zip(routine.exercises, chosen))), phrases)
    if not MIN_RATE_WPM <= rate_wpm <= MAX_RATE_WPM:
        raise ValueError(f"rate_wpm: expected {MIN_RATE_WPM} to {MAX_RATE_WPM}, got {rate_wpm}")
    measured = dict(measured or {})

    def say(text: str) -> float:  # as the finished plan will measure it (Plan.say_time)
        return say_time(text, rate_wpm, measured)

    segments: list[Segment] = []
    t = 0.0
    holds_s: list[int] = []

    def add(kind: Kind, length: float, ex_i: int | None, side: Side | None, rep: int,
            reps: int, hold_i: int = -1) -> None:
        nonlocal t
        segments.append(Segment(len(segments), kind, t, float(length), ex_i, side, rep, reps,
                                hold_i))
        t += length

    for ex_i, ex in enumerate(routine.exercises):
        holds_s.append(ex.hold_s)
        sequence = hold_sequence(ex)
        first_side, _ = sequence[0]
        after = routine.exercises[ex_i - 1].end_cue if ex_i else ""
        add(Kind.PREPARE if ex_i == 0 else Kind.NEXT,
            fitted_length(ex.prepare_s, intro_lines(routine, ex_i, phrases), say, after,
                          ex.settle_s), ex_i, first_side, 1, ex.reps)
        for hold_i, (side, rep) in enumerate(sequence):
            if hold_i:
                before = sequence[hold_i - 1][0]
                if side != before:
                    length = fitted_length(ex.switch_s, switch_lines(ex, side, before, phrases),
                                           say, ex.end_cue, ex.settle_s)
                    add(Kind.SWITCH, length, ex_i, side, rep, ex.reps)
                elif ex.rest_s:
                    length = fitted_length(ex.rest_s, rest_lines(ex), say, ex.end_cue,
                                           ex.settle_s)
                    add(Kind.REST, length, ex_i, side, rep, ex.reps)
            add(Kind.HOLD, ex.hold_s, ex_i, side, rep, ex.reps, hold_i)
    add(Kind.DONE, 0, None, None, 0, 0)
    return Plan(routine, tuple(segments), tuple(holds_s), rate_wpm, measured, phrases, names)


def start_cue_at(plan: Plan, segment: Segment) -> float:
    """When a segment's first line can be said: at its start, or just after the release
    of a hold that ends there."""
    before = plan.segments[segment.index - 1] if segment.index else None
    if before is None or before.kind != Kind.HOLD:
        return segment.start
    ex = plan.exercise(before)
    assert ex is not None
    return segment.start + plan.say_time(ex.end_cue) + GAP_S


def countdown_start(plan: Plan, segment: Segment) -> float:
    """Where a hold's countdown begins (its end when the exercise has none)."""
    ex = plan.exercise(segment)
    return segment.end - COUNTDOWN_S if ex is not None and ex.countdown else segment.end


def breath_phases(plan: Plan, segment: Segment) -> list[tuple[float, str, float]]:
    """(start, "in" / "out", length) of each paced breath in a hold, from the exercise's
    breathing seconds. The breathing pacer and the spoken breathing cues both follow
    this, so every phase is one that can be said: it starts once the start cue has been
    said, and a phase whose word would run into the countdown (or the release), or that
    would last less than MIN_PHASE_S, is left out; the last one is cut short there."""
    ex = plan.exercise(segment)
    if segment.kind != Kind.HOLD or ex is None or ex.breathing is None:
        return []
    say = plan.say_time
    words = {"in": plan.phrases.breathe_in, "out": plan.phrases.breathe_out}
    t = max(segment.start + BREATH_LEAD_S,
            start_cue_at(plan, segment) + say(ex.start_cue) + GAP_S)
    stop = countdown_start(plan, segment)
    phases: list[tuple[float, str, float]] = []
    while True:
        for name, length in (("in", ex.breathing.in_s), ("out", ex.breathing.out_s)):
            if t + max(say(words[name]) + GAP_S, min(length, MIN_PHASE_S)) > stop + 1e-9:
                return phases
            phases.append((t, name, min(float(length), stop - t)))
            t += length


def format_clock(seconds: float) -> str:
    """m:ss, rounded to the nearest second."""
    s = int(round(seconds))
    return f"{s // 60}:{s % 60:02d}"
