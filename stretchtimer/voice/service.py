"""The Qt side of the speech worker: replies arrive through a socket notifier on the
worker's pipe, and a single-shot watchdog is armed only while something is awaited.
Nothing here ever waits for the engine."""

from __future__ import annotations

import logging
import math
import sys
import time
from pathlib import Path

from PySide6.QtCore import QObject, QSocketNotifier, Qt, QTimer, Signal

from stretchtimer.core.speech_time import spoken_length
from stretchtimer.logs import log as app_log
from stretchtimer.voice.cache import SpeechCache, cache_key, engine_key, playable, voice_for
from stretchtimer.voice.engine import (
    DEFAULT_BACKEND,
    RENDER_DEADLINE_S,
    RESTARTED,
    SPEECH_STOPPED,
    EngineClient,
    Reply,
)

log = app_log.getChild("speech")
IDLE_STOP_MS = 180_000  # a worker unused this long ends
CHECK_DEADLINE_S = 30.0  # the first render of an added voice loads Piper and the model


class SpeechService(QObject):
    engine_unavailable = Signal(str)  # why
    voices_listed = Signal(list)  # [{"id", "name", "languages"}]
    rendered = Signal(str, str)  # key, path
    render_failed = Signal(str, str)  # key, why
    voice_added = Signal(str, str)  # voice id; "" when it spoke, else why it was taken out
    _copied = Signal(object, str, str, int)  # from the copying thread: AddedVoice, why, ...

    def __init__(self, cache: SpeechCache, backend: str = DEFAULT_BACKEND,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.cache = cache
        self.client = EngineClient(backend, clock=time.monotonic)
        self._notifier: QSocketNotifier | None = None
        self._watchdog = QTimer(self)
        self._watchdog.setSingleShot(True)
        self._watchdog.setTimerType(Qt.TimerType.PreciseTimer)
        self._watchdog.timeout.connect(self._on_watchdog_timeout)
        self._rendering: dict[str, Path] = {}  # key -> temp file being written
        # Windows pipes are not sockets, so there a short poll runs while a reply is awaited.
        self._poll = QTimer(self)
        self._poll.setInterval(30)
        self._poll.timeout.connect(self._on_notifier_activated)
        # a worker left with nothing to do ends (its memory back): the next request that
        # needs it starts one again
        self._idle = QTimer(self)
        self._idle.setSingleShot(True)
        self._idle.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self._idle.setInterval(IDLE_STOP_MS)
        self._idle.timeout.connect(self._on_idle_timeout)
        cache.sweep_temps()
        self.language = "en"  # the UI's language: speak it when no voice is chosen
        self._natural: list | None = None  # Piper voices here (found when first needed)
        self._checking: dict[str, tuple] = {}  # key -> (AddedVoice, temp file)
        self._copied.connect(self._on_copied, Qt.ConnectionType.QueuedConnection)  # a thread

    @property
    def natural(self) -> list:
        """The Piper voices the default engine can use (none for a test's fake engine):
        with no voice chosen, one for the UI's language is the default."""
        if self._natural is None:
            self._natural = []
            if self.client.backend == DEFAULT_BACKEND:
                from stretchtimer.voice.piper_voices import usable_voices

                self._natural = usable_voices(self.voices_folder)
        return self._natural

    @property
    def voices_folder(self) -> Path:
        """Where voice files the user adds go (the worker's backend reads it too)."""
        from stretchtimer.storage.paths import Paths

        return Paths.default().voices

    @property
    def engine_key(self) -> str:
        return engine_key(self.client.backend)

    @property
    def unavailable(self) -> str | None:
        return self.client.unavailable

    def start(self) -> None:
        if not self.client.running and self.client.unavailable is None:
            self.client.start()
            self._watch()

    # --- requests ---

    def speaking_voice(self, voice: str | None) -> str | None:
        """The voice asked of the engine for the chosen `voice` (None: the automatic one,
        a natural voice of the UI's language where there is one)."""
        return voice_for(voice, self.language, self.natural)

    def cached(self, text: str, voice: str | None, rate: int) -> tuple[str, Path | None]:
        """The cache key of `text` in this voice, and its render if there is one."""
        key = cache_key(text, self.speaking_voice(voice), rate, self.engine_key)
        return key, self.cache.get(key)

    def render(self, text: str, voice: str | None, rate: int) -> str:
        """Make sure `text` is cached; `rendered` fires when it is (at once if it was)."""
        key, path = self.cached(text, voice, rate)
        if path is not None:
            QTimer.singleShot(0, lambda: self.rendered.emit(key, str(path)))
        elif key not in self._rendering:
            temp = self.cache.temp_path()
            self._rendering[key] = temp
            self.client.request("render", RENDER_DEADLINE_S, text=text, path=str(temp),
                                voice=self.speaking_voice(voice), rate=rate, key=key)
            self._watch()
        return key

    def say(self, text: str, voice: str | None, rate: int, volume: float) -> None:
        """Live speech, for a cue whose render is not ready."""
        voice = self.speaking_voice(voice)
        deadline = math.ceil(spoken_length(text, rate)) + 5.0
        self.client.request("say", deadline, text=text, voice=voice, rate=rate, volume=volume)
        self._watch()

    def list_voices(self) -> None:
        self.client.request("voices", RENDER_DEADLINE_S)
        self._watch()

    def add_voice(self, model: Path, text: str, rate: int) -> str:
        """Copy a Piper voice file (and its config) into the voices folder, on a thread of
        its own (a model is 20-120 MB), then check that it speaks `text` through a new
        worker (which finds it); `voice_added` says how that went, and what was copied for
        a voice that does not speak is taken out again. OSError, naming the problem, at
        once when the files are no voice; returns the voice's id."""
        import threading

        from stretchtimer.voice.piper_voices import add_voice_file, read_voice

        voice = read_voice(model)
        folder = self.voices_folder

        def copy() -> None:
            try:
                self._copied.emit(add_voice_file(model, folder), "", text, rate)
            except OSError as exc:  # a full disk, a file that appeared meanwhile
                self._copied.emit(voice, str(exc), text, rate)

        threading.Thread(target=copy, name="stretchtimer-add-voice", daemon=True).start()
        return voice.id

    def _on_copied(self, added, why: str, text: str, rate: int) -> None:
        if why:
            self.voice_added.emit(added.id, why)
            return
        self._find_voices_again()  # with it
        key = f"check:{added.voice.id}"
        temp = self.cache.temp_path()
        self._checking[key] = (added, temp)
        self.client.request("render", CHECK_DEADLINE_S, text=text, path=str(temp),
                            voice=added.voice.id, rate=rate, key=key)
        self._watch()

    def interrupt(self) -> None:
        self._handle(self.client.interrupt())
        self._watch()

    def shutdown(self) -> None:
        self._idle.stop()
        self._watchdog.stop()
        if self._notifier is not None:
            self._notifier.setEnabled(False)
        self.client.close()

    # --- replies ---

    def _on_notifier_activated(self, *_args) -> None:
        self._handle(self.client.read())
        self._watch()

    def _on_idle_timeout(self) -> None:
        if self.client.running and not self.client.busy():
            log.info("speech worker ended after %d s unused", IDLE_STOP_MS // 1000)
            self.client.close()
            self._watch()

    def _on_watchdog_timeout(self) -> None:
        self._handle(self.client.read() + self.client.check())
        self._watch()

    def _handle(self, replies: list[Reply]) -> None:
        for r in replies:
            if r.kind in ("ready", "unavailable", "lost") or (r.kind != "ok" and
                                                              r.request == "say"):
                log.log(logging.INFO if r.kind == "ready" else logging.WARNING,
                        "speech %s %s: %s", r.request or "engine", r.kind, r.value)
            if r.kind == "unavailable":
                self.engine_unavailable.emit(r.value)
            elif r.request == "voices" and r.kind == "ok":
                self.voices_listed.emit(r.value)
            elif r.request == "voices" and r.kind == "lost" and r.value == RESTARTED:
                self.list_voices()  # asked while it restarted for a new voice
            elif r.request == "render" and r.kind == "lost" and r.value in (SPEECH_STOPPED,
                                                                             RESTARTED):
                # live speech was cut (pause, skip, the next cue) or the worker restarted
                # for a new voice: the renders queued were lost with the worker, not failed
                deadline = CHECK_DEADLINE_S if r.args["key"] in self._checking else \
                    RENDER_DEADLINE_S
                self.client.request("render", deadline, **r.args)
            elif r.request == "render" and r.args["key"] in self._checking:
                self._checked(r)
            elif r.request == "render":
                key = r.args["key"]
                temp = self._rendering.pop(key, None)
                if r.kind == "ok" and temp is not None and playable(temp):
                    self.rendered.emit(key, str(self.cache.commit(temp, key)))
                else:
                    if temp is not None:
                        temp.unlink(missing_ok=True)
                    self.render_failed.emit(key, str(r.value) if r.kind != "ok"
                                            else "the speech engine wrote no sound")

    def _find_voices_again(self) -> None:
        """The voices folder changed: the app and a new worker look again."""
        self._natural = None
        self._handle(self.client.restart())

    def _checked(self, r: Reply) -> None:
        from stretchtimer.voice.piper_voices import remove_voice_file

        added, temp = self._checking.pop(r.args["key"])
        voice = added.voice
        spoke = r.kind == "ok" and playable(temp)
        temp.unlink(missing_ok=True)
        why = "" if spoke else str(r.value) if r.kind != "ok" else "it made no sound"
        if not spoke:
            remove_voice_file(added)  # only what was copied in: never the user's own
            self._find_voices_again()  # a worker that knows it no more
        log.log(logging.INFO if spoke else logging.WARNING, "voice %s added%s", voice.id,
                f", then taken out: {why}" if why else "")
        self.voice_added.emit(voice.id, why)

    def _watch(self) -> None:
        """Follow the worker's pipe (it changes on restart) and arm the watchdog."""
        fd = self.client.fileno()
        if sys.platform == "win32":
            if self.client.busy():
                self._poll.start()
            else:
                self._poll.stop()
        elif fd != (self._notifier.socket() if self._notifier is not None else None):
            if self._notifier is not None:  # never left on a closed pipe (Qt warns)
                self._notifier.setEnabled(False)
                self._notifier.deleteLater()
                self._notifier = None
            if fd is not None:
                self._notifier = QSocketNotifier(fd, QSocketNotifier.Type.Read, self)
                self._notifier.activated.connect(self._on_notifier_activated)
        if self.client.answered():
            # no pipe will wake us for those: hand them out on the next turn of the loop
            QTimer.singleShot(0, self._on_notifier_activated)
        if self.client.running and not self.client.busy():
            self._idle.start()
        else:
            self._idle.stop()
        deadline = self.client.next_deadline()
        if deadline is None:
            self._watchdog.stop()
        else:
            self._watchdog.start(max(0, math.ceil((deadline - time.monotonic()) * 1000)) + 10)
