"""A private PulseAudio server with a null sink, recorded through its monitor, and onset
detection in the recording. Used by benchmarks/cue_timing.py and tests/e2e/test_playback.py.

Needs Debian's pulseaudio, pulseaudio-utils (parec, pactl) and libasound2-plugins (so
aplay, which pyttsx3 uses for live speech on Linux, plays into PulseAudio)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from array import array
from pathlib import Path

RATE = 22050
FRAME_S = 0.002  # onset resolution
SINK = "stretchtimer_null"


class PulseNullSink:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.runtime = folder / "xdg"
        self.env = dict(os.environ, XDG_RUNTIME_DIR=str(self.runtime),
                        PULSE_SERVER=f"unix:{self.runtime}/pulse/native")
        self._server: subprocess.Popen | None = None

    def __enter__(self) -> PulseNullSink:
        missing = [t for t in ("pulseaudio", "pactl", "parec", "aplay") if not shutil.which(t)]
        if missing:
            raise RuntimeError(f"missing {', '.join(missing)}: install pulseaudio "
                               "pulseaudio-utils libasound2-plugins alsa-utils")
        self.runtime.mkdir(parents=True, exist_ok=True)
        self.runtime.chmod(0o700)
        self._server = subprocess.Popen(
            ["pulseaudio", "--daemonize=no", "--exit-idle-time=-1", "--system=false", "-n",
             "--load=module-native-protocol-unix",
             f"--load=module-null-sink sink_name={SINK}", "--log-target=stderr"],
            env=self.env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for _ in range(100):
            if self._pactl("info").returncode == 0:
                break
            time.sleep(0.05)
        else:
            raise RuntimeError("the private PulseAudio server did not start")
        self._pactl("set-default-sink", SINK)
        return self

    def __exit__(self, *exc) -> None:
        if self._server is not None:
            self._server.terminate()
            self._server.wait(timeout=5)

    def _pactl(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run(["pactl", *args], env=self.env, capture_output=True, timeout=10)

    def record(self, path: Path) -> subprocess.Popen:
        """Start recording the sink's monitor (mono 16-bit) into `path`; terminate() stops."""
        with open(path, "wb") as out:  # the recorder keeps its own copy of the descriptor
            return subprocess.Popen(["parec", "-d", f"{SINK}.monitor", "--format=s16le",
                                     f"--rate={RATE}", "--channels=1", "--latency-msec=5"],
                                    env=self.env, stdout=out)


def onsets(raw: bytes, threshold: float = 0.02, quiet_s: float = 0.12) -> list[float]:
    """Seconds into the recording where sound starts after at least `quiet_s` of quiet."""
    samples = array("h")
    samples.frombytes(raw[: len(raw) // 2 * 2])
    step = int(RATE * FRAME_S)
    limit = int(threshold * 32768)
    found, quiet = [], quiet_s
    for i in range(0, len(samples) - step, step):
        loud = max(abs(v) for v in samples[i:i + step]) > limit
        if loud and quiet >= quiet_s:
            first = next(j for j in range(i, i + step) if abs(samples[j]) > limit)
            found.append(first / RATE)
        quiet = 0.0 if loud else quiet + FRAME_S
    return found


def match(expected: list[float], heard: list[float], early: float = 0.25,
          late: float = 1.0) -> list[float | None]:
    """For each expected time (in order), the first unused onset near it, or None."""
    out, used = [], 0
    for t in expected:
        hit = None
        for k in range(used, len(heard)):
            if heard[k] > t + late:
                break
            if heard[k] >= t - early:
                hit, used = heard[k], k + 1
                break
        out.append(hit)
    return out
