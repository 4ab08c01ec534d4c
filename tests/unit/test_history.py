"""History statistics on hand-built histories, in non-UTC zones, across month, year and
DST boundaries."""

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from stretchtimer.core.history import (
    HEATMAP_WEEKS,
    checkin_record,
    compute_stats,
    forgiving_streak,
    reminder_record,
    session_record,
    sessions_from,
)
from stretchtimer.core.records import Rating, ReminderAction
from stretchtimer.core.routine import Side
from stretchtimer.core.session import HeldTime, SessionSummary
from stretchtimer.core.tally import RECENT, Rated, tally_of
from tests.helpers import make_routine

BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


def record(started, sid=None, held=(), completed=True, minutes=3):
    start = datetime.fromisoformat(started)
    return {"type": "session", "id": sid or started, "routine_id": "desk-micro",
            "routine_name": "Desk micro-break", "started": started,
            "ended": (start + timedelta(minutes=minutes)).isoformat(), "completed": completed,
            "held": [{"exercise_id": e, "side": s, "seconds": sec, "muscles": m}
                     for e, s, sec, m in held]}


def days(*specs):
    """Active dates from 'YYYY-MM-DD' strings and ('YYYY-MM-DD', 'YYYY-MM-DD') ranges."""
    out = set()
    for spec in specs:
        a, b = (spec, spec) if isinstance(spec, str) else spec
        d = date.fromisoformat(a)
        while d <= date.fromisoformat(b):
            out.add(d)
            d += timedelta(days=1)
    return out


@pytest.mark.parametrize("active, today, expected", [
    (days(("2026-12-28", "2027-01-03")), "2027-01-03", 7),  # across the new year
    (days(("2026-12-28", "2027-01-02")), "2027-01-03", 6),  # today not done yet: no break
    (days(("2026-12-28", "2026-12-30"), ("2027-01-01", "2027-01-03")), "2027-01-03", 7),
    (days(("2026-12-20", "2026-12-25"), "2026-12-27", ("2026-12-29", "2027-01-03")),
     "2027-01-03", 8),  # misses on the 26th and 28th: the 28th is forgiven, the 26th ends it
    (days(("2026-01-29", "2026-02-03"), ("2026-02-05", "2026-02-20")), "2026-02-20", 23),
    (days("2026-03-01"), "2026-03-05", 0),  # long gone
    (set(), "2026-03-05", 0),
], ids=["new-year", "today-pending", "one-miss-forgiven", "two-misses", "across-month",
        "gone", "empty"])
def test_forgiving_streak(active, today, expected):
    assert forgiving_streak(active, date.fromisoformat(today)) == expected


def test_rest_days_outside_the_work_week_are_never_missed():
    weekdays_only = days(("2026-11-02", "2026-11-06"), ("2026-11-09", "2026-11-13"),
                         ("2026-11-16", "2026-11-19"))
    today = date(2026, 11, 19)
    assert forgiving_streak(weekdays_only, today) == 4  # every weekend is two misses
    weekend = frozenset({5, 6})
    assert forgiving_streak(weekdays_only, today, weekend) == 18  # Nov 2 .. Nov 19
    with_a_miss = weekdays_only - {date(2026, 11, 10)}
    assert forgiving_streak(with_a_miss, today, weekend) == 18  # one miss in seven: kept
    two = with_a_miss - {date(2026, 11, 12)}
    assert forgiving_streak(two, today, weekend) == 9  # 12th forgiven, the 10th ends it: 11..19


def test_week_days_against_the_goal_and_sessions_per_day():
    recs = [record("2026-11-16T09:10:00+01:00"), record("2026-11-16T14:00:00+01:00", "b"),
            record("2026-11-17T10:00:00+01:00"), record("2026-11-19T11:00:00+01:00"),
            record("2026-11-15T11:00:00+01:00")]  # Sunday: last week
    stats = compute_stats(tally_of(recs), date(2026, 11, 19), days_goal=4)
    assert stats.week_start == date(2026, 11, 16)
    assert stats.week_days == [date(2026, 11, 16), date(2026, 11, 17), date(2026, 11, 19)]
    assert stats.days_goal == 4
    assert dict(stats.per_day)[date(2026, 11, 16)] == 2
    assert [d for d, _ in stats.per_day][-1] == date(2026, 11, 19)
    assert stats.streak == 5  # Sun 15 .. Thu 19, Wed 18 forgiven


def test_a_session_counts_on_the_local_day_it_was_recorded_across_dst():
    # Berlin leaves summer time on 2026-10-25 at 03:00 (+02:00 -> +01:00). session_record
    # writes the local time with the offset of that moment; the day is the local date.
    from stretchtimer.core.session import SessionSummary

    routine = make_routine()
    early = datetime(2026, 10, 25, 0, 30, tzinfo=BERLIN).timestamp()  # summer time
    late = datetime(2026, 10, 25, 23, 30, tzinfo=BERLIN).timestamp()  # winter time
    recs = [dict(session_record(SessionSummary("r", True, t, t + 60, 60.0, ()), routine, BERLIN),
                 id=str(t)) for t in (early, late)]
    assert recs[0]["started"] == "2026-10-25T00:30:00+02:00"
    assert recs[1]["started"] == "2026-10-25T23:30:00+01:00"
    stats = compute_stats(tally_of(recs), date(2026, 10, 26))
    assert dict(stats.per_day)[date(2026, 10, 25)] == 2
    # and in New York the same two moments are two different local days
    ny = [dict(session_record(SessionSummary("r", True, t, t + 60, 60.0, ()), routine,
                              NEW_YORK), id=str(t)) for t in (early, late)]
    assert [r["started"][:10] for r in ny] == ["2026-10-24", "2026-10-25"]


