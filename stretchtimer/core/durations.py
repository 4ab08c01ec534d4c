"""How long to pause reminders, as people and scripts write it: "45m", "2h", "1h30m",
"90" (minutes), or "until 14:30" (today, or tomorrow once that time has passed)."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

_SPAN = re.compile(r"^(?:(\d{1,3})\s*h)?\s*(?:(\d{1,4})\s*m(?:in)?)?$")
_UNTIL = re.compile(r"^until\s+([01]?\d|2[0-3]):([0-5]\d)$")
MAX_S = 7 * 24 * 3600.0  # a week: longer is no pause but turning reminders off


def pause_seconds(text: str, now: datetime) -> float:
    """Seconds from `now` to the end of the pause `text` asks for; ValueError naming
    what is wrong."""
    words = " ".join(text.lower().split())
    until = _UNTIL.match(words)
    if until:
        end = now.replace(hour=int(until[1]), minute=int(until[2]), second=0, microsecond=0)
        if end <= now:
            end += timedelta(days=1)
        # through the epoch: a local time across a DST change is an hour more or less
        return end.timestamp() - now.timestamp()
    if words.isdigit():
        words += "m"
    span = _SPAN.match(words)
    if not words or not span or not (span[1] or span[2]):
        raise ValueError(f"{text!r} is not a duration: write 45m, 2h, 1h30m or until 14:30")
    seconds = int(span[1] or 0) * 3600.0 + int(span[2] or 0) * 60.0
    if not 0 < seconds <= MAX_S:
        raise ValueError(f"{text!r}: a pause is from 1 minute to 7 days")
    return seconds
