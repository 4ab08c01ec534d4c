"""The routine library on disk: built-ins shipped in the package, then the user's own."""

from __future__ import annotations

from collections.abc import Iterator
from functools import partial
from pathlib import Path

from stretchtimer.core.routine import (
    Library,
    Origin,
    Source,
    in_language,
    load_library,
    read_capped,
)
from stretchtimer.resources import assets


def builtin_sources() -> Iterator[Source]:
    folder = assets() / "routines"
    for item in sorted(folder.iterdir(), key=lambda t: t.name):
        if item.name.endswith(".json"):
            yield f"built-in {item.name}", Origin.BUILT_IN, item.read_bytes


def user_sources(folder: Path) -> Iterator[Source]:
    from stretchtimer.storage.synced_routines import is_sync_copy

    if not folder.is_dir():
        return
    for path in sorted(folder.glob("*.json")):
        if not is_sync_copy(path):  # another version of one: the app keeps it aside
            yield str(path), path, partial(read_capped, path)


def folder_state(folder: Path | None) -> tuple[tuple[str, int, int], ...]:
    """Names, sizes and times of the routine files: equal means nothing to reload."""
    if folder is None or not folder.is_dir():
        return ()
    return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size)
                        for p in folder.glob("*.json")))


def load_routines(user_folder: Path | None, lang: str | None = None) -> Library:
    """Built-ins, then the user's routines; with `lang`, their texts in that language
    where a routine has them (the files are never changed)."""
    sources = list(builtin_sources())
    if user_folder is not None:
        sources += user_sources(user_folder)
    library = load_library(sources)
    if lang:
        library.routines = {k: in_language(r, lang) for k, r in library.routines.items()}
    return library
