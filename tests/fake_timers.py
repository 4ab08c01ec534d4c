"""Wakers on a FakeClock, for SessionDriver(clock, waker=timers): nothing fires by itself;
advance() moves the clock from one due instant to the next and fires each waker there, in
time order, as Qt's event loop would. A widget test so never depends on real time."""

import itertools


class FakeWaker:
    def __init__(self, timers, slot, repeating):
        self.timers, self.slot, self.repeating = timers, slot, repeating
        self.due = None  # monotonic instant, while active
        self.interval = 0.0
        self.started = 0.0
        self.beats = 0
        self.order = 0  # wakers due at one instant fire in the order they were started

    def start(self, seconds):
        if self.repeating and seconds <= 0:
            raise ValueError("a repeating waker needs an interval, or advance() never ends")
        self.interval, self.started, self.beats = seconds, self.timers.clock.monotonic(), 1
        self.due = self.started + seconds
        self.order = next(self.timers.starts)

    def stop(self):
        self.due = None

    def is_active(self):
        return self.due is not None

    def remaining(self):
        return self.due - self.timers.clock.monotonic()

    def fire(self):
        if self.repeating:  # a repeating QTimer keeps its beat (counted: no float drift)
            self.beats += 1
            self.due = self.started + self.beats * self.interval
        else:
            self.due = None
        self.slot()


class FakeTimers:
    """The factory the driver calls (parent, slot, repeating); it keeps what it made."""

    def __init__(self, clock):
        self.clock = clock
        self.made = []
        self.starts = itertools.count()
        self.fired = 0

    def __call__(self, parent, slot, repeating):
        waker = FakeWaker(self, slot, repeating)
        self.made.append(waker)
        return waker

    def advance(self, seconds):
        self.advance_to(self.clock.monotonic() + seconds)

    def advance_to(self, instant):
        """Fire every waker due up to `instant` (those the firing starts, too), each with
        the clock at its own due instant, and leave the clock at `instant`."""
        if instant < self.clock.monotonic():
            raise ValueError("time only moves forward")
        while True:
            due = [w for w in self.made if w.due is not None and w.due <= instant]
            if not due:
                break
            waker = min(due, key=lambda w: (w.due, w.order))
            # a test that moved the clock itself may have passed a due instant already
            self.clock.advance_to(max(waker.due, self.clock.monotonic()))
            self.fired += 1
            waker.fire()
        self.clock.advance_to(instant)
