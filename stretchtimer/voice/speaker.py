"""What the rest of the app needs from speech, and the stand-ins used without it.

No Qt here (DESIGN rule 1): the real speaker is voice/player.py's CuePlayer."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # for type hints only: the cue planner loads after the first paint
    from stretchtimer.core.cues import Cue


class Speaker(Protocol):
    def prepare(self, cues: list[Cue]) -> None:
        """Get ready to say these cues (render them ahead of time)."""

    def speak(self, cue: Cue, late: float) -> None:
        """Say a cue now; `late` is how far past its instant it already is."""

    def interrupt(self) -> None:
        """Stop whatever is being said, at once."""


class NullSpeaker:
    """Says nothing: the voice is off and the screen carries every cue."""

    def prepare(self, cues: list[Cue]) -> None:
        pass

    def speak(self, cue: Cue, late: float) -> None:
        pass

    def interrupt(self) -> None:
        pass


class RecordingSpeaker:
    """Remembers what it was asked to say, for tests of the wiring."""

    def __init__(self) -> None:
        self.prepared: list[list[Cue]] = []
        self.spoken: list[tuple[str, float]] = []
        self.interrupts = 0

    def prepare(self, cues: list[Cue]) -> None:
        self.prepared.append(list(cues))

    def speak(self, cue: Cue, late: float) -> None:
        self.spoken.append((cue.text, late))

    def interrupt(self) -> None:
        self.interrupts += 1
