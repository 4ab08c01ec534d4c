"""Natural voices for real: piper-tts and a Piper voice package (both in the test extra)
through the real speech worker, next to the system's espeak-ng; a broken voice file
fails its own renders and nothing else; every render comes out at one loudness."""

import math
import wave

import pytest

from stretchtimer.voice.engine import LOUDNESS_DBFS, EngineClient
from tests.e2e.test_engine import wait_for

LINE = "Hinge forward from the hips, back long, until the back of the thigh feels a gentle pull."
JOE = "piper:en_US-joe-medium"


@pytest.fixture
def client(tmp_path, monkeypatch):
    monkeypatch.setenv("STRETCHTIMER_HOME", str(tmp_path / "home"))  # its voices folder
    made = EngineClient()
    yield made
    made.close()


def speech_dbfs(path):
    """Loudness over the speech (10 ms frames within 20 dB of the loudest)."""
    with wave.open(str(path)) as f:
        rate, frames = f.getframerate(), f.readframes(f.getnframes())
    samples = memoryview(frames).cast("h")
    step = rate // 100
    powers = [sum(v * v for v in samples[i:i + step]) / step
              for i in range(0, len(samples) - step, step)]
    speech = [p for p in powers if p >= max(powers) / 100]
    return 20 * math.log10(math.sqrt(sum(speech) / len(speech)) / 32768)


def render(client, path, voice):
    client.request("render", 20, text=LINE, path=str(path), voice=voice, rate=170)
    return wait_for(client, lambda r: r.request == "render" or r.kind == "unavailable",
                    timeout=30)[-1]


def test_a_piper_voice_and_espeak_render_through_the_worker_at_one_loudness(client, tmp_path):
    client.request("voices", 20)
    voices = wait_for(client, lambda r: r.request == "voices", timeout=30)[-1].value
    assert client.engine_name == "pyttsx3-espeak + piper"
    engines = {v["id"]: v.get("engine") for v in voices}
    assert engines[JOE] == "piper" and "system" in engines.values()
    natural, system = tmp_path / "joe.wav", tmp_path / "espeak.wav"
    assert render(client, natural, JOE).kind == "ok"
    assert render(client, system, None).kind == "ok"
    with wave.open(str(natural)) as f:
        seconds = f.getnframes() / f.getframerate()
    assert 3.0 < seconds < 8.0  # 17 words at about 170 a minute
    for path in (natural, system):  # both engines, one loudness
        assert speech_dbfs(path) == pytest.approx(LOUDNESS_DBFS, abs=1.0)


def test_a_broken_voice_file_fails_its_renders_and_the_rest_still_speaks(client, tmp_path):
    voices = tmp_path / "home" / "data" / "voices"
    voices.mkdir(parents=True)
    (voices / "en_US-broken-low.onnx").write_bytes(b"not a model at all")
    (voices / "en_US-broken-low.onnx.json").write_text(
        '{"audio": {"sample_rate": 16000}, "language": {"code": "en_US"}}')
    failed = render(client, tmp_path / "broken.wav", "piper:en_US-broken-low")
    assert failed.kind == "error" and "broken" not in (client.unavailable or "")
    assert render(client, tmp_path / "joe.wav", JOE).kind == "ok"  # same worker, alive
    assert render(client, tmp_path / "espeak.wav", None).kind == "ok"
    missing = render(client, tmp_path / "gone.wav", "piper:xx_XX-nobody-low")
    assert missing.kind == "error" and "no Piper voice" in missing.value


def test_live_speech_for_a_piper_voice_starts_with_the_system_voice(client):
    # a cue spoken live (its render not ready) must not wait for Piper to load and render
    from stretchtimer.voice.engine import SystemAndPiper

    engine = SystemAndPiper()
    said = []
    engine.system.say = lambda text, voice, rate, volume: said.append(("system", voice))
    engine.piper.say = lambda text, voice, rate, volume: said.append(("piper", voice))
    engine.say("Hold", JOE, 170, 1.0)
    assert said == [("system", None)]  # English: the system's default voice
    engine.say("Halt", "piper:de_DE-thorsten-low", 170, 1.0)  # not here: its language
    assert said[-1] == ("system", "lang:de")
    engine.system = None  # no system voice at all: Piper says it
    engine.say("Hold", JOE, 170, 1.0)
    assert said[-1] == ("piper", JOE)


