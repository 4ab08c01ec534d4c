"""The driver on the real clock and a real QTimer (the FakeClock tests' counterpart)."""

from stretchtimer.core.cues import plan_cues
from stretchtimer.core.plan import build_plan
from stretchtimer.core.session import State
from stretchtimer.platform.system_clock import SystemClock
from stretchtimer.ui.session_driver import SessionDriver
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
