"""Plays each cue at its instant: the pre-rendered WAV when it is loaded (its samples
in memory, written into an audio stream that is already running: the lowest latency Qt
offers), live speech when it is not, a chime when there is no speech engine at all. Timing comes from the session driver, never from
when speech finishes; a new cue cuts the one before, so cues never pile up."""

from __future__ import annotations

import wave
from typing import Protocol

from PySide6.QtCore import QIODevice, QObject, QTimer, Signal
from PySide6.QtMultimedia import QAudioFormat, QAudioSink

from stretchtimer.core.cues import Cue, CueKind
from stretchtimer.resources import assets
from stretchtimer.voice.engine import speech_seconds
from stretchtimer.voice.service import SpeechService
from stretchtimer.storage.settings import VoiceSettings

LATE_DROP_S = 1.0  # a cue this late is stale; only a side switch is still worth saying
CLOSE_AFTER_MS = 8000  # the audio stream outlives the routine by its closing line
WARM_FOR_MS = 60_000  # a stream opened for a selected routine waits this long for Start
CHIME = "chime"


class AudioOut(Protocol):
    def load(self, key: str, path: str) -> None: ...

    def is_loaded(self, key: str) -> bool: ...

    def open(self) -> None: ...

    def play(self, key: str, volume: float) -> None: ...

    def stop(self) -> None: ...

    def close(self) -> None: ...


