"""The Qt adapter over SessionMachine: one single-shot precise timer armed for the
machine's next deadline, and a display refresh only while a countdown is on screen and
running. Widgets subscribe to its signals; the timing rules stay in the machine."""

from __future__ import annotations

import math

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from stretchtimer.core.clock import Clock
from stretchtimer.core.plan import Plan
from stretchtimer.core.session import CueDue, Finished, SegmentStarted, SessionMachine, State

REFRESH_MS = 100  # about 10 Hz: enough for tenths-free digits and a calm breathing pacer


class SessionDriver(QObject):
    segment_changed = Signal(object)  # Segment
    cue_due = Signal(object, float)  # Cue, seconds late
    state_changed = Signal(object)  # State
    finished = Signal(object)  # SessionSummary
    ticked = Signal()  # display refresh
    interrupted = Signal()  # pause, skip, back or stop: whatever is being said must stop

    def __init__(self, clock: Clock, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.clock = clock
        self.machine: SessionMachine | None = None
        self._deadline = QTimer(self)
        self._deadline.setSingleShot(True)
        self._deadline.setTimerType(Qt.TimerType.PreciseTimer)
        self._deadline.timeout.connect(self.catch_up)
        self._refresh = QTimer(self)
        self._refresh.setInterval(REFRESH_MS)
        self._refresh.timeout.connect(self.ticked)
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
        return [name for name, t in (("deadline", self._deadline), ("refresh", self._refresh))
                if t.isActive()]

    # --- commands ---

    def begin(self, plan: Plan, cues: list) -> None:
        """Start a routine from its beginning (replacing any that was running)."""
        if self.machine and self.machine.state in (State.RUNNING, State.PAUSED):
            self._apply(self.machine.stop())
        self.machine = SessionMachine(plan, self.clock, cues)
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
        if self.machine:
            self._apply(getattr(self.machine, name)())

    def _apply(self, events: list) -> None:
        summary = None
        for event in events:
            if isinstance(event, SegmentStarted):
                self.segment_changed.emit(event.segment)
            elif isinstance(event, CueDue):
                self.cue_due.emit(event.cue, event.late)
            elif isinstance(event, Finished):
                summary = event.summary
        self._arm()
        if self.state != self._last_state:
            self._last_state = self.state
            self.state_changed.emit(self.state)
        if summary is not None:
            self.finished.emit(summary)

    def _arm(self) -> None:
        deadline = self.machine.next_deadline() if self.machine else None
        if deadline is None:
            self._deadline.stop()
        else:
            wait_ms = max(0, math.ceil((deadline - self.clock.monotonic()) * 1000))
            self._deadline.start(wait_ms)
        if self._display_active and self.state == State.RUNNING:
            if not self._refresh.isActive():
                self._refresh.start()
        else:
            self._refresh.stop()
