"""One plan context: with a slow voice and a stretch paused for safety, the picker's card,
the tray's start item, the reminder popup, the editor's total and the session that
starts all show the same length (before, the first three ignored the voice rate and
the paused stretch, and the editor the paused stretch)."""

import re
from datetime import datetime

from stretchtimer.controller import Controller
from stretchtimer.core.clock import FakeClock
from stretchtimer.core.plan import build_plan, format_clock
from stretchtimer.settings_model import SettingsModel
from stretchtimer.storage.routines import load_routines
from stretchtimer.storage.settings import Settings, VoiceSettings
from stretchtimer.ui.reminder_driver import ReminderDriver
from stretchtimer.ui.reminder_popup import ReminderPopup
from stretchtimer.ui.routine_picker import PLAN_ROLE, ROUTINE_ROLE
from stretchtimer.ui.tray import Tray

MONDAY_9 = datetime(2026, 11, 16, 9, 0).timestamp()  # local time, in the work hours


def length_in(text: str) -> str:
    return re.findall(r"\d+:\d\d", text)[-1]


def test_every_view_and_the_started_session_show_the_same_length(qtbot, tmp_path):
    routines = load_routines(None)
    routine = routines.get("desk-micro")
    paused = routine.exercises[1].id
    model = SettingsModel(Settings(voice=VoiceSettings(rate_wpm=110), suspended=(paused,)))
    clock = FakeClock(wall=MONDAY_9)
    app = Controller(routines, clock, model, routines_folder=tmp_path)
    qtbot.addWidget(app.window)
    app.window.show()
    from stretchtimer.app import app_icon

    tray = Tray(app_icon(), list(routines.routines.values()), parent=app)
    popup = ReminderPopup()
    qtbot.addWidget(popup)
    reminders = ReminderDriver(model, clock, parent=app)
    app.set_reminders(reminders, tray, popup)

    picker = app.window.picker
    picker.select(routine.id)
    row = next(picker.model.item(r) for r in range(picker.model.rowCount())
               if picker.model.item(r).data(ROUTINE_ROLE).id == routine.id)
    card = format_clock(row.data(PLAN_ROLE).total)
    preview = length_in(picker.preview.title.text() + " " + picker.preview.facts.text())
    tray_item = length_in(tray.act_start.text())
    reminders.scheduler.due = clock.wall()  # a reminder is due now
    reminders.check()
    assert popup.isVisible()
    in_popup = length_in(popup.routine.text())
    editor = app.routines.edit(routine)  # a built-in: its copy opens
    in_editor = length_in(editor.total.text())
    editor.reject()
    app.start_routine(routine)
    started = format_clock(app.driver.plan.total)
    app.driver.stop()

    assert card == preview == tray_item == in_popup == in_editor == started
    assert paused not in [ex.id for ex in app.driver.plan.routine.exercises]
    assert started != format_clock(build_plan(routine).total)  # the test can tell them apart
