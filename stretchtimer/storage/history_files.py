"""Which journals the history is written to and read from (issue 19): the local one, or,
with a synced folder, this computer's own journal there and every other computer's.

With a synced folder:
- a record goes to this computer's journal in the folder first (that is when it counts
  as saved), then to the local journal, which stays a copy of everything this computer
  recorded: it is read too, so a sync tool that deletes the folder's files (a deletion
  made on another computer) takes nothing of this computer's away;
- while the folder is away (an unmounted drive, a network share that dropped), records
  go to the local journal and to a pending journal; when the folder is back, the pending
  records are added to this computer's journal there (a crash in between only writes some
  of them twice, and a record is read once whatever file holds it);
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


def folder_of(settings: Any) -> Path | None:
    """The synced folder of these Settings (history.sync_folder), None for none."""
    return Path(settings.history.sync_folder) if settings.history.sync_folder else None


class SyncProblem(Exception):
    """Syncing could not be turned on or off; the message names the folder and why."""


@dataclass
class HistoryFiles:
    local: Path  # this computer's journal (everything it recorded)
    folder: Path | None = None  # the synced folder, or None
    own_name: str = ""  # this computer's journal's name in it
    # told "synced" / "away" when the folder goes or comes back (the app's notice), with
    # the number of records added to the folder on its return
    changed: Callable[[str, int], None] = field(default=lambda state, added: None)
    _state: str = ""

    @classmethod
    def of(cls, paths: Paths, folder: Path | None) -> HistoryFiles:
        return cls(paths.journal, folder,
                   own_journal_name(paths.data) if folder is not None else "")

    @property
    def pending(self) -> Path:
        """Recorded while the synced folder was away, to be added to it."""
        return self.local.with_name("history-unsynced.jsonl")

    @property
    def own(self) -> Path | None:
        return self.folder / self.own_name if self.folder is not None else None

    def state(self) -> str:
        """"local" (no synced folder), "synced", or "away" (the folder is not there)."""
        if self.folder is None:
            return "local"
        return "synced" if (self.folder / MARKER).is_file() else "away"

    def computers(self) -> int:
        """How many computers' journals the folder holds, this one's included (written at
        its first session) and a sync tool's copies aside."""
        if self.state() != "synced" or self.folder is None:
            return 1
        return len({p.name for p in journal_files(self.folder) if not is_copy(p)} |
                   {self.own_name})

    def sources(self, merge: bool = True) -> list[Path]:
        """The journals to read now (storage/history_store.py reads them merged); `merge`:
        records kept while the folder was away go into it if it is back (the app does
        that; a text command such as --export only reads)."""
        state = self._look() if merge else self.state()
        folder = journal_files(self.folder) if state == "synced" and self.folder else []
        return folder + [p for p in (self.local, self.pending) if p.is_file()]

    def records(self) -> list[dict[str, Any]]:
        """Every record of the history now, each once (for --export)."""
        return load_merged(None, self.sources(merge=False)).records

    def append(self, record: dict[str, Any]) -> str:
        """Add one record where it belongs; on disk when this returns (OSError: not saved)."""
        rec = stamp(record)
        if self._look() == "synced" and self.own is not None:
            try:
                Journal(self.own).extend([rec])
            except OSError:
                self._look(gone=True)  # the folder went away while writing
            else:
                with contextlib.suppress(OSError):  # saved already: the copy is a spare
                    Journal(self.local).extend([rec])
                return str(rec["id"])
        if self.folder is not None:
            Journal(self.pending).extend([rec])
            with contextlib.suppress(OSError):
                Journal(self.local).extend([rec])
        else:
            Journal(self.local).extend([rec])
        return str(rec["id"])

    def _look(self, gone: bool = False) -> str:
        """The folder's state now; on its return the pending records go into it."""
        state = "away" if gone else self.state()
        added = 0
        if state == "synced" and self.pending.is_file() and self.own is not None:
            try:
                records = Journal(self.pending).load().records
                Journal(self.own).extend(records)
                self.pending.unlink()
                fsync_dir(self.pending.parent)
                added = len(records)
            except OSError:
                state = "away"
        if state != self._state:
            first, self._state = not self._state, state
            if not first or state == "away" or added:
                self.changed(state, added)
        return state


def switch_folder(paths: Paths, old: Path | None, new: Path | None) -> int:
    """From syncing in `old` (None: local) to `new`: everything is kept locally first,
    then copied into the new folder. Returns the records copied; SyncProblem when the
    switch cannot be made (the settings then stay as they are)."""
    if old == new:
        return 0
    copied = stop_syncing(paths, old) if old is not None else 0
    return start_syncing(paths, new) if new is not None else copied


def start_syncing(paths: Paths, folder: Path) -> int:
    """Copy this computer's history into `folder` (its records the folder lacks, to this
    computer's journal there), read the copy back, and leave the original as it is.
    Returns the number of records copied; SyncProblem says why it could not."""
    if not folder.is_absolute():
        raise SyncProblem(f"{folder}: give the folder's full path")
    if not folder.is_dir():
        raise SyncProblem(f"{folder} is not a folder here (is the drive connected? create "
                          "the folder first, or let the sync tool create it)")
    own = folder / own_journal_name(paths.data)
    try:
        if not (folder / MARKER).is_file():
            write_atomic(folder / MARKER, MARKER_TEXT.encode())
        mine = Journal(paths.journal).load().records
        there = {rec["id"] for rec in load_merged(folder).records}
        missing = [rec for rec in mine if rec["id"] not in there]
        Journal(own).extend(missing)
    except OSError as exc:
        raise SyncProblem(f"could not write into {folder}: {exc.strerror or exc}") from exc
    copied = {rec["id"] for rec in load_merged(folder).records}
    lost = [rec["id"] for rec in mine if rec["id"] not in copied]
    if lost:
        raise SyncProblem(f"{len(lost)} record(s) could not be read back from {own.name} in "
                          f"{folder}; your history stays on this computer")
    return len(missing)


def stop_syncing(paths: Paths, folder: Path) -> int:
    """Keep a local copy of everything: the records of every computer's journal in
    `folder` that the local journal lacks are added to it, and read back. Returns the
    number added. With the folder away, only what this computer has is kept (SyncProblem
    is not raised for that; the folder's journals stay where they are)."""
    files = HistoryFiles.of(paths, folder)
    local = Journal(paths.journal)
    mine = {rec["id"] for rec in local.load().records}
    everything = load_merged(folder if files.state() == "synced" else None, [files.pending])
    missing = [rec for rec in everything.records if rec["id"] not in mine]
    try:
        local.extend(missing)
    except OSError as exc:
        raise SyncProblem(f"could not keep a copy in {paths.journal}: "
                          f"{exc.strerror or exc}") from exc
    kept = {rec["id"] for rec in local.load().records}
    if any(rec["id"] not in kept for rec in missing):
        raise SyncProblem(f"the copy in {paths.journal} could not be read back; syncing "
                          "stays on")
    with contextlib.suppress(FileNotFoundError):
        files.pending.unlink()  # its records are in the local journal now
    return len(missing)
