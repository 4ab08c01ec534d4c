"""The audio path recovers by itself: the sound server killed and started again in the
middle, or not there when the app first plays and started later. A private PulseAudio
with a null sink is recorded (benchmarks/audio_rig.py); the app's process must live, say
once that there is no sound, and be heard again once the server is back."""

import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))
from audio_rig import PulseNullSink, onsets  # noqa: E402

CHILD = [sys.executable, str(ROOT / "tests" / "audio_child.py")]


def child(rig, *at):
    return subprocess.Popen([*CHILD, *map(str, at)], env=dict(rig.env, QT_QPA_PLATFORM="offscreen"),
                            stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
                            cwd=ROOT)


def restart(rig):
    rig.__enter__()


def test_cues_are_heard_again_after_the_sound_server_restarts(tmp_path):
    with PulseNullSink(tmp_path) as rig:
        proc = child(rig, 1, 3, 7, 8.5, 10)
        time.sleep(2)
        rig._server.terminate()  # the sound server goes away mid-routine
        rig._server.wait()
        time.sleep(3)
        restart(rig)
        raw = tmp_path / "after.raw"
        recorder = rig.record(raw)
        out, _ = proc.communicate(timeout=40)
        recorder.terminate()
        recorder.wait()
    assert proc.returncode == 0 and "EXIT" in out, out  # alive, no abort
    assert out.count("LOST") == 1, out  # said once
    heard = onsets(raw.read_bytes())
    # the chimes at 7, 8.5 and 10 s (1.5 s apart after the first), not silence
    assert len([t for t in heard if t > 0.5]) >= 2, heard


def test_no_server_at_first_then_one_appears(tmp_path):
    rig = PulseNullSink(tmp_path)
    rig.runtime.mkdir(parents=True)
    rig.runtime.chmod(0o700)
    proc = child(rig, 1, 6, 7.5)
    time.sleep(3)
    with rig:  # the server starts only now
        raw = tmp_path / "later.raw"
        recorder = rig.record(raw)
        out, _ = proc.communicate(timeout=40)
        recorder.terminate()
        recorder.wait()
    assert proc.returncode == 0 and "EXIT" in out and out.count("LOST") == 1, out
    assert len(onsets(raw.read_bytes())) >= 2
