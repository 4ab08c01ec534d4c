import time

import pytest

from stretchtimer.core.clock import FakeClock
from stretchtimer.core.cues import plan_cues
from stretchtimer.core.plan import build_plan
from stretchtimer.core.session import SegmentStarted, SessionMachine
from stretchtimer.platform.system_clock import SystemClock
from tests.helpers import make_routine


def test_system_clock_reads_the_real_clocks():
    clock = SystemClock()
    a, wall = clock.monotonic(), clock.wall()
    assert abs(wall - time.time()) < 5
    assert clock.monotonic() >= a


def test_the_machine_runs_on_the_real_clock():
    plan = build_plan(make_routine())
    machine = SessionMachine(plan, SystemClock(), plan_cues(plan))
    events = machine.start()
    assert isinstance(events[0], SegmentStarted) and events[0].segment.index == 0
    deadline = machine.next_deadline()
    assert 0 < deadline - time.monotonic() <= plan.segments[1].start


def test_fake_clock_moves_only_when_told_and_jumps_the_wall_alone():
    clock = FakeClock(wall=100.0, monotonic=5.0)
    clock.advance(2.5)
    assert (clock.wall(), clock.monotonic()) == (102.5, 7.5)
    clock.set_wall(50.0)
    assert (clock.wall(), clock.monotonic()) == (50.0, 7.5)
    clock.advance_to(9.0)
    assert clock.monotonic() == 9.0
    with pytest.raises(ValueError):
        clock.advance(-1)
