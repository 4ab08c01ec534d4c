"""Properties over generated valid routines and random command sequences (FakeClock)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from stretchtimer.core.clock import FakeClock
from stretchtimer.core.cues import (
    COUNTDOWN,
    BreathingMode,
    CueKind,
    CueOptions,
    first_sentence,
    plan_cues,
)
from stretchtimer.core.guidance import check_plan, is_stop_rule
from stretchtimer.core.plan import Kind, build_plan
from stretchtimer.core.routine import validate
from stretchtimer.core.session import SessionMachine, State
from stretchtimer.core.speech_time import GAP_S, MAX_RATE_WPM, MIN_RATE_WPM

words = st.lists(st.sampled_from(["sit", "tall", "lean", "gently", "knee", "breathe", "slowly",
                                  "hip", "keep", "your", "back", "long"]), min_size=1, max_size=12)
line = words.map(lambda w: " ".join(w).capitalize() + ".")


@st.composite
def exercise(draw, index):
    ex = {
        "id": f"ex-{index}",
        "name": draw(words.map(lambda w: " ".join(w[:5]).title())),
        "setup": draw(st.lists(line, min_size=1, max_size=3)),
        "cues": draw(st.lists(line, max_size=2)),
        "sides": draw(st.sampled_from(["left_right", "both", "none"])),
        "side_order": draw(st.sampled_from(["block", "alternate"])),
        "reps": draw(st.integers(1, 4)),
        "hold_s": draw(st.integers(5, 120)),
        "rest_s": draw(st.integers(0, 20)),
        "prepare_s": draw(st.integers(3, 20)),
        "switch_s": draw(st.integers(2, 12)),
        "breathing": draw(st.none() | st.fixed_dictionaries(
            {"in_s": st.integers(2, 10), "out_s": st.integers(2, 12)})),
        "source": "generated",
    }
    if draw(st.booleans()):
        ex["start_cue"] = draw(words.map(lambda w: " ".join(w[:6]).capitalize()))
    # the guidance fields, each sometimes
    optional = {
        "safety_cues": st.lists(line, max_size=2),
        "switch_setup": st.lists(line.map(lambda t: t[:-1] + " on the {side} side."),
                                 min_size=1, max_size=2),
        "side_label": st.sampled_from(["side", "leg", "foot", "hip", "arm"]),
        "settle_s": st.integers(0, 10),
        "halfway": st.booleans(),
        "countdown": st.booleans(),
        "ready_cue": line,
        "halfway_cue": words.map(lambda w: " ".join(w[:4]).capitalize() + "."),
    }
    for key, strategy in optional.items():
        if draw(st.booleans()):
            ex[key] = draw(strategy)
    return ex


@st.composite
def routines(draw):
    count = draw(st.integers(1, 3))
    stop_rules = st.sampled_from(["Stop if you feel tingling or numbness.",
                                  "Mild tension only. Stop on sharp pain."])
    data = {"schema_version": 1, "id": "generated", "name": "Generated", "summary": "x",
            "position": "standing",
            "safety": draw(st.lists(stop_rules, max_size=1) | st.lists(line, max_size=1)),
            "exercises": [draw(exercise(i)) for i in range(count)]}
    routine, problems = validate(data)
    assert not problems, problems
    return routine


options = st.builds(CueOptions, st.sampled_from(list(BreathingMode)), st.booleans())
rates = st.integers(MIN_RATE_WPM, MAX_RATE_WPM)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(routines(), options, rates)
def test_cues_are_ordered_never_overlap_and_the_countdown_is_exact(routine, opts, rate):
    plan = build_plan(routine, rate_wpm=rate)
    # segments are contiguous and add up to the total
    assert plan.segments[0].start == 0
    for a, b in zip(plan.segments, plan.segments[1:]):
        assert a.end == b.start
    assert sum(s.length for s in plan.segments) == plan.total

    cues = plan_cues(plan, opts)
    for a, b in zip(cues, cues[1:]):
        assert a.offset <= b.offset
        assert a.end + GAP_S <= b.offset + 1e-9, (a, b)

    for seg in plan.segments:
        mine = {(c.offset, c.text) for c in cues if c.segment_index == seg.index}
        ex = plan.exercise(seg)
        if seg.kind == Kind.HOLD:
            assert (seg.end, ex.end_cue) in mine  # release exactly at the end
            if opts.countdown and ex.countdown:
                for i, word in enumerate(COUNTDOWN):
                    assert (seg.end - 3 + i, word) in mine
        if seg.kind == Kind.SWITCH:  # a side switch is never dropped
            assert any(c.kind == CueKind.SWITCH for c in cues if c.segment_index == seg.index)
        if seg.kind in (Kind.PREPARE, Kind.NEXT):  # the intro always fits
            said = [c for c in cues if c.segment_index == seg.index]
            assert len([c for c in said if c.kind == CueKind.SETUP]) == len(ex.setup)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(routines(), options, rates)
def test_breath_stop_rule_quiet_and_side_changes_hold_for_any_routine(routine, opts, rate):
    """What guidance promises for every routine: every paced breath said on the pacer, the
    stop rule before the first hold, settle_s of quiet before each hold that follows a
    non-hold part, the side change's own lines said; and any form or safety cue that is
    not said is reported, never dropped silently."""
    plan = build_plan(routine, rate_wpm=rate)
    cues = plan_cues(plan, opts)
    found = check_plan(plan, cues, opts.breathing)
    assert not [f for f in found if "a breath (" in f or "of quiet" in f
                or "not every setup line" in f], found
    if not routine.safety or is_stop_rule(routine.safety[0]):
        assert not [f for f in found if "stop rule" in f], found
    for seg in plan.segments:
        ex = plan.exercise(seg)
        if seg.kind == Kind.SWITCH and ex.switch_setup:
            said = [c.text for c in cues if c.segment_index == seg.index]
            assert len(said) == 1 + len(ex.switch_setup) and "{" not in " ".join(said)
    for i, ex in enumerate(plan.routine.exercises):
        said = {c.text for c in cues if plan.segments[c.segment_index].exercise_index == i}
        for text in ex.cues:
            heard = text in said or first_sentence(text) in said
            assert heard or any(text in f and "never said" in f for f in found), (text, found)
        holds = [s for s in plan.segments if s.kind == Kind.HOLD and s.exercise_index == i]
        for text in ex.safety_cues:
            everywhere = all({text, first_sentence(text)} & {c.text for c in cues
                                                            if c.segment_index == h.index}
                             for h in holds)
            assert everywhere or any(text in f for f in found), (text, found)


commands = st.lists(st.tuples(st.sampled_from(["wait", "pause", "resume", "skip", "back", "stop"]),
                              st.floats(0, 40, allow_nan=False)), max_size=25)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(routines(), commands)
def test_random_commands_keep_the_machine_honest(routine, script):
    clock = FakeClock()
    plan = build_plan(routine)
    machine = SessionMachine(plan, clock, plan_cues(plan))
    machine.start()
    boundaries = {s.start for s in plan.segments}
    for op, dt in script:
        clock.advance(dt)
        if op == "wait":
            machine.advance()
        elif op == "pause":
            before = machine.remaining_in_segment()
            was_running = machine.state == State.RUNNING
            machine.pause()
            if was_running and machine.state == State.PAUSED:
                clock.advance(dt + 1)
                assert abs(machine.remaining_in_segment() - before) < 1e-9
                machine.resume()
                assert abs(machine.remaining_in_segment() - before) < 1e-9
        elif op == "resume":
            machine.resume()
        elif op in ("skip", "back"):
            was_active = machine.state in (State.RUNNING, State.PAUSED)
            getattr(machine, op)()
            if was_active and machine.state != State.FINISHED:
                assert machine.position() in boundaries
        elif op == "stop":
            machine.stop()
        machine.advance()  # once caught up, the next deadline is never in the past
        deadline = machine.next_deadline()
        assert deadline is None or deadline > clock.monotonic() - 1e-6
    machine.stop()
    if machine.summary is None:  # stopped while idle cannot happen: it was started
        raise AssertionError("no summary after stop")
    for index, seconds in machine.held_per_hold().items():
        hold = plan.segments[index]
        assert hold.kind == Kind.HOLD and 0 < seconds <= hold.length + 1e-6
    for held in machine.summary.held:
        ex = next(e for e in routine.exercises if e.id == held.exercise_id)
        assert 0 <= held.seconds <= ex.hold_s * ex.reps + 1e-6


@settings(max_examples=100, deadline=None)
@given(routines(), st.lists(st.floats(0.01, 30, allow_nan=False), min_size=1, max_size=50))
def test_cues_come_once_each_in_order_however_the_clock_is_sampled(routine, steps):
    clock = FakeClock()
    plan = build_plan(routine)
    machine = SessionMachine(plan, clock, plan_cues(plan))
    emitted = [e.cue for e in machine.start() if hasattr(e, "cue")]
    for dt in steps:
        clock.advance(dt)
        emitted += [e.cue for e in machine.advance() if hasattr(e, "cue")]
    due = [c for c in machine.cues if c.offset <= machine.position() + 1e-6]
    assert emitted == due
