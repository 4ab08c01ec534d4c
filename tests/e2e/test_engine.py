"""The speech worker: requests and replies, deadlines, kill and restart, no engine."""

import struct
import time
import wave

import pytest

from stretchtimer.voice.engine import EngineClient, speech_seconds, trim_leading_silence


def wait_for(client, predicate, timeout=10.0):
    """Collect replies until one matches (polling the pipe, as the GUI's notifier does)."""
    end = time.monotonic() + timeout
    got = []
    while time.monotonic() < end:
        got += client.read() + client.check()
        if any(predicate(r) for r in got):
            return got
        time.sleep(0.01)
    raise AssertionError(f"no matching reply in {timeout} s: {got}")


@pytest.fixture
def make_client():
    clients = []

    def make(backend):
        client = EngineClient(f"tests.fake_engines:{backend}")
        clients.append(client)
        return client

    yield make
    for c in clients:
        c.close()


def test_instant_engine_answers_voices_and_renders(make_client, tmp_path):
    client = make_client("Instant")
    client.request("voices", 5)
    got = wait_for(client, lambda r: r.request == "voices")
    assert got[0].kind == "ready" and client.engine_name == "fake-instant"
    assert [v["id"] for v in got[-1].value] == ["fake/en", "fake/de"]
    path = tmp_path / "a.wav"
    client.request("render", 5, text="Hold", path=str(path), voice=None, rate=170)
    got = wait_for(client, lambda r: r.request == "render")
    assert got[-1].kind == "ok" and got[-1].args["text"] == "Hold"
    with wave.open(str(path)) as f:
        assert f.getnframes() > 1000


def test_a_hung_engine_is_killed_and_back_within_5_s(make_client, tmp_path):
    client = make_client("HangsOnSecond")
    client.request("render", 2, text="one", path=str(tmp_path / "1.wav"), voice=None, rate=170)
    wait_for(client, lambda r: r.kind == "ok")
    started = time.monotonic()
    client.request("render", 1.0, text="two", path=str(tmp_path / "2.wav"), voice=None, rate=170)
    got = wait_for(client, lambda r: r.kind == "lost")
    assert got[-1].args["text"] == "two" and "did not answer" in got[-1].value
    assert client.restarts == 1
    # the fresh worker (a new process, so its count starts again) answers
    client.request("render", 2, text="three", path=str(tmp_path / "3.wav"), voice=None, rate=170)
    wait_for(client, lambda r: r.kind == "ok" and r.args.get("text") == "three")
    assert time.monotonic() - started < 5.0


def test_a_crashed_engine_is_restarted(make_client, tmp_path):
    client = make_client("Crashes")
    client.request("render", 3, text="boom", path=str(tmp_path / "x.wav"), voice=None, rate=170)
    got = wait_for(client, lambda r: r.kind == "lost")
    assert "crashed" in got[-1].value
    assert client.running  # a new worker is up


def test_interrupt_ends_live_speech_at_once(make_client):
    client = make_client("Slow")
    client.request("say", 60, text="a very long sentence", voice=None, rate=170, volume=1.0)
    wait_for(client, lambda r: r.kind == "ready")
    started = time.monotonic()
    lost = client.interrupt()
    assert [r.request for r in lost] == ["say"] and time.monotonic() - started < 2.5
    assert client.running


def test_missing_engine_reports_why_and_is_not_restarted(make_client):
    client = make_client("Missing")
    client.request("voices", 5)
    got = wait_for(client, lambda r: r.kind == "lost")
    assert got[0].kind == "unavailable" and "libespeak-ng" in got[0].value
    assert got[1].request == "voices" and "libespeak-ng" in got[1].value
    assert client.check(time.monotonic() + 60) == [] and client.restarts == 0
    client.request("render", 5, text="x", path="/nonexistent", voice=None, rate=170)
    (answer,) = client.read()  # answered at once, no worker started
    assert answer.kind == "lost" and not client.running


def test_real_espeak_renders_switch_to_your_left_side(tmp_path):
    """The real engine: pyttsx3 with espeak-ng (installed by the README's commands)."""
    client = EngineClient()
    try:
        path = tmp_path / "switch.wav"
        client.request("render", 10, text="Switch to your left side", path=str(path),
                       voice=None, rate=170)
        got = wait_for(client, lambda r: r.request == "render" or r.kind == "unavailable")
        assert got[-1].kind == "ok", got
        assert client.engine_name.startswith("pyttsx3-espeak")  # (+ piper when installed)
        with wave.open(str(path)) as f:
            frames = f.readframes(f.getnframes())
            seconds = f.getnframes() / f.getframerate()
        samples = memoryview(frames).cast("h")
        rms = (sum(s * s for s in samples) / len(samples)) ** 0.5
        assert 0.8 < seconds < 3.0  # five words at 170 words a minute
        assert rms > 500  # speech, not silence (16-bit samples)
    finally:
        client.close()


