"""Timeline -> spoken cues with exact offsets: what is said, and when.

Every wanted cue is a candidate with a desired offset, a window it may move within, a
priority and an estimated spoken length. The countdown ("3", "2", "1", release) is
placed first at its exact instants; side switches next (never dropped: the plan makes
each switch segment long enough to say it after the release); every other cue takes the free slot nearest its desired
offset inside its window, in priority order, or is dropped. No two cues overlap.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, StrEnum

from stretchtimer.core.phrases import ENGLISH
from stretchtimer.core.plan import Kind, Plan, Segment, breath_phases, spoken_lines, switch_line
from stretchtimer.core.speech_time import GAP_S

COUNTDOWN = ENGLISH.countdown


class BreathingMode(StrEnum):
    OFF = "off"
    FIRST = "first"  # the first in and out of each hold
    EVERY = "every"


class CueKind(StrEnum):
    NAME = "name"  # the exercise name, at prepare
    NEXT = "next"  # "Next: <name>"
    SETUP = "setup"
    SAFETY = "safety"
    HOLD = "hold"
    BREATHE_IN = "breathe_in"
    BREATHE_OUT = "breathe_out"
    FORM = "form"
    HALFWAY = "halfway"
    COUNT = "count"
    RELEASE = "release"
    SWITCH = "switch"
    REST = "rest"
    CLOSING = "closing"


class Priority(IntEnum):
    COUNTDOWN = 100  # fixed instants, never moved or dropped
    SWITCH = 90  # never dropped; moved after the release if needed
    NAME = 85
    HOLD = 80
    CLOSING = 70
    REST = 65
    FIRST_BREATH = 60  # the first in and out of a hold set the pace
    FORM = 55  # a form cue says something new, so it wins a clash with a later breath cue
    BREATH = 50  # breathing cues keep their instants (the pacer on screen follows them)
    HALFWAY = 40  # "halfway" only repeats what the digits show
    SETUP = 35
    SAFETY = 20


PROTECTED = {CueKind.COUNT, CueKind.RELEASE, CueKind.SWITCH}


@dataclass(frozen=True)
class CueOptions:
    """What the user chose to hear. The voice rate is the plan's (build_plan), since it
    also sets how long each intro lasts."""

    breathing: BreathingMode = BreathingMode.EVERY
    countdown: bool = True


@dataclass(frozen=True)
class Cue:
    offset: float  # seconds from the routine start
    text: str
    kind: CueKind
    priority: int
    duration: float  # spoken length: measured from its render, else estimated
    segment_index: int

    @property
    def end(self) -> float:
        return self.offset + self.duration


@dataclass
class _Candidate:
    desired: float
    lo: float  # earliest start
    hi: float  # latest start
    text: str
    kind: CueKind
    priority: int
    segment_index: int
    order: int = 0  # tie-break among equal priorities (setup line 1 before line 2)


def _candidates(plan: Plan, opts: CueOptions) -> list[_Candidate]:
    out: list[_Candidate] = []

    def add(seg: Segment, desired: float, lo: float, hi: float, text: str, kind: CueKind,
            priority: int, order: int = 0) -> None:
        out.append(_Candidate(desired, lo, hi, text, kind, priority, seg.index, order))

    def fits(seg: Segment, text: str) -> float:
        """Latest start that still ends inside the segment (never before its start)."""
        return max(seg.start, seg.end - plan.say_time(text))

    for seg in plan.segments:
        ex = plan.exercise(seg)
        if seg.kind in (Kind.PREPARE, Kind.NEXT) and ex is not None:
            title, *setup, safety = spoken_lines(plan, seg)
            kind = CueKind.NAME if seg.kind == Kind.PREPARE else CueKind.NEXT
            add(seg, seg.start, seg.start, seg.end, title, kind, Priority.NAME)
            for i, line in enumerate(setup):
                add(seg, seg.start, seg.start, fits(seg, line), line, CueKind.SETUP,
                    Priority.SETUP, i)
            if safety:
                add(seg, seg.start, seg.start, fits(seg, safety), safety, CueKind.SAFETY,
                    Priority.SAFETY)
        elif seg.kind == Kind.HOLD and ex is not None:
            _hold_candidates(plan, seg, opts, add)
        elif seg.kind == Kind.SWITCH:
            text = switch_line(seg.side, plan.phrases)
            add(seg, seg.start, seg.start, fits(seg, text), text, CueKind.SWITCH, Priority.SWITCH)
        elif seg.kind == Kind.REST and ex is not None:
            add(seg, seg.start, seg.start, fits(seg, ex.rest_cue), ex.rest_cue, CueKind.REST,
                Priority.REST)
        elif seg.kind == Kind.DONE:
            text = plan.routine.closing
            add(seg, seg.start, seg.start, seg.start + 5.0, text, CueKind.CLOSING,
                Priority.CLOSING)
    return out


def _hold_candidates(plan: Plan, seg: Segment, opts: CueOptions, add) -> None:
    ex = plan.exercise(seg)
    assert ex is not None
    say = plan.say_time
    words = plan.phrases
    countdown_at = seg.end - len(words.countdown) if opts.countdown else seg.end
    add(seg, seg.start, seg.start, seg.start + 2.0, ex.start_cue, CueKind.HOLD, Priority.HOLD)

    phases = breath_phases(plan, seg)
    if opts.breathing == BreathingMode.FIRST:
        phases = phases[:2]
    elif opts.breathing == BreathingMode.OFF:
        phases = []
    for i, (start, name, length) in enumerate(phases):
        text = words.breathe_in if name == "in" else words.breathe_out
        kind = CueKind.BREATHE_IN if name == "in" else CueKind.BREATHE_OUT
        latest = min(start + min(1.5, length / 2), countdown_at - say(text))
        priority = Priority.FIRST_BREATH if i < 2 else Priority.BREATH
        add(seg, start, start, latest, text, kind, priority, i)

    if ex.cues:
        text = ex.cues[seg.hold_index % len(ex.cues)]  # a different form cue each hold
        add(seg, seg.start + seg.length / 3, seg.start + 1.0,
            countdown_at - say(text), text, CueKind.FORM, Priority.FORM)
    if seg.length >= 20:
        add(seg, seg.start + seg.length / 2, seg.start + seg.length * 0.35,
            countdown_at - say(words.halfway), words.halfway, CueKind.HALFWAY,
            Priority.HALFWAY)
    if opts.countdown:
        for i, word in enumerate(words.countdown):
            t = countdown_at + i
            add(seg, t, t, t, word, CueKind.COUNT, Priority.COUNTDOWN)
    add(seg, seg.end, seg.end, seg.end, ex.end_cue, CueKind.RELEASE, Priority.COUNTDOWN)


def _free_start(busy: list[tuple[float, float]], lo: float, hi: float, length: float,
                desired: float) -> float | None:
    """The start in [lo, hi] nearest `desired` where [start, start+length] keeps GAP_S
    from every busy interval; None when there is none."""
    best: float | None = None
    edge = lo
    for b_start, b_end in sorted(busy) + [(float("inf"), float("inf"))]:
        gap_lo, gap_hi = edge, b_start - GAP_S - length  # feasible starts in this gap
        a, b = max(gap_lo, lo), min(gap_hi, hi)
        if a <= b + 1e-9:
            b = max(a, b)
            choice = min(max(desired, a), b)
            if best is None or abs(choice - desired) < abs(best - desired):
                best = choice
        edge = max(edge, b_end + GAP_S)
        if edge > hi:
            break
    return best


def plan_cues(plan: Plan, options: CueOptions | None = None) -> list[Cue]:
    opts = options or CueOptions()
    placed: list[Cue] = []
    busy: list[tuple[float, float]] = []
    candidates = sorted(_candidates(plan, opts),
                        key=lambda c: (-c.priority, c.order, c.desired))
    for c in candidates:
        length = plan.say_time(c.text)
        if c.priority == Priority.COUNTDOWN:
            start: float | None = c.desired
        else:
            start = _free_start(busy, c.lo, c.hi, length, c.desired)
        if start is None:
            # The plan sizes switch segments to fit their line, so only others drop.
            assert c.kind not in PROTECTED, c
            continue
        placed.append(Cue(start, c.text, c.kind, c.priority, length, c.segment_index))
        busy.append((start, start + length))
    placed.sort(key=lambda q: (q.offset, q.segment_index))
    return placed
