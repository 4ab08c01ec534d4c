"""Nothing from the event loop ends the process: a failing Qt override or slot is logged
and said once; one failing part of the start-up does not stop the others; the History
tab opens over a journal with damaged records."""

import sys
from datetime import datetime, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from stretchtimer.app import _after_paint, build_app
from stretchtimer.core.clock import FakeClock
from stretchtimer.storage.journal import Journal
from stretchtimer.storage.paths import Paths
from stretchtimer.ui import guard

NOW = datetime(2026, 11, 19, 15, 0).astimezone()


class Broken(QWidget):
    painted = 0

    @guard.guarded
    def paintEvent(self, _event):
        Broken.painted += 1
        raise ValueError("a bug in paint")


def test_a_failing_override_is_reported_once_and_the_app_goes_on(qtbot, monkeypatch):
    notices = []
    monkeypatch.setattr(guard, "_notify", notices.append)
    monkeypatch.setattr(guard, "_told", set())
    widget = Broken()
    widget.resize(50, 50)
    for _ in range(3):
        widget.grab()  # paints it, synchronously
    widget.deleteLater()
    assert Broken.painted >= 3
    assert len(notices) == 1 and "Broken.paintEvent" in notices[0]
    assert all("a bug in paint" in f for f in guard.failures) and len(guard.failures) >= 3
    guard.failures.clear()


def test_an_exception_reaching_excepthook_is_said_not_fatal(monkeypatch):
    notices = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    monkeypatch.setattr(guard, "_told", set())
    guard.install(notices.append)
    try:
        raise KeyError("in a slot")
    except KeyError as exc:
        sys.excepthook(type(exc), exc, exc.__traceback__)
    assert len(notices) == 1 and guard.failures == ["an event: KeyError: 'in a slot'"]
    guard.failures.clear()
    monkeypatch.setattr(guard, "_notify", None)


def test_one_failing_part_of_the_start_up_leaves_reminders_and_speech_up(qtbot, tmp_path,
                                                                        monkeypatch):
    paths = Paths.under(tmp_path)
    app = build_app(paths, FakeClock(wall=NOW.timestamp()))
    window = app.window
    qtbot.addWidget(window)

    def broken():
        raise ValueError("progression blew up")

    monkeypatch.setattr(app, "refresh_progression", broken)
    notices = []
    monkeypatch.setattr(guard, "_notify", notices.append)
    monkeypatch.setattr(guard, "_told", set())
    _after_paint(app, paths)  # the tray icon now, the rest on the next turn of the loop
    try:
        qtbot.waitUntil(lambda: app.reminders is not None)
        assert app.voice is not None
        assert len(notices) == 1 and "history and progression" in notices[0]
        assert guard.failures == ["history and progression: ValueError: progression blew up"]
        guard.failures.clear()
    finally:
        app.voice.service.shutdown()
        app.reminders.stop() if hasattr(app.reminders, "stop") else None
    monkeypatch.setattr(guard, "_notify", None)


def test_the_history_tab_opens_over_damaged_records(qtbot, tmp_path):
    journal = Journal(tmp_path / "data" / "history.jsonl")
    good = {"type": "session", "routine_id": "desk-micro", "routine_name": "Desk micro-break",
            "completed": True, "held": [{"exercise_id": "standing-hamstring", "side": "left",
                                         "seconds": 20, "muscles": ["hamstrings"]}]}
    start = NOW - timedelta(hours=2)
    journal.append(dict(good, started=start.isoformat(),
                        ended=(start + timedelta(minutes=3)).isoformat()))
    bad = journal.append(dict(good, started="2026-11-99T10:00:00+01:00",
                              ended="2026-11-99T10:03:00+01:00"))
    journal.append({"type": "checkin", "session_id": bad, "rating": "good"})
    journal.append(dict(good, started="\u0662\u0660\u0662\u0666-11-19T10:00:00+01:00",
                        ended=start.isoformat()))
    app = build_app(Paths.under(tmp_path), FakeClock(wall=NOW.timestamp()))
    window = app.window
    qtbot.addWidget(window)
    window.show()
    for _ in range(3):  # every Ctrl+2, not only the first
        qtbot.keyClick(window.picker.list, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        window.show_tab(0)
    window.show_tab(1)
    history = window.history_page.content
    assert history is not None and history.isVisible()
    assert history.list.count() == 1 and history.stats.total_sessions == 1
    assert "(2 damaged lines skipped)" in history.summary.text()  # said, and kept on disk
    app.refresh_progression()  # the after-paint progression reads the same records
