"""Timeline -> spoken cues with exact offsets: what is said, and when.

Every wanted cue is a candidate with a desired offset, a window it may move within, a
priority and an estimated spoken length. The countdown ("3", "2", "1", release) is
placed first at its exact instants; side switches next (never dropped: the plan makes
each switch segment long enough for its lines after the release); then the start cue and
every breath cue at the instant the pacer on screen shows it (the plan's breath phases
start after the start cue and stop before the countdown, so each one fits). Every other
cue takes the free slot nearest its desired offset inside its window, in priority order,
or is said shorter (its first sentence), or is dropped; core/guidance.py reports any cue
of the routine that is never said. No two cues overlap.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum, StrEnum

from stretchtimer.core.cue_options import BreathingMode, CueOptions
from stretchtimer.core.phrases import ENGLISH
from stretchtimer.core.plan import (
    Kind,
    Plan,
    Segment,
    breath_phases,
    countdown_start,
    segment_lines,
    start_cue_at,
)
from stretchtimer.core.routine import Side
from stretchtimer.core.speech_time import GAP_S

COUNTDOWN = ENGLISH.countdown
BREATH_SLACK_S = 0.3  # a breath cue is said at most this long after the pacer shows it
MAX_PAUSE_S = 3.0  # the longest pause between two setup lines; the rest is settle time


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
    HOLD = 89  # at its fixed instant: the hold's start, or just after a release there
    BREATH = 88  # at the pacer's instants; never moved by anything said less often
    INTRO = 85  # name, stop rule, setup and switch lines, in order (the plan fits them)
    KEY_CUE = 75  # safety cues and an exercise's own halfway words ("turn around")
    CLOSING = 70
    REST = 65
    FORM = 55
    HALFWAY = 40  # "halfway" only repeats what the digits show


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
    shorter: str = ""  # said instead when the text does not fit (its first sentence)


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def first_sentence(text: str) -> str:
    """A cue's first sentence, when it has more than one ("" otherwise)."""
    parts = _SENTENCE_END.split(text.strip(), maxsplit=1)
    return parts[0] if len(parts) == 2 else ""


def _candidates(plan: Plan, opts: CueOptions) -> list[_Candidate]:
    out: list[_Candidate] = []

    def add(seg: Segment, desired: float, lo: float, hi: float, text: str, kind: CueKind,
            priority: int, order: int = 0, shorter: str = "") -> None:
        out.append(_Candidate(desired, lo, hi, text, kind, priority, seg.index, order,
                              shorter))

    for seg in plan.segments:
        ex = plan.exercise(seg)
        if seg.kind in (Kind.PREPARE, Kind.NEXT, Kind.SWITCH, Kind.REST) and ex is not None:
            # Said in order, ending settle_s before the hold that follows; time to spare
            # goes into short pauses between the lines, to do each step as it is said.
            lines = segment_lines(plan, seg)
            last = seg.end - ex.settle_s
            at = start_cue_at(plan, seg)  # after a release said at the start
            spare = last - at - sum(plan.say_time(line) + GAP_S for line in lines)
            pause = min(MAX_PAUSE_S, spare / (len(lines) - 1)) if len(lines) > 1 else 0
            for i, line in enumerate(lines):
                kind, priority = _line_kind(seg, i)
                hi = max(seg.start, last - plan.say_time(line))
                desired = hi if seg.kind == Kind.REST and i else at  # ready: at the end
                add(seg, desired, seg.start, hi, line, kind, priority, i)
                at += plan.say_time(line) + GAP_S + max(0.0, pause)
        elif seg.kind == Kind.HOLD and ex is not None:
            _hold_candidates(plan, seg, opts, add)
        elif seg.kind == Kind.DONE:
            text = plan.routine.closing
            add(seg, seg.start, seg.start, seg.start + 5.0, text, CueKind.CLOSING,
                Priority.CLOSING)
    return out


def _line_kind(seg: Segment, index: int) -> tuple[CueKind, int]:
    """What the index-th line of a segment is (see plan.segment_lines)."""
    if seg.kind == Kind.SWITCH:
        return (CueKind.SWITCH, Priority.SWITCH) if index == 0 else (CueKind.SETUP,
                                                                      Priority.INTRO)
    if seg.kind == Kind.REST:  # its cue, then the line that gets you ready again
        return (CueKind.REST if index == 0 else CueKind.SETUP), Priority.REST
    if index == 0:
        return (CueKind.NAME if seg.kind == Kind.PREPARE else CueKind.NEXT), Priority.INTRO
    if seg.kind == Kind.PREPARE and index == 1:
        return CueKind.SAFETY, Priority.INTRO
    return CueKind.SETUP, Priority.INTRO


