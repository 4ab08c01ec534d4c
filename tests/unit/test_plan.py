import pytest

from stretchtimer.core.plan import (
    BREATH_LEAD_S,
    Kind,
    breath_phases,
    build_plan,
    fitted_length,
    format_clock,
)
from stretchtimer.core.routine import Side
from stretchtimer.core.speech_time import GAP_S, spoken_length
from tests.helpers import make_routine

R, L = Side.RIGHT, Side.LEFT


def kinds_sides(plan):
    assert all(s.side is None or type(s.side) is Side for s in plan.segments)
    return [(s.kind.value, s.side, s.rep) for s in plan.segments]


def test_block_order_does_every_rep_on_one_side_first():
    plan = build_plan(make_routine(sides="left_right", side_order="block", reps=2))
    assert kinds_sides(plan) == [
        ("prepare", R, 1), ("hold", R, 1), ("rest", R, 2), ("hold", R, 2),
        ("switch", L, 1), ("hold", L, 1), ("rest", L, 2), ("hold", L, 2),
        ("done", None, 0)]


def test_alternate_order_switches_between_every_hold():
    plan = build_plan(make_routine(sides="left_right", side_order="alternate", reps=2))
    assert kinds_sides(plan) == [
        ("prepare", R, 1), ("hold", R, 1), ("switch", L, 1), ("hold", L, 1),
        ("switch", R, 2), ("hold", R, 2), ("switch", L, 2), ("hold", L, 2),
        ("done", None, 0)]


def test_no_sides_rests_between_reps_and_zero_rest_is_left_out():
    plan = build_plan(make_routine(sides="none", reps=3, rest_s=5))
    assert [s.kind.value for s in plan.segments] == [
        "prepare", "hold", "rest", "hold", "rest", "hold", "done"]
    plan = build_plan(make_routine(sides="both", reps=2, rest_s=0))
    assert [s.kind.value for s in plan.segments] == ["prepare", "hold", "hold", "done"]


def test_offsets_are_exact_and_contiguous():
    plan = build_plan(make_routine(reps=2, hold_s=30, rest_s=10, switch_s=6, prepare_s=20))
    starts = [s.start for s in plan.segments]
    assert starts == [0, 20, 50, 60, 90, 96, 126, 136, 166]
    assert plan.total == 166 == sum(s.length for s in plan.segments)


def test_the_level_chosen_sets_the_hold_used():
    routine = make_routine(hold_s=20, hold_levels_s=[20, 30], sides="none", reps=1)
    plan = build_plan(routine, levels={"seated-hamstring": 1})
    assert [s.length for s in plan.segments if s.kind == Kind.HOLD] == [30]
    assert plan.holds_s == (30,)
    assert build_plan(routine).holds_s == (20,)  # unnamed: where hold_s is


def test_a_level_can_change_the_setup_lines():
    routine = make_routine(hold_s=15, sides="left_right", reps=1, hold_levels_s=..., levels=[
        {"hold_s": 15}, {"hold_s": 30, "name": "Closer grip", "setup": ["Hold the towel closer."],
                         "switch_setup": ["Move the towel to your {side} thigh."]}])
    plan = build_plan(routine, levels={"seated-hamstring": 1})
    ex = plan.routine.exercises[0]
    assert ex.setup == ("Hold the towel closer.",) and plan.holds_s == (30,)
    assert plan.level_names == ("Closer grip",) and build_plan(routine).level_names == ("",)
    assert ex.switch_setup == ("Move the towel to your {side} thigh.",)
    assert build_plan(routine).routine.exercises[0].setup == routine.exercises[0].setup
    assert build_plan(routine, levels={"seated-hamstring": 9}).holds_s == (30,)  # clamped


def test_settle_time_is_quiet_before_the_hold_and_switches_grow_to_fit_their_lines():
    routine = make_routine(prepare_s=3, settle_s=8, sides="left_right", reps=1, switch_s=2,
                           switch_setup=["Put your {other} foot down and lift the {side} one."])
    plan = build_plan(routine)
    prepare, _, switch, *_ = plan.segments
    said = [routine.exercises[0].name, routine.safety[0], *routine.exercises[0].setup]
    assert prepare.length >= sum(plan.say_time(t) + GAP_S for t in said) + 8
    lines = ["Release", "Now the left side", "Put your right foot down and lift the left one."]
    assert switch.kind == Kind.SWITCH
    assert switch.length >= sum(plan.say_time(t) + GAP_S for t in lines) + 8


