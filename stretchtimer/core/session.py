"""SessionMachine: runs a plan against a clock by deadlines, never by counted ticks.

The machine maps plan offsets to monotonic time through one `origin` (offset 0 happens
at monotonic `origin`). Pausing freezes the position; resuming moves the origin by the
paused time, which shifts every later deadline at once. Skip and back move the origin so
the position lands on a segment boundary. `advance(now)` returns what became due since
the last call, in timeline order, each with how late it is.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from stretchtimer.core.clock import Clock
from stretchtimer.core.cues import Cue
from stretchtimer.core.plan import Kind, Plan, Segment
from stretchtimer.core.routine import Side

BACK_RESTARTS_AFTER_S = 2.0  # "back" within 2 s of a segment start goes to the one before
EPSILON_S = 1e-6  # a deadline reached to within a microsecond is reached (float rounding)


class State(StrEnum):
    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"


@dataclass(frozen=True)
class HeldTime:
    exercise_id: str
    side: Side | None  # RIGHT / LEFT / None
    seconds: float


@dataclass(frozen=True)
class SessionSummary:
    routine_id: str
    completed: bool  # reached the end (True) or stopped early (False)
    started_wall: float
    ended_wall: float
    position_s: float  # how far into the routine it got
    held: tuple[HeldTime, ...]  # per exercise and side, in routine order


@dataclass(frozen=True)
class SegmentStarted:
    segment: Segment
    late: float = 0.0


@dataclass(frozen=True)
class CueDue:
    cue: Cue
    late: float = 0.0


@dataclass(frozen=True)
class Paused:
    position: float


@dataclass(frozen=True)
class Resumed:
    position: float


@dataclass(frozen=True)
class Finished:
    summary: SessionSummary


Event = SegmentStarted | CueDue | Paused | Resumed | Finished


class SessionMachine:
    def __init__(self, plan: Plan, clock: Clock, cues: list[Cue] | tuple[Cue, ...] = ()) -> None:
        self.plan = plan
        self.clock = clock
        self.cues = tuple(sorted(cues, key=lambda c: (c.offset, c.segment_index)))
        # The closing line is said just after the last release, so the end is its instant.
        self.end = max([plan.total] + [c.offset for c in self.cues])
        self.state = State.IDLE
        self._origin = 0.0
        self._paused_at = 0.0
        self._next_seg = 0  # first segment whose start has not been announced
        self._next_cue = 0  # first cue not yet due
        self._played_to = 0.0  # position up to which hold time has been counted
        self._pass: dict[int, float] = {}  # hold seconds in the current pass, by segment
        self._held: dict[int, float] = {}  # best pass per hold segment
        self._started_wall = 0.0
        self.summary: SessionSummary | None = None

    # --- queries ---

    def position(self, now: float | None = None) -> float:
        """Seconds into the routine (frozen while paused)."""
        if self.state == State.IDLE:
            return 0.0
        if self.state == State.FINISHED:
            return self._played_to
        at = self._paused_at if self.state == State.PAUSED else self._now(now)
        return min(max(at - self._origin, 0.0), self.end)

    def current_segment(self, now: float | None = None) -> Segment:
        return self.plan.segment_at(self.position(now))

    def remaining_in_segment(self, now: float | None = None) -> float:
        pos = self.position(now)
        return max(self.plan.segment_at(pos).end - pos, 0.0)

    def monotonic_at(self, offset: float) -> float:
        """The monotonic instant at which `offset` into the routine falls (while running)."""
        return self._origin + offset

    def held_per_hold(self) -> dict[int, float]:
        """Seconds held in each hold segment so far (the best pass, if it was redone)."""
        return dict(self._held)

    def next_cue(self) -> tuple[Cue, float] | None:
        """The next cue not yet due and the monotonic instant it falls on (while running)."""
        if self.state != State.RUNNING or self._next_cue >= len(self.cues):
            return None
        cue = self.cues[self._next_cue]
        return cue, self._origin + cue.offset

    def next_deadline(self) -> float | None:
        """Monotonic time of the next segment start or cue; None when nothing will come."""
        if self.state != State.RUNNING:
            return None
        offsets = []
        if self._next_seg < len(self.plan.segments):
            offsets.append(self.plan.segments[self._next_seg].start)
        if self._next_cue < len(self.cues):
            offsets.append(self.cues[self._next_cue].offset)
        return self._origin + min(offsets) if offsets else None

    # --- commands: each returns the events it caused ---

    def start(self, now: float | None = None) -> list[Event]:
        if self.state != State.IDLE:
            return []
        now = self._now(now)
        self.state = State.RUNNING
        self._origin = now
        self._started_wall = self.clock.wall()
        return self.advance(now)

    def advance(self, now: float | None = None) -> list[Event]:
        if self.state != State.RUNNING:
            return []
        pos = self.position(now)
        if self.end - pos < EPSILON_S:
            pos = self.end
        self._count_held(pos)
        due = pos + EPSILON_S
        events: list[tuple[tuple[float, int, int], Event]] = []
        segs = self.plan.segments
        while self._next_seg < len(segs) and segs[self._next_seg].start <= due:
            seg = segs[self._next_seg]
            events.append(((seg.start, seg.index, 0), SegmentStarted(seg, max(pos - seg.start, 0))))
            self._next_seg += 1
        while self._next_cue < len(self.cues) and self.cues[self._next_cue].offset <= due:
            cue = self.cues[self._next_cue]
            events.append(((cue.offset, cue.segment_index, 1),
                           CueDue(cue, max(pos - cue.offset, 0))))
            self._next_cue += 1
        out = [e for _, e in sorted(events, key=lambda pair: pair[0])]
        if pos >= self.end:
            out.append(self._finish(completed=True))
        return out

    def pause(self, now: float | None = None) -> list[Event]:
        if self.state != State.RUNNING:
            return []
        now = self._now(now)
        events = self.advance(now)
        if self.state != State.RUNNING:  # it finished at this very instant
            return events
        self._paused_at = now
        self.state = State.PAUSED
        return events + [Paused(self.position())]

    def resume(self, now: float | None = None) -> list[Event]:
        if self.state != State.PAUSED:
            return []
        now = self._now(now)
        self._origin += now - self._paused_at
        self.state = State.RUNNING
        return [Resumed(self.position(now))] + self.advance(now)

    def skip(self, now: float | None = None) -> list[Event]:
        """Jump to the start of the next segment."""
        pos = self._settle(now)
        if pos is None:
            return []
        seg = self.plan.segment_at(pos)
        return self._seek(seg.index + 1, now)

    def back(self, now: float | None = None) -> list[Event]:
        """Restart the current segment, or go to the previous one if it has just begun."""
        pos = self._settle(now)
        if pos is None:
            return []
        seg = self.plan.segment_at(pos)
        target = seg.index
        if pos - seg.start < BACK_RESTARTS_AFTER_S and seg.index > 0:
            target = seg.index - 1
        return self._seek(target, now)

    def stop(self, now: float | None = None) -> list[Event]:
        if self.state not in (State.RUNNING, State.PAUSED):
            return []
        events = self.advance(now) if self.state == State.RUNNING else []
        if self.state == State.FINISHED:  # type: ignore[comparison-overlap]  # advance() ends it
            return events
        return events + [self._finish(completed=False)]

    # --- internals ---

    def _now(self, now: float | None) -> float:
        return self.clock.monotonic() if now is None else now

    def _settle(self, now: float | None) -> float | None:
        """Count what happened up to now; the position, or None if not running or paused."""
        if self.state == State.RUNNING:
            self._count_held(self.position(now))
        if self.state not in (State.RUNNING, State.PAUSED):
            return None
        return self.position(now)

    def _seek(self, seg_index: int, now: float | None) -> list[Event]:
        segs = self.plan.segments
        seg_index = min(seg_index, len(segs) - 1)
        target = segs[seg_index].start
        now = self._now(now)
        at = self._paused_at if self.state == State.PAUSED else now
        self._origin = at - target
        self._played_to = target
        self._pass = {}
        self._next_seg = seg_index
        self._next_cue = next((i for i, c in enumerate(self.cues) if c.segment_index >= seg_index),
                              len(self.cues))
        if self.state == State.PAUSED:
            return []  # the new segment is announced on resume
        return self.advance(now)

    def _count_held(self, pos: float) -> None:
        """Add the hold time between the last counted position and `pos`."""
        lo, hi = self._played_to, pos
        if hi <= lo:
            return
        for seg in self.plan.segments:
            if seg.kind != Kind.HOLD or seg.end <= lo:
                continue
            if seg.start >= hi:
                break
            overlap = min(hi, seg.end) - max(lo, seg.start)
            self._pass[seg.index] = self._pass.get(seg.index, 0.0) + overlap
            self._held[seg.index] = max(self._held.get(seg.index, 0.0), self._pass[seg.index])
        self._played_to = pos

    def _finish(self, completed: bool) -> Finished:
        self.state = State.FINISHED
        totals: dict[tuple[str, Side | None], float] = {}
        for seg in self.plan.segments:
            ex = self.plan.exercise(seg)
            if seg.kind == Kind.HOLD and ex is not None:
                key = (ex.id, seg.side)
                totals[key] = totals.get(key, 0.0) + self._held.get(seg.index, 0.0)
        self.summary = SessionSummary(
            routine_id=self.plan.routine.id,
            completed=completed,
            started_wall=self._started_wall,
            ended_wall=self.clock.wall(),
            position_s=self._played_to,
            held=tuple(HeldTime(ex_id, side, round(secs, 3))
                       for (ex_id, side), secs in totals.items()),
        )
        return Finished(self.summary)
