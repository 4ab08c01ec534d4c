"""The shipped routines: they load, their doses stay inside their sources' ranges, they
are gentle, and everything they ask the user to do is actually said."""

import re

import pytest

from stretchtimer.core.cues import BreathingMode, CueKind, CueOptions, plan_cues
from stretchtimer.core.plan import Kind, build_plan
from stretchtimer.resources import assets
from stretchtimer.storage.routines import load_routines

LIBRARY = load_routines(None)
ROUTINES = list(LIBRARY.routines.values())

# exercise id -> (hold seconds lo, hi, reps lo, hi), from ../shared/PROTOCOL.md and the seeds
DOSES = {
    "standing-hamstring": (20, 30, 1, 2),  # E8: 20-30 s
    "desk-hip-flexor": (15, 30, 1, 2),  # E7: seed 002 15 s; office form 20-30 s
    "seated-hamstring": (10, 30, 1, 2),  # E2: seed 002 30 s a side; 2 rounds
    "towel-hamstring": (5, 30, 2, 3),  # E1 / seed 000: 5-30 s, 2-3 reps a side
    "wall-hamstring": (10, 30, 1, 2),  # E3: 30 s x2
    "runners-lunge": (15, 30, 1, 2),  # E7 / seed 002: 15 s; progression ceiling 30 s
    "foot-ball-roll": (20, 60, 1, 1),  # E6: 20-30 s on a spot, 60 s a foot
    "belly-breathing": (30, 60, 1, 1),  # E10 / R-D: 6 breaths in 60 s
    "seated-brace": (10, 10, 3, 5),  # E10: brace 5 x 10 s; 3 as a short tail after a stretch
    "lying-brace": (10, 10, 4, 5),
    "standing-breaths": (20, 30, 1, 1),  # 2-3 paced breaths
    "seated-breaths": (20, 30, 1, 1),
    "calm-breaths": (20, 30, 1, 1),
    "easy-lap": (60, 120, 1, 1),  # R-G walk break 60-120 s
    "step-hamstring": (20, 30, 1, 2),  # E8 (seed 002's leg propped on a step): 20-30 s
    "band-hamstring": (10, 30, 1, 2),  # E3 (seed 002's vertical stretch with a band): 30 s x2
}

BANNED = re.compile(r"through the pain|tolerate the pain|push through|no pain,? no gain|"
                    r"as far as you can|(?<!no )(?<!don't )bounc", re.I)


def test_the_seven_default_routines_are_shipped_and_load_cleanly():
    assert LIBRARY.errors == []
    assert set(LIBRARY.routines) >= {"desk-micro", "chair-hamstrings", "towel-hamstring-beginner",
                                     "breathe-stabilise", "foot-roll", "evening-floor",
                                     "walk-break"}
    files = sorted(p.name for p in (assets() / "routines").iterdir())
    assert len(files) == len(ROUTINES)


@pytest.mark.parametrize("routine", ROUTINES, ids=lambda r: r.id)
def test_segments_add_up_to_the_total(routine):
    plan = build_plan(routine)
    assert sum(s.length for s in plan.segments) == plan.total
    assert all(a.end == b.start for a, b in zip(plan.segments, plan.segments[1:]))


@pytest.mark.parametrize("routine", ROUTINES, ids=lambda r: r.id)
def test_doses_stay_inside_their_sources(routine):
    for ex in routine.exercises:
        lo, hi, reps_lo, reps_hi = DOSES[ex.id]
        for hold in (ex.hold_s, *ex.hold_levels_s):
            assert lo <= hold <= hi, (ex.id, hold)
        assert reps_lo <= ex.reps <= reps_hi, (ex.id, ex.reps)
        assert re.search(r"seed 00[012]", ex.source), ex.source
        if ex.breathing:  # about 6 breaths a minute (4.5-7.5), or 4/4 for beginners
            assert 8 <= ex.breathing.in_s + ex.breathing.out_s <= 13


@pytest.mark.parametrize("routine", ROUTINES, ids=lambda r: r.id)
def test_routines_are_gentle_and_carry_their_safety_lines(routine):
    assert routine.safety, "every routine carries safety lines"
    assert any(re.search(r"tingling|numbness|dizzy|unwell", s) for s in routine.safety)
    texts = [routine.summary, routine.closing, *routine.safety]
    for ex in routine.exercises:
        texts += [ex.name, *ex.setup, *ex.cues, ex.start_cue, ex.end_cue, ex.rest_cue]
    for text in texts:
        assert not BANNED.search(text), text
        assert len(text) <= 110, f"too long to say comfortably: {text}"


