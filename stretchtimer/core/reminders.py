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
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo

JUMP_S = 5.0  # wall and monotonic disagreeing by more than this is a sleep or a clock change
SHORT_ABSENCE_S = 60.0  # idle spells shorter than this are just reading, not an absence
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


@dataclass(frozen=True)
class Schedule:
    interval_s: float = 3600.0
    snooze_s: float = 600.0
    break_s: float = 300.0  # an absence this long counts as a break
    work_hours: tuple[tuple[str, str, str], ...] = tuple(
        (d, "09:00", "17:30") for d in WEEKDAYS[:5])  # (weekday, from, to), local time

    @classmethod
    def from_settings(cls, reminders, break_s: float = 300.0) -> "Schedule":
        return cls(reminders.interval_min * 60.0, reminders.snooze_min * 60.0, break_s,
                   tuple((d, a, b) for d, (a, b) in reminders.work_hours.items()))


@dataclass(frozen=True)
class ReminderDue:
    due: float  # the wall time it was due
    wall: float  # when it fired


class ReminderScheduler:
    def __init__(self, schedule: Schedule, tz: tzinfo | None = None) -> None:
        self.schedule = schedule
        self.tz = tz
        self.due: float | None = None  # wall time of the next reminder
        self.paused_until: float | None = None
        self._last: tuple[float, float] | None = None  # (wall, mono) at the last call
        self._idle_peak = 0.0  # the longest idle seen in the current idle spell
        self.snoozed = False  # the next reminder is a snoozed one
        self.fired: list[ReminderDue] = []  # every reminder this scheduler gave
        self.absences: list[tuple[float, float]] = []  # (wall when back, seconds away)

    # --- work hours ---

    def _local(self, wall: float) -> datetime:
        return datetime.fromtimestamp(wall, self.tz)

    def _periods(self, day: date) -> list[tuple[float, float]]:
        out = []
        for weekday, start, end in self.schedule.work_hours:
            if WEEKDAYS.index(weekday) == day.weekday():
                a = datetime.combine(day, time.fromisoformat(start), self.tz)
                b = datetime.combine(day, time.fromisoformat(end), self.tz)
                out.append((a.timestamp(), b.timestamp()))
        return sorted(out)

    def in_work_hours(self, wall: float) -> bool:
        return self.period_end(wall) is not None

    def period_end(self, wall: float) -> float | None:
        """The end of the work period `wall` falls in, or None outside work hours."""
        return next((b for a, b in self._periods(self._local(wall).date()) if a <= wall < b),
                    None)

    def _place(self, wanted: float) -> float | None:
        """The first moment at or after `wanted` inside work hours, and at least one
        interval after the work period began (a reminder at 09:00 sharp greets nobody)."""
        day = self._local(wanted).date()
        for offset in range(0, 15):
            for a, b in self._periods(day + timedelta(days=offset)):
                earliest = max(wanted, a + self.schedule.interval_s)  # never right at arrival
                if earliest < b:
                    return earliest
        return None  # no work hours at all: no reminders

    # --- commands ---

    def start(self, wall: float, mono: float) -> None:
        """The app started (or reminders were switched on): one interval from now."""
        self._last = (wall, mono)
        self.due = self._place(wall + self.schedule.interval_s)

    def snooze(self, wall: float, mono: float) -> None:
        self._catch_up(wall, mono, 0.0)
        self.due = self._place(wall + self.schedule.snooze_s)
        self.snoozed = True

    def skip(self, wall: float, mono: float) -> None:
        self._catch_up(wall, mono, 0.0)
        self.due = self._place(wall + self.schedule.interval_s)
        self.snoozed = False

    def routine_finished(self, wall: float, mono: float) -> None:
        """A routine (from a reminder or not) counts as the break: start over from now."""
        self.skip(wall, mono)

    def pause(self, until: float, wall: float, mono: float) -> None:
        self._catch_up(wall, mono, 0.0)
        self.paused_until = until
        self.due = self._place(max(until, wall) + self.schedule.interval_s)

    def resume(self, wall: float, mono: float) -> None:
        self.paused_until = None
        self.skip(wall, mono)

    # --- time passing ---

    def tick(self, wall: float, mono: float, idle_s: float = 0.0) -> list[ReminderDue]:
        """Call at the due time and every half minute or so; returns a reminder when one
        is due now (at most one)."""
        self._catch_up(wall, mono, idle_s)
        if self.due is None or wall < self.due:
            return []
        if self.paused_until is not None and wall < self.paused_until:
            return []
        if idle_s >= self.schedule.break_s:
            return []  # nobody there: it waits for them to come back (then resets)
        if not self.in_work_hours(wall):
            self.due = self._place(wall)
            return []
        event = ReminderDue(self.due, wall)
        self.fired.append(event)
        self.snoozed = False
        self.due = self._place(wall + self.schedule.interval_s)
        return [event]

    def _catch_up(self, wall: float, mono: float, idle_s: float) -> None:
        if self._last is None:
            self.start(wall, mono)
            return
        last_wall, last_mono = self._last
        self._last = (wall, mono)
        gap = (wall - last_wall) - (mono - last_mono)  # > 0: slept or clock set forward
        if gap < -JUMP_S and self.due is not None:
            self.due = self._place(self.due + gap)  # clock set back: keep the time left
        elif gap > JUMP_S:
            self._absent(wall, gap)
        if idle_s >= self._idle_peak:
            self._idle_peak = idle_s
        else:  # the idle spell ended: they came back
            if self._idle_peak >= SHORT_ABSENCE_S:
                self._absent(wall, self._idle_peak)
            self._idle_peak = idle_s

    def _absent(self, wall: float, seconds: float) -> None:
        self.absences.append((wall, seconds))
        if self.due is None:
            return
        if seconds >= self.schedule.break_s:
            self.due = self._place(wall + self.schedule.interval_s)  # a natural break
        else:
            self.due = self._place(self.due + seconds)  # a short absence pauses
