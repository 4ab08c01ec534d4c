"""The reminder scheduler: a simulated workweek, and properties over random sequences of
time passing, sleep, clock jumps, idle spells, snoozes and skips, across DST."""

import itertools
from datetime import datetime
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stretchtimer.core.reminders import WEEKDAYS, ReminderKind, ReminderScheduler, Schedule

BERLIN = ZoneInfo("Europe/Berlin")
STEP = 30.0  # the Qt side checks about every 30 s (and at each due time)


class Sim:
    """Drives a scheduler the way the app does: wall and monotonic time, ticks every 30 s."""

    def __init__(self, scheduler, wall, mono=1000.0):
        self.s, self.wall, self.mono = scheduler, wall, mono
        self.monos = []  # the monotonic time of each reminder or nudge, in order
        scheduler.start(wall, mono)

    def tick(self, *args, **kwargs):
        for _ in self.s.tick(self.wall, self.mono, *args, **kwargs):
            self.monos.append(self.mono)

    def run(self, seconds, idle=lambda t: 0.0, fullscreen=lambda t: False,
            locked=lambda t: False, call=lambda t: False):
        end = self.wall + seconds
        t0 = self.wall
        while self.wall < end:
            step = min(STEP, end - self.wall)
            wake = self.s.next_wake()
            if wake is not None and self.wall < wake < self.wall + step:
                step = wake - self.wall  # the single-shot timer for the next due time
            self.wall += step
            self.mono += step
            t = self.wall - t0
            self.tick(idle(t), fullscreen=lambda t=t: fullscreen(t), call=lambda t=t: call(t),
                      locked=locked(t))

    def reminders(self):
        return [e for e in self.s.fired if e.kind is ReminderKind.REMINDER]

    def sleep(self, seconds):  # suspend: the wall clock moves, the monotonic one does not
        self.wall += seconds
        self.tick()

    def set_clock(self, seconds):  # the user or NTP moves the wall clock
        self.wall += seconds
        self.tick()


def at(text, tz=BERLIN):
    return datetime.fromisoformat(text).replace(tzinfo=tz).timestamp()


def local(wall, tz=BERLIN):
    return datetime.fromtimestamp(wall, tz).strftime("%a %H:%M")


def test_a_workweek_gives_hourly_reminders_only_in_work_hours():
    sim = Sim(ReminderScheduler(Schedule(), BERLIN), at("2026-11-16T08:00:00"))  # Monday
    sim.run(7 * 24 * 3600)
    fired = [local(e.wall) for e in sim.s.fired]
    assert fired[:8] == [f"Mon {h}:00" for h in range(10, 18)]
    assert len(fired) == 5 * 8  # 10:00 .. 17:00 on five workdays, none at the weekend
    assert not [f for f in fired if f.startswith(("Sat", "Sun"))]
    assert len({e.due for e in sim.s.fired}) == len(fired)  # one reminder per due time


def test_lunch_away_resets_and_a_short_absence_pauses():
    sim = Sim(ReminderScheduler(Schedule(), BERLIN), at("2026-11-16T09:00:00"))
    sim.run(3.5 * 3600)  # 12:30: reminders at 10, 11, 12
    lunch = (at("2026-11-16T12:30:00"), at("2026-11-16T13:15:00"))
    sim.run(45 * 60 + 60, idle=lambda t: t if t < 45 * 60 else 0.0)  # away 45 min
    assert local(sim.s.due) == "Mon 14:15"  # one interval after coming back at 13:15
    before = sim.s.due
    sim.run(5 * 60, idle=lambda t: t if t < 120 else 0.0)  # two minutes of reading
    # a short absence pauses the countdown (measured to within one 30 s tick)
    assert before + 120 - STEP <= sim.s.due <= before + 120
    assert lunch[0] < lunch[1]


def test_waking_from_sleep_never_reminds_at_once():
    sim = Sim(ReminderScheduler(Schedule(), BERLIN), at("2026-11-16T16:50:00"))
    sim.run(20 * 60)  # 17:10: the 17:50 reminder would be after work anyway
    sim.sleep(16 * 3600)  # lid closed until 09:10 the next day
    sim.run(60)
    assert local(sim.s.due) == "Tue 10:10"
    assert not [e for e in sim.s.fired if e.wall > at("2026-11-17T09:00:00")]


