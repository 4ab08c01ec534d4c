import pytest

from stretchtimer.core.cues import BreathingMode, CueKind, CueOptions, plan_cues
from stretchtimer.core.plan import Kind, build_plan
from stretchtimer.core.speech_time import GAP_S
from tests.helpers import make_routine


def cues_in(cues, seg):
    return [c for c in cues if c.segment_index == seg.index]


def rel(cues, seg):
    return [(round(c.offset - seg.start, 3), c.text) for c in cues_in(cues, seg)]


@pytest.fixture
def one_hold():
    plan = build_plan(make_routine(sides="none", reps=1, hold_s=30, prepare_s=20,
                                   cues=["Sit tall and hinge from the hips."]))
    return plan, plan.segments[1]


def test_countdown_lands_exactly_on_the_last_seconds(one_hold):
    plan, hold = one_hold
    cues = plan_cues(plan)
    tail = [(c.offset, c.text) for c in cues_in(cues, hold)][-4:]
    assert tail == [(hold.end - 3, "3"), (hold.end - 2, "2"), (hold.end - 1, "1"),
                    (hold.end, "Release")]


def test_a_hold_says_hold_breathes_gives_a_form_cue_and_halfway(one_hold):
    plan, hold = one_hold
    said = rel(plan_cues(plan), hold)
    assert said[0] == (0, "Hold")
    assert (1.0, "Breathe in") in said and (5.0, "And out") in said
    form = [t for t, text in said if text == "Sit tall and hinge from the hips."]
    assert len(form) == 1 and 6 <= form[0] <= 14  # about a third of 30 s, in a free gap
    half = [t for t, text in said if text == "Halfway"]
    assert len(half) == 1 and 10.5 <= half[0] <= 17


def test_breathing_modes(one_hold):
    plan, hold = one_hold

    def breaths(mode):
        return [text for _, text in rel(plan_cues(plan, CueOptions(mode)), hold)
                if text in ("Breathe in", "And out")]

    assert breaths(BreathingMode.OFF) == []
    assert breaths(BreathingMode.FIRST) == ["Breathe in", "And out"]
    every = breaths(BreathingMode.EVERY)
    assert every[:2] == ["Breathe in", "And out"] and len(every) >= 4


def test_no_halfway_in_holds_under_20_s():
    plan = build_plan(make_routine(sides="none", reps=1, hold_s=19, hold_levels_s=[19]))
    assert not [c for c in plan_cues(plan) if c.kind == CueKind.HALFWAY]


def test_countdown_off_keeps_the_release():
    plan = build_plan(make_routine(sides="none", reps=1))
    cues = plan_cues(plan, CueOptions(countdown=False))
    assert not [c for c in cues if c.kind == CueKind.COUNT]
    assert [c.offset for c in cues if c.kind == CueKind.RELEASE] == [plan.segments[1].end]


def test_switch_is_said_right_after_the_release():
    plan = build_plan(make_routine(sides="left_right", reps=1, switch_s=6))
    switch = next(s for s in plan.segments if s.kind == Kind.SWITCH)
    (cue,) = cues_in(plan_cues(plan), switch)
    assert cue.text == "Switch to your left side"
    release = next(c for c in plan_cues(plan) if c.kind == CueKind.RELEASE)
    assert cue.offset == pytest.approx(release.end + GAP_S)


def test_prepare_names_the_stretch_then_setup_then_safety():
    routine = make_routine()
    plan = build_plan(routine)
    said = [text for _, text in rel(plan_cues(plan), plan.segments[0])]
    assert said == ["Seated hamstring stretch", *routine.exercises[0].setup, routine.safety[0]]


def test_next_exercise_and_closing_line(routine_data):
    from stretchtimer.core.routine import validate

    second = dict(routine_data["exercises"][0], id="second", name="Wall stretch")
    routine_data["exercises"].append(second)
    routine_data["closing"] = "All done."
    routine, _ = validate(routine_data)
    plan = build_plan(routine)
    cues = plan_cues(plan)
    nxt = next(s for s in plan.segments if s.kind == Kind.NEXT)
    assert cues_in(cues, nxt)[0].text == "Next: Wall stretch"
    assert cues[-1].text == "All done." and cues[-1].kind == CueKind.CLOSING


def test_rest_cue_and_custom_start_and_end_cues():
    plan = build_plan(make_routine(sides="none", reps=2, rest_s=10, start_cue="Lift and hold",
                                   end_cue="Foot down", rest_cue="Rest a moment"))
    texts = [c.text for c in plan_cues(plan)]
    assert texts.count("Lift and hold") == 2 and texts.count("Foot down") == 2
    assert "Rest a moment" in texts


def test_a_long_start_cue_after_a_zero_rest_moves_instead_of_overlapping():
    plan = build_plan(make_routine(sides="none", reps=2, rest_s=0, hold_s=10,
                                   hold_levels_s=[10]))
    cues = plan_cues(plan)
    second_hold = [s for s in plan.segments if s.kind == Kind.HOLD][1]
    start = next(c for c in cues_in(cues, second_hold) if c.kind == CueKind.HOLD)
    assert start.offset > second_hold.start  # after the release said at the same instant
    for a, b in zip(cues, cues[1:]):
        assert a.end + GAP_S <= b.offset + 1e-9
