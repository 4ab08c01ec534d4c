"""The one rule for other apps' music: it is paused while a routine runs with the voice
on (Settings > Voice > pause other apps' music), and resumed when the routine ends, is
stopped, or the voice is muted or the setting turned off meanwhile."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject

from stretchtimer.settings_model import SettingsModel


class MediaDriver(QObject):
    def __init__(self, settings: SettingsModel, make: Callable[[QObject], Any] | None = None,
                 parent: QObject | None = None) -> None:
        """`make(parent)`: what pauses playback here, or None (default: media_pauser,
        made at the first routine: no D-Bus connection for a tray that only waits)."""
        super().__init__(parent)
        self.settings = settings
        self._make = make
        self._pauser: Any = None
        self._made = False
        self._running = False
        self._paused = False
        settings.voice_changed.connect(lambda _v: self._update())

    def routine_started(self) -> None:
        self._running = True
        self._update()

    def routine_ended(self) -> None:
        self._running = False
        self._update()

    def shutdown(self) -> None:
        self._running = self._paused = False
        if self._pauser is not None:
            self._pauser.shutdown()  # resumes what is paused, and sees the calls out

    def _update(self) -> None:
        voice = self.settings.voice
        want = self._running and voice.pause_media and not voice.muted
        if want == self._paused:
            return
        pauser = self._get()
        if pauser is None:
            return
        self._paused = want
        if want:
            pauser.pause_playing()
        else:
            pauser.resume()

    def _get(self) -> Any:
        if not self._made:
            self._made = True
            if self._make is None:
                from stretchtimer.platform.media import media_pauser

                self._make = media_pauser
            self._pauser = self._make(self)
        return self._pauser