def test_clock_set_back_three_hours_keeps_the_time_left():
    sim = Sim(ReminderScheduler(Schedule(), BERLIN), at("2026-11-16T13:00:00"))
    sim.run(20 * 60)
    left = sim.s.due - sim.wall
    sim.set_clock(-3 * 3600)
    assert abs((sim.s.due - sim.wall) - left) < 1
    sim.run(50 * 60)
    assert len(sim.s.fired) == 1  # exactly the one that was due


def test_clock_set_forward_three_hours_is_not_a_reminder_storm():
    sim = Sim(ReminderScheduler(Schedule(), BERLIN), at("2026-11-16T09:00:00"))
    sim.run(30 * 60)
    sim.set_clock(3 * 3600)
    sim.run(10 * 60)
    assert sim.s.fired == []  # treated like an absence: one interval from "now"


def test_dst_change_keeps_local_work_hours():
    sim = Sim(ReminderScheduler(Schedule(), BERLIN), at("2026-10-23T08:00:00"))  # Friday
    sim.run(4 * 24 * 3600)  # over the weekend Berlin leaves summer time
    monday = [local(e.wall) for e in sim.s.fired if local(e.wall).startswith("Mon")]
    assert monday == [f"Mon {h}:00" for h in range(10, 18)]  # still 10:00 local, not 09:00


def test_work_that_runs_past_midnight_is_one_spell_and_midnight_no_arrival():
    # a late shift: Monday 20:00 to 23:59 and on from Tuesday 00:00 to 02:00
    hours = (("mon", "20:00", "23:59"), ("tue", "00:00", "02:00"))
    sim = Sim(ReminderScheduler(Schedule(work_hours=hours), BERLIN), at("2026-11-16T20:00:00"))
    sim.run(7 * 3600)
    assert [local(e.wall) for e in sim.s.fired] == [
        "Mon 21:00", "Mon 22:00", "Mon 23:00", "Tue 00:00", "Tue 01:00"]
    # started at 23:30, the first comes an hour later, not an hour after midnight
    late = ReminderScheduler(Schedule(work_hours=hours), BERLIN)
    late.start(at("2026-11-16T23:30:00"), 0.0)
    assert local(late.due) == "Tue 00:30" and late.in_work_hours(at("2026-11-16T23:59:30"))
    # a period that starts later than a minute after the last one ended is an arrival
    apart = ReminderScheduler(Schedule(work_hours=(hours[0], ("tue", "00:05", "02:00"))),
                              BERLIN)
    apart.start(at("2026-11-16T23:30:00"), 0.0)
    assert local(apart.due) == "Tue 01:05"


def test_midnight_joins_work_where_the_clock_goes_back_an_hour_at_midnight():
    santiago = ZoneInfo("America/Santiago")  # 2024-04-07 00:00 is 2024-04-06 23:00 again
    every_day = tuple((d, "00:00", "23:59") for d in WEEKDAYS)
    s = ReminderScheduler(Schedule(work_hours=every_day), santiago)
    start = datetime(2024, 4, 6, 23, 30, tzinfo=santiago).timestamp()  # the first 23:30
    s.start(start, 0.0)
    assert s.due == start + 3600  # the second 23:30, an hour of work later
    assert s.in_work_hours(start + 3600) and s.in_work_hours(start + 1800)


def test_snooze_skip_and_pause():
    s = Schedule()
    sim = Sim(ReminderScheduler(s, BERLIN), at("2026-11-16T09:00:00"))
    sim.run(3600)
    assert len(sim.s.fired) == 1
    sim.s.snooze(sim.wall, sim.mono)
    assert sim.s.due == sim.wall + s.snooze_s
    sim.s.skip(sim.wall, sim.mono)
    assert sim.s.due == sim.wall + s.interval_s
    sim.s.pause(sim.wall + 2 * 3600, sim.wall, sim.mono)
    sim.run(2.5 * 3600)
    assert len(sim.s.fired) == 1  # paused for two hours, then one interval after
    sim.run(3600)
    assert len(sim.s.fired) == 2


