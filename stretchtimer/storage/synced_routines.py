"""The user's own routines in the synced folder too (issue 19: history.sync_routines), so
a routine made at work is there at home. Nothing is ever overwritten silently: when two
versions of a routine meet (edited on two computers, or a file in both folders when
syncing is turned on or off), the newer one is in place and the other is kept aside in
the folder's kept-aside/ (not read as a routine, so its id does not clash), and the app
says so. Sync tools' own conflict copies are kept aside the same way."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from stretchtimer.storage.atomic import write_atomic
from stretchtimer.storage.paths import Paths
from stretchtimer.storage.synced_journals import SYNC_COPY

KEPT_ASIDE = "kept-aside"


def is_sync_copy(path: Path) -> bool:
    """A sync tool's conflict copy of a routine file (not read as a routine; a routine's
    own file is named by a slug of its id, which never looks like one)."""
    return SYNC_COPY.search(path.name) is not None


def routines_folder(paths: Paths, settings: Any) -> Path:
    """Where the user's routines are: in the synced folder's routines/, when the history
    is synced, the routines go with it and the folder is there (never a bare mount point:
    while it is away the ones on this computer are used); else the data folder's."""
    from stretchtimer.storage.history_files import folder_there

    h = settings.history
    if h.sync_folder and h.sync_routines and folder_there(Path(h.sync_folder)):
        return Path(h.sync_folder) / "routines"
    return paths.user_routines


def _aside(folder: Path, name: str, now: float | None) -> Path:
    bin_ = folder / KEPT_ASIDE
    bin_.mkdir(exist_ok=True)
    stem, suffix = Path(name).stem, Path(name).suffix  # a routine (.json), its picture (.svg)
    target = bin_ / f"{stem}-{time.strftime('%Y%m%d-%H%M%S', time.localtime(now))}{suffix}"
    n = 2
    while target.exists():
        target = target.with_name(f"{stem}-{n}{suffix}")
        n += 1
    return target


def keep_copies_aside(folder: Path, now: float | None = None) -> list[Path]:
    """Move a sync tool's conflict copies of routine files into kept-aside/; returns
    where they went."""
    moved = []
    try:
        copies = [p for p in sorted(folder.glob("*.json")) if is_sync_copy(p)]
    except OSError:
        return []
    for path in copies:
        target = _aside(folder, path.name, now)
        try:
            path.replace(target)
        except OSError:
            continue  # taken away meanwhile: nothing to keep
        moved.append(target)
    return moved


def merge_routines(source: Path, target: Path, now: float | None = None) -> list[Path]:
    """Copy every routine file of `source` into `target` (turning syncing of routines on:
    the local ones into the synced folder; off: the synced ones back), and the pictures
    (.svg) beside them that routines name. A file of the same name and other bytes: the
    newer in place, the other kept aside. The source is left as it is. Returns what was
    kept aside."""
    kept = []
    target.mkdir(parents=True, exist_ok=True)
    files = [*source.glob("*.json"), *source.glob("*.svg")] if source.is_dir() else []
    for path in sorted(files):
        there = target / path.name
        data = path.read_bytes()
        if not there.exists():
            write_atomic(there, data)
            continue
        if there.read_bytes() == data:
            continue
        if path.stat().st_mtime > there.stat().st_mtime:  # ours is newer: it goes in place
            aside = _aside(target, path.name, now)
            there.replace(aside)
            write_atomic(there, data)
        else:
            aside = _aside(target, path.name, now)
            write_atomic(aside, data)
        kept.append(aside)
    return kept


def file_state(path: Path | None) -> tuple[int, int] | None:
    """A routine file's modification time and size (None: not there), taken when an
    editor opens it."""
    try:
        st = path.stat() if path is not None else None
    except OSError:
        return None
    return (st.st_mtime_ns, st.st_size) if st is not None else None


def keep_if_changed(path: Path | None, was: tuple[int, int] | None,
                    now: float | None = None) -> Path | None:
    """Before an edit is saved over `path`: if the file changed since the editor opened
    it (another computer's edit, synced in), that version is kept aside; where to."""
    if path is None or was is None or file_state(path) in (was, None):
        return None
    aside = _aside(path.parent, path.name, now)
    write_atomic(aside, path.read_bytes())
    return aside
