"""The driver on its real timers (QtWaker, the real clock) and on fake ones that fire as a
FakeClock is moved (tests/fake_timers.py), which the other widget tests use."""

import pytest
from PySide6.QtCore import QObject

from stretchtimer.core.clock import FakeClock
from stretchtimer.core.cues import plan_cues
from stretchtimer.core.plan import build_plan
from stretchtimer.core.session import State
from stretchtimer.platform.system_clock import SystemClock
from stretchtimer.ui.session_driver import AHEAD_S, REFRESH_S, QtWaker, SessionDriver
from tests.fake_timers import FakeTimers
from tests.helpers import make_routine


def test_the_precise_timer_delivers_the_next_cue_on_time(qtbot):
    driver = SessionDriver(SystemClock())
    plan = build_plan(make_routine(sides="none", reps=1))
    cues = plan_cues(plan)
    heard = []
    driver.cue_due.connect(lambda cue, late: heard.append((cue.text, late)))
    driver.begin(plan, cues)
    first_wait = cues[1].offset  # the second cue is about a second in
    assert 0.5 < first_wait < 3
    with qtbot.waitSignal(driver.cue_due, timeout=int(first_wait * 1000) + 2000):
        pass
    text, late = heard[-1]
    assert text == cues[1].text
    assert 0 <= late < 0.25  # the timer fired at the deadline, not on a coarse tick
    driver.stop()
    assert driver.state == State.FINISHED and driver.timers_active() == []


def test_the_qt_wakers_really_wake_once_or_repeatedly_until_stopped(qtbot):
    parent = QObject()
    once, beats = [], []
    single = QtWaker(parent, lambda: once.append(1), False)
    repeating = QtWaker(parent, lambda: beats.append(1), True)
    assert not single.is_active() and not repeating.is_active()
    single.start(0.02)
    repeating.start(0.01)
    assert single.is_active() and 0 < single.remaining() <= 0.02
    qtbot.waitUntil(lambda: bool(once) and len(beats) >= 3, timeout=2000)
    assert once == [1] and not single.is_active()
    assert repeating.is_active()
    repeating.stop()
    assert not repeating.is_active()


@pytest.fixture
def fake():
    clock = FakeClock()
    timers = FakeTimers(clock)
    driver = SessionDriver(clock, waker=timers)
    plan = build_plan(make_routine(sides="none", reps=1))
    return clock, timers, driver, plan, plan_cues(plan)


def test_on_fake_timers_each_cue_is_due_on_its_instant_as_the_clock_moves(fake):
    clock, timers, driver, plan, cues = fake
    heard = []
    driver.cue_due.connect(lambda cue, late: heard.append((cue.offset, late,
                                                           driver.position())))
    driver.begin(plan, cues)
    assert driver.timers_active() == ["deadline", "ahead"]  # no display: no refresh
    second = driver.machine.monotonic_at(cues[1].offset)
    timers.advance_to(second - 0.001)
    assert len(heard) == 1  # only the cue at 0 so far
    timers.advance_to(second)
    assert heard[-1] == (cues[1].offset, 0.0, pytest.approx(cues[1].offset))
    timers.advance_to(driver.machine.monotonic_at(driver.machine.end) + 1)
    assert [offset for offset, _, _ in heard] == [c.offset for c in cues]
    assert max(late for _, late, _ in heard) < 1e-9  # each woke on its deadline exactly
    assert driver.state == State.FINISHED and driver.timers_active() == []


def test_each_cue_is_told_ahead_once_and_again_after_a_pause(fake):
    clock, timers, driver, plan, cues = fake
    told = []
    driver.cue_ahead.connect(lambda cue, at: told.append((cue, at, clock.monotonic())))
    driver.begin(plan, cues)
    timers.advance_to(driver.machine.monotonic_at(cues[2].offset))
    # each AHEAD_S before its instant (the cue at 0 is due at once: nothing to tell)
    assert [c for c, _, _ in told] == [c for c in cues[1:] if c.offset - AHEAD_S <= cues[2].offset]
    for cue, at, when in told:
        assert at == driver.machine.monotonic_at(cue.offset)
        assert when == pytest.approx(at - AHEAD_S)
    upcoming, at = driver.machine.next_cue()
    timers.advance_to(at - AHEAD_S / 2)  # told, not due yet
    count = len(told)
    assert told[-1][0] is upcoming
    driver.pause()  # what was placed is cut: told again after the pause
    driver.resume()
    timers.advance(0)
    assert len(told) == count + 1 and told[-1][0] is upcoming
    driver.stop()
    timers.advance(60)
    assert len(told) == count + 1 and driver.timers_active() == []


def test_on_fake_timers_the_refresh_beats_only_while_shown_and_running(fake):
    clock, timers, driver, plan, cues = fake
    ticks = []
    driver.ticked.connect(lambda: ticks.append(clock.monotonic()))
    driver.begin(plan, cues)
    driver.set_display_active(True)
    assert driver.timers_active() == ["deadline", "refresh", "ahead"]
    timers.advance(1.0)
    assert len(ticks) == round(1.0 / REFRESH_S)
    driver.pause()
    assert driver.timers_active() == []  # paused: nothing ticks
    timers.advance(60)
    assert len(ticks) == round(1.0 / REFRESH_S)
    driver.resume()
    driver.set_display_active(False)
    assert driver.timers_active()[0] == "deadline" and "refresh" not in driver.timers_active()
    timers.advance(1.0)
    assert len(ticks) == round(1.0 / REFRESH_S)
    driver.stop()
    assert driver.timers_active() == []


def test_state_changes_are_sent_as_the_state_itself(qtbot):
    from stretchtimer.core.clock import FakeClock

    driver = SessionDriver(FakeClock())
    plan = build_plan(make_routine(sides="none", reps=1))
    seen = []
    driver.state_changed.connect(seen.append)
    driver.begin(plan, plan_cues(plan))
    driver.pause()
    driver.resume()
    driver.stop()
    assert seen == [State.RUNNING, State.PAUSED, State.RUNNING, State.FINISHED]
    assert all(type(s) is State for s in seen)  # the member, not its word


def test_beginning_again_cuts_what_the_running_routine_said_or_placed(fake):
    clock, timers, driver, plan, cues = fake
    cut = []
    driver.interrupted.connect(lambda: cut.append(clock.monotonic()))
    driver.begin(plan, cues)
    assert cut == []  # nothing ran before
    timers.advance(1.0)
    driver.begin(plan, cues)  # Restart
    assert len(cut) == 1
