"""Plays each cue at its instant: the pre-rendered WAV when it is loaded (QSoundEffect
keeps it in memory, the lowest latency Qt offers), live speech when it is not, a chime
when there is no speech engine at all. Timing comes from the session driver, never from
when speech finishes; a new cue cuts the one before, so cues never pile up."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtMultimedia import QSoundEffect

from stretchtimer.core.cues import Cue, CueKind
from stretchtimer.resources import assets
from stretchtimer.voice.service import SpeechService
from stretchtimer.voice.speaker import VoiceSettings

LATE_DROP_S = 1.0  # a cue this late is stale; only a side switch is still worth saying
CHIME = "chime"


class AudioOut(Protocol):
    def load(self, key: str, path: str) -> None: ...

    def is_loaded(self, key: str) -> bool: ...

    def play(self, key: str, volume: float) -> None: ...

    def stop(self) -> None: ...


class SoundEffectOut:
    """QSoundEffect per phrase: decoded once, started with no file or decoder work."""

    def __init__(self, parent: QObject) -> None:
        self._parent = parent
        self._effects: dict[str, QSoundEffect] = {}
        self._playing: QSoundEffect | None = None

    def load(self, key: str, path: str) -> None:
        if key not in self._effects:
            effect = QSoundEffect(self._parent)
            effect.setSource(QUrl.fromLocalFile(path))
            self._effects[key] = effect

    def is_loaded(self, key: str) -> bool:
        effect = self._effects.get(key)
        return effect is not None and effect.status() == QSoundEffect.Status.Ready

    def play(self, key: str, volume: float) -> None:
        self.stop()
        effect = self._effects[key]
        effect.setVolume(volume)
        effect.play()
        self._playing = effect

    def stop(self) -> None:
        if self._playing is not None and self._playing.isPlaying():
            self._playing.stop()
        self._playing = None


class CuePlayer(QObject):
    """The real Speaker: subscribe it to a SessionDriver and it voices the routine."""

    notice = Signal(str)  # one message for the user (no speech engine)
    cue_spoken = Signal(str, str)  # text, how: "cached" / "live" / "dropped" / "muted"

    def __init__(self, service: SpeechService, settings: VoiceSettings,
                 out: AudioOut | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.settings = settings
        self.out = out or SoundEffectOut(self)
        self.out.load(CHIME, str(assets() / "sounds" / "chime.wav"))
        self._keys: dict[str, str] = {}  # cue text -> cache key for the current voice
        self._told = False
        service.rendered.connect(self._on_service_rendered)
        service.engine_unavailable.connect(self._on_service_engine_unavailable)

    @property
    def speech_available(self) -> bool:
        return self.service.unavailable is None

    def attach(self, driver) -> None:
        driver.cue_due.connect(self.speak)
        driver.segment_changed.connect(self._on_driver_segment_changed)
        driver.interrupted.connect(self.interrupt)

    # --- Speaker ---

    def prepare(self, cues: list[Cue]) -> None:
        """Render every distinct phrase of a plan in the background (cached ones at once)."""
        self.service.start()
        s = self.settings
        for text in dict.fromkeys(c.text for c in cues):
            self._keys[text] = self.service.render(text, s.voice, s.rate_wpm)

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

    # --- signals ---

    def _on_service_rendered(self, key: str, path: str) -> None:
        self.out.load(key, path)

    def _on_service_engine_unavailable(self, why: str) -> None:
        if not self._told:
            self._told = True
            self.notice.emit(no_engine_message(why))

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