def test_a_full_screen_app_defers_the_reminder_until_it_ends():
    sim = Sim(ReminderScheduler(Schedule(), BERLIN), at("2026-11-16T09:00:00"))
    # a call from 09:50 to 10:20, full screen, nobody touching the keyboard
    sim.run(90 * 60, idle=lambda t: max(0.0, t - 50 * 60) if t < 80 * 60 else 0.0,
            fullscreen=lambda t: 50 * 60 <= t < 80 * 60)
    assert [local(e.wall) for e in sim.s.fired] == ["Mon 10:20"]  # when the call ended
    assert sim.s.fired[0].due == at("2026-11-16T10:00:00")
    assert local(sim.s.due) == "Mon 11:20"  # the watching was not an absence


def test_full_screen_defers_no_longer_than_the_limit():
    sim = Sim(ReminderScheduler(Schedule(fullscreen_defer_s=15 * 60), BERLIN),
              at("2026-11-16T09:00:00"))
    sim.run(3 * 3600, fullscreen=lambda t: True)  # a whole morning in full screen
    assert [local(e.wall) for e in sim.s.fired] == ["Mon 10:15", "Mon 11:30"]


def test_a_call_holds_the_reminder_and_the_nudge_until_it_ends_up_to_its_limit():
    sim = Sim(ReminderScheduler(Schedule(nudge=True), BERLIN), at("2026-11-16T09:00:00"))
    # a call 09:25-10:40 in a normal window, listening (no input) for most of it
    sim.run(2 * 3600, idle=lambda t: (t - 25 * 60) % 600 if 25 * 60 <= t < 100 * 60 else 0.0,
            call=lambda t: 25 * 60 <= t < 100 * 60)
    assert [(local(e.wall), e.kind) for e in sim.s.fired] == [
        ("Mon 10:40", ReminderKind.REMINDER)]  # no nudge during it; the reminder after it
    short = Sim(ReminderScheduler(Schedule(call_defer_s=20 * 60), BERLIN),
                at("2026-11-16T09:00:00"))
    short.run(3 * 3600, call=lambda t: True)  # a call all morning: the limit, then anyway
    assert [local(e.wall) for e in short.s.fired] == ["Mon 10:20", "Mon 11:40"]
    never = Sim(ReminderScheduler(Schedule(call_defer_s=0.0), BERLIN), at("2026-11-16T09:00:00"))
    never.run(3600, call=lambda t: True)  # 0: never wait for a call
    assert [local(e.wall) for e in never.s.fired] == ["Mon 10:00"]


def test_held_by_names_every_reason_a_due_reminder_waits():
    s = ReminderScheduler(Schedule(call_defer_s=600.0), BERLIN)
    monday = at("2026-11-16T10:00:00")
    s.start(monday - 3600, 0.0)
    assert s.held_by(monday) == []
    assert s.held_by(monday, call=True, screen_share=True, locked=True) == [
        "locked", "call", "screen_share"]
    assert s.held_by(monday + 601, call=True) == []  # past the limit: it comes anyway
    s.pause(monday + 7200, monday, 0.0)
    assert s.held_by(monday + 60, full_screen=True) == ["paused", "full_screen"]
    assert s.held_by(at("2026-11-16T20:00:00")) == ["outside_work_hours"]


def test_never_a_reminder_while_the_screen_is_locked():
    sim = Sim(ReminderScheduler(Schedule(), BERLIN), at("2026-11-16T09:00:00"))
    sim.run(3600 + 120, locked=lambda t: 58 * 60 <= t < 61 * 60)  # locked 09:58-10:01
    assert [local(e.wall) for e in sim.s.fired] == ["Mon 10:01"]
    assert not [e for e in sim.s.fired if at("2026-11-16T09:58:00") <= e.wall
                < at("2026-11-16T10:01:00")]


def test_the_stand_up_nudge_comes_once_halfway_and_not_before_a_snoozed_reminder():
    sim = Sim(ReminderScheduler(Schedule(nudge=True), BERLIN), at("2026-11-16T09:00:00"))
    sim.run(3600)
    assert [(local(e.wall), e.kind) for e in sim.s.fired] == [
        ("Mon 09:30", ReminderKind.NUDGE), ("Mon 10:00", ReminderKind.REMINDER)]
    sim.s.snooze(sim.wall, sim.mono)
    sim.run(3600)
    assert [(local(e.wall), e.kind) for e in sim.s.fired[2:]] == [
        ("Mon 10:10", ReminderKind.REMINDER), ("Mon 10:40", ReminderKind.NUDGE)]
    off = Sim(ReminderScheduler(Schedule(nudge=False), BERLIN), at("2026-11-16T09:00:00"))
    off.run(3600)
    assert [e.kind for e in off.s.fired] == [ReminderKind.REMINDER]


