"""The journal's records read into their dataclasses at the storage boundary: typed
values for the words, None for a type from a later version, and a bad word refused with
the field named (the tally and the history list skip and count such a record)."""

from datetime import datetime

import pytest

from stretchtimer.core.records import (
    BadRecord,
    CheckIn,
    Held,
    Rating,
    ReminderAction,
    ReminderNote,
    SessionRecord,
    read,
)
from stretchtimer.core.routine import Side
from stretchtimer.core.tally import RecentSession, tally_of

SESSION = {"id": "s1", "type": "session", "routine_id": "desk-micro",
           "started": "2026-11-19T10:00:00+01:00", "ended": "2026-11-19T10:03:00+01:00",
           "completed": True,
           "held": [{"exercise_id": "e", "side": "left", "seconds": 20, "muscles": ["calves"]},
                    {"exercise_id": "b", "side": None, "seconds": 12.5},
                    {"exercise_id": "c", "side": "both", "seconds": 8, "muscles": []}]}


def test_each_known_record_reads_as_its_dataclass_with_enums_for_its_words():
    session = read(SESSION)
    assert session == SessionRecord(
        "s1", "desk-micro", "desk-micro",  # no routine_name: the id stands in
        datetime.fromisoformat("2026-11-19T10:00:00+01:00"),
        datetime.fromisoformat("2026-11-19T10:03:00+01:00"), True,
        (Held("e", Side.LEFT, 20.0, ("calves",)), Held("b", None, 12.5, ()),
         Held("c", Side.BOTH, 8.0, ())))
    assert session.day == "2026-11-19" and type(session.held[0].side) is Side
    checkin = read({"id": "c1", "type": "checkin", "session_id": "s1", "rating": "nerve"})
    assert checkin == CheckIn("c1", "s1", Rating.NERVE) and type(checkin.rating) is Rating
    note = read({"id": "r1", "type": "reminder", "action": "snoozed",
                 "at": "2026-11-19T10:00:00+01:00"})
    assert isinstance(note, ReminderNote) and note.action is ReminderAction.SNOOZED
    assert read({"id": "x", "type": "mood", "mood": "sunny"}) is None  # a later version's


@pytest.mark.parametrize("change, named", [
    ({"type": "checkin", "session_id": "s1", "rating": "sideways"}, "check-in: session or rating"),
    ({"type": "checkin", "session_id": "s1", "rating": ["good"]}, "check-in: session or rating"),
    ({"type": "reminder", "action": "dismissed", "at": "2026-11-19T10:00:00+01:00"},
     "reminder: action or time"),
    ({"held": [{"exercise_id": "e", "side": "middle", "seconds": 20}]}, "session: seconds held"),
    ({"held": [{"exercise_id": "e", "side": "LEFT", "seconds": 20}]}, "session: seconds held"),
    ({"held": [{"exercise_id": "e", "side": 1, "seconds": 20}]}, "session: seconds held"),
    ({"started": "2026-11-19T10:00:00"}, "session: start or end time"),  # no offset
], ids=["rating-word", "rating-list", "action-word", "side-word", "side-case", "side-number",
        "no-offset"])
def test_a_bad_word_from_the_journal_is_refused_with_its_field_named(change, named):
    rec = dict(SESSION, **change)
    with pytest.raises(BadRecord, match=named):
        read(rec)
    tally = tally_of([SESSION, dict(rec, id="bad")])
    assert tally.total == 1 and tally.invalid_records == 1


def test_what_the_history_list_gets_is_typed():
    tally = tally_of([SESSION, {"id": "c1", "type": "checkin", "session_id": "s1",
                                "rating": "good"}])
    (recent,) = tally.recent
    assert isinstance(recent, RecentSession) and recent.rating is Rating.GOOD
    assert recent.started.utcoffset().total_seconds() == 3600 and recent.exercises == (
        "b", "c", "e")
    (rated,) = tally.rated
    assert (rated.day.isoformat(), rated.rating, rated.exercise_ids) == (
        "2026-11-19", Rating.GOOD, ("b", "c", "e"))
    assert tally.seconds["2026-11-19"] == {"calves": {"left": 20.0}, "other": {"both": 20.5}}
