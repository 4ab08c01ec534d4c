"""history.jsonl: one JSON record per line, appended and fsynced before it counts as
saved, never rewritten.

A crash can only tear the line being written: loading skips lines that do not parse, and
the next append first ends the torn line so its own record starts clean. Records carry a
UUID (duplicates, e.g. from a restored backup appended twice, are dropped on load) and a
schema_version (records from a newer stretchtimer are kept on disk but not read).
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stretchtimer.core import strict_json
from stretchtimer.storage.atomic import fsync_dir, read_plain

SCHEMA_VERSION = 1


@dataclass
class Loaded:
    records: list[dict[str, Any]] = field(default_factory=list)
    end: int = 0  # the file offset just after the last complete line read
    unreadable_lines: int = 0  # torn or damaged lines that were skipped
    newer_records: int = 0  # from a newer stretchtimer: kept on disk, not read
    duplicates: int = 0
    newer: list[dict[str, Any]] = field(default_factory=list)  # those records (to copy)
    problem: str = ""  # why the file could not be read at all (it is then read as empty)


_LOCK = threading.Lock()  # the GUI and a copying thread may append to one journal at once


class Journal:
    def __init__(self, path: Path, shared: bool = False) -> None:
        """`shared`: a journal in a synced folder, which other computers (and their sync
        tool) write into as well: a symbolic link there is never written through, and
        its folder is never made (an unmounted drive's bare mount point stays bare)."""
        self.path = path
        self.shared = shared

    def append(self, record: dict[str, Any]) -> str:
        """Add one record; when this returns, it is on disk. Returns its id. OSError
        (e.g. a full disk) means it was not saved; everything before it still is."""
        rec = stamp(record)
        self.extend([rec])
        return str(rec["id"])

    def extend(self, records: list[dict[str, Any]]) -> None:
        """Add records that already carry their id (a copy from another journal) with one
        fsync; when this returns they are on disk, and on OSError none of them are."""
        if not records:
            return
        data = b"".join((json.dumps(rec, ensure_ascii=False, separators=(",", ":")) + "\n")
                        .encode() for rec in records)
        if not self.shared:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_RDWR | os.O_APPEND | os.O_CREAT | getattr(os, "O_BINARY", 0)
        if self.shared:
            flags |= getattr(os, "O_NOFOLLOW", 0)
        with _LOCK:
            created = not self.path.exists()
            with os.fdopen(os.open(self.path, flags, 0o644), "a+b", buffering=0) as f:
                length = f.seek(0, os.SEEK_END)
                if length > 0:
                    f.seek(-1, os.SEEK_END)
                    if f.read(1) != b"\n":
                        data = b"\n" + data  # end a line torn by a crash first
                try:
                    rest = memoryview(data)
                    while rest:
                        rest = rest[f.write(rest) or 0:]
                    os.fsync(f.fileno())
                except OSError:
                    # e.g. a full disk: take back the part that was written, so the file
                    # ends where it did (a crash here is what the torn-line rule is for)
                    with contextlib.suppress(OSError):
                        f.truncate(length)
                    raise
        if created:
            fsync_dir(self.path.parent)

    def load(self, start: int = 0, seen: set[str] | None = None) -> Loaded:
        """Every record from byte `start` on (0: the whole file; a snapshot's end: its tail),
        each once: `seen` holds the ids read already (other journals', when several are
        merged) and gains this file's. A file that cannot be read (not a plain file, an
        I/O error on a share) is read as empty, with `problem` saying why."""
        out = Loaded(end=start)
        try:
            raw = read_plain(self.path, start)  # (a FIFO named like a journal: refused)
        except FileNotFoundError:
            return out
        except OSError as exc:
            out.problem = f"{self.path.name}: {exc.strerror or exc}"
            return out
        whole = raw.rfind(b"\n") + 1  # a last line without its end is still being written
        out.end = start + whole
        seen = set() if seen is None else seen
        # One decode for the whole file (a torn multi-byte character only spoils its line).
        for line in raw[:whole].decode("utf-8", errors="replace").split("\n"):
            if not line or line.isspace():
                continue
            try:
                rec = strict_json.loads(line)
            except strict_json.JsonProblem:
                rec = None
            if not isinstance(rec, dict) or not isinstance(rec.get("id"), str):
                out.unreadable_lines += 1  # torn, damaged, nested too deep: kept, skipped
                continue
            if rec["id"] in seen:
                out.duplicates += 1
                continue
            seen.add(rec["id"])
            version = rec.get("schema_version")
            if version.__class__ is not int or version > SCHEMA_VERSION:
                out.newer_records += 1
                out.newer.append(rec)
                continue
            out.records.append(rec)
        return out


def stamp(record: dict[str, Any]) -> dict[str, Any]:
    """A new record as the journal keeps it: with a fresh id and the schema version."""
    import uuid  # (and platform under it): not needed until the first record

    return {"id": uuid.uuid4().hex, "schema_version": SCHEMA_VERSION, **record}
