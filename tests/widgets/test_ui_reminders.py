"""Reminders in the window: a simulated workweek on a fake clock, the popup's keys, the
tray menu, and closing the window into the tray."""

from datetime import datetime

import pytest
from PySide6.QtCore import QObject, Qt, Signal

from stretchtimer.controller import Controller
from stretchtimer.core.clock import FakeClock
from stretchtimer.platform.idle import IdleProbe
from stretchtimer.storage.routines import load_routines
from stretchtimer.ui.reminder_driver import ReminderDriver
from stretchtimer.ui.reminder_popup import ReminderPopup
from stretchtimer.ui.tray import Tray, TrayState

MONDAY_8 = datetime(2026, 11, 16, 8, 0).timestamp()  # local time


class Desk(IdleProbe):
    """Stands in for the platform probes (tested for real in test_presence.py)."""

    name = "test desk"

    def __init__(self):
        self.fullscreen = self.is_locked = self.call = False

    def seconds(self):
        return 0.0

    def locked(self):
        return self.is_locked

    def active(self):
        return self.fullscreen


class Phone:
    """Stands in for the call probe (tested for real in tests/e2e/test_calls.py)."""

    name = "test phone"

    def __init__(self):
        self.on = False

    def active(self):
        return self.on

    def reasons(self):
        return ["call"] if self.on else []


class Notifications(QObject):
    """Stands in for the desktop's notifications (the real one against dunst and a
    stand-in server: tests/e2e/test_notifications.py)."""

    action_invoked = Signal(str)

    def __init__(self, available=True):
        super().__init__()
        self.available, self.shown, self.closed = available, [], 0

    def notify(self, summary, body, actions, icon=""):
        self.shown.append((summary, body, [k for k, _ in actions]))

    def close(self):
        self.closed += 1

    def shutdown(self):
        pass


def window_with_reminders(qtbot, tray=False, desk=None, phone=None, notifier=None):
    clock = FakeClock(wall=MONDAY_8)
    app = Controller(load_routines(None), clock)
    window = app.window
    qtbot.addWidget(window)
    window.show()
    driver = ReminderDriver(app.settings, clock, desk, desk, phone, parent=window)
    popup = ReminderPopup()
    qtbot.addWidget(popup)
    from stretchtimer.app import app_icon

    the_tray = Tray(app_icon(), list(app.library.routines.values()), parent=app) \
        if tray else None
    app.set_reminders(driver, the_tray, popup, notifier)
    return app, clock, driver, popup


