"""Injected time: wall clock for calendars and records, monotonic for deadlines. Core
only ever receives a Clock; the real one (platform/system_clock.py) reads the OS."""

from __future__ import annotations

from typing import Protocol


class Clock(Protocol):
    def wall(self) -> float:
        """Seconds since the epoch (UTC); may jump when the user or NTP sets the clock."""

    def monotonic(self) -> float:
        """Seconds that only move forward; the base for every deadline."""


class FakeClock:
    """A clock tests move by hand, so no test ever sleeps."""

    def __init__(self, wall: float = 1_767_225_600.0, monotonic: float = 1000.0) -> None:
        self._wall = wall
        self._mono = monotonic

    def wall(self) -> float:
        return self._wall

    def monotonic(self) -> float:
        return self._mono

    def advance(self, seconds: float) -> None:
        if seconds < 0:
            raise ValueError("time only moves forward; use set_wall() for a clock jump")
        self._wall += seconds
        self._mono += seconds

    def advance_to(self, monotonic: float) -> None:
        """Move to an exact monotonic instant (a deadline), without float drift."""
        self.advance(monotonic - self._mono)
        self._mono = monotonic

    def set_wall(self, wall: float) -> None:
        """Jump the wall clock alone, as a user or NTP changing the time does."""
        self._wall = wall
