"""The history as the app reads it: a snapshot of the journal's tally plus the journal's
tail, so opening ten years of history parses only what came since the last snapshot.

The snapshot lives in the cache folder (it can always be rebuilt from the journal) and
says which prefix of the journal it covers: its length and a hash of that prefix's first
and last 4 KB. If the journal is shorter or those bytes differ (restored, edited,
replaced), the snapshot is ignored and rebuilt; so it is when its own tally does not match
the hash stored with it (a flipped bit in the cache). It is rewritten once the tail grows."""

from __future__ import annotations

import json
from pathlib import Path

from stretchtimer.core import strict_json
from stretchtimer.core.digest import sha256, sha256_hex
from stretchtimer.core.tally import Tally
from stretchtimer.storage.atomic import write_atomic
from stretchtimer.storage.journal import Journal, Loaded

FORMAT = "stretchtimer-history-snapshot"
VERSION = 3  # 3: the tally is stored as text with a hash of that text
CHECK_BYTES = 4096
REWRITE_AFTER = 200  # records in the tail before the snapshot is brought up to date


def _check(journal: Journal, end: int) -> str:
    """A hash of the covered prefix's first and last 4 KB: cheap, and enough to notice a
    journal that was replaced, restored or cut (not an edit in the middle that keeps the
    length; hashing all of ten years' file on every open would cost what this saves)."""
    digest = sha256()
    with open(journal.path, "rb") as f:
        digest.update(f.read(min(end, CHECK_BYTES)))
        f.seek(max(0, end - CHECK_BYTES))
        digest.update(f.read(min(end, CHECK_BYTES)))
    return str(digest.hexdigest())


def _tally_check(text: str) -> str:
    """A hash of the stored tally's text: a snapshot is trusted only as it was written
    (the tally holds dates and counts the history view and progression rely on). It is
    kept as text so the check hashes bytes instead of serialising ten years again."""
    return sha256_hex(text.encode())


class HistoryStore:
    def __init__(self, journal: Journal, snapshot: Path | None) -> None:
        self.journal = journal
        self.snapshot = snapshot
        self.last: Loaded | None = None  # the last tail read (damaged / newer line counts)

    def load(self) -> Tally:
        tally, start = self._read_snapshot()
        tail = self.journal.load(start)
        self.last = tail
        for rec in tail.records:
            tally.fold(rec)
        tally.unreadable_lines += tail.unreadable_lines
        tally.newer_records += tail.newer_records
        if self.snapshot is not None and len(tail.records) >= REWRITE_AFTER:
            self._write_snapshot(tally, tail.end)
        return tally

    def _read_snapshot(self) -> tuple[Tally, int]:
        if self.snapshot is None:
            return Tally(), 0
        try:
            data = strict_json.loads(self.snapshot.read_bytes())
            end = data["journal_bytes"]
            if data["format"] != FORMAT or data["version"] != VERSION or \
                    end.__class__ is not int or self.journal.path.stat().st_size < end or \
                    _check(self.journal, end) != data["journal_check"] or \
                    _tally_check(data["tally"]) != data["tally_check"]:
                return Tally(), 0
            # exactly the text this app wrote (the hash says so): the plain parser will do
            return Tally.from_json(json.loads(data["tally"])), end
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return Tally(), 0  # missing or damaged: it is only a cache

    def _write_snapshot(self, tally: Tally, end: int) -> None:
        assert self.snapshot is not None
        stored = json.dumps(tally.to_json(), separators=(",", ":"))
        data = {"format": FORMAT, "version": VERSION, "journal_bytes": end,
                "journal_check": _check(self.journal, end), "tally": stored,
                "tally_check": _tally_check(stored)}
        try:
            write_atomic(self.snapshot, json.dumps(data, separators=(",", ":")).encode())
        except OSError:
            pass  # a cache that cannot be written costs time, not data
