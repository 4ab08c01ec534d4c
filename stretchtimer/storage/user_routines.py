"""The user's own routines: one JSON file each in the data folder, written atomically.
Saving never overwrites another routine's file, importing never replaces a routine that
exists (the newcomer gets a new id), and a deleted routine is moved to `deleted/`,
not destroyed, so a slip of the finger can be undone from the file manager."""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path

from stretchtimer.core.routine import (Library, Problem, Routine, RoutineError, parse,
                                       read_capped, slug, to_data)
from stretchtimer.storage.atomic import write_atomic


def routine_bytes(routine: Routine) -> bytes:
    return (json.dumps(to_data(routine), indent=2, ensure_ascii=False) + "\n").encode()


def save_routine(folder: Path, routine: Routine) -> Path:
    """Write (or rewrite) the user's routine as <folder>/<id>.json."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{routine.id}.json"
    write_atomic(path, routine_bytes(routine))
    return path


def free_id(wanted: str, library: Library, folder: Path) -> str:
    """`wanted`, or wanted-2, -3 ... when a routine or a file already has it."""
    taken = set(library.routines) | {p.stem for p in folder.glob("*.json")}
    return slug(wanted, taken) if wanted in taken else wanted


def import_routine(path: Path, library: Library, folder: Path) -> tuple[Routine, str]:
    """Check a routine file and add it to the user's routines. Returns the routine as
    saved and a sentence for the user (saying so when it got a new id). Raises
    RoutineError naming every problem; nothing is written then."""
    try:
        raw = read_capped(path)
    except OSError as exc:
        raise RoutineError(str(path), [Problem("", f"cannot read the file: {exc.strerror}")]) \
            from None
    routine = parse(raw, str(path))
    new_id = free_id(routine.id, library, folder)
    message = f"Imported \u201c{routine.name}\u201d."
    if new_id != routine.id:
        message += (f" A routine with the id \u201c{routine.id}\u201d already exists, so this "
                    f"one is saved as \u201c{new_id}\u201d; nothing was replaced.")
        routine = replace(routine, id=new_id)
    saved = save_routine(folder, routine)
    return replace(routine, origin=str(saved)), message


def export_routine(routine: Routine, path: Path) -> None:
    write_atomic(path, routine_bytes(routine))


def delete_routine(folder: Path, routine: Routine, now: float | None = None) -> Path:
    """Move the routine's file into <folder>/deleted/ (kept, not destroyed)."""
    source = Path(routine.origin)
    if source.parent != folder:
        raise ValueError(f"{routine.name} is not one of your routines")
    bin_ = folder / "deleted"
    bin_.mkdir(exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(now))
    target = bin_ / f"{routine.id}-{stamp}.json"
    source.replace(target)
    return target
