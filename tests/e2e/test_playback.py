"""Real speech, real audio: a short routine is played through the real player (espeak-ng
renders, QAudioSink) into a private PulseAudio null sink and recorded; every cue must be
heard, in order, near its instant. The exact numbers are benchmarks/cue_timing.py's."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_every_cue_of_a_routine_is_heard_in_the_recording():
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "cue_timing.py"), "--json", "--modes",
         "cached"], capture_output=True, text=True, timeout=180, cwd=ROOT)
    assert result.returncode == 0, result.stderr[-3000:]
    (run,) = json.loads(result.stdout.strip().splitlines()[-1])
    assert run["render_failures"] == []
    missing = [t for t, onset in zip(run["texts"], run["onsets"]) if onset is None]
    assert missing == [], f"not heard: {missing}"
    assert run["found"] == run["cues"] >= 10
    onsets = run["onsets"]
    assert onsets == sorted(onsets)
    assert max(abs(e) for e in run["errors_ms"]) < 250  # near its instant, not merely played
