"""The speech service and cue player with fake engines in a real worker process, and a
recording audio output (the real one, QSoundEffect, is measured by the playback test)."""

import time
from dataclasses import replace

import pytest
from PySide6.QtCore import QElapsedTimer, QTimer

from stretchtimer.core.cues import Cue, CueKind, plan_cues
from stretchtimer.core.plan import build_plan
from stretchtimer.platform.system_clock import SystemClock
from stretchtimer.settings_model import SettingsModel
from stretchtimer.storage.settings import Settings, VoiceSettings
from stretchtimer.ui.session_driver import SessionDriver
from stretchtimer.voice.cache import SpeechCache, cache_key
from stretchtimer.voice.player import CHIME, CuePlayer, _CueStream
from stretchtimer.voice.service import SpeechService
from tests.fake_engines import write_tone
from tests.helpers import make_routine


class RecordingOut:
    """An AudioOut that remembers what it loaded and when it played what."""

    def __init__(self):
        self.loaded = {}
        self.played = []  # (key, monotonic)
        self.stops = 0

    def load(self, key, path):
        self.loaded[key] = path

    def is_loaded(self, key):
        return key in self.loaded

    def open(self):
        self.opened = getattr(self, "opened", 0) + 1

    def play(self, key, volume):
        self.played.append((key, time.monotonic()))

    def play_at(self, key, volume, at):  # placed ahead: it plays at its instant
        self.played.append((key, at))
        return True

    def stop(self):
        self.stops += 1

    def close(self):
        self.closed = getattr(self, "closed", 0) + 1


@pytest.fixture
def voice(qtbot, tmp_path):
    made = []

    def make(backend="Instant", cache=None, settings=None):
        service = SpeechService(cache or SpeechCache(tmp_path / "speech"),
                                backend=f"tests.fake_engines:{backend}")
        out = RecordingOut()
        model = SettingsModel(Settings(voice=settings or VoiceSettings()))
        player = CuePlayer(service, model, out)
        player.model = model  # for the tests that change a setting
        made.append(service)
        return player, service, out

    yield make
    for service in made:
        service.shutdown()


def cue(text, kind=CueKind.HOLD):
    return Cue(0.0, text, kind, 80, 0.5, 0)


def test_prepare_renders_each_distinct_phrase_once_into_the_cache(voice, qtbot, tmp_path):
    player, service, out = voice()
    cues = [cue("Hold"), cue("Breathe in"), cue("Hold")]
    player.prepare(cues)
    qtbot.waitUntil(lambda: len(out.loaded) == 3, timeout=5000)  # the chime + 2 phrases
    assert len(list((tmp_path / "speech").glob("*.wav"))) == 2
    asked = []
    service.client.request = lambda *a, **k: asked.append(a)  # a warm cache asks for nothing
    player2, _, out2 = voice(cache=service.cache)
    player2.service.client.request = service.client.request
    player2.prepare(cues)
    qtbot.waitUntil(lambda: len(out2.loaded) == 3, timeout=2000)
    assert asked == []


def test_cached_cues_play_late_ones_drop_but_switches_never(voice, qtbot):
    player, service, out = voice()
    phrases = [cue("Hold"), cue("Switch to your left side", CueKind.SWITCH)]
    player.prepare(phrases)
    qtbot.waitUntil(lambda: len(out.loaded) == 3, timeout=5000)
    spoken = []
    player.cue_spoken.connect(lambda text, how: spoken.append((text, how)))
    player.speak(phrases[0], 0.02)
    player.speak(phrases[0], 1.5)  # stale
    player.speak(phrases[1], 1.5)  # stale, but a side switch is still said
    assert spoken == [("Hold", "cached"), ("Hold", "dropped"),
                      ("Switch to your left side", "cached")]
    player.model.set_voice(muted=True)
    player.speak(phrases[0], 0)
    assert spoken[-1] == ("Hold", "muted") and len(out.played) == 2


def test_a_cue_not_yet_rendered_is_spoken_live(voice, qtbot):
    player, service, out = voice("Slow")
    said = []
    player.cue_spoken.connect(lambda text, how: said.append(how))
    player.speak(cue("Release"), 0)
    assert said == ["live"]
    assert any(p.kind == "say" for p in service.client._pending.values())
    player.interrupt()  # stop cuts live speech at once
    assert not any(p.kind == "say" for p in service.client._pending.values())


