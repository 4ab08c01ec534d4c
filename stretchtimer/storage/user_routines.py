"""The user's own routines: one JSON file each in the data folder, written atomically.
Saving never overwrites another routine's file, importing never replaces a routine that
exists (the newcomer gets a new id), and a deleted routine is moved to `deleted/`,
not destroyed, so a slip of the finger can be undone from the file manager."""

from __future__ import annotations

import json
import os
import time
from dataclasses import replace
from pathlib import Path

from stretchtimer.core.routine import Library, Routine, load_file, slug, to_data
from stretchtimer.storage.atomic import fsync_dir, read_plain, write_atomic

PICTURE_MAX_BYTES = 64 * 1024  # a figure is a few KB: anything bigger is not one (ui.figure)


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
    routine = carry_pictures(routine, path.parent, folder)
    saved = save_routine(folder, routine)
    return replace(routine, origin=saved), asked


def read_picture(path: Path) -> bytes | None:
    """A picture file's bytes: a plain file (never through a link) of at most
    PICTURE_MAX_BYTES; None otherwise, or when it is not there."""
    try:
        data = read_plain(path, limit=PICTURE_MAX_BYTES + 1, follow_links=False)
    except OSError:
        return None
    return data if len(data) <= PICTURE_MAX_BYTES else None


def carry_pictures(routine: Routine, source: Path | None, folder: Path) -> Routine:
    """Copy the routine's own pictures (files beside it in `source`, not the shipped
    figures) into `folder`, for an import or an export. A file there of the same name and
    other bytes is never replaced: the picture is copied under a free name (pose-2.svg),
    and the routine returned names it so. A picture that cannot be read is left behind
    (its exercise is shown without one)."""
    if source is None or source.resolve() == folder.resolve():
        return routine
    from stretchtimer.resources import shipped_figures

    # a shipped figure's name is never given to another picture: a routine folder's own
    # picture is found first, and would stand in for it in every routine that names it
    shipped = set(shipped_figures())
    names: dict[str, str] = {}
    for image in sorted({ex.image for ex in routine.exercises if ex.image}):
        data = read_picture(source / image)
        if data is not None:
            names[image] = _place_picture(folder, image, data, shipped)
    if not any(new != old for old, new in names.items()):
        return routine
    return replace(routine, exercises=tuple(
        replace(ex, image=names.get(ex.image, ex.image)) for ex in routine.exercises))


def _place_picture(folder: Path, name: str, data: bytes, reserved: set[str]) -> str:
    """Write `data` as folder/name, or name-2, -3 ... when another file has that name or
    it is `reserved`; the name it is under (an identical file there already: that one).
    A name stays within what a routine's `image` may be (100 characters)."""
    folder.mkdir(parents=True, exist_ok=True)
    stem, suffix = Path(name).stem, Path(name).suffix
    for n in range(1, 1000):
        tail = "" if n == 1 else f"-{n}"
        candidate = f"{stem[:100 - len(suffix) - len(tail)]}{tail}{suffix}"
        if candidate in reserved:
            continue
        target = folder / candidate
        try:  # O_EXCL: nothing there is ever replaced, even if it appears meanwhile
            fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL |
                         getattr(os, "O_NOFOLLOW", 0), 0o644)
        except FileExistsError:
            if read_picture(target) == data:
                return candidate
            continue
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        fsync_dir(folder)
        return candidate
    raise FileExistsError(f"no free name for {name} in {folder}")


def import_message(routine: Routine, asked: str) -> str:
    """What the command line says after an import (the window says it in its language)."""
    text = f"Imported \u201c{routine.name}\u201d."
    if asked != routine.id:
        text += (f" A routine with the id \u201c{asked}\u201d already exists, so this one is "
                 f"saved as \u201c{routine.id}\u201d; nothing was replaced.")
    return text


def export_routine(routine: Routine, path: Path) -> None:
    """Write the routine as `path`, and its own pictures beside it."""
    routine = carry_pictures(routine, routine.file.parent if routine.file else None, path.parent)
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
