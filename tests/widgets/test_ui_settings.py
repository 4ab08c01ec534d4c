"""Settings through the real startup path: saved at once, restored, problems told."""

from PySide6.QtCore import Qt

from stretchtimer.app import build_app
from stretchtimer.core.clock import FakeClock
from stretchtimer.storage.paths import Paths


def open_window(qtbot, tmp_path):
    app = build_app(Paths.under(tmp_path), FakeClock())
    window = app.window
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return app


def test_changes_are_saved_at_once_and_restored(qtbot, tmp_path):
    app = open_window(qtbot, tmp_path)
    window = app.window
    window.act_contrast.setChecked(True)
    app.start_routine(app.library.get("walk-break"))
    qtbot.keyClick(app.timer, Qt.Key.Key_M)
    saved = (tmp_path / "config" / "settings.json").read_text()
    assert '"high_contrast": true' in saved and '"muted": true' in saved
    again_app = open_window(qtbot, tmp_path)  # as on the next launch
    again = again_app.window
    assert again_app.settings.voice.muted and again_app.settings.display.high_contrast
    assert again.act_contrast.isChecked()
    again.act_contrast.setChecked(False)  # leave the shared QApplication's palette as it was


def test_a_corrupt_settings_file_is_kept_and_the_user_is_told(qtbot, tmp_path):
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_text("{oops")
    app = open_window(qtbot, tmp_path)
    window = app.window
    assert window.notice_bar.isVisibleTo(window)
    assert "could not be read" in window.notice.text()
    kept = list(config.glob("settings.json.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_text() == "{oops"


def test_a_finished_and_a_stopped_session_are_recorded_at_once(qtbot, tmp_path):
    from stretchtimer.core.history import sessions_from
    from stretchtimer.storage.journal import Journal

    app = open_window(qtbot, tmp_path)
    app.start_routine(app.library.get("walk-break"))
    driver = app.driver
    with qtbot.waitSignal(app.session_recorded):
        app.clock.advance_to(driver.machine.monotonic_at(driver.machine.end))
        driver.catch_up()
    app.start_routine(app.library.get("desk-micro"))
    first_hold = next(seg for seg in driver.plan.segments if seg.kind.value == "hold")
    app.clock.advance_to(driver.machine.monotonic_at(first_hold.start + 7))
    driver.catch_up()
    with qtbot.waitSignal(app.session_recorded):
        qtbot.keyClick(app.timer, Qt.Key.Key_Escape)  # stopped early: recorded too
    sessions = sessions_from(Journal(tmp_path / "data" / "history.jsonl").load().records)
    assert [(s.routine_id, s.completed) for s in sessions] == [("walk-break", True),
                                                               ("desk-micro", False)]
    walk = sessions[0].held[0]
    assert walk.exercise_id == "easy-lap" and walk.seconds == 90 and walk.muscles == ("legs",)
    held = {(h.exercise_id, h.side): h.seconds for h in sessions[1].held}
    assert held[("standing-hamstring", "right")] == 7  # stopped mid-way: what was held


def test_a_full_disk_when_saving_a_session_is_told(qtbot, tmp_path, monkeypatch):
    app = open_window(qtbot, tmp_path)
    window = app.window

    def full(record):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(app.history_files, "append", full)
    app.start_routine(app.library.get("walk-break"))
    qtbot.keyClick(app.timer, Qt.Key.Key_Escape)
    assert "Could not save this session" in window.notice.text()
    assert "No space left" in window.notice.text()


def finish(app, qtbot, routine_id):
    app.start_routine(app.library.get(routine_id))
    driver = app.driver
    with qtbot.waitSignal(app.session_recorded):
        app.clock.advance_to(driver.machine.monotonic_at(driver.machine.end))
        driver.catch_up()


def test_checkin_by_key_is_saved_with_its_session(qtbot, tmp_path):
    from stretchtimer.core.history import sessions_from
    from stretchtimer.core.records import Rating
    from stretchtimer.storage.journal import Journal

    app = open_window(qtbot, tmp_path)
    finish(app, qtbot, "walk-break")
    assert app.checkin.isVisibleTo(app.window)
    qtbot.keyClick(app.timer, Qt.Key.Key_2)  # Good
    assert app.checkin.question.text().startswith("Thanks")
    (s,) = sessions_from(Journal(tmp_path / "data" / "history.jsonl").load().records)
    assert s.rating is Rating.GOOD
    qtbot.keyClick(app.timer, Qt.Key.Key_4)  # answered already: nothing more is saved
    assert sessions_from(Journal(tmp_path / "data" / "history.jsonl").load().records)[0].rating \
        is Rating.GOOD


def test_checkin_can_be_skipped(qtbot, tmp_path):
    app = open_window(qtbot, tmp_path)
    window = app.window
    finish(app, qtbot, "walk-break")
    qtbot.mouseClick(app.checkin.skip, Qt.MouseButton.LeftButton)
    assert not app.checkin.isVisibleTo(window)


def test_tingling_shows_the_safety_message_and_pauses_the_stretches(qtbot, tmp_path):
    from stretchtimer.core.records import Rating

    app = open_window(qtbot, tmp_path)
    window = app.window
    finish(app, qtbot, "chair-hamstrings")
    qtbot.mouseClick(app.checkin.buttons[Rating.NERVE], Qt.MouseButton.LeftButton)
    notice = app.safety
    assert notice.isVisible()
    text = notice.findChild(type(window.notice)).text()
    assert "urgent medical care" in text and "bladder" in text and "Seated hamstring" in text
    notice.accept()
    assert app.settings.paused == ("seated-hamstring", "seated-brace")
    assert '"seated-hamstring"' in (tmp_path / "config" / "settings.json").read_text()
    # the paused stretch is left out of every routine that has it, and the preview says so
    window.show_picker()
    window.picker.select("breathe-stabilise")  # also has seated-brace
    assert window.picker.preview.paused.isVisibleTo(window)
    assert "Gentle core brace" in window.picker.preview.paused.text()
    _, cues = app.plan_and_cues(app.library.get("breathe-stabilise"))
    assert cues and not any("Gentle core brace" in c.text for c in cues)
    app.start_routine(app.library.get("chair-hamstrings"))  # everything in it is paused
    assert "paused for your safety" in window.notice.text()
    # resumed only on the user's word
    dialog = app.show_paused()
    for i in range(dialog.list.count()):
        dialog.list.item(i).setCheckState(Qt.CheckState.Checked)
    qtbot.mouseClick(dialog.resume, Qt.MouseButton.LeftButton)
    assert app.settings.paused == ()
    assert not window.picker.preview.paused.isVisibleTo(window)


def test_progression_lengthens_the_hold_and_the_preview_says_so(qtbot, tmp_path):
    app = open_window(qtbot, tmp_path)
    window = app.window
    for _week in range(2):  # two towel sessions rated good, a week apart
        app.clock.advance(7 * 24 * 3600)
        finish(app, qtbot, "towel-hamstring-beginner")
        qtbot.keyClick(app.timer, Qt.Key.Key_2)
    window.show_picker()
    window.picker.select("towel-hamstring-beginner")
    details = window.picker.preview.details.text()
    assert "3 × 20 s each side (was 15 s)" in details
    plan, _ = app.plan_and_cues(app.library.get("towel-hamstring-beginner"))
    assert {s.length for s in plan.segments if s.kind.value == "hold"} == {20.0}


def test_the_settings_dialog_saves_every_page_at_once(qtbot, tmp_path):
    import json

    app = open_window(qtbot, tmp_path)
    from stretchtimer.ui.settings_dialog import SettingsDialog

    app.window.act_settings.trigger()  # the menu item (Ctrl+,) opens it on the Voice page
    opened = app.window.findChild(SettingsDialog)
    assert opened.isVisible() and opened.tabs.tabText(opened.tabs.currentIndex()) == "Voice"
    opened.close()
    dialog = app.show_settings("Reminders")
    page = dialog.reminders
    page.interval.setValue(45)
    sat_on, sat_from, sat_to = page.days["sat"]
    sat_on.setChecked(True)
    sat_from.setTime(sat_from.time().fromString("10:00", "HH:mm"))
    page.days["fri"][0].setChecked(False)
    dialog.goals.days.setValue(3)
    dialog.contrast.setChecked(True)
    saved = json.loads((tmp_path / "config" / "settings.json").read_text())
    assert saved["reminders"]["interval_min"] == 45
    assert saved["reminders"]["work_hours"]["sat"] == ["10:00", "17:30"]
    assert "fri" not in saved["reminders"]["work_hours"]
    assert saved["goals"]["days_per_week"] == 3
    assert saved["display"]["high_contrast"] is True and app.window.act_contrast.isChecked()
    app.window.act_contrast.setChecked(False)
    # a day's hours cannot end before they start
    sat_to.setTime(sat_to.time().fromString("08:00", "HH:mm"))
    assert sat_to.time() > sat_from.time()


def test_the_organisations_locked_settings_show_and_cannot_be_changed(qtbot, tmp_path):
    import json

    from stretchtimer.settings_model import SettingsModel
    from stretchtimer.storage.defaults import load_defaults
    from stretchtimer.storage.settings import SettingsStore
    from stretchtimer.ui.settings_dialog import SettingsDialog

    site = tmp_path / "defaults.json"
    site.write_text(json.dumps({"reminders": {"interval_min": 45, "snooze_min": 5},
                                "display": {"high_contrast": True},
                                "locked": ["reminders.interval_min", "display.high_contrast"]}))
    store = SettingsStore(tmp_path / "settings.json", load_defaults(site))
    model = SettingsModel(store.load(), store)
    dialog = SettingsDialog(model)
    qtbot.addWidget(dialog)
    interval, snooze = dialog.reminders.interval, dialog.reminders.snooze
    assert interval.value() == 45 and not interval.isEnabled()
    assert interval.toolTip() == "Set by your organisation"
    assert dialog.display.contrast.isChecked() and not dialog.display.contrast.isEnabled()
    assert snooze.value() == 5 and snooze.isEnabled()  # a default, the user's to change
    snooze.setValue(12)
    assert model.reminders.snooze_min == 12
    heard = []
    model.reminders_changed.connect(heard.append)
    model.set_reminders(interval_min=90)  # say, a stray control: refused, shown back
    assert model.reminders.interval_min == 45 and heard[-1].interval_min == 45
    saved = json.loads(store.path.read_text())["reminders"]
    assert "interval_min" not in saved and saved["snooze_min"] == 12  # only the user's
