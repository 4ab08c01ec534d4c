"""Rendered phrases on disk, keyed by what changes the sound: text, voice, rate, engine.

One WAV file per phrase in the cache folder; a file's modification time is its last use,
so the least recently used files go first when the folder grows past its cap. Files
arrive by rename from a temporary name in the same folder, fsynced like every other
write, so a half-written WAV never has a final name. A cached file that is not a playable
WAV (what a power cut or a full disk can leave: empty, garbage, a header and no sound) is
moved aside and rendered again, never trusted (RELIABILITY R16)."""

from __future__ import annotations

import os
import sys
import wave
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from stretchtimer.core.digest import sha256_hex
from stretchtimer.storage.atomic import fsync_dir, quarantine

DEFAULT_CAP_BYTES = 64 * 1024 * 1024  # a few thousand phrases


def playable(path: Path) -> bool:
    """A PCM WAV the player can load, with at least some sound in it."""
    try:
        with wave.open(str(path), "rb") as f:
            return (f.getnframes() > 0 and f.getsampwidth() in (1, 2)
                    and 1 <= f.getnchannels() <= 2 and 8000 <= f.getframerate() <= 96000
                    and path.stat().st_size >= 44 + f.getnframes() * f.getsampwidth()
                    * f.getnchannels())
    except Exception:  # wave meets damaged chunks with many kinds (RuntimeError among them)
        return False


def engine_key(backend: str) -> str:
    """The engine part of every cache key, known before any worker starts: the backend,
    the platform (which is what picks pyttsx3's driver) and the worker's processing of
    each render (trim, loudness)."""
    from stretchtimer.voice.engine import PROCESSING

    return f"{backend}@{sys.platform}/{PROCESSING}"


def voice_for(voice: str | None, language: str, natural: Sequence[Any] = ()) -> str | None:
    """The voice asked of the engine: the chosen one or, with none chosen, a natural
    (Piper) voice that speaks the UI's language, else one of the system's that does
    (None: the engine's default, English). `natural`: piper_voices.PiperVoice items."""
    from stretchtimer.voice.engine import system_voice

    if voice:
        return voice
    for candidate in natural:
        if candidate.lang == language:
            return str(candidate.id)
    return system_voice(language)


def cache_key(text: str, voice: str | None, rate: int, engine: str) -> str:
    raw = "\x1f".join([engine, voice or "", str(rate), text])
    return sha256_hex(raw.encode("utf-8"))[:32]


class SpeechCache:
    def __init__(self, folder: Path, cap_bytes: int = DEFAULT_CAP_BYTES) -> None:
        self.folder = folder
        self.cap_bytes = cap_bytes
        self._total: int | None = None  # bytes in the folder, once it has been walked

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.wav"

    def get(self, key: str) -> Path | None:
        """The WAV for `key` if it is cached and playable, marked as just used; one that is
        not playable is moved aside (so it is rendered again)."""
        path = self.path(key)
        try:
            os.utime(path)
        except OSError:
            return None
        if not playable(path):
            try:
                quarantine(path)
            except OSError:
                path.unlink(missing_ok=True)  # a cache: losing it costs a render
            self._total = None
            return None
        return path

    def temp_path(self) -> Path:
        self.folder.mkdir(parents=True, exist_ok=True)
        import uuid  # (and platform under it): not loaded while waiting in the tray

        return self.folder / f".render-{uuid.uuid4().hex}.wav"

    def commit(self, temp: Path, key: str) -> Path:
        """Give a finished render its final name, then keep the folder under its cap. The
        folder is walked once, then only when the running total passes the cap (one
        instance writes here, so the total stays true)."""
        final = self.path(key)
        replaced = final.stat().st_size if final.exists() else 0
        with open(temp, "rb") as f:  # the engine wrote it; make it durable before the name
            os.fsync(f.fileno())
        os.replace(temp, final)
        fsync_dir(self.folder)
        if self._total is None:
            self.evict()
        else:
            self._total += final.stat().st_size - replaced
            if self._total > self.cap_bytes:
                self.evict()
        return final

    def sweep_temps(self) -> None:
        """Remove renders a killed worker left half-written."""
        for temp in self.folder.glob(".render-*.wav"):
            temp.unlink(missing_ok=True)

    def lengths(self, texts: Iterable[str], voice: str | None, rate: int,
                engine: str) -> dict[str, float]:
        """Seconds of speech of each text already rendered for this voice and rate (what
        the player measures too), so a plan printed now is the plan the app will run."""
        from stretchtimer.voice.engine import speech_seconds

        out: dict[str, float] = {}
        for text in set(texts):
            path = self.get(cache_key(text, voice, rate, engine))
            if path is not None:
                out[text] = speech_seconds(str(path))
        return out

    def evict(self) -> list[Path]:
        files = []
        for path in self.folder.glob("*.wav"):
            try:
                st = path.stat()
            except OSError:
                continue
            files.append((st.st_mtime, st.st_size, path))
        total = sum(size for _, size, _ in files)
        removed: list[Path] = []
        if total > self.cap_bytes:
            for _, size, path in sorted(files):  # oldest use first
                if total <= self.cap_bytes * 0.8:  # down to 80%, so it does not churn
                    break
                path.unlink(missing_ok=True)
                total -= size
                removed.append(path)
        self._total = total
        return removed
