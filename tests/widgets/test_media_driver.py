"""The rule for other apps' music, with a recording stand-in for the player control
(the real MPRIS one is tests/e2e/test_media.py): paused while a routine runs with the
voice on, resumed when it ends, when the voice is muted or the setting turned off."""

from PySide6.QtCore import Qt

from stretchtimer.settings_model import SettingsModel
from stretchtimer.ui.media_driver import MediaDriver


class Recorder:
    def __init__(self):
        self.calls = []

    def pause_playing(self):
        self.calls.append("pause")

    def resume(self):
        self.calls.append("resume")

    def shutdown(self):
        self.calls.append("shutdown")


def driver(made=None):
    recorder = Recorder()
    model = SettingsModel()
    made = [] if made is None else made
    media = MediaDriver(model, lambda parent: made.append(parent) or recorder)
    return media, model, recorder, made


def test_music_is_paused_for_a_routine_and_resumed_after():
    media, model, recorder, made = driver()
    assert made == []  # nothing is made (no D-Bus) before the first routine
    media.routine_started()
    media.routine_started()  # a restart: still paused once
    media.routine_ended()
    assert recorder.calls == ["pause", "resume"] and made == [media]


def test_muting_or_turning_it_off_mid_routine_gives_the_music_back():
    media, model, recorder, _ = driver()
    media.routine_started()
    model.set_voice(muted=True)
    model.set_voice(muted=False)
    model.set_voice(pause_media=False)
    media.routine_ended()
    assert recorder.calls == ["pause", "resume", "pause", "resume"]
    model.set_voice(pause_media=True)  # no routine: nothing to do
    assert recorder.calls[-1] == "resume"


def test_with_the_setting_off_or_the_voice_muted_nothing_is_paused():
    media, model, recorder, _ = driver()
    model.set_voice(pause_media=False)
    media.routine_started()
    media.routine_ended()
    model.set_voice(pause_media=True, muted=True)
    media.routine_started()
    assert recorder.calls == []


def test_quitting_mid_routine_resumes_and_where_nothing_can_pause_nothing_fails():
    media, model, recorder, _ = driver()
    media.routine_started()
    media.shutdown()
    assert recorder.calls == ["pause", "shutdown"]
    none = MediaDriver(SettingsModel(), lambda parent: None)  # no session bus, macOS
    none.routine_started()
    none.routine_ended()
    none.shutdown()


def test_the_window_pauses_music_when_a_routine_starts_and_resumes_on_stop(rig, qtbot):
    recorder = Recorder()
    rig.app.media._make = lambda parent: recorder
    qtbot.keyClick(rig.window.picker.list, Qt.Key.Key_Return)
    assert recorder.calls == ["pause"]
    qtbot.keyClick(rig.timer, Qt.Key.Key_Escape)
    assert recorder.calls == ["pause", "resume"]
