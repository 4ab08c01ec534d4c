"""The Qt adapter over SessionMachine: one single-shot precise timer armed for the
machine's next deadline, and a display refresh only while a countdown is on screen and
running. Widgets subscribe to its signals; the timing rules stay in the machine.

Both timers come from a `MakeWaker` (QtWaker unless told otherwise), so tests can hand in
wakers that fire as a FakeClock is moved (tests/fake_timers.py) and never wait."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from stretchtimer.core.clock import Clock
from stretchtimer.core.plan import Plan
from stretchtimer.core.session import CueDue, Finished, SegmentStarted, SessionMachine, State
from stretchtimer.logs import log as app_log

log = app_log.getChild("session")

REFRESH_S = 0.1  # about 10 Hz: enough for tenths-free digits and a calm breathing pacer
AHEAD_S = 0.3  # each cue is told this early, so the player can place it in the audio
# stream at its instant: on a busy machine the due-time timer fires tens of ms late


class Waker(Protocol):
    """A timer as the driver uses it: it calls its slot `seconds` after start(), once, or
    every `seconds` if it was made repeating, until stop()."""

    def start(self, seconds: float) -> None: ...

    def stop(self) -> None: ...

    def is_active(self) -> bool: ...

    def remaining(self) -> float:
        """Seconds until it fires (for tests); meaningless while inactive."""
        ...


# (parent, slot, repeating) -> a stopped Waker
MakeWaker = Callable[[QObject, Callable[[], None], bool], Waker]


class QtWaker:
    """The real Waker: a QTimer. A single shot is precise (a cue must fall on its instant);
    a repeating one stays coarse (a display refresh may drift a few milliseconds)."""

    def __init__(self, parent: QObject, slot: Callable[[], None], repeating: bool) -> None:
        self._timer = QTimer(parent)
        self._timer.setSingleShot(not repeating)
        if not repeating:
            self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.timeout.connect(slot)

    def start(self, seconds: float) -> None:
        # rounded up to whole milliseconds: woken early, the driver would find nothing due
        self._timer.start(max(0, math.ceil(seconds * 1000)))

    def stop(self) -> None:
        self._timer.stop()

    def is_active(self) -> bool:
        return self._timer.isActive()

    def remaining(self) -> float:
        return self._timer.remainingTime() / 1000


class SessionDriver(QObject):
    segment_changed = Signal(object)  # Segment
    cue_due = Signal(object, float)  # Cue, seconds late
    cue_ahead = Signal(object, float)  # Cue, the monotonic instant it is due (AHEAD_S early)
    state_changed = Signal(object)  # State
    finished = Signal(object)  # SessionSummary
    ticked = Signal()  # display refresh
    interrupted = Signal()  # pause, skip, back or stop: whatever is being said must stop

    def __init__(self, clock: Clock, parent: QObject | None = None, *,
                 waker: MakeWaker = QtWaker) -> None:
        super().__init__(parent)
        self.clock = clock
        self.machine: SessionMachine | None = None
        self._deadline = waker(self, self.catch_up, False)
        self._refresh = waker(self, self.ticked.emit, True)
        self._ahead = waker(self, self._tell_ahead, False)
        self._told: object = None  # the cue last told ahead
        self._display_active = False
        self._last_state = State.IDLE

    # --- queries for the widgets ---

    @property
    def state(self) -> State:
        return self.machine.state if self.machine else State.IDLE

    @property
    def plan(self) -> Plan | None:
        return self.machine.plan if self.machine else None

    def position(self) -> float:
        return self.machine.position() if self.machine else 0.0

    def remaining(self) -> float:
        return self.machine.remaining_in_segment() if self.machine else 0.0

    def timers_active(self) -> list[str]:
        """Which timers run now (tests and benchmarks check that none idle)."""
        return [name for name, t in (("deadline", self._deadline), ("refresh", self._refresh),
                                     ("ahead", self._ahead)) if t.is_active()]

    # --- commands ---

    def begin(self, plan: Plan, cues: list) -> None:
        """Start a routine from its beginning (replacing any that was running)."""
        if self.machine and self.machine.state in (State.RUNNING, State.PAUSED):
            self.interrupted.emit()  # what it says, or has placed ahead, ends with it
            self._apply(self.machine.stop())
        self.machine = SessionMachine(plan, self.clock, cues)
        self._told = None
        self._apply(self.machine.start())

    def toggle_pause(self) -> None:
        if self.state == State.RUNNING:
            self.pause()
        elif self.state == State.PAUSED:
            self.resume()

    def pause(self) -> None:
        self.interrupted.emit()
        self._command("pause")

    def resume(self) -> None:
        self._command("resume")

    def skip(self) -> None:
        self.interrupted.emit()
        self._command("skip")

    def back(self) -> None:
        self.interrupted.emit()
        self._command("back")

    def stop(self) -> None:
        self.interrupted.emit()
        self._command("stop")

    def catch_up(self) -> None:
        """Deliver whatever has become due (the deadline timer's slot)."""
        self._command("advance")

    def set_display_active(self, active: bool) -> None:
        """The timer view says whether its countdown is on screen."""
        self._display_active = active
        self._arm()

    # --- internals ---

    def _command(self, name: str) -> None:
        if name != "advance":
            self._told = None  # whatever was told ahead was cut (interrupted)
        if self.machine:
            self._apply(getattr(self.machine, name)())

    def _apply(self, events: list) -> None:
        summary = None
        for event in events:
            # --debug logs the routine's course: what was due when, and how late
            if isinstance(event, SegmentStarted):
                log.debug("%s starts at %.2f s", event.segment.kind.value, event.segment.start)
                self.segment_changed.emit(event.segment)
            elif isinstance(event, CueDue):
                log.debug("cue %r at %.2f s, %.3f s late", event.cue.text, event.cue.offset,
                          event.late)
                self.cue_due.emit(event.cue, event.late)
            elif isinstance(event, Finished):
                summary = event.summary
        self._arm()
        if self.state != self._last_state:
            self._last_state = self.state
            self.state_changed.emit(self.state)
        if summary is not None:
            self.finished.emit(summary)

    def _tell_ahead(self) -> None:
        upcoming = self.machine.next_cue() if self.machine else None
        if upcoming is not None and upcoming[0] is not self._told:
            self._told = upcoming[0]
            self.cue_ahead.emit(*upcoming)

    def _arm(self) -> None:
        deadline = self.machine.next_deadline() if self.machine else None
        if deadline is None:
            self._deadline.stop()
        else:
            self._deadline.start(max(0.0, deadline - self.clock.monotonic()))
        upcoming = self.machine.next_cue() if self.machine else None
        if upcoming is None:
            self._ahead.stop()
        elif upcoming[0] is not self._told:
            self._ahead.start(max(0.0, upcoming[1] - AHEAD_S - self.clock.monotonic()))
        if self._display_active and self.state == State.RUNNING:
            if not self._refresh.is_active():  # a restart would shift its beat
                self._refresh.start(REFRESH_S)
        else:
            self._refresh.stop()
