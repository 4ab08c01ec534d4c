"""Which journals the history is written to and read from (issue 19): the local one, or,
with a synced folder, this computer's own journal there and every other computer's.

With a synced folder:
- a record goes to this computer's journal in the folder first (that is when it counts
  as saved), then to the local journal, which stays a copy of everything this computer
  recorded: it is read too, so a sync tool that deletes the folder's files (a deletion
  made on another computer) takes nothing of this computer's away;
- while the folder is away (an unmounted drive, a network share that dropped), records
  go to the local journal (saved) and to a pending journal; when the folder is back, the
  pending records are added to this computer's journal there (a crash in between only
  writes some of them twice, and a record is read once whatever file holds it);
- the folder counts as there when it holds the marker file that turning syncing on wrote:
  an empty mount point is not the folder, and nothing is written into it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from stretchtimer.storage.atomic import fsync_dir, write_atomic
from stretchtimer.storage.journal import Journal, stamp
from stretchtimer.storage.paths import Paths
from stretchtimer.storage.synced_journals import (
    is_copy,
    journal_files,
    load_merged,
    own_journal_name,
)

MARKER = "stretchtimer-history.txt"
MARKER_TEXT = (
    "This folder holds stretchtimer's history for every computer that syncs it: each\n"
    "computer adds its sessions to its own history-<computer>-<id>.jsonl and reads them\n"
    "all. Keep this file: without it stretchtimer takes the folder for one that is not\n"
    "there (an unmounted drive) and keeps new sessions on the computer until it is back.\n"
    "Do not edit the .jsonl files; copies a sync tool makes of them are read as well.\n")
STARTED = "sync-folder"  # in the data folder: the synced folder this computer's copy went to


def folder_of(settings: Any) -> Path | None:
    """The synced folder of these Settings (history.sync_folder), None for none."""
    return Path(settings.history.sync_folder) if settings.history.sync_folder else None


def folder_there(folder: Path) -> bool:
    """The synced folder is there (its marker is), not an empty mount point, a folder the
    system cannot reach now (a dropped share: any error) or one never set up."""
    try:
        return (folder / MARKER).is_file()
    except OSError:
        return False


def started_for(paths: Paths) -> Path | None:
    """The folder this computer's history was copied into, None if none (a folder set in
    settings.json by hand, or by the organisation, is set up by the app once it is there)."""
    try:
        text = (paths.data / STARTED).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return Path(text) if text else None


class SyncProblem(Exception):
    """Syncing could not be turned on or off; the message names the folder and why."""


@dataclass
class HistoryFiles:
    local: Path  # this computer's journal (everything it recorded)
    folder: Path | None = None  # the synced folder, or None
    data: Path | None = None  # where this installation's id is kept (own_journal_name)
    # told "synced" / "away" when the folder goes or comes back (the app's notice), with
    # the number of records added to the folder on its return, or why it went
    changed: Callable[[str, int, str], None] = field(default=lambda state, added, why: None)
    _state: str = ""
    _own: Path | None = None

    @classmethod
    def of(cls, paths: Paths, folder: Path | None) -> HistoryFiles:
        return cls(paths.journal, folder, paths.data)

    @property
    def pending(self) -> Path:
        """Recorded while the synced folder was away, to be added to it."""
        return self.local.with_name("history-unsynced.jsonl")

    @property
    def own(self) -> Path | None:
        """This computer's journal in the folder (None: no folder, or no id can be kept)."""
        if self._own is None and self.folder is not None and self.data is not None:
            with contextlib.suppress(OSError):  # a full or read-only disk: later, then
                self._own = self.folder / own_journal_name(self.data)
        return self._own

    def state(self) -> str:
        """"local" (no synced folder), "synced", or "away" (the folder is not there)."""
        if self.folder is None:
            return "local"
        return "synced" if folder_there(self.folder) else "away"

    def computers(self) -> int:
        """How many computers' journals the folder holds, this one's included (written at
        its first session) and a sync tool's copies aside."""
        own = self.own
        if self.state() != "synced" or self.folder is None or own is None:
            return 1
        return len({p.name for p in journal_files(self.folder) if not is_copy(p)} |
                   {own.name})

    def sources(self, merge: bool = True) -> list[Path]:
        """The journals to read now (storage/history_store.py reads them merged); `merge`:
        records kept while the folder was away go into it if it is back (the app does
        that; a text command such as --export only reads). The pending journal is not
        one of them: its records are in the local journal too."""
        state = self._look() if merge else self.state()
        folder = journal_files(self.folder) if state == "synced" and self.folder else []
        return folder + [self.local]

    def records(self) -> list[dict[str, Any]]:
        """Every record of the history now, each once (for --export)."""
        return load_merged(None, self.sources(merge=False)).records

    def append(self, record: dict[str, Any]) -> str:
        """Add one record where it belongs; on disk when this returns (OSError: not saved)."""
        rec = stamp(record)
        if self.folder is None:
            Journal(self.local).extend([rec])
            return str(rec["id"])
        own = self.own
        if self._look() == "synced" and own is not None:
            try:
                Journal(own, shared=True).extend([rec])
            except OSError as exc:  # the folder went away while writing, or is full
                self._look(gone=exc.strerror or str(exc))
            else:
                with contextlib.suppress(OSError):  # saved already: the copy is a spare
                    Journal(self.local).extend([rec])
                return str(rec["id"])
        Journal(self.local).extend([rec])  # saved (and read) here; the folder gets it later
        with contextlib.suppress(OSError):
            Journal(self.pending).extend([rec])
        return str(rec["id"])

    def _look(self, gone: str = "") -> str:
        """The folder's state now; on its return the pending records go into it. `gone`:
        why a write into it failed."""
        state = "away" if gone else self.state()
        added, own = 0, self.own
        if state == "synced" and own is not None and self.pending.is_file():
            try:
                loaded = Journal(self.pending).load()
                Journal(own, shared=True).extend(loaded.records + loaded.newer)
                self.pending.unlink()
                fsync_dir(self.pending.parent)
                added = len(loaded.records) + len(loaded.newer)
            except OSError as exc:
                state, gone = "away", exc.strerror or str(exc)
        if state != self._state:
            first, self._state = not self._state, state
            if not first or state == "away" or added:
                self.changed(state, added, gone)
        return state


