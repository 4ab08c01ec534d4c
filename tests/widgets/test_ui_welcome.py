"""The first-run welcome (issue 20): shown on a fresh home and never again, its choices
land in the settings, Skip changes nothing, nothing is scheduled before it is closed, and
it is there from Help."""

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from stretchtimer.core.clock import FakeClock
from stretchtimer.platform.autostart import FileAutostart
from stretchtimer.storage.paths import Paths
from tests.ui_helpers import launched
from tests.widgets.test_ui_reminders import MONDAY_8


def first_launch(qtbot, tmp_path):
    """The app as a first launch that opens the window sets it up, reminders and all."""
    def first(app):
        app.welcome_first = True
        app.autostart = FileAutostart(tmp_path / "autostart" / "stretchtimer.desktop",
                                      b"[Desktop]")

    return launched(qtbot, tmp_path / "home", FakeClock(wall=MONDAY_8), first)


def saved(tmp_path):
    return json.loads((tmp_path / "home" / "config" / "settings.json").read_text())


def test_the_welcome_shows_once_and_holds_the_reminders_until_it_is_closed(qtbot, tmp_path):
    app, driver = first_launch(qtbot, tmp_path)
    welcome = app._welcome
    assert welcome is not None and welcome.isVisible()
    assert driver.scheduler.due is None  # nothing scheduled yet
    with qtbot.waitSignal(app.reminders_ready):
        welcome.reject()  # Skip (Esc)
    assert driver.scheduler.due is not None
    assert saved(tmp_path)["display"]["welcome_shown"] is True
    from stretchtimer.storage.settings import ReminderSettings

    kept = saved(tmp_path)["reminders"]  # Skip: as they were
    assert kept["interval_min"] == 60 and kept["work_hours"] == ReminderSettings().work_hours
    app.window.close()
    again, _driver = first_launch(qtbot, tmp_path)
    assert again._welcome is None  # never again


def test_the_choices_land_in_the_settings_from_the_keyboard(qtbot, tmp_path):
    app, driver = first_launch(qtbot, tmp_path)
    welcome = app._welcome
    qtbot.waitUntil(welcome.isActiveWindow)
    assert welcome.currentPage().title() == "Stand up and stretch, a little, every hour"
    assert "tingling, numbness" in welcome.safety.text()
    qtbot.keyClick(welcome, Qt.Key.Key_Return)  # Next
    assert welcome.currentId() == 1
    assert welcome.interval.value() == 60 and welcome.start.time().toString("HH:mm") == "09:00"
    welcome.interval.setValue(45)
    welcome.days["fri"].setChecked(False)
    welcome.days["sat"].setChecked(True)
    welcome.start.setTime(welcome.start.time().fromString("08:30", "HH:mm"))
    welcome.next()
    welcome.speak.setChecked(False)
    assert welcome.at_login.isVisible() and welcome.at_login.isChecked()
    assert welcome.button(QWizard.WizardButton.FinishButton).isVisible()
    with qtbot.waitSignal(app.reminders_ready):
        qtbot.keyClick(welcome, Qt.Key.Key_Return)  # Finish
    s = saved(tmp_path)
    assert s["reminders"]["interval_min"] == 45
    assert set(s["reminders"]["work_hours"]) == {"mon", "tue", "wed", "thu", "sat"}
    assert s["reminders"]["work_hours"]["sat"] == ["08:30", "17:30"]
    assert s["voice"]["muted"] is True and s["display"]["welcome_shown"] is True
    assert app.autostart.enabled()


def test_one_who_has_stretched_before_is_not_welcomed_and_help_shows_it(qtbot, tmp_path):
    from stretchtimer.storage.journal import Journal

    Journal(Paths.under(tmp_path / "home").journal).append({"type": "x"})
    app, driver = first_launch(qtbot, tmp_path)
    assert app._welcome is None and driver.scheduler.due is not None
    app.window.act_welcome.trigger()
    assert app._welcome is not None and app._welcome.isVisible()
    app._welcome.reject()


def test_finish_from_help_keeps_what_was_not_changed(qtbot, tmp_path):
    """Days with hours of their own, and a login entry turned off, stay as they are."""
    app, driver = first_launch(qtbot, tmp_path)
    app._welcome.reject()
    own = {"mon": ["07:00", "15:00"], "tue": ["09:00", "17:30"], "fri": ["09:00", "12:00"]}
    app.settings.set_reminders(work_hours=own)
    assert not app.autostart.enabled()
    welcome = app.show_welcome()
    assert "hours of their own" in " ".join(
        w.text() for w in welcome.page(1).findChildren(type(welcome.safety)))
    assert not welcome.at_login.isChecked()  # as the entry is
    welcome.start.setTime(welcome.start.time().fromString("23:59", "HH:mm"))
    assert welcome.start.time().toString("HH:mm") == "23:58"  # the day must end after it
    welcome.start.setTime(welcome.start.time().fromString("07:00", "HH:mm"))
    welcome.hours_edited = False  # looked, changed nothing
    welcome.accept()
    assert app.settings.reminders.work_hours == own and not app.autostart.enabled()


def test_the_work_day_step_needs_a_day(qtbot, tmp_path):
    app, _driver = first_launch(qtbot, tmp_path)
    welcome = app._welcome
    welcome.next()
    next_button = welcome.button(welcome.WizardButton.NextButton)
    for box in welcome.days.values():
        box.setChecked(False)
    assert not next_button.isEnabled()  # no day: no reminder would ever come
    welcome.days["wed"].setChecked(True)
    assert next_button.isEnabled()
    welcome.reject()


def test_nothing_from_the_tray_or_a_command_arms_reminders_while_it_is_open(qtbot, tmp_path):
    app, driver = first_launch(qtbot, tmp_path)
    assert app.status()["held_by"] == ["welcome"] and app.status()["next_reminder"] is None
    driver.snooze()  # the tray's Snooze, or --snooze
    driver.skip()
    driver.routine_finished()  # a routine started from the tray and finished
    app.settings.set_reminders(interval_min=45)  # Settings, opened from the tray
    assert driver.scheduler.due is None and not driver._due.isActive()
    driver.pause_for(2 * 3600)  # a pause is kept for when they start
    with qtbot.waitSignal(app.reminders_ready):
        app._welcome.reject()
    paused_until = MONDAY_8 + 2 * 3600
    assert driver.scheduler.paused_until == paused_until
    assert driver.scheduler.due == paused_until + 45 * 60  # an interval after the pause
    assert "paused" in app.status()["held_by"]