# --- properties ---

zones = st.sampled_from([BERLIN, ZoneInfo("America/New_York"), ZoneInfo("UTC")])


@st.composite
def schedules(draw):
    days = draw(st.lists(st.sampled_from(WEEKDAYS), min_size=1, max_size=7, unique=True))
    start = draw(st.integers(6, 11))
    end = draw(st.integers(start + 3, 20))
    return Schedule(interval_s=draw(st.sampled_from([15, 30, 60, 90, 180])) * 60.0,
                    snooze_s=draw(st.integers(1, 30)) * 60.0,
                    break_s=draw(st.integers(2, 15)) * 60.0,
                    nudge=draw(st.booleans()),
                    fullscreen_defer_s=draw(st.integers(0, 60)) * 60.0,
                    call_defer_s=draw(st.integers(0, 120)) * 60.0,
                    work_hours=tuple((d, f"{start:02d}:00", f"{end:02d}:30") for d in days))


actions = st.lists(st.one_of(
    st.tuples(st.just("run"), st.integers(60, 3 * 3600)),
    st.tuples(st.just("sleep"), st.integers(10, 14 * 3600)),
    st.tuples(st.just("clock"), st.sampled_from([-3 * 3600, -3600, 3600, 3 * 3600])),
    st.tuples(st.just("idle"), st.integers(30, 3600)),
    st.tuples(st.just("fullscreen"), st.integers(60, 2 * 3600)),
    st.tuples(st.just("call"), st.integers(60, 3 * 3600)),
    st.tuples(st.just("locked"), st.integers(30, 3600)),
    st.tuples(st.just("snooze"), st.just(0)),
    st.tuples(st.just("skip"), st.just(0)),
), max_size=14)