def _ids(records: list[dict[str, Any]]) -> set[str]:
    return {r["id"] for r in records}


def start_syncing(paths: Paths, folder: Path) -> tuple[int, int]:
    """Copy this computer's history into `folder` (its records the folder lacks, to this
    computer's journal there), read the copy back, and leave the original as it is.
    Returns the number of records copied and how much of the local journal was read;
    SyncProblem says why it could not."""
    if not folder.is_absolute():
        raise SyncProblem(f"{folder}: give the folder's full path")
    try:
        if not folder.is_dir():
            raise SyncProblem(f"{folder} is not a folder here (is the drive connected? "
                              "create the folder first, or let the sync tool create it)")
        own = folder / own_journal_name(paths.data)
        if not (folder / MARKER).is_file():
            write_atomic(folder / MARKER, MARKER_TEXT.encode())
        before = load_merged(folder)
        there = _ids(before.records + before.newer)
        mine = Journal(paths.journal).load()
        missing = [r for r in mine.records + mine.newer if r["id"] not in there]
        Journal(own, shared=True).extend(missing)
        copied = load_merged(folder)
        write_atomic(paths.data / STARTED, str(folder).encode())
    except OSError as exc:
        raise SyncProblem(f"could not write into {folder}: {exc.strerror or exc}") from exc
    back = _ids(copied.records + copied.newer)
    lost = [r["id"] for r in mine.records + mine.newer if r["id"] not in back]
    if lost:
        raise SyncProblem(f"{len(lost)} record(s) could not be read back from {own.name} in "
                          f"{folder}; your history stays on this computer")
    return len(missing), mine.end


def stop_syncing(paths: Paths, folder: Path) -> int:
    """Keep a local copy of everything: the records of every computer's journal in
    `folder` that the local journal lacks are added to it, and read back. Returns the
    number added. SyncProblem when the folder is not there: the other computers'
    sessions are only there."""
    if not folder_there(folder):
        raise SyncProblem(f"{folder} is not there now, and your other computers' sessions "
                          "are only there: turn syncing off once it is back")
    local = Journal(paths.journal)
    try:
        mine = local.load()
        have = _ids(mine.records + mine.newer)
        everything = load_merged(folder)
        missing = [r for r in everything.records + everything.newer if r["id"] not in have]
        local.extend(missing)
        kept = local.load()
        if not _ids(missing) <= _ids(kept.records + kept.newer):
            raise SyncProblem(f"the copy in {paths.journal} could not be read back; "
                              "syncing stays on")
        with contextlib.suppress(FileNotFoundError):
            HistoryFiles.of(paths, folder).pending.unlink()  # its records are local too
        (paths.data / STARTED).unlink(missing_ok=True)
    except OSError as exc:
        raise SyncProblem(f"could not keep a copy in {paths.journal}: "
                          f"{exc.strerror or exc}") from exc
    return len(missing)


def switch_folder(paths: Paths, old: Path | None, new: Path | None) -> tuple[int, int]:
    """From syncing in `old` (None: local) to `new`: everything is kept locally first,
    then copied into the new folder. Returns the records copied and how much of the
    local journal the copy read (0 when turning off); SyncProblem when the switch cannot
    be made (the settings then stay as they are)."""
    if old == new:
        return 0, 0
    copied = stop_syncing(paths, old) if old is not None else 0
    return start_syncing(paths, new) if new is not None else (copied, 0)
