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
    assert cue.text == "Now the left side"
    release = next(c for c in plan_cues(plan) if c.kind == CueKind.RELEASE)
    assert cue.offset == pytest.approx(release.end + GAP_S)


def test_prepare_names_the_stretch_then_the_stop_rule_then_setup():
    routine = make_routine()
    plan = build_plan(routine)
    said = [text for _, text in rel(plan_cues(plan), plan.segments[0])]
    assert said == ["Seated hamstring stretch", routine.safety[0], *routine.exercises[0].setup]


def test_a_routine_without_safety_lines_still_says_the_stop_rule(routine_data):
    from stretchtimer.core.phrases import ENGLISH
    from stretchtimer.core.routine import validate

    routine_data["safety"] = []
    routine, _ = validate(routine_data)
    plan = build_plan(routine)
    safety = [c for c in plan_cues(plan) if c.kind == CueKind.SAFETY]
    assert [c.text for c in safety] == [ENGLISH.stop_rule]
    assert safety[0].end <= plan.segments[1].start


def test_breath_cues_are_said_on_the_pacer_even_when_a_form_cue_wants_that_moment():
    # A form cue a third into a 30 s hold used to push "Breathe in" out of the hold.
    plan = build_plan(make_routine(sides="none", reps=1, hold_s=30, cues=[
        "Sit tall and hinge from the hips, not by rounding your back at all."]))
    hold = plan.segments[1]
    cues = cues_in(plan_cues(plan), hold)
    from stretchtimer.core.plan import breath_phases

    for start, name, _ in breath_phases(plan, hold):
        kind = CueKind.BREATHE_IN if name == "in" else CueKind.BREATHE_OUT
        assert any(c.kind == kind and c.offset == pytest.approx(start) for c in cues), start
    assert [c for c in cues if c.kind == CueKind.FORM]  # it found a gap (a long out-breath)


def test_form_cues_take_turns_so_each_is_heard_on_each_side():
    plan = build_plan(make_routine(sides="left_right", side_order="alternate", reps=2,
                                   cues=["Chest tall.", "Relax your foot."]))
    cues = plan_cues(plan)
    heard = {(plan.segments[c.segment_index].side, c.text) for c in cues if c.kind == CueKind.FORM}
    assert heard == {(side, text) for side in ("right", "left")
                     for text in ("Chest tall.", "Relax your foot.")}
    one_rep = build_plan(make_routine(sides="left_right", reps=1,
                                      cues=["Chest tall.", "Relax your foot."]))
    said = {c.text for c in plan_cues(one_rep) if c.kind == CueKind.FORM}
    assert said == {"Chest tall.", "Relax your foot."}  # one hold a side: one each


def test_one_long_hold_says_every_form_cue():
    plan = build_plan(make_routine(sides="none", reps=1, hold_s=60, hold_levels_s=[60],
                                   cues=["Chest tall.", "Relax your foot.", "Soft shoulders."]))
    said = [c.text for c in plan_cues(plan) if c.kind == CueKind.FORM]
    assert sorted(said) == ["Chest tall.", "Relax your foot.", "Soft shoulders."]


def test_safety_cues_are_said_in_every_hold():
    plan = build_plan(make_routine(sides="left_right", reps=2, safety_cues=[
        "Tingling that stays? Stop."], cues=["Chest tall."]))
    cues = plan_cues(plan)
    for hold in (s for s in plan.segments if s.kind == Kind.HOLD):
        assert "Tingling that stays? Stop." in [c.text for c in cues_in(cues, hold)]


def test_a_cue_that_does_not_fit_is_said_shorter_by_its_first_sentence():
    long = ("Keep the bottom of your pelvis down. Let the leg come toward you only as far as "
            "a mild stretch allows, and no further than that today.")
    plan = build_plan(make_routine(sides="none", reps=1, hold_s=12, hold_levels_s=[12],
                                   breathing={"in_s": 4, "out_s": 4}, cues=[long]))
    said = [c.text for c in plan_cues(plan) if c.kind == CueKind.FORM]
    assert said == ["Keep the bottom of your pelvis down."]


def test_switch_setup_is_said_with_the_sides_filled_in_then_quiet():
    plan = build_plan(make_routine(sides="left_right", side_order="alternate", reps=2,
                                   side_label="leg", settle_s=5, switch_setup=[
                                       "Bend your {other} leg back and stretch out the {side} one."]))
    cues = plan_cues(plan)
    switches = [s for s in plan.segments if s.kind == Kind.SWITCH]
    assert [[c.text for c in cues_in(cues, s)] for s in switches] == [
        ["Now the left leg", "Bend your right leg back and stretch out the left one."],
        ["Now the right leg", "Bend your left leg back and stretch out the right one."],
        ["Now the left leg", "Bend your right leg back and stretch out the left one."]]
    for s in switches:
        assert cues_in(cues, s)[-1].end <= s.end - 5


def test_a_ready_cue_comes_near_the_end_of_a_rest_leaving_the_settle_time():
    plan = build_plan(make_routine(sides="none", reps=2, rest_s=15, settle_s=4,
                                   rest_cue="Foot down and rest", ready_cue="Slowly lift the leg"))
    rest = next(s for s in plan.segments if s.kind == Kind.REST)
    said = cues_in(plan_cues(plan), rest)
    assert [c.text for c in said] == ["Foot down and rest", "Slowly lift the leg"]
    assert said[1].end == pytest.approx(rest.end - 4) and said[1].offset > said[0].end + 5


def test_breathing_exercises_can_leave_out_halfway_and_the_countdown():
    plan = build_plan(make_routine(sides="none", reps=1, hold_s=30, halfway=False,
                                   countdown=False))
    kinds = {c.kind for c in plan_cues(plan)}
    assert CueKind.HALFWAY not in kinds and CueKind.COUNT not in kinds
    assert CueKind.RELEASE in kinds


def test_an_exercises_own_halfway_words_are_never_dropped():
    plan = build_plan(make_routine(sides="none", reps=1, hold_s=20, hold_levels_s=[20],
                                   halfway_cue="Halfway. Turn around and walk back.",
                                   cues=["Walk at an easy pace and let your arms swing."]))
    said = [c for c in plan_cues(plan) if c.kind == CueKind.HALFWAY]
    assert [c.text for c in said] == ["Halfway. Turn around and walk back."]


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