def step(clock, driver, seconds):
    for _ in range(int(seconds // 30)):
        clock.advance(30)
        driver.check()


def test_a_simulated_workweek_reminds_hourly_in_work_hours_only(qtbot):
    app, clock, driver, popup = window_with_reminders(qtbot)
    offered = []
    driver.reminder_due.connect(lambda e: offered.append(
        datetime.fromtimestamp(e.wall).strftime("%a %H:%M")))
    step(clock, driver, 7 * 24 * 3600)
    assert len(offered) == 40 and offered[0] == "Mon 10:00" and offered[-1] == "Fri 17:00"
    assert not [o for o in offered if o.startswith(("Sat", "Sun"))]
    assert popup.isVisible() and "Desk micro-break" in popup.routine.text()


def test_start_from_the_popup_runs_the_routine_and_resets_the_clock(qtbot):
    app, clock, driver, popup = window_with_reminders(qtbot)
    step(clock, driver, 2 * 3600)  # the 10:00 reminder
    assert popup.isVisible()
    qtbot.mouseClick(popup.start, Qt.MouseButton.LeftButton)
    assert not popup.isVisible()
    assert app.driver.plan.routine.id == "desk-micro" and app.window.isVisible()
    machine = app.driver.machine
    clock.advance_to(machine.monotonic_at(machine.end))
    app.driver.catch_up()  # finished: the routine was the break
    assert abs(driver.scheduler.due - (clock.wall() + 3600)) < 1


def test_popup_keys_snooze_and_skip(qtbot):
    app, clock, driver, popup = window_with_reminders(qtbot)
    step(clock, driver, 2 * 3600)
    popup.activateWindow()
    popup.setFocus()
    qtbot.keyClick(popup.snooze, Qt.Key.Key_S)
    assert abs(driver.scheduler.due - (clock.wall() + 600)) < 1  # snoozed 10 minutes
    step(clock, driver, 600)
    assert popup.isVisible()
    qtbot.keyClick(popup.skip, Qt.Key.Key_Escape)
    assert not popup.isVisible()
    assert abs(driver.scheduler.due - (clock.wall() + 3600)) < 1


def test_tray_menu_and_closing_into_the_tray(qtbot):
    app, clock, driver, popup = window_with_reminders(qtbot, tray=True)
    tray = app.tray
    assert tray.act_next.text() == "Next reminder at 10:00"
    assert "Next reminder at 10:00" in tray.icon.toolTip()
    step(clock, driver, 2 * 3600)  # the 10:00 reminder comes
    tray.act_snooze.trigger()
    assert tray.act_next.text() == "Next reminder at 10:10"
    tray.act_start.trigger()
    assert app.driver.plan.routine.id == "desk-micro"
    app.window.close()
    assert not app.window.isVisible()  # still running, in the tray
    assert app.settings.display.tray_hint_shown


def test_without_a_tray_the_window_says_so_once(qtbot):
    app, *_ = window_with_reminders(qtbot, tray=False)
    assert "no system tray" in app.window.notice.text()


def test_start_at_login_writes_and_removes_the_entry(qtbot, tmp_path, monkeypatch):
    from stretchtimer.platform.autostart import autostart

    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)  # never the real config folder
    app, *_ = window_with_reminders(qtbot)
    app.autostart = autostart("linux", tmp_path, ["stretchtimer", "--tray"])
    dialog = app.show_settings("Reminders")
    box = dialog.reminders.at_login
    assert box.isVisibleTo(dialog) and not box.isChecked()
    box.setChecked(True)
    entry = tmp_path / ".config" / "autostart" / "stretchtimer.desktop"
    assert "Exec=stretchtimer --tray" in entry.read_text()
    box.setChecked(False)
    assert not entry.exists()


def test_the_tray_shows_snoozed_paused_and_running(qtbot):
    app, clock, driver, popup = window_with_reminders(qtbot, tray=True)
    tray = app.tray
    assert tray.state is TrayState.ACTIVE
    step(clock, driver, 2 * 3600)
    tray.act_snooze.trigger()
    assert tray.state is TrayState.SNOOZED and "Snoozed" in tray.icon.toolTip()
    step(clock, driver, 600)  # the snoozed reminder comes
    assert tray.state is TrayState.ACTIVE
    app.tray.pause_requested.emit(3600.0)
    assert tray.state is TrayState.PAUSED and "Reminders paused" in tray.icon.toolTip()
    app.tray.pause_requested.emit(0.0)
    assert tray.state is TrayState.ACTIVE
    tray.act_start.trigger()
    assert tray.state is TrayState.RUNNING
    app.driver.stop()
    assert tray.state is TrayState.ACTIVE
    with pytest.raises(ValueError, match="'asleep' is not a valid TrayState"):
        tray.set_state("asleep")
    assert tray.state is TrayState.ACTIVE


def test_reminders_and_what_became_of_them_reach_the_history(qtbot, tmp_path):
    from stretchtimer.core.history import compute_stats
    from stretchtimer.core.tally import tally_of
    from stretchtimer.storage.history_files import HistoryFiles

    clock = FakeClock(wall=MONDAY_8)
    files = HistoryFiles(tmp_path / "history.jsonl")
    app = Controller(load_routines(None), clock, history_files=files)
    window = app.window
    qtbot.addWidget(window)
    driver = ReminderDriver(app.settings, clock, parent=window)
    popup = ReminderPopup()
    qtbot.addWidget(popup)
    app.set_reminders(driver, None, popup)
    step(clock, driver, 2 * 3600)  # 10:00 offered
    qtbot.mouseClick(popup.snooze, Qt.MouseButton.LeftButton)
    step(clock, driver, 600)  # 10:10 offered again
    qtbot.mouseClick(popup.start, Qt.MouseButton.LeftButton)
    stats = compute_stats(tally_of(files.records()),
                          datetime.fromtimestamp(clock.wall()).date())
    assert stats.reminders == {"offered": 2, "started": 1, "snoozed": 1, "skipped": 0}


def test_settings_say_how_stepping_away_is_noticed(qtbot):
    app, *_ = window_with_reminders(qtbot)
    app.sensing = {"idle": None, "fullscreen": None, "calls": None}
    dialog = app.show_settings("Reminders")
    assert "does not tell stretchtimer when you step away" in dialog.reminders.away.text()
    assert "reminders never wait" in dialog.reminders.busy.text()
    assert not dialog.reminders.defer.isEnabled()
    assert "reminders never wait for one" in dialog.reminders.on_call.text()
    assert not dialog.reminders.call_defer.isEnabled()
    app.sensing = {"idle": "X11 screen saver extension", "fullscreen": "EWMH"}
    dialog = app.show_settings("Reminders")
    assert "X11 screen saver extension" in dialog.reminders.away.text()
    assert "(noticed by: EWMH)" in dialog.reminders.busy.text()
    assert dialog.reminders.defer.isEnabled()
    app.sensing["calls"] = "a microphone recording (PulseAudio)"
    dialog = app.show_settings("Reminders")
    assert "(noticed by: a microphone recording (PulseAudio))" in \
        dialog.reminders.on_call.text()
    dialog.reminders.call_defer.setValue(0)
    assert app.settings.reminders.call_defer_min == 0 and \
        dialog.reminders.call_defer.text() == "never wait"


def test_full_screen_holds_the_popup_and_a_locked_screen_gets_none(qtbot):
    desk = Desk()
    app, clock, driver, popup = window_with_reminders(qtbot, desk=desk)
    desk.fullscreen = True  # a presentation from 09:30
    step(clock, driver, 2 * 3600)  # 10:00 passes
    assert not popup.isVisible() and driver.scheduler.deferred
    assert not driver._due.isActive()  # held back: only the 30 s check runs (no 0 ms spin)
    assert driver._check.isActive()
    desk.fullscreen = False  # it ends: the reminder comes within one check
    step(clock, driver, 30)
    assert popup.isVisible()
    popup.skip.click()
    desk.is_locked = True
    step(clock, driver, 3600 + 60)  # 11:00 passes while locked
    assert not popup.isVisible() and not driver._due.isActive()
    desk.is_locked = False
    step(clock, driver, 30)
    assert popup.isVisible()


def test_a_reminder_is_a_desktop_notification_whose_actions_do_what_the_popup_does(qtbot):
    notes = Notifications()
    app, clock, driver, popup = window_with_reminders(qtbot, notifier=notes)
    step(clock, driver, 2 * 3600 + 30)  # 10:00
    assert notes.shown == [("Time to stand and stretch", "Desk micro-break, 3:05",
                            ["start", "snooze"])]
    assert not popup.isVisible()  # "notification" (the default): not both
    notes.action_invoked.emit("snooze")
    assert driver.scheduler.snoozed and not app.routine_in_progress()
    step(clock, driver, 10 * 60 + 30)  # snoozed for 10 minutes
    assert len(notes.shown) == 2
    notes.action_invoked.emit("start")
    assert app.routine_in_progress() and app.current.id == "desk-micro"


def test_both_shows_the_popup_too_and_answering_it_takes_the_notification_down(qtbot):
    notes = Notifications()
    app, clock, driver, popup = window_with_reminders(qtbot, notifier=notes)
    app.settings.set_reminders(delivery="both")
    step(clock, driver, 2 * 3600 + 30)
    assert len(notes.shown) == 1 and popup.isVisible()
    popup.skip.click()
    assert notes.closed == 1
    app.settings.set_reminders(delivery="popup")
    step(clock, driver, 3600 + 30)
    assert len(notes.shown) == 1 and popup.isVisible()  # the popup only
    popup.skip.click()
    unable = Notifications(available=False)  # a server with no buttons: the popup asks
    app2, clock2, driver2, popup2 = window_with_reminders(qtbot, notifier=unable)
    step(clock2, driver2, 2 * 3600 + 30)
    assert unable.shown == [] and popup2.isVisible()


def test_a_call_holds_the_popup_and_nothing_is_said_into_it(qtbot):
    phone = Phone()
    app, clock, driver, popup = window_with_reminders(qtbot, phone=phone)
    said = []
    app.voice = type("Voice", (), {  # what the controller asks of the player here
        "announce": lambda self, text: said.append(text),
        "prepare": lambda self, cues, open_stream=True: None})()
    phone.on = True  # on a call all morning
    step(clock, driver, 2 * 3600 + 60)  # 10:00 passes
    assert not popup.isVisible() and driver.scheduler.deferred and said == []
    phone.on = False  # the call ends: the reminder comes within one check, spoken
    step(clock, driver, 30)
    assert popup.isVisible() and said == ["Time to stand and stretch. Desk micro-break."]
    popup.skip.click()
    app.settings.set_reminders(call_defer_min=15)
    phone.on = True  # a call through 11:00 and past its limit: it comes, but silently
    step(clock, driver, 3600 + 20 * 60)
    assert popup.isVisible() and len(said) == 1


def test_the_stand_up_nudge_is_a_tray_message_not_a_popup(qtbot):
    app, clock, driver, popup = window_with_reminders(qtbot, tray=True)
    messages = []
    app.tray.icon.showMessage = lambda title, text, *a: messages.append((title, text))
    dialog = app.show_settings("Reminders")
    dialog.reminders.nudge.setChecked(True)
    assert app.settings.reminders.nudge
    step(clock, driver, 89 * 60)
    assert messages == []
    step(clock, driver, 60)  # 09:30, halfway to the first reminder of the day
    assert messages == [("Stand up for a moment", "Next stretch at 10:00.")]
    assert not popup.isVisible()


def test_no_reminder_pops_up_during_a_routine(qtbot):
    app, clock, driver, popup = window_with_reminders(qtbot)
    app.start_routine(app.library.get("evening-floor"))
    app.driver.pause()  # paused mid-routine, past the due time
    step(clock, driver, 2 * 3600)
    assert not popup.isVisible()


def test_the_trays_quit_records_the_running_routine_and_really_quits(qtbot, tmp_path,
                                                                    monkeypatch):
    from PySide6.QtWidgets import QApplication

    from stretchtimer.core.plan import Kind
    from stretchtimer.storage.history_files import HistoryFiles

    app, clock, driver, popup = window_with_reminders(qtbot, tray=True)
    app.history_files = HistoryFiles(tmp_path / "history.jsonl")
    app.start_routine(app.library.get("desk-micro"))
    hold = next(s for s in app.driver.plan.segments if s.kind == Kind.HOLD)
    clock.advance_to(app.driver.machine.monotonic_at(hold.start + 7))
    app.driver.catch_up()
    quits = []
    monkeypatch.setattr(QApplication.instance(), "quit", lambda: quits.append(1))
    app.tray.menu.actions()[-1].trigger()  # Quit
    assert quits == [1] and app.quitting
    (record,) = app.history_files.records()
    assert record["completed"] is False and 6 <= sum(h["seconds"] for h in record["held"]) <= 8
    assert app.window.close() and not app.window.isVisible()  # no longer closes into the tray


def test_the_offered_routine_is_rendered_while_the_popup_waits(qtbot, tmp_path):
    from stretchtimer.voice.cache import SpeechCache
    from stretchtimer.voice.player import CuePlayer
    from stretchtimer.voice.service import SpeechService
    from tests.widgets.test_voice_player import RecordingOut

    clock = FakeClock(wall=MONDAY_8)
    app = Controller(load_routines(None), clock)
    qtbot.addWidget(app.window)
    service = SpeechService(SpeechCache(tmp_path / "speech"), backend="tests.fake_engines:Instant")
    out = RecordingOut()
    app.set_voice(CuePlayer(service, app.settings, out))
    try:
        driver = ReminderDriver(app.settings, clock, parent=app.window)
        popup = ReminderPopup()
        qtbot.addWidget(popup)
        app.set_reminders(driver, None, popup)
        rendered = []
        service.rendered.connect(lambda key, path: rendered.append(key))
        step(clock, driver, 2 * 3600)  # 10:00: the popup offers the routine
        routine = app.suggested_routine()
        wanted = {service.cached(c.text, None, 170)[0]
                  for c in app.plan_and_cues(routine)[1]}
        qtbot.waitUntil(lambda: wanted <= set(rendered), timeout=8000)
        assert not getattr(out, "opened", 0)  # rendered ahead, the audio stream still closed
    finally:
        service.shutdown()


def test_a_reminder_answered_elsewhere_leaves_the_screen(qtbot):
    notes = Notifications()
    app, clock, driver, popup = window_with_reminders(qtbot, notifier=notes)
    app.settings.set_reminders(delivery="both")
    step(clock, driver, 2 * 3600 + 30)
    assert popup.isVisible()
    app.answer_forwarded(["--skip"])  # a hotkey script
    assert not popup.isVisible() and notes.closed == 1
    step(clock, driver, 3600 + 30)
    assert popup.isVisible()
    app.start_routine(app.library.get("walk-break"))  # from the tray, say
    assert not popup.isVisible() and notes.closed == 2
