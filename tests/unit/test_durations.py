"""Pause durations as people and scripts write them."""

from datetime import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from stretchtimer.core.durations import pause_seconds

NOON = datetime(2026, 11, 16, 12, 0, 30)


@pytest.mark.parametrize("text, seconds", [
    ("45m", 2700), ("2h", 7200), ("1h30m", 5400), ("1h 30m", 5400), ("90", 5400),
    ("  45MIN ", 2700), ("45 min", 2700), ("1 h 30 m", 5400),
    ("until 14:30", 2 * 3600 + 29 * 60 + 30),
    ("until 9:05", 21 * 3600 + 4 * 60 + 30),  # passed today: tomorrow morning
    ("UNTIL  12:01", 30),
])
def test_durations_people_write(text, seconds):
    assert pause_seconds(text, NOON) == seconds


@pytest.mark.parametrize("text, problem", [
    ("", "is not a duration"), ("soon", "is not a duration"), ("-5m", "is not a duration"),
    ("0m", "from 1 minute to 7 days"), ("200h", "from 1 minute to 7 days"),
    ("until 25:00", "is not a duration"), ("1.5h", "is not a duration"),
])
def test_what_is_no_duration_is_named(text, problem):
    with pytest.raises(ValueError, match=problem):
        pause_seconds(text, NOON)


@given(st.text(max_size=30))
def test_any_text_is_a_duration_or_a_clear_error(text):
    try:
        seconds = pause_seconds(text, NOON)
    except ValueError as exc:
        assert repr(text) in str(exc)
    else:
        assert 0 < seconds <= 7 * 24 * 3600


def test_until_across_a_dst_change_counts_the_real_hours(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:  # 2026-03-29 02:00 -> 03:00 in Berlin: from 01:00 until 05:00 is three hours
        assert pause_seconds("until 5:00", datetime(2026, 3, 29, 1, 0)) == 3 * 3600
    finally:
        monkeypatch.undo()
        time.tzset()
