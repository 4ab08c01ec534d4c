import pytest

from stretchtimer.core.cues import CueKind, plan_cues
from stretchtimer.core.plan import Kind, build_plan
from stretchtimer.core.session import (
    CueDue,
    Finished,
    Paused,
    Resumed,
    SegmentStarted,
    SessionMachine,
    State,
)
from tests.helpers import make_routine, run_to_end


@pytest.fixture
def machine(clock):
    # prepare 20, hold R 30, rest 10, hold R 30, switch 6, hold L 30, rest 10, hold L 30
    plan = build_plan(make_routine(reps=2, hold_s=30, rest_s=10, switch_s=6, prepare_s=20))
    return SessionMachine(plan, clock, plan_cues(plan))


def test_a_full_run_emits_every_cue_once_in_order_and_on_time(machine, clock):
    events = machine.start() + run_to_end(machine, clock)
    cues = [e for e in events if isinstance(e, CueDue)]
    assert [e.cue for e in cues] == list(machine.cues)
    assert max(e.late for e in cues) < 1e-9
    segs = [e.segment.index for e in events if isinstance(e, SegmentStarted)]
    assert segs == list(range(len(machine.plan.segments)))
    assert isinstance(events[-1], Finished)
    summary = events[-1].summary
    assert summary.completed and summary.routine_id == "test-routine"
    assert [(h.side, h.seconds) for h in summary.held] == [("right", 60), ("left", 60)]
    # it ends when the closing line is due, just after the last release
    assert machine.end > machine.plan.total
    assert summary.ended_wall - summary.started_wall == pytest.approx(machine.end)
    assert machine.next_deadline() is None and machine.state == State.FINISHED


def test_the_release_comes_before_the_next_segment_starts(machine, clock):
    machine.start()
    clock.advance(49.9)
    machine.advance()
    clock.advance(0.1)  # exactly the end of the first hold
    events = machine.advance()
    kinds = [e.cue.kind if isinstance(e, CueDue) else type(e).__name__ for e in events]
    assert kinds.index(CueKind.RELEASE) < kinds.index("SegmentStarted")


def test_pause_at_12_4_s_into_a_hold_freezes_and_resume_shifts_deadlines(machine, clock):
    machine.start()
    clock.advance(20 + 12.4)
    machine.advance()
    assert machine.current_segment().kind == Kind.HOLD
    assert machine.remaining_in_segment() == pytest.approx(17.6)
    deadline_before = machine.next_deadline()
    events = machine.pause()
    assert isinstance(events[-1], Paused) and machine.next_deadline() is None
    clock.advance(300)  # five minutes on the phone
    assert machine.remaining_in_segment() == pytest.approx(17.6)
    assert machine.advance() == []
    events = machine.resume()
    assert isinstance(events[0], Resumed)
    assert machine.remaining_in_segment() == pytest.approx(17.6)
    assert machine.next_deadline() == pytest.approx(deadline_before + 300)
    run_to_end(machine, clock)
    assert [h.seconds for h in machine.summary.held] == [60, 60]  # pausing lost nothing


def test_skip_goes_to_the_next_boundary_and_counts_only_what_was_held(machine, clock):
    machine.start()
    clock.advance(25)  # 5 s into the first hold
    events = machine.skip()
    assert machine.position() == 50  # the start of the rest
    # A seek announces the segment it lands on and that segment's own cues.
    assert isinstance(events[0], SegmentStarted) and events[0].segment.kind == Kind.REST
    assert events[1:] == []
    clock.advance_to(machine.next_deadline())
    assert [e.cue.text for e in machine.advance()] == ["Rest"]
    events = machine.stop()
    assert machine.summary.completed is False
    assert [(h.side, h.seconds) for h in machine.summary.held] == [("right", 5), ("left", 0)]


def test_back_restarts_the_segment_or_goes_to_the_previous_one(machine, clock):
    machine.start()
    clock.advance(30)  # 10 s into the first hold
    machine.back()
    assert machine.position() == 20  # restart of this hold
    clock.advance(1)
    machine.back()
    assert machine.position() == 0  # within 2 s of the start: to the prepare before it
    events = machine.advance()
    assert events == []  # already announced by back()


def test_back_then_hold_again_never_counts_more_than_the_hold(machine, clock):
    machine.start()
    clock.advance(45)
    machine.back()  # redo the first hold after 25 s of it
    run_to_end(machine, clock)
    assert [h.seconds for h in machine.summary.held] == [60, 60]


def test_a_late_wake_reports_lateness(machine, clock):
    machine.start()
    clock.advance(20.3)
    events = machine.advance()
    hold = next(e for e in events if isinstance(e, SegmentStarted))
    assert hold.late == pytest.approx(0.3)


def test_commands_in_the_wrong_state_do_nothing(machine, clock):
    assert machine.pause() == [] and machine.resume() == [] and machine.skip() == []
    assert machine.stop() == [] and machine.advance() == []
    machine.start()
    assert machine.start() == [] and machine.resume() == []
    machine.stop()
    assert machine.state == State.FINISHED
    assert machine.stop() == [] and machine.pause() == [] and machine.back() == []


def test_skip_and_back_while_paused_take_effect_on_resume(machine, clock):
    machine.start()
    clock.advance(30)
    machine.pause()
    assert machine.skip() == []
    assert machine.position() == 50 and machine.state == State.PAUSED
    clock.advance(100)
    events = machine.resume()
    assert any(isinstance(e, SegmentStarted) and e.segment.start == 50 for e in events)
    assert machine.remaining_in_segment() == 10
