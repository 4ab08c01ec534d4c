"""The text commands through the real entry points: `python -m stretchtimer` and the
installed `stretchtimer` script."""

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import BUILTINS, VALID_ROUTINE


@pytest.fixture
def home(tmp_path):
    return tmp_path / "home"


def run(home, *args, script=False):
    env = dict(os.environ, STRETCHTIMER_HOME=str(home), LANGUAGE="en",
               LC_ALL="C.UTF-8")  # the system's language is English, whoever runs this
    if script:
        exe = shutil.which("stretchtimer", path=str(Path(sys.executable).parent))
        assert exe, "the stretchtimer script is not installed beside this Python"
        cmd = [exe, *args]
    else:
        cmd = [sys.executable, "-m", "stretchtimer", *args]
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=60)


def test_list_routines_shows_name_duration_position_equipment_summary(home):
    result = run(home, "--list-routines", script=True)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == BUILTINS
    desk = next(line for line in lines if line.startswith("desk-micro "))
    assert "Desk micro-break" in desk and "standing" in desk and "Standing at your desk" in desk
    assert re.search(r"\b3:\d\d\b", desk)
    towel = next(line for line in lines if line.startswith("towel-hamstring-beginner"))
    assert "floor" in towel and "towel, mat" in towel


def test_user_routines_are_listed_and_a_broken_one_is_named_but_skipped(home):
    folder = home / "data" / "routines"
    folder.mkdir(parents=True)
    (folder / "mine.json").write_text(json.dumps(dict(VALID_ROUTINE, id="my-physio")))
    (folder / "broken.json").write_text('{"schema_version": 1, "id": ')
    result = run(home, "--list-routines")
    assert result.returncode == 0
    assert "my-physio" in result.stdout and "(yours)" in result.stdout
    assert len(result.stdout.splitlines()) == BUILTINS + 1
    assert "broken.json" in result.stderr and "not valid JSON" in result.stderr


def test_plan_prints_segments_and_every_cue_with_its_offset(home):
    result = run(home, "--plan", "desk-micro", script=True)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    for kind in ("prepare", "hold", "switch", "next", "done"):
        assert re.search(rf"^\d+:\d\d\.\d\d  {kind} ", out, re.M), kind
    assert re.search(r'^\s+\d+:\d\d\.\d\d  "Now the left leg"', out, re.M)
    assert "right side  rep 1 of 1" in out
    # the countdown sits on whole seconds before each release
    counts = re.findall(r'(\d+):(\d\d\.\d\d)  "(3|2|1|Release)"', out)
    assert counts[:4] and [c[2] for c in counts[:4]] == ["3", "2", "1", "Release"]
    secs = [int(m) * 60 + float(s) for m, s, _ in counts[:4]]
    assert [b - a for a, b in zip(secs, secs[1:])] == [1.0, 1.0, 1.0]


def test_plan_options_change_what_is_said(home):
    every = run(home, "--plan", "chair-hamstrings").stdout
    off = run(home, "--plan", "chair-hamstrings", "--breathing", "off", "--no-countdown").stdout
    assert "Breathe in" in every and "Breathe in" not in off
    assert '"3"' in every and '"3"' not in off
    slow = run(home, "--plan", "chair-hamstrings", "--rate", "120").stdout
    total = re.compile(r"^total (\d+:\d\d)", re.M)
    assert total.search(slow).group(1) > total.search(every).group(1)  # intros take longer


def test_plan_and_the_list_speak_the_language_set(home):
    (home / "config").mkdir(parents=True)
    (home / "config" / "settings.json").write_text(json.dumps(
        {"schema_version": 1, "display": {"language": "de"}}))
    out = run(home, "--plan", "desk-micro").stdout
    assert '"Jetzt das linke Bein"' in out and '"Halten"' in out and "Now the" not in out
    assert out.startswith("Schreibtisch-Pause (desk-micro)")
    listed = run(home, "--list-routines").stdout
    assert "Gehpause" in listed and "Handtuch, Matte" in listed
    # with the setting left at "system", the system's language (here German, by LANGUAGE)
    (home / "config" / "settings.json").write_text(json.dumps({"schema_version": 1}))
    env = dict(os.environ, STRETCHTIMER_HOME=str(home), LANGUAGE="de", LC_ALL="C.UTF-8")
    system = subprocess.run([sys.executable, "-m", "stretchtimer", "--plan", "walk-break"],
                            capture_output=True, text=True, env=env, timeout=60).stdout
    assert system.startswith("Gehpause (walk-break)")


def test_plan_of_an_unknown_routine_names_the_known_ones(home):
    result = run(home, "--plan", "nope")
    assert result.returncode == 2
    assert "no routine with id 'nope'" in result.stderr and "desk-micro" in result.stderr
    assert run(home, "--plan", "desk-micro", "--rate", "5").returncode == 2