def test_a_hung_engine_never_blocks_the_window_and_cached_cues_stay_on_time(voice, qtbot,
                                                                             tmp_path):
    routine = make_routine(sides="none", reps=1, hold_s=5, hold_levels_s=[5], prepare_s=3,
                           setup=["Sit."], cues=[], breathing=None)
    plan = build_plan(routine)
    cues = plan_cues(plan)
    player, service, out = voice("HangsOnSecond")
    distinct = list(dict.fromkeys(c.text for c in cues))
    for text in distinct:  # a warm cache: these phrases were rendered on an earlier day
        key = cache_key(text, None, 170, service.engine_key)
        write_tone(str(service.cache.temp_path()))
        service.cache.commit(next(service.cache.folder.glob(".render-*.wav")), key)
    player.prepare(cues)  # all cached: nothing for the worker to do
    qtbot.waitUntil(lambda: len(out.loaded) == len(distinct) + 1, timeout=5000)
    service.render("a new phrase", None, 170)  # first render: fine
    service.render("another new phrase", None, 170)  # second: the worker hangs

    gaps, probe, clock = [], QTimer(), QElapsedTimer()
    clock.start()
    last = [0]

    def tick():
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    probe.timeout.connect(tick)
    probe.start(10)
    driver = SessionDriver(SystemClock())
    player.attach(driver)
    driver.begin(plan, cues)
    started = driver.machine.monotonic_at(0)
    with qtbot.waitSignal(driver.finished, timeout=int(driver.machine.end * 1000) + 3000):
        pass
    qtbot.waitUntil(lambda: service.client.restarts == 1 and bool(service.client.engine_name),
                    timeout=6000)  # the watchdog killed the hung worker and a new one is up
    probe.stop()
    assert max(gaps[1:]) < 100, max(gaps)
    keys = {c.text: player._keys[c.text] for c in cues}
    played = [(k, t - started) for k, t in out.played if k != CHIME]
    expected = [(keys[c.text], c.offset) for c in cues]
    assert [k for k, _ in played] == [k for k, _ in expected]
    errors = [abs(t - offset) for (_, t), (_, offset) in zip(played, expected)]
    assert max(errors) < 0.05, errors  # on time, from the cache, while the worker hung
    assert time.monotonic() - started < driver.machine.end + 5


def test_no_engine_gives_one_notice_and_chimes(voice, qtbot):
    player, service, out = voice("Missing")
    notices = []
    player.notice.connect(notices.append)
    player.prepare([cue("Hold")])
    qtbot.waitUntil(lambda: bool(notices), timeout=5000)
    # Another routine: its render is answered (failed) without starting a worker, so once
    # that answer is in, nothing is running or awaited that could report the engine again.
    with qtbot.waitSignal(service.render_failed, timeout=5000,
                          check_params_cb=lambda key, why: key == player._keys["Rest"]):
        player.prepare([cue("Rest")])
    assert not service.client.running and not service.client.busy()
    assert len(notices) == 1 and "espeak-ng" in notices[0] and "chime" in notices[0]
    player.speak(cue("Hold"), 0)
    assert out.played == []  # nothing to say it with
    player._on_driver_segment_changed(None)
    assert [k for k, _ in out.played] == [CHIME]


def test_a_crashing_engine_fails_that_render_and_the_next_one_works(voice, qtbot):
    player, service, out = voice("Crashes")
    failed = []
    service.render_failed.connect(lambda key, why: failed.append(why))
    service.render("boom", None, 170)
    qtbot.waitUntil(lambda: bool(failed), timeout=5000)
    assert "crashed" in failed[0] and service.client.running


def test_a_damaged_cached_phrase_is_rendered_again(voice, qtbot, tmp_path):
    player, service, out = voice()
    player.prepare([cue("Hold")])
    qtbot.waitUntil(lambda: len(out.loaded) == 2, timeout=5000)  # the chime + "Hold"
    (cached,) = (tmp_path / "speech").glob("*.wav")
    cached.write_bytes(b"\x00" * 4096)  # what a power cut can leave
    player2, service2, out2 = voice(cache=SpeechCache(tmp_path / "speech"))
    player2.prepare([cue("Hold")])
    qtbot.waitUntil(lambda: len(out2.loaded) == 2, timeout=5000)
    from stretchtimer.voice.cache import playable

    assert playable(cached) and list((tmp_path / "speech").glob("*.corrupt-*"))


def test_a_render_without_sound_is_a_failure_not_a_silent_cue(voice, qtbot, tmp_path):
    player, service, out = voice("WritesNothing")
    failed = []
    service.render_failed.connect(lambda key, why: failed.append(why))
    player.prepare([cue("Hold")])
    qtbot.waitUntil(lambda: bool(failed), timeout=5000)
    assert failed == ["the speech engine wrote no sound"]
    assert not list((tmp_path / "speech").glob("*.wav"))


