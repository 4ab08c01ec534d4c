"""Following a routine by ear: the checks of core/guidance.py hold for every built-in
routine at every hold level, breathing every and first, at 110, 170 and 250 words a
minute; and each check can fail."""

from dataclasses import replace

import pytest

from stretchtimer.core.cues import BreathingMode, CueKind, CueOptions, plan_cues
from stretchtimer.core.guidance import RATES_WPM, check_plan, check_routine, is_stop_rule
from stretchtimer.core.plan import Kind, build_plan
from stretchtimer.storage.routines import load_routines
from tests.helpers import make_routine

LIBRARY = load_routines(None)
CASES = [(r, level, rate, mode) for r in LIBRARY.routines.values()
         for level in range(max(len(ex.levels) for ex in r.exercises) or 1)
         for rate in RATES_WPM for mode in (BreathingMode.EVERY, BreathingMode.FIRST)]


@pytest.mark.parametrize("routine, level, rate, mode", CASES,
                         ids=[f"{r.id}-level{lv + 1}-{rate}wpm-{m.value}"
                              for r, lv, rate, m in CASES])
def test_every_builtin_can_be_followed_with_eyes_closed(routine, level, rate, mode):
    plan = build_plan(routine, {ex.id: level for ex in routine.exercises}, rate_wpm=rate)
    cues = plan_cues(plan, CueOptions(mode))
    assert check_plan(plan, cues, mode) == []
    # and what that means, spelled out for the first hold
    first = next(s for s in plan.segments if s.kind == Kind.HOLD)
    safety = [c for c in cues if c.kind == CueKind.SAFETY]
    assert len(safety) == 1 and safety[0].end < first.start and is_stop_rule(safety[0].text)


def test_check_routine_is_clean_for_every_builtin():
    assert {r.id: check_routine(r) for r in LIBRARY.routines.values()} == \
        {r.id: [] for r in LIBRARY.routines.values()}


def plan_and_cues(mode=BreathingMode.EVERY, **changes):
    plan = build_plan(make_routine(**changes))
    return plan, plan_cues(plan, CueOptions(mode))


def test_a_breath_cue_missing_or_late_is_found():
    plan, cues = plan_and_cues(sides="none", reps=1)
    breaths = [c for c in cues if c.kind == CueKind.BREATHE_IN]
    assert check_plan(plan, cues, BreathingMode.EVERY) == []
    without = [c for c in cues if c is not breaths[1]]
    assert check_plan(plan, without, BreathingMode.EVERY) == [
        "Seated hamstring stretch: a breath (in) is not said when the pacer shows it"]
    late = [replace(c, offset=c.offset + 0.5) if c is breaths[0] else c for c in cues]
    assert len(check_plan(plan, late, BreathingMode.EVERY)) == 1
    # with breathing "first" only the first in and out of each hold are owed
    first_only = plan_cues(plan, CueOptions(BreathingMode.FIRST))
    assert check_plan(plan, first_only, BreathingMode.FIRST) == []
    assert check_plan(plan, first_only, BreathingMode.EVERY) != []


def test_a_routine_whose_spoken_safety_line_is_no_stop_rule_is_found(routine_data):
    from stretchtimer.core.routine import validate

    routine_data["safety"] = ["Enjoy the stretch."]
    routine_data["exercises"][0]["switch_setup"] = ["Other leg now: the {side} one."]
    routine, _ = validate(routine_data)
    assert check_routine(routine) == [
        "no stop rule is said before the first hold: make the first safety line say mild "
        "tension only and stop on tingling, numbness or sharp pain"]
    assert is_stop_rule("Mild tension only. Stop if you feel tingling, numbness or sharp pain.")
    assert is_stop_rule("Hör auf, wenn du Kribbeln spürst.")
    assert not is_stop_rule("Stop when you hear the chime.")


def test_too_little_quiet_before_a_hold_is_found():
    plan, cues = plan_and_cues(settle_s=6)
    assert check_plan(plan, cues, BreathingMode.EVERY) == [
        "Seated hamstring stretch: the side change only says \"Now the left side\"; add "
        "switch_setup lines that say how to get onto the other side"]
    hold = next(s for s in plan.segments if s.kind == Kind.HOLD)
    last = max((c for c in cues if c.end <= hold.start), key=lambda c: c.end)
    crowded = [replace(c, offset=hold.start - c.duration - 1) if c is last else c for c in cues]
    assert "Seated hamstring stretch: less than 6 s of quiet to get into position before a " \
           "hold" in check_plan(plan, crowded, BreathingMode.EVERY)


def test_a_cue_that_never_fits_and_a_safety_cue_missing_from_a_hold_are_found():
    long = ("Keep your pelvis down and your back long and let the leg come up slowly, only "
            "as far as is comfortable for you today.")
    plan, cues = plan_and_cues(sides="none", reps=2, hold_s=10, hold_levels_s=[10], cues=[long],
                               safety_cues=["Tingling that does not ease when you relax the "
                                            "foot means stop and check with a clinician."])
    found = check_plan(plan, cues, BreathingMode.EVERY)
    assert any("never said" in f and long in f for f in found), found
    assert any("safety cue" in f and "does not fit in every hold" in f for f in found), found


def test_check_routine_names_the_cases_a_finding_happens_in():
    routine = make_routine(sides="none", reps=1, hold_s=20,
                           cues=["Sit tall, chest up, and let the shoulders drop away from "
                                 "the ears."])
    found = check_routine(routine)
    assert len(found) == 1 and "(at 110 wpm, breathing every" in found[0], found