def test_prepare_grows_until_the_intro_fits_the_voice_rate():
    long_setup = ["Sit on the very front edge of a sturdy chair with both feet flat."] * 3
    routine = make_routine(prepare_s=3, setup=long_setup)
    fast, slow = build_plan(routine, rate_wpm=300), build_plan(routine, rate_wpm=110)
    assert 3 < fast.segments[0].length < slow.segments[0].length
    needed = sum(spoken_length(t, 110) + GAP_S for t in
                 [routine.exercises[0].name, *long_setup, routine.safety[0]])
    assert slow.segments[0].length >= needed + routine.exercises[0].settle_s
    assert fitted_length(60, ["Sit."], lambda t: 1.0) == 60  # a longer least time is kept
    assert fitted_length(3, ["Sit.", "Stand."], lambda t: 1.0, "Release", 3) == 7


def test_measured_lengths_of_rendered_phrases_replace_the_estimate():
    routine = make_routine(prepare_s=3, setup=["Sit down."])
    estimated = build_plan(routine)
    slow_line = {"Sit down.": 9.0}  # this voice takes far longer than the estimate
    measured = build_plan(routine, measured=slow_line)
    assert measured.segments[0].length >= estimated.segments[0].length + 8
    assert measured.say_time("Sit down.") == 9.0
    assert measured.say_time("Hold") == estimated.say_time("Hold")  # others: estimate


def test_rate_outside_the_voice_range_is_refused():
    with pytest.raises(ValueError, match="rate_wpm"):
        build_plan(make_routine(), rate_wpm=20)


def test_breath_phases_follow_the_breathing_seconds():
    plan = build_plan(make_routine(sides="none", reps=1, hold_s=20,
                                   breathing={"in_s": 4, "out_s": 6}))
    hold = plan.segments[1]
    phases = breath_phases(plan, hold)
    # the pacer stops where the countdown starts (3 s before the end)
    assert [(round(t - hold.start, 3), name, length) for t, name, length in phases] == [
        (BREATH_LEAD_S, "in", 4), (5, "out", 6), (11, "in", 4), (15, "out", 2)]
    assert breath_phases(plan, plan.segments[0]) == []  # none outside holds


def test_breath_phases_start_after_a_long_start_cue_and_run_to_the_end_without_countdown():
    plan = build_plan(make_routine(sides="none", reps=1, hold_s=20, countdown=False,
                                   start_cue="Lift the leg slowly and hold it there",
                                   breathing={"in_s": 4, "out_s": 6}))
    hold = plan.segments[1]
    first, *_, last = breath_phases(plan, hold)
    assert first[0] == pytest.approx(
        hold.start + plan.say_time("Lift the leg slowly and hold it there") + GAP_S)
    assert last[0] + last[2] <= hold.end and last[0] + plan.say_time("And out") + GAP_S <= hold.end


def test_segment_at_and_clock_format():
    plan = build_plan(make_routine(sides="none", reps=1, hold_s=30, prepare_s=20))
    assert plan.segment_at(0).kind == Kind.PREPARE
    assert plan.segment_at(20).kind == Kind.HOLD  # a boundary belongs to the segment it starts
    assert plan.segment_at(plan.total).kind == Kind.DONE
    assert format_clock(156) == "2:36" and format_clock(59.6) == "1:00"


def test_the_screen_shows_how_to_be_in_position_on_each_side():
    from stretchtimer.core.plan import position_lines

    routine = make_routine(sides="left_right", side_order="alternate", reps=2,
                           switch_setup=["Bend your {other} knee.", "Straighten the {side} leg."])
    plan = build_plan(routine)
    holds = [s for s in plan.segments if s.kind == Kind.HOLD]
    assert position_lines(plan, plan.segments[0]) == list(routine.exercises[0].setup)
    assert position_lines(plan, holds[0]) == list(routine.exercises[0].setup)
    assert position_lines(plan, holds[1]) == ["Bend your right knee.", "Straighten the left leg."]
    assert position_lines(plan, holds[2]) == ["Bend your left knee.", "Straighten the right leg."]
    plain = build_plan(make_routine(sides="left_right", reps=1))
    second = [s for s in plain.segments if s.kind == Kind.HOLD][1]
    assert position_lines(plain, second) == list(plain.routine.exercises[0].setup)
