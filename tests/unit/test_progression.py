from datetime import datetime, timedelta

from stretchtimer.core.progression import Hold, progression
from stretchtimer.core.records import Rating
from stretchtimer.core.tally import Rated
from tests.helpers import make_routine

START = datetime.fromisoformat("2026-09-01T10:00:00+02:00")


def sessions(*ratings, every_days=1, exercise="seated-hamstring"):
    """Rated sessions as the tally keeps them: day, rating, exercise ids."""
    return [Rated((START + timedelta(days=i * every_days)).date(), Rating(rating), (exercise,))
            for i, rating in enumerate(ratings) if rating is not None]


def towel():
    return make_routine(hold_s=15, hold_levels_s=[15, 20, 30]).exercises[0]


def test_two_easy_or_good_in_a_row_step_up_after_a_week():
    ex = towel()
    assert progression([ex], sessions("good")) == {ex.id: Hold(15)}
    assert progression([ex], sessions("good", "easy")) == {ex.id: Hold(20, was=15, level=1)}


def test_at_most_one_step_a_week_and_never_past_the_ceiling():
    ex = towel()
    daily = sessions(*["good"] * 6)  # six days of good: one step only
    assert progression([ex], daily)[ex.id] == Hold(20, was=15, level=1)
    weekly = sessions(*["easy"] * 12, every_days=4)
    assert progression([ex], weekly)[ex.id] == Hold(30, was=20, level=2)  # the seed's 30 s ceiling


def test_painful_steps_back_and_strong_holds_steady():
    ex = towel()
    up_then_pain = sessions("good", "good", "painful")
    assert progression([ex], up_then_pain)[ex.id] == Hold(15, was=20)
    assert progression([ex], sessions("good", "strong", "good"))[ex.id] == Hold(15)
    assert progression([ex], sessions("painful"))[ex.id] == Hold(15)  # no lower level


def test_only_rated_sessions_with_that_exercise_count():
    ex = towel()
    other = sessions("good", "good", exercise="something-else")
    unrated = sessions(None, None)
    assert progression([ex], other + unrated)[ex.id] == Hold(15)


def test_exercises_without_levels_do_not_progress():
    from dataclasses import replace

    ex = replace(towel(), levels=())  # the routine file gave no levels
    assert progression([ex], sessions("good", "good")) == {}


def test_progression_steps_through_variants_with_the_same_hold():
    ex = make_routine(hold_s=15, hold_levels_s=..., levels=[
        {"hold_s": 15}, {"hold_s": 30}, {"hold_s": 30, "name": "Grip closer to the leg",
                                         "setup": ["Hold the towel closer to your leg."]}]
    ).exercises[0]
    weekly = sessions(*["easy"] * 12, every_days=4)
    assert progression([ex], weekly)[ex.id] == Hold(30, was=30, level=2)
    assert ex.at_level(2).setup == ("Hold the towel closer to your leg.",)