class _CueStream(QIODevice):
    """What the audio sink pulls: the current cue's samples, then silence. Switching cue
    (or cutting one) only moves a pointer, so nothing waits for a stream to open."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._data = b""
        self._pos = 0
        # Unbuffered: QIODevice must not stock up silence ahead of a cue
        self.open(QIODevice.OpenModeFlag.ReadOnly | QIODevice.OpenModeFlag.Unbuffered)

    def start_cue(self, data: bytes) -> None:
        self._data, self._pos = data, 0

    def silence(self) -> None:
        self._data, self._pos = b"", 0

    @property
    def playing(self) -> bool:
        return self._pos < len(self._data)

    def readData(self, maxlen: int) -> bytes:
        chunk = self._data[self._pos:self._pos + maxlen]
        self._pos += len(chunk)
        return chunk + bytes(maxlen - len(chunk))

    def writeData(self, data: bytes) -> int:
        return -1

    def bytesAvailable(self) -> int:
        return 1 << 16  # always: silence when no cue plays

    def isSequential(self) -> bool:
        return True


class StreamOut:
    """One continuous audio stream per sample format while a routine runs (a stream
    takes 100 ms or more to open; a running one starts a cue within its buffer)."""

    BUFFER_S = 0.03

    def __init__(self, parent: QObject) -> None:
        self._parent = parent
        self._clips: dict[str, tuple[tuple[int, int, int], bytes]] = {}
        self._streams: dict[tuple[int, int, int], tuple[QAudioSink, _CueStream]] = {}

    def load(self, key: str, path: str) -> None:
        if key in self._clips:
            return
        with wave.open(path, "rb") as f:
            fmt = (f.getframerate(), f.getnchannels(), f.getsampwidth())
            self._clips[key] = (fmt, f.readframes(f.getnframes()))

    def is_loaded(self, key: str) -> bool:
        return key in self._clips

    def open(self) -> None:
        """Start a stream for every format loaded so far (before the routine starts)."""
        for fmt, _ in self._clips.values():
            self._stream(fmt)

    def play(self, key: str, volume: float) -> None:
        fmt, data = self._clips[key]
        self.stop()
        sink, stream = self._stream(fmt)
        sink.setVolume(volume)
        stream.start_cue(data)

    def stop(self) -> None:
        for _, stream in self._streams.values():
            stream.silence()

    def close(self) -> None:
        """End the streams (the routine is over: nothing plays while idle)."""
        for sink, stream in self._streams.values():
            sink.stop()
            stream.close()
        self._streams.clear()

    def _stream(self, fmt: tuple[int, int, int]) -> tuple[QAudioSink, _CueStream]:
        if fmt not in self._streams:
            rate, channels, width = fmt
            audio = QAudioFormat()
            audio.setSampleRate(rate)
            audio.setChannelCount(channels)
            audio.setSampleFormat(QAudioFormat.SampleFormat.Int16 if width == 2
                                  else QAudioFormat.SampleFormat.UInt8)
            sink = QAudioSink(audio, self._parent)
            sink.setBufferSize(int(rate * channels * width * self.BUFFER_S))
            stream = _CueStream(self._parent)
            sink.start(stream)
            self._streams[fmt] = (sink, stream)
        return self._streams[fmt]


class CuePlayer(QObject):
    """The real Speaker: subscribe it to a SessionDriver and it voices the routine."""

    notice = Signal(str)  # one message for the user (no speech engine)
    cue_spoken = Signal(str, str)  # text, how: "cached" / "live" / "dropped" / "muted"

    def __init__(self, service: SpeechService, settings: VoiceSettings,
                 out: AudioOut | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.settings = settings
        self.out = out or StreamOut(self)
        self.out.load(CHIME, str(assets() / "sounds" / "chime.wav"))
        self._keys: dict[str, str] = {}  # cue text -> cache key for the current voice
        self._texts: dict[str, str] = {}  # and back
        self.lengths: dict[str, float] = {}  # cue text -> seconds of speech, measured
        self._told = False
        self._state = "idle"
        self._failed: set[str] = set()  # keys whose render failed (they will be live speech)
        service.rendered.connect(self._on_service_rendered)
        service.render_failed.connect(lambda key, _why: self._failed.add(key))
        service.engine_unavailable.connect(self._on_service_engine_unavailable)

    @property
    def speech_available(self) -> bool:
        return self.service.unavailable is None

    def attach(self, driver) -> None:
        driver.cue_due.connect(self.speak)
        driver.segment_changed.connect(self._on_driver_segment_changed)
        driver.interrupted.connect(self.interrupt)
        driver.state_changed.connect(self._on_driver_state_changed)

    # --- Speaker ---

    def prepare(self, cues: list[Cue], open_stream: bool = True) -> None:
        """Render every distinct phrase of a plan in the background (cached ones at once);
        `open_stream` also warms the audio stream (a user picked or started a routine)."""
        self.service.start()
        s = self.settings
        for text in dict.fromkeys(c.text for c in cues):
            key = self.service.render(text, s.voice, s.rate_wpm)
            self._keys[text], self._texts[key] = key, text
        # An audio stream takes about half a second to start flowing: open it now, so the
        # first cue is not late, and close it again if no routine starts.
        if open_stream:
            self.out.open()
            QTimer.singleShot(WARM_FOR_MS, self._close_if_idle)

    def ready(self, cues: list[Cue]) -> bool:
        """Every phrase of these cues is loaded (or its render failed, or there is no
        engine): a routine started now is voiced from its first cue, with real lengths."""
        if not self.speech_available:
            return True
        keys = [self._keys.get(c.text) for c in cues]
        return all(k is not None and (self.out.is_loaded(k) or k in self._failed)
                   for k in keys)

    def speak(self, cue: Cue, late: float) -> None:
        s = self.settings
        if s.muted:
            self.cue_spoken.emit(cue.text, "muted")
            return
        if late > LATE_DROP_S and cue.kind != CueKind.SWITCH:
            self.cue_spoken.emit(cue.text, "dropped")
            return
        if not self.speech_available:
            return  # the chime at each segment change and the screen carry it
        key = self._keys.get(cue.text)
        if key is not None and self.out.is_loaded(key):
            self.out.play(key, s.volume)
            self.cue_spoken.emit(cue.text, "cached")
            return
        self.out.stop()
        self.service.interrupt()  # never two voices at once
        self.service.say(cue.text, s.voice, s.rate_wpm, s.volume)
        self.cue_spoken.emit(cue.text, "live")

    def interrupt(self) -> None:
        self.out.stop()
        self.service.interrupt()

    def forget(self) -> None:
        """The voice or rate changed: renders are for the old one."""
        self._keys.clear()
        self._texts.clear()
        self.lengths.clear()

    # --- signals ---

    def _on_service_rendered(self, key: str, path: str) -> None:
        self.out.load(key, path)
        text = self._texts.get(key)
        if text is not None and text not in self.lengths:  # forget() clears stale ones
            self.lengths[text] = speech_seconds(path)

    def _on_service_engine_unavailable(self, why: str) -> None:
        if not self._told:
            self._told = True
            self.notice.emit(no_engine_message(why))

    def _on_driver_state_changed(self, state: str) -> None:
        self._state = state
        if state == "running":
            self.out.open()
        elif state == "finished":
            QTimer.singleShot(CLOSE_AFTER_MS, self._close_if_idle)  # let the last line end

    def _close_if_idle(self) -> None:
        if self._state != "running":
            self.out.close()

    def _on_driver_segment_changed(self, _segment) -> None:
        s = self.settings
        if not s.muted and (s.chime or not self.speech_available):
            self.out.play(CHIME, s.volume)


def no_engine_message(why: str) -> str:
    import sys

    if sys.platform.startswith("linux"):
        fix = "Install espeak-ng (sudo apt-get install espeak-ng) and restart stretchtimer."
    elif sys.platform == "darwin":
        fix = "Check that pyttsx3 can reach the system voices (System Settings > Accessibility)."
    else:
        fix = "Check that Windows speech (SAPI5) voices are installed."
    return (f"No speech engine: {why}. {fix} Until then you will hear a chime at each step "
            "and see every cue on screen.")
