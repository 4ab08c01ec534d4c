"""Plays each cue at its instant: the pre-rendered WAV when it is loaded (its samples
in memory, written into an audio stream that is already running: the lowest latency Qt
offers), live speech when it is not, a chime when there is no speech engine at all.
Timing comes from the session driver, never from when speech finishes; a new cue cuts
the one before, so cues never pile up."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import time
import wave
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QIODevice, QObject, QTimer, Signal

from stretchtimer.core.cues import Cue, CueKind
from stretchtimer.core.session import State
from stretchtimer.logs import log
from stretchtimer.resources import assets
from stretchtimer.settings_model import SettingsModel
from stretchtimer.storage.settings import VoiceSettings
from stretchtimer.voice.engine import speech_seconds
from stretchtimer.voice.service import SpeechService

if TYPE_CHECKING:  # QtMultimedia (and FFmpeg under it, ~15 MB) loads with the first stream
    from PySide6.QtMultimedia import QAudioSink

LATE_DROP_S = 1.0  # a cue this late is stale; only a side switch is still worth saying
CLOSE_AFTER_MS = 8000  # the audio stream outlives the routine by its closing line
WARM_FOR_MS = 60_000  # a stream opened for a selected routine waits this long for Start
CHIME = "chime"
CHIME_GAP_S = 0.05  # a step's chime gives way to a cue placed for its instant (as it did)


class AudioOut(Protocol):
    def load(self, key: str, path: str) -> None: ...

    def is_loaded(self, key: str) -> bool: ...

    def open(self) -> None: ...

    def play(self, key: str, volume: float) -> None: ...

    def play_at(self, key: str, volume: float, at: float) -> bool: ...

    def stop(self) -> None: ...

    def close(self) -> None: ...


class _CueStream(QIODevice):
    """What the audio sink pulls: the current cue's samples, then silence. Switching cue
    (or cutting one) only moves a pointer, so nothing waits for a stream to open.

    A cue can also be placed ahead of its instant (start_cue_at): the stream keeps a byte
    clock (the instant each byte it hands out will play, from the clock at its first read,
    moved on after an underrun) and switches to the cue at the byte of its instant, so it
    starts on time even when the timers of a busy machine fire late."""

    def __init__(self, parent: QObject, bytes_per_s: int = 44100, frame: int = 2,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(parent)
        self._data = b""
        self._pos = 0
        self._next: tuple[bytes, float] | None = None  # a cue placed ahead, and its instant
        self._rate, self._frame, self._clock = bytes_per_s, frame, clock
        self._delivered = 0  # bytes handed out so far
        self._t0: float | None = None  # the instant byte 0 played (the byte clock)
        self.on_start: Callable[[], None] | None = None  # a placed cue begins
        # Unbuffered: QIODevice must not stock up silence ahead of a cue
        self.open(QIODevice.OpenModeFlag.ReadOnly | QIODevice.OpenModeFlag.Unbuffered)

    def start_cue(self, data: bytes) -> None:
        """Play `data` from the next byte handed out (a cue placed ahead stays placed)."""
        self._data, self._pos = data, 0

    def start_cue_at(self, data: bytes, at: float) -> None:
        self._next = (data, at)

    def silence(self) -> None:
        self._data, self._pos, self._next = b"", 0, None

    @property
    def playing(self) -> bool:
        return self._pos < len(self._data)

    def _take(self, n: int) -> bytes:
        chunk = self._data[self._pos:self._pos + n]
        self._pos += len(chunk)
        return chunk + bytes(n - len(chunk))

    def readData(self, maxlen: int) -> bytes:
        now = self._clock()
        if self._t0 is None or self._t0 + self._delivered / self._rate < now:
            self._t0 = now - self._delivered / self._rate  # first read, or it ran dry
        head = maxlen
        if self._next is not None:
            data, at = self._next
            byte = round((at - self._t0) * self._rate)
            head = max(0, min(maxlen, byte - byte % self._frame - self._delivered))
        chunk = self._take(head)
        if head < maxlen and self._next is not None:  # the placed cue begins in this read
            self._data, self._pos, self._next = self._next[0], 0, None
            if self.on_start is not None:
                self.on_start()
            chunk += self._take(maxlen - head)
        self._delivered += maxlen
        return chunk

    def writeData(self, data: Any, size: int = -1) -> int:  # read only
        return -1

    def bytesAvailable(self) -> int:
        return 1 << 16  # always: silence when no cue plays

    def isSequential(self) -> bool:
        return True


_seen_pulse = False  # a PulseAudio socket was there once: its absence means it is down
EXTERNAL_PLAYER = ("aplay", "-q")  # alsa-utils; through PulseAudio's ALSA plugin


def sound_server_reachable() -> bool:
    """Whether the PulseAudio (or PipeWire-pulse) server answers on its socket; True where
    there is none to ask (another platform or audio system: Qt copes there)."""
    global _seen_pulse
    if not sys.platform.startswith("linux"):
        return True
    server = os.environ.get("PULSE_SERVER", "")
    paths = [part[5:] for part in server.split() if part.startswith("unix:")]
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    if not server and runtime:
        paths.append(os.path.join(runtime, "pulse", "native"))
    if any(os.path.exists(p) for p in paths):
        _seen_pulse = True
    elif not server and not _seen_pulse:
        return True  # no PulseAudio socket here at all: not a PulseAudio system
    for path in paths:
        with contextlib.suppress(OSError), socket.socket(socket.AF_UNIX) as probe:
            probe.settimeout(0.2)
            probe.connect(path)
            return True
    return False


class StreamOut:
    """One continuous audio stream per sample format while a routine runs (a stream
    takes 100 ms or more to open; a running one starts a cue within its buffer).

    Qt does not notice a sound server that went away (the sink stays "active" with no
    error, and nothing plays ever after), and once its PulseAudio engine has lost its
    server, making a new stream can abort the whole process (RELIABILITY R17). So a
    running stream is checked once a second: it always plays (silence between cues), so
    its processed time must keep up with the clock. When it stalls, or there is no server
    to start with, cues are played by an external player (aplay, which the live voice
    uses too) from then on: each one when the server answers, silently (`lost` says so
    once, the screen carries the cues) while it does not."""

    BUFFER_S = 0.03
    CHECK_MS = 1000
    STALLED = 0.25  # a stream that played less than this share of the time is dead
    STARTING_S = 3.0  # a stream takes up to a second or so to begin flowing

    def __init__(self, parent: QObject, clock: Callable[[], float] = time.monotonic) -> None:
        self._parent = parent
        self._clock = clock
        self._clips: dict[str, tuple[tuple[int, int, int], bytes]] = {}
        self._paths: dict[str, str] = {}
        self._streams: dict[tuple[int, int, int], tuple[QAudioSink, _CueStream]] = {}
        # per stream: when it opened, when it was last looked at, and its processed time
        self._progress: dict[tuple[int, int, int], tuple[float, float, int]] = {}
        self._dead: list[tuple[QAudioSink, _CueStream]] = []  # never touched again
        self.external = False  # cues go through an external player from now on
        self._player: subprocess.Popen | None = None
        self.lost: Callable[[str], None] | None = None  # told once per outage
        self.silent = False  # no sound output now
        self._check = QTimer(parent)
        self._check.setInterval(self.CHECK_MS)
        self._check.timeout.connect(self._check_streams)

    def load(self, key: str, path: str) -> None:
        if key in self._clips:
            return
        with wave.open(path, "rb") as f:
            fmt = (f.getframerate(), f.getnchannels(), f.getsampwidth())
            self._clips[key] = (fmt, f.readframes(f.getnframes()))
        self._paths[key] = path

    def is_loaded(self, key: str) -> bool:
        return key in self._clips

    def open(self) -> None:
        """Start a stream for every format loaded so far (before the routine starts)."""
        for fmt, _ in self._clips.values():
            self._stream(fmt)

    def play(self, key: str, volume: float) -> None:
        fmt, data = self._clips[key]
        self._cut(keep_placed=True)
        opened = self._stream(fmt)
        if opened is not None and not self._healthy(fmt):
            self._on_stalled()
            opened = self._stream(fmt)
        if opened is None:
            self._play_external(key)
            return
        sink, stream = opened
        sink.setVolume(volume)
        stream.start_cue(data)

    def play_at(self, key: str, volume: float, at: float) -> bool:
        """Place a cue in its running stream to start at monotonic `at`; False when
        there is none to place it in (it is played when due instead)."""
        fmt, data = self._clips[key]
        if self.external or fmt not in self._streams:
            return False
        if not self._healthy(fmt):
            self._on_stalled()  # as play() does: the cue is played when due, elsewhere
            return False
        sink, stream = self._streams[fmt]
        sink.setVolume(volume)
        stream.start_cue_at(data, at)
        return True

    def stop(self) -> None:
        self._cut(keep_placed=False)

    def _cut(self, keep_placed: bool, but: _CueStream | None = None) -> None:
        """End what plays now (a new cue cuts the one before); placed cues too unless
        `keep_placed`."""
        for _, stream in self._streams.values():
            if stream is but:
                continue
            if keep_placed:
                stream.start_cue(b"")
            else:
                stream.silence()
        if self._player is not None and self._player.poll() is None:
            self._player.kill()  # a new cue cuts the one before
        if self._player is not None:
            self._player.wait()
            self._player = None

    def close(self) -> None:
        """End the streams (the routine is over: nothing plays while idle), and reap an
        external player that has finished (else it stays a zombie until the next cue)."""
        if self._player is not None and self._player.poll() is not None:
            self._player = None
        for sink, stream in self._streams.values():
            sink.stop()
            stream.close()
            sink.deleteLater()
        self._streams.clear()
        self._progress.clear()
        self._check.stop()

    def _healthy(self, fmt: tuple[int, int, int]) -> bool:
        """The stream opened and has kept playing since it was last looked at (a new one
        is given STARTING_S to begin flowing)."""
        sink, _ = self._streams[fmt]
        from PySide6.QtMultimedia import QtAudio

        now, processed = self._clock(), sink.processedUSecs()
        ok = sink.error() == QtAudio.Error.NoError and sink.state() != QtAudio.State.StoppedState
        opened_at, at, before = self._progress[fmt]
        if ok and now - opened_at >= self.STARTING_S and now - at >= 0.5:
            ok = (processed - before) / 1e6 >= (now - at) * self.STALLED
        if now - at >= 0.5:
            self._progress[fmt] = (opened_at, now, processed)
        return ok

    def _check_streams(self) -> None:
        if any(not self._healthy(fmt) for fmt in list(self._streams)):
            self._on_stalled()

    def _on_stalled(self) -> None:
        if sys.platform.startswith("linux") and shutil.which(EXTERNAL_PLAYER[0]):
            self._go_external()
        else:  # elsewhere Qt's audio copes with a new stream: make them again
            log.warning("sound output stalled; opening it again")
            self.close()

    def _go_external(self) -> None:
        """Leave Qt's audio for good: its streams are kept, untouched (ending them while
        the server is gone is what leads Qt to abort later)."""
        if not self.external:
            log.warning("sound output stalled; cues play through %s from now on",
                        EXTERNAL_PLAYER[0])
        self.external = True
        self._dead += self._streams.values()
        self._streams.clear()
        self._progress.clear()
        self._check.stop()
        self._set_silent(not sound_server_reachable())

    def _play_external(self, key: str) -> None:
        if not self.external:
            return  # no stream could be made (the next cue tries again)
        if not sound_server_reachable() or shutil.which(EXTERNAL_PLAYER[0]) is None:
            self._set_silent(True)
            return
        self._set_silent(False)
        self._player = subprocess.Popen([*EXTERNAL_PLAYER, self._paths[key]],
                                        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)

    def _set_silent(self, silent: bool) -> None:
        if silent and not self.silent and self.lost is not None:
            self.lost("no sound output")
        if silent != self.silent:
            log.warning("sound output %s", "lost" if silent else "back")
        self.silent = silent

    def _stream(self, fmt: tuple[int, int, int]) -> tuple[QAudioSink, _CueStream] | None:
        if self.external:
            return None
        if fmt not in self._streams:
            if not sound_server_reachable():  # none to start with: never make a stream
                self._go_external()
                return None
            from PySide6.QtMultimedia import QAudioFormat, QAudioSink

            rate, channels, width = fmt
            audio = QAudioFormat()
            audio.setSampleRate(rate)
            audio.setChannelCount(channels)
            audio.setSampleFormat(QAudioFormat.SampleFormat.Int16 if width == 2
                                  else QAudioFormat.SampleFormat.UInt8)
            sink = QAudioSink(audio, self._parent)
            sink.setBufferSize(int(rate * channels * width * self.BUFFER_S))
            stream = _CueStream(self._parent, rate * channels * width, channels * width,
                                self._clock)
            stream.on_start = lambda s=stream: self._cut(keep_placed=True, but=s)
            sink.start(stream)
            self._streams[fmt] = (sink, stream)
            now = self._clock()
            self._progress[fmt] = (now, now, sink.processedUSecs())
            self._check.start()  # only while streams are open
        return self._streams[fmt]


class CuePlayer(QObject):
    """The voice of a routine: attach it to a SessionDriver and it says each cue, from
    renders made ahead (prepare) or live. It follows the voice settings itself."""

    notice = Signal(str)  # one message for the user (no speech engine)
    cue_spoken = Signal(str, str)  # text, how: "cached" / "live" / "dropped" / "muted"

    def __init__(self, service: SpeechService, model: SettingsModel,
                 out: AudioOut | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.settings: VoiceSettings = model.voice
        model.voice_changed.connect(self._on_voice_changed)
        self.out = out or StreamOut(self)
        self.out.load(CHIME, str(assets() / "sounds" / "chime.wav"))
        if hasattr(self.out, "lost"):
            self.out.lost = lambda _why: self.notice.emit(NO_SOUND_MESSAGE)
        self._keys: dict[str, str] = {}  # cue text -> cache key for the current voice
        self._texts: dict[str, str] = {}  # and back
        self.lengths: dict[str, float] = {}  # cue text -> seconds of speech, measured
        self._told = False
        self._state = State.IDLE
        self._failed: set[str] = set()  # keys whose render failed (they will be live speech)
        self._placed: Cue | None = None  # the cue placed in the stream ahead of its instant
        self._placed_at = 0.0  # and that instant (monotonic)
        service.rendered.connect(self._on_service_rendered)
        service.render_failed.connect(self._on_service_render_failed)
        self._voices_failed: set[str | None] = set()  # voices already said to fail
        service.engine_unavailable.connect(self._on_service_engine_unavailable)

    @property
    def speech_available(self) -> bool:
        return self.service.unavailable is None

    def attach(self, driver) -> None:
        driver.cue_ahead.connect(self.place)
        driver.cue_due.connect(self.speak)
        driver.segment_changed.connect(self._on_driver_segment_changed)
        driver.interrupted.connect(self.interrupt)
        driver.state_changed.connect(self._on_driver_state_changed)

    # --- what the app asks of it ---

    def prepare(self, cues: list[Cue], open_stream: bool = True) -> None:
        """Render every distinct phrase of a plan in the background (cached ones at once);
        `open_stream` also warms the audio stream (a user picked or started a routine).
        The speech worker starts only for a phrase not cached yet."""
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

    def place(self, cue: Cue, at: float) -> None:
        """A cue due at monotonic `at`, told ahead: rendered and with its stream running,
        it goes into the stream now, to start at that instant."""
        s = self.settings
        if s.muted or not self.speech_available:
            return
        key = self._keys.get(cue.text)
        if key is not None and self.out.is_loaded(key) and self.out.play_at(key, s.volume, at):
            self._placed, self._placed_at = cue, at

    def speak(self, cue: Cue, late: float) -> None:
        s = self.settings
        if s.muted:
            self.cue_spoken.emit(cue.text, "muted")
            return
        if cue is self._placed:  # already in the stream, starting on time
            self._placed = None
            self.cue_spoken.emit(cue.text, "cached")
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
        self._placed = None
        self.out.stop()
        self.service.interrupt()

    def announce(self, text: str) -> None:
        """One line outside a routine (a reminder): from the cache when it was said before
        (no speech worker needed), else live, and rendered for the next time."""
        s = self.settings
        if s.muted:
            return
        key, path = self.service.cached(text, s.voice, s.rate_wpm)
        if path is not None:
            self.out.load(key, str(path))
            self.out.play(key, s.volume)
            QTimer.singleShot(CLOSE_AFTER_MS, self._close_if_idle)
            return
        if not self.speech_available:
            return
        self.service.say(text, s.voice, s.rate_wpm, s.volume)
        self.service.render(text, s.voice, s.rate_wpm)

    def forget(self) -> None:
        """The voice or rate changed: renders are for the old one."""
        self._keys.clear()
        self._texts.clear()
        self.lengths.clear()

    # --- signals ---

    def _on_voice_changed(self, voice: VoiceSettings) -> None:
        old, self.settings = self.settings, voice
        if (voice.voice, voice.rate_wpm) != (old.voice, old.rate_wpm):
            self.forget()  # renders are for the old voice
        if voice.muted and not old.muted:
            self.interrupt()

    def _on_service_rendered(self, key: str, path: str) -> None:
        self.out.load(key, path)
        text = self._texts.get(key)
        if text is not None and text not in self.lengths:  # forget() clears stale ones
            self.lengths[text] = speech_seconds(path)

    def _on_service_engine_unavailable(self, why: str) -> None:
        if not self._told:
            self._told = True
            self.notice.emit(no_engine_message(why))

    def _on_service_render_failed(self, key: str, why: str) -> None:
        """A phrase of the voice in use did not render (a broken or missing voice file):
        it is spoken live; the user hears why once per voice, with the file named."""
        self._failed.add(key)
        if key not in self._texts or self.service.unavailable is not None:
            return  # not one of this voice's phrases (an added voice's check, an old
            # voice), or no engine at all (which has a notice of its own)
        voice = self.service.speaking_voice(self.settings.voice)
        if voice not in self._voices_failed:
            self._voices_failed.add(voice)
            log.warning("voice %s could not render %r: %s", voice, self._texts[key], why)
            self.notice.emit(voice_failed_message(voice, why))

    def _on_driver_state_changed(self, state: State) -> None:
        self._state = state
        if state is State.RUNNING:
            self.out.open()
        elif state is State.FINISHED:
            QTimer.singleShot(CLOSE_AFTER_MS, self._close_if_idle)  # let the last line end

    def _close_if_idle(self) -> None:
        if self._state is not State.RUNNING:
            self.out.close()

    def _on_driver_segment_changed(self, _segment) -> None:
        s = self.settings
        if self._placed is not None and self._placed_at <= time.monotonic() + CHIME_GAP_S:
            return  # a cue placed for this instant may be playing already: it goes first
        if not s.muted and (s.chime or not self.speech_available):
            self.out.play(CHIME, s.volume)


NO_SOUND_MESSAGE = ("There is no sound output right now (the sound server stopped or is "
                    "restarting): the cues are on screen, and the voice comes back by itself "
                    "when the sound does.")


def voice_failed_message(voice: str | None, why: str) -> str:
    from stretchtimer.voice.piper_voices import PREFIX

    name = (voice or "the default voice").removeprefix(PREFIX)
    return (f"The voice {name} could not speak ({why}). Its cues are spoken live by the "
            "system voice instead (or chimed); Settings > Voice picks another.")


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