def test_heatmap_covers_twelve_weeks_ending_this_week():
    today = date(2026, 3, 4)  # a Wednesday
    recs = [record("2026-03-02T09:00:00+01:00"), record("2025-12-15T09:00:00+01:00"),
            record("2025-12-14T09:00:00+01:00")]  # the 14th is before the 12 weeks
    stats = compute_stats(tally_of(recs), today)
    assert stats.heatmap_start == date(2025, 12, 15)  # a Monday, 11 weeks before this one
    assert len(stats.heatmap) == HEATMAP_WEEKS * 7
    assert stats.heatmap[0] == 1 and stats.heatmap[(date(2026, 3, 2) - stats.heatmap_start).days] == 1
    assert sum(stats.heatmap) == 2


def test_balance_sums_each_muscle_by_side_over_four_weeks():
    ham = ["hamstrings"]
    recs = [record("2026-05-20T09:00:00+02:00", held=[("seated-hamstring", "right", 30, ham),
                                                      ("seated-hamstring", "left", 25, ham),
                                                      ("breaths", None, 20, ["diaphragm"])]),
            record("2026-05-21T09:00:00+02:00", "b",
                   held=[("seated-hamstring", "right", 30, ham)]),
            record("2026-04-01T09:00:00+02:00", "old",
                   held=[("seated-hamstring", "left", 99, ham)])]  # more than 28 days ago
    stats = compute_stats(tally_of(recs), date(2026, 5, 21))
    assert stats.balance == {"hamstrings": {"right": 60.0, "left": 25.0},
                             "diaphragm": {"both": 20.0}}


def test_checkins_join_their_session_and_bad_records_are_skipped():
    recs = [record("2026-05-20T09:00:00+02:00", "s1"),
            {"type": "checkin", "id": "c1", "session_id": "s1", "rating": "good"},
            {"type": "session", "id": "broken"},  # missing fields: skipped, not fatal
            {"type": "checkin", "id": "c2", "session_id": "s1", "rating": "sideways"},
            {"type": "reminder", "id": "r1"}]
    (s,) = sessions_from(recs)
    assert s.id == "s1" and s.rating is Rating.GOOD
    tally = tally_of(recs)
    assert tally.total == 1 and tally.recent[0].rating is Rating.GOOD
    assert tally.rated == [Rated(date(2026, 5, 20), Rating.GOOD, ())]
    with pytest.raises(ValueError, match="rating: expected one of easy, good, strong"):
        checkin_record("s1", "sideways")
    assert checkin_record("s1", Rating.NERVE)["rating"] == "nerve"


def test_a_reminder_note_is_one_of_the_known_actions_written_as_its_word():
    rec = reminder_record(ReminderAction.SNOOZED, 1_793_000_000.0, BERLIN)
    assert rec == {"type": "reminder", "action": "snoozed", "at": "2026-10-26T08:33:20+01:00"}
    assert type(rec["action"]) is str  # the journal holds the word, not the enum
    with pytest.raises(ValueError, match="action: expected one of offered, started"):
        reminder_record("dismissed", 1_793_000_000.0, BERLIN)


def test_a_huge_number_of_seconds_held_is_a_skipped_record_not_an_overflow():
    # a 400-digit integer is valid JSON (strict_json takes up to 4300 digits) but no float
    recs = [record("2026-05-20T09:00:00+02:00", "s1"),
            record("2026-05-21T09:00:00+02:00", "s2", held=[("e", "left", 10**400, ["m"])]),
            record("2026-05-22T09:00:00+02:00", "s3", held=[("e", "left", float("inf"), [])])]
    assert [s.id for s in sessions_from(recs)] == ["s1"]
    tally = tally_of(recs)
    assert tally.total == 1 and tally.invalid_records == 2


def test_session_record_round_trips_with_its_offset_and_muscles():
    routine = make_routine()
    summary = SessionSummary("test-routine", True, 1_793_000_000.0, 1_793_000_180.0, 180.0,
                             (HeldTime("seated-hamstring", Side.RIGHT, 60.0),
                              HeldTime("seated-hamstring", Side.LEFT, 58.5)))
    rec = dict(session_record(summary, routine, BERLIN), id="x", schema_version=1)
    assert rec["started"].endswith("+01:00") or rec["started"].endswith("+02:00")
    assert [type(h["side"]) for h in rec["held"]] == [str, str]  # the journal holds words
    (s,) = sessions_from([rec])
    assert s.started.timestamp() == 1_793_000_000.0
    assert [(h.side, h.seconds, h.muscles) for h in s.held] == [
        (Side.RIGHT, 60.0, ("hamstrings",)), (Side.LEFT, 58.5, ("hamstrings",))]
    assert all(type(h.side) is Side for h in s.held)


def test_the_tally_keeps_only_the_recent_sessions_whole_and_drops_duplicates():
    recs = [record("2026-01-01T09:00:00+01:00", f"s{i}") for i in range(RECENT + 5)]
    recs.append(recs[-1])  # appended twice
    tally = tally_of(recs)
    assert tally.total == RECENT + 5 and tally.duplicates == 1
    assert len(tally.recent) == RECENT and tally.recent[-1].id == f"s{RECENT + 4}"
