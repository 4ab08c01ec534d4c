"""The app's side of a session ending (ui/session_end.py) on the real window: a logout's
commitDataRequest and Qt's word that the display is gone. The real display going away is
in tests/e2e/test_exit.py; commitDataRequest cannot come for real on this machine (the
PySide6 xcb plugin has no XSMP), so here it comes from a stand-in application."""

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, Signal, qInstallMessageHandler, qWarning

from stretchtimer.controller import Controller
from stretchtimer.core.clock import FakeClock
from stretchtimer.core.plan import Kind
from stretchtimer.storage.history_files import HistoryFiles
from stretchtimer.storage.routines import load_routines
from stretchtimer.ui import session_end
from stretchtimer.ui.reminder_driver import ReminderDriver
from stretchtimer.ui.reminder_popup import ReminderPopup
from stretchtimer.ui.tray import Tray


class StandInApp(QObject):
    """The two signals of QGuiApplication that session_end uses (emitting the real
    aboutToQuit mid-session would run whatever else is connected to it)."""

    commitDataRequest = Signal(object)
    aboutToQuit = Signal()


class Manager:
    """Stands in for the QSessionManager: notes anything asked of it (cancel() would stop
    the logout)."""

    def __init__(self):
        self.asked = []

    def __getattr__(self, name):
        return lambda *args: self.asked.append(name)


@pytest.fixture
def running(qtbot, tmp_path):
    """The controller and window with a tray, seven seconds into a routine's first hold."""
    clock = FakeClock()
    app = Controller(load_routines(None), clock, history_files=HistoryFiles(tmp_path / "h.jsonl"))
    qtbot.addWidget(app.window)
    app.window.show()
    from stretchtimer.app import app_icon

    tray = Tray(app_icon(), list(app.library.routines.values()), parent=app)
    app.set_reminders(ReminderDriver(app.settings, clock, parent=app), tray, ReminderPopup())
    qtbot.addWidget(app.popup)
    app.start_routine(app.library.get("desk-micro"))
    hold = next(s for s in app.driver.plan.segments if s.kind == Kind.HOLD)
    clock.advance_to(app.driver.machine.monotonic_at(hold.start + 7))
    app.driver.catch_up()
    assert app.routine_in_progress()
    yield app
    app.driver.stop()


@pytest.fixture
def installed(running):
    """session_end installed on a stand-in app; Qt's message handler put back after."""
    app = StandInApp()
    before = qInstallMessageHandler(None)  # pytest-qt's, which session_end then chains to
    qInstallMessageHandler(before)
    session_end.install(app, running.record_running, running.window)
    yield app
    qInstallMessageHandler(before)


def held(app):
    (record,) = app.history_files.records()
    return record["completed"], sum(h["seconds"] for h in record["held"])


def test_a_logout_records_the_routine_and_the_quit_after_it_is_not_refused(running,
                                                                          installed):
    assert not running.window.close() and not running.window.isVisible()  # into the tray, as before
    running.window.show()
    manager = Manager()
    quits = []
    installed.aboutToQuit.connect(lambda: quits.append(1))
    installed.commitDataRequest.emit(manager)
    completed, seconds = held(running)
    assert completed is False and 6 <= seconds <= 8
    assert manager.asked == []  # not cancelled, no interaction asked for
    assert quits == []  # the session manager ends the app, not commitData
    assert running.window.close() and not running.window.isVisible()  # no longer closes into the tray


def test_a_window_hidden_in_the_tray_is_recorded_at_logout_too(running, installed):
    running.window.hide()
    installed.commitDataRequest.emit(Manager())
    assert held(running)[0] is False


@pytest.mark.qt_log_ignore("The X11 connection broke", "The Wayland connection broke")
@pytest.mark.parametrize("word", [
    "The X11 connection broke: I/O error (code 1)",
    "The X11 connection broke (error 1). Did the X11 server die?",
    "The Wayland connection broke. Did the Wayland compositor die?"])
def test_qts_word_that_the_display_is_gone_ends_the_app_before_the_process_goes(
        running, installed, word):
    quits = []
    installed.aboutToQuit.connect(lambda: quits.append(1))
    qWarning(word)
    assert quits == [1]  # the speech worker's shutdown is connected to it
    completed, seconds = held(running)
    assert completed is False and 6 <= seconds <= 8
    assert running.window.quitting
    qWarning(word)  # said again (or Qt's own exit follows): nothing more
    assert quits == [1] and len(running.history_files.records()) == 1


@pytest.mark.qt_log_ignore("The X11 window")
def test_other_warnings_are_passed_on_and_end_nothing(running, installed):
    quits = []
    installed.aboutToQuit.connect(lambda: quits.append(1))
    qWarning("The X11 window manager is slow")
    assert quits == [] and running.routine_in_progress()


@pytest.mark.parametrize("library, words", [
    ("libQt6XcbQpa.so.6", [b"The X11 connection broke (error %d)",
                           b"The X11 connection broke: %s (code %d)"]),
    ("libQt6WaylandClient.so.6", [b"The Wayland connection broke. Did",
                                  b"The Wayland connection experienced a fatal error"])])
def test_qt_still_says_what_session_end_listens_for(library, words):
    spec = importlib.util.find_spec("PySide6")
    path = Path(spec.origin).parent / "Qt" / "lib" / library
    if not path.exists():
        pytest.skip(f"{library} is not part of this platform's PySide6")
    data = path.read_bytes()
    for word in words:
        assert word in data
        assert word.decode().startswith(session_end.DISPLAY_LOST)