def test_a_voice_that_cannot_render_is_named_once_and_its_cues_go_live(voice, qtbot):
    player, service, out = voice("RefusesPiper")
    notices = []
    player.notice.connect(notices.append)
    player._on_voice_changed(replace(player.settings, voice="piper:en_US-broken-low"))
    player.prepare([cue("Hold"), cue("Rest")])
    qtbot.waitUntil(lambda: len(player._failed) == 2, timeout=5000)
    assert len(notices) == 1  # once for the voice, not once a phrase
    assert "The voice en_US-broken-low could not speak" in notices[0]
    assert "cannot be used here" in notices[0]  # the worker's reason
    said = []
    service.say = lambda text, *a: said.append(text)
    player.speak(cue("Hold"), 0)
    assert said == ["Hold"]  # live, by the system voice of its language


def test_a_stalled_stream_goes_to_aplay_on_linux_and_is_made_again_elsewhere(qtbot,
                                                                           monkeypatch):
    from PySide6.QtCore import QObject

    from stretchtimer.resources import assets
    from stretchtimer.voice import player as player_module
    from stretchtimer.voice.player import CHIME, StreamOut

    parent = QObject()
    for platform, external in (("linux", True), ("win32", False)):
        monkeypatch.setattr(player_module.sys, "platform", platform)
        monkeypatch.setattr(player_module, "sound_server_reachable", lambda: True)
        monkeypatch.setattr(player_module.shutil, "which", lambda name: "/usr/bin/" + name)
        spawned = []
        monkeypatch.setattr(player_module.subprocess, "Popen",
                            lambda args, spawned=spawned, **kw: spawned.append(args) or _Done())
        out = StreamOut(parent)
        out.load(CHIME, str(assets() / "sounds" / "chime.wav"))
        out.open()
        monkeypatch.setattr(out, "_healthy", lambda fmt: False)  # processed time froze
        out.play(CHIME, 1.0)
        assert out.external is external
        if external:
            assert spawned and spawned[-1][0] == "aplay" and not out._streams
        else:
            assert not spawned and out._streams  # a new Qt stream instead
        out.close()


class _Done:
    def poll(self):
        return 0

    def wait(self):
        return 0


def test_a_cue_placed_ahead_starts_at_the_byte_of_its_instant_however_late_the_reads():
    now = [0.0]
    stream = _CueStream(None, bytes_per_s=1000, frame=2, clock=lambda: now[0])
    stream.start_cue_at(b"\x01\x01" * 50, at=0.35)
    out = stream.readData(100)  # the sink fills its 0.1 s buffer at once
    for k, late in enumerate([0.09, 0.0, 0.07, 0.03, 0.099, 0.05], start=1):
        now[0] = 0.1 * (k - 1) + late  # each pull late, but before the buffer runs dry
        out += stream.readData(100)
    assert out.index(b"\x01") == 350 and out.count(b"\x01") == 100
    stream.start_cue(b"\x02\x02")  # something played now (a chime) keeps the placed cue
    stream.start_cue_at(b"\x03\x03", at=1.0)
    stream.start_cue(b"\x02\x02")
    now[0] = 0.7
    assert b"\x03" in stream.readData(400)
    stream.start_cue_at(b"\x03\x03", at=1.2)
    stream.silence()  # paused: the placed cue is cut too
    assert stream.readData(1000) == bytes(1000)


def test_after_an_underrun_the_byte_clock_starts_again_from_now():
    now = [0.0]
    stream = _CueStream(None, bytes_per_s=1000, frame=2, clock=lambda: now[0])
    stream.readData(100)
    now[0] = 5.0  # the machine stalled: the sink played silence meanwhile
    stream.start_cue_at(b"\x01\x01", at=5.25)
    assert stream.readData(400).index(b"\x01") == 250


def test_renders_queued_behind_cut_live_speech_are_made_not_failed(voice, qtbot):
    player, service, out = voice("Slow")  # renders take 1 s, live speech 30 s
    failed, made = [], []
    service.render_failed.connect(lambda key, why: failed.append(why))
    service.rendered.connect(lambda key, path: made.append(key))
    player.speak(cue("Release"), 0)  # live: the worker is busy saying it
    key = service.render("Hold", None, 170)
    player.interrupt()  # Pause: the worker is ended, and the render with it
    qtbot.waitUntil(lambda: bool(made or failed), timeout=8000)
    assert made == [key] and failed == []


def test_a_steps_chime_gives_way_to_a_cue_placed_for_that_instant(voice, qtbot):
    player, service, out = voice(settings=VoiceSettings(chime=True))
    hold = cue("Hold")
    player.prepare([hold])
    qtbot.waitUntil(lambda: len(out.loaded) == 2, timeout=5000)
    at = time.monotonic() + 0.02
    player.place(hold, at)  # placed ahead, starting about now
    player._on_driver_segment_changed(None)  # the hold begins: no chime over its cue
    player.speak(hold, 0.0)
    assert [k for k, _ in out.played] == [service.cached("Hold", None, 170)[0]]
    player.interrupt()
    player._on_driver_segment_changed(None)  # nothing placed: the chime plays
    assert out.played[-1][0] == CHIME
