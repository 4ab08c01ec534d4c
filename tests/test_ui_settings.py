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
