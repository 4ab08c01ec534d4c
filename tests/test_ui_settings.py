"""Settings through the real startup path: saved at once, restored, problems told."""

from PySide6.QtCore import Qt

from stretchtimer.app import build_window
from stretchtimer.core.clock import FakeClock
from stretchtimer.storage.paths import Paths


def open_window(qtbot, tmp_path):
    window = build_window(Paths.under(tmp_path), FakeClock())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return window


def test_changes_are_saved_at_once_and_restored(qtbot, tmp_path):
    window = open_window(qtbot, tmp_path)
    window.act_contrast.setChecked(True)
    window.start_routine(window.library.get("walk-break"))
    qtbot.keyClick(window.timer, Qt.Key.Key_M)
    saved = (tmp_path / "config" / "settings.json").read_text()
    assert '"high_contrast": true' in saved and '"muted": true' in saved
    again = open_window(qtbot, tmp_path)  # as on the next launch
    assert again.voice_settings.muted and again.settings.display.high_contrast
    assert again.act_contrast.isChecked()
    again.act_contrast.setChecked(False)  # leave the shared QApplication's palette as it was


def test_a_corrupt_settings_file_is_kept_and_the_user_is_told(qtbot, tmp_path):
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.json").write_text("{oops")
    window = open_window(qtbot, tmp_path)
    assert window.notice_bar.isVisibleTo(window)
    assert "could not be read" in window.notice.text()
    kept = list(config.glob("settings.json.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_text() == "{oops"


def test_a_finished_and_a_stopped_session_are_recorded_at_once(qtbot, tmp_path):
    from stretchtimer.core.history import sessions_from
    from stretchtimer.storage.journal import Journal

    window = open_window(qtbot, tmp_path)
    window.start_routine(window.library.get("walk-break"))
    driver = window.driver
    with qtbot.waitSignal(window.session_recorded):
        window.clock.advance_to(driver.machine.monotonic_at(driver.machine.end))
        driver.catch_up()
    window.start_routine(window.library.get("desk-micro"))
    first_hold = next(seg for seg in driver.plan.segments if seg.kind.value == "hold")
    window.clock.advance_to(driver.machine.monotonic_at(first_hold.start + 7))
    driver.catch_up()
    with qtbot.waitSignal(window.session_recorded):
        qtbot.keyClick(window.timer, Qt.Key.Key_Escape)  # stopped early: recorded too
    sessions = sessions_from(Journal(tmp_path / "data" / "history.jsonl").load().records)
    assert [(s.routine_id, s.completed) for s in sessions] == [("walk-break", True),
                                                               ("desk-micro", False)]
    walk = sessions[0].held[0]
    assert walk.exercise_id == "easy-lap" and walk.seconds == 90 and walk.muscles == ("legs",)
    held = {(h.exercise_id, h.side): h.seconds for h in sessions[1].held}
    assert held[("standing-hamstring", "right")] == 7  # stopped mid-way: what was held


def test_a_full_disk_when_saving_a_session_is_told(qtbot, tmp_path, monkeypatch):
    window = open_window(qtbot, tmp_path)

    def full(record):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(window.journal, "append", full)
    window.start_routine(window.library.get("walk-break"))
    qtbot.keyClick(window.timer, Qt.Key.Key_Escape)
    assert "Could not save this session" in window.notice.text()
    assert "No space left" in window.notice.text()