def test_validate_ok_and_every_problem(home, tmp_path):
    good_data = json.loads(json.dumps(VALID_ROUTINE))
    good_data["exercises"][0]["switch_setup"] = ["Bend your {other} leg; straighten the {side}."]
    good = tmp_path / "good.json"
    good.write_text(json.dumps(good_data))
    result = run(home, "--validate", str(good), script=True)
    assert (result.returncode, result.stdout.strip()) == (0, "ok")

    # valid, but a listener would miss things: warnings, and still exit 0
    by_eye = json.loads(json.dumps(VALID_ROUTINE))
    by_eye["safety"] = ["Have fun."]
    by_eye["exercises"][0]["cues"] = ["Keep your pelvis down and your back long and let the "
                                      "leg come up slowly, only as far as is comfortable."]
    warned = tmp_path / "warned.json"
    warned.write_text(json.dumps(by_eye))
    result = run(home, "--validate", str(warned))
    assert result.returncode == 0 and result.stdout.startswith("ok, with 3 warning(s)")
    warnings = [line for line in result.stdout.splitlines() if "warning: " in line]
    assert len(warnings) == 3
    assert any("no stop rule" in w for w in warnings)
    assert any("switch_setup" in w for w in warnings)
    assert any("Keep your pelvis down" in w and "never said" in w for w in warnings)

    bad_data = json.loads(json.dumps(VALID_ROUTINE))
    bad_data["position"] = "lying"
    bad_data["exercises"][0]["hold_s"] = 500
    bad_data["exercises"][0]["wobble"] = True
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(bad_data))
    result = run(home, "--validate", str(bad))
    assert result.returncode == 1
    assert "3 problem(s)" in result.stdout
    assert "position: expected one of standing, seated, floor" in result.stdout
    assert "exercises[0].hold_s: expected a whole number of seconds from 5 to 120" in result.stdout
    assert "exercises[0].wobble: unknown field" in result.stdout


def test_validate_refuses_missing_and_oversized_files(home, tmp_path):
    result = run(home, "--validate", str(tmp_path / "absent.json"))
    assert result.returncode == 1 and "cannot read the file" in result.stdout
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (2 * 1024 * 1024))
    result = run(home, "--validate", str(big))
    assert result.returncode == 1 and "at most 1,048,576 bytes" in result.stdout


def test_every_builtin_routine_file_validates(home):
    from stretchtimer.resources import assets

    for item in (assets() / "routines").iterdir():
        result = run(home, "--validate", str(item))
        assert (result.returncode, result.stdout.strip()) == (0, "ok"), (item.name,
                                                                         result.stdout)


def test_version(home):
    result = run(home, "--version")
    assert result.returncode == 0 and result.stdout.startswith("stretchtimer 0.")


def test_the_app_opens_its_window_and_loads_nothing_heavy_before_the_first_paint(home):
    env = dict(os.environ, STRETCHTIMER_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "-m", "stretchtimer", "--quit-after-first-paint"],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    assert re.search(r"^PAINTED [\d.]+ heavy=none$", result.stdout, re.M), result.stdout


def test_without_a_display_the_app_says_so_instead_of_crashing(home):
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["STRETCHTIMER_HOME"] = str(home)
    result = subprocess.run([sys.executable, "-m", "stretchtimer"], capture_output=True,
                            text=True, env=env, timeout=60)
    assert result.returncode == 1
    assert "no graphical display" in result.stderr and "--list-routines" in result.stderr


def test_import_adds_a_routine_and_never_overwrites(home, tmp_path):
    shared = tmp_path / "from-a-colleague.json"
    shared.write_text(json.dumps(VALID_ROUTINE))
    first = run(home, "--import", str(shared))
    assert first.returncode == 0 and "Imported" in first.stdout
    again = run(home, "--import", str(shared))
    new_id = f"{VALID_ROUTINE['id']}-2"
    assert again.returncode == 0 and new_id in again.stdout and "nothing was replaced" in again.stdout
    listed = run(home, "--list-routines").stdout
    assert VALID_ROUTINE["id"] in listed and new_id in listed
    broken = tmp_path / "broken.json"
    broken.write_text("[1, 2]")
    refused = run(home, "--import", str(broken))
    assert refused.returncode == 1 and "expected an object" in refused.stderr


def test_help_documents_every_option(home):
    from stretchtimer.command import build_parser

    shown = run(home, "--help").stdout
    for action in build_parser()._actions:
        if action.help != "==SUPPRESS==":
            assert all(flag in shown for flag in action.option_strings), action.option_strings
            assert action.help is None or action.help.split()[0] in shown
    assert "--quit-after-first-paint" not in shown and "STRETCHTIMER_HOME" in shown


