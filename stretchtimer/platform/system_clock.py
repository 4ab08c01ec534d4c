"""The real clock (core.clock.Clock): the one place that reads the operating system's
time, outside core, so nothing in core can read it (DESIGN.md rule 2)."""

from __future__ import annotations

import time


class SystemClock:
    def wall(self) -> float:
        return time.time()

    def monotonic(self) -> float:
        return time.monotonic()
