"""ReminderScheduler: when the next stretch reminder is due. Pure and clock-injected:
every call brings the wall time (epoch seconds, for the calendar) and the monotonic time
(for how much time really passed), so it needs no OS events to stay right.

- Reminders come every interval, only inside the work hours of each local weekday (DST
  is handled by computing work hours per local date). The first of a day comes one
  interval after work starts.
- Absence: the wall clock running ahead of the monotonic clock means the machine slept
  (or the clock was set forward); an idle spell reported by the platform means the user
  was away. An absence of at least the break length is a natural break: the next
  reminder is one interval after they are back, never at once on wake-up. A shorter
  absence pauses the countdown (the due time moves by its length).
- The wall clock moving back against the monotonic clock (the user or NTP set it back)
  keeps the time left until the reminder.
- One reminder per due time, never two.
- A full-screen app (a presentation, a call) defers a due reminder until it ends, up to
  a limit; while it is in front, no input means someone watching, not someone away.
- A locked screen means nobody is there to see or hear a reminder: none is given.
- Optionally a short "stand up" nudge halfway between reminders, once per interval.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from enum import StrEnum
from typing import Any

JUMP_S = 5.0  # wall and monotonic disagreeing by more than this is a sleep or a clock change
SHORT_ABSENCE_S = 60.0  # idle spells shorter than this are just reading, not an absence
NUDGE_LATE_S = 120.0  # a nudge that cannot be given within this of its time is dropped
JOIN_S = 60.0  # a work period starting within this of the last one's end continues it
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Schedule:
    interval_s: float = 3600.0
    snooze_s: float = 600.0
    break_s: float = 300.0  # an absence this long counts as a break
    nudge: bool = False  # a "stand up" nudge halfway to each reminder
    fullscreen_defer_s: float = 1800.0  # the longest a full-screen app may defer one
    call_defer_s: float = 3600.0  # ... and a call or a shared screen (0: never wait)
    work_hours: tuple[tuple[str, str, str], ...] = tuple(
        (d, "09:00", "17:30") for d in WEEKDAYS[:5])  # (weekday, from, to), local time

    @classmethod
    def from_settings(cls, reminders: Any, break_s: float = 300.0) -> Schedule:
        return cls(reminders.interval_min * 60.0, reminders.snooze_min * 60.0, break_s,
                   reminders.nudge, reminders.fullscreen_defer_min * 60.0,
                   reminders.call_defer_min * 60.0,
                   tuple((d, a, b) for d, (a, b) in reminders.work_hours.items()))


class ReminderKind(StrEnum):
    REMINDER = "reminder"  # time for a routine
    NUDGE = "nudge"  # stand up for a moment, no routine


@dataclass(frozen=True)
class ReminderDue:
    due: float  # the wall time it was due
    wall: float  # when it fired
    kind: ReminderKind = ReminderKind.REMINDER


class ReminderScheduler:
    def __init__(self, schedule: Schedule, tz: tzinfo | None = None) -> None:
        self.schedule = schedule
        self.tz = tz
        self.due: float | None = None  # wall time of the next reminder
        self.cycle_start = 0.0  # wall time the current countdown began
        self.paused_until: float | None = None
        self._last: tuple[float, float] | None = None  # (wall, mono) at the last call
        self._idle_peak = 0.0  # the longest idle seen in the current idle spell
        self.snoozed = False  # the next reminder is a snoozed one
        self.nudged = False  # this interval's nudge was given
        self.deferred = False  # the due reminder waits for a full-screen app
        self.fired: list[ReminderDue] = []  # every reminder this scheduler gave

    # --- work hours ---

    def _local(self, wall: float) -> datetime:
        return datetime.fromtimestamp(wall, self.tz)

    def _periods(self, day: date) -> list[tuple[datetime, datetime]]:
        """The day's work periods as local wall-clock times (no zone: see _spans)."""
        return sorted((datetime.combine(day, time.fromisoformat(start)),
                       datetime.combine(day, time.fromisoformat(end)))
                      for weekday, start, end in self.schedule.work_hours
                      if WEEKDAYS.index(weekday) == day.weekday())

    def _spans(self, wall: float, days: int) -> list[tuple[float, float]]:
        """The work periods from the day before `wall`'s for `days` days, as wall times, a
        period that starts within a minute of the last one's end joined to it: work from
        20:00 to 23:59 and on from 00:00 is one spell of work, and midnight is no
        arrival. Joined by the clock on the wall, so a clock going back an hour at
        midnight (Santiago, Beirut) joins them too."""
        spans: list[tuple[datetime, datetime]] = []
        first = self._local(wall).date() - timedelta(days=1)
        for offset in range(days + 1):
            for a, b in self._periods(first + timedelta(days=offset)):
                if spans and (a - spans[-1][1]).total_seconds() <= JOIN_S:
                    spans[-1] = (spans[-1][0], max(b, spans[-1][1]))
                else:
                    spans.append((a, b))
        return [(a.replace(tzinfo=self.tz).timestamp(), b.replace(tzinfo=self.tz).timestamp())
                for a, b in spans]

    def in_work_hours(self, wall: float) -> bool:
        return self.period_end(wall) is not None

    def period_end(self, wall: float) -> float | None:
        """The end of the work period `wall` falls in, or None outside work hours."""
        return next((b for a, b in self._spans(wall, 2) if a <= wall < b), None)

    def _place(self, wanted: float) -> float | None:
        """The first moment at or after `wanted` inside work hours, and at least one
        interval after the work period began (a reminder at 09:00 sharp greets nobody)."""
        for a, b in self._spans(wanted, 15):
            earliest = max(wanted, a + self.schedule.interval_s)  # never right at arrival
            if earliest < b:
                return earliest
        return None  # no work hours at all: no reminders

    # --- commands ---

    def _new_cycle(self, start: float, length: float, snoozed: bool = False) -> None:
        """The countdown starts again at `start` and runs `length` seconds (of work hours)."""
        self.cycle_start = start
        self.due = self._place(start + length)
        self.snoozed = snoozed
        self.nudged = snoozed  # a snoozed reminder is close enough: no nudge before it
        self.deferred = False

    def nudge_at(self) -> float | None:
        """When this interval's "stand up" nudge is due, if there is one to give."""
        if not self.schedule.nudge or self.nudged or self.due is None:
            return None
        return self.due - self.schedule.interval_s / 2

    def next_wake(self) -> float | None:
        """The next wall time anything may happen (the Qt side arms its timer for it)."""
        times = [t for t in (self.due, self.nudge_at()) if t is not None]
        return min(times) if times else None

    def start(self, wall: float, mono: float) -> None:
        """The app started (or reminders were switched on): one interval from now, or
        from the end of a pause set before."""
        self._last = (wall, mono)
        self._new_cycle(max(wall, self.paused_until or wall), self.schedule.interval_s)

    def snooze(self, wall: float, mono: float, seconds: float | None = None) -> None:
        """Put the next reminder off by `seconds` (None: the schedule's snooze length)."""
        self._catch_up(wall, mono, 0.0)
        self._new_cycle(wall, seconds or self.schedule.snooze_s, snoozed=True)

    def skip(self, wall: float, mono: float) -> None:
        self._catch_up(wall, mono, 0.0)
        self._new_cycle(wall, self.schedule.interval_s)

    def routine_finished(self, wall: float, mono: float) -> None:
        """A routine (from a reminder or not) counts as the break: start over from now."""
        self.skip(wall, mono)

    def pause(self, until: float, wall: float, mono: float) -> None:
        self._catch_up(wall, mono, 0.0)
        self.paused_until = until
        self._new_cycle(max(until, wall), self.schedule.interval_s)

    def resume(self, wall: float, mono: float) -> None:
        self.paused_until = None
        self.skip(wall, mono)

    # --- time passing ---

    def tick(self, wall: float, mono: float, idle_s: float = 0.0, *,
             fullscreen: Callable[[], bool] = lambda: False,
             call: Callable[[], bool] = lambda: False,
             locked: bool = False) -> list[ReminderDue]:
        """Call at the due time and every minute or so; returns a reminder (or a nudge)
        when one is due now, at most one. `fullscreen` (a full-screen app in front) and
        `call` (a call or a shared screen) are asked only when their answer can change
        something, each at most once: each question is a round trip to the desktop or the
        sound server, and those were most of the tray's wake-ups (issue 16)."""
        full_screen, on_call = _once(fullscreen), _once(call)

        def busy() -> bool:
            return full_screen() or on_call()

        if idle_s >= min(SHORT_ABSENCE_S, self.schedule.break_s) and busy():
            idle_s = 0.0  # watching a talk or a call without touching anything is not away
        self._catch_up(wall, mono, idle_s)
        if self.due is None:
            return []
        held = locked or idle_s >= self.schedule.break_s or (
            self.paused_until is not None and wall < self.paused_until)
        if held:  # nobody there (or paused): a reminder waits; a nudge due now is dropped
            at = self.nudge_at()
            if at is not None and at <= wall:
                self.nudged = True
            return []
        if not self.in_work_hours(wall):
            if wall >= self.due:
                self._new_cycle(wall, 0.0, self.snoozed)
            return []
        if wall < self.due:
            return self._nudge(wall, busy)
        late = wall - self.due
        if (late < self.schedule.fullscreen_defer_s and full_screen()) or (
                late < self.schedule.call_defer_s and on_call()):
            self.deferred = True  # given when the full screen or call ends, or at the limit
            return []
        event = ReminderDue(self.due, wall)
        self.fired.append(event)
        self._new_cycle(wall, self.schedule.interval_s)
        return [event]

    def _nudge(self, wall: float, busy: Callable[[], bool]) -> list[ReminderDue]:
        at = self.nudge_at()
        if at is None or wall < at:
            return []
        self.nudged = True  # given now, or dropped: a late nudge would crowd the reminder
        if wall - at > NUDGE_LATE_S or busy():
            return []
        event = ReminderDue(at, wall, ReminderKind.NUDGE)
        self.fired.append(event)
        return [event]

    def held_by(self, wall: float, *, locked: bool = False, full_screen: bool = False,
                call: bool = False, screen_share: bool = False) -> list[str]:
        """Why a reminder due now would wait (or not come): "paused", "outside_work_hours",
        "locked", "full_screen", "call", "screen_share"; empty when nothing holds it."""
        reasons = []
        if self.paused_until is not None and wall < self.paused_until:
            reasons.append("paused")
        if not self.in_work_hours(wall):
            reasons.append("outside_work_hours")
        late = max(0.0, wall - self.due) if self.due is not None else 0.0
        for name, on, limit in (("locked", locked, math.inf),
                                ("full_screen", full_screen, self.schedule.fullscreen_defer_s),
                                ("call", call, self.schedule.call_defer_s),
                                ("screen_share", screen_share, self.schedule.call_defer_s)):
            if on and late < limit:
                reasons.append(name)
        return reasons

    def _catch_up(self, wall: float, mono: float, idle_s: float) -> None:
        if self._last is None:
            self.start(wall, mono)
            return
        last_wall, last_mono = self._last
        self._last = (wall, mono)
        gap = (wall - last_wall) - (mono - last_mono)  # > 0: slept or clock set forward
        if gap < -JUMP_S and self.due is not None:
            self.due = self._place(self.due + gap)  # clock set back: keep the time left
            self.cycle_start += gap  # and the countdown's start with it
        elif gap > JUMP_S:
            self._absent(wall, gap)
        if idle_s >= self._idle_peak:
            self._idle_peak = idle_s
        else:  # the idle spell ended: they came back
            if self._idle_peak >= SHORT_ABSENCE_S:
                self._absent(wall, self._idle_peak)
            self._idle_peak = idle_s

    def _absent(self, wall: float, seconds: float) -> None:
        if self.due is None:
            return
        if seconds >= self.schedule.break_s:
            self._new_cycle(wall, self.schedule.interval_s)  # a natural break
        else:  # a short absence pauses the countdown, for the part of it in this cycle
            paused = min(seconds, max(0.0, wall - self.cycle_start))
            self.due = self._place(self.due + paused)


def _once(ask: Callable[[], bool]) -> Callable[[], bool]:
    """`ask`, asked at most once (its answer kept for this tick)."""
    answer: list[bool] = []

    def asked() -> bool:
        if not answer:
            answer.append(bool(ask()))
        return answer[0]

    return asked