def test_a_physios_routine_without_sources_is_imported(home, tmp_path):
    # hand-written, valid in every field, but no "source": only the built-ins need one
    physio = {"schema_version": 1, "id": "physio-knee", "name": "Knee, as shown in clinic",
              "summary": "Seated knee extensions.", "position": "seated",
              "safety": ["Mild tension only. Stop if you feel tingling, numbness or sharp pain."],
              "exercises": [{"id": "knee-extension", "name": "Seated knee extension",
                             "setup": ["Sit tall.", "Straighten the right knee slowly."],
                             "sides": "none", "reps": 3, "hold_s": 10, "rest_s": 5}]}
    path = tmp_path / "from-my-physio.json"
    path.write_text(json.dumps(physio))
    result = run(home, "--import", str(path))
    assert result.returncode == 0, result.stderr
    listed = run(home, "--list-routines").stdout
    assert "physio-knee" in listed and "(yours)" in listed


def test_hostile_files_get_a_message_not_a_traceback_and_nothing_raw_reaches_the_terminal(
        home, tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_bytes(b"[" * 100000 + b"]" * 100000)
    for command in ("--validate", "--import"):
        result = run(home, command, str(deep))
        assert result.returncode == 1 and "Traceback" not in result.stderr + result.stdout
        assert "nested more than" in result.stdout + result.stderr
    evil = tmp_path / "evil\x1b[31m\u202e.json"
    evil.write_text("{")
    result = run(home, "--validate", str(evil))
    assert result.returncode == 1
    assert "\x1b" not in result.stdout and "\u202e" not in result.stdout
    assert "\\x1b[31m\\u202e.json" in result.stdout


def test_plan_uses_the_real_lengths_of_phrases_already_rendered(home):
    from stretchtimer.storage.paths import Paths
    from stretchtimer.voice.cache import cache_key, engine_key, voice_for
    from stretchtimer.voice.engine import DEFAULT_BACKEND
    from stretchtimer.voice.piper_voices import usable_voices
    from tests.fake_engines import write_tone

    before = run(home, "--plan", "walk-break").stdout
    line = "Stand up and step away from your desk."
    speech = home / "cache" / "speech"
    speech.mkdir(parents=True)
    voice = voice_for(None, "en", usable_voices(Paths.under(home).voices))  # as the app would
    key = cache_key(line, voice, 170, engine_key(DEFAULT_BACKEND))
    write_tone(str(speech / f"{key}.wav"), seconds=9.0)  # a very slow voice said it
    after = run(home, "--plan", "walk-break").stdout
    assert f'"{line}"  [setup, 9.0 s]' in after and f'"{line}"  [setup, 9.0 s]' not in before
    total = re.compile(r"^total (\d+):(\d\d)", re.M)
    (m1, s1), (m2, s2) = total.search(before).groups(), total.search(after).groups()
    assert int(m2) * 60 + int(s2) > int(m1) * 60 + int(s1)  # get ready grew to fit it


def test_list_voices_asks_the_worker_and_marks_the_voice_that_speaks(home):
    result = run(home, "--list-voices", script=True)
    assert result.returncode == 0, result.stderr
    rows = [line.split(None, 3) if not line.startswith(" ") else ["", *line.split(None, 2)]
            for line in result.stdout.splitlines() if not line.startswith("* the engine")]
    marked = [r for r in rows if r[0] == "*"]
    # the Piper voice of the test extra speaks English when no voice is chosen
    assert [r[1:3] for r in marked] == [["piper", "piper:en_US-joe-medium"]]
    assert any(r[1] == "system" and r[2] == "gmw/en" for r in rows)  # espeak-ng's English


def test_a_reader_that_stops_early_gets_no_traceback(home):
    env = dict(os.environ, STRETCHTIMER_HOME=str(home))
    env.pop("PYTHONUNBUFFERED", None)  # a pipe is block-buffered: written at exit
    with subprocess.Popen([sys.executable, "-m", "stretchtimer", "--list-routines"], env=env,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE) as proc:
        proc.stdout.close()  # as `| head -0` would
        err = proc.stderr.read().decode()
        code = proc.wait(timeout=30)
    assert "Traceback" not in err and "Exception ignored" not in err, err
    assert code in (0, 141), err


def test_say_to_a_file_writes_the_apps_render_and_never_overwrites(home, tmp_path):
    import wave

    out = tmp_path / "line.wav"
    first = run(home, "--say", "Now the left leg. Breathe in.", "--to", str(out))
    assert first.returncode == 0, first.stderr
    assert "piper:en_US-joe-medium" in first.stdout  # the voice that speaks in the app
    with wave.open(str(out)) as f:
        assert 1.0 < f.getnframes() / f.getframerate() < 4.0
    assert list((home / "cache" / "speech").glob("*.wav"))  # through the app's cache
    before = out.read_bytes()
    again = run(home, "--say", "Something else.", "--to", str(out))
    assert again.returncode == 1 and "exists (--force replaces it)" in again.stderr
    assert out.read_bytes() == before
    espeak = run(home, "--say", "Something else.", "--voice", "gmw/en", "--to", str(out),
                 "--force")
    assert espeak.returncode == 0 and out.read_bytes() != before
    wrong = run(home, "--say", "Hold.", "--voice", "piper:xx_XX-nobody-low", "--to",
                str(tmp_path / "no.wav"))
    assert wrong.returncode == 1 and "no Piper voice" in wrong.stderr
    assert not (tmp_path / "no.wav").exists()


def test_say_with_nothing_to_say_is_an_error_not_the_app(home):
    result = run(home, "--say", "  ")
    assert result.returncode == 2 and "nothing to say" in result.stderr


def test_say_speaks_now_in_the_natural_voice_through_the_apps_audio(home, tmp_path):
    # recorded from a private PulseAudio's null sink: the Piper render is what is heard
    import wave

    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))
    from audio_rig import RATE, PulseNullSink, onsets

    text = "Hinge forward from the hips, back long."
    with PulseNullSink(tmp_path) as rig:
        raw = tmp_path / "heard.raw"
        recorder = rig.record(raw)
        env = dict(rig.env, STRETCHTIMER_HOME=str(home), QT_QPA_PLATFORM="offscreen")
        said = subprocess.run([sys.executable, "-m", "stretchtimer", "--say", text],
                              capture_output=True, text=True, env=env, timeout=60)
        recorder.terminate()
        recorder.wait()
    assert said.returncode == 0, said.stderr
    (render,) = (home / "cache" / "speech").glob("*.wav")  # the app's cache, Joe's render
    with wave.open(str(render)) as f:
        rate, frames = f.getframerate(), f.readframes(f.getnframes())
    assert onsets(raw.read_bytes()), "nothing was heard"
    recorded = raw.read_bytes()
    # what was heard is the render itself: its loudness envelope, 10 ms by 10 ms
    assert rate == RATE and envelope_match(recorded[: len(recorded) // 2 * 2], frames, rate) > 0.8


def envelope_match(heard: bytes, render: bytes, rate: int) -> float:
    """How alike two 16-bit mono recordings' loudness envelopes are (Pearson's r), each
    from its first sound, over the render's length (another voice saying the same words
    comes out at 0.4), the best of a few 10 ms shifts."""
    import statistics

    def envelope(pcm: bytes) -> list[float]:
        samples = memoryview(pcm).cast("h")
        step = rate // 100
        levels = [max(abs(v) for v in samples[i:i + step])
                  for i in range(0, len(samples) - step, step)]
        first = next(i for i, v in enumerate(levels) if v > 600)
        return levels[first:]

    a, b = envelope(heard), envelope(render)

    def at(shift: int) -> float:  # the first sound found a frame or two apart
        x = a[shift:] if shift >= 0 else a
        y = b if shift >= 0 else b[-shift:]
        n = min(len(x), len(y))
        return statistics.correlation(x[:n], y[:n])

    return max(at(shift) for shift in range(-5, 6))


def test_add_voice_copies_a_piper_voice_in_once_it_speaks(home, tmp_path):
    import shutil

    from stretchtimer.voice.piper_voices import package_voices

    joe = next(v for v in package_voices() if v.id == "piper:en_US-joe-medium")
    new = tmp_path / "en_US-joetoo-medium.onnx"
    shutil.copyfile(joe.model, new)
    shutil.copyfile(joe.config, tmp_path / "en_US-joetoo-medium.onnx.json")
    broken = tmp_path / "en_US-broken-low.onnx"
    broken.write_bytes(b"not a model")
    shutil.copyfile(joe.config, tmp_path / "en_US-broken-low.onnx.json")
    added = run(home, "--add-voice", str(new))
    assert added.returncode == 0, added.stderr
    assert added.stdout.strip() == "added piper:en_US-joetoo-medium: Joetoo (en_US, medium)"
    listed = run(home, "--list-voices")
    assert "piper:en_US-joetoo-medium" in listed.stdout
    refused = run(home, "--add-voice", str(broken))
    assert refused.returncode == 1 and "en_US-broken-low.onnx does not speak here" in \
        refused.stderr and "INVALID_PROTOBUF" in refused.stderr
    lone = run(home, "--add-voice", str(tmp_path / "missing.onnx"))
    assert lone.returncode == 1 and "missing.onnx has no missing.onnx.json" in lone.stderr
    assert sorted(p.name for p in (home / "data" / "voices").iterdir()) == [
        "en_US-joetoo-medium.onnx", "en_US-joetoo-medium.onnx.json"]
