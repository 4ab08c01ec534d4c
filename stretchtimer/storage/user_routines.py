"""The user's own routines: one JSON file each in the data folder, written atomically.
Saving never overwrites another routine's file, importing never replaces a routine that
exists (the newcomer gets a new id), and a deleted routine is moved to `deleted/`,
not destroyed, so a slip of the finger can be undone from the file manager."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path

from stretchtimer.core.routine import Library, Routine, load_file, slug, to_data
from stretchtimer.storage.atomic import write_atomic


def routine_bytes(routine: Routine) -> bytes:
    return (json.dumps(to_data(routine), indent=2, ensure_ascii=False) + "\n").encode()


def save_routine(folder: Path, routine: Routine, path: Path | None = None) -> Path:
    """Write a new routine as <folder>/<id>.json, refusing to replace any file of that
    name (whatever its case: Windows and macOS disks ignore case); or, with `path`,
    rewrite that file (the routine's own, when it is edited)."""
    folder.mkdir(parents=True, exist_ok=True)
    if path is None:
        path = folder / f"{routine.id}.json"
        if path.name.lower() in {p.name.lower() for p in folder.iterdir()}:
            raise FileExistsError(f"{path.name} already exists in {folder}")
    write_atomic(path, routine_bytes(routine))
    return path


def taken_ids(library: Library, folder: Path | None, keep: Path | None = None) -> set[str]:
    """Ids a new routine may not use: every routine's, and every file name in the folder
    (lower case), but the file `keep` (the one being edited)."""
    taken = set(library.routines)
    if folder is not None and folder.is_dir():
        taken |= {p.stem.lower() for p in folder.glob("*.json") if p != keep}
    return taken


def free_id(wanted: str, library: Library, folder: Path) -> str:
    """`wanted`, or wanted-2, -3 ... when a routine or a file already has it."""
    taken = taken_ids(library, folder)
    return slug(wanted, taken) if wanted in taken else wanted


def import_routine(path: Path, library: Library, folder: Path) -> tuple[Routine, str]:
    """Check a routine file and add it to the user's routines. Returns the routine as
    saved and the id the file asked for (different when that one was taken). Raises
    RoutineError naming every problem; nothing is written then."""
    routine = load_file(path)
    asked = routine.id
    routine = replace(routine, id=free_id(asked, library, folder))
    saved = save_routine(folder, routine)
    return replace(routine, origin=saved), asked


def import_message(routine: Routine, asked: str) -> str:
    """What the command line says after an import (the window says it in its language)."""
    text = f"Imported \u201c{routine.name}\u201d."
    if asked != routine.id:
        text += (f" A routine with the id \u201c{asked}\u201d already exists, so this one is "
                 f"saved as \u201c{routine.id}\u201d; nothing was replaced.")
    return text


def export_routine(routine: Routine, path: Path) -> None:
    write_atomic(path, routine_bytes(routine))


def delete_routine(folder: Path, routine: Routine, now: float | None = None) -> Path:
    """Move the routine's file into <folder>/deleted/ (kept, not destroyed)."""
    source = routine.file
    if source is None or source.parent != folder:
        raise ValueError(f"{routine.name} is not one of your routines")
    bin_ = folder / "deleted"
    bin_.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now))
    target = bin_ / f"{routine.id}-{stamp}.json"
    source.replace(target)
    return target
