"""The history as the app reads it: a snapshot of the journals' tally plus each journal's
tail, so opening ten years of history parses only what came since the last snapshot.

The history may be several journals (every computer's, in a synced folder: issue 19).
The snapshot lives in the cache folder (it can always be rebuilt from the journals) and
says, per file, which prefix it covers: its length and a hash of that prefix's first and
last 4 KB. It also keeps the ids of the records it counted, so a record that turns up
again in another file's tail (a conflict copy, a journal copied in) is counted once.
If a file it covers is gone, shorter, or those bytes differ (restored, edited, replaced),
the snapshot is ignored and rebuilt; so it is when its own tally does not match the hash
stored with it (a flipped bit in the cache). It is rewritten once the tails grow, or when
a file is new to it. There is one snapshot per set of folders read (the local journal
alone, or with a synced folder's), so a synced folder going away and coming back does
not cost two rebuilds."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

from stretchtimer.core import strict_json
from stretchtimer.core.digest import sha256, sha256_hex
from stretchtimer.core.tally import Tally
from stretchtimer.storage.atomic import write_atomic
from stretchtimer.storage.journal import Journal, Loaded

FORMAT = "stretchtimer-history-snapshot"
VERSION = 4  # 4: several journals, and the ids counted; 3: the tally stored as text
CHECK_BYTES = 4096
REWRITE_AFTER = 200  # records in the tails before the snapshot is brought up to date


def _check(path: Path, end: int) -> str:
    """A hash of the covered prefix's first and last 4 KB: cheap, and enough to notice a
    journal that was replaced, restored or cut (not an edit in the middle that keeps the
    length; hashing all of ten years' file on every open would cost what this saves).
    A sync tool that replaces the file with a longer copy keeps the prefix, and the hash."""
    digest = sha256()
    with open(path, "rb") as f:
        digest.update(f.read(min(end, CHECK_BYTES)))
        f.seek(max(0, end - CHECK_BYTES))
        digest.update(f.read(min(end, CHECK_BYTES)))
    return str(digest.hexdigest())


def _stored_check(tally: str, ids: str) -> str:
    """A hash of the stored tally and ids: a snapshot is trusted only as it was written
    (the tally holds dates and counts the history view and progression rely on). They are
    kept as text so the check hashes bytes instead of serialising ten years again."""
    return sha256_hex(tally.encode() + b"\0" + ids.encode())


class HistoryStore:
    def __init__(self, sources: Journal | Callable[[], list[Path]],
                 snapshot: Path | None) -> None:
        """`sources`: one journal, or what lists the journals to read now (storage/
        history_files.py: the local one, or every computer's in a synced folder)."""
        if isinstance(sources, Journal):
            path = sources.path
            self.sources: Callable[[], list[Path]] = lambda: [path]
        else:
            self.sources = sources
        self.base = snapshot
        self.snapshot: Path | None = snapshot  # the one for the files read last
        self.last = Loaded()  # what the last load read past the snapshot (counts, records)
        self.problems: list[str] = []  # files the last load could not read, and why

    def load(self) -> Tally:
        files = self.sources()
        self.snapshot = self._snapshot_for(files)
        try:
            return self._load(files, self._read_snapshot(files))
        except (TypeError, ValueError, KeyError, AttributeError):
            # a snapshot whose hash holds but whose tally is not one this app wrote
            return self._load(files, (Tally(), {}, set()))

    def _load(self, files: list[Path], start: tuple[Tally, dict[str, int], set[str]]) -> Tally:
        tally, covered, seen = start
        self.last, self.problems, ends = Loaded(), [], {}
        for path in files:
            tail = Journal(path).load(covered.get(str(path), 0), seen=seen)
            for rec in tail.records:
                tally.fold(rec)
            tally.unreadable_lines += tail.unreadable_lines
            tally.newer_records += tail.newer_records
            tally.duplicates += tail.duplicates
            self.last.records += tail.records
            self.last.unreadable_lines += tail.unreadable_lines
            self.last.newer_records += tail.newer_records
            self.last.duplicates += tail.duplicates
            if tail.problem:
                self.problems.append(tail.problem)
            if tail.end:
                ends[str(path)] = tail.end
        tally.trim()
        if self.snapshot is not None and (len(self.last.records) >= REWRITE_AFTER or
                                          ends.keys() != covered.keys()):
            self._write_snapshot(tally, ends, seen)
        return tally

    def _snapshot_for(self, files: list[Path]) -> Path | None:
        """The snapshot for journals in these folders: the base one for the local journal
        alone, one named by the folders for a synced folder's as well."""
        folders = sorted({str(p.parent) for p in files})
        if self.base is None or len(folders) <= 1:
            return self.base
        tag = sha256_hex("\0".join(folders).encode())[:10]
        return self.base.with_name(f"{self.base.stem}-{tag}{self.base.suffix}")

    def _read_snapshot(self, files: list[Path]) -> tuple[Tally, dict[str, int], set[str]]:
        empty: tuple[Tally, dict[str, int], set[str]] = (Tally(), {}, set())
        if self.snapshot is None:
            return empty
        try:
            data = strict_json.loads(self.snapshot.read_bytes())
            if data["format"] != FORMAT or data["version"] != VERSION or \
                    _stored_check(data["tally"], data["ids"]) != data["check"]:
                return empty
            now = {str(p) for p in files}
            covered = {}
            for entry in data["files"]:
                name, end = entry["path"], entry["bytes"]
                path = Path(name)
                if name not in now or end.__class__ is not int or end < 0 or \
                        path.stat().st_size < end or _check(path, end) != entry["check"]:
                    return empty  # gone, cut or replaced: its records may be other ones now
                covered[name] = end
            # exactly the text this app wrote (the hash says so): the plain parser will do
            return Tally.from_json(json.loads(data["tally"])), covered, set(json.loads(data["ids"]))
        except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError):
            return empty  # missing or damaged: it is only a cache

    def _write_snapshot(self, tally: Tally, ends: dict[str, int], ids: set[str]) -> None:
        assert self.snapshot is not None
        stored = json.dumps(tally.to_json(), separators=(",", ":"))
        stored_ids = json.dumps(sorted(ids), separators=(",", ":"))
        try:
            files = [{"path": name, "bytes": end, "check": _check(Path(name), end)}
                     for name, end in ends.items()]
            data = {"format": FORMAT, "version": VERSION, "files": files, "tally": stored,
                    "ids": stored_ids, "check": _stored_check(stored, stored_ids)}
            write_atomic(self.snapshot, json.dumps(data, separators=(",", ":")).encode())
        except OSError:
            pass  # a cache that cannot be written (or a file gone meanwhile) costs time only
