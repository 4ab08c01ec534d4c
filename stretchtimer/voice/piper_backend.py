"""Piper (piper-tts), the natural offline voices, as a speech backend of the worker. Only
the speech worker imports this (Piper and onnxruntime cost ~100 MB and 0.3 s to load)."""

from __future__ import annotations

import os
import subprocess
import tempfile
import wave
from array import array
from pathlib import Path
from typing import Any

from stretchtimer.voice.piper_voices import PiperVoice, find_voices

BASE_WPM = 170  # Piper's own pace; the rate setting scales its length_scale from here
PLAYER = ("aplay", "-q")  # live speech from the worker, as pyttsx3's espeak driver plays


class PiperBackend:
    name = "piper"

    def __init__(self, folder: Path | None) -> None:
        from importlib.util import find_spec

        if find_spec("piper") is None:  # loaded at the first render: the worker's start
            raise ImportError("piper-tts is not installed")  # (and live speech) stay fast
        self.found: dict[str, PiperVoice] = {v.id: v for v in find_voices(folder)}
        if not self.found:
            raise OSError("no Piper voice is installed")
        self._loaded: dict[str, Any] = {}

    def voices(self) -> list[dict[str, Any]]:
        return [{"id": v.id, "name": v.name, "languages": [v.language], "engine": "piper"}
                for v in self.found.values()]

    def _voice(self, voice_id: str) -> Any:
        if voice_id not in self._loaded:
            from piper import PiperVoice as Loaded

            found = self.found.get(voice_id)
            if found is None:
                raise OSError(f"no Piper voice {voice_id!r} here")
            self._loaded[voice_id] = Loaded.load(found.model, config_path=found.config)
        return self._loaded[voice_id]

    def render(self, text: str, path: str, voice: str, rate: int) -> None:
        from piper import SynthesisConfig

        loaded = self._voice(voice)
        with wave.open(path, "wb") as out:
            loaded.synthesize_wav(text, out, syn_config=SynthesisConfig(
                length_scale=BASE_WPM / max(rate, 1)))

    def say(self, text: str, voice: str, rate: int, volume: float) -> None:
        fd, path = tempfile.mkstemp(suffix=".wav", prefix="stretchtimer-say-")
        os.close(fd)
        try:
            self.render(text, path, voice, rate)
            _scale(path, volume)
            subprocess.run([*PLAYER, path], stdin=subprocess.DEVNULL,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        finally:
            os.unlink(path)


def _scale(path: str, volume: float) -> None:
    from stretchtimer.voice.engine import read_samples, write_samples

    params, samples = read_samples(path)
    if volume < 0.999 and samples:
        write_samples(path, params, array("h", (round(v * volume) for v in samples)))