# around the spring and autumn DST changes in Europe and the US
starts = st.sampled_from(["2026-03-06T08:00", "2026-03-27T15:00", "2026-10-23T16:00",
                          "2026-10-30T08:00", "2026-07-15T12:00"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(schedules(), zones, starts, actions)
def test_reminders_are_single_in_hours_never_on_wake_and_never_far(schedule, tz, start, script):
    sim = Sim(ReminderScheduler(schedule, tz), datetime.fromisoformat(start)
              .replace(tzinfo=tz).timestamp())
    wakes, locks, calls = [], [], []
    for kind, value in script:
        if kind == "run":
            sim.run(value)
        elif kind == "sleep":
            before = len(sim.monos)  # what came before the suspend is not "on waking"
            sim.sleep(value)
            if value >= schedule.break_s:
                wakes.append((sim.mono, before))
        elif kind == "clock":
            before = len(sim.monos)
            sim.set_clock(value)
            if value >= schedule.break_s:
                wakes.append((sim.mono, before))
        elif kind == "idle":
            sim.run(value + 60, idle=lambda t, v=value: t if t < v else 0.0)
        elif kind == "fullscreen":
            sim.run(value + 60, fullscreen=lambda t, v=value: t < v)
        elif kind == "call":  # on a call, not touching the keyboard for a while either
            start = sim.mono
            sim.run(value + 60, idle=lambda t, v=value: t % 900 if t < v else 0.0,
                    call=lambda t, v=value: t < v)
            calls.append((start, start + value))
        elif kind == "locked":
            start = sim.mono
            sim.run(value + 60, idle=lambda t, v=value: t if t < v else 0.0,
                    locked=lambda t, v=value: t < v)
            locks.append((start, start + value))
        elif kind == "snooze":
            sim.s.snooze(sim.wall, sim.mono)
        elif kind == "skip":
            sim.s.skip(sim.wall, sim.mono)
        due, end = sim.s.due, sim.s.period_end(sim.wall)
        if due is not None and end is not None and due < end:
            # inside a work period, the next reminder is at most an interval (+ snooze) away
            assert due - sim.wall <= schedule.interval_s + schedule.snooze_s + 1, (kind, due - sim.wall)
    fired = sim.s.fired
    if not any(kind == "clock" and value < 0 for kind, value in script):
        assert len({(e.kind, e.due) for e in fired}) == len(fired)  # never two for one due time
    reminders = [m for m, e in zip(sim.monos, fired) if e.kind is ReminderKind.REMINDER]
    for before, after in zip(reminders, reminders[1:]):  # never a second one soon after
        assert after - before >= min(schedule.snooze_s, schedule.interval_s) - 1
    assert all(sim.s.in_work_hours(e.wall) for e in fired)  # never outside work hours
    # (times in these two are monotonic: a clock set back repeats wall times)
    for wake, before in wakes:  # never within a minute after waking from a long absence
        assert not [m for m in sim.monos[before:] if wake <= m < wake + 60]
    for a, b in locks:  # never while the screen is locked
        assert not [m for m in sim.monos if a < m < b]
    for e in fired:  # a deferral never outlasts its limit
        limit = max(schedule.fullscreen_defer_s, schedule.call_defer_s)
        assert e.wall - e.due <= limit + schedule.interval_s + STEP
    for (a, b), (m, e) in itertools.product(calls, zip(sim.monos, fired)):
        if a < m < b:  # during a call, only a reminder that waited out the call limit
            assert e.kind is ReminderKind.REMINDER and e.wall - e.due >= schedule.call_defer_s
    if not any(kind == "clock" for kind, _ in script):  # wall times only move forward
        for before, nudge in zip(fired, fired[1:]):
            if nudge.kind is ReminderKind.NUDGE:  # never soon after a reminder or a nudge
                assert nudge.wall - before.wall >= schedule.interval_s / 2 - STEP


def test_a_nudge_held_back_is_dropped_not_given_late():
    sim = Sim(ReminderScheduler(Schedule(nudge=True), BERLIN), at("2026-11-16T09:00:00"))
    # full screen from 09:29:50 to 09:59: the 09:30 nudge cannot be given in time
    sim.run(3600 + 60, fullscreen=lambda t: 29 * 60 + 50 <= t < 59 * 60)
    assert [(local(e.wall), e.kind) for e in sim.s.fired] == [("Mon 10:00", ReminderKind.REMINDER)]
    locked = Sim(ReminderScheduler(Schedule(nudge=True), BERLIN), at("2026-11-16T09:00:00"))
    locked.run(3600 + 60, locked=lambda t: 29 * 60 <= t < 40 * 60)
    assert [e.kind for e in locked.s.fired] == [ReminderKind.REMINDER]


def test_a_short_absence_only_pauses_the_countdown_that_was_running_during_it():
    sim = Sim(ReminderScheduler(Schedule(interval_s=900.0, break_s=840.0), BERLIN),
              at("2026-11-16T09:00:00"))
    sim.run(13 * 60)  # 09:13
    # reading for 13 min (not a break): the 09:15 reminder comes during it, and only the
    # ~11 min of reading after 09:15 pause the next countdown (09:30), not all 13
    sim.run(13 * 60 + 60, idle=lambda t: t if t < 13 * 60 else 0.0)
    assert [local(e.wall) for e in sim.s.fired] == ["Mon 09:15"]
    assert at("2026-11-16T09:40:30") <= sim.s.due <= at("2026-11-16T09:42:00")


def test_full_screen_is_asked_only_when_its_answer_can_change_something():
    # each question is a round trip to the desktop, and the tray wakes up for it
    asked = []
    sim = Sim(ReminderScheduler(Schedule(nudge=True), BERLIN), at("2026-11-16T09:00:00"))
    sim.run(29 * 60, fullscreen=lambda t: asked.append(t) or False)  # at the desk
    assert asked == []
    sim.run(3 * 60, fullscreen=lambda t: asked.append(t) or False)  # the 09:30 nudge
    assert len(asked) == 1
    sim.run(10 * 60, idle=lambda t: t, fullscreen=lambda t: asked.append(t) or True)
    # watching a talk for ten minutes: asked from the first minute without input on
    assert len(asked) == 1 + 10 * 60 // STEP - 1
    assert local(sim.s.due) == "Mon 10:00"  # and the watching was not an absence
