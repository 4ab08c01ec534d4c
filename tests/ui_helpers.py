"""Builders for the window tests: the real controller and window, its session driver on
wakers that only a FakeClock moves (tests/fake_timers.py): nothing runs on real time."""

import pytest

from stretchtimer.controller import Controller
from stretchtimer.core.clock import FakeClock
from stretchtimer.storage.routines import load_routines
from tests.fake_timers import FakeTimers


class WindowRig:
    def __init__(self, qtbot, library=None):
        self.clock = FakeClock()
        self.timers = FakeTimers(self.clock)
        self.app = Controller(library or load_routines(None), self.clock, waker=self.timers)
        self.window = self.app.window
        self.driver = self.app.driver
        qtbot.addWidget(self.window)
        self.window.resize(1100, 720)
        self.window.show()
        qtbot.waitExposed(self.window)
        self.window.activateWindow()  # as the window manager does on launch
        qtbot.waitUntil(self.window.isActiveWindow)
        self.timer = self.app.timer

    def at(self, offset):
        """Move the clock to `offset` seconds into the routine and deliver what is due."""
        self.clock.advance_to(self.driver.machine.monotonic_at(offset))
        self.driver.catch_up()
        self.timer.refresh()

    def segments(self, kind, side=None):
        return [s for s in self.driver.plan.segments
                if s.kind == kind and (side is None or s.side == side)]


@pytest.fixture
def rig(qtbot):
    rig = WindowRig(qtbot)
    yield rig
    rig.driver.stop()


def launched(qtbot, home, clock, before_reminders=lambda app: None):
    """The real app of a home, its window shown and its reminders set up as at a launch
    (no probes: nothing tells stepping away, full screen or calls). `before_reminders`
    sets up what a launch would first (the welcome, the login entry)."""
    from stretchtimer.app import build_app
    from stretchtimer.storage.paths import Paths
    from stretchtimer.ui.reminder_driver import ReminderDriver
    from stretchtimer.ui.reminder_popup import ReminderPopup

    app = build_app(Paths.under(home), clock)
    app._waker = FakeTimers(clock)
    before_reminders(app)
    qtbot.addWidget(app.window)
    app.window.show()
    qtbot.waitExposed(app.window)
    driver = ReminderDriver(app.settings, clock, None, None, None, parent=app.window)
    popup = ReminderPopup()
    qtbot.addWidget(popup)
    app.set_reminders(driver, None, popup)
    return app, driver
