"""The window and the voice together: a started routine is voiced, M mutes it, and a
missing engine shows one notice."""

import pytest
from PySide6.QtCore import Qt

from stretchtimer.core.plan import Kind
from stretchtimer.voice.cache import SpeechCache
from stretchtimer.voice.player import CHIME, CuePlayer
from stretchtimer.voice.service import SpeechService
from tests.widgets.test_voice_player import RecordingOut


def give_voice(rig, tmp_path, backend="Instant"):
    service = SpeechService(SpeechCache(tmp_path / "speech"),
                            backend=f"tests.fake_engines:{backend}")
    out = RecordingOut()
    rig.app.set_voice(CuePlayer(service, rig.app.settings, out))
    return service, out


def test_selected_routine_is_rendered_and_its_cues_are_voiced(rig, qtbot, tmp_path):
    service, out = give_voice(rig, tmp_path)
    try:
        plan, cues = rig.app.plan_and_cues(rig.app.library.get("desk-micro"))
        distinct = {c.text for c in cues}
        qtbot.waitUntil(lambda: len(out.loaded) == len(distinct) + 1, timeout=8000)
        qtbot.keyClick(rig.window.picker.list, Qt.Key.Key_Return)
        hold = rig.segments(Kind.HOLD)[0]
        rig.at(hold.start)
        keys = rig.app.voice._keys
        assert out.played[-1][0] == keys["Hold"]
        qtbot.keyClick(rig.timer, Qt.Key.Key_M)
        before = len(out.played)
        rig.at(hold.end)
        assert len(out.played) == before  # muted: "3, 2, 1, release" stay silent
        qtbot.keyClick(rig.timer, Qt.Key.Key_M)
        rig.at(rig.segments(Kind.HOLD)[1].start)
        assert out.played[-1][0] == keys["Hold"]
    finally:
        service.shutdown()


def test_missing_engine_shows_one_notice_and_chimes_at_each_step(rig, qtbot, tmp_path):
    service, out = give_voice(rig, tmp_path, "Missing")
    try:
        qtbot.waitUntil(lambda: rig.window.notice_bar.isVisible(), timeout=8000)
        assert "espeak-ng" in rig.window.notice.text()
        qtbot.keyClick(rig.window.picker.list, Qt.Key.Key_Return)
        rig.at(rig.segments(Kind.HOLD)[0].start)
        assert [k for k, _ in out.played] == [CHIME, CHIME]  # prepare, then hold
        qtbot.mouseClick(rig.window.notice_close, Qt.MouseButton.LeftButton)
        assert not rig.window.notice_bar.isVisible()
    finally:
        service.shutdown()


def voice_page(rig, qtbot, service):
    """Settings > Voice, once the fake engine has listed its two voices."""
    qtbot.waitUntil(lambda: service.client.engine_name is not None, timeout=8000)
    dialog = rig.app.show_settings().voice
    qtbot.waitUntil(lambda: "voices from" in dialog.status.text(), timeout=5000)
    return dialog


@pytest.fixture
def page(rig, qtbot, tmp_path):
    """The fake engine's service and Settings > Voice once it has listed its voices."""
    service, _out = give_voice(rig, tmp_path)
    try:
        yield service, voice_page(rig, qtbot, service)
    finally:
        service.shutdown()


def test_voice_settings_list_the_engines_voices_and_apply_at_once(rig, qtbot, tmp_path):
    service, out = give_voice(rig, tmp_path)
    try:
        dialog = voice_page(rig, qtbot, service)
        assert [dialog.voice.itemText(i) for i in range(3)] == [
            "Automatic: the system's default voice", "System voices", "Fake English"]
        assert [dialog.language.itemText(i) for i in range(2)] == ["English", "Deutsch"]
        dialog.language.setCurrentIndex(1)  # German: its first voice is chosen
        assert rig.app.settings.voice.voice == "fake/de"
        assert [dialog.voice.itemText(i) for i in range(dialog.voice.count())] == [
            "System voices", "Fake German"]
        dialog.rate.setValue(120)
        dialog.breathing.setCurrentIndex(dialog.breathing.findData("off"))
        dialog.countdown.setChecked(False)
        plan, cues = rig.app.plan_and_cues(rig.app.library.get("desk-micro"))
        assert plan.rate_wpm == 120
        assert not [c for c in cues if c.text in ("Breathe in", "3")]
        keys = rig.app.voice._keys  # re-rendered for the new voice and rate
        from stretchtimer.voice.cache import cache_key
        assert keys["Hold"] == cache_key("Hold", "fake/de", 120, service.engine_key)
        dialog.mute.setChecked(True)
        qtbot.keyClick(rig.window.picker.list, Qt.Key.Key_Return)
        assert rig.timer.act_mute.isChecked()  # the timer's M button agrees
        said = []
        service.client.request = lambda kind, deadline, **a: said.append((kind, a["text"]))
        qtbot.mouseClick(dialog.test, Qt.MouseButton.LeftButton)
        assert said == [("say", "Now the left leg. Breathe in.")]
    finally:
        service.shutdown()