def test_a_voice_file_added_in_settings_loads_in_the_real_worker_and_is_chosen(
        qtbot, tmp_path, monkeypatch):
    import shutil

    from stretchtimer.settings_model import SettingsModel
    from stretchtimer.ui.settings_dialog import VoicePage
    from stretchtimer.voice.cache import SpeechCache
    from stretchtimer.voice.piper_voices import package_voices
    from stretchtimer.voice.player import CuePlayer
    from stretchtimer.voice.service import SpeechService
    from tests.widgets.test_voice_player import RecordingOut

    monkeypatch.setenv("STRETCHTIMER_HOME", str(tmp_path / "home"))
    joe = next(v for v in package_voices() if v.id == JOE)
    downloads = tmp_path / "Downloads"
    downloads.mkdir()
    new = downloads / "en_US-joetoo-medium.onnx"  # as a user downloads one
    shutil.copyfile(joe.model, new)
    shutil.copyfile(joe.config, downloads / "en_US-joetoo-medium.onnx.json")
    broken = downloads / "en_US-broken-low.onnx"
    broken.write_bytes(b"\x08\x07 not a model")
    shutil.copyfile(joe.config, downloads / "en_US-broken-low.onnx.json")
    model = SettingsModel()
    service = SpeechService(SpeechCache(tmp_path / "speech"))
    page = VoicePage(model, CuePlayer(service, model, RecordingOut()))
    try:
        qtbot.waitUntil(lambda: page.voice.findData(JOE) >= 0, timeout=30000)
        with qtbot.waitSignal(service.voice_added, timeout=60000) as added:
            page.add_voice_file(str(new))
        assert added.args == ["piper:en_US-joetoo-medium", ""]
        assert model.voice.voice == "piper:en_US-joetoo-medium"
        qtbot.waitUntil(lambda: page.voice.findData(model.voice.voice) >= 0, timeout=30000)
        assert page.voice.currentData() == model.voice.voice  # listed, under Piper, chosen
        with qtbot.waitSignal(service.rendered, timeout=30000) as done:
            service.render(LINE, model.voice.voice, 170)  # a cue in the new voice
        with wave.open(done.args[1]) as f:
            assert 3.0 < f.getnframes() / f.getframerate() < 8.0
        with qtbot.waitSignal(service.voice_added, timeout=60000) as added:
            page.add_voice_file(str(broken))
        assert added.args[0] == "piper:en_US-broken-low" and added.args[1]
        voices = tmp_path / "home" / "data" / "voices"
        assert sorted(p.name for p in voices.iterdir()) == [
            "en_US-joetoo-medium.onnx", "en_US-joetoo-medium.onnx.json"]
        assert model.voice.voice == "piper:en_US-joetoo-medium"  # still the good one
        assert "en_US-broken-low.onnx was not added" in page.status.text()
    finally:
        service.shutdown()


def desk_micro_lines():
    from stretchtimer.core.cues import plan_cues
    from stretchtimer.core.plan import build_plan
    from stretchtimer.storage.routines import load_routines

    return sorted({c.text for c in plan_cues(build_plan(load_routines(None).get("desk-micro")))})


def test_every_cue_of_the_desk_micro_break_is_at_the_loudness_target_in_either_engine(
        client, tmp_path):
    from stretchtimer.voice.voice_list import voice_language

    client.request("voices", 20)
    voices = wait_for(client, lambda r: r.request == "voices", timeout=30)[-1].value
    espeak = next(v["id"] for v in voices
                  if v.get("engine") == "system" and voice_language(v) == "en")
    lines = desk_micro_lines()
    assert len(lines) > 10 and "3" in lines and any(len(t) > 60 for t in lines)
    for engine, voice in (("piper", JOE), ("espeak-ng", espeak)):
        off = {}
        for i, text in enumerate(lines):
            path = tmp_path / f"{engine}-{i}.wav"
            client.request("render", 20, text=text, path=str(path), voice=voice, rate=170)
            assert wait_for(client, lambda r: r.request == "render", timeout=30)[-1].kind == "ok"
            level = speech_dbfs(path)
            if abs(level - LOUDNESS_DBFS) > 1.0:
                off[text] = round(level, 1)
        assert off == {}, f"{engine}: cues off the {LOUDNESS_DBFS} dBFS target: {off}"
