"""The history view on a hand-made twelve weeks of use."""

from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from stretchtimer.app import build_app
from stretchtimer.core.clock import FakeClock
from stretchtimer.storage.journal import Journal
from stretchtimer.storage.paths import Paths

NOW = datetime(2026, 11, 19, 15, 0).astimezone()  # a Thursday afternoon, local time


def twelve_weeks(journal):
    """Weekday stretching for twelve weeks, a missed Monday last week, two today."""
    day = NOW - timedelta(weeks=12)
    while day.date() <= NOW.date():
        skip = day.weekday() >= 5 or day.date() == (NOW - timedelta(days=10)).date()
        for k in range(0 if skip else (2 if day.date() == NOW.date() else 1)):
            start = day.replace(hour=10 + 3 * k, minute=0)
            journal.append({"type": "session", "routine_id": "desk-micro",
                            "routine_name": "Desk micro-break", "started": start.isoformat(),
                            "ended": (start + timedelta(minutes=3)).isoformat(),
                            "completed": True,
                            "held": [{"exercise_id": "standing-hamstring", "side": "right",
                                      "seconds": 20, "muscles": ["hamstrings"]},
                                     {"exercise_id": "standing-hamstring", "side": "left",
                                      "seconds": 18, "muscles": ["hamstrings"]}]})
        day += timedelta(days=1)


def test_history_shows_the_week_the_streak_and_the_calendar(qtbot, tmp_path):
    journal = Journal(tmp_path / "data" / "history.jsonl")
    twelve_weeks(journal)
    app = build_app(Paths.under(tmp_path), FakeClock(wall=NOW.timestamp()))
    window = app.window
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window.picker.list, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    history = window.history_page.content
    assert history is not None and history.isVisible()
    assert history.week_label.text() == "4 of 5 stretch days this week"  # Mon-Thu
    # weekends are rest days (no work hours), the missed Monday is forgiven: the streak
    # runs from the first day of the twelve weeks
    first = (NOW - timedelta(weeks=12)).date()
    assert history.streak_label.text() == f"{(NOW.date() - first).days + 1}-day streak"
    stats = history.stats
    assert sum(1 for n in stats.heatmap if n) == len({
        d for d in range(84)
        if (stats.heatmap_start + timedelta(days=d)).weekday() < 5
        and stats.heatmap_start + timedelta(days=d) <= NOW.date()
        and stats.heatmap_start + timedelta(days=d) != (NOW - timedelta(days=10)).date()})
    assert stats.balance["hamstrings"]["right"] > stats.balance["hamstrings"]["left"]
    assert dict(stats.per_day)[NOW.date()] == 2
    assert history.list.count() == stats.total_sessions
    assert history.list.item(0).text().startswith(NOW.strftime("%a %d %b %Y"))
    grab = window.grab()
    assert grab.width() == 1200  # it paints


def test_history_counts_a_session_just_finished(qtbot, tmp_path):
    app = build_app(Paths.under(tmp_path), FakeClock(wall=NOW.timestamp()))
    window = app.window
    qtbot.addWidget(window)
    window.show()
    window.show_tab(1)
    assert window.history_page.content.week_label.text() == "0 of 5 stretch days this week"
    app.start_routine(app.library.get("walk-break"))
    driver = app.driver
    with qtbot.waitSignal(app.session_recorded):
        app.clock.advance_to(driver.machine.monotonic_at(driver.machine.end))
        driver.catch_up()
    window.show_tab(1)
    assert window.history_page.content.week_label.text() == "1 of 5 stretch days this week"


def test_time_held_is_said_in_seconds_then_minutes():
    from stretchtimer.ui.history_view import held_words

    assert [held_words(s) for s in (0, 30, 89.4, 90, 596, 660)] == [
        "0 s", "30 s", "89 s", "2 min", "10 min", "11 min"]