def mono_wav(path, frames):
    with wave.open(str(path), "wb") as f:
        f.setnchannels(1)
        f.setsampwidth(2)
        f.setframerate(22050)
        f.writeframes(frames)
    return str(path)


def test_leading_silence_is_trimmed_so_a_cue_sounds_when_played(tmp_path):
    path = mono_wav(tmp_path / "x.wav", b"\x00\x00" * 441 + struct.pack("<h", 9000) * 100)
    trim_leading_silence(path)  # 20 ms of silence, then sound
    with wave.open(str(path)) as f:
        assert f.getnframes() == 100 + 44  # the sound, with 2 ms kept before it


def test_speech_seconds_ignores_trailing_silence(tmp_path):
    path = mono_wav(tmp_path / "x.wav", struct.pack("<h", 9000) * 22050 + b"\x00\x00" * 7000)
    assert abs(speech_seconds(path) - 1.0) < 0.001  # 1 s of sound, then quiet


def test_real_espeak_says_aloud_after_a_render(tmp_path, monkeypatch):
    """A reminder's spoken line comes after the cues were rendered: pyttsx3 must play it
    (aplay on Linux), not write it over the last rendered file."""
    import os

    from stretchtimer.voice.engine import Pyttsx3Backend

    backend = Pyttsx3Backend()
    rendered = tmp_path / "cue.wav"
    backend.render("Hold", str(rendered), None, 170)
    before = rendered.read_bytes()
    played = []
    monkeypatch.setattr(os, "system", lambda cmd: played.append(cmd) or 0)
    backend.say("Time to stand and stretch", None, 170, 0.9)
    assert rendered.read_bytes() == before
    assert len(played) == 1 and played[0].startswith("aplay ")


def test_real_espeak_speaks_german_when_the_ui_is_german(tmp_path):
    from stretchtimer.voice.engine import LANGUAGE_VOICE, Pyttsx3Backend

    backend = Pyttsx3Backend()
    assert backend._voice_for("de") is not None  # espeak-ng has a German voice
    assert backend._voice_for("xx") is None
    text = "Wechsle auf die linke Seite"
    german, default = tmp_path / "de.wav", tmp_path / "default.wav"
    backend.render(text, str(german), f"{LANGUAGE_VOICE}de", 170)
    backend.render(text, str(default), None, 170)
    de_s, default_s = speech_seconds(str(german)), speech_seconds(str(default))
    assert 1.0 < de_s < 3.5 and abs(de_s - default_s) > 0.05  # another voice, not the default
    again = tmp_path / "again.wav"  # "no voice chosen" is the default again, not German
    backend.render(text, str(again), None, 170)
    assert abs(speech_seconds(str(again)) - default_s) < 0.02


def test_an_engine_whose_start_hangs_becomes_unavailable_not_a_respawn_loop(make_client,
                                                                            tmp_path):
    import os

    from tests.helpers import alive, speech_workers

    client = make_client("HangsAtStart")
    started = time.monotonic()
    client.request("render", 60, text="x", path=str(tmp_path / "x.wav"), voice=None, rate=170)
    got = wait_for(client, lambda r: r.kind == "unavailable", timeout=20)
    took = time.monotonic() - started
    assert took < 15.0, took  # the notice and the chimes within 15 s
    assert "did not start (3 tries in a row" in got[-1].value or any(
        "did not start (3 tries in a row" in str(r.value) for r in got)
    assert client.failed_starts == 3 and not client.running
    spawned = client.restarts
    time.sleep(1.0)
    assert client.check() == [] and client.read() == [] and client.restarts == spawned
    (answer,) = (client.request("render", 5, text="y", path="/x", voice=None, rate=170),
                 client.read())[1]
    assert answer.kind == "lost" and not client.running  # answered at once, no worker
    assert not [k for k in speech_workers(os.getpid()) if alive(k)]  # no worker left
    # much later it is tried again (a fresh start, which here hangs again)
    client.clock = lambda: time.monotonic() + 3600
    client.request("render", 5, text="z", path=str(tmp_path / "z.wav"), voice=None, rate=170)
    assert client.running and client.unavailable is None


def test_a_queue_of_slow_renders_keeps_its_deadlines_and_live_speech_goes_first(make_client,
                                                                               tmp_path):
    # each render has 1 s from when the worker can start on it, not from when it was sent:
    # six renders at 0.4 s each take 2.4 s, and none is "late"
    client = make_client("Steady")
    for i in range(6):
        client.request("render", 1.0, text=f"phrase {i}", path=str(tmp_path / f"{i}.wav"),
                       voice=None, rate=170)
    client.request("say", 5.0, text="Hold", voice=None, rate=170, volume=1.0)
    got = wait_for(client, lambda r: r.request == "render" and r.args["text"] == "phrase 5")
    answers = [r for r in got if r.request in ("render", "say")]
    assert [r.kind for r in answers] == ["ok"] * 7 and client.restarts == 0
    # the live line waited only for the render under way when it came, not for the queue
    assert [r.request for r in answers].index("say") <= 2