def breath_cues_wanted(plan: Plan, seg: Segment, mode: BreathingMode) -> list[tuple[float, str]]:
    """(instant, "in" / "out") of the breaths spoken in a hold for a breathing mode."""
    phases = breath_phases(plan, seg)
    if mode == BreathingMode.FIRST:
        phases = phases[:2]
    elif mode == BreathingMode.OFF:
        phases = []
    return [(start, name) for start, name, _length in phases]


def form_cues_for(plan: Plan, seg: Segment) -> list[str]:
    """The exercise's form cues said in this hold. They take turns so that each one is
    heard at least once per exercise and, with two sides, on each side: the k-th hold of
    a side starts one cue further along, and the second side one more."""
    ex = plan.exercise(seg)
    if ex is None or not ex.cues:
        return []
    holds = sum(1 for s in plan.segments
                if s.kind == Kind.HOLD and s.exercise_index == seg.exercise_index)
    per_hold = math.ceil(len(ex.cues) / holds)
    k = (seg.rep - 1) + (1 if seg.side == Side.LEFT else 0)  # right is always done first
    return [ex.cues[(k * per_hold + j) % len(ex.cues)] for j in range(per_hold)]


def _hold_candidates(plan: Plan, seg: Segment, opts: CueOptions,
                     add: Callable[..., None]) -> None:
    ex = plan.exercise(seg)
    assert ex is not None
    say = plan.say_time
    words = plan.phrases
    counted = opts.countdown and ex.countdown
    talk_until = countdown_start(plan, seg) if counted else seg.end  # latest end of a cue
    start_at = start_cue_at(plan, seg)
    add(seg, start_at, start_at, start_at, ex.start_cue, CueKind.HOLD, Priority.HOLD)
    free_from = start_at + say(ex.start_cue) + GAP_S

    for i, (start, name) in enumerate(breath_cues_wanted(plan, seg, opts.breathing)):
        text = words.breathe_in if name == "in" else words.breathe_out
        kind = CueKind.BREATHE_IN if name == "in" else CueKind.BREATHE_OUT
        add(seg, start, start, start + BREATH_SLACK_S, text, kind, Priority.BREATH, i)

    def spoken(text: str, at: float, kind: CueKind, priority: int, order: int) -> None:
        short = first_sentence(text)
        add(seg, at, free_from, max(free_from, talk_until - say(text)), text, kind, priority,
            order, short)

    for i, text in enumerate(ex.safety_cues):
        spoken(text, seg.start + seg.length * (i + 1) / (len(ex.safety_cues) + 3),
               CueKind.FORM, Priority.KEY_CUE, i)
    form = form_cues_for(plan, seg)
    for i, text in enumerate(form):
        spoken(text, seg.start + seg.length * (i + 1) / (len(form) + 2), CueKind.FORM,
               Priority.FORM, i)
    if ex.halfway and seg.length >= 20:
        own = ex.halfway_cue != words.halfway  # an instruction ("turn around"): must be heard
        add(seg, seg.start + seg.length / 2, seg.start + seg.length * 0.35,
            talk_until - say(ex.halfway_cue), ex.halfway_cue, CueKind.HALFWAY,
            Priority.KEY_CUE if own else Priority.HALFWAY)
    if counted:
        for i, word in enumerate(words.countdown):
            t = seg.end - len(words.countdown) + i
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
        text, length = c.text, plan.say_time(c.text)
        if c.priority == Priority.COUNTDOWN:
            start: float | None = c.desired
        else:
            start = _free_start(busy, c.lo, c.hi, length, c.desired)
        if start is None and c.shorter:
            text, length = c.shorter, plan.say_time(c.shorter)
            hi = max(c.lo, c.hi + plan.say_time(c.text) - length)
            start = _free_start(busy, c.lo, hi, length, c.desired)
        if start is None:
            # The plan makes room for the countdown, switches, start and breath cues
            # (segment lengths, breath phases), so only others are left out here;
            # core/guidance.py reports any that is.
            continue
        placed.append(Cue(start, text, c.kind, c.priority, length, c.segment_index))
        busy.append((start, start + length))
    placed.sort(key=lambda q: (q.offset, q.segment_index))
    return placed