def test_skip_and_stop_cut_speech_at_once(rig, qtbot, tmp_path):
    service, out = give_voice(rig, tmp_path)
    try:
        qtbot.keyClick(rig.window.picker.list, Qt.Key.Key_Return)
        cuts = []
        service.interrupt = lambda: cuts.append("worker")  # live speech is cut there
        for key in (Qt.Key.Key_Right, Qt.Key.Key_Left, Qt.Key.Key_Space, Qt.Key.Key_Escape):
            before_cuts, before_stops = len(cuts), out.stops
            qtbot.keyClick(rig.timer, key)  # skip, back, pause, stop: each cuts speech
            assert len(cuts) > before_cuts and out.stops > before_stops, key
    finally:
        service.shutdown()


def test_plans_use_the_real_length_of_each_rendered_phrase(rig, qtbot, tmp_path):
    service, out = give_voice(rig, tmp_path)  # the fake engine says everything in 0.3 s
    try:
        routine = rig.app.library.get("desk-micro")
        _, cues = rig.app.plan_and_cues(routine)
        qtbot.waitUntil(lambda: len(rig.app.voice.lengths) == len({c.text for c in cues}),
                        timeout=8000)
        assert set(round(v, 2) for v in rig.app.voice.lengths.values()) == {0.3}
        # the plan context (every length shown, and the next start) follows the renders
        qtbot.waitUntil(lambda: rig.app.context.measured == rig.app.voice.lengths, timeout=2000)
        plan, cues = rig.app.plan_and_cues(routine)
        long_line = next(c for c in cues if c.text.startswith("Hinge forward"))
        assert long_line.duration == rig.app.voice.lengths[long_line.text]
    finally:
        service.shutdown()


def test_a_routine_started_at_launch_waits_for_its_voice_and_its_first_cue_is_heard(
        rig, qtbot, tmp_path):
    app = rig.app
    app.handle_forwarded(["--start", "walk-break"])  # before speech is set up
    assert app._driver is None or app.driver.machine is None  # not started yet
    spoken = []
    service, out = give_voice(rig, tmp_path)
    app.voice.cue_spoken.connect(lambda text, how: spoken.append((text, how)))
    try:
        qtbot.waitUntil(lambda: app._pending_start is None, timeout=8000)
        plan = app.driver.plan
        assert plan.routine.id == "walk-break" and plan.measured  # the real lengths
        rig.driver.catch_up()
        assert spoken[0] == ("Easy lap", "cached")  # the very first cue, from the cache
        first = plan.segments[0]
        cues = [c for c in app.driver.machine.cues if c.segment_index == first.index]
        for a, b in zip(cues, cues[1:]):
            assert b.offset >= a.offset + plan.measured.get(a.text, a.duration)
    finally:
        service.shutdown()


def test_voices_are_grouped_by_language_then_engine_natural_first(rig, page):
    service, dialog = page
    service.voices_listed.emit([  # as the worker lists them with Piper and espeak-ng
        {"id": "gmw/en", "name": "English (Great Britain)", "languages": ["\x05en-gb"],
         "engine": "system"},
        {"id": "gmw/de", "name": "German", "languages": ["de"], "engine": "system"},
        {"id": "piper:en_US-joe-medium", "name": "Joe (en_US, medium)",
         "languages": ["en_US"], "engine": "piper"},
        {"id": "xx/qq", "name": "Klingon", "languages": ["qq"], "engine": "system"}])
    shown = [dialog.voice.itemText(i) for i in range(dialog.voice.count())]
    assert shown[1:] == ["Natural voices (Piper)", "Joe (en_US, medium)",
                         "System voices", "English (Great Britain)"]
    assert [dialog._choosable(i) for i in range(len(shown))] == [
        True, False, True, False, True]  # headings cannot be chosen
    # the UI's language first, then by name; one Qt does not know goes by its voice
    assert [dialog.language.itemText(i) for i in range(3)] == [
        "English", "Deutsch", "Klingon"]
    dialog.voice.setCurrentIndex(2)
    assert rig.app.settings.voice.voice == "piper:en_US-joe-medium"
    dialog.language.setCurrentIndex(2)
    assert rig.app.settings.voice.voice == "xx/qq"
    dialog.language.setCurrentIndex(0)  # back: the automatic choice, at the top
    assert rig.app.settings.voice.voice is None