@pytest.mark.parametrize("mode", list(BreathingMode))
@pytest.mark.parametrize("routine", ROUTINES, ids=lambda r: r.id)
def test_everything_the_user_must_hear_is_said(routine, mode):
    plan = build_plan(routine)
    cues = plan_cues(plan, CueOptions(mode))
    for seg in plan.segments:
        ex = plan.exercise(seg)
        said = [c for c in cues if c.segment_index == seg.index]
        kinds = [c.kind for c in said]
        if seg.kind in (Kind.PREPARE, Kind.NEXT):
            assert kinds.count(CueKind.SETUP) == len(ex.setup)
        if seg.kind == Kind.PREPARE:
            assert CueKind.SAFETY in kinds and CueKind.NAME in kinds
        if seg.kind == Kind.HOLD:
            assert CueKind.HOLD in kinds
            if ex.cues:
                assert CueKind.FORM in kinds
            if ex.breathing and mode != BreathingMode.OFF:
                assert CueKind.BREATHE_IN in kinds
        if seg.kind == Kind.SWITCH:
            assert CueKind.SWITCH in kinds


def test_desk_micro_break_is_the_short_standing_no_kit_default():
    r = LIBRARY.get("desk-micro")
    assert r.position == "standing" and r.equipment == ()
    for level in range(2):  # near 3 minutes at every hold level
        assert 150 <= build_plan(r, {ex.id: level for ex in r.exercises}).total <= 210


def test_towel_routine_follows_the_000_seed_protocol():
    (ex,) = LIBRARY.get("towel-hamstring-beginner").exercises
    assert ex.sides == "left_right" and ex.side_order == "block"  # one leg, then the other
    assert 2 <= ex.reps <= 3 and ex.hold_levels_s == (15, 20, 30, 30, 30)
    # the seed's grip ladder: near the ends, closer to the leg, hands behind the thigh
    assert [lv.name for lv in ex.levels[3:]] == ["Grip closer to the leg",
                                                 "Hands behind the thigh, no towel"]
    assert "towel" not in " ".join(ex.levels[4].setup[1:]).lower()
    assert ex.rest_s >= 10  # foot back down between reps
    plan = build_plan(LIBRARY.get("towel-hamstring-beginner"))
    order = [(s.kind.value, s.side) for s in plan.segments if s.kind in (Kind.HOLD, Kind.SWITCH)]
    assert order == [("hold", "right")] * 3 + [("switch", "left")] + [("hold", "left")] * 3


# Exercises that begin with a change of position (standing to the floor, lunge to lying):
# at least 8 s of quiet after their last setup line (issue 13).
POSITION_CHANGES = {"towel-hamstring", "runners-lunge", "wall-hamstring", "lying-brace",
                    "band-hamstring"}


def test_time_to_move_where_the_position_changes():
    exercises = {ex.id: ex for r in ROUTINES for ex in r.exercises}
    assert set(exercises) >= POSITION_CHANGES
    for ex_id in POSITION_CHANGES:
        assert exercises[ex_id].settle_s >= 8, ex_id
    plan = build_plan(LIBRARY.get("towel-hamstring-beginner"))
    assert 35 <= plan.segments[0].length <= 45  # onto the floor with the towel


@pytest.mark.parametrize("routine", [r for r in ROUTINES if r.position == "floor"],
                         ids=lambda r: r.id)
def test_a_floor_routine_says_to_get_onto_the_mat(routine):
    setup = " ".join(line for ex in routine.exercises for line in ex.setup).lower()
    assert re.search(r"(lie|get down) on (your back on )?the mat", setup), setup


@pytest.mark.parametrize("routine", ROUTINES, ids=lambda r: r.id)
def test_every_two_sided_stretch_talks_you_onto_the_other_side(routine):
    for ex in routine.exercises:
        if ex.sides == "left_right":
            assert ex.switch_setup and ex.side_label != "side", ex.id
            assert any("{side}" in line for line in ex.switch_setup), ex.id