def downloaded_voice(folder, stem="en_GB-alba-medium"):
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{stem}.onnx").write_bytes(b"model bytes")
    (folder / f"{stem}.onnx.json").write_text(
        '{"audio": {"sample_rate": 22050}, "language": {"code": "en_GB"}}')
    return folder / f"{stem}.onnx"


@pytest.mark.parametrize("backend, speaks", [("Instant", True), ("RefusesPiper", False)])
def test_an_added_voice_file_is_checked_by_the_worker_then_chosen_or_taken_out(
        rig, qtbot, tmp_path, monkeypatch, backend, speaks):
    monkeypatch.setenv("STRETCHTIMER_HOME", str(tmp_path / "home"))
    service, out = give_voice(rig, tmp_path, backend)
    try:
        dialog = voice_page(rig, qtbot, service)
        source = downloaded_voice(tmp_path / "Downloads")
        folder = tmp_path / "home" / "data" / "voices"
        restarts = service.client.restarts
        with qtbot.waitSignal(service.voice_added, timeout=10000) as added:
            dialog.add_voice_file(str(source))
            assert not dialog.add.isEnabled() and "Checking" in dialog.status.text()
        assert added.args[0] == "piper:en_GB-alba-medium"
        assert dialog.add.isEnabled() and source.exists()  # the original is kept
        if speaks:
            assert added.args[1] == ""
            assert rig.app.settings.voice.voice == "piper:en_GB-alba-medium"
            assert sorted(p.name for p in folder.iterdir()) == [
                "en_GB-alba-medium.onnx", "en_GB-alba-medium.onnx.json"]
            assert "en_GB-alba-medium.onnx was added" in dialog.status.text()
        else:
            assert "cannot be used here" in added.args[1]
            assert list(folder.iterdir()) == []  # taken out again
            assert rig.app.settings.voice.voice is None
            assert "was not added: it does not speak here" in dialog.status.text()
        assert service.client.restarts == restarts  # ended on purpose, not lost
    finally:
        service.shutdown()


def test_a_file_that_is_no_voice_is_named_and_nothing_is_copied(rig, qtbot, tmp_path,
                                                                monkeypatch):
    monkeypatch.setenv("STRETCHTIMER_HOME", str(tmp_path / "home"))
    service, out = give_voice(rig, tmp_path)
    try:
        dialog = voice_page(rig, qtbot, service)
        lone = tmp_path / "voice.onnx"
        lone.write_bytes(b"a model with no config")
        dialog.add_voice_file(str(lone))
        assert dialog.status.text() == (
            "voice.onnx was not added: voice.onnx has no voice.onnx.json beside it")
        assert dialog.add.isEnabled()
        assert not (tmp_path / "home" / "data" / "voices").exists()
    finally:
        service.shutdown()


def test_automatic_is_offered_even_with_no_voice_for_the_ui_language(rig, page):
    service, dialog = page
    service.language = "fr"  # a French UI, with an English and a German voice only
    service.voices_listed.emit([
        {"id": "fake/en", "name": "English", "languages": ["en"], "engine": "system"},
        {"id": "fake/de", "name": "German", "languages": ["de"], "engine": "system"}])
    assert dialog.language.itemText(0) == "Français" and dialog.voice.count() == 1
    assert dialog.voice.currentData() is None and dialog.voice.currentText().startswith(
        "Automatic")
    assert rig.app.settings.voice.voice is None


def test_a_chosen_voice_that_is_gone_is_shown_as_gone_and_kept(rig, qtbot, tmp_path):
    service, out = give_voice(rig, tmp_path)
    try:
        rig.app.settings.set_voice(voice="piper:en_US-amy-low")  # its file was deleted
        dialog = voice_page(rig, qtbot, service)
        assert dialog.voice.currentText() == "en_US-amy-low (not found here)"
        assert dialog.voice.currentData() == "piper:en_US-amy-low"
        assert rig.app.settings.voice.voice == "piper:en_US-amy-low"  # not changed by showing
        shown = [dialog.voice.itemText(i) for i in range(dialog.voice.count())]
        assert shown[1:3] == ["Natural voices (Piper)", "en_US-amy-low (not found here)"]
    finally:
        service.shutdown()
